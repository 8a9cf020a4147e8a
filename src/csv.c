/*
 * csv.c — glue for CSV text: read_csv(text) returns its records as
 * (line, fields text[]).  The reading is src/core/csv.c (RFC 4180); the
 * loaders of downloaded files (load_usgs_mcs_file) call it after decoding
 * the file's bytes.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/tuplestore.h"

#include "glue.h"

PG_FUNCTION_INFO_V1(read_csv);
Datum
read_csv(PG_FUNCTION_ARGS)
{
	text	   *content = PG_GETARG_TEXT_PP(0);
	const char *buf = VARDATA_ANY(content);
	size_t		len = VARSIZE_ANY_EXHDR(content);
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	char	   *field = palloc(len + 1);
	re_csv		c;

	InitMaterializedSRF(fcinfo, 0);
	re_csv_init(&c, buf, len);
	while (!re_csv_done(&c))
	{
		size_t		line = c.line;
		ArrayBuildState *fields = initArrayResult(TEXTOID, CurrentMemoryContext, false);
		bool		last = false;
		Datum		values[2];
		bool		nulls[2] = {false, false};

		while (!last)
		{
			size_t		n;

			if (re_csv_field(&c, field, &n, &last) != RE_OK)
				ereport(ERROR,
						(errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
						 errmsg("unterminated quoted field in CSV record starting on line %zu", line),
						 errhint("A field that starts with a double quote must end with one; "
								 "a quote inside it is written twice.")));
			accumArrayResult(fields, PointerGetDatum(cstring_to_text_with_len(field, (int) n)),
							 false, TEXTOID, CurrentMemoryContext);
			CHECK_FOR_INTERRUPTS();
		}
		values[0] = Int32GetDatum((int32) line);	/* text < 1 GB: fewer lines than INT32_MAX */
		values[1] = makeArrayResult(fields, CurrentMemoryContext);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	pfree(field);
	return (Datum) 0;
}
