/*
 * supply_mix_datum.c — a supply_mix value between its datum and the core:
 * decoded (with a scratch buffer for accessors that read many), encoded
 * into a varlena, and the errors a quantity or a total raises.
 */
#include "postgres.h"

#include "common/shortest_dec.h"
#include "fmgr.h"
#include "utils/memutils.h"

#include "glue.h"

void
re_save_mix_total(struct Node *escontext, const char *detail)
{
	errsave(escontext,
			errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			errmsg("total quantity of supply_mix is out of range for type double precision"),
			detail ? errdetail_internal("%s", detail) :
			errdetail("The quantities of all suppliers must add up to a finite double precision number."));
}

void
re_report_mix_total(const char *detail)
{
	re_save_mix_total(NULL, detail);
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

/* serve from the caller's buffer while it lasts, then from CurrentMemoryContext */
static void *
scratch_alloc(void *ctx, size_t size)
{
	re_scratch *s = ctx;

	size = MAXALIGN(size);
	if (size <= s->left)
	{
		void	   *p = s->next;

		s->next += size;
		s->left -= size;
		return p;
	}
	return palloc_extended(size, MCXT_ALLOC_HUGE);
}

void
re_mix_from_datum_scratch(Datum d, re_mix *mix, re_scratch *scratch)
{
	bytea	   *v = (bytea *) PG_DETOAST_DATUM_PACKED(d);
	re_allocator a = {scratch_alloc, NULL, scratch, NULL};
	re_status	st;

	scratch->next = scratch->buf.bytes;
	scratch->left = sizeof(scratch->buf.bytes);
	st = re_mix_decode(mix, a, (const uint8_t *) VARDATA_ANY(v), VARSIZE_ANY_EXHDR(v));
	if (st != RE_OK)
		re_report_decode_error(st, "supply_mix", ERRCODE_DATA_CORRUPTED);
	if (re_mix_check_total(mix) != RE_OK)
		re_report_mix_total(NULL);
}

static void
encode_mix(const void *mix, uint8 *out)
{
	re_mix_encode(mix, out);
}

bytea *
re_mix_to_varlena(const re_mix *mix)
{
	return re_encode_varlena(mix, re_mix_encoded_size(mix), encode_mix, "supply_mix");
}
