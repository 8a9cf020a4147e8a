-- ---------------------------------------------------------------------------
-- Country scores over a supply mix: HHI-WGI (EU CRM, JRC 2017), the
-- share-weighted score, GeoPolRisk (geopolrisk-py), and the governance
-- scores they take, read from the store.  Formulas and sources:
-- src/core/geopolrisk.c, src/core/metrics.c.
-- ---------------------------------------------------------------------------

-- hhi_wgi with a score for unscored suppliers: a four-argument function of
-- its own (no defaults, so that hhi_wgi(mix, governance[, trade_factors])
-- still means the 0.1.0 function and users' views over it survive updates);
-- write hhi_wgi(mix, governance, NULL, 10) for no trade factors
CREATE OR REPLACE FUNCTION @extschema@.hhi_wgi(@extschema@.supply_mix, governance jsonb, trade_factors jsonb,
	missing_score float8) RETURNS float8
	AS 'MODULE_PATHNAME', 're_sql_hhi_wgi' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.hhi_wgi(@extschema@.supply_mix, jsonb, jsonb, float8) IS
	'HHI-WGI sum s_c^2 * WGI_c * t_c, shares as fractions, WGI on the 0-10 scale from governance, t_c from trade_factors (1 when absent) (JRC 2017); a supplier with quantity > 0 and no score takes missing_score, or is an error when missing_score is NULL; NULL for a zero total';

CREATE OR REPLACE FUNCTION @extschema@.weighted_score(mix @extschema@.supply_mix, scores jsonb, missing_score float8 DEFAULT NULL)
	RETURNS float8
	AS 'MODULE_PATHNAME', 're_sql_weighted_score' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.weighted_score(@extschema@.supply_mix, jsonb, float8) IS
	'share-weighted country score sum s_i * x_i, s_i the shares as fractions, x_i from scores (the country score GeoPolRisk, ESSENZ and SCARCE-style assessments build on); a supplier with quantity > 0 and no score takes missing_score, or is an error when missing_score is NULL; NULL for a zero total';

CREATE OR REPLACE FUNCTION @extschema@.geopolrisk(production @extschema@.supply_mix, imports @extschema@.supply_mix,
	importer text, stability jsonb, price float8 DEFAULT NULL, missing_score float8 DEFAULT NULL,
	region text[] DEFAULT NULL,
	OUT hhi float8, OUT import_risk float8, OUT score float8, OUT midpoint float8, OUT cf float8)
	AS 'MODULE_PATHNAME', 're_sql_geopolrisk' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.geopolrisk(@extschema@.supply_mix, @extschema@.supply_mix, text, jsonb, float8, float8, text[]) IS
	'GeoPolRisk (geopolrisk-py src/geopolrisk/assessment/core.py, Koyamparambath et al. 2024): hhi = sum P_i^2 / (sum P_i)^2 over production (0-1; hhi(mix) / 10000, not hhi_normalized); import_risk = sum f_i g_i / (F + P_c), f_i imports by partner, F their sum, P_c the production of the importer and of the region members, g_i the stability score (0-1) from stability, 0 for the importer and region members (the regional variant), missing_score for an unscored partner (error when NULL); import_risk 0 when F + P_c = 0 (as core.py); score = hhi * import_risk; midpoint = score * price (USD/kg); cf = midpoint / 0.409412948 (copper, kg Cu-eq/kg); midpoint and cf NULL without a price';

CREATE OR REPLACE FUNCTION @extschema@.governance_scores(indicator text, from_year int, to_year int) RETURNS jsonb
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $scores$
DECLARE
	result jsonb;
BEGIN
	IF indicator NOT IN ('eu', 'geopolrisk', 'wgi_mean', 'va', 'pv', 'ge', 'rq', 'rl', 'cc') THEN
		RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
			MESSAGE = format('unknown governance indicator "%s"', indicator),
			HINT = 'Use eu (the EU CRM 0-10 score), geopolrisk (the GeoPolRisk 0-1 score), wgi_mean, or one WGI estimate: va, pv, ge, rq, rl, cc.';
	END IF;
	IF from_year > to_year THEN
		RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
			MESSAGE = format('governance_scores: from_year %s is after to_year %s', from_year, to_year);
	END IF;
	PERFORM @extschema@.guard_store(ARRAY['governance'], 'r'::pg_catalog."char");
	SELECT jsonb_object_agg(country::text, m) INTO result
	FROM (SELECT country, avg(CASE indicator WHEN 'eu' THEN wgi_scaled
	                                         -- geopolrisk-py's wgi.db table Normalized: (2.5 - PV) / 5
	                                         -- clipped to [0, 1], 0.0 for a country-year without a PV
	                                         -- estimate (read from pv, so that a store whose generated
	                                         -- column predates the clipping gives the same)
	                                         WHEN 'geopolrisk' THEN coalesce(least(1::float8, greatest(0::float8, (2.5::float8 - pv) / 5::float8)), 0::float8)
	                                         WHEN 'wgi_mean' THEN wgi_mean WHEN 'va' THEN va WHEN 'pv' THEN pv
	                                         WHEN 'ge' THEN ge WHEN 'rq' THEN rq WHEN 'rl' THEN rl ELSE cc END) AS m
	      FROM @extschema@.governance
	      WHERE year BETWEEN from_year AND to_year
	      GROUP BY country) s
	WHERE m IS NOT NULL;
	RETURN coalesce(result, '{}');
END
$scores$;
COMMENT ON FUNCTION @extschema@.governance_scores(text, int, int) IS
	'{country: score} from the store''s governance table, each country''s mean over the years from_year to to_year that have the indicator (the EU CRM 2023 used five-year means, 2016-2020): eu = wgi_scaled, (2.5 - mean of the six WGI) * 2 on 0-10 (for hhi_wgi); geopolrisk = (2.5 - pv) / 5 clipped to [0, 1], a stored country-year without a pv estimate counting 0, as geopolrisk-py''s wgi.db table Normalized holds them (for geopolrisk); wgi_mean, va, pv, ge, rq, rl, cc the WGI estimates; an error for another indicator';
