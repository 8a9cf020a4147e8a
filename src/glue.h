/*
 * glue.h — what glue files share, by the file that defines it: module.c
 * (the allocator over a memory context, decode errors), state_pool.c,
 * agg_support.c, agg_prefetch.c, json_numbers.c, supply_mix_datum.c and
 * supply_mix.c.  The layers call downwards only, in that order.
 */
#ifndef RAREEARTH_GLUE_H
#define RAREEARTH_GLUE_H

#include "postgres.h"
#include "fmgr.h"

#include "pg_compat.h"
#include "rareearth_core.h"

/* An allocator that pallocs in cxt (huge allocations allowed; module.c). */
re_allocator re_pg_allocator(MemoryContext cxt);

/*
 * Aggregate states in hashed aggregation (state_pool.c): a pool of the hash
 * table's memory context that cuts states of up to RE_POOL_MAX_CHUNK bytes
 * to size, without a chunk header, for the core's free_sized.  Keep the
 * pool in fn_extra (zeroed); re_state_allocator gives the pool's allocator
 * when cxt is the memory of a hashed aggregation's table, else palloc in
 * cxt, and calls on_reset(arg) when that memory is reset (the states are
 * freed unread).
 */
#define RE_POOL_MAX_CHUNK 256

typedef struct re_state_pool
{
	MemoryContext cxt;			/* the context served; NULL before use and after a reset */
	char	   *next;
	size_t		left;
	size_t		block;			/* the size of the next block */
	void	   *freed[RE_POOL_MAX_CHUNK / MAXIMUM_ALIGNOF + 1]; /* by size, linked */
	void		(*on_reset) (void *arg);
	void	   *on_reset_arg;
} re_state_pool;

re_allocator re_state_allocator(FunctionCallInfo fcinfo, MemoryContext cxt, re_state_pool *pool,
								void (*on_reset) (void *arg), void *arg);
bool		re_is_pool_allocator(re_allocator a);

/*
 * Raise an error for a core status that is not RE_OK.  what names the thing
 * being decoded or computed ("supply_mix", "supply_mix aggregate state").
 */
pg_noreturn void re_report_decode_error(re_status st, const char *what, int sqlstate);

/*
 * The aggregate memory context of an aggregate support function; an error
 * when fname is called outside an aggregate (agg_support.c).
 */
MemoryContext re_agg_context(FunctionCallInfo fcinfo, const char *fname);

/*
 * The aggregates' shared support (agg_support.c).  re_encode_varlena writes
 * obj's binary form (size bytes, by encode) into a new varlena, 54000 when
 * it would pass PostgreSQL's 1 GB limit; what names the value in messages
 * ("trajectory aggregate state").  re_serialize_state is a whole serialize
 * function for state argument 0 (fname: the SQL function's name); re_deserialize_input checks the call and
 * gives argument 0's bytes, and re_report_state_decode_error raises 22P03
 * for bytes the core refused.
 */
typedef void (*re_encoder) (const void *obj, uint8 *out);

bytea	   *re_encode_varlena(const void *obj, size_t size, re_encoder encode, const char *what);
Datum		re_serialize_state(FunctionCallInfo fcinfo, const char *fname, size_t size, re_encoder encode,
							   const char *what);
void		re_deserialize_input(FunctionCallInfo fcinfo, const char *fname, const uint8 **bytes, size_t *len);
pg_noreturn void re_report_state_decode_error(re_status st, const char *what);

/*
 * In a hashed aggregation's final phase, prefetch the memory of the groups
 * the hash table's walk reaches next: their key tuples and per-group
 * arrays, and the first `lines` cache lines of their states (agg_prefetch.c;
 * on a server whose layout was not checked, nothing).  Called by final functions.
 */
void		re_prefetch_coming_groups(FunctionCallInfo fcinfo, int lines);

/* how often the state pool and the prefetch acted in this backend */
extern uint64 re_pool_states;
extern uint64 re_prefetch_walks;

/*
 * A send function for types whose stored bytes are already their versioned
 * binary form: argument 0's bytes, unchanged.
 */
Datum		re_send_varlena_bytes(FunctionCallInfo fcinfo);

/*
 * Text input of the summary types written as a flat JSON object of
 * key: number.  The reader rejects anything else (arrays, nested objects,
 * non-numbers) with messages in the type's own words, and numbers beyond
 * double precision or nonzero numbers that would round to 0 with 22003
 * (re_parse_number); then it calls on_key (optional) as each key starts
 * and on_number for each finite value, -0 given as +0.  Errors are soft
 * where the server has them (16+) and escontext, the input function's
 * fcinfo->context, asks for them: then re_parse_json_numbers returns false
 * and so do the callbacks, which report their own errors with errsave.
 */
typedef struct re_json_numbers
{
	const char *type_name;		/* "supply_mix" */
	const char *value_word;		/* "quantity", "value" */
	const char *key_word;		/* "supplier", "kind", "year" */
	const char *nested_detail;	/* errdetail for a nested object */
	const char *hint;			/* errhint: how the type is written */
	bool		(*on_key) (void *ctx, const char *key, struct Node *escontext);
	bool		(*on_number) (void *ctx, const char *key, const char *token, double value,
							  struct Node *escontext);
	void	   *ctx;
	struct Node *escontext;
} re_json_numbers;

bool		re_parse_json_numbers(const char *input, const re_json_numbers *spec);

/*
 * The same for an object of such objects (trade_network: exporter:
 * {importer: quantity}): on_object(spec->ctx, key) is called as the inner
 * object of key starts, then on_number for its numbers; a number at the
 * outer level is an error whose detail ends with outer_detail.  false
 * after a soft error saved in spec->escontext, as re_parse_json_numbers.
 */
bool		re_parse_json_objects(const char *input, const re_json_numbers *spec,
								  void (*on_object) (void *ctx, const char *key),
								  const char *outer_detail);

/*
 * supply_mix values.  re_mix_from_datum also checks that the total is
 * finite (22003 otherwise), as every accessor needs; the text and jsonb
 * output read any well-formed value, so a value stored before totals were
 * checked can still be dumped and repaired.
 */
void		re_mix_from_datum(Datum d, re_mix *mix);

/*
 * The same, the summary's arrays in a buffer on the caller's stack (a
 * mix of up to about 50 suppliers; larger ones palloc the rest): the
 * accessors that only compute, such as hhi(), allocate nothing per call.
 */
typedef struct re_scratch
{
	char	   *next;
	size_t		left;
	union
	{
		double		align;
		char		bytes[1024];
	}			buf;
} re_scratch;

void		re_mix_from_datum_scratch(Datum d, re_mix *mix, re_scratch *scratch);
void		re_mix_from_datum_for_output(Datum d, re_mix *mix);
bytea	   *re_mix_to_varlena(const re_mix *mix);

/*
 * The supply_mix aggregates' shared support (supply_mix.c): the group's
 * state (argument 0, or a new one in cxt), the allocator for it (add to it
 * with re_mix_trans_add; it may move) and the query's dictionary of
 * kind that keys it; and the final function, render naming integer keys
 * (NULL: decimal).
 */
re_mix_acc *re_mix_trans_state(FunctionCallInfo fcinfo, MemoryContext cxt, re_allocator *alloc,
								re_keydict **dict, re_mix_keykind kind);
re_status	re_mix_trans_add(re_mix_acc **acc, re_allocator alloc, uint32 id, double qty);
/*
 * A pointer the transition function may keep beside the query's dictionary
 * (NULL at first; what it points to must live in fn_mcxt, as the
 * dictionary does): trade_network's cache of country pairs.
 */
void	  **re_mix_trans_cache(FunctionCallInfo fcinfo);
Datum		re_mix_final(FunctionCallInfo fcinfo, re_key_render render);

/*
 * The 22003 error of a supply_mix whose total overflows; detail may be
 * NULL.  re_save_mix_total saves it in escontext when that is a soft-error
 * context (16+), else raises it.
 */
pg_noreturn void re_report_mix_total(const char *detail);
void		re_save_mix_total(struct Node *escontext, const char *detail);

/* The error for a status of re_mix_add_*: a bad quantity, an overflow, memory. */
pg_noreturn void re_report_mix_quantity(re_status st, const char *supplier, double qty);

/*
 * trade_network values (trade_network.c): a stored value decoded (XX001 when
 * it is corrupt), and the error of a solve's status (nothing for RE_OK).
 */
void		re_tn_from_datum(Datum d, re_tn *tn);
void		re_tn_report_solve(re_status st);
/* a supply_mix of the keys whose quantity q[i * stride] is above 0 */
bytea	   *re_tn_mix_of(uint32 n, const char *const *names, const uint32 *namelens,
						 const double *q, size_t stride);

#endif
