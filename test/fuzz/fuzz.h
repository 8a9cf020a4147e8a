/*
 * fuzz.h — a malloc allocator whose blocks are freed after each input, and
 * the text round trips every decoding harness checks.
 */
#ifndef RAREEARTH_FUZZ_H
#define RAREEARTH_FUZZ_H

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rareearth_core.h"

static void *fz_ptrs[1 << 16];
static size_t fz_n;

static void *
fz_alloc(void *ctx, size_t size)
{
	void	   *p;

	(void) ctx;
	if (fz_n == sizeof(fz_ptrs) / sizeof(fz_ptrs[0]) || size > ((size_t) 1 << 28))
		return NULL;
	p = malloc(size ? size : 1);
	if (p)
		fz_ptrs[fz_n++] = p;
	return p;
}

static void
fz_release(void)
{
	while (fz_n > 0)
		free(fz_ptrs[--fz_n]);
}

static const re_allocator fz_allocator = {fz_alloc, NULL, NULL};

/*
 * A number through its text form: written as a round-trip decimal (the
 * glue writes the shortest one; %.17g reads back to the same double too)
 * and read back by re_parse_number, as the text input reads it.  The value
 * must come back bit for bit, so a decoder that let -0 through fails here:
 * "-0" reads back as +0.
 */
static inline double
fz_number_via_text(double v)
{
	char		buf[40];
	double		back = 1;

	snprintf(buf, sizeof(buf), "%.17g", v);
	assert(re_parse_number(buf, &back) == RE_OK);
	assert(memcmp(&back, &v, sizeof(v)) == 0);
	return back;
}

/*
 * Decoders store -0 as +0: in a copy of the input, the f64 at p becomes
 * +0 if it was -0, which is what re-encoding the decoded value writes.
 */
static inline void
fz_fold_negative_zero(uint8_t *p)
{
	static const uint8_t negzero[8] = {0, 0, 0, 0, 0, 0, 0, 0x80};

	if (memcmp(p, negzero, 8) == 0)
		memset(p, 0, 8);
}

/*
 * The text round trip of a supply_mix: every quantity through its text form
 * (keys are escaped and read by PostgreSQL's JSON code, outside the core),
 * then the pairs rebuilt as the text input does (re_mix_from_pairs) must
 * give the same suppliers and the same quantities bit for bit.  A mix whose total overflows is refused by the
 * text input as by re_mix_check_total.
 */
static inline void
fz_check_mix_text(const re_mix *mix)
{
	double	   *qty = fz_alloc(NULL, sizeof(double) * (mix->n ? mix->n : 1));
	re_mix		back;
	re_status	st;

	if (qty == NULL)
		return;
	for (uint32_t i = 0; i < mix->n; i++)
		qty[i] = fz_number_via_text(mix->qty[i]);
	st = re_mix_from_pairs(&back, fz_allocator, mix->n, mix->keys, mix->lens, qty);
	if (st == RE_ENOMEM)
		return;
	if (re_mix_check_total(mix) != RE_OK)
	{
		assert(st == RE_OVERFLOW);
		return;
	}
	assert(st == RE_OK && back.n == mix->n);
	assert(mix->n == 0 || (memcmp(back.lens, mix->lens, sizeof(uint32_t) * mix->n) == 0 &&
						   memcmp(back.qty, mix->qty, sizeof(double) * mix->n) == 0));
	for (uint32_t i = 0; i < mix->n; i++)
		assert(mix->lens[i] == 0 || memcmp(back.keys[i], mix->keys[i], mix->lens[i]) == 0);
}

#endif
