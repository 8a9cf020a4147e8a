/*
 * hscode.c — glue for the hscode type (Harmonized System codes at 2 to 10
 * digits): text and binary I/O, btree and hash support, hierarchy
 * functions, containment operators and the planner support function that
 * turns containment into a btree range.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "access/stratnum.h"
#include "catalog/pg_am.h"
#include "catalog/pg_opfamily.h"
#include "catalog/pg_type.h"
#include "fmgr.h"
#include "libpq/pqformat.h"
#include "nodes/makefuncs.h"
#include "nodes/nodeFuncs.h"
#include "nodes/supportnodes.h"
#include "optimizer/optimizer.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/lsyscache.h"
#include "utils/syscache.h"

#include "glue.h"

#define PG_GETARG_HSCODE(n) PG_GETARG_INT64(n)
#define PG_RETURN_HSCODE(v) PG_RETURN_INT64(v)

/* a stored value that the core does not accept is corrupt data */
static int64
checked(int64 v)
{
	if (!re_hs_valid(v))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("invalid hscode value %lld", (long long) v)));
	return v;
}

PG_FUNCTION_INFO_V1(hscode_in);
Datum
hscode_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	int64_t		v;

	/* a soft error (16+): pg_input_is_valid() and COPY ON_ERROR get it unraised */
	if (re_hs_parse(str, strlen(str), &v) != RE_OK)
		ereturn(fcinfo->context, (Datum) 0,
				errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				errmsg("invalid input syntax for type hscode: \"%s\"", str),
				errhint("An HS code has 2, 4, 6, 8 or 10 digits, chapter 01 or above, optionally "
						"with dots after the 4th, 6th or 8th digit: '28', '2846', '2846.90', '2846.90.20'."));
	PG_RETURN_HSCODE(v);
}

PG_FUNCTION_INFO_V1(hscode_out);
Datum
hscode_out(PG_FUNCTION_ARGS)
{
	char		buf[RE_HS_MAX_DIGITS + 1];

	re_hs_format(checked(PG_GETARG_HSCODE(0)), buf);
	PG_RETURN_CSTRING(pstrdup(buf));
}

PG_FUNCTION_INFO_V1(hscode_recv);
Datum
hscode_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int64_t		v;
	re_status	st;

	st = re_hs_decode((const uint8_t *) buf->data + buf->cursor, buf->len - buf->cursor, &v);
	if (st != RE_OK)
		re_report_decode_error(st, "hscode", ERRCODE_INVALID_BINARY_REPRESENTATION);
	buf->cursor = buf->len;
	PG_RETURN_HSCODE(v);
}

PG_FUNCTION_INFO_V1(hscode_send);
Datum
hscode_send(PG_FUNCTION_ARGS)
{
	uint8_t		out[RE_HS_ENCODED_SIZE];
	StringInfoData buf;

	re_hs_encode(checked(PG_GETARG_HSCODE(0)), out);
	pq_begintypsend(&buf);
	pq_sendbytes(&buf, (const char *) out, sizeof(out));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ordering: the encoding's integer order is the hierarchy's depth-first order */
#define HSCODE_CMP_FN(name, op) \
PG_FUNCTION_INFO_V1(name); \
Datum name(PG_FUNCTION_ARGS) \
{ PG_RETURN_BOOL(PG_GETARG_HSCODE(0) op PG_GETARG_HSCODE(1)); }

HSCODE_CMP_FN(hscode_eq, ==)
HSCODE_CMP_FN(hscode_ne, !=)
HSCODE_CMP_FN(hscode_lt, <)
HSCODE_CMP_FN(hscode_le, <=)
HSCODE_CMP_FN(hscode_gt, >)
HSCODE_CMP_FN(hscode_ge, >=)

PG_FUNCTION_INFO_V1(hscode_cmp);
Datum
hscode_cmp(PG_FUNCTION_ARGS)
{
	int64		a = PG_GETARG_HSCODE(0);
	int64		b = PG_GETARG_HSCODE(1);

	PG_RETURN_INT32((a > b) - (a < b));
}

PG_FUNCTION_INFO_V1(hscode_hash);
Datum
hscode_hash(PG_FUNCTION_ARGS)
{
	return DirectFunctionCall1(hashint8, PG_GETARG_DATUM(0));
}

PG_FUNCTION_INFO_V1(hscode_hash_extended);
Datum
hscode_hash_extended(PG_FUNCTION_ARGS)
{
	return DirectFunctionCall2(hashint8extended, PG_GETARG_DATUM(0), PG_GETARG_DATUM(1));
}

/* hierarchy ----------------------------------------------------------------- */

PG_FUNCTION_INFO_V1(hs_level);
Datum
hs_level(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(re_hs_ndigits(checked(PG_GETARG_HSCODE(0))));
}

static Datum
ancestor(FunctionCallInfo fcinfo, int ndigits)
{
	int64_t		out;

	if (!re_hs_truncate(checked(PG_GETARG_HSCODE(0)), ndigits, &out))
		PG_RETURN_NULL();
	PG_RETURN_HSCODE(out);
}

PG_FUNCTION_INFO_V1(hs_chapter);
Datum
hs_chapter(PG_FUNCTION_ARGS)
{
	return ancestor(fcinfo, 2);
}

PG_FUNCTION_INFO_V1(hs_heading);
Datum
hs_heading(PG_FUNCTION_ARGS)
{
	return ancestor(fcinfo, 4);
}

PG_FUNCTION_INFO_V1(hs_subheading);
Datum
hs_subheading(PG_FUNCTION_ARGS)
{
	return ancestor(fcinfo, 6);
}

PG_FUNCTION_INFO_V1(hs_parent);
Datum
hs_parent(PG_FUNCTION_ARGS)
{
	return ancestor(fcinfo, re_hs_ndigits(checked(PG_GETARG_HSCODE(0))) - 2);
}

PG_FUNCTION_INFO_V1(hscode_contains);
Datum
hscode_contains(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(re_hs_contains(PG_GETARG_HSCODE(0), PG_GETARG_HSCODE(1)));
}

PG_FUNCTION_INFO_V1(hscode_contained_by);
Datum
hscode_contained_by(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(re_hs_contains(PG_GETARG_HSCODE(1), PG_GETARG_HSCODE(0)));
}

/* planner support ------------------------------------------------------------ */

static bool
is_btree_family(Oid opfamily)
{
	HeapTuple	tup = SearchSysCache1(OPFAMILYOID, ObjectIdGetDatum(opfamily));
	bool		btree;

	if (!HeapTupleIsValid(tup))
		return false;
	btree = ((Form_pg_opfamily) GETSTRUCT(tup))->opfmethod == BTREE_AM_OID;
	ReleaseSysCache(tup);
	return btree;
}

/*
 * For "col <@ const" (container_arg 1) or "const @> col" (container_arg 0)
 * on a btree-indexed hscode column, offer the exact index conditions
 * col >= lo AND col <= hi, where [lo, hi] is the container and all its
 * descendants (re_hs_range); the ordering makes that range contiguous.
 */
static Node *
containment_index_condition(SupportRequestIndexCondition *req, int container_arg)
{
	List	   *args;
	Node	   *container,
			   *column;
	Const	   *c;
	Oid			type,
				ge,
				le;
	int64_t		lo,
				hi;
	Expr	   *lo_clause,
			   *hi_clause;

	if (is_opclause(req->node))
		args = ((OpExpr *) req->node)->args;
	else if (IsA(req->node, FuncExpr))
		args = ((FuncExpr *) req->node)->args;
	else
		return NULL;
	if (list_length(args) != 2 || req->indexarg != 1 - container_arg)
		return NULL;
	container = (Node *) list_nth(args, container_arg);
	column = (Node *) list_nth(args, 1 - container_arg);
	if (!IsA(container, Const) || ((Const *) container)->constisnull)
		return NULL;
	c = (Const *) container;
	if (!is_btree_family(req->opfamily))
		return NULL;
	type = c->consttype;
	ge = get_opfamily_member(req->opfamily, type, type, BTGreaterEqualStrategyNumber);
	le = get_opfamily_member(req->opfamily, type, type, BTLessEqualStrategyNumber);
	if (!OidIsValid(ge) || !OidIsValid(le) || exprType(column) != type)
		return NULL;
	re_hs_range(checked(DatumGetInt64(c->constvalue)), &lo, &hi);
	lo_clause = make_opclause(ge, BOOLOID, false, (Expr *) column,
							  (Expr *) makeConst(type, -1, InvalidOid, sizeof(int64),
												 Int64GetDatum(lo), false, true),
							  InvalidOid, InvalidOid);
	hi_clause = make_opclause(le, BOOLOID, false, (Expr *) copyObject(column),
							  (Expr *) makeConst(type, -1, InvalidOid, sizeof(int64),
												 Int64GetDatum(hi), false, true),
							  InvalidOid, InvalidOid);
	req->lossy = false;			/* the range is exactly the containment */
	return (Node *) list_make2(lo_clause, hi_clause);
}

PG_FUNCTION_INFO_V1(hscode_contained_by_support);
Datum
hscode_contained_by_support(PG_FUNCTION_ARGS)
{
	Node	   *req = (Node *) PG_GETARG_POINTER(0);

	if (IsA(req, SupportRequestIndexCondition))
		PG_RETURN_POINTER(containment_index_condition((SupportRequestIndexCondition *) req, 1));
	PG_RETURN_POINTER(NULL);
}

PG_FUNCTION_INFO_V1(hscode_contains_support);
Datum
hscode_contains_support(PG_FUNCTION_ARGS)
{
	Node	   *req = (Node *) PG_GETARG_POINTER(0);

	if (IsA(req, SupportRequestIndexCondition))
		PG_RETURN_POINTER(containment_index_condition((SupportRequestIndexCondition *) req, 0));
	PG_RETURN_POINTER(NULL);
}

/* whether text is accepted as an HS code (PostgreSQL 15 has no pg_input_is_valid) */
PG_FUNCTION_INFO_V1(is_valid_hscode);
Datum
is_valid_hscode(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	int64_t		v;

	PG_RETURN_BOOL(re_hs_parse(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &v) == RE_OK);
}
