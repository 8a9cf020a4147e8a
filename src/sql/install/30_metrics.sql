-- ---------------------------------------------------------------------------
-- Dependency metrics: apparent consumption, net import reliance, ratios,
-- revealed comparative advantage, CIF/FOB and mirror trade.  Formulas and
-- sources: src/core/metrics.c.  stock_change is the DECREASE in stocks
-- (a drawdown, positive, adds to apparent consumption).
-- ---------------------------------------------------------------------------

CREATE FUNCTION @extschema@.apparent_consumption(production float8, imports float8, exports float8,
	stock_change float8 DEFAULT 0) RETURNS float8
	AS 'MODULE_PATHNAME', 're_sql_apparent_consumption' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.apparent_consumption(float8, float8, float8, float8) IS
	'production + imports - exports + stock_change, stock_change = decrease in stocks (USGS Mineral Commodity Summaries); may be negative when the inputs contradict each other';

CREATE FUNCTION @extschema@.net_import_reliance(production float8, imports float8, exports float8,
	stock_change float8 DEFAULT 0) RETURNS float8
	AS 'MODULE_PATHNAME', 're_sql_net_import_reliance' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.net_import_reliance(float8, float8, float8, float8) IS
	'(imports - exports + stock_change) / apparent consumption as a fraction, at most 1, negative for a net exporter (USGS MCS); NULL when apparent consumption <= 0';

CREATE FUNCTION @extschema@.nir_label(net_import_reliance float8) RETURNS text
	AS 'MODULE_PATHNAME', 're_sql_nir_label' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nir_label(float8) IS
	'net import reliance as USGS prints it: ''E'' for a net exporter (below 0), else the whole percent rounded half away from zero (''75''); error above 1';

CREATE FUNCTION @extschema@.self_sufficiency(production float8, consumption float8) RETURNS float8
	AS 'MODULE_PATHNAME', 're_sql_self_sufficiency' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.self_sufficiency(float8, float8) IS
	'production / consumption (above 1 for a net exporter); 1 - self_sufficiency(P, apparent consumption) is USGS''s recent net import reliance; NULL when consumption <= 0';

CREATE FUNCTION @extschema@.development_rate(production float8, reserves float8) RETURNS float8
	AS 'MODULE_PATHNAME', 're_sql_development_rate' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.development_rate(float8, float8) IS
	'annual production / reserves, a fraction per year; NULL when reserves are 0';

CREATE FUNCTION @extschema@.reserve_life(reserves float8, production float8) RETURNS float8
	AS 'MODULE_PATHNAME', 're_sql_reserve_life' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.reserve_life(float8, float8) IS
	'static reserve life in years, reserves / annual production; NULL when production is 0';

CREATE FUNCTION @extschema@.partner_dependency(imports_from_partner float8, apparent_consumption float8) RETURNS float8
	AS 'MODULE_PATHNAME', 're_sql_partner_dependency' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.partner_dependency(float8, float8) IS
	'imports from one partner / apparent consumption: the share of domestic need met by that partner (may exceed 1); NULL when apparent consumption <= 0';

CREATE FUNCTION @extschema@.rca(exports_of_product_by_country float8, total_exports_of_country float8,
	world_exports_of_product float8, world_total_exports float8) RETURNS float8
	AS 'MODULE_PATHNAME', 're_sql_rca' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.rca(float8, float8, float8, float8) IS
	'Balassa (1965) revealed comparative advantage (x_ij / X_i) / (x_wj / X_w); NULL when a denominator is 0; error when a part exceeds its whole';

CREATE FUNCTION @extschema@.cif_to_fob(value float8, factor float8 DEFAULT 1.06) RETURNS float8
	AS 'MODULE_PATHNAME', 're_sql_cif_to_fob' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cif_to_fob(float8, float8) IS
	'CIF value / factor (IMF Direction of Trade Statistics CIF/FOB convention, factor 1.06 by default, >= 1)';

CREATE FUNCTION @extschema@.fob_to_cif(value float8, factor float8 DEFAULT 1.06) RETURNS float8
	AS 'MODULE_PATHNAME', 're_sql_fob_to_cif' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.fob_to_cif(float8, float8) IS
	'FOB value * factor (IMF Direction of Trade Statistics CIF/FOB convention, factor 1.06 by default, >= 1)';

CREATE FUNCTION @extschema@.mirror_gap(reporter_imports_cif float8, partner_exports_fob float8,
	cif_fob_factor float8 DEFAULT 1.06) RETURNS float8
	AS 'MODULE_PATHNAME', 're_sql_mirror_gap' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mirror_gap(float8, float8, float8) IS
	'(cif_to_fob(reporter imports) - partner exports FOB) / partner exports FOB: 0 when the mirror flows agree (IMF DOTS); NULL when the partner reports 0';

CREATE FUNCTION @extschema@.reconcile(source text, reporter_value float8, mirror_value float8) RETURNS float8
	AS 'MODULE_PATHNAME', 're_sql_reconcile' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.reconcile(text, float8, float8) IS
	'choice of trade source: ''reporter'' (own declaration), ''mirror'' (partner-reported), ''reconciled'' (reporter where it reported, else mirror); NULL source gives NULL';
