/*
 * fuzz_country_parse.c — the country text parser (country_in).  Property:
 * anything accepted names a table entry whose alpha-3 parses back to it.
 */
#include <assert.h>

#include "fuzz.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint16_t	code,
				again;

	if (re_country_parse((const char *) data, size, &code) == RE_OK)
	{
		const re_country *c = re_country_by_code(code);

		assert(c != NULL);
		assert(re_country_parse(c->alpha3, strlen(c->alpha3), &again) == RE_OK && again == code);
	}
	return 0;
}
