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
#include "utils/memutils.h"
#include "utils/tuplestore.h"

#include "glue.h"

/*
 * read_csv(content, max_record_bytes DEFAULT 0, source DEFAULT NULL): 0 or
 * NULL for no bound; source names the text in messages (file "x.csv";
 * NULL: the CSV text).
 * Not strict: a NULL content is no records.
 */
PG_FUNCTION_INFO_V1(read_csv);
Datum
read_csv(PG_FUNCTION_ARGS)
{
	text	   *content;
	const char *buf;
	size_t		len;
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	int32		max_record = PG_ARGISNULL(1) ? 0 : PG_GETARG_INT32(1);
	const char *source = PG_ARGISNULL(2) ? "the CSV text" : text_to_cstring(PG_GETARG_TEXT_PP(2));
	char	   *field;
	re_csv		c;
	MemoryContext record_cxt;

	InitMaterializedSRF(fcinfo, 0);
	if (PG_ARGISNULL(0))
		return (Datum) 0;
	if (max_record < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("max_record_bytes of read_csv is negative: %d", max_record),
				 errhint("Give the longest record to accept in bytes, or 0 for no bound.")));
	content = PG_GETARG_TEXT_PP(0);
	buf = VARDATA_ANY(content);
	len = VARSIZE_ANY_EXHDR(content);
	/* a field is never longer than the input, nor than a record */
	field = palloc((max_record > 0 && (size_t) max_record < len ? (size_t) max_record : len) + 1);
	re_csv_init(&c, buf, len);
	c.max_record = (size_t) max_record;
	/*
	 * A record's fields and array live in a context emptied after each
	 * record (the tuplestore keeps its own copy): without it a file of a
	 * million records kept about a gigabyte until the call ended.
	 */
	record_cxt = AllocSetContextCreate(CurrentMemoryContext, "read_csv record", ALLOCSET_SMALL_SIZES);
	while (!re_csv_done(&c))
	{
		size_t		line = c.line;
		MemoryContext outer = MemoryContextSwitchTo(record_cxt);
		ArrayBuildState *fields = initArrayResult(TEXTOID, record_cxt, false);
		bool		last = false;
		Datum		values[2];
		bool		nulls[2] = {false, false};

		while (!last)
		{
			size_t		n;
			re_status	st = re_csv_field(&c, field, &n, &last);

			if (st == RE_TOO_LARGE)
				ereport(ERROR,
						(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
						 errmsg("CSV record starting on line %zu of %s is longer than %d bytes",
								line, source, max_record),
						 errhint("Records of the files read here are far shorter; "
								 "check that this is the intended file.")));
			if (st != RE_OK)
				ereport(ERROR,
						(errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
						 errmsg("unterminated quoted field in CSV record starting on line %zu of %s",
								line, source),
						 errhint("A field that starts with a double quote must end with one; "
								 "a quote inside it is written twice.")));
			accumArrayResult(fields, PointerGetDatum(cstring_to_text_with_len(field, (int) n)),
							 false, TEXTOID, record_cxt);
			CHECK_FOR_INTERRUPTS();
		}
		values[0] = Int32GetDatum((int32) line);	/* text < 1 GB: fewer lines than INT32_MAX */
		values[1] = makeArrayResult(fields, record_cxt);
		MemoryContextSwitchTo(outer);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
		MemoryContextReset(record_cxt);
	}
	MemoryContextDelete(record_cxt);
	pfree(field);
	return (Datum) 0;
}
