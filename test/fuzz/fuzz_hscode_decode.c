/*
 * fuzz_hscode_decode.c — the hscode binary decoder (hscode_recv).
 * Properties: anything accepted is valid, re-encodes to the same bytes,
 * and its text form (the digits, as hscode_out writes them) parses back
 * to it.
 */
#include <assert.h>

#include "fuzz.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int64_t		v,
				again;

	if (re_hs_decode(data, size, &v) == RE_OK)
	{
		uint8_t		out[RE_HS_ENCODED_SIZE];
		char		text[RE_HS_MAX_DIGITS + 1];
		uint32_t	n;

		assert(re_hs_valid(v));
		re_hs_encode(v, out);
		assert(size == sizeof(out) && memcmp(out, data, size) == 0);
		n = re_hs_format(v, text);
		assert(re_hs_parse(text, n, &again) == RE_OK && again == v);
	}
	return 0;
}
