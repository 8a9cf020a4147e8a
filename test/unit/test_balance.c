/*
 * test_balance.c — unit tests of src/core/balance.c: flow kinds, the
 * material-balance state and summary, their binary forms and accessors.
 */
#include <math.h>
#include <string.h>

#include "unit.h"

static void
test_flow_parse(void **state)
{
	re_flow		f;

	(void) state;
	assert_int_equal(re_flow_parse("import", 6, &f), RE_OK);
	assert_int_equal(f, RE_FLOW_IMPORT);
	assert_int_equal(re_flow_parse("M", 1, &f), RE_OK);
	assert_int_equal(f, RE_FLOW_IMPORT);
	assert_int_equal(re_flow_parse("rx", 2, &f), RE_OK);
	assert_int_equal(f, RE_FLOW_REEXPORT);
	assert_int_equal(re_flow_parse("Re-Import", 9, &f), RE_OK);
	assert_int_equal(f, RE_FLOW_REIMPORT);
	assert_int_equal(re_flow_parse("STOCK_CHANGE", 12, &f), RE_OK);
	assert_int_equal(f, RE_FLOW_STOCK_CHANGE);
	assert_int_equal(re_flow_parse("imports", 7, &f), RE_UNRECOGNIZED);
	assert_int_equal(re_flow_parse("", 0, &f), RE_UNRECOGNIZED);
	/* the length is respected: "import" with a trailing byte is not "import" */
	assert_int_equal(re_flow_parse("importx", 6, &f), RE_OK);
	assert_int_equal(re_flow_parse("Mx", 2, &f), RE_UNRECOGNIZED);
	assert_string_equal(re_flow_name(RE_FLOW_STOCK_CHANGE), "stock_change");
}

/* USGS MCS2019, US 2014: NIR 6,849 / 12,249, printed 56 */
static void
test_usgs_balance(void **state)
{
	re_balance_state st;
	re_balance	b;
	double		v = 0;
	bool		defined = false;

	(void) state;
	re_balance_state_init(&st);
	assert_int_equal(re_balance_add(&st, RE_FLOW_PRODUCTION, 5400), RE_OK);
	assert_int_equal(re_balance_add(&st, RE_FLOW_IMPORT, 12300), RE_OK);
	assert_int_equal(re_balance_add(&st, RE_FLOW_IMPORT, 348), RE_OK);
	assert_int_equal(re_balance_add(&st, RE_FLOW_IMPORT, 371), RE_OK);
	assert_int_equal(re_balance_add(&st, RE_FLOW_EXPORT, 4390), RE_OK);
	assert_int_equal(re_balance_add(&st, RE_FLOW_EXPORT, 140), RE_OK);
	assert_int_equal(re_balance_add(&st, RE_FLOW_EXPORT, 1640), RE_OK);
	/* a re-export row is part of exports already: it changes nothing below */
	assert_int_equal(re_balance_add(&st, RE_FLOW_REEXPORT, 100), RE_OK);
	assert_int_equal(re_balance_finish(&st, &b), RE_OK);
	assert_int_equal(re_balance_apparent_consumption(&b, &v), RE_OK);
	assert_true(v == 12249);
	assert_int_equal(re_balance_net_import_reliance(&b, &defined, &v), RE_OK);
	assert_true(defined);
	assert_close(v, 6849.0 / 12249, 1e-15);
	assert_int_equal(re_balance_self_sufficiency(&b, &defined, &v), RE_OK);
	assert_true(defined);
	assert_close(v, 5400.0 / 12249, 1e-15);
}

static void
test_quantity_rules(void **state)
{
	re_balance_state st;
	re_balance	b;
	double		v;
	bool		defined = true;

	(void) state;
	re_balance_state_init(&st);
	assert_int_equal(re_balance_add(&st, RE_FLOW_IMPORT, -1), RE_NEGATIVE);
	assert_int_equal(re_balance_add(&st, RE_FLOW_STOCK_CHANGE, -1), RE_OK);
	assert_int_equal(re_balance_add(&st, RE_FLOW_EXPORT, NAN), RE_NONFINITE);
	assert_int_equal(re_balance_add(&st, RE_FLOW_STOCK_CHANGE, INFINITY), RE_NONFINITE);
	assert_int_equal(re_balance_add(&st, RE_FLOW_COUNT, 1), RE_UNRECOGNIZED);
	assert_int_equal(re_balance_add(&st, RE_FLOW_PRODUCTION, 1e308), RE_OK);
	assert_int_equal(re_balance_add(&st, RE_FLOW_PRODUCTION, 1e308), RE_OVERFLOW);
	/* empty: consumption 0, ratios undefined */
	re_balance_state_init(&st);
	assert_int_equal(re_balance_finish(&st, &b), RE_OK);
	assert_int_equal(re_balance_apparent_consumption(&b, &v), RE_OK);
	assert_true(v == 0);
	assert_int_equal(re_balance_net_import_reliance(&b, &defined, &v), RE_OK);
	assert_false(defined);
	defined = true;
	assert_int_equal(re_balance_self_sufficiency(&b, &defined, &v), RE_OK);
	assert_false(defined);
}

/*
 * Sums beyond double are RE_OVERFLOW wherever they happen: adding rows,
 * merging states (combine, rollup), and apparent consumption; a sum whose
 * intermediate overflows but whose result fits is computed exactly.
 */
static void
test_overflow(void **state)
{
	re_balance_state a,
				b;
	re_balance	x;
	double		v = 0;
	bool		defined = true;

	(void) state;
	re_balance_state_init(&a);
	re_balance_state_init(&b);
	assert_int_equal(re_balance_add(&a, RE_FLOW_STOCK_CHANGE, -1e308), RE_OK);
	assert_int_equal(re_balance_add(&a, RE_FLOW_STOCK_CHANGE, -1e308), RE_OVERFLOW);
	re_balance_state_init(&a);
	assert_int_equal(re_balance_add(&a, RE_FLOW_IMPORT, 1e308), RE_OK);
	assert_int_equal(re_balance_add(&b, RE_FLOW_IMPORT, 1e308), RE_OK);
	assert_int_equal(re_balance_merge(&a, &b), RE_OVERFLOW);

	/* production + imports overflow; NIR and self-sufficiency say so too */
	x = (re_balance) {{1e308, 1e308, 0, 0, 0, 0}};
	assert_int_equal(re_balance_apparent_consumption(&x, &v), RE_OVERFLOW);
	assert_int_equal(re_balance_net_import_reliance(&x, &defined, &v), RE_OVERFLOW);
	assert_false(defined);
	defined = true;
	assert_int_equal(re_balance_self_sufficiency(&x, &defined, &v), RE_OVERFLOW);
	assert_false(defined);

	/* 1e308 + 1e308 - 1e308 + 0: the intermediate overflows, the result does not */
	x = (re_balance) {{1e308, 1e308, 1e308, 0, 0, 0}};
	assert_int_equal(re_balance_apparent_consumption(&x, &v), RE_OK);
	assert_true(v == 1e308);
	assert_int_equal(re_balance_net_import_reliance(&x, &defined, &v), RE_OK);
	assert_true(defined && v == 0);
	assert_int_equal(re_balance_self_sufficiency(&x, &defined, &v), RE_OK);
	assert_true(defined && v == 1);

	/* DBL_MAX everywhere: P + M - X + S = 2 DBL_MAX, beyond double */
	x = (re_balance) {{1.7976931348623157e308, 1.7976931348623157e308,
	1.7976931348623157e308, 0, 0, 1.7976931348623157e308}};
	assert_int_equal(re_balance_apparent_consumption(&x, &v), RE_OVERFLOW);
	/* and with stock building that brings it back: P + M - X + S = DBL_MAX */
	x.q[RE_FLOW_STOCK_CHANGE] = 0;
	assert_int_equal(re_balance_apparent_consumption(&x, &v), RE_OK);
	assert_true(v == 1.7976931348623157e308);
}

/* -0 from a client (binary input) is stored as +0, so it prints as 0 */
static void
test_negative_zero(void **state)
{
	re_balance	b = {{-0.0, -0.0, 0, 0, 0, -0.0}};
	re_balance	back;
	uint8_t		buf[RE_BALANCE_SIZE];

	(void) state;
	re_balance_encode(&b, buf);
	assert_int_equal(re_balance_decode(&back, buf, sizeof(buf)), RE_OK);
	for (int f = 0; f < RE_FLOW_COUNT; f++)
		assert_false(signbit(back.q[f]));
}

/* merging partial states in any grouping gives the same summary */
static void
test_merge_and_state_round_trip(void **state)
{
	re_balance_state a,
				b,
				all,
				back;
	re_balance	x,
				y;
	uint8_t		buf[RE_BALANCE_STATE_SIZE];

	(void) state;
	re_balance_state_init(&a);
	re_balance_state_init(&b);
	re_balance_state_init(&all);
	for (int i = 0; i < 1000; i++)
	{
		re_flow		f = (re_flow) (i % RE_FLOW_COUNT);
		double		q = f == RE_FLOW_STOCK_CHANGE ? (i % 7) - 3.5 : 0.1 * i + 1e9 * (i % 3);

		assert_int_equal(re_balance_add(i % 2 ? &a : &b, f, q), RE_OK);
		assert_int_equal(re_balance_add(&all, f, q), RE_OK);
	}
	re_balance_state_encode(&a, buf);
	assert_int_equal(re_balance_state_decode(&back, buf, sizeof(buf)), RE_OK);
	assert_int_equal(re_balance_merge(&back, &b), RE_OK);
	assert_int_equal(re_balance_finish(&back, &x), RE_OK);
	assert_int_equal(re_balance_finish(&all, &y), RE_OK);
	for (int f = 0; f < RE_FLOW_COUNT; f++)
		assert_close(x.q[f], y.q[f], 1e-12 * (fabs(y.q[f]) + 1));
}

static void
test_decode_hostile(void **state)
{
	re_balance	b = {{1, 2, 3, 0.5, 1, -7}};
	re_balance	back;
	re_balance_state st;
	uint8_t		buf[RE_BALANCE_SIZE + 1];
	uint8_t		sbuf[RE_BALANCE_STATE_SIZE + 1];

	(void) state;
	re_balance_encode(&b, buf);
	assert_int_equal(re_balance_decode(&back, buf, RE_BALANCE_SIZE), RE_OK);
	assert_memory_equal(&back, &b, sizeof(b));
	assert_int_equal(re_balance_decode(&back, buf, 0), RE_TRUNCATED);
	assert_int_equal(re_balance_decode(&back, buf, RE_BALANCE_SIZE - 1), RE_TRUNCATED);
	buf[RE_BALANCE_SIZE] = 0;
	assert_int_equal(re_balance_decode(&back, buf, RE_BALANCE_SIZE + 1), RE_TRAILING);
	buf[0] = 2;
	assert_int_equal(re_balance_decode(&back, buf, RE_BALANCE_SIZE), RE_BAD_VERSION);
	b.q[RE_FLOW_IMPORT] = -1;
	re_balance_encode(&b, buf);
	assert_int_equal(re_balance_decode(&back, buf, RE_BALANCE_SIZE), RE_NEGATIVE);
	b.q[RE_FLOW_IMPORT] = NAN;
	re_balance_encode(&b, buf);
	assert_int_equal(re_balance_decode(&back, buf, RE_BALANCE_SIZE), RE_NONFINITE);

	re_balance_state_init(&st);
	st.q[RE_FLOW_EXPORT].sum = -5;
	re_balance_state_encode(&st, sbuf);
	assert_int_equal(re_balance_state_decode(&st, sbuf, RE_BALANCE_STATE_SIZE), RE_NEGATIVE);
	re_balance_state_init(&st);
	st.q[RE_FLOW_STOCK_CHANGE].comp = INFINITY;
	re_balance_state_encode(&st, sbuf);
	assert_int_equal(re_balance_state_decode(&st, sbuf, RE_BALANCE_STATE_SIZE), RE_NONFINITE);
	re_balance_state_init(&st);
	re_balance_state_encode(&st, sbuf);
	assert_int_equal(re_balance_state_decode(&st, sbuf, RE_BALANCE_STATE_SIZE - 1), RE_TRUNCATED);
	sbuf[RE_BALANCE_STATE_SIZE] = 1;
	assert_int_equal(re_balance_state_decode(&st, sbuf, RE_BALANCE_STATE_SIZE + 1), RE_TRAILING);
	sbuf[0] = 9;
	assert_int_equal(re_balance_state_decode(&st, sbuf, RE_BALANCE_STATE_SIZE), RE_BAD_VERSION);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_flow_parse, teardown),
		cmocka_unit_test_teardown(test_usgs_balance, teardown),
		cmocka_unit_test_teardown(test_quantity_rules, teardown),
		cmocka_unit_test_teardown(test_overflow, teardown),
		cmocka_unit_test_teardown(test_negative_zero, teardown),
		cmocka_unit_test_teardown(test_merge_and_state_round_trip, teardown),
		cmocka_unit_test_teardown(test_decode_hostile, teardown),
	};

	return cmocka_run_group_tests_name("balance", tests, NULL, NULL);
}
