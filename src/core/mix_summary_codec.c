/*
 * mix_summary_codec.c — the binary form of the finished supply mix
 * (its on-disk value, send and receive); the format is described in
 * rareearth_core.h.
 */
#include "mix_internal.h"

size_t
re_mix_encoded_size(const re_mix *mix)
{
	size_t		size = 1 + 4;

	for (uint32_t i = 0; i < mix->n; i++)
	{
		re_check_interrupts(i);
		size += 4 + (size_t) mix->lens[i] + 8;
	}
	return size;
}

void
re_mix_encode(const re_mix *mix, uint8_t *out)
{
	out = re_put_u8(out, RE_MIX_VERSION);
	out = re_put_u32(out, mix->n);
	for (uint32_t i = 0; i < mix->n; i++)
	{
		re_check_interrupts(i);
		out = re_put_u32(out, mix->lens[i]);
		out = re_put_bytes(out, mix->keys[i], mix->lens[i]);
		out = re_put_f64(out, mix->qty[i]);
	}
}

re_status
re_mix_decode(re_mix *mix, re_allocator alloc, const uint8_t *buf, size_t len)
{
	re_reader	r = {buf, len, true};
	uint8_t		version = re_get_u8(&r);
	uint32_t	n = re_get_u32(&r);
	re_status	err;

	if (!r.ok)
		return RE_TRUNCATED;
	if (version != RE_MIX_VERSION)
		return RE_BAD_VERSION;
	/* every entry takes at least 12 bytes */
	if ((uint64_t) n * 12 > r.left)
		return RE_TOO_LARGE;
	if ((err = re_mix_alloc(mix, alloc, n)) != RE_OK)
		return err;
	for (uint32_t i = 0; i < n; i++)
	{
		uint32_t	klen = re_get_u32(&r);
		const uint8_t *k = re_get_bytes(&r, klen);
		double		q = re_get_f64(&r);

		re_check_interrupts(i);
		if (!r.ok)
			return RE_TRUNCATED;
		if ((err = re_mix_check_quantity(q)) != RE_OK)
			return err;
		mix->keys[i] = (const char *) k;
		mix->lens[i] = klen;
		mix->qty[i] = re_plus_zero(q);	/* -0 from a client becomes 0 */
		if (i > 0)
		{
			int			c = re_key_cmp(mix->keys[i - 1], mix->lens[i - 1],
									   mix->keys[i], mix->lens[i]);

			if (c == 0)
				return RE_DUPLICATE_KEY;
			if (c > 0)
				return RE_UNSORTED;
		}
	}
	if (r.left != 0)
		return RE_TRAILING;
	return RE_OK;
}
