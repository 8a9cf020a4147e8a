/*
 * state_pool.c — where the aggregates' states live in hashed aggregation.
 */
#include "postgres.h"

#include "fmgr.h"
#include "nodes/execnodes.h"
#include "utils/memutils.h"

#include "glue.h"

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
