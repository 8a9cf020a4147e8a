/*
 * test_mix.c — unit tests of src/core/mix.c: the supply-mix state, its
 * summary, binary forms and accessors.  Expected values are computed here
 * independently (naive formulas) or by hand from the methodology.
 */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "unit.h"

/* USGS MCS 2025, 2024 mine production, t REO (13 rows incl. "Other"). */
static const char *usgs_names[] = {"China", "United States", "Burma", "Australia",
	"Nigeria", "Thailand", "India", "Russia", "Madagascar", "Malaysia", "Vietnam",
"Brazil", "Other"};
static const double usgs_qty[] = {270000, 45000, 31000, 13000, 13000, 13000, 2900,
2500, 2000, 130, 300, 20, 1100};
#define USGS_N 13

static re_mix
usgs_mix(void)
{
	re_mix		mix;
	uint32_t	lens[USGS_N];

	for (int i = 0; i < USGS_N; i++)
		lens[i] = (uint32_t) strlen(usgs_names[i]);
	assert_int_equal(re_mix_from_pairs(&mix, unit_allocator(&pool), USGS_N,
									   usgs_names, lens, usgs_qty), RE_OK);
	return mix;
}

static void
test_ksum_compensates(void **state)
{
	re_ksum		k = {0, 0};
	double		naive = 1e16;

	(void) state;
	re_ksum_add(&k, 1e16);
	for (int i = 0; i < 10; i++)
	{
		re_ksum_add(&k, 1.0);
		naive += 1.0;
	}
	/* naive summation loses every 1.0 (ulp of 1e16 is 2) ... */
	assert_true(naive == 1e16);
	/* ... the compensated sum keeps them */
	assert_true(re_ksum_value(&k) == 1e16 + 10);
}

static void
test_usgs_worked_example(void **state)
{
	re_mix		mix = usgs_mix();
	double		total = 0,
				sumsq = 0,
				hhi,
				share;

	(void) state;
	for (int i = 0; i < USGS_N; i++)
		total += usgs_qty[i];
	for (int i = 0; i < USGS_N; i++)
		sumsq += (usgs_qty[i] / total) * (usgs_qty[i] / total);
	assert_close(re_mix_total(&mix), 393950, 1e-9);
	assert_true(re_mix_hhi(&mix, &hhi));
	assert_close(hhi, sumsq * 10000, 1e-9);
	assert_close(hhi, 4924, 0.5);	/* the published-figure check: about 4,924 */
	assert_true(re_mix_share(&mix, "China", 5, &share));
	assert_close(share, 270000.0 / 393950.0, 1e-15);
	assert_close(share * 100, 68.5, 0.05);
	assert_int_equal(re_mix_supplier_count(&mix), 13);
	assert_int_equal(re_mix_dominant(&mix), re_mix_find(&mix, "China", 5));
}

static void
test_accessors(void **state)
{
	const char *k[] = {"b", "a", "c", "d"};
	uint32_t	l[] = {1, 1, 1, 1};
	double		q[] = {30, 30, 40, 0};
	re_mix		mix;
	double		v;
	uint32_t	order[4];

	(void) state;
	assert_int_equal(re_mix_from_pairs(&mix, unit_allocator(&pool), 4, k, l, q), RE_OK);
	/* sorted canonical order */
	assert_memory_equal(mix.keys[0], "a", 1);
	assert_memory_equal(mix.keys[3], "d", 1);
	assert_int_equal(re_mix_supplier_count(&mix), 3);	/* d has 0 */
	assert_true(re_mix_hhi(&mix, &v));
	assert_close(v, (0.09 + 0.09 + 0.16) * 10000, 1e-9);
	assert_true(re_mix_hhi_normalized(&mix, &v));
	assert_close(v, (0.34 - 1.0 / 3) / (1 - 1.0 / 3), 1e-12);
	assert_true(re_mix_equivalent_suppliers(&mix, &v));
	assert_close(v, 1 / 0.34, 1e-12);
	assert_true(re_mix_entropy(&mix, &v));
	assert_close(v, -(0.3 * log(0.3) * 2 + 0.4 * log(0.4)), 1e-12);
	assert_true(re_mix_cr(&mix, 1, order, &v));
	assert_close(v, 0.4, 1e-15);
	assert_true(re_mix_cr(&mix, 2, order, &v));
	assert_close(v, 0.7, 1e-15);
	assert_true(re_mix_cr(&mix, 0, order, &v));
	assert_close(v, 0, 0);
	assert_true(re_mix_cr(&mix, 99, order, &v));
	assert_close(v, 1, 0);
	/* ranking: c (40), then the tie a/b by key, then d */
	re_mix_rank(&mix, order);
	assert_memory_equal(mix.keys[order[0]], "c", 1);
	assert_memory_equal(mix.keys[order[1]], "a", 1);
	assert_memory_equal(mix.keys[order[2]], "b", 1);
	assert_memory_equal(mix.keys[order[3]], "d", 1);
	assert_true(re_mix_share(&mix, "zz", 2, &v));
	assert_close(v, 0, 0);
}

static void
test_dominant_tie(void **state)
{
	const char *k[] = {"y", "x"};
	uint32_t	l[] = {1, 1};
	double		q[] = {5, 5};
	re_mix		mix;
	double		v;

	(void) state;
	assert_int_equal(re_mix_from_pairs(&mix, unit_allocator(&pool), 2, k, l, q), RE_OK);
	assert_memory_equal(mix.keys[re_mix_dominant(&mix)], "x", 1);
	assert_true(re_mix_hhi_normalized(&mix, &v));
	assert_close(v, 0, 1e-15);
}

/*
 * Supply left without the largest supplier, against hand sums: USGS MCS
 * 2025 mine production without China is 393,950 - 270,000 = 123,950 t.
 */
static void
test_without_largest(void **state)
{
	re_mix		mix = usgs_mix();
	const char *k[] = {"big", "small", "y", "x"};
	uint32_t	l[] = {3, 5, 1, 1};
	double		q[] = {1e17, 1, 5, 5};
	re_mix		skew,
				tie,
				empty = {0};
	int64_t		top = -7;
	double		left = -7,
				share = -7;

	(void) state;
	assert_true(re_mix_without_largest(&mix, &top, &left, &share));
	assert_int_equal(top, re_mix_find(&mix, "China", 5));
	assert_true(left == 123950);
	assert_close(share, 123950.0 / 393950.0, 1e-16);
	/* a rest far below the largest survives: 1 beside 1e17, not 0 or 16 */
	assert_int_equal(re_mix_from_pairs(&skew, unit_allocator(&pool), 2, k, l, q), RE_OK);
	assert_true(re_mix_without_largest(&skew, &top, &left, &share));
	assert_memory_equal(skew.keys[top], "big", 3);
	assert_true(left == 1);
	assert_true(share == 1e-17);
	/* a tie: the first supplier by key is the largest, the other is left */
	assert_int_equal(re_mix_from_pairs(&tie, unit_allocator(&pool), 2, k + 2, l + 2, q + 2), RE_OK);
	assert_true(re_mix_without_largest(&tie, &top, &left, &share));
	assert_memory_equal(tie.keys[top], "x", 1);
	assert_true(left == 5 && share == 0.5);
	/* no supply: undefined, outputs untouched */
	top = -7;
	assert_false(re_mix_without_largest(&empty, &top, &left, &share));
	assert_int_equal(top, -7);
}

static void
test_empty_and_zero(void **state)
{
	re_mix		empty = {0};
	const char *k[] = {"a"};
	uint32_t	l[] = {1};
	double		q[] = {0};
	re_mix		zero;
	double		v;
	uint32_t	order[1];
	bool		defined;

	(void) state;
	assert_int_equal(re_mix_from_pairs(&zero, unit_allocator(&pool), 1, k, l, q), RE_OK);
	for (int m = 0; m < 2; m++)
	{
		re_mix	   *mix = m ? &zero : &empty;

		assert_true(re_mix_total(mix) == 0);
		assert_int_equal(re_mix_supplier_count(mix), 0);
		assert_false(re_mix_hhi(mix, &v));
		assert_false(re_mix_hhi_normalized(mix, &v));
		assert_false(re_mix_equivalent_suppliers(mix, &v));
		assert_false(re_mix_entropy(mix, &v));
		assert_false(re_mix_cr(mix, 1, order, &v));
		assert_false(re_mix_share(mix, "a", 1, &v));
		assert_int_equal(re_mix_dominant(mix), -1);
		assert_int_equal(re_mix_coverage(mix, 0, &defined, &v), RE_OK);
		assert_false(defined);
		assert_int_equal(re_mix_coverage(mix, 10, &defined, &v), RE_OK);
		assert_true(defined);
		assert_close(v, 0, 0);
	}
}

static void
test_single_supplier(void **state)
{
	const char *k[] = {"CHN"};
	uint32_t	l[] = {3};
	double		q[] = {7};
	re_mix		mix;
	double		v;

	(void) state;
	assert_int_equal(re_mix_from_pairs(&mix, unit_allocator(&pool), 1, k, l, q), RE_OK);
	assert_true(re_mix_hhi(&mix, &v));
	assert_true(v == 10000);
	assert_false(re_mix_hhi_normalized(&mix, &v));	/* N < 2 */
	assert_true(re_mix_entropy(&mix, &v));
	assert_true(v == 0 && !signbit(v));
	assert_true(re_mix_equivalent_suppliers(&mix, &v));
	assert_true(v == 1);
}

static void
test_coverage_bounds(void **state)
{
	const char *k[] = {"a", "b"};
	uint32_t	l[] = {1, 1};
	double		q[] = {60, 20};
	re_mix		mix;
	double		v,
				lo,
				hi;
	bool		defined;

	(void) state;
	assert_int_equal(re_mix_from_pairs(&mix, unit_allocator(&pool), 2, k, l, q), RE_OK);
	assert_int_equal(re_mix_coverage(&mix, 100, &defined, &v), RE_OK);
	assert_true(defined);
	assert_close(v, 0.8, 1e-15);
	assert_int_equal(re_mix_hhi_bounds(&mix, 100, &defined, &lo, &hi), RE_OK);
	/* by hand: lower = .36 + .04 = .40; upper = .40 + .2^2 = .44 */
	assert_close(lo, 4000, 1e-9);
	assert_close(hi, 4400, 1e-9);
	assert_int_equal(re_mix_hhi_bounds(&mix, 80, &defined, &lo, &hi), RE_OK);
	assert_close(hi, lo, 1e-9);
	assert_int_equal(re_mix_coverage(&mix, 79, &defined, &v), RE_OUT_OF_RANGE);
	assert_int_equal(re_mix_hhi_bounds(&mix, 79.9, &defined, &lo, &hi), RE_OUT_OF_RANGE);
	assert_int_equal(re_mix_coverage(&mix, NAN, &defined, &v), RE_NONFINITE);
	assert_int_equal(re_mix_coverage(&mix, INFINITY, &defined, &v), RE_NONFINITE);
}

static void
test_concentration_bands(void **state)
{
	const char *lab;

	(void) state;
#define BAND(h, g, expect) do { assert_int_equal(re_concentration_class(h, g, &lab), RE_OK); \
		assert_string_equal(lab, expect); } while (0)
	BAND(1499.99, "2010", "unconcentrated");
	BAND(1500, "2010", "moderately concentrated");
	BAND(2500, "2010", "moderately concentrated");
	BAND(2500.01, "2010", "highly concentrated");
	BAND(999, "1992", "unconcentrated");
	BAND(1000, "1992", "moderately concentrated");
	BAND(1800, "1992", "moderately concentrated");
	BAND(1800.5, "1992", "highly concentrated");
	BAND(1800, "2023", "not highly concentrated");
	BAND(1801, "2023", "highly concentrated");
	BAND(0, "2023", "not highly concentrated");
	BAND(10000, "2010", "highly concentrated");
	assert_int_equal(re_concentration_class(100, "2011", &lab), RE_OK);
	assert_null(lab);
	assert_int_equal(re_concentration_class(-1, "2010", &lab), RE_OUT_OF_RANGE);
	assert_int_equal(re_concentration_class(10000.5, "2010", &lab), RE_OUT_OF_RANGE);
	assert_int_equal(re_concentration_class(NAN, "2010", &lab), RE_NONFINITE);
}

static void
encode_state_summary(re_mix_state *st, uint8_t **out, size_t *len)
{
	re_mix		mix;

	assert_int_equal(re_mix_from_state(&mix, unit_allocator(&pool), st, NULL), RE_OK);
	*len = re_mix_encoded_size(&mix);
	*out = unit_alloc(&pool, *len);
	re_mix_encode(&mix, *out);
}

static void
test_order_and_grouping_independence(void **state)
{
	enum {NROWS = 20000};
	static int64_t keys[NROWS];
	static double qty[NROWS];
	re_mix_state a,
				b,
				parts[3];
	uint8_t    *ea,
			   *eb;
	size_t		la,
				lb;
	re_mix		ma,
				mb;

	(void) state;
	for (int i = 0; i < NROWS; i++)
	{
		keys[i] = next_rand(500);
		/* quantities over 12 orders of magnitude stress the summation */
		qty[i] = (double) next_rand(1000) * pow(10, (double) next_rand(12)) / 7.0;
	}
	assert_int_equal(re_mix_state_init(&a, unit_allocator(&pool), RE_KEY_INT), RE_OK);
	for (int i = 0; i < NROWS; i++)
		assert_int_equal(re_mix_add_int(&a, keys[i], qty[i]), RE_OK);

	/* reversed order, split into three partial states merged in another order */
	for (int p = 0; p < 3; p++)
		assert_int_equal(re_mix_state_init(&parts[p], unit_allocator(&pool), RE_KEY_INT), RE_OK);
	for (int i = NROWS - 1; i >= 0; i--)
		assert_int_equal(re_mix_add_int(&parts[next_rand(3)], keys[i], qty[i]), RE_OK);
	assert_int_equal(re_mix_state_init(&b, unit_allocator(&pool), RE_KEY_INT), RE_OK);
	for (int p = 2; p >= 0; p--)
	{
		/* through the serialized form, as between parallel workers */
		size_t		n = re_mix_state_encoded_size(&parts[p]);
		uint8_t    *buf = unit_alloc(&pool, n);
		re_mix_state back;

		re_mix_state_encode(&parts[p], buf);
		assert_int_equal(re_mix_state_decode(&back, unit_allocator(&pool), buf, n), RE_OK);
		assert_int_equal(re_mix_state_merge(&b, &back), RE_OK);
	}
	encode_state_summary(&a, &ea, &la);
	encode_state_summary(&b, &eb, &lb);
	assert_int_equal(re_mix_decode(&ma, unit_allocator(&pool), ea, la), RE_OK);
	assert_int_equal(re_mix_decode(&mb, unit_allocator(&pool), eb, lb), RE_OK);
	assert_int_equal(ma.n, mb.n);
	for (uint32_t i = 0; i < ma.n; i++)
	{
		assert_int_equal(re_key_cmp(ma.keys[i], ma.lens[i], mb.keys[i], mb.lens[i]), 0);
		assert_true(fabs(ma.qty[i] - mb.qty[i]) <= 1e-12 * ma.qty[i]);
	}
}

static void
test_text_keys_grow(void **state)
{
	re_mix_state st;
	re_mix		mix;
	char		name[32];

	(void) state;
	assert_int_equal(re_mix_state_init(&st, unit_allocator(&pool), RE_KEY_TEXT), RE_OK);
	for (int round = 0; round < 3; round++)
		for (int i = 0; i < 3000; i++)
		{
			int			n = snprintf(name, sizeof(name), "supplier-%d", i);

			assert_int_equal(re_mix_add_text(&st, name, (uint32_t) n, 1.5), RE_OK);
		}
	assert_int_equal(st.nentries, 3000);
	assert_int_equal(re_mix_from_state(&mix, unit_allocator(&pool), &st, NULL), RE_OK);
	assert_int_equal(mix.n, 3000);
	assert_close(re_mix_total(&mix), 3000 * 4.5, 1e-9);
	assert_true(re_mix_find(&mix, "supplier-2999", 13) >= 0);
	assert_int_equal(re_mix_find(&mix, "supplier-3000", 13), -1);
}

static void
test_bad_quantities(void **state)
{
	re_mix_state st;
	const char *k[] = {"a"};
	uint32_t	l[] = {1};
	double		q[] = {-1};
	re_mix		mix;

	(void) state;
	assert_int_equal(re_mix_state_init(&st, unit_allocator(&pool), RE_KEY_TEXT), RE_OK);
	assert_int_equal(re_mix_add_text(&st, "a", 1, -0.5), RE_NEGATIVE);
	assert_int_equal(re_mix_add_text(&st, "a", 1, NAN), RE_NONFINITE);
	assert_int_equal(re_mix_add_text(&st, "a", 1, INFINITY), RE_NONFINITE);
	assert_int_equal(re_mix_add_text(&st, "a", 1, 1e308), RE_OK);
	assert_int_equal(re_mix_add_text(&st, "a", 1, 1e308), RE_OVERFLOW);
	assert_int_equal(re_mix_from_pairs(&mix, unit_allocator(&pool), 1, k, l, q), RE_NEGATIVE);
}

static void
test_decode_hostile(void **state)
{
	re_mix		mix = usgs_mix(),
				back;
	size_t		n = re_mix_encoded_size(&mix);
	uint8_t    *buf = unit_alloc(&pool, n + 1);
	re_mix_state st;

	(void) state;
	re_mix_encode(&mix, buf);
	assert_int_equal(re_mix_decode(&back, unit_allocator(&pool), buf, n), RE_OK);
	assert_int_equal(back.n, mix.n);
	/* every proper prefix is rejected, never read past */
	for (size_t cut = 0; cut < n; cut++)
		assert_int_not_equal(re_mix_decode(&back, unit_allocator(&pool), buf, cut), RE_OK);
	buf[n] = 0;
	assert_int_equal(re_mix_decode(&back, unit_allocator(&pool), buf, n + 1), RE_TRAILING);
	buf[0] = 2;
	assert_int_equal(re_mix_decode(&back, unit_allocator(&pool), buf, n), RE_BAD_VERSION);
	buf[0] = RE_MIX_VERSION;
	/* a count far beyond the data */
	{
		uint8_t		huge[] = {1, 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0};

		assert_int_equal(re_mix_decode(&back, unit_allocator(&pool), huge, sizeof(huge)), RE_TOO_LARGE);
	}
	/* duplicates, order, negative and NaN quantities */
	{
		uint8_t		b[64],
				   *p;

#define ENTRY(key, q) p = re_put_u32(p, 1); p = re_put_bytes(p, key, 1); p = re_put_f64(p, q)
		p = re_put_u32(re_put_u8(b, 1), 2);
		ENTRY("a", 1.0);
		ENTRY("a", 2.0);
		assert_int_equal(re_mix_decode(&back, unit_allocator(&pool), b, (size_t) (p - b)), RE_DUPLICATE_KEY);
		p = re_put_u32(re_put_u8(b, 1), 2);
		ENTRY("b", 1.0);
		ENTRY("a", 2.0);
		assert_int_equal(re_mix_decode(&back, unit_allocator(&pool), b, (size_t) (p - b)), RE_UNSORTED);
		p = re_put_u32(re_put_u8(b, 1), 1);
		ENTRY("a", -2.0);
		assert_int_equal(re_mix_decode(&back, unit_allocator(&pool), b, (size_t) (p - b)), RE_NEGATIVE);
		p = re_put_u32(re_put_u8(b, 1), 1);
		ENTRY("a", NAN);
		assert_int_equal(re_mix_decode(&back, unit_allocator(&pool), b, (size_t) (p - b)), RE_NONFINITE);
		/* key length pointing past the end */
		p = re_put_u32(re_put_u8(b, 1), 1);
		p = re_put_u32(p, 0x7fffffff);
		p = re_put_f64(p, 1.0);
		assert_int_equal(re_mix_decode(&back, unit_allocator(&pool), b, (size_t) (p - b)), RE_TRUNCATED);
	}
	/* the state's decoder: prefixes, bad kind, duplicates */
	{
		re_mix_state s0;
		size_t		sn;
		uint8_t    *sb;

		assert_int_equal(re_mix_state_init(&s0, unit_allocator(&pool), RE_KEY_TEXT), RE_OK);
		assert_int_equal(re_mix_add_text(&s0, "CHN", 3, 5), RE_OK);
		assert_int_equal(re_mix_add_text(&s0, "USA", 3, 2), RE_OK);
		sn = re_mix_state_encoded_size(&s0);
		sb = unit_alloc(&pool, sn);
		re_mix_state_encode(&s0, sb);
		assert_int_equal(re_mix_state_decode(&st, unit_allocator(&pool), sb, sn), RE_OK);
		for (size_t cut = 0; cut < sn; cut++)
			assert_int_not_equal(re_mix_state_decode(&st, unit_allocator(&pool), sb, cut), RE_OK);
		sb[1] = 7;
		assert_int_equal(re_mix_state_decode(&st, unit_allocator(&pool), sb, sn), RE_BAD_KIND);
		sb[1] = RE_KEY_TEXT;
		/* make the second key equal to the first */
		memcpy(sb + 6 + 4 + 3 + 16 + 4, sb + 6 + 4, 3);
		assert_int_equal(re_mix_state_decode(&st, unit_allocator(&pool), sb, sn), RE_DUPLICATE_KEY);
	}
}

/*
 * A state's encoded size is exact whatever the keys' lengths: counted
 * here by hand (6 + per supplier 4 + length + 16), then the encoding must
 * decode with nothing left over.  The dictionary knows the size without a
 * pass over the entries while every key has one length; the keys below
 * are all one length, then the empty key and a longer one join.
 */
static void
test_encoded_size_by_key_length(void **state)
{
	static const char *const keys[] = {"CHN", "USA", "AUS", "", "Myanmar", "MMR"};
	re_mix_state st;

	(void) state;
	assert_int_equal(re_mix_state_init(&st, unit_allocator(&pool), RE_KEY_TEXT), RE_OK);
	for (size_t k = 0; k < sizeof(keys) / sizeof(keys[0]); k++)
	{
		size_t		expect = 6;
		size_t		n;
		uint8_t    *buf;
		re_mix_state back;

		assert_int_equal(re_mix_add_text(&st, keys[k], (uint32_t) strlen(keys[k]), 1.5), RE_OK);
		for (size_t j = 0; j <= k; j++)
			expect += 4 + strlen(keys[j]) + 16;
		n = re_mix_state_encoded_size(&st);
		assert_int_equal(n, expect);
		buf = unit_alloc(&pool, n);
		re_mix_state_encode(&st, buf);
		assert_int_equal(re_mix_state_decode(&back, unit_allocator(&pool), buf, n), RE_OK);
		assert_int_equal(back.nentries, k + 1);
	}
	/* a state of one-length keys in a dictionary that also has others */
	{
		re_mix_acc *one;
		re_keydict *d = st.dict;
		uint32_t	id;

		assert_int_equal(re_mix_acc_create(&one, unit_allocator(&pool), d), RE_OK);
		assert_int_equal(re_keydict_text(d, "USA", 3, &id), RE_OK);
		assert_int_equal(re_mix_acc_add(&one, unit_allocator(&pool), id, (re_ksum) {2, 0}), RE_OK);
		assert_int_equal(re_mix_acc_encoded_size(one), 6 + 4 + 3 + 16);
	}
}

/*
 * A supplier's sum and the total of all suppliers must stay finite: every
 * way of making a summary (adding rows, merging states, text pairs, the
 * state's decoder, re_mix_check_total after the value's decoder) says
 * RE_OVERFLOW for {"a": 1e308, "b": 1e308}.
 */
static void
test_total_overflow(void **state)
{
	re_allocator al = unit_allocator(&pool);
	re_mix_state a,
				b;
	re_mix		mix;
	const char *k[] = {"a", "b"};
	uint32_t	l[] = {1, 1};
	double		q[] = {1e308, 1e308};
	uint8_t		buf[64],
			   *p;

	(void) state;
	assert_int_equal(re_mix_state_init(&a, al, RE_KEY_TEXT), RE_OK);
	assert_int_equal(re_mix_add_text(&a, "a", 1, 1e308), RE_OK);
	assert_int_equal(re_mix_add_text(&a, "b", 1, 1e308), RE_OVERFLOW);
	assert_int_equal(re_mix_state_init(&a, al, RE_KEY_INT), RE_OK);
	assert_int_equal(re_mix_add_int(&a, 156, 1e308), RE_OK);
	assert_int_equal(re_mix_add_int(&a, 842, 1e308), RE_OVERFLOW);

	/* combine and rollup: each state alone is fine, together they overflow */
	assert_int_equal(re_mix_state_init(&a, al, RE_KEY_TEXT), RE_OK);
	assert_int_equal(re_mix_state_init(&b, al, RE_KEY_TEXT), RE_OK);
	assert_int_equal(re_mix_add_text(&a, "a", 1, 1e308), RE_OK);
	assert_int_equal(re_mix_add_text(&b, "b", 1, 1e308), RE_OK);
	assert_int_equal(re_mix_state_merge(&a, &b), RE_OVERFLOW);

	/* text input */
	assert_int_equal(re_mix_from_pairs(&mix, al, 2, k, l, q), RE_OVERFLOW);

	/* the value's binary form: well-formed, but its total is not finite */
	p = re_put_u32(re_put_u8(buf, 1), 2);
	ENTRY("a", 1e308);
	ENTRY("b", 1e308);
	assert_int_equal(re_mix_decode(&mix, al, buf, (size_t) (p - buf)), RE_OK);
	assert_int_equal(re_mix_check_total(&mix), RE_OVERFLOW);

	/* the state's binary form: u8 version | u8 kind | u32 n | {u32 len | key | sum | comp} */
	p = re_put_u32(re_put_u8(re_put_u8(buf, 1), RE_KEY_TEXT), 2);
	p = re_put_u32(p, 1);
	p = re_put_bytes(p, "a", 1);
	p = re_put_f64(re_put_f64(p, 1e308), 0);
	p = re_put_u32(p, 1);
	p = re_put_bytes(p, "b", 1);
	p = re_put_f64(re_put_f64(p, 1e308), 0);
	assert_int_equal(re_mix_state_decode(&a, al, buf, (size_t) (p - buf)), RE_OVERFLOW);
}

/*
 * Accessors at both ends of double: a total of exactly DBL_MAX, a tiny
 * supplier beside DBL_MAX, and a mix of subnormal quantities.  Expected
 * values by hand; none may be NaN or Infinity.
 */
static void
test_accessors_at_the_limits(void **state)
{
	re_allocator al = unit_allocator(&pool);
	const double max = 1.7976931348623157e308;
	const char *k[] = {"a", "b"};
	uint32_t	l[] = {1, 1};
	double		half[] = {max / 2, max / 2};
	double		lopsided[] = {max, 5e-324};
	double		tiny[] = {5e-324, 5e-324};
	re_mix		mix;
	uint32_t	scratch[2];
	double		v,
				lo,
				hi;
	bool		defined;

	(void) state;
	assert_int_equal(re_mix_from_pairs(&mix, al, 2, k, l, half), RE_OK);
	assert_int_equal(re_mix_check_total(&mix), RE_OK);
	assert_true(re_mix_total(&mix) == max);
	assert_true(re_mix_share(&mix, "a", 1, &v) && v == 0.5);
	assert_true(re_mix_hhi(&mix, &v) && v == 5000);
	assert_true(re_mix_hhi_normalized(&mix, &v) && v == 0);
	assert_true(re_mix_equivalent_suppliers(&mix, &v) && v == 2);
	assert_true(re_mix_entropy(&mix, &v));
	assert_close(v, log(2.0), 1e-15);
	assert_true(re_mix_cr(&mix, 1, scratch, &v) && v == 0.5);
	assert_int_equal(re_mix_coverage(&mix, max, &defined, &v), RE_OK);
	assert_true(defined && v == 1);
	assert_int_equal(re_mix_hhi_bounds(&mix, max, &defined, &lo, &hi), RE_OK);
	assert_true(defined && lo == 5000 && hi == 5000);

	assert_int_equal(re_mix_from_pairs(&mix, al, 2, k, l, lopsided), RE_OK);
	assert_true(re_mix_total(&mix) == max);
	assert_true(re_mix_share(&mix, "b", 1, &v) && v == 0);	/* underflows to 0 */
	assert_true(re_mix_hhi(&mix, &v) && v == 10000);
	assert_true(re_mix_entropy(&mix, &v) && v == 0);
	assert_true(re_mix_equivalent_suppliers(&mix, &v) && v == 1);

	assert_int_equal(re_mix_from_pairs(&mix, al, 2, k, l, tiny), RE_OK);
	assert_true(re_mix_total(&mix) == 1e-323);
	assert_true(re_mix_share(&mix, "a", 1, &v) && v == 0.5);
	assert_true(re_mix_hhi(&mix, &v) && v == 5000);
	assert_true(re_mix_entropy(&mix, &v));
	assert_close(v, log(2.0), 1e-15);
	assert_int_equal(re_mix_coverage(&mix, 2e-323, &defined, &v), RE_OK);
	assert_true(defined && v == 0.5);
}

/* -0 is stored as +0 by every way in: binary input, text pairs, the state */
static void
test_negative_zero(void **state)
{
	re_allocator al = unit_allocator(&pool);
	re_mix_state st;
	re_mix		mix;
	const char *k[] = {"a"};
	uint32_t	l[] = {1};
	double		q[] = {-0.0};
	uint8_t		buf[64],
			   *p;

	(void) state;
	p = re_put_u32(re_put_u8(buf, 1), 1);
	ENTRY("a", -0.0);
	assert_int_equal(re_mix_decode(&mix, al, buf, (size_t) (p - buf)), RE_OK);
	assert_true(mix.qty[0] == 0 && !signbit(mix.qty[0]));
	assert_int_equal(re_mix_from_pairs(&mix, al, 1, k, l, q), RE_OK);
	assert_true(mix.qty[0] == 0 && !signbit(mix.qty[0]));
	assert_int_equal(re_mix_state_init(&st, al, RE_KEY_TEXT), RE_OK);
	assert_int_equal(re_mix_add_text(&st, "a", 1, -0.0), RE_OK);
	assert_int_equal(re_mix_from_state(&mix, al, &st, NULL), RE_OK);
	assert_true(mix.qty[0] == 0 && !signbit(mix.qty[0]));
}

static void
test_render_decimal(void **state)
{
	char		buf[64];

	(void) state;
	assert_int_equal(re_render_decimal(0, buf), 1);
	assert_string_equal(buf, "0");
	re_render_decimal(842, buf);
	assert_string_equal(buf, "842");
	re_render_decimal(INT64_MIN, buf);
	assert_string_equal(buf, "-9223372036854775808");
}

/* a summary written straight from a state equals the one built through re_mix */
static void
check_summary_bytes(const re_mix_acc *acc, re_key_render render)
{
	re_allocator al = unit_allocator(&pool);
	re_mix		mix;
	uint8_t    *direct,
			   *via;
	size_t		len,
				vlen;

	assert_int_equal(re_mix_acc_summary(acc, al, render, 4, SIZE_MAX, &direct, &len), RE_OK);
	assert_int_equal(re_mix_from_acc(&mix, al, acc, render), RE_OK);
	vlen = re_mix_encoded_size(&mix);
	via = unit_alloc(&pool, vlen);
	re_mix_encode(&mix, via);
	assert_int_equal(len, vlen);
	assert_memory_equal(direct + 4, via, len);
	assert_int_equal(re_mix_acc_summary(acc, al, render, 4, len + 3, &direct, &len), RE_TOO_LARGE);
}

/*
 * The compact state through every layout (5 and 11 suppliers searched
 * linearly, then hashed tables that double), text and integer keys: counts,
 * sums and the summary bytes match a reference computed here.
 */
static void
test_acc_layouts(void **state)
{
	re_allocator al = unit_allocator(&pool);
	const uint32_t sizes[] = {0, 1, 5, 6, 11, 12, 24, 25, 700};

	(void) state;
	/* a fresh dictionary leads large groups to the direct layout, a big one to hashing */
	for (size_t k = 0; k < 2 * sizeof(sizes) / sizeof(sizes[0]); k++)
	{
		uint32_t	n = sizes[k / 2];
		bool		big = k % 2;
		re_keydict *dt,
				   *di;
		re_mix_acc *at,
				   *ai;
		char		name[16];

		assert_int_equal(re_keydict_create(&dt, al, RE_KEY_TEXT), RE_OK);
		assert_int_equal(re_keydict_create(&di, al, RE_KEY_INT), RE_OK);
		assert_int_equal(re_mix_acc_create(&at, al, dt), RE_OK);
		assert_int_equal(re_mix_acc_create(&ai, al, di), RE_OK);
		for (uint32_t i = 0; big && i < 20000; i++)
		{
			uint32_t	id;
			int			len = snprintf(name, sizeof(name), "other%u", i);

			assert_int_equal(re_keydict_text(dt, name, (uint32_t) len, &id), RE_OK);
			assert_int_equal(re_keydict_int(di, (int64_t) i + 1, &id), RE_OK);
		}
		/* each supplier i gets i + 1 rows of 0.5: sum (i + 1) / 2 */
		for (uint32_t r = 0; r < n; r++)
			for (uint32_t i = r; i < n; i++)
			{
				re_ksum		q = {0.5, 0};
				uint32_t	id;
				int			len = snprintf(name, sizeof(name), "k%u", (i * 7919u) % 1000003u);

				assert_int_equal(re_keydict_text(dt, name, (uint32_t) len, &id), RE_OK);
				assert_int_equal(re_mix_acc_add(&at, al, id, q), RE_OK);
				/* integer keys through the deferred addition of rows */
				assert_int_equal(re_keydict_int(di, -(int64_t) i * 1000, &id), RE_OK);
				assert_int_equal(re_mix_acc_add_deferred(&ai, al, id, q.sum), RE_OK);
			}
		assert_int_equal(re_mix_acc_count(at), n);
		assert_int_equal(re_mix_acc_count(ai), n);
		assert_int_equal(re_keydict_size(dt), n + (big ? 20000 : 0));
		assert_true(re_mix_acc_size(at) >= 24 + (size_t) n * 16);
		/* a big dictionary never makes a state of n suppliers take 16 bytes per id */
		assert_true(!big || n < 12 || re_mix_acc_size(at) <= 64 + (size_t) n * 24 * 3);
		check_summary_bytes(at, NULL);
		check_summary_bytes(ai, NULL);
		{
			re_mix		mix;
			int64_t		i;

			assert_int_equal(re_mix_from_acc(&mix, al, ai, NULL), RE_OK);
			for (uint32_t s = 0; s < n; s++)
			{
				int			len = snprintf(name, sizeof(name), "%lld", -(long long) s * 1000);

				i = re_mix_find(&mix, name, (uint32_t) len);
				assert_true(i >= 0);
				assert_true(mix.qty[i] == (s + 1) / 2.0);
			}
		}
	}
}

/*
 * Merging states of different dictionaries (a worker's and the leader's)
 * goes by key; states of one dictionary by id.  Either way the summary is
 * the one of a single state over all rows.
 */
static void
test_acc_merge_dictionaries(void **state)
{
	re_allocator al = unit_allocator(&pool);
	re_keydict *d1,
			   *d2,
			   *dall;
	re_mix_acc *a,
			   *b,
			   *all,
			   *same;
	uint8_t    *ea,
			   *eb;
	size_t		la,
				lb;
	const char *keys[] = {"CHN", "USA", "MMR", "AUS", "MYS", "VNM", "IND", "BRA", "RUS", "THA", "LAO", "MDG", "BDI"};
	const uint32_t nk = sizeof(keys) / sizeof(keys[0]);

	(void) state;
	assert_int_equal(re_keydict_create(&d1, al, RE_KEY_TEXT), RE_OK);
	assert_int_equal(re_keydict_create(&d2, al, RE_KEY_TEXT), RE_OK);
	assert_int_equal(re_keydict_create(&dall, al, RE_KEY_TEXT), RE_OK);
	assert_int_equal(re_mix_acc_create(&a, al, d1), RE_OK);
	assert_int_equal(re_mix_acc_create(&b, al, d2), RE_OK);
	assert_int_equal(re_mix_acc_create(&all, al, dall), RE_OK);
	assert_int_equal(re_mix_acc_create(&same, al, d1), RE_OK);
	for (uint32_t r = 0; r < 3000; r++)
	{
		uint32_t	k = next_rand(nk),
					id;
		re_ksum		q = {(double) next_rand(1000) * pow(10, (double) next_rand(9)) / 3.0, 0};
		/* d2 sees the keys in another order, so its ids differ */
		re_keydict *d = r % 2 ? d1 : d2;
		re_mix_acc **acc = r % 2 ? &a : &b;

		assert_int_equal(re_keydict_text(d, keys[k], 3, &id), RE_OK);
		assert_int_equal(re_mix_acc_add(acc, al, id, q), RE_OK);
		assert_int_equal(re_keydict_text(dall, keys[k], 3, &id), RE_OK);
		assert_int_equal(re_mix_acc_add(&all, al, id, q), RE_OK);
	}
	assert_int_equal(re_mix_acc_merge(&same, al, a), RE_OK);	/* one dictionary */
	assert_int_equal(re_mix_acc_merge(&same, al, b), RE_OK);	/* by key */
	assert_int_equal(re_mix_acc_summary(same, al, NULL, 0, SIZE_MAX, &ea, &la), RE_OK);
	assert_int_equal(re_mix_acc_summary(all, al, NULL, 0, SIZE_MAX, &eb, &lb), RE_OK);
	assert_int_equal(la, lb);
	{
		re_mix		ma,
					mb;

		assert_int_equal(re_mix_decode(&ma, al, ea, la), RE_OK);
		assert_int_equal(re_mix_decode(&mb, al, eb, lb), RE_OK);
		for (uint32_t i = 0; i < ma.n; i++)
			assert_true(fabs(ma.qty[i] - mb.qty[i]) <= 1e-12 * mb.qty[i]);
	}
	/* kinds must match */
	{
		re_keydict *di;
		re_mix_acc *ai;

		assert_int_equal(re_keydict_create(&di, al, RE_KEY_INT), RE_OK);
		assert_int_equal(re_mix_acc_create(&ai, al, di), RE_OK);
		assert_int_equal(re_mix_acc_merge(&ai, al, a), RE_BAD_KIND);
	}
}

/*
 * A combine step adds a worker's encoded state straight into its own
 * (re_mix_acc_add_encoded): the result is the merge of the decoded state,
 * the same checks refuse bad encodings, and a key repeated in the encoding
 * is one more addition.
 */
static void
test_acc_add_encoded(void **state)
{
	re_allocator al = unit_allocator(&pool);
	re_keydict *dw,
			   *dl,
			   *di;
	re_mix_acc *w,
			   *viamerge,
			   *direct,
			   *decoded,
			   *ai;
	uint8_t    *enc,
			   *ea,
			   *eb;
	size_t		len,
				la,
				lb;
	const char *keys[] = {"CHN", "USA", "MMR", "AUS", "MYS", "VNM", "IND", "BRA", "RUS", "THA", "LAO", "MDG", "BDI"};
	const uint32_t nk = sizeof(keys) / sizeof(keys[0]);

	(void) state;
	assert_int_equal(re_keydict_create(&dw, al, RE_KEY_TEXT), RE_OK);
	assert_int_equal(re_keydict_create(&dl, al, RE_KEY_TEXT), RE_OK);
	assert_int_equal(re_mix_acc_create(&w, al, dw), RE_OK);
	assert_int_equal(re_mix_acc_create(&viamerge, al, dl), RE_OK);
	assert_int_equal(re_mix_acc_create(&direct, al, dl), RE_OK);
	/* the leader's states already hold some suppliers, in another order */
	for (uint32_t r = 0; r < 40; r++)
	{
		uint32_t	id;
		re_ksum		q = {(double) (r + 1) / 7.0, 0};

		assert_int_equal(re_keydict_text(dl, keys[nk - 1 - r % 5], 3, &id), RE_OK);
		assert_int_equal(re_mix_acc_add(&viamerge, al, id, q), RE_OK);
		assert_int_equal(re_mix_acc_add(&direct, al, id, q), RE_OK);
	}
	for (uint32_t r = 0; r < 2000; r++)
	{
		uint32_t	id;
		re_ksum		q = {(double) next_rand(1000) * pow(10, (double) next_rand(9)) / 3.0, 0};

		assert_int_equal(re_keydict_text(dw, keys[next_rand(nk)], 3, &id), RE_OK);
		assert_int_equal(re_mix_acc_add(&w, al, id, q), RE_OK);
	}
	len = re_mix_acc_encoded_size(w);
	enc = al.alloc(al.ctx, len);
	re_mix_acc_encode(w, enc);
	assert_int_equal(re_mix_acc_decode(&decoded, al, dl, enc, len), RE_OK);
	assert_int_equal(re_mix_acc_merge(&viamerge, al, decoded), RE_OK);
	assert_int_equal(re_mix_acc_add_encoded(&direct, al, enc, len), RE_OK);
	assert_int_equal(re_mix_acc_count(direct), re_mix_acc_count(viamerge));
	assert_int_equal(re_mix_acc_summary(direct, al, NULL, 0, SIZE_MAX, &ea, &la), RE_OK);
	assert_int_equal(re_mix_acc_summary(viamerge, al, NULL, 0, SIZE_MAX, &eb, &lb), RE_OK);
	assert_int_equal(la, lb);
	assert_memory_equal(ea, eb, la);
	/* bad encodings: the checks of decoding */
	assert_int_equal(re_mix_acc_add_encoded(&direct, al, enc, len - 1), RE_TRUNCATED);
	assert_int_equal(re_mix_acc_add_encoded(&direct, al, enc, 3), RE_TRUNCATED);
	{
		uint8_t    *longer = al.alloc(al.ctx, len + 1);

		memcpy(longer, enc, len);
		longer[len] = 0;
		assert_int_equal(re_mix_acc_add_encoded(&direct, al, longer, len + 1), RE_TRAILING);
		longer[0] = 99;
		assert_int_equal(re_mix_acc_add_encoded(&direct, al, longer, len), RE_BAD_VERSION);
	}
	/* kinds must match */
	assert_int_equal(re_keydict_create(&di, al, RE_KEY_INT), RE_OK);
	assert_int_equal(re_mix_acc_create(&ai, al, di), RE_OK);
	assert_int_equal(re_mix_acc_add_encoded(&ai, al, enc, len), RE_BAD_KIND);
	ai = NULL;
	assert_int_equal(re_mix_acc_add_encoded(&ai, al, enc, len), RE_BAD_KIND);
	/* a key twice: refused when decoding, added twice when adding */
	{
		re_mix_acc *one,
				   *twice;
		uint32_t	id;
		re_ksum		q = {2.5, 0};
		uint8_t    *dup;
		size_t		dl1;

		assert_int_equal(re_mix_acc_create(&one, al, dw), RE_OK);
		assert_int_equal(re_keydict_text(dw, "CHN", 3, &id), RE_OK);
		assert_int_equal(re_mix_acc_add(&one, al, id, q), RE_OK);
		dl1 = re_mix_acc_encoded_size(one);
		assert_int_equal(dl1, 6 + 4 + 3 + 16);
		dup = al.alloc(al.ctx, 6 + 2 * (dl1 - 6));
		re_mix_acc_encode(one, dup);
		memcpy(dup + dl1, dup + 6, dl1 - 6);
		dup[2] = 2;				/* n = 2, little-endian */
		assert_int_equal(re_mix_acc_decode(&decoded, al, dl, dup, 6 + 2 * (dl1 - 6)), RE_DUPLICATE_KEY);
		assert_int_equal(re_mix_acc_create(&twice, al, dl), RE_OK);
		assert_int_equal(re_mix_acc_add_encoded(&twice, al, dup, 6 + 2 * (dl1 - 6)), RE_OK);
		assert_int_equal(re_mix_acc_count(twice), 1);
		assert_int_equal(re_mix_acc_summary(twice, al, NULL, 0, SIZE_MAX, &ea, &la), RE_OK);
		{
			re_mix		m;

			assert_int_equal(re_mix_decode(&m, al, ea, la), RE_OK);
			assert_true(m.qty[0] == 5.0);
		}
	}
}

/*
 * The total of all suppliers is checked exactly: halves of DBL_MAX add up
 * to DBL_MAX (fine), a third half is an overflow, also when it comes in
 * small steps or through a merge.
 */
static void
test_acc_total_boundary(void **state)
{
	re_allocator al = unit_allocator(&pool);
	re_keydict *d;
	re_mix_acc *a,
			   *b;
	re_ksum		half = {DBL_MAX / 2, 0};
	re_ksum		step = {DBL_MAX / 64, 0};
	re_status	err = RE_OK;

	(void) state;
	assert_int_equal(re_keydict_create(&d, al, RE_KEY_INT), RE_OK);
	for (int64_t k = 0; k < 64; k++)
	{
		uint32_t	id;

		/* keys 0..63 get ids 0..63 */
		assert_int_equal(re_keydict_int(d, k, &id), RE_OK);
		assert_int_equal(id, (uint32_t) k);
	}
	assert_int_equal(re_mix_acc_create(&a, al, d), RE_OK);
	assert_int_equal(re_mix_acc_add(&a, al, 0, half), RE_OK);
	assert_int_equal(re_mix_acc_add(&a, al, 1, half), RE_OK);
	check_summary_bytes(a, NULL);
	assert_int_equal(re_mix_acc_add(&a, al, 2, half), RE_OVERFLOW);
	assert_int_equal(re_mix_acc_create(&a, al, d), RE_OK);
	assert_int_equal(re_mix_acc_add(&a, al, 0, half), RE_OK);
	assert_int_equal(re_mix_acc_add(&a, al, 1, half), RE_OK);
	for (int i = 0; i < 40 && err == RE_OK; i++)
		err = re_mix_acc_add(&a, al, (uint32_t) (3 + i), step);
	assert_int_equal(err, RE_OVERFLOW);
	assert_int_equal(re_mix_acc_create(&a, al, d), RE_OK);
	assert_int_equal(re_mix_acc_create(&b, al, d), RE_OK);
	assert_int_equal(re_mix_acc_add(&a, al, 0, half), RE_OK);
	assert_int_equal(re_mix_acc_add(&a, al, 1, half), RE_OK);
	assert_int_equal(re_mix_acc_add(&b, al, 2, step), RE_OK);
	assert_int_equal(re_mix_acc_merge(&a, al, b), RE_OVERFLOW);
}

/*
 * Summaries of many states of one dictionary: the first ones sort by key,
 * later ones by the dictionary's cached order (direct states walk it), and
 * new keys make the order stale again.  Every summary equals the one built
 * from (key, quantity) pairs.
 */
static void
test_acc_ranked_summaries(void **state)
{
	re_allocator al = unit_allocator(&pool);

	(void) state;
	for (int kind = 0; kind < 2; kind++)
	{
		re_keydict *d;

		assert_int_equal(re_keydict_create(&d, al, kind ? RE_KEY_INT : RE_KEY_TEXT), RE_OK);
		for (uint32_t g = 0; g < 400; g++)
		{
			/* groups of 1 to 300 suppliers among 40 + g keys: small, hashed and direct states */
			uint32_t	nsup = 1 + next_rand(g % 3 == 0 ? 300 : 9);
			uint32_t	range = 40 + g;
			re_mix_acc *acc;
			const char *keys[300];
			uint32_t	lens[300];
			double		qty[300];
			uint32_t	npairs = 0;
			static char names[300][24];
			re_mix		ref;
			uint8_t    *out,
					   *refbytes;
			size_t		len;

			assert_int_equal(re_mix_acc_create(&acc, al, d), RE_OK);
			for (uint32_t i = 0; i < nsup; i++)
			{
				uint32_t	k = next_rand(range),
							id,
							j;
				re_ksum		q = {(double) (1 + next_rand(1000)), 0};
				int			l = snprintf(names[npairs], sizeof(names[npairs]), kind ? "%u" : "k%u", k * 37);

				assert_int_equal(kind ? re_keydict_int(d, (int64_t) k * 37, &id) :
								 re_keydict_text(d, names[npairs], (uint32_t) l, &id), RE_OK);
				assert_int_equal(g % 2 ? re_mix_acc_add(&acc, al, id, q) :
								 re_mix_acc_add_deferred(&acc, al, id, q.sum), RE_OK);
				for (j = 0; j < npairs; j++)
					if (lens[j] == (uint32_t) l && memcmp(keys[j], names[npairs], (size_t) l) == 0)
						break;
				if (j < npairs)
					qty[j] += q.sum;
				else
				{
					keys[npairs] = names[npairs];
					lens[npairs] = (uint32_t) l;
					qty[npairs] = q.sum;
					npairs++;
				}
			}
			assert_int_equal(re_mix_from_pairs(&ref, al, npairs, keys, lens, qty), RE_OK);
			refbytes = unit_alloc(&pool, re_mix_encoded_size(&ref));
			re_mix_encode(&ref, refbytes);
			assert_int_equal(re_mix_acc_summary(acc, al, NULL, 0, SIZE_MAX, &out, &len), RE_OK);
			assert_int_equal(len, re_mix_encoded_size(&ref));
			assert_memory_equal(out, refbytes, len);
		}
	}
}

/* an allocator that checks free_sized is told the size that was allocated */
typedef struct sized_pool
{
	void	   *ptr[64];
	size_t		size[64];
	int			live;
} sized_pool;

static void *
sized_alloc(void *ctx, size_t size)
{
	sized_pool *p = ctx;
	void	   *m = unit_alloc(&pool, size);

	for (int i = 0; i < 64; i++)
		if (p->ptr[i] == NULL)
		{
			p->ptr[i] = m;
			p->size[i] = size;
			p->live++;
			return m;
		}
	fail_msg("more than 64 live allocations");
	return NULL;
}

static void
sized_free(void *ctx, void *ptr, size_t size)
{
	sized_pool *p = ctx;

	for (int i = 0; i < 64; i++)
		if (p->ptr[i] == ptr)
		{
			assert_int_equal(p->size[i], size);
			p->ptr[i] = NULL;
			p->live--;
			return;
		}
	fail_msg("free_sized of a pointer never allocated");
}

/*
 * A state that grows through every layout frees each earlier one with the
 * size it was allocated with (so an allocator without chunk headers can
 * serve it); one allocation stays live.  Small states take 120 and 240
 * bytes: 5 and 11 suppliers.
 */
static void
test_acc_free_sized(void **state)
{
	re_allocator al = unit_allocator(&pool);
	sized_pool	sp = {{0}, {0}, 0};
	re_allocator sized = {sized_alloc, NULL, &sp, sized_free};

	(void) state;
	for (int big = 0; big < 2; big++)
	{
		re_keydict *d;
		re_mix_acc *a;
		int			before = sp.live;

		assert_int_equal(re_keydict_create(&d, al, RE_KEY_INT), RE_OK);
		for (int64_t k = 0; big && k < 5000; k++)
		{
			uint32_t	id;

			assert_int_equal(re_keydict_int(d, -k - 1, &id), RE_OK);
		}
		assert_int_equal(re_mix_acc_create(&a, sized, d), RE_OK);
		assert_int_equal(re_mix_acc_size(a), 120);
		for (int64_t k = 0; k < 300; k++)
		{
			uint32_t	id;

			assert_int_equal(re_keydict_int(d, k, &id), RE_OK);
			assert_int_equal(re_mix_acc_add_deferred(&a, sized, id, 1.0), RE_OK);
			if (k == 5)
				assert_int_equal(re_mix_acc_size(a), 240);
			assert_int_equal(sp.live, before + 1);
		}
		assert_int_equal(re_mix_acc_count(a), 300);
		/* room reserved at once: no move while the 300 suppliers come */
		assert_int_equal(re_mix_acc_create(&a, sized, d), RE_OK);
		assert_int_equal(re_mix_acc_reserve(&a, sized, 300), RE_OK);
		{
			re_mix_acc *before_adds = a;

			for (int64_t k = 0; k < 300; k++)
			{
				uint32_t	id;

				assert_int_equal(re_keydict_int(d, k, &id), RE_OK);
				assert_int_equal(re_mix_acc_add_deferred(&a, sized, id, 1.0), RE_OK);
			}
			assert_ptr_equal(a, before_adds);
			assert_int_equal(re_mix_acc_count(a), 300);
		}
	}
}

/*
 * re_mix_acc_entries: every entry once, in any order, with its sum, in
 * each layout (small, hashed, direct); additions waiting in the ring made
 * first.
 */
static void
test_acc_entries(void **state)
{
	re_allocator al = unit_allocator(&pool);

	(void) state;
	for (uint32_t n = 1; n <= 3000; n = n * 3 + 1)
	{
		re_keydict *d;
		re_mix_acc *acc;
		uint32_t   *ids = unit_alloc(&pool, sizeof(uint32_t) * n);
		double	   *qty = unit_alloc(&pool, sizeof(double) * n);
		double	   *want = unit_alloc(&pool, sizeof(double) * n);
		bool	   *seen = unit_alloc(&pool, sizeof(bool) * n);

		assert_int_equal(re_keydict_create(&d, al, RE_KEY_INT), RE_OK);
		assert_int_equal(re_mix_acc_create(&acc, al, d), RE_OK);
		for (uint32_t i = 0; i < n; i++)
		{
			uint32_t	id;

			assert_int_equal(re_keydict_int(d, (int64_t) i * 7, &id), RE_OK);
			assert_int_equal(id, i);
			want[i] = (i % 5 == 0) ? 0 : 1.5 * i;
			seen[i] = false;
			/* twice, half each: the entries hold sums */
			assert_int_equal(re_mix_acc_add(&acc, al, id, (re_ksum) {want[i] / 2, 0}), RE_OK);
			assert_int_equal(re_mix_acc_add(&acc, al, id, (re_ksum) {want[i] / 2, 0}), RE_OK);
		}
		assert_int_equal(re_mix_acc_count(acc), n);
		re_mix_acc_entries(acc, ids, qty);
		for (uint32_t i = 0; i < n; i++)
		{
			assert_true(ids[i] < n);
			assert_false(seen[ids[i]]);
			seen[ids[i]] = true;
			assert_true(qty[i] == want[ids[i]]);
		}
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_ksum_compensates, teardown),
		cmocka_unit_test_teardown(test_usgs_worked_example, teardown),
		cmocka_unit_test_teardown(test_accessors, teardown),
		cmocka_unit_test_teardown(test_dominant_tie, teardown),
		cmocka_unit_test_teardown(test_without_largest, teardown),
		cmocka_unit_test_teardown(test_empty_and_zero, teardown),
		cmocka_unit_test_teardown(test_single_supplier, teardown),
		cmocka_unit_test_teardown(test_coverage_bounds, teardown),
		cmocka_unit_test_teardown(test_concentration_bands, teardown),
		cmocka_unit_test_teardown(test_order_and_grouping_independence, teardown),
		cmocka_unit_test_teardown(test_text_keys_grow, teardown),
		cmocka_unit_test_teardown(test_bad_quantities, teardown),
		cmocka_unit_test_teardown(test_decode_hostile, teardown),
		cmocka_unit_test_teardown(test_total_overflow, teardown),
		cmocka_unit_test_teardown(test_accessors_at_the_limits, teardown),
		cmocka_unit_test_teardown(test_negative_zero, teardown),
		cmocka_unit_test_teardown(test_render_decimal, teardown),
		cmocka_unit_test_teardown(test_acc_layouts, teardown),
		cmocka_unit_test_teardown(test_acc_merge_dictionaries, teardown),
		cmocka_unit_test_teardown(test_acc_add_encoded, teardown),
		cmocka_unit_test_teardown(test_encoded_size_by_key_length, teardown),
		cmocka_unit_test_teardown(test_acc_total_boundary, teardown),
		cmocka_unit_test_teardown(test_acc_ranked_summaries, teardown),
		cmocka_unit_test_teardown(test_acc_free_sized, teardown),
		cmocka_unit_test_teardown(test_acc_entries, teardown),
	};

	return cmocka_run_group_tests_name("mix", tests, NULL, NULL);
}
