/*
 * perf_layers.c — performance_layers(): per layer of the performance layer
 * (state_pool.c, agg_prefetch.c's prefetch), whether this build
 * uses it on this server (RE_PERF_LAYER, pg_compat.h) and how often it
 * acted in this backend, so that a layer which silently does nothing
 * shows (test/scripts/perf_layers.sh).  A file of its own: the fuzz
 * harness links the glue files with the counters, not this one.
 */
#include "postgres.h"

#include "fmgr.h"
#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/tuplestore.h"

#include "glue.h"

PG_FUNCTION_INFO_V1(re_sql_performance_layers);
Datum
re_sql_performance_layers(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	const char *names[] = {"state pool", "prefetch"};
	uint64		used[] = {re_pool_states, re_prefetch_walks};

	InitMaterializedSRF(fcinfo, 0);
	for (int i = 0; i < 2; i++)
	{
		Datum		values[3];
		bool		nulls[3] = {false, false, false};

		values[0] = CStringGetTextDatum(names[i]);
		values[1] = BoolGetDatum(RE_PERF_LAYER);
		values[2] = Int64GetDatum((int64) used[i]);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}
