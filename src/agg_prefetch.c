/*
 * agg_prefetch.c — the final functions of a hashed aggregation fetch the
 * next groups' memory ahead of time.
 *
 * When a hash aggregate emits its groups, PostgreSQL walks its hash table's
 * buckets and, for each group, reads the group's key tuple, its per-group
 * array, and calls our final function, which reads the group's state.  The
 * groups lie in memory in the order they were created, the buckets in hash
 * order, so each of those reads is a cache miss: with a million groups of
 * five suppliers, the state's first read was 8% of a supply_mix query (perf,
 * test/bench/README.md).  The final function knows where the walk goes
 * next: the bucket iterator is the AggState's
 * (AggStatePerHashData.hashiter over a simplehash, whose ITERATE walks
 * the bucket array backwards).  So each final call looks a few occupied
 * buckets ahead: PREFETCH_FAR groups ahead it prefetches the key tuple and
 * the per-group array (which PostgreSQL reads next, and in which we find
 * the state's address), PREFETCH_NEAR groups ahead, those having arrived, it
 * reads that group's state pointer and prefetches the state's first lines.
 *
 * Only reads are done, of memory PostgreSQL itself reads next: the buckets,
 * and for occupied ones their pointers, which a hash aggregate sets when it
 * creates the entry (nodeAgg.c initialize_hash_entry).  Anything but a
 * hashed aggregation (sorted or mixed strategies, window functions, direct
 * calls) does nothing, and so does every call on a server whose nodeAgg
 * layout was not checked (RE_PERF_LAYER, pg_compat.h).  re_prefetch_walks
 * counts the calls that looked ahead, for performance_layers().
 */
#include "postgres.h"

#include "executor/executor.h"
#include "executor/nodeAgg.h"
#include "nodes/execnodes.h"

#include "glue.h"

#define PREFETCH_NEAR 4
#define PREFETCH_FAR 8
/* occupied buckets are most of them (fill factor up to 0.9): a bound on the walk */
#define PREFETCH_SCAN 32

uint64		re_prefetch_walks = 0;

void
re_prefetch_coming_groups(FunctionCallInfo fcinfo, int lines)
{
#if RE_PERF_LAYER
	AggState   *agg = (AggState *) fcinfo->context;
	AggStatePerHash perhash;
	tuplehash_hash *tb;
	uint32		pos,
				end;
	bool		done;
	int			transno,
				seen = 0;

	if (agg == NULL || !IsA(agg, AggState) || agg->aggstrategy != AGG_HASHED ||
		!agg->table_filled || agg->curperagg == NULL || agg->perhash == NULL ||
		agg->current_set < 0 || agg->current_set >= agg->num_hashes)
		return;
	perhash = &agg->perhash[agg->current_set];
	if (perhash->hashtable == NULL || perhash->hashtable->hashtab == NULL)
		return;
	tb = perhash->hashtable->hashtab;
	re_prefetch_walks++;
	transno = agg->curperagg->transno;
	/* the buckets the iterator visits next, as tuplehash_iterate does */
	pos = perhash->hashiter.cur;
	end = perhash->hashiter.end & tb->sizemask;
	done = perhash->hashiter.done;
	for (int scanned = 0; !done && scanned < PREFETCH_SCAN && seen < PREFETCH_FAR; scanned++)
	{
		TupleHashEntryData *e = &tb->data[pos & tb->sizemask];
		void	   *additional;

		pos = (pos - 1) & tb->sizemask;
		if (pos == end)
			done = true;
		if (e->status != tuplehash_SH_IN_USE)
			continue;
		additional = re_hash_entry_additional(perhash->hashtable, e);
		if (additional == NULL)
			continue;
		seen++;
		if (seen == PREFETCH_NEAR)
		{
			AggStatePerGroup pergroup = (AggStatePerGroup) additional;

			if (!pergroup[transno].transValueIsNull)
			{
				const char *state = DatumGetPointer(pergroup[transno].transValue);

				for (int l = 0; l < lines; l++)
					__builtin_prefetch(state + 64 * l, 0);
			}
		}
		else if (seen == PREFETCH_FAR)
		{
			__builtin_prefetch(additional, 0);
			__builtin_prefetch(e->firstTuple, 0);
		}
	}
#else
	(void) fcinfo;
	(void) lines;
#endif
}
