/*
 * test_usgs_value.c — unit tests of src/core/usgs_value.c: USGS MCS value
 * cells as printed.  The cells are taken from the MCS 2026 data release
 * (data/usgs/usgs_mcs_format.md lists them) and from the MCS legend.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

/* the parser allocates nothing: no pool from unit.h is needed */
#include "rareearth_core.h"

static re_usgs_value
parse_ok(const char *cell)
{
	re_usgs_value v;

	assert_int_equal(re_usgs_value_parse(cell, strlen(cell), &v), RE_OK);
	return v;
}

static void
assert_number(const char *cell, double expected, const char *qualifier)
{
	re_usgs_value v = parse_ok(cell);

	assert_true(v.has_value);
	assert_true(v.value == expected);
	assert_string_equal(v.qualifier, qualifier);
	assert_false(v.estimated);
}

static void
assert_refused(const char *cell, const char *reason)
{
	re_usgs_value v;

	assert_int_equal(re_usgs_value_parse(cell, strlen(cell), &v), RE_UNRECOGNIZED);
	assert_non_null(v.reason);
	assert_string_equal(v.reason, reason);
}

static void
test_plain_numbers(void **state)
{
	(void) state;
	assert_number("270,000", 270000, "");
	assert_number("45,500", 45500, "");
	assert_number("45500", 45500, "");
	assert_number("0.96", 0.96, "");
	assert_number("120", 120, "");
	assert_number("85,000,000", 85000000, "");
	assert_number("1,234.5", 1234.5, "");
	assert_number("0", 0, "");
	assert_number("-500", -500, "");
	assert_number("-0", 0, "");
	/* -0 is stored as +0, not as a signed zero */
	assert_false(signbit(parse_ok("-0").value));
}

static void
test_bounds(void **state)
{
	(void) state;
	assert_number(">95", 95, ">");
	assert_number("<1", 1, "<");
	assert_number("<1,000", 1000, "<");
	assert_number(">85,000,000", 85000000, ">");
	assert_number("> 90", 90, ">");
}

static void
test_codes(void **state)
{
	const char *codes[] = {"W", "NA", "E", "XX"};

	(void) state;
	for (int i = 0; i < 4; i++)
	{
		re_usgs_value v = parse_ok(codes[i]);

		assert_false(v.has_value);
		assert_string_equal(v.qualifier, codes[i]);
	}
	/* codes are case-sensitive: "na" is a word */
	assert_refused("na", "The cell holds a word, not a number.");
}

static void
test_zero_and_small(void **state)
{
	(void) state;
	assert_number("\x97", 0, "");			/* cp1252 em dash */
	assert_number("\xe2\x80\x94", 0, "");	/* UTF-8 em dash */
	assert_number("\xc2\x97", 0, "");		/* cp1252 read as Latin-1 */
	assert_number(" \x97 ", 0, "");
	assert_number("s", 0.5, "<");			/* less than 1/2 unit */
	/* the en dash is not zero */
	assert_refused("\x96", "The cell starts with a character that is not part of a number.");
}

static void
test_estimate_marker(void **state)
{
	re_usgs_value v = parse_ok("2,500e");

	(void) state;
	assert_true(v.has_value && v.value == 2500 && v.estimated);
	assert_string_equal(v.qualifier, "");
	v = parse_ok(">95e");
	assert_true(v.has_value && v.value == 95 && v.estimated);
	assert_string_equal(v.qualifier, ">");
	assert_refused("2,500 e", "Unexpected text follows the number.");
	assert_refused("1e5", "Unexpected text follows the number.");
}

static void
test_spaces_and_nbsp(void **state)
{
	(void) state;
	assert_number("68\xa0", 68, "");		/* WOLLASTONITE employment, cp1252 */
	assert_number("68\xc2\xa0", 68, "");	/* the same in UTF-8 */
	assert_number("\xa0\x31\x32", 12, "");
	assert_number(" \t270,000\r\n", 270000, "");
	assert_refused("\xa0", "The cell is empty.");
	assert_refused("", "The cell is empty.");
	assert_refused("   ", "The cell is empty.");
	/* a UTF-8 letter ending in byte A0 ("\xc3\xa0", a-grave) is not trimmed */
	assert_refused("5\xc3\xa0", "Unexpected text follows the number.");
}

static void
test_ranges_and_words(void **state)
{
	(void) state;
	assert_refused("10,000 - 15,000", "The cell holds a range, not a single value.");
	assert_refused("330 - 390", "The cell holds a range, not a single value.");
	assert_refused("500\x96" "16,000", "The cell holds a range, not a single value.");
	assert_refused("500\xe2\x80\x93" "16,000", "The cell holds a range, not a single value.");
	assert_refused("5 to 10", "The cell holds a range, not a single value.");
	assert_refused("Large", "The cell holds a word, not a number.");
	assert_refused("Very small", "The cell holds a word, not a number.");
	assert_refused("Variable, depending on type of product", "The cell holds a word, not a number.");
	assert_refused("?1", "The cell starts with a character that is not part of a number.");
	assert_refused(">", "A bound sign is not followed by a number.");
	assert_refused(">W", "The cell holds a word, not a number.");
}

static void
test_malformed_numbers(void **state)
{
	(void) state;
	assert_refused("1,00", "A thousands separator is misplaced.");
	assert_refused("1,0000", "A thousands separator is misplaced.");
	assert_refused("1234,567", "A thousands separator is misplaced.");
	assert_refused("1,", "A thousands separator is misplaced.");
	assert_refused("5.", "A decimal point is not followed by a digit.");
	assert_refused(".5", "The cell starts with a character that is not part of a number.");
	assert_refused("1.2.3", "Unexpected text follows the number.");
	assert_refused("12 34", "Unexpected text follows the number.");
	assert_refused("0x10", "Unexpected text follows the number.");
	assert_refused("--", "The cell starts with a character that is not part of a number.");
}

static void
test_long_numbers(void **state)
{
	char		buf[128];
	re_usgs_value v;

	(void) state;
	/* 40 digits: the limit, still finite */
	memset(buf, '9', 40);
	buf[40] = '\0';
	v = parse_ok(buf);
	assert_true(v.has_value && isfinite(v.value) && v.value > 9.9e39);
	/* 41 digits are refused rather than rounded silently */
	memset(buf, '9', 41);
	buf[41] = '\0';
	assert_refused(buf, "The number has too many digits.");
}

static void
test_length_not_nul(void **state)
{
	re_usgs_value v;

	(void) state;
	/* the parser reads len bytes, not up to a NUL */
	assert_int_equal(re_usgs_value_parse("12345", 2, &v), RE_OK);
	assert_true(v.value == 12);
	assert_int_equal(re_usgs_value_parse("1\0" "2", 3, &v), RE_UNRECOGNIZED);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_numbers),
		cmocka_unit_test(test_bounds),
		cmocka_unit_test(test_codes),
		cmocka_unit_test(test_zero_and_small),
		cmocka_unit_test(test_estimate_marker),
		cmocka_unit_test(test_spaces_and_nbsp),
		cmocka_unit_test(test_ranges_and_words),
		cmocka_unit_test(test_malformed_numbers),
		cmocka_unit_test(test_long_numbers),
		cmocka_unit_test(test_length_not_nul),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
