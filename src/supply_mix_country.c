/*
 * supply_mix_country.c — supply_mix(supplier country, quantity): the
 * integer-keyed state of the supply_mix family (RE_KEY_INT, keyed by the
 * country's packed code, so no string hashing per row), finished into a
 * summary keyed by ISO alpha-3.  State, combine, serialize and deserialize
 * are the family's own (supply_mix.c).
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/builtins.h"

#include "glue.h"

static Datum
trans_country(FunctionCallInfo fcinfo, bool numeric_qty)
{
	MemoryContext cxt = re_agg_context(fcinfo, "supply_mix_trans");
	re_allocator alloc;
	re_keydict *dict;
	re_mix_acc *acc = re_mix_trans_state(fcinfo, cxt, &alloc, &dict, RE_KEY_INT);

	if (!PG_ARGISNULL(1) && !PG_ARGISNULL(2))
	{
		uint16		code = DatumGetUInt16(PG_GETARG_DATUM(1));
		double		q = numeric_qty
			? DatumGetFloat8(DirectFunctionCall1(numeric_float8, PG_GETARG_DATUM(2)))
			: PG_GETARG_FLOAT8(2);
		re_status	err = re_mix_check_quantity(q);
		uint32		id;

		if (err == RE_OK)
			err = re_keydict_int(dict, code, &id);
		if (err == RE_OK)
			err = re_mix_trans_add(&acc, alloc, id, q);
		if (err != RE_OK)
		{
			const re_country *c = re_country_by_code(code);

			re_report_mix_quantity(err, c ? c->alpha3 : "?", q);
		}
	}
	PG_RETURN_POINTER(acc);
}

PG_FUNCTION_INFO_V1(supply_mix_trans_country);
Datum
supply_mix_trans_country(PG_FUNCTION_ARGS)
{
	return trans_country(fcinfo, false);
}

PG_FUNCTION_INFO_V1(supply_mix_trans_country_numeric);
Datum
supply_mix_trans_country_numeric(PG_FUNCTION_ARGS)
{
	return trans_country(fcinfo, true);
}

/* a packed country code as its ISO alpha-3 (or special) code */
static uint32_t
render_country(int64_t key, char *buf64)
{
	const re_country *c = (key >= 0 && key <= PG_UINT16_MAX) ? re_country_by_code((uint16) key) : NULL;

	if (c == NULL)
		return re_render_decimal(key, buf64);	/* cannot happen: keys come from country values */
	strlcpy(buf64, c->alpha3, 64);
	return (uint32_t) strlen(buf64);
}

PG_FUNCTION_INFO_V1(supply_mix_final_country);
Datum
supply_mix_final_country(PG_FUNCTION_ARGS)
{
	return re_mix_final(fcinfo, render_country);
}
