/*
 * geopolrisk.c — glue for the share-weighted country score and the
 * GeoPolRisk method (geopolrisk-py; formulas and sources in
 * src/core/geopolrisk.c).
 */
#include "postgres.h"

#include <math.h>

#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"

#include "metrics_glue.h"

/* scores[i] / has[i] for every supplier of mix, from a jsonb object */
static void
scores_for_mix(const re_mix *mix, Jsonb *scores, const char *argname, double **score, bool **has)
{
	*score = palloc(sizeof(double) * (mix->n ? mix->n : 1));
	*has = palloc(sizeof(bool) * (mix->n ? mix->n : 1));
	for (uint32 i = 0; i < mix->n; i++)
	{
		CHECK_FOR_INTERRUPTS();
		(*has)[i] = re_jsonb_number(scores, mix->keys[i], mix->lens[i], argname, &(*score)[i]);
	}
}

/*
 * weighted_score(mix, scores, missing_score DEFAULT NULL): sum of share *
 * score.  NULL for a NULL mix or scores, or a zero total.
 */
PG_FUNCTION_INFO_V1(re_sql_weighted_score);
Datum
re_sql_weighted_score(PG_FUNCTION_ARGS)
{
	re_mix		mix;
	Jsonb	   *scores;
	double	   *score;
	bool	   *has;
	double		missing = 0;
	bool		defined = false;
	double		v = 0;
	int64_t		bad = -1;
	re_status	st;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		PG_RETURN_NULL();
	re_mix_from_datum(PG_GETARG_DATUM(0), &mix);
	scores = PG_GETARG_JSONB_P(1);
	re_require_jsonb_object(scores, "scores");
	if (!PG_ARGISNULL(2))
		missing = PG_GETARG_FLOAT8(2);
	scores_for_mix(&mix, scores, "scores", &score, &has);
	st = re_weighted_score(&mix, score, has, PG_ARGISNULL(2) ? NULL : &missing, &defined, &v, &bad);
	if (st == RE_UNRECOGNIZED)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("no score for supplier \"%.*s\"", (int) mix.lens[bad], mix.keys[bad]),
				 errhint("Give every supplier with a positive quantity a score (see governance_scores), or pass missing_score.")));
	if (st == RE_NONFINITE && bad < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("missing_score is not finite: \"%g\"", missing)));
	if (st != RE_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("score for supplier \"%.*s\" is not finite: \"%g\"",
						(int) mix.lens[bad], mix.keys[bad], score[bad])));
	if (!defined)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(v);
}

/*
 * geopolrisk(production, imports, importer, stability, price DEFAULT NULL,
 * missing_score DEFAULT NULL, region text[] DEFAULT NULL)
 *   -> (hhi, import_risk, score, midpoint, cf)
 * The economic unit is the importer plus the elements of region (NULL
 * elements skipped).  NULL for a NULL production, imports, importer or
 * stability.
 */
PG_FUNCTION_INFO_V1(re_sql_geopolrisk);
Datum
re_sql_geopolrisk(PG_FUNCTION_ARGS)
{
	re_mix		production,
				imports;
	Jsonb	   *stability;
	text	   *importer;
	double	   *g;
	bool	   *has;
	double		price = 0,
				missing = 0;
	const char **unit_keys;
	uint32	   *unit_lens;
	uint32		n_unit = 0;
	re_geopolrisk_result r;
	int64_t		bad = -1;
	re_status	st;
	TupleDesc	tupdesc;
	Datum		values[5];
	bool		nulls[5] = {false, false, false, false, false};

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || PG_ARGISNULL(2) || PG_ARGISNULL(3))
		PG_RETURN_NULL();
	re_mix_from_datum(PG_GETARG_DATUM(0), &production);
	re_mix_from_datum(PG_GETARG_DATUM(1), &imports);
	importer = PG_GETARG_TEXT_PP(2);
	stability = PG_GETARG_JSONB_P(3);
	re_require_jsonb_object(stability, "stability");
	if (!PG_ARGISNULL(4))
		price = PG_GETARG_FLOAT8(4);
	if (!PG_ARGISNULL(5))
		missing = PG_GETARG_FLOAT8(5);

	if (PG_ARGISNULL(6))
	{
		unit_keys = palloc(sizeof(char *));
		unit_lens = palloc(sizeof(uint32));
	}
	else
	{
		ArrayType  *arr = PG_GETARG_ARRAYTYPE_P(6);
		Datum	   *elems;
		bool	   *enulls;
		int			nelems;

		if (ARR_NDIM(arr) > 1)
			ereport(ERROR,
					(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
					 errmsg("region must be a one-dimensional array of country codes")));
		deconstruct_array(arr, TEXTOID, -1, false, TYPALIGN_INT, &elems, &enulls, &nelems);
		unit_keys = palloc(sizeof(char *) * (nelems + 1));
		unit_lens = palloc(sizeof(uint32) * (nelems + 1));
		for (int i = 0; i < nelems; i++)
		{
			text	   *t;

			CHECK_FOR_INTERRUPTS();
			if (enulls[i])
				continue;
			t = DatumGetTextPP(elems[i]);
			unit_keys[n_unit] = VARDATA_ANY(t);
			unit_lens[n_unit] = VARSIZE_ANY_EXHDR(t);
			n_unit++;
		}
	}
	unit_keys[n_unit] = VARDATA_ANY(importer);
	unit_lens[n_unit] = VARSIZE_ANY_EXHDR(importer);
	n_unit++;

	scores_for_mix(&imports, stability, "stability", &g, &has);
	st = re_geopolrisk(&production, &imports, unit_keys, unit_lens, n_unit, g, has,
					   PG_ARGISNULL(5) ? NULL : &missing, PG_ARGISNULL(4) ? NULL : &price, &r, &bad,
					   re_pg_allocator(CurrentMemoryContext));
	if (st != RE_OK && bad == RE_GEOPOLRISK_BAD_PRICE)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("price of geopolrisk is negative or not finite: \"%g\"", price),
				 errhint("The price is the imports' value over their quantity (USD/kg), zero or positive; NULL for no midpoint and CF.")));
	if (st != RE_OK && bad == RE_GEOPOLRISK_BAD_MISSING)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("missing_score of geopolrisk is outside 0 to 1: \"%g\"", missing),
				 errhint("Stability scores are on 0-1, 1 the least stable (geopolrisk-py uses 0.5 for a partner without one).")));
	if (st == RE_UNRECOGNIZED)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("no stability score for partner \"%.*s\"", (int) imports.lens[bad], imports.keys[bad]),
				 errhint("Give every partner with imports > 0 a score on 0-1 (governance_scores('geopolrisk', ...)), or pass missing_score (geopolrisk-py uses 0.5).")));
	if (st != RE_OK && bad >= 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("stability score for partner \"%.*s\" is outside 0 to 1: \"%g\"",
						(int) imports.lens[bad], imports.keys[bad], g[bad]),
				 errhint("Stability scores are (2.5 - PV) / 5 of the WGI Political Stability estimate PV: 0 the most stable, 1 the least.")));
	if (st != RE_OK)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("result of geopolrisk is out of range for type double precision")));
	values[0] = Float8GetDatum(r.hhi);
	values[1] = Float8GetDatum(r.import_risk);
	values[2] = Float8GetDatum(r.score);
	values[3] = Float8GetDatum(r.midpoint);
	values[4] = Float8GetDatum(r.cf);
	nulls[0] = !r.hhi_defined;
	nulls[2] = !r.score_defined;
	nulls[3] = nulls[4] = !(r.score_defined && r.midpoint_defined);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(BlessTupleDesc(tupdesc), values, nulls)));
}
