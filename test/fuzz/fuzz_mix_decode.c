/*
 * fuzz_mix_decode.c — the supply_mix binary decoder (on-disk value and
 * binary receive).  Properties: anything accepted re-encodes to the same
 * bytes (a -0 quantity as +0); it survives its text form (fz_check_mix_text);
 * with a finite total (re_mix_check_total, as binary input requires) every
 * accessor is finite and in range, never NaN or Infinity.
 */
#include <assert.h>
#include <math.h>

#include "fuzz.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_accessors(const re_mix *mix)
{
	double		v,
				lo,
				hi,
				total = re_mix_total(mix);
	bool		defined;
	uint32_t   *scratch = fz_alloc(NULL, sizeof(uint32_t) * (mix->n ? mix->n : 1));

	assert(isfinite(total) && total >= 0);
	if (re_mix_hhi(mix, &v))
		assert(isfinite(v) && v >= 0 && v <= 10000);
	if (re_mix_entropy(mix, &v))
		assert(isfinite(v) && v >= 0);
	if (re_mix_equivalent_suppliers(mix, &v))
		assert(isfinite(v) && v >= 1 - 1e-9);
	if (re_mix_hhi_normalized(mix, &v))
		assert(isfinite(v) && v >= 0 && v <= 1);
	if (mix->n > 0 && re_mix_share(mix, mix->keys[0], mix->lens[0], &v))
		assert(isfinite(v) && v >= 0 && v <= 1);
	if (scratch && re_mix_cr(mix, 1, scratch, &v))
		assert(isfinite(v) && v >= 0 && v <= 1);
	/* against its own total and against the largest finite reported total */
	if (re_mix_coverage(mix, total, &defined, &v) == RE_OK && defined)
		assert(v == 1);
	if (re_mix_hhi_bounds(mix, 1.7976931348623157e308, &defined, &lo, &hi) == RE_OK && defined)
		assert(isfinite(lo) && isfinite(hi) && lo >= 0 && lo <= hi && hi <= 10000);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	re_mix		mix;

	if (re_mix_decode(&mix, fz_allocator, data, size) == RE_OK)
	{
		size_t		n = re_mix_encoded_size(&mix);
		uint8_t    *buf = fz_alloc(NULL, n),
				   *expected = fz_alloc(NULL, size);

		assert(n == size);
		if (buf && expected)
		{
			/* u8 version | u32 n | n x { u32 len | key | f64 quantity } */
			size_t		at = 1 + 4;

			memcpy(expected, data, size);
			for (uint32_t i = 0; i < mix.n; i++)
			{
				at += 4 + mix.lens[i];
				fz_fold_negative_zero(expected + at);
				at += 8;
			}
			re_mix_encode(&mix, buf);
			assert(memcmp(buf, expected, n) == 0);
		}
		fz_check_mix_text(&mix);
		if (re_mix_check_total(&mix) == RE_OK)
			check_accessors(&mix);
	}
	fz_release();
	return 0;
}
