/*
 * metrics.c — glue for the scalar dependency metrics: apparent consumption,
 * net import reliance and its USGS label, self-sufficiency, development rate,
 * reserve life, partner dependency, RCA, CIF/FOB conversion and the mirror
 * trade helpers.  The formulas and their sources are in src/core/metrics.c.
 */
#include "postgres.h"

#include "common/shortest_dec.h"
#include "fmgr.h"
#include "utils/builtins.h"

#include "metrics_glue.h"

void
re_report_metric_error(re_status st, const char *fname,
					   const char *const *argnames, const double *args,
					   int bad, const char *range_hint)
{
	char		num[DOUBLE_SHORTEST_DECIMAL_LEN];
	const char *arg = argnames[bad];

	double_to_shortest_decimal_buf(args[bad], num);
	if (st == RE_NONFINITE)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("argument \"%s\" of %s is not finite: \"%s\"", arg, fname, num),
				 errhint("Pass a finite number; use NULL for unknown values.")));
	if (st == RE_NEGATIVE)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("argument \"%s\" of %s is negative: \"%s\"", arg, fname, num),
				 errhint("Quantities must be zero or positive; use NULL for unknown values.")));
	if (st == RE_OUT_OF_RANGE)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("argument \"%s\" of %s is out of range: \"%s\"", arg, fname, num),
				 range_hint ? errhint("%s", range_hint) : 0));
	if (st == RE_OVERFLOW)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("result of %s is out of range for type double precision", fname)));
	ereport(ERROR,
			(errcode(ERRCODE_INTERNAL_ERROR),
			 errmsg("unexpected status in %s", fname),
			 errdetail("%s", re_status_message(st))));
	pg_unreachable();
}

#define RETURN_IF_DEFINED(ok, value) \
	do { if (!(ok)) PG_RETURN_NULL(); PG_RETURN_FLOAT8(value); } while (0)

static const char *const balance_args[] = {"production", "imports", "exports", "stock_change"};

PG_FUNCTION_INFO_V1(re_sql_apparent_consumption);
Datum
re_sql_apparent_consumption(PG_FUNCTION_ARGS)
{
	double		a[4] = {PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1), PG_GETARG_FLOAT8(2), PG_GETARG_FLOAT8(3)};
	double		v = 0;
	int			bad = 0;
	re_status	st = re_apparent_consumption(a[0], a[1], a[2], a[3], &v, &bad);

	if (st != RE_OK)
		re_report_metric_error(st, "apparent_consumption", balance_args, a, bad, NULL);
	PG_RETURN_FLOAT8(v);
}

PG_FUNCTION_INFO_V1(re_sql_net_import_reliance);
Datum
re_sql_net_import_reliance(PG_FUNCTION_ARGS)
{
	double		a[4] = {PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1), PG_GETARG_FLOAT8(2), PG_GETARG_FLOAT8(3)};
	double		v = 0;
	bool		defined = false;
	int			bad = 0;
	re_status	st = re_net_import_reliance(a[0], a[1], a[2], a[3], &defined, &v, &bad);

	if (st != RE_OK)
		re_report_metric_error(st, "net_import_reliance", balance_args, a, bad, NULL);
	RETURN_IF_DEFINED(defined, v);
}

PG_FUNCTION_INFO_V1(re_sql_nir_label);
Datum
re_sql_nir_label(PG_FUNCTION_ARGS)
{
	static const char *const args[] = {"net_import_reliance"};
	double		a[1] = {PG_GETARG_FLOAT8(0)};
	char		buf[8];
	re_status	st = re_nir_label(a[0], buf);

	if (st != RE_OK)
		re_report_metric_error(st, "nir_label", args, a, 0,
							   "Net import reliance is a fraction of apparent consumption, at most 1.");
	PG_RETURN_TEXT_P(cstring_to_text(buf));
}

typedef re_status (*ratio_fn) (double, double, bool *, double *, int *);

/* The two-argument ratios share one shape: check, divide, NULL if undefined. */
static Datum
ratio(FunctionCallInfo fcinfo, ratio_fn fn, const char *fname, const char *const *args)
{
	double		a[2] = {PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1)};
	double		v = 0;
	bool		defined = false;
	int			bad = 0;
	re_status	st = fn(a[0], a[1], &defined, &v, &bad);

	if (st != RE_OK)
		re_report_metric_error(st, fname, args, a, bad, NULL);
	RETURN_IF_DEFINED(defined, v);
}

PG_FUNCTION_INFO_V1(re_sql_self_sufficiency);
Datum
re_sql_self_sufficiency(PG_FUNCTION_ARGS)
{
	static const char *const args[] = {"production", "consumption"};

	return ratio(fcinfo, re_self_sufficiency, "self_sufficiency", args);
}

PG_FUNCTION_INFO_V1(re_sql_development_rate);
Datum
re_sql_development_rate(PG_FUNCTION_ARGS)
{
	static const char *const args[] = {"production", "reserves"};

	return ratio(fcinfo, re_development_rate, "development_rate", args);
}

PG_FUNCTION_INFO_V1(re_sql_reserve_life);
Datum
re_sql_reserve_life(PG_FUNCTION_ARGS)
{
	static const char *const args[] = {"reserves", "production"};

	return ratio(fcinfo, re_reserve_life, "reserve_life", args);
}

PG_FUNCTION_INFO_V1(re_sql_partner_dependency);
Datum
re_sql_partner_dependency(PG_FUNCTION_ARGS)
{
	static const char *const args[] = {"imports_from_partner", "apparent_consumption"};

	return ratio(fcinfo, re_partner_dependency, "partner_dependency", args);
}

PG_FUNCTION_INFO_V1(re_sql_rca);
Datum
re_sql_rca(PG_FUNCTION_ARGS)
{
	static const char *const args[] = {"exports_of_product_by_country", "total_exports_of_country",
	"world_exports_of_product", "world_total_exports"};
	double		a[4] = {PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1), PG_GETARG_FLOAT8(2), PG_GETARG_FLOAT8(3)};
	double		v = 0;
	bool		defined = false;
	int			bad = 0;
	re_status	st = re_rca(a[0], a[1], a[2], a[3], &defined, &v, &bad);

	if (st != RE_OK)
		re_report_metric_error(st, "rca", args, a, bad,
							   "A part may not exceed its whole: product exports <= the country's total and <= world product exports, which are <= world total exports.");
	RETURN_IF_DEFINED(defined, v);
}

static const char *const cif_fob_args[] = {"value", "factor"};
static const char *const cif_fob_hint = "The CIF/FOB factor is at least 1 (IMF DOTS uses 1.06).";

PG_FUNCTION_INFO_V1(re_sql_cif_to_fob);
Datum
re_sql_cif_to_fob(PG_FUNCTION_ARGS)
{
	double		a[2] = {PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1)};
	double		v = 0;
	int			bad = 0;
	re_status	st = re_cif_to_fob(a[0], a[1], &v, &bad);

	if (st != RE_OK)
		re_report_metric_error(st, "cif_to_fob", cif_fob_args, a, bad, cif_fob_hint);
	PG_RETURN_FLOAT8(v);
}

PG_FUNCTION_INFO_V1(re_sql_fob_to_cif);
Datum
re_sql_fob_to_cif(PG_FUNCTION_ARGS)
{
	double		a[2] = {PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1)};
	double		v = 0;
	int			bad = 0;
	re_status	st = re_fob_to_cif(a[0], a[1], &v, &bad);

	/* an overflowing product is reported against the value (bad = 0) */
	if (st != RE_OK)
		re_report_metric_error(st, "fob_to_cif", cif_fob_args, a, bad,
							   bad == 1 ? cif_fob_hint : NULL);
	PG_RETURN_FLOAT8(v);
}

PG_FUNCTION_INFO_V1(re_sql_mirror_gap);
Datum
re_sql_mirror_gap(PG_FUNCTION_ARGS)
{
	static const char *const args[] = {"reporter_imports_cif", "partner_exports_fob", "cif_fob_factor"};
	double		a[3] = {PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1), PG_GETARG_FLOAT8(2)};
	double		v = 0;
	bool		defined = false;
	int			bad = 0;
	re_status	st = re_mirror_gap(a[0], a[1], a[2], &defined, &v, &bad);

	if (st != RE_OK)
		re_report_metric_error(st, "mirror_gap", args, a, bad, cif_fob_hint);
	RETURN_IF_DEFINED(defined, v);
}

/*
 * reconcile(source, reporter_value, mirror_value): which figure a dependency
 * query uses.  'reporter' the reporter's own declaration, 'mirror' the
 * partner-reported (mirror) figure, 'reconciled' the reporter's where it
 * reported and the mirror where it did not (NULL reporter value).  Not
 * STRICT: the NULLs are the point.  A NULL source gives NULL.
 */
PG_FUNCTION_INFO_V1(re_sql_reconcile);
Datum
re_sql_reconcile(PG_FUNCTION_ARGS)
{
	char	   *source;
	bool		use_reporter;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	source = text_to_cstring(PG_GETARG_TEXT_PP(0));
	if (strcmp(source, "reporter") == 0)
		use_reporter = true;
	else if (strcmp(source, "mirror") == 0)
		use_reporter = false;
	else if (strcmp(source, "reconciled") == 0)
		use_reporter = !PG_ARGISNULL(1);
	else
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unrecognized trade data source \"%s\"", source),
				 errhint("Use 'reporter', 'mirror' or 'reconciled'.")));
	if (use_reporter)
	{
		if (PG_ARGISNULL(1))
			PG_RETURN_NULL();
		PG_RETURN_FLOAT8(PG_GETARG_FLOAT8(1));
	}
	if (PG_ARGISNULL(2))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(PG_GETARG_FLOAT8(2));
}
