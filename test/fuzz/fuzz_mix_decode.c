/*
 * fuzz_mix_decode.c — the supply_mix binary decoder (on-disk value and
 * binary receive).  Property: anything accepted re-encodes to the same bytes
 * and has finite, in-range accessors.
 */
#include <assert.h>
#include <math.h>

#include "fuzz.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	re_mix		mix;

	if (re_mix_decode(&mix, fz_allocator, data, size) == RE_OK)
	{
		size_t		n = re_mix_encoded_size(&mix);
		uint8_t    *buf = fz_alloc(NULL, n);
		double		v;

		if (buf)
		{
			re_mix_encode(&mix, buf);
			assert(n == size && memcmp(buf, data, n) == 0);
		}
		if (re_mix_hhi(&mix, &v))
			assert(isfinite(v) && v >= 0 && v <= 10000);
		if (re_mix_entropy(&mix, &v))
			assert(isfinite(v) && v >= 0);
		if (re_mix_equivalent_suppliers(&mix, &v))
			assert(isfinite(v) && v >= 1 - 1e-9);
		if (re_mix_hhi_normalized(&mix, &v))
			assert(isfinite(v) && v >= 0 && v <= 1);
	}
	fz_release();
	return 0;
}
