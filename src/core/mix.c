/*
 * mix.c — the supply mix: total quantity per supplier, and the share and
 * concentration measures computed from it.
 *
 * Two representations:
 *  - re_mix_state, the aggregate's transition state: an open-addressing hash
 *    table (linear probing, power-of-two capacity, at most 3/4 full) from
 *    supplier to a compensated sum.  Linear probing keeps one row's work to a
 *    hash, usually one cache line and an add; the table grows with distinct
 *    suppliers only.
 *  - re_mix, the finished summary: parallel arrays sorted by key.  Sorting
 *    makes the encoding canonical (equal mixes are equal bytes) and every
 *    accessor's arithmetic runs in the same order whatever order the rows
 *    arrived in, so results do not depend on plan shape.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rareearth_core.h"

#define INITIAL_CAPACITY 16
#define ARENA_BLOCK 8192

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

static inline uint64_t
nonzero(uint64_t h)
{
	return h ? h : 1;			/* 0 marks an empty slot */
}

static uint64_t
hash_bytes(const char *s, uint32_t len)
{
	uint64_t	h = UINT64_C(0x9e3779b97f4a7c15) ^ len;

	while (len >= 8)
	{
		uint64_t	w;

		memcpy(&w, s, 8);
		h = mix64(h ^ w);
		s += 8;
		len -= 8;
	}
	if (len > 0)
	{
		uint64_t	w = 0;

		memcpy(&w, s, len);
		h = mix64(h ^ w ^ ((uint64_t) len << 56));
	}
	return nonzero(mix64(h));
}

static inline uint64_t
hash_int(int64_t key)
{
	return nonzero(mix64((uint64_t) key ^ UINT64_C(0x2545f4914f6cdd1d)));
}

/* ---------------------------------------------------------------------- */
/* the transition state                                                    */
/* ---------------------------------------------------------------------- */

static re_status
check_quantity(double qty)
{
	if (isnan(qty) || isinf(qty))
		return RE_NONFINITE;
	if (qty < 0)
		return RE_NEGATIVE;
	return RE_OK;
}

re_status
re_mix_state_init(re_mix_state *st, re_allocator alloc, re_mix_keykind kind)
{
	memset(st, 0, sizeof(*st));
	st->alloc = alloc;
	st->kind = kind;
	st->capacity = INITIAL_CAPACITY;
	st->slots = alloc.alloc(alloc.ctx, sizeof(re_mix_entry) * INITIAL_CAPACITY);
	if (st->slots == NULL)
		return RE_ENOMEM;
	memset(st->slots, 0, sizeof(re_mix_entry) * INITIAL_CAPACITY);
	return RE_OK;
}

static re_status
grow(re_mix_state *st)
{
	uint32_t	newcap = st->capacity * 2;
	re_mix_entry *newslots;

	if (newcap == 0 || newcap > (UINT32_C(1) << 30))
		return RE_TOO_LARGE;
	newslots = st->alloc.alloc(st->alloc.ctx, sizeof(re_mix_entry) * newcap);
	if (newslots == NULL)
		return RE_ENOMEM;
	memset(newslots, 0, sizeof(re_mix_entry) * newcap);
	for (uint32_t i = 0; i < st->capacity; i++)
	{
		re_mix_entry *e = &st->slots[i];
		uint32_t	j;

		if (e->hash == 0)
			continue;
		j = (uint32_t) e->hash & (newcap - 1);
		while (newslots[j].hash != 0)
			j = (j + 1) & (newcap - 1);
		newslots[j] = *e;
	}
	if (st->alloc.free)
		st->alloc.free(st->alloc.ctx, st->slots);
	st->slots = newslots;
	st->capacity = newcap;
	return RE_OK;
}

static const char *
arena_copy(re_mix_state *st, const char *key, uint32_t len)
{
	char	   *p;

	if (len == 0)
		return "";				/* the empty supplier name needs no storage */
	if (len > st->arena_left)
	{
		size_t		blk = len > ARENA_BLOCK ? len : ARENA_BLOCK;

		st->arena = st->alloc.alloc(st->alloc.ctx, blk);
		if (st->arena == NULL)
			return NULL;
		st->arena_left = blk;
	}
	p = st->arena;
	memcpy(p, key, len);
	st->arena += len;
	st->arena_left -= len;
	return p;
}

/*
 * Find the slot for a key, inserting an empty entry when absent.  Returns
 * NULL on allocation failure (status in *err).
 */
static re_mix_entry *
lookup_text(re_mix_state *st, const char *key, uint32_t len, re_status *err)
{
	uint64_t	h = hash_bytes(key, len);
	uint32_t	mask = st->capacity - 1;
	uint32_t	i = (uint32_t) h & mask;

	for (;;)
	{
		re_mix_entry *e = &st->slots[i];

		if (e->hash == 0)
			break;
		if (e->hash == h && e->slen == len && memcmp(e->skey, key, len) == 0)
			return e;
		i = (i + 1) & mask;
	}
	if ((uint64_t) (st->nentries + 1) * 4 > (uint64_t) st->capacity * 3)
	{
		if ((*err = grow(st)) != RE_OK)
			return NULL;
		return lookup_text(st, key, len, err);
	}
	{
		re_mix_entry *e = &st->slots[i];
		const char *copy = arena_copy(st, key, len);

		if (copy == NULL)
		{
			*err = RE_ENOMEM;
			return NULL;
		}
		e->hash = h;
		e->skey = copy;
		e->slen = len;
		e->ikey = 0;
		e->qty.sum = 0;
		e->qty.comp = 0;
		st->nentries++;
		return e;
	}
}

static re_mix_entry *
lookup_int(re_mix_state *st, int64_t key, re_status *err)
{
	uint64_t	h = hash_int(key);
	uint32_t	mask = st->capacity - 1;
	uint32_t	i = (uint32_t) h & mask;

	for (;;)
	{
		re_mix_entry *e = &st->slots[i];

		if (e->hash == 0)
			break;
		if (e->ikey == key)
			return e;
		i = (i + 1) & mask;
	}
	if ((uint64_t) (st->nentries + 1) * 4 > (uint64_t) st->capacity * 3)
	{
		if ((*err = grow(st)) != RE_OK)
			return NULL;
		return lookup_int(st, key, err);
	}
	st->slots[i].hash = h;
	st->slots[i].ikey = key;
	st->slots[i].skey = NULL;
	st->slots[i].slen = 0;
	st->slots[i].qty.sum = 0;
	st->slots[i].qty.comp = 0;
	st->nentries++;
	return &st->slots[i];
}

/*
 * Add to a supplier's sum and to the state's total.  Quantities are >= 0, so
 * the total overflows whenever a supplier's sum does, and also when only
 * the suppliers together leave the range of double.
 */
static re_status
add_checked(re_mix_state *st, re_mix_entry *e, re_ksum q)
{
	re_status	err = re_ksum_add_checked(&e->qty, q);

	if (err != RE_OK)
		return err;
	return re_ksum_add_checked(&st->total, q);
}

re_status
re_mix_add_ksum_text(re_mix_state *st, const char *key, uint32_t len, re_ksum qty)
{
	re_status	err = RE_OK;
	re_mix_entry *e;

	e = lookup_text(st, key, len, &err);
	if (e == NULL)
		return err;
	return add_checked(st, e, qty);
}

re_status
re_mix_add_ksum_int(re_mix_state *st, int64_t key, re_ksum qty)
{
	re_status	err = RE_OK;
	re_mix_entry *e;

	e = lookup_int(st, key, &err);
	if (e == NULL)
		return err;
	return add_checked(st, e, qty);
}

re_status
re_mix_add_text(re_mix_state *st, const char *key, uint32_t len, double qty)
{
	re_status	err = check_quantity(qty);
	re_ksum		q = {qty, 0};

	if (err != RE_OK)
		return err;
	return re_mix_add_ksum_text(st, key, len, q);
}

re_status
re_mix_add_int(re_mix_state *st, int64_t key, double qty)
{
	re_status	err = check_quantity(qty);
	re_ksum		q = {qty, 0};

	if (err != RE_OK)
		return err;
	return re_mix_add_ksum_int(st, key, q);
}

re_status
re_mix_state_merge(re_mix_state *dst, const re_mix_state *src)
{
	if (dst->kind != src->kind)
		return RE_BAD_KIND;
	for (uint32_t i = 0; i < src->capacity; i++)
	{
		const re_mix_entry *e = &src->slots[i];
		re_status	err;

		if (e->hash == 0)
			continue;
		if (src->kind == RE_KEY_INT)
			err = re_mix_add_ksum_int(dst, e->ikey, e->qty);
		else
			err = re_mix_add_ksum_text(dst, e->skey, e->slen, e->qty);
		if (err != RE_OK)
			return err;
	}
	return RE_OK;
}

/* ---------------------------------------------------------------------- */
/* state serialization                                                     */
/* ---------------------------------------------------------------------- */

#define STATE_VERSION 1

size_t
re_mix_state_encoded_size(const re_mix_state *st)
{
	size_t		size = 1 + 1 + 4;

	for (uint32_t i = 0; i < st->capacity; i++)
	{
		const re_mix_entry *e = &st->slots[i];

		if (e->hash == 0)
			continue;
		size += (st->kind == RE_KEY_INT ? 8 : 4 + (size_t) e->slen) + 16;
	}
	return size;
}

void
re_mix_state_encode(const re_mix_state *st, uint8_t *out)
{
	out = re_put_u8(out, STATE_VERSION);
	out = re_put_u8(out, (uint8_t) st->kind);
	out = re_put_u32(out, st->nentries);
	for (uint32_t i = 0; i < st->capacity; i++)
	{
		const re_mix_entry *e = &st->slots[i];

		if (e->hash == 0)
			continue;
		if (st->kind == RE_KEY_INT)
			out = re_put_i64(out, e->ikey);
		else
		{
			out = re_put_u32(out, e->slen);
			out = re_put_bytes(out, e->skey, e->slen);
		}
		out = re_put_f64(out, e->qty.sum);
		out = re_put_f64(out, e->qty.comp);
	}
}

re_status
re_mix_state_decode(re_mix_state *st, re_allocator alloc,
					const uint8_t *buf, size_t len)
{
	re_reader	r = {buf, len, true};
	uint8_t		version = re_get_u8(&r);
	uint8_t		kind = re_get_u8(&r);
	uint32_t	n = re_get_u32(&r);
	re_status	err;

	if (!r.ok)
		return RE_TRUNCATED;
	if (version != STATE_VERSION)
		return RE_BAD_VERSION;
	if (kind != RE_KEY_TEXT && kind != RE_KEY_INT)
		return RE_BAD_KIND;
	/* every entry takes at least 20 bytes: refuse counts the input cannot hold */
	if ((uint64_t) n * 20 > r.left)
		return RE_TOO_LARGE;
	if ((err = re_mix_state_init(st, alloc, (re_mix_keykind) kind)) != RE_OK)
		return err;
	for (uint32_t i = 0; i < n; i++)
	{
		re_ksum		q;
		int64_t		ikey = 0;
		uint32_t	klen = 0;
		const uint8_t *kbytes = NULL;
		uint32_t	before = st->nentries;

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
		if (kind == RE_KEY_INT)
			err = re_mix_add_ksum_int(st, ikey, q);
		else
			err = re_mix_add_ksum_text(st, (const char *) kbytes, klen, q);
		if (err != RE_OK)
			return err;
		if (st->nentries == before)
			return RE_DUPLICATE_KEY;
	}
	if (r.left != 0)
		return RE_TRAILING;
	return RE_OK;
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
	double		qty;
} sort_item;

static int
cmp_item(const void *a, const void *b)
{
	const sort_item *x = a,
			   *y = b;

	return re_key_cmp(x->key, x->len, y->key, y->len);
}

static re_status
finish_sorted(re_mix *mix, re_allocator alloc, sort_item *items, uint32_t n,
			  bool check_duplicates)
{
	re_status	err;

	if (n > 1)
		qsort(items, n, sizeof(sort_item), cmp_item);
	if ((err = mix_alloc(mix, alloc, n)) != RE_OK)
		return err;
	for (uint32_t i = 0; i < n; i++)
	{
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

re_status
re_mix_from_state(re_mix *mix, re_allocator alloc, const re_mix_state *st,
				  re_key_render render)
{
	uint32_t	n = 0;
	sort_item  *items;
	char	   *names = NULL;
	re_status	err;

	items = alloc.alloc(alloc.ctx, sizeof(sort_item) * (st->nentries ? st->nentries : 1));
	if (items == NULL)
		return RE_ENOMEM;
	if (st->kind == RE_KEY_INT && st->nentries > 0)
	{
		names = alloc.alloc(alloc.ctx, (size_t) st->nentries * 64);
		if (names == NULL)
			return RE_ENOMEM;
	}
	for (uint32_t i = 0; i < st->capacity; i++)
	{
		const re_mix_entry *e = &st->slots[i];

		if (e->hash == 0)
			continue;
		if (st->kind == RE_KEY_INT)
		{
			char	   *buf = names + (size_t) n * 64;

			items[n].len = (render ? render : re_render_decimal) (e->ikey, buf);
			items[n].key = buf;
		}
		else
		{
			items[n].key = e->skey;
			items[n].len = e->slen;
		}
		items[n].qty = re_ksum_value(&e->qty);
		/* compensation cannot make a sum of >= 0 terms negative; be safe, and fold -0 */
		if (!(items[n].qty > 0))
			items[n].qty = 0;
		n++;
	}
	/* distinct integer keys render to distinct text unless render is lossy */
	err = finish_sorted(mix, alloc, items, n, st->kind == RE_KEY_INT);
	if (alloc.free)
		alloc.free(alloc.ctx, items);
	return err != RE_OK ? err : re_mix_check_total(mix);
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
		if ((err = check_quantity(qty[i])) != RE_OK)
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
		size += 4 + (size_t) mix->lens[i] + 8;
	return size;
}

void
re_mix_encode(const re_mix *mix, uint8_t *out)
{
	out = re_put_u8(out, RE_MIX_VERSION);
	out = re_put_u32(out, mix->n);
	for (uint32_t i = 0; i < mix->n; i++)
	{
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

		if (!r.ok)
			return RE_TRUNCATED;
		if ((err = check_quantity(q)) != RE_OK)
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
		re_ksum_add(&k, mix->qty[i]);
	return re_ksum_value(&k);
}

uint32_t
re_mix_supplier_count(const re_mix *mix)
{
	uint32_t	c = 0;

	for (uint32_t i = 0; i < mix->n; i++)
		if (mix->qty[i] > 0)
			c++;
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
		order[i] = i;
	if (n < 2)
		return;
	for (uint32_t i = n / 2; i-- > 0;)
		sift_down(mix, order, i, n);
	for (uint32_t end = n - 1; end > 0; end--)
	{
		uint32_t	t = order[0];

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
		re_ksum_add(&k, mix->qty[scratch[i]]);
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
		if (mix->qty[i] > 0 && (best < 0 || mix->qty[i] > mix->qty[best]))
			best = i;
	return best;
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
