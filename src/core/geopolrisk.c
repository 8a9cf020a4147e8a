/*
 * geopolrisk.c — share-weighted country scores and the GeoPolRisk method
 * (geopolitical supply risk, as used in life-cycle assessment).
 *
 * Reference implementation: geopolrisk-py (University of Bordeaux and
 * University of Bayreuth), src/geopolrisk/assessment/core.py, functions
 * HHI, importrisk and GeoPolRisk, with aggregateTrade in
 * src/geopolrisk/assessment/utils.py and gprs_calc in
 * src/geopolrisk/assessment/main.py; formulas in its docs/background.rst
 * (Equations 1 to 3, after Koyamparambath et al. 2024, Resources,
 * Conservation and Recycling 209, 107801).  For an economic unit c (a
 * country, or a region of several), a raw material and a year:
 *
 *   HHI    = sum_i P_i^2 / (sum_i P_i)^2         core.py HHI(): sumproduct(prod, prod)
 *                                                / (sum(prod) * sum(prod)), world
 *                                                production, 0..1
 *   WTA    = sum_i f_i * g_i / (F + P_c)         core.py GeoPolRisk(): Numerator /
 *                                                (TotalTrade + ProdQty)
 *   Score  = HHI * WTA                           core.py GeoPolRisk()
 *   CF     = Score * price / 0.409412948         core.py GeoPolRisk(): CF_Cu, "Average
 *                                                CF of copper for OECD countries for a
 *                                                period from 2017 - 2021"
 *
 * f_i the quantity imported from partner i, F = sum_i f_i, P_c the unit's
 * own production (the sum over its members, main.py gprs_calc: sum_ProdQty;
 * 0 when absent), g_i the partner's political (in)stability on 0..1
 * (the World Bank WGI Political Stability estimate PV as (2.5 - PV) / 5;
 * core.py reads g already rescaled, from the "Normalized" table of its
 * wgi.db, through the partnerWGI column built in database.py).
 * utils.py aggregateTrade() sets g_i = 0 for a partner inside the unit
 * (tradedata.loc[partnerCode.isin(pISO), "partnerWGI"] = 0.00: a country's
 * own re-imports, or intra-regional trade of a region) and g_i = 0.5 for a
 * partner without a score (wgi_func); here 0.5 is not assumed: a missing
 * score is an error unless the caller gives missing_score.  The midpoint
 * (Equation 2) is Score * price; core.py divides it by the copper midpoint
 * to give the CF (Equation 3).  When F + P_c is 0, core.py's division fails
 * and it sets WTA = 0 (except branch); so does this code.
 */
#include <math.h>

#include "rareearth_core.h"

typedef struct unit_key
{
	const char *key;
	uint32_t	len;
	uint32_t	pad;			/* re_sort's elements are multiples of 8 bytes */
} unit_key;

static int
cmp_unit_key(const void *a, const void *b)
{
	const unit_key *x = a,
			   *y = b;

	return re_key_cmp(x->key, x->len, y->key, y->len);
}

re_status
re_weighted_score(const re_mix *mix, const double *score, const bool *has_score,
				  const double *missing_score, bool *defined, double *out, int64_t *bad)
{
	double		total = re_mix_total(mix);
	re_ksum		k = {0, 0};

	*defined = false;
	*bad = -1;
	if (missing_score != NULL && !isfinite(*missing_score))
		return RE_NONFINITE;
	for (uint32_t i = 0; i < mix->n; i++)
	{
		re_check_interrupts(i);
		if (has_score[i] && !isfinite(score[i]))
		{
			*bad = i;
			return RE_NONFINITE;
		}
		if (!has_score[i] && mix->qty[i] > 0 && missing_score == NULL)
		{
			*bad = i;
			return RE_UNRECOGNIZED;
		}
	}
	if (!(total > 0))
		return RE_OK;
	for (uint32_t i = 0; i < mix->n; i++)
	{
		double		s = mix->qty[i] / total;

		re_check_interrupts(i);
		if (s > 0)
			re_ksum_add(&k, s * (has_score[i] ? score[i] : *missing_score));
	}
	*out = re_ksum_value(&k);
	*defined = isfinite(*out);
	return RE_OK;
}

re_status
re_geopolrisk(const re_mix *production, const re_mix *imports,
			  const char *const *unit_keys, const uint32_t *unit_lens, uint32_t n_unit,
			  const double *g, const bool *has_g, const double *missing_score,
			  const double *price, re_geopolrisk_result *r, int64_t *bad, re_allocator alloc)
{
	double		world = re_mix_total(production);
	double		own = 0;
	unit_key   *unit;
	uint32_t	n_distinct = 0;
	uint32_t	u = 0;
	re_ksum		num = {0, 0};
	re_ksum		trade = {0, 0};
	double		den;

	r->hhi = r->import_risk = r->score = r->midpoint = r->cf = 0;
	r->hhi_defined = r->score_defined = r->midpoint_defined = false;
	*bad = RE_GEOPOLRISK_BAD_PRICE;
	if (price != NULL && !isfinite(*price))
		return RE_NONFINITE;
	if (price != NULL && *price < 0)
		return RE_NEGATIVE;
	*bad = RE_GEOPOLRISK_BAD_MISSING;
	if (missing_score != NULL && !isfinite(*missing_score))
		return RE_NONFINITE;
	if (missing_score != NULL && (*missing_score < 0 || *missing_score > 1))
		return RE_OUT_OF_RANGE;

	/*
	 * The unit's members sorted and each kept once: imports' keys are sorted
	 * too (a summary's canonical order), so one merge walk tells which
	 * partners are members, O(n log n) in the region's size rather than a
	 * scan of the region per partner.
	 */
	*bad = -1;
	if ((unit = alloc.alloc(alloc.ctx, sizeof(unit_key) * (n_unit ? n_unit : 1))) == NULL)
		return RE_ENOMEM;
	for (uint32_t j = 0; j < n_unit; j++)
	{
		re_check_interrupts(j);
		unit[j].key = unit_keys[j];
		unit[j].len = unit_lens[j];
		unit[j].pad = 0;
	}
	if (re_sort(unit, n_unit, sizeof(unit_key), cmp_unit_key, alloc) != RE_OK)
		return RE_ENOMEM;
	for (uint32_t j = 0; j < n_unit; j++)
	{
		re_check_interrupts(j);
		if (n_distinct == 0 || re_key_cmp(unit[n_distinct - 1].key, unit[n_distinct - 1].len,
										  unit[j].key, unit[j].len) != 0)
			unit[n_distinct++] = unit[j];
	}

	/* g_i: 0 inside the unit; else the partner's score on 0..1 */
	for (uint32_t i = 0; i < imports->n; i++)
	{
		double		gi;
		bool		member = false;

		re_check_interrupts(i);
		while (u < n_distinct && re_key_cmp(unit[u].key, unit[u].len, imports->keys[i], imports->lens[i]) < 0)
		{
			re_interrupt_tick();
			u++;
		}
		if (u < n_distinct && re_key_cmp(unit[u].key, unit[u].len, imports->keys[i], imports->lens[i]) == 0)
			member = true;
		if (member)
			gi = 0;
		else if (has_g[i])
		{
			*bad = i;
			if (!isfinite(g[i]))
				return RE_NONFINITE;
			if (g[i] < 0 || g[i] > 1)
				return RE_OUT_OF_RANGE;
			gi = g[i];
		}
		else if (imports->qty[i] > 0)
		{
			*bad = i;
			if (missing_score == NULL)
				return RE_UNRECOGNIZED;
			gi = *missing_score;
		}
		else
			gi = 0;
		re_ksum_add(&num, imports->qty[i] * gi);
		re_ksum_add(&trade, imports->qty[i]);
	}
	*bad = -1;

	/* P_c: the unit members' production, each member once */
	for (uint32_t j = 0; j < n_distinct; j++)
	{
		int64_t		at;

		re_check_interrupts(j);
		at = re_mix_find(production, unit[j].key, unit[j].len);
		if (at >= 0)
			own += production->qty[at];
	}
	if (alloc.free)
		alloc.free(alloc.ctx, unit);

	den = re_ksum_value(&trade) + own;
	r->import_risk = den > 0 ? re_ksum_value(&num) / den : 0;
	if (!isfinite(r->import_risk))
		return RE_OUT_OF_RANGE;

	if (world > 0)
	{
		re_ksum		h = {0, 0};

		for (uint32_t i = 0; i < production->n; i++)
		{
			double		s = production->qty[i] / world;

			re_check_interrupts(i);
			re_ksum_add(&h, s * s);
		}
		r->hhi = re_ksum_value(&h);
		r->hhi_defined = isfinite(r->hhi);
	}
	if (!r->hhi_defined)
		return RE_OK;
	r->score = r->hhi * r->import_risk;
	r->score_defined = true;
	if (price != NULL)
	{
		r->midpoint = r->score * *price;
		r->cf = r->midpoint / RE_GEOPOLRISK_CU_MIDPOINT;
		r->midpoint_defined = isfinite(r->midpoint) && isfinite(r->cf);
		if (!r->midpoint_defined)
			return RE_OUT_OF_RANGE;
	}
	return RE_OK;
}
