/*
 * fuzz_mix_state_decode.c — the supply_mix aggregate state's deserializer
 * (parallel workers' partial states).  Property: anything accepted merges,
 * summarizes and re-encodes without error.
 */
#include <assert.h>

#include "fuzz.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	re_mix_state st;

	if (re_mix_state_decode(&st, fz_allocator, data, size) == RE_OK)
	{
		re_mix_state copy;
		re_mix		mix;

		if (re_mix_state_init(&copy, fz_allocator, st.kind) == RE_OK)
		{
			re_status	err = re_mix_state_merge(&copy, &st);

			assert(err == RE_OK || err == RE_OUT_OF_RANGE || err == RE_ENOMEM);
		}
		if (re_mix_from_state(&mix, fz_allocator, &st, NULL) == RE_OK)
		{
			size_t		n = re_mix_encoded_size(&mix);
			uint8_t    *buf = fz_alloc(NULL, n);
			re_mix		back;

			if (buf)
			{
				re_mix_encode(&mix, buf);
				assert(re_mix_decode(&back, fz_allocator, buf, n) == RE_OK);
			}
		}
	}
	fz_release();
	return 0;
}
