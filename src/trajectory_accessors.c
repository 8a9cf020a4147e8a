/*
 * trajectory_accessors.c — SQL accessors of a trajectory (points, CAGR,
 * year-on-year, the least-squares trend, targets, sparkline) and the scalar
 * growth functions and target paths.
 *
 * Each decodes the series and asks the core; an undefined result is NULL
 * (or no row), never NaN or Infinity.  Non-finite arguments are errors.
 */
#include "postgres.h"

#include <math.h>

#include "common/shortest_dec.h"
#include "fmgr.h"
#include "funcapi.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/tuplestore.h"

#include "trajectory.h"

#define RETURN_IF_DEFINED(ok, value) \
	do { if (!(ok)) PG_RETURN_NULL(); PG_RETURN_FLOAT8(value); } while (0)

static re_traj
arg_traj(FunctionCallInfo fcinfo)
{
	re_traj		t;

	re_traj_from_datum(PG_GETARG_DATUM(0), &t);
	return t;
}

/* A float8 argument that must be finite. */
static double
finite_arg(FunctionCallInfo fcinfo, int argno, const char *name)
{
	double		v = PG_GETARG_FLOAT8(argno);

	if (!isfinite(v))
	{
		char		num[DOUBLE_SHORTEST_DECIMAL_LEN];

		double_to_shortest_decimal_buf(v, num);
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s \"%s\" is not finite", name, num),
				 errhint("Pass a finite number; use NULL for unknown values.")));
	}
	return v;
}

/* A measure of the series alone: NULL where the core says undefined. */
static Datum
series_measure(FunctionCallInfo fcinfo, bool (*measure) (const re_traj *, double *))
{
	re_traj		t = arg_traj(fcinfo);
	double		v = 0;

	if (!measure(&t, &v))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(v);
}

/* A measure of the series in one year (argument 1). */
static Datum
year_measure(FunctionCallInfo fcinfo, bool (*measure) (const re_traj *, int64_t, double *))
{
	re_traj		t = arg_traj(fcinfo);
	double		v = 0;

	if (!measure(&t, PG_GETARG_INT32(1), &v))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(v);
}

/* ------------------------------------------------------------------------ */
/* points                                                                   */
/* ------------------------------------------------------------------------ */

PG_FUNCTION_INFO_V1(trajectory_first_year);
Datum
trajectory_first_year(PG_FUNCTION_ARGS)
{
	re_traj		t = arg_traj(fcinfo);

	if (t.n == 0)
		PG_RETURN_NULL();
	PG_RETURN_INT32(t.years[0]);
}

PG_FUNCTION_INFO_V1(trajectory_last_year);
Datum
trajectory_last_year(PG_FUNCTION_ARGS)
{
	re_traj		t = arg_traj(fcinfo);

	if (t.n == 0)
		PG_RETURN_NULL();
	PG_RETURN_INT32(t.years[t.n - 1]);
}

PG_FUNCTION_INFO_V1(trajectory_point_count);
Datum
trajectory_point_count(PG_FUNCTION_ARGS)
{
	re_traj		t = arg_traj(fcinfo);

	PG_RETURN_INT32((int32) t.n);	/* years are distinct and in range: n <= 20,001 */
}

PG_FUNCTION_INFO_V1(trajectory_value_at);
Datum
trajectory_value_at(PG_FUNCTION_ARGS)
{
	re_traj		t = arg_traj(fcinfo);
	int64		i = re_traj_find(&t, PG_GETARG_INT32(1));

	if (i < 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(t.values[i]);
}

/* ------------------------------------------------------------------------ */
/* growth                                                                   */
/* ------------------------------------------------------------------------ */

PG_FUNCTION_INFO_V1(trajectory_cagr);
Datum
trajectory_cagr(PG_FUNCTION_ARGS)
{
	re_traj		t = arg_traj(fcinfo);
	double		v = 0;
	bool		ok = t.n > 0 && re_traj_cagr(&t, t.years[0], t.years[t.n - 1], &v);

	RETURN_IF_DEFINED(ok, v);
}

PG_FUNCTION_INFO_V1(trajectory_cagr_between);
Datum
trajectory_cagr_between(PG_FUNCTION_ARGS)
{
	re_traj		t = arg_traj(fcinfo);
	double		v = 0;
	bool		ok = re_traj_cagr(&t, PG_GETARG_INT32(1), PG_GETARG_INT32(2), &v);

	RETURN_IF_DEFINED(ok, v);
}

PG_FUNCTION_INFO_V1(trajectory_yoy);
Datum
trajectory_yoy(PG_FUNCTION_ARGS)
{
	return year_measure(fcinfo, re_traj_yoy);
}

PG_FUNCTION_INFO_V1(trajectory_fold_change);
Datum
trajectory_fold_change(PG_FUNCTION_ARGS)
{
	return series_measure(fcinfo, re_traj_fold_change);
}

PG_FUNCTION_INFO_V1(trajectory_trend_rate);
Datum
trajectory_trend_rate(PG_FUNCTION_ARGS)
{
	return series_measure(fcinfo, re_traj_trend_rate);
}

PG_FUNCTION_INFO_V1(trajectory_trend_r2);
Datum
trajectory_trend_r2(PG_FUNCTION_ARGS)
{
	return series_measure(fcinfo, re_traj_trend_r2);
}

PG_FUNCTION_INFO_V1(trajectory_project);
Datum
trajectory_project(PG_FUNCTION_ARGS)
{
	return year_measure(fcinfo, re_traj_project);
}

PG_FUNCTION_INFO_V1(trajectory_doubling_time);
Datum
trajectory_doubling_time(PG_FUNCTION_ARGS)
{
	return series_measure(fcinfo, re_traj_doubling_time);
}

/* ------------------------------------------------------------------------ */
/* targets                                                                  */
/* ------------------------------------------------------------------------ */

PG_FUNCTION_INFO_V1(trajectory_required_cagr);
Datum
trajectory_required_cagr(PG_FUNCTION_ARGS)
{
	double		target = finite_arg(fcinfo, 1, "target");
	re_traj		t = arg_traj(fcinfo);
	double		v = 0;
	bool		ok = re_traj_required_cagr(&t, target, PG_GETARG_INT32(2), &v);

	RETURN_IF_DEFINED(ok, v);
}

PG_FUNCTION_INFO_V1(trajectory_years_to_target);
Datum
trajectory_years_to_target(PG_FUNCTION_ARGS)
{
	double		target = finite_arg(fcinfo, 1, "target");
	re_traj		t = arg_traj(fcinfo);
	double		v = 0;
	bool		ok = re_traj_years_to_target(&t, target, &v);

	RETURN_IF_DEFINED(ok, v);
}

PG_FUNCTION_INFO_V1(trajectory_on_track);
Datum
trajectory_on_track(PG_FUNCTION_ARGS)
{
	double		target = finite_arg(fcinfo, 1, "target");
	re_traj		t = arg_traj(fcinfo);
	bool		v = false;

	if (!re_traj_on_track(&t, target, PG_GETARG_INT32(2), &v))
		PG_RETURN_NULL();
	PG_RETURN_BOOL(v);
}

/* ------------------------------------------------------------------------ */
/* rows and the sparkline                                                   */
/* ------------------------------------------------------------------------ */

PG_FUNCTION_INFO_V1(trajectory_points);
Datum
trajectory_points(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	re_traj		t;

	InitMaterializedSRF(fcinfo, 0);
	t = arg_traj(fcinfo);
	for (uint32 i = 0; i < t.n; i++)
	{
		Datum		values[3];
		bool		nulls[3] = {false, false, false};
		double		yoy = 0;

		values[0] = Int32GetDatum(t.years[i]);
		values[1] = Float8GetDatum(t.values[i]);
		nulls[2] = !re_traj_yoy(&t, t.years[i], &yoy);
		values[2] = Float8GetDatum(yoy);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

PG_FUNCTION_INFO_V1(trajectory_sparkline);
Datum
trajectory_sparkline(PG_FUNCTION_ARGS)
{
	re_traj		t = arg_traj(fcinfo);
	size_t		size = re_traj_sparkline_size(&t);
	char	   *utf8;
	char	   *converted;

	if (size == 0)
		PG_RETURN_NULL();
	utf8 = palloc(size);
	re_traj_sparkline(&t, utf8);
	/* the bars are UTF-8; other server encodings get them converted (or an error) */
	converted = pg_any_to_server(utf8, strlen(utf8), PG_UTF8);
	PG_RETURN_TEXT_P(cstring_to_text(converted));
}

/* ------------------------------------------------------------------------ */
/* scalar growth functions                                                  */
/* ------------------------------------------------------------------------ */

/*
 * The scalar forms take two calendar years, never a span: a third number
 * that could be a year or a count of years was read both ways
 * (required_cagr(2600, 50000, 2030) gave 0.00146 as a 2,030-year rate, while
 * required_cagr(trajectory, 50000, 2030) reads 2030 as a year).
 *   (end/start)^(1/(to_year - from_year)) - 1   (OECD glossary, CAGR)
 * NULL when start or end <= 0 (undefined, as for the trajectory forms);
 * to_year <= from_year is an error: a rate over no time, or backwards, is a
 * mistaken call, not an undefined result.
 */
static Datum
scalar_cagr(FunctionCallInfo fcinfo, const char *start_name, const char *end_name)
{
	const char *const names[] = {start_name, end_name, "from_year", "to_year"};
	double		start;
	double		end;
	int32		from_year;
	int32		to_year;
	double		v = 0;

	/* not STRICT: a missing value is a mistaken call, said as such */
	for (int i = 0; i < 4; i++)
		if (PG_ARGISNULL(i))
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("the %s is NULL", names[i]),
					 errhint("Pass two values and two calendar years, e.g. (2600, 50000, 2024, 2030).")));
	start = finite_arg(fcinfo, 0, start_name);
	end = finite_arg(fcinfo, 1, end_name);
	from_year = PG_GETARG_INT32(2);
	to_year = PG_GETARG_INT32(3);

	if (to_year <= from_year)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("to_year %d is not later than from_year %d", to_year, from_year),
				 errhint("Pass two calendar years, the later one last: "
						 "required_cagr(2600, 50000, 2024, 2030) is the yearly growth from 2024 to 2030.")));
	/* int64: the span of two int32 years cannot overflow */
	if (!re_cagr(start, end, (double) ((int64) to_year - (int64) from_year), &v))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(v);
}

PG_FUNCTION_INFO_V1(cagr_years);
Datum
cagr_years(PG_FUNCTION_ARGS)
{
	return scalar_cagr(fcinfo, "start value", "end value");
}

/* the same formula, from the current value to a target */
PG_FUNCTION_INFO_V1(required_cagr_years);
Datum
required_cagr_years(PG_FUNCTION_ARGS)
{
	return scalar_cagr(fcinfo, "current value", "target");
}

/*
 * The 0.1.0 forms cagr(start, end, years) and required_cagr(current, target,
 * years): their SQL definitions stay in a database until ALTER EXTENSION
 * rareearth UPDATE drops them, and 0.1.0's install script (kept so that it
 * can be updated) needs these symbols.  They refuse, rather than go on
 * reading a year where a span was meant.
 */
static Datum
removed_span_form(const char *name)
{
	ereport(ERROR,
			(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
			 errmsg("%s(float8, float8, years float8) was removed in rareearth 0.2.0", name),
			 errhint("Run ALTER EXTENSION rareearth UPDATE, then call %s(value, value, from_year, to_year) with two calendar years.",
					 name)));
	pg_unreachable();
}

PG_FUNCTION_INFO_V1(cagr_scalar);
Datum
cagr_scalar(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	return removed_span_form("cagr");
}

PG_FUNCTION_INFO_V1(required_cagr_scalar);
Datum
required_cagr_scalar(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	return removed_span_form("required_cagr");
}

PG_FUNCTION_INFO_V1(doubling_time_rate);
Datum
doubling_time_rate(PG_FUNCTION_ARGS)
{
	double		rate = finite_arg(fcinfo, 0, "rate");
	double		v = 0;
	bool		ok = re_doubling_time(rate, &v);

	RETURN_IF_DEFINED(ok, v);
}

/* ------------------------------------------------------------------------ */
/* target paths                                                             */
/* ------------------------------------------------------------------------ */

typedef struct path_args
{
	int32		y0,
				y1;
	double		v0,
				v1;
} path_args;

/* Arguments start_year, start_value, target_year, target_value from argno on. */
static path_args
get_path_args(FunctionCallInfo fcinfo, int argno)
{
	path_args	a;

	a.y0 = PG_GETARG_INT32(argno);
	a.v0 = finite_arg(fcinfo, argno + 1, "start value");
	a.y1 = PG_GETARG_INT32(argno + 2);
	a.v1 = finite_arg(fcinfo, argno + 3, "target value");
	if (!re_traj_year_in_range(a.y0))
		re_traj_report_year(a.y0);
	if (!re_traj_year_in_range(a.y1))
		re_traj_report_year(a.y1);
	return a;
}

PG_FUNCTION_INFO_V1(target_path);
Datum
target_path(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	path_args	a = get_path_args(fcinfo, 0);
	double		v;

	InitMaterializedSRF(fcinfo, 0);
	/* an undefined path (values <= 0, target year not after start) has no rows */
	for (int32 y = a.y0; y <= a.y1; y++)
	{
		Datum		values[2];
		bool		nulls[2] = {false, false};

		if (!re_path_value(a.y0, a.v0, a.y1, a.v1, y, &v))
			break;
		values[0] = Int32GetDatum(y);
		values[1] = Float8GetDatum(v);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

PG_FUNCTION_INFO_V1(gap_to_path);
Datum
gap_to_path(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	path_args	a = get_path_args(fcinfo, 1);
	re_traj		t;
	double		planned;

	InitMaterializedSRF(fcinfo, 0);
	t = arg_traj(fcinfo);
	for (int32 y = a.y0; y <= a.y1; y++)
	{
		Datum		values[4];
		bool		nulls[4] = {false, false, false, false};
		int64		i = re_traj_find(&t, y);

		if (!re_path_value(a.y0, a.v0, a.y1, a.v1, y, &planned))
			break;
		values[0] = Int32GetDatum(y);
		values[1] = Float8GetDatum(i >= 0 ? t.values[i] : 0);
		nulls[1] = i < 0;
		values[2] = Float8GetDatum(planned);
		/* planned > 0, so the ratio is finite unless it overflows */
		nulls[3] = i < 0 || !isfinite(t.values[i] / planned);
		values[3] = Float8GetDatum(nulls[3] ? 0 : re_plus_zero(t.values[i] / planned));
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}
