/*
 * mix_deferred_ring.c — additions to large group states that wait in
 * the dictionary's ring of RING while their cache line is fetched
 * (re_mix_acc_add_deferred), and making them before a state is read.
 */
#include "mix_internal.h"

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

void
re_keydict_flush(re_keydict *d)
{
	while (d->ring_n > 0)
	{
		uint32_t	i = d->ring_first;

		ring_apply(d->ring[i].acc, d->ring[i].id, d->ring[i].qty);
		d->ring_first = (i + 1) % RING;
		d->ring_n--;
	}
}

void
re_keydict_forget_waiting(re_keydict *dict)
{
	dict->ring_n = 0;
	dict->ring_first = 0;
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
