/*
 * mix_state_codec.c — the binary form of a group's state
 * (the aggregate's serial and deserial functions, and the combine step that
 * adds a worker's encoded state in one pass).
 */
#include "mix_internal.h"

#define STATE_VERSION 1

size_t
re_mix_acc_encoded_size(const re_mix_acc *acc)
{
	size_t		size = 1 + 1 + 4;
	const re_keydict *d = acc->dict;

	acc_settle(acc);
	if (d->kind == RE_KEY_INT)
		return size + (size_t) acc->n * (8 + 16);
	if (d->same_len != UINT32_MAX)
		return size + (size_t) acc->n * (4 + (size_t) d->same_len + 16);
	ACC_FOREACH(acc, id, q, {
		(void) q;
		size += 4 + (size_t) d->slens[id] + 16;
	});
	return size;
}

void
re_mix_acc_encode(const re_mix_acc *acc, uint8_t *out)
{
	const re_keydict *d = acc->dict;

	acc_settle(acc);
	out = re_put_u8(out, STATE_VERSION);
	out = re_put_u8(out, (uint8_t) d->kind);
	out = re_put_u32(out, acc->n);
	ACC_FOREACH(acc, id, q, {
		if (d->kind == RE_KEY_INT)
			out = re_put_i64(out, d->ikeys[id]);
		else
		{
			out = re_put_u32(out, d->slens[id]);
			out = re_put_bytes(out, d->skeys[id], d->slens[id]);
		}
		out = re_put_f64(out, q->sum);
		out = re_put_f64(out, q->comp);
	});
}

re_status
re_mix_state_kind(const uint8_t *buf, size_t len, re_mix_keykind *kind)
{
	if (len < 6)
		return RE_TRUNCATED;
	if (buf[0] != STATE_VERSION)
		return RE_BAD_VERSION;
	if (buf[1] != RE_KEY_TEXT && buf[1] != RE_KEY_INT)
		return RE_BAD_KIND;
	*kind = (re_mix_keykind) buf[1];
	return RE_OK;
}

/*
 * Decode a state's binary form into *acc: a new state when *acc is NULL,
 * else the suppliers are added to it.  A repeated key is an error only in a
 * new state, where it shows as a count that did not grow; added to a state
 * that already holds the supplier, it is one more addition.
 */
static re_status
decode_into(re_mix_acc **acc, re_allocator alloc, re_keydict *dict,
			const uint8_t *buf, size_t len)
{
	re_reader	r = {buf, len, true};
	re_mix_keykind kind;
	uint32_t	n;
	bool		fresh = *acc == NULL;
	re_status	err;

	if ((err = re_mix_state_kind(buf, len, &kind)) != RE_OK)
		return err;
	if (kind != dict->kind || (!fresh && (*acc)->dict != dict))
		return RE_BAD_KIND;
	(void) re_get_bytes(&r, 2);
	n = re_get_u32(&r);
	/* every entry takes at least 20 bytes: refuse counts the input cannot hold */
	if ((uint64_t) n * 20 > r.left)
		return RE_TOO_LARGE;
	if ((fresh && (err = re_mix_acc_create(acc, alloc, dict)) != RE_OK) ||
		(err = re_mix_acc_reserve(acc, alloc, n)) != RE_OK)
		return err;
	for (uint32_t i = 0; i < n; i++)
	{
		re_ksum		q;
		uint32_t	id;
		uint32_t	before = (*acc)->n;
		int64_t		ikey = 0;
		uint32_t	klen = 0;
		const uint8_t *kbytes = NULL;

		re_check_interrupts(i);
		if (kind == RE_KEY_INT)
			ikey = re_get_i64(&r);
		else
		{
			klen = re_get_u32(&r);
			kbytes = re_get_bytes(&r, klen);
		}
		q.sum = re_get_f64(&r);
		q.comp = re_get_f64(&r);
		if (!r.ok)
			return RE_TRUNCATED;
		if (!re_ksum_finite(&q))
			return RE_NONFINITE;
		if (re_ksum_value(&q) < 0)
			return RE_NEGATIVE;
		err = kind == RE_KEY_INT ? re_keydict_int(dict, ikey, &id) :
			re_keydict_text(dict, (const char *) kbytes, klen, &id);
		if (err == RE_OK)
			err = re_mix_acc_add(acc, alloc, id, q);
		if (err != RE_OK)
			return err;
		if (fresh && (*acc)->n == before)
			return RE_DUPLICATE_KEY;
	}
	if (r.left != 0)
		return RE_TRAILING;
	return RE_OK;
}

re_status
re_mix_acc_decode(re_mix_acc **acc, re_allocator alloc, re_keydict *dict,
				  const uint8_t *buf, size_t len)
{
	*acc = NULL;
	return decode_into(acc, alloc, dict, buf, len);
}

re_status
re_mix_acc_add_encoded(re_mix_acc **acc, re_allocator alloc, const uint8_t *buf, size_t len)
{
	if (*acc == NULL)
		return RE_BAD_KIND;
	/* decode_into reserves room first, which settles what waits */
	return decode_into(acc, alloc, (*acc)->dict, buf, len);
}
