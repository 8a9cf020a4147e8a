/*
 * mix.c — the supply mix: total quantity per supplier, and the share and
 * concentration measures computed from it.
 *
 * Two representations:
 *  - the aggregate's transition state: a key dictionary per query
 *    (re_keydict, supplier key -> small id) and per group a compact state
 *    of ids and compensated sums (re_mix_acc): a few suppliers in one
 *    64- to 256-byte chunk searched linearly, many in an open-addressing
 *    table.  A row's work is one hash of its key against a table that stays
 *    in cache, then a short search and an add; a group's state grows with
 *    its distinct suppliers only and holds no key copies.
 *  - re_mix, the finished summary: parallel arrays sorted by key.  Sorting
 *    makes the encoding canonical (equal mixes are equal bytes) and every
 *    accessor's arithmetic runs in the same order whatever order the rows
 *    arrived in, so results do not depend on plan shape.
 */
#include <float.h>
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "rareearth_core.h"

#define ARENA_FIRST 256			/* the first block of dictionary key copies */
#define ARENA_MAX 65536			/* blocks double up to this size */

/* ---------------------------------------------------------------------- */
/* hashing                                                                 */
/* ---------------------------------------------------------------------- */

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

/* ids in a group's table: a multiplicative hash spreads consecutive ids */
static inline uint32_t
hash_id(uint32_t id)
{
	return id * UINT32_C(0x9e3779b1);
}

/* ---------------------------------------------------------------------- */
/* the key dictionary                                                      */
/* ---------------------------------------------------------------------- */

struct re_keydict
{
	re_allocator alloc;
	re_mix_keykind kind;
	uint32_t	n;				/* ids 0 .. n-1 */
	uint32_t	cap;			/* of the per-id arrays */
	uint32_t	mask;			/* hash table size - 1, at most half full */
	uint32_t   *table;			/* id + 1; 0 marks an empty slot */
	uint32_t   *hashes;			/* per id: the high 32 bits of its key's hash */
	int64_t    *ikeys;			/* RE_KEY_INT: per id */
	const char **skeys;			/* RE_KEY_TEXT: per id, not NUL-terminated */
	uint32_t   *slens;
	uint64_t   *heads;			/* RE_KEY_TEXT: per id, load_head of its key */
	/*
	 * RE_KEY_TEXT: the length every key has, or UINT32_MAX once two differ:
	 * codes (ISO alpha-3, HS, BACI's numbers as text) share one length, so
	 * a state's encoded size is known without visiting its entries.
	 */
	uint32_t	same_len;
	char	   *arena;			/* where text keys are copied */
	size_t		arena_left;
	size_t		arena_block;

	/*
	 * The canonical (bytewise) order of the keys' text forms, for the
	 * summaries: so that a final function sorts a group's suppliers by
	 * integer rank, or for a direct state walks them in order, instead of
	 * comparing strings.  Valid for the first ranked_n ids; see dict_order.
	 */
	uint32_t	ranked_n;
	uint32_t	ranked_cap;
	uint32_t	stale_calls;	/* summaries since the dictionary grew */
	bool		lossy;			/* two integer keys render alike */
	re_key_render ranked_render;
	uint32_t   *rank;			/* per id */
	uint32_t   *by_rank;		/* the id of each rank */
	const char **rtext;			/* RE_KEY_INT: per id, its rendered text */
	uint32_t   *rlen;

	/*
	 * Additions to large states of this dictionary not made yet
	 * (re_mix_acc_add_deferred): the oldest is made when the ring is full,
	 * RING rows after its cache line was prefetched; all are made before
	 * any state of the dictionary is read, moved or freed.
	 */
	uint32_t	ring_n;
	uint32_t	ring_first;
	struct
	{
		struct re_mix_acc *acc;
		uint32_t	id;
		double		qty;
	}			ring[16];
};
#define RING 16

static void *
grow_array(re_allocator alloc, void *old, size_t oldbytes, size_t newbytes)
{
	void	   *p = alloc.alloc(alloc.ctx, newbytes);

	if (p == NULL)
		return NULL;
	if (oldbytes > 0)
		memcpy(p, old, oldbytes);
	if (old != NULL && alloc.free)
		alloc.free(alloc.ctx, old);
	return p;
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

/* A copy of a text key that lives as long as the dictionary. */
static const char *
dict_copy(re_keydict *d, const char *key, uint32_t len)
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
	if ((copy = dict_copy(d, key, len)) == NULL)
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

/* ---------------------------------------------------------------------- */
/* a group's state                                                         */
/* ---------------------------------------------------------------------- */

/*
 * Three layouts behind one header, told apart by cap:
 *  - small (cap <= SMALL_MAX): uint32 ids[cap], then re_ksum sums[cap]
 *    (8-byte aligned), in order of first appearance, found by a linear
 *    search of ids, which for a handful of suppliers beats hashing: 16 +
 *    5 x 20 + 4 = 120 and 16 + 11 x 20 + 4 = 240 bytes (AllocSet's 128-
 *    and 256-byte chunks; exactly that in the glue's pool for hashed
 *    aggregation, supply_mix.c).  A new state has room for 5
 *    suppliers at once: groups of a few suppliers (BACI's importer, product,
 *    year) never move, and rows spread over many groups leave no freed
 *    smaller chunks behind.
 *  - hashed (a power of two >= FIRST_HASHED): cap slots of (id + 1, sum),
 *    linear probing, at most 3/4 full;
 *  - direct (DIRECT | size): sums[size] indexed by id itself, NaN marking
 *    an absent supplier, so one row touches one cache line.  Chosen
 *    whenever it is no larger than the hashed table would be: a group
 *    holding a good part of a small dictionary (200 of the world's 230
 *    countries) takes 16 bytes a supplier, not 48.
 * Hashed and direct states start at a cache line and have a longer header.
 * A row's addition to one of them may wait in the dictionary's ring
 * (re_mix_acc_add_deferred) while its cache line is fetched, so rows spread
 * over thousands of large groups do not wait for memory one by one.
 */
struct re_mix_acc
{
	re_keydict *dict;
	uint32_t	n;
	uint32_t	cap;			/* the layout; small states may add WATCH */
	/* hashed and direct states only */
	/*
	 * The plain running total of the quantities added.  While it stays at
	 * most DBL_MAX / 2 the exact total is finite (for fewer than 2^51
	 * additions); beyond, the exact total is summed from the suppliers'
	 * compensated sums.  A small state needs no total: while no supplier's
	 * sum exceeds DBL_MAX / 16 its at most 11 suppliers add up to less than
	 * DBL_MAX; once one does (WATCH), every addition sums them exactly.
	 */
	double		total;			/* with the additions waiting in the ring */
	void	   *raw;			/* what the allocator returned */
};

typedef struct acc_slot
{
	uint32_t	id1;			/* id + 1; 0 marks an empty slot */
	uint32_t	unused;
	re_ksum		q;
} acc_slot;

/* the header of small states */
#define HEADER offsetof(re_mix_acc, total)
#define FIRST_SMALL 5
#define SMALL_MAX 11
#define FIRST_HASHED 32
#define DIRECT UINT32_C(0x80000000)
#define WATCH UINT32_C(0x40000000)
#define LINE 64
#define TOTAL_SAFE (DBL_MAX / 2)
#define SMALL_SAFE (DBL_MAX / 16)

static void acc_settle(const re_mix_acc *ca);

static inline bool
is_small(uint32_t cap)
{
	return (cap & ~WATCH) <= SMALL_MAX;
}

/* the capacity of a small state */
static inline uint32_t
small_cap(uint32_t cap)
{
	return cap & ~WATCH;
}

static inline bool
is_direct(uint32_t cap)
{
	return (cap & DIRECT) != 0;
}

static inline size_t
ids_bytes(uint32_t cap)
{
	return ((size_t) cap * sizeof(uint32_t) + 7) & ~(size_t) 7;
}

static inline uint32_t *
acc_ids(const re_mix_acc *a)
{
	return (uint32_t *) ((char *) a + HEADER);
}

static inline re_ksum *
acc_sums(const re_mix_acc *a)
{
	return (re_ksum *) ((char *) a + HEADER + ids_bytes(small_cap(a->cap)));
}

static inline acc_slot *
acc_slots(const re_mix_acc *a)
{
	return (acc_slot *) (a + 1);
}

/* direct: 48 bytes of header, then 16-byte sums that never straddle a line */
static inline re_ksum *
acc_direct(const re_mix_acc *a)
{
	return (re_ksum *) (a + 1);
}

static inline bool
direct_present(const re_ksum *q)
{
	return !isnan(q->sum);
}

/* bytes to allocate for a state of capacity cap */
static inline size_t
acc_bytes(uint32_t cap)
{
	if (is_small(cap))
		return HEADER + ids_bytes(small_cap(cap)) + (size_t) small_cap(cap) * sizeof(re_ksum);
	if (is_direct(cap))
		return LINE + sizeof(re_mix_acc) + (size_t) (cap & ~DIRECT) * sizeof(re_ksum);
	return LINE + sizeof(re_mix_acc) + (size_t) cap * sizeof(acc_slot);
}

re_status
re_mix_acc_create(re_mix_acc **acc, re_allocator alloc, re_keydict *dict)
{
	re_mix_acc *a = alloc.alloc(alloc.ctx, acc_bytes(FIRST_SMALL));

	*acc = a;
	if (a == NULL)
		return RE_ENOMEM;
	a->dict = dict;
	a->n = 0;
	a->cap = FIRST_SMALL;
	return RE_OK;
}

re_keydict *
re_mix_acc_dict(const re_mix_acc *acc)
{
	return acc->dict;
}

void
re_mix_acc_prefetch(const re_mix_acc *acc)
{
#if defined(__GNUC__)
	/* a small state's sums run into its second line */
	__builtin_prefetch(acc, 1);
	__builtin_prefetch((const char *) acc + LINE, 1);
#else
	(void) acc;
#endif
}

uint32_t
re_mix_acc_count(const re_mix_acc *acc)
{
	acc_settle(acc);
	return acc->n;
}

size_t
re_mix_acc_size(const re_mix_acc *acc)
{
	return acc_bytes(acc->cap);
}

/* The slot of id in a hashed state, or the empty slot where it belongs. */
static inline acc_slot *
slot_find(const re_mix_acc *a, uint32_t id)
{
	acc_slot   *slots = acc_slots(a);
	uint32_t	mask = a->cap - 1;
	uint32_t	i = hash_id(id) & mask;

	while (slots[i].id1 != 0 && slots[i].id1 != id + 1)
		i = (i + 1) & mask;
	return &slots[i];
}

/*
 * Visit every entry of a state as (uint32_t id_, const re_ksum *q_); body
 * may return.
 */
#define ACC_FOREACH(a, id_, q_, body) \
	do { \
		if (is_small((a)->cap)) \
		{ \
			for (uint32_t i_ = 0; i_ < (a)->n; i_++) \
			{ \
				uint32_t	id_ = acc_ids(a)[i_]; \
				const re_ksum *q_ = &acc_sums(a)[i_]; \
				body; \
			} \
		} \
		else if (is_direct((a)->cap)) \
		{ \
			for (uint32_t id_ = 0; id_ < ((a)->cap & ~DIRECT); id_++) \
			{ \
				const re_ksum *q_ = &acc_direct(a)[id_]; \
				re_check_interrupts(id_); \
				if (direct_present(q_)) \
				{ \
					body; \
				} \
			} \
		} \
		else \
		{ \
			for (uint32_t i_ = 0; i_ < (a)->cap; i_++) \
			{ \
				const acc_slot *s_ = &acc_slots(a)[i_]; \
				re_check_interrupts(i_); \
				if (s_->id1 != 0) \
				{ \
					uint32_t	id_ = s_->id1 - 1; \
					const re_ksum *q_ = &s_->q; \
					body; \
				} \
			} \
		} \
	} while (0)

/*
 * Make an addition that waited in the ring.  It cannot fail: an addition
 * waits only when its id has room (the direct array covers it, the hashed
 * table keeps a free slot for every waiting addition) and the state's total
 * stays at most TOTAL_SAFE, so no sum can overflow.
 */
static void
ring_apply(re_mix_acc *a, uint32_t id, double qty)
{
	re_ksum    *q;

	if (is_direct(a->cap))
	{
		q = &acc_direct(a)[id];
		if (!direct_present(q))
		{
			q->sum = 0;
			q->comp = 0;
			a->n++;
		}
	}
	else
	{
		acc_slot   *s = slot_find(a, id);

		if (s->id1 == 0)
		{
			s->id1 = id + 1;
			s->q.sum = 0;
			s->q.comp = 0;
			a->n++;
		}
		q = &s->q;
	}
	re_ksum_add(q, qty);
}

static void
dict_flush(re_keydict *d)
{
	while (d->ring_n > 0)
	{
		uint32_t	i = d->ring_first;

		ring_apply(d->ring[i].acc, d->ring[i].id, d->ring[i].qty);
		d->ring_first = (i + 1) % RING;
		d->ring_n--;
	}
}

/*
 * Make the additions waiting for states of a's dictionary: a's value does
 * not change, only where its parts are, so readers given a const state
 * settle it too.
 */
static void
acc_settle(const re_mix_acc *ca)
{
	if (ca->dict->ring_n > 0)
		dict_flush(ca->dict);
}

void
re_keydict_forget_waiting(re_keydict *dict)
{
	dict->ring_n = 0;
	dict->ring_first = 0;
}

static void
acc_free(re_mix_acc *a, re_allocator alloc)
{
	void	   *p = is_small(a->cap) ? (void *) a : a->raw;

	if (alloc.free_sized)
		alloc.free_sized(alloc.ctx, p, acc_bytes(a->cap));
	else if (alloc.free)
		alloc.free(alloc.ctx, p);
}

/* Move the entries into a state of capacity cap; frees the old one. */
static re_status
acc_resize(re_mix_acc **accp, re_allocator alloc, uint32_t cap)
{
	re_mix_acc *old = *accp;
	void	   *raw = alloc.alloc(alloc.ctx, acc_bytes(cap));
	re_mix_acc *a = raw;

	if (raw == NULL)
		return RE_ENOMEM;
	acc_settle(old);
	if (!is_small(cap))
	{
		/* the state at the next line boundary */
		a = (re_mix_acc *) (((uintptr_t) raw + LINE - 1) & ~(uintptr_t) (LINE - 1));
		a->raw = raw;
	}
	memcpy(a, old, HEADER);
	a->cap = cap;
	if (is_small(old->cap) && !is_small(cap))
	{
		/* the running total of a large state starts from the suppliers' sums */
		a->total = 0;
		ACC_FOREACH(old, id, q, {
			(void) id;
			a->total += re_ksum_value(q);
		});
	}
	else if (!is_small(cap))
		a->total = old->total;
	if (is_small(cap))
	{
		a->cap |= old->cap & WATCH;
		memcpy(acc_ids(a), acc_ids(old), sizeof(uint32_t) * old->n);
		memcpy(acc_sums(a), acc_sums(old), sizeof(re_ksum) * old->n);
	}
	else if (is_direct(cap))
	{
		re_ksum    *sums = acc_direct(a);

		for (uint32_t i = 0; i < (cap & ~DIRECT); i++)
		{
			re_check_interrupts(i);
			sums[i].sum = NAN;
			sums[i].comp = 0;
		}
		ACC_FOREACH(old, id, q, {
			sums[id] = *q;
		});
	}
	else
	{
		memset(acc_slots(a), 0, sizeof(acc_slot) * cap);
		ACC_FOREACH(old, id, q, {
			acc_slot   *s = slot_find(a, id);

			s->id1 = id + 1;
			s->q = *q;
		});
	}
	acc_free(old, alloc);
	*accp = a;
	return RE_OK;
}

/*
 * The layout for a state that needs room for n entries and ids up to
 * max_id: direct, covering the dictionary's ids (half as many again when
 * an id beyond a direct array made it grow: the dictionary is growing),
 * when it is at most twice the size of the hashed table (it never grows
 * again while the dictionary does not, where the hashed table would double
 * once more); else the smallest hashed table at most 3/4 full.
 * RE_TOO_LARGE past 2^30 slots.
 */
static re_status
grown_cap(const re_mix_acc *a, uint64_t n, uint32_t max_id, uint32_t *cap)
{
	uint64_t	hashed = FIRST_HASHED;
	uint64_t	direct = a->dict->n > max_id ? a->dict->n : (uint64_t) max_id + 1;

	if (is_direct(a->cap))
		direct += direct / 2;
	while (n * 4 > hashed * 3)
		hashed *= 2;
	if (direct >= n && direct < DIRECT &&
		acc_bytes(DIRECT | (uint32_t) direct) <= 2 * acc_bytes((uint32_t) hashed))
	{
		*cap = DIRECT | (uint32_t) direct;
		return RE_OK;
	}
	if (hashed > (UINT64_C(1) << 30))
		return RE_TOO_LARGE;
	*cap = (uint32_t) hashed;
	return RE_OK;
}

/* The sum of an id, a new zero entry when absent; may move the state. */
static re_ksum *
acc_entry(re_mix_acc **accp, re_allocator alloc, uint32_t id, re_status *err)
{
	re_mix_acc *a = *accp;
	uint32_t	cap;

	if (is_direct(a->cap))
	{
		if (id < (a->cap & ~DIRECT))
		{
			re_ksum    *q = &acc_direct(a)[id];

			if (!direct_present(q))
			{
				q->sum = 0;
				q->comp = 0;
				a->n++;
			}
			return q;
		}
		/* an id the dictionary gave after the array was sized */
		acc_settle(a);			/* n counts what waited */
		if ((*err = grown_cap(a, (uint64_t) a->n + 1, id, &cap)) != RE_OK ||
			(*err = acc_resize(accp, alloc, cap)) != RE_OK)
			return NULL;
		return acc_entry(accp, alloc, id, err);
	}
	if (is_small(a->cap))
	{
		uint32_t   *ids = acc_ids(a);
		re_ksum    *q;

		for (uint32_t i = 0; i < a->n; i++)
			if (ids[i] == id)
				return &acc_sums(a)[i];
		if (a->n == small_cap(a->cap))
		{
			if (small_cap(a->cap) < SMALL_MAX)
				cap = SMALL_MAX;
			else if ((*err = grown_cap(a, (uint64_t) a->n + 1, id, &cap)) != RE_OK)
				return NULL;
			if ((*err = acc_resize(accp, alloc, cap)) != RE_OK)
				return NULL;
			return acc_entry(accp, alloc, id, err);
		}
		ids[a->n] = id;
		q = &acc_sums(a)[a->n];
		q->sum = 0;
		q->comp = 0;
		a->n++;
		return q;
	}
	else
	{
		acc_slot   *s = slot_find(a, id);

		if (s->id1 != 0)
			return &s->q;
		/* every waiting addition may insert too */
		if ((uint64_t) (a->n + 1 + a->dict->ring_n) * 4 > (uint64_t) a->cap * 3)
		{
			acc_settle(a);		/* n counts what waited */
			if ((*err = grown_cap(a, (uint64_t) a->n + 1, id, &cap)) != RE_OK ||
				(*err = acc_resize(accp, alloc, cap)) != RE_OK)
				return NULL;
			return acc_entry(accp, alloc, id, err);
		}
		s->id1 = id + 1;
		s->q.sum = 0;
		s->q.comp = 0;
		a->n++;
		return &s->q;
	}
}

re_status
re_mix_acc_reserve(re_mix_acc **accp, re_allocator alloc, uint32_t n)
{
	re_mix_acc *a = *accp;
	uint32_t	cap;
	re_status	err;

	acc_settle(a);
	if (n <= a->n || (is_small(a->cap) && n <= small_cap(a->cap)))
		return RE_OK;
	if (n <= SMALL_MAX)
		return is_small(a->cap) ? acc_resize(accp, alloc, SMALL_MAX) : RE_OK;
	if ((err = grown_cap(a, n, 0, &cap)) != RE_OK)
		return err;
	if (acc_bytes(cap) <= acc_bytes(a->cap))
		return RE_OK;
	return acc_resize(accp, alloc, cap);
}

/* The exact total of the suppliers' sums overflows double. */
static bool
total_overflows(const re_mix_acc *a)
{
	re_ksum		t = {0, 0};

	ACC_FOREACH(a, id, q, {
		(void) id;
		if (re_ksum_add_checked(&t, *q) != RE_OK)
			return true;
	});
	return false;
}

re_status
re_mix_check_quantity(double qty)
{
	if (isnan(qty) || isinf(qty))
		return RE_NONFINITE;
	if (qty < 0)
		return RE_NEGATIVE;
	return RE_OK;
}

re_status
re_mix_acc_add(re_mix_acc **accp, re_allocator alloc, uint32_t id, re_ksum qty)
{
	re_status	err = RE_OK;
	re_ksum    *q;
	re_mix_acc *a;

	if ((q = acc_entry(accp, alloc, id, &err)) == NULL)
		return err;
	a = *accp;
	/* quantities are >= 0, so the total overflows whenever a supplier's sum does */
	if ((err = re_ksum_add_checked(q, qty)) != RE_OK)
		return err;
	if (is_small(a->cap))
	{
		if (q->sum > SMALL_SAFE)
			a->cap |= WATCH;
		if ((a->cap & WATCH) && total_overflows(a))
			return RE_OVERFLOW;
		return RE_OK;
	}
	a->total += qty.sum + qty.comp;
	if (!(a->total <= TOTAL_SAFE))
	{
		acc_settle(a);
		if (total_overflows(a))
			return RE_OVERFLOW;
	}
	return RE_OK;
}

re_status
re_mix_acc_add_deferred(re_mix_acc **accp, re_allocator alloc, uint32_t id, double qty)
{
	re_mix_acc *a = *accp;
	re_keydict *d = a->dict;
	re_ksum		q = {qty, 0};

	if (!is_small(a->cap) && a->total + qty <= TOTAL_SAFE)
	{
		const void *line = NULL;

		if (is_direct(a->cap) && id < (a->cap & ~DIRECT))
			line = &acc_direct(a)[id];
		else if (!is_direct(a->cap) &&
				 (uint64_t) (a->n + 1 + d->ring_n + 1) * 4 <= (uint64_t) a->cap * 3)
			line = &acc_slots(a)[hash_id(id) & (a->cap - 1)];
		if (line != NULL)
		{
			uint32_t	i;

#if defined(__GNUC__)
			__builtin_prefetch(line, 1);
#endif
			if (d->ring_n == RING)
			{
				/* the oldest, its line fetched RING rows ago */
				i = d->ring_first;
				ring_apply(d->ring[i].acc, d->ring[i].id, d->ring[i].qty);
				d->ring_first = (i + 1) % RING;
				d->ring_n--;
			}
			i = (d->ring_first + d->ring_n) % RING;
			d->ring[i].acc = a;
			d->ring[i].id = id;
			d->ring[i].qty = qty;
			d->ring_n++;
			a->total += qty;
			return RE_OK;
		}
	}
	return re_mix_acc_add(accp, alloc, id, q);
}

re_status
re_mix_acc_merge(re_mix_acc **dst, re_allocator alloc, const re_mix_acc *src)
{
	re_keydict *dd = (*dst)->dict;
	const re_keydict *sd = src->dict;

	if (dd->kind != sd->kind)
		return RE_BAD_KIND;
	acc_settle(src);
	/* at least as many suppliers as src: one resize, not one per layout */
	if (src->n > (*dst)->n)
	{
		re_status	err = re_mix_acc_reserve(dst, alloc, src->n);

		if (err != RE_OK)
			return err;
	}
	ACC_FOREACH(src, id, q, {
		uint32_t	to = id;
		re_status	err = RE_OK;

		/* the same dictionary (a combine after a deserialize): the same ids */
		if (dd != sd)
			err = sd->kind == RE_KEY_INT ? re_keydict_int(dd, sd->ikeys[id], &to) :
				re_keydict_text(dd, sd->skeys[id], sd->slens[id], &to);
		if (err == RE_OK)
			err = re_mix_acc_add(dst, alloc, to, *q);
		if (err != RE_OK)
			return err;
	});
	return RE_OK;
}

/* ---------------------------------------------------------------------- */
/* state serialization                                                     */
/* ---------------------------------------------------------------------- */

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

/* ---------------------------------------------------------------------- */
/* a state with its own dictionary                                         */
/* ---------------------------------------------------------------------- */

re_status
re_mix_state_init(re_mix_state *st, re_allocator alloc, re_mix_keykind kind)
{
	re_status	err;

	memset(st, 0, sizeof(*st));
	st->alloc = alloc;
	st->kind = kind;
	if ((err = re_keydict_create(&st->dict, alloc, kind)) != RE_OK)
		return err;
	return re_mix_acc_create(&st->acc, alloc, st->dict);
}

/* add under the id a dictionary look-up gave (err its status) */
static re_status
state_add(re_mix_state *st, re_status err, uint32_t id, re_ksum qty)
{
	if (err == RE_OK)
		err = re_mix_acc_add(&st->acc, st->alloc, id, qty);
	st->nentries = st->acc->n;
	return err;
}

re_status
re_mix_add_ksum_text(re_mix_state *st, const char *key, uint32_t len, re_ksum qty)
{
	uint32_t	id = 0;
	re_status	err = re_keydict_text(st->dict, key, len, &id);

	return state_add(st, err, id, qty);
}

re_status
re_mix_add_ksum_int(re_mix_state *st, int64_t key, re_ksum qty)
{
	uint32_t	id = 0;
	re_status	err = re_keydict_int(st->dict, key, &id);

	return state_add(st, err, id, qty);
}

re_status
re_mix_add_text(re_mix_state *st, const char *key, uint32_t len, double qty)
{
	re_status	err = re_mix_check_quantity(qty);
	re_ksum		q = {qty, 0};

	if (err != RE_OK)
		return err;
	return re_mix_add_ksum_text(st, key, len, q);
}

re_status
re_mix_add_int(re_mix_state *st, int64_t key, double qty)
{
	re_status	err = re_mix_check_quantity(qty);
	re_ksum		q = {qty, 0};

	if (err != RE_OK)
		return err;
	return re_mix_add_ksum_int(st, key, q);
}

re_status
re_mix_state_merge(re_mix_state *dst, const re_mix_state *src)
{
	re_status	err;

	if (dst->kind != src->kind)
		return RE_BAD_KIND;
	err = re_mix_acc_merge(&dst->acc, dst->alloc, src->acc);
	dst->nentries = dst->acc->n;
	return err;
}

size_t
re_mix_state_encoded_size(const re_mix_state *st)
{
	return re_mix_acc_encoded_size(st->acc);
}

void
re_mix_state_encode(const re_mix_state *st, uint8_t *out)
{
	re_mix_acc_encode(st->acc, out);
}

re_status
re_mix_state_decode(re_mix_state *st, re_allocator alloc,
					const uint8_t *buf, size_t len)
{
	re_status	err;

	memset(st, 0, sizeof(*st));
	if ((err = re_mix_state_kind(buf, len, &st->kind)) != RE_OK)
		return err;
	st->alloc = alloc;
	if ((err = re_keydict_create(&st->dict, alloc, st->kind)) != RE_OK)
		return err;
	err = re_mix_acc_decode(&st->acc, alloc, st->dict, buf, len);
	st->nentries = st->acc ? st->acc->n : 0;
	return err;
}

/* ---------------------------------------------------------------------- */
/* the summary                                                             */
/* ---------------------------------------------------------------------- */

int
re_key_cmp(const char *a, uint32_t alen, const char *b, uint32_t blen)
{
	uint32_t	m = alen < blen ? alen : blen;
	int			c = m > 0 ? memcmp(a, b, m) : 0;

	if (c != 0)
		return c;
	return (alen > blen) - (alen < blen);
}

uint32_t
re_render_decimal(int64_t key, char *buf64)
{
	char		tmp[24];
	int			n = 0;
	uint32_t	len = 0;
	uint64_t	u = key < 0 ? (uint64_t) 0 - (uint64_t) key : (uint64_t) key;

	do
	{
		tmp[n++] = (char) ('0' + u % 10);
		u /= 10;
	} while (u > 0);
	if (key < 0)
		buf64[len++] = '-';
	while (n > 0)
		buf64[len++] = tmp[--n];
	buf64[len] = '\0';
	return len;
}

/* Every way of making a summary ends here: its total must be finite. */
re_status
re_mix_check_total(const re_mix *mix)
{
	return isfinite(re_mix_total(mix)) ? RE_OK : RE_OVERFLOW;
}

static re_status
mix_alloc(re_mix *mix, re_allocator alloc, uint32_t n)
{
	size_t		k = n > 0 ? n : 1;

	mix->n = n;
	mix->keys = alloc.alloc(alloc.ctx, k * sizeof(const char *));
	mix->lens = alloc.alloc(alloc.ctx, k * sizeof(uint32_t));
	mix->qty = alloc.alloc(alloc.ctx, k * sizeof(double));
	if (!mix->keys || !mix->lens || !mix->qty)
		return RE_ENOMEM;
	return RE_OK;
}

/* sort support: a permutation sorted by key */
typedef struct sort_item
{
	const char *key;
	uint32_t	len;
	uint32_t	rank;			/* summaries of states: the key's rank in its dictionary */
	double		qty;
} sort_item;

static int
cmp_item(const void *a, const void *b)
{
	const sort_item *x = a,
			   *y = b;

	return re_key_cmp(x->key, x->len, y->key, y->len);
}

/* Sort items by key (re_sort: interruptible, its buffer from alloc). */
static re_status
sort_items(sort_item *items, uint32_t n, re_allocator alloc)
{
	return re_sort(items, n, sizeof(sort_item), cmp_item, alloc);
}

/* The sorted items as the summary (its arrays from alloc). */
static re_status
copy_sorted(re_mix *mix, re_allocator alloc, const sort_item *items, uint32_t n,
			bool check_duplicates)
{
	re_status	err;

	if ((err = mix_alloc(mix, alloc, n)) != RE_OK)
		return err;
	for (uint32_t i = 0; i < n; i++)
	{
		re_check_interrupts(i);
		if (check_duplicates && i > 0 &&
			re_key_cmp(items[i - 1].key, items[i - 1].len,
					   items[i].key, items[i].len) == 0)
		{
			/* name the duplicate for the caller's error message */
			mix->keys[0] = items[i].key;
			mix->lens[0] = items[i].len;
			return RE_DUPLICATE_KEY;
		}
		mix->keys[i] = items[i].key;
		mix->lens[i] = items[i].len;
		mix->qty[i] = items[i].qty;
	}
	return RE_OK;
}

static re_status
finish_sorted(re_mix *mix, re_allocator alloc, sort_item *items, uint32_t n,
			  bool check_duplicates)
{
	re_status	err = sort_items(items, n, alloc);

	return err != RE_OK ? err : copy_sorted(mix, alloc, items, n, check_duplicates);
}

static int
cmp_rank(const void *a, const void *b)
{
	const sort_item *x = a,
			   *y = b;

	return (x->rank > y->rank) - (x->rank < y->rank);
}

/*
 * The canonical order of the dictionary's keys (by_rank), or NULL when it is
 * not at hand: the dictionary grew since it was computed and too few
 * summaries have been made since to pay for computing it again (a sort of
 * the whole dictionary, amortized over at least n / 16 summaries), or two
 * integer keys render alike.  Integer keys' text is rendered once here.
 */
static const uint32_t *
dict_order(re_keydict *d, re_key_render render)
{
	re_allocator a = d->alloc;
	uint32_t	n = d->n;
	sort_item  *items;

	if (d->kind == RE_KEY_INT && render == NULL)
		render = re_render_decimal;
	if (d->kind == RE_KEY_TEXT)
		render = NULL;
	if (render != d->ranked_render)
	{
		d->ranked_n = 0;		/* another text form: render anew */
		d->ranked_render = render;
	}
	if (n == 0)
		return NULL;
	if (d->ranked_n == n)
		return d->lossy ? NULL : d->by_rank;
	if (++d->stale_calls * 16 < n)
		return NULL;
	d->stale_calls = 0;
	if (n > d->ranked_cap)
	{
		uint32_t	cap = n + n / 2;

		if ((d->rank = grow_array(a, d->rank, 0, sizeof(uint32_t) * cap)) == NULL ||
			(d->by_rank = grow_array(a, d->by_rank, 0, sizeof(uint32_t) * cap)) == NULL ||
			(d->kind == RE_KEY_INT &&
			 ((d->rtext = grow_array(a, d->rtext, sizeof(char *) * d->ranked_n, sizeof(char *) * cap)) == NULL ||
			  (d->rlen = grow_array(a, d->rlen, sizeof(uint32_t) * d->ranked_n, sizeof(uint32_t) * cap)) == NULL)))
		{
			d->ranked_cap = 0;
			d->ranked_n = 0;
			return NULL;
		}
		d->ranked_cap = cap;
	}
	for (uint32_t id = d->ranked_n; d->kind == RE_KEY_INT && id < n; id++)
	{
		char		buf[64];
		uint32_t	len = render(d->ikeys[id], buf);

		re_check_interrupts(id);
		if ((d->rtext[id] = dict_copy(d, buf, len)) == NULL)
			return NULL;
		d->rlen[id] = len;
	}
	if ((items = a.alloc(a.ctx, sizeof(sort_item) * n)) == NULL)
		return NULL;
	for (uint32_t id = 0; id < n; id++)
	{
		re_check_interrupts(id);
		items[id].key = d->kind == RE_KEY_INT ? d->rtext[id] : d->skeys[id];
		items[id].len = d->kind == RE_KEY_INT ? d->rlen[id] : d->slens[id];
		items[id].rank = id;
	}
	if (sort_items(items, n, a) != RE_OK)
		return NULL;
	d->lossy = false;
	for (uint32_t r = 0; r < n; r++)
	{
		re_check_interrupts(r);
		d->by_rank[r] = items[r].rank;
		d->rank[items[r].rank] = r;
		if (r > 0 && re_key_cmp(items[r - 1].key, items[r - 1].len, items[r].key, items[r].len) == 0)
			d->lossy = true;
	}
	if (a.free)
		a.free(a.ctx, items);
	d->ranked_n = n;
	return d->lossy ? NULL : d->by_rank;
}

void
re_mix_acc_entries(const re_mix_acc *acc, uint32_t *ids, double *qty)
{
	uint32_t	n = 0;

	acc_settle(acc);
	ACC_FOREACH(acc, id, q, {
		double		v = re_ksum_value(q);

		ids[n] = id;
		qty[n] = v > 0 ? v : 0;
		n++;
	});
}

/* one entry of a state as an item: its text, rank (when ranked) and quantity */
static inline void
acc_item(const re_keydict *d, bool ranked, re_key_render render, uint32_t id,
		 const re_ksum *q, sort_item *item, char *name)
{
	if (d->kind == RE_KEY_TEXT)
	{
		item->key = d->skeys[id];
		item->len = d->slens[id];
	}
	else if (ranked)
	{
		item->key = d->rtext[id];
		item->len = d->rlen[id];
	}
	else
	{
		item->len = (render ? render : re_render_decimal) (d->ikeys[id], name);
		item->key = name;
	}
	item->rank = ranked ? d->rank[id] : 0;
	item->qty = re_ksum_value(q);
	/* compensation cannot make a sum of >= 0 terms negative; be safe, and fold -0 */
	if (!(item->qty > 0))
		item->qty = 0;
}

/*
 * The entries of a state as items sorted by key.  With the dictionary's
 * order at hand, a direct state is walked in that order and others are
 * sorted by rank; else integer keys are rendered into names (64 bytes for
 * each entry) and the items sorted by key.
 */
static re_status
acc_sorted_items(const re_mix_acc *acc, re_key_render render, sort_item *items, char *names,
				 re_allocator alloc)
{
	re_keydict *d = acc->dict;
	const uint32_t *order = dict_order(d, render);
	uint32_t	n = 0;

	acc_settle(acc);
	if (order != NULL && is_direct(acc->cap) && d->n <= 4 * (acc->cap & ~DIRECT))
	{
		uint32_t	size = acc->cap & ~DIRECT;

		for (uint32_t r = 0; r < d->n; r++)
		{
			uint32_t	id = order[r];

			if (id < size && direct_present(&acc_direct(acc)[id]))
				acc_item(d, true, render, id, &acc_direct(acc)[id], &items[n++], NULL);
			re_check_interrupts(r);
		}
		return RE_OK;
	}
	ACC_FOREACH(acc, id, q, {
		acc_item(d, order != NULL, render, id, q, &items[n], names ? names + (size_t) n * 64 : NULL);
		n++;
	});
	if (order == NULL)
		return sort_items(items, n, alloc);
	return re_sort(items, n, sizeof(sort_item), cmp_rank, alloc);
}

re_status
re_mix_from_acc(re_mix *mix, re_allocator alloc, const re_mix_acc *acc,
				re_key_render render)
{
	uint32_t	n = re_mix_acc_count(acc);	/* makes the additions that wait */
	sort_item  *items;
	char	   *names = NULL;
	re_status	err;

	items = alloc.alloc(alloc.ctx, sizeof(sort_item) * (n ? n : 1));
	if (items == NULL)
		return RE_ENOMEM;
	if (acc->dict->kind == RE_KEY_INT && n > 0)
	{
		names = alloc.alloc(alloc.ctx, (size_t) n * 64);
		if (names == NULL)
			return RE_ENOMEM;
	}
	if ((err = acc_sorted_items(acc, render, items, names, alloc)) != RE_OK)
		return err;
	/* distinct integer keys render to distinct text unless render is lossy */
	err = copy_sorted(mix, alloc, items, n, acc->dict->kind == RE_KEY_INT);
	if (alloc.free)
		alloc.free(alloc.ctx, items);
	return err != RE_OK ? err : re_mix_check_total(mix);
}

re_status
re_mix_from_state(re_mix *mix, re_allocator alloc, const re_mix_state *st,
				  re_key_render render)
{
	return re_mix_from_acc(mix, alloc, st->acc, render);
}

#define STACK_ITEMS 16

re_status
re_mix_acc_summary(const re_mix_acc *acc, re_allocator alloc, re_key_render render,
				   size_t prefix, size_t max_size, uint8_t **out, size_t *len)
{
	uint32_t	n = re_mix_acc_count(acc);	/* makes the additions that wait */
	bool		ints = acc->dict->kind == RE_KEY_INT;
	sort_item	stack_items[STACK_ITEMS];
	char		stack_names[STACK_ITEMS * 64];
	sort_item  *items = stack_items;
	char	   *names = stack_names;
	re_status	err = RE_OK;
	re_ksum		total = {0, 0};
	size_t		size = 1 + 4;
	uint8_t    *p;

	*out = NULL;
	if (n > STACK_ITEMS)
	{
		items = alloc.alloc(alloc.ctx, sizeof(sort_item) * n);
		names = ints ? alloc.alloc(alloc.ctx, (size_t) n * 64) : NULL;
		if (items == NULL || (ints && names == NULL))
			return RE_ENOMEM;
	}
	err = acc_sorted_items(acc, render, items, names, alloc);
	for (uint32_t i = 0; err == RE_OK && i < n; i++)
	{
		re_check_interrupts(i);
		/* distinct integer keys render to distinct text unless render is lossy */
		if (ints && i > 0 && re_key_cmp(items[i - 1].key, items[i - 1].len,
										items[i].key, items[i].len) == 0)
			err = RE_DUPLICATE_KEY;
		re_ksum_add(&total, items[i].qty);	/* in key order, as re_mix_check_total */
		size += 4 + (size_t) items[i].len + 8;
	}
	if (err == RE_OK && !isfinite(re_ksum_value(&total)))
		err = RE_OVERFLOW;
	if (err == RE_OK && (size > max_size || prefix > max_size - size))
		err = RE_TOO_LARGE;
	if (err == RE_OK && (*out = alloc.alloc(alloc.ctx, prefix + size)) == NULL)
		err = RE_ENOMEM;
	if (err == RE_OK)
	{
		p = re_put_u8(*out + prefix, RE_MIX_VERSION);
		p = re_put_u32(p, n);
		for (uint32_t i = 0; i < n; i++)
		{
			re_check_interrupts(i);
			p = re_put_u32(p, items[i].len);
			p = re_put_bytes(p, items[i].key, items[i].len);
			p = re_put_f64(p, items[i].qty);
		}
		*len = size;
	}
	if (items != stack_items && alloc.free)
	{
		alloc.free(alloc.ctx, items);
		if (names)
			alloc.free(alloc.ctx, names);
	}
	return err;
}

re_status
re_mix_from_pairs(re_mix *mix, re_allocator alloc, uint32_t n,
				  const char **keys, const uint32_t *lens, const double *qty)
{
	sort_item  *items;
	re_status	err;

	items = alloc.alloc(alloc.ctx, sizeof(sort_item) * (n ? n : 1));
	if (items == NULL)
		return RE_ENOMEM;
	for (uint32_t i = 0; i < n; i++)
	{
		re_check_interrupts(i);
		if ((err = re_mix_check_quantity(qty[i])) != RE_OK)
			return err;
		items[i].key = keys[i];
		items[i].len = lens[i];
		items[i].qty = re_plus_zero(qty[i]);
	}
	err = finish_sorted(mix, alloc, items, n, true);
	if (alloc.free)
		alloc.free(alloc.ctx, items);
	return err != RE_OK ? err : re_mix_check_total(mix);
}

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
	if ((err = mix_alloc(mix, alloc, n)) != RE_OK)
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

int64_t
re_mix_find(const re_mix *mix, const char *key, uint32_t len)
{
	uint32_t	lo = 0,
				hi = mix->n;

	while (lo < hi)
	{
		uint32_t	mid = lo + (hi - lo) / 2;
		int			c = re_key_cmp(mix->keys[mid], mix->lens[mid], key, len);

		if (c == 0)
			return mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* ---------------------------------------------------------------------- */
/* accessors                                                               */
/* ---------------------------------------------------------------------- */

double
re_mix_total(const re_mix *mix)
{
	re_ksum		k = {0, 0};

	for (uint32_t i = 0; i < mix->n; i++)
	{
		re_check_interrupts(i);
		re_ksum_add(&k, mix->qty[i]);
	}
	return re_ksum_value(&k);
}

uint32_t
re_mix_supplier_count(const re_mix *mix)
{
	uint32_t	c = 0;

	for (uint32_t i = 0; i < mix->n; i++)
	{
		re_check_interrupts(i);
		if (mix->qty[i] > 0)
			c++;
	}
	return c;
}

bool
re_mix_share(const re_mix *mix, const char *key, uint32_t len, double *out)
{
	double		total = re_mix_total(mix);
	int64_t		i;

	if (!(total > 0))
		return false;
	i = re_mix_find(mix, key, len);
	*out = i < 0 ? 0.0 : mix->qty[i] / total;
	return true;
}

/*
 * Herfindahl-Hirschman index H = sum of s_i^2 with s_i = q_i / total, as a
 * fraction 0..1 (US DOJ/FTC Horizontal Merger Guidelines: the sum of the
 * squares of the market shares, shares in percent, so 0..10,000).
 */
static bool
hhi_fraction(const re_mix *mix, double *out)
{
	double		total = re_mix_total(mix);
	re_ksum		k = {0, 0};
	double		h;

	if (!(total > 0))
		return false;
	for (uint32_t i = 0; i < mix->n; i++)
	{
		double		s = mix->qty[i] / total;

		re_check_interrupts(i);
		re_ksum_add(&k, s * s);
	}
	h = re_ksum_value(&k);
	*out = h > 1.0 ? 1.0 : h;	/* rounding must not leave 0..1 */
	return true;
}

bool
re_mix_hhi(const re_mix *mix, double *out)
{
	double		h;

	if (!hhi_fraction(mix, &h))
		return false;
	*out = h * 10000.0;
	return true;
}

/*
 * Normalized HHI H* = (H - 1/N) / (1 - 1/N), H on 0..1 and N the number of
 * suppliers with a positive quantity; 0 for equal shares, 1 for a monopoly.
 * Undefined for N < 2.
 */
bool
re_mix_hhi_normalized(const re_mix *mix, double *out)
{
	uint32_t	n = re_mix_supplier_count(mix);
	double		h,
				v;

	if (n < 2 || !hhi_fraction(mix, &h))
		return false;
	v = (h - 1.0 / n) / (1.0 - 1.0 / n);
	*out = v < 0 ? 0.0 : (v > 1 ? 1.0 : v);
	return true;
}

/* Numbers-equivalent of the HHI: 1 / H (H on 0..1). */
bool
re_mix_equivalent_suppliers(const re_mix *mix, double *out)
{
	double		h;

	if (!hhi_fraction(mix, &h) || !(h > 0))
		return false;
	*out = 1.0 / h;
	return true;
}

/* Shannon entropy -sum s_i ln s_i over s_i > 0, natural logarithm. */
bool
re_mix_entropy(const re_mix *mix, double *out)
{
	double		total = re_mix_total(mix);
	re_ksum		k = {0, 0};
	double		v;

	if (!(total > 0))
		return false;
	for (uint32_t i = 0; i < mix->n; i++)
	{
		double		s = mix->qty[i] / total;

		re_check_interrupts(i);
		if (s > 0)
			re_ksum_add(&k, -s * log(s));
	}
	v = re_ksum_value(&k);
	*out = v > 0 ? v : 0.0;		/* also turns -0.0 into 0 */
	return true;
}

/* ranking order: larger quantity first, then key ascending (= index order) */
static inline bool
ranks_before(const re_mix *mix, uint32_t a, uint32_t b)
{
	if (mix->qty[a] != mix->qty[b])
		return mix->qty[a] > mix->qty[b];
	return a < b;
}

static void
sift_down(const re_mix *mix, uint32_t *h, uint32_t root, uint32_t n)
{
	for (;;)
	{
		uint32_t	child = 2 * root + 1;
		uint32_t	t;

		if (child >= n)
			return;
		/* a max-heap on "ranks later", so the heap sort leaves rank order */
		if (child + 1 < n && ranks_before(mix, h[child], h[child + 1]))
			child++;
		if (!ranks_before(mix, h[root], h[child]))
			return;
		t = h[root];
		h[root] = h[child];
		h[child] = t;
		root = child;
	}
}

/*
 * Heap sort of the indexes in place: no allocation, O(n log n), and the
 * order is total (ties broken by key), so the result is deterministic.
 */
void
re_mix_rank(const re_mix *mix, uint32_t *order)
{
	uint32_t	n = mix->n;

	for (uint32_t i = 0; i < n; i++)
	{
		re_check_interrupts(i);
		order[i] = i;
	}
	if (n < 2)
		return;
	for (uint32_t i = n / 2; i-- > 0;)
	{
		re_check_interrupts(i);
		sift_down(mix, order, i, n);
	}
	for (uint32_t end = n - 1; end > 0; end--)
	{
		uint32_t	t = order[0];

		re_check_interrupts(end);
		order[0] = order[end];
		order[end] = t;
		sift_down(mix, order, 0, end);
	}
}

/*
 * Concentration ratio CR-n: the combined share of the n largest suppliers.
 * scratch holds mix->n indexes.
 */
bool
re_mix_cr(const re_mix *mix, uint32_t n, uint32_t *scratch, double *out)
{
	double		total = re_mix_total(mix);
	re_ksum		k = {0, 0};
	double		v;

	if (!(total > 0))
		return false;
	if (n >= mix->n)
	{
		*out = 1.0;
		return true;
	}
	re_mix_rank(mix, scratch);
	for (uint32_t i = 0; i < n; i++)
	{
		re_check_interrupts(i);
		re_ksum_add(&k, mix->qty[scratch[i]]);
	}
	v = re_ksum_value(&k) / total;
	*out = v > 1.0 ? 1.0 : v;
	return true;
}

int64_t
re_mix_dominant(const re_mix *mix)
{
	int64_t		best = -1;

	/* keys are sorted, so the first maximum is the smallest key among ties */
	for (uint32_t i = 0; i < mix->n; i++)
	{
		re_check_interrupts(i);
		if (mix->qty[i] > 0 && (best < 0 || mix->qty[i] > mix->qty[best]))
			best = i;
	}
	return best;
}

/*
 * The rest is summed supplier by supplier, not taken as total - largest: a
 * rest of 1 beside a largest of 1e17 would cancel to 0 (or to 16) by
 * subtraction.  The share is clamped to 1 against the rounding of the two
 * compensated sums.
 */
bool
re_mix_without_largest(const re_mix *mix, int64_t *largest, double *left, double *share_left)
{
	int64_t		top = re_mix_dominant(mix);
	double		total = re_mix_total(mix);
	re_ksum		rest = {0, 0};
	double		v;

	if (top < 0 || !(total > 0))
		return false;
	for (uint32_t i = 0; i < mix->n; i++)
	{
		re_check_interrupts(i);
		if ((int64_t) i != top)
			re_ksum_add(&rest, mix->qty[i]);
	}
	*largest = top;
	*left = re_plus_zero(re_ksum_value(&rest));
	v = *left / total;
	*share_left = v > 1.0 ? 1.0 : v;
	return true;
}

/*
 * A reported total (e.g. the World row of a trade or production table) may
 * not be below the mix's own total; a shortfall within 1e-12 relative is
 * treated as rounding and the reported total is taken as the mix total.
 */
static re_status
check_reported(double total, double *reported)
{
	if (!isfinite(*reported))
		return RE_NONFINITE;
	if (*reported < total)
	{
		if (*reported < total * (1.0 - 1e-12))
			return RE_OUT_OF_RANGE;
		*reported = total;
	}
	return RE_OK;
}

/* coverage = mix total / reported total */
re_status
re_mix_coverage(const re_mix *mix, double reported_total, bool *defined, double *out)
{
	double		total = re_mix_total(mix);
	re_status	err = check_reported(total, &reported_total);

	*defined = false;
	if (err != RE_OK)
		return err;
	if (reported_total > 0)
	{
		*out = total / reported_total;
		*defined = true;
	}
	return RE_OK;
}

/*
 * Bounds on the HHI when the mix covers only part of a reported total R:
 * shares s_i = q_i / R and the uncovered remainder r = (R - total) / R.
 *   lower = sum s_i^2          (remainder spread over infinitely many suppliers)
 *   upper = sum s_i^2 + r^2    (remainder held by one supplier)
 * both on the 0..10,000 scale.
 */
re_status
re_mix_hhi_bounds(const re_mix *mix, double reported_total, bool *defined,
				  double *lower, double *upper)
{
	double		total = re_mix_total(mix);
	re_status	err = check_reported(total, &reported_total);
	re_ksum		k = {0, 0};
	double		r,
				lo,
				hi;

	*defined = false;
	if (err != RE_OK)
		return err;
	if (!(reported_total > 0))
		return RE_OK;
	for (uint32_t i = 0; i < mix->n; i++)
	{
		double		s = mix->qty[i] / reported_total;

		re_check_interrupts(i);
		re_ksum_add(&k, s * s);
	}
	r = (reported_total - total) / reported_total;
	lo = re_ksum_value(&k);
	hi = lo + r * r;
	*lower = (lo > 1 ? 1.0 : lo) * 10000.0;
	*upper = (hi > 1 ? 1.0 : hi) * 10000.0;
	*defined = true;
	return RE_OK;
}

/*
 * Concentration bands of the US Horizontal Merger Guidelines:
 *  '1992' (DOJ/FTC 1992, s. 1.51): HHI below 1,000 unconcentrated; between
 *         1,000 and 1,800 moderately concentrated; above 1,800 highly
 *         concentrated.  1,000 and 1,800 themselves are "between", so both
 *         fall in the moderate band.
 *  '2010' (DOJ/FTC 2010, s. 5.3): below 1,500 unconcentrated; between 1,500
 *         and 2,500 moderately concentrated; above 2,500 highly concentrated.
 *         1,500 and 2,500 fall in the moderate band.
 *  '2023' (DOJ/FTC 2023 Merger Guidelines, Guideline 1): "greater than
 *         1,800" is highly concentrated; the guidelines define no other band,
 *         so 1,800 and below is 'not highly concentrated'.
 * *label is NULL for an unknown edition.
 */
re_status
re_concentration_class(double hhi, const char *guidelines, const char **label)
{
	*label = NULL;
	if (isnan(hhi) || isinf(hhi))
		return RE_NONFINITE;
	if (hhi < 0 || hhi > 10000.0)
		return RE_OUT_OF_RANGE;
	if (strcmp(guidelines, "2010") == 0)
		*label = hhi < 1500 ? "unconcentrated" :
			hhi <= 2500 ? "moderately concentrated" : "highly concentrated";
	else if (strcmp(guidelines, "1992") == 0)
		*label = hhi < 1000 ? "unconcentrated" :
			hhi <= 1800 ? "moderately concentrated" : "highly concentrated";
	else if (strcmp(guidelines, "2023") == 0)
		*label = hhi > 1800 ? "highly concentrated" : "not highly concentrated";
	return RE_OK;
}
