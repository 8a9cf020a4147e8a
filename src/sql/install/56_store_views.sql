-- ---------------------------------------------------------------------------
-- create_store_views(): the reporting views over the store's tables
-- ---------------------------------------------------------------------------
-- create_store() calls it once; an update whose views changed calls it again
-- (0.1.0 -> 0.2.0 does).  Views are (re)defined with CREATE OR REPLACE, so a
-- user's views and materialized views over them survive an update: a new
-- version only appends columns, never renames, retypes or removes one.  The
-- views belong to the store's owner, like its tables.
-- The two stages USGS reports net import reliance for (MCS salient
-- statistics): "mineral concentrates" and "compounds and metals".  Magnets
-- and other products belong to neither.
CREATE OR REPLACE FUNCTION @extschema@.reliance_stage(code @extschema@.hscode) RETURNS text
LANGUAGE sql STABLE STRICT PARALLEL SAFE
RETURN CASE WHEN @extschema@.hs_stage(code) OPERATOR(pg_catalog.=) 'mining'::@extschema@.supply_stage THEN 'mineral concentrates'
            WHEN @extschema@.hs_stage(code) OPERATOR(pg_catalog.=) ANY (ARRAY['separation', 'metal']::@extschema@.supply_stage[])
                 THEN 'compounds and metals' END;
COMMENT ON FUNCTION @extschema@.reliance_stage(@extschema@.hscode) IS 'the USGS net-import-reliance stage of an HS code: ''mineral concentrates'' (mining stage) or ''compounds and metals'' (separation and metal stages); NULL for magnets, products and codes outside the catalogue';

CREATE OR REPLACE FUNCTION @extschema@.create_store_views() RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $views$
BEGIN
	-- Published corrections: USGS revises a posted edition (MCS2026 version
	-- 1.3: rare-earth reserves of Brazil 21,000,000 -> 11,000,000 t, World
	-- >85,000,000 -> >75,000,000) without reissuing its data release.  The
	-- *_corrected views are the stored rows with the latest version's
	-- correction of each cell applied where the stored value differs from it;
	-- corrected_in names the version, value_as_loaded keeps what was loaded.
	-- Every reporting view reads through them.
	CREATE OR REPLACE VIEW @extschema@.production_corrected AS
	SELECT p.country, p.year, p.commodity, p.stage,
	       CASE WHEN c.edition IS NULL THEN p.quantity_t ELSE c.new_value END AS quantity_t,
	       CASE WHEN c.edition IS NULL THEN p.qualifier ELSE c.new_qualifier END AS qualifier,
	       p.series, p.edition, p.source,
	       CASE WHEN c.edition IS NOT NULL THEN c.edition OPERATOR(pg_catalog.||) ' version ' OPERATOR(pg_catalog.||) c.version END AS corrected_in,
	       CASE WHEN c.edition IS NOT NULL THEN p.quantity_t END AS value_as_loaded,
	       p.unit
	FROM @extschema@.production p
	LEFT JOIN LATERAL (
		SELECT k.edition, k.version, k.new_value, k.new_qualifier FROM @extschema@.published_correction k
		WHERE k.edition OPERATOR(pg_catalog.=) p.edition AND k.commodity OPERATOR(pg_catalog.=) p.commodity
		  AND k.country OPERATOR(@extschema@.=) p.country AND k.statistic OPERATOR(pg_catalog.=) 'Production'
		  AND k.year OPERATOR(pg_catalog.=) p.year
		ORDER BY pg_catalog.string_to_array(k.version, '.')::int[] DESC LIMIT 1) c
	  ON (c.new_value, c.new_qualifier) IS DISTINCT FROM (p.quantity_t, p.qualifier);
	COMMENT ON VIEW @extschema@.production_corrected IS 'production as stored, with the latest published correction of each cell applied (published_correction); corrected_in names the edition and version, value_as_loaded the stored value it replaces; unit the unit of quantity_t (the commodity''s canonical unit: t, kg, ...)';

	CREATE OR REPLACE VIEW @extschema@.reserves_corrected AS
	SELECT r.country, r.commodity, r.as_of_year,
	       CASE WHEN c.edition IS NULL THEN r.quantity_t ELSE c.new_value END AS quantity_t,
	       CASE WHEN c.edition IS NULL THEN r.qualifier ELSE c.new_qualifier END AS qualifier,
	       r.series, r.edition, r.source,
	       CASE WHEN c.edition IS NOT NULL THEN c.edition OPERATOR(pg_catalog.||) ' version ' OPERATOR(pg_catalog.||) c.version END AS corrected_in,
	       CASE WHEN c.edition IS NOT NULL THEN r.quantity_t END AS value_as_loaded,
	       r.unit
	FROM @extschema@.reserves r
	LEFT JOIN LATERAL (
		SELECT k.edition, k.version, k.new_value, k.new_qualifier FROM @extschema@.published_correction k
		WHERE k.edition OPERATOR(pg_catalog.=) r.edition AND k.commodity OPERATOR(pg_catalog.=) r.commodity
		  AND k.country OPERATOR(@extschema@.=) r.country AND k.statistic OPERATOR(pg_catalog.=) 'Reserves'
		  AND k.year IS NOT DISTINCT FROM r.as_of_year
		ORDER BY pg_catalog.string_to_array(k.version, '.')::int[] DESC LIMIT 1) c
	  ON (c.new_value, c.new_qualifier) IS DISTINCT FROM (r.quantity_t, r.qualifier);
	COMMENT ON VIEW @extschema@.reserves_corrected IS 'reserves as stored, with the latest published correction of each cell applied (published_correction); corrected_in names the edition and version, value_as_loaded the stored value it replaces; unit the unit of quantity_t';

	-- One edition per year: for each (year, commodity, stage) every row comes
	-- from the latest MCS edition that reports that year, so a year's table
	-- never mixes editions (MCS2024's 2022 with MCS2023's Burundi).  The
	-- printed world total (WLD) is not a supplier: it is in
	-- production_world_total, where an aggregation over countries cannot
	-- pick it up.
	CREATE OR REPLACE VIEW @extschema@.production_latest AS
	SELECT country, year, commodity, stage, quantity_t, qualifier, edition, source, corrected_in, value_as_loaded, unit
	FROM (SELECT p.*, pg_catalog.max(p.edition) OVER (PARTITION BY p.year, p.commodity, p.stage) AS year_edition
	      FROM @extschema@.production_corrected p WHERE p.series OPERATOR(pg_catalog.=) 'MCS') p
	WHERE p.edition OPERATOR(pg_catalog.=) p.year_edition AND p.country OPERATOR(@extschema@.<>) 'WLD'::@extschema@.country;
	COMMENT ON VIEW @extschema@.production_latest IS 'USGS MCS production by country (USGS "Other countries" as XAN, one row), every row of a (year, commodity, stage) from the single latest edition that reports that year; the printed world total is in production_world_total; published corrections applied (corrected_in, value_as_loaded); unit of quantity_t (the commodity''s canonical unit)';

	CREATE OR REPLACE VIEW @extschema@.production_world_total AS
	SELECT year, commodity, stage::text AS stage, quantity_t, qualifier, edition, source, corrected_in, value_as_loaded, unit
	FROM (SELECT p.*, pg_catalog.max(p.edition) OVER (PARTITION BY p.year, p.commodity, p.stage) AS year_edition
	      FROM @extschema@.production_corrected p WHERE p.series OPERATOR(pg_catalog.=) 'MCS') p
	WHERE p.edition OPERATOR(pg_catalog.=) p.year_edition AND p.country OPERATOR(@extschema@.=) 'WLD'::@extschema@.country;
	COMMENT ON VIEW @extschema@.production_world_total IS 'the printed (rounded) USGS MCS world total of production per year, commodity and stage, from the same edition as production_latest''s rows of that year; the denominator for coverage, never a supplier; unit of quantity_t';

	-- one edition: every country's reserves from the latest MCS edition that
	-- reports reserves of the commodity; the world total apart
	CREATE OR REPLACE VIEW @extschema@.reserves_latest AS
	SELECT country, commodity, as_of_year, quantity_t, qualifier, edition, source, corrected_in, value_as_loaded, unit
	FROM (SELECT r.*, pg_catalog.max(r.edition) OVER (PARTITION BY r.commodity) AS latest_edition
	      FROM @extschema@.reserves_corrected r WHERE r.series OPERATOR(pg_catalog.=) 'MCS') r
	WHERE r.edition OPERATOR(pg_catalog.=) r.latest_edition AND r.country OPERATOR(@extschema@.<>) 'WLD'::@extschema@.country;
	COMMENT ON VIEW @extschema@.reserves_latest IS 'USGS MCS reserves by country, every row from the latest edition that reports reserves of the commodity; the printed world total is in reserves_world_total; published corrections applied (corrected_in, value_as_loaded); unit of quantity_t (the commodity''s canonical unit)';

	CREATE OR REPLACE VIEW @extschema@.reserves_world_total AS
	SELECT commodity, as_of_year, quantity_t, qualifier, edition, source, corrected_in, value_as_loaded, unit
	FROM (SELECT r.*, pg_catalog.max(r.edition) OVER (PARTITION BY r.commodity) AS latest_edition
	      FROM @extschema@.reserves_corrected r WHERE r.series OPERATOR(pg_catalog.=) 'MCS') r
	WHERE r.edition OPERATOR(pg_catalog.=) r.latest_edition AND r.country OPERATOR(@extschema@.=) 'WLD'::@extschema@.country;
	COMMENT ON VIEW @extschema@.reserves_world_total IS 'the printed USGS MCS world total of reserves per commodity, from the same edition as reserves_latest; unit of quantity_t';

	-- ---------------------------------------------------------------------------
	-- Reporting views for BI tools: plain column types only (float8, int, text,
	-- bool, date, jsonb); countries as ISO 3166-1 alpha-3 text.  Synthetic rows
	-- never appear here.  Undefined ratios are NULL, never NaN or Infinity.
	-- ---------------------------------------------------------------------------

	CREATE OR REPLACE VIEW @extschema@.supply_share AS
	WITH p AS (
		SELECT country, year, commodity, stage, quantity_t, qualifier, edition, unit
		FROM @extschema@.production_latest
		WHERE quantity_t IS NOT NULL),
	-- a figure never mixes units: the unit is part of every group and join
	t AS (
		SELECT year, commodity, stage, unit, sum(quantity_t) AS listed_total FROM p GROUP BY 1, 2, 3, 4)
	SELECT @extschema@.iso3(p.country) AS country, @extschema@.country_name(p.country) AS country_name,
	       p.year, p.commodity, p.stage::text AS stage,
	       p.quantity_t AS production_t, p.qualifier, p.edition,
	       t.listed_total AS listed_total_t, w.quantity_t AS world_total_t,
	       -- share = q / sum of the listed rows (USGS "Other countries" is one row)
	       CASE WHEN t.listed_total OPERATOR(pg_catalog.>) 0 THEN p.quantity_t OPERATOR(pg_catalog./) t.listed_total END AS share,
	       -- against the printed (rounded) world total
	       CASE WHEN w.quantity_t OPERATOR(pg_catalog.>) 0 THEN p.quantity_t OPERATOR(pg_catalog./) w.quantity_t END AS share_of_world_total,
	       rank() OVER (PARTITION BY p.year, p.commodity, p.stage, p.unit ORDER BY p.quantity_t DESC)::int AS rank,
	       p.unit
	FROM p
	JOIN t USING (year, commodity, stage, unit)
	LEFT JOIN @extschema@.production_world_total w
		ON w.year OPERATOR(pg_catalog.=) p.year
		AND w.commodity OPERATOR(pg_catalog.=) p.commodity AND w.stage OPERATOR(pg_catalog.=) p.stage::text
		AND w.unit OPERATOR(pg_catalog.=) p.unit;
	COMMENT ON VIEW @extschema@.supply_share IS 'production share by country, year, commodity and supply stage (USGS MCS, latest edition; every commodity load_usgs_mcs loads): share = production / sum of the listed rows of the same year, commodity, stage and unit, share_of_world_total = production / printed world total, rank 1 = largest; production_t, listed_total_t and world_total_t are in unit (the commodity''s canonical unit: t, or kg for gallium, germanium, PGMs and rhenium, ...), never mixed';

	-- One rule for residuals: USGS "Other countries" (XAN) is one supplier
	-- here exactly as in hhi(supply_mix(country, quantity_t)) over
	-- production_latest, so the two agree.  hhi_lower / hhi_upper show how far
	-- the residual can move the figure: hhi_bounds of the named countries
	-- against max(printed world total, listed total), the residual and any
	-- gap to the world total treated as uncovered.
	CREATE OR REPLACE VIEW @extschema@.supply_concentration AS
	WITH m AS (
		SELECT year, commodity, stage, unit,
		       @extschema@.supply_mix(@extschema@.iso3(country), quantity_t) AS mix,
		       @extschema@.supply_mix(@extschema@.iso3(country), quantity_t)
		           FILTER (WHERE country OPERATOR(@extschema@.<>) 'XAN'::@extschema@.country) AS named
		FROM @extschema@.production_latest
		GROUP BY year, commodity, stage, unit)
	SELECT m.year, m.commodity, m.stage::text AS stage,
	       @extschema@.hhi(m.mix) AS hhi,
	       @extschema@.cr(m.mix, 1) AS cr1,
	       @extschema@.cr(m.mix, 3) AS cr3,
	       @extschema@.equivalent_suppliers(m.mix) AS equivalent_suppliers,
	       @extschema@.concentration_class(m.mix) AS concentration_class,
	       @extschema@.dominant_supplier(m.mix) AS dominant_supplier,
	       @extschema@.supplier_count(m.mix) AS suppliers,
	       @extschema@.total(m.mix) AS listed_total_t,
	       w.quantity_t AS world_total_t,
	       -- listed total / printed world total; above 1 where USGS rounded the world total down
	       CASE WHEN w.quantity_t OPERATOR(pg_catalog.>) 0 THEN @extschema@.total(m.mix) OPERATOR(pg_catalog./) w.quantity_t END AS coverage,
	       (@extschema@.hhi_bounds(m.named, GREATEST(w.quantity_t, @extschema@.total(m.mix)))).lower AS hhi_lower,
	       (@extschema@.hhi_bounds(m.named, GREATEST(w.quantity_t, @extschema@.total(m.mix)))).upper AS hhi_upper,
	       m.unit
	FROM m
	LEFT JOIN @extschema@.production_world_total w
		ON w.year OPERATOR(pg_catalog.=) m.year
		AND w.commodity OPERATOR(pg_catalog.=) m.commodity AND w.stage OPERATOR(pg_catalog.=) m.stage::text
		AND w.unit OPERATOR(pg_catalog.=) m.unit;
	COMMENT ON VIEW @extschema@.supply_concentration IS 'concentration of production by year, commodity and supply stage (USGS MCS, one edition per year as in production_latest; every commodity load_usgs_mcs loads; listed_total_t and world_total_t in unit, the commodity''s canonical unit, never mixed): HHI = sum of squared percent shares (US Horizontal Merger Guidelines) with USGS "Other countries" as one supplier (equal to hhi(supply_mix(country, quantity_t)) over production_latest), CR1, CR3, equivalent suppliers 1/H, 2010 class, coverage = listed total / printed world total; hhi_lower, hhi_upper = hhi_bounds of the named countries against max(world total, listed total): the residual and any gap uncovered, spread thin (lower) or held by one supplier (upper)';

	-- Reserves are in the ground: they stand against a commodity's first
	-- stage only (mine production where USGS prints it; for boron, bromine
	-- and helium their only production series; gallium's primary production,
	-- with no reserves, shows NULL), never against refinery output of the
	-- same commodity; and only in the same unit.  Reserves with published
	-- corrections applied, like every view.
	CREATE OR REPLACE VIEW @extschema@.development AS
	WITH first_stage AS (
		SELECT commodity, pg_catalog.min(stage) AS stage FROM @extschema@.production_latest GROUP BY commodity)
	SELECT @extschema@.iso3(p.country) AS country, @extschema@.country_name(p.country) AS country_name,
	       p.year, p.commodity, p.quantity_t AS production_t, p.edition AS production_edition,
	       r.quantity_t AS reserves_t, r.qualifier AS reserves_qualifier, r.edition AS reserves_edition,
	       -- development rate = P / R per year; reserve life = R / P years (NULL for a zero denominator)
	       @extschema@.development_rate(p.quantity_t, r.quantity_t) AS development_rate,
	       @extschema@.reserve_life(r.quantity_t, p.quantity_t) AS reserve_life_years,
	       p.stage::text AS stage, p.unit
	FROM @extschema@.production_latest p
	JOIN first_stage f ON f.commodity OPERATOR(pg_catalog.=) p.commodity AND f.stage OPERATOR(pg_catalog.=) p.stage
	LEFT JOIN LATERAL (
		SELECT quantity_t, qualifier, edition FROM @extschema@.reserves_corrected x
		WHERE x.country OPERATOR(@extschema@.=) p.country AND x.commodity OPERATOR(pg_catalog.=) p.commodity
		  AND x.series OPERATOR(pg_catalog.=) 'MCS' AND x.as_of_year OPERATOR(pg_catalog.=) p.year
		  AND x.unit OPERATOR(pg_catalog.=) p.unit
		ORDER BY x.edition DESC LIMIT 1) r ON true;
	COMMENT ON VIEW @extschema@.development IS 'production against USGS reserves as of the same year (MCS, latest edition, published corrections applied), for every commodity at its first stored supply stage (stage: mining where USGS prints mine production), production_t and reserves_t in unit (the commodity''s canonical unit, never mixed): development rate = production / reserves, reserve life = reserves / production in years; NULL when a denominator is 0 or missing (e.g. gallium, which has no reserves)';

	CREATE OR REPLACE VIEW @extschema@.target_tracking AS
	WITH actual AS (
		SELECT country, commodity,
		       @extschema@.trajectory(year, quantity_t) AS series
		FROM @extschema@.production_latest
		WHERE stage OPERATOR(pg_catalog.=) 'mining'::@extschema@.supply_stage
		  AND country OPERATOR(@extschema@.<>) 'WLD'::@extschema@.country
		GROUP BY country, commodity)
	SELECT @extschema@.iso3(g.country) AS country, g.commodity, g.metric, g.unit,
	       g.base_year, g.base_value, g.target_year, g.target_value, g.source, g.statement,
	       @extschema@.last_year(a.series) AS latest_year,
	       @extschema@.value_at(a.series, @extschema@.last_year(a.series)) AS latest_value,
	       -- (target / V_last)^(1 / (target_year - last_year)) - 1
	       @extschema@.required_cagr(a.series, g.target_value, g.target_year) AS required_cagr,
	       -- World Bank least-squares growth rate e^b - 1 of ln V = a + b year
	       @extschema@.trend_rate(a.series) AS trend_rate,
	       @extschema@.first_year(a.series) AS trend_from_year,
	       @extschema@.point_count(a.series) AS trend_years,
	       -- the least-squares trend exp(a + b year) in the target year
	       @extschema@.project(a.series, g.target_year) AS projected_value,
	       @extschema@.on_track(a.series, g.target_value, g.target_year) AS on_track,
	       @extschema@.sparkline(a.series) AS sparkline,
	       @extschema@.trajectory_to_jsonb(a.series) AS actual_series,
	       @extschema@.country_name(g.country) AS country_name
	FROM @extschema@.targets g
	JOIN actual a ON a.country OPERATOR(@extschema@.=) g.country AND a.commodity OPERATOR(pg_catalog.=) g.commodity
	WHERE g.metric OPERATOR(pg_catalog.=) 'production';
	COMMENT ON VIEW @extschema@.target_tracking IS 'stated production targets against USGS actuals (MCS, latest edition), via the trajectory functions: required CAGR = (target/V_last)^(1/years) - 1; trend rate = e^b - 1 of the least-squares fit ln V = a + b year (World Bank); projected value = exp(a + b target_year); on_track; sparkline; actual_series = {year: t}';

	-- Net import reliance by supply stage, as USGS computes it: separately for
	-- mineral concentrates (HS codes of the mining stage, against USGS mine
	-- production) and for compounds and metals (separation and metal stages,
	-- against USGS's printed production of compounds and metals where the
	-- store holds it); magnets and products are in neither.  Trade in t REO
	-- (to_reo of the net weight).  Per HS code and flow, the reporter's
	-- declared World total replaces the partner rows when they do not add up
	-- to it (imports_basis / exports_basis say which was used).  USGS's own
	-- printed reliance (published_statistic, latest edition) stands beside.
	-- USGS MCS formulas via the metrics functions: apparent consumption =
	-- P + M - X, NIR = (M - X) / consumption.
	CREATE OR REPLACE VIEW @extschema@.import_reliance AS
	WITH partner_rows AS (
		SELECT reporter, year, flow, product, pg_catalog.sum(net_weight_kg) AS kg
		FROM @extschema@.trade_flow
		WHERE source OPERATOR(pg_catalog.=) 'comtrade' AND month IS NULL AND NOT synthetic
		  AND flow OPERATOR(pg_catalog.=) ANY (ARRAY['M', 'X']) AND net_weight_kg IS NOT NULL
		GROUP BY reporter, year, flow, product),
	declared AS (
		SELECT reporter, year, flow, product, net_weight_kg AS kg
		FROM @extschema@.trade_reported_total
		WHERE source OPERATOR(pg_catalog.=) 'comtrade' AND month IS NULL AND NOT synthetic
		  AND flow OPERATOR(pg_catalog.=) ANY (ARRAY['M', 'X']) AND net_weight_kg IS NOT NULL
		  AND partner_area OPERATOR(@extschema@.=) 'WLD'::@extschema@.country),
	codes AS (
		SELECT coalesce(p.reporter, d.reporter) AS reporter, coalesce(p.year, d.year) AS year,
		       coalesce(p.flow, d.flow) AS flow, coalesce(p.product, d.product) AS product,
		       (d.kg IS NOT NULL AND (p.kg IS NULL OR pg_catalog.abs(d.kg OPERATOR(pg_catalog.-) p.kg)
		            OPERATOR(pg_catalog.>) (1e-9 OPERATOR(pg_catalog.*) d.kg))) AS use_declared,
		       p.kg AS partner_kg, d.kg AS declared_kg
		FROM partner_rows p FULL JOIN declared d
		  ON d.reporter OPERATOR(@extschema@.=) p.reporter AND d.year OPERATOR(pg_catalog.=) p.year
		 AND d.flow OPERATOR(pg_catalog.=) p.flow AND d.product OPERATOR(@extschema@.=) p.product),
	t AS (
		SELECT reporter AS country, year, @extschema@.reliance_stage(product) AS stage,
		       pg_catalog.sum(@extschema@.to_reo(CASE WHEN use_declared THEN declared_kg ELSE partner_kg END, product)
		                      OPERATOR(pg_catalog./) 1000) FILTER (WHERE flow OPERATOR(pg_catalog.=) 'M') AS imports_t,
		       pg_catalog.sum(@extschema@.to_reo(CASE WHEN use_declared THEN declared_kg ELSE partner_kg END, product)
		                      OPERATOR(pg_catalog./) 1000) FILTER (WHERE flow OPERATOR(pg_catalog.=) 'X') AS exports_t,
		       CASE WHEN pg_catalog.bool_and(use_declared) FILTER (WHERE flow OPERATOR(pg_catalog.=) 'M') THEN 'declared World total'
		            WHEN pg_catalog.bool_or(use_declared) FILTER (WHERE flow OPERATOR(pg_catalog.=) 'M') THEN 'partner rows and declared World totals'
		            WHEN pg_catalog.bool_or(true) FILTER (WHERE flow OPERATOR(pg_catalog.=) 'M') THEN 'partner rows' END AS imports_basis,
		       CASE WHEN pg_catalog.bool_and(use_declared) FILTER (WHERE flow OPERATOR(pg_catalog.=) 'X') THEN 'declared World total'
		            WHEN pg_catalog.bool_or(use_declared) FILTER (WHERE flow OPERATOR(pg_catalog.=) 'X') THEN 'partner rows and declared World totals'
		            WHEN pg_catalog.bool_or(true) FILTER (WHERE flow OPERATOR(pg_catalog.=) 'X') THEN 'partner rows' END AS exports_basis
		FROM codes WHERE @extschema@.reliance_stage(product) IS NOT NULL
		GROUP BY 1, 2, 3),
	published AS (
		SELECT DISTINCT ON (country, year, statistic) country, year, value, qualifier, edition,
		       CASE statistic WHEN 'net_import_reliance_mineral_concentrates' THEN 'mineral concentrates'
		                      ELSE 'compounds and metals' END AS stage
		FROM @extschema@.published_statistic
		WHERE commodity OPERATOR(pg_catalog.=) 'rare earths'
		  AND statistic OPERATOR(pg_catalog.=) ANY (ARRAY['net_import_reliance_mineral_concentrates', 'net_import_reliance_compounds_and_metals'])
		ORDER BY country, year, statistic, edition DESC),
	stage_production AS (
		SELECT country, year, 'mineral concentrates' AS stage, quantity_t
		FROM @extschema@.production_latest
		WHERE commodity OPERATOR(pg_catalog.=) 'rare earths' AND stage OPERATOR(pg_catalog.=) 'mining'::@extschema@.supply_stage
		UNION ALL
		(SELECT DISTINCT ON (country, year) country, year, 'compounds and metals', value
		 FROM @extschema@.published_statistic
		 WHERE commodity OPERATOR(pg_catalog.=) 'rare earths' AND statistic OPERATOR(pg_catalog.=) 'production_compounds_and_metals'
		 ORDER BY country, year, edition DESC)),
	keys AS (
		SELECT country, year, stage FROM t UNION SELECT country, year, stage FROM published),
	r AS (
		SELECT k.country, k.year, k.stage, p.quantity_t AS production_t,
		       -- no stored flows: no figure (never a reliance computed from zero trade)
		       CASE WHEN t.country IS NOT NULL THEN COALESCE(t.imports_t, 0) END AS imports_t,
		       CASE WHEN t.country IS NOT NULL THEN COALESCE(t.exports_t, 0) END AS exports_t,
		       t.imports_basis, t.exports_basis, u.value AS usgs_value, u.qualifier AS usgs_qualifier, u.edition AS usgs_edition
		FROM keys k
		LEFT JOIN t ON t.country OPERATOR(@extschema@.=) k.country AND t.year OPERATOR(pg_catalog.=) k.year
		       AND t.stage OPERATOR(pg_catalog.=) k.stage
		LEFT JOIN stage_production p ON p.country OPERATOR(@extschema@.=) k.country AND p.year OPERATOR(pg_catalog.=) k.year
		       AND p.stage OPERATOR(pg_catalog.=) k.stage
		LEFT JOIN published u ON u.country OPERATOR(@extschema@.=) k.country AND u.year OPERATOR(pg_catalog.=) k.year
		       AND u.stage OPERATOR(pg_catalog.=) k.stage)
	SELECT @extschema@.iso3(r.country) AS country, r.year, r.production_t,
	       r.imports_t AS imports_t_reo, r.exports_t AS exports_t_reo,
	       @extschema@.apparent_consumption(r.production_t, r.imports_t, r.exports_t) AS apparent_consumption_t,
	       @extschema@.net_import_reliance(r.production_t, r.imports_t, r.exports_t) AS net_import_reliance,
	       @extschema@.nir_label(@extschema@.net_import_reliance(r.production_t, r.imports_t, r.exports_t)) AS nir_label,
	       @extschema@.country_name(r.country) AS country_name,
	       r.stage, r.imports_basis, r.exports_basis,
	       r.usgs_value AS usgs_net_import_reliance_pct, r.usgs_qualifier, r.usgs_edition,
	       -- the trade side is the rare-earth HS catalogue (hs_catalogue) in t REO:
	       -- no other commodity has a reliance figure here
	       'rare earths'::text AS commodity, 't'::text AS unit
	FROM r;
	COMMENT ON VIEW @extschema@.import_reliance IS 'net import reliance by country, year and supply stage as USGS computes it: mineral concentrates (mining-stage HS codes against USGS mine production) and compounds and metals (separation and metal stages against USGS''s printed production of compounds and metals); trade from stored UN Comtrade flows in t REO (to_reo), the declared World total where partner rows do not add up to it (imports_basis, exports_basis); apparent consumption = P + M - X, NIR = (M - X) / apparent consumption, NULL when consumption <= 0 or a term is unknown, nir_label as USGS prints it; usgs_net_import_reliance_pct, usgs_qualifier (E = net exporter) and usgs_edition: USGS''s own printed figure (published_statistic, latest edition) beside; commodity = rare earths (the trade side is the rare-earth HS catalogue: no other commodity has a reliance figure), unit = t (REO equivalent) of every quantity; synthetic rows excluded';

	-- Imports by partner, three ways (metrics: reconcile, mirror statistics):
	-- 'reporter' = what the importer declares (Comtrade M, CIF); 'mirror' = what
	-- the partner declares as exports to it (Comtrade X, FOB, raised to CIF with
	-- fob_to_cif's IMF factor 1.06); 'reconciled' = the reporter's figure where it
	-- reported, else the mirror.  CEPII BACI rows are BACI's own reconciliation
	-- (FOB) and appear with data_source 'baci'.
	CREATE OR REPLACE VIEW @extschema@.import_dependency AS
	WITH m AS (
		SELECT reporter, partner, year, product, value_usd, net_weight_kg
		FROM @extschema@.trade_flow
		WHERE source OPERATOR(pg_catalog.=) 'comtrade' AND flow OPERATOR(pg_catalog.=) 'M' AND month IS NULL AND NOT synthetic),
	x AS (
		SELECT partner AS reporter, reporter AS partner, year, product, value_usd, net_weight_kg
		FROM @extschema@.trade_flow
		WHERE source OPERATOR(pg_catalog.=) 'comtrade' AND flow OPERATOR(pg_catalog.=) 'X' AND month IS NULL AND NOT synthetic),
	pairs AS (
		SELECT coalesce(m.reporter, x.reporter) AS reporter, coalesce(m.partner, x.partner) AS partner,
		       coalesce(m.year, x.year) AS year, coalesce(m.product, x.product) AS product,
		       m.value_usd AS reported_usd, @extschema@.fob_to_cif(x.value_usd) AS mirror_usd,
		       m.net_weight_kg AS reported_kg, x.net_weight_kg AS mirror_kg
		FROM m FULL JOIN x ON m.reporter OPERATOR(@extschema@.=) x.reporter AND m.partner OPERATOR(@extschema@.=) x.partner
		  AND m.year OPERATOR(pg_catalog.=) x.year AND m.product OPERATOR(@extschema@.=) x.product),
	rows AS (
		SELECT p.reporter, p.partner, p.year, p.product, s.data_source,
		       @extschema@.reconcile(s.data_source, p.reported_usd, p.mirror_usd) AS imports_usd,
		       -- the weight comes from the same declaration as the value
		       CASE WHEN s.data_source OPERATOR(pg_catalog.=) 'mirror'
		              OR (s.data_source OPERATOR(pg_catalog.=) 'reconciled' AND p.reported_usd IS NULL)
		            THEN p.mirror_kg ELSE p.reported_kg END AS imports_kg
		FROM pairs p, (VALUES ('reporter'), ('mirror'), ('reconciled')) s(data_source)
		UNION ALL
		SELECT partner, reporter, year, product, 'baci', value_usd, net_weight_kg
		FROM @extschema@.trade_flow
		WHERE source OPERATOR(pg_catalog.=) 'baci' AND NOT synthetic),
	-- what the HS catalogue says of each product, looked up once per product
	-- (a catalogue lookup per row made the view 150 times slower than a
	-- plain GROUP BY over the same flows: issue 21)
	products AS MATERIALIZED (
		SELECT d.product, @extschema@.hs_stage(d.product) AS stage, @extschema@.reliance_stage(d.product) AS reliance_stage,
		       @extschema@.reo_content(d.product, 'central') AS reo_content
		FROM (SELECT DISTINCT f.product FROM @extschema@.trade_flow f) d)
	SELECT @extschema@.iso3(r.reporter) AS reporter, r.year, p.stage::text AS stage,
	       r.product::text AS hs_code, @extschema@.iso3(r.partner) AS partner, r.data_source,
	       r.imports_usd,
	       -- share of the reporter's imports of that product, year and data source
	       CASE WHEN pg_catalog.sum(r.imports_usd) OVER w OPERATOR(pg_catalog.>) 0
	            THEN r.imports_usd OPERATOR(pg_catalog./) pg_catalog.sum(r.imports_usd) OVER w END AS share_of_imports,
	       -- to_reo(kg, product) = kg * reo_content(product)
	       r.imports_kg OPERATOR(pg_catalog.*) p.reo_content OPERATOR(pg_catalog./) 1000 AS imports_t_reo,
	       ir.apparent_consumption_t,
	       -- the share of the reporter's need met by this partner (USGS-style
	       -- apparent consumption from import_reliance; NULL where it is <= 0
	       -- or unknown)
	       @extschema@.partner_dependency(r.imports_kg OPERATOR(pg_catalog.*) p.reo_content OPERATOR(pg_catalog./) 1000,
	                                      ir.apparent_consumption_t) AS partner_dependency,
	       @extschema@.country_name(r.reporter) AS reporter_name,
	       @extschema@.country_name(r.partner) AS partner_name,
	       -- Shares without coverage overstate: the reporter's own declared
	       -- World total (trade_reported_total) is the denominator it
	       -- published; coverage = loaded partner rows / that total.  NULL
	       -- where none was declared (and for mirror and BACI figures, which
	       -- are not the reporter's declaration).
	       tot.value_usd AS reported_total_usd,
	       CASE WHEN tot.value_usd OPERATOR(pg_catalog.>) 0
	            THEN pg_catalog.sum(r.imports_usd) OVER w OPERATOR(pg_catalog./) tot.value_usd END AS coverage,
	       CASE WHEN tot.value_usd OPERATOR(pg_catalog.>) 0
	            THEN r.imports_usd OPERATOR(pg_catalog./) tot.value_usd END AS share_of_reported_total,
	       -- quantities exist for the rare-earth HS catalogue only (to_reo)
	       CASE WHEN p.stage IS NOT NULL THEN 'rare earths' END AS commodity,
	       CASE WHEN p.stage IS NOT NULL THEN 't' END AS unit
	FROM rows r
	JOIN products p ON p.product OPERATOR(@extschema@.=) r.product
	LEFT JOIN @extschema@.import_reliance ir
		ON ir.country OPERATOR(pg_catalog.=) @extschema@.iso3(r.reporter) AND ir.year OPERATOR(pg_catalog.=) r.year
		AND ir.stage OPERATOR(pg_catalog.=) p.reliance_stage
	LEFT JOIN @extschema@.trade_reported_total tot
		ON r.data_source OPERATOR(pg_catalog.=) ANY (ARRAY['reporter', 'reconciled'])
		AND tot.source OPERATOR(pg_catalog.=) 'comtrade' AND tot.flow OPERATOR(pg_catalog.=) 'M' AND tot.month IS NULL
		AND NOT tot.synthetic AND tot.partner_area OPERATOR(@extschema@.=) 'WLD'::@extschema@.country
		AND tot.reporter OPERATOR(@extschema@.=) r.reporter AND tot.year OPERATOR(pg_catalog.=) r.year
		AND tot.product OPERATOR(@extschema@.=) r.product
	WHERE r.imports_usd IS NOT NULL
	WINDOW w AS (PARTITION BY r.reporter, r.year, r.product, r.data_source);
	COMMENT ON VIEW @extschema@.import_dependency IS 'imports by reporter, year, HS code (and its supply stage) and partner, in US dollars, from four data sources: reporter (declared imports, CIF), mirror (partner-declared exports x 1.06, IMF CIF/FOB), reconciled (reporter where it reported, else mirror) and baci (CEPII, FOB); share_of_imports = imports from the partner / all imports of that reporter, year, product and source; imports_t_reo = net weight x REO content (to_reo); partner_dependency = imports_t_reo / the reporter''s apparent consumption of the same supply stage (import_reliance), NULL where that is <= 0 or unknown; reporter_name, partner_name; reported_total_usd = the reporter''s declared World total (trade_reported_total), coverage = partner rows / that total, share_of_reported_total = imports / that total (NULL where none was declared, and for mirror and baci rows); commodity = rare earths for the HS codes of the rare-earth catalogue (NULL for other codes, which have values in USD but no quantities), unit = t (REO equivalent) of imports_t_reo and apparent_consumption_t; synthetic rows excluded';

	-- EU Critical Raw Materials Act (Regulation (EU) 2024/1252), Article 5(1):
	-- by 2030, no more than 65% of the Union's annual consumption of a
	-- strategic raw material at any relevant stage of processing from a
	-- single third country; Union capacity of at least 10% of consumption for
	-- extraction and 40% for processing (25% for recycling, which no stored
	-- table sees).  EU consumption = EU production + extra-EU imports -
	-- extra-EU exports, membership by year (eu_member), so intra-EU trade
	-- nets out and the United Kingdom is extra-EU from 2020.  Each flow is
	-- counted once: the EU members' own UN Comtrade declarations (annual),
	-- or CEPII BACI's reconciled flows; quantities in t REO (to_reo of the
	-- net weight).
	CREATE OR REPLACE VIEW @extschema@.crma_benchmarks AS
	WITH flows AS (
		SELECT source, year, product, reporter AS importer, partner AS exporter, net_weight_kg
		FROM @extschema@.trade_flow
		WHERE source OPERATOR(pg_catalog.=) 'comtrade' AND flow OPERATOR(pg_catalog.=) 'M' AND month IS NULL
		  AND NOT synthetic AND @extschema@.eu_member(reporter, year)
		UNION ALL
		SELECT source, year, product, partner, reporter, net_weight_kg
		FROM @extschema@.trade_flow
		WHERE source OPERATOR(pg_catalog.=) 'comtrade' AND flow OPERATOR(pg_catalog.=) 'X' AND month IS NULL
		  AND NOT synthetic AND @extschema@.eu_member(reporter, year)
		UNION ALL
		SELECT source, year, product, partner, reporter, net_weight_kg
		FROM @extschema@.trade_flow
		WHERE source OPERATOR(pg_catalog.=) 'baci' AND NOT synthetic),
	extra AS (
		SELECT source, year, @extschema@.hs_stage(product) AS stage, @extschema@.eu_member(importer, year) AS into_eu,
		       CASE WHEN @extschema@.eu_member(importer, year) THEN exporter ELSE importer END AS third_country,
		       @extschema@.to_reo(net_weight_kg, product) OPERATOR(pg_catalog./) 1000 AS t_reo
		FROM flows
		WHERE @extschema@.eu_member(importer, year) OPERATOR(pg_catalog.<>) @extschema@.eu_member(exporter, year)),
	totals AS (
		SELECT source, year, stage,
		       coalesce(pg_catalog.sum(t_reo) FILTER (WHERE into_eu), 0) AS imports_t,
		       coalesce(pg_catalog.sum(t_reo) FILTER (WHERE NOT into_eu), 0) AS exports_t,
		       pg_catalog.count(*) FILTER (WHERE t_reo IS NULL) AS flows_without_quantity
		FROM extra WHERE stage IS NOT NULL GROUP BY source, year, stage),
	largest AS (
		SELECT DISTINCT ON (source, year, stage) source, year, stage, third_country, t
		FROM (SELECT source, year, stage, third_country, pg_catalog.sum(t_reo) AS t
		      FROM extra WHERE into_eu AND stage IS NOT NULL AND t_reo IS NOT NULL
		      GROUP BY source, year, stage, third_country) s
		ORDER BY source, year, stage, t DESC, third_country),
	prod AS (
		-- USGS lists every producing country of a year and stage: an EU
		-- member absent from the list produced nothing
		SELECT year, stage,
		       coalesce(pg_catalog.sum(quantity_t) FILTER (WHERE @extschema@.eu_member(country, year)), 0) AS eu_t
		FROM @extschema@.production_latest
		WHERE commodity OPERATOR(pg_catalog.=) 'rare earths' GROUP BY year, stage),
	c AS (
		SELECT t.*, p.eu_t, l.third_country, l.t AS largest_t,
		       coalesce(p.eu_t, 0) OPERATOR(pg_catalog.+) t.imports_t OPERATOR(pg_catalog.-) t.exports_t AS consumption,
		       CASE t.stage WHEN 'mining' THEN 0.10::float8 WHEN 'separation' THEN 0.40::float8
		                    WHEN 'metal' THEN 0.40::float8 END AS benchmark
		FROM totals t
		LEFT JOIN prod p ON p.year OPERATOR(pg_catalog.=) t.year AND p.stage OPERATOR(pg_catalog.=) t.stage
		LEFT JOIN largest l ON l.source OPERATOR(pg_catalog.=) t.source AND l.year OPERATOR(pg_catalog.=) t.year
		  AND l.stage OPERATOR(pg_catalog.=) t.stage)
	SELECT source, year, 'rare earths'::text AS commodity, stage::text AS stage,
	       eu_t AS eu_production_t, imports_t AS extra_eu_imports_t, exports_t AS extra_eu_exports_t,
	       consumption AS eu_consumption_t,
	       @extschema@.iso3(third_country) AS largest_supplier, @extschema@.country_name(third_country) AS largest_supplier_name,
	       largest_t AS largest_supplier_t,
	       CASE WHEN consumption OPERATOR(pg_catalog.>) 0 THEN largest_t OPERATOR(pg_catalog./) consumption END AS largest_supplier_share,
	       CASE WHEN consumption OPERATOR(pg_catalog.>) 0
	            THEN largest_t OPERATOR(pg_catalog./) consumption OPERATOR(pg_catalog.>) 0.65::float8 END AS exceeds_65,
	       CASE WHEN consumption OPERATOR(pg_catalog.>) 0 THEN eu_t OPERATOR(pg_catalog./) consumption END AS eu_production_share,
	       benchmark AS capacity_benchmark,
	       CASE WHEN consumption OPERATOR(pg_catalog.>) 0
	            THEN eu_t OPERATOR(pg_catalog./) consumption OPERATOR(pg_catalog.>=) benchmark END AS meets_capacity_benchmark,
	       eu_t IS NOT NULL AS production_known, flows_without_quantity
	FROM c;
	COMMENT ON VIEW @extschema@.crma_benchmarks IS 'EU Critical Raw Materials Act (Regulation (EU) 2024/1252) Article 5(1) benchmarks by data source (comtrade: EU members'' own declarations; baci), year and supply stage (hs_stage), in t REO (to_reo): eu_consumption_t = EU production (production_latest, EU members by eu_member, 0 for members USGS does not list; NULL where no production of the stage is stored, then counted as 0) + extra-EU imports - extra-EU exports (membership by year: intra-EU trade nets out, the UK is extra-EU from 2020); largest_supplier = the third country with the largest extra-EU imports, largest_supplier_share = its imports / EU consumption, exceeds_65 = share > 0.65 (the single-third-country benchmark); eu_production_share = EU production / consumption against capacity_benchmark (0.10 extraction for mining, 0.40 processing for separation and metal; NULL for magnets and products), meets_capacity_benchmark; shares NULL where consumption <= 0; flows_without_quantity = extra-EU flows with no net weight or REO content (left out of the sums); recycling (the 25% benchmark) is not seen: no stored table holds EU recycling; synthetic rows excluded';

	-- USGS's printed net import reliance of every commodity, as MCS prints it
	-- (published_statistic: the salient statistics named net_import_reliance
	-- or net_import_reliance_<what it covers>, from the MCS2026 long table, the
	-- per-commodity salient files or the shipped sample), every edition
	-- loaded; latest marks the latest edition printing that commodity,
	-- statistic and year (filter on it, or on edition).  label is the figure
	-- as USGS prints it: >95, <25, 53, E (net exporter), W, NA.
	CREATE OR REPLACE VIEW @extschema@.usgs_net_import_reliance AS
	SELECT @extschema@.iso3(s.country) AS country, @extschema@.country_name(s.country) AS country_name,
	       s.commodity, s.statistic,
	       CASE WHEN s.statistic OPERATOR(pg_catalog.<>) 'net_import_reliance'
	            THEN pg_catalog.replace(pg_catalog.substr(s.statistic, 21), '_', ' ') END AS stage,
	       s.year, s.value AS nir_pct, s.qualifier, s.estimated,
	       CASE WHEN s.qualifier OPERATOR(pg_catalog.=) ANY (ARRAY['E', 'W', 'NA', 'XX']) THEN s.qualifier
	            WHEN s.qualifier OPERATOR(pg_catalog.=) ANY (ARRAY['>', '<'])
	                 THEN s.qualifier OPERATOR(pg_catalog.||) s.value::text
	            ELSE s.value::text END AS label,
	       s.edition,
	       s.edition OPERATOR(pg_catalog.=) pg_catalog.max(s.edition) OVER (PARTITION BY s.country, s.commodity, s.statistic, s.year) AS latest,
	       s.source, s.unit
	FROM @extschema@.published_statistic s
	WHERE s.statistic OPERATOR(pg_catalog.=) 'net_import_reliance'
	   OR s.statistic OPERATOR(pg_catalog.~~) 'net\_import\_reliance\_%';
	COMMENT ON VIEW @extschema@.usgs_net_import_reliance IS 'USGS''s printed net import reliance (US salient statistics of the Mineral Commodity Summaries) of every loaded commodity, one row per country, commodity, statistic, year and edition: country (ISO3) and country_name, commodity (commodities.name), statistic (net_import_reliance, or net_import_reliance_<stage or form> such as net_import_reliance_compounds_and_metals, net_import_reliance_mineral_concentrates), stage (those words, NULL for the plain statistic), year, nir_pct (percent of apparent consumption as printed; NULL for E, W, NA, XX), qualifier (> or < a bound, e estimated, E net exporter, W withheld, NA not available), estimated, label (as USGS prints it: >95, 53, E), edition, latest (true for the latest edition printing that statistic for that year: filter on it, or on edition), source, unit (percent; a salient file''s own code, pct, where it was read from one)';

	-- Where supply really comes from: every country's use of a commodity at
	-- one supply stage traced to the country that produced it (Kastner et
	-- al. 2011, doi:10.1016/j.ecolecon.2011.01.012, trade_network and
	-- origin_flows), beside its direct sources.  One network per data
	-- source, year, commodity, stage and unit: stages and units are never
	-- mixed.  Flows: CEPII BACI as reconciled (reporter = exporter, partner
	-- = importer); UN Comtrade as the importer declares it (M), and for an
	-- importer that declared no imports of that product and year, its
	-- partners' declared exports to it (X, mirror).  Production: USGS MCS
	-- (production_latest) of the same stage, commodity and unit.  Quantities
	-- in content (t REO for rare earths): the products CTE's content line is
	-- the only place a product's weight is converted.  Proportional pooling:
	-- each country's exports carry the origin mix of its whole supply.
	CREATE OR REPLACE VIEW @extschema@.origin_dependency AS
	WITH products AS MATERIALIZED (
		SELECT d.product, @extschema@.hs_stage(d.product) AS stage,
		       -- content per kg of product, in unit (swap to_reo for the catalogue's to_content here)
		       @extschema@.to_reo(1::float8, d.product) OPERATOR(pg_catalog./) 1000 AS content_per_kg,
		       'rare earths'::text AS commodity, 't'::text AS unit
		FROM (SELECT DISTINCT f.product FROM @extschema@.trade_flow f) d),
	comtrade_importers AS (
		SELECT DISTINCT reporter, year, product FROM @extschema@.trade_flow
		WHERE source OPERATOR(pg_catalog.=) 'comtrade' AND flow OPERATOR(pg_catalog.=) 'M' AND month IS NULL AND NOT synthetic),
	flows AS (
		SELECT source, year, product, reporter AS exporter, partner AS importer, net_weight_kg
		FROM @extschema@.trade_flow WHERE source OPERATOR(pg_catalog.=) 'baci' AND NOT synthetic
		UNION ALL
		SELECT source, year, product, partner, reporter, net_weight_kg
		FROM @extschema@.trade_flow
		WHERE source OPERATOR(pg_catalog.=) 'comtrade' AND flow OPERATOR(pg_catalog.=) 'M' AND month IS NULL AND NOT synthetic
		UNION ALL
		SELECT x.source, x.year, x.product, x.reporter, x.partner, x.net_weight_kg
		FROM @extschema@.trade_flow x
		WHERE x.source OPERATOR(pg_catalog.=) 'comtrade' AND x.flow OPERATOR(pg_catalog.=) 'X' AND x.month IS NULL AND NOT x.synthetic
		  AND NOT EXISTS (SELECT FROM comtrade_importers i
		                  WHERE i.reporter OPERATOR(@extschema@.=) x.partner AND i.year OPERATOR(pg_catalog.=) x.year
		                    AND i.product OPERATOR(@extschema@.=) x.product)),
	content AS (
		SELECT f.source, f.year, p.commodity, p.stage, p.unit, @extschema@.iso3(f.exporter) AS exporter,
		       @extschema@.iso3(f.importer) AS importer,
		       pg_catalog.sum(f.net_weight_kg OPERATOR(pg_catalog.*) p.content_per_kg) AS quantity
		FROM flows f JOIN products p ON p.product OPERATOR(@extschema@.=) f.product
		WHERE p.stage IS NOT NULL AND p.content_per_kg IS NOT NULL AND f.net_weight_kg IS NOT NULL
		GROUP BY 1, 2, 3, 4, 5, 6, 7),
	networks AS (
		SELECT c.source, c.year, c.commodity, c.stage, c.unit,
		       @extschema@.trade_network(c.exporter, c.importer, c.quantity) AS net
		FROM (SELECT source, year, commodity, stage, unit, exporter, importer, quantity FROM content
		      UNION ALL
		      SELECT s.source, p.year, p.commodity, p.stage, p.unit, @extschema@.iso3(p.country), @extschema@.iso3(p.country), p.quantity_t
		      FROM @extschema@.production_latest p, (VALUES ('baci'), ('comtrade')) s (source)
		      WHERE p.quantity_t IS NOT NULL
		        AND EXISTS (SELECT FROM content c WHERE c.source OPERATOR(pg_catalog.=) s.source
		                      AND c.year OPERATOR(pg_catalog.=) p.year AND c.commodity OPERATOR(pg_catalog.=) p.commodity
		                      AND c.stage OPERATOR(pg_catalog.=) p.stage AND c.unit OPERATOR(pg_catalog.=) p.unit)
		      UNION ALL
		      -- production without stored trade of its stage: a network of producers only
		      SELECT 'production', p.year, p.commodity, p.stage, p.unit, @extschema@.iso3(p.country), @extschema@.iso3(p.country), p.quantity_t
		      FROM @extschema@.production_latest p
		      WHERE p.quantity_t IS NOT NULL
		        AND NOT EXISTS (SELECT FROM content c WHERE c.year OPERATOR(pg_catalog.=) p.year
		                          AND c.commodity OPERATOR(pg_catalog.=) p.commodity AND c.stage OPERATOR(pg_catalog.=) p.stage
		                          AND c.unit OPERATOR(pg_catalog.=) p.unit)) c
		GROUP BY 1, 2, 3, 4, 5),
	traced AS (
		SELECT n.source, n.year, n.commodity, n.stage, n.unit, o.destination AS country, o.origin, o.quantity, o.share
		FROM networks n, @extschema@.origin_flows(n.net) o),
	users AS (
		SELECT DISTINCT t.source, t.year, t.commodity, t.stage, t.unit, t.country FROM traced t),
	direct AS (
		SELECT u.source, u.year, u.commodity, u.stage, u.unit, u.country, d.supplier AS origin, d.quantity, d.share
		FROM users u
		JOIN networks n ON n.source OPERATOR(pg_catalog.=) u.source AND n.year OPERATOR(pg_catalog.=) u.year
		 AND n.commodity OPERATOR(pg_catalog.=) u.commodity AND n.stage OPERATOR(pg_catalog.=) u.stage
		 AND n.unit OPERATOR(pg_catalog.=) u.unit,
		LATERAL @extschema@.top_suppliers(@extschema@.direct_origin(n.net, u.country), 2147483647) d)
	SELECT r.source, r.year, r.commodity, r.stage::text AS stage, r.country,
	       @extschema@.country_name(r.country::@extschema@.country) AS country_name,
	       r.origin, @extschema@.country_name(r.origin::@extschema@.country) AS origin_name,
	       coalesce(r.direct_share, 0) AS direct_share, coalesce(r.traced_share, 0) AS traced_share,
	       coalesce(r.direct_quantity, 0) AS direct_quantity, coalesce(r.traced_quantity, 0) AS traced_quantity,
	       r.unit
	FROM (SELECT coalesce(t.source, d.source) AS source, coalesce(t.year, d.year) AS year,
	             coalesce(t.commodity, d.commodity) AS commodity, coalesce(t.stage, d.stage) AS stage,
	             coalesce(t.unit, d.unit) AS unit, coalesce(t.country, d.country) AS country,
	             coalesce(t.origin, d.origin) AS origin, d.share AS direct_share, t.share AS traced_share,
	             d.quantity AS direct_quantity, t.quantity AS traced_quantity
	      FROM traced t FULL JOIN direct d
	        ON d.source OPERATOR(pg_catalog.=) t.source AND d.year OPERATOR(pg_catalog.=) t.year
	       AND d.commodity OPERATOR(pg_catalog.=) t.commodity AND d.stage OPERATOR(pg_catalog.=) t.stage
	       AND d.unit OPERATOR(pg_catalog.=) t.unit AND d.country OPERATOR(pg_catalog.=) t.country
	       AND d.origin OPERATOR(pg_catalog.=) t.origin) r;
	COMMENT ON VIEW @extschema@.origin_dependency IS 'every country''s use of a commodity at one supply stage by the country that produced it (traced through re-exports: Kastner et al. 2011, O = diag(p) (diag(x) - Z)^-1 diag(d), origin_flows) beside its direct sources (own production and imports by partner, direct_origin), one network per source, year, commodity, stage and unit (never mixed); flows from trade_flow: baci as reconciled (reporter = exporter), comtrade as the importer declares (M), its partners'' declared exports (X) where the importer declared no imports of that product and year; production from production_latest of the same stage; source production where no trade of the stage is stored; quantities in content (to_reo for rare earths); assumes proportional pooling (each country''s exports carry the origin mix of its whole supply); exports beyond supply scaled as network_adjustments lists; synthetic rows excluded';
	COMMENT ON COLUMN @extschema@.origin_dependency.source IS 'baci or comtrade (the trade data of the network), or production where no trade of that stage and year is stored';
	COMMENT ON COLUMN @extschema@.origin_dependency.year IS 'year of the flows and production';
	COMMENT ON COLUMN @extschema@.origin_dependency.commodity IS 'commodity (rare earths for the rare-earth HS catalogue)';
	COMMENT ON COLUMN @extschema@.origin_dependency.stage IS 'supply stage of the HS codes and production traced (mining, separation, metal, magnet, product)';
	COMMENT ON COLUMN @extschema@.origin_dependency.country IS 'the using country (ISO 3166-1 alpha-3)';
	COMMENT ON COLUMN @extschema@.origin_dependency.country_name IS 'English short name of country';
	COMMENT ON COLUMN @extschema@.origin_dependency.origin IS 'a source of the country''s use: the producing country (traced) or the direct partner or the country itself (direct)';
	COMMENT ON COLUMN @extschema@.origin_dependency.origin_name IS 'English short name of origin';
	COMMENT ON COLUMN @extschema@.origin_dependency.direct_share IS 'share of the country''s use from origin as a direct source (own production or imports from origin), 0-1';
	COMMENT ON COLUMN @extschema@.origin_dependency.traced_share IS 'share of the country''s use produced in origin, traced through every re-exporter, 0-1 (proportional pooling)';
	COMMENT ON COLUMN @extschema@.origin_dependency.direct_quantity IS 'the country''s use from origin as a direct source, in unit';
	COMMENT ON COLUMN @extschema@.origin_dependency.traced_quantity IS 'the country''s use produced in origin, in unit (O[origin, country])';
	COMMENT ON COLUMN @extschema@.origin_dependency.unit IS 'unit of the quantities: t of content (t REO for rare earths)';

	-- The headline metrics on traced instead of direct shares, per country
	-- and for the EU as a whole (EUU: members by eu_member of the year, EU
	-- origins one origin, so intra-EU trade nets out): HHI, the GeoPolRisk
	-- import risk sum f_i g_i / (F + P_c) (geopolrisk-py core.py,
	-- Koyamparambath et al. 2024) with the traced foreign-origin use as f
	-- and the own-origin use as P_c, g the governance table's
	-- geopolrisk_score of the year; and the EU CRM Act's single-third-
	-- country test (Regulation (EU) 2024/1252, Art. 5(1)(b): at most 65% of
	-- consumption from one third country).
	CREATE OR REPLACE VIEW @extschema@.origin_concentration AS
	WITH rows AS (
		SELECT o.source, o.year, o.commodity, o.stage, o.unit, o.country, o.origin, o.direct_quantity, o.traced_quantity
		FROM @extschema@.origin_dependency o
		UNION ALL
		SELECT o.source, o.year, o.commodity, o.stage, o.unit, 'EUU',
		       CASE WHEN @extschema@.eu_member(o.origin::@extschema@.country, o.year) THEN 'EUU' ELSE o.origin END,
		       o.direct_quantity, o.traced_quantity
		FROM @extschema@.origin_dependency o
		WHERE @extschema@.eu_member(o.country::@extschema@.country, o.year)),
	scored AS (
		SELECT r.*, g.geopolrisk_score AS g
		FROM rows r
		LEFT JOIN @extschema@.governance g
		  ON g.country OPERATOR(@extschema@.=) r.origin::@extschema@.country AND g.year OPERATOR(pg_catalog.=) r.year
		  AND r.origin OPERATOR(pg_catalog.<>) 'EUU'),
	m AS (
		SELECT source, year, commodity, stage, unit, country,
		       @extschema@.supply_mix(origin, direct_quantity) AS direct_mix,
		       @extschema@.supply_mix(origin, traced_quantity) AS traced_mix,
		       @extschema@.supply_mix(origin, direct_quantity) FILTER (WHERE origin OPERATOR(pg_catalog.<>) country) AS direct_foreign,
		       @extschema@.supply_mix(origin, traced_quantity) FILTER (WHERE origin OPERATOR(pg_catalog.<>) country) AS traced_foreign,
		       pg_catalog.sum(direct_quantity OPERATOR(pg_catalog.*) g) FILTER (WHERE origin OPERATOR(pg_catalog.<>) country) AS direct_risk_sum,
		       pg_catalog.sum(traced_quantity OPERATOR(pg_catalog.*) g) FILTER (WHERE origin OPERATOR(pg_catalog.<>) country) AS traced_risk_sum,
		       pg_catalog.bool_or(g IS NULL AND direct_quantity OPERATOR(pg_catalog.>) 0) FILTER (WHERE origin OPERATOR(pg_catalog.<>) country) AS direct_unscored,
		       pg_catalog.bool_or(g IS NULL AND traced_quantity OPERATOR(pg_catalog.>) 0) FILTER (WHERE origin OPERATOR(pg_catalog.<>) country) AS traced_unscored
		FROM scored GROUP BY 1, 2, 3, 4, 5, 6),
	k AS (
		SELECT m.*, @extschema@.total(m.traced_mix) AS use_q,
		       @extschema@.dominant_supplier(m.direct_foreign) AS direct_top, @extschema@.dominant_supplier(m.traced_foreign) AS traced_top
		FROM m)
	SELECT k.source, k.year, k.commodity, k.stage, k.country,
	       @extschema@.country_name(k.country::@extschema@.country) AS country_name,
	       k.use_q AS use_quantity,
	       @extschema@.hhi(k.direct_mix) AS direct_hhi, @extschema@.hhi(k.traced_mix) AS traced_hhi,
	       k.direct_top AS direct_largest_third_country,
	       @extschema@.country_name(k.direct_top::@extschema@.country) AS direct_largest_third_country_name,
	       CASE WHEN k.use_q OPERATOR(pg_catalog.>) 0 THEN @extschema@.quantity(k.direct_foreign, k.direct_top) OPERATOR(pg_catalog./) k.use_q END AS direct_largest_third_country_share,
	       k.traced_top AS traced_largest_third_country,
	       @extschema@.country_name(k.traced_top::@extschema@.country) AS traced_largest_third_country_name,
	       CASE WHEN k.use_q OPERATOR(pg_catalog.>) 0 THEN @extschema@.quantity(k.traced_foreign, k.traced_top) OPERATOR(pg_catalog./) k.use_q END AS traced_largest_third_country_share,
	       CASE WHEN k.use_q OPERATOR(pg_catalog.>) 0
	            THEN coalesce(@extschema@.quantity(k.direct_foreign, k.direct_top), 0) OPERATOR(pg_catalog./) k.use_q OPERATOR(pg_catalog.>) 0.65::float8 END AS direct_exceeds_65,
	       CASE WHEN k.use_q OPERATOR(pg_catalog.>) 0
	            THEN coalesce(@extschema@.quantity(k.traced_foreign, k.traced_top), 0) OPERATOR(pg_catalog./) k.use_q OPERATOR(pg_catalog.>) 0.65::float8 END AS traced_exceeds_65,
	       CASE WHEN k.use_q OPERATOR(pg_catalog.>) 0 AND NOT coalesce(k.direct_unscored, false)
	            THEN coalesce(k.direct_risk_sum, 0) OPERATOR(pg_catalog./) k.use_q END AS direct_import_risk,
	       CASE WHEN k.use_q OPERATOR(pg_catalog.>) 0 AND NOT coalesce(k.traced_unscored, false)
	            THEN coalesce(k.traced_risk_sum, 0) OPERATOR(pg_catalog./) k.use_q END AS traced_import_risk,
	       k.unit
	FROM k;
	COMMENT ON VIEW @extschema@.origin_concentration IS 'the headline dependency metrics of origin_dependency on direct and on traced shares, per source, year, commodity, stage and country, and for the EU as a whole (country EUU: the members of the year, EU origins counted as one, so intra-EU trade nets out): HHI of the country''s use (0-10,000), the largest third country (origin other than the country) and its share of use with the EU CRM Act test share > 0.65 (Regulation (EU) 2024/1252 Art. 5(1)(b)), and the GeoPolRisk import risk sum f_i g_i / (F + P_c) (geopolrisk-py, Koyamparambath et al. 2024) with f the foreign-origin use, P_c the own-origin use and g the governance table''s geopolrisk_score of the year (NULL when an origin with use has no score); assumes proportional pooling (each country''s exports carry the origin mix of its whole supply)';
	COMMENT ON COLUMN @extschema@.origin_concentration.source IS 'baci, comtrade or production (as origin_dependency)';
	COMMENT ON COLUMN @extschema@.origin_concentration.year IS 'year';
	COMMENT ON COLUMN @extschema@.origin_concentration.commodity IS 'commodity';
	COMMENT ON COLUMN @extschema@.origin_concentration.stage IS 'supply stage';
	COMMENT ON COLUMN @extschema@.origin_concentration.country IS 'the using country (ISO 3166-1 alpha-3), EUU for the EU as a whole';
	COMMENT ON COLUMN @extschema@.origin_concentration.country_name IS 'English short name of country';
	COMMENT ON COLUMN @extschema@.origin_concentration.use_quantity IS 'the country''s use (domestic use d = production + imports - exports after the imbalance rule), in unit';
	COMMENT ON COLUMN @extschema@.origin_concentration.direct_hhi IS 'HHI (0-10,000) of the use by direct source';
	COMMENT ON COLUMN @extschema@.origin_concentration.traced_hhi IS 'HHI (0-10,000) of the use by traced origin';
	COMMENT ON COLUMN @extschema@.origin_concentration.direct_largest_third_country IS 'the largest direct source other than the country itself (ties: first by code)';
	COMMENT ON COLUMN @extschema@.origin_concentration.direct_largest_third_country_name IS 'English short name of direct_largest_third_country';
	COMMENT ON COLUMN @extschema@.origin_concentration.direct_largest_third_country_share IS 'its share of the country''s use, 0-1; NULL without use';
	COMMENT ON COLUMN @extschema@.origin_concentration.traced_largest_third_country IS 'the largest traced origin other than the country itself (ties: first by code)';
	COMMENT ON COLUMN @extschema@.origin_concentration.traced_largest_third_country_name IS 'English short name of traced_largest_third_country';
	COMMENT ON COLUMN @extschema@.origin_concentration.traced_largest_third_country_share IS 'its share of the country''s use, 0-1; NULL without use';
	COMMENT ON COLUMN @extschema@.origin_concentration.direct_exceeds_65 IS 'EU CRM Act single-third-country test on direct shares: direct_largest_third_country_share > 0.65; NULL without use';
	COMMENT ON COLUMN @extschema@.origin_concentration.traced_exceeds_65 IS 'the same test on traced shares: traced_largest_third_country_share > 0.65; NULL without use';
	COMMENT ON COLUMN @extschema@.origin_concentration.direct_import_risk IS 'GeoPolRisk import risk on direct shares: sum over direct foreign sources of quantity x geopolrisk_score / use, 0-1; NULL without use or when a source with use has no score for the year';
	COMMENT ON COLUMN @extschema@.origin_concentration.traced_import_risk IS 'GeoPolRisk import risk on traced shares: sum over foreign origins of traced quantity x geopolrisk_score / use; NULL without use or when an origin with use has no score for the year';
	COMMENT ON COLUMN @extschema@.origin_concentration.unit IS 'unit of use_quantity: t of content (t REO for rare earths)';
END
$views$;
COMMENT ON FUNCTION @extschema@.create_store_views() IS
	'(re)defines the data store''s reporting views with this version''s definitions (CREATE OR REPLACE: columns are only ever appended, so dependent views survive); create_store() and ALTER EXTENSION UPDATE call it';
