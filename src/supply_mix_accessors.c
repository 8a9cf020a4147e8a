/*
 * supply_mix_accessors.c — SQL accessors of a supply_mix summary: totals,
 * shares, HHI, CR-n, entropy, concentration bands, coverage.
 *
 * Each decodes the summary and asks the core; an undefined result (empty
 * mix, zero total) is NULL, never NaN or Infinity.
 */
#include "postgres.h"

#include <math.h>

#include "access/htup_details.h"
#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/tuplestore.h"

#include "glue.h"

#define RETURN_IF_DEFINED(ok, value) \
	do { if (!(ok)) PG_RETURN_NULL(); PG_RETURN_FLOAT8(value); } while (0)

/*
 * A measure of the whole mix: decode, ask the core, NULL where the core
 * says the measure is undefined.
 */
#define MIX_MEASURE(sqlname, corefn) \
PG_FUNCTION_INFO_V1(sqlname); \
Datum \
sqlname(PG_FUNCTION_ARGS) \
{ \
	re_mix		mix; \
	re_scratch	scratch; \
	double		v = 0; \
	bool		ok; \
\
	re_mix_from_datum_scratch(PG_GETARG_DATUM(0), &mix, &scratch); \
	ok = corefn(&mix, &v); \
	RETURN_IF_DEFINED(ok, v); \
}

PG_FUNCTION_INFO_V1(supply_mix_total);
Datum
supply_mix_total(PG_FUNCTION_ARGS)
{
	re_mix		mix;
	re_scratch	scratch;

	re_mix_from_datum_scratch(PG_GETARG_DATUM(0), &mix, &scratch);
	PG_RETURN_FLOAT8(re_mix_total(&mix));
}

PG_FUNCTION_INFO_V1(supply_mix_supplier_count);
Datum
supply_mix_supplier_count(PG_FUNCTION_ARGS)
{
	re_mix		mix;
	re_scratch	scratch;
	uint32		n;

	re_mix_from_datum_scratch(PG_GETARG_DATUM(0), &mix, &scratch);
	n = re_mix_supplier_count(&mix);
	if (n > PG_INT32_MAX)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("supplier count %u is out of range for type integer", n)));
	PG_RETURN_INT32((int32) n);
}

/*
 * The supplier's index in the mix, or -1.  When the exact key is absent and
 * the text names a country ('Russia', 'RU', '643'), the country's alpha-3 is
 * tried too, so country-keyed mixes (supply_mix(country, ...)) answer to any
 * form of the name.
 */
static int64
find_supplier(const re_mix *mix, text *key)
{
	int64		i = re_mix_find(mix, VARDATA_ANY(key), VARSIZE_ANY_EXHDR(key));
	uint16_t	code;

	if (i >= 0)
		return i;
	if (re_country_parse(VARDATA_ANY(key), VARSIZE_ANY_EXHDR(key), &code) == RE_OK)
	{
		const char *alpha3 = re_country_by_code(code)->alpha3;

		return re_mix_find(mix, alpha3, (uint32) strlen(alpha3));
	}

	/*
	 * A key that is no country, asked of a mix whose every supplier is one
	 * (supply_mix(country, ...), or of iso3(country)): a misspelt name
	 * ('Rusia') would otherwise read as a supplier with nothing, a share of
	 * 0.  Said as country input says it.
	 */
	if (mix->n > 0)
	{
		for (uint32 k = 0; k < mix->n; k++)
		{
			CHECK_FOR_INTERRUPTS();
			if (re_country_parse(mix->keys[k], mix->lens[k], &code) != RE_OK)
				return -1;
		}
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("supplier \"%s\" is not a country, and every supplier of this mix is one",
						text_to_cstring(key)),
				 errhint("Use an ISO 3166-1 alpha-3 or alpha-2 code, a UN M49, UN Comtrade or CEPII BACI number, "
						 "or an English name (country_reference() lists them).")));
	}
	return -1;
}

PG_FUNCTION_INFO_V1(supply_mix_quantity);
Datum
supply_mix_quantity(PG_FUNCTION_ARGS)
{
	re_mix		mix;
	text	   *key = PG_GETARG_TEXT_PP(1);
	int64		i;

	re_mix_from_datum(PG_GETARG_DATUM(0), &mix);
	i = find_supplier(&mix, key);
	PG_RETURN_FLOAT8(i < 0 ? 0.0 : mix.qty[i]);
}

PG_FUNCTION_INFO_V1(supply_mix_share);
Datum
supply_mix_share(PG_FUNCTION_ARGS)
{
	re_mix		mix;
	text	   *key = PG_GETARG_TEXT_PP(1);
	double		v = 0;
	bool		ok;
	int64		i;

	re_mix_from_datum(PG_GETARG_DATUM(0), &mix);
	i = find_supplier(&mix, key);
	if (i < 0)
		ok = re_mix_share(&mix, VARDATA_ANY(key), VARSIZE_ANY_EXHDR(key), &v);
	else
		ok = re_mix_share(&mix, mix.keys[i], mix.lens[i], &v);
	RETURN_IF_DEFINED(ok, v);
}

MIX_MEASURE(supply_mix_hhi, re_mix_hhi)
MIX_MEASURE(supply_mix_hhi_normalized, re_mix_hhi_normalized)
MIX_MEASURE(supply_mix_equivalent_suppliers, re_mix_equivalent_suppliers)
MIX_MEASURE(supply_mix_entropy, re_mix_entropy)
static void
check_count_arg(int32 n, const char *fname)
{
	if (n < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("number of suppliers for %s must not be negative: %d", fname, n)));
}

PG_FUNCTION_INFO_V1(supply_mix_cr);
Datum
supply_mix_cr(PG_FUNCTION_ARGS)
{
	re_mix		mix;
	int32		n = PG_GETARG_INT32(1);
	double		v = 0;
	bool		ok;

	check_count_arg(n, "cr");
	re_mix_from_datum(PG_GETARG_DATUM(0), &mix);
	ok = re_mix_cr(&mix, (uint32) n, palloc(sizeof(uint32) * (mix.n ? mix.n : 1)), &v);
	RETURN_IF_DEFINED(ok, v);
}

PG_FUNCTION_INFO_V1(supply_mix_dominant_supplier);
Datum
supply_mix_dominant_supplier(PG_FUNCTION_ARGS)
{
	re_mix		mix;
	int64		i;

	re_mix_from_datum(PG_GETARG_DATUM(0), &mix);
	i = re_mix_dominant(&mix);
	if (i < 0)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text_with_len(mix.keys[i], mix.lens[i]));
}

/* (largest_supplier, largest_share, quantity_left, share_left) */
PG_FUNCTION_INFO_V1(supply_mix_without_largest);
Datum
supply_mix_without_largest(PG_FUNCTION_ARGS)
{
	re_mix		mix;
	int64		top = -1;
	double		left = 0,
				share_left = 0;
	TupleDesc	tupdesc;
	Datum		values[4];
	bool		nulls[4] = {true, true, false, true};

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	re_mix_from_datum(PG_GETARG_DATUM(0), &mix);
	/* no supply: nothing is left and no supplier is the largest */
	values[2] = Float8GetDatum(0);
	if (re_mix_without_largest(&mix, &top, &left, &share_left))
	{
		values[0] = PointerGetDatum(cstring_to_text_with_len(mix.keys[top], mix.lens[top]));
		values[1] = Float8GetDatum(Min(mix.qty[top] / re_mix_total(&mix), 1.0));
		values[2] = Float8GetDatum(left);
		values[3] = Float8GetDatum(share_left);
		nulls[0] = nulls[1] = nulls[3] = false;
	}
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(BlessTupleDesc(tupdesc), values, nulls)));
}

PG_FUNCTION_INFO_V1(supply_mix_top_suppliers);
Datum
supply_mix_top_suppliers(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	int32		n = PG_GETARG_INT32(1);
	re_mix		mix;
	uint32	   *order;
	double		total;

	check_count_arg(n, "top_suppliers");
	InitMaterializedSRF(fcinfo, 0);
	re_mix_from_datum(PG_GETARG_DATUM(0), &mix);
	order = palloc(sizeof(uint32) * (mix.n ? mix.n : 1));
	re_mix_rank(&mix, order);
	total = re_mix_total(&mix);
	for (uint32 r = 0; r < mix.n && r < (uint32) n; r++)
	{
		uint32		i = order[r];
		Datum		values[4];
		bool		nulls[4] = {false, false, false, false};

		CHECK_FOR_INTERRUPTS();
		values[0] = Int32GetDatum((int32) (r + 1));
		values[1] = PointerGetDatum(cstring_to_text_with_len(mix.keys[i], mix.lens[i]));
		values[2] = Float8GetDatum(mix.qty[i]);
		if (total > 0)
			values[3] = Float8GetDatum(mix.qty[i] / total);
		else
		{
			values[3] = (Datum) 0;
			nulls[3] = true;
		}
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

static text *
concentration_label(double hhi, text *guidelines)
{
	char	   *g = text_to_cstring(guidelines);
	const char *label;
	re_status	st = re_concentration_class(hhi, g, &label);

	if (st != RE_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("HHI %g is outside the range 0 to 10000", hhi),
				 errhint("Pass the HHI on the 0-10,000 scale (sum of squared percent shares).")));
	if (label == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unrecognized merger guidelines edition \"%s\"", g),
				 errhint("Use '1992', '2010' or '2023' (US Horizontal Merger Guidelines).")));
	return cstring_to_text(label);
}

PG_FUNCTION_INFO_V1(concentration_class_hhi);
Datum
concentration_class_hhi(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(concentration_label(PG_GETARG_FLOAT8(0), PG_GETARG_TEXT_PP(1)));
}

PG_FUNCTION_INFO_V1(supply_mix_concentration_class);
Datum
supply_mix_concentration_class(PG_FUNCTION_ARGS)
{
	re_mix		mix;
	double		h = 0;
	text	   *g = PG_GETARG_TEXT_PP(1);

	re_mix_from_datum(PG_GETARG_DATUM(0), &mix);
	if (!re_mix_hhi(&mix, &h))
	{
		/* still reject an unknown edition, so typos never pass silently */
		(void) concentration_label(0, g);
		PG_RETURN_NULL();
	}
	PG_RETURN_TEXT_P(concentration_label(h, g));
}

static void
report_reported_total(re_status st, double total, double reported)
{
	if (st == RE_NONFINITE)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("reported total \"%g\" is not finite", reported)));
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("reported total %.17g is below the supply mix total %.17g", reported, total),
			 errhint("The reported total (e.g. the World row) must include every supplier in the mix.")));
}

PG_FUNCTION_INFO_V1(supply_mix_coverage);
Datum
supply_mix_coverage(PG_FUNCTION_ARGS)
{
	re_mix		mix;
	double		reported = PG_GETARG_FLOAT8(1);
	double		v = 0;
	bool		defined;
	re_status	st;

	re_mix_from_datum(PG_GETARG_DATUM(0), &mix);
	st = re_mix_coverage(&mix, reported, &defined, &v);
	if (st != RE_OK)
		report_reported_total(st, re_mix_total(&mix), reported);
	RETURN_IF_DEFINED(defined, v);
}

PG_FUNCTION_INFO_V1(supply_mix_hhi_bounds);
Datum
supply_mix_hhi_bounds(PG_FUNCTION_ARGS)
{
	re_mix		mix;
	double		reported = PG_GETARG_FLOAT8(1);
	double		lo = 0,
				hi = 0;
	bool		defined;
	re_status	st;
	TupleDesc	tupdesc;
	Datum		values[2];
	bool		nulls[2] = {false, false};

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	re_mix_from_datum(PG_GETARG_DATUM(0), &mix);
	st = re_mix_hhi_bounds(&mix, reported, &defined, &lo, &hi);
	if (st != RE_OK)
		report_reported_total(st, re_mix_total(&mix), reported);
	values[0] = Float8GetDatum(lo);
	values[1] = Float8GetDatum(hi);
	nulls[0] = nulls[1] = !defined;
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(BlessTupleDesc(tupdesc), values, nulls)));
}
