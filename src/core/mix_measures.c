/*
 * mix_measures.c — what a finished supply mix tells: its total,
 * a supplier's share, and the concentration measures (HHI and its bounds,
 * CR-n, entropy, ...), each with its formula and source.
 */
#include <math.h>
#include <string.h>

#include "rareearth_core.h"

int64_t
re_mix_find(const re_mix *mix, const char *key, uint32_t len)
{
	uint32_t	lo = 0,
				hi = mix->n;

	while (lo < hi)
	{
		uint32_t	mid = lo + (hi - lo) / 2;
		int			c = re_key_cmp(mix->keys[mid], mix->lens[mid], key, len);

		if (c == 0)
			return mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

double
re_mix_total(const re_mix *mix)
{
	re_ksum		k = {0, 0};

	for (uint32_t i = 0; i < mix->n; i++)
	{
		re_check_interrupts(i);
		re_ksum_add(&k, mix->qty[i]);
	}
	return re_ksum_value(&k);
}

uint32_t
re_mix_supplier_count(const re_mix *mix)
{
	uint32_t	c = 0;

	for (uint32_t i = 0; i < mix->n; i++)
	{
		re_check_interrupts(i);
		if (mix->qty[i] > 0)
			c++;
	}
	return c;
}

bool
re_mix_share(const re_mix *mix, const char *key, uint32_t len, double *out)
{
	double		total = re_mix_total(mix);
	int64_t		i;

	if (!(total > 0))
		return false;
	i = re_mix_find(mix, key, len);
	*out = i < 0 ? 0.0 : mix->qty[i] / total;
	return true;
}

/*
 * Herfindahl-Hirschman index H = sum of s_i^2 with s_i = q_i / total, as a
 * fraction 0..1 (US DOJ/FTC Horizontal Merger Guidelines: the sum of the
 * squares of the market shares, shares in percent, so 0..10,000).
 */
static bool
hhi_fraction(const re_mix *mix, double *out)
{
	double		total = re_mix_total(mix);
	re_ksum		k = {0, 0};
	double		h;

	if (!(total > 0))
		return false;
	for (uint32_t i = 0; i < mix->n; i++)
	{
		double		s = mix->qty[i] / total;

		re_check_interrupts(i);
		re_ksum_add(&k, s * s);
	}
	h = re_ksum_value(&k);
	*out = h > 1.0 ? 1.0 : h;	/* rounding must not leave 0..1 */
	return true;
}

bool
re_mix_hhi(const re_mix *mix, double *out)
{
	double		h;

	if (!hhi_fraction(mix, &h))
		return false;
	*out = h * 10000.0;
	return true;
}

/*
 * Normalized HHI H* = (H - 1/N) / (1 - 1/N), H on 0..1 and N the number of
 * suppliers with a positive quantity; 0 for equal shares, 1 for a monopoly.
 * Undefined for N < 2.
 */
bool
re_mix_hhi_normalized(const re_mix *mix, double *out)
{
	uint32_t	n = re_mix_supplier_count(mix);
	double		h,
				v;

	if (n < 2 || !hhi_fraction(mix, &h))
		return false;
	v = (h - 1.0 / n) / (1.0 - 1.0 / n);
	*out = v < 0 ? 0.0 : (v > 1 ? 1.0 : v);
	return true;
}

/* Numbers-equivalent of the HHI: 1 / H (H on 0..1). */
bool
re_mix_equivalent_suppliers(const re_mix *mix, double *out)
{
	double		h;

	if (!hhi_fraction(mix, &h) || !(h > 0))
		return false;
	*out = 1.0 / h;
	return true;
}

/* Shannon entropy -sum s_i ln s_i over s_i > 0, natural logarithm. */
bool
re_mix_entropy(const re_mix *mix, double *out)
{
	double		total = re_mix_total(mix);
	re_ksum		k = {0, 0};
	double		v;

	if (!(total > 0))
		return false;
	for (uint32_t i = 0; i < mix->n; i++)
	{
		double		s = mix->qty[i] / total;

		re_check_interrupts(i);
		if (s > 0)
			re_ksum_add(&k, -s * log(s));
	}
	v = re_ksum_value(&k);
	*out = v > 0 ? v : 0.0;		/* also turns -0.0 into 0 */
	return true;
}

/* ranking order: larger quantity first, then key ascending (= index order) */
static inline bool
ranks_before(const re_mix *mix, uint32_t a, uint32_t b)
{
	if (mix->qty[a] != mix->qty[b])
		return mix->qty[a] > mix->qty[b];
	return a < b;
}

static void
sift_down(const re_mix *mix, uint32_t *h, uint32_t root, uint32_t n)
{
	for (;;)
	{
		uint32_t	child = 2 * root + 1;
		uint32_t	t;

		if (child >= n)
			return;
		/* a max-heap on "ranks later", so the heap sort leaves rank order */
		if (child + 1 < n && ranks_before(mix, h[child], h[child + 1]))
			child++;
		if (!ranks_before(mix, h[root], h[child]))
			return;
		t = h[root];
		h[root] = h[child];
		h[child] = t;
		root = child;
	}
}

/*
 * Heap sort of the indexes in place: no allocation, O(n log n), and the
 * order is total (ties broken by key), so the result is deterministic.
 */
void
re_mix_rank(const re_mix *mix, uint32_t *order)
{
	uint32_t	n = mix->n;

	for (uint32_t i = 0; i < n; i++)
	{
		re_check_interrupts(i);
		order[i] = i;
	}
	if (n < 2)
		return;
	for (uint32_t i = n / 2; i-- > 0;)
	{
		re_check_interrupts(i);
		sift_down(mix, order, i, n);
	}
	for (uint32_t end = n - 1; end > 0; end--)
	{
		uint32_t	t = order[0];

		re_check_interrupts(end);
		order[0] = order[end];
		order[end] = t;
		sift_down(mix, order, 0, end);
	}
}

/*
 * Concentration ratio CR-n: the combined share of the n largest suppliers.
 * scratch holds mix->n indexes.
 */
bool
re_mix_cr(const re_mix *mix, uint32_t n, uint32_t *scratch, double *out)
{
	double		total = re_mix_total(mix);
	re_ksum		k = {0, 0};
	double		v;

	if (!(total > 0))
		return false;
	if (n >= mix->n)
	{
		*out = 1.0;
		return true;
	}
	re_mix_rank(mix, scratch);
	for (uint32_t i = 0; i < n; i++)
	{
		re_check_interrupts(i);
		re_ksum_add(&k, mix->qty[scratch[i]]);
	}
	v = re_ksum_value(&k) / total;
	*out = v > 1.0 ? 1.0 : v;
	return true;
}

int64_t
re_mix_dominant(const re_mix *mix)
{
	int64_t		best = -1;

	/* keys are sorted, so the first maximum is the smallest key among ties */
	for (uint32_t i = 0; i < mix->n; i++)
	{
		re_check_interrupts(i);
		if (mix->qty[i] > 0 && (best < 0 || mix->qty[i] > mix->qty[best]))
			best = i;
	}
	return best;
}

/*
 * The rest is summed supplier by supplier, not taken as total - largest: a
 * rest of 1 beside a largest of 1e17 would cancel to 0 (or to 16) by
 * subtraction.  The share is clamped to 1 against the rounding of the two
 * compensated sums.
 */
bool
re_mix_without_largest(const re_mix *mix, int64_t *largest, double *left, double *share_left)
{
	int64_t		top = re_mix_dominant(mix);
	double		total = re_mix_total(mix);
	re_ksum		rest = {0, 0};
	double		v;

	if (top < 0 || !(total > 0))
		return false;
	for (uint32_t i = 0; i < mix->n; i++)
	{
		re_check_interrupts(i);
		if ((int64_t) i != top)
			re_ksum_add(&rest, mix->qty[i]);
	}
	*largest = top;
	*left = re_plus_zero(re_ksum_value(&rest));
	v = *left / total;
	*share_left = v > 1.0 ? 1.0 : v;
	return true;
}

/*
 * A reported total (e.g. the World row of a trade or production table) may
 * not be below the mix's own total; a shortfall within 1e-12 relative is
 * treated as rounding and the reported total is taken as the mix total.
 */
static re_status
check_reported(double total, double *reported)
{
	if (!isfinite(*reported))
		return RE_NONFINITE;
	if (*reported < total)
	{
		if (*reported < total * (1.0 - 1e-12))
			return RE_OUT_OF_RANGE;
		*reported = total;
	}
	return RE_OK;
}

/* coverage = mix total / reported total */
re_status
re_mix_coverage(const re_mix *mix, double reported_total, bool *defined, double *out)
{
	double		total = re_mix_total(mix);
	re_status	err = check_reported(total, &reported_total);

	*defined = false;
	if (err != RE_OK)
		return err;
	if (reported_total > 0)
	{
		*out = total / reported_total;
		*defined = true;
	}
	return RE_OK;
}

/*
 * Bounds on the HHI when the mix covers only part of a reported total R:
 * shares s_i = q_i / R and the uncovered remainder r = (R - total) / R.
 *   lower = sum s_i^2          (remainder spread over infinitely many suppliers)
 *   upper = sum s_i^2 + r^2    (remainder held by one supplier)
 * both on the 0..10,000 scale.
 */
re_status
re_mix_hhi_bounds(const re_mix *mix, double reported_total, bool *defined,
				  double *lower, double *upper)
{
	double		total = re_mix_total(mix);
	re_status	err = check_reported(total, &reported_total);
	re_ksum		k = {0, 0};
	double		r,
				lo,
				hi;

	*defined = false;
	if (err != RE_OK)
		return err;
	if (!(reported_total > 0))
		return RE_OK;
	for (uint32_t i = 0; i < mix->n; i++)
	{
		double		s = mix->qty[i] / reported_total;

		re_check_interrupts(i);
		re_ksum_add(&k, s * s);
	}
	r = (reported_total - total) / reported_total;
	lo = re_ksum_value(&k);
	hi = lo + r * r;
	*lower = (lo > 1 ? 1.0 : lo) * 10000.0;
	*upper = (hi > 1 ? 1.0 : hi) * 10000.0;
	*defined = true;
	return RE_OK;
}

/*
 * Concentration bands of the US Horizontal Merger Guidelines:
 *  '1992' (DOJ/FTC 1992, s. 1.51): HHI below 1,000 unconcentrated; between
 *         1,000 and 1,800 moderately concentrated; above 1,800 highly
 *         concentrated.  1,000 and 1,800 themselves are "between", so both
 *         fall in the moderate band.
 *  '2010' (DOJ/FTC 2010, s. 5.3): below 1,500 unconcentrated; between 1,500
 *         and 2,500 moderately concentrated; above 2,500 highly concentrated.
 *         1,500 and 2,500 fall in the moderate band.
 *  '2023' (DOJ/FTC 2023 Merger Guidelines, Guideline 1): "greater than
 *         1,800" is highly concentrated; the guidelines define no other band,
 *         so 1,800 and below is 'not highly concentrated'.
 * *label is NULL for an unknown edition.
 */
re_status
re_concentration_class(double hhi, const char *guidelines, const char **label)
{
	*label = NULL;
	if (isnan(hhi) || isinf(hhi))
		return RE_NONFINITE;
	if (hhi < 0 || hhi > 10000.0)
		return RE_OUT_OF_RANGE;
	if (strcmp(guidelines, "2010") == 0)
		*label = hhi < 1500 ? "unconcentrated" :
			hhi <= 2500 ? "moderately concentrated" : "highly concentrated";
	else if (strcmp(guidelines, "1992") == 0)
		*label = hhi < 1000 ? "unconcentrated" :
			hhi <= 1800 ? "moderately concentrated" : "highly concentrated";
	else if (strcmp(guidelines, "2023") == 0)
		*label = hhi > 1800 ? "highly concentrated" : "not highly concentrated";
	return RE_OK;
}
