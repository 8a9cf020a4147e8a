/*
 * test_geopolrisk.c — unit tests of src/core/geopolrisk.c: the share-weighted
 * score and GeoPolRisk (geopolrisk-py core.py), against values computed by
 * hand from the formulas.
 */
#include <math.h>
#include <string.h>

#include "unit.h"

static re_mix
mix_of(uint32_t n, const char **keys, const double *qty)
{
	uint32_t	lens[8];
	re_mix		m;

	for (uint32_t i = 0; i < n; i++)
		lens[i] = (uint32_t) strlen(keys[i]);
	assert_int_equal(re_mix_from_pairs(&m, unit_allocator(&pool), n, keys, lens, qty), RE_OK);
	return m;
}

static void
test_weighted_score(void **state)
{
	const char *keys[] = {"A", "B", "Z"};
	double		qty[] = {3, 1, 0};
	double		score[] = {6, 2, 0};
	bool		has[] = {true, true, false};
	double		missing = 4;
	re_mix		m = mix_of(3, keys, qty);
	bool		defined = false;
	double		v = 0;
	int64_t		bad = 0;

	(void) state;
	/* 3/4 * 6 + 1/4 * 2 = 5; Z has quantity 0 and needs no score */
	assert_int_equal(re_weighted_score(&m, score, has, NULL, &defined, &v, &bad), RE_OK);
	assert_true(defined);
	assert_true(v == 5);
	has[1] = false;
	assert_int_equal(re_weighted_score(&m, score, has, NULL, &defined, &v, &bad), RE_UNRECOGNIZED);
	assert_int_equal(bad, 1);
	/* B at missing_score 4: 4.5 + 1 = 5.5 */
	assert_int_equal(re_weighted_score(&m, score, has, &missing, &defined, &v, &bad), RE_OK);
	assert_true(v == 5.5);
	missing = NAN;
	assert_int_equal(re_weighted_score(&m, score, has, &missing, &defined, &v, &bad), RE_NONFINITE);
	assert_int_equal(bad, -1);
	has[1] = true;
	score[0] = INFINITY;
	assert_int_equal(re_weighted_score(&m, score, has, NULL, &defined, &v, &bad), RE_NONFINITE);
	assert_int_equal(bad, 0);
}

static void
test_geopolrisk_hand(void **state)
{
	const char *pk[] = {"A", "B", "C"};
	double		pq[] = {3, 1, 4};
	const char *ik[] = {"A", "B", "C"};
	double		iq[] = {6, 2, 2};
	double		g[] = {0.5, 0.25, 0.9};
	bool		has[] = {true, true, false};
	const char *unit[] = {"C"};
	uint32_t	ulen[] = {1};
	double		price = 10;
	re_mix		prod = mix_of(3, pk, pq);
	re_mix		imp = mix_of(3, ik, iq);
	re_geopolrisk_result r;
	int64_t		bad = 0;

	(void) state;
	/*
	 * HHI (9 + 1 + 16) / 64; C's re-imports score 0: WTA = (3 + 0.5 + 0) /
	 * (10 + 4); midpoint score * 10; CF midpoint / 0.409412948
	 */
	assert_int_equal(re_geopolrisk(&prod, &imp, unit, ulen, 1, g, has, NULL, &price, &r, &bad, unit_allocator(&pool)), RE_OK);
	assert_true(r.hhi_defined && r.score_defined && r.midpoint_defined);
	assert_close(r.hhi, 26.0 / 64, 1e-15);
	assert_close(r.import_risk, 3.5 / 14, 1e-15);
	assert_close(r.score, 26.0 / 64 * 3.5 / 14, 1e-15);
	assert_close(r.midpoint, 26.0 / 64 * 3.5 / 14 * 10, 1e-14);
	assert_close(r.cf, 26.0 / 64 * 3.5 / 14 * 10 / 0.409412948, 1e-14);
	/* regional: B in the unit too: WTA = 3 / (10 + 4 + 1); B listed twice counts once */
	{
		const char *region[] = {"B", "C", "B"};
		uint32_t	rlen[] = {1, 1, 1};

		assert_int_equal(re_geopolrisk(&prod, &imp, region, rlen, 3, g, has, NULL, NULL, &r, &bad, unit_allocator(&pool)), RE_OK);
		assert_close(r.import_risk, 3.0 / 15, 1e-15);
		assert_false(r.midpoint_defined);
	}
}

static void
test_geopolrisk_edges_and_errors(void **state)
{
	const char *pk[] = {"A"};
	double		pq[] = {0};
	const char *ik[] = {"B", "D"};
	double		iq[] = {2, 1};
	double		g[] = {0.5, 0};
	bool		has[] = {true, false};
	const char *unit[] = {"C"};
	uint32_t	ulen[] = {1};
	double		price = -1,
				missing = 0.5;
	re_mix		prod = mix_of(1, pk, pq);
	re_mix		imp = mix_of(2, ik, iq);
	re_mix		none = mix_of(0, ik, iq);
	re_geopolrisk_result r;
	int64_t		bad = 0;

	(void) state;
	/* D has imports and no score */
	assert_int_equal(re_geopolrisk(&prod, &imp, unit, ulen, 1, g, has, NULL, NULL, &r, &bad, unit_allocator(&pool)), RE_UNRECOGNIZED);
	assert_int_equal(bad, 1);
	/* the reference's 0.5; zero world production: no HHI, no score */
	assert_int_equal(re_geopolrisk(&prod, &imp, unit, ulen, 1, g, has, &missing, NULL, &r, &bad, unit_allocator(&pool)), RE_OK);
	assert_close(r.import_risk, 1.5 / 3, 1e-15);
	assert_false(r.hhi_defined);
	assert_false(r.score_defined);
	/* nothing imported, nothing produced: WTA 0 (core.py's except branch) */
	assert_int_equal(re_geopolrisk(&prod, &none, unit, ulen, 1, g, has, NULL, NULL, &r, &bad, unit_allocator(&pool)), RE_OK);
	assert_true(r.import_risk == 0);
	assert_int_equal(re_geopolrisk(&prod, &imp, unit, ulen, 1, g, has, &missing, &price, &r, &bad, unit_allocator(&pool)), RE_NEGATIVE);
	assert_int_equal(bad, RE_GEOPOLRISK_BAD_PRICE);
	price = NAN;
	assert_int_equal(re_geopolrisk(&prod, &imp, unit, ulen, 1, g, has, &missing, &price, &r, &bad, unit_allocator(&pool)), RE_NONFINITE);
	assert_int_equal(bad, RE_GEOPOLRISK_BAD_PRICE);
	missing = 1.5;
	assert_int_equal(re_geopolrisk(&prod, &imp, unit, ulen, 1, g, has, &missing, NULL, &r, &bad, unit_allocator(&pool)), RE_OUT_OF_RANGE);
	assert_int_equal(bad, RE_GEOPOLRISK_BAD_MISSING);
	missing = 0.5;
	g[0] = 1.01;
	assert_int_equal(re_geopolrisk(&prod, &imp, unit, ulen, 1, g, has, &missing, NULL, &r, &bad, unit_allocator(&pool)), RE_OUT_OF_RANGE);
	assert_int_equal(bad, 0);
	g[0] = -0.01;
	assert_int_equal(re_geopolrisk(&prod, &imp, unit, ulen, 1, g, has, &missing, NULL, &r, &bad, unit_allocator(&pool)), RE_OUT_OF_RANGE);
	g[0] = NAN;
	assert_int_equal(re_geopolrisk(&prod, &imp, unit, ulen, 1, g, has, &missing, NULL, &r, &bad, unit_allocator(&pool)), RE_NONFINITE);
	assert_int_equal(bad, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_weighted_score, teardown),
		cmocka_unit_test_teardown(test_geopolrisk_hand, teardown),
		cmocka_unit_test_teardown(test_geopolrisk_edges_and_errors, teardown),
	};

	return cmocka_run_group_tests_name("geopolrisk", tests, NULL, NULL);
}
