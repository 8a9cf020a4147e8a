/*
 * trade_network_chain.c — glue for origin tracing across supply stages:
 * chained_origin, chained_origin_flows and chained_disruption over an array
 * of trade_network values of consecutive stages of one commodity, earliest
 * first (mine -> separation -> metal -> magnet).  The math is in
 * src/core/origin.c (re_tn_chain_trace, re_tn_chain_disruption).
 *
 * A trade_network carries neither its stage nor its unit: ordering the
 * stages and converting every stage to one content unit is the caller's
 * part (origin_dependency and the store's views do it from the HS
 * catalogue), as the SQL comments say.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/tuplestore.h"

#include "glue.h"

/* the chain's networks, decoded and solved */
typedef struct chain_input
{
	uint32		k;
	re_tn	   *tn;
	re_tn_solution *s;
} chain_input;

/* the networks point into arr: it must live as long as in */
static void
load_chain(ArrayType *arr, chain_input *in, MemoryContext cxt)
{
	Datum	   *elems;
	bool	   *nulls;
	int			nelems;
	int16		typlen;
	bool		typbyval;
	char		typalign;
	MemoryContext old = MemoryContextSwitchTo(cxt);

	if (ARR_NDIM(arr) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("the stages of a chain must be a one-dimensional array of trade_network")));
	get_typlenbyvalalign(ARR_ELEMTYPE(arr), &typlen, &typbyval, &typalign);
	deconstruct_array(arr, ARR_ELEMTYPE(arr), typlen, typbyval, typalign, &elems, &nulls, &nelems);
	if (nelems == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("a chain of stages needs at least one trade_network"),
				 errhint("Pass the networks of consecutive stages, earliest first: ARRAY[mining, separation, ...].")));
	in->k = (uint32) nelems;
	in->tn = palloc(sizeof(re_tn) * nelems);
	in->s = palloc(sizeof(re_tn_solution) * nelems);
	for (int t = 0; t < nelems; t++)
	{
		CHECK_FOR_INTERRUPTS();
		if (nulls[t])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("stage %d of the chain is NULL", t + 1),
					 errhint("Every stage needs its network; an empty one is '{}'.")));
		re_tn_from_datum(elems[t], &in->tn[t]);
		re_tn_report_solve(re_tn_solve(&in->s[t], re_pg_allocator(cxt), in->tn[t].n,
									   in->tn[t].production, in->tn[t].m, in->tn[t].from,
									   in->tn[t].to, in->tn[t].qty));
	}
	MemoryContextSwitchTo(old);
}

static void
report_chain(re_status st)
{
	if (st == RE_TOO_LARGE)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("the chain has too many origins times countries to trace")));
	re_tn_report_solve(st);
}

/*
 * chained_origin over many countries of one chain (a call per country in
 * a query) traces the chain once: fn_extra keeps the last chain's array
 * bytes and its result.
 */
typedef struct chain_cache
{
	MemoryContext cxt;
	bool		valid;
	char	   *bytes;
	size_t		len;
	chain_input in;
	re_tn_chain chain;
} chain_cache;

static chain_cache *
traced_chain(FunctionCallInfo fcinfo)
{
	FmgrInfo   *fl = fcinfo->flinfo;
	ArrayType  *arr = PG_GETARG_ARRAYTYPE_P(0);
	size_t		len = VARSIZE(arr);
	chain_cache *c = fl->fn_extra;

	if (c == NULL)
	{
		c = MemoryContextAllocZero(fl->fn_mcxt, sizeof(chain_cache));
		c->cxt = AllocSetContextCreate(fl->fn_mcxt, "trade_network chain", ALLOCSET_DEFAULT_SIZES);
		fl->fn_extra = c;
	}
	if (c->valid && c->len == len && memcmp(c->bytes, arr, len) == 0)
		return c;
	/* an error below leaves no half-built cache behind */
	c->valid = false;
	MemoryContextReset(c->cxt);
	c->bytes = MemoryContextAllocHuge(c->cxt, len);
	memcpy(c->bytes, arr, len);
	c->len = len;
	/* the cached networks point into the cached copy */
	load_chain((ArrayType *) c->bytes, &c->in, c->cxt);
	report_chain(re_tn_chain_trace(&c->chain, re_pg_allocator(c->cxt), c->in.k, c->in.tn, c->in.s));
	c->valid = true;
	return c;
}

PG_FUNCTION_INFO_V1(trade_network_chained_origin);
Datum
trade_network_chained_origin(PG_FUNCTION_ARGS)
{
	chain_cache *c = traced_chain(fcinfo);
	text	   *country = PG_GETARG_TEXT_PP(1);
	const re_tn *last = &c->in.tn[c->in.k - 1];
	int64		j = re_tn_find(last, VARDATA_ANY(country), VARSIZE_ANY_EXHDR(country));
	double		none = 0;

	if (j < 0)					/* not a user at the last stage: nothing to trace */
		PG_RETURN_BYTEA_P(re_tn_mix_of(0, NULL, NULL, &none, 1));
	PG_RETURN_BYTEA_P(re_tn_mix_of(c->chain.norigins, c->chain.keys, c->chain.lens,
								   c->chain.quantity + j, c->chain.n));
}

/* (origin, destination, quantity, share of the destination's use), quantity > 0 */
PG_FUNCTION_INFO_V1(trade_network_chained_origin_flows);
Datum
trade_network_chained_origin_flows(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	chain_input in;
	re_tn_chain chain;
	const re_tn *last;
	const double *use;

	InitMaterializedSRF(fcinfo, 0);
	load_chain(PG_GETARG_ARRAYTYPE_P(0), &in, CurrentMemoryContext);
	report_chain(re_tn_chain_trace(&chain, re_pg_allocator(CurrentMemoryContext), in.k, in.tn, in.s));
	last = &in.tn[in.k - 1];
	use = in.s[in.k - 1].use;
	for (uint32 o = 0; o < chain.norigins; o++)
		for (uint32 j = 0; j < chain.n; j++)
		{
			double		q = chain.quantity[(size_t) o * chain.n + j];
			Datum		values[4];
			bool		nulls[4] = {false, false, false, false};

			CHECK_FOR_INTERRUPTS();
			if (q <= 0)
				continue;
			values[0] = PointerGetDatum(cstring_to_text_with_len(chain.keys[o], chain.lens[o]));
			values[1] = PointerGetDatum(cstring_to_text_with_len(last->keys[j], last->lens[j]));
			values[2] = Float8GetDatum(q);
			values[3] = Float8GetDatum(Min(q / use[j], 1.0));
			tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
		}
	return (Datum) 0;
}

/*
 * (country, use_before, use_after, shortfall, shortfall_share) at the last
 * stage: the supplier cuts its first-stage exports by the fraction cut.
 */
PG_FUNCTION_INFO_V1(trade_network_chained_disruption);
Datum
trade_network_chained_disruption(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	text	   *supplier = PG_GETARG_TEXT_PP(1);
	double		cut = PG_GETARG_FLOAT8(2);
	chain_input in;
	const re_tn *last;
	const double *use;
	double	   *after;

	if (!(cut >= 0 && cut <= 1))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cut %g is outside the range 0 to 1", cut),
				 errhint("The cut is the fraction of its first-stage exports the supplier withholds: 0.5 for half.")));
	InitMaterializedSRF(fcinfo, 0);
	load_chain(PG_GETARG_ARRAYTYPE_P(0), &in, CurrentMemoryContext);
	last = &in.tn[in.k - 1];
	use = in.s[in.k - 1].use;
	after = palloc(sizeof(double) * (last->n + 1));
	report_chain(re_tn_chain_disruption(re_pg_allocator(CurrentMemoryContext), in.k, in.tn, in.s,
										VARDATA_ANY(supplier), VARSIZE_ANY_EXHDR(supplier), cut, after));
	for (uint32 j = 0; j < last->n; j++)
	{
		Datum		values[5];
		bool		nulls[5] = {false, false, false, false, false};
		double		shortfall = re_plus_zero(use[j] - after[j]);

		CHECK_FOR_INTERRUPTS();
		values[0] = PointerGetDatum(cstring_to_text_with_len(last->keys[j], last->lens[j]));
		values[1] = Float8GetDatum(use[j]);
		values[2] = Float8GetDatum(after[j]);
		values[3] = Float8GetDatum(shortfall);
		if (use[j] > 0)
			values[4] = Float8GetDatum(shortfall / use[j]);
		else
		{
			values[4] = (Datum) 0;
			nulls[4] = true;
		}
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}
