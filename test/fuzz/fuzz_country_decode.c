/*
 * fuzz_country_decode.c — the country binary decoder (country_recv).
 * Properties: anything accepted re-encodes to the same bytes, and its text
 * form (the alpha-3 code, as country_out writes it) parses back to it.
 */
#include <assert.h>

#include "fuzz.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint16_t	code,
				again;

	if (re_country_decode(data, size, &code) == RE_OK)
	{
		uint8_t		out[RE_COUNTRY_ENCODED_SIZE];
		const re_country *c = re_country_by_code(code);

		assert(c != NULL);
		re_country_encode(code, out);
		assert(size == sizeof(out) && memcmp(out, data, size) == 0);
		assert(re_country_parse(c->alpha3, strlen(c->alpha3), &again) == RE_OK && again == code);
	}
	return 0;
}
