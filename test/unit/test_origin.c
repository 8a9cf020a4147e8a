/*
 * test_origin.c — unit tests of src/core/origin.c: the trade network's
 * summary and binary form, origin tracing O = diag(p) (diag(x) - Z)^-1
 * diag(d) (Kastner et al. 2011) on the worked examples (a transit hub, a cycle, an ore/oxide chain), the
 * imbalance rule, disruption what-ifs and the row/column invariants.
 */
#include <math.h>
#include <string.h>

#include "unit.h"

#define TOL 1e-12

/* a network given as (exporter, importer, quantity); exporter = importer is production */
typedef struct triple
{
	const char *ex;
	const char *im;
	double		q;
} triple;

static re_tn
network(const triple *t, uint32_t k)
{
	re_allocator a = unit_allocator(&pool);
	const char **ex = unit_alloc(&pool, sizeof(char *) * (k + 1));
	const char **im = unit_alloc(&pool, sizeof(char *) * (k + 1));
	uint32_t   *exlen = unit_alloc(&pool, sizeof(uint32_t) * (k + 1));
	uint32_t   *imlen = unit_alloc(&pool, sizeof(uint32_t) * (k + 1));
	double	   *q = unit_alloc(&pool, sizeof(double) * (k + 1));
	uint32_t	bad = 0;
	re_tn		tn;

	for (uint32_t i = 0; i < k; i++)
	{
		ex[i] = t[i].ex;
		im[i] = t[i].im;
		exlen[i] = strlen(t[i].ex);
		imlen[i] = strlen(t[i].im);
		q[i] = t[i].q;
	}
	assert_int_equal(re_tn_from_triples(&tn, a, k, ex, exlen, im, imlen, q, &bad), RE_OK);
	return tn;
}

static re_tn_solution
solve(const re_tn *tn)
{
	re_tn_solution s;

	assert_int_equal(re_tn_solve(&s, unit_allocator(&pool), tn->n, tn->production,
								 tn->m, tn->from, tn->to, tn->qty), RE_OK);
	return s;
}

static uint32_t
idx(const re_tn *tn, const char *key)
{
	int64_t		i = re_tn_find(tn, key, strlen(key));

	assert_true(i >= 0);
	return (uint32_t) i;
}

/* O[origin, dest] through the row and through the column */
static double
traced(const re_tn *tn, const re_tn_solution *s, const char *origin, const char *dest)
{
	double	   *row = unit_alloc(&pool, sizeof(double) * tn->n);
	double	   *col = unit_alloc(&pool, sizeof(double) * tn->n);
	uint32_t	i = idx(tn, origin),
				j = idx(tn, dest);

	assert_int_equal(re_tn_origin_row(s, unit_allocator(&pool), i, row), RE_OK);
	assert_int_equal(re_tn_origin_column(s, unit_allocator(&pool), j, col), RE_OK);
	assert_close(row[j], col[i], TOL * (1 + fabs(row[j])));
	return row[j];
}

/* rows of O sum to p, columns to d; nothing negative or non-finite */
static void
check_invariants(const re_tn_solution *s, double tol)
{
	re_allocator a = unit_allocator(&pool);
	double	   *row = unit_alloc(&pool, sizeof(double) * (s->n + 1));
	double	   *colsum = unit_alloc(&pool, sizeof(double) * (s->n + 1));
	double		scale = 1;

	memset(colsum, 0, sizeof(double) * (s->n + 1));
	for (uint32_t i = 0; i < s->n; i++)
		scale = fmax(scale, s->supply[i]);
	for (uint32_t i = 0; i < s->n; i++)
	{
		double		sum = 0;

		assert_int_equal(re_tn_origin_row(s, a, i, row), RE_OK);
		for (uint32_t j = 0; j < s->n; j++)
		{
			assert_true(isfinite(row[j]) && row[j] >= 0);
			sum += row[j];
			colsum[j] += row[j];
		}
		assert_close(sum, s->production[i], tol * scale);
	}
	for (uint32_t j = 0; j < s->n; j++)
	{
		assert_true(isfinite(s->use[j]) && s->use[j] >= 0);
		assert_close(colsum[j], s->use[j], tol * scale);
	}
}

/*
 * The ore/oxide chain.  Oxide: CHN produces 126, ships 50 to JPN
 * and 20 to DEU; JPN re-ships 10 to DEU: use CHN 56, JPN 40, DEU 30, all
 * of Chinese processing.  Ore: CHN mines 100, MMR 40 shipped to CHN.
 * Mine origin, mine_origin[m, j] = sum_q O_ore[m, q] / d_ore[q] O_ox[q, j]:
 * every user 5/7 CHN, 2/7 MMR (DEU 150/7 and 60/7 t).
 */
static void
test_ore_oxide_chain(void **state)
{
	static const triple oxide[] = {
		{"CHN", "CHN", 126}, {"CHN", "JPN", 50}, {"CHN", "DEU", 20}, {"JPN", "DEU", 10}
	};
	static const triple ore[] = {{"CHN", "CHN", 100}, {"MMR", "MMR", 40}, {"MMR", "CHN", 40}};
	re_tn		ox = network(oxide, 4),
				or = network(ore, 3);
	re_tn_solution so = solve(&ox),
				sr = solve(&or);
	const char *users[] = {"CHN", "JPN", "DEU"};
	const double use[] = {56, 40, 30};

	(void) state;
	for (int u = 0; u < 3; u++)
	{
		double		ox_chn = traced(&ox, &so, "CHN", users[u]);
		uint32_t	ore_chn = idx(&or, "CHN");
		double		d_ore = sr.use[ore_chn];

		assert_close(so.use[idx(&ox, users[u])], use[u], TOL);
		assert_close(ox_chn, use[u], TOL);
		assert_close(traced(&or, &sr, "CHN", "CHN") / d_ore * ox_chn, use[u] * 5 / 7, TOL);
		assert_close(traced(&or, &sr, "MMR", "CHN") / d_ore * ox_chn, use[u] * 2 / 7, TOL);
	}
	assert_close(traced(&or, &sr, "MMR", "CHN") / sr.use[idx(&or, "CHN")] * traced(&ox, &so, "CHN", "DEU"),
				 60.0 / 7, TOL);
	assert_false(so.adjusted);
	check_invariants(&so, TOL);
	check_invariants(&sr, TOL);
}

/* A produces 100, B 50; A->B 40, B->A 30: A's use 90 = 540/7 + 90/7, B's 60 = 160/7 + 260/7 */
static const triple cycle[] = {{"A", "A", 100}, {"B", "B", 50}, {"A", "B", 40}, {"B", "A", 30}};

static void
test_cycle(void **state)
{
	re_tn		tn = network(cycle, 4);
	re_tn_solution s = solve(&tn);

	(void) state;
	assert_close(s.use[idx(&tn, "A")], 90, TOL);
	assert_close(s.use[idx(&tn, "B")], 60, TOL);
	assert_close(traced(&tn, &s, "A", "A"), 540.0 / 7, TOL);
	assert_close(traced(&tn, &s, "B", "A"), 90.0 / 7, TOL);
	assert_close(traced(&tn, &s, "A", "B"), 160.0 / 7, TOL);
	assert_close(traced(&tn, &s, "B", "B"), 260.0 / 7, TOL);
	check_invariants(&s, TOL);
}

/* CHN 60, MYS 30; CHN->NLD 40, MYS->NLD 20, NLD->DEU 30, CHN->DEU 10 */
static const triple hub[] = {
	{"CHN", "CHN", 60}, {"MYS", "MYS", 30}, {"CHN", "NLD", 40}, {"MYS", "NLD", 20},
	{"NLD", "DEU", 30}, {"CHN", "DEU", 10}
};

/* DEU's use 40 is 3/4 Chinese by origin, 1/4 by direct imports */
static void
test_transit_hub(void **state)
{
	re_tn		tn = network(hub, 6);
	re_tn_solution s = solve(&tn);
	double	   *direct = unit_alloc(&pool, sizeof(double) * tn.n);
	uint32_t	deu = idx(&tn, "DEU");

	(void) state;
	assert_close(s.use[deu], 40, TOL);
	assert_close(traced(&tn, &s, "CHN", "DEU"), 30, TOL);
	assert_close(traced(&tn, &s, "MYS", "DEU"), 10, TOL);
	assert_close(traced(&tn, &s, "CHN", "NLD"), 20, TOL);
	assert_close(traced(&tn, &s, "MYS", "NLD"), 10, TOL);
	re_tn_direct_column(&s, deu, direct);
	assert_close(direct[idx(&tn, "CHN")], 10, TOL);
	assert_close(direct[idx(&tn, "NLD")], 30, TOL);
	assert_close(direct[deu], 0, TOL);
	/* a producer's direct mix is its own production, scaled to its use */
	re_tn_direct_column(&s, idx(&tn, "CHN"), direct);
	assert_close(direct[idx(&tn, "CHN")], 10, TOL);
	check_invariants(&s, TOL);
}

static void
disrupt(const re_tn *tn, const re_tn_solution *s, const char *supplier, double cut,
		double *after, double *direct)
{
	double		total = 0,
				produced = 0;

	assert_int_equal(re_tn_disruption(s, unit_allocator(&pool), idx(tn, supplier), cut, after, direct), RE_OK);
	for (uint32_t j = 0; j < tn->n; j++)
	{
		assert_true(isfinite(after[j]) && after[j] >= 0);
		total += after[j];
		produced += tn->production[j];
	}
	/* use after sums to production: the cut stays with the supplier */
	assert_close(total, produced, TOL * produced);
}

/* hub, CHN cuts exports by half: NLD short 10, DEU 15 (direct-only 20 and 5) */
static void
test_whatif_hub(void **state)
{
	re_tn		tn = network(hub, 6);
	re_tn_solution s = solve(&tn);
	double	   *after = unit_alloc(&pool, sizeof(double) * tn.n);
	double	   *direct = unit_alloc(&pool, sizeof(double) * tn.n);
	uint32_t	nld = idx(&tn, "NLD"),
				deu = idx(&tn, "DEU"),
				chn = idx(&tn, "CHN"),
				mys = idx(&tn, "MYS");

	(void) state;
	disrupt(&tn, &s, "CHN", 0.5, after, direct);
	assert_close(s.use[nld] - after[nld], 10, TOL);
	assert_close(s.use[deu] - after[deu], 15, TOL);
	assert_close(direct[nld], 20, TOL);
	assert_close(direct[deu], 5, TOL);
	/* CHN keeps the 25 it no longer ships, and the 5 NLD no longer re-ships is not CHN's */
	assert_close(after[chn], 35, TOL);
	assert_close(direct[chn], -25, TOL);
	/* MYS is upstream of nothing that changed: exactly unchanged */
	assert_true(after[mys] == s.use[mys]);
	assert_true(direct[mys] == 0);
	/* no cut: nothing changes; a full cut: NLD keeps MYS's 20 less what it re-ships */
	disrupt(&tn, &s, "CHN", 0, after, direct);
	for (uint32_t j = 0; j < tn.n; j++)
		assert_close(after[j], s.use[j], TOL);
	disrupt(&tn, &s, "CHN", 1, after, direct);
	assert_close(after[nld], 10, TOL);
	assert_close(after[deu], 10, TOL);
	assert_int_equal(re_tn_disruption(&s, unit_allocator(&pool), chn, 1.5, after, direct), RE_OUT_OF_RANGE);
	assert_int_equal(re_tn_disruption(&s, unit_allocator(&pool), chn, -0.1, after, direct), RE_OUT_OF_RANGE);
	assert_int_equal(re_tn_disruption(&s, unit_allocator(&pool), chn, NAN, after, direct), RE_OUT_OF_RANGE);
	assert_int_equal(re_tn_disruption(&s, unit_allocator(&pool), tn.n, 0.5, after, direct), RE_OUT_OF_RANGE);
}

/* cycle, A cuts by half: B short 520/37 */
static void
test_whatif_cycle(void **state)
{
	re_tn		tn = network(cycle, 4);
	re_tn_solution s = solve(&tn);
	double	   *after = unit_alloc(&pool, sizeof(double) * tn.n);
	double	   *direct = unit_alloc(&pool, sizeof(double) * tn.n);
	uint32_t	b = idx(&tn, "B");

	(void) state;
	disrupt(&tn, &s, "A", 0.5, after, direct);
	assert_close(s.use[b] - after[b], 520.0 / 37, TOL);
	assert_close(direct[b], 20, TOL);
}

/* the worked ore -> oxide example, and a metal stage after it */
static const triple chain_ore[] = {{"CHN", "CHN", 100}, {"MMR", "MMR", 40}, {"MMR", "CHN", 40}};
static const triple chain_oxide[] = {
	{"CHN", "CHN", 126}, {"CHN", "JPN", 50}, {"CHN", "DEU", 20}, {"JPN", "DEU", 10}
};

/*
 * JPN makes 20 t of metal from its oxide and ships 5 to DEU; EST makes 10 t
 * from oxide the data do not show (EST is not in the oxide network) and
 * ships 4 to DEU: EST's metal is its own origin.  By hand, DEU's metal use
 * 9 = 5 x 5/7 CHN + 5 x 2/7 MMR + 4 EST; JPN's 15 = 75/7 CHN + 30/7 MMR.
 */
static const triple chain_metal[] = {
	{"JPN", "JPN", 20}, {"JPN", "DEU", 5}, {"EST", "EST", 10}, {"EST", "DEU", 4}
};

static double
chained(const re_tn_chain *c, const re_tn *last, const char *origin, const char *dest)
{
	re_mix		keys = {c->norigins, c->keys, c->lens, NULL};
	int64_t		o = re_mix_find(&keys, origin, strlen(origin));

	assert_int_equal(c->n, last->n);
	return o < 0 ? 0 : c->quantity[(size_t) o * c->n + idx(last, dest)];
}

static void
test_stages_chained(void **state)
{
	re_tn		tn[3] = {network(chain_ore, 3), network(chain_oxide, 4), network(chain_metal, 4)};
	re_tn_solution s[3] = {solve(&tn[0]), solve(&tn[1]), solve(&tn[2])};
	const char *users[] = {"CHN", "JPN", "DEU"};
	const double use[] = {56, 40, 30};
	re_tn_chain c;

	(void) state;
	/* mine origin of the oxide users: every user 5/7 CHN, 2/7 MMR; DEU 150/7 and 60/7 t */
	assert_int_equal(re_tn_chain_trace(&c, unit_allocator(&pool), 2, tn, s), RE_OK);
	assert_int_equal(c.norigins, 2);
	for (int u = 0; u < 3; u++)
	{
		assert_close(chained(&c, &tn[1], "CHN", users[u]), use[u] * 5 / 7, TOL);
		assert_close(chained(&c, &tn[1], "MMR", users[u]), use[u] * 2 / 7, TOL);
	}
	assert_close(chained(&c, &tn[1], "CHN", "DEU"), 150.0 / 7, TOL);
	assert_close(chained(&c, &tn[1], "MMR", "DEU"), 60.0 / 7, TOL);
	/* three stages: an untraceable producer is its own origin */
	assert_int_equal(re_tn_chain_trace(&c, unit_allocator(&pool), 3, tn, s), RE_OK);
	assert_int_equal(c.norigins, 4);	/* CHN, EST, JPN, MMR: every stage's producers */
	assert_close(chained(&c, &tn[2], "CHN", "DEU"), 25.0 / 7, TOL);
	assert_close(chained(&c, &tn[2], "MMR", "DEU"), 10.0 / 7, TOL);
	assert_close(chained(&c, &tn[2], "EST", "DEU"), 4, TOL);
	assert_close(chained(&c, &tn[2], "JPN", "DEU"), 0, 0);
	assert_close(chained(&c, &tn[2], "CHN", "JPN"), 75.0 / 7, TOL);
	assert_close(chained(&c, &tn[2], "MMR", "JPN"), 30.0 / 7, TOL);
	assert_close(chained(&c, &tn[2], "EST", "EST"), 6, TOL);
	/* one stage: the chain is the network's own O (the cycle: 540/7 and 90/7) */
	{
		re_tn		cy = network(cycle, 4);
		re_tn_solution cs = solve(&cy);

		assert_int_equal(re_tn_chain_trace(&c, unit_allocator(&pool), 1, &cy, &cs), RE_OK);
		assert_close(chained(&c, &cy, "A", "A"), 540.0 / 7, TOL);
		assert_close(chained(&c, &cy, "B", "A"), 90.0 / 7, TOL);
		assert_close(chained(&c, &cy, "A", "B"), 160.0 / 7, TOL);
		assert_close(chained(&c, &cy, "B", "B"), 260.0 / 7, TOL);
	}
	assert_int_equal(re_tn_chain_trace(&c, unit_allocator(&pool), 0, tn, s), RE_OUT_OF_RANGE);
}

/*
 * A mining cut reaching the oxide users: MMR halves its ore exports, CHN
 * uses 120 instead of 140 t of ore and makes 126 x 6/7 = 108 t of oxide,
 * shipped with the same shares: CHN keeps 48, JPN gets 300/7 and keeps
 * 240/7, DEU gets 120/7 + 60/7 = 180/7.  Shortfalls 8, 40/7, 30/7.
 */
static void
test_chain_disruption(void **state)
{
	re_tn		tn[2] = {network(chain_ore, 3), network(chain_oxide, 4)};
	re_tn_solution s[2] = {solve(&tn[0]), solve(&tn[1])};
	/* room for the hub's 4 countries too */
	double	   *after = unit_alloc(&pool, sizeof(double) * 4);
	double	   *direct = unit_alloc(&pool, sizeof(double) * 4);
	double	   *single = unit_alloc(&pool, sizeof(double) * 4);

	(void) state;
	assert_int_equal(re_tn_chain_disruption(unit_allocator(&pool), 2, tn, s, "MMR", 3, 0.5, after), RE_OK);
	assert_close(after[idx(&tn[1], "CHN")], 48, TOL);
	assert_close(after[idx(&tn[1], "JPN")], 240.0 / 7, TOL);
	assert_close(after[idx(&tn[1], "DEU")], 180.0 / 7, TOL);
	/* CHN cuts ore exports it does not have: nothing changes, bit for bit */
	assert_int_equal(re_tn_chain_disruption(unit_allocator(&pool), 2, tn, s, "CHN", 3, 0.5, after), RE_OK);
	for (uint32_t j = 0; j < tn[1].n; j++)
		assert_true(after[j] == s[1].use[j]);
	/* a supplier absent from the first stage changes nothing */
	assert_int_equal(re_tn_chain_disruption(unit_allocator(&pool), 2, tn, s, "USA", 3, 1, after), RE_OK);
	for (uint32_t j = 0; j < tn[1].n; j++)
		assert_true(after[j] == s[1].use[j]);
	/* one stage: the single-network what-if (hub: NLD short 10, DEU 15) */
	{
		re_tn		h = network(hub, 6);
		re_tn_solution hs = solve(&h);

		assert_int_equal(re_tn_chain_disruption(unit_allocator(&pool), 1, &h, &hs, "CHN", 3, 0.5, single), RE_OK);
		assert_int_equal(re_tn_disruption(&hs, unit_allocator(&pool), idx(&h, "CHN"), 0.5, after, direct), RE_OK);
		for (uint32_t j = 0; j < h.n; j++)
			assert_true(single[j] == after[j]);
		assert_close(hs.use[idx(&h, "DEU")] - single[idx(&h, "DEU")], 15, TOL);
	}
	assert_int_equal(re_tn_chain_disruption(unit_allocator(&pool), 2, tn, s, "MMR", 3, 1.5, after), RE_OUT_OF_RANGE);
	assert_int_equal(re_tn_chain_disruption(unit_allocator(&pool), 2, tn, s, "MMR", 3, NAN, after), RE_OUT_OF_RANGE);
	assert_int_equal(re_tn_chain_disruption(unit_allocator(&pool), 0, tn, s, "MMR", 3, 0.5, after), RE_OUT_OF_RANGE);
}

/* a flow from a country to itself changes nothing in the formula */
static void
test_self_flow(void **state)
{
	re_tn		tn = network(hub, 6);
	re_tn_solution s = solve(&tn),
				t;
	uint32_t   *from = unit_alloc(&pool, sizeof(uint32_t) * (tn.m + 1));
	uint32_t   *to = unit_alloc(&pool, sizeof(uint32_t) * (tn.m + 1));
	double	   *q = unit_alloc(&pool, sizeof(double) * (tn.m + 1));
	double	   *row = unit_alloc(&pool, sizeof(double) * tn.n);
	double	   *row2 = unit_alloc(&pool, sizeof(double) * tn.n);

	(void) state;
	memcpy(from, tn.from, sizeof(uint32_t) * tn.m);
	memcpy(to, tn.to, sizeof(uint32_t) * tn.m);
	memcpy(q, tn.qty, sizeof(double) * tn.m);
	from[tn.m] = to[tn.m] = idx(&tn, "NLD");
	q[tn.m] = 1000;
	assert_int_equal(re_tn_solve(&t, unit_allocator(&pool), tn.n, tn.production, tn.m + 1, from, to, q), RE_OK);
	assert_int_equal(re_tn_origin_row(&s, unit_allocator(&pool), idx(&tn, "CHN"), row), RE_OK);
	assert_int_equal(re_tn_origin_row(&t, unit_allocator(&pool), idx(&tn, "CHN"), row2), RE_OK);
	for (uint32_t j = 0; j < tn.n; j++)
	{
		assert_true(s.use[j] == t.use[j]);
		assert_close(row[j], row2[j], TOL);
	}
}

static void
test_small_networks(void **state)
{
	static const triple single[] = {{"CHN", "CHN", 5}};
	static const triple zero[] = {{"A", "A", 0}, {"A", "B", 0}, {"C", "C", 7}, {"C", "A", 7}};
	static const triple two[] = {
		{"A", "A", 10}, {"A", "B", 4}, {"B", "C", 1},
		{"X", "X", 8}, {"X", "Y", 3}, {"Y", "Z", 2}, {"Z", "Y", 1}
	};
	re_tn		tn;
	re_tn_solution s;
	double		out[1];

	(void) state;
	/* empty */
	assert_int_equal(re_tn_solve(&s, unit_allocator(&pool), 0, NULL, 0, NULL, NULL, NULL), RE_OK);
	assert_int_equal(re_tn_origin_row(&s, unit_allocator(&pool), 0, out), RE_OUT_OF_RANGE);
	tn = network(NULL, 0);
	assert_int_equal(tn.n, 0);
	/* a single country uses what it produces */
	tn = network(single, 1);
	s = solve(&tn);
	assert_close(traced(&tn, &s, "CHN", "CHN"), 5, 0);
	/* zero production: a country that produces nothing originates nothing */
	tn = network(zero, 4);
	s = solve(&tn);
	assert_close(s.use[idx(&tn, "A")], 7, TOL);
	assert_close(traced(&tn, &s, "C", "A"), 7, TOL);
	assert_close(traced(&tn, &s, "A", "B"), 0, 0);
	check_invariants(&s, TOL);
	/* disconnected components never mix */
	tn = network(two, 7);
	s = solve(&tn);
	assert_close(traced(&tn, &s, "A", "C"), 1, TOL);
	assert_close(traced(&tn, &s, "X", "C"), 0, 0);
	assert_close(traced(&tn, &s, "A", "Y"), 0, 0);
	assert_close(traced(&tn, &s, "X", "Z"), 1, TOL);
	check_invariants(&s, TOL);
}

/*
 * Imbalance: A produces 10 but reports 20 to B, B re-ships 15 to C.  A's
 * exports are scaled to its supply (10); B then receives 10 and ships
 * 15/20 of it: C 7.5, B 2.5.  Adjustments: A 10, B 7.5.  A net exporter
 * without production (D ships 5 to C) exports nothing.  E and F, apart,
 * are untouched.
 */
static void
test_imbalance(void **state)
{
	static const triple t[] = {
		{"A", "A", 10}, {"A", "B", 20}, {"B", "C", 15}, {"D", "C", 5},
		{"E", "E", 0.3}, {"E", "F", 0.1}
	};
	re_tn		tn = network(t, 6);
	re_tn_solution s = solve(&tn);
	uint32_t	a = idx(&tn, "A"),
				b = idx(&tn, "B"),
				c = idx(&tn, "C"),
				d = idx(&tn, "D");

	(void) state;
	assert_true(s.adjusted);
	assert_close(s.use[a], 0, 0);
	assert_close(s.use[b], 2.5, TOL);
	assert_close(s.use[c], 7.5, TOL);
	assert_close(s.use[d], 0, 0);
	assert_close(s.reported_exports[a] - s.exports[a], 10, TOL);
	assert_close(s.reported_exports[b] - s.exports[b], 7.5, TOL);
	assert_close(s.reported_exports[d] - s.exports[d], 5, TOL);
	assert_close(traced(&tn, &s, "A", "C"), 7.5, TOL);
	/* countries not downstream of an over-exporter keep their figures bit for bit */
	assert_true(s.use[idx(&tn, "E")] == 0.3 - 0.1 && s.exports[idx(&tn, "E")] == 0.1);
	assert_true(s.use[idx(&tn, "F")] == 0.1 && s.scale[idx(&tn, "E")] == 1);
	check_invariants(&s, TOL);
}

/*
 * Goods circulating with no source (A and B ship 10 to each other, produce
 * nothing, use nothing) make diag(x) - Z singular; they hold no origin and
 * the rest of the network is traced as if they were not there.  A loop
 * that re-exports nearly all it receives needs more sweeps than the
 * budget: RE_NOT_CONVERGED, never a wrong answer.
 */
static void
test_singular_and_ill_conditioned(void **state)
{
	static const triple phantom[] = {{"A", "B", 10}, {"B", "A", 10}, {"C", "C", 5}, {"C", "D", 5}};
	static const triple near[] = {{"A", "A", 1}, {"A", "B", 1e15}, {"B", "A", 1e15}};
	re_tn		tn = network(phantom, 4);
	re_tn_solution s = solve(&tn);
	double	   *after = unit_alloc(&pool, sizeof(double) * 4);
	double	   *direct = unit_alloc(&pool, sizeof(double) * 4);
	double	   *row = unit_alloc(&pool, sizeof(double) * 4);

	(void) state;
	assert_close(traced(&tn, &s, "C", "D"), 5, TOL);
	assert_close(s.use[idx(&tn, "A")], 0, 0);
	check_invariants(&s, TOL);
	tn = network(near, 3);
	assert_int_equal(re_tn_solve(&s, unit_allocator(&pool), tn.n, tn.production, tn.m, tn.from, tn.to, tn.qty), RE_OK);
	assert_int_equal(re_tn_origin_row(&s, unit_allocator(&pool), idx(&tn, "A"), row), RE_NOT_CONVERGED);
	assert_int_equal(re_tn_disruption(&s, unit_allocator(&pool), idx(&tn, "A"), 0, after, direct), RE_NOT_CONVERGED);
	/* a subnormal supply (the fuzzer's find): 1 / x overflowed and 0 * inf
	 * made the traced rows NaN */
	{
		static const triple subnormal[] = {{"A", "A", 3.2e-322}, {"A", "B", 2.26e19}, {"B", "A", 1e15}};

		tn = network(subnormal, 3);
		s = solve(&tn);
		check_invariants(&s, TOL);
	}
}

static void
test_bad_input(void **state)
{
	static const char *ex[] = {"A", "A"};
	static const char *im[] = {"B", "B"};
	static const uint32_t len[] = {1, 1};
	double		q[] = {1, 2};
	double		p[] = {1e308, 0};
	uint32_t	from[] = {1},
				to[] = {0};
	double		big[] = {1e308};
	re_tn		tn;
	re_tn_solution s;
	uint32_t	bad = 99;

	(void) state;
	assert_int_equal(re_tn_from_triples(&tn, unit_allocator(&pool), 2, ex, len, im, len, q, &bad), RE_DUPLICATE_KEY);
	assert_int_equal(bad, 1);
	q[1] = -1;
	assert_int_equal(re_tn_from_triples(&tn, unit_allocator(&pool), 2, ex, len, im, len, q, &bad), RE_NEGATIVE);
	assert_int_equal(bad, 1);
	q[0] = NAN;
	assert_int_equal(re_tn_from_triples(&tn, unit_allocator(&pool), 2, ex, len, im, len, q, &bad), RE_NONFINITE);
	assert_int_equal(bad, 0);
	/* a supply beyond double */
	assert_int_equal(re_tn_solve(&s, unit_allocator(&pool), 2, p, 1, from, to, big), RE_OVERFLOW);
	to[0] = 2;
	assert_int_equal(re_tn_solve(&s, unit_allocator(&pool), 2, p, 1, from, to, big), RE_OUT_OF_RANGE);
}

static void
test_encode_decode(void **state)
{
	re_tn		tn = network(hub, 6),
				back;
	size_t		size = re_tn_encoded_size(&tn);
	uint8_t    *buf = unit_alloc(&pool, size + 1);
	uint8_t    *copy = unit_alloc(&pool, size + 1);
	re_allocator a = unit_allocator(&pool);

	(void) state;
	re_tn_encode(&tn, buf);
	assert_int_equal(re_tn_decode(&back, a, buf, size), RE_OK);
	assert_int_equal(back.n, 4);
	assert_int_equal(back.m, 4);
	assert_memory_equal(back.production, tn.production, sizeof(double) * 4);
	assert_memory_equal(back.qty, tn.qty, sizeof(double) * 4);
	assert_int_equal(re_tn_decode(&back, a, buf, size + 1), RE_TRAILING);
	for (size_t cut = 0; cut < size; cut++)
		assert_int_not_equal(re_tn_decode(&back, a, buf, cut), RE_OK);
	memcpy(copy, buf, size);
	copy[0] = 2;
	assert_int_equal(re_tn_decode(&back, a, copy, size), RE_BAD_VERSION);
	/* the first flow (CHN -> DEU) turned into CHN -> CHN */
	memcpy(copy, buf, size);
	memcpy(copy + size - 4 * 16 + 4, copy + size - 4 * 16, 4);
	assert_int_equal(re_tn_decode(&back, a, copy, size), RE_OUT_OF_RANGE);
	/* the first two flows swapped */
	memcpy(copy, buf, size);
	memcpy(copy + size - 4 * 16, buf + size - 3 * 16, 16);
	memcpy(copy + size - 3 * 16, buf + size - 4 * 16, 16);
	assert_int_equal(re_tn_decode(&back, a, copy, size), RE_UNSORTED);
	/* a negative production (CHN's, after "CHN") */
	memcpy(copy, buf, size);
	copy[1 + 4 + 4 + 3 + 7] |= 0x80;
	assert_int_equal(re_tn_decode(&back, a, copy, size), RE_NEGATIVE);
	/* -0 reads as +0 */
	memcpy(copy, buf, size);
	memset(copy + 1 + 4 + 4 + 3, 0, 8);
	copy[1 + 4 + 4 + 3 + 7] = 0x80;
	assert_int_equal(re_tn_decode(&back, a, copy, size), RE_OK);
	assert_true(back.production[0] == 0 && !signbit(back.production[0]));
	/* a count beyond what the bytes can hold */
	memcpy(copy, buf, size);
	copy[1] = copy[2] = copy[3] = copy[4] = 0xff;
	assert_int_equal(re_tn_decode(&back, a, copy, size), RE_TOO_LARGE);
}

/* rows sum to p and columns to d on random networks with cycles and over-exporters */
/* a random network: a third of the countries without production; returns total production */
static double
random_network(uint64_t *seed, uint32_t n, uint32_t m, double *p, uint32_t *from, uint32_t *to, double *q)
{
	double		produced = 0;

	for (uint32_t i = 0; i < n; i++)
	{
		*seed = *seed * 6364136223846793005ULL + 1442695040888963407ULL;
		p[i] = (*seed >> 40) % 3 == 0 ? 0 : (double) ((*seed >> 20) % 1000);
		produced += p[i];
	}
	for (uint32_t e = 0; e < m; e++)
	{
		*seed = *seed * 6364136223846793005ULL + 1442695040888963407ULL;
		from[e] = (uint32_t) ((*seed >> 33) % n);
		to[e] = (uint32_t) ((*seed >> 13) % n);
		q[e] = (double) ((*seed >> 45) % 300);
	}
	return produced;
}

static void
test_random_invariants(void **state)
{
	uint64_t	seed = 42;

	(void) state;
	for (int round = 0; round < 20; round++)
	{
		uint32_t	n = 2 + round * 3,
					m = n * 4;
		double	   *p = unit_alloc(&pool, sizeof(double) * n);
		uint32_t   *from = unit_alloc(&pool, sizeof(uint32_t) * m);
		uint32_t   *to = unit_alloc(&pool, sizeof(uint32_t) * m);
		double	   *q = unit_alloc(&pool, sizeof(double) * m);
		re_tn_solution s;
		double	   *after = unit_alloc(&pool, sizeof(double) * n);
		double	   *direct = unit_alloc(&pool, sizeof(double) * n);
		double		total = 0,
					produced;

		produced = random_network(&seed, n, m, p, from, to, q);
		assert_int_equal(re_tn_solve(&s, unit_allocator(&pool), n, p, m, from, to, q), RE_OK);
		check_invariants(&s, 1e-11);
		assert_int_equal(re_tn_disruption(&s, unit_allocator(&pool), 0, 0.3, after, direct), RE_OK);
		for (uint32_t j = 0; j < n; j++)
			total += after[j];
		assert_close(total, produced, 1e-11 * (1 + produced));
	}
}

/*
 * O = diag(p) (diag(x) - Z)^-1 diag(d) by dense Gaussian elimination with
 * partial pivoting (Z the adjusted flows): the formula itself, independent
 * of the sweeps.  Row i of the inverse solves (diag(x) - Z)' v = e_i.
 */
static double *
dense_origin(const re_tn_solution *s)
{
	uint32_t	n = s->n;
	double	   *O = unit_alloc(&pool, sizeof(double) * n * n);
	double	   *M = unit_alloc(&pool, sizeof(double) * n * n);
	double	   *v = unit_alloc(&pool, sizeof(double) * n);

	for (uint32_t i = 0; i < n; i++)
	{
		/* M = (diag(x) - Z)', rhs e_i; a country without supply keeps 1 on its diagonal */
		memset(M, 0, sizeof(double) * n * n);
		for (uint32_t j = 0; j < n; j++)
		{
			M[j * n + j] = s->supply[j] > 0 ? s->supply[j] : 1;
			v[j] = j == i ? 1 : 0;
			for (uint32_t e = s->in_start[j]; e < s->in_start[j + 1]; e++)
				M[s->in_from[e] * n + j] -= s->in_adj[e];
		}
		/* solve M' y = e_i, i.e. rows of M as columns: transpose in place */
		for (uint32_t a = 0; a < n; a++)
			for (uint32_t b = a + 1; b < n; b++)
			{
				double		t = M[a * n + b];

				M[a * n + b] = M[b * n + a];
				M[b * n + a] = t;
			}
		for (uint32_t c = 0; c < n; c++)
		{
			uint32_t	piv = c;

			for (uint32_t r = c + 1; r < n; r++)
				if (fabs(M[r * n + c]) > fabs(M[piv * n + c]))
					piv = r;
			for (uint32_t k = 0; k < n; k++)
			{
				double		t = M[c * n + k];

				M[c * n + k] = M[piv * n + k];
				M[piv * n + k] = t;
			}
			{
				double		t = v[c];

				v[c] = v[piv];
				v[piv] = t;
			}
			for (uint32_t r = c + 1; r < n; r++)
			{
				double		f = M[r * n + c] / M[c * n + c];

				for (uint32_t k = c; k < n; k++)
					M[r * n + k] -= f * M[c * n + k];
				v[r] -= f * v[c];
			}
		}
		for (uint32_t c = n; c-- > 0;)
		{
			for (uint32_t k = c + 1; k < n; k++)
				v[c] -= M[c * n + k] * v[k];
			v[c] /= M[c * n + c];
		}
		for (uint32_t j = 0; j < n; j++)
			O[i * n + j] = s->production[i] * v[j] * s->use[j];
	}
	return O;
}

/*
 * Rows of several origins from one set of sweeps: any order, repeats,
 * producers and non-producers, equal to the dense formula; more origins
 * than a padded block of 4 and fewer.
 */
static void
test_rows_at_once(void **state)
{
	uint64_t	seed = 7;

	(void) state;
	for (int round = 0; round < 12; round++)
	{
		uint32_t	n = 3 + round * 4,
					m = n * 5,
					count = 1 + (uint32_t) round;
		double	   *p = unit_alloc(&pool, sizeof(double) * n);
		uint32_t   *from = unit_alloc(&pool, sizeof(uint32_t) * m);
		uint32_t   *to = unit_alloc(&pool, sizeof(uint32_t) * m);
		double	   *q = unit_alloc(&pool, sizeof(double) * m);
		uint32_t   *origins = unit_alloc(&pool, sizeof(uint32_t) * count);
		double	   *rows = unit_alloc(&pool, sizeof(double) * n * count);
		double	   *O;
		re_tn_solution s;

		random_network(&seed, n, m, p, from, to, q);
		for (uint32_t r = 0; r < count; r++)
		{
			seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
			origins[r] = (uint32_t) ((seed >> 35) % n);
		}
		assert_int_equal(re_tn_solve(&s, unit_allocator(&pool), n, p, m, from, to, q), RE_OK);
		assert_int_equal(re_tn_origin_rows(&s, unit_allocator(&pool), count, origins, rows), RE_OK);
		O = dense_origin(&s);
		for (uint32_t r = 0; r < count; r++)
		{
			double		sum = 0;

			for (uint32_t j = 0; j < n; j++)
			{
				assert_close(rows[r * n + j], O[origins[r] * n + j], 1e-11 * (1 + p[origins[r]]));
				sum += rows[r * n + j];
			}
			/* a row sums to the origin's production, as O's rows do */
			assert_close(sum, p[origins[r]], 1e-11 * (1 + p[origins[r]]));
		}
	}
	assert_int_equal(re_tn_rows_block(0), 1);
	assert_int_equal(re_tn_rows_block(RE_TN_ROWS_CELLS * 2), 1);
	assert_int_equal(re_tn_rows_block(250), RE_TN_ROWS_CELLS / 250);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_ore_oxide_chain, teardown),
		cmocka_unit_test_teardown(test_cycle, teardown),
		cmocka_unit_test_teardown(test_transit_hub, teardown),
		cmocka_unit_test_teardown(test_whatif_hub, teardown),
		cmocka_unit_test_teardown(test_whatif_cycle, teardown),
		cmocka_unit_test_teardown(test_stages_chained, teardown),
		cmocka_unit_test_teardown(test_chain_disruption, teardown),
		cmocka_unit_test_teardown(test_self_flow, teardown),
		cmocka_unit_test_teardown(test_small_networks, teardown),
		cmocka_unit_test_teardown(test_imbalance, teardown),
		cmocka_unit_test_teardown(test_singular_and_ill_conditioned, teardown),
		cmocka_unit_test_teardown(test_bad_input, teardown),
		cmocka_unit_test_teardown(test_encode_decode, teardown),
		cmocka_unit_test_teardown(test_random_invariants, teardown),
		cmocka_unit_test_teardown(test_rows_at_once, teardown),
	};

	return cmocka_run_group_tests_name("origin", tests, NULL, NULL);
}
