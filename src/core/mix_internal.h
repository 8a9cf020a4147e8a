/*
 * mix_internal.h — the supply mix's private declarations, shared by its core
 * files (src/core/mix_*.c) and included by nothing else: the layouts of the
 * key dictionary and of a group's state.  The interface is rareearth_core.h.
 *
 * The supply mix: total quantity per supplier, and the share and
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
 *
 * The files, one concept each:
 *   mix_keydict.c          the key dictionary (supplier key -> id, per query)
 *   mix_group_state.c      a group's state (re_mix_acc): three layouts, add, merge
 *   mix_deferred_ring.c    additions that wait for their cache line
 *   mix_state_codec.c      a group state's binary form (serial/deserial, combine)
 *   mix_standalone_state.c a state with its own dictionary (re_mix_state)
 *   mix_summary.c          the summary (re_mix) in canonical order, built from a state or pairs
 *   mix_summary_codec.c    the summary's binary form
 *   mix_measures.c         shares and concentration measures of a summary
 */
#ifndef MIX_INTERNAL_H
#define MIX_INTERNAL_H

#include <float.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "rareearth_core.h"

/* ---------------------------------------------------------------------- */
/* the key dictionary                                                      */
/* ---------------------------------------------------------------------- */

#define RING 16				/* additions that wait (mix_deferred_ring.c) */

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
	}			ring[RING];
};

static inline void *
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

/* A copy of a text key that lives as long as the dictionary. */
const char *re_keydict_copy(re_keydict *d, const char *key, uint32_t len);
/* Make every addition waiting in the dictionary's ring. */
void		re_keydict_flush(re_keydict *d);

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

/* ids in a group's table: a multiplicative hash spreads consecutive ids */
static inline uint32_t
hash_id(uint32_t id)
{
	return id * UINT32_C(0x9e3779b1);
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
 * Make the additions waiting for states of a's dictionary: a's value does
 * not change, only where its parts are, so readers given a const state
 * settle it too.
 */
static inline void
acc_settle(const re_mix_acc *ca)
{
	if (ca->dict->ring_n > 0)
		re_keydict_flush(ca->dict);
}

/* The summary's arrays for n suppliers, from alloc (mix_summary.c). */
re_status	re_mix_alloc(re_mix *mix, re_allocator alloc, uint32_t n);

#endif							/* MIX_INTERNAL_H */
