/*
 * fuzz_mix_state_decode.c — the supply_mix aggregate state's deserializer
 * (parallel workers' partial states).  Properties: anything accepted merges
 * (or overflows, never anything else), summarizes into a value the value's
 * decoder accepts, and that value survives its text form; the combine
 * step's one-pass addition of the same bytes (re_mix_acc_add_encoded)
 * accepts whatever decoding accepts, with as many suppliers.
 */
#include <assert.h>

#include "fuzz.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	re_mix_state st;
	re_mix_keykind kind;
	re_status	decoded = re_mix_state_decode(&st, fz_allocator, data, size);

	if (re_mix_state_kind(data, size, &kind) == RE_OK)
	{
		re_mix_state into;

		if (re_mix_state_init(&into, fz_allocator, kind) == RE_OK)
		{
			re_status	err = re_mix_acc_add_encoded(&into.acc, fz_allocator, data, size);

			if (decoded == RE_OK)
			{
				assert(err == RE_OK || err == RE_ENOMEM);
				if (err == RE_OK)
					assert(re_mix_acc_count(into.acc) == re_mix_acc_count(st.acc));
			}
		}
	}
	if (decoded == RE_OK)
	{
		re_mix_state copy;
		re_mix		mix;
		re_status	err;

		if (re_mix_state_init(&copy, fz_allocator, st.kind) == RE_OK)
		{
			err = re_mix_state_merge(&copy, &st);
			assert(err == RE_OK || err == RE_OVERFLOW || err == RE_ENOMEM);
		}
		err = re_mix_from_state(&mix, fz_allocator, &st, NULL);
		assert(err == RE_OK || err == RE_OVERFLOW || err == RE_ENOMEM);
		if (err == RE_OK)
		{
			size_t		n = re_mix_encoded_size(&mix);
			uint8_t    *buf = fz_alloc(NULL, n);
			re_mix		back;

			assert(re_mix_check_total(&mix) == RE_OK);
			if (buf)
			{
				re_mix_encode(&mix, buf);
				assert(re_mix_decode(&back, fz_allocator, buf, n) == RE_OK);
			}
			fz_check_mix_text(&mix);
		}
	}
	fz_release();
	return 0;
}
