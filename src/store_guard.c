/*
 * store_guard.c — the data store is checked before the extension uses it.
 *
 * The store's tables and views live in the extension's schema and belong to
 * whoever ran create_store().  A relation can carry code: triggers, rules
 * (a view's definition is one), row-security policies, column defaults and
 * generated columns, check constraints, index expressions and predicates,
 * index support functions, domain types.  That code runs with the rights
 * of whoever reads or writes the relation, so a superuser loading into a
 * store that another role could change would run that role's code as
 * superuser (triggers, defaults and index expressions on
 * published_statistic, a country_groups replaced by a view).
 *
 * Rule: before a function of the extension reads or writes a store
 * relation, it locks the relation and walks everything attached to it
 * (views recursively, through every relation they read), and refuses
 * (42501) if any function, operator's function, aggregate or type used
 * there is owned by a role other than a superuser or the current role.
 * Code owned by a superuser is what every role already trusts (pg_catalog,
 * the extension's own members); code owned by the current role is its own.
 * Who owns the relation itself does not matter: a role may use another's
 * store as long as the store runs no third party's code.
 *
 * The lock (AccessShareLock, held to the end of the transaction) keeps the
 * checked definition in force: adding a rule or policy, replacing a view or
 * dropping the relation needs a stronger lock, and the loaders lock their
 * tables in SHARE ROW EXCLUSIVE (which also keeps triggers out) before
 * they call the guard.
 */
#include "postgres.h"

#include "access/amapi.h"
#include "access/genam.h"
#include "access/htup_details.h"
#include "access/relation.h"
#include "access/table.h"
#include "catalog/namespace.h"
#include "catalog/pg_inherits.h"
#include "catalog/pg_namespace.h"
#include "catalog/pg_proc.h"
#include "catalog/pg_type.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "nodes/makefuncs.h"
#include "nodes/nodeFuncs.h"
#include "rewrite/prs2lock.h"
#include "rewrite/rowsecurity.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/regproc.h"
#include "utils/rel.h"
#include "utils/relcache.h"
#include "utils/syscache.h"

typedef struct guard_ctx
{
	Oid			user;			/* the current role */
	const char *top;			/* the store relation being checked */
	const char *where;			/* what is being walked, for the message */
	List	   *visited;		/* relations checked already */
} guard_ctx;

static void check_relation(Oid relid, guard_ctx *ctx);

static bool
owner_trusted(Oid owner, const guard_ctx *ctx)
{
	return owner == ctx->user || superuser_arg(owner);
}

static void
refuse(const guard_ctx *ctx, const char *kind, const char *name, Oid owner)
{
	/* an object's owner cannot be dropped while it owns the object */
	const char *role = GetUserNameFromId(owner, false);

	ereport(ERROR,
			(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
			 errmsg("rareearth will not use relation %s: it would run code of role \"%s\"", ctx->top, role),
			 errdetail("%s uses %s %s, owned by role \"%s\"; rareearth runs only code owned by a superuser or by the current role \"%s\".",
					   ctx->where, kind, name, role, GetUserNameFromId(ctx->user, false)),
			 errhint("Have a superuser or the relation's owner remove it; rareearth.check_store() checks the whole store.")));
}

static void
check_function(Oid funcid, guard_ctx *ctx)
{
	HeapTuple	tup;
	Oid			owner;

	if (!OidIsValid(funcid))
		return;
	tup = SearchSysCache1(PROCOID, ObjectIdGetDatum(funcid));
	if (!HeapTupleIsValid(tup))
		elog(ERROR, "cache lookup failed for function %u", funcid);
	owner = ((Form_pg_proc) GETSTRUCT(tup))->proowner;
	ReleaseSysCache(tup);
	if (!owner_trusted(owner, ctx))
		refuse(ctx, "function", format_procedure(funcid), owner);
}

static void
check_type(Oid typid, guard_ctx *ctx)
{
	HeapTuple	tup;
	Oid			owner;

	if (!OidIsValid(typid))
		return;
	tup = SearchSysCache1(TYPEOID, ObjectIdGetDatum(typid));
	if (!HeapTupleIsValid(tup))
		elog(ERROR, "cache lookup failed for type %u", typid);
	owner = ((Form_pg_type) GETSTRUCT(tup))->typowner;
	ReleaseSysCache(tup);
	if (!owner_trusted(owner, ctx))
		refuse(ctx, "type", format_type_be(typid), owner);
}

static bool
function_untrusted(Oid funcid, void *context)
{
	check_function(funcid, (guard_ctx *) context);	/* refuses, never returns true */
	return false;
}

/* Every function, operator, type and relation an expression or query uses. */
static bool
guard_walker(Node *node, guard_ctx *ctx)
{
	if (node == NULL)
		return false;
	check_stack_depth();
	CHECK_FOR_INTERRUPTS();
	if (IsA(node, Query))
		return query_tree_walker((Query *) node, guard_walker, ctx,
								 QTW_EXAMINE_RTES_BEFORE | QTW_EXAMINE_SORTGROUP);
	if (IsA(node, RangeTblEntry))
	{
		RangeTblEntry *rte = (RangeTblEntry *) node;

		if (rte->rtekind == RTE_RELATION)
			check_relation(rte->relid, ctx);
		return false;			/* query_tree_walker walks the entry's parts */
	}
	if (IsA(node, SortGroupClause))
	{
		SortGroupClause *sgc = (SortGroupClause *) node;

		if (OidIsValid(sgc->eqop))
			check_function(get_opcode(sgc->eqop), ctx);
		if (OidIsValid(sgc->sortop))
			check_function(get_opcode(sgc->sortop), ctx);
		return false;
	}
	if (IsA(node, CoerceToDomain))
		check_type(((CoerceToDomain *) node)->resulttype, ctx);
	else if (IsA(node, SubscriptingRef))
		check_type(((SubscriptingRef *) node)->refcontainertype, ctx);
	else if (IsA(node, RowCompareExpr))
	{
		ListCell   *lc;

		foreach(lc, ((RowCompareExpr *) node)->opnos)
			check_function(get_opcode(lfirst_oid(lc)), ctx);
	}
	/* functions, operators, aggregates, window functions, type I/O */
	(void) check_functions_in_node(node, function_untrusted, ctx);
	return expression_tree_walker(node, guard_walker, ctx);
}

static void
walk(Node *node, guard_ctx *ctx, const char *where)
{
	const char *outer = ctx->where;

	if (node == NULL)
		return;
	ctx->where = where;
	/* a copy: check_functions_in_node fills in operators' function ids */
	(void) guard_walker(copyObject(node), ctx);
	ctx->where = outer;
}

static void
walk_string(const char *nodestring, guard_ctx *ctx, const char *where)
{
	if (nodestring != NULL)
		walk((Node *) stringToNode(nodestring), ctx, where);
}

static void
check_indexes(Relation rel, guard_ctx *ctx)
{
	List	   *indexes = RelationGetIndexList(rel);
	ListCell   *lc;

	foreach(lc, indexes)
	{
		Relation	idx = index_open(lfirst_oid(lc), AccessShareLock);
		char	   *where = psprintf("index %s", RelationGetRelationName(idx));
		int			nsupport = IndexRelationGetNumberOfKeyAttributes(idx) * idx->rd_indam->amsupport;

		walk((Node *) RelationGetIndexExpressions(idx), ctx, where);
		walk((Node *) RelationGetIndexPredicate(idx), ctx, where);
		ctx->where = where;
		for (int i = 0; i < nsupport; i++)
			check_function(idx->rd_support[i], ctx);
		for (int i = 0; i < IndexRelationGetNumberOfKeyAttributes(idx); i++)
			check_type(TupleDescAttr(RelationGetDescr(idx), i)->atttypid, ctx);
		index_close(idx, NoLock);
	}
}

static void
check_relation(Oid relid, guard_ctx *ctx)
{
	Relation	rel;
	TupleDesc	desc;
	char	   *name;

	if (list_member_oid(ctx->visited, relid))
		return;
	ctx->visited = lappend_oid(ctx->visited, relid);
	check_stack_depth();
	/* the system catalogs and their views are the superuser's */
	if (get_rel_namespace(relid) == PG_CATALOG_NAMESPACE)
		return;

	rel = relation_open(relid, AccessShareLock);
	name = quote_qualified_identifier(get_namespace_name(RelationGetNamespace(rel)),
									  RelationGetRelationName(rel));
	desc = RelationGetDescr(rel);

	ctx->where = psprintf("a column of %s", name);
	for (int i = 0; i < desc->natts; i++)
	{
		Form_pg_attribute att = TupleDescAttr(desc, i);

		if (!att->attisdropped)
			check_type(att->atttypid, ctx);
	}
	if (desc->constr)
	{
		for (int i = 0; i < desc->constr->num_defval; i++)
			walk_string(desc->constr->defval[i].adbin, ctx,
						psprintf("the default or generation expression of a column of %s", name));
		for (int i = 0; i < desc->constr->num_check; i++)
			walk_string(desc->constr->check[i].ccbin, ctx,
						psprintf("check constraint %s of %s", desc->constr->check[i].ccname, name));
	}
	if (rel->trigdesc)
	{
		for (int i = 0; i < rel->trigdesc->numtriggers; i++)
		{
			Trigger    *tg = &rel->trigdesc->triggers[i];

			ctx->where = psprintf("trigger %s on %s", tg->tgname, name);
			check_function(tg->tgfoid, ctx);
			walk_string(tg->tgqual, ctx, ctx->where);
		}
	}
	if (rel->rd_rules)
	{
		for (int i = 0; i < rel->rd_rules->numLocks; i++)
		{
			RewriteRule *rule = rel->rd_rules->rules[i];
			char	   *where = rel->rd_rel->relkind == RELKIND_VIEW && rule->event == CMD_SELECT
				? psprintf("the definition of view %s", name)
				: psprintf("a rule on %s", name);

			walk(rule->qual, ctx, where);
			walk((Node *) rule->actions, ctx, where);
		}
	}
	if (rel->rd_rsdesc)
	{
		ListCell   *lc;

		foreach(lc, rel->rd_rsdesc->policies)
		{
			RowSecurityPolicy *p = (RowSecurityPolicy *) lfirst(lc);
			char	   *where = psprintf("policy %s on %s", p->policy_name, name);

			walk((Node *) p->qual, ctx, where);
			walk((Node *) p->with_check_qual, ctx, where);
		}
	}
	if (rel->rd_rel->relhasindex)
		check_indexes(rel, ctx);
	if (rel->rd_rel->relhassubclass)
	{
		/* reading or writing the parent reads or writes its children */
		ListCell   *lc;

		foreach(lc, find_inheritance_children(relid, AccessShareLock))
			check_relation(lfirst_oid(lc), ctx);
	}
	relation_close(rel, NoLock);
}

/*
 * guard_store(relations text[], kind "char"): lock and check each named
 * relation of the extension's schema (the guard's own schema).  kind 'r':
 * each must be a table (partitioned or not), 'v': a view, '*': either.  A
 * relation that does not exist is skipped: the caller's own statement then
 * fails as it would have.  Returns the number of relations checked.
 */
PG_FUNCTION_INFO_V1(re_guard_store);
Datum
re_guard_store(PG_FUNCTION_ARGS)
{
	ArrayType  *names = PG_GETARG_ARRAYTYPE_P(0);
	char		kind = PG_GETARG_CHAR(1);
	char	   *schema = get_namespace_name(get_func_namespace(fcinfo->flinfo->fn_oid));
	Datum	   *elems;
	bool	   *nulls;
	int			n;
	int32		checked = 0;
	guard_ctx	ctx = {0};

	ctx.user = GetUserId();
	deconstruct_array(names, TEXTOID, -1, false, TYPALIGN_INT, &elems, &nulls, &n);
	for (int i = 0; i < n; i++)
	{
		RangeVar   *rv;
		Oid			relid;
		char		relkind;

		CHECK_FOR_INTERRUPTS();
		if (nulls[i])
			continue;
		rv = makeRangeVar(schema, TextDatumGetCString(elems[i]), -1);
		relid = RangeVarGetRelidExtended(rv, AccessShareLock, RVR_MISSING_OK, NULL, NULL);
		if (!OidIsValid(relid))
			continue;
		ctx.top = quote_qualified_identifier(schema, rv->relname);
		relkind = get_rel_relkind(relid);
		if ((kind == 'r' && relkind != RELKIND_RELATION && relkind != RELKIND_PARTITIONED_TABLE) ||
			(kind == 'v' && relkind != RELKIND_VIEW))
			ereport(ERROR,
					(errcode(ERRCODE_WRONG_OBJECT_TYPE),
					 errmsg("rareearth will not use relation %s: it is not a %s", ctx.top,
							kind == 'r' ? "table" : "view"),
					 errdetail("create_store() makes it a %s; another role may have replaced it.",
							   kind == 'r' ? "table" : "view"),
					 errhint("Have a superuser or its owner drop it, then run rareearth.create_store() again.")));
		check_relation(relid, &ctx);
		checked++;
	}
	PG_RETURN_INT32(checked);
}
