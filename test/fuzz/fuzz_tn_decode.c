/*
 * fuzz_tn_decode.c — the trade_network decoder (on-disk value, binary
 * receive) and origin tracing on what it accepts.  Properties: an accepted
 * network re-encodes to the same bytes (a -0 quantity as +0), survives its
 * text form (every number through its text, the triples rebuilt as the
 * text input does), and tracing it gives finite uses >= 0, origin rows
 * >= 0 that sum to production, and what-ifs whose uses sum to production,
 * unless a supply overflows (RE_OVERFLOW) or a loop exhausts the sweeps
 * (RE_NOT_CONVERGED).
 */
#include <assert.h>
#include <math.h>
#include <string.h>

#include "fuzz.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* the text round trip: production on the diagonal, then every flow */
static void
check_text(const re_tn *tn, const uint8_t *encoded, size_t size)
{
	uint32_t	k = tn->n + tn->m;
	const char **ex = fz_alloc(NULL, sizeof(char *) * (k + 1));
	const char **im = fz_alloc(NULL, sizeof(char *) * (k + 1));
	uint32_t   *exlen = fz_alloc(NULL, sizeof(uint32_t) * (k + 1));
	uint32_t   *imlen = fz_alloc(NULL, sizeof(uint32_t) * (k + 1));
	double	   *q = fz_alloc(NULL, sizeof(double) * (k + 1));
	uint8_t    *again;
	re_tn		back;
	uint32_t	bad;

	if (ex == NULL || im == NULL || exlen == NULL || imlen == NULL || q == NULL)
		return;
	for (uint32_t i = 0; i < tn->n; i++)
	{
		ex[i] = im[i] = tn->keys[i];
		exlen[i] = imlen[i] = tn->lens[i];
		q[i] = fz_number_via_text(tn->production[i]);
	}
	for (uint32_t e = 0; e < tn->m; e++)
	{
		ex[tn->n + e] = tn->keys[tn->from[e]];
		exlen[tn->n + e] = tn->lens[tn->from[e]];
		im[tn->n + e] = tn->keys[tn->to[e]];
		imlen[tn->n + e] = tn->lens[tn->to[e]];
		q[tn->n + e] = fz_number_via_text(tn->qty[e]);
	}
	if (re_tn_from_triples(&back, fz_allocator, k, ex, exlen, im, imlen, q, &bad) == RE_ENOMEM)
		return;
	assert(back.n == tn->n && back.m == tn->m);
	again = fz_alloc(NULL, size);
	if (again == NULL)
		return;
	assert(re_tn_encoded_size(&back) == size);
	re_tn_encode(&back, again);
	assert(memcmp(again, encoded, size) == 0);
}

static void
check_tracing(const re_tn *tn)
{
	re_tn_solution s;
	re_status	st = re_tn_solve(&s, fz_allocator, tn->n, tn->production, tn->m, tn->from, tn->to, tn->qty);
	double	   *row,
			   *after,
			   *direct;
	double		produced = 0,
				total = 0,
				scale = 1;

	if (st == RE_OVERFLOW || st == RE_NOT_CONVERGED || st == RE_ENOMEM)
		return;
	assert(st == RE_OK);
	for (uint32_t j = 0; j < tn->n; j++)
	{
		assert(isfinite(s.use[j]) && s.use[j] >= 0 && isfinite(s.supply[j]));
		produced += tn->production[j];
		scale = fmax(scale, s.supply[j]);
	}
	if (tn->n == 0 || !isfinite(produced))
		return;
	row = fz_alloc(NULL, sizeof(double) * tn->n);
	after = fz_alloc(NULL, sizeof(double) * tn->n);
	direct = fz_alloc(NULL, sizeof(double) * tn->n);
	if (row == NULL || after == NULL || direct == NULL)
		return;
	st = re_tn_origin_row(&s, fz_allocator, 0, row);
	if (st == RE_OK)
	{
		for (uint32_t j = 0; j < tn->n; j++)
		{
			assert(isfinite(row[j]) && row[j] >= 0);
			total += row[j];
		}
		assert(fabs(total - tn->production[0]) <= 1e-9 * scale * tn->n);
	}
	else
		assert(st == RE_NOT_CONVERGED || st == RE_ENOMEM);
	st = re_tn_disruption(&s, fz_allocator, 0, 0.5, after, direct);
	if (st == RE_OK)
	{
		total = 0;
		for (uint32_t j = 0; j < tn->n; j++)
		{
			assert(isfinite(after[j]) && after[j] >= 0 && isfinite(direct[j]));
			total += after[j];
		}
		assert(fabs(total - produced) <= 1e-9 * scale * tn->n);
	}
	else
		assert(st == RE_NOT_CONVERGED || st == RE_ENOMEM);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	re_tn		tn;

	if (re_tn_decode(&tn, fz_allocator, data, size) == RE_OK)
	{
		uint8_t    *out = fz_alloc(NULL, size ? size : 1);
		uint8_t    *expected = fz_alloc(NULL, size ? size : 1);
		size_t		pos = 5;

		if (out != NULL && expected != NULL)
		{
			/* u8 version | u32 n | n x { u32 len | key | f64 } | u32 m | m x { u32 | u32 | f64 } */
			memcpy(expected, data, size);
			for (uint32_t i = 0; i < tn.n; i++)
			{
				pos += 4 + tn.lens[i];
				fz_fold_negative_zero(expected + pos);
				pos += 8;
			}
			pos += 4;
			for (uint32_t e = 0; e < tn.m; e++)
			{
				fz_fold_negative_zero(expected + pos + 8);
				pos += 16;
			}
			assert(pos == size && re_tn_encoded_size(&tn) == size);
			re_tn_encode(&tn, out);
			assert(memcmp(out, expected, size) == 0);
			check_text(&tn, out, size);
			check_tracing(&tn);
		}
	}
	fz_release();
	return 0;
}
