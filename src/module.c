/*
 * module.c — the shared library's magic block and the helpers of glue.h.
 */
#include "postgres.h"

#include "common/shortest_dec.h"
#include "fmgr.h"
#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "nodes/execnodes.h"
#include "utils/memutils.h"

#include "glue.h"

PG_MODULE_MAGIC;

/*
 * The core's interrupt hook (rareearth_core.h): a pending cancel, timeout
 * or termination raises its error from inside the core's long loops.
 */
static void
pg_interrupt(void)
{
	CHECK_FOR_INTERRUPTS();
}

void		_PG_init(void);

void
_PG_init(void)
{
	re_set_interrupt_hook(pg_interrupt);
}

static void *
pg_alloc(void *ctx, size_t size)
{
	return MemoryContextAllocExtended((MemoryContext) ctx, size, MCXT_ALLOC_HUGE);
}

static void
pg_free(void *ctx, void *ptr)
{
	(void) ctx;					/* pfree finds the context itself */
	pfree(ptr);
}

re_allocator
re_pg_allocator(MemoryContext cxt)
{
	re_allocator a = {pg_alloc, pg_free, cxt, NULL};

	return a;
}

void
re_report_decode_error(re_status st, const char *what, int sqlstate)
{
	if (st == RE_ENOMEM)
		ereport(ERROR,
				(errcode(ERRCODE_OUT_OF_MEMORY),
				 errmsg("out of memory while decoding %s", what)));
	ereport(ERROR,
			(errcode(sqlstate),
			 errmsg("invalid binary %s value", what),
			 errdetail("%s", re_status_message(st))));
	pg_unreachable();
}

void
re_save_mix_total(struct Node *escontext, const char *detail)
{
	errsave(escontext,
			errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			errmsg("total quantity of supply_mix is out of range for type double precision"),
			detail ? errdetail_internal("%s", detail) :
			errdetail("The quantities of all suppliers must add up to a finite double precision number."));
}

void
re_report_mix_total(const char *detail)
{
	re_save_mix_total(NULL, detail);
	pg_unreachable();
}

void
re_report_mix_quantity(re_status st, const char *supplier, double qty)
{
	char		num[DOUBLE_SHORTEST_DECIMAL_LEN];

	double_to_shortest_decimal_buf(qty, num);
	if (st == RE_NEGATIVE)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("quantity %s for supplier \"%s\" is negative", num, supplier),
				 errhint("Supply quantities must be zero or positive; use NULL for unknown values.")));
	if (st == RE_NONFINITE)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("quantity \"%s\" for supplier \"%s\" is not finite", num, supplier)));
	if (st == RE_OVERFLOW)
		re_report_mix_total(psprintf("The sum overflows where quantity %s for supplier \"%s\" is added.",
									 num, supplier));
	ereport(ERROR, (errcode(ERRCODE_OUT_OF_MEMORY), errmsg("out of memory")));
	pg_unreachable();
}

void
re_mix_from_datum_for_output(Datum d, re_mix *mix)
{
	bytea	   *v = (bytea *) PG_DETOAST_DATUM_PACKED(d);
	re_status	st;

	st = re_mix_decode(mix, re_pg_allocator(CurrentMemoryContext),
					   (const uint8_t *) VARDATA_ANY(v), VARSIZE_ANY_EXHDR(v));
	if (st != RE_OK)
		re_report_decode_error(st, "supply_mix", ERRCODE_DATA_CORRUPTED);
}

void
re_mix_from_datum(Datum d, re_mix *mix)
{
	re_mix_from_datum_for_output(d, mix);
	if (re_mix_check_total(mix) != RE_OK)
		re_report_mix_total(NULL);
}

/* serve from the caller's buffer while it lasts, then from CurrentMemoryContext */
static void *
scratch_alloc(void *ctx, size_t size)
{
	re_scratch *s = ctx;

	size = MAXALIGN(size);
	if (size <= s->left)
	{
		void	   *p = s->next;

		s->next += size;
		s->left -= size;
		return p;
	}
	return palloc_extended(size, MCXT_ALLOC_HUGE);
}

void
re_mix_from_datum_scratch(Datum d, re_mix *mix, re_scratch *scratch)
{
	bytea	   *v = (bytea *) PG_DETOAST_DATUM_PACKED(d);
	re_allocator a = {scratch_alloc, NULL, scratch, NULL};
	re_status	st;

	scratch->next = scratch->buf.bytes;
	scratch->left = sizeof(scratch->buf.bytes);
	st = re_mix_decode(mix, a, (const uint8_t *) VARDATA_ANY(v), VARSIZE_ANY_EXHDR(v));
	if (st != RE_OK)
		re_report_decode_error(st, "supply_mix", ERRCODE_DATA_CORRUPTED);
	if (re_mix_check_total(mix) != RE_OK)
		re_report_mix_total(NULL);
}

static void
encode_mix(const void *mix, uint8 *out)
{
	re_mix_encode(mix, out);
}

bytea *
re_mix_to_varlena(const re_mix *mix)
{
	return re_encode_varlena(mix, re_mix_encoded_size(mix), encode_mix, "supply_mix");
}

MemoryContext
re_agg_context(FunctionCallInfo fcinfo, const char *fname)
{
	MemoryContext aggcxt;

	if (!AggCheckCallContext(fcinfo, &aggcxt))
		elog(ERROR, "%s called in non-aggregate context", fname);
	return aggcxt;
}

Datum
re_send_varlena_bytes(FunctionCallInfo fcinfo)
{
	bytea	   *v = PG_GETARG_BYTEA_PP(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbytes(&buf, VARDATA_ANY(v), VARSIZE_ANY_EXHDR(v));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ------------------------------------------------------------------------ */
/* aggregate states in hashed aggregation                                    */
/* ------------------------------------------------------------------------ */

/*
 * Hashed aggregation keeps every group's state until the end, so the
 * 16-byte header and power-of-two rounding of each palloc chunk are a good
 * part of a small state.  There, states of up to POOL_MAX_CHUNK bytes come
 * from blocks of the hash table's memory context instead, cut to their
 * exact size, and freed ones (a state that grew) are kept for the next of
 * the same size.  The blocks are the context's own, counted in its memory
 * use; when the context is reset (a spilled batch done, a rescan) a
 * callback forgets them.  Elsewhere (sorted or plain aggregation, window
 * functions) states are palloc'd, and so are all states on a server whose
 * nodeAgg was not checked (RE_PERF_LAYER, pg_compat.h): the pool relies on
 * where nodeAgg keeps a hashed aggregation's states (hashcontext while
 * curaggcontext points at it).  re_pool_states counts the states cut from
 * pool blocks, for performance_layers().
 */
#define POOL_FIRST_BLOCK (64 * 1024)
#define POOL_MAX_BLOCK (1024 * 1024)

uint64		re_pool_states = 0;

static void
pool_reset(void *arg)
{
	re_state_pool *p = arg;
	void		(*on_reset) (void *) = p->on_reset;
	void	   *on_reset_arg = p->on_reset_arg;

	memset(p, 0, sizeof(re_state_pool));
	if (on_reset)
		on_reset(on_reset_arg);
}

static void *
pool_alloc(void *ctx, size_t size)
{
	re_state_pool *p = ctx;
	char	   *chunk;

	size = MAXALIGN(size);
	if (size > RE_POOL_MAX_CHUNK)
		return MemoryContextAllocExtended(p->cxt, size, MCXT_ALLOC_HUGE);
	if (p->freed[size / MAXIMUM_ALIGNOF] != NULL)
	{
		chunk = p->freed[size / MAXIMUM_ALIGNOF];
		p->freed[size / MAXIMUM_ALIGNOF] = *(void **) chunk;
		return chunk;
	}
	if (size > p->left)
	{
		p->next = MemoryContextAlloc(p->cxt, p->block);
		p->left = p->block;
		p->block = Min(p->block * 2, POOL_MAX_BLOCK);
	}
	chunk = p->next;
	p->next += size;
	p->left -= size;
	re_pool_states++;
	return chunk;
}

static void
pool_free_sized(void *ctx, void *ptr, size_t size)
{
	re_state_pool *p = ctx;

	size = MAXALIGN(size);
	if (size > RE_POOL_MAX_CHUNK)
	{
		pfree(ptr);
		return;
	}
	*(void **) ptr = p->freed[size / MAXIMUM_ALIGNOF];
	p->freed[size / MAXIMUM_ALIGNOF] = ptr;
}

re_allocator
re_state_allocator(FunctionCallInfo fcinfo, MemoryContext cxt, re_state_pool *pool,
				   void (*on_reset) (void *arg), void *arg)
{
	AggState   *agg = (AggState *) fcinfo->context;

	if (RE_PERF_LAYER && agg != NULL && IsA(agg, AggState) && agg->hashcontext != NULL &&
		agg->curaggcontext == agg->hashcontext &&
		cxt == agg->hashcontext->ecxt_per_tuple_memory)
	{
		if (pool->cxt == NULL)
		{
			MemoryContextCallback *cb = MemoryContextAlloc(cxt, sizeof(MemoryContextCallback));

			cb->func = pool_reset;
			cb->arg = pool;
			MemoryContextRegisterResetCallback(cxt, cb);
			pool->cxt = cxt;
			pool->block = POOL_FIRST_BLOCK;
			pool->on_reset = on_reset;
			pool->on_reset_arg = arg;
		}
		if (pool->cxt == cxt)
		{
			re_allocator a = {pool_alloc, NULL, pool, pool_free_sized};

			return a;
		}
	}
	return re_pg_allocator(cxt);
}

bool
re_is_pool_allocator(re_allocator a)
{
	return a.free_sized == pool_free_sized;
}
