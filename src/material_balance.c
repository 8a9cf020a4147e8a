/*
 * material_balance.c — glue for the material_balance type: text (JSON),
 * jsonb and binary I/O, the aggregates material_balance(kind, quantity) and
 * rollup(material_balance), and the accessors.  Flow kinds, formats and
 * formulas are in src/core/balance.c and src/core/metrics.c.
 */
#include "postgres.h"

#include <math.h>

#include "common/jsonapi.h"
#include "common/shortest_dec.h"
#include "fmgr.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/json.h"
#include "utils/jsonb.h"
#include "utils/jsonfuncs.h"

#include "glue.h"

static const char *const input_hint =
"A material_balance is written as a JSON object of kind: quantity, e.g. {\"production\": 2600, \"import\": 7800}; "
"kinds are production, import, export, re-import, re-export and stock_change.";

static void
balance_from_datum(Datum d, re_balance *b)
{
	bytea	   *v = (bytea *) PG_DETOAST_DATUM_PACKED(d);
	re_status	st = re_balance_decode(b, (const uint8_t *) VARDATA_ANY(v), VARSIZE_ANY_EXHDR(v));

	if (st != RE_OK)
		re_report_decode_error(st, "material_balance", ERRCODE_DATA_CORRUPTED);
}

/* the core's encoders, as the shared support calls them */
static void
encode_balance(const void *b, uint8 *out)
{
	re_balance_encode(b, out);
}

static void
encode_balance_state(const void *st, uint8 *out)
{
	re_balance_state_encode(st, out);
}

static bytea *
balance_to_varlena(const re_balance *b)
{
	return re_encode_varlena(b, RE_BALANCE_SIZE, encode_balance, "material_balance");
}

/*
 * The error for status st of a quantity of kind f: saved in escontext when
 * that is a soft-error context (text input, 16+; for a negative quantity,
 * the only one input can have), else raised.
 */
static void
save_flow_quantity(Node *escontext, re_status st, re_flow f, double qty)
{
	char		num[DOUBLE_SHORTEST_DECIMAL_LEN];

	double_to_shortest_decimal_buf(qty, num);
	if (st == RE_NEGATIVE)
	{
		errsave(escontext,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("quantity \"%s\" for kind \"%s\" is negative", num, re_flow_name(f)),
				errhint("Only stock_change may be negative (a build-up of stocks); other quantities are zero or positive."));
		return;
	}
	if (st == RE_NONFINITE)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("quantity \"%s\" for kind \"%s\" is not finite", num, re_flow_name(f)),
				 errhint("Pass a finite number; use NULL for unknown values.")));
	if (st == RE_OVERFLOW)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("total quantity for kind \"%s\" is out of range for type double precision", re_flow_name(f)),
				 errdetail("The sum overflows where quantity %s is added.", num)));
	elog(ERROR, "unexpected status for kind \"%s\": %s", re_flow_name(f), re_status_message(st));
}

pg_noreturn static void
report_flow_quantity(re_status st, re_flow f, double qty)
{
	save_flow_quantity(NULL, st, f, qty);
	pg_unreachable();
}

/* the kind s names; false when it names none and escontext took the error */
static bool
kind_of(const char *s, size_t len, int sqlstate, Node *escontext, re_flow *f)
{
	if (re_flow_parse(s, len, f) != RE_OK)
		ereturn(escontext, false,
				errcode(sqlstate),
				errmsg("unrecognized material balance kind \"%.*s\"", (int) len, s),
				errhint("Use production, import, export, re-import, re-export or stock_change (or the UN Comtrade flow codes M, X, RM, RX); case does not matter."));
	return true;
}

static re_flow
parse_kind(const char *s, size_t len, int sqlstate)
{
	re_flow		f = RE_FLOW_PRODUCTION;

	(void) kind_of(s, len, sqlstate, NULL, &f);	/* raises the error */
	return f;
}

/* ------------------------------------------------------------------------ */
/* text I/O                                                                 */
/* ------------------------------------------------------------------------ */

typedef struct balance_parse
{
	bool		seen[RE_FLOW_COUNT];
	re_balance	b;
} balance_parse;

/* an unknown kind is reported as soon as its key is read */
static bool
balance_check_kind(void *ctx, const char *key, Node *escontext)
{
	re_flow		f;

	(void) ctx;
	return kind_of(key, strlen(key), ERRCODE_INVALID_TEXT_REPRESENTATION, escontext, &f);
}

static bool
balance_add(void *ctx, const char *key, const char *token, double q, Node *escontext)
{
	balance_parse *p = ctx;
	re_flow		f;

	(void) token;
	if (!kind_of(key, strlen(key), ERRCODE_INVALID_TEXT_REPRESENTATION, escontext, &f))
		return false;
	if (p->seen[f])
		ereturn(escontext, false,
				errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				errmsg("duplicate kind \"%s\" in material_balance input", re_flow_name(f)),
				errhint("Each kind may appear once (aliases such as M and import are the same kind)."));
	if (q < 0 && f != RE_FLOW_STOCK_CHANGE)
	{
		save_flow_quantity(escontext, RE_NEGATIVE, f, q);
		return false;
	}
	p->seen[f] = true;
	p->b.q[f] = q;				/* the reader gives 0 for -0 */
	return true;
}

PG_FUNCTION_INFO_V1(material_balance_in);
Datum
material_balance_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	balance_parse p = {0};
	re_json_numbers spec = {"material_balance", "quantity", "kind",
		"Quantities must be numbers, not objects.", input_hint,
	balance_check_kind, balance_add, &p, fcinfo->context};

	if (!re_parse_json_numbers(str, &spec))
		return (Datum) 0;		/* a soft error, saved */
	PG_RETURN_BYTEA_P(balance_to_varlena(&p.b));
}

/* Every kind, in canonical order, shortest round-trip numbers. */
static char *
balance_to_json(const re_balance *b)
{
	StringInfoData buf;
	char		num[DOUBLE_SHORTEST_DECIMAL_LEN];

	initStringInfo(&buf);
	appendStringInfoChar(&buf, '{');
	for (int f = 0; f < RE_FLOW_COUNT; f++)
	{
		if (f > 0)
			appendStringInfoString(&buf, ", ");
		escape_json(&buf, re_flow_name((re_flow) f));
		appendStringInfoString(&buf, ": ");
		double_to_shortest_decimal_buf(b->q[f], num);
		appendStringInfoString(&buf, num);
	}
	appendStringInfoChar(&buf, '}');
	return buf.data;
}

PG_FUNCTION_INFO_V1(material_balance_out);
Datum
material_balance_out(PG_FUNCTION_ARGS)
{
	re_balance	b;

	balance_from_datum(PG_GETARG_DATUM(0), &b);
	PG_RETURN_CSTRING(balance_to_json(&b));
}

PG_FUNCTION_INFO_V1(material_balance_to_jsonb);
Datum
material_balance_to_jsonb(PG_FUNCTION_ARGS)
{
	re_balance	b;

	balance_from_datum(PG_GETARG_DATUM(0), &b);
	PG_RETURN_DATUM(DirectFunctionCall1(jsonb_in, CStringGetDatum(balance_to_json(&b))));
}

PG_FUNCTION_INFO_V1(material_balance_recv);
Datum
material_balance_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	re_balance	b;
	re_status	st;

	st = re_balance_decode(&b, (const uint8_t *) buf->data + buf->cursor, buf->len - buf->cursor);
	if (st != RE_OK)
		re_report_decode_error(st, "material_balance", ERRCODE_INVALID_BINARY_REPRESENTATION);
	buf->cursor = buf->len;
	PG_RETURN_BYTEA_P(balance_to_varlena(&b));
}

PG_FUNCTION_INFO_V1(material_balance_send);
Datum
material_balance_send(PG_FUNCTION_ARGS)
{
	return re_send_varlena_bytes(fcinfo);
}

/* ------------------------------------------------------------------------ */
/* aggregates                                                               */
/* ------------------------------------------------------------------------ */

/*
 * What the support functions keep in fn_extra: the kinds a query has used,
 * by their exact spelling, so that a row's kind is one comparison with a
 * handful of short strings, not a case-insensitive parse against every name
 * and alias; and the pool hashed aggregation takes states from (state_pool.c).
 */
#define KIND_CACHE 8
#define KIND_CACHE_LEN 16

typedef struct balance_extra
{
	int			nkinds;
	struct
	{
		uint32		len;
		re_flow		flow;
		char		text[KIND_CACHE_LEN];
	}			kinds[KIND_CACHE];
	re_state_pool pool;
} balance_extra;

static balance_extra *
get_extra(FunctionCallInfo fcinfo)
{
	FmgrInfo   *fl = fcinfo->flinfo;

	if (fl->fn_extra == NULL)
		fl->fn_extra = MemoryContextAllocZero(fl->fn_mcxt, sizeof(balance_extra));
	return fl->fn_extra;
}

/* a new state in cxt (in hashed aggregation, from the pool: 96 bytes, no chunk header) */
static re_balance_state *
new_state(FunctionCallInfo fcinfo, MemoryContext cxt)
{
	re_allocator a = re_state_allocator(fcinfo, cxt, &get_extra(fcinfo)->pool, NULL, NULL);
	re_balance_state *st = a.alloc(a.ctx, sizeof(re_balance_state));

	re_balance_state_init(st);
	return st;
}

static re_flow
row_kind(FunctionCallInfo fcinfo, const char *s, size_t len)
{
	balance_extra *c = get_extra(fcinfo);
	re_flow		f;

	for (int i = 0; i < c->nkinds; i++)
		if (c->kinds[i].len == len && memcmp(c->kinds[i].text, s, len) == 0)
			return c->kinds[i].flow;
	f = parse_kind(s, len, ERRCODE_INVALID_PARAMETER_VALUE);
	if (len <= KIND_CACHE_LEN && c->nkinds < KIND_CACHE)
	{
		c->kinds[c->nkinds].len = (uint32) len;
		c->kinds[c->nkinds].flow = f;
		memcpy(c->kinds[c->nkinds].text, s, len);
		c->nkinds++;
	}
	return f;
}

static Datum
trans(FunctionCallInfo fcinfo, bool numeric_qty)
{
	re_balance_state *st = PG_ARGISNULL(0) ? NULL : (re_balance_state *) PG_GETARG_POINTER(0);

	/*
	 * Only the aggregate machinery passes a non-NULL internal state, so the
	 * context is checked once per group, not per row.
	 */
	if (st == NULL)
		st = new_state(fcinfo, re_agg_context(fcinfo, "material_balance_trans"));
	/* a row with a NULL kind or quantity is skipped, as in sum() */
	if (!PG_ARGISNULL(1) && !PG_ARGISNULL(2))
	{
		text	   *kind = PG_GETARG_TEXT_PP(1);
		re_flow		f = row_kind(fcinfo, VARDATA_ANY(kind), VARSIZE_ANY_EXHDR(kind));
		double		q = numeric_qty ?
			DatumGetFloat8(DirectFunctionCall1(numeric_float8, PG_GETARG_DATUM(2))) :
			PG_GETARG_FLOAT8(2);
		re_status	err = re_balance_add(st, f, q);

		if (err != RE_OK)
			report_flow_quantity(err, f, q);
	}
	PG_RETURN_POINTER(st);
}

PG_FUNCTION_INFO_V1(material_balance_trans);
Datum
material_balance_trans(PG_FUNCTION_ARGS)
{
	return trans(fcinfo, false);
}

PG_FUNCTION_INFO_V1(material_balance_trans_numeric);
Datum
material_balance_trans_numeric(PG_FUNCTION_ARGS)
{
	return trans(fcinfo, true);
}

/* a sum beyond double (22003); what names it in the message */
static void
check_sum(re_status st, const char *what)
{
	if (st == RE_OVERFLOW)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("%s is out of range for type double precision", what)));
	if (st != RE_OK)
		elog(ERROR, "unexpected status for %s: %s", what, re_status_message(st));
}

static void
merge_or_error(re_balance_state *dst, const re_balance_state *src)
{
	check_sum(re_balance_merge(dst, src), "material balance total");
}

PG_FUNCTION_INFO_V1(material_balance_rollup_trans);
Datum
material_balance_rollup_trans(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = re_agg_context(fcinfo, "material_balance_rollup_trans");
	re_balance_state *st = PG_ARGISNULL(0) ? new_state(fcinfo, cxt) : (re_balance_state *) PG_GETARG_POINTER(0);

	if (!PG_ARGISNULL(1))
	{
		re_balance	b;
		re_balance_state one;

		balance_from_datum(PG_GETARG_DATUM(1), &b);
		for (int f = 0; f < RE_FLOW_COUNT; f++)
		{
			one.q[f].sum = b.q[f];
			one.q[f].comp = 0;
		}
		merge_or_error(st, &one);
	}
	PG_RETURN_POINTER(st);
}

PG_FUNCTION_INFO_V1(material_balance_combine);
Datum
material_balance_combine(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = re_agg_context(fcinfo, "material_balance_combine");
	re_balance_state *a = PG_ARGISNULL(0) ? NULL : (re_balance_state *) PG_GETARG_POINTER(0);
	re_balance_state *b = PG_ARGISNULL(1) ? NULL : (re_balance_state *) PG_GETARG_POINTER(1);

	if (b == NULL)
	{
		if (a == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(a);
	}
	if (a == NULL)
		a = new_state(fcinfo, cxt);	/* copy into the aggregate context */
	merge_or_error(a, b);
	PG_RETURN_POINTER(a);
}

PG_FUNCTION_INFO_V1(material_balance_serialize);
Datum
material_balance_serialize(PG_FUNCTION_ARGS)
{
	return re_serialize_state(fcinfo, "material_balance_serialize", RE_BALANCE_STATE_SIZE,
							  encode_balance_state, "material_balance aggregate state");
}

PG_FUNCTION_INFO_V1(material_balance_deserialize);
Datum
material_balance_deserialize(PG_FUNCTION_ARGS)
{
	re_balance_state *st = palloc(sizeof(re_balance_state));
	const uint8 *bytes;
	size_t		len;
	re_status	err;

	re_deserialize_input(fcinfo, "material_balance_deserialize", &bytes, &len);
	err = re_balance_state_decode(st, bytes, len);
	if (err != RE_OK)
		re_report_state_decode_error(err, "material_balance aggregate state");
	PG_RETURN_POINTER(st);
}

PG_FUNCTION_INFO_V1(material_balance_final);
Datum
material_balance_final(PG_FUNCTION_ARGS)
{
	re_balance_state empty;
	re_balance_state *st = PG_ARGISNULL(0) ? NULL : (re_balance_state *) PG_GETARG_POINTER(0);
	re_balance	b;
	re_status	err;

	re_agg_context(fcinfo, "material_balance_final");
	/* 96 bytes of sums: two lines */
	re_prefetch_coming_groups(fcinfo, 2);
	/* no rows: every quantity 0 */
	if (st == NULL)
	{
		re_balance_state_init(&empty);
		st = &empty;
	}
	err = re_balance_finish(st, &b);
	if (err != RE_OK)
		re_report_decode_error(err, "material_balance aggregate state", ERRCODE_INTERNAL_ERROR);
	PG_RETURN_BYTEA_P(balance_to_varlena(&b));
}

/* ------------------------------------------------------------------------ */
/* accessors                                                                */
/* ------------------------------------------------------------------------ */

static Datum
flow_total(FunctionCallInfo fcinfo, re_flow f)
{
	re_balance	b;

	balance_from_datum(PG_GETARG_DATUM(0), &b);
	PG_RETURN_FLOAT8(b.q[f]);
}

PG_FUNCTION_INFO_V1(material_balance_production);
Datum
material_balance_production(PG_FUNCTION_ARGS)
{
	return flow_total(fcinfo, RE_FLOW_PRODUCTION);
}

PG_FUNCTION_INFO_V1(material_balance_imports);
Datum
material_balance_imports(PG_FUNCTION_ARGS)
{
	return flow_total(fcinfo, RE_FLOW_IMPORT);
}

PG_FUNCTION_INFO_V1(material_balance_exports);
Datum
material_balance_exports(PG_FUNCTION_ARGS)
{
	return flow_total(fcinfo, RE_FLOW_EXPORT);
}

PG_FUNCTION_INFO_V1(material_balance_reimports);
Datum
material_balance_reimports(PG_FUNCTION_ARGS)
{
	return flow_total(fcinfo, RE_FLOW_REIMPORT);
}

PG_FUNCTION_INFO_V1(material_balance_reexports);
Datum
material_balance_reexports(PG_FUNCTION_ARGS)
{
	return flow_total(fcinfo, RE_FLOW_REEXPORT);
}

PG_FUNCTION_INFO_V1(material_balance_stock_change);
Datum
material_balance_stock_change(PG_FUNCTION_ARGS)
{
	return flow_total(fcinfo, RE_FLOW_STOCK_CHANGE);
}

PG_FUNCTION_INFO_V1(material_balance_apparent_consumption);
Datum
material_balance_apparent_consumption(PG_FUNCTION_ARGS)
{
	re_balance	b;
	double		v = 0;

	balance_from_datum(PG_GETARG_DATUM(0), &b);
	check_sum(re_balance_apparent_consumption(&b, &v), "apparent consumption");
	PG_RETURN_FLOAT8(v);
}

/* a ratio over apparent consumption: NULL when undefined */
static Datum
consumption_ratio(FunctionCallInfo fcinfo,
				  re_status (*ratio) (const re_balance *, bool *, double *))
{
	re_balance	b;
	double		v = 0;
	bool		defined = false;

	balance_from_datum(PG_GETARG_DATUM(0), &b);
	check_sum(ratio(&b, &defined, &v), "apparent consumption");
	if (!defined)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(v);
}

PG_FUNCTION_INFO_V1(material_balance_net_import_reliance);
Datum
material_balance_net_import_reliance(PG_FUNCTION_ARGS)
{
	return consumption_ratio(fcinfo, re_balance_net_import_reliance);
}

PG_FUNCTION_INFO_V1(material_balance_self_sufficiency);
Datum
material_balance_self_sufficiency(PG_FUNCTION_ARGS)
{
	return consumption_ratio(fcinfo, re_balance_self_sufficiency);
}
