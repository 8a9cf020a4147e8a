/*
 * fuzz_hscode_parse.c — the hscode text parser (hscode_in).  Properties:
 * anything accepted is a valid value whose digits parse back to it, and
 * its ancestors contain it.
 */
#include <assert.h>

#include "fuzz.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int64_t		v,
				again,
				up;
	char		buf[RE_HS_MAX_DIGITS + 1];

	if (re_hs_parse((const char *) data, size, &v) == RE_OK)
	{
		uint32_t	n;

		assert(re_hs_valid(v));
		n = re_hs_format(v, buf);
		assert(n == (uint32_t) re_hs_ndigits(v));
		assert(re_hs_parse(buf, n, &again) == RE_OK && again == v);
		for (int d = 2; d <= re_hs_ndigits(v); d += 2)
		{
			assert(re_hs_truncate(v, d, &up));
			assert(re_hs_contains(up, v));
			assert(up <= v);
		}
	}
	return 0;
}
