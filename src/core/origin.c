/*
 * origin.c — trade networks and origin tracing.
 *
 * The method of record is Kastner, Kastner, Erb & Krausmann (2011),
 * "Tracing distant environmental impacts of agricultural products from a
 * consumer perspective", Ecological Economics 70(6) 1032-1040,
 * doi:10.1016/j.ecolecon.2011.01.012, the algebra of FABIO's re-export step
 * (Bruckner et al. 2019, Environ. Sci. Technol. 53(19) 11302):
 *
 *   x = p + Z'1 (supply), d = x - Z1 (use), O = diag(p) (diag(x) - Z)^-1 diag(d)
 *
 * O[i, j] is the quantity produced in i that is used in j, under
 * proportional pooling: a country's exports carry the origin mix of its
 * whole supply.  Write a[k, j] = Z[k, j] / x_k (the share of k's supply
 * exported to j) and s_j(i) = O[i, j] / d_j (the share of origin i in j's
 * supply); then x_j s_j(i) = p_j [i = j] + sum_k Z[k, j] s_k(i), which is
 * the formula read a row at a time.  Only countries that both import and
 * export feed back into that recurrence: a country without imports has
 * s_j(i) = [i = j], a pure importer's mix is the weighted mix of its
 * suppliers, computed once after the re-exporters.  The re-exporters are
 * solved by Gauss-Seidel sweeps, which converge because each row of a sums
 * to at most 1 (a country exports at most its supply) and a supply feeding
 * a use leaks out of every loop that reaches a use; a loop with no
 * production, no inflow and no use (goods circulating with no source) is
 * the singular part of diag(x) - Z, and its shares stay 0 from the start.
 *
 * Memory comes from the caller's allocator, sized by countries and flows.
 */
#include <float.h>
#include <stdlib.h>

#include "rareearth_core.h"

/* ---------------------------------------------------------------------- */
/* The summary: build, encode, decode                                      */
/* ---------------------------------------------------------------------- */

#define ROLE_IMPORTS 1
#define ROLE_EXPORTS 2
#define ROLE_REEXPORTS (ROLE_IMPORTS | ROLE_EXPORTS)

/* A Gauss-Seidel solve gives up after this many sweeps (RE_NOT_CONVERGED). */
#define MAX_SWEEPS 100000

static void *
alloc_array(re_allocator a, size_t count, size_t size)
{
	if (count > SIZE_MAX / size)
		return NULL;
	return a.alloc(a.ctx, count > 0 ? count * size : 1);
}

static bool
alloc_flows(re_tn *tn, re_allocator alloc, uint32_t m)
{
	tn->from = alloc_array(alloc, m, sizeof(uint32_t));
	tn->to = alloc_array(alloc, m, sizeof(uint32_t));
	tn->qty = alloc_array(alloc, m, sizeof(double));
	return tn->from != NULL && tn->to != NULL && tn->qty != NULL;
}

typedef struct name_ref
{
	const char *key;
	uint32_t	len;
	uint32_t	pos;			/* 2 x triple + side (0 exporter, 1 importer) */
} name_ref;

static int
name_cmp(const void *a, const void *b)
{
	const name_ref *x = a,
			   *y = b;
	int			c = re_key_cmp(x->key, x->len, y->key, y->len);

	return c != 0 ? c : (x->pos > y->pos) - (x->pos < y->pos);
}

typedef struct flow_ref
{
	uint32_t	from;
	uint32_t	to;
	uint32_t	triple;
	double		qty;
} flow_ref;

static int
flow_cmp(const void *a, const void *b)
{
	const flow_ref *x = a,
			   *y = b;

	if (x->from != y->from)
		return x->from < y->from ? -1 : 1;
	if (x->to != y->to)
		return x->to < y->to ? -1 : 1;
	return (x->triple > y->triple) - (x->triple < y->triple);
}

re_status
re_tn_from_triples(re_tn *tn, re_allocator alloc, uint32_t k,
				   const char *const *ex, const uint32_t *exlen,
				   const char *const *im, const uint32_t *imlen,
				   const double *qty, uint32_t *bad)
{
	name_ref   *names;
	uint32_t   *country;		/* per triple side */
	flow_ref   *flows;
	bool	   *has_production;
	uint32_t	n = 0,
				m = 0;
	re_status	sorted;

	memset(tn, 0, sizeof(*tn));
	for (uint32_t t = 0; t < k; t++)
	{
		re_status	st = re_mix_check_quantity(qty[t]);

		if (st != RE_OK)
		{
			*bad = t;
			return st;
		}
	}
	names = alloc_array(alloc, (size_t) k * 2, sizeof(name_ref));
	country = alloc_array(alloc, (size_t) k * 2, sizeof(uint32_t));
	flows = alloc_array(alloc, k, sizeof(flow_ref));
	if (names == NULL || country == NULL || flows == NULL)
		return RE_ENOMEM;
	for (uint32_t t = 0; t < k; t++)
	{
		names[2 * t] = (name_ref) {ex[t], exlen[t], 2 * t};
		names[2 * t + 1] = (name_ref) {im[t], imlen[t], 2 * t + 1};
	}
	/* re_sort, not qsort: it checks for interrupts and leaks nothing on a longjmp */
	sorted = re_sort(names, (size_t) k * 2, sizeof(name_ref), name_cmp, alloc);
	if (sorted != RE_OK)
		return sorted;
	tn->keys = alloc_array(alloc, (size_t) k * 2, sizeof(char *));
	tn->lens = alloc_array(alloc, (size_t) k * 2, sizeof(uint32_t));
	if (tn->keys == NULL || tn->lens == NULL)
		return RE_ENOMEM;
	for (size_t i = 0; i < (size_t) k * 2; i++)
	{
		if (n == 0 || re_key_cmp(tn->keys[n - 1], tn->lens[n - 1], names[i].key, names[i].len) != 0)
		{
			tn->keys[n] = names[i].key;
			tn->lens[n] = names[i].len;
			n++;
		}
		country[names[i].pos] = n - 1;
	}
	tn->n = n;
	tn->production = alloc_array(alloc, n, sizeof(double));
	has_production = alloc_array(alloc, n, sizeof(bool));
	if (tn->production == NULL || has_production == NULL)
		return RE_ENOMEM;
	memset(tn->production, 0, sizeof(double) * n);
	memset(has_production, 0, sizeof(bool) * n);
	for (uint32_t t = 0; t < k; t++)
	{
		uint32_t	i = country[2 * t],
					j = country[2 * t + 1];

		if (i == j)
		{
			if (has_production[i])
			{
				*bad = t;
				return RE_DUPLICATE_KEY;
			}
			has_production[i] = true;
			tn->production[i] = re_plus_zero(qty[t]);
		}
		else
			flows[m++] = (flow_ref) {i, j, t, qty[t]};
	}
	sorted = re_sort(flows, m, sizeof(flow_ref), flow_cmp, alloc);
	if (sorted != RE_OK)
		return sorted;
	if (!alloc_flows(tn, alloc, m))
		return RE_ENOMEM;
	for (uint32_t e = 0; e < m; e++)
	{
		if (e > 0 && flows[e].from == flows[e - 1].from && flows[e].to == flows[e - 1].to)
		{
			*bad = flows[e].triple;
			return RE_DUPLICATE_KEY;
		}
		tn->from[e] = flows[e].from;
		tn->to[e] = flows[e].to;
		tn->qty[e] = re_plus_zero(flows[e].qty);
	}
	tn->m = m;
	return RE_OK;
}

size_t
re_tn_encoded_size(const re_tn *tn)
{
	size_t		size = 1 + 4 + 4 + (size_t) tn->m * 16;

	for (uint32_t i = 0; i < tn->n; i++)
		size += 4 + (size_t) tn->lens[i] + 8;
	return size;
}

void
re_tn_encode(const re_tn *tn, uint8_t *out)
{
	out = re_put_u8(out, RE_TN_VERSION);
	out = re_put_u32(out, tn->n);
	for (uint32_t i = 0; i < tn->n; i++)
	{
		out = re_put_u32(out, tn->lens[i]);
		out = re_put_bytes(out, tn->keys[i], tn->lens[i]);
		out = re_put_f64(out, tn->production[i]);
	}
	out = re_put_u32(out, tn->m);
	for (uint32_t e = 0; e < tn->m; e++)
	{
		out = re_put_u32(out, tn->from[e]);
		out = re_put_u32(out, tn->to[e]);
		out = re_put_f64(out, tn->qty[e]);
	}
}

/* a finite quantity >= 0, -0 read as +0 */
static re_status
get_quantity(re_reader *r, double *out)
{
	double		v = re_get_f64(r);

	if (!r->ok)
		return RE_TRUNCATED;
	if (!isfinite(v))
		return RE_NONFINITE;
	if (v < 0)
		return RE_NEGATIVE;
	*out = re_plus_zero(v);
	return RE_OK;
}

re_status
re_tn_decode(re_tn *tn, re_allocator alloc, const uint8_t *buf, size_t len)
{
	re_reader	r = {buf, len, true};
	uint8_t		version = re_get_u8(&r);
	uint32_t	n,
				m;
	re_status	st;

	memset(tn, 0, sizeof(*tn));
	if (!r.ok)
		return RE_TRUNCATED;
	if (version != RE_TN_VERSION)
		return RE_BAD_VERSION;
	n = re_get_u32(&r);
	if (!r.ok)
		return RE_TRUNCATED;
	/* every country takes at least 12 bytes: a count beyond that is a lie */
	if (n > r.left / 12)
		return RE_TOO_LARGE;
	tn->keys = alloc_array(alloc, n, sizeof(char *));
	tn->lens = alloc_array(alloc, n, sizeof(uint32_t));
	tn->production = alloc_array(alloc, n, sizeof(double));
	if (tn->keys == NULL || tn->lens == NULL || tn->production == NULL)
		return RE_ENOMEM;
	for (uint32_t i = 0; i < n; i++)
	{
		uint32_t	klen = re_get_u32(&r);
		const uint8_t *key = re_get_bytes(&r, klen);

		if (!r.ok)
			return RE_TRUNCATED;
		tn->keys[i] = (const char *) key;
		tn->lens[i] = klen;
		if (i > 0)
		{
			int			c = re_key_cmp(tn->keys[i - 1], tn->lens[i - 1], tn->keys[i], klen);

			if (c == 0)
				return RE_DUPLICATE_KEY;
			if (c > 0)
				return RE_UNSORTED;
		}
		if ((st = get_quantity(&r, &tn->production[i])) != RE_OK)
			return st;
	}
	tn->n = n;
	m = re_get_u32(&r);
	if (!r.ok)
		return RE_TRUNCATED;
	if (m > r.left / 16)
		return RE_TOO_LARGE;
	if (!alloc_flows(tn, alloc, m))
		return RE_ENOMEM;
	for (uint32_t e = 0; e < m; e++)
	{
		uint32_t	i = re_get_u32(&r),
					j = re_get_u32(&r);

		if (!r.ok)
			return RE_TRUNCATED;
		if (i >= n || j >= n || i == j)
			return RE_OUT_OF_RANGE;
		if (e > 0 && (i < tn->from[e - 1] || (i == tn->from[e - 1] && j <= tn->to[e - 1])))
			return (i == tn->from[e - 1] && j == tn->to[e - 1]) ? RE_DUPLICATE_KEY : RE_UNSORTED;
		tn->from[e] = i;
		tn->to[e] = j;
		if ((st = get_quantity(&r, &tn->qty[e])) != RE_OK)
			return st;
	}
	tn->m = m;
	if (r.left != 0)
		return RE_TRAILING;
	return RE_OK;
}

int64_t
re_tn_find(const re_tn *tn, const char *key, uint32_t len)
{
	/* the countries are a supply_mix's keys: the same canonical order */
	re_mix		keys = {tn->n, tn->keys, tn->lens, NULL};

	return re_mix_find(&keys, key, len);
}

/* ---------------------------------------------------------------------- */
/* Solving                                                                 */
/* ---------------------------------------------------------------------- */

/*
 * y_j = (b_j + sum over j's incoming flows e of w_e y_from(e)) / den_j
 * (den NULL: 1; den_j = 0: y_j = 0) for every country with active[j]
 * (active NULL: all); other countries keep y_j as given.  Countries without
 * imports are set at once, re-exporters by Gauss-Seidel sweeps, pure
 * importers in one pass after them (nothing depends on them).
 *
 * Stopping: after a sweep whose largest relative change is delta, with r
 * the ratio to the previous sweep's (the contraction rate, estimated),
 * the remaining error is about delta r / (1 - r): stop when that is below
 * 1e-15, when nothing changed, or when the changes sit at rounding noise
 * (delta <= 1e-15 and no longer shrinking).
 */
/* the stopping rule above: delta this sweep's largest relative change, prev the last one's */
static bool
converged(double delta, double prev)
{
	double		r;

	if (delta == 0)
		return true;
	if (prev == 0)
		return false;
	r = delta / prev;
	if (r < 1)
		return delta * r / (1 - r) <= 1e-15;
	return delta <= 1e-15;
}

/* the right-hand side for country j at the current y */
static double
gs_value(const re_tn_solution *s, const double *b, const double *w, const double *den,
		 const double *y, uint32_t j)
{
	re_ksum		acc = {b[j], 0};
	double		v;

	for (uint32_t e = s->in_start[j]; e < s->in_start[j + 1]; e++)
		re_ksum_add(&acc, w[e] * y[s->in_from[e]]);
	v = re_ksum_value(&acc);
	if (den != NULL)
		v = den[j] > 0 ? v / den[j] : 0;
	return v;
}

static re_status
gs_solve(const re_tn_solution *s, const double *b, const double *w, const double *den,
		 const bool *active, double *y)
{
	uint32_t	n = s->n;
	bool		any_reexporter = false;
	double		prev = 0;

	for (uint32_t j = 0; j < n; j++)
	{
		if (active != NULL && !active[j])
			continue;
		y[j] = den == NULL ? b[j] : (den[j] > 0 ? b[j] / den[j] : 0);
		if (s->role[j] == ROLE_REEXPORTS)
			any_reexporter = true;
	}
	for (uint32_t pass = 0; any_reexporter; pass++)
	{
		double		delta = 0;

		if (pass == MAX_SWEEPS)
			return RE_NOT_CONVERGED;
		for (uint32_t j = 0; j < n; j++)
		{
			double		v;

			if (s->role[j] != ROLE_REEXPORTS || (active != NULL && !active[j]))
				continue;
			/* up to MAX_SWEEPS passes over a user-sized network */
			re_interrupt_tick();
			v = gs_value(s, b, w, den, y, j);
			if (v != y[j])
			{
				double		rel = v > 0 ? fabs(v - y[j]) / v : 1;

				if (rel > delta)
					delta = rel;
			}
			y[j] = v;
		}
		if (converged(delta, prev))
			break;
		prev = delta;
	}
	for (uint32_t j = 0; j < n; j++)
		if (s->role[j] == ROLE_IMPORTS && (active == NULL || active[j]))
			y[j] = gs_value(s, b, w, den, y, j);
	return RE_OK;
}

/*
 * Use of country k from its supply xk when the fraction mult of its
 * reported export shares still leaves: xk (1 - mult E_k / B_k), B_k =
 * max(reported supply, reported exports).  0 for an over-exporter at
 * mult 1, never negative.
 */
static double
use_of(const re_tn_solution *s, uint32_t k, double xk, double mult)
{
	double		b = s->share_base[k];
	double		u;

	if (b <= 0 || xk <= 0)
		return 0;
	u = xk - xk * (mult * s->reported_exports[k] / b);
	return u > 0 ? u : 0;
}

/*
 * The countries reached by at least one flow from a seed country (a seed
 * itself only through a loop back to it); NULL when out of memory.
 */
static bool *
downstream(const re_tn_solution *s, re_allocator alloc, const bool *seed)
{
	uint32_t	n = s->n;
	bool	   *reached = alloc_array(alloc, n, sizeof(bool));
	uint32_t   *queue = alloc_array(alloc, (size_t) n * 2, sizeof(uint32_t));	/* seeds, then each reached once */
	uint32_t   *out_start = alloc_array(alloc, (size_t) n + 1, sizeof(uint32_t));
	uint32_t   *out_to = alloc_array(alloc, s->m, sizeof(uint32_t));
	uint32_t	head = 0,
				tail = 0;

	if (reached == NULL || queue == NULL || out_start == NULL || out_to == NULL)
		return NULL;
	/* flows by exporter */
	memset(out_start, 0, sizeof(uint32_t) * ((size_t) n + 1));
	for (uint32_t e = 0; e < s->m; e++)
		out_start[s->in_from[e] + 1]++;
	for (uint32_t k = 0; k < n; k++)
		out_start[k + 1] += out_start[k];
	memcpy(queue, out_start, sizeof(uint32_t) * n);	/* fill positions */
	for (uint32_t j = 0; j < n; j++)
		for (uint32_t e = s->in_start[j]; e < s->in_start[j + 1]; e++)
			out_to[queue[s->in_from[e]]++] = j;
	memset(reached, 0, sizeof(bool) * n);
	for (uint32_t k = 0; k < n; k++)
		if (seed[k])
			queue[tail++] = k;
	while (head < tail)
	{
		uint32_t	k = queue[head++];

		for (uint32_t e = out_start[k]; e < out_start[k + 1]; e++)
			if (!reached[out_to[e]])
			{
				reached[out_to[e]] = true;
				queue[tail++] = out_to[e];
			}
	}
	return reached;
}

/*
 * Weights a[k, j] = Z[k, j] / B_k of the incoming flows, B_k = max(reported
 * supply, reported exports): the export shares held fixed; the cut
 * country's (n for none) times mult.  NULL when out of memory.
 */
static double *
fixed_share_weights(const re_tn_solution *s, re_allocator alloc, uint32_t cut_country, double mult)
{
	double	   *w = alloc_array(alloc, s->m, sizeof(double));

	if (w == NULL)
		return NULL;
	for (uint32_t e = 0; e < s->m; e++)
	{
		uint32_t	k = s->in_from[e];

		w[e] = s->in_qty[e] / s->share_base[k] * (k == cut_country ? mult : 1);
	}
	return w;
}

re_status
re_tn_solve(re_tn_solution *s, re_allocator alloc, uint32_t n, const double *p,
			uint32_t m, const uint32_t *from, const uint32_t *to, const double *qty)
{
	re_ksum    *imports,
			   *exports,
			   *own_use;
	uint32_t	kept = 0;

	memset(s, 0, sizeof(*s));
	s->n = n;
	s->production = p;
	for (uint32_t j = 0; j < n; j++)
	{
		re_status	st = re_mix_check_quantity(p[j]);

		if (st != RE_OK)
			return st;
	}
	s->supply = alloc_array(alloc, n, sizeof(double));
	s->use = alloc_array(alloc, n, sizeof(double));
	s->reported_exports = alloc_array(alloc, n, sizeof(double));
	s->exports = alloc_array(alloc, n, sizeof(double));
	s->share_base = alloc_array(alloc, n, sizeof(double));
	s->scale = alloc_array(alloc, n, sizeof(double));
	s->in_start = alloc_array(alloc, (size_t) n + 1, sizeof(uint32_t));
	s->role = alloc_array(alloc, n, sizeof(uint8_t));
	imports = alloc_array(alloc, n, sizeof(re_ksum));
	exports = alloc_array(alloc, n, sizeof(re_ksum));
	own_use = alloc_array(alloc, n, sizeof(re_ksum));
	if (s->supply == NULL || s->use == NULL || s->reported_exports == NULL ||
		s->exports == NULL || s->share_base == NULL || s->scale == NULL ||
		s->in_start == NULL || s->role == NULL || imports == NULL ||
		exports == NULL || own_use == NULL)
		return RE_ENOMEM;
	memset(s->in_start, 0, sizeof(uint32_t) * ((size_t) n + 1));
	memset(s->role, 0, n);
	memset(imports, 0, sizeof(re_ksum) * n);
	memset(exports, 0, sizeof(re_ksum) * n);

	/* keep real flows only: a self-flow adds to x_i and to exports_i alike */
	for (uint32_t e = 0; e < m; e++)
	{
		re_status	st;

		if (from[e] >= n || to[e] >= n)
			return RE_OUT_OF_RANGE;
		if ((st = re_mix_check_quantity(qty[e])) != RE_OK)
			return st;
		if (from[e] == to[e] || qty[e] == 0)
			continue;
		kept++;
		s->in_start[to[e] + 1]++;
		s->role[to[e]] |= ROLE_IMPORTS;
		s->role[from[e]] |= ROLE_EXPORTS;
		re_ksum_add(&imports[to[e]], qty[e]);
		re_ksum_add(&exports[from[e]], qty[e]);
	}
	s->m = kept;
	for (uint32_t j = 0; j < n; j++)
		s->in_start[j + 1] += s->in_start[j];
	s->in_from = alloc_array(alloc, kept, sizeof(uint32_t));
	s->in_qty = alloc_array(alloc, kept, sizeof(double));
	s->in_adj = alloc_array(alloc, kept, sizeof(double));
	if (s->in_from == NULL || s->in_qty == NULL || s->in_adj == NULL)
		return RE_ENOMEM;
	{
		uint32_t   *fill = alloc_array(alloc, n, sizeof(uint32_t));

		if (fill == NULL)
			return RE_ENOMEM;
		memcpy(fill, s->in_start, sizeof(uint32_t) * n);
		for (uint32_t e = 0; e < m; e++)
		{
			if (from[e] == to[e] || qty[e] == 0)
				continue;
			s->in_from[fill[to[e]]] = from[e];
			s->in_qty[fill[to[e]]] = qty[e];
			fill[to[e]]++;
		}
	}

	/* reported supply, exports and use; an over-exporter needs the solve */
	for (uint32_t j = 0; j < n; j++)
	{
		re_ksum		x = {p[j], 0};

		if (re_ksum_add_checked(&x, imports[j]) != RE_OK || !re_ksum_finite(&exports[j]))
			return RE_OVERFLOW;
		s->supply[j] = re_ksum_value(&x);
		s->reported_exports[j] = re_ksum_value(&exports[j]);
		s->share_base[j] = s->supply[j] > s->reported_exports[j] ? s->supply[j] : s->reported_exports[j];
		if (s->reported_exports[j] > s->supply[j])
			s->adjusted = true;
		/* d = p + imports - exports, compensated so integers stay exact */
		own_use[j] = x;
		re_ksum_add(&own_use[j], -exports[j].sum);
		re_ksum_add(&own_use[j], -exports[j].comp);
		s->scale[j] = 1;
	}
	for (uint32_t j = 0; j < n; j++)
	{
		double		u = re_ksum_value(&own_use[j]);

		s->use[j] = u > 0 ? u : 0;
		s->exports[j] = s->reported_exports[j];
	}
	if (s->adjusted)
	{
		/*
		 * x = p + a' x with a[k, j] = Z[k, j] / B_k: shares held fixed.
		 * Only countries downstream of an over-exporter are solved; the
		 * others keep their reported supply exactly.
		 */
		bool	   *seed = alloc_array(alloc, n, sizeof(bool));
		bool	   *reached;
		double	   *w;
		re_status	st;

		if (seed == NULL)
			return RE_ENOMEM;
		for (uint32_t j = 0; j < n; j++)
			seed[j] = s->reported_exports[j] > s->supply[j];
		if ((reached = downstream(s, alloc, seed)) == NULL ||
			(w = fixed_share_weights(s, alloc, n, 1)) == NULL)
			return RE_ENOMEM;
		if ((st = gs_solve(s, p, w, NULL, reached, s->supply)) != RE_OK)
			return st;
		for (uint32_t j = 0; j < n; j++)
		{
			double		b = s->share_base[j];

			if (!seed[j] && !reached[j])
				continue;
			s->scale[j] = b > 0 ? s->supply[j] / b : 0;
			if (s->scale[j] > 1)
				s->scale[j] = 1;
			s->exports[j] = s->reported_exports[j] * s->scale[j];
			s->use[j] = use_of(s, j, s->supply[j], 1);
		}
	}
	for (uint32_t e = 0; e < kept; e++)
		s->in_adj[e] = s->in_qty[e] * s->scale[s->in_from[e]];
	return RE_OK;
}

/*
 * The same recurrence for P right-hand sides at once, shares rather than
 * quantities: Y[j P + c] = (B[j P + c] + sum over j's incoming flows e of
 * in_adj[e] Y[from(e) P + c]) / x_j (x_j = 0: 0), row-major by country so
 * that a sweep reads each flow once for every right-hand side (a mineral's
 * producers, a chain's origins): one sweep costs m P multiply-adds, where
 * a solve per right-hand side walked the flows P times with compensated
 * sums.  The sweeps stop as gs_solve's, on the largest relative change.
 * Countries without
 * imports are set at once, pure importers in one pass after the sweeps.
 * P is a multiple of 4 (padded).
 */
/* acc[c] += w yk[c] for c < P, P a multiple of 4: four at a time, which compilers vectorize */
static inline void
add_scaled(double *restrict acc, double w, const double *restrict yk, uint32_t P)
{
	for (uint32_t c = 0; c < P; c += 4)
	{
		acc[c] += w * yk[c];
		acc[c + 1] += w * yk[c + 1];
		acc[c + 2] += w * yk[c + 2];
		acc[c + 3] += w * yk[c + 3];
	}
}

/* acc = B[j] + sum over j's incoming flows of in_adj[e] Y[from(e)] */
static inline void
inflow(const re_tn_solution *s, uint32_t P, const double *B, const double *Y, uint32_t j, double *acc)
{
	memcpy(acc, B + (size_t) j * P, sizeof(double) * P);
	for (uint32_t e = s->in_start[j]; e < s->in_start[j + 1]; e++)
	{
		/* a flow costs P multiply-adds: the tick per flow keeps a cancel
		 * prompt when P is large (a per-country tick waited seconds) */
		re_interrupt_tick();
		add_scaled(acc, s->in_adj[e], Y + (size_t) s->in_from[e] * P, P);
	}
}

static re_status
multi_solve(const re_tn_solution *s, re_allocator alloc, uint32_t P, const double *B, double *Y)
{
	uint32_t	n = s->n;
	double	   *acc = alloc_array(alloc, P, sizeof(double));
	bool		any_reexporter = false;
	double		prev = 0;

	if (acc == NULL)
		return RE_ENOMEM;
	for (uint32_t j = 0; j < n; j++)
	{
		double		x = s->supply[j];

		re_interrupt_tick();
		for (uint32_t c = 0; c < P; c++)
			Y[(size_t) j * P + c] = x > 0 ? B[(size_t) j * P + c] / x : 0;
		any_reexporter = any_reexporter || s->role[j] == ROLE_REEXPORTS;
	}
	for (uint32_t pass = 0; any_reexporter; pass++)
	{
		double		delta = 0;

		if (pass == MAX_SWEEPS)
			return RE_NOT_CONVERGED;
		for (uint32_t j = 0; j < n; j++)
		{
			double	   *y = Y + (size_t) j * P;
			double		inv;

			if (s->role[j] != ROLE_REEXPORTS)
				continue;
			/* up to MAX_SWEEPS passes over a user-sized network */
			re_interrupt_tick();
			inflow(s, P, B, Y, j, acc);
			/* 1 / x overflows for a subnormal x (0 * inf = NaN): divide there */
			inv = s->supply[j] >= DBL_MIN ? 1 / s->supply[j] : 0;
			for (uint32_t c = 0; c < P; c++)
			{
				double		v = inv > 0 ? acc[c] * inv : s->supply[j] > 0 ? acc[c] / s->supply[j] : 0;
				double		change = fabs(v - y[c]);

				/* diverging (rounding near the smallest doubles can push the
				 * adjusted exports past supply): no finite answer, never inf or NaN */
				if (!isfinite(v))
					return RE_NOT_CONVERGED;

				/* relative: a share still growing from nearly 0 is not converged */
				if (change > delta * v)
					delta = v > 0 ? change / v : 1;
				y[c] = v;
			}
		}
		if (converged(delta, prev))
			break;
		prev = delta;
	}
	for (uint32_t j = 0; j < n; j++)
	{
		double	   *y = Y + (size_t) j * P;
		double		x = s->supply[j];

		if (s->role[j] != ROLE_IMPORTS)
			continue;
		re_interrupt_tick();
		inflow(s, P, B, Y, j, acc);
		for (uint32_t c = 0; c < P; c++)
		{
			y[c] = x > 0 ? acc[c] / x : 0;
			if (!isfinite(y[c]))
				return RE_NOT_CONVERGED;
		}
	}
	if (alloc.free)
		alloc.free(alloc.ctx, acc);
	return RE_OK;
}

/* right-hand sides padded to a multiple of 4 (add_scaled), the padding 0 */
static inline uint32_t
padded(uint32_t count)
{
	return (count + 3) & ~UINT32_C(3);
}

re_status
re_tn_origin_rows(const re_tn_solution *s, re_allocator alloc, uint32_t count,
				  const uint32_t *origins, double *out)
{
	uint32_t	n = s->n;
	uint32_t	P = padded(count);
	size_t		cells = (size_t) n * P;
	double	   *B,
			   *Y;
	re_status	st;

	for (uint32_t r = 0; r < count; r++)
		if (origins[r] >= n)
			return RE_OUT_OF_RANGE;
	if (count == 0 || n == 0)
		return RE_OK;
	if (count > UINT32_MAX - 3 || cells / n != P)
		return RE_TOO_LARGE;
	B = alloc_array(alloc, cells, sizeof(double));
	Y = alloc_array(alloc, cells, sizeof(double));
	if (B == NULL || Y == NULL)
		return RE_ENOMEM;
	memset(B, 0, sizeof(double) * cells);
	for (uint32_t r = 0; r < count; r++)
		B[(size_t) origins[r] * P + r] = s->production[origins[r]];
	if ((st = multi_solve(s, alloc, P, B, Y)) != RE_OK)
		return st;
	/* O[origin, j] = share of origin in j's supply times j's use */
	for (uint32_t j = 0; j < n; j++)
	{
		re_interrupt_tick();
		for (uint32_t r = 0; r < count; r++)
			out[(size_t) r * n + j] = re_plus_zero(Y[(size_t) j * P + r] * s->use[j]);
	}
	if (alloc.free)
	{
		alloc.free(alloc.ctx, B);
		alloc.free(alloc.ctx, Y);
	}
	return RE_OK;
}

re_status
re_tn_origin_row(const re_tn_solution *s, re_allocator alloc, uint32_t origin, double *out)
{
	if (origin >= s->n)
		return RE_OUT_OF_RANGE;
	return re_tn_origin_rows(s, alloc, 1, &origin, out);
}

/*
 * A row per producing country (a mineral has few producers, many users),
 * solved RE_TN_ROWS_BLOCK cells at a time: memory linear in the network.
 */
re_status
re_tn_origin_column(const re_tn_solution *s, re_allocator alloc, uint32_t j, double *out)
{
	uint32_t	n = s->n;
	uint32_t	block = re_tn_rows_block(n);
	uint32_t   *origins;
	double	   *rows;

	if (j >= n)
		return RE_OUT_OF_RANGE;
	memset(out, 0, sizeof(double) * n);
	if (s->use[j] == 0)
		return RE_OK;
	origins = alloc_array(alloc, block, sizeof(uint32_t));
	rows = alloc_array(alloc, (size_t) block * n, sizeof(double));
	if (origins == NULL || rows == NULL)
		return RE_ENOMEM;
	for (uint32_t i = 0; i < n;)
	{
		uint32_t	count = 0;
		re_status	st;

		for (; i < n && count < block; i++)
			if (s->production[i] > 0)
				origins[count++] = i;
		if ((st = re_tn_origin_rows(s, alloc, count, origins, rows)) != RE_OK)
			return st;
		for (uint32_t r = 0; r < count; r++)
			out[origins[r]] = rows[(size_t) r * n + j];
	}
	return RE_OK;
}

uint32_t
re_tn_rows_block(uint32_t n)
{
	uint32_t	block = n > 0 ? RE_TN_ROWS_CELLS / n : 1;

	return block > 0 ? block : 1;
}

void
re_tn_direct_column(const re_tn_solution *s, uint32_t j, double *out)
{
	double		x = s->supply[j];
	double		f = x > 0 ? s->use[j] / x : 0;

	memset(out, 0, sizeof(double) * s->n);
	if (f == 0)
		return;
	out[j] = s->production[j] * f;
	for (uint32_t e = s->in_start[j]; e < s->in_start[j + 1]; e++)
		out[s->in_from[e]] += s->in_adj[e] * f;
}

re_status
re_tn_disruption(const re_tn_solution *s, re_allocator alloc, uint32_t supplier,
				 double cut, double *use_after, double *direct_shortfall)
{
	re_status	st;

	if (supplier >= s->n)
		return RE_OUT_OF_RANGE;
	/*
	 * x' = p + a' x' with the supplier's shares times (1 - cut); only
	 * countries downstream of the supplier change: the others keep their
	 * supply and use bit for bit, so their shortfall is exactly 0.
	 */
	if ((st = re_tn_resolve(s, alloc, s->production, supplier, cut, use_after)) != RE_OK)
		return st;
	for (uint32_t j = 0; j < s->n; j++)
	{
		re_interrupt_tick();
		direct_shortfall[j] = 0;
		for (uint32_t e = s->in_start[j]; e < s->in_start[j + 1]; e++)
			if (s->in_from[e] == supplier)
				direct_shortfall[j] += cut * s->in_adj[e];
	}
	direct_shortfall[supplier] = re_plus_zero(-cut * s->exports[supplier]);
	return RE_OK;
}

/* ---------------------------------------------------------------------- */
/* Re-solving with new production; stages chained                         */
/* ---------------------------------------------------------------------- */

re_status
re_tn_resolve(const re_tn_solution *s, re_allocator alloc, const double *p_new,
			  uint32_t supplier, double cut, double *use_after)
{
	uint32_t	n = s->n;
	double	   *w,
			   *x;
	bool	   *seed,
			   *active;
	re_status	st;

	if (supplier > n || !(cut >= 0 && cut <= 1))
		return RE_OUT_OF_RANGE;
	for (uint32_t j = 0; j < n; j++)
		if ((st = re_mix_check_quantity(p_new[j])) != RE_OK)
			return st;
	x = alloc_array(alloc, n, sizeof(double));
	seed = alloc_array(alloc, n, sizeof(bool));
	if (x == NULL || seed == NULL)
		return RE_ENOMEM;
	/* the countries whose production changed, and the supplier, start the change */
	for (uint32_t j = 0; j < n; j++)
	{
		re_interrupt_tick();
		seed[j] = p_new[j] != s->production[j] || j == supplier;
	}
	if ((active = downstream(s, alloc, seed)) == NULL ||
		(w = fixed_share_weights(s, alloc, supplier, 1 - cut)) == NULL)
		return RE_ENOMEM;
	/* a changed producer is solved again; the supplier only if a loop reaches it */
	for (uint32_t j = 0; j < n; j++)
		if (p_new[j] != s->production[j])
			active[j] = true;
	memcpy(x, s->supply, sizeof(double) * n);
	if ((st = gs_solve(s, p_new, w, NULL, active, x)) != RE_OK)
		return st;
	for (uint32_t j = 0; j < n; j++)
	{
		re_interrupt_tick();
		if (j == supplier)
			use_after[j] = use_of(s, j, x[j], 1 - cut);
		else if (active[j])
			use_after[j] = use_of(s, j, x[j], 1);
		else
			use_after[j] = s->use[j];
	}
	return RE_OK;
}

/*
 * Where stage st's country q gets its input: its index r in stage st - 1
 * when it used something there (d_{st-1}[r] > 0), else -1 (its production
 * has no earlier stage in the data and is its own origin).
 */
static int64_t
input_country(const re_tn *tn, const re_tn_solution *s, uint32_t st, uint32_t q)
{
	int64_t		r;

	if (st == 0)
		return -1;
	r = re_tn_find(&tn[st - 1], tn[st].keys[q], tn[st].lens[q]);
	return (r >= 0 && s[st - 1].use[r] > 0) ? r : -1;
}

re_status
re_tn_chain_trace(re_tn_chain *c, re_allocator alloc, uint32_t k,
				  const re_tn *tn, const re_tn_solution *s)
{
	name_ref   *refs;
	size_t		total = 0;
	double	   *prev = NULL,
			   *cur = NULL,
			   *B,
			   *Y;
	uint32_t	P;
	int64_t    *input,
			   *self;
	re_mix		origins;
	re_status	st;

	memset(c, 0, sizeof(*c));
	if (k == 0)
		return RE_OUT_OF_RANGE;
	/* the candidate origins: every stage's producers, one per country name */
	for (uint32_t t = 0; t < k; t++)
		for (uint32_t i = 0; i < tn[t].n; i++)
		{
			re_interrupt_tick();
			total += tn[t].production[i] > 0;
		}
	if (total > UINT32_MAX / 2)
		return RE_TOO_LARGE;
	refs = alloc_array(alloc, total, sizeof(name_ref));
	c->keys = alloc_array(alloc, total, sizeof(char *));
	c->lens = alloc_array(alloc, total, sizeof(uint32_t));
	if (refs == NULL || c->keys == NULL || c->lens == NULL)
		return RE_ENOMEM;
	total = 0;
	for (uint32_t t = 0; t < k; t++)
		for (uint32_t i = 0; i < tn[t].n; i++)
			if (tn[t].production[i] > 0)
			{
				refs[total] = (name_ref) {tn[t].keys[i], tn[t].lens[i], (uint32_t) total};
				total++;
			}
	if ((st = re_sort(refs, total, sizeof(name_ref), name_cmp, alloc)) != RE_OK)
		return st;
	for (size_t i = 0; i < total; i++)
	{
		re_interrupt_tick();
		if (c->norigins == 0 ||
			re_key_cmp(c->keys[c->norigins - 1], c->lens[c->norigins - 1], refs[i].key, refs[i].len) != 0)
		{
			c->keys[c->norigins] = refs[i].key;
			c->lens[c->norigins] = refs[i].len;
			c->norigins++;
		}
	}
	origins = (re_mix) {c->norigins, c->keys, c->lens, NULL};

	/*
	 * Stage by stage, row o of cur is the share of origin o in each
	 * country's supply (= its use, pooled): solved as one row of O whose
	 * source is b[q] = p[q] times the share of o in q's input from the
	 * stage before, or p[q] itself for q = o when q's production has no
	 * earlier stage.  mine_origin[m, j] = sum_q (O_{s-1}[m, q] / d_{s-1}[q])
	 * O_s[q, j] is that row times d_j.  All origins share one set of sweeps.
	 */
	for (uint32_t t = 0; t < k; t++)
	{
		uint32_t	n = tn[t].n;
		size_t		cells = (size_t) c->norigins * n;

		if (n > 0 && cells / n != c->norigins)
			return RE_TOO_LARGE;
		cur = alloc_array(alloc, cells, sizeof(double));
		input = alloc_array(alloc, n, sizeof(int64_t));
		self = alloc_array(alloc, n, sizeof(int64_t));
		if (cur == NULL || input == NULL || self == NULL)
			return RE_ENOMEM;
		for (uint32_t q = 0; q < n; q++)
		{
			re_interrupt_tick();
			input[q] = input_country(tn, s, t, q);
			self[q] = (tn[t].production[q] > 0 && input[q] < 0) ?
				re_mix_find(&origins, tn[t].keys[q], tn[t].lens[q]) : -1;
		}
		/* every origin's source, B[q P + o], solved in one set of sweeps */
		P = padded(c->norigins);
		if (c->norigins > UINT32_MAX - 3 || (n > 0 && ((size_t) n * P) / n != P))
			return RE_TOO_LARGE;
		B = alloc_array(alloc, (size_t) n * P, sizeof(double));
		Y = alloc_array(alloc, (size_t) n * P, sizeof(double));
		if (B == NULL || Y == NULL)
			return RE_ENOMEM;
		memset(B, 0, sizeof(double) * ((size_t) n * P));
		for (uint32_t q = 0; q < n; q++)
			for (uint32_t o = 0; o < c->norigins; o++)
			{
				double		v = 0;

				re_interrupt_tick();
				if (tn[t].production[q] > 0)
				{
					if (input[q] >= 0)
						v = prev[(size_t) o * tn[t - 1].n + (size_t) input[q]] * tn[t].production[q];
					else if (self[q] == (int64_t) o)
						v = tn[t].production[q];
				}
				B[(size_t) q * P + o] = v;
			}
		if ((st = multi_solve(&s[t], alloc, P, B, Y)) != RE_OK)
			return st;
		for (uint32_t o = 0; o < c->norigins; o++)
			for (uint32_t j = 0; j < n; j++)
			{
				re_interrupt_tick();
				cur[(size_t) o * n + j] = Y[(size_t) j * P + o];
			}
		prev = cur;
	}
	c->n = tn[k - 1].n;
	c->quantity = cur;
	for (uint32_t o = 0; o < c->norigins; o++)
		for (uint32_t j = 0; j < c->n; j++)
		{
			double	   *v = &cur[(size_t) o * c->n + j];

			re_interrupt_tick();
			*v = re_plus_zero(*v * s[k - 1].use[j]);
		}
	return RE_OK;
}

re_status
re_tn_chain_disruption(re_allocator alloc, uint32_t k, const re_tn *tn, const re_tn_solution *s,
					   const char *supplier, uint32_t supplier_len, double cut, double *use_after)
{
	double	   *after = NULL;
	re_status	st;

	if (k == 0 || !(cut >= 0 && cut <= 1))
		return RE_OUT_OF_RANGE;
	for (uint32_t t = 0; t < k; t++)
	{
		uint32_t	n = tn[t].n;
		double	   *p = alloc_array(alloc, n, sizeof(double));
		double	   *out = t == k - 1 ? use_after : alloc_array(alloc, n, sizeof(double));
		uint32_t	cut_at = n;

		if (p == NULL || out == NULL)
			return RE_ENOMEM;
		for (uint32_t q = 0; q < n; q++)
		{
			int64_t		r = input_country(tn, s, t, q);
			double		ratio = 1;

			re_interrupt_tick();
			/* fixed input per output; a larger input does not raise output (capacity) */
			if (r >= 0 && after[r] < s[t - 1].use[r])
				ratio = after[r] / s[t - 1].use[r];
			p[q] = re_plus_zero(tn[t].production[q] * ratio);
		}
		if (t == 0)
		{
			int64_t		i = re_tn_find(&tn[0], supplier, supplier_len);

			cut_at = i >= 0 ? (uint32_t) i : n;
		}
		if ((st = re_tn_resolve(&s[t], alloc, p, cut_at, t == 0 ? cut : 0, out)) != RE_OK)
			return st;
		after = out;
	}
	return RE_OK;
}
