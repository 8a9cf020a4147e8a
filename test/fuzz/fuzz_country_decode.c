/*
 * fuzz_country_decode.c — the country binary decoder (country_recv).
 * Property: anything accepted re-encodes to the same bytes.
 */
#include <assert.h>

#include "fuzz.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint16_t	code;

	if (re_country_decode(data, size, &code) == RE_OK)
	{
		uint8_t		out[RE_COUNTRY_ENCODED_SIZE];

		assert(re_country_by_code(code) != NULL);
		re_country_encode(code, out);
		assert(size == sizeof(out) && memcmp(out, data, size) == 0);
	}
	return 0;
}
