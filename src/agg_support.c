/*
 * agg_support.c — what the three aggregates (supply_mix, trajectory,
 * material_balance) share around the core's encoders: a binary form into a
 * new varlena with the size limit checked, and the serialize and
 * deserialize steps of a parallel or partial plan, the aggregate context
 * check, and a binary send of a varlena's bytes.  Written once so that
 * the checks cannot drift apart between the aggregates (before 0.2.0
 * supply_mix's serialize checked MaxAllocSize and trajectory's did not).
 */
#include "postgres.h"

#include "fmgr.h"
#include "libpq/pqformat.h"
#include "utils/memutils.h"

#include "glue.h"

bytea *
re_encode_varlena(const void *obj, size_t size, re_encoder encode, const char *what)
{
	bytea	   *v;

	if (size > MaxAllocSize - VARHDRSZ)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("%s of %zu bytes is too large", what, size),
				 errdetail("A value may take at most %zu bytes.", (size_t) (MaxAllocSize - VARHDRSZ))));
	v = palloc(VARHDRSZ + size);
	SET_VARSIZE(v, VARHDRSZ + size);
	encode(obj, (uint8 *) VARDATA(v));
	return v;
}

Datum
re_serialize_state(FunctionCallInfo fcinfo, const char *fname, size_t size, re_encoder encode,
				   const char *what)
{
	void	   *state = PG_GETARG_POINTER(0);

	re_agg_context(fcinfo, fname);
	PG_RETURN_BYTEA_P(re_encode_varlena(state, size, encode, what));
}

void
re_deserialize_input(FunctionCallInfo fcinfo, const char *fname, const uint8 **bytes, size_t *len)
{
	bytea	   *in = PG_GETARG_BYTEA_PP(0);

	re_agg_context(fcinfo, fname);
	*bytes = (const uint8 *) VARDATA_ANY(in);
	*len = VARSIZE_ANY_EXHDR(in);
}

void
re_report_state_decode_error(re_status st, const char *what)
{
	re_report_decode_error(st, what, ERRCODE_INVALID_BINARY_REPRESENTATION);
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
