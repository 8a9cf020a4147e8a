/*
 * fuzz_json_numbers.c — the text input and output of supply_mix,
 * material_balance and trajectory, as the server runs them: src/json_numbers.c,
 * the three types' glue files and the core compiled unchanged, PostgreSQL's
 * own JSON parser (libpgcommon), and test/fuzz/pgshim/ for the few backend
 * services they call (ereport as a longjmp to PG_CATCH, palloc in one
 * memory context, the database encoding).  See pgshim/pgshim.c for what is
 * real and what is shimmed.
 *
 * Each input, up to its first NUL (a cstring argument ends there), goes to
 * each type's input function under each database encoding in which it is
 * valid text: the server verifies the encoding of text before an input
 * function sees it.  Properties:
 *  - the input is accepted, or refused with an ERROR whose SQLSTATE a text
 *    input may raise: 22P02, 22003, 22023, 22P05 or 54000; never XX000
 *    (elog), 53200, another code, a crash or a leak; and no text input
 *    reports its error as an "invalid binary ..." value;
 *  - an accepted value prints (the output function) as text that is valid
 *    in the database encoding (so it survives dump and restore), that the
 *    input function reads back without error to the same stored bytes
 *    (each value has one binary form; supply_mix's = compares those bytes),
 *    and that prints again as the same text: print(parse(print(x))) == print(x).
 *
 * With FUZZ_JSON_NUMBERS_VERBOSE set in the environment, each outcome is
 * printed (to see what a seed or a crash input does).
 */
#include "postgres.h"

#include "fmgr.h"
#include "mb/pg_wchar.h"
#include "utils/elog.h"

#include "pgshim.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

extern Datum supply_mix_in(PG_FUNCTION_ARGS);
extern Datum supply_mix_out(PG_FUNCTION_ARGS);
extern Datum material_balance_in(PG_FUNCTION_ARGS);
extern Datum material_balance_out(PG_FUNCTION_ARGS);
extern Datum trajectory_in(PG_FUNCTION_ARGS);
extern Datum trajectory_out(PG_FUNCTION_ARGS);

typedef struct text_type
{
	const char *name;
	PGFunction	in;
	PGFunction	out;
} text_type;

static const text_type types[] = {
	{"supply_mix", supply_mix_in, supply_mix_out},
	{"material_balance", material_balance_in, material_balance_out},
	{"trajectory", trajectory_in, trajectory_out},
};

/* server encodings of each kind: UTF8, single-byte, bytes unchecked, multibyte */
static const int encodings[] = {PG_UTF8, PG_LATIN1, PG_SQL_ASCII, PG_EUC_JP};

pg_noreturn static void fail(const char *what, const text_type *t, const char *input);

static void
fail(const char *what, const text_type *t, const char *input)
{
	fprintf(stderr, "fuzz_json_numbers: %s: %s under %s, input \"%s\"\n",
			what, t->name, pg_encoding_to_char(GetDatabaseEncoding()), input);
	abort();
}

/* a type's input or output function called as fmgr calls it */
static Datum
call(PGFunction fn, Datum arg, const text_type *t, const char *input)
{
	LOCAL_FCINFO(fcinfo, 3);
	Datum		result;

	InitFunctionCallInfoData(*fcinfo, NULL, 3, InvalidOid, NULL, NULL);
	fcinfo->args[0].value = arg;
	fcinfo->args[0].isnull = false;
	fcinfo->args[1].value = ObjectIdGetDatum(InvalidOid);	/* typioparam */
	fcinfo->args[1].isnull = false;
	fcinfo->args[2].value = Int32GetDatum(-1);	/* typmod */
	fcinfo->args[2].isnull = false;
	result = fn(fcinfo);
	if (fcinfo->isnull)
		fail("a function returned NULL", t, input);
	return result;
}

/*
 * The input function on str; false after an ERROR, which is left caught
 * for the caller to inspect and flush.
 */
static bool
read_text(const text_type *t, const char *str, Datum *value)
{
	volatile bool ok = false;

	PG_TRY();
	{
		*value = call(t->in, CStringGetDatum(str), t, str);
		ok = true;
	}
	PG_CATCH();
	{
		/* pgshim keeps the error until pgshim_flush_error */
	}
	PG_END_TRY();
	return ok;
}

static bool verbose;

static bool
expected_sqlstate(int code)
{
	return code == ERRCODE_INVALID_TEXT_REPRESENTATION ||	/* 22P02 */
		code == ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE ||	/* 22003 */
		code == ERRCODE_INVALID_PARAMETER_VALUE ||	/* 22023 */
		code == ERRCODE_UNTRANSLATABLE_CHARACTER || /* 22P05 */
		code == ERRCODE_PROGRAM_LIMIT_EXCEEDED; /* 54000 */
}

static void
report_error(const char *what, const text_type *t, const char *input)
{
	const pgshim_error *e = pgshim_caught();

	fprintf(stderr, "ERROR %s: %s\nDETAIL: %s\nHINT: %s\nat %s:%d (%s)\n",
			e->sqlstate, e->message, e->detail, e->hint,
			e->filename, e->lineno, e->funcname);
	fail(what, t, input);
}

/* the output function's text of a value */
static const char *
print(const text_type *t, Datum value, const char *input)
{
	volatile Datum printed = 0;

	PG_TRY();
	{
		printed = call(t->out, value, t, input);
	}
	PG_CATCH();
	{
		report_error("the output function raised an ERROR", t, input);
	}
	PG_END_TRY();
	return DatumGetCString(printed);
}

static bool
same_bytes(Datum a, Datum b)
{
	struct varlena *x = (struct varlena *) DatumGetPointer(a);
	struct varlena *y = (struct varlena *) DatumGetPointer(b);

	return VARSIZE_ANY(x) == VARSIZE_ANY(y) && memcmp(x, y, VARSIZE_ANY(x)) == 0;
}

static void
check(const text_type *t, const char *input)
{
	Datum		value,
				again;
	const char *printed,
			   *reprinted;

	if (!read_text(t, input, &value))
	{
		const pgshim_error *e = pgshim_caught();

		if (!expected_sqlstate(e->sqlerrcode))
			report_error("unexpected SQLSTATE", t, input);
		if (strncmp(e->message, "invalid binary", 14) == 0)
			report_error("a text input error speaks of a binary value", t, input);
		if (verbose)
			printf("%-16s %-9s ERROR %s: %s\n", t->name,
				   pg_encoding_to_char(GetDatabaseEncoding()), e->sqlstate, e->message);
		pgshim_flush_error();
		return;
	}
	printed = print(t, value, input);
	if (verbose)
		printf("%-16s %-9s %s\n", t->name, pg_encoding_to_char(GetDatabaseEncoding()), printed);
	if (pg_encoding_verifymbstr(GetDatabaseEncoding(), printed, strlen(printed)) != (int) strlen(printed))
		fail("the printed text is not valid in the database encoding", t, input);
	if (!read_text(t, printed, &again))
	{
		fprintf(stderr, "printed: %s\n", printed);
		report_error("the printed text is refused", t, input);
	}
	if (!same_bytes(value, again))
	{
		fprintf(stderr, "printed: %s\n", printed);
		fail("the printed text reads back to a different value", t, input);
	}
	reprinted = print(t, again, input);
	if (strcmp(printed, reprinted) != 0)
	{
		fprintf(stderr, "printed:   %s\nreprinted: %s\n", printed, reprinted);
		fail("printing is not canonical", t, input);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* exactly size + 1 bytes, so ASan catches a read past the NUL */
	char	   *s = malloc(size + 1);
	int			len;

	if (s == NULL)
		return 0;
	verbose = getenv("FUZZ_JSON_NUMBERS_VERBOSE") != NULL;
	memcpy(s, data, size);
	s[size] = '\0';
	len = strlen(s);
	for (size_t e = 0; e < lengthof(encodings); e++)
	{
		if (pg_encoding_verifymbstr(encodings[e], s, len) != len)
			continue;
		pgshim_set_database_encoding(encodings[e]);
		for (size_t i = 0; i < lengthof(types); i++)
		{
			check(&types[i], s);
			pgshim_reset_memory();
		}
	}
	free(s);
	return 0;
}
