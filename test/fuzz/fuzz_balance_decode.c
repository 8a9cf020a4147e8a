/*
 * fuzz_balance_decode.c — the material_balance decoders: the summary's
 * binary form (on-disk value, binary receive) and the aggregate state's
 * (parallel workers' partial states).  Each input is offered to both.
 * Properties: an accepted summary re-encodes to the same bytes and its
 * accessors never give NaN or Infinity; an accepted state merges, finishes
 * and round-trips.
 */
#include <assert.h>
#include <math.h>
#include <string.h>

#include "fuzz.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	re_balance	b;
	re_balance_state st;
	double		v;
	bool		defined;

	if (re_balance_decode(&b, data, size) == RE_OK)
	{
		uint8_t		out[RE_BALANCE_SIZE];

		assert(size == RE_BALANCE_SIZE);
		re_balance_encode(&b, out);
		assert(memcmp(out, data, size) == 0);
		if (re_balance_apparent_consumption(&b, &v) == RE_OK)
			assert(isfinite(v));
		if (re_balance_net_import_reliance(&b, &defined, &v) == RE_OK && defined)
			assert(isfinite(v) && v <= 1.0);
		if (re_balance_self_sufficiency(&b, &defined, &v) == RE_OK && defined)
			assert(isfinite(v) && v >= 0);
	}
	if (re_balance_state_decode(&st, data, size) == RE_OK)
	{
		re_balance_state copy;
		re_balance	fin;

		re_balance_state_init(&copy);
		if (re_balance_merge(&copy, &st) == RE_OK &&
			re_balance_finish(&copy, &fin) == RE_OK)
		{
			uint8_t		out[RE_BALANCE_SIZE];
			re_balance	back;

			re_balance_encode(&fin, out);
			assert(re_balance_decode(&back, out, sizeof(out)) == RE_OK);
		}
	}
	return 0;
}
