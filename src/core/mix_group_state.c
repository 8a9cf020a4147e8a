/*
 * mix_group_state.c — a group's state of the supply_mix aggregate
 * (re_mix_acc): supplier id -> compensated sum in one of three layouts
 * (mix_internal.h), growing from one to the next as suppliers arrive;
 * adding, reserving room, merging.
 */
#include "mix_internal.h"

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
