/*
 * mix_keydict.c — the key dictionary of the supply mix: each distinct
 * supplier key (text or integer) of a query gets a small id, in order of
 * first appearance, so that a group's state holds ids, not key copies
 * (layout in mix_internal.h).
 */
#include "mix_internal.h"

#define ARENA_FIRST 256			/* the first block of dictionary key copies */
#define ARENA_MAX 65536			/* blocks double up to this size */

/* splitmix64's finalizer: a full-avalanche mix of 64 bits. */
static inline uint64_t
mix64(uint64_t x)
{
	x ^= x >> 30;
	x *= UINT64_C(0xbf58476d1ce4e5b9);
	x ^= x >> 27;
	x *= UINT64_C(0x94d049bb133111eb);
	x ^= x >> 31;
	return x;
}

/*
 * The first min(len, 8) bytes of s as a little-endian word, the rest 0;
 * for len < 4 an injective mix of the bytes instead (s[0], s[len / 2],
 * s[len - 1]), which is as good for comparing keys of one length.  No call
 * to memcpy of a variable length: two overlapping fixed-size loads.
 */
static inline uint64_t
load_head(const char *s, uint32_t len)
{
	uint32_t	a,
				b;
	uint64_t	w;

	if (len >= 8)
	{
		memcpy(&w, s, 8);
		return w;
	}
	if (len >= 4)
	{
		memcpy(&a, s, 4);
		memcpy(&b, s + len - 4, 4);
		return a | ((uint64_t) b << ((len - 4) * 8));
	}
	if (len == 0)
		return 0;
	return (uint64_t) (unsigned char) s[0] | (uint64_t) (unsigned char) s[len / 2] << 8 |
		(uint64_t) (unsigned char) s[len - 1] << 16;
}

/* a hash of a key whose first bytes, as load_head reads them, are head */
static inline uint64_t
hash_bytes(const char *s, uint32_t len, uint64_t head)
{
	uint64_t	h = UINT64_C(0x9e3779b97f4a7c15) ^ ((uint64_t) len << 56);

	if (len <= 8)
		return mix64(h ^ head);
	while (len >= 8)
	{
		uint64_t	w;

		memcpy(&w, s, 8);
		h = mix64(h ^ w);
		s += 8;
		len -= 8;
	}
	return mix64(h ^ load_head(s, len) ^ len);
}

static inline uint64_t
hash_int(int64_t key)
{
	return mix64((uint64_t) key ^ UINT64_C(0x2545f4914f6cdd1d));
}

re_status
re_keydict_create(re_keydict **dict, re_allocator alloc, re_mix_keykind kind)
{
	re_keydict *d = alloc.alloc(alloc.ctx, sizeof(re_keydict));

	*dict = d;
	if (d == NULL)
		return RE_ENOMEM;
	memset(d, 0, sizeof(*d));
	d->alloc = alloc;
	d->kind = kind;
	d->mask = 63;
	d->same_len = UINT32_MAX;
	d->table = alloc.alloc(alloc.ctx, sizeof(uint32_t) * 64);
	if (d->table == NULL)
		return RE_ENOMEM;
	memset(d->table, 0, sizeof(uint32_t) * 64);
	return RE_OK;
}

re_mix_keykind
re_keydict_kind(const re_keydict *dict)
{
	return dict->kind;
}

uint32_t
re_keydict_size(const re_keydict *dict)
{
	return dict->n;
}

const char *
re_keydict_text_key(const re_keydict *dict, uint32_t id, uint32_t *len)
{
	*len = dict->slens[id];
	return dict->skeys[id];
}

int64_t
re_keydict_int_key(const re_keydict *dict, uint32_t id)
{
	return dict->ikeys[id];
}

/* room for one more id in the per-id arrays, the table at most half full after it */
static re_status
dict_reserve(re_keydict *d)
{
	if (d->n >= (UINT32_C(1) << 31))
		return RE_TOO_LARGE;
	if (d->n == d->cap)
	{
		uint32_t	cap = d->cap ? d->cap * 2 : 32;
		re_allocator a = d->alloc;

		if ((d->hashes = grow_array(a, d->hashes, sizeof(uint32_t) * d->n, sizeof(uint32_t) * cap)) == NULL)
			return RE_ENOMEM;
		if (d->kind == RE_KEY_INT)
		{
			if ((d->ikeys = grow_array(a, d->ikeys, sizeof(int64_t) * d->n, sizeof(int64_t) * cap)) == NULL)
				return RE_ENOMEM;
		}
		else if ((d->skeys = grow_array(a, d->skeys, sizeof(char *) * d->n, sizeof(char *) * cap)) == NULL ||
				 (d->slens = grow_array(a, d->slens, sizeof(uint32_t) * d->n, sizeof(uint32_t) * cap)) == NULL ||
				 (d->heads = grow_array(a, d->heads, sizeof(uint64_t) * d->n, sizeof(uint64_t) * cap)) == NULL)
			return RE_ENOMEM;
		d->cap = cap;
	}
	if ((uint64_t) (d->n + 1) * 2 > (uint64_t) d->mask + 1)
	{
		uint32_t	size = (d->mask + 1) * 2;
		uint32_t   *t = d->alloc.alloc(d->alloc.ctx, sizeof(uint32_t) * size);

		if (t == NULL)
			return RE_ENOMEM;
		memset(t, 0, sizeof(uint32_t) * size);
		for (uint32_t id = 0; id < d->n; id++)
		{
			uint32_t	i = d->hashes[id] & (size - 1);

			re_check_interrupts(id);
			while (t[i] != 0)
				i = (i + 1) & (size - 1);
			t[i] = id + 1;
		}
		if (d->alloc.free)
			d->alloc.free(d->alloc.ctx, d->table);
		d->table = t;
		d->mask = size - 1;
	}
	return RE_OK;
}

/* Give a new key (absent from the table) the next id. */
static re_status
dict_insert(re_keydict *d, uint32_t h32, uint32_t *id)
{
	re_status	err = dict_reserve(d);
	uint32_t	i;

	if (err != RE_OK)
		return err;
	i = h32 & d->mask;
	while (d->table[i] != 0)
		i = (i + 1) & d->mask;
	*id = d->n++;
	d->table[i] = *id + 1;
	d->hashes[*id] = h32;
	return RE_OK;
}

const char *
re_keydict_copy(re_keydict *d, const char *key, uint32_t len)
{
	char	   *p;

	if (len == 0)
		return "";				/* the empty supplier name needs no storage */
	if (len > d->arena_left)
	{
		size_t		blk = d->arena_block ? d->arena_block * 2 : ARENA_FIRST;

		if (blk > ARENA_MAX)
			blk = ARENA_MAX;
		d->arena_block = blk;
		if (blk < len)
			blk = len;
		if ((d->arena = d->alloc.alloc(d->alloc.ctx, blk)) == NULL)
			return NULL;
		d->arena_left = blk;
	}
	p = d->arena;
	memcpy(p, key, len);
	d->arena += len;
	d->arena_left -= len;
	return p;
}

re_status
re_keydict_text(re_keydict *d, const char *key, uint32_t len, uint32_t *id)
{
	uint64_t	head = load_head(key, len);
	uint32_t	h32 = (uint32_t) (hash_bytes(key, len, head) >> 32);
	uint32_t	i = h32 & d->mask;
	uint32_t	s;
	re_status	err;
	const char *copy;

	while ((s = d->table[i]) != 0)
	{
		uint32_t	cand = s - 1;

		/* keys of at most 8 bytes compare as one word */
		if (d->heads[cand] == head && d->slens[cand] == len &&
			(len <= 8 || memcmp(d->skeys[cand], key, len) == 0))
		{
			*id = cand;
			return RE_OK;
		}
		i = (i + 1) & d->mask;
	}
	if ((copy = re_keydict_copy(d, key, len)) == NULL)
		return RE_ENOMEM;
	if ((err = dict_insert(d, h32, id)) != RE_OK)
		return err;
	d->skeys[*id] = copy;
	d->slens[*id] = len;
	d->heads[*id] = head;
	d->same_len = *id == 0 || d->same_len == len ? len : UINT32_MAX;
	return RE_OK;
}

re_status
re_keydict_int(re_keydict *d, int64_t key, uint32_t *id)
{
	uint32_t	h32 = (uint32_t) (hash_int(key) >> 32);
	uint32_t	i = h32 & d->mask;
	uint32_t	s;
	re_status	err;

	while ((s = d->table[i]) != 0)
	{
		if (d->ikeys[s - 1] == key)
		{
			*id = s - 1;
			return RE_OK;
		}
		i = (i + 1) & d->mask;
	}
	if ((err = dict_insert(d, h32, id)) != RE_OK)
		return err;
	d->ikeys[*id] = key;
	return RE_OK;
}
