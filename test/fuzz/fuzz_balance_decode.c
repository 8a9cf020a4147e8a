/*
 * fuzz_balance_decode.c — the material_balance decoders: the summary's
 * binary form (on-disk value, binary receive) and the aggregate state's
 * (parallel workers' partial states).  Each input is offered to both.
 * Properties: an accepted summary re-encodes to the same bytes (a -0
 * quantity as +0), survives its text form, and its accessors never give
 * NaN or Infinity; an accepted state merges, finishes and round-trips.
 */
#include <assert.h>
#include <math.h>
#include <string.h>

#include "fuzz.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/*
 * The text round trip: each quantity through its text form, the balance
 * rebuilt as the text input does (kind by kind) must check and encode to
 * the same bytes.
 */
static void
check_text(const re_balance *b)
{
	re_balance	back;
	re_flow		bad;
	uint8_t		x[RE_BALANCE_SIZE],
				y[RE_BALANCE_SIZE];

	for (int f = 0; f < RE_FLOW_COUNT; f++)
		back.q[f] = fz_number_via_text(b->q[f]);
	assert(re_balance_check(&back, &bad) == RE_OK);
	re_balance_encode(b, x);
	re_balance_encode(&back, y);
	assert(memcmp(x, y, sizeof(x)) == 0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	re_balance	b;
	re_balance_state st;
	double		v;
	bool		defined;
	re_status	st_consumption;

	if (re_balance_decode(&b, data, size) == RE_OK)
	{
		uint8_t		out[RE_BALANCE_SIZE],
					expected[RE_BALANCE_SIZE];

		assert(size == RE_BALANCE_SIZE);
		/* u8 version | 6 x f64 */
		memcpy(expected, data, size);
		for (int f = 0; f < RE_FLOW_COUNT; f++)
			fz_fold_negative_zero(expected + 1 + f * 8);
		re_balance_encode(&b, out);
		assert(memcmp(out, expected, size) == 0);
		check_text(&b);
		/* an overflowing apparent consumption is RE_OVERFLOW for all three */
		st_consumption = re_balance_apparent_consumption(&b, &v);
		assert(st_consumption == RE_OK || st_consumption == RE_OVERFLOW);
		if (st_consumption == RE_OK)
			assert(isfinite(v));
		assert(re_balance_net_import_reliance(&b, &defined, &v) == st_consumption);
		if (st_consumption == RE_OK && defined)
			assert(isfinite(v) && v <= 1.0);
		assert(re_balance_self_sufficiency(&b, &defined, &v) == st_consumption);
		if (st_consumption == RE_OK && defined)
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
			check_text(&fin);
		}
	}
	return 0;
}
