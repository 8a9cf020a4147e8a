/*
 * trajectory.c — glue for the trajectory type: text, binary and jsonb I/O,
 * and the aggregates trajectory(year, value) and rollup(trajectory).
 *
 * The math and the binary formats live in src/core/trajectory.c; this file
 * moves values between PostgreSQL and the core and turns statuses into
 * errors.
 */
#include "postgres.h"

#include <math.h>

#include "common/jsonapi.h"
#include "common/shortest_dec.h"
#include "fmgr.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/json.h"
#include "utils/jsonb.h"
#include "utils/jsonfuncs.h"
#include "utils/memutils.h"

#include "trajectory.h"

#define TRAJ_HINT "A trajectory is written as a JSON object of year: value, e.g. {\"2023\": 2500, \"2024\": 2600}."

/* the error for a year out of range, saved in escontext when that is a soft-error context */
static void
save_year_error(Node *escontext, int64 year)
{
	errsave(escontext,
			errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			errmsg("year %lld is outside the range %d to %d", (long long) year,
				   RE_TRAJ_YEAR_MIN, RE_TRAJ_YEAR_MAX),
			errhint("Trajectory years must lie between %d and %d.",
					RE_TRAJ_YEAR_MIN, RE_TRAJ_YEAR_MAX));
}

void
re_traj_report_year(int64 year)
{
	save_year_error(NULL, year);
	pg_unreachable();
}

void
re_traj_from_datum(Datum d, re_traj *t)
{
	bytea	   *v = (bytea *) PG_DETOAST_DATUM_PACKED(d);
	re_status	st;

	st = re_traj_decode(t, re_pg_allocator(CurrentMemoryContext),
						(const uint8_t *) VARDATA_ANY(v), VARSIZE_ANY_EXHDR(v));
	if (st != RE_OK)
		re_report_decode_error(st, "trajectory", ERRCODE_DATA_CORRUPTED);
}

/* the core's encoders, as the shared support calls them */
static void
encode_traj(const void *t, uint8 *out)
{
	re_traj_encode(t, out);
}

static void
encode_traj_state(const void *st, uint8 *out)
{
	re_traj_state_encode(st, out);
}

bytea *
re_traj_to_varlena(const re_traj *t)
{
	return re_encode_varlena(t, re_traj_encoded_size(t), encode_traj, "trajectory");
}

/* ------------------------------------------------------------------------ */
/* text I/O: a JSON object of year: value, parsed by PostgreSQL's own JSON   */
/* parser                                                                    */
/* ------------------------------------------------------------------------ */

/* the (year, value) pairs read so far */
typedef struct traj_pairs
{
	int			n,
				cap;
	int64	   *years;
	double	   *values;
} traj_pairs;

/* keys must be integer years in range; checked as soon as they are read */
static bool
traj_add_year(void *ctx, const char *key, Node *escontext)
{
	traj_pairs *p = ctx;
	int64		year;

	if (!re_traj_parse_year(key, strlen(key), &year))
		ereturn(escontext, false,
				errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				errmsg("trajectory key \"%s\" is not an integer year", key),
				errdetail("Years are written in decimal without a sign other than '-' and without leading zeros, e.g. \"2023\" or \"-500\"."),
				errhint(TRAJ_HINT));
	if (!re_traj_year_in_range(year))
	{
		save_year_error(escontext, year);
		return false;
	}
	if (p->n == p->cap)
	{
		p->cap *= 2;
		p->years = repalloc_huge(p->years, sizeof(int64) * p->cap);
		p->values = repalloc_huge(p->values, sizeof(double) * p->cap);
	}
	p->years[p->n] = year;
	return true;
}

static bool
traj_add_value(void *ctx, const char *key, const char *token, double v, Node *escontext)
{
	traj_pairs *p = ctx;

	(void) key;
	(void) token;
	(void) escontext;
	p->values[p->n++] = v;
	return true;
}

PG_FUNCTION_INFO_V1(trajectory_in);
Datum
trajectory_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	traj_pairs	p = {0};
	re_json_numbers spec = {"trajectory", "value", "year",
		"Values must be numbers, not objects.", TRAJ_HINT,
	traj_add_year, traj_add_value, &p, fcinfo->context};
	re_traj		t;
	int64		bad_year = 0;
	re_status	st;

	p.cap = 16;
	p.years = palloc(sizeof(int64) * p.cap);
	p.values = palloc(sizeof(double) * p.cap);
	if (!re_parse_json_numbers(str, &spec))
		return (Datum) 0;		/* a soft error, saved */

	st = re_traj_from_pairs(&t, re_pg_allocator(CurrentMemoryContext),
							p.n, p.years, p.values, &bad_year);
	if (st == RE_DUPLICATE_KEY)
		ereturn(fcinfo->context, (Datum) 0,
				errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				errmsg("duplicate year \"%lld\" in trajectory input", (long long) bad_year),
				errhint("Each year may appear once; add the values first."));
	if (st != RE_OK)
		re_report_decode_error(st, "trajectory", ERRCODE_INVALID_TEXT_REPRESENTATION);
	PG_RETURN_BYTEA_P(re_traj_to_varlena(&t));
}

/* Append the JSON text of a trajectory: years ascending, shortest round-trip numbers. */
static void
traj_to_json(StringInfo buf, const re_traj *t)
{
	char		num[DOUBLE_SHORTEST_DECIMAL_LEN];

	appendStringInfoChar(buf, '{');
	for (uint32 i = 0; i < t->n; i++)
	{
		double_to_shortest_decimal_buf(t->values[i], num);
		appendStringInfo(buf, "%s\"%d\": %s", i > 0 ? ", " : "", t->years[i], num);
	}
	appendStringInfoChar(buf, '}');
}

PG_FUNCTION_INFO_V1(trajectory_out);
Datum
trajectory_out(PG_FUNCTION_ARGS)
{
	re_traj		t;
	StringInfoData buf;

	re_traj_from_datum(PG_GETARG_DATUM(0), &t);
	initStringInfo(&buf);
	traj_to_json(&buf, &t);
	PG_RETURN_CSTRING(buf.data);
}

PG_FUNCTION_INFO_V1(trajectory_to_jsonb);
Datum
trajectory_to_jsonb(PG_FUNCTION_ARGS)
{
	re_traj		t;
	StringInfoData buf;

	re_traj_from_datum(PG_GETARG_DATUM(0), &t);
	initStringInfo(&buf);
	traj_to_json(&buf, &t);
	PG_RETURN_DATUM(DirectFunctionCall1(jsonb_in, CStringGetDatum(buf.data)));
}

PG_FUNCTION_INFO_V1(trajectory_recv);
Datum
trajectory_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	re_traj		t;
	re_status	st;

	st = re_traj_decode(&t, re_pg_allocator(CurrentMemoryContext),
						(const uint8_t *) buf->data + buf->cursor,
						buf->len - buf->cursor);
	if (st != RE_OK)
		re_report_decode_error(st, "trajectory", ERRCODE_INVALID_BINARY_REPRESENTATION);
	buf->cursor = buf->len;
	PG_RETURN_BYTEA_P(re_traj_to_varlena(&t));
}

PG_FUNCTION_INFO_V1(trajectory_send);
Datum
trajectory_send(PG_FUNCTION_ARGS)
{
	return re_send_varlena_bytes(fcinfo);
}

/* ------------------------------------------------------------------------ */
/* aggregates                                                               */
/* ------------------------------------------------------------------------ */

static re_traj_state *
new_state(MemoryContext cxt)
{
	re_traj_state *st = MemoryContextAlloc(cxt, sizeof(re_traj_state));

	if (re_traj_state_init(st, re_pg_allocator(cxt)) != RE_OK)
		ereport(ERROR, (errcode(ERRCODE_OUT_OF_MEMORY), errmsg("out of memory")));
	return st;
}

pg_noreturn static void report_add_error(re_status st, int64 year, double value);

static void
report_add_error(re_status st, int64 year, double value)
{
	char		num[DOUBLE_SHORTEST_DECIMAL_LEN];

	if (!re_traj_year_in_range(year))
		re_traj_report_year(year);
	double_to_shortest_decimal_buf(value, num);
	if (st == RE_NONFINITE)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("value \"%s\" for year %lld is not finite", num, (long long) year),
				 errhint("Use NULL for unknown values.")));
	if (st == RE_OVERFLOW)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("total value for year %lld is out of range for type double precision",
						(long long) year),
				 errdetail("The sum overflows where value %s is added.", num)));
	ereport(ERROR, (errcode(ERRCODE_OUT_OF_MEMORY), errmsg("out of memory")));
	pg_unreachable();
}

static Datum
trans(FunctionCallInfo fcinfo, bool numeric_value)
{
	re_traj_state *st = PG_ARGISNULL(0) ? NULL : (re_traj_state *) PG_GETARG_POINTER(0);

	/*
	 * Only the aggregate machinery can pass a non-NULL internal state (SQL can
	 * pass NULL only), so the context check is needed once per group, not per row.
	 */
	if (st == NULL)
		st = new_state(re_agg_context(fcinfo, "trajectory_trans"));
	if (!PG_ARGISNULL(1) && !PG_ARGISNULL(2))
	{
		int32		year = PG_GETARG_INT32(1);
		double		v = numeric_value
			? DatumGetFloat8(DirectFunctionCall1(numeric_float8, PG_GETARG_DATUM(2)))
			: PG_GETARG_FLOAT8(2);
		re_status	err = re_traj_add(st, year, v);

		if (err != RE_OK)
			report_add_error(err, year, v);
	}
	PG_RETURN_POINTER(st);
}

PG_FUNCTION_INFO_V1(trajectory_trans);
Datum
trajectory_trans(PG_FUNCTION_ARGS)
{
	return trans(fcinfo, false);
}

PG_FUNCTION_INFO_V1(trajectory_trans_numeric);
Datum
trajectory_trans_numeric(PG_FUNCTION_ARGS)
{
	return trans(fcinfo, true);
}

/* rollup(trajectory): add a finished series' values into the state */
PG_FUNCTION_INFO_V1(trajectory_rollup_trans);
Datum
trajectory_rollup_trans(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = re_agg_context(fcinfo, "trajectory_rollup_trans");
	re_traj_state *st = PG_ARGISNULL(0) ? NULL : (re_traj_state *) PG_GETARG_POINTER(0);

	if (st == NULL)
		st = new_state(cxt);
	if (!PG_ARGISNULL(1))
	{
		re_traj		t;

		re_traj_from_datum(PG_GETARG_DATUM(1), &t);
		for (uint32 i = 0; i < t.n; i++)
		{
			re_status	err = re_traj_add(st, t.years[i], t.values[i]);

			if (err != RE_OK)
				report_add_error(err, t.years[i], t.values[i]);
		}
	}
	PG_RETURN_POINTER(st);
}

PG_FUNCTION_INFO_V1(trajectory_combine);
Datum
trajectory_combine(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = re_agg_context(fcinfo, "trajectory_combine");
	re_traj_state *a = PG_ARGISNULL(0) ? NULL : (re_traj_state *) PG_GETARG_POINTER(0);
	re_traj_state *b = PG_ARGISNULL(1) ? NULL : (re_traj_state *) PG_GETARG_POINTER(1);
	re_status	err;

	if (b == NULL)
	{
		if (a == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(a);
	}
	if (a == NULL)
		a = new_state(cxt);		/* copy into the aggregate context */
	/* point by point rather than re_traj_state_merge, to name a failing year */
	for (uint32 i = 0; i < b->n; i++)
	{
		err = re_traj_add_ksum(a, b->pts[i].year, b->pts[i].value);
		if (err != RE_OK)
			report_add_error(err, b->pts[i].year, re_ksum_value(&b->pts[i].value));
	}
	PG_RETURN_POINTER(a);
}

PG_FUNCTION_INFO_V1(trajectory_serialize);
Datum
trajectory_serialize(PG_FUNCTION_ARGS)
{
	return re_serialize_state(fcinfo, "trajectory_serialize",
							  re_traj_state_encoded_size((re_traj_state *) PG_GETARG_POINTER(0)),
							  encode_traj_state, "trajectory aggregate state");
}

PG_FUNCTION_INFO_V1(trajectory_deserialize);
Datum
trajectory_deserialize(PG_FUNCTION_ARGS)
{
	re_traj_state *st = palloc(sizeof(re_traj_state));
	const uint8 *bytes;
	size_t		len;
	re_status	err;

	re_deserialize_input(fcinfo, "trajectory_deserialize", &bytes, &len);
	err = re_traj_state_decode(st, re_pg_allocator(CurrentMemoryContext), bytes, len);
	if (err != RE_OK)
		re_report_state_decode_error(err, "trajectory aggregate state");
	PG_RETURN_POINTER(st);
}

PG_FUNCTION_INFO_V1(trajectory_final);
Datum
trajectory_final(PG_FUNCTION_ARGS)
{
	re_traj_state *st = PG_ARGISNULL(0) ? NULL : (re_traj_state *) PG_GETARG_POINTER(0);
	re_traj		t = {0};
	re_status	err;

	re_agg_context(fcinfo, "trajectory_final");
	/* the header, and the first points allocated just after it (new_state): two lines */
	re_prefetch_coming_groups(fcinfo, 2);
	/* no rows (or only NULL rows): the empty series */
	if (st != NULL)
	{
		err = re_traj_from_state(&t, re_pg_allocator(CurrentMemoryContext), st);
		if (err != RE_OK)
			re_report_decode_error(err, "trajectory aggregate state", ERRCODE_INTERNAL_ERROR);
	}
	PG_RETURN_BYTEA_P(re_traj_to_varlena(&t));
}
