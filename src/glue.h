/*
 * glue.h — what every glue file shares: the core's allocator backed by a
 * PostgreSQL memory context, and the supply_mix varlena helpers.
 */
#ifndef RAREEARTH_GLUE_H
#define RAREEARTH_GLUE_H

#include "postgres.h"
#include "fmgr.h"

#include "rareearth_core.h"

/* An allocator that pallocs in cxt (huge allocations allowed). */
re_allocator re_pg_allocator(MemoryContext cxt);

/*
 * Raise an error for a core status that is not RE_OK.  what names the thing
 * being decoded or computed ("supply_mix", "supply_mix aggregate state").
 */
void		re_report_decode_error(re_status st, const char *what, int sqlstate) pg_attribute_noreturn();

/*
 * The aggregate memory context of an aggregate support function; an error
 * when fname is called outside an aggregate.
 */
MemoryContext re_agg_context(FunctionCallInfo fcinfo, const char *fname);

/*
 * A send function for types whose stored bytes are already their versioned
 * binary form: argument 0's bytes, unchanged.
 */
Datum		re_send_varlena_bytes(FunctionCallInfo fcinfo);

/* supply_mix values */
void		re_mix_from_datum(Datum d, re_mix *mix);
bytea	   *re_mix_to_varlena(const re_mix *mix);

#endif
