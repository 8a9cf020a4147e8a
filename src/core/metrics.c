/*
 * metrics.c — dependency and supply-risk metrics: apparent consumption, net
 * import reliance (USGS), self-sufficiency, reserve ratios, revealed
 * comparative advantage (Balassa), CIF/FOB conversion (IMF DOTS), and the
 * EU Critical Raw Materials supply risk (JRC 2017 methodology).
 *
 * Every function checks its arguments (finite; quantities >= 0) and reports
 * the offending argument's index in *bad.  Undefined ratios (a denominator
 * <= 0) are *defined = false, so the SQL layer returns NULL, never NaN or
 * Infinity.
 */
#include <math.h>
#include <stdio.h>

#include "rareearth_core.h"

/* A finite quantity that may not be negative. */
static re_status
check_quantity(double v, int index, int *bad)
{
	if (!isfinite(v))
	{
		*bad = index;
		return RE_NONFINITE;
	}
	if (v < 0)
	{
		*bad = index;
		return RE_NEGATIVE;
	}
	return RE_OK;
}

static re_status
check_finite(double v, int index, int *bad)
{
	if (!isfinite(v))
	{
		*bad = index;
		return RE_NONFINITE;
	}
	return RE_OK;
}

/* A finite value within [lo, hi]. */
static re_status
check_range(double v, double lo, double hi, int index, int *bad)
{
	if (!isfinite(v))
	{
		*bad = index;
		return RE_NONFINITE;
	}
	if (v < lo || v > hi)
	{
		*bad = index;
		return RE_OUT_OF_RANGE;
	}
	return RE_OK;
}

#define CHECK(expr) do { re_status st_ = (expr); if (st_ != RE_OK) return st_; } while (0)

/* num / den, defined only for den > 0 and a finite quotient. */
static void
quotient(double num, double den, bool *defined, double *out)
{
	double		q;

	*defined = false;
	if (!(den > 0))
		return;
	q = num / den;
	if (!isfinite(q))
		return;
	*out = re_plus_zero(q);
	*defined = true;
}

/*
 * A quantity (>= 0) over a denominator: a quantity too, or, when
 * den_may_be_negative, any finite value (a possibly contradictory apparent
 * consumption), a denominator <= 0 leaving the ratio undefined.
 */
static re_status
ratio_of(double num, double den, bool den_may_be_negative,
		 bool *defined, double *out, int *bad)
{
	*defined = false;
	CHECK(check_quantity(num, 0, bad));
	CHECK(den_may_be_negative ? check_finite(den, 1, bad) : check_quantity(den, 1, bad));
	quotient(num, den, defined, out);
	return RE_OK;
}

/*
 * Apparent consumption = production + imports - exports + stock_change
 * (USGS Mineral Commodity Summaries, Appendix: "production + imports -
 * exports +/- adjustments for Government and industry stock changes"), with
 * stock_change the decrease in stocks: a drawdown adds to consumption.
 * Summed with compensation so the result does not depend on argument order
 * more than the single rounding of the total; RE_OVERFLOW only when the
 * result itself is beyond double (1e308 + 1e308 - 1e308 is 1e308).
 */
re_status
re_apparent_consumption(double production, double imports, double exports,
						double stock_change, double *out, int *bad)
{
	double		terms[4] = {production, imports, -exports, stock_change};

	CHECK(check_quantity(production, 0, bad));
	CHECK(check_quantity(imports, 1, bad));
	CHECK(check_quantity(exports, 2, bad));
	CHECK(check_finite(stock_change, 3, bad));
	if (!re_sum_finite(terms, 4, out))
	{
		*bad = 1;
		return RE_OVERFLOW;
	}
	return RE_OK;
}

/*
 * Net import reliance = (imports - exports + stock_change) / apparent
 * consumption, as a fraction (USGS MCS, "net import reliance as a percentage
 * of apparent consumption").  Algebraically 1 - production / apparent
 * consumption, so it is at most 1 for production >= 0; negative for a net
 * exporter.  Undefined when apparent consumption <= 0: the inputs then
 * contradict each other and no ratio is meaningful.
 */
re_status
re_net_import_reliance(double production, double imports, double exports,
					   double stock_change, bool *defined, double *out, int *bad)
{
	double		consumption,
				net;
	double		terms[3] = {imports, -exports, stock_change};

	*defined = false;
	CHECK(re_apparent_consumption(production, imports, exports, stock_change,
								  &consumption, bad));
	/* net imports are at most consumption (production >= 0): finite when it is > 0 */
	if (!re_sum_finite(terms, 3, &net))
		return RE_OK;
	quotient(net, consumption, defined, out);
	if (*defined && *out > 1.0)
		*out = 1.0;				/* rounding must not exceed the algebraic bound */
	return RE_OK;
}

/*
 * The label USGS prints in the "net import reliance" row: "E" for a net
 * exporter (a negative reliance), otherwise the whole percent rounded half
 * away from zero ("75").  The fraction must be finite and at most 1.
 */
re_status
re_nir_label(double nir, char *buf)
{
	double		pct;

	if (!isfinite(nir))
		return RE_NONFINITE;
	if (nir > 1.0)
		return RE_OUT_OF_RANGE;
	if (nir < 0)
	{
		buf[0] = 'E';
		buf[1] = '\0';
		return RE_OK;
	}
	pct = round(nir * 100.0);
	snprintf(buf, 8, "%d", (int) pct);
	return RE_OK;
}

/*
 * Self-sufficiency = production / consumption (above 1 for a net exporter).
 * Consumption may be given as a (possibly contradictory, negative) apparent
 * consumption: <= 0 makes the ratio undefined rather than an error.
 */
re_status
re_self_sufficiency(double production, double consumption,
					bool *defined, double *out, int *bad)
{
	return ratio_of(production, consumption, true, defined, out, bad);
}

/* Development rate = annual production / reserves (a fraction per year). */
re_status
re_development_rate(double production, double reserves,
					bool *defined, double *out, int *bad)
{
	return ratio_of(production, reserves, false, defined, out, bad);
}

/* Reserve life (static reserve-to-production ratio) = reserves / production, years. */
re_status
re_reserve_life(double reserves, double production,
				bool *defined, double *out, int *bad)
{
	return ratio_of(reserves, production, false, defined, out, bad);
}

/*
 * Partner dependency = imports from one partner / apparent consumption: the
 * share of domestic need met by that partner.  Above 1 when the partner's
 * deliveries exceed domestic need (stock building, transit).
 */
re_status
re_partner_dependency(double partner_imports, double apparent_consumption,
					  bool *defined, double *out, int *bad)
{
	return ratio_of(partner_imports, apparent_consumption, true, defined, out, bad);
}

/*
 * Balassa (1965) revealed comparative advantage:
 *   RCA = (x_ij / X_i) / (x_wj / X_w)
 * x_ij exports of product j by country i, X_i its total exports, x_wj world
 * exports of j, X_w world total exports.  A part may not exceed its whole
 * (x_ij <= X_i, x_ij <= x_wj, x_wj <= X_w, X_i <= X_w).  Undefined when
 * X_i, x_wj or X_w is 0.
 */
re_status
re_rca(double x_ij, double x_i, double x_wj, double x_w,
	   bool *defined, double *out, int *bad)
{
	*defined = false;
	CHECK(check_quantity(x_ij, 0, bad));
	CHECK(check_quantity(x_i, 1, bad));
	CHECK(check_quantity(x_wj, 2, bad));
	CHECK(check_quantity(x_w, 3, bad));
	if (x_ij > x_i || x_ij > x_wj)
	{
		*bad = 0;
		return RE_OUT_OF_RANGE;
	}
	if (x_i > x_w)
	{
		*bad = 1;
		return RE_OUT_OF_RANGE;
	}
	if (x_wj > x_w)
	{
		*bad = 2;
		return RE_OUT_OF_RANGE;
	}
	if (!(x_i > 0) || !(x_wj > 0) || !(x_w > 0))
		return RE_OK;
	/* the two shares, as the definition reads (no overflow of x_ij * X_w) */
	quotient(x_ij / x_i, x_wj / x_w, defined, out);
	return RE_OK;
}

/*
 * CIF/FOB (IMF Direction of Trade Statistics): partner-reported exports are
 * FOB, reported imports CIF; DOTS estimates one from the other with a
 * CIF/FOB factor (1.06 in current DOTS practice, 1.10 historically):
 *   FOB = CIF / factor,  CIF = FOB * factor.
 * The factor must be finite and >= 1 (freight and insurance are not negative).
 */
static re_status
check_cif_fob(double value, double factor, int *bad)
{
	CHECK(check_quantity(value, 0, bad));
	if (!isfinite(factor))
	{
		*bad = 1;
		return RE_NONFINITE;
	}
	if (factor < 1.0)
	{
		*bad = 1;
		return RE_OUT_OF_RANGE;
	}
	return RE_OK;
}

re_status
re_cif_to_fob(double value, double factor, double *out, int *bad)
{
	CHECK(check_cif_fob(value, factor, bad));
	*out = value / factor;
	return RE_OK;
}

re_status
re_fob_to_cif(double value, double factor, double *out, int *bad)
{
	CHECK(check_cif_fob(value, factor, bad));
	*out = value * factor;
	if (!isfinite(*out))
	{
		*bad = 0;
		return RE_OVERFLOW;
	}
	return RE_OK;
}

/*
 * Mirror gap = (reporter imports converted to FOB - partner exports FOB) /
 * partner exports FOB: 0 when both sides agree, -1 when the reporter
 * declares nothing the partner shipped.  Undefined when the partner reports
 * no exports.
 */
re_status
re_mirror_gap(double reporter_imports_cif, double partner_exports_fob,
			  double factor, bool *defined, double *out, int *bad)
{
	double		fob;
	int			b = 0;
	re_status	st;

	*defined = false;
	st = re_cif_to_fob(reporter_imports_cif, factor, &fob, &b);
	if (st != RE_OK)
	{
		*bad = b == 1 ? 2 : 0;	/* the factor is the third argument here */
		return st;
	}
	CHECK(check_quantity(partner_exports_fob, 1, bad));
	quotient(fob - partner_exports_fob, partner_exports_fob, defined, out);
	return RE_OK;
}

/*
 * EU import reliance (JRC 2017 methodology, Blengini et al., EUR 28654):
 *   IR = (import - export) / (domestic production + import - export)
 * with EU-27 extra-EU trade.  Negative for a net exporter; undefined when
 * the denominator (apparent consumption) is <= 0.
 */
re_status
re_eu_import_reliance(double production, double imports, double exports,
					  bool *defined, double *out, int *bad)
{
	return re_net_import_reliance(production, imports, exports, 0.0, defined, out, bad);
}

/*
 * JRC 2017: the mean of the six World Governance Indicators (-2.5 ... 2.5,
 * higher is better) rescaled to 0-10 with 10 the worst governance:
 *   WGI_scaled = (2.5 - wgi) * 2.
 */
re_status
re_wgi_to_crm_scale(double wgi, double *out)
{
	int			bad;

	CHECK(check_range(wgi, -2.5, 2.5, 0, &bad));
	*out = (2.5 - wgi) * 2.0;
	return RE_OK;
}

/*
 * HHI-WGI (JRC 2017): sum over supplying countries c of
 *   s_c^2 * WGI_c * t_c
 * s_c the share as a fraction, WGI_c on the 0-10 scale, t_c the
 * trade-related adjustment (1 when none).  Suppliers with quantity 0 add
 * nothing and need no score.
 */
re_status
re_hhi_wgi(const re_mix *mix, const double *wgi, const bool *has_wgi,
		   const double *trade, bool *defined, double *out, int64_t *bad)
{
	double		total = re_mix_total(mix);
	re_ksum		k = {0, 0};
	int			ignored;

	*defined = false;
	for (uint32_t i = 0; i < mix->n; i++)
	{
		if (!has_wgi[i])
		{
			if (mix->qty[i] > 0)
			{
				*bad = i;
				return RE_UNRECOGNIZED;
			}
			continue;
		}
		if (check_range(wgi[i], 0.0, 10.0, 0, &ignored) != RE_OK)
		{
			*bad = i;
			return isfinite(wgi[i]) ? RE_OUT_OF_RANGE : RE_NONFINITE;
		}
		if (check_quantity(trade[i], 0, &ignored) != RE_OK)
		{
			*bad = i;
			return isfinite(trade[i]) ? RE_NEGATIVE : RE_NONFINITE;
		}
	}
	if (!(total > 0))
		return RE_OK;
	for (uint32_t i = 0; i < mix->n; i++)
	{
		double		s = mix->qty[i] / total;

		if (s > 0)
			re_ksum_add(&k, s * s * wgi[i] * trade[i]);
	}
	*out = re_ksum_value(&k);
	if (!isfinite(*out))
		return RE_OVERFLOW;
	*defined = true;
	return RE_OK;
}

/*
 * Supply risk (JRC 2017 methodology, used for the 2020 and 2023 EU lists):
 *   SR = [HHI_WGI,GS * IR/2 + HHI_WGI,EU * (1 - IR/2)] * (1 - EoL_RIR) * SI_SR
 * HHI_WGI,GS over global supply, HHI_WGI,EU over the EU sourcing mix, IR the
 * import reliance, EoL_RIR the end-of-life recycling input rate and SI_SR
 * the substitution index for supply risk, IR, EoL_RIR and SI_SR fractions
 * in 0..1.  HHI-WGI values are finite and >= 0.
 */
re_status
re_supply_risk(double hhi_wgi_global, double hhi_wgi_eu, double import_reliance,
			   double eol_rir, double substitution_index, double *out, int *bad)
{
	CHECK(check_quantity(hhi_wgi_global, 0, bad));
	CHECK(check_quantity(hhi_wgi_eu, 1, bad));
	CHECK(check_range(import_reliance, 0.0, 1.0, 2, bad));
	CHECK(check_range(eol_rir, 0.0, 1.0, 3, bad));
	CHECK(check_range(substitution_index, 0.0, 1.0, 4, bad));
	*out = (hhi_wgi_global * import_reliance / 2.0 +
			hhi_wgi_eu * (1.0 - import_reliance / 2.0)) *
		(1.0 - eol_rir) * substitution_index;
	if (!isfinite(*out))
	{
		*bad = 0;
		return RE_OVERFLOW;
	}
	return RE_OK;
}

/*
 * EU criticality thresholds (JRC 2017, kept for the 2020 and 2023 lists): a
 * raw material is critical when SR >= 1.0 and EI >= 2.8.
 */
re_status
re_is_critical(double supply_risk, double economic_importance, bool *out, int *bad)
{
	CHECK(check_quantity(supply_risk, 0, bad));
	CHECK(check_quantity(economic_importance, 1, bad));
	*out = supply_risk >= 1.0 && economic_importance >= 2.8;
	return RE_OK;
}
