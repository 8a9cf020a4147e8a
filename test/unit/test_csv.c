/*
 * test_csv.c — unit tests of src/core/csv.c: CSV records as the USGS MCS
 * data releases print them (quoted thousands, CRLF, trailing empty columns,
 * all-empty rows) and the corner cases of RFC 4180.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

/* the reader allocates nothing: no pool from unit.h is needed */
#include "rareearth_core.h"

/*
 * Every record of text, written as fields joined by '|' and records by
 * '/', each record prefixed with its line number and ':'.
 */
static re_status
records(const char *text, char *out, size_t cap)
{
	re_csv		c;
	char		field[512];
	size_t		used = 0;

	out[0] = '\0';
	re_csv_init(&c, text, strlen(text));
	while (!re_csv_done(&c))
	{
		bool		last = false;
		bool		first = true;

		used += (size_t) snprintf(out + used, cap - used, "%s%zu:", used ? "/" : "", c.line);
		while (!last)
		{
			size_t		n;
			re_status	st = re_csv_field(&c, field, &n, &last);

			if (st != RE_OK)
				return st;
			used += (size_t) snprintf(out + used, cap - used, "%s%.*s", first ? "" : "|", (int) n, field);
			first = false;
		}
	}
	return RE_OK;
}

static void
assert_records(const char *text, const char *expected)
{
	char		out[1024];

	assert_int_equal(records(text, out, sizeof(out)), RE_OK);
	assert_string_equal(out, expected);
}

static void
test_mcs_world_rows(void **state)
{
	(void) state;
	/* mcs2023-titan_world.csv: a quoted thousands separator, CRLF */
	assert_records("Source,Country,Type\r\nMCS2023,China,\"140,000\",150000\r\n",
				   "1:Source|Country|Type/2:MCS2023|China|140,000|150000");
	/* mcs2024 files: trailing empty columns and all-empty rows */
	assert_records("a,b,,\r\n,,,\r\n", "1:a|b||/2:|||");
	/* "World total (ilmenite, rounded)" in quotes */
	assert_records("MCS2023,\"World total (ilmenite, rounded)\",x",
				   "1:MCS2023|World total (ilmenite, rounded)|x");
}

static void
test_quotes(void **state)
{
	(void) state;
	assert_records("\"a \"\"b\"\" c\",d\n", "1:a \"b\" c|d");
	assert_records("\"\",\"\"\"\"\n", "1:|\"");
	/* as Python's csv: text after a closing quote is kept, a quote inside an unquoted field is text */
	assert_records("\"ab\"c,d\"e\n", "1:abc|d\"e");
}

static void
test_line_breaks(void **state)
{
	(void) state;
	/* LF, CRLF and CR end records; a quoted break stays in the field and counts as a line */
	assert_records("a\nb\r\nc\rd", "1:a/2:b/3:c/4:d");
	assert_records("\"x\r\ny\",z\r\nw\r\n", "1:x\r\ny|z/3:w");
	/* an empty line is a record of one empty field; no record after the last break */
	assert_records("a\n\nb\n", "1:a/2:/3:b");
	assert_records("", "");
	assert_records("\n", "1:");
	/* a trailing comma at the end of the input is one more empty field */
	assert_records("a,", "1:a|");
}

static void
test_unterminated_quote(void **state)
{
	char		out[256];

	(void) state;
	assert_int_equal(records("a,\"b\nc", out, sizeof(out)), RE_TRUNCATED);
	assert_int_equal(records("\"", out, sizeof(out)), RE_TRUNCATED);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mcs_world_rows),
		cmocka_unit_test(test_quotes),
		cmocka_unit_test(test_line_breaks),
		cmocka_unit_test(test_unterminated_quote),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
