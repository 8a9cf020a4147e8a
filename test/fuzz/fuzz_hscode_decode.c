/*
 * fuzz_hscode_decode.c — the hscode binary decoder (hscode_recv).
 * Property: anything accepted is valid and re-encodes to the same bytes.
 */
#include <assert.h>

#include "fuzz.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int64_t		v;

	if (re_hs_decode(data, size, &v) == RE_OK)
	{
		uint8_t		out[RE_HS_ENCODED_SIZE];

		assert(re_hs_valid(v));
		re_hs_encode(v, out);
		assert(size == sizeof(out) && memcmp(out, data, size) == 0);
	}
	return 0;
}
