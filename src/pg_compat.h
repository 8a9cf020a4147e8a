/*
 * pg_compat.h — every difference between the PostgreSQL major versions
 * rareearth builds on (15, 17, 18 tested; 19 as an early warning; 16 has
 * no Debian suite to test in), in one place: the rest of the code is
 * written against the newest API and this header maps it onto older ones.
 * Included by glue.h (so by every glue file) and by the fuzz shim.
 */
#ifndef RAREEARTH_PG_COMPAT_H
#define RAREEARTH_PG_COMPAT_H

#include "postgres.h"

/* 16 moved the varlena macros (VARDATA, SET_VARSIZE ...) out of postgres.h */
#if PG_VERSION_NUM >= 160000
#include "varatt.h"
#endif

/*
 * 18 replaced the pg_attribute_noreturn() suffix with the pg_noreturn
 * prefix; before 18 the attribute works as a prefix as well.  It goes
 * first, before static: 19 makes it C23's [[noreturn]].
 */
#ifndef pg_noreturn
#define pg_noreturn pg_attribute_noreturn()
#endif

/*
 * Soft errors (16+): an input function reports bad input with ereturn or
 * errsave into fcinfo->context, so that pg_input_is_valid() and COPY ...
 * ON_ERROR see it without a subtransaction.  On 15 both raise an ERROR.
 */
#if PG_VERSION_NUM >= 160000
#define RE_HAS_SOFT_ERRORS 1
#else
#define errsave(context, ...) \
	do { \
		(void) (context); \
		ereport(ERROR, __VA_ARGS__); \
	} while (0)
#define ereturn(context, dummy_value, ...) \
	do { \
		errsave(context, __VA_ARGS__); \
		return dummy_value; \
	} while (0)
#endif

/*
 * JSON semantic actions return a JsonParseErrorType since 16 (void
 * before); RE_JSON_ACTION declares one, RE_JSON_ACTION_DONE ends it and
 * RE_JSON_ACTION_FAILED ends it after a soft error (on 15 errsave raised,
 * so it is not reached).  re_parse_json_or_errsave is true unless a soft
 * error was saved in escontext.
 */
#if PG_VERSION_NUM >= 160000
#define RE_JSON_ACTION JsonParseErrorType
#define RE_JSON_ACTION_DONE return JSON_SUCCESS
#define RE_JSON_ACTION_FAILED return JSON_SEM_ACTION_FAILED
#define re_parse_json_or_errsave(lex, sem, escontext) pg_parse_json_or_errsave((lex), (sem), (escontext))
#else
#define RE_JSON_ACTION void
#define RE_JSON_ACTION_DONE return
#define RE_JSON_ACTION_FAILED return
#define re_parse_json_or_errsave(lex, sem, escontext) \
	((void) (escontext), pg_parse_json_or_ereport((lex), (sem)), true)
#endif

/* 17's makeJsonLexContextCstringLen takes the context to fill (NULL: palloc one) */
#if PG_VERSION_NUM >= 170000
#define re_make_json_lex(json, len, encoding, need_escapes) \
	makeJsonLexContextCstringLen(NULL, (json), (len), (encoding), (need_escapes))
#else
#define re_make_json_lex(json, len, encoding, need_escapes) \
	makeJsonLexContextCstringLen((json), (len), (encoding), (need_escapes))
#endif

/* pg_parse_json_or_errsave's semantic actions: const since 18 (the fuzz shim defines it) */
#if PG_VERSION_NUM >= 180000
#define RE_JSON_SEM_CONST const
#else
#define RE_JSON_SEM_CONST
#endif

/* pq_sendbytes' data: const void * since 16 (the fuzz shim defines it) */
#if PG_VERSION_NUM >= 160000
typedef const void *re_pq_bytes;
#else
typedef const char *re_pq_bytes;
#endif

/*
 * The performance layer reads nodeAgg's internals (agg_prefetch.c,
 * state_pool.c), checked against 15, 17 and 18 and assumed for 16,
 * whose hash aggregation is 15's and 17's.  A hash table entry's per-group
 * array: a field of the entry up to 17, stored before its first tuple
 * since 18.  On any other version (19 included, until checked) the layer
 * switches itself off: RE_PERF_LAYER is 0, and performance_layers() and
 * test/scripts/pg_version.sh say so.
 */
#if PG_VERSION_NUM >= 150000 && PG_VERSION_NUM < 190000 && defined(__GNUC__)
#define RE_PERF_LAYER 1
#else
#define RE_PERF_LAYER 0
#endif
#if PG_VERSION_NUM >= 180000
#define re_hash_entry_additional(table, entry) TupleHashEntryGetAdditional((table), (entry))
#else
#define re_hash_entry_additional(table, entry) ((void) (table), (entry)->additional)
#endif

#endif
