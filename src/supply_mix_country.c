/*
 * supply_mix_country.c — supply_mix(supplier country, quantity): the
 * integer-keyed state of the supply_mix family (RE_KEY_INT, keyed by the
 * country's packed code, so no string hashing per row), finished into a
 * summary keyed by ISO alpha-3.  Combine, serialize and deserialize are the
 * family's own (supply_mix.c).
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/builtins.h"

#include "glue.h"

static MemoryContext
aggregate_context(FunctionCallInfo fcinfo)
{
	MemoryContext cxt;

	if (!AggCheckCallContext(fcinfo, &cxt))
		elog(ERROR, "supply_mix(country, ...) called in non-aggregate context");
	return cxt;
}

static Datum
trans_country(FunctionCallInfo fcinfo, bool numeric_qty)
{
	MemoryContext cxt = aggregate_context(fcinfo);
	re_mix_state *st = PG_ARGISNULL(0) ? NULL : (re_mix_state *) PG_GETARG_POINTER(0);

	if (st == NULL)
	{
		st = MemoryContextAlloc(cxt, sizeof(re_mix_state));
		if (re_mix_state_init(st, re_pg_allocator(cxt), RE_KEY_INT) != RE_OK)
			ereport(ERROR, (errcode(ERRCODE_OUT_OF_MEMORY), errmsg("out of memory")));
	}
	if (!PG_ARGISNULL(1) && !PG_ARGISNULL(2))
	{
		uint16		code = DatumGetUInt16(PG_GETARG_DATUM(1));
		double		q = numeric_qty
			? DatumGetFloat8(DirectFunctionCall1(numeric_float8, PG_GETARG_DATUM(2)))
			: PG_GETARG_FLOAT8(2);
		re_status	err = re_mix_add_int(st, code, q);

		if (err != RE_OK)
		{
			const re_country *c = re_country_by_code(code);

			re_report_mix_quantity(err, c ? c->alpha3 : "?", q);
		}
	}
	PG_RETURN_POINTER(st);
}

PG_FUNCTION_INFO_V1(supply_mix_trans_country);
Datum
supply_mix_trans_country(PG_FUNCTION_ARGS)
{
	return trans_country(fcinfo, false);
}

PG_FUNCTION_INFO_V1(supply_mix_trans_country_numeric);
Datum
supply_mix_trans_country_numeric(PG_FUNCTION_ARGS)
{
	return trans_country(fcinfo, true);
}

/* a packed country code as its ISO alpha-3 (or special) code */
static uint32_t
render_country(int64_t key, char *buf64)
{
	const re_country *c = (key >= 0 && key <= PG_UINT16_MAX) ? re_country_by_code((uint16) key) : NULL;

	if (c == NULL)
		return re_render_decimal(key, buf64);	/* cannot happen: keys come from country values */
	strlcpy(buf64, c->alpha3, 64);
	return (uint32_t) strlen(buf64);
}

PG_FUNCTION_INFO_V1(supply_mix_final_country);
Datum
supply_mix_final_country(PG_FUNCTION_ARGS)
{
	re_mix_state *st = PG_ARGISNULL(0) ? NULL : (re_mix_state *) PG_GETARG_POINTER(0);
	re_mix		mix = {0};

	aggregate_context(fcinfo);
	if (st != NULL)
	{
		re_status	err = re_mix_from_state(&mix, re_pg_allocator(CurrentMemoryContext),
											st, render_country);

		if (err == RE_OVERFLOW)
			re_report_mix_total(NULL);
		if (err != RE_OK)
			re_report_decode_error(err, "supply_mix aggregate state", ERRCODE_INTERNAL_ERROR);
	}
	PG_RETURN_BYTEA_P(re_mix_to_varlena(&mix));
}
