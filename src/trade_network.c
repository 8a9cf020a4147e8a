/*
 * trade_network.c — glue for the trade_network type: text
 * (JSON), jsonb and binary I/O, the aggregates trade_network(exporter,
 * importer, quantity) and rollup(trade_network), and the origin-tracing
 * accessors.  The math (Kastner et al. 2011) is in src/core/origin.c.
 *
 * A row whose exporter is its importer is that country's production.  The
 * aggregate's state is a supply_mix state keyed by "exporter\0importer"
 * (text never holds a NUL byte), so the partial states of parallel plans,
 * their combining and their binary form are supply_mix's own, tested code.
 */
#include "postgres.h"

#include "common/shortest_dec.h"
#include "fmgr.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/json.h"
#include "utils/jsonb.h"
#include "utils/memutils.h"
#include "utils/tuplestore.h"

#include "glue.h"

#define TN_HINT "A trade_network is written as a JSON object of exporter: {importer: quantity}, the exporter itself for its production, e.g. {\"CHN\": {\"CHN\": 126, \"JPN\": 50}, \"JPN\": {\"DEU\": 10}}."

static void
encode_tn(const void *tn, uint8 *out)
{
	re_tn_encode(tn, out);
}

static bytea *
tn_to_varlena(const re_tn *tn)
{
	return re_encode_varlena(tn, re_tn_encoded_size(tn), encode_tn, "trade_network");
}

void
re_tn_from_datum(Datum d, re_tn *tn)
{
	bytea	   *v = (bytea *) PG_DETOAST_DATUM_PACKED(d);
	re_status	st = re_tn_decode(tn, re_pg_allocator(CurrentMemoryContext),
								  (const uint8_t *) VARDATA_ANY(v), VARSIZE_ANY_EXHDR(v));

	if (st != RE_OK)
		re_report_decode_error(st, "trade_network", ERRCODE_DATA_CORRUPTED);
}

/*
 * The error of a bad triple, in the words of the row it names: saved in
 * escontext when that is a soft-error context (text input on 16+), else
 * raised.  Running out of memory is always raised.
 */
static void
report_flow_soft(struct Node *escontext, re_status st, const char *ex, int exlen,
				 const char *im, int imlen, double q, int sqlstate)
{
	char		num[DOUBLE_SHORTEST_DECIMAL_LEN];
	char	   *what;

	double_to_shortest_decimal_buf(q, num);
	what = (exlen == imlen && memcmp(ex, im, exlen) == 0) ?
		psprintf("production of \"%.*s\"", exlen, ex) :
		psprintf("flow from \"%.*s\" to \"%.*s\"", exlen, ex, imlen, im);
	if (st == RE_NEGATIVE)
		errsave(escontext,
				errcode(sqlstate),
				errmsg("quantity %s for the %s is negative", num, what),
				errhint("Quantities must be zero or positive; use NULL for unknown values."));
	else if (st == RE_NONFINITE)
		errsave(escontext,
				errcode(sqlstate),
				errmsg("quantity \"%s\" for the %s is not finite", num, what));
	else if (st == RE_DUPLICATE_KEY)
		errsave(escontext,
				errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				errmsg("duplicate %s in trade_network input", what),
				errhint("Each flow may appear once; add the quantities first."));
	else if (st == RE_OVERFLOW)
		errsave(escontext,
				errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				errmsg("total quantity of trade_network is out of range for type double precision"),
				errdetail("The sum overflows where quantity %s for the %s is added.", num, what));
	else
		ereport(ERROR, (errcode(ERRCODE_OUT_OF_MEMORY), errmsg("out of memory")));
}

pg_noreturn static void report_flow(re_status st, const char *ex, int exlen, const char *im, int imlen,
									double q, int sqlstate);

static void
report_flow(re_status st, const char *ex, int exlen, const char *im, int imlen, double q, int sqlstate)
{
	report_flow_soft(NULL, st, ex, exlen, im, imlen, q, sqlstate);
	pg_unreachable();
}

/* ------------------------------------------------------------------------ */
/* text I/O                                                                 */
/* ------------------------------------------------------------------------ */

typedef struct tn_triples
{
	uint32		n,
				cap;
	const char **ex;
	const char **im;
	uint32	   *exlen;
	uint32	   *imlen;
	double	   *qty;
	const char *exporter;		/* the current outer key */
} tn_triples;

static void
triples_add(tn_triples *t, const char *ex, uint32 exlen, const char *im, uint32 imlen, double q)
{
	if (t->n == t->cap)
	{
		t->cap = t->cap ? t->cap * 2 : 16;
		t->ex = t->ex ? repalloc_huge(t->ex, sizeof(char *) * t->cap) : palloc(sizeof(char *) * t->cap);
		t->im = t->im ? repalloc_huge(t->im, sizeof(char *) * t->cap) : palloc(sizeof(char *) * t->cap);
		t->exlen = t->exlen ? repalloc_huge(t->exlen, sizeof(uint32) * t->cap) : palloc(sizeof(uint32) * t->cap);
		t->imlen = t->imlen ? repalloc_huge(t->imlen, sizeof(uint32) * t->cap) : palloc(sizeof(uint32) * t->cap);
		t->qty = t->qty ? repalloc_huge(t->qty, sizeof(double) * t->cap) : palloc(sizeof(double) * t->cap);
	}
	t->ex[t->n] = ex;
	t->exlen[t->n] = exlen;
	t->im[t->n] = im;
	t->imlen[t->n] = imlen;
	t->qty[t->n] = q;
	t->n++;
}

static void
text_exporter(void *ctx, const char *key)
{
	((tn_triples *) ctx)->exporter = pstrdup(key);
}

static bool
text_flow(void *ctx, const char *key, const char *token, double q, struct Node *escontext)
{
	tn_triples *t = ctx;

	(void) token;
	/* 22023 for a negative quantity, as supply_mix's and material_balance's text input */
	if (q < 0)
	{
		report_flow_soft(escontext, RE_NEGATIVE, t->exporter, strlen(t->exporter), key, strlen(key), q,
						 ERRCODE_INVALID_PARAMETER_VALUE);
		return false;
	}
	triples_add(t, t->exporter, strlen(t->exporter), pstrdup(key), strlen(key), q);
	return true;
}

/*
 * A network from triples, each error in the words of the row it names;
 * false after a soft error saved in escontext.
 */
static bool
tn_build(re_tn *tn, const tn_triples *t, int sqlstate, struct Node *escontext)
{
	uint32		bad = 0;
	re_status	st = re_tn_from_triples(tn, re_pg_allocator(CurrentMemoryContext), t->n,
										t->ex, t->exlen, t->im, t->imlen, t->qty, &bad);

	if (st == RE_OK)
		return true;
	report_flow_soft(escontext, st, t->ex[bad], t->exlen[bad], t->im[bad], t->imlen[bad], t->qty[bad], sqlstate);
	return false;
}

PG_FUNCTION_INFO_V1(trade_network_in);
Datum
trade_network_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	tn_triples	t = {0};
	re_json_numbers spec = {"trade_network", "quantity", "importer",
		"Each exporter maps to one flat object of importer: quantity.", TN_HINT,
	NULL, text_flow, &t, fcinfo->context};
	re_tn		tn;

	/* bad input is a soft error where the caller asks (pg_input_is_valid, COPY ON_ERROR) */
	if (!re_parse_json_objects(str, &spec, text_exporter,
							   "Each exporter maps to a JSON object of importer: quantity."))
		return (Datum) 0;
	if (!tn_build(&tn, &t, ERRCODE_INVALID_TEXT_REPRESENTATION, fcinfo->context))
		return (Datum) 0;
	PG_RETURN_BYTEA_P(tn_to_varlena(&tn));
}

static void
append_entry(StringInfo buf, bool *first, const char *key, uint32 len, double q)
{
	char		num[DOUBLE_SHORTEST_DECIMAL_LEN];
	char	   *k = pnstrdup(key, len);

	if (!*first)
		appendStringInfoString(buf, ", ");
	*first = false;
	escape_json(buf, k);
	pfree(k);
	appendStringInfoString(buf, ": ");
	double_to_shortest_decimal_buf(q, num);
	appendStringInfoString(buf, num);
}

/*
 * Exporters in canonical order, each with its flows and (as the exporter's
 * own key) its production.  A country shows as an exporter when it
 * produces, exports, or appears nowhere else (then with production 0), so
 * the text reads back to the same value.
 */
static char *
tn_to_json(const re_tn *tn)
{
	StringInfoData buf;
	bool	   *has_in = palloc0(sizeof(bool) * (tn->n ? tn->n : 1));
	uint32		e = 0;
	bool		first_outer = true;

	for (uint32 f = 0; f < tn->m; f++)
		has_in[tn->to[f]] = true;
	initStringInfo(&buf);
	appendStringInfoChar(&buf, '{');
	for (uint32 i = 0; i < tn->n; i++)
	{
		uint32		end = e;
		bool		first = true,
					diag;

		while (end < tn->m && tn->from[end] == i)
			end++;
		diag = tn->production[i] > 0 || (end == e && !has_in[i]);
		if (diag || end > e)
		{
			if (!first_outer)
				appendStringInfoString(&buf, ", ");
			first_outer = false;
			escape_json(&buf, pnstrdup(tn->keys[i], tn->lens[i]));
			appendStringInfoString(&buf, ": {");
			for (; e < end && tn->to[e] < i; e++)
				append_entry(&buf, &first, tn->keys[tn->to[e]], tn->lens[tn->to[e]], tn->qty[e]);
			if (diag)
				append_entry(&buf, &first, tn->keys[i], tn->lens[i], tn->production[i]);
			for (; e < end; e++)
				append_entry(&buf, &first, tn->keys[tn->to[e]], tn->lens[tn->to[e]], tn->qty[e]);
			appendStringInfoChar(&buf, '}');
		}
		e = end;
	}
	appendStringInfoChar(&buf, '}');
	return buf.data;
}

PG_FUNCTION_INFO_V1(trade_network_out);
Datum
trade_network_out(PG_FUNCTION_ARGS)
{
	re_tn		tn;

	re_tn_from_datum(PG_GETARG_DATUM(0), &tn);
	PG_RETURN_CSTRING(tn_to_json(&tn));
}

PG_FUNCTION_INFO_V1(trade_network_to_jsonb);
Datum
trade_network_to_jsonb(PG_FUNCTION_ARGS)
{
	re_tn		tn;

	re_tn_from_datum(PG_GETARG_DATUM(0), &tn);
	PG_RETURN_DATUM(DirectFunctionCall1(jsonb_in, CStringGetDatum(tn_to_json(&tn))));
}

PG_FUNCTION_INFO_V1(trade_network_recv);
Datum
trade_network_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	re_tn		tn;
	re_status	st;

	st = re_tn_decode(&tn, re_pg_allocator(CurrentMemoryContext),
					  (const uint8_t *) buf->data + buf->cursor, buf->len - buf->cursor);
	if (st != RE_OK)
		re_report_decode_error(st, "trade_network", ERRCODE_INVALID_BINARY_REPRESENTATION);
	/* keys become text: valid in the server encoding, so without NUL bytes */
	for (uint32 i = 0; i < tn.n; i++)
		if (!pg_verifymbstr(tn.keys[i], tn.lens[i], true))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
					 errmsg("invalid binary trade_network value"),
					 errdetail("Country %u is not valid text in the server encoding.", i + 1)));
	buf->cursor = buf->len;
	PG_RETURN_BYTEA_P(tn_to_varlena(&tn));
}

PG_FUNCTION_INFO_V1(trade_network_send);
Datum
trade_network_send(PG_FUNCTION_ARGS)
{
	return re_send_varlena_bytes(fcinfo);
}

/* ------------------------------------------------------------------------ */
/* aggregates: a supply_mix state keyed by "exporter\0importer"             */
/* ------------------------------------------------------------------------ */

static void
add_flow(re_mix_acc **acc, re_allocator alloc, re_keydict *dict,
		 const char *ex, uint32 exlen, const char *im, uint32 imlen, double q)
{
	char		local[128];
	size_t		len = (size_t) exlen + 1 + imlen;
	char	   *key = len <= sizeof(local) ? local : palloc(len);
	re_status	st = re_mix_check_quantity(q);
	uint32		id;

	memcpy(key, ex, exlen);
	key[exlen] = '\0';
	memcpy(key + exlen + 1, im, imlen);
	if (st == RE_OK)
		st = re_keydict_text(dict, key, (uint32) len, &id);
	if (st == RE_OK)
		st = re_mix_trans_add(acc, alloc, id, q);
	if (st != RE_OK)
		report_flow(st, ex, exlen, im, imlen, q, ERRCODE_INVALID_PARAMETER_VALUE);
}

static Datum
tn_trans(FunctionCallInfo fcinfo, bool numeric_qty)
{
	MemoryContext cxt = re_agg_context(fcinfo, "trade_network_trans");
	re_allocator alloc;
	re_keydict *dict;
	re_mix_acc *acc = re_mix_trans_state(fcinfo, cxt, &alloc, &dict, RE_KEY_TEXT);

	/* a row with a NULL country or quantity is skipped, as in sum() */
	if (!PG_ARGISNULL(1) && !PG_ARGISNULL(2) && !PG_ARGISNULL(3))
	{
		text	   *ex = PG_GETARG_TEXT_PP(1);
		text	   *im = PG_GETARG_TEXT_PP(2);
		double		q = numeric_qty ?
			DatumGetFloat8(DirectFunctionCall1(numeric_float8, PG_GETARG_DATUM(3))) :
			PG_GETARG_FLOAT8(3);

		add_flow(&acc, alloc, dict, VARDATA_ANY(ex), VARSIZE_ANY_EXHDR(ex),
				 VARDATA_ANY(im), VARSIZE_ANY_EXHDR(im), q);
	}
	PG_RETURN_POINTER(acc);
}

PG_FUNCTION_INFO_V1(trade_network_trans);
Datum
trade_network_trans(PG_FUNCTION_ARGS)
{
	return tn_trans(fcinfo, false);
}

PG_FUNCTION_INFO_V1(trade_network_trans_numeric);
Datum
trade_network_trans_numeric(PG_FUNCTION_ARGS)
{
	return tn_trans(fcinfo, true);
}

/* rollup(trade_network): every country's production (kept at 0) and flows */
PG_FUNCTION_INFO_V1(trade_network_rollup_trans);
Datum
trade_network_rollup_trans(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = re_agg_context(fcinfo, "trade_network_rollup_trans");
	re_allocator alloc;
	re_keydict *dict;
	re_mix_acc *acc = re_mix_trans_state(fcinfo, cxt, &alloc, &dict, RE_KEY_TEXT);

	if (!PG_ARGISNULL(1))
	{
		re_tn		tn;

		re_tn_from_datum(PG_GETARG_DATUM(1), &tn);
		for (uint32 i = 0; i < tn.n; i++)
			add_flow(&acc, alloc, dict, tn.keys[i], tn.lens[i], tn.keys[i], tn.lens[i], tn.production[i]);
		for (uint32 e = 0; e < tn.m; e++)
			add_flow(&acc, alloc, dict, tn.keys[tn.from[e]], tn.lens[tn.from[e]],
					 tn.keys[tn.to[e]], tn.lens[tn.to[e]], tn.qty[e]);
	}
	PG_RETURN_POINTER(acc);
}

PG_FUNCTION_INFO_V1(trade_network_final);
Datum
trade_network_final(PG_FUNCTION_ARGS)
{
	re_mix_acc *acc = PG_ARGISNULL(0) ? NULL : (re_mix_acc *) PG_GETARG_POINTER(0);
	tn_triples	t = {0};
	re_tn		tn = {0};

	re_agg_context(fcinfo, "trade_network_final");
	/* no rows: the empty network */
	if (acc != NULL)
	{
		re_mix		pairs;
		re_status	st = re_mix_from_acc(&pairs, re_pg_allocator(CurrentMemoryContext), acc, NULL);

		if (st == RE_OVERFLOW)
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("total quantity of trade_network is out of range for type double precision")));
		if (st != RE_OK)
			re_report_decode_error(st, "trade_network aggregate state", ERRCODE_INTERNAL_ERROR);
		for (uint32 i = 0; i < pairs.n; i++)
		{
			const char *sep = memchr(pairs.keys[i], '\0', pairs.lens[i]);
			uint32		exlen;

			if (sep == NULL)	/* not a key of ours: a supply_mix state passed in */
				elog(ERROR, "trade_network aggregate state holds a key without exporter and importer");
			exlen = (uint32) (sep - pairs.keys[i]);
			triples_add(&t, pairs.keys[i], exlen, sep + 1, pairs.lens[i] - exlen - 1, pairs.qty[i]);
		}
		(void) tn_build(&tn, &t, ERRCODE_INTERNAL_ERROR, NULL);
	}
	PG_RETURN_BYTEA_P(tn_to_varlena(&tn));
}

PG_FUNCTION_INFO_V1(trade_network_eq);
Datum
trade_network_eq(PG_FUNCTION_ARGS)
{
	bytea	   *a = PG_GETARG_BYTEA_PP(0);
	bytea	   *b = PG_GETARG_BYTEA_PP(1);

	/* the binary form is canonical: equal networks are equal bytes */
	PG_RETURN_BOOL(VARSIZE_ANY_EXHDR(a) == VARSIZE_ANY_EXHDR(b) &&
				   memcmp(VARDATA_ANY(a), VARDATA_ANY(b), VARSIZE_ANY_EXHDR(a)) == 0);
}

/* ------------------------------------------------------------------------ */
/* accessors                                                                */
/* ------------------------------------------------------------------------ */

void
re_tn_report_solve(re_status st)
{
	if (st == RE_OK)
		return;
	if (st == RE_OVERFLOW)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("supply of a country in the trade_network is out of range for type double precision"),
				 errdetail("A country's production plus imports must be a finite double precision number.")));
	if (st == RE_NOT_CONVERGED)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("origin tracing did not converge within 100000 sweeps"),
				 errdetail("The trade network has a loop of countries that re-export nearly all they receive, which makes diag(x) - Z nearly singular."),
				 errhint("Check the loop's flows for double counting (re-exports reported as imports and exports of the same goods).")));
	if (st == RE_ENOMEM)
		ereport(ERROR, (errcode(ERRCODE_OUT_OF_MEMORY), errmsg("out of memory")));
	elog(ERROR, "unexpected status in origin tracing: %s", re_status_message(st));
}

/* the network of argument 0, solved */
static void
load(FunctionCallInfo fcinfo, re_tn *tn, re_tn_solution *s)
{
	re_tn_from_datum(PG_GETARG_DATUM(0), tn);
	re_tn_report_solve(re_tn_solve(s, re_pg_allocator(CurrentMemoryContext), tn->n, tn->production,
							 tn->m, tn->from, tn->to, tn->qty));
}

/* the index of the country in argument argno, -1 when it is not in the network */
static int64
country_arg(FunctionCallInfo fcinfo, const re_tn *tn, int argno)
{
	text	   *c = PG_GETARG_TEXT_PP(argno);

	return re_tn_find(tn, VARDATA_ANY(c), VARSIZE_ANY_EXHDR(c));
}

static text *
country_text(const re_tn *tn, uint32 i)
{
	return cstring_to_text_with_len(tn->keys[i], tn->lens[i]);
}

PG_FUNCTION_INFO_V1(trade_network_domestic_use);
Datum
trade_network_domestic_use(PG_FUNCTION_ARGS)
{
	re_tn		tn;
	re_tn_solution s;
	int64		j;

	load(fcinfo, &tn, &s);
	j = country_arg(fcinfo, &tn, 1);
	PG_RETURN_FLOAT8(j < 0 ? 0 : s.use[j]);
}

/* a supply_mix of the keys whose quantity q[i] (q[i * stride]) is above 0 */
bytea *
re_tn_mix_of(uint32 n, const char *const *names, const uint32 *namelens, const double *q, size_t stride)
{
	const char **keys = palloc(sizeof(char *) * (n + 1));
	uint32	   *lens = palloc(sizeof(uint32) * (n + 1));
	double	   *qty = palloc(sizeof(double) * (n + 1));
	uint32		k = 0;
	re_mix		mix;
	re_status	st;

	for (uint32 i = 0; i < n; i++)
		if (q[i * stride] > 0)
		{
			keys[k] = names[i];
			lens[k] = namelens[i];
			qty[k] = q[i * stride];
			k++;
		}
	st = re_mix_from_pairs(&mix, re_pg_allocator(CurrentMemoryContext), k, keys, lens, qty);
	if (st == RE_OVERFLOW)
		re_report_mix_total(NULL);
	if (st != RE_OK)
		elog(ERROR, "unexpected status building a supply_mix: %s", re_status_message(st));
	return re_mix_to_varlena(&mix);
}

static Datum
mix_of(const re_tn *tn, const double *q)
{
	PG_RETURN_BYTEA_P(re_tn_mix_of(tn->n, tn->keys, tn->lens, q, 1));
}

/*
 * The rows of O of every producing country, re_tn_rows_block(n) producers
 * per solve (memory linear in the network): into rows (nprod x n, in
 * country order) when rows is not NULL, else handed to emit block by block
 * (count rows of n, origins[r] the producer of row r).
 */
typedef void (*rows_emit) (void *arg, uint32 count, const uint32 *origins, const double *rows);

static void
solve_producer_rows(const re_tn *tn, const re_tn_solution *s, re_allocator a, double *rows,
					rows_emit emit, void *arg)
{
	uint32		n = tn->n;
	uint32		block = re_tn_rows_block(n);
	uint32	   *origins = palloc(sizeof(uint32) * block);
	double	   *buf = rows != NULL ? NULL : palloc(sizeof(double) * ((size_t) block * n + 1));
	size_t		done = 0;

	for (uint32 i = 0; i < n;)
	{
		uint32		count = 0;
		double	   *out = rows != NULL ? rows + done * n : buf;

		for (; i < n && count < block; i++)
			if (tn->production[i] > 0)
				origins[count++] = i;
		if (count == 0)
			break;
		re_tn_report_solve(re_tn_origin_rows(s, a, count, origins, out));
		if (emit != NULL)
			emit(arg, count, origins, out);
		done += count;
	}
	pfree(origins);
	if (buf != NULL)
		pfree(buf);
}

/*
 * traced_origin over many countries of one network (a call per country in
 * a query) solves the network once: fn_extra keeps the last network's
 * bytes and its rows of O, one per producing country, when they take at
 * most ORIGIN_CACHE_MAX doubles (64 MB); beyond, each call solves its own
 * column in memory linear in the network.
 */
#define ORIGIN_CACHE_MAX (8.0 * 1024 * 1024)

typedef struct origin_cache
{
	MemoryContext cxt;			/* everything below but the struct */
	bool		valid;
	uint8	   *bytes;			/* the network's binary form */
	size_t		len;
	re_tn		tn;				/* decoded from bytes */
	uint32	   *row_of;			/* per country: its row in rows, or PG_UINT32_MAX */
	double	   *rows;			/* O[i, j] at rows[row_of[i] * n + j] */
} origin_cache;

static origin_cache *
origin_rows(FunctionCallInfo fcinfo)
{
	FmgrInfo   *fl = fcinfo->flinfo;
	bytea	   *v = PG_GETARG_BYTEA_PP(0);
	size_t		len = VARSIZE_ANY_EXHDR(v);
	origin_cache *c = fl->fn_extra;
	re_tn_solution s;
	re_allocator a;
	re_status	st;
	uint32		nprod = 0;

	if (c == NULL)
	{
		c = MemoryContextAllocZero(fl->fn_mcxt, sizeof(origin_cache));
		c->cxt = AllocSetContextCreate(fl->fn_mcxt, "trade_network origins", ALLOCSET_DEFAULT_SIZES);
		fl->fn_extra = c;
	}
	if (c->valid && c->len == len && memcmp(c->bytes, VARDATA_ANY(v), len) == 0)
		return c;
	/* an error below leaves no half-built cache behind */
	c->valid = false;
	MemoryContextReset(c->cxt);
	a = re_pg_allocator(c->cxt);
	c->bytes = MemoryContextAllocHuge(c->cxt, len ? len : 1);
	memcpy(c->bytes, VARDATA_ANY(v), len);
	c->len = len;
	st = re_tn_decode(&c->tn, a, c->bytes, len);
	if (st != RE_OK)
		re_report_decode_error(st, "trade_network", ERRCODE_DATA_CORRUPTED);
	for (uint32 i = 0; i < c->tn.n; i++)
		nprod += c->tn.production[i] > 0;
	if ((double) nprod * c->tn.n > ORIGIN_CACHE_MAX)
		return NULL;
	re_tn_report_solve(re_tn_solve(&s, a, c->tn.n, c->tn.production, c->tn.m, c->tn.from, c->tn.to, c->tn.qty));
	c->row_of = MemoryContextAllocHuge(c->cxt, sizeof(uint32) * (c->tn.n + 1));
	c->rows = MemoryContextAllocHuge(c->cxt, sizeof(double) * ((size_t) nprod * c->tn.n + 1));
	nprod = 0;
	for (uint32 i = 0; i < c->tn.n; i++)
	{
		c->row_of[i] = PG_UINT32_MAX;
		if (c->tn.production[i] > 0)
			c->row_of[i] = nprod++;
	}
	solve_producer_rows(&c->tn, &s, a, c->rows, NULL, NULL);
	c->valid = true;
	return c;
}

/* the country's use by origin: traced through the network, or by direct source */
static Datum
origin_mix(FunctionCallInfo fcinfo, bool traced)
{
	origin_cache *c = traced ? origin_rows(fcinfo) : NULL;
	re_tn		tn;
	re_tn_solution s;
	int64		j;
	double	   *col;

	if (c != NULL)
	{
		j = country_arg(fcinfo, &c->tn, 1);
		col = palloc0(sizeof(double) * (c->tn.n + 1));
		for (uint32 i = 0; i < c->tn.n && j >= 0; i++)
			if (c->row_of[i] != PG_UINT32_MAX)
				col[i] = c->rows[(size_t) c->row_of[i] * c->tn.n + j];
		return mix_of(&c->tn, col);
	}
	load(fcinfo, &tn, &s);
	j = country_arg(fcinfo, &tn, 1);
	col = palloc0(sizeof(double) * (tn.n + 1));
	if (j >= 0 && traced)
		re_tn_report_solve(re_tn_origin_column(&s, re_pg_allocator(CurrentMemoryContext), (uint32) j, col));
	else if (j >= 0)
		re_tn_direct_column(&s, (uint32) j, col);
	return mix_of(&tn, col);
}

PG_FUNCTION_INFO_V1(trade_network_traced_origin);
Datum
trade_network_traced_origin(PG_FUNCTION_ARGS)
{
	return origin_mix(fcinfo, true);
}

PG_FUNCTION_INFO_V1(trade_network_direct_origin);
Datum
trade_network_direct_origin(PG_FUNCTION_ARGS)
{
	return origin_mix(fcinfo, false);
}

/* a set-returning accessor's network, solved, and its result set */
typedef struct net_rows
{
	ReturnSetInfo *rsinfo;
	re_tn		tn;
	re_tn_solution s;
} net_rows;

static void
start_rows(FunctionCallInfo fcinfo, net_rows *r)
{
	r->rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	InitMaterializedSRF(fcinfo, 0);
	load(fcinfo, &r->tn, &r->s);
}

static void
put_row(net_rows *r, Datum *values, bool *nulls)
{
	tuplestore_putvalues(r->rsinfo->setResult, r->rsinfo->setDesc, values, nulls);
}

/* (origin, destination, quantity, share of the destination's use), quantity > 0 */
typedef struct flows_out
{
	net_rows   *r;
	text	  **names;			/* each country's text, made once */
} flows_out;

static void
emit_flows(void *arg, uint32 count, const uint32 *origins, const double *rows)
{
	flows_out  *f = arg;
	net_rows   *r = f->r;
	uint32		n = r->tn.n;

	for (uint32 k = 0; k < count; k++)
	{
		const double *row = rows + (size_t) k * n;

		for (uint32 j = 0; j < n; j++)
		{
			Datum		values[4];
			bool		nulls[4] = {false, false, false, false};

			if (row[j] <= 0)
				continue;
			values[0] = PointerGetDatum(f->names[origins[k]]);
			values[1] = PointerGetDatum(f->names[j]);
			values[2] = Float8GetDatum(row[j]);
			values[3] = Float8GetDatum(Min(row[j] / r->s.use[j], 1.0));
			put_row(r, values, nulls);
		}
	}
}

PG_FUNCTION_INFO_V1(trade_network_origin_flows);
Datum
trade_network_origin_flows(PG_FUNCTION_ARGS)
{
	net_rows	r;
	flows_out	f = {&r, NULL};

	start_rows(fcinfo, &r);
	f.names = palloc(sizeof(text *) * (r.tn.n + 1));
	for (uint32 i = 0; i < r.tn.n; i++)
		f.names[i] = country_text(&r.tn, i);
	solve_producer_rows(&r.tn, &r.s, re_pg_allocator(CurrentMemoryContext), NULL, emit_flows, &f);
	return (Datum) 0;
}

/*
 * (country, use_before, use_after, shortfall, shortfall_share,
 * direct_shortfall) for every country: the supplier cuts its exports by
 * the fraction cut, export shares held fixed.
 */
PG_FUNCTION_INFO_V1(trade_network_disruption);
Datum
trade_network_disruption(PG_FUNCTION_ARGS)
{
	double		cut = PG_GETARG_FLOAT8(2);
	net_rows	r;
	int64		supplier;
	double	   *after,
			   *direct;

	if (!(cut >= 0 && cut <= 1))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cut %g is outside the range 0 to 1", cut),
				 errhint("The cut is the fraction of its exports the supplier withholds: 0.5 for half.")));
	start_rows(fcinfo, &r);
	supplier = country_arg(fcinfo, &r.tn, 1);
	after = palloc(sizeof(double) * (r.tn.n + 1));
	direct = palloc0(sizeof(double) * (r.tn.n + 1));
	if (supplier >= 0)
		re_tn_report_solve(re_tn_disruption(&r.s, re_pg_allocator(CurrentMemoryContext), (uint32) supplier,
									  cut, after, direct));
	else						/* a supplier outside the network changes nothing */
		memcpy(after, r.s.use, sizeof(double) * r.tn.n);
	for (uint32 j = 0; j < r.tn.n; j++)
	{
		Datum		values[6];
		bool		nulls[6] = {false, false, false, false, false, false};
		double		shortfall = re_plus_zero(r.s.use[j] - after[j]);

		values[0] = PointerGetDatum(country_text(&r.tn, j));
		values[1] = Float8GetDatum(r.s.use[j]);
		values[2] = Float8GetDatum(after[j]);
		values[3] = Float8GetDatum(shortfall);
		if (r.s.use[j] > 0)
			values[4] = Float8GetDatum(shortfall / r.s.use[j]);
		else
			nulls[4] = true;
		values[5] = Float8GetDatum(direct[j]);
		put_row(&r, values, nulls);
	}
	return (Datum) 0;
}

/*
 * (country, reported_exports, traced_exports, adjustment,
 * share_of_world_trade) for every country whose exports the imbalance
 * rule scaled down.
 */
PG_FUNCTION_INFO_V1(trade_network_adjustments);
Datum
trade_network_adjustments(PG_FUNCTION_ARGS)
{
	net_rows	r;
	re_ksum		world = {0, 0};

	start_rows(fcinfo, &r);
	for (uint32 e = 0; e < r.tn.m; e++)
		re_ksum_add(&world, r.tn.qty[e]);
	for (uint32 j = 0; j < r.tn.n && r.s.adjusted; j++)
	{
		Datum		values[5];
		bool		nulls[5] = {false, false, false, false, false};
		double		adjustment = r.s.reported_exports[j] - r.s.exports[j];

		if (!(adjustment > 0))
			continue;
		values[0] = PointerGetDatum(country_text(&r.tn, j));
		values[1] = Float8GetDatum(r.s.reported_exports[j]);
		values[2] = Float8GetDatum(r.s.exports[j]);
		values[3] = Float8GetDatum(adjustment);
		values[4] = Float8GetDatum(adjustment / re_ksum_value(&world));
		put_row(&r, values, nulls);
	}
	return (Datum) 0;
}
