/*
 * mix_summary.c — the finished supply mix (re_mix): suppliers in
 * canonical key order, built from a group's state, a state with its own
 * dictionary or (key, quantity) pairs; and the canonical order itself.
 */
#include "mix_internal.h"

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

re_status
re_mix_alloc(re_mix *mix, re_allocator alloc, uint32_t n)
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

	if ((err = re_mix_alloc(mix, alloc, n)) != RE_OK)
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
		if ((d->rtext[id] = re_keydict_copy(d, buf, len)) == NULL)
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
