/*
 * fuzz_trajectory_decode.c — the trajectory decoders: the value's binary
 * form (on disk, binary receive) and the aggregate state's (deserialize),
 * each fed the same input.  Properties: anything accepted re-encodes to the
 * same bytes (a -0 value as +0); the series survives its text form;
 * accessors on an accepted series are finite or undefined, never NaN or
 * Infinity; the sparkline fits its computed size.
 */
#include <assert.h>
#include <math.h>

#include "fuzz.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_series(const re_traj *t)
{
	double		v;
	bool		b;

	if (re_traj_trend_rate(t, &v))
		assert(isfinite(v) && v >= -1);	/* e^b - 1 rounds to -1 for very negative b */
	if (re_traj_trend_r2(t, &v))
		assert(v >= 0 && v <= 1);
	if (t->n > 0)
	{
		int64_t		first = t->years[0],
					last = t->years[t->n - 1];

		if (re_traj_cagr(t, first, last, &v))
			assert(isfinite(v) && v > -1 - 1e-12);
		if (re_traj_yoy(t, last, &v))
			assert(isfinite(v));
		if (re_traj_project(t, last + 10, &v))
			assert(isfinite(v) && v >= 0);
		if (re_traj_years_to_target(t, 1e6, &v))
			assert(isfinite(v) && v >= 0);
		if (re_traj_required_cagr(t, 1e6, last + 5, &v))
			assert(isfinite(v));
		(void) re_traj_on_track(t, 1e6, last + 5, &b);
	}
	if (re_traj_doubling_time(t, &v))
		assert(isfinite(v) && v > 0);
	if (re_traj_fold_change(t, &v))
		assert(isfinite(v) && v >= 0);
	{
		size_t		n = re_traj_sparkline_size(t);

		if (n > 0)
		{
			char	   *s = fz_alloc(NULL, n);

			if (s)
			{
				re_traj_sparkline(t, s);
				assert(strlen(s) < n);
			}
		}
	}
}

/*
 * The text round trip: years as the glue writes them ("%d") read back by
 * re_traj_parse_year (the canonical form only), values through their text
 * form, rebuilt as the text input does (re_traj_from_pairs): the same
 * years and values bit for bit.
 */
static void
check_text(const re_traj *t)
{
	int64_t    *years = fz_alloc(NULL, sizeof(int64_t) * (t->n ? t->n : 1));
	double	   *values = fz_alloc(NULL, sizeof(double) * (t->n ? t->n : 1));
	re_traj		back;
	int64_t		bad;
	re_status	st;

	if (years == NULL || values == NULL)
		return;
	for (uint32_t i = 0; i < t->n; i++)
	{
		char		key[16];
		int			len = snprintf(key, sizeof(key), "%d", (int) t->years[i]);

		assert(re_traj_parse_year(key, (size_t) len, &years[i]) && years[i] == t->years[i]);
		values[i] = fz_number_via_text(t->values[i]);
	}
	st = re_traj_from_pairs(&back, fz_allocator, t->n, years, values, &bad);
	if (st == RE_ENOMEM)
		return;
	assert(st == RE_OK && back.n == t->n);
	assert(t->n == 0 || (memcmp(back.years, t->years, sizeof(int32_t) * t->n) == 0 &&
						 memcmp(back.values, t->values, sizeof(double) * t->n) == 0));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	re_traj		t;
	re_traj_state st;

	if (re_traj_decode(&t, fz_allocator, data, size) == RE_OK)
	{
		size_t		n = re_traj_encoded_size(&t);
		uint8_t    *buf = fz_alloc(NULL, n),
				   *expected = fz_alloc(NULL, size);

		assert(n == size);
		if (buf && expected)
		{
			/* u8 version | u32 n | n x { i32 year | f64 value } */
			memcpy(expected, data, size);
			for (uint32_t i = 0; i < t.n; i++)
				fz_fold_negative_zero(expected + 1 + 4 + (size_t) i * 12 + 4);
			re_traj_encode(&t, buf);
			assert(memcmp(buf, expected, n) == 0);
		}
		check_text(&t);
		check_series(&t);
	}
	if (re_traj_state_decode(&st, fz_allocator, data, size) == RE_OK)
	{
		size_t		n = re_traj_state_encoded_size(&st);
		uint8_t    *buf = fz_alloc(NULL, n);

		if (buf)
		{
			re_traj_state_encode(&st, buf);
			assert(n == size && memcmp(buf, data, n) == 0);
		}
		if (re_traj_from_state(&t, fz_allocator, &st) == RE_OK)
		{
			check_text(&t);
			check_series(&t);
		}
	}
	fz_release();
	return 0;
}
