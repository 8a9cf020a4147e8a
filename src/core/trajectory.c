/*
 * trajectory.c — growth trajectories: a year -> value series, its binary
 * forms, and the growth measures (CAGR, year-on-year, the World Bank
 * least-squares trend, doubling time, required growth, target paths).
 *
 * Two representations:
 *  - re_traj_state, the aggregate's transition state: an array of points
 *    sorted by year, one compensated sum each.  A series has few distinct
 *    years (decades, not millions), so a sorted array with a "last year
 *    touched" hint beats a hash table and is already in canonical order.
 *  - re_traj, the finished series: parallel arrays, years strictly
 *    ascending.  Every measure runs over the points in year order, so
 *    results never depend on row order or plan shape.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rareearth_core.h"

#define INITIAL_CAPACITY 8
#define LN2 0.693147180559945309417232121458176568

bool
re_traj_year_in_range(int64_t year)
{
	return year >= RE_TRAJ_YEAR_MIN && year <= RE_TRAJ_YEAR_MAX;
}

bool
re_traj_parse_year(const char *s, size_t len, int64_t *year)
{
	size_t		i = 0;
	int64_t		v = 0;
	bool		negative = false;

	if (len > 0 && s[0] == '-')
	{
		negative = true;
		i = 1;
	}
	/* 12 digits cannot overflow int64 and are far outside any year range */
	if (len == i || len - i > 12)
		return false;
	/* the canonical form only: no leading zero ("02020"), no "-0" */
	if (s[i] == '0' && (len - i > 1 || negative))
		return false;
	for (; i < len; i++)
	{
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*year = negative ? -v : v;
	return true;
}

/* ---------------------------------------------------------------------- */
/* the transition state                                                    */
/* ---------------------------------------------------------------------- */

re_status
re_traj_state_init(re_traj_state *st, re_allocator alloc)
{
	memset(st, 0, sizeof(*st));
	st->alloc = alloc;
	st->capacity = INITIAL_CAPACITY;
	st->pts = alloc.alloc(alloc.ctx, sizeof(re_traj_point) * INITIAL_CAPACITY);
	if (st->pts == NULL)
		return RE_ENOMEM;
	return RE_OK;
}

/* Index of year in the state, or the index where it belongs (*found false). */
static uint32_t
state_search(const re_traj_state *st, int32_t year, bool *found)
{
	uint32_t	lo = 0,
				hi = st->n;

	/*
	 * Most series have no gaps: then the year's offset from the first year
	 * is its index.  Tried first, from the header's first_year, so that a
	 * row touches the header and its own point only: rows of a group reach
	 * a cold state (thousands of other groups' rows come between), and each
	 * further line read is a cache miss.
	 */
	if (st->n > 0)
	{
		int64_t		guess = (int64_t) year - st->first_year;

		if (guess >= 0 && guess < st->n && st->pts[guess].year == year)
		{
			*found = true;
			return (uint32_t) guess;
		}
	}
	/* rows of one series often arrive grouped by year: try the last hit */
	if (st->hint < st->n && st->pts[st->hint].year == year)
	{
		*found = true;
		return st->hint;
	}
	while (lo < hi)
	{
		uint32_t	mid = lo + (hi - lo) / 2;

		if (st->pts[mid].year == year)
		{
			*found = true;
			return mid;
		}
		if (st->pts[mid].year < year)
			lo = mid + 1;
		else
			hi = mid;
	}
	*found = false;
	return lo;
}

static re_traj_point *
state_point(re_traj_state *st, int32_t year, re_status *err)
{
	bool		found;
	uint32_t	i = state_search(st, year, &found);

	if (!found)
	{
		if (st->n == st->capacity)
		{
			uint32_t	newcap = st->capacity * 2;
			re_traj_point *np;

			/* the year range bounds n, so this never approaches overflow */
			np = st->alloc.alloc(st->alloc.ctx, sizeof(re_traj_point) * newcap);
			if (np == NULL)
			{
				*err = RE_ENOMEM;
				return NULL;
			}
			memcpy(np, st->pts, sizeof(re_traj_point) * st->n);
			if (st->alloc.free)
				st->alloc.free(st->alloc.ctx, st->pts);
			st->pts = np;
			st->capacity = newcap;
		}
		memmove(&st->pts[i + 1], &st->pts[i], sizeof(re_traj_point) * (st->n - i));
		st->pts[i].year = year;
		st->pts[i].value.sum = 0;
		st->pts[i].value.comp = 0;
		st->n++;
		st->first_year = st->pts[0].year;
	}
	st->hint = i;
	return &st->pts[i];
}

re_status
re_traj_add(re_traj_state *st, int32_t year, double value)
{
	re_ksum		v = {value, 0};

	if (!re_traj_year_in_range(year))
		return RE_OUT_OF_RANGE;
	if (!isfinite(value))
		return RE_NONFINITE;
	return re_traj_add_ksum(st, year, v);
}

re_status
re_traj_add_ksum(re_traj_state *st, int32_t year, re_ksum value)
{
	re_status	err = RE_OK;
	re_traj_point *p;

	if (!re_traj_year_in_range(year))
		return RE_OUT_OF_RANGE;
	if (!re_ksum_finite(&value))
		return RE_NONFINITE;
	if ((p = state_point(st, year, &err)) == NULL)
		return err;
	return re_ksum_add_checked(&p->value, value);
}

re_status
re_traj_state_merge(re_traj_state *dst, const re_traj_state *src)
{
	for (uint32_t i = 0; i < src->n; i++)
	{
		re_status	err = re_traj_add_ksum(dst, src->pts[i].year, src->pts[i].value);

		if (err != RE_OK)
			return err;
	}
	return RE_OK;
}

/* ---------------------------------------------------------------------- */
/* state serialization                                                     */
/* ---------------------------------------------------------------------- */

#define STATE_VERSION 1
#define STATE_POINT_SIZE (4 + 8 + 8)

size_t
re_traj_state_encoded_size(const re_traj_state *st)
{
	return 1 + 4 + (size_t) st->n * STATE_POINT_SIZE;
}

void
re_traj_state_encode(const re_traj_state *st, uint8_t *out)
{
	out = re_put_u8(out, STATE_VERSION);
	out = re_put_u32(out, st->n);
	for (uint32_t i = 0; i < st->n; i++)
	{
		out = re_put_u32(out, (uint32_t) st->pts[i].year);
		out = re_put_f64(out, st->pts[i].value.sum);
		out = re_put_f64(out, st->pts[i].value.comp);
	}
}

/* Years are checked for range and strict order by both decoders. */
static re_status
check_next_year(int64_t year, bool first, int64_t prev)
{
	if (!re_traj_year_in_range(year))
		return RE_OUT_OF_RANGE;
	if (!first && year == prev)
		return RE_DUPLICATE_KEY;
	if (!first && year < prev)
		return RE_UNSORTED;
	return RE_OK;
}

re_status
re_traj_state_decode(re_traj_state *st, re_allocator alloc,
					 const uint8_t *buf, size_t len)
{
	re_reader	r = {buf, len, true};
	uint8_t		version = re_get_u8(&r);
	uint32_t	n = re_get_u32(&r);
	uint32_t	cap = INITIAL_CAPACITY;
	re_status	err;

	if (!r.ok)
		return RE_TRUNCATED;
	if (version != STATE_VERSION)
		return RE_BAD_VERSION;
	if ((uint64_t) n * STATE_POINT_SIZE > r.left)
		return RE_TOO_LARGE;
	if ((uint64_t) n * STATE_POINT_SIZE < r.left)
		return RE_TRAILING;
	while (cap < n)
		cap *= 2;				/* n <= len / 20, so this cannot overflow */
	memset(st, 0, sizeof(*st));
	st->alloc = alloc;
	st->capacity = cap;
	st->pts = alloc.alloc(alloc.ctx, sizeof(re_traj_point) * cap);
	if (st->pts == NULL)
		return RE_ENOMEM;
	for (uint32_t i = 0; i < n; i++)
	{
		int32_t		year = (int32_t) re_get_u32(&r);
		re_ksum		v;

		v.sum = re_get_f64(&r);
		v.comp = re_get_f64(&r);
		if ((err = check_next_year(year, i == 0, i ? st->pts[i - 1].year : 0)) != RE_OK)
			return err;
		if (!re_ksum_finite(&v))
			return RE_NONFINITE;
		st->pts[i].year = year;
		st->pts[i].value = v;
		st->n++;
	}
	if (n > 0)
		st->first_year = st->pts[0].year;
	return RE_OK;
}

/* ---------------------------------------------------------------------- */
/* the finished series                                                     */
/* ---------------------------------------------------------------------- */

static re_status
traj_alloc(re_traj *t, re_allocator alloc, uint32_t n)
{
	size_t		k = n > 0 ? n : 1;

	t->n = n;
	t->years = alloc.alloc(alloc.ctx, k * sizeof(int32_t));
	t->values = alloc.alloc(alloc.ctx, k * sizeof(double));
	if (!t->years || !t->values)
		return RE_ENOMEM;
	return RE_OK;
}

re_status
re_traj_from_state(re_traj *t, re_allocator alloc, const re_traj_state *st)
{
	re_status	err = traj_alloc(t, alloc, st->n);

	if (err != RE_OK)
		return err;
	for (uint32_t i = 0; i < st->n; i++)
	{
		double		v = re_ksum_value(&st->pts[i].value);

		t->years[i] = st->pts[i].year;
		t->values[i] = re_plus_zero(v);
	}
	return RE_OK;
}

typedef struct pair
{
	int64_t		year;
	double		value;
} pair;

static int
cmp_pair(const void *a, const void *b)
{
	const pair *x = a,
			   *y = b;

	return (x->year > y->year) - (x->year < y->year);
}

re_status
re_traj_from_pairs(re_traj *t, re_allocator alloc, uint32_t n,
				   const int64_t *years, const double *values, int64_t *bad_year)
{
	pair	   *items = alloc.alloc(alloc.ctx, sizeof(pair) * (n ? n : 1));
	re_status	err = RE_OK;

	if (items == NULL)
		return RE_ENOMEM;
	for (uint32_t i = 0; i < n; i++)
	{
		*bad_year = years[i];
		if (!re_traj_year_in_range(years[i]))
			return RE_OUT_OF_RANGE;
		if (!isfinite(values[i]))
			return RE_NONFINITE;
		items[i].year = years[i];
		items[i].value = re_plus_zero(values[i]);
	}
	if (re_sort(items, n, sizeof(pair), cmp_pair, alloc) != RE_OK)
		return RE_ENOMEM;
	for (uint32_t i = 1; i < n; i++)
		if (items[i].year == items[i - 1].year)
		{
			*bad_year = items[i].year;
			return RE_DUPLICATE_KEY;
		}
	if ((err = traj_alloc(t, alloc, n)) != RE_OK)
		return err;
	for (uint32_t i = 0; i < n; i++)
	{
		t->years[i] = (int32_t) items[i].year;
		t->values[i] = items[i].value;
	}
	if (alloc.free)
		alloc.free(alloc.ctx, items);
	return RE_OK;
}

#define POINT_SIZE (4 + 8)

size_t
re_traj_encoded_size(const re_traj *t)
{
	return 1 + 4 + (size_t) t->n * POINT_SIZE;
}

void
re_traj_encode(const re_traj *t, uint8_t *out)
{
	out = re_put_u8(out, RE_TRAJ_VERSION);
	out = re_put_u32(out, t->n);
	for (uint32_t i = 0; i < t->n; i++)
	{
		out = re_put_u32(out, (uint32_t) t->years[i]);
		out = re_put_f64(out, t->values[i]);
	}
}

re_status
re_traj_decode(re_traj *t, re_allocator alloc, const uint8_t *buf, size_t len)
{
	re_reader	r = {buf, len, true};
	uint8_t		version = re_get_u8(&r);
	uint32_t	n = re_get_u32(&r);
	re_status	err;

	if (!r.ok)
		return RE_TRUNCATED;
	if (version != RE_TRAJ_VERSION)
		return RE_BAD_VERSION;
	if ((uint64_t) n * POINT_SIZE > r.left)
		return RE_TOO_LARGE;
	if ((uint64_t) n * POINT_SIZE < r.left)
		return RE_TRAILING;
	if ((err = traj_alloc(t, alloc, n)) != RE_OK)
		return err;
	for (uint32_t i = 0; i < n; i++)
	{
		int32_t		year = (int32_t) re_get_u32(&r);
		double		v = re_get_f64(&r);

		if ((err = check_next_year(year, i == 0, i ? t->years[i - 1] : 0)) != RE_OK)
			return err;
		if (!isfinite(v))
			return RE_NONFINITE;
		t->years[i] = year;
		t->values[i] = re_plus_zero(v);	/* -0 from a client becomes 0 */
	}
	return RE_OK;
}

int64_t
re_traj_find(const re_traj *t, int64_t year)
{
	uint32_t	lo = 0,
				hi = t->n;

	while (lo < hi)
	{
		uint32_t	mid = lo + (hi - lo) / 2;

		if (t->years[mid] == year)
			return mid;
		if (t->years[mid] < year)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* ---------------------------------------------------------------------- */
/* growth measures                                                         */
/* ---------------------------------------------------------------------- */

static bool
finite_out(double v, double *out)
{
	if (!isfinite(v))
		return false;			/* overflow: undefined, never Infinity */
	*out = re_plus_zero(v);
	return true;
}

/* ln(end / start) for positive values, without overflowing the ratio */
static double
log_ratio(double end, double start)
{
	double		ratio = end / start;

	/* log of the ratio keeps precision near 1; the difference of logs is the fallback */
	if (isfinite(ratio) && ratio > 0)
		return log(ratio);
	return log(end) - log(start);
}

/*
 * Compound annual growth rate, CAGR = (V_end / V_start)^(1 / years) - 1
 * (e.g. OECD Glossary of Statistical Terms, "compound annual growth rate"),
 * computed as expm1(ln(V_end / V_start) / years) for precision near 0.
 */
bool
re_cagr(double start, double end, double years, double *out)
{
	if (!(start > 0) || !(end > 0) || years == 0 || !isfinite(years))
		return false;
	return finite_out(expm1(log_ratio(end, start) / years), out);
}

bool
re_traj_cagr(const re_traj *t, int64_t from_year, int64_t to_year, double *out)
{
	int64_t		a = re_traj_find(t, from_year),
				b = re_traj_find(t, to_year);

	if (a < 0 || b < 0 || a == b)
		return false;
	return re_cagr(t->values[a], t->values[b], (double) (to_year - from_year), out);
}

/* growth ratio minus one from a positive base to a non-negative end */
static bool
growth(double base, double end, double *out)
{
	if (!(base > 0) || end < 0)
		return false;
	return finite_out(end / base - 1.0, out);
}

bool
re_traj_yoy(const re_traj *t, int64_t year, double *out)
{
	int64_t		i = re_traj_find(t, year),
				p;

	if (i < 0)
		return false;
	p = re_traj_find(t, year - 1);	/* year is in range here: no overflow */
	if (p < 0)
		return false;
	return growth(t->values[p], t->values[i], out);
}

bool
re_traj_fold_change(const re_traj *t, double *out)
{
	double		g;

	if (t->n == 0 || !growth(t->values[0], t->values[t->n - 1], &g))
		return false;
	return finite_out(t->values[t->n - 1] / t->values[0], out);
}

/*
 * The World Bank's least-squares growth rate (World Development Indicators,
 * "Statistical methods": "the least-squares growth rate, r, is estimated by
 * fitting a linear regression trend line to the logarithmic annual values
 * of the variable": ln X_t = a + b t, r = e^b - 1), here by ordinary least
 * squares over the points with X_t > 0, centred on the mean year for
 * precision.  r^2 = S_xy^2 / (S_xx S_yy), the squared correlation of year
 * and ln X, undefined when ln X is constant.
 */
bool
re_traj_fit(const re_traj *t, re_traj_trend *fit)
{
	re_ksum		sx = {0, 0},
				sy = {0, 0},
				sxx = {0, 0},
				sxy = {0, 0},
				syy = {0, 0};
	uint32_t	n = 0;
	double		xbar,
				ybar,
				Sxx,
				Sxy,
				Syy;

	for (uint32_t i = 0; i < t->n; i++)
		if (t->values[i] > 0)
		{
			re_ksum_add(&sx, (double) t->years[i]);
			re_ksum_add(&sy, log(t->values[i]));
			n++;
		}
	if (n < 2)
		return false;
	xbar = re_ksum_value(&sx) / n;
	ybar = re_ksum_value(&sy) / n;
	for (uint32_t i = 0; i < t->n; i++)
		if (t->values[i] > 0)
		{
			double		dx = t->years[i] - xbar,
						dy = log(t->values[i]) - ybar;

			re_ksum_add(&sxx, dx * dx);
			re_ksum_add(&sxy, dx * dy);
			re_ksum_add(&syy, dy * dy);
		}
	Sxx = re_ksum_value(&sxx);	/* > 0: at least two distinct years */
	Sxy = re_ksum_value(&sxy);
	Syy = re_ksum_value(&syy);
	fit->n = n;
	fit->slope = Sxy / Sxx;
	fit->mean_year = xbar;
	fit->mean_log = ybar;
	fit->r2_defined = Syy > 0;
	fit->r2 = 0;
	if (fit->r2_defined)
	{
		double		r2 = (Sxy / Sxx) * (Sxy / Syy);

		fit->r2 = r2 > 1 ? 1.0 : (r2 < 0 ? 0.0 : r2);
	}
	return true;
}

bool
re_traj_trend_rate(const re_traj *t, double *out)
{
	re_traj_trend fit;

	if (!re_traj_fit(t, &fit))
		return false;
	return finite_out(expm1(fit.slope), out);
}

bool
re_traj_trend_r2(const re_traj *t, double *out)
{
	re_traj_trend fit;

	if (!re_traj_fit(t, &fit) || !fit.r2_defined)
		return false;
	*out = fit.r2;
	return true;
}

/* the trend value exp(a + b year) */
bool
re_traj_project(const re_traj *t, int64_t year, double *out)
{
	re_traj_trend fit;

	if (!re_traj_fit(t, &fit))
		return false;
	return finite_out(exp(fit.mean_log + fit.slope * ((double) year - fit.mean_year)), out);
}

/*
 * Doubling time ln 2 / ln(1 + r) (the "rule of 70": World Bank, "Beyond
 * Economic Growth", ch. 2: 2.3% a year doubles in about 30 years, 7% in
 * about 10).  At the trend rate ln(1 + r) is the slope b itself.
 */
bool
re_doubling_time(double rate, double *out)
{
	if (!(rate > 0) || !isfinite(rate))
		return false;
	return finite_out(LN2 / log1p(rate), out);
}

bool
re_traj_doubling_time(const re_traj *t, double *out)
{
	re_traj_trend fit;

	if (!re_traj_fit(t, &fit) || !(fit.slope > 0))
		return false;
	return finite_out(LN2 / fit.slope, out);
}

/* the CAGR needed from the last point to reach target in target_year */
bool
re_traj_required_cagr(const re_traj *t, double target, int64_t target_year, double *out)
{
	if (t->n == 0 || target_year <= t->years[t->n - 1])
		return false;
	return re_cagr(t->values[t->n - 1], target,
				   (double) (target_year - t->years[t->n - 1]), out);
}

/*
 * Years from the last point until the value reaches target growing at the
 * trend rate: ln(target / V_last) / b, 0 when V_last >= target already.
 * Undefined when V_last or target <= 0, or when the trend is undefined or
 * not rising while the target is above V_last (never reached).
 */
bool
re_traj_years_to_target(const re_traj *t, double target, double *out)
{
	re_traj_trend fit;
	double		last;

	if (t->n == 0 || !(target > 0))
		return false;
	last = t->values[t->n - 1];
	if (!(last > 0))
		return false;
	if (last >= target)
	{
		*out = 0;
		return true;
	}
	if (!re_traj_fit(t, &fit) || !(fit.slope > 0))
		return false;
	return finite_out(log_ratio(target, last) / fit.slope, out);
}

/*
 * Whether V_last grown at the trend rate reaches target by target_year,
 * i.e. years_to_target <= target_year - last_year.  Undefined when V_last or
 * target <= 0, when target_year is before the last year, or when the target
 * is above V_last and the trend is undefined.  A falling or flat trend
 * below the target is "not on track" (false).
 */
bool
re_traj_on_track(const re_traj *t, double target, int64_t target_year, bool *out)
{
	re_traj_trend fit;
	double		last;
	int64_t		last_year;

	if (t->n == 0 || !(target > 0))
		return false;
	last = t->values[t->n - 1];
	last_year = t->years[t->n - 1];
	if (!(last > 0) || target_year < last_year)
		return false;
	if (last >= target)
	{
		*out = true;
		return true;
	}
	if (!re_traj_fit(t, &fit))
		return false;
	*out = fit.slope > 0 &&
		log_ratio(target, last) <= fit.slope * (double) (target_year - last_year);
	return true;
}

bool
re_path_value(int64_t y0, double v0, int64_t y1, double v1, int64_t y, double *out)
{
	if (!(v0 > 0) || !(v1 > 0) || y1 <= y0)
		return false;
	if (y == y0)
		return finite_out(v0, out);
	if (y == y1)
		return finite_out(v1, out);
	return finite_out(v0 * exp(log_ratio(v1, v0) * ((double) (y - y0) / (double) (y1 - y0))), out);
}

/* ---------------------------------------------------------------------- */
/* sparkline                                                               */
/* ---------------------------------------------------------------------- */

#define BAR_BYTES 3

size_t
re_traj_sparkline_size(const re_traj *t)
{
	if (t->n == 0)
		return 0;
	/* years are in range, so the span is at most 20,001 */
	return (size_t) ((int64_t) t->years[t->n - 1] - t->years[0] + 1) * BAR_BYTES + 1;
}

void
re_traj_sparkline(const re_traj *t, char *out)
{
	double		lo = t->values[0],
				hi = t->values[0];
	uint32_t	i = 0;

	for (uint32_t k = 1; k < t->n; k++)
	{
		if (t->values[k] < lo)
			lo = t->values[k];
		if (t->values[k] > hi)
			hi = t->values[k];
	}
	for (int64_t y = t->years[0]; y <= t->years[t->n - 1]; y++)
	{
		if (t->years[i] != y)
		{
			*out++ = ' ';		/* a missing year */
			continue;
		}
		{
			int			level = 3;	/* a constant series: the fourth bar */

			if (hi > lo)
			{
				/* halves, so that hi - lo cannot overflow */
				double		frac = (t->values[i] / 2 - lo / 2) / (hi / 2 - lo / 2);

				level = (int) lround(frac * 7);
				level = level < 0 ? 0 : (level > 7 ? 7 : level);
			}
			/* U+2581 + level in UTF-8: E2 96 81+level */
			*out++ = (char) 0xE2;
			*out++ = (char) 0x96;
			*out++ = (char) (0x81 + level);
		}
		i++;
	}
	*out = '\0';
}
