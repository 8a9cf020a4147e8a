/*
 * usgs_value.c — glue for USGS MCS value cells: parse_usgs_value(text) and
 * usgs_value_problem(text).  The parsing is src/core/usgs_value.c.
 *
 * The loaders call usgs_value_problem first so that a refused cell becomes
 * a row of load_rejects with its reason instead of aborting the load.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "fmgr.h"
#include "funcapi.h"
#include "utils/builtins.h"

#include "glue.h"

PG_FUNCTION_INFO_V1(parse_usgs_value);
Datum
parse_usgs_value(PG_FUNCTION_ARGS)
{
	text	   *cell = PG_GETARG_TEXT_PP(0);
	re_usgs_value v;
	TupleDesc	tupdesc;
	Datum		values[3];
	bool		nulls[3] = {false, false, false};

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	if (re_usgs_value_parse(VARDATA_ANY(cell), VARSIZE_ANY_EXHDR(cell), &v) != RE_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid USGS value cell: \"%s\"", text_to_cstring(cell)),
				 errdetail("%s", v.reason),
				 errhint("A cell holds one number, optionally with '>' or '<' before it or 'e' after it, "
						 "or one of W, NA, E, XX, s, or an em dash for zero.")));
	values[0] = Float8GetDatum(v.value);
	nulls[0] = !v.has_value;
	values[1] = CStringGetTextDatum(v.qualifier);
	nulls[1] = v.qualifier[0] == '\0';
	values[2] = BoolGetDatum(v.estimated);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(BlessTupleDesc(tupdesc), values, nulls)));
}

PG_FUNCTION_INFO_V1(usgs_value_problem);
Datum
usgs_value_problem(PG_FUNCTION_ARGS)
{
	text	   *cell = PG_GETARG_TEXT_PP(0);
	re_usgs_value v;

	if (re_usgs_value_parse(VARDATA_ANY(cell), VARSIZE_ANY_EXHDR(cell), &v) == RE_OK)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(v.reason));
}
