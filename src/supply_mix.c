/*
 * supply_mix.c — glue for the supply_mix type: text, binary and jsonb I/O,
 * and the aggregates supply_mix(...) and rollup(supply_mix).
 *
 * The math and the binary formats live in src/core/mix.c; this file moves
 * values between PostgreSQL and the core and turns statuses into errors.
 */
#include "postgres.h"

#include <math.h>

#include "common/jsonapi.h"
#include "common/shortest_dec.h"
#include "fmgr.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/json.h"
#include "utils/jsonb.h"
#include "utils/jsonfuncs.h"
#include "utils/memutils.h"

#include "glue.h"

/* ------------------------------------------------------------------------ */
/* text I/O: a JSON object of supplier: quantity, parsed by PostgreSQL's     */
/* own JSON parser                                                           */
/* ------------------------------------------------------------------------ */

#define MIX_HINT "A supply_mix is written as a JSON object of supplier: quantity, e.g. {\"CHN\": 270000, \"USA\": 45000}."

/* the (supplier, quantity) pairs read so far */
typedef struct mix_pairs
{
	int			n,
				cap;
	const char **keys;
	uint32	   *lens;
	double	   *qty;
} mix_pairs;

static bool
mix_add_pair(void *ctx, const char *key, const char *token, double q, Node *escontext)
{
	mix_pairs  *p = ctx;

	if (q < 0)
		ereturn(escontext, false,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("quantity %s for supplier \"%s\" is negative", token, key),
				errhint("Supply quantities must be zero or positive."));
	if (p->n == p->cap)
	{
		p->cap = p->cap ? p->cap * 2 : 16;
		p->keys = repalloc_huge(p->keys, sizeof(char *) * p->cap);
		p->lens = repalloc_huge(p->lens, sizeof(uint32) * p->cap);
		p->qty = repalloc_huge(p->qty, sizeof(double) * p->cap);
	}
	p->keys[p->n] = key;
	p->lens[p->n] = strlen(key);
	p->qty[p->n] = q;			/* the reader gives 0 for -0 */
	p->n++;
	return true;
}

PG_FUNCTION_INFO_V1(supply_mix_in);
Datum
supply_mix_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	mix_pairs	p = {0};
	re_json_numbers spec = {"supply_mix", "quantity", "supplier",
		"Quantities must be numbers, not objects.", MIX_HINT,
	NULL, mix_add_pair, &p, fcinfo->context};
	re_mix		mix;
	re_status	st;

	p.cap = 16;
	p.keys = palloc(sizeof(char *) * p.cap);
	p.lens = palloc(sizeof(uint32) * p.cap);
	p.qty = palloc(sizeof(double) * p.cap);
	if (!re_parse_json_numbers(str, &spec))
		return (Datum) 0;		/* a soft error, saved */

	st = re_mix_from_pairs(&mix, re_pg_allocator(CurrentMemoryContext),
						   p.n, p.keys, p.lens, p.qty);
	if (st == RE_DUPLICATE_KEY)
		ereturn(fcinfo->context, (Datum) 0,
				errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				errmsg("duplicate supplier \"%.*s\" in supply_mix input",
					   (int) mix.lens[0], mix.keys[0]),
				errhint("Each supplier may appear once; add the quantities first."));
	if (st == RE_OVERFLOW)
	{
		re_save_mix_total(fcinfo->context, NULL);
		return (Datum) 0;
	}
	if (st != RE_OK)
		re_report_decode_error(st, "supply_mix", ERRCODE_INVALID_TEXT_REPRESENTATION);
	PG_RETURN_BYTEA_P(re_mix_to_varlena(&mix));
}

/* Append the JSON text of a mix: keys escaped, shortest round-trip numbers. */
static void
mix_to_json(StringInfo buf, const re_mix *mix)
{
	char		num[DOUBLE_SHORTEST_DECIMAL_LEN];

	appendStringInfoChar(buf, '{');
	for (uint32 i = 0; i < mix->n; i++)
	{
		char	   *key = pnstrdup(mix->keys[i], mix->lens[i]);

		CHECK_FOR_INTERRUPTS();
		if (i > 0)
			appendStringInfoString(buf, ", ");
		escape_json(buf, key);
		pfree(key);
		appendStringInfoString(buf, ": ");
		double_to_shortest_decimal_buf(mix->qty[i], num);
		appendStringInfoString(buf, num);
	}
	appendStringInfoChar(buf, '}');
}

PG_FUNCTION_INFO_V1(supply_mix_out);
Datum
supply_mix_out(PG_FUNCTION_ARGS)
{
	re_mix		mix;
	StringInfoData buf;

	re_mix_from_datum_for_output(PG_GETARG_DATUM(0), &mix);
	initStringInfo(&buf);
	mix_to_json(&buf, &mix);
	PG_RETURN_CSTRING(buf.data);
}

PG_FUNCTION_INFO_V1(supply_mix_to_jsonb);
Datum
supply_mix_to_jsonb(PG_FUNCTION_ARGS)
{
	re_mix		mix;
	StringInfoData buf;

	re_mix_from_datum_for_output(PG_GETARG_DATUM(0), &mix);
	initStringInfo(&buf);
	mix_to_json(&buf, &mix);
	PG_RETURN_DATUM(DirectFunctionCall1(jsonb_in, CStringGetDatum(buf.data)));
}

/* Keys arriving in binary form must be valid text in the server encoding. */
static void
check_keys_are_text(const re_mix *mix)
{
	for (uint32 i = 0; i < mix->n; i++)
	{
		CHECK_FOR_INTERRUPTS();
		if (!pg_verifymbstr(mix->keys[i], mix->lens[i], true))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
					 errmsg("invalid binary supply_mix value"),
					 errdetail("Supplier %u is not valid text in the server encoding.", i + 1)));
	}
}

PG_FUNCTION_INFO_V1(supply_mix_recv);
Datum
supply_mix_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	re_mix		mix;
	re_status	st;
	bytea	   *result;

	st = re_mix_decode(&mix, re_pg_allocator(CurrentMemoryContext),
					   (const uint8_t *) buf->data + buf->cursor,
					   buf->len - buf->cursor);
	if (st != RE_OK)
		re_report_decode_error(st, "supply_mix", ERRCODE_INVALID_BINARY_REPRESENTATION);
	if (re_mix_check_total(&mix) != RE_OK)
		re_report_mix_total(NULL);
	check_keys_are_text(&mix);
	buf->cursor = buf->len;
	result = re_mix_to_varlena(&mix);
	PG_RETURN_BYTEA_P(result);
}

PG_FUNCTION_INFO_V1(supply_mix_send);
Datum
supply_mix_send(PG_FUNCTION_ARGS)
{
	return re_send_varlena_bytes(fcinfo);
}

/* ------------------------------------------------------------------------ */
/* aggregates                                                               */
/* ------------------------------------------------------------------------ */

/* what the supply_mix support functions keep in fn_extra */
typedef struct mix_extra
{
	re_keydict *dict;
	re_state_pool pool;
	void	   *cache;			/* re_mix_trans_cache */
} mix_extra;

static mix_extra *
get_extra(FunctionCallInfo fcinfo)
{
	FmgrInfo   *fl = fcinfo->flinfo;

	if (fl->fn_extra == NULL)
		fl->fn_extra = MemoryContextAllocZero(fl->fn_mcxt, sizeof(mix_extra));
	return fl->fn_extra;
}

/*
 * The pool's memory was reset: the states whose additions may still wait in
 * the dictionary's ring (only states of the pool wait: see
 * re_mix_trans_add) are gone.
 */
static void
forget_waiting(void *arg)
{
	mix_extra  *x = arg;

	if (x->dict != NULL)
		re_keydict_forget_waiting(x->dict);
}

static re_allocator
state_allocator(FunctionCallInfo fcinfo, MemoryContext cxt)
{
	mix_extra  *x = get_extra(fcinfo);

	return re_state_allocator(fcinfo, cxt, &x->pool, forget_waiting, x);
}

/*
 * The state of a group is a re_mix_acc (src/core/mix.c): ids of the query's
 * key dictionary and their sums.  The dictionary lives in the support
 * function's fn_extra, allocated in fn_mcxt (the query's memory), so every
 * group of the query shares it; states point to theirs, so the final,
 * serial and combine functions, which have their own fn_extra, find keys.
 */
static re_keydict *
query_dict(FunctionCallInfo fcinfo, re_mix_keykind kind)
{
	mix_extra  *x = get_extra(fcinfo);

	if (x->dict == NULL || re_keydict_kind(x->dict) != kind)
	{
		if (re_keydict_create(&x->dict, re_pg_allocator(fcinfo->flinfo->fn_mcxt), kind) != RE_OK)
			ereport(ERROR, (errcode(ERRCODE_OUT_OF_MEMORY), errmsg("out of memory")));
	}
	return x->dict;
}

void	  **
re_mix_trans_cache(FunctionCallInfo fcinfo)
{
	return &get_extra(fcinfo)->cache;
}

static re_mix_acc *
new_acc(re_allocator alloc, re_keydict *dict)
{
	re_mix_acc *acc;

	if (re_mix_acc_create(&acc, alloc, dict) != RE_OK)
		ereport(ERROR, (errcode(ERRCODE_OUT_OF_MEMORY), errmsg("out of memory")));
	return acc;
}

/*
 * Add a row's quantity to its group's state.  In hashed aggregation (the
 * pool's states) the addition to a large state may wait in the
 * dictionary's ring while its cache line comes in: the pool's reset
 * callback forgets what waits when the states are freed unread.
 */
re_status
re_mix_trans_add(re_mix_acc **acc, re_allocator alloc, uint32 id, double qty)
{
	re_ksum		q = {qty, 0};

	if (re_is_pool_allocator(alloc))
		return re_mix_acc_add_deferred(acc, alloc, id, qty);
	return re_mix_acc_add(acc, alloc, id, q);
}

re_mix_acc *
re_mix_trans_state(FunctionCallInfo fcinfo, MemoryContext cxt, re_allocator *alloc,
				   re_keydict **dict, re_mix_keykind kind)
{
	re_mix_acc *acc;

	*alloc = state_allocator(fcinfo, cxt);
	*dict = query_dict(fcinfo, kind);
	if (PG_ARGISNULL(0))
		return new_acc(*alloc, *dict);
	/*
	 * A state of this function's own dictionary: the row's key is looked up
	 * while the state's first cache lines come in.
	 */
	acc = (re_mix_acc *) PG_GETARG_POINTER(0);
	re_mix_acc_prefetch(acc);
	return acc;
}

static double
numeric_arg_to_double(FunctionCallInfo fcinfo, int argno)
{
	return DatumGetFloat8(DirectFunctionCall1(numeric_float8, PG_GETARG_DATUM(argno)));
}

static Datum
trans_text(FunctionCallInfo fcinfo, bool numeric_qty)
{
	MemoryContext cxt = re_agg_context(fcinfo, "supply_mix_trans");
	re_allocator alloc;
	re_keydict *dict;
	re_mix_acc *acc = re_mix_trans_state(fcinfo, cxt, &alloc, &dict, RE_KEY_TEXT);

	if (!PG_ARGISNULL(1) && !PG_ARGISNULL(2))
	{
		text	   *key = PG_GETARG_TEXT_PP(1);
		double		q = numeric_qty ? numeric_arg_to_double(fcinfo, 2) : PG_GETARG_FLOAT8(2);
		re_status	err = re_mix_check_quantity(q);
		uint32		id;

		if (err == RE_OK)
			err = re_keydict_text(dict, VARDATA_ANY(key), VARSIZE_ANY_EXHDR(key), &id);
		if (err == RE_OK)
			err = re_mix_trans_add(&acc, alloc, id, q);
		if (err != RE_OK)
			re_report_mix_quantity(err, text_to_cstring(key), q);
	}
	PG_RETURN_POINTER(acc);
}

static Datum
trans_int(FunctionCallInfo fcinfo, bool numeric_qty)
{
	MemoryContext cxt = re_agg_context(fcinfo, "supply_mix_trans");
	re_allocator alloc;
	re_keydict *dict;
	re_mix_acc *acc = re_mix_trans_state(fcinfo, cxt, &alloc, &dict, RE_KEY_INT);

	if (!PG_ARGISNULL(1) && !PG_ARGISNULL(2))
	{
		int64		key = PG_GETARG_INT64(1);
		double		q = numeric_qty ? numeric_arg_to_double(fcinfo, 2) : PG_GETARG_FLOAT8(2);
		re_status	err = re_mix_check_quantity(q);
		uint32		id;

		if (err == RE_OK)
			err = re_keydict_int(dict, key, &id);
		if (err == RE_OK)
			err = re_mix_trans_add(&acc, alloc, id, q);
		if (err != RE_OK)
		{
			char		buf[64];

			re_render_decimal(key, buf);
			re_report_mix_quantity(err, buf, q);
		}
	}
	PG_RETURN_POINTER(acc);
}

PG_FUNCTION_INFO_V1(supply_mix_trans_text);
Datum
supply_mix_trans_text(PG_FUNCTION_ARGS)
{
	return trans_text(fcinfo, false);
}

PG_FUNCTION_INFO_V1(supply_mix_trans_text_numeric);
Datum
supply_mix_trans_text_numeric(PG_FUNCTION_ARGS)
{
	return trans_text(fcinfo, true);
}

PG_FUNCTION_INFO_V1(supply_mix_trans_int);
Datum
supply_mix_trans_int(PG_FUNCTION_ARGS)
{
	return trans_int(fcinfo, false);
}

PG_FUNCTION_INFO_V1(supply_mix_trans_int_numeric);
Datum
supply_mix_trans_int_numeric(PG_FUNCTION_ARGS)
{
	return trans_int(fcinfo, true);
}

/* rollup(supply_mix): add a finished summary's quantities into the state */
PG_FUNCTION_INFO_V1(supply_mix_rollup_trans);
Datum
supply_mix_rollup_trans(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = re_agg_context(fcinfo, "supply_mix_rollup_trans");
	re_allocator alloc;
	re_keydict *dict;
	re_mix_acc *acc = re_mix_trans_state(fcinfo, cxt, &alloc, &dict, RE_KEY_TEXT);

	if (!PG_ARGISNULL(1))
	{
		re_mix		mix;

		re_mix_from_datum(PG_GETARG_DATUM(1), &mix);
		for (uint32 i = 0; i < mix.n; i++)
		{
			uint32		id;
			re_status	err = re_keydict_text(dict, mix.keys[i], mix.lens[i], &id);

			CHECK_FOR_INTERRUPTS();
			if (err == RE_OK)
				err = re_mix_trans_add(&acc, alloc, id, mix.qty[i]);
			if (err != RE_OK)
				re_report_mix_quantity(err, pnstrdup(mix.keys[i], mix.lens[i]), mix.qty[i]);
		}
	}
	PG_RETURN_POINTER(acc);
}

/*
 * What supply_mix_deserialize returns: a partial state's bytes, checked for
 * version and kind but not decoded.  supply_mix_combine adds them to its
 * group's state in one pass (re_mix_acc_add_encoded), so the leader of a
 * parallel plan, whose combining is the plan's serial tail, reads each
 * worker's state once instead of building it and then merging it.  The
 * bytes are the deserialize argument's, which stays in place while the
 * same input row is combined (both run in its per-tuple memory).  The tag
 * has its low bit set, which the first field of a re_mix_acc (an aligned
 * pointer) never has: a combine given a decoded state still works.
 */
#define MIX_PARTIAL_TAG UINT64CONST(0x5345464D58504131)

typedef struct mix_partial
{
	uint64		tag;
	re_mix_keykind kind;
	const uint8 *bytes;
	size_t		len;
} mix_partial;

static bool
is_partial(const void *state)
{
	return *(const uint64 *) state == MIX_PARTIAL_TAG;
}

static void
report_combine_error(re_status err)
{
	if (err == RE_BAD_KIND)
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("cannot combine supply_mix states with text and integer supplier keys")));
	if (err == RE_OVERFLOW)
		re_report_mix_total("The sum overflows where the partial results of parallel workers or partitions are combined.");
}

PG_FUNCTION_INFO_V1(supply_mix_combine);
Datum
supply_mix_combine(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = re_agg_context(fcinfo, "supply_mix_combine");
	re_mix_acc *a = PG_ARGISNULL(0) ? NULL : (re_mix_acc *) PG_GETARG_POINTER(0);
	void	   *b = PG_ARGISNULL(1) ? NULL : PG_GETARG_POINTER(1);
	re_allocator alloc;
	re_status	err;

	if (b == NULL)
	{
		if (a == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(a);
	}
	alloc = state_allocator(fcinfo, cxt);
	if (is_partial(b))
	{
		mix_partial *p = b;

		if (a == NULL)
			a = new_acc(alloc, query_dict(fcinfo, p->kind));
		/* another key kind than a's is RE_BAD_KIND, reported below */
		err = re_mix_acc_add_encoded(&a, alloc, p->bytes, p->len);
		if (err != RE_OK)
		{
			report_combine_error(err);
			re_report_state_decode_error(err, "supply_mix aggregate state");
		}
		PG_RETURN_POINTER(a);
	}
	if (a == NULL)
		a = new_acc(alloc, re_mix_acc_dict(b));	/* copy into the aggregate context */
	err = re_mix_acc_merge(&a, alloc, b);
	if (err != RE_OK)
	{
		report_combine_error(err);
		re_report_mix_quantity(err, "(combined)", 0);
	}
	PG_RETURN_POINTER(a);
}

static void
encode_mix_acc(const void *acc, uint8 *out)
{
	re_mix_acc_encode(acc, out);
}

PG_FUNCTION_INFO_V1(supply_mix_serialize);
Datum
supply_mix_serialize(PG_FUNCTION_ARGS)
{
	return re_serialize_state(fcinfo, "supply_mix_serialize",
							  re_mix_acc_encoded_size((re_mix_acc *) PG_GETARG_POINTER(0)),
							  encode_mix_acc, "supply_mix aggregate state");
}

PG_FUNCTION_INFO_V1(supply_mix_deserialize);
Datum
supply_mix_deserialize(PG_FUNCTION_ARGS)
{
	mix_partial *p = palloc(sizeof(mix_partial));
	re_status	err;

	p->tag = MIX_PARTIAL_TAG;
	re_deserialize_input(fcinfo, "supply_mix_deserialize", &p->bytes, &p->len);
	err = re_mix_state_kind(p->bytes, p->len, &p->kind);
	if (err != RE_OK)
		re_report_state_decode_error(err, "supply_mix aggregate state");
	PG_RETURN_POINTER(p);
}

Datum
re_mix_final(FunctionCallInfo fcinfo, re_key_render render)
{
	re_mix_acc *acc = PG_ARGISNULL(0) ? NULL : (re_mix_acc *) PG_GETARG_POINTER(0);
	re_mix		empty = {0};
	uint8_t    *out;
	size_t		len;
	re_status	err;

	re_agg_context(fcinfo, "supply_mix_final");
	/* a small state is 120 bytes: two lines */
	re_prefetch_coming_groups(fcinfo, 2);
	/* no rows (or only NULL rows): the empty mix, whose total is 0 */
	if (acc == NULL)
		PG_RETURN_BYTEA_P(re_mix_to_varlena(&empty));
	/* the summary's binary form written once, behind its varlena header */
	err = re_mix_acc_summary(acc, re_pg_allocator(CurrentMemoryContext), render,
							 VARHDRSZ, MaxAllocSize, &out, &len);
	if (err == RE_OVERFLOW)
		re_report_mix_total(NULL);
	if (err == RE_TOO_LARGE)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("supply_mix with %u suppliers is too large", re_mix_acc_count(acc))));
	if (err != RE_OK)
		re_report_decode_error(err, "supply_mix aggregate state", ERRCODE_INTERNAL_ERROR);
	SET_VARSIZE(out, VARHDRSZ + len);
	PG_RETURN_BYTEA_P((bytea *) out);
}

PG_FUNCTION_INFO_V1(supply_mix_final);
Datum
supply_mix_final(PG_FUNCTION_ARGS)
{
	return re_mix_final(fcinfo, NULL);
}

/* ------------------------------------------------------------------------ */
/* equality: canonical encodings compare bytewise                           */
/* ------------------------------------------------------------------------ */

static bool
mix_bytes_equal(FunctionCallInfo fcinfo)
{
	bytea	   *a = PG_GETARG_BYTEA_PP(0);
	bytea	   *b = PG_GETARG_BYTEA_PP(1);
	size_t		la = VARSIZE_ANY_EXHDR(a),
				lb = VARSIZE_ANY_EXHDR(b);

	return la == lb && memcmp(VARDATA_ANY(a), VARDATA_ANY(b), la) == 0;
}

PG_FUNCTION_INFO_V1(supply_mix_eq);
Datum
supply_mix_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(mix_bytes_equal(fcinfo));
}

PG_FUNCTION_INFO_V1(supply_mix_ne);
Datum
supply_mix_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!mix_bytes_equal(fcinfo));
}
