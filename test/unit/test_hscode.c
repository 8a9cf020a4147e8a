/*
 * test_hscode.c — unit tests of src/core/hscode.c: parsing of every
 * accepted and rejected form, formatting, hierarchy, the ordering the
 * btree index relies on, containment ranges and the binary form.
 */
#include <string.h>

#include "unit.h"

static int64_t
hs(const char *s)
{
	int64_t		v = -1;

	assert_int_equal(re_hs_parse(s, strlen(s), &v), RE_OK);
	return v;
}

static const char *
fmt(int64_t v)
{
	static char buf[RE_HS_MAX_DIGITS + 1];

	re_hs_format(v, buf);
	return buf;
}

static void
test_parse_accepts(void **state)
{
	(void) state;
	assert_string_equal(fmt(hs("28")), "28");
	assert_string_equal(fmt(hs("2846")), "2846");
	assert_string_equal(fmt(hs("2846.90")), "284690");
	assert_string_equal(fmt(hs("284690")), "284690");
	assert_string_equal(fmt(hs("2846.90.20")), "28469020");
	assert_string_equal(fmt(hs("8505110000")), "8505110000");
	assert_string_equal(fmt(hs("8505.11.00.00")), "8505110000");
	assert_string_equal(fmt(hs("2530.9020")), "25309020");
	assert_string_equal(fmt(hs(" 01 ")), "01");
	assert_string_equal(fmt(hs("0101")), "0101");
	assert_int_equal(re_hs_ndigits(hs("28")), 2);
	assert_int_equal(re_hs_ndigits(hs("8505110000")), 10);
	/* a code and its zero-padded child differ */
	assert_true(hs("2846") != hs("284600"));
}

static void
test_parse_rejects(void **state)
{
	const char *bad[] = {"", " ", "2", "284", "28469", "2846901", "284690123", "28469012345",
		"00", "0000", "000001", "28.46", "2846.", "2846..90", ".2846", "2846.9", "2846-90",
		"28a6", "２８", "2846 90", "-28", "+28", "123456789012345678901"};
	int64_t		v;

	(void) state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(re_hs_parse(bad[i], strlen(bad[i]), &v), RE_UNRECOGNIZED);
}

static void
test_order_and_containment(void **state)
{
	const char *sorted[] = {"01", "28", "2805", "280530", "2846", "284610", "28469020",
	"2846902000", "2846902001", "284691", "29", "8505", "850511"};
	int64_t		lo,
				hi,
				up;

	(void) state;
	for (size_t i = 1; i < sizeof(sorted) / sizeof(sorted[0]); i++)
		assert_true(hs(sorted[i - 1]) < hs(sorted[i]));
	assert_true(re_hs_contains(hs("2846"), hs("284690")));
	assert_true(re_hs_contains(hs("2846"), hs("2846")));
	assert_true(re_hs_contains(hs("28"), hs("2846999999")));
	assert_false(re_hs_contains(hs("284690"), hs("2846")));
	assert_false(re_hs_contains(hs("2846"), hs("2847")));
	assert_false(re_hs_contains(hs("2846"), hs("28")));
	re_hs_range(hs("2846"), &lo, &hi);
	assert_int_equal(lo, hs("2846"));
	assert_int_equal(hi, hs("2846999999"));
	assert_true(hs("2847") > hi);
	re_hs_range(hs("8505110000"), &lo, &hi);
	assert_int_equal(lo, hi);
	re_hs_range(hs("99"), &lo, &hi);
	assert_int_equal(hi, hs("9999999999"));
	/* ancestors */
	assert_true(re_hs_truncate(hs("2846902000"), 6, &up));
	assert_string_equal(fmt(up), "284690");
	assert_true(re_hs_truncate(hs("2846902000"), 2, &up));
	assert_string_equal(fmt(up), "28");
	assert_false(re_hs_truncate(hs("2846"), 6, &up));
	assert_false(re_hs_truncate(hs("2846"), 0, &up));
	assert_false(re_hs_truncate(hs("2846"), 3, &up));
}

static void
test_binary(void **state)
{
	uint8_t		buf[RE_HS_ENCODED_SIZE + 1];
	const uint8_t expected[] = {1, 6, 0x12, 0x58, 0x04, 0, 0, 0, 0, 0};	/* 284690 = 0x045812 */
	int64_t		v;

	(void) state;
	re_hs_encode(hs("2846.90"), buf);
	assert_memory_equal(buf, expected, sizeof(expected));
	assert_int_equal(re_hs_decode(buf, RE_HS_ENCODED_SIZE, &v), RE_OK);
	assert_int_equal(v, hs("284690"));
	assert_int_equal(re_hs_decode(buf, RE_HS_ENCODED_SIZE + 1, &v), RE_TRAILING);
	assert_int_equal(re_hs_decode(buf, 9, &v), RE_TRUNCATED);
	buf[0] = 2;
	assert_int_equal(re_hs_decode(buf, RE_HS_ENCODED_SIZE, &v), RE_BAD_VERSION);
	buf[0] = 1;
	buf[1] = 4;					/* 284690 has more than 4 digits */
	assert_int_equal(re_hs_decode(buf, RE_HS_ENCODED_SIZE, &v), RE_OUT_OF_RANGE);
	buf[1] = 7;
	assert_int_equal(re_hs_decode(buf, RE_HS_ENCODED_SIZE, &v), RE_OUT_OF_RANGE);
	buf[1] = 12;
	assert_int_equal(re_hs_decode(buf, RE_HS_ENCODED_SIZE, &v), RE_OUT_OF_RANGE);
	buf[1] = 8;					/* 00284690: chapter 00 */
	assert_int_equal(re_hs_decode(buf, RE_HS_ENCODED_SIZE, &v), RE_OUT_OF_RANGE);
	memset(buf + 2, 0xff, 8);	/* negative digits */
	buf[1] = 10;
	assert_int_equal(re_hs_decode(buf, RE_HS_ENCODED_SIZE, &v), RE_OUT_OF_RANGE);
}

static void
test_valid(void **state)
{
	(void) state;
	assert_true(re_hs_valid(hs("28")));
	assert_false(re_hs_valid(-1));
	assert_false(re_hs_valid(hs("28") + 5));	/* level 5 does not exist */
	assert_true(re_hs_valid(hs("2846") + 1));	/* level 6 with the same digits: '284600' */
	assert_int_equal(hs("2846") + 1, hs("284600"));
	assert_false(re_hs_valid(hs("284690") - 1));	/* a 4-digit level with digits 284690 */
	assert_false(re_hs_valid(0));	/* chapter 00 */
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_accepts),
		cmocka_unit_test(test_parse_rejects),
		cmocka_unit_test(test_order_and_containment),
		cmocka_unit_test(test_binary),
		cmocka_unit_test(test_valid),
	};

	return cmocka_run_group_tests_name("hscode", tests, NULL, teardown);
}
