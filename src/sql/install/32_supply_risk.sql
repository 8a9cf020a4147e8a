-- ---------------------------------------------------------------------------
-- EU Critical Raw Materials supply risk (JRC 2017 methodology, Blengini et
-- al., EUR 28654; used for the 2020 and 2023 EU lists).  Formulas:
-- src/core/metrics.c.
-- ---------------------------------------------------------------------------

CREATE FUNCTION @extschema@.eu_import_reliance(production float8, imports float8, exports float8) RETURNS float8
	AS 'MODULE_PATHNAME', 're_sql_eu_import_reliance' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.eu_import_reliance(float8, float8, float8) IS
	'EU import reliance (import - export) / (production + import - export) (JRC 2017); negative for a net exporter; NULL when the denominator <= 0';

CREATE FUNCTION @extschema@.wgi_to_crm_scale(wgi float8) RETURNS float8
	AS 'MODULE_PATHNAME', 're_sql_wgi_to_crm_scale' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.wgi_to_crm_scale(float8) IS
	'mean World Governance Indicator (-2.5 to 2.5) rescaled to 0-10 with 10 the worst, (2.5 - wgi) * 2 (JRC 2017); error outside -2.5 to 2.5';

-- hhi_wgi as 0.1.0 defined it: unchanged, so users' views over it survive
-- the update; the form with missing_score is a separate function
-- (33_geopolrisk.sql)
CREATE FUNCTION @extschema@.hhi_wgi(@extschema@.supply_mix, governance jsonb, trade_factors jsonb DEFAULT NULL) RETURNS float8
	AS 'MODULE_PATHNAME', 're_sql_hhi_wgi' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.hhi_wgi(@extschema@.supply_mix, jsonb, jsonb) IS
	'HHI-WGI sum s_c^2 * WGI_c * t_c, shares as fractions, WGI on the 0-10 scale from governance, t_c from trade_factors (1 when absent) (JRC 2017); error for a supplier with quantity > 0 and no score; NULL for a zero total';

CREATE FUNCTION @extschema@.supply_risk(hhi_wgi_global float8, hhi_wgi_eu_sourcing float8,
	import_reliance float8, eol_rir float8, substitution_index float8) RETURNS float8
	AS 'MODULE_PATHNAME', 're_sql_supply_risk' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.supply_risk(float8, float8, float8, float8, float8) IS
	'EU supply risk [HHI_WGI,GS * IR/2 + HHI_WGI,EU * (1 - IR/2)] * (1 - EoL_RIR) * SI_SR (JRC 2017); IR, EoL_RIR, SI_SR fractions 0-1, HHI-WGI >= 0, else an error';

CREATE FUNCTION @extschema@.is_critical(supply_risk float8, economic_importance float8) RETURNS bool
	AS 'MODULE_PATHNAME', 're_sql_is_critical' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.is_critical(float8, float8) IS
	'EU criticality: supply risk >= 1.0 and economic importance >= 2.8 (JRC 2017 thresholds, 2020 and 2023 lists)';
