/*
 * supply_risk.c — glue for the EU Critical Raw Materials supply-risk
 * functions (JRC 2017 methodology): import reliance, WGI rescaling, HHI-WGI
 * over a supply_mix, supply risk and the criticality thresholds.  Formulas
 * and sources are in src/core/metrics.c.
 */
#include "postgres.h"

#include <math.h>

#include "fmgr.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/numeric.h"

#include "metrics_glue.h"

PG_FUNCTION_INFO_V1(re_sql_eu_import_reliance);
Datum
re_sql_eu_import_reliance(PG_FUNCTION_ARGS)
{
	static const char *const args[] = {"production", "imports", "exports"};
	double		a[3] = {PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1), PG_GETARG_FLOAT8(2)};
	double		v = 0;
	bool		defined = false;
	int			bad = 0;
	re_status	st = re_eu_import_reliance(a[0], a[1], a[2], &defined, &v, &bad);

	if (st != RE_OK)
		re_report_metric_error(st, "eu_import_reliance", args, a, bad, NULL);
	if (!defined)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(v);
}

PG_FUNCTION_INFO_V1(re_sql_wgi_to_crm_scale);
Datum
re_sql_wgi_to_crm_scale(PG_FUNCTION_ARGS)
{
	static const char *const args[] = {"wgi"};
	double		a[1] = {PG_GETARG_FLOAT8(0)};
	double		v = 0;
	re_status	st = re_wgi_to_crm_scale(a[0], &v);

	if (st != RE_OK)
		re_report_metric_error(st, "wgi_to_crm_scale", args, a, 0,
							   "Pass the mean World Governance Indicator estimate, between -2.5 and 2.5.");
	PG_RETURN_FLOAT8(v);
}

PG_FUNCTION_INFO_V1(re_sql_supply_risk);
Datum
re_sql_supply_risk(PG_FUNCTION_ARGS)
{
	static const char *const args[] = {"hhi_wgi_global", "hhi_wgi_eu_sourcing", "import_reliance",
	"eol_rir", "substitution_index"};
	double		a[5] = {PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1), PG_GETARG_FLOAT8(2),
	PG_GETARG_FLOAT8(3), PG_GETARG_FLOAT8(4)};
	double		v = 0;
	int			bad = 0;
	re_status	st = re_supply_risk(a[0], a[1], a[2], a[3], a[4], &v, &bad);

	if (st != RE_OK)
		re_report_metric_error(st, "supply_risk", args, a, bad,
							   bad >= 2 ? "Import reliance, EoL-RIR and the substitution index are fractions between 0 and 1 (80% is 0.8)." : NULL);
	PG_RETURN_FLOAT8(v);
}

PG_FUNCTION_INFO_V1(re_sql_is_critical);
Datum
re_sql_is_critical(PG_FUNCTION_ARGS)
{
	static const char *const args[] = {"supply_risk", "economic_importance"};
	double		a[2] = {PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1)};
	bool		v = false;
	int			bad = 0;
	re_status	st = re_is_critical(a[0], a[1], &v, &bad);

	if (st != RE_OK)
		re_report_metric_error(st, "is_critical", args, a, bad, NULL);
	PG_RETURN_BOOL(v);
}

/*
 * Look up a supplier in a jsonb object of supplier: number.  Returns false
 * when the key is absent (or is JSON null); a value that is not a number is
 * an error naming the supplier and the argument.
 */
bool
re_jsonb_number(Jsonb *obj, const char *key, uint32 keylen, const char *argname, double *out)
{
	JsonbValue	k;
	JsonbValue *v;

	k.type = jbvString;
	k.val.string.val = (char *) key;
	k.val.string.len = (int) keylen;
	v = findJsonbValueFromContainer(&obj->root, JB_FOBJECT, &k);
	if (v == NULL || v->type == jbvNull)
		return false;
	if (v->type != jbvNumeric)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s value for supplier \"%.*s\" is not a number", argname, (int) keylen, key),
				 errhint("Pass a jsonb object of supplier: number, e.g. {\"CHN\": 5.6}.")));
	*out = DatumGetFloat8(DirectFunctionCall1(numeric_float8, NumericGetDatum(v->val.numeric)));
	return true;
}

void
re_require_jsonb_object(Jsonb *j, const char *argname)
{
	if (!JB_ROOT_IS_OBJECT(j) || JB_ROOT_IS_SCALAR(j))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s must be a jsonb object of supplier: number", argname),
				 errhint("For example {\"CHN\": 5.6, \"AUS\": 1.0}.")));
}

/*
 * hhi_wgi(mix, governance, trade_factors DEFAULT NULL) and
 * hhi_wgi(mix, governance, trade_factors, missing_score): not STRICT so that a NULL trade_factors means "1 for every
 * supplier" and a NULL missing_score "no default score"; a NULL mix or
 * governance gives NULL.  missing_score stands in for the WGI of every
 * supplier that governance does not score (USGS "Other countries", XAN).
 */
PG_FUNCTION_INFO_V1(re_sql_hhi_wgi);
Datum
re_sql_hhi_wgi(PG_FUNCTION_ARGS)
{
	re_mix		mix;
	Jsonb	   *gov;
	Jsonb	   *trade = NULL;
	double	   *wgi,
			   *t;
	bool	   *has;
	bool		defined = false;
	double		v = 0;
	double		missing = 0;
	bool		has_missing = false;
	int64_t		bad = 0;
	re_status	st;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		PG_RETURN_NULL();
	re_mix_from_datum(PG_GETARG_DATUM(0), &mix);
	gov = PG_GETARG_JSONB_P(1);
	re_require_jsonb_object(gov, "governance");
	if (!PG_ARGISNULL(2))
	{
		trade = PG_GETARG_JSONB_P(2);
		re_require_jsonb_object(trade, "trade_factors");
	}
	/* the 0.1.0 form has three arguments, the missing_score form four */
	if (PG_NARGS() > 3 && !PG_ARGISNULL(3))
	{
		missing = PG_GETARG_FLOAT8(3);
		if (!(missing >= 0 && missing <= 10))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("missing_score is outside 0 to 10: \"%g\"", missing),
					 errhint("missing_score is a WGI score on the EU 0-10 scale (10 worst), used for every supplier governance does not score.")));
		has_missing = true;
	}
	wgi = palloc(sizeof(double) * (mix.n ? mix.n : 1));
	t = palloc(sizeof(double) * (mix.n ? mix.n : 1));
	has = palloc(sizeof(bool) * (mix.n ? mix.n : 1));
	for (uint32 i = 0; i < mix.n; i++)
	{
		CHECK_FOR_INTERRUPTS();
		has[i] = re_jsonb_number(gov, mix.keys[i], mix.lens[i], "governance", &wgi[i]);
		if (!has[i] && has_missing)
		{
			wgi[i] = missing;
			has[i] = true;
		}
		t[i] = 1.0;
		if (trade != NULL)
			(void) re_jsonb_number(trade, mix.keys[i], mix.lens[i], "trade_factors", &t[i]);
	}
	st = re_hhi_wgi(&mix, wgi, has, t, &defined, &v, &bad);
	if (st == RE_OVERFLOW)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("result of hhi_wgi is out of range for type double precision"),
				 errdetail("The trade factors make the sum overflow.")));
	if (st == RE_UNRECOGNIZED)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("no governance score for supplier \"%.*s\"",
						(int) mix.lens[bad], mix.keys[bad]),
				 errhint("Give every supplier with a positive quantity a WGI score on the 0-10 scale (see wgi_to_crm_scale and governance_scores), or pass missing_score.")));
	if (st == RE_OUT_OF_RANGE || (st == RE_NONFINITE && has[bad] && !isfinite(wgi[bad])))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("governance score for supplier \"%.*s\" is outside 0 to 10: \"%g\"",
						(int) mix.lens[bad], mix.keys[bad], wgi[bad]),
				 errhint("Governance scores are WGI on the EU 0-10 scale (10 worst); see wgi_to_crm_scale.")));
	if (st != RE_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("trade factor for supplier \"%.*s\" is negative or not finite: \"%g\"",
						(int) mix.lens[bad], mix.keys[bad], t[bad]),
				 errhint("Trade factors are finite and zero or positive; 1 means no adjustment.")));
	if (!defined)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(v);
}
