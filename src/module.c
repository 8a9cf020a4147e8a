/*
 * module.c — the shared library's magic block, its interrupt hook, the
 * core's allocator over memory contexts and the decode-error report: the
 * ground floor every other glue file stands on (and which calls none).
 */
#include "postgres.h"

#include "fmgr.h"
#include "miscadmin.h"
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
