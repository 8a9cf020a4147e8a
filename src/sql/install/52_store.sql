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
-- is one store per database.  create_store() creates only the tables that are
-- missing and (re)defines the views, so calling it again changes no row, and
-- an update that adds a table calls it to bring an existing store up to date.
-- ---------------------------------------------------------------------------
-- guard_store(): no function of the extension runs another role's code
-- ---------------------------------------------------------------------------
-- The store's relations can carry code (triggers, rules, views, policies,
-- defaults, check constraints, index expressions, domain types) that runs
-- with the rights of whoever reads or writes them.  Every function that
-- reads or writes a store relation first calls guard_store on it: the
-- relation is locked (to the end of the transaction, so the checked
-- definition stays in force) and everything attached to it is walked, views
-- through every relation they read; any function, operator, aggregate or
-- type there owned by a role that is neither a superuser nor the current
-- role is refused (42501), and so is a relation of the wrong kind (42809).
-- See src/store_guard.c.
CREATE OR REPLACE FUNCTION @extschema@.guard_store(relations text[], kind pg_catalog."char") RETURNS int
	AS 'MODULE_PATHNAME', 're_guard_store' LANGUAGE C VOLATILE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.guard_store(text[], "char") IS
	'locks the named relations of the extension''s schema (kind r: tables, v: views) and refuses (42501) any that would run code (trigger, rule, view definition, policy, default, check constraint, index expression or support function, domain type) owned by a role that is neither a superuser nor the current role, or (42809) one of the wrong kind; missing relations are skipped; returns how many were checked';

CREATE OR REPLACE FUNCTION @extschema@.check_store() RETURNS int
LANGUAGE plpgsql STRICT
SET search_path = pg_catalog, pg_temp
AS $check$
DECLARE
	checked int;
BEGIN
	checked := @extschema@.guard_store(@extschema@.store_tables(), 'r'::pg_catalog."char")
	           OPERATOR(pg_catalog.+) @extschema@.guard_store(@extschema@.store_views(), 'v'::pg_catalog."char");
	IF checked OPERATOR(pg_catalog.=) 0 THEN
		RAISE EXCEPTION USING ERRCODE = 'undefined_table', MESSAGE = 'check_store: this database has no rareearth data store';
	END IF;
	RETURN checked;
END
$check$;
COMMENT ON FUNCTION @extschema@.check_store() IS
	'checks every table and view of the data store as the extension''s functions do before they use one (guard_store): an error (42501) names the first trigger, rule, view definition, policy, default, constraint, index or column type that would run code of a role other than a superuser or the current role; otherwise returns the number of relations checked.  Run it before reading the store''s views directly as a role that does not own them';

CREATE OR REPLACE FUNCTION @extschema@.store_tables() RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN ARRAY['trade_flow', 'trade_reported_total', 'production', 'reserves', 'targets', 'governance',
             'load_rejects', 'published_statistic', 'country_groups', 'published_correction', 'store_version'];
COMMENT ON FUNCTION @extschema@.store_tables() IS 'the names of the data store''s tables (create_store())';

-- check_store_version(): loaders write the columns of the extension's own
-- version; a store still in an earlier version's shape would fail them half
-- way with a bare "column does not exist".
CREATE OR REPLACE FUNCTION @extschema@.check_store_version() RETURNS text
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	made text;
	current text := (SELECT e.extversion FROM pg_catalog.pg_extension e WHERE e.extname OPERATOR(pg_catalog.=) 'rareearth');
BEGIN
	IF pg_catalog.to_regclass('@extschema@.store_version') IS NOT NULL THEN
		PERFORM @extschema@.guard_store(ARRAY['store_version'], 'r'::pg_catalog."char");
		SELECT v.version INTO made FROM @extschema@.store_version v;
	END IF;
	IF made IS DISTINCT FROM current THEN
		RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
			MESSAGE = pg_catalog.format('the rareearth data store is in the shape of version %s; the extension is at version %s',
			                            COALESCE(made, '0.2.0 or earlier'), current),
			DETAIL = 'ALTER EXTENSION rareearth UPDATE does not touch the store, which belongs to its owner.',
			HINT = 'Its owner brings it up to date, keeping every row, with: SELECT rareearth.create_store();';
	END IF;
	RETURN made;
END
$fn$;
COMMENT ON FUNCTION @extschema@.check_store_version() IS 'the data store''s version (store_version); an error (55000) when it is not the extension''s version, with the remedy (create_store() by the store''s owner); the loaders call it first';

CREATE OR REPLACE FUNCTION @extschema@.store_views() RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN ARRAY['production_corrected', 'reserves_corrected', 'production_latest', 'production_world_total',
             'reserves_latest', 'reserves_world_total', 'supply_share', 'supply_concentration', 'development',
             'target_tracking', 'import_reliance', 'import_dependency', 'crma_benchmarks', 'usgs_net_import_reliance'];
COMMENT ON FUNCTION @extschema@.store_views() IS 'the names of the data store''s reporting views (create_store_views())';

CREATE OR REPLACE FUNCTION @extschema@.create_store() RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $store$
DECLARE
	lost record;
	kept text;
	idx name;
BEGIN
	-- DROP EXTENSION rareearth CASCADE drops the columns of the extension's
	-- types (country, hscode, supply_stage) out of the store's tables, not
	-- the tables (PostgreSQL drops what depends on a type, and a table
	-- depends on it only through its columns).  A table left without one of
	-- them is renamed out of the way, its remaining rows kept, and made anew.
	FOR lost IN SELECT v.name, v.columns FROM (VALUES
		('trade_flow', ARRAY['reporter', 'partner', 'product']), ('trade_reported_total', ARRAY['reporter', 'partner_area', 'product']),
		('production', ARRAY['country', 'stage']), ('reserves', ARRAY['country']), ('targets', ARRAY['country']),
		('governance', ARRAY['country']), ('published_statistic', ARRAY['country']), ('country_groups', ARRAY['country']),
		('published_correction', ARRAY['country'])) v (name, columns)
	LOOP
		IF pg_catalog.to_regclass(pg_catalog.format('@extschema@.%I', lost.name)) IS NOT NULL
		   AND EXISTS (SELECT FROM pg_catalog.unnest(lost.columns) c (name)
		               WHERE NOT EXISTS (SELECT FROM pg_catalog.pg_attribute a
		                                 WHERE a.attrelid = pg_catalog.to_regclass(pg_catalog.format('@extschema@.%I', lost.name))
		                                   AND a.attname = c.name AND NOT a.attisdropped)) THEN
			kept := pg_catalog.format('%s_without_columns_%s', lost.name, pg_catalog.to_char(pg_catalog.clock_timestamp(), 'YYYYMMDD_HH24MISS'));
			EXECUTE pg_catalog.format('ALTER TABLE @extschema@.%I RENAME TO %I', lost.name, kept);
			-- its indexes (and the constraints they back) go with it: the new table takes their names
			FOR idx IN SELECT c.relname FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
			           WHERE i.indrelid = pg_catalog.to_regclass(pg_catalog.format('@extschema@.%I', kept)) LOOP
				EXECUTE pg_catalog.format('ALTER INDEX @extschema@.%I RENAME TO %I', idx, pg_catalog.left(idx, 40) || pg_catalog.substr(kept, pg_catalog.length(lost.name) + 1));
			END LOOP;
			RAISE WARNING USING MESSAGE = pg_catalog.format('store table rareearth.%s had lost columns %s; kept as rareearth.%s, and made anew',
				lost.name, pg_catalog.array_to_string(lost.columns, ', '), kept),
				DETAIL = 'DROP EXTENSION rareearth CASCADE drops the columns of the extension''s types out of the store''s tables.',
				HINT = 'Drop the kept table when its remaining columns are of no use; to drop the store with the extension, run SELECT rareearth.drop_store(); first.';
		END IF;
	END LOOP;
	-- what exists already is altered or redefined below: check it first
	PERFORM @extschema@.guard_store(@extschema@.store_tables(), 'r'::pg_catalog."char");
	PERFORM @extschema@.guard_store(@extschema@.store_views(), 'v'::pg_catalog."char");
	-- ---------------------------------------------------------------------------
	-- Stored data: trade flows, production, reserves, targets, governance
	-- ---------------------------------------------------------------------------
	-- Quantities and values are float8 and never negative, NaN or infinite
	-- (NaN sorts above 'Infinity' in PostgreSQL, so "< 'Infinity'" excludes both).

	IF pg_catalog.to_regclass('@extschema@.trade_flow') IS NULL THEN
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
	END IF;

	IF pg_catalog.to_regclass('@extschema@.trade_reported_total') IS NULL THEN
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
		-- is part of the key; production_latest picks one edition per year.
	END IF;

	IF pg_catalog.to_regclass('@extschema@.production') IS NULL THEN
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
		COMMENT ON COLUMN @extschema@.production.source IS 'the publication first (e.g. USGS Mineral Commodity Summaries 2026, doi:10.5066/P1WKQ63T), then where the copy was read (file, cell or page)';
		COMMENT ON INDEX @extschema@.production_year_idx IS 'production by year';
	END IF;

	IF pg_catalog.to_regclass('@extschema@.reserves') IS NULL THEN
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
		COMMENT ON COLUMN @extschema@.reserves.source IS 'the publication first, then where the copy was read; for a statement, who stated it and who reported it';
	END IF;

	IF pg_catalog.to_regclass('@extschema@.targets') IS NULL THEN
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
	END IF;

	IF pg_catalog.to_regclass('@extschema@.governance') IS NULL THEN
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
	END IF;
	-- The six WGI estimates and the GeoPolRisk stability score (0.2.0),
	-- appended here so that a governance table made before gains them the
	-- same way, in the same column order, as a new one.
	PERFORM FROM pg_catalog.pg_attribute
	WHERE attrelid = '@extschema@.governance'::pg_catalog.regclass AND attname = 'pv' AND NOT attisdropped;
	IF NOT FOUND THEN
		ALTER TABLE @extschema@.governance
			ADD COLUMN va float8 CHECK (va > '-Infinity' AND va < 'Infinity'),
			ADD COLUMN pv float8 CHECK (pv > '-Infinity' AND pv < 'Infinity'),
			ADD COLUMN ge float8 CHECK (ge > '-Infinity' AND ge < 'Infinity'),
			ADD COLUMN rq float8 CHECK (rq > '-Infinity' AND rq < 'Infinity'),
			ADD COLUMN rl float8 CHECK (rl > '-Infinity' AND rl < 'Infinity'),
			ADD COLUMN cc float8 CHECK (cc > '-Infinity' AND cc < 'Infinity'),
			ADD COLUMN geopolrisk_score float8 GENERATED ALWAYS AS ((2.5::float8 - pv) / 5::float8) STORED;
		COMMENT ON COLUMN @extschema@.governance.va IS 'WGI Voice and Accountability estimate, about -2.5 (weak) to +2.5 (strong)';
		COMMENT ON COLUMN @extschema@.governance.pv IS 'WGI Political Stability and Absence of Violence/Terrorism estimate, about -2.5 to +2.5';
		COMMENT ON COLUMN @extschema@.governance.ge IS 'WGI Government Effectiveness estimate, about -2.5 to +2.5';
		COMMENT ON COLUMN @extschema@.governance.rq IS 'WGI Regulatory Quality estimate, about -2.5 to +2.5';
		COMMENT ON COLUMN @extschema@.governance.rl IS 'WGI Rule of Law estimate, about -2.5 to +2.5';
		COMMENT ON COLUMN @extschema@.governance.cc IS 'WGI Control of Corruption estimate, about -2.5 to +2.5';
		COMMENT ON COLUMN @extschema@.governance.geopolrisk_score IS 'GeoPolRisk political (in)stability g = (2.5 - pv) / 5, 0 the most stable, 1 the least (geopolrisk-py, Koyamparambath et al. 2024); above 1 for a PV estimate below -2.5, which geopolrisk() refuses';
	END IF;

	-- Units (0.2.0): every commodity's quantities in its canonical unit
	-- (commodities.unit: t, kg for gallium and the PGMs, ...), the unit the
	-- publication printed, and the statistic detail it printed (Mine
	-- production, Refinery production, ...); appended, so that a store made
	-- before gains them the same way, in the same column order, as a new one.
	PERFORM FROM pg_catalog.pg_attribute
	WHERE attrelid = '@extschema@.production'::pg_catalog.regclass AND attname = 'unit' AND NOT attisdropped;
	IF NOT FOUND THEN
		ALTER TABLE @extschema@.production
			ADD COLUMN unit text NOT NULL DEFAULT 't' CHECK (unit IN ('t', 'kg', 'carats', 'm3', 'l')),
			ADD COLUMN published_unit text,
			ADD COLUMN detail text;
		COMMENT ON COLUMN @extschema@.production.unit IS 'unit of quantity_t: the commodity''s canonical unit (commodities.unit): t (metric tons; REO equivalent for rare earths, content or gross weight as the commodity''s usgs_data_unit says), kg (gallium, germanium, PGMs, rhenium), carats, m3, l; never mixed within a commodity';
		COMMENT ON COLUMN @extschema@.production.published_unit IS 'the unit the publication printed (e.g. thousand metric tons), converted into unit; NULL for rows not loaded by load_usgs_mcs';
		COMMENT ON COLUMN @extschema@.production.detail IS 'the statistic as the publication names it (MCS Statistics_detail without ": rounded", e.g. Mine production, Refinery production, Production—ulexite)';
	END IF;
	PERFORM FROM pg_catalog.pg_attribute
	WHERE attrelid = '@extschema@.reserves'::pg_catalog.regclass AND attname = 'unit' AND NOT attisdropped;
	IF NOT FOUND THEN
		ALTER TABLE @extschema@.reserves
			ADD COLUMN unit text NOT NULL DEFAULT 't' CHECK (unit IN ('t', 'kg', 'carats', 'm3', 'l')),
			ADD COLUMN published_unit text,
			ADD COLUMN detail text;
		COMMENT ON COLUMN @extschema@.reserves.unit IS 'unit of quantity_t: the commodity''s canonical unit (commodities.unit), t unless it says otherwise';
		COMMENT ON COLUMN @extschema@.reserves.published_unit IS 'the unit the publication printed, converted into unit; NULL for rows not loaded by load_usgs_mcs';
		COMMENT ON COLUMN @extschema@.reserves.detail IS 'the statistic as the publication names it (MCS Statistics_detail without ": rounded")';
	END IF;

	-- what no loader could use, with the reason: nothing is dropped silently
	IF pg_catalog.to_regclass('@extschema@.load_rejects') IS NULL THEN
		CREATE TABLE @extschema@.load_rejects (
			source text NOT NULL CHECK (source IN ('comtrade', 'baci', 'usgs_mcs')),
			release text,
			reason text NOT NULL,
			record jsonb NOT NULL,
			rejected_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
			severity text NOT NULL DEFAULT 'rejected' CHECK (severity IN ('rejected', 'warning'))
		);
		-- one row per source, release, reason and record, also when loads run at once
		CREATE UNIQUE INDEX load_rejects_key ON @extschema@.load_rejects (source, release, reason, pg_catalog.md5(record::text)) NULLS NOT DISTINCT;
		COMMENT ON TABLE @extschema@.load_rejects IS 'rows of a staging table that a loader could not use (severity rejected), or loaded with one field dropped (severity warning), each with the reason; a load of a release replaces what earlier loads of that release filed; a record is filed once per source, release and reason';
		COMMENT ON COLUMN @extschema@.load_rejects.source IS 'comtrade, baci or usgs_mcs';
		COMMENT ON COLUMN @extschema@.load_rejects.release IS 'release or edition given to the loader';
		COMMENT ON COLUMN @extschema@.load_rejects.reason IS 'why the row was not loaded (unknown country code, malformed HS code, negative quantity, ...)';
		COMMENT ON COLUMN @extschema@.load_rejects.record IS 'the staging row as jsonb, column name: text as downloaded';
		COMMENT ON COLUMN @extschema@.load_rejects.severity IS 'rejected: the row was not loaded; warning: the row was loaded with the field the reason names stored as NULL';
		COMMENT ON COLUMN @extschema@.load_rejects.rejected_at IS 'when the loader first rejected it';
		COMMENT ON INDEX @extschema@.load_rejects_key IS 'a record is filed once per source, release and reason (record compared by its md5)';

		-- the reporting views over these tables (56_store_views)
	END IF;

	-- Rows of downloaded files (0.2.0, load_usgs_mcs_file): the file and line
	-- a refused row came from, and the rows a file loader left out on purpose
	-- (severity out_of_scope, e.g. "not a world table"), so that every row of
	-- a file is accounted for; appended, so that a store made before gains
	-- them the same way as a new one.  A record is then filed once per file
	-- and line: two files of one edition may hold the same all-empty row.
	PERFORM FROM pg_catalog.pg_attribute
	WHERE attrelid = '@extschema@.load_rejects'::pg_catalog.regclass AND attname = 'file' AND NOT attisdropped;
	IF NOT FOUND THEN
		ALTER TABLE @extschema@.load_rejects
			ADD COLUMN file text,
			ADD COLUMN line int CHECK (line > 0),
			DROP CONSTRAINT load_rejects_severity_check,
			ADD CONSTRAINT load_rejects_severity_check CHECK (severity IN ('rejected', 'warning', 'out_of_scope'));
		DROP INDEX @extschema@.load_rejects_key;
		CREATE UNIQUE INDEX load_rejects_key ON @extschema@.load_rejects (source, release, file, line, reason, pg_catalog.md5(record::text)) NULLS NOT DISTINCT;
		COMMENT ON INDEX @extschema@.load_rejects_key IS 'a record is filed once per source, release, file, line and reason (record compared by its md5)';
		COMMENT ON TABLE @extschema@.load_rejects IS 'rows of a staging table or a file that a loader could not use (severity rejected), loaded with one field left out (warning), or left out by design (out_of_scope, file loaders), each with the reason; a load of a release (and file) replaces what earlier loads of that release (and file) filed; a record is filed once per source, release, file, line and reason';
		COMMENT ON COLUMN @extschema@.load_rejects.file IS 'the file a file loader read (load_usgs_mcs_file: its file name, or md5: and the checksum of its bytes when no name was given); NULL for rows staged with \copy';
		COMMENT ON COLUMN @extschema@.load_rejects.line IS 'line of the file the record starts on (1 is the header); NULL for rows staged with \copy';
		COMMENT ON COLUMN @extschema@.load_rejects.severity IS 'rejected: the row was not loaded; warning: the row was loaded with the field the reason names left out (stored as NULL, or, for a value column of a per-commodity MCS file, not stored); out_of_scope: a row of a file that the loader does not load by design (another table, section or commodity, an all-empty row), the reason says which';
	END IF;

	IF pg_catalog.to_regclass('@extschema@.published_statistic') IS NULL THEN
		-- USGS's own printed figures (salient statistics: the two net import
		-- reliance series, production of concentrates and of compounds and
		-- metals, ...), kept as published so that the views can show them
		-- beside what they compute; never mixed into the computation.
		CREATE TABLE @extschema@.published_statistic (
			country @extschema@.country NOT NULL,
			commodity text NOT NULL DEFAULT 'rare earths',
			statistic text NOT NULL,
			year int NOT NULL CHECK (year BETWEEN 1800 AND 2100),
			value float8 CHECK (value > '-Infinity' AND value < 'Infinity'),
			unit text NOT NULL,
			qualifier text CHECK (qualifier IN ('>', '<', 'e', 'E', 'W', 'NA', 'XX')),
			estimated bool NOT NULL DEFAULT false,
			edition text NOT NULL,
			source text NOT NULL,
			CHECK ((value IS NULL) = (qualifier IS NOT NULL AND qualifier IN ('E', 'W', 'NA', 'XX'))),
			PRIMARY KEY (country, commodity, statistic, year, edition)
		);
		COMMENT ON TABLE @extschema@.published_statistic IS 'statistics as a publication prints them (USGS MCS salient statistics: net import reliance of mineral concentrates and of compounds and metals, production by stage, ...), one row per edition; shown beside computed values, never used in a computation';
		COMMENT ON COLUMN @extschema@.published_statistic.country IS 'country the statistic is about';
		COMMENT ON COLUMN @extschema@.published_statistic.commodity IS 'commodity, e.g. rare earths';
		COMMENT ON COLUMN @extschema@.published_statistic.statistic IS 'what is measured, e.g. net_import_reliance_compounds_and_metals, production_mineral_concentrates';
		COMMENT ON COLUMN @extschema@.published_statistic.year IS 'year the figure refers to';
		COMMENT ON COLUMN @extschema@.published_statistic.value IS 'the figure as printed, in unit; NULL when the publication prints a code instead (E net exporter, W, NA, XX)';
		COMMENT ON COLUMN @extschema@.published_statistic.unit IS 'unit of value: for USGS salient statistics the unit as printed (metric tons, thousand metric tons, dollars per kilogram, percent, number, ...; not printed when the table prints none; a per-commodity salient file''s unit code: t, kt, dkg, pct, ...), for capacity the commodity''s canonical unit (commodities.unit: t, kg, ...), for the shipped sample t_reo or percent; never converted, so compare figures of one unit only';
		COMMENT ON COLUMN @extschema@.published_statistic.qualifier IS 'NULL a plain figure; e estimated; > or < a bound; E net exporter; W withheld; NA not available; XX not applicable (USGS legend)';
		COMMENT ON COLUMN @extschema@.published_statistic.estimated IS 'true when the publication marks the figure as estimated';
		COMMENT ON COLUMN @extschema@.published_statistic.edition IS 'publication, e.g. MCS2026';
		COMMENT ON COLUMN @extschema@.published_statistic.source IS 'the publication first, then where the copy was read';
	END IF;

	-- Country groups by year, shipped with their sources; users add their own
	-- rows (groups) to the same table.
	IF pg_catalog.to_regclass('@extschema@.country_groups') IS NULL THEN
		CREATE TABLE @extschema@.country_groups (
			group_name text NOT NULL CHECK (group_name <> ''),
			country @extschema@.country NOT NULL,
			from_year int NOT NULL CHECK (from_year BETWEEN 1900 AND 2100),
			to_year int CHECK (to_year BETWEEN 1900 AND 2100),
			source text NOT NULL,
			CHECK (to_year >= from_year),
			PRIMARY KEY (group_name, country, from_year)
		);
		COMMENT ON TABLE @extschema@.country_groups IS 'membership of country groups by year (a member on 31 December of each year from from_year to to_year), as used by in_group and group_share; shipped: EU, OECD, G7, BRICS, each row with its source; add your own groups as rows';
		COMMENT ON COLUMN @extschema@.country_groups.group_name IS 'group, e.g. EU, OECD, G7, BRICS, or one of yours';
		COMMENT ON COLUMN @extschema@.country_groups.country IS 'member country';
		COMMENT ON COLUMN @extschema@.country_groups.from_year IS 'first year the country is a member on 31 December';
		COMMENT ON COLUMN @extschema@.country_groups.to_year IS 'last such year; NULL while still a member';
		COMMENT ON COLUMN @extschema@.country_groups.source IS 'where the membership dates come from';
		INSERT INTO @extschema@.country_groups (group_name, country, from_year, to_year, source)
		SELECT 'EU', c::@extschema@.country, f, t, 'EU (EEC before 1993) membership as eu_member(): founding Treaty of Rome in force 1958, accession treaties 1973, 1981, 1986, 1995, 2004, 2007, 2013; United Kingdom withdrawn 31 January 2020'
		FROM (VALUES ('BEL', 1958, NULL), ('DEU', 1958, NULL), ('FRA', 1958, NULL), ('ITA', 1958, NULL),
		             ('LUX', 1958, NULL), ('NLD', 1958, NULL), ('DNK', 1973, NULL), ('IRL', 1973, NULL),
		             ('GBR', 1973, 2019), ('GRC', 1981, NULL), ('ESP', 1986, NULL), ('PRT', 1986, NULL),
		             ('AUT', 1995, NULL), ('FIN', 1995, NULL), ('SWE', 1995, NULL), ('CYP', 2004, NULL),
		             ('CZE', 2004, NULL), ('EST', 2004, NULL), ('HUN', 2004, NULL), ('LVA', 2004, NULL),
		             ('LTU', 2004, NULL), ('MLT', 2004, NULL), ('POL', 2004, NULL), ('SVK', 2004, NULL),
		             ('SVN', 2004, NULL), ('BGR', 2007, NULL), ('ROU', 2007, NULL), ('HRV', 2013, NULL)) v (c, f, t)
		UNION ALL
		SELECT 'OECD', c::@extschema@.country, f, NULL, 'OECD, "Members and partners": dates of deposit of the instrument of ratification of the Convention on the OECD (in force 30 September 1961)'
		FROM (VALUES ('AUT', 1961), ('BEL', 1961), ('CAN', 1961), ('DNK', 1961), ('FRA', 1961), ('DEU', 1961),
		             ('GRC', 1961), ('ISL', 1961), ('IRL', 1961), ('LUX', 1961), ('NLD', 1961), ('NOR', 1961),
		             ('PRT', 1961), ('ESP', 1961), ('SWE', 1961), ('CHE', 1961), ('TUR', 1961), ('GBR', 1961),
		             ('USA', 1961), ('ITA', 1962), ('JPN', 1964), ('FIN', 1969), ('AUS', 1971), ('NZL', 1973),
		             ('MEX', 1994), ('CZE', 1995), ('HUN', 1996), ('POL', 1996), ('KOR', 1996), ('SVK', 2000),
		             ('CHL', 2010), ('SVN', 2010), ('ISR', 2010), ('EST', 2010), ('LVA', 2016), ('LTU', 2018),
		             ('COL', 2020), ('CRI', 2021)) v (c, f)
		UNION ALL
		SELECT 'G7', c::@extschema@.country, f, NULL, 'G7: the Rambouillet summit of November 1975 (France, Germany, Italy, Japan, United Kingdom, United States), Canada from the 1976 summit; the EU takes part but is not a member'
		FROM (VALUES ('FRA', 1975), ('DEU', 1975), ('ITA', 1975), ('JPN', 1975), ('GBR', 1975), ('USA', 1975),
		             ('CAN', 1976)) v (c, f)
		UNION ALL
		SELECT 'BRICS', c::@extschema@.country, f, NULL, 'BRICS: first BRIC summit, Yekaterinburg, June 2009; South Africa invited December 2010; Egypt, Ethiopia, Iran and the United Arab Emirates members from 1 January 2024; Indonesia from January 2025 (Saudi Arabia, invited, not counted)'
		FROM (VALUES ('BRA', 2009), ('RUS', 2009), ('IND', 2009), ('CHN', 2009), ('ZAF', 2010), ('EGY', 2024),
		             ('ETH', 2024), ('IRN', 2024), ('ARE', 2024), ('IDN', 2025)) v (c, f);
	END IF;

	IF pg_catalog.to_regclass('@extschema@.published_correction') IS NULL THEN
		-- a publisher's own corrections of a posted edition, applied by the
		-- *_corrected views on top of the rows as loaded (which stay as the
		-- file had them)
		CREATE TABLE @extschema@.published_correction (
			edition text NOT NULL,
			version text NOT NULL CHECK (version ~ '^[0-9]+(\.[0-9]+)*$'),
			commodity text NOT NULL,
			country @extschema@.country NOT NULL,
			statistic text NOT NULL CHECK (statistic IN ('Production', 'Reserves')),
			year int CHECK (year BETWEEN 1800 AND 2100),
			old_value float8 CHECK (old_value >= 0 AND old_value < 'Infinity'),
			old_qualifier text,
			new_value float8 CHECK (new_value >= 0 AND new_value < 'Infinity'),
			new_qualifier text CHECK (new_qualifier IN ('>', '<', 'e', 'W', 'NA', 'XX')),
			wording text NOT NULL,
			source text NOT NULL,
			PRIMARY KEY (edition, version, commodity, country, statistic, year)
		);
		COMMENT ON TABLE @extschema@.published_correction IS 'corrections a publisher made to a posted edition (e.g. USGS MCS2026 version 1.3), applied on top of the loaded rows by production_corrected and reserves_corrected, and so in every reporting view; the loaded rows keep the values of the file';
		COMMENT ON COLUMN @extschema@.published_correction.edition IS 'the edition corrected, e.g. MCS2026';
		COMMENT ON COLUMN @extschema@.published_correction.version IS 'the version that made the correction, e.g. 1.3 (later versions win)';
		COMMENT ON COLUMN @extschema@.published_correction.commodity IS 'commodity of the corrected cell';
		COMMENT ON COLUMN @extschema@.published_correction.country IS 'country of the corrected cell (WLD for the world total)';
		COMMENT ON COLUMN @extschema@.published_correction.statistic IS 'Production or Reserves';
		COMMENT ON COLUMN @extschema@.published_correction.year IS 'production year, or the year reserves are as of';
		COMMENT ON COLUMN @extschema@.published_correction.old_value IS 'the value as first posted (t)';
		COMMENT ON COLUMN @extschema@.published_correction.old_qualifier IS 'its qualifier as first posted (> for a bound)';
		COMMENT ON COLUMN @extschema@.published_correction.new_value IS 'the corrected value (t)';
		COMMENT ON COLUMN @extschema@.published_correction.new_qualifier IS 'the corrected qualifier';
		COMMENT ON COLUMN @extschema@.published_correction.wording IS 'the publisher''s own description of the change';
		COMMENT ON COLUMN @extschema@.published_correction.source IS 'the publication first (revision history), then where the copy was read';
	END IF;

	-- The store's version (0.3.0): the extension version whose create_store()
	-- last brought the store up to date.  Tables are made in the shape of the
	-- version that introduced them and then take each later release's
	-- additions, marked above with that release ("(0.2.0)"), so a store made
	-- by any earlier version walks the same path as a new one and ends up
	-- identical to it (test/scripts/upgrade.sh compares them).  Loaders
	-- refuse a store of another version (check_store_version()).
	IF pg_catalog.to_regclass('@extschema@.store_version') IS NULL THEN
		CREATE TABLE @extschema@.store_version (
			only_row bool PRIMARY KEY DEFAULT true CHECK (only_row),
			version text NOT NULL,
			updated timestamptz NOT NULL
		);
		COMMENT ON TABLE @extschema@.store_version IS 'one row: the rareearth version whose create_store() last brought the data store up to date (a store made before 0.3.0 has no such table)';
		COMMENT ON COLUMN @extschema@.store_version.only_row IS 'always true: the table holds one row';
		COMMENT ON COLUMN @extschema@.store_version.version IS 'the extension version (pg_extension.extversion) the store''s tables and views are the shape of';
		COMMENT ON COLUMN @extschema@.store_version.updated IS 'when create_store() last ran';
	END IF;
	INSERT INTO @extschema@.store_version (version, updated)
	SELECT e.extversion, pg_catalog.now() FROM pg_catalog.pg_extension e WHERE e.extname OPERATOR(pg_catalog.=) 'rareearth'
	ON CONFLICT (only_row) DO UPDATE SET version = excluded.version, updated = excluded.updated;

	PERFORM @extschema@.create_store_views();
END
$store$;
COMMENT ON FUNCTION @extschema@.create_store() IS
	'creates the data store in the extension''s schema, owned by the caller and not part of the extension (so DROP EXTENSION keeps loaded data): trade_flow, trade_reported_total, production, reserves, targets, governance, load_rejects, published_statistic, published_correction, country_groups (with the shipped EU, OECD, G7 and BRICS groups), store_version and the reporting views; creates only missing tables and columns and (re)defines the views, so a second call changes no loaded row; run after CREATE EXTENSION, and by the store''s owner after every ALTER EXTENSION rareearth UPDATE (it records the version in store_version)';

-- drop_store(): the store's views and tables, so that DROP EXTENSION then
-- needs no CASCADE (which would drop only the columns of the extension's
-- types out of the tables).  Deletes every loaded row: there is no undo.
CREATE OR REPLACE FUNCTION @extschema@.drop_store() RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $drop$
DECLARE
	name text;
BEGIN
	-- views last made first: each reads only views made before it
	FOR name IN SELECT u.v FROM pg_catalog.unnest(@extschema@.store_views()) WITH ORDINALITY u (v, i) ORDER BY u.i DESC LOOP
		EXECUTE pg_catalog.format('DROP VIEW IF EXISTS @extschema@.%I', name);
	END LOOP;
	FOREACH name IN ARRAY @extschema@.store_tables() LOOP
		EXECUTE pg_catalog.format('DROP TABLE IF EXISTS @extschema@.%I', name);
	END LOOP;
END
$drop$;
COMMENT ON FUNCTION @extschema@.drop_store() IS
	'drops the data store: its reporting views and tables, with every loaded row (no undo; pg_dump first to keep them), so that DROP EXTENSION rareearth needs no CASCADE; an error (2BP01) if a view or table of yours depends on them, and (42501) for a relation the caller does not own';
