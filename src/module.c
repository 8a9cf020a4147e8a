/*
 * module.c — the shared library's magic block and the helpers of glue.h.
 */
#include "postgres.h"

#include "common/shortest_dec.h"
#include "fmgr.h"
#include "libpq/pqformat.h"
#include "utils/memutils.h"

#include "glue.h"

PG_MODULE_MAGIC;

static void *
pg_alloc(void *ctx, size_t size)
{
	return MemoryContextAllocExtended((MemoryContext) ctx, size, MCXT_ALLOC_HUGE);
}

static void
pg_free(void *ctx, void *ptr)
{
	(void) ctx;					/* pfree finds the context itself */
	pfree(ptr);
}

re_allocator
re_pg_allocator(MemoryContext cxt)
{
	re_allocator a = {pg_alloc, pg_free, cxt};

	return a;
}

void
re_report_decode_error(re_status st, const char *what, int sqlstate)
{
	if (st == RE_ENOMEM)
		ereport(ERROR,
				(errcode(ERRCODE_OUT_OF_MEMORY),
				 errmsg("out of memory while decoding %s", what)));
	ereport(ERROR,
			(errcode(sqlstate),
			 errmsg("invalid binary %s value", what),
			 errdetail("%s", re_status_message(st))));
	pg_unreachable();
}

void
re_report_mix_total(const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("total quantity of supply_mix is out of range for type double precision"),
			 detail ? errdetail_internal("%s", detail) :
			 errdetail("The quantities of all suppliers must add up to a finite double precision number.")));
	pg_unreachable();
}

void
re_report_mix_quantity(re_status st, const char *supplier, double qty)
{
	char		num[DOUBLE_SHORTEST_DECIMAL_LEN];

	double_to_shortest_decimal_buf(qty, num);
	if (st == RE_NEGATIVE)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("quantity %s for supplier \"%s\" is negative", num, supplier),
				 errhint("Supply quantities must be zero or positive; use NULL for unknown values.")));
	if (st == RE_NONFINITE)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("quantity \"%s\" for supplier \"%s\" is not finite", num, supplier)));
	if (st == RE_OVERFLOW)
		re_report_mix_total(psprintf("The sum overflows where quantity %s for supplier \"%s\" is added.",
									 num, supplier));
	ereport(ERROR, (errcode(ERRCODE_OUT_OF_MEMORY), errmsg("out of memory")));
	pg_unreachable();
}

void
re_mix_from_datum_for_output(Datum d, re_mix *mix)
{
	bytea	   *v = (bytea *) PG_DETOAST_DATUM_PACKED(d);
	re_status	st;

	st = re_mix_decode(mix, re_pg_allocator(CurrentMemoryContext),
					   (const uint8_t *) VARDATA_ANY(v), VARSIZE_ANY_EXHDR(v));
	if (st != RE_OK)
		re_report_decode_error(st, "supply_mix", ERRCODE_DATA_CORRUPTED);
}

void
re_mix_from_datum(Datum d, re_mix *mix)
{
	re_mix_from_datum_for_output(d, mix);
	if (re_mix_check_total(mix) != RE_OK)
		re_report_mix_total(NULL);
}

bytea *
re_mix_to_varlena(const re_mix *mix)
{
	size_t		size = re_mix_encoded_size(mix);
	bytea	   *v;

	if (size > MaxAllocSize - VARHDRSZ)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("supply_mix with %u suppliers is too large", mix->n)));
	v = palloc(VARHDRSZ + size);
	SET_VARSIZE(v, VARHDRSZ + size);
	re_mix_encode(mix, (uint8_t *) VARDATA(v));
	return v;
}

MemoryContext
re_agg_context(FunctionCallInfo fcinfo, const char *fname)
{
	MemoryContext aggcxt;

	if (!AggCheckCallContext(fcinfo, &aggcxt))
		elog(ERROR, "%s called in non-aggregate context", fname);
	return aggcxt;
}

Datum
re_send_varlena_bytes(FunctionCallInfo fcinfo)
{
	bytea	   *v = PG_GETARG_BYTEA_PP(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbytes(&buf, VARDATA_ANY(v), VARSIZE_ANY_EXHDR(v));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}
