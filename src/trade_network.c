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
#include "miscadmin.h"
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

/*
 * The pair key's id in the query's dictionary is found once per pair, not
 * once per row: countries (keys of at most 8 bytes, as ISO and BACI codes
 * are) get a small index from a table that stays in cache, and per
 * exporter a row of importer index -> pair id + 1.  A row then costs two
 * one-word lookups instead of hashing and comparing "exporter\0importer".
 * At most PAIR_COUNTRIES countries are cached, their rows made when first
 * used (4 kB each); other keys take the dictionary's path.
 */
#define PAIR_COUNTRIES 1024
#define PAIR_SLOTS 2048			/* country hash table, at most half full */

typedef struct pair_cache
{
	re_keydict *dict;			/* the ids are this dictionary's */
	uint32		ncountries;
	uint64		word[PAIR_SLOTS];	/* the key's bytes, zero-padded */
	uint8		len[PAIR_SLOTS];	/* 0: empty slot (an empty key is not cached) */
	uint16		index[PAIR_SLOTS];
	uint32	   *row[PAIR_COUNTRIES];	/* per exporter: importer -> pair id + 1 */
} pair_cache;

static pair_cache *
get_pair_cache(FunctionCallInfo fcinfo, re_keydict *dict)
{
	void	  **slot = re_mix_trans_cache(fcinfo);
	pair_cache *c = *slot;

	if (c == NULL || c->dict != dict)
	{
		if (c == NULL)
			c = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, sizeof(pair_cache));
		else
			for (uint32 i = 0; i < c->ncountries; i++)
				if (c->row[i] != NULL)
					pfree(c->row[i]);
		memset(c, 0, sizeof(pair_cache));
		c->dict = dict;
		*slot = c;
	}
	return c;
}

/* the country's index in the cache, -1 when it is not cached */
static int
cached_country(pair_cache *c, const char *key, uint32 len)
{
	uint64		w = 0;
	uint32		i;

	if (len == 0 || len > 8)
		return -1;
	memcpy(&w, key, len);
	i = (uint32) (((w ^ ((uint64) len << 56)) * UINT64CONST(0x9E3779B97F4A7C15)) >> 53);
	while (c->len[i] != 0)
	{
		if (c->word[i] == w && c->len[i] == len)
			return c->index[i];
		i = (i + 1) & (PAIR_SLOTS - 1);
	}
	if (c->ncountries == PAIR_COUNTRIES)
		return -1;
	c->word[i] = w;
	c->len[i] = (uint8) len;
	c->index[i] = (uint16) c->ncountries;
	return (int) c->ncountries++;
}

static void
add_flow(re_mix_acc **acc, re_allocator alloc, re_keydict *dict, pair_cache *cache,
		 const char *ex, uint32 exlen, const char *im, uint32 imlen, double q)
{
	int			ei = cached_country(cache, ex, exlen);
	int			ii = ei < 0 ? -1 : cached_country(cache, im, imlen);
	uint32	   *slot = NULL;
	re_status	st = re_mix_check_quantity(q);
	uint32		id;

	if (ii >= 0)
	{
		if (cache->row[ei] == NULL)
			cache->row[ei] = MemoryContextAllocZero(GetMemoryChunkContext(cache),
													sizeof(uint32) * PAIR_COUNTRIES);
		slot = &cache->row[ei][ii];
	}
	if (st == RE_OK && slot != NULL && *slot != 0)
		id = *slot - 1;
	else if (st == RE_OK)
	{
		char		local[128];
		size_t		len = (size_t) exlen + 1 + imlen;
		char	   *key = len <= sizeof(local) ? local : palloc(len);

		memcpy(key, ex, exlen);
		key[exlen] = '\0';
		memcpy(key + exlen + 1, im, imlen);
		st = re_keydict_text(dict, key, (uint32) len, &id);
		if (st == RE_OK && slot != NULL)
			*slot = id + 1;
	}
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

		add_flow(&acc, alloc, dict, get_pair_cache(fcinfo, dict), VARDATA_ANY(ex), VARSIZE_ANY_EXHDR(ex),
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
		pair_cache *cache = get_pair_cache(fcinfo, dict);
		re_tn		tn;

		re_tn_from_datum(PG_GETARG_DATUM(1), &tn);
		for (uint32 i = 0; i < tn.n; i++)
			add_flow(&acc, alloc, dict, cache, tn.keys[i], tn.lens[i], tn.keys[i], tn.lens[i], tn.production[i]);
		for (uint32 e = 0; e < tn.m; e++)
			add_flow(&acc, alloc, dict, cache, tn.keys[tn.from[e]], tn.lens[tn.from[e]],
					 tn.keys[tn.to[e]], tn.lens[tn.to[e]], tn.qty[e]);
	}
	PG_RETURN_POINTER(acc);
}

/*
 * The final function's cache over the query's dictionary (fn_extra, in
 * fn_mcxt): each pair id's exporter and importer as numbers of a country
 * dictionary of its own, found once per pair id, and the countries'
 * canonical ranks, so that a group's network is built with integer sorts
 * rather than sorting key text group after group.
 */
typedef struct final_cache
{
	re_keydict *dict;			/* the pair ids are this dictionary's */
	re_keydict *countries;
	uint32		npairs;			/* pair ids mapped so far */
	uint32		pair_cap;
	uint32	   *pair_ex;		/* per pair id: country numbers */
	uint32	   *pair_im;
	uint32		country_cap;
	uint32	   *rank;			/* per country: canonical rank, for nranked countries */
	uint32		nranked;
	uint32		stale;			/* groups built since the countries grew */
	int32	   *local;			/* per country: its index in the group being built, or -1 */
} final_cache;

static final_cache *
get_final_cache(FunctionCallInfo fcinfo, re_keydict *dict)
{
	final_cache *c = fcinfo->flinfo->fn_extra;

	if (c == NULL || c->dict != dict)
	{
		MemoryContext old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);

		c = palloc0(sizeof(final_cache));
		c->dict = dict;
		if (re_keydict_create(&c->countries, re_pg_allocator(fcinfo->flinfo->fn_mcxt), RE_KEY_TEXT) != RE_OK)
			ereport(ERROR, (errcode(ERRCODE_OUT_OF_MEMORY), errmsg("out of memory")));
		fcinfo->flinfo->fn_extra = c;
		MemoryContextSwitchTo(old);
	}
	return c;
}

/* an array of cap 4-byte numbers in the cache's memory, its contents kept */
static void *
grow_array(final_cache *c, void *array, uint32 cap)
{
	return array ? repalloc_huge(array, sizeof(uint32) * cap) :
		MemoryContextAllocHuge(GetMemoryChunkContext(c), sizeof(uint32) * cap);
}

/* exporter and importer of every pair id of the dictionary, as country numbers */
static void
map_pairs(final_cache *c)
{
	uint32		n = re_keydict_size(c->dict);
	uint32		ncountries;

	if (n > c->pair_cap)
	{
		uint32		cap = Max(n, c->pair_cap * 2);

		c->pair_ex = grow_array(c, c->pair_ex, cap);
		c->pair_im = grow_array(c, c->pair_im, cap);
		c->pair_cap = cap;
	}
	for (; c->npairs < n; c->npairs++)
	{
		uint32		len;
		const char *key = re_keydict_text_key(c->dict, c->npairs, &len);
		const char *sep = memchr(key, '\0', len);
		uint32		exlen;

		CHECK_FOR_INTERRUPTS();
		if (sep == NULL)		/* not a key of ours: a supply_mix state passed in */
			elog(ERROR, "trade_network aggregate state holds a key without exporter and importer");
		exlen = (uint32) (sep - key);
		if (re_keydict_text(c->countries, key, exlen, &c->pair_ex[c->npairs]) != RE_OK ||
			re_keydict_text(c->countries, sep + 1, len - exlen - 1, &c->pair_im[c->npairs]) != RE_OK)
			ereport(ERROR, (errcode(ERRCODE_OUT_OF_MEMORY), errmsg("out of memory")));
	}
	ncountries = re_keydict_size(c->countries);
	if (ncountries > c->country_cap)
	{
		uint32		cap = Max(ncountries, c->country_cap * 2);

		c->rank = grow_array(c, c->rank, cap);
		c->local = grow_array(c, c->local, cap);
		for (uint32 i = c->country_cap; i < cap; i++)
			c->local[i] = -1;
		c->country_cap = cap;
	}
}

/* a country to sort: by rank (ranked), else by key text */
typedef struct country_item
{
	const char *key;
	uint32		len;
	uint32		country;
} country_item;

static int
cmp_country_item(const void *a, const void *b)
{
	const country_item *x = a,
			   *y = b;

	return re_key_cmp(x->key, x->len, y->key, y->len);
}

static int
cmp_uint64(const void *a, const void *b)
{
	uint64		x = *(const uint64 *) a,
				y = *(const uint64 *) b;

	return (x > y) - (x < y);
}

static void
sort_or_fail(void *base, size_t n, size_t size, int (*cmp) (const void *, const void *))
{
	if (re_sort(base, n, size, cmp, re_pg_allocator(CurrentMemoryContext)) != RE_OK)
		ereport(ERROR, (errcode(ERRCODE_OUT_OF_MEMORY), errmsg("out of memory")));
}

/* countries[0..n) sorted by key text */
static void
sort_by_key(final_cache *c, uint32 *countries, uint32 n)
{
	country_item *items = palloc(sizeof(country_item) * (n + 1));

	for (uint32 i = 0; i < n; i++)
	{
		items[i].key = re_keydict_text_key(c->countries, countries[i], &items[i].len);
		items[i].country = countries[i];
	}
	sort_or_fail(items, n, sizeof(country_item), cmp_country_item);
	for (uint32 i = 0; i < n; i++)
		countries[i] = items[i].country;
	pfree(items);
}

/*
 * The countries' canonical ranks, made again when the countries grew and
 * enough groups have been built since to pay for it (a sort of every
 * country, amortized over at least 1/16 of them); false when not at hand.
 */
static bool
rank_countries(final_cache *c)
{
	uint32		n = re_keydict_size(c->countries);
	uint32	   *order;

	if (c->nranked == n)
		return true;
	if (++c->stale * 16 < n)
		return false;
	order = palloc(sizeof(uint32) * (n + 1));
	for (uint32 i = 0; i < n; i++)
		order[i] = i;
	sort_by_key(c, order, n);
	for (uint32 r = 0; r < n; r++)
		c->rank[order[r]] = r;
	pfree(order);
	c->nranked = n;
	c->stale = 0;
	return true;
}

/* countries[0..n) in canonical order */
static void
sort_countries(final_cache *c, uint32 *countries, uint32 n)
{
	uint64	   *keyed;

	if (!rank_countries(c))
	{
		sort_by_key(c, countries, n);
		return;
	}
	keyed = palloc(sizeof(uint64) * (n + 1));
	for (uint32 i = 0; i < n; i++)
		keyed[i] = (uint64) c->rank[countries[i]] << 32 | countries[i];
	sort_or_fail(keyed, n, sizeof(uint64), cmp_uint64);
	for (uint32 i = 0; i < n; i++)
		countries[i] = (uint32) keyed[i];
	pfree(keyed);
}

typedef struct flow_entry
{
	uint64		pair;			/* from << 32 | to, local country indexes */
	double		qty;
} flow_entry;

static int
cmp_flow_entry(const void *a, const void *b)
{
	uint64		x = ((const flow_entry *) a)->pair,
				y = ((const flow_entry *) b)->pair;

	return (x > y) - (x < y);
}

/* a group's network from its state: pairs as country numbers, integer sorts */
static void
network_of_state(FunctionCallInfo fcinfo, re_mix_acc *acc, re_tn *tn)
{
	final_cache *c = get_final_cache(fcinfo, re_mix_acc_dict(acc));
	uint32		k = re_mix_acc_count(acc);
	uint32	   *ids = palloc(sizeof(uint32) * (k + 1));
	double	   *qty = palloc(sizeof(double) * (k + 1));
	uint32	   *present = palloc(sizeof(uint32) * (2 * (size_t) k + 1));
	flow_entry *flows = palloc(sizeof(flow_entry) * (k + 1));
	uint32		n = 0,
				m = 0;
	re_ksum		total = {0, 0};

	re_mix_acc_entries(acc, ids, qty);
	map_pairs(c);
	for (uint32 i = 0; i < k; i++)
	{
		uint32		e = c->pair_ex[ids[i]],
					m2 = c->pair_im[ids[i]];

		CHECK_FOR_INTERRUPTS();
		re_ksum_add(&total, qty[i]);
		if (c->local[e] < 0)
			present[n++] = e, c->local[e] = 0;
		if (c->local[m2] < 0)
			present[n++] = m2, c->local[m2] = 0;
	}
	if (!isfinite(re_ksum_value(&total)))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("total quantity of trade_network is out of range for type double precision")));
	sort_countries(c, present, n);
	tn->n = n;
	tn->keys = palloc(sizeof(char *) * (n + 1));
	tn->lens = palloc(sizeof(uint32) * (n + 1));
	tn->production = palloc0(sizeof(double) * (n + 1));
	for (uint32 i = 0; i < n; i++)
	{
		c->local[present[i]] = (int32) i;
		tn->keys[i] = re_keydict_text_key(c->countries, present[i], &tn->lens[i]);
	}
	for (uint32 i = 0; i < k; i++)
	{
		uint32		e = (uint32) c->local[c->pair_ex[ids[i]]],
					t = (uint32) c->local[c->pair_im[ids[i]]];

		if (e == t)
			tn->production[e] = qty[i];
		else
			flows[m++] = (flow_entry) {(uint64) e << 32 | t, qty[i]};
	}
	for (uint32 i = 0; i < n; i++)
		c->local[present[i]] = -1;
	sort_or_fail(flows, m, sizeof(flow_entry), cmp_flow_entry);
	tn->m = m;
	tn->from = palloc(sizeof(uint32) * (m + 1));
	tn->to = palloc(sizeof(uint32) * (m + 1));
	tn->qty = palloc(sizeof(double) * (m + 1));
	for (uint32 e = 0; e < m; e++)
	{
		tn->from[e] = (uint32) (flows[e].pair >> 32);
		tn->to[e] = (uint32) flows[e].pair;
		tn->qty[e] = flows[e].qty;
	}
}

PG_FUNCTION_INFO_V1(trade_network_final);
Datum
trade_network_final(PG_FUNCTION_ARGS)
{
	re_mix_acc *acc = PG_ARGISNULL(0) ? NULL : (re_mix_acc *) PG_GETARG_POINTER(0);
	re_tn		tn = {0};

	re_agg_context(fcinfo, "trade_network_final");
	/* no rows: the empty network */
	if (acc != NULL)
		network_of_state(fcinfo, acc, &tn);
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
