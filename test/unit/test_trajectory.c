/*
 * test_trajectory.c — unit tests of src/core/trajectory.c: the state, the
 * series, binary forms and growth measures.  Expected values are computed
 * here independently (naive formulas, pow/log) or by hand.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "unit.h"

static re_traj
series(uint32_t n, const int64_t *years, const double *values)
{
	re_traj		t;
	int64_t		bad;

	assert_int_equal(re_traj_from_pairs(&t, unit_allocator(&pool), n, years, values, &bad), RE_OK);
	return t;
}

static void
test_parse_year(void **state)
{
	int64_t		y = 0;

	(void) state;
	assert_true(re_traj_parse_year("2023", 4, &y));
	assert_int_equal(y, 2023);
	assert_true(re_traj_parse_year("-5", 2, &y));
	assert_int_equal(y, -5);
	assert_true(re_traj_parse_year("0", 1, &y));
	assert_int_equal(y, 0);
	assert_false(re_traj_parse_year("", 0, &y));
	assert_false(re_traj_parse_year("-", 1, &y));
	assert_false(re_traj_parse_year("2023.5", 6, &y));
	assert_false(re_traj_parse_year("+2023", 5, &y));
	assert_false(re_traj_parse_year(" 2023", 5, &y));
	assert_false(re_traj_parse_year("abc", 3, &y));
	assert_false(re_traj_parse_year("1234567890123", 13, &y));
	/* only the canonical decimal form: no leading zero, no "-0" */
	assert_false(re_traj_parse_year("02020", 5, &y));
	assert_false(re_traj_parse_year("-02020", 6, &y));
	assert_false(re_traj_parse_year("00", 2, &y));
	assert_false(re_traj_parse_year("-0", 2, &y));
	assert_true(re_traj_parse_year("10", 2, &y));
	assert_int_equal(y, 10);
	assert_true(re_traj_parse_year("-10000", 6, &y));
	assert_int_equal(y, -10000);
	assert_true(re_traj_parse_year("999999999999", 12, &y));
	assert_false(re_traj_year_in_range(y));
	assert_true(re_traj_year_in_range(RE_TRAJ_YEAR_MIN));
	assert_true(re_traj_year_in_range(RE_TRAJ_YEAR_MAX));
	assert_false(re_traj_year_in_range(RE_TRAJ_YEAR_MAX + 1));
	assert_false(re_traj_year_in_range(RE_TRAJ_YEAR_MIN - 1));
}

/* the same rows in any order and any grouping give the same bytes */
static void
test_order_and_grouping_independence(void **state)
{
	re_traj_state a,
				b,
				c;
	re_traj		ta,
				tc;
	uint8_t		ea[256],
				ec[256],
				ser[512];
	re_allocator al = unit_allocator(&pool);
	const int32_t years[] = {2024, 2020, 2022, 2020, 2021, 2024, 2023, 2020, 2019, 2022};
	const double vals[] = {1.5, 2.25, 1e16, 1, -3, 7, 0.1, 0.2, 0.3, -1e16};
	const int	n = 10;

	(void) state;
	assert_int_equal(re_traj_state_init(&a, al), RE_OK);
	for (int i = 0; i < n; i++)
		assert_int_equal(re_traj_add(&a, years[i], vals[i]), RE_OK);
	/* reversed, split in two states merged through the serialized form */
	assert_int_equal(re_traj_state_init(&b, al), RE_OK);
	assert_int_equal(re_traj_state_init(&c, al), RE_OK);
	for (int i = n - 1; i >= 5; i--)
		assert_int_equal(re_traj_add(&b, years[i], vals[i]), RE_OK);
	for (int i = 4; i >= 0; i--)
		assert_int_equal(re_traj_add(&c, years[i], vals[i]), RE_OK);
	assert_true(re_traj_state_encoded_size(&b) <= sizeof(ser));
	re_traj_state_encode(&b, ser);
	{
		re_traj_state d;

		assert_int_equal(re_traj_state_decode(&d, al, ser, re_traj_state_encoded_size(&b)), RE_OK);
		assert_int_equal(d.first_year, d.pts[0].year);
		assert_int_equal(re_traj_state_merge(&c, &d), RE_OK);
	}
	assert_int_equal(re_traj_from_state(&ta, al, &a), RE_OK);
	assert_int_equal(re_traj_from_state(&tc, al, &c), RE_OK);
	assert_int_equal(ta.n, 6);
	assert_int_equal(ta.years[0], 2019);
	assert_int_equal(ta.years[5], 2024);
	assert_true(ta.values[1] == 2.25 + 1 + 0.2);	/* 2020 */
	assert_true(ta.values[3] == 0.0);	/* 2022: 1e16 - 1e16 */
	assert_int_equal(re_traj_encoded_size(&ta), re_traj_encoded_size(&tc));
	re_traj_encode(&ta, ea);
	re_traj_encode(&tc, ec);
	assert_memory_equal(ea, ec, re_traj_encoded_size(&ta));
}

static void
test_many_years_grow(void **state)
{
	re_traj_state st;
	re_traj		t;

	(void) state;
	assert_int_equal(re_traj_state_init(&st, unit_allocator(&pool)), RE_OK);
	/* scattered order forces insertions in the middle and growth */
	for (int i = 0; i < 500; i++)
		assert_int_equal(re_traj_add(&st, (int32_t) ((i * 37) % 500) - 250, 1.0), RE_OK);
	for (int i = 0; i < 500; i++)
		assert_int_equal(re_traj_add(&st, (int32_t) i - 250, 1.0), RE_OK);
	/* the header's first year follows insertions before the first point */
	assert_int_equal(st.first_year, st.pts[0].year);
	assert_int_equal(st.first_year, -250);
	assert_int_equal(re_traj_from_state(&t, unit_allocator(&pool), &st), RE_OK);
	assert_int_equal(t.n, 500);
	for (uint32_t i = 0; i < t.n; i++)
	{
		assert_int_equal(t.years[i], (int32_t) i - 250);
		assert_true(t.values[i] == 2.0);
	}
}

static void
test_bad_values(void **state)
{
	re_traj_state st;
	re_ksum		k = {NAN, 0};
	int64_t		y[] = {2020, 2021, 2020};
	double		v[] = {1, 2, 3};
	int64_t		bad = 0;
	re_traj		t;

	(void) state;
	assert_int_equal(re_traj_state_init(&st, unit_allocator(&pool)), RE_OK);
	assert_int_equal(re_traj_add(&st, 2020, NAN), RE_NONFINITE);
	assert_int_equal(re_traj_add(&st, 2020, INFINITY), RE_NONFINITE);
	assert_int_equal(re_traj_add(&st, 10001, 1), RE_OUT_OF_RANGE);
	assert_int_equal(re_traj_add(&st, -10001, 1), RE_OUT_OF_RANGE);
	assert_int_equal(re_traj_add_ksum(&st, 2020, k), RE_NONFINITE);
	assert_int_equal(re_traj_add(&st, 2020, 1e308), RE_OK);
	assert_int_equal(re_traj_add(&st, 2020, 1e308), RE_OVERFLOW);
	assert_int_equal(re_traj_from_pairs(&t, unit_allocator(&pool), 3, y, v, &bad), RE_DUPLICATE_KEY);
	assert_int_equal(bad, 2020);
	y[2] = 20000;
	assert_int_equal(re_traj_from_pairs(&t, unit_allocator(&pool), 3, y, v, &bad), RE_OUT_OF_RANGE);
	assert_int_equal(bad, 20000);
	y[2] = 2022;
	v[1] = NAN;
	assert_int_equal(re_traj_from_pairs(&t, unit_allocator(&pool), 3, y, v, &bad), RE_NONFINITE);
	assert_int_equal(bad, 2021);
}

static void
test_decode_hostile(void **state)
{
	re_traj		t;
	re_traj_state st;
	re_allocator al = unit_allocator(&pool);
	/* {"2024": 1} */
	const uint8_t ok[] = {1, 1, 0, 0, 0, 0xe8, 0x07, 0, 0, 0, 0, 0, 0, 0, 0, 0xf0, 0x3f};
	uint8_t		b[64];

	(void) state;
	assert_int_equal(re_traj_decode(&t, al, ok, sizeof(ok)), RE_OK);
	assert_int_equal(t.n, 1);
	assert_int_equal(t.years[0], 2024);
	assert_true(t.values[0] == 1.0);
	assert_int_equal(re_traj_decode(&t, al, ok, 0), RE_TRUNCATED);
	assert_int_equal(re_traj_decode(&t, al, ok, 4), RE_TRUNCATED);
	assert_int_equal(re_traj_decode(&t, al, ok, sizeof(ok) - 1), RE_TOO_LARGE);
	memcpy(b, ok, sizeof(ok));
	b[sizeof(ok)] = 0;
	assert_int_equal(re_traj_decode(&t, al, b, sizeof(ok) + 1), RE_TRAILING);
	b[0] = 2;
	assert_int_equal(re_traj_decode(&t, al, b, sizeof(ok)), RE_BAD_VERSION);
	b[0] = 1;
	b[15] = 0xf8;
	b[16] = 0x7f;				/* NaN */
	assert_int_equal(re_traj_decode(&t, al, b, sizeof(ok)), RE_NONFINITE);
	memcpy(b, ok, sizeof(ok));
	b[5] = 0x11;
	b[6] = 0x27;				/* 10001 */
	assert_int_equal(re_traj_decode(&t, al, b, sizeof(ok)), RE_OUT_OF_RANGE);
	/* two points: duplicate, then out of order */
	memcpy(b, ok, sizeof(ok));
	b[1] = 2;
	memcpy(b + sizeof(ok), ok + 5, 12);
	assert_int_equal(re_traj_decode(&t, al, b, sizeof(ok) + 12), RE_DUPLICATE_KEY);
	b[5] = 0xe9;
	assert_int_equal(re_traj_decode(&t, al, b, sizeof(ok) + 12), RE_UNSORTED);
	b[5] = 0xe7;
	assert_int_equal(re_traj_decode(&t, al, b, sizeof(ok) + 12), RE_OK);
	/* huge count */
	memset(b + 1, 0xff, 4);
	assert_int_equal(re_traj_decode(&t, al, b, 5), RE_TOO_LARGE);

	/* the state form: version, u32 n, {i32, f64, f64} */
	{
		re_traj_state s0;
		uint8_t		enc[64];
		size_t		n;

		assert_int_equal(re_traj_state_init(&s0, al), RE_OK);
		assert_int_equal(re_traj_add(&s0, 2024, 1), RE_OK);
		assert_int_equal(re_traj_add(&s0, 2025, 2), RE_OK);
		n = re_traj_state_encoded_size(&s0);
		assert_int_equal(n, 1 + 4 + 2 * 20);
		re_traj_state_encode(&s0, enc);
		assert_int_equal(re_traj_state_decode(&st, al, enc, n), RE_OK);
		assert_int_equal(st.n, 2);
		assert_int_equal(re_traj_state_decode(&st, al, enc, n - 1), RE_TOO_LARGE);
		assert_int_equal(re_traj_state_decode(&st, al, enc, 3), RE_TRUNCATED);
		enc[n] = 0;
		assert_int_equal(re_traj_state_decode(&st, al, enc, n + 1), RE_TRAILING);
		enc[0] = 9;
		assert_int_equal(re_traj_state_decode(&st, al, enc, n), RE_BAD_VERSION);
		enc[0] = 1;
		memcpy(enc + 25, enc + 5, 4);	/* second year := first */
		assert_int_equal(re_traj_state_decode(&st, al, enc, n), RE_DUPLICATE_KEY);
		enc[25] = 0xe7;			/* 2023 after 2024 */
		assert_int_equal(re_traj_state_decode(&st, al, enc, n), RE_UNSORTED);
		enc[25] = 0xe9;
		memset(enc + 37, 0xff, 8);	/* comp := NaN */
		assert_int_equal(re_traj_state_decode(&st, al, enc, n), RE_NONFINITE);
	}
}

/* Russia's stated target: 2,600 t (2024) to 50,000 t (2030) needs about 63.7% a year. */
/*
 * A year's sum beyond double is RE_OVERFLOW (not the year range's
 * RE_OUT_OF_RANGE) in adding and merging (combine, rollup); the value's
 * decoder reads -0 as +0, and a sum that cancels to zero is +0.
 */
static void
test_overflow_and_negative_zero(void **state)
{
	re_allocator al = unit_allocator(&pool);
	re_traj_state a,
				b;
	re_traj		t;
	/* {"2024": -0} */
	const uint8_t negzero[] = {1, 1, 0, 0, 0, 0xe8, 0x07, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x80};

	(void) state;
	assert_int_equal(re_traj_state_init(&a, al), RE_OK);
	assert_int_equal(re_traj_state_init(&b, al), RE_OK);
	assert_int_equal(re_traj_add(&a, 2020, -1e308), RE_OK);
	assert_int_equal(re_traj_add(&a, 2020, -1e308), RE_OVERFLOW);
	assert_int_equal(re_traj_state_init(&a, al), RE_OK);
	assert_int_equal(re_traj_add(&a, 2020, 1e308), RE_OK);
	assert_int_equal(re_traj_add(&b, 2020, 1e308), RE_OK);
	assert_int_equal(re_traj_add(&b, 2021, 1), RE_OK);
	assert_int_equal(re_traj_state_merge(&a, &b), RE_OVERFLOW);

	assert_int_equal(re_traj_decode(&t, al, negzero, sizeof(negzero)), RE_OK);
	assert_true(t.values[0] == 0 && !signbit(t.values[0]));
	assert_int_equal(re_traj_state_init(&a, al), RE_OK);
	assert_int_equal(re_traj_add(&a, 2020, -0.0), RE_OK);
	assert_int_equal(re_traj_add(&a, 2021, -1.5), RE_OK);
	assert_int_equal(re_traj_add(&a, 2021, 1.5), RE_OK);
	assert_int_equal(re_traj_from_state(&t, al, &a), RE_OK);
	assert_true(t.values[0] == 0 && !signbit(t.values[0]));
	assert_true(t.values[1] == 0 && !signbit(t.values[1]));
}

static void
test_required_growth_worked_example(void **state)
{
	int64_t		y[] = {2024};
	double		v[] = {2600};
	re_traj		t = series(1, y, v);
	double		r,
				expected = pow(50000.0 / 2600.0, 1.0 / 6.0) - 1;

	(void) state;
	assert_true(re_traj_required_cagr(&t, 50000, 2030, &r));
	assert_close(r, expected, 1e-14);
	assert_close(r, 0.637, 0.0005);
	assert_true(re_cagr(2600, 50000, 6, &r));
	assert_close(r, expected, 1e-14);
	assert_false(re_traj_required_cagr(&t, 50000, 2024, &r));
	assert_false(re_traj_required_cagr(&t, 0, 2030, &r));
	assert_false(re_cagr(0, 50000, 6, &r));
	assert_false(re_cagr(2600, -1, 6, &r));
	assert_false(re_cagr(2600, 50000, 0, &r));
	/* path: exact ends, the formula between */
	assert_true(re_path_value(2024, 2600, 2030, 50000, 2024, &r));
	assert_true(r == 2600);
	assert_true(re_path_value(2024, 2600, 2030, 50000, 2030, &r));
	assert_true(r == 50000);
	assert_true(re_path_value(2024, 2600, 2030, 50000, 2027, &r));
	assert_close(r, 2600 * pow(50000.0 / 2600, 0.5), 1e-9);
	assert_false(re_path_value(2024, 2600, 2024, 50000, 2024, &r));
	assert_false(re_path_value(2024, 0, 2030, 50000, 2025, &r));
}

/* An exact exponential series gives its rate back with r^2 = 1. */
static void
test_exact_exponential(void **state)
{
	int64_t		y[15];
	double		v[15],
				r;
	re_traj		t;

	(void) state;
	for (int i = 0; i < 15; i++)
	{
		y[i] = 2010 + i;
		v[i] = 1000 * pow(1.05, i);
	}
	t = series(15, y, v);
	assert_true(re_traj_trend_rate(&t, &r));
	assert_close(r, 0.05, 1e-12);
	assert_true(re_traj_trend_r2(&t, &r));
	assert_close(r, 1, 1e-12);
	assert_true(re_traj_cagr(&t, 2010, 2024, &r));
	assert_close(r, 0.05, 1e-12);
	assert_true(re_traj_project(&t, 2030, &r));
	assert_close(r / (1000 * pow(1.05, 20)), 1, 1e-12);
	assert_true(re_traj_doubling_time(&t, &r));
	assert_close(r, log(2) / log(1.05), 1e-9);
	assert_true(re_traj_years_to_target(&t, 1000 * pow(1.05, 20), &r));
	assert_close(r, 6, 1e-9);
	assert_true(re_traj_years_to_target(&t, 1, &r));
	assert_true(r == 0);
	{
		bool		on;

		assert_true(re_traj_on_track(&t, 1000 * pow(1.05, 20) * 0.999, 2030, &on));
		assert_true(on);
		assert_true(re_traj_on_track(&t, 1000 * pow(1.05, 20) * 1.001, 2030, &on));
		assert_false(on);
		assert_false(re_traj_on_track(&t, 5000, 2020, &on));	/* target year past */
	}
}

/* The OLS fit against a naive textbook computation, non-positive points left out. */
static void
test_fit_against_naive(void **state)
{
	int64_t		y[] = {2010, 2011, 2012, 2013, 2014, 2015, 2016, 2018};
	double		v[] = {120, 131, 128, 150, 0, 171, -5, 205};
	re_traj		t = series(8, y, v);
	double		sx = 0,
				sy = 0,
				sxx = 0,
				sxy = 0,
				syy = 0,
				n = 0,
				b,
				r2,
				r;

	(void) state;
	for (int i = 0; i < 8; i++)
		if (v[i] > 0)
		{
			double		ly = log(v[i]);

			n++;
			sx += y[i];
			sy += ly;
			sxx += (double) y[i] * y[i];
			sxy += y[i] * ly;
			syy += ly * ly;
		}
	b = (n * sxy - sx * sy) / (n * sxx - sx * sx);
	r2 = pow(n * sxy - sx * sy, 2) / ((n * sxx - sx * sx) * (n * syy - sy * sy));
	assert_true(re_traj_trend_rate(&t, &r));
	assert_close(r, exp(b) - 1, 1e-9);	/* the naive form loses digits to cancellation */
	assert_true(re_traj_trend_r2(&t, &r));
	assert_close(r, r2, 1e-8);
	assert_true(re_traj_yoy(&t, 2011, &r));
	assert_close(r, 131.0 / 120 - 1, 1e-15);
	assert_true(re_traj_yoy(&t, 2014, &r));
	assert_true(r == -1);		/* a drop to zero */
	assert_false(re_traj_yoy(&t, 2015, &r));	/* zero base */
	assert_false(re_traj_yoy(&t, 2016, &r));	/* negative end */
	assert_false(re_traj_yoy(&t, 2018, &r));	/* 2017 missing */
	assert_false(re_traj_yoy(&t, 2030, &r));
	assert_true(re_traj_fold_change(&t, &r));
	assert_close(r, 205.0 / 120, 1e-15);
}

static void
test_undefined(void **state)
{
	re_traj		empty = {0, NULL, NULL};
	int64_t		y1[] = {2020};
	double		v1[] = {5};
	int64_t		y3[] = {2020, 2021, 2022};
	double		flat[] = {5, 5, 5},
				falling[] = {5, 4, 3},
				r;
	bool		b;
	re_traj		single = series(1, y1, v1),
				constant = series(3, y3, flat),
				down = series(3, y3, falling);

	(void) state;
	assert_false(re_traj_trend_rate(&empty, &r));
	assert_false(re_traj_fold_change(&empty, &r));
	assert_false(re_traj_years_to_target(&empty, 1, &r));
	assert_false(re_traj_on_track(&empty, 1, 2030, &b));
	assert_false(re_traj_required_cagr(&empty, 1, 2030, &r));
	assert_int_equal(re_traj_sparkline_size(&empty), 0);
	assert_false(re_traj_trend_rate(&single, &r));
	assert_false(re_traj_cagr(&single, 2020, 2020, &r));
	assert_false(re_traj_years_to_target(&single, 10, &r));
	assert_false(re_traj_on_track(&single, 10, 2030, &b));
	assert_true(re_traj_trend_rate(&constant, &r));
	assert_true(r == 0);
	assert_false(re_traj_trend_r2(&constant, &r));
	assert_false(re_traj_doubling_time(&constant, &r));
	assert_false(re_traj_years_to_target(&constant, 10, &r));
	assert_true(re_traj_on_track(&constant, 10, 2030, &b));
	assert_false(b);
	assert_false(re_traj_doubling_time(&down, &r));
	assert_false(re_traj_years_to_target(&down, 10, &r));
	assert_true(re_traj_years_to_target(&down, 2, &r));
	assert_true(r == 0);
	assert_false(re_doubling_time(0, &r));
	assert_false(re_doubling_time(-0.5, &r));
	assert_false(re_doubling_time(NAN, &r));
	/* World Bank rule of thumb: 2.3% doubles in about 30 years, 7% in about 10 */
	assert_true(re_doubling_time(0.023, &r));
	assert_close(r, log(2) / log(1.023), 1e-12);
	assert_close(r, 30, 0.5);
	assert_true(re_doubling_time(0.07, &r));
	assert_close(r, 10, 0.5);
	/* overflow is undefined, never Infinity */
	assert_false(re_cagr(1e-300, 1e300, 1, &r));
	assert_true(re_cagr(1e-300, 1e300, 1000, &r));
	assert_close(r, pow(10, 0.6) - 1, 1e-12);	/* (1e600)^(1/1000) - 1 */
}

static void
test_sparkline(void **state)
{
	int64_t		y[] = {2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027};
	double		v[] = {0, 1, 2, 3, 4, 5, 6, 7};
	int64_t		yg[] = {2020, 2022, 2025};
	double		vg[] = {10, 30, 20};
	re_traj		ramp = series(8, y, v),
				gaps = series(3, yg, vg),
				single = series(1, y, v);
	char		out[64];

	(void) state;
	assert_true(re_traj_sparkline_size(&ramp) <= sizeof(out));
	re_traj_sparkline(&ramp, out);
	assert_string_equal(out, "\xe2\x96\x81\xe2\x96\x82\xe2\x96\x83\xe2\x96\x84"
						"\xe2\x96\x85\xe2\x96\x86\xe2\x96\x87\xe2\x96\x88");
	re_traj_sparkline(&gaps, out);
	/* 10 -> lowest, gap, 30 -> highest, two gaps, 20 -> level round(3.5) = 4 */
	assert_string_equal(out, "\xe2\x96\x81 \xe2\x96\x88  \xe2\x96\x85");
	re_traj_sparkline(&single, out);
	assert_string_equal(out, "\xe2\x96\x84");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_parse_year, teardown),
		cmocka_unit_test_teardown(test_order_and_grouping_independence, teardown),
		cmocka_unit_test_teardown(test_many_years_grow, teardown),
		cmocka_unit_test_teardown(test_bad_values, teardown),
		cmocka_unit_test_teardown(test_decode_hostile, teardown),
		cmocka_unit_test_teardown(test_overflow_and_negative_zero, teardown),
		cmocka_unit_test_teardown(test_required_growth_worked_example, teardown),
		cmocka_unit_test_teardown(test_exact_exponential, teardown),
		cmocka_unit_test_teardown(test_fit_against_naive, teardown),
		cmocka_unit_test_teardown(test_undefined, teardown),
		cmocka_unit_test_teardown(test_sparkline, teardown),
	};

	return cmocka_run_group_tests_name("trajectory", tests, NULL, NULL);
}
