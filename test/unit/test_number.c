/*
 * test_number.c — unit tests of src/core/number.c: checked compensated
 * sums and the JSON number reader with its overflow and underflow rules.
 * Expected values are exact doubles written out by hand.
 */
#include <float.h>
#include <math.h>
#include <string.h>

#include "unit.h"

static void
test_ksum_add_checked(void **state)
{
	re_ksum		k = {0, 0};
	re_ksum		big = {1e308, 0};
	re_ksum		neg = {-1e308, 0};

	(void) state;
	assert_int_equal(re_ksum_add_checked(&k, big), RE_OK);
	assert_int_equal(re_ksum_add_checked(&k, neg), RE_OK);
	assert_true(re_ksum_value(&k) == 0);
	assert_int_equal(re_ksum_add_checked(&k, big), RE_OK);
	assert_int_equal(re_ksum_add_checked(&k, big), RE_OVERFLOW);
	k = (re_ksum) {0, 0};
	assert_int_equal(re_ksum_add_checked(&k, neg), RE_OK);
	assert_int_equal(re_ksum_add_checked(&k, neg), RE_OVERFLOW);
	/* DBL_MAX plus a compensation of half its ulp rounds to Infinity */
	k = (re_ksum) {DBL_MAX, 0};
	big = (re_ksum) {0, ldexp(1.0, 970)};
	assert_int_equal(re_ksum_add_checked(&k, big), RE_OVERFLOW);
}

static void
test_parse_number(void **state)
{
	double		v = 1;

	(void) state;
	assert_int_equal(re_parse_number("0", &v), RE_OK);
	assert_true(v == 0 && !signbit(v));
	assert_int_equal(re_parse_number("-0", &v), RE_OK);
	assert_true(v == 0 && !signbit(v));
	assert_int_equal(re_parse_number("-0.0e-5", &v), RE_OK);
	assert_true(v == 0 && !signbit(v));
	assert_int_equal(re_parse_number("0e99999", &v), RE_OK);
	assert_true(v == 0);
	assert_int_equal(re_parse_number("270000", &v), RE_OK);
	assert_true(v == 270000);
	assert_int_equal(re_parse_number("-2.5E+3", &v), RE_OK);
	assert_true(v == -2500);
	assert_int_equal(re_parse_number("0.1", &v), RE_OK);
	assert_true(v == 0.1);
	/* the ends of double */
	assert_int_equal(re_parse_number("1.7976931348623157e308", &v), RE_OK);
	assert_true(v == DBL_MAX);
	assert_int_equal(re_parse_number("2.2250738585072014e-308", &v), RE_OK);
	assert_true(v == DBL_MIN);
	/* subnormals are kept, as float8in keeps them */
	assert_int_equal(re_parse_number("5e-324", &v), RE_OK);
	assert_true(v == ldexp(1.0, -1074));
	assert_int_equal(re_parse_number("1e-310", &v), RE_OK);
	assert_true(v > 0 && v < DBL_MIN);
	/* overflow and underflow */
	assert_int_equal(re_parse_number("1e309", &v), RE_OVERFLOW);
	assert_int_equal(re_parse_number("-1e309", &v), RE_OVERFLOW);
	assert_int_equal(re_parse_number("1.8e308", &v), RE_OVERFLOW);
	assert_int_equal(re_parse_number("1e99999999999999999999", &v), RE_OVERFLOW);
	assert_int_equal(re_parse_number("1e-400", &v), RE_UNDERFLOW);
	assert_int_equal(re_parse_number("-1e-400", &v), RE_UNDERFLOW);
	assert_int_equal(re_parse_number("2e-324", &v), RE_UNDERFLOW);
	assert_int_equal(re_parse_number("0.00001e-320", &v), RE_UNDERFLOW);
	/* not JSON numbers */
	assert_int_equal(re_parse_number("", &v), RE_UNRECOGNIZED);
	assert_int_equal(re_parse_number("-", &v), RE_UNRECOGNIZED);
	assert_int_equal(re_parse_number("+1", &v), RE_UNRECOGNIZED);
	assert_int_equal(re_parse_number("01", &v), RE_UNRECOGNIZED);
	assert_int_equal(re_parse_number("1.", &v), RE_UNRECOGNIZED);
	assert_int_equal(re_parse_number(".5", &v), RE_UNRECOGNIZED);
	assert_int_equal(re_parse_number("1e", &v), RE_UNRECOGNIZED);
	assert_int_equal(re_parse_number("1e+", &v), RE_UNRECOGNIZED);
	assert_int_equal(re_parse_number(" 1", &v), RE_UNRECOGNIZED);
	assert_int_equal(re_parse_number("1 ", &v), RE_UNRECOGNIZED);
	assert_int_equal(re_parse_number("0x10", &v), RE_UNRECOGNIZED);
	assert_int_equal(re_parse_number("Infinity", &v), RE_UNRECOGNIZED);
	assert_int_equal(re_parse_number("NaN", &v), RE_UNRECOGNIZED);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ksum_add_checked),
		cmocka_unit_test(test_parse_number),
	};

	return cmocka_run_group_tests_name("number", tests, NULL, NULL);
}
