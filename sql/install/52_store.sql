-- ---------------------------------------------------------------------------
-- create_store(): the tables loaded data lives in, and the reporting views
-- ---------------------------------------------------------------------------
-- Loaded data belongs to the user, not to the extension.  Tables created by
-- an extension's script are its members, and DROP EXTENSION deletes members
-- without CASCADE: months of loaded downloads would go with it.  So the
-- install script creates no data table; create_store(), run once after
-- CREATE EXTENSION by whoever will load data, creates them in the extension's
-- schema, owned by the caller and not members of the extension.  Then
--   * DROP EXTENSION refuses while the store exists (its tables depend on
--     the extension's types and schema), unless CASCADE is asked for;
--   * ALTER EXTENSION ... UPDATE never touches the rows;
--   * pg_dump dumps the store's tables and views like any user table.
-- The loaders and views name the store's tables through @extschema@, so there
-- is one store per database.
CREATE FUNCTION @extschema@.create_store() RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $store$
BEGIN
	IF pg_catalog.to_regclass('@extschema@.trade_flow') IS NOT NULL THEN
		RAISE EXCEPTION USING ERRCODE = 'duplicate_table',
			MESSAGE = 'the rareearth data store already exists in this database',
			DETAIL = pg_catalog.format('Table @extschema@.trade_flow is owned by role "%s".',
				(SELECT c.relowner::pg_catalog.regrole FROM pg_catalog.pg_class c
				 WHERE c.oid OPERATOR(pg_catalog.=) '@extschema@.trade_flow'::pg_catalog.regclass));
	END IF;

	-- ---------------------------------------------------------------------------
	-- Stored data: trade flows, production, reserves, targets, governance
	-- ---------------------------------------------------------------------------
	-- Quantities and values are float8 and never negative, NaN or infinite
	-- (NaN sorts above 'Infinity' in PostgreSQL, so "< 'Infinity'" excludes both).

	CREATE TABLE @extschema@.trade_flow (
		year int NOT NULL CHECK (year BETWEEN 1900 AND 2100),
		month int CHECK (month BETWEEN 1 AND 12),
		reporter @extschema@.country NOT NULL,
		partner @extschema@.country NOT NULL,
		flow text NOT NULL CHECK (flow IN ('M', 'X', 'RM', 'RX')),
		product @extschema@.hscode NOT NULL,
		net_weight_kg float8 CHECK (net_weight_kg >= 0 AND net_weight_kg < 'Infinity'),
		value_usd float8 NOT NULL CHECK (value_usd >= 0 AND value_usd < 'Infinity'),
		valuation text NOT NULL CHECK (valuation IN ('CIF', 'FOB')),
		source text NOT NULL CHECK (source IN ('comtrade', 'baci')),
		release text NOT NULL,
		quantity_estimated bool NOT NULL DEFAULT false,
		net_weight_estimated bool NOT NULL DEFAULT false,
		synthetic bool NOT NULL DEFAULT false,
		CONSTRAINT trade_flow_key UNIQUE NULLS NOT DISTINCT (source, reporter, partner, flow, product, year, month)
	);
	CREATE INDEX trade_flow_partner_idx ON @extschema@.trade_flow (partner, reporter, year);
	CREATE INDEX trade_flow_year_idx ON @extschema@.trade_flow (year, flow);
	COMMENT ON TABLE @extschema@.trade_flow IS 'trade between two countries, one row per source, reporter, partner, flow, HS code and period (natural key trade_flow_key); World, EU and "nes" partners are in trade_reported_total instead';
	COMMENT ON COLUMN @extschema@.trade_flow.year IS 'period year';
	COMMENT ON COLUMN @extschema@.trade_flow.month IS 'period month 1-12; NULL for annual data';
	COMMENT ON COLUMN @extschema@.trade_flow.reporter IS 'the declaring country (UN Comtrade reporter; for BACI the exporter)';
	COMMENT ON COLUMN @extschema@.trade_flow.partner IS 'the other country (UN Comtrade partner; for BACI the importer)';
	COMMENT ON COLUMN @extschema@.trade_flow.flow IS 'M import, X export, RM re-import, RX re-export, as the reporter declares it';
	COMMENT ON COLUMN @extschema@.trade_flow.product IS 'HS code of the goods';
	COMMENT ON COLUMN @extschema@.trade_flow.net_weight_kg IS 'net weight, kg; NULL when not reported';
	COMMENT ON COLUMN @extschema@.trade_flow.value_usd IS 'trade value, US dollars (valued as in valuation)';
	COMMENT ON COLUMN @extschema@.trade_flow.valuation IS 'CIF (imports, incl. freight and insurance) or FOB (exports and BACI)';
	COMMENT ON COLUMN @extschema@.trade_flow.source IS 'comtrade (as reported) or baci (CEPII''s reconciled flows)';
	COMMENT ON COLUMN @extschema@.trade_flow.release IS 'release or download the row came from; a later load of the same key replaces the row';
	COMMENT ON COLUMN @extschema@.trade_flow.quantity_estimated IS 'UN Comtrade isQtyEstimated';
	COMMENT ON COLUMN @extschema@.trade_flow.net_weight_estimated IS 'UN Comtrade isNetWgtEstimated';
	COMMENT ON COLUMN @extschema@.trade_flow.synthetic IS 'true for generated test data: never part of a view''s default output';
	COMMENT ON INDEX @extschema@.trade_flow_partner_idx IS 'flows by partner (mirror statistics)';
	COMMENT ON INDEX @extschema@.trade_flow_year_idx IS 'flows by year and flow';

	CREATE TABLE @extschema@.trade_reported_total (
		year int NOT NULL CHECK (year BETWEEN 1900 AND 2100),
		month int CHECK (month BETWEEN 1 AND 12),
		reporter @extschema@.country NOT NULL,
		partner_area @extschema@.country NOT NULL,
		flow text NOT NULL CHECK (flow IN ('M', 'X', 'RM', 'RX')),
		product @extschema@.hscode NOT NULL,
		net_weight_kg float8 CHECK (net_weight_kg >= 0 AND net_weight_kg < 'Infinity'),
		value_usd float8 NOT NULL CHECK (value_usd >= 0 AND value_usd < 'Infinity'),
		valuation text NOT NULL CHECK (valuation IN ('CIF', 'FOB')),
		source text NOT NULL CHECK (source IN ('comtrade', 'baci')),
		release text NOT NULL,
		synthetic bool NOT NULL DEFAULT false,
		CONSTRAINT trade_reported_total_key UNIQUE NULLS NOT DISTINCT (source, reporter, partner_area, flow, product, year, month)
	);
	COMMENT ON TABLE @extschema@.trade_reported_total IS 'totals a reporter declares against World, the EU or "areas nes": kept apart from trade_flow so that they are never counted as a partner; the denominator for coverage()';
	COMMENT ON COLUMN @extschema@.trade_reported_total.year IS 'period year';
	COMMENT ON COLUMN @extschema@.trade_reported_total.month IS 'period month 1-12; NULL for annual data';
	COMMENT ON COLUMN @extschema@.trade_reported_total.reporter IS 'the declaring country';
	COMMENT ON COLUMN @extschema@.trade_reported_total.partner_area IS 'the aggregate partner (WLD World, EUU European Union, XAN areas nes, ...)';
	COMMENT ON COLUMN @extschema@.trade_reported_total.flow IS 'M, X, RM or RX';
	COMMENT ON COLUMN @extschema@.trade_reported_total.product IS 'HS code of the goods';
	COMMENT ON COLUMN @extschema@.trade_reported_total.net_weight_kg IS 'net weight, kg; NULL when not reported';
	COMMENT ON COLUMN @extschema@.trade_reported_total.value_usd IS 'trade value, US dollars';
	COMMENT ON COLUMN @extschema@.trade_reported_total.valuation IS 'CIF or FOB';
	COMMENT ON COLUMN @extschema@.trade_reported_total.source IS 'comtrade or baci';
	COMMENT ON COLUMN @extschema@.trade_reported_total.release IS 'release or download the row came from';
	COMMENT ON COLUMN @extschema@.trade_reported_total.synthetic IS 'true for generated test data';

	-- USGS publications revise earlier years in each edition (MCS2025 printed
	-- Australia's 2024 output as 13,000 t, MCS2026 as 29,000 t), so the edition
	-- is part of the key; production_latest picks one edition per country-year.
	CREATE TABLE @extschema@.production (
		country @extschema@.country NOT NULL,
		year int NOT NULL CHECK (year BETWEEN 1800 AND 2100),
		commodity text NOT NULL DEFAULT 'rare earths',
		stage @extschema@.supply_stage NOT NULL DEFAULT 'mining',
		quantity_t float8 CHECK (quantity_t >= 0 AND quantity_t < 'Infinity'),
		qualifier text CHECK (qualifier IN ('>', '<', 'e', 'W', 'NA', 'XX')),
		series text NOT NULL CHECK (series IN ('MCS', 'MYB', 'DS140')),
		edition text NOT NULL,
		source text NOT NULL,
		CHECK ((quantity_t IS NULL) = (qualifier IS NOT NULL AND qualifier IN ('W', 'NA', 'XX'))),
		PRIMARY KEY (country, year, commodity, stage, edition)
	);
	CREATE INDEX production_year_idx ON @extschema@.production (year, commodity, stage);
	COMMENT ON TABLE @extschema@.production IS 'production by country and year as published (t REO for rare earths), one row per edition; WLD = the printed world total (rounded), XAN = USGS "Other countries"';
	COMMENT ON COLUMN @extschema@.production.country IS 'producing country; WLD the printed world total, XAN "Other countries" (one row for many)';
	COMMENT ON COLUMN @extschema@.production.year IS 'production year';
	COMMENT ON COLUMN @extschema@.production.commodity IS '''rare earths'' (total), or one element for per-element rows';
	COMMENT ON COLUMN @extschema@.production.stage IS 'supply-chain stage: mining (mine production), separation, metal, magnet';
	COMMENT ON COLUMN @extschema@.production.quantity_t IS 'quantity, metric tons (rare-earth-oxide equivalent for rare earths); for ''>'' and ''<'' the bound; NULL for W, NA, XX';
	COMMENT ON COLUMN @extschema@.production.qualifier IS 'NULL a plain figure; e estimated; > or < a bound; W withheld; NA not available; XX not applicable (USGS legend)';
	COMMENT ON COLUMN @extschema@.production.series IS 'MCS Mineral Commodity Summaries, MYB Minerals Yearbook, DS140 Data Series 140 (different series, never mixed)';
	COMMENT ON COLUMN @extschema@.production.edition IS 'publication, e.g. MCS2026 (published February 2026), MYB2022, DS140';
	COMMENT ON COLUMN @extschema@.production.source IS 'where the figure was read (file, cell or page)';
	COMMENT ON INDEX @extschema@.production_year_idx IS 'production by year';

	CREATE VIEW @extschema@.production_latest AS
	SELECT DISTINCT ON (country, year, commodity, stage)
		country, year, commodity, stage, quantity_t, qualifier, edition, source
	FROM @extschema@.production
	WHERE series OPERATOR(pg_catalog.=) 'MCS'
	ORDER BY country, year, commodity, stage, edition DESC;
	COMMENT ON VIEW @extschema@.production_latest IS 'USGS MCS production, the latest edition per (country, year, commodity, stage): "latest edition wins"';

	CREATE TABLE @extschema@.reserves (
		country @extschema@.country NOT NULL,
		commodity text NOT NULL DEFAULT 'rare earths',
		as_of_year int CHECK (as_of_year BETWEEN 1800 AND 2100),
		quantity_t float8 CHECK (quantity_t >= 0 AND quantity_t < 'Infinity'),
		qualifier text CHECK (qualifier IN ('>', '<', 'e', 'W', 'NA', 'XX')),
		series text NOT NULL CHECK (series IN ('MCS', 'national')),
		edition text NOT NULL,
		source text NOT NULL,
		CHECK ((quantity_t IS NULL) = (qualifier IS NOT NULL AND qualifier IN ('W', 'NA', 'XX'))),
		PRIMARY KEY (country, commodity, edition)
	);
	COMMENT ON TABLE @extschema@.reserves IS 'reserves by country as published (t REO for rare earths), one row per edition or statement; national estimates (series national) use other definitions and are kept apart from USGS''s';
	COMMENT ON COLUMN @extschema@.reserves.country IS 'country; WLD the printed world total';
	COMMENT ON COLUMN @extschema@.reserves.commodity IS '''rare earths'' or one element';
	COMMENT ON COLUMN @extschema@.reserves.as_of_year IS 'year the estimate refers to: an MCS edition''s reserves are as of its cover year minus one; NULL when the statement gives none';
	COMMENT ON COLUMN @extschema@.reserves.quantity_t IS 'reserves, metric tons REO; for ''>'' the bound; NULL for W, NA, XX';
	COMMENT ON COLUMN @extschema@.reserves.qualifier IS 'NULL a plain figure; e estimated; > or < a bound; W, NA, XX as in the USGS legend';
	COMMENT ON COLUMN @extschema@.reserves.series IS 'MCS (USGS) or national (a government''s own estimate, as reported)';
	COMMENT ON COLUMN @extschema@.reserves.edition IS 'publication (MCS2026) or the name of the statement';
	COMMENT ON COLUMN @extschema@.reserves.source IS 'where the figure was read, or who stated it and who reported it';

	CREATE VIEW @extschema@.reserves_latest AS
	SELECT DISTINCT ON (country, commodity)
		country, commodity, as_of_year, quantity_t, qualifier, edition, source
	FROM @extschema@.reserves
	WHERE series OPERATOR(pg_catalog.=) 'MCS'
	ORDER BY country, commodity, edition DESC;
	COMMENT ON VIEW @extschema@.reserves_latest IS 'USGS MCS reserves, the latest edition per (country, commodity)';

	CREATE TABLE @extschema@.targets (
		country @extschema@.country NOT NULL,
		commodity text NOT NULL,
		metric text NOT NULL,
		unit text NOT NULL,
		base_year int CHECK (base_year BETWEEN 1800 AND 2100),
		base_value float8 CHECK (base_value >= 0 AND base_value < 'Infinity'),
		target_year int NOT NULL CHECK (target_year BETWEEN 1800 AND 2100),
		target_value float8 NOT NULL CHECK (target_value >= 0 AND target_value < 'Infinity'),
		source text NOT NULL,
		statement text NOT NULL DEFAULT 'reported statement',
		CHECK (base_year IS NULL OR base_year < target_year),
		PRIMARY KEY (country, commodity, metric, target_year)
	);
	COMMENT ON TABLE @extschema@.targets IS 'stated policy targets (a government''s figures as reported, not forecasts)';
	COMMENT ON COLUMN @extschema@.targets.country IS 'country that set the target';
	COMMENT ON COLUMN @extschema@.targets.commodity IS 'commodity, e.g. rare earths';
	COMMENT ON COLUMN @extschema@.targets.metric IS 'what is targeted: production, import share of needs, ...';
	COMMENT ON COLUMN @extschema@.targets.unit IS 'unit of base and target values (t REO per year, percent, ...)';
	COMMENT ON COLUMN @extschema@.targets.base_year IS 'year of the stated starting value; NULL when the statement gives none';
	COMMENT ON COLUMN @extschema@.targets.base_value IS 'stated starting value';
	COMMENT ON COLUMN @extschema@.targets.target_year IS 'year by which the target is to be reached';
	COMMENT ON COLUMN @extschema@.targets.target_value IS 'stated target value';
	COMMENT ON COLUMN @extschema@.targets.source IS 'who stated it and who reported it';
	COMMENT ON COLUMN @extschema@.targets.statement IS 'kind of figure: a reported statement, a published plan, ...';

	CREATE TABLE @extschema@.governance (
		country @extschema@.country NOT NULL,
		year int NOT NULL CHECK (year BETWEEN 1996 AND 2100),
		wgi_mean float8 CHECK (wgi_mean > '-Infinity' AND wgi_mean < 'Infinity'),
		wgi_scaled float8 CHECK (wgi_scaled > '-Infinity' AND wgi_scaled < 'Infinity'),
		source text NOT NULL,
		PRIMARY KEY (country, year)
	);
	COMMENT ON TABLE @extschema@.governance IS 'governance by country and year: World Bank Worldwide Governance Indicators';
	COMMENT ON COLUMN @extschema@.governance.country IS 'country';
	COMMENT ON COLUMN @extschema@.governance.year IS 'WGI year';
	COMMENT ON COLUMN @extschema@.governance.wgi_mean IS 'mean of the six WGI estimates (va, pv, ge, rq, rl, cc), about -2.5 (weak) to +2.5 (strong)';
	COMMENT ON COLUMN @extschema@.governance.wgi_scaled IS 'the mean on the EU CRM 0-10 scale, 10 the weakest: wgi_to_crm_scale(mean) = (2.5 - mean) * 2 (JRC 2017 methodology)';
	COMMENT ON COLUMN @extschema@.governance.source IS 'dataset and release';

	-- what no loader could use, with the reason: nothing is dropped silently
	CREATE TABLE @extschema@.load_rejects (
		source text NOT NULL CHECK (source IN ('comtrade', 'baci', 'usgs_mcs')),
		release text,
		reason text NOT NULL,
		record jsonb NOT NULL,
		rejected_at timestamptz NOT NULL DEFAULT pg_catalog.now()
	);
	-- one row per source, release, reason and record, also when loads run at once
	CREATE UNIQUE INDEX load_rejects_key ON @extschema@.load_rejects (source, release, reason, pg_catalog.md5(record::text)) NULLS NOT DISTINCT;
	COMMENT ON TABLE @extschema@.load_rejects IS 'rows of a staging table that a loader could not use, each with the reason; a record is filed once per source, release and reason (identical lines of a file, or the same file loaded twice, add one row)';
	COMMENT ON COLUMN @extschema@.load_rejects.source IS 'comtrade, baci or usgs_mcs';
	COMMENT ON COLUMN @extschema@.load_rejects.release IS 'release or edition given to the loader';
	COMMENT ON COLUMN @extschema@.load_rejects.reason IS 'why the row was not loaded (unknown country code, malformed HS code, negative quantity, ...)';
	COMMENT ON COLUMN @extschema@.load_rejects.record IS 'the staging row as jsonb, column name: text as downloaded';
	COMMENT ON COLUMN @extschema@.load_rejects.rejected_at IS 'when the loader first rejected it';
	COMMENT ON INDEX @extschema@.load_rejects_key IS 'a record is filed once per source, release and reason (record compared by its md5)';

	-- ---------------------------------------------------------------------------
	-- Reporting views for BI tools: plain column types only (float8, int, text,
	-- bool, date, jsonb); countries as ISO 3166-1 alpha-3 text.  Synthetic rows
	-- never appear here.  Undefined ratios are NULL, never NaN or Infinity.
	-- ---------------------------------------------------------------------------

	CREATE VIEW @extschema@.supply_share AS
	WITH p AS (
		SELECT country, year, commodity, stage, quantity_t, qualifier, edition
		FROM @extschema@.production_latest
		WHERE country OPERATOR(@extschema@.<>) 'WLD'::@extschema@.country AND quantity_t IS NOT NULL),
	t AS (
		SELECT year, commodity, stage, sum(quantity_t) AS listed_total FROM p GROUP BY 1, 2, 3)
	SELECT @extschema@.iso3(p.country) AS country, @extschema@.country_name(p.country) AS country_name,
	       p.year, p.commodity, p.stage::text AS stage,
	       p.quantity_t AS production_t, p.qualifier, p.edition,
	       t.listed_total AS listed_total_t, w.quantity_t AS world_total_t,
	       -- share = q / sum of the listed rows (USGS "Other countries" is one row)
	       CASE WHEN t.listed_total OPERATOR(pg_catalog.>) 0 THEN p.quantity_t OPERATOR(pg_catalog./) t.listed_total END AS share,
	       -- against the printed (rounded) world total
	       CASE WHEN w.quantity_t OPERATOR(pg_catalog.>) 0 THEN p.quantity_t OPERATOR(pg_catalog./) w.quantity_t END AS share_of_world_total,
	       rank() OVER (PARTITION BY p.year, p.commodity, p.stage ORDER BY p.quantity_t DESC)::int AS rank
	FROM p
	JOIN t USING (year, commodity, stage)
	LEFT JOIN @extschema@.production_latest w
		ON w.country OPERATOR(@extschema@.=) 'WLD'::@extschema@.country AND w.year OPERATOR(pg_catalog.=) p.year
		AND w.commodity OPERATOR(pg_catalog.=) p.commodity AND w.stage OPERATOR(pg_catalog.=) p.stage;
	COMMENT ON VIEW @extschema@.supply_share IS 'production share by country and year (USGS MCS, latest edition): share = production / sum of the listed rows, share_of_world_total = production / printed world total, rank 1 = largest';

	CREATE VIEW @extschema@.supply_concentration AS
	WITH m AS (
		SELECT year, commodity, stage,
		       @extschema@.supply_mix(@extschema@.iso3(country), quantity_t) AS mix
		FROM @extschema@.production_latest
		WHERE country OPERATOR(@extschema@.<>) 'WLD'::@extschema@.country
		GROUP BY year, commodity, stage)
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
	       CASE WHEN w.quantity_t OPERATOR(pg_catalog.>) 0 THEN @extschema@.total(m.mix) OPERATOR(pg_catalog./) w.quantity_t END AS coverage
	FROM m
	LEFT JOIN @extschema@.production_latest w
		ON w.country OPERATOR(@extschema@.=) 'WLD'::@extschema@.country AND w.year OPERATOR(pg_catalog.=) m.year
		AND w.commodity OPERATOR(pg_catalog.=) m.commodity AND w.stage OPERATOR(pg_catalog.=) m.stage;
	COMMENT ON VIEW @extschema@.supply_concentration IS 'concentration of production by year (USGS MCS, latest edition): HHI = sum of squared percent shares (US Horizontal Merger Guidelines), CR1, CR3, equivalent suppliers 1/H, 2010 class, coverage = listed total / printed world total; USGS "Other countries" counts as one supplier';

	CREATE VIEW @extschema@.development AS
	SELECT @extschema@.iso3(p.country) AS country, @extschema@.country_name(p.country) AS country_name,
	       p.year, p.commodity, p.quantity_t AS production_t, p.edition AS production_edition,
	       r.quantity_t AS reserves_t, r.qualifier AS reserves_qualifier, r.edition AS reserves_edition,
	       -- development rate = P / R per year; reserve life = R / P years (NULL for a zero denominator)
	       @extschema@.development_rate(p.quantity_t, r.quantity_t) AS development_rate,
	       @extschema@.reserve_life(r.quantity_t, p.quantity_t) AS reserve_life_years
	FROM @extschema@.production_latest p
	LEFT JOIN LATERAL (
		SELECT quantity_t, qualifier, edition FROM @extschema@.reserves x
		WHERE x.country OPERATOR(@extschema@.=) p.country AND x.commodity OPERATOR(pg_catalog.=) p.commodity
		  AND x.series OPERATOR(pg_catalog.=) 'MCS' AND x.as_of_year OPERATOR(pg_catalog.=) p.year
		ORDER BY x.edition DESC LIMIT 1) r ON true
	WHERE p.stage OPERATOR(pg_catalog.=) 'mining'::@extschema@.supply_stage;
	COMMENT ON VIEW @extschema@.development IS 'production against USGS reserves as of the same year (MCS, latest edition): development rate = production / reserves, reserve life = reserves / production in years; NULL when a denominator is 0 or missing';

	CREATE VIEW @extschema@.target_tracking AS
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
	       @extschema@.trajectory_to_jsonb(a.series) AS actual_series
	FROM @extschema@.targets g
	JOIN actual a ON a.country OPERATOR(@extschema@.=) g.country AND a.commodity OPERATOR(pg_catalog.=) g.commodity
	WHERE g.metric OPERATOR(pg_catalog.=) 'production';
	COMMENT ON VIEW @extschema@.target_tracking IS 'stated production targets against USGS actuals (MCS, latest edition), via the trajectory functions: required CAGR = (target/V_last)^(1/years) - 1; trend rate = e^b - 1 of the least-squares fit ln V = a + b year (World Bank); projected value = exp(a + b target_year); on_track; sparkline; actual_series = {year: t}';

	-- Net import reliance from stored flows: trade quantities converted to t REO
	-- with the HS catalogue's REO content (to_reo), production from USGS (mine
	-- production, latest MCS edition); USGS MCS formulas via the metrics
	-- functions: apparent consumption = P + M - X, NIR = (M - X) / consumption.
	CREATE VIEW @extschema@.import_reliance AS
	WITH t AS (
		SELECT reporter AS country, year,
		       pg_catalog.sum(@extschema@.to_reo(net_weight_kg, product) OPERATOR(pg_catalog./) 1000)
		           FILTER (WHERE flow OPERATOR(pg_catalog.=) 'M') AS imports_t,
		       pg_catalog.sum(@extschema@.to_reo(net_weight_kg, product) OPERATOR(pg_catalog./) 1000)
		           FILTER (WHERE flow OPERATOR(pg_catalog.=) 'X') AS exports_t
		FROM @extschema@.trade_flow
		WHERE source OPERATOR(pg_catalog.=) 'comtrade' AND month IS NULL AND NOT synthetic
		  AND net_weight_kg IS NOT NULL
		GROUP BY reporter, year)
	SELECT @extschema@.iso3(t.country) AS country, t.year, p.quantity_t AS production_t,
	       COALESCE(t.imports_t, 0) AS imports_t_reo, COALESCE(t.exports_t, 0) AS exports_t_reo,
	       @extschema@.apparent_consumption(p.quantity_t, COALESCE(t.imports_t, 0), COALESCE(t.exports_t, 0)) AS apparent_consumption_t,
	       @extschema@.net_import_reliance(p.quantity_t, COALESCE(t.imports_t, 0), COALESCE(t.exports_t, 0)) AS net_import_reliance,
	       @extschema@.nir_label(@extschema@.net_import_reliance(p.quantity_t, COALESCE(t.imports_t, 0), COALESCE(t.exports_t, 0))) AS nir_label
	FROM t
	JOIN @extschema@.production_latest p
		ON p.country OPERATOR(@extschema@.=) t.country AND p.year OPERATOR(pg_catalog.=) t.year
		AND p.commodity OPERATOR(pg_catalog.=) 'rare earths' AND p.stage OPERATOR(pg_catalog.=) 'mining'::@extschema@.supply_stage
	WHERE p.quantity_t IS NOT NULL;
	COMMENT ON VIEW @extschema@.import_reliance IS 'net import reliance by country and year from stored UN Comtrade flows (net weight x REO content, to_reo) and USGS mine production: apparent consumption = P + M - X, NIR = (M - X) / apparent consumption, NULL when consumption <= 0, nir_label as USGS prints it; synthetic rows excluded';

	-- Imports by partner, three ways (metrics: reconcile, mirror statistics):
	-- 'reporter' = what the importer declares (Comtrade M, CIF); 'mirror' = what
	-- the partner declares as exports to it (Comtrade X, FOB, raised to CIF with
	-- fob_to_cif's IMF factor 1.06); 'reconciled' = the reporter's figure where it
	-- reported, else the mirror.  CEPII BACI rows are BACI's own reconciliation
	-- (FOB) and appear with data_source 'baci'.
	CREATE VIEW @extschema@.import_dependency AS
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
		WHERE source OPERATOR(pg_catalog.=) 'baci' AND NOT synthetic)
	SELECT @extschema@.iso3(r.reporter) AS reporter, r.year, @extschema@.hs_stage(r.product)::text AS stage,
	       r.product::text AS hs_code, @extschema@.iso3(r.partner) AS partner, r.data_source,
	       r.imports_usd,
	       -- share of the reporter's imports of that product, year and data source
	       CASE WHEN pg_catalog.sum(r.imports_usd) OVER w OPERATOR(pg_catalog.>) 0
	            THEN r.imports_usd OPERATOR(pg_catalog./) pg_catalog.sum(r.imports_usd) OVER w END AS share_of_imports,
	       @extschema@.to_reo(r.imports_kg, r.product) OPERATOR(pg_catalog./) 1000 AS imports_t_reo,
	       ir.apparent_consumption_t,
	       -- the share of the reporter's need met by this partner (USGS-style
	       -- apparent consumption from import_reliance; NULL where it is <= 0
	       -- or unknown)
	       @extschema@.partner_dependency(@extschema@.to_reo(r.imports_kg, r.product) OPERATOR(pg_catalog./) 1000,
	                                      ir.apparent_consumption_t) AS partner_dependency
	FROM rows r
	LEFT JOIN @extschema@.import_reliance ir
		ON ir.country OPERATOR(pg_catalog.=) @extschema@.iso3(r.reporter) AND ir.year OPERATOR(pg_catalog.=) r.year
	WHERE r.imports_usd IS NOT NULL
	WINDOW w AS (PARTITION BY r.reporter, r.year, r.product, r.data_source);
	COMMENT ON VIEW @extschema@.import_dependency IS 'imports by reporter, year, HS code (and its supply stage) and partner, in US dollars, from four data sources: reporter (declared imports, CIF), mirror (partner-declared exports x 1.06, IMF CIF/FOB), reconciled (reporter where it reported, else mirror) and baci (CEPII, FOB); share_of_imports = imports from the partner / all imports of that reporter, year, product and source; imports_t_reo = net weight x REO content (to_reo); partner_dependency = imports_t_reo / the reporter''s apparent consumption (import_reliance), NULL where that is <= 0 or unknown; synthetic rows excluded';
END
$store$;
COMMENT ON FUNCTION @extschema@.create_store() IS
	'creates the data store in the extension''s schema, owned by the caller and not part of the extension (so DROP EXTENSION keeps loaded data): trade_flow, trade_reported_total, production, reserves, targets, governance, load_rejects and the reporting views; run once per database after CREATE EXTENSION';
