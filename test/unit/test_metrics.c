/*
 * test_metrics.c — unit tests of src/core/metrics.c: the scalar dependency
 * and supply-risk metrics.  Expected values are USGS's printed figures or
 * computed here by hand from the formulas.
 */
#include <math.h>
#include <string.h>

#include "unit.h"

/*
 * USGS MCS2019, US 2014 (data/usgs/usgs_us_salient_statistics.csv): imports
 * 12,300 + 348 + 371, exports 4,390 + 140 + 1,640, production 5,400; printed
 * net import reliance 56.
 */
static void
test_usgs_mcs2019(void **state)
{
	double		ac = 0,
				nir = 0;
	bool		defined = false;
	int			bad = -1;
	char		label[8];

	(void) state;
	assert_int_equal(re_apparent_consumption(5400, 13019, 6170, 0, &ac, &bad), RE_OK);
	assert_true(ac == 12249);
	assert_int_equal(re_net_import_reliance(5400, 13019, 6170, 0, &defined, &nir, &bad), RE_OK);
	assert_true(defined);
	assert_close(nir, 6849.0 / 12249, 1e-15);
	assert_int_equal(re_nir_label(nir, label), RE_OK);
	assert_string_equal(label, "56");
	/* 2015: 9,901 - 6,260 over 9,541, printed 38 */
	assert_int_equal(re_net_import_reliance(5900, 9901, 6260, 0, &defined, &nir, &bad), RE_OK);
	assert_int_equal(re_nir_label(nir, label), RE_OK);
	assert_string_equal(label, "38");
}

static void
test_stock_change_and_null_rules(void **state)
{
	double		v = 0;
	bool		defined = true;
	int			bad = -1;
	char		label[8];

	(void) state;
	/* a drawdown (positive) adds, a build-up subtracts */
	assert_int_equal(re_apparent_consumption(100, 50, 30, 10, &v, &bad), RE_OK);
	assert_true(v == 130);
	assert_int_equal(re_apparent_consumption(100, 50, 30, -10, &v, &bad), RE_OK);
	assert_true(v == 110);
	/* consumption <= 0: undefined */
	assert_int_equal(re_net_import_reliance(0, 0, 0, 0, &defined, &v, &bad), RE_OK);
	assert_false(defined);
	assert_int_equal(re_net_import_reliance(0, 5, 10, 0, &defined, &v, &bad), RE_OK);
	assert_false(defined);
	/* net exporter */
	assert_int_equal(re_net_import_reliance(200, 10, 110, 0, &defined, &v, &bad), RE_OK);
	assert_true(defined && v == -1);
	assert_int_equal(re_nir_label(v, label), RE_OK);
	assert_string_equal(label, "E");
	assert_int_equal(re_nir_label(0.995, label), RE_OK);
	assert_string_equal(label, "100");
	assert_int_equal(re_nir_label(1.0000001, label), RE_OUT_OF_RANGE);
	assert_int_equal(re_nir_label(NAN, label), RE_NONFINITE);
	/* ratios */
	assert_int_equal(re_self_sufficiency(60, 0, &defined, &v, &bad), RE_OK);
	assert_false(defined);
	assert_int_equal(re_self_sufficiency(60, 80, &defined, &v, &bad), RE_OK);
	assert_true(defined && v == 0.75);
	assert_int_equal(re_development_rate(10, 0, &defined, &v, &bad), RE_OK);
	assert_false(defined);
	assert_int_equal(re_reserve_life(44000000, 270000, &defined, &v, &bad), RE_OK);
	assert_true(defined && v == 44000000.0 / 270000);
	assert_int_equal(re_partner_dependency(100, 80, &defined, &v, &bad), RE_OK);
	assert_true(defined && v == 1.25);
}

static void
test_bad_arguments(void **state)
{
	double		v = 0;
	bool		defined,
				crit;
	int			bad = -1;

	(void) state;
	assert_int_equal(re_apparent_consumption(0, 0, -1, 0, &v, &bad), RE_NEGATIVE);
	assert_int_equal(bad, 2);
	assert_int_equal(re_apparent_consumption(0, 0, 0, INFINITY, &v, &bad), RE_NONFINITE);
	assert_int_equal(bad, 3);
	assert_int_equal(re_apparent_consumption(1e308, 1e308, 0, 0, &v, &bad), RE_OVERFLOW);
	assert_int_equal(re_rca(20, 100, 10, 1000, &defined, &v, &bad), RE_OUT_OF_RANGE);
	assert_int_equal(bad, 0);
	assert_int_equal(re_rca(20, 2000, 50, 1000, &defined, &v, &bad), RE_OUT_OF_RANGE);
	assert_int_equal(bad, 1);
	assert_int_equal(re_cif_to_fob(100, 0.99, &v, &bad), RE_OUT_OF_RANGE);
	assert_int_equal(bad, 1);
	assert_int_equal(re_mirror_gap(100, 100, 0.5, &defined, &v, &bad), RE_OUT_OF_RANGE);
	assert_int_equal(bad, 2);
	assert_int_equal(re_mirror_gap(-1, 100, 1.06, &defined, &v, &bad), RE_NEGATIVE);
	assert_int_equal(bad, 0);
	assert_int_equal(re_supply_risk(4, 2, 80, 0, 1, &v, &bad), RE_OUT_OF_RANGE);
	assert_int_equal(bad, 2);
	assert_int_equal(re_supply_risk(4, 2, 0.8, 0, NAN, &v, &bad), RE_NONFINITE);
	assert_int_equal(bad, 4);
	assert_int_equal(re_wgi_to_crm_scale(-2.6, &v), RE_OUT_OF_RANGE);
	assert_int_equal(re_is_critical(-1, 3, &crit, &bad), RE_NEGATIVE);
}

static void
test_rca_cif_fob_gap(void **state)
{
	double		v = 0;
	bool		defined = false;
	int			bad = -1;

	(void) state;
	/* (20 / 100) / (50 / 1000) = 4 */
	assert_int_equal(re_rca(20, 100, 50, 1000, &defined, &v, &bad), RE_OK);
	assert_true(defined && v == 4);
	assert_int_equal(re_rca(0, 0, 50, 1000, &defined, &v, &bad), RE_OK);
	assert_false(defined);
	assert_int_equal(re_cif_to_fob(106, 1.06, &v, &bad), RE_OK);
	assert_true(v == 100);
	assert_int_equal(re_fob_to_cif(100, 1.06, &v, &bad), RE_OK);
	assert_true(v == 106);
	/* 212 / 1.06 = 200 against 250 reported: gap -0.2 */
	assert_int_equal(re_mirror_gap(212, 250, 1.06, &defined, &v, &bad), RE_OK);
	assert_true(defined);
	assert_close(v, -0.2, 1e-15);
	assert_int_equal(re_mirror_gap(212, 0, 1.06, &defined, &v, &bad), RE_OK);
	assert_false(defined);
}

static void
test_supply_risk(void **state)
{
	double		v = 0;
	bool		crit = false;
	int			bad = -1;

	(void) state;
	/* [4 * 0.4 + 2 * 0.6] * 0.99 * 0.99 = 2.74428 */
	assert_int_equal(re_supply_risk(4, 2, 0.8, 0.01, 0.99, &v, &bad), RE_OK);
	assert_close(v, 2.74428, 1e-12);
	assert_int_equal(re_wgi_to_crm_scale(-0.3, &v), RE_OK);
	assert_close(v, 5.6, 1e-15);
	assert_int_equal(re_is_critical(1.0, 2.8, &crit, &bad), RE_OK);
	assert_true(crit);
	assert_int_equal(re_is_critical(0.999, 2.8, &crit, &bad), RE_OK);
	assert_false(crit);
}

static void
test_hhi_wgi(void **state)
{
	const char *keys[] = {"A", "B", "Z"};
	uint32_t	lens[] = {1, 1, 1};
	double		qty[] = {3, 1, 0};
	double		wgi[] = {6, 2, 0};
	bool		has[] = {true, true, false};
	double		t[] = {1.1, 1, 1};
	re_mix		mix;
	bool		defined = false;
	double		v = 0;
	int64_t		bad = -1;

	(void) state;
	assert_int_equal(re_mix_from_pairs(&mix, unit_allocator(&pool), 3, keys, lens, qty), RE_OK);
	/* 0.5625 * 6 * 1.1 + 0.0625 * 2 = 3.8375; Z has quantity 0 and needs no score */
	assert_int_equal(re_hhi_wgi(&mix, wgi, has, t, &defined, &v, &bad), RE_OK);
	assert_true(defined);
	assert_close(v, 3.8375, 1e-12);
	has[1] = false;
	assert_int_equal(re_hhi_wgi(&mix, wgi, has, t, &defined, &v, &bad), RE_UNRECOGNIZED);
	assert_int_equal(bad, 1);
	has[1] = true;
	wgi[0] = 10.5;
	assert_int_equal(re_hhi_wgi(&mix, wgi, has, t, &defined, &v, &bad), RE_OUT_OF_RANGE);
	assert_int_equal(bad, 0);
	wgi[0] = 6;
	t[1] = -1;
	assert_int_equal(re_hhi_wgi(&mix, wgi, has, t, &defined, &v, &bad), RE_NEGATIVE);
	assert_int_equal(bad, 1);
	/* huge trade factors: the sum overflows, an error rather than NULL */
	t[0] = 1e308;
	t[1] = 1e308;
	defined = true;
	assert_int_equal(re_hhi_wgi(&mix, wgi, has, t, &defined, &v, &bad), RE_OVERFLOW);
	assert_false(defined);
}

/*
 * Results beyond double are RE_OVERFLOW, told apart from an argument out of
 * its range (RE_OUT_OF_RANGE); a sum whose intermediate overflows but whose
 * result fits is computed, against the exact value by hand.
 */
static void
test_overflow(void **state)
{
	double		v = 0;
	bool		defined = false;
	int			bad = -1;
	const double max = 1.7976931348623157e308;

	(void) state;
	assert_int_equal(re_fob_to_cif(1e308, 2, &v, &bad), RE_OVERFLOW);
	assert_int_equal(re_supply_risk(max, max, 1, 0, 1, &v, &bad), RE_OK);
	assert_true(v == max);
	assert_int_equal(re_apparent_consumption(max, max, 0, 0, &v, &bad), RE_OVERFLOW);
	assert_int_equal(re_apparent_consumption(0, 0, max, -max, &v, &bad), RE_OVERFLOW);
	/* 1e308 + 1e308 - 1e308 + 0 = 1e308 exactly */
	assert_int_equal(re_apparent_consumption(1e308, 1e308, 1e308, 0, &v, &bad), RE_OK);
	assert_true(v == 1e308);
	/* max + max - max - max = 0: NIR undefined, not an error */
	assert_int_equal(re_apparent_consumption(max, max, max, -max, &v, &bad), RE_OK);
	assert_true(v == 0 && !signbit(v));
	assert_int_equal(re_net_import_reliance(max, max, max, -max, &defined, &v, &bad), RE_OK);
	assert_false(defined);
	/* net imports 1e308 - 1.5e308 over consumption 1e308 + 1e308 - 1.5e308: -1 */
	assert_int_equal(re_net_import_reliance(1e308, 1e308, 1.5e308, 0, &defined, &v, &bad), RE_OK);
	assert_true(defined && v == -1);
	assert_int_equal(re_net_import_reliance(1e308, 1e308, 1e308, 1e308, &defined, &v, &bad), RE_OVERFLOW);
}

/* re_sum_finite against sums worked out by hand */
static void
test_sum_finite(void **state)
{
	const double max = 1.7976931348623157e308;
	double		a[] = {1e308, 1e308, -1e308};
	double		b[] = {max, max, max, -max, -max};
	double		c[] = {max, max};
	double		d[] = {1e16, 1, 1, -1e16};
	double		e[] = {-0.0, -0.0};
	double		v = 1;

	(void) state;
	assert_true(re_sum_finite(a, 3, &v) && v == 1e308);
	assert_true(re_sum_finite(b, 5, &v) && v == max);
	assert_false(re_sum_finite(c, 2, &v));
	assert_true(re_sum_finite(d, 4, &v) && v == 2);	/* compensated: the 1s survive */
	assert_true(re_sum_finite(e, 2, &v) && v == 0 && !signbit(v));
	assert_true(re_sum_finite(e, 0, &v) && v == 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_usgs_mcs2019, teardown),
		cmocka_unit_test_teardown(test_stock_change_and_null_rules, teardown),
		cmocka_unit_test_teardown(test_bad_arguments, teardown),
		cmocka_unit_test_teardown(test_rca_cif_fob_gap, teardown),
		cmocka_unit_test_teardown(test_supply_risk, teardown),
		cmocka_unit_test_teardown(test_hhi_wgi, teardown),
		cmocka_unit_test_teardown(test_overflow, teardown),
		cmocka_unit_test_teardown(test_sum_finite, teardown),
	};

	return cmocka_run_group_tests_name("metrics", tests, NULL, NULL);
}
