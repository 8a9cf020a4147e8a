-- rareearth 0.1.0 -> 0.2.0.  The Makefile assembles the upgrade script:
--   1. this prologue;
--   2. src/sql/install/52_store.sql and 56_store_views.sql (create_store(),
--      create_store_views());
--   3. rareearth--0.1.0--0.2.0.store.sql: new store tables created and the
--      views redefined while they are still members of the extension
--      (PostgreSQL refuses CREATE OR REPLACE of an object that is not), then
--      tables and views detached as the store;
--   4. the install parts that changed (51_staging, 53_loader_common,
--      54_load_trade, 55_load_usgs_mcs, 59_grants), functions as CREATE OR
--      REPLACE, which PostgreSQL refuses for any function that is not already
--      a member of this extension.
-- test/scripts/upgrade.sh installs 0.1.0, loads data, adds dependent views and
-- materialized views, updates, and compares the catalog with a fresh 0.2.0.

\echo Use "ALTER EXTENSION rareearth UPDATE TO '0.2.0'" to load this file. \quit

-- 1. Staging moves to per-session temporary tables (stage()).  Rows still
-- staged in the shared 0.1.0 tables would be lost with them: refuse.
DO $staged$
DECLARE
	t text;
	n bigint;
BEGIN
	FOREACH t IN ARRAY ARRAY['comtrade_raw', 'baci_raw', 'usgs_mcs_raw'] LOOP
		EXECUTE pg_catalog.format('SELECT pg_catalog.count(*) FROM @extschema@.%I', t) INTO n;
		IF n OPERATOR(pg_catalog.>) 0 THEN
			RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
				MESSAGE = pg_catalog.format('rareearth.%s holds %s staged rows that no loader has moved', t, n),
				HINT = 'Run the loader for them (or empty the table), then update again.';
		END IF;
	END LOOP;
END
$staged$;
DROP TABLE @extschema@.comtrade_raw, @extschema@.baci_raw, @extschema@.usgs_mcs_raw;


-- 2. Comments that changed in parts not replayed below
COMMENT ON FUNCTION @extschema@.is_aggregate(@extschema@.country) IS 'true for World, the EU, "Areas, nes" (XAN, also USGS "Other countries") and other non-country areas (Free Zones, SACU); false for S19 "Other Asia, nes", which carries Taiwan''s trade and is a real partner.  Over production_latest, keep XAN to reproduce USGS''s HHI (the residual as one supplier, as supply_concentration does); filter NOT is_aggregate(country) to rank named countries only';

-- 3. Scalar growth rates take two calendar years (issue 14, item 6): the
-- three-number forms read a span where a calendar year fits too
-- (required_cagr(2600, 50000, 2030) gave 0.00146).  They are dropped, not
-- kept beside the new forms; a user's object calling them stops the update.
DO $span$
DECLARE
	dependents text;
BEGIN
	SELECT pg_catalog.string_agg(pg_catalog.pg_describe_object(d.classid, d.objid, d.objsubid), ', ')
	INTO dependents
	FROM pg_catalog.pg_depend d
	WHERE d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_proc'::pg_catalog.regclass
	  AND d.refobjid IN ('@extschema@.cagr(float8, float8, float8)'::pg_catalog.regprocedure,
	                     '@extschema@.required_cagr(float8, float8, float8)'::pg_catalog.regprocedure)
	  AND d.deptype OPERATOR(pg_catalog.=) 'n';
	IF dependents IS NOT NULL THEN
		RAISE EXCEPTION USING ERRCODE = 'dependent_objects_still_exist',
			MESSAGE = 'cagr(float8, float8, years float8) and required_cagr(float8, float8, years float8) are removed in 0.2.0, but objects depend on them',
			DETAIL = pg_catalog.format('Dependent objects: %s.', dependents),
			HINT = 'Rewrite them with cagr(start_value, end_value, from_year, to_year) or required_cagr(current, target, from_year, to_year), two calendar years, then update again.';
	END IF;
END
$span$;
DROP FUNCTION @extschema@.cagr(float8, float8, float8);
DROP FUNCTION @extschema@.required_cagr(float8, float8, float8);
CREATE FUNCTION @extschema@.cagr(start_value float8, end_value float8, from_year int, to_year int) RETURNS float8
	AS 'MODULE_PATHNAME', 'cagr_years' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.required_cagr(current float8, target float8, from_year int, to_year int) RETURNS float8
	AS 'MODULE_PATHNAME', 'required_cagr_years' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cagr(float8, float8, int, int) IS 'compound annual growth rate from the value in from_year to the value in to_year (calendar years): (end/start)^(1/(to_year - from_year)) - 1 (OECD glossary); NULL when start or end <= 0; to_year <= from_year is an error (22023)';
COMMENT ON FUNCTION @extschema@.required_cagr(float8, float8, int, int) IS 'yearly growth needed to go from current (in from_year) to target (in to_year), calendar years: (target/current)^(1/(to_year - from_year)) - 1; NULL when either value <= 0; to_year <= from_year is an error (22023)';

-- 4. Methodology fixes from the audit against the sources (issue 14, item
-- 11).  EU membership is compiled into the library (eu_member, Greenland
-- 1973-1984 and the territories where the Treaties apply); only its
-- documentation is here.
COMMENT ON FUNCTION @extschema@.eu_member(@extschema@.country, int) IS 'part of the EU (EEC before 1993) on 31 December of the year: founders 1958, DK/IE/GB 1973, GR 1981, ES/PT 1986, AT/FI/SE 1995, ten in 2004, BG/RO 2007, HR 2013; GB until 2019; Greenland 1973-1984 (left 1 February 1985); territories with their own code where the Treaties apply (TFEU art. 355): outermost regions GLP, GUF, MTQ, REU, MAF with France from 1958, MYT from 2014, BLM until 2011; ALA from 1995; GIB 1973-2019 (outside the customs union); overseas countries and territories, Faroe, Channel Islands and Isle of Man never';
COMMENT ON FUNCTION @extschema@.concentration_class(float8, text) IS 'concentration band of an HHI (0-10,000) under the US Horizontal Merger Guidelines edition ''1992'', ''2010'' or ''2023'' (2023: above 1,800 highly concentrated, no moderate band in the Guidelines; the DOJ HHI web page still calls 1,000-1,800 moderately concentrated, the ''1992'' bands)';
COMMENT ON FUNCTION @extschema@.concentration_class(@extschema@.supply_mix, text) IS 'concentration band of the mix''s HHI under the US Horizontal Merger Guidelines edition ''1992'', ''2010'' or ''2023'' (2023: above 1,800 highly concentrated, no moderate band in the Guidelines; the DOJ HHI web page still calls 1,000-1,800 moderately concentrated, the ''1992'' bands); NULL when the total is 0';
COMMENT ON FUNCTION @extschema@.hhi_bounds(@extschema@.supply_mix, float8) IS 'HHI bounds (0-10,000) against a reported total, the uncovered remainder assumed to belong to suppliers outside the mix: spread over infinitely many (lower) or held by one (upper); if a listed supplier holds it, the HHI can exceed upper ({A: 50, B: 50} against 200: upper 3,750, A holding the rest 6,250)';
COMMENT ON TABLE @extschema@.rare_earth_elements IS
	'rare-earth elements: standard atomic weights (CIAAW; Gd 157.249 and Lu 174.96669 as revised in 2024, Yb 173.045 as in the 2021 table; Pm: mass number 145), the customary REO formulas (R2O3 except CeO2, Pr6O11, Tb4O7), group (light La-Sm; heavy Eu-Lu and Y; scandium apart), oxide factor (m A + n 15.999)/(m A) for MmOn';
-- HS 7202.99 (other ferro-alloys; China's 7202.99.91 holds rare-earth
-- ferro-alloys) joins the catalogue, with its concordance rows, as in
-- src/sql/install/23_hs_catalogue.sql.
INSERT INTO @extschema@.hs_catalogue VALUES
('720299', 'Ferro-alloys: other (national lines such as China 7202.99.91, ferro-alloys with more than 10 % rare earths, hold rare-earth ferro-alloys)', 'metal', 0, NULL, NULL,
 'mixed subheading: most of its trade is other ferro-alloys without rare earths; rare-earth share unknown (no value); low 0');
INSERT INTO @extschema@.hs_concordance
SELECT f.revision, c.code, t.revision, c.code, 1.0,
	'identity (code kept; scope of 7202.99, the ferro-alloys no other 7202 subheading names, not verified between revisions)'
FROM @extschema@.hs_catalogue c, @extschema@.hs_revisions f, @extschema@.hs_revisions t
WHERE f.revision OPERATOR(pg_catalog.<>) t.revision AND c.code OPERATOR(@extschema@.=) '720299';

-- 5. The aggregates declare their transition-state size (SSPACE, the bytes
-- a group's state takes; see src/sql/install/10_supply_mix.sql), so that
-- the planner stops assuming 8 kB per group and spilling hash aggregation
-- of many small groups to disk.  PostgreSQL has no ALTER AGGREGATE for it,
-- and DROP/CREATE would take users' views and materialized views over the
-- aggregates with them: the catalog entry is set as CREATE AGGREGATE ...
-- SSPACE sets it, and nothing that depends on an aggregate changes.
UPDATE pg_catalog.pg_aggregate SET aggtransspace = s.space
FROM (VALUES
	('@extschema@.supply_mix(text, float8)'::pg_catalog.regprocedure, 120),
	('@extschema@.supply_mix(text, numeric)'::pg_catalog.regprocedure, 120),
	('@extschema@.supply_mix(bigint, float8)'::pg_catalog.regprocedure, 120),
	('@extschema@.supply_mix(bigint, numeric)'::pg_catalog.regprocedure, 120),
	('@extschema@.supply_mix(@extschema@.country, float8)'::pg_catalog.regprocedure, 120),
	('@extschema@.supply_mix(@extschema@.country, numeric)'::pg_catalog.regprocedure, 120),
	('@extschema@.rollup(@extschema@.supply_mix)'::pg_catalog.regprocedure, 120),
	('@extschema@.material_balance(text, float8)'::pg_catalog.regprocedure, 96),
	('@extschema@.material_balance(text, numeric)'::pg_catalog.regprocedure, 96),
	('@extschema@.rollup(@extschema@.material_balance)'::pg_catalog.regprocedure, 96),
	('@extschema@.trajectory(int, float8)'::pg_catalog.regprocedure, 352),
	('@extschema@.trajectory(int, numeric)'::pg_catalog.regprocedure, 352),
	('@extschema@.rollup(@extschema@.trajectory)'::pg_catalog.regprocedure, 352)
) s (agg, space)
WHERE pg_catalog.pg_aggregate.aggfnoid OPERATOR(pg_catalog.=) s.agg;
-- ---------------------------------------------------------------------------
-- The extension's schema belongs to a superuser, not to the installing role
-- ---------------------------------------------------------------------------
-- A trusted extension is installed by a non-superuser, and CREATE EXTENSION
-- makes the schema it creates that role's.  A schema's owner may drop,
-- rename and re-create anything in it: replace a store table or view that
-- a superuser created with one carrying its own code, or rename the schema
-- and build a look-alike "rareearth" that the extension's own functions
-- would then call (issue 21).  So the schema passes to the role running
-- this script (the bootstrap superuser, for a trusted install), and the
-- installing role keeps the rights it needs, with the right to pass them
-- on: USAGE (to call the functions) and CREATE (to create the data store).
-- It can no longer drop or rename what others created there.
DO $owner$
DECLARE
	installer pg_catalog.regrole := (SELECT e.extowner FROM pg_catalog.pg_extension e
	                                 WHERE e.extname OPERATOR(pg_catalog.=) 'rareearth');
BEGIN
	IF NOT (SELECT r.rolsuper FROM pg_catalog.pg_roles r WHERE r.oid OPERATOR(pg_catalog.=) installer) THEN
		EXECUTE pg_catalog.format('ALTER SCHEMA %I OWNER TO %I', '@extschema@', CURRENT_USER);
		EXECUTE pg_catalog.format('GRANT USAGE, CREATE ON SCHEMA %I TO %s WITH GRANT OPTION', '@extschema@', installer);
	END IF;
END
$owner$;
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
CREATE FUNCTION @extschema@.guard_store(relations text[], kind pg_catalog."char") RETURNS int
	AS 'MODULE_PATHNAME', 're_guard_store' LANGUAGE C VOLATILE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.guard_store(text[], "char") IS
	'locks the named relations of the extension''s schema (kind r: tables, v: views) and refuses (42501) any that would run code (trigger, rule, view definition, policy, default, check constraint, index expression or support function, domain type) owned by a role that is neither a superuser nor the current role, or (42809) one of the wrong kind; missing relations are skipped; returns how many were checked';

CREATE FUNCTION @extschema@.check_store() RETURNS int
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

CREATE FUNCTION @extschema@.store_tables() RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN ARRAY['trade_flow', 'trade_reported_total', 'production', 'reserves', 'targets', 'governance',
             'load_rejects', 'published_statistic', 'country_groups', 'published_correction'];
COMMENT ON FUNCTION @extschema@.store_tables() IS 'the names of the data store''s tables (create_store())';

CREATE FUNCTION @extschema@.store_views() RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN ARRAY['production_corrected', 'reserves_corrected', 'production_latest', 'production_world_total',
             'reserves_latest', 'reserves_world_total', 'supply_share', 'supply_concentration', 'development',
             'target_tracking', 'import_reliance', 'import_dependency', 'crma_benchmarks', 'usgs_net_import_reliance'];
COMMENT ON FUNCTION @extschema@.store_views() IS 'the names of the data store''s reporting views (create_store_views())';

CREATE FUNCTION @extschema@.create_store() RETURNS void
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

	PERFORM @extschema@.create_store_views();
END
$store$;
COMMENT ON FUNCTION @extschema@.create_store() IS
	'creates the data store in the extension''s schema, owned by the caller and not part of the extension (so DROP EXTENSION keeps loaded data): trade_flow, trade_reported_total, production, reserves, targets, governance, load_rejects, published_statistic, published_correction, country_groups (with the shipped EU, OECD, G7 and BRICS groups) and the reporting views; creates only missing tables and (re)defines the views, so a second call changes no row; run after CREATE EXTENSION';

-- drop_store(): the store's views and tables, so that DROP EXTENSION then
-- needs no CASCADE (which would drop only the columns of the extension's
-- types out of the tables).  Deletes every loaded row: there is no undo.
CREATE FUNCTION @extschema@.drop_store() RETURNS void
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
CREATE FUNCTION @extschema@.reliance_stage(code @extschema@.hscode) RETURNS text
LANGUAGE sql STABLE STRICT PARALLEL SAFE
RETURN CASE WHEN @extschema@.hs_stage(code) OPERATOR(pg_catalog.=) 'mining'::@extschema@.supply_stage THEN 'mineral concentrates'
            WHEN @extschema@.hs_stage(code) OPERATOR(pg_catalog.=) ANY (ARRAY['separation', 'metal']::@extschema@.supply_stage[])
                 THEN 'compounds and metals' END;
COMMENT ON FUNCTION @extschema@.reliance_stage(@extschema@.hscode) IS 'the USGS net-import-reliance stage of an HS code: ''mineral concentrates'' (mining stage) or ''compounds and metals'' (separation and metal stages); NULL for magnets, products and codes outside the catalogue';

CREATE FUNCTION @extschema@.create_store_views() RETURNS void
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
END
$views$;
COMMENT ON FUNCTION @extschema@.create_store_views() IS
	'(re)defines the data store''s reporting views with this version''s definitions (CREATE OR REPLACE: columns are only ever appended, so dependent views survive); create_store() and ALTER EXTENSION UPDATE call it';
-- rareearth 0.1.0 -> 0.2.0, part 3 (see the prologue): the store.

-- 1. (before 2) A refused record is filed once per source, release and reason (0.1.0
-- filed concurrent duplicates): keep the first of each, then make it a key.
-- Before create_store(), which then appends the columns of 0.2.0's file
-- loaders (file, line, severity out_of_scope) as to a store made by 0.2.0.
DELETE FROM @extschema@.load_rejects l
USING (SELECT ctid, pg_catalog.row_number() OVER (
		PARTITION BY source, release, reason, pg_catalog.md5(record::text) ORDER BY rejected_at, ctid) AS n
	   FROM @extschema@.load_rejects) d
WHERE l.ctid OPERATOR(pg_catalog.=) d.ctid AND d.n OPERATOR(pg_catalog.>) 1;
DROP INDEX @extschema@.load_rejects_source_idx;
CREATE UNIQUE INDEX load_rejects_key ON @extschema@.load_rejects (source, release, reason, pg_catalog.md5(record::text)) NULLS NOT DISTINCT;
COMMENT ON INDEX @extschema@.load_rejects_key IS 'a record is filed once per source, release and reason (record compared by its md5)';
COMMENT ON TABLE @extschema@.load_rejects IS 'rows of a staging table that a loader could not use (severity rejected), or loaded with one field dropped (severity warning), each with the reason; a load of a release replaces what earlier loads of that release filed; a record is filed once per source, release and reason';
ALTER TABLE @extschema@.load_rejects ADD COLUMN severity text NOT NULL DEFAULT 'rejected' CHECK (severity IN ('rejected', 'warning'));
COMMENT ON COLUMN @extschema@.load_rejects.severity IS 'rejected: the row was not loaded; warning: the row was loaded with the field the reason names stored as NULL';

-- 2. This version's new store tables and view definitions, applied while the
-- views are still members (columns are only appended, so users' dependent
-- views survive): create_store() creates what is missing, then the views.
SELECT @extschema@.create_store();

-- 3. The data tables and the views over them become the store: no longer
-- members of the extension (so DROP EXTENSION keeps them), owned by the
-- extension's owner like a store made by create_store().  Every row stays.
ALTER EXTENSION rareearth DROP TABLE @extschema@.trade_flow;
ALTER EXTENSION rareearth DROP TABLE @extschema@.trade_reported_total;
ALTER EXTENSION rareearth DROP TABLE @extschema@.production;
ALTER EXTENSION rareearth DROP TABLE @extschema@.reserves;
ALTER EXTENSION rareearth DROP TABLE @extschema@.targets;
ALTER EXTENSION rareearth DROP TABLE @extschema@.governance;
ALTER EXTENSION rareearth DROP TABLE @extschema@.load_rejects;
ALTER EXTENSION rareearth DROP VIEW @extschema@.reserves_corrected;
ALTER EXTENSION rareearth DROP VIEW @extschema@.production_corrected;
ALTER EXTENSION rareearth DROP TABLE @extschema@.published_correction;
ALTER EXTENSION rareearth DROP TABLE @extschema@.published_statistic;
ALTER EXTENSION rareearth DROP TABLE @extschema@.country_groups;
ALTER EXTENSION rareearth DROP VIEW @extschema@.production_latest;
ALTER EXTENSION rareearth DROP VIEW @extschema@.production_world_total;
ALTER EXTENSION rareearth DROP VIEW @extschema@.reserves_world_total;
ALTER EXTENSION rareearth DROP VIEW @extschema@.reserves_latest;
ALTER EXTENSION rareearth DROP VIEW @extschema@.supply_share;
ALTER EXTENSION rareearth DROP VIEW @extschema@.supply_concentration;
ALTER EXTENSION rareearth DROP VIEW @extschema@.development;
ALTER EXTENSION rareearth DROP VIEW @extschema@.target_tracking;
ALTER EXTENSION rareearth DROP VIEW @extschema@.import_reliance;
ALTER EXTENSION rareearth DROP VIEW @extschema@.import_dependency;
ALTER EXTENSION rareearth DROP VIEW @extschema@.crma_benchmarks;
ALTER EXTENSION rareearth DROP VIEW @extschema@.usgs_net_import_reliance;
ALTER TABLE @extschema@.trade_flow OWNER TO @extowner@;
ALTER TABLE @extschema@.trade_reported_total OWNER TO @extowner@;
ALTER TABLE @extschema@.production OWNER TO @extowner@;
ALTER TABLE @extschema@.reserves OWNER TO @extowner@;
ALTER TABLE @extschema@.targets OWNER TO @extowner@;
ALTER TABLE @extschema@.governance OWNER TO @extowner@;
ALTER TABLE @extschema@.load_rejects OWNER TO @extowner@;
ALTER VIEW @extschema@.reserves_corrected OWNER TO @extowner@;
ALTER VIEW @extschema@.production_corrected OWNER TO @extowner@;
ALTER TABLE @extschema@.published_correction OWNER TO @extowner@;
ALTER TABLE @extschema@.published_statistic OWNER TO @extowner@;
ALTER TABLE @extschema@.country_groups OWNER TO @extowner@;
ALTER VIEW @extschema@.production_latest OWNER TO @extowner@;
ALTER VIEW @extschema@.production_world_total OWNER TO @extowner@;
ALTER VIEW @extschema@.reserves_world_total OWNER TO @extowner@;
ALTER VIEW @extschema@.reserves_latest OWNER TO @extowner@;
ALTER VIEW @extschema@.supply_share OWNER TO @extowner@;
ALTER VIEW @extschema@.supply_concentration OWNER TO @extowner@;
ALTER VIEW @extschema@.development OWNER TO @extowner@;
ALTER VIEW @extschema@.target_tracking OWNER TO @extowner@;
ALTER VIEW @extschema@.import_reliance OWNER TO @extowner@;
ALTER VIEW @extschema@.import_dependency OWNER TO @extowner@;
ALTER VIEW @extschema@.crma_benchmarks OWNER TO @extowner@;
ALTER VIEW @extschema@.usgs_net_import_reliance OWNER TO @extowner@;

-- 5. Column comments that changed
COMMENT ON COLUMN @extschema@.production.source IS 'the publication first (e.g. USGS Mineral Commodity Summaries 2026, doi:10.5066/P1WKQ63T), then where the copy was read (file, cell or page)';
COMMENT ON COLUMN @extschema@.reserves.source IS 'the publication first, then where the copy was read; for a statement, who stated it and who reported it';
-- rareearth 0.1.0 -> 0.2.0: the country-score functions (33_geopolrisk.sql,
-- replayed next).  0.1.0's hhi_wgi(mix, governance, trade_factors) stays as
-- it was (users' views over it survive); the form with missing_score is a
-- new four-argument function.
-- ---------------------------------------------------------------------------
-- commodities: the USGS MCS commodities, their names in the data releases,
-- file codes and the canonical unit the loaders store quantities in
-- ---------------------------------------------------------------------------
-- A reference table of the extension (not of the store): it is data of this
-- version, like hs_catalogue, replaced by the extension's own updates, and
-- no loader writes to it.  Generated by tools/gen_commodities.py from the
-- MCS2026 data release (doi:10.5066/P1WKQ63T) and the MCS2023/MCS2024
-- per-commodity file names.
CREATE TABLE @extschema@.commodities (
	name text PRIMARY KEY,
	usgs_chapter text NOT NULL,
	usgs_name text NOT NULL,
	file_codes text[],
	unit text NOT NULL CHECK (unit IN ('t', 'kg', 'carats', 'm3', 'l')),
	usgs_data_unit text,
	UNIQUE (usgs_chapter, usgs_name)
);
COMMENT ON TABLE @extschema@.commodities IS 'the USGS MCS commodities (one per commodity of a chapter''s world table, e.g. bauxite and alumina apart), with the chapter and Commodity names of the MCS2026 data release, the file codes of the per-commodity releases (lithi, cobal, raree, ...) and the canonical unit of stored quantities';
COMMENT ON COLUMN @extschema@.commodities.name IS 'canonical name, the commodity column of production and reserves (lower case: lithium, cobalt, rare earths, ...)';
COMMENT ON COLUMN @extschema@.commodities.usgs_chapter IS 'the MCS chapter (MCS chapter column of the 2026 long table), e.g. BAUXITE AND ALUMINA';
COMMENT ON COLUMN @extschema@.commodities.usgs_name IS 'the Commodity column of its world-table rows, e.g. Bauxite';
COMMENT ON COLUMN @extschema@.commodities.file_codes IS 'codes in the MCS2023/MCS2024 per-commodity file names (mcs2023-lithi_world.csv), NULL when none';
COMMENT ON COLUMN @extschema@.commodities.unit IS 'canonical unit of stored quantities: t (metric tons), kg, carats, m3, l; every published unit is converted to it, so one series never mixes units';
COMMENT ON COLUMN @extschema@.commodities.usgs_data_unit IS 'the chapter''s own statement of its data (Data in ... ), which says what is counted (content, gross weight, REO equivalent, ...)';

INSERT INTO @extschema@.commodities (name, usgs_chapter, usgs_name, file_codes, unit, usgs_data_unit) VALUES
	('abrasives (manufactured)', 'ABRASIVES (MANUFACTURED)', 'Abrasives (Manufactured)', '{abras}', 't', 'metric tons unless otherwise specified'),
	('aluminum', 'ALUMINUM', 'Aluminum', '{alum,alumi}', 't', 'thousand metric tons unless otherwise specified'),
	('antimony', 'ANTIMONY', 'Antimony', '{antim}', 't', 'metric tons, antimony content, unless otherwise specified'),
	('arsenic', 'ARSENIC', 'Arsenic', '{arsen}', 't', 'metric tons, arsenic content unless otherwise specified'),
	('asbestos', 'ASBESTOS', 'Asbestos', '{asbes}', 't', 'metric tons unless otherwise specified'),
	('barite', 'BARITE', 'Barite', '{barit}', 't', 'thousand metric tons unless otherwise specified'),
	('alumina', 'BAUXITE AND ALUMINA', 'Alumina', '{bauxi}', 't', 'thousand metric dry tons unless otherwise specified'),
	('bauxite', 'BAUXITE AND ALUMINA', 'Bauxite', '{bauxi}', 't', 'thousand metric dry tons unless otherwise specified'),
	('beryllium', 'BERYLLIUM', 'Beryllium', '{beryl}', 't', 'metric tons, beryllium content, unless otherwise specified'),
	('bismuth', 'BISMUTH', 'Bismuth', '{bismu}', 't', 'metric tons unless otherwise specified'),
	('boron', 'BORON', 'Boron', '{boron}', 't', 'thousand metric tons unless otherwise specified'),
	('bromine', 'BROMINE', 'Bromine', '{bromi}', 't', 'metric tons, bromine content, unless otherwise specified'),
	('cadmium', 'CADMIUM', 'Cadmium', '{cadmi}', 't', 'metric tons unless otherwise specified'),
	('cement', 'CEMENT', 'Cement', '{cemen}', 't', 'thousand metric tons unless otherwise specified'),
	('cesium', 'CESIUM', 'Cesium', NULL, 't', NULL),
	('chromium', 'CHROMIUM', 'Chromium', '{chrom}', 't', 'thousand metric tons, chromium content, unless otherwise specified'),
	('clays', 'CLAYS', 'Clays', '{clays}', 't', 'thousand metric tons unless otherwise specified'),
	('cobalt', 'COBALT', 'Cobalt', '{cobal}', 't', 'metric tons, cobalt content, unless otherwise specified'),
	('copper', 'COPPER', 'Copper', '{coppe}', 't', 'thousand metric tons, copper content, unless otherwise specified'),
	('diamond (industrial)', 'DIAMOND (INDUSTRIAL)', 'Diamond (Industrial)', '{diamo}', 'carats', 'million carats unless otherwise specified'),
	('diatomite', 'DIATOMITE', 'Diatomite', '{diato}', 't', 'thousand metric tons unless otherwise specified'),
	('feldspar and nepheline syenite', 'FELDSPAR AND NEPHELINE SYENITE', 'Feldspar And Nepheline Syenite', '{felds}', 't', 'thousand metric tons unless otherwise specified'),
	('fluorspar', 'FLUORSPAR', 'Fluorspar', '{fluor}', 't', 'thousand metric tons unless otherwise specified'),
	('gallium', 'GALLIUM', 'Gallium', '{galli}', 'kg', 'kilograms, gallium content, unless otherwise specified'),
	('garnet (industrial)', 'GARNET (INDUSTRIAL)', 'Garnet (Industrial)', '{garne}', 't', 'metric tons unless otherwise specified'),
	('gemstones', 'GEMSTONES', 'Gemstones', '{gemst}', 'carats', 'million dollars unless otherwise specified'),
	('germanium', 'GERMANIUM', 'Germanium', '{germa}', 'kg', 'kilograms, germanium content, unless otherwise specified'),
	('gold', 'GOLD', 'Gold', '{gold}', 't', 'metric tons, gold content, unless otherwise specified'),
	('graphite (natural)', 'GRAPHITE (NATURAL)', 'Graphite (Natural)', '{graph}', 't', 'metric tons unless otherwise specified'),
	('gypsum', 'GYPSUM', 'Gypsum', '{gypsu}', 't', 'thousand metric tons unless otherwise specified'),
	('helium', 'HELIUM AND RARE GASES', 'Helium', '{heliu}', 'm3', 'million cubic meters unless otherwise specified'),
	('neon', 'HELIUM AND RARE GASES', 'Neon', '{heliu}', 'l', 'million cubic meters unless otherwise specified'),
	('krypton', 'HELIUM AND RARE GASES', 'Krypton', '{heliu}', 'l', 'million cubic meters unless otherwise specified'),
	('xenon', 'HELIUM AND RARE GASES', 'Xenon', '{heliu}', 'l', 'million cubic meters unless otherwise specified'),
	('indium', 'INDIUM', 'Indium', '{indiu}', 't', 'metric tons unless otherwise specified'),
	('iodine', 'IODINE', 'Iodine', '{iodin}', 't', 'metric tons, elemental iodine, unless otherwise specified'),
	('iron and steel', 'IRON AND STEEL', 'Iron And Steel', '{feste}', 't', 'million metric tons, metal, unless otherwise specified'),
	('iron and steel scrap', 'IRON AND STEEL SCRAP', 'Iron and Steel Scrap', '{fescr}', 't', 'million metric tons, metal, unless otherwise specified'),
	('iron and steel slag', 'IRON AND STEEL SLAG', 'Iron And Steel Slag', '{fesla}', 't', 'million metric tons unless otherwise specified'),
	('iron ore', 'IRON ORE', 'Iron Ore', '{feore}', 't', 'thousand metric tons, usable ore, unless otherwise specified'),
	('iron oxide pigments', 'IRON OXIDE PIGMENTS', 'Iron Oxide Pigments', '{fepig}', 't', 'metric tons unless otherwise specified'),
	('kyanite and related minerals', 'KYANITE AND RELATED MINERALS', 'Kyanite And Related Minerals', '{kyani}', 't', 'metric tons unless otherwise specified'),
	('lead', 'LEAD', 'Lead', '{lead}', 't', 'thousand metric tons, lead content, unless otherwise specified'),
	('lime', 'LIME', 'Lime', '{lime}', 't', 'thousand metric tons unless otherwise specified'),
	('lithium', 'LITHIUM', 'Lithium', '{lithi}', 't', 'metric tons, lithium content, unless otherwise specified'),
	('magnesium compounds', 'MAGNESIUM COMPOUNDS', 'Magnesium Compounds', '{mgcomp}', 't', 'thousand metric tons, magnesium oxide (MgO) content, unless otherwise specified'),
	('magnesium metal', 'MAGNESIUM METAL', 'Magnesium Metal', '{mgmet}', 't', 'thousand metric tons unless otherwise specified'),
	('manganese', 'MANGANESE', 'Manganese', '{manga}', 't', 'thousand metric tons, gross weight, unless otherwise specified'),
	('mercury', 'MERCURY', 'Mercury', '{mercu}', 't', 'metric tons, mercury content, unless otherwise specified'),
	('mica (natural)', 'MICA (NATURAL)', 'Mica (Natural)', '{mica}', 't', 'metric tons unless otherwise specified'),
	('molybdenum', 'MOLYBDENUM', 'Molybdenum', '{molyb}', 't', 'metric tons, molybdenum content, unless otherwise specified'),
	('nickel', 'NICKEL', 'Nickel', '{nicke}', 't', 'metric tons, nickel content, unless otherwise specified'),
	('niobium (columbium)', 'NIOBIUM (COLUMBIUM)', 'Niobium (Columbium)', '{niobi}', 't', 'metric tons, niobium content, unless otherwise specified'),
	('nitrogen (fixed) ammonia', 'NITROGEN (FIXED)—AMMONIA', 'Nitrogen (Fixed)—Ammonia', '{nitro}', 't', 'thousand metric tons, nitrogen content, unless otherwise specified'),
	('peat', 'PEAT', 'Peat', '{peat}', 't', 'thousand metric tons unless otherwise specified'),
	('perlite', 'PERLITE', 'Perlite', '{perli}', 't', 'thousand metric tons unless otherwise specified'),
	('phosphate rock', 'PHOSPHATE ROCK', 'Phosphate Rock', '{phosp}', 't', 'thousand metric tons, marketable phosphate rock, unless otherwise specified'),
	('palladium', 'PLATINUM-GROUP METALS', 'Palladium', '{plati}', 'kg', 'kilograms, platinum-group-metal (PGM) content, unless otherwise specified'),
	('platinum', 'PLATINUM-GROUP METALS', 'Platinum', '{plati}', 'kg', 'kilograms, platinum-group-metal (PGM) content, unless otherwise specified'),
	('platinum-group metals', 'PLATINUM-GROUP METALS', 'Platinum-Group Metals', '{plati}', 'kg', 'kilograms, platinum-group-metal (PGM) content, unless otherwise specified'),
	('potash', 'POTASH', 'Potash', '{potas}', 't', 'thousand metric tons, potassium oxide (K2O) equivalent, unless otherwise specified'),
	('pumice and pumicite', 'PUMICE AND PUMICITE', 'Pumice And Pumicite', '{pumic}', 't', 'thousand metric tons unless otherwise specified'),
	('quartz (high-purity and industrial cultured crystal)', 'QUARTZ (High-purity and Industrial Cultured CRYSTAL)', 'Quartz (High-Purity and Industrial Cultured Crystal)', '{quartz}', 't', 'metric tons unless otherwise specified'),
	('rare earths', 'RARE EARTHS', 'Rare Earths', '{raree}', 't', 'metric tons, rare-earth-oxide (REO) equivalent, unless otherwise specified'),
	('rare earths (heavy)', 'RARE EARTHS (Heavy)', 'Rare Earths (Heavy)', NULL, 't', 'metric tons, rare-earth-oxide (REO) equivalent, unless otherwise specified'),
	('rhenium', 'RHENIUM', 'Rhenium', '{rheni}', 'kg', 'kilograms, rhenium content, unless otherwise specified'),
	('rubidium', 'RUBIDIUM', 'Rubidium', NULL, 't', NULL),
	('salt', 'SALT', 'Salt', '{salt}', 't', 'thousand metric tons unless otherwise specified'),
	('sand and gravel (construction)', 'SAND AND GRAVEL (CONSTRUCTION)', 'Sand And Gravel (Construction)', '{sandc}', 't', 'million metric tons unless otherwise specified'),
	('sand and gravel (industrial)', 'SAND AND GRAVEL (INDUSTRIAL)', 'Sand And Gravel (Industrial)', '{sandi}', 't', 'thousand metric tons unless otherwise specified'),
	('scandium', 'SCANDIUM', 'Scandium', '{scand,scandi}', 't', 'metric tons, scandium oxide equivalent, unless otherwise specified'),
	('selenium', 'SELENIUM', 'Selenium', '{selen}', 't', 'metric tons, selenium content, unless otherwise specified'),
	('silicon', 'SILICON', 'Silicon', '{simet}', 't', 'thousand metric tons, silicon content, unless otherwise specified'),
	('silver', 'SILVER', 'Silver', '{silve}', 't', 'metric tons, silver content, unless otherwise specified'),
	('soda ash', 'SODA ASH', 'Soda Ash', '{sodaa}', 't', 'thousand metric tons unless otherwise specified'),
	('stone (crushed)', 'STONE (CRUSHED)', 'Stone (Crushed)', '{stonec}', 't', 'million metric tons unless otherwise specified'),
	('stone (dimension)', 'STONE (DIMENSION)', 'Stone (Dimension)', '{stond}', 't', 'thousand metric tons unless otherwise specified'),
	('strontium', 'STRONTIUM', 'Strontium', '{stron}', 't', 'metric tons, strontium content, unless otherwise specified'),
	('sulfur', 'SULFUR', 'Sulfur', '{sulfu}', 't', 'thousand metric tons, sulfur content, unless otherwise specified'),
	('talc and pyrophyllite', 'TALC AND PYROPHYLLITE', 'Talc And Pyrophyllite', '{talc}', 't', 'thousand metric tons unless otherwise specified'),
	('tantalum', 'TANTALUM', 'Tantalum', '{tanta}', 't', 'metric tons, tantalum content, unless otherwise specified'),
	('tellurium', 'TELLURIUM', 'Tellurium', '{tellu}', 't', 'metric tons, tellurium content, unless otherwise specified'),
	('thallium', 'THALLIUM', 'Thallium', '{thall,thalli}', 'kg', 'kilograms unless otherwise specified'),
	('thorium', 'THORIUM', 'Thorium', '{thori}', 'kg', 'kilograms unless otherwise specified'),
	('tin', 'TIN', 'Tin', '{tin}', 't', 'metric tons, tin content, unless otherwise specified'),
	('titanium sponge metal', 'TITANIUM AND TITANIUM DIOXIDE', 'Titanium Sponge Metal', '{titan}', 't', 'metric tons unless otherwise specified'),
	('tio2 pigment', 'TITANIUM AND TITANIUM DIOXIDE', 'Tio2 Pigment', '{titan}', 't', 'metric tons unless otherwise specified'),
	('titanium mineral concentrates', 'TITANIUM MINERAL CONCENTRATES', 'Titanium Mineral Concentrates', '{timin}', 't', 'thousand metric tons, titanium dioxide (TiO2) content, unless otherwise specified'),
	('tungsten', 'TUNGSTEN', 'Tungsten', '{tungs}', 't', 'metric tons, tungsten content, unless otherwise specified'),
	('vanadium', 'VANADIUM', 'Vanadium', '{vanad}', 't', 'metric tons, vanadium content, unless otherwise specified'),
	('vermiculite', 'VERMICULITE', 'Vermiculite', '{vermi}', 't', 'thousand metric tons unless otherwise specified'),
	('wollastonite', 'WOLLASTONITE', 'Wollastonite', '{wolla}', 't', 'metric tons unless otherwise specified'),
	('yttrium', 'YTTRIUM', 'Yttrium', '{yttri}', 't', 'metric tons, yttrium oxide (Y2O3) equivalent, unless otherwise specified'),
	('zeolites (natural)', 'ZEOLITES (NATURAL)', 'Zeolites (Natural)', '{zeoli}', 't', 'metric tons unless otherwise specified'),
	('zinc', 'ZINC', 'Zinc', '{zinc}', 't', 'thousand metric tons, zinc content, unless otherwise specified'),
	('zirconium', 'ZIRCONIUM AND HAFNIUM', 'Zirconium', '{zirco,zirco-hafni}', 't', 'metric tons unless otherwise specified');

-- usgs_unit_factor(published, canonical): what a quantity printed in a USGS
-- unit (metric tons, thousand metric tons, kilograms, million carats, ...) is
-- multiplied by to be in the canonical unit; NULL when the two do not measure
-- the same thing (e.g. percent or dollars against t).
CREATE FUNCTION @extschema@.usgs_unit_factor(published text, canonical text) RETURNS float8
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	SELECT p.f / c.f
	FROM (VALUES ('metric tons', 'kg', 1000::float8), ('tons', 'kg', 1000), ('thousand metric tons', 'kg', 1e6),
	             ('thousand metric dry tons', 'kg', 1e6), ('million metric tons', 'kg', 1e9), ('kilograms', 'kg', 1),
	             ('carats', 'carats', 1), ('thousands of carats', 'carats', 1e3), ('million carats', 'carats', 1e6),
	             ('million cubic meters', 'm3', 1e6), ('million liters', 'l', 1e6)) p (unit, base, f)
	JOIN (VALUES ('t', 'kg', 1000::float8), ('kg', 'kg', 1), ('carats', 'carats', 1), ('m3', 'm3', 1), ('l', 'l', 1)) c (unit, base, f)
	  ON c.base = p.base
	WHERE p.unit = lower(btrim(replace(published, U&'\00A0', ' '))) AND c.unit = canonical;
END;
COMMENT ON FUNCTION @extschema@.usgs_unit_factor(text, text) IS
	'the factor that converts a quantity printed in a USGS unit (metric tons, thousand metric tons, million metric tons, thousand metric dry tons, kilograms, carats, thousands of carats, million carats, million cubic meters, million liters) into a canonical unit (t, kg, carats, m3, l); NULL when they measure different things';
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
CREATE FUNCTION @extschema@.hhi_wgi(@extschema@.supply_mix, governance jsonb, trade_factors jsonb,
	missing_score float8) RETURNS float8
	AS 'MODULE_PATHNAME', 're_sql_hhi_wgi' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.hhi_wgi(@extschema@.supply_mix, jsonb, jsonb, float8) IS
	'HHI-WGI sum s_c^2 * WGI_c * t_c, shares as fractions, WGI on the 0-10 scale from governance, t_c from trade_factors (1 when absent) (JRC 2017); a supplier with quantity > 0 and no score takes missing_score, or is an error when missing_score is NULL; NULL for a zero total';

CREATE FUNCTION @extschema@.weighted_score(mix @extschema@.supply_mix, scores jsonb, missing_score float8 DEFAULT NULL)
	RETURNS float8
	AS 'MODULE_PATHNAME', 're_sql_weighted_score' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.weighted_score(@extschema@.supply_mix, jsonb, float8) IS
	'share-weighted country score sum s_i * x_i, s_i the shares as fractions, x_i from scores (the country score GeoPolRisk, ESSENZ and SCARCE-style assessments build on); a supplier with quantity > 0 and no score takes missing_score, or is an error when missing_score is NULL; NULL for a zero total';

CREATE FUNCTION @extschema@.geopolrisk(production @extschema@.supply_mix, imports @extschema@.supply_mix,
	importer text, stability jsonb, price float8 DEFAULT NULL, missing_score float8 DEFAULT NULL,
	region text[] DEFAULT NULL,
	OUT hhi float8, OUT import_risk float8, OUT score float8, OUT midpoint float8, OUT cf float8)
	AS 'MODULE_PATHNAME', 're_sql_geopolrisk' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.geopolrisk(@extschema@.supply_mix, @extschema@.supply_mix, text, jsonb, float8, float8, text[]) IS
	'GeoPolRisk (geopolrisk-py src/geopolrisk/assessment/core.py, Koyamparambath et al. 2024): hhi = sum P_i^2 / (sum P_i)^2 over production (0-1; hhi(mix) / 10000, not hhi_normalized); import_risk = sum f_i g_i / (F + P_c), f_i imports by partner, F their sum, P_c the production of the importer and of the region members, g_i the stability score (0-1) from stability, 0 for the importer and region members (the regional variant), missing_score for an unscored partner (error when NULL); import_risk 0 when F + P_c = 0 (as core.py); score = hhi * import_risk; midpoint = score * price (USD/kg); cf = midpoint / 0.409412948 (copper, kg Cu-eq/kg); midpoint and cf NULL without a price';

CREATE FUNCTION @extschema@.governance_scores(indicator text, from_year int, to_year int) RETURNS jsonb
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
	FROM (SELECT country, avg(CASE indicator WHEN 'eu' THEN wgi_scaled WHEN 'geopolrisk' THEN geopolrisk_score
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
	'{country: score} from the store''s governance table, each country''s mean over the years from_year to to_year that have the indicator (the EU CRM 2023 used five-year means, 2016-2020): eu = wgi_scaled, (2.5 - mean of the six WGI) * 2 on 0-10 (for hhi_wgi); geopolrisk = (2.5 - pv) / 5 on 0-1 (for geopolrisk); wgi_mean, va, pv, ge, rq, rl, cc the WGI estimates; an error for another indicator';
-- ---------------------------------------------------------------------------
-- Country groups by year (the store's country_groups table: the EU, OECD,
-- G7 and BRICS shipped with their sources, and the user's own groups).
-- ---------------------------------------------------------------------------

CREATE FUNCTION @extschema@.group_members(group_name text, year int) RETURNS SETOF @extschema@.country
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE ROWS 40
SET search_path = pg_catalog, pg_temp
AS $members$
BEGIN
	PERFORM @extschema@.guard_store(ARRAY['country_groups'], 'r'::pg_catalog."char");
	-- a misspelt group would otherwise read as "no member"
	PERFORM FROM @extschema@.country_groups g WHERE g.group_name = group_members.group_name;
	IF NOT FOUND THEN
		RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
			MESSAGE = format('unknown country group "%s"', group_name),
			HINT = 'Groups are the group_name values of rareearth.country_groups (shipped: EU, OECD, G7, BRICS); add your own as rows.';
	END IF;
	RETURN QUERY
	SELECT DISTINCT g.country FROM @extschema@.country_groups g
	WHERE g.group_name = group_members.group_name AND g.from_year <= group_members.year
	  AND (g.to_year IS NULL OR g.to_year >= group_members.year);
END
$members$;
COMMENT ON FUNCTION @extschema@.group_members(text, int) IS
	'the members of the group on 31 December of the year (from_year <= year <= to_year in country_groups), each once; an error (22023) for a group with no row';

CREATE FUNCTION @extschema@.in_group(country @extschema@.country, group_name text, year int) RETURNS bool
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $in_group$
BEGIN
	RETURN EXISTS (SELECT FROM @extschema@.group_members(in_group.group_name, in_group.year) m (c)
	               WHERE m.c OPERATOR(@extschema@.=) in_group.country);
END
$in_group$;
COMMENT ON FUNCTION @extschema@.in_group(@extschema@.country, text, int) IS
	'true when the country is a member of the group on 31 December of the year (group_members); an error for a group with no row';

CREATE FUNCTION @extschema@.group_share(mix @extschema@.supply_mix, group_name text, year int) RETURNS float8
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $group_share$
DECLARE
	members float8;
	total float8 := @extschema@.total(mix);
BEGIN
	SELECT coalesce(sum(@extschema@.quantity(mix, @extschema@.iso3(m.c))), 0) INTO members
	FROM @extschema@.group_members(group_share.group_name, group_share.year) m (c);
	IF NOT total > 0 THEN
		RETURN NULL;
	END IF;
	RETURN members / total;
END
$group_share$;
COMMENT ON FUNCTION @extschema@.group_share(@extschema@.supply_mix, text, int) IS
	'share of the mix supplied by the group''s members in the year, sum of q_i over group_members / total (suppliers keyed by ISO alpha-3 code, as iso3(country) gives); 0 when no member supplies; NULL for a zero total; an error for a group with no row';
-- ---------------------------------------------------------------------------
-- trade_network: origin tracing through the trade network (issue 23).
-- Kastner, Kastner, Erb & Krausmann (2011), Ecological Economics 70(6)
-- 1032, doi:10.1016/j.ecolecon.2011.01.012: x = p + imports, d = x - exports,
-- O = diag(p) (diag(x) - Z)^-1 diag(d); O[i, j] is the quantity produced in
-- i that is used in j, under proportional pooling (each country's exports
-- carry the origin mix of its whole supply).  Math: src/core/origin.c.
-- A row whose exporter is its importer is that country's production.
-- ---------------------------------------------------------------------------

CREATE TYPE @extschema@.trade_network;

CREATE FUNCTION @extschema@.trade_network_in(cstring) RETURNS @extschema@.trade_network
	AS 'MODULE_PATHNAME', 'trade_network_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.trade_network_out(@extschema@.trade_network) RETURNS cstring
	AS 'MODULE_PATHNAME', 'trade_network_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.trade_network_recv(internal) RETURNS @extschema@.trade_network
	AS 'MODULE_PATHNAME', 'trade_network_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.trade_network_send(@extschema@.trade_network) RETURNS bytea
	AS 'MODULE_PATHNAME', 'trade_network_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.trade_network (
	INPUT = @extschema@.trade_network_in,
	OUTPUT = @extschema@.trade_network_out,
	RECEIVE = @extschema@.trade_network_recv,
	SEND = @extschema@.trade_network_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = int4,
	STORAGE = extended
);
COMMENT ON TYPE @extschema@.trade_network IS
	'production and bilateral flows of one commodity, stage and year in one unit; text form {"CHN": {"CHN": 126, "JPN": 50}, "JPN": {"DEU": 10}} (exporter: {importer: quantity}, the exporter itself for its production)';
COMMENT ON FUNCTION @extschema@.trade_network_in(cstring) IS 'text input of trade_network (a JSON object of exporter: {importer: quantity}; the exporter as its own importer is its production)';
COMMENT ON FUNCTION @extschema@.trade_network_out(@extschema@.trade_network) IS 'text output of trade_network (exporters and importers in canonical order, shortest round-trip numbers)';
COMMENT ON FUNCTION @extschema@.trade_network_recv(internal) IS 'binary input of trade_network (version byte first)';
COMMENT ON FUNCTION @extschema@.trade_network_send(@extschema@.trade_network) IS 'binary output of trade_network (version byte first)';

CREATE FUNCTION @extschema@.trade_network_to_jsonb(@extschema@.trade_network) RETURNS jsonb
	AS 'MODULE_PATHNAME', 'trade_network_to_jsonb' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.trade_network_to_jsonb(@extschema@.trade_network) IS 'the trade network as a jsonb object of exporter: {importer: quantity}';
CREATE CAST (@extschema@.trade_network AS jsonb) WITH FUNCTION @extschema@.trade_network_to_jsonb(@extschema@.trade_network);
COMMENT ON CAST (@extschema@.trade_network AS jsonb) IS 'a trade network as a jsonb object of exporter: {importer: quantity}';

CREATE FUNCTION @extschema@.trade_network_eq(@extschema@.trade_network, @extschema@.trade_network) RETURNS bool
	AS 'MODULE_PATHNAME', 'trade_network_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.trade_network_eq(@extschema@.trade_network, @extschema@.trade_network) IS 'true when both networks have the same countries, production and flows';
CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.trade_network, RIGHTARG = @extschema@.trade_network,
	FUNCTION = @extschema@.trade_network_eq, COMMUTATOR = OPERATOR(@extschema@.=),
	RESTRICT = eqsel, JOIN = eqjoinsel
);
COMMENT ON OPERATOR @extschema@.= (@extschema@.trade_network, @extschema@.trade_network) IS 'same countries, production and flows';

-- aggregate support: the state is a supply_mix state keyed by
-- exporter and importer, so combine, serialize and deserialize are
-- supply_mix's (src/trade_network.c) ----------------------------------------

CREATE FUNCTION @extschema@.trade_network_trans(internal, text, text, float8) RETURNS internal
	AS 'MODULE_PATHNAME', 'trade_network_trans' LANGUAGE C PARALLEL SAFE;
CREATE FUNCTION @extschema@.trade_network_trans(internal, text, text, numeric) RETURNS internal
	AS 'MODULE_PATHNAME', 'trade_network_trans_numeric' LANGUAGE C PARALLEL SAFE;
CREATE FUNCTION @extschema@.trade_network_rollup_trans(internal, @extschema@.trade_network) RETURNS internal
	AS 'MODULE_PATHNAME', 'trade_network_rollup_trans' LANGUAGE C PARALLEL SAFE;
CREATE FUNCTION @extschema@.trade_network_final(internal) RETURNS @extschema@.trade_network
	AS 'MODULE_PATHNAME', 'trade_network_final' LANGUAGE C PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.trade_network_trans(internal, text, text, float8) IS 'trade_network aggregate transition (exporter, importer, float8 quantity)';
COMMENT ON FUNCTION @extschema@.trade_network_trans(internal, text, text, numeric) IS 'trade_network aggregate transition (exporter, importer, numeric quantity)';
COMMENT ON FUNCTION @extschema@.trade_network_rollup_trans(internal, @extschema@.trade_network) IS 'rollup(trade_network) transition: adds a network''s production and flows into the state';
COMMENT ON FUNCTION @extschema@.trade_network_final(internal) IS 'trade_network aggregate final function (the empty network for no rows)';

CREATE AGGREGATE @extschema@.trade_network(exporter text, importer text, quantity float8) (
	SFUNC = @extschema@.trade_network_trans, STYPE = internal, SSPACE = 120,
	COMBINEFUNC = @extschema@.supply_mix_combine,
	SERIALFUNC = @extschema@.supply_mix_serialize,
	DESERIALFUNC = @extschema@.supply_mix_deserialize,
	FINALFUNC = @extschema@.trade_network_final,
	PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.trade_network(exporter text, importer text, quantity numeric) (
	SFUNC = @extschema@.trade_network_trans, STYPE = internal, SSPACE = 120,
	COMBINEFUNC = @extschema@.supply_mix_combine,
	SERIALFUNC = @extschema@.supply_mix_serialize,
	DESERIALFUNC = @extschema@.supply_mix_deserialize,
	FINALFUNC = @extschema@.trade_network_final,
	PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.rollup(@extschema@.trade_network) (
	SFUNC = @extschema@.trade_network_rollup_trans, STYPE = internal, SSPACE = 120,
	COMBINEFUNC = @extschema@.supply_mix_combine,
	SERIALFUNC = @extschema@.supply_mix_serialize,
	DESERIALFUNC = @extschema@.supply_mix_deserialize,
	FINALFUNC = @extschema@.trade_network_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.trade_network(text, text, float8) IS 'a trade network from flow rows (exporter, importer, quantity) and production rows (country, country, quantity); quantities of the same pair added; NULL exporter, importer or quantity skipped; negative or non-finite quantity is an error';
COMMENT ON AGGREGATE @extschema@.trade_network(text, text, numeric) IS 'a trade network from flow and production rows, numeric quantities';
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.trade_network) IS 'adds trade networks: production and flows pair by pair (shards, months into a year)';

-- accessors -------------------------------------------------------------------

CREATE FUNCTION @extschema@.domestic_use(@extschema@.trade_network, country text) RETURNS float8
	AS 'MODULE_PATHNAME', 'trade_network_domestic_use' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.traced_origin(@extschema@.trade_network, country text) RETURNS @extschema@.supply_mix
	AS 'MODULE_PATHNAME', 'trade_network_traced_origin' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.direct_origin(@extschema@.trade_network, country text) RETURNS @extschema@.supply_mix
	AS 'MODULE_PATHNAME', 'trade_network_direct_origin' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.origin_flows(@extschema@.trade_network,
	OUT origin text, OUT destination text, OUT quantity float8, OUT share float8) RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'trade_network_origin_flows' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 200;
CREATE FUNCTION @extschema@.disruption(@extschema@.trade_network, supplier text, cut float8,
	OUT country text, OUT use_before float8, OUT use_after float8, OUT shortfall float8,
	OUT shortfall_share float8, OUT direct_shortfall float8) RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'trade_network_disruption' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 200;
CREATE FUNCTION @extschema@.network_adjustments(@extschema@.trade_network,
	OUT country text, OUT reported_exports float8, OUT traced_exports float8, OUT adjustment float8,
	OUT share_of_world_trade float8) RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'trade_network_adjustments' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 10;

COMMENT ON FUNCTION @extschema@.domestic_use(@extschema@.trade_network, text) IS 'd = production + imports - exports of the country after the imbalance rule (Kastner et al. 2011); 0 for a country not in the network';
COMMENT ON FUNCTION @extschema@.traced_origin(@extschema@.trade_network, text) IS 'where the country''s use was produced: column j of O = diag(p) (diag(x) - Z)^-1 diag(d) (Kastner et al. 2011, doi:10.1016/j.ecolecon.2011.01.012) as a supply_mix totalling its use; assumes proportional pooling (exports carry the origin mix of the whole supply)';
COMMENT ON FUNCTION @extschema@.direct_origin(@extschema@.trade_network, text) IS 'the country''s use by direct source: own production and imports by partner, scaled by d/x to total its use (proportional pooling), as a supply_mix beside traced_origin';
COMMENT ON FUNCTION @extschema@.origin_flows(@extschema@.trade_network) IS 'every entry O[i, j] > 0 of O = diag(p) (diag(x) - Z)^-1 diag(d) (Kastner et al. 2011): origin, destination, quantity, share of the destination''s use; assumes proportional pooling';
COMMENT ON FUNCTION @extschema@.disruption(@extschema@.trade_network, text, float8) IS 'what-if: the supplier cuts its exports by the fraction cut (0-1), every export share held fixed, the network re-solved (x = p + a''x, Kastner et al. 2011 algebra): use before and after, shortfall, its share of use (NULL for no use), and the direct-only shortfall cut x imports from the supplier (for the supplier, -cut x its exports)';
COMMENT ON FUNCTION @extschema@.network_adjustments(@extschema@.trade_network) IS 'the countries whose exports the imbalance rule scaled down (exports beyond production + imports are scaled to supply, as FABIO does, Bruckner et al. 2019, and the partners downstream follow with shares fixed): reported and traced exports, the adjustment and its share of all reported flows';
-- ---------------------------------------------------------------------------
-- Which parts of the performance layer this build uses on this server.  The
-- state pool and the prefetch read PostgreSQL's hash aggregation internals,
-- so they are on only for the major versions whose layout was checked
-- (src/pg_compat.h); elsewhere they switch themselves off and this says so.
-- ---------------------------------------------------------------------------
CREATE FUNCTION @extschema@.performance_layers(OUT layer text, OUT active boolean, OUT used bigint)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 're_sql_performance_layers' LANGUAGE C VOLATILE PARALLEL RESTRICTED;
COMMENT ON FUNCTION @extschema@.performance_layers() IS
	'the performance layers (state pool: small aggregate states cut from blocks of a hashed aggregation''s memory; prefetch: final functions fetching the next groups'' memory ahead of the hash table walk): whether each is active with this PostgreSQL version, and how often it acted in this session (pool: states served; prefetch: final calls that looked ahead)';
-- ---------------------------------------------------------------------------
-- Staging: downloaded files are copied into a staging table of the session
-- ---------------------------------------------------------------------------
-- Each record type below is the layout of one downloaded file.  stage(source)
-- creates the session's own staging table of that type (a temporary table,
-- pg_temp.<source>_raw), so two sessions loading at once never see, load or
-- delete each other's rows (a shared staging table lost rows that way).
-- Every column is text: a downloaded file always copies in (no cast can fail
-- during \copy) and each loader validates and converts the values, sending
-- what it cannot use to load_rejects with the reason.

-- UN Comtrade API v1 records, the 47 columns in the order of the API's CSV
-- and bulk files (comtradeapi.un.org, "data/v1/get" and the public preview;
-- the order is that of the downloaded header line), so that
--   SELECT rareearth.stage('comtrade');
--   \copy pg_temp.comtrade_raw FROM 'file.csv' WITH (FORMAT csv, HEADER match)
-- checks the header and loads the file as downloaded.
CREATE TYPE @extschema@.comtrade_record AS (
	"typeCode" text,
	"freqCode" text,
	"refPeriodId" text,
	"refYear" text,
	"refMonth" text,
	"period" text,
	"reporterCode" text,
	"reporterISO" text,
	"reporterDesc" text,
	"flowCode" text,
	"flowDesc" text,
	"partnerCode" text,
	"partnerISO" text,
	"partnerDesc" text,
	"partner2Code" text,
	"partner2ISO" text,
	"partner2Desc" text,
	"classificationCode" text,
	"classificationSearchCode" text,
	"isOriginalClassification" text,
	"cmdCode" text,
	"cmdDesc" text,
	"aggrLevel" text,
	"isLeaf" text,
	"customsCode" text,
	"customsDesc" text,
	"mosCode" text,
	"motCode" text,
	"motDesc" text,
	"qtyUnitCode" text,
	"qtyUnitAbbr" text,
	"qty" text,
	"isQtyEstimated" text,
	"altQtyUnitCode" text,
	"altQtyUnitAbbr" text,
	"altQty" text,
	"isAltQtyEstimated" text,
	"netWgt" text,
	"isNetWgtEstimated" text,
	"grossWgt" text,
	"isGrossWgtEstimated" text,
	"cifvalue" text,
	"fobvalue" text,
	"primaryValue" text,
	"legacyEstimationFlag" text,
	"isReported" text,
	"isAggregate" text
);
COMMENT ON TYPE @extschema@.comtrade_record IS 'layout of a UN Comtrade API v1 download (47 columns in the API''s order, all text): the row type of the session''s staging table pg_temp.comtrade_raw made by stage(''comtrade''), which load_comtrade() moves into trade_flow';
COMMENT ON COLUMN @extschema@.comtrade_record."typeCode" IS 'C goods, S services (only C is loaded)';
COMMENT ON COLUMN @extschema@.comtrade_record."freqCode" IS 'A annual, M monthly';
COMMENT ON COLUMN @extschema@.comtrade_record."refPeriodId" IS 'period as a date yyyymmdd';
COMMENT ON COLUMN @extschema@.comtrade_record."refYear" IS 'reference year';
COMMENT ON COLUMN @extschema@.comtrade_record."refMonth" IS 'reference month 1-12; 52 for annual records';
COMMENT ON COLUMN @extschema@.comtrade_record."period" IS 'period as printed: yyyy or yyyymm';
COMMENT ON COLUMN @extschema@.comtrade_record."reporterCode" IS 'UN Comtrade reporter code (M49-based)';
COMMENT ON COLUMN @extschema@.comtrade_record."reporterISO" IS 'reporter ISO 3166-1 alpha-3 (empty when descriptions were not requested)';
COMMENT ON COLUMN @extschema@.comtrade_record."reporterDesc" IS 'reporter name';
COMMENT ON COLUMN @extschema@.comtrade_record."flowCode" IS 'M import, X export, RM re-import, RX re-export (others are not loaded)';
COMMENT ON COLUMN @extschema@.comtrade_record."flowDesc" IS 'flow name';
COMMENT ON COLUMN @extschema@.comtrade_record."partnerCode" IS 'UN Comtrade partner code; 0 = World';
COMMENT ON COLUMN @extschema@.comtrade_record."partnerISO" IS 'partner alpha-3 or a pseudo code such as W00';
COMMENT ON COLUMN @extschema@.comtrade_record."partnerDesc" IS 'partner name';
COMMENT ON COLUMN @extschema@.comtrade_record."partner2Code" IS 'second partner (consignment); 0 = World, the only breakdown loaded';
COMMENT ON COLUMN @extschema@.comtrade_record."partner2ISO" IS 'second partner alpha-3';
COMMENT ON COLUMN @extschema@.comtrade_record."partner2Desc" IS 'second partner name';
COMMENT ON COLUMN @extschema@.comtrade_record."classificationCode" IS 'HS edition as reported: H0 (HS1992) ... H6 (HS2022)';
COMMENT ON COLUMN @extschema@.comtrade_record."classificationSearchCode" IS 'classification family (HS)';
COMMENT ON COLUMN @extschema@.comtrade_record."isOriginalClassification" IS 'true when reported in this classification';
COMMENT ON COLUMN @extschema@.comtrade_record."cmdCode" IS 'commodity code (HS 2, 4 or 6 digits, or TOTAL)';
COMMENT ON COLUMN @extschema@.comtrade_record."cmdDesc" IS 'commodity description';
COMMENT ON COLUMN @extschema@.comtrade_record."aggrLevel" IS 'number of digits of the commodity code';
COMMENT ON COLUMN @extschema@.comtrade_record."isLeaf" IS 'true for the most detailed code';
COMMENT ON COLUMN @extschema@.comtrade_record."customsCode" IS 'customs procedure; C00 = total, the only breakdown loaded';
COMMENT ON COLUMN @extschema@.comtrade_record."customsDesc" IS 'customs procedure name';
COMMENT ON COLUMN @extschema@.comtrade_record."mosCode" IS 'mode of supply (services)';
COMMENT ON COLUMN @extschema@.comtrade_record."motCode" IS 'mode of transport; 0 = total, the only breakdown loaded';
COMMENT ON COLUMN @extschema@.comtrade_record."motDesc" IS 'mode of transport name';
COMMENT ON COLUMN @extschema@.comtrade_record."qtyUnitCode" IS 'unit of qty; -1 = not available';
COMMENT ON COLUMN @extschema@.comtrade_record."qtyUnitAbbr" IS 'unit of qty, abbreviated';
COMMENT ON COLUMN @extschema@.comtrade_record."qty" IS 'quantity in qtyUnitCode units';
COMMENT ON COLUMN @extschema@.comtrade_record."isQtyEstimated" IS 'true when UN Comtrade estimated qty';
COMMENT ON COLUMN @extschema@.comtrade_record."altQtyUnitCode" IS 'unit of altQty';
COMMENT ON COLUMN @extschema@.comtrade_record."altQtyUnitAbbr" IS 'unit of altQty, abbreviated';
COMMENT ON COLUMN @extschema@.comtrade_record."altQty" IS 'alternative quantity';
COMMENT ON COLUMN @extschema@.comtrade_record."isAltQtyEstimated" IS 'true when altQty was estimated';
COMMENT ON COLUMN @extschema@.comtrade_record."netWgt" IS 'net weight, kg';
COMMENT ON COLUMN @extschema@.comtrade_record."isNetWgtEstimated" IS 'true when UN Comtrade estimated the net weight';
COMMENT ON COLUMN @extschema@.comtrade_record."grossWgt" IS 'gross weight, kg';
COMMENT ON COLUMN @extschema@.comtrade_record."isGrossWgtEstimated" IS 'true when the gross weight was estimated';
COMMENT ON COLUMN @extschema@.comtrade_record."cifvalue" IS 'CIF value, US dollars';
COMMENT ON COLUMN @extschema@.comtrade_record."fobvalue" IS 'FOB value, US dollars';
COMMENT ON COLUMN @extschema@.comtrade_record."primaryValue" IS 'the value UN Comtrade publishes for the flow, US dollars (CIF for most imports, FOB for exports)';
COMMENT ON COLUMN @extschema@.comtrade_record."legacyEstimationFlag" IS 'estimation flag of the legacy Comtrade';
COMMENT ON COLUMN @extschema@.comtrade_record."isReported" IS 'true when the record was reported, not derived';
COMMENT ON COLUMN @extschema@.comtrade_record."isAggregate" IS 'true when UN Comtrade aggregated the record';

-- CEPII BACI (www.cepii.fr/CEPII/en/bdd_modele/bdd_modele_item.asp?id=37):
-- one CSV per year, header t,i,j,k,v,q; v in thousands of US dollars FOB, q
-- in metric tons; missing quantities are printed NA (padded with spaces).
CREATE TYPE @extschema@.baci_record AS (
	t text,
	i text,
	j text,
	k text,
	v text,
	q text
);
COMMENT ON TYPE @extschema@.baci_record IS 'layout of a CEPII BACI file (t,i,j,k,v,q, all text): the row type of the session''s staging table pg_temp.baci_raw made by stage(''baci''), which load_baci(release) moves into trade_flow';
COMMENT ON COLUMN @extschema@.baci_record.t IS 'year';
COMMENT ON COLUMN @extschema@.baci_record.i IS 'exporter, BACI country code';
COMMENT ON COLUMN @extschema@.baci_record.j IS 'importer, BACI country code';
COMMENT ON COLUMN @extschema@.baci_record.k IS 'product, HS 6-digit code (text: leading zeros matter)';
COMMENT ON COLUMN @extschema@.baci_record.v IS 'value, thousands of US dollars, FOB';
COMMENT ON COLUMN @extschema@.baci_record.q IS 'quantity, metric tons (NA when unknown)';

-- USGS Mineral Commodity Summaries data release, one long CSV for all
-- commodities (format A of data/usgs/usgs_mcs_format.md; the 2026 edition,
-- doi:10.5066/P1WKQ63T).  The file is Windows-1252:
--   SELECT rareearth.stage('usgs_mcs');
--   \copy pg_temp.usgs_mcs_raw FROM 'mcs2026.csv' CSV HEADER ENCODING 'WIN1252'
CREATE TYPE @extschema@.usgs_mcs_record AS (
	"MCS chapter" text,
	"Section" text,
	"Commodity" text,
	"Country" text,
	"Statistics" text,
	"Statistics_detail" text,
	"Unit" text,
	"Year" text,
	"Value" text,
	"Notes" text,
	"Is critical mineral 2025" text,
	"Other notes" text
);
COMMENT ON TYPE @extschema@.usgs_mcs_record IS 'layout of the USGS MCS data-release CSV (12 columns, all text; read it with ENCODING ''WIN1252''): the row type of the session''s staging table pg_temp.usgs_mcs_raw made by stage(''usgs_mcs''), which load_usgs_mcs(edition) moves into production and reserves';
COMMENT ON COLUMN @extschema@.usgs_mcs_record."MCS chapter" IS 'chapter, e.g. RARE EARTHS';
COMMENT ON COLUMN @extschema@.usgs_mcs_record."Section" IS 'table of the chapter, e.g. World Mine Production and Reserves';
COMMENT ON COLUMN @extschema@.usgs_mcs_record."Commodity" IS 'commodity of the row (element names for prices)';
COMMENT ON COLUMN @extschema@.usgs_mcs_record."Country" IS 'USGS country name; World total and Other countries are rows too';
COMMENT ON COLUMN @extschema@.usgs_mcs_record."Statistics" IS 'statistic, e.g. Production, Reserves';
COMMENT ON COLUMN @extschema@.usgs_mcs_record."Statistics_detail" IS 'detail, e.g. Mine production, Reserves: rounded';
COMMENT ON COLUMN @extschema@.usgs_mcs_record."Unit" IS 'unit, e.g. metric tons, percent';
COMMENT ON COLUMN @extschema@.usgs_mcs_record."Year" IS 'year, or a period such as 2021–24';
COMMENT ON COLUMN @extschema@.usgs_mcs_record."Value" IS 'the cell as printed (see parse_usgs_value)';
COMMENT ON COLUMN @extschema@.usgs_mcs_record."Notes" IS 'notes; Estimated. or Reported. first';
COMMENT ON COLUMN @extschema@.usgs_mcs_record."Is critical mineral 2025" IS 'Yes/No';
COMMENT ON COLUMN @extschema@.usgs_mcs_record."Other notes" IS 'chapter notes';


-- stage(source): the session's staging table for one kind of file.  A
-- temporary table is private to its session and vanishes with it; loaders
-- read it, file what they refuse, and truncate it.  Calling stage() again
-- keeps a table already there (and its rows).
CREATE FUNCTION @extschema@.stage(source text) RETURNS regclass
LANGUAGE plpgsql STRICT
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	record_type regtype;
BEGIN
	record_type := CASE source
		WHEN 'comtrade' THEN '@extschema@.comtrade_record'::pg_catalog.regtype
		WHEN 'baci' THEN '@extschema@.baci_record'::pg_catalog.regtype
		WHEN 'usgs_mcs' THEN '@extschema@.usgs_mcs_record'::pg_catalog.regtype
	END;
	IF record_type IS NULL THEN
		RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
			MESSAGE = pg_catalog.format('unknown staging source "%s"', source),
			HINT = 'Use comtrade, baci or usgs_mcs.';
	END IF;
	IF pg_catalog.to_regclass(pg_catalog.format('pg_temp.%I', source OPERATOR(pg_catalog.||) '_raw')) IS NULL THEN
		EXECUTE pg_catalog.format('CREATE TEMP TABLE %I OF %s', source OPERATOR(pg_catalog.||) '_raw', record_type);
	END IF;
	RETURN pg_catalog.format('pg_temp.%I', source OPERATOR(pg_catalog.||) '_raw')::pg_catalog.regclass;
END
$fn$;
COMMENT ON FUNCTION @extschema@.stage(text) IS
	'creates this session''s staging table pg_temp.<source>_raw (source comtrade, baci or usgs_mcs; a temporary table of the matching record type) unless it exists, and returns it; \copy the downloaded file into it, then run the loader';
-- ---------------------------------------------------------------------------
-- load_usgs_mcs_file(content, ...): one USGS MCS data-release file as
-- downloaded, of any edition and layout, without \copy
-- ---------------------------------------------------------------------------

CREATE FUNCTION @extschema@.read_csv(content text, max_record_bytes int DEFAULT 0, source text DEFAULT NULL,
	OUT line int, OUT fields text[]) RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'read_csv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.read_csv(text, int, text) IS
	'the records of CSV text (RFC 4180: fields separated by commas, double quotes around fields holding commas, quotes or line breaks, a quote inside written twice; records ended by CRLF, LF or CR), each with the line it starts on and its fields as printed (text after a closing quote kept, as Python''s csv module does); an unterminated quoted field is an error (22P04), so is a record longer than max_record_bytes (54000; 0 or NULL: no bound); source names the text in messages (NULL: the CSV text); NULL content: no records';

-- usgs_mcs_file_commodity(code, statistic, label): the commodity of a value
-- of a per-commodity file (MCS2020-MCS2025).  The file code names it
-- (commodities.file_codes) except for four codes that name several, where
-- the column's own words, else the row's Type (label), say which: bauxi (bauxite,
-- alumina), plati (palladium, platinum; reserves and the other metals are
-- the platinum-group metals: the platinum rows' reserves "Include all
-- platinum-group metals"), titan (sponge metal, TiO2 pigment), heliu (the
-- files hold helium only).
CREATE FUNCTION @extschema@.usgs_mcs_file_commodity(code text, statistic text, label text) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	SELECT CASE WHEN (SELECT count(*) FROM @extschema@.commodities c WHERE code = ANY (c.file_codes)) = 1
	            THEN (SELECT c.name FROM @extschema@.commodities c WHERE code = ANY (c.file_codes))
	            ELSE CASE code
	                     WHEN 'bauxi' THEN CASE WHEN label ~* 'alumina' THEN 'alumina' ELSE 'bauxite' END
	                     WHEN 'plati' THEN CASE WHEN label ~* 'palladium' THEN 'palladium'
	                                            WHEN statistic = 'Reserves' OR label ~* 'pgm|iridium|osmium|rhodium|ruthenium|platinum-group' THEN 'platinum-group metals'
	                                            WHEN label ~* 'platinum' THEN 'platinum' ELSE 'platinum-group metals' END
	                     WHEN 'titan' THEN CASE WHEN label ~* 'pigment|dioxide' THEN 'tio2 pigment' ELSE 'titanium sponge metal' END
	                     WHEN 'heliu' THEN 'helium' END END;
END;
COMMENT ON FUNCTION @extschema@.usgs_mcs_file_commodity(text, text, text) IS
	'the canonical commodity of a value of a USGS MCS per-commodity file: the one commodity of its file code (commodities.file_codes), or, for the codes that name several (bauxi, plati, titan, heliu), the one its label (the row''s Type and the column name) names; NULL when none';

-- The layouts (data/usgs/usgs_mcs_format.md):
--   * the MCS2026 data release, one long table of every commodity
--     (doi:10.5066/P1WKQ63T): MCS chapter, Section, Commodity, Country,
--     Statistics, Statistics_detail, Unit, Year, Value, Notes, ...: its
--     world tables and its US salient statistics (usgs_mcs_load_rows);
--     import sources are out of scope;
--   * the per-commodity world files of the MCS2020-MCS2025 releases
--     (mcs2023-lithi_world.csv; MCS2023 doi:10.5066/P9WCYUI6): Source,
--     Country, Type, then value columns whose names say statistic, unit,
--     estimate and year (Prod_t_2021, Prod_kt_est_2022, Cap_kg_2022,
--     Reserves_t, Reserves_ore_kt, Prod_Sponge_t_Est_2021) and notes columns
--     (Prod_notes, Reserves_notes); trailing empty columns and all-empty rows;
--   * the per-commodity salient files (DataSource, Commodity, Year, then a
--     column per statistic: USprod_t, Imports_t, Price_dkg, NIR_pct): US
--     salient statistics, into published_statistic as printed (below).
-- A world file's row becomes one long row per value cell printed: Statistics
-- from the column (Prod Production, Cap Capacity, Reserves Reserves; a
-- Prod column of a row whose Type is a capacity, "Clinker capacity", is
-- Capacity), Unit from the column's unit code, Year from the column (a
-- Reserves column without one: as of the cover year minus one), Notes
-- "Estimated." when the column says est or the group's notes say that
-- year was estimated too ("Production in 2021 is also estimated.", "Also
-- estimated in 2022", "Estimated in both years") or, for reserves and
-- capacity, the notes are just "Estimated" ("Estimated capacity");
-- Statistics_detail the row's Type (Reserves: "Reserves" and the column's
-- own words, e.g. "Reserves: ore K2O equiv").  The commodity is the file
-- code's (commodities.file_codes); four codes name several commodities and
-- the row or column says which.  The kind a Type names ("Mine poduction,
-- Bentonite" -> bentonite) is given to usgs_mcs_load_rows, which makes it a
-- series only where the file prints several kinds for one statistic and stage.
CREATE FUNCTION @extschema@.load_usgs_mcs_file(content bytea, file_name text DEFAULT NULL, edition text DEFAULT NULL,
	commodity text[] DEFAULT NULL,
	OUT rows_loaded bigint, OUT rows_rejected bigint, OUT rows_out_of_scope bigint) RETURNS record
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
#variable_conflict use_column
DECLARE
	body text;
	header text[];
	layout text;
	file_edition text;
	name_edition text;
	the_edition text;
	code text;
	file_key text;
	long_header CONSTANT text[] := ARRAY['MCS chapter', 'Section', 'Commodity', 'Country', 'Statistics', 'Statistics_detail',
	                                     'Unit', 'Year', 'Value', 'Notes', 'Is critical mineral 2025', 'Other notes'];
	unknown_name text;
	bad_column text;
	shown text := coalesce('file "' || file_name || '"', 'the file');
BEGIN
	IF content IS NULL THEN
		RAISE EXCEPTION USING ERRCODE = 'null_value_not_allowed', MESSAGE = 'the file content is NULL';
	END IF;
	SELECT n INTO unknown_name FROM unnest(load_usgs_mcs_file.commodity) n
	WHERE n IS NULL OR NOT EXISTS (SELECT FROM @extschema@.commodities c WHERE c.name = n) LIMIT 1;
	IF FOUND THEN
		RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
			MESSAGE = format('unknown commodity "%s"', unknown_name),
			HINT = 'Name commodities as rareearth.commodities.name does, e.g. ''rare earths'', ''lithium''.';
	END IF;

	-- the encoding: a UTF-8 byte order mark, else UTF-8 if the bytes are
	-- valid UTF-8, else Windows-1252 (the MCS2026 release; MCS2023 and
	-- MCS2024 files are UTF-8 with a BOM)
	IF substring(content FROM 1 FOR 3) = decode('efbbbf', 'hex') THEN
		body := convert_from(substring(content FROM 4), 'UTF8');
	ELSE
		BEGIN
			body := convert_from(content, 'UTF8');
		EXCEPTION WHEN character_not_in_repertoire THEN
			BEGIN
				body := convert_from(content, 'WIN1252');
			EXCEPTION WHEN character_not_in_repertoire OR untranslatable_character THEN
				RAISE EXCEPTION USING ERRCODE = 'character_not_in_repertoire',
					MESSAGE = format('%s is neither UTF-8 nor Windows-1252 text', shown),
					HINT = 'Load the CSV file as downloaded from USGS.';
			END;
		END;
	END IF;

	CREATE TEMP TABLE rareearth_mcs_file ON COMMIT DROP AS
	-- a record longer than 1 MB is refused before it is copied (no USGS file
	-- has a line near that; a huge one would take minutes and gigabytes)
	SELECT r.line, r.fields, row_number() OVER (ORDER BY r.line) AS n FROM @extschema@.read_csv(body, 1048576, shown) r;
	-- the header up to its last non-empty name (one pass: a wide header must
	-- not cost its width squared)
	SELECT (array_agg(btrim(h) ORDER BY i))[1:max(i) FILTER (WHERE btrim(h) <> '')] INTO header
	FROM pg_temp.rareearth_mcs_file f, unnest(f.fields) WITH ORDINALITY AS u (h, i)
	WHERE f.n = 1;
	layout := CASE WHEN header[1:12] = long_header THEN 'long'
	               WHEN header[1:2] = ARRAY['Source', 'Country'] AND cardinality(header) >= 4 THEN 'world'
	               WHEN header[1:3] = ARRAY['DataSource', 'Commodity', 'Year'] THEN 'salient' END;
	IF layout IS NULL THEN
		RAISE EXCEPTION USING ERRCODE = 'bad_copy_file_format',
			MESSAGE = CASE WHEN header IS NULL THEN format('%s is empty', shown)
			               ELSE format('%s is no USGS MCS data-release table', shown) END,
			DETAIL = format('Its first line is: %s', array_to_string(header, ',')),
			HINT = 'load_usgs_mcs_file reads the MCS2026 long table (MCS chapter,Section,Commodity,...), the per-commodity world files of MCS2020-MCS2025 (Source,Country,Type,Prod_t_2021,...) and their salient files (DataSource,Commodity,Year,...).';
	END IF;

	-- the edition: the file's Source (DataSource) column, else its name
	-- (mcs2023-lithi_world.csv, usgs_mcs2026_commodities_data.csv), else the
	-- caller's; the three must agree
	name_edition := 'MCS' || substring(file_name FROM '(?i)mcs[ _-]?([0-9]{4})');
	IF layout <> 'long' THEN
		SELECT min(e), max(e) INTO file_edition, the_edition
		FROM (SELECT upper(replace(btrim(f.fields[1]), ' ', '')) AS e FROM pg_temp.rareearth_mcs_file f WHERE f.n > 1) s
		WHERE e <> '';
		IF file_edition <> the_edition THEN
			RAISE EXCEPTION USING ERRCODE = 'bad_copy_file_format',
				MESSAGE = format('%s names two editions, %s and %s', shown, file_edition, the_edition);
		END IF;
	END IF;
	the_edition := coalesce(file_edition, name_edition, load_usgs_mcs_file.edition);
	IF the_edition IS NULL OR the_edition !~ '^MCS[0-9]{4}$' THEN
		RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
			MESSAGE = format('the edition of %s is not known', shown),
			HINT = 'Give the file name as downloaded (it names the edition, e.g. usgs_mcs2026_commodities_data.csv) or the edition, e.g. edition => ''MCS2026''.';
	END IF;
	IF the_edition <> coalesce(name_edition, the_edition) OR the_edition <> coalesce(load_usgs_mcs_file.edition, the_edition) THEN
		RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
			MESSAGE = format('%s is edition %s, not %s', shown, the_edition,
				CASE WHEN the_edition <> coalesce(load_usgs_mcs_file.edition, the_edition) THEN load_usgs_mcs_file.edition ELSE name_edition END),
			DETAIL = format('Its %s says %s.', CASE WHEN file_edition IS NOT NULL THEN 'Source column' ELSE 'name' END, the_edition),
			HINT = 'Load each file as the edition it is; nothing was loaded.';
	END IF;

	PERFORM @extschema@.stage('usgs_mcs'::text);
	PERFORM @extschema@.begin_load('usgs_mcs'::text);
	-- rejects are filed per file: under its name, or its checksum when it has none
	file_key := coalesce(file_name, 'md5:' || md5(content));

	-- the file's data rows in the long layout of the MCS2026 release; ord
	-- the row's number * 2^21 + the column's (a 1 MB record has fewer
	-- fields).  A cell of a wide layout keeps only {column, column_number} in
	-- record, joined to its row's record when it is rejected: a copy of the
	-- whole row per cell would cost the row's width squared
	CREATE TEMP TABLE rareearth_mcs_long (ord bigint, line int, record jsonb, chapter text, usgs_name text, section text,
		country_name text, statistic text, detail text, published_unit text, year_text text, cell text, notes text,
		kind_given bool, given_kind text) ON COMMIT DROP;
	-- the rows left out before that: all-empty rows, other tables
	CREATE TEMP TABLE rareearth_mcs_skipped (line int, record jsonb, reason text) ON COMMIT DROP;
	-- every data row as printed, for load_rejects: {column name: field}.
	-- cells: the fields as a jsonb array, read by position below (cells ->>
	-- (pos - 1) finds a field in constant time, fields[pos] walks the array
	-- from its start: a row's every cell that way costs its width squared);
	-- the names are zipped with the fields (unnest of both) for the same reason
	CREATE TEMP TABLE rareearth_mcs_records ON COMMIT DROP AS
	SELECT f.line, f.n, f.fields, to_jsonb(f.fields) AS cells,
	       (SELECT jsonb_object_agg(coalesce(nullif(h, ''), 'column ' || i), x)
	        FROM unnest(f.fields, header) WITH ORDINALITY AS u (x, h, i)
	        WHERE i <= cardinality(f.fields) AND (i <= greatest(cardinality(header), 1) OR btrim(x) <> '')) AS record,
	       NOT EXISTS (SELECT FROM unnest(f.fields) x WHERE btrim(replace(x, U&'\00A0', ' ')) <> '') AS empty
	FROM pg_temp.rareearth_mcs_file f WHERE f.n > 1;
	INSERT INTO pg_temp.rareearth_mcs_skipped
	SELECT r.line, r.record, 'all-empty row' FROM pg_temp.rareearth_mcs_records r WHERE r.empty;

	IF layout <> 'long' THEN
		-- which commodity: the file code of the name, else the one commodity asked for
		code := lower(substring(file_name FROM '(?i)mcs ?[0-9]{4}-?(?:mcs[0-9]{4})?([a-z][a-z0-9-]*)_(?:world|salient)\.csv$'));
		IF code IS NULL AND cardinality(load_usgs_mcs_file.commodity) = 1 THEN
			SELECT c.file_codes[1] INTO code FROM @extschema@.commodities c WHERE c.name = load_usgs_mcs_file.commodity[1];
		END IF;
		IF code IS NULL OR NOT EXISTS (SELECT FROM @extschema@.commodities c WHERE code = ANY (c.file_codes)) THEN
			RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
				MESSAGE = format('the commodity of %s (a per-commodity file) is not known', shown),
				HINT = 'Give the file name as downloaded (mcsYYYY-<code>_world.csv, code as in rareearth.commodities.file_codes) or name one commodity.';
		END IF;
	END IF;

	-- the cells of a salient file and what became of them
	CREATE TEMP TABLE rareearth_mcs_salient (line int, record jsonb, reason text, out_of_scope text) ON COMMIT DROP;
	IF layout = 'salient' THEN
		-- US salient statistics (DataSource, Commodity, Year, then one column
		-- per statistic: USprod_Concentrate_t, Imports_Compounds_t,
		-- Price_Nd2O3_dkg, NIR_pct, ...): each cell printed is a figure of
		-- published_statistic, as printed: statistic the column name in lower
		-- case, unit the code the name ends with (t, kt, pct, dkg, ...), except
		-- that net import reliance (NIR_..., percent, though MCS2022 and
		-- MCS2024 end its name in _t) and US production (USprod_...) take the
		-- names the views read: net_import_reliance[_compounds_and_metals |
		-- _mineral_concentrates | _<words>], production[_...].  The files carry
		-- no estimate flag per cell (their metadata: estimated for the most
		-- recent year), so only an e printed with a number marks one.  A
		-- negative figure is kept as printed (government stockpile
		-- shipments, net imports).
		CREATE TEMP TABLE rareearth_mcs_salient_cells ON COMMIT DROP AS
		WITH cells AS (
			SELECT r.line, r.n * 2097152 + h.pos AS ord, h.name, jsonb_build_object('column', h.name, 'column_number', h.pos) AS record,
			       btrim(r.fields[3]) AS year_text,
			       CASE WHEN btrim(r.cells ->> (h.pos::int - 1)) ~* U&'^less than (!00BD|1/2|a half|one-half) unit\.?$' UESCAPE '!' THEN 's'
			            -- a minus sign (U+2212) printed before a negative figure
			            ELSE regexp_replace(r.cells ->> (h.pos::int - 1), U&'^(\\s*)\2212', '\1-') END AS cell,
			       string_to_array(h.name, '_') AS parts
			FROM pg_temp.rareearth_mcs_records r, unnest(header) WITH ORDINALITY AS h (name, pos)
			WHERE NOT r.empty AND h.pos > 3 AND btrim(replace(coalesce(r.cells ->> (h.pos::int - 1), ''), U&'\00A0', ' ')) <> ''),
		named AS (
			SELECT c.*, c.parts[1] ~* '^NIR$' AS nir,
			       CASE WHEN c.parts[1] ~* '^(NIR|USprod)$' THEN
			                 CASE WHEN c.parts[1] ~* '^NIR$' THEN 'net_import_reliance' ELSE 'production' END
			                 || CASE WHEN c.name ~* 'compounds-metals' THEN '_compounds_and_metals'
			                         WHEN c.name ~* 'concentrate' THEN '_mineral_concentrates'
			                         ELSE coalesce('_' || nullif(lower(array_to_string(c.parts[2:cardinality(c.parts) - 1], '_')), ''), '') END
			            ELSE lower(c.name) END AS statistic,
			       CASE WHEN c.parts[1] ~* '^NIR$' THEN 'percent'
			            WHEN cardinality(c.parts) > 1 THEN c.parts[cardinality(c.parts)] ELSE 'not printed' END AS unit,
			       @extschema@.usgs_mcs_file_commodity(code, NULL::text, c.name) AS commodity,
			       CASE WHEN c.year_text ~ '^[0-9]{4}$' THEN c.year_text::int END AS year,
			       @extschema@.usgs_value_problem(c.cell) AS cell_problem
			FROM cells c),
		parsed AS (
			SELECT n.*, p.value, p.qualifier AS printed_qualifier, p.estimated
			FROM named n
			LEFT JOIN LATERAL @extschema@.parse_usgs_value(CASE WHEN n.cell_problem IS NULL THEN n.cell END) p ON true)
		SELECT p.*,
		       CASE WHEN load_usgs_mcs_file.commodity IS NOT NULL AND NOT p.commodity = ANY (load_usgs_mcs_file.commodity)
		            THEN 'commodity not selected' END AS out_of_scope,
		       CASE WHEN p.commodity IS NULL THEN format('the commodity of column "%s" is not known', p.name)
		            WHEN p.year IS NULL OR p.year NOT BETWEEN substr(the_edition, 4)::int - 5 AND substr(the_edition, 4)::int - 1
		                 THEN format('year "%s" is not one of the five years of %s', p.year_text, the_edition)
		            WHEN p.cell_problem IS NOT NULL THEN format('value "%s": %s', p.cell, p.cell_problem)
		            WHEN p.printed_qualifier = 'E' AND NOT p.nir THEN 'value E (net exporter) outside a net import reliance column' END AS reason
		FROM parsed p;
		-- the same statistic twice in a file: the later columns are refused
		UPDATE pg_temp.rareearth_mcs_salient_cells m SET reason = 'duplicate of an earlier column for the same commodity, statistic and year'
		FROM (SELECT ctid, row_number() OVER (PARTITION BY commodity, statistic, year ORDER BY ord) AS k
		      FROM pg_temp.rareearth_mcs_salient_cells WHERE reason IS NULL AND out_of_scope IS NULL) d
		WHERE m.ctid = d.ctid AND d.k > 1;
		INSERT INTO @extschema@.published_statistic AS t (country, commodity, statistic, year, value, unit, qualifier, estimated, edition, source)
		SELECT 'USA'::@extschema@.country, c.commodity, c.statistic, c.year, c.value, c.unit,
		       coalesce(c.printed_qualifier, CASE WHEN c.estimated THEN 'e' END), coalesce(c.estimated, false), the_edition,
		       format('USGS Mineral Commodity Summaries data release, %s, file %s (load_usgs_mcs_file)', the_edition, file_key)
		FROM pg_temp.rareearth_mcs_salient_cells c WHERE c.reason IS NULL AND c.out_of_scope IS NULL
		ON CONFLICT (country, commodity, statistic, year, edition) DO UPDATE
			SET value = excluded.value, unit = excluded.unit, qualifier = excluded.qualifier,
			    estimated = excluded.estimated, source = excluded.source
			WHERE (t.value, t.unit, t.qualifier, t.estimated, t.source)
			      IS DISTINCT FROM (excluded.value, excluded.unit, excluded.qualifier, excluded.estimated, excluded.source);
		INSERT INTO pg_temp.rareearth_mcs_salient SELECT c.line, c.record, c.reason, c.out_of_scope FROM pg_temp.rareearth_mcs_salient_cells c;
		DROP TABLE pg_temp.rareearth_mcs_salient_cells;
	ELSIF layout = 'long' THEN
		-- every record (usgs_mcs_load_rows tells the world tables from the others)
		INSERT INTO pg_temp.rareearth_mcs_long
		SELECT r.n, r.line, r.record, r.fields[1], r.fields[3], r.fields[2], r.fields[4], r.fields[5], r.fields[6], r.fields[7],
		       r.fields[8], r.fields[9], r.fields[10], false, NULL
		FROM pg_temp.rareearth_mcs_records r
		WHERE NOT r.empty AND cardinality(r.fields) >= 12;
	ELSE
		-- the header's columns: value columns (statistic, unit, estimate, year, own words) and notes columns
		CREATE TEMP TABLE rareearth_mcs_columns ON COMMIT DROP AS
		WITH cols AS (
			SELECT i::int AS pos, h AS name, string_to_array(h, '_') AS parts
			FROM unnest(header) WITH ORDINALITY AS u (h, i) WHERE i > 3),
		parsed AS (
			SELECT c.pos, c.name,
			       CASE lower(c.parts[1]) WHEN 'prod' THEN 'Production' WHEN 'cap' THEN 'Capacity' WHEN 'reserves' THEN 'Reserves' END AS statistic,
			       lower(c.parts[cardinality(c.parts)]) IN ('notes', 'note') AS is_notes,
			       (SELECT p FROM unnest(c.parts) p WHERE p ~ '^[0-9]{4}$' LIMIT 1) AS year,
			       EXISTS (SELECT FROM unnest(c.parts) p WHERE lower(p) = 'est') AS estimated,
			       (SELECT u.unit FROM unnest(c.parts) p
			        JOIN (VALUES ('t', 'metric tons'), ('kt', 'thousand metric tons'), ('kg', 'kilograms'),
			                     ('mt', 'million metric tons'), ('mmt', 'million metric tons'), ('mct', 'million carats'),
			                     ('kct', 'thousands of carats'), ('mcm', 'million cubic meters')) u (code, unit) ON u.code = lower(p)
			        LIMIT 1) AS unit,
			       (SELECT string_agg(p, ' ' ORDER BY o) FROM unnest(c.parts) WITH ORDINALITY AS q (p, o)
			        WHERE o > 1 AND p !~ '^[0-9]{4}$' AND lower(p) NOT IN ('est', 't', 'kt', 'kg', 'mt', 'mmt', 'mct', 'kct', 'mcm')) AS words
			FROM cols c)
		-- the first notes column of the same statistic after each column: a
		-- window over the columns in reverse (one pass, not a scan per column)
		SELECT p.*,
		       CASE WHEN p.statistic IS NOT NULL THEN
		           min(p.pos) FILTER (WHERE p.is_notes) OVER (PARTITION BY p.statistic ORDER BY p.pos DESC
		                                                     ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) END AS notes_pos
		FROM parsed p;
		SELECT c.name INTO bad_column FROM pg_temp.rareearth_mcs_columns c
		WHERE c.statistic IS NULL OR (NOT c.is_notes AND c.unit IS NULL) ORDER BY c.pos LIMIT 1;
		IF FOUND THEN
			RAISE EXCEPTION USING ERRCODE = 'bad_copy_file_format',
				MESSAGE = format('column "%s" of %s is not known', bad_column, shown),
				HINT = 'A value column is named statistic_unit[_est][_year] (Prod_t_2021, Prod_kt_est_2022, Reserves_kg, Cap_t_2022), a notes column Prod_notes.';
		END IF;

		INSERT INTO pg_temp.rareearth_mcs_long
		SELECT r.n * 2097152 + c.pos, r.line, jsonb_build_object('column', c.name, 'column_number', c.pos),
		       m.usgs_chapter, m.usgs_name, 'World production (per-commodity file)',
		       r.fields[2],
		       CASE WHEN c.statistic = 'Production' AND t.type ~* 'capacity' AND t.type !~* 'production' THEN 'Capacity' ELSE c.statistic END,
		       CASE WHEN c.statistic = 'Reserves' THEN 'Reserves' || coalesce(': ' || c.words, '')
		            WHEN c.statistic = 'Capacity' AND c.words IS NOT NULL THEN c.words || ' capacity'  -- Cap_Pigment_t_2021
		            ELSE coalesce(nullif(t.type, ''), c.statistic) END,
		       c.unit,
		       coalesce(c.year, CASE WHEN c.statistic = 'Reserves' THEN (substr(the_edition, 4)::int - 1)::text END),
		       -- "Less than ½ unit." is the legend of the long table's s; e glued
		       -- before a number is the estimate mark of the PDF tables (e5,000)
		       CASE WHEN btrim(r.cells ->> (c.pos - 1)) ~* U&'^less than !00BD unit\.?$' UESCAPE '!' THEN 's'
		            ELSE regexp_replace(r.cells ->> (c.pos - 1), '^(\s*)e([0-9])', '\1\2') END,
		       CASE WHEN c.estimated OR r.cells ->> (c.pos - 1) ~ '^\s*e[0-9]'
		              OR (c.year IS NOT NULL AND coalesce(r.cells ->> (c.notes_pos - 1), '') ~* ('estimated in ' || c.year || '|' || c.year
		                  || ' (is|are|was|were) also estimated|estimated in both years'))
		              OR coalesce(r.cells ->> (c.notes_pos - 1), '') ~* '^\s*estimated( capacity)?\.?\s*$'
		            THEN 'Estimated. ' END || coalesce(r.cells ->> (c.notes_pos - 1), ''),
		       true,
		       CASE WHEN c.statistic = 'Reserves' AND c.words IS NOT NULL THEN lower(c.words) ELSE t.kind END
		FROM pg_temp.rareearth_mcs_records r
		CROSS JOIN pg_temp.rareearth_mcs_columns c
		CROSS JOIN LATERAL (
			SELECT btrim(replace(coalesce(r.fields[3], ''), U&'\00A0', ' ')) AS type) t0
		CROSS JOIN LATERAL (
			-- the kind a Type names: its words without the commodity, the
			-- statistic, the unit, world total and rounded (typos of the files
			-- corrected: "poduction", "Mne", "ilmentite", "eqivalent")
			SELECT t0.type,
			       nullif(nullif(nullif(btrim(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
			           lower(t0.type), 'poduction', 'production', 'g'), '\mmne\M', 'mine', 'g'), 'ilmentite', 'ilmenite', 'g'),
			           '(world total|\mworld\M|\mtotal\M|\mrounded\M|\mestimated\M|\mcontent of\M|(\m(mine|plant|refinery|smelter|primary) )?(production|capacity)\M|((thousand|million) )?metric tons|\m('
			           || (SELECT string_agg(regexp_replace(lower(m2.usgs_name), '([^a-z0-9 ])', '\\\1', 'g'), '|') FROM @extschema@.commodities m2 WHERE code = ANY (m2.file_codes)) || ')\M)', '', 'g'),
			           '\(\s*\)', '', 'g'), '\s*([,:;.-]\s*)+', ', ', 'g'), ' ,:;.-'), ''), 'xx'), 'all types') AS kind) t
		JOIN @extschema@.commodities m
		  ON m.name = @extschema@.usgs_mcs_file_commodity(code, c.statistic, coalesce(nullif(c.words, ''), t.type))
		WHERE NOT r.empty AND NOT c.is_notes AND btrim(replace(coalesce(r.cells ->> (c.pos - 1), ''), U&'\00A0', ' ')) <> '';
		DROP TABLE pg_temp.rareearth_mcs_columns;
	END IF;

	-- a row with a country or year but not one value
	INSERT INTO pg_temp.rareearth_mcs_skipped
	SELECT r.line, r.record, 'no value printed in the row'
	FROM pg_temp.rareearth_mcs_records r
	WHERE NOT r.empty AND NOT (layout = 'long' AND cardinality(r.fields) < 12)
	  AND NOT EXISTS (SELECT FROM pg_temp.rareearth_mcs_skipped s WHERE s.line = r.line)
	  AND NOT EXISTS (SELECT FROM pg_temp.rareearth_mcs_long l WHERE l.line = r.line)
	  AND NOT EXISTS (SELECT FROM pg_temp.rareearth_mcs_salient s WHERE s.line = r.line);

	PERFORM @extschema@.usgs_mcs_load_rows(the_edition,
		format('USGS Mineral Commodity Summaries data release, %s, file %s (load_usgs_mcs_file)', the_edition, file_key),
		load_usgs_mcs_file.commodity);

	-- each row of the file once: left out before loading, then, of the rows
	-- given to the loader, loaded when one of its cells was (a refused cell of
	-- a loaded row is a warning), rejected when none was, out of scope when
	-- it is of another table or its commodity was not selected
	CREATE TEMP TABLE rareearth_mcs_outcome ON COMMIT DROP AS
	WITH cells AS (
		SELECT l.line, l.record, m.reason, m.out_of_scope
		FROM pg_temp.rareearth_mcs_long l JOIN pg_temp.rareearth_mcs_rows m ON m.ord = l.ord
		UNION ALL
		SELECT s.line, s.record, s.reason, s.out_of_scope FROM pg_temp.rareearth_mcs_salient s),
	rowwise AS (
		SELECT c.line, bool_or(c.reason IS NULL AND c.out_of_scope IS NULL) AS loaded, bool_or(c.reason IS NOT NULL) AS refused,
		       min(c.out_of_scope) AS out_of_scope
		FROM cells c GROUP BY c.line)
	SELECT c.line, CASE WHEN layout = 'long' THEN c.record ELSE rec.record || c.record END AS record,
	       CASE WHEN w.loaded THEN 'warning' ELSE 'rejected' END AS severity, c.reason
	FROM cells c JOIN rowwise w USING (line)
	LEFT JOIN pg_temp.rareearth_mcs_records rec ON layout <> 'long' AND rec.line = c.line
	WHERE c.reason IS NOT NULL
	UNION ALL
	SELECT s.line, s.record, 'out_of_scope', s.reason FROM pg_temp.rareearth_mcs_skipped s
	UNION ALL
	SELECT w.line, r.record, 'out_of_scope', w.out_of_scope
	FROM rowwise w LEFT JOIN pg_temp.rareearth_mcs_records r USING (line) WHERE NOT w.loaded AND NOT w.refused
	UNION ALL
	-- a long-table record that is not 12 fields (none in the releases)
	SELECT r.line, r.record, 'rejected', format('record has %s fields, the header 12', cardinality(r.fields))
	FROM pg_temp.rareearth_mcs_records r WHERE layout = 'long' AND NOT r.empty AND cardinality(r.fields) < 12;

	CREATE TEMP TABLE rareearth_rejects ON COMMIT DROP AS
	SELECT o.reason, o.record, o.severity, o.line FROM pg_temp.rareearth_mcs_outcome o;
	PERFORM @extschema@.record_staged_rejects('usgs_mcs'::text, the_edition, file_key);

	-- the outcomes grouped by line first, then joined: a subquery per row in
	-- the counts would scan the outcomes once per row
	SELECT count(*) FILTER (WHERE NOT coalesce(o.not_loaded, false)),
	       count(*) FILTER (WHERE coalesce(o.rejected, false)),
	       count(*) FILTER (WHERE coalesce(o.out_of_scope, false))
	INTO rows_loaded, rows_rejected, rows_out_of_scope
	FROM pg_temp.rareearth_mcs_records r
	LEFT JOIN (SELECT o.line, bool_or(o.severity <> 'warning') AS not_loaded, bool_or(o.severity = 'rejected') AS rejected,
	                  bool_or(o.severity = 'out_of_scope') AS out_of_scope
	           FROM pg_temp.rareearth_mcs_outcome o GROUP BY o.line) o USING (line);
	DROP TABLE pg_temp.rareearth_mcs_file, pg_temp.rareearth_mcs_long, pg_temp.rareearth_mcs_skipped,
	           pg_temp.rareearth_mcs_records, pg_temp.rareearth_mcs_rows, pg_temp.rareearth_mcs_outcome,
	           pg_temp.rareearth_mcs_salient;
END
$fn$;
COMMENT ON FUNCTION @extschema@.load_usgs_mcs_file(bytea, text, text, text[]) IS
	'loads one USGS MCS data-release file as downloaded (its bytes: UTF-8 with or without BOM, or Windows-1252): the MCS2026 long table or a per-commodity world or salient file of MCS2020-MCS2025 (mcs2023-lithi_world.csv; units, years and estimates read from its header), its world tables (production, reserves, capacity) by the same rules as load_usgs_mcs, in each commodity''s canonical unit, the long table''s US salient statistics as load_usgs_mcs loads them, or a salient file''s US statistics into published_statistic as printed (statistic the column name, NIR and USprod columns as net_import_reliance_... and production_...); the edition is read from the file (Source column, else its name) and must equal edition when given; commodity names the commodities to load (NULL: all); returns counts of the file''s data rows: loaded + rejected + out of scope = rows after the header; every row not loaded is in load_rejects with file, line, reason and severity (rejected, warning for a refused cell of a loaded row, out_of_scope)';
-- ---------------------------------------------------------------------------
-- What every loader does first and last: check the store and the staging
-- table, serialize with other loads, file the refused rows
-- ---------------------------------------------------------------------------

-- begin_load(source): called by each loader before it reads its staging
-- table.  Errors, in order:
--   * no store (42P01): create_store() was never run;
--   * no staging table (42P01): stage(source) was not called in this session;
--   * a target table that would run code of a role other than a superuser
--     or the current one (42501, guard_store): another role could have put
--     triggers, rules, defaults or index expressions on it.
-- It takes SHARE ROW EXCLUSIVE on load_rejects and the target tables before
-- the check: this mode conflicts with itself, with writers and with adding
-- triggers, rules or defaults, not with readers, so loads run one at a time
-- while queries and views read on, and nothing can be attached between the
-- check and the load.
CREATE OR REPLACE FUNCTION @extschema@.begin_load(source text) RETURNS void
LANGUAGE plpgsql STRICT
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	IF pg_catalog.to_regclass('@extschema@.load_rejects') IS NULL THEN
		RAISE EXCEPTION USING ERRCODE = 'undefined_table',
			MESSAGE = 'there is no rareearth data store in this database',
			HINT = 'Create it once with: SELECT rareearth.create_store();';
	END IF;
	IF pg_catalog.to_regclass(pg_catalog.format('pg_temp.%I', source OPERATOR(pg_catalog.||) '_raw')) IS NULL THEN
		RAISE EXCEPTION USING ERRCODE = 'undefined_table',
			MESSAGE = pg_catalog.format('this session has no staging table pg_temp.%s_raw', source),
			HINT = pg_catalog.format('Run SELECT rareearth.stage(''%s''); then \copy the file into pg_temp.%s_raw.', source, source);
	END IF;
	IF source OPERATOR(pg_catalog.=) 'usgs_mcs' THEN
		LOCK TABLE @extschema@.load_rejects, @extschema@.production, @extschema@.reserves, @extschema@.published_statistic
			IN SHARE ROW EXCLUSIVE MODE;
		PERFORM @extschema@.guard_store(ARRAY['load_rejects', 'production', 'reserves', 'published_statistic'], 'r'::pg_catalog."char");
	ELSE
		LOCK TABLE @extschema@.load_rejects, @extschema@.trade_flow, @extschema@.trade_reported_total IN SHARE ROW EXCLUSIVE MODE;
		PERFORM @extschema@.guard_store(ARRAY['load_rejects', 'trade_flow', 'trade_reported_total'], 'r'::pg_catalog."char");
	END IF;
END
$fn$;
COMMENT ON FUNCTION @extschema@.begin_load(text) IS
	'loader helper: checks that the data store exists and that this session staged rows (stage(source)); then locks the store''s tables against other loads (readers are not blocked) and checks them with guard_store (no code of a role other than a superuser or the caller)';

-- record_staged_rejects: how every loader files what it refused (and a file
-- loader what it left out), from this session's table
-- pg_temp.rareearth_rejects (reason text, record jsonb, severity text, line
-- int), which the loader fills and this function drops.  A table, not one
-- jsonb value: a jsonb array holds at most 256 MB of elements, so a BACI
-- file of 3 million refused rows failed with 54000 and loaded nothing.
-- The rows of earlier loads of the same source, release and file (NULL for
-- rows staged with \copy) go first, so that a corrected file leaves no stale
-- rejects beside its result, and loads of other files of the same release
-- keep theirs.
CREATE OR REPLACE FUNCTION @extschema@.record_staged_rejects(source text, release text, file text) RETURNS bigint
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
#variable_conflict use_variable
DECLARE
	added bigint;
BEGIN
	LOCK TABLE @extschema@.load_rejects IN SHARE ROW EXCLUSIVE MODE;
	PERFORM @extschema@.guard_store(ARRAY['load_rejects'], 'r'::pg_catalog."char");
	DELETE FROM @extschema@.load_rejects l
	WHERE l.source = source AND l.release IS NOT DISTINCT FROM release AND l.file IS NOT DISTINCT FROM file;
	-- load_rejects_key makes a record unique per source, release, file, line
	-- and reason: two identical lines of a staging table are filed once
	INSERT INTO @extschema@.load_rejects (source, release, reason, record, severity, file, line)
	SELECT source, release, r.reason, r.record, coalesce(r.severity, 'rejected'), file, r.line
	FROM pg_temp.rareearth_rejects r
	ON CONFLICT DO NOTHING;
	GET DIAGNOSTICS added = ROW_COUNT;
	DROP TABLE pg_temp.rareearth_rejects;
	RETURN added;
END
$fn$;
COMMENT ON FUNCTION @extschema@.record_staged_rejects(text, text, text) IS
	'files the rows of this session''s table pg_temp.rareearth_rejects (reason, record, severity: rejected by default, warning or out_of_scope, line) in load_rejects under source, release and file, replacing what earlier loads of the same source, release and file filed, then drops that table; once per source, release, file, line, reason and record; returns how many were added (loader helper)';

-- record_file_rejects: the same for rejects given as one jsonb array
CREATE OR REPLACE FUNCTION @extschema@.record_file_rejects(source text, release text, file text, rejects jsonb) RETURNS bigint
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	CREATE TEMP TABLE rareearth_rejects ON COMMIT DROP AS
	SELECT e OPERATOR(pg_catalog.->>) 'reason' AS reason, e OPERATOR(pg_catalog.->) 'record' AS record,
	       e OPERATOR(pg_catalog.->>) 'severity' AS severity, (e OPERATOR(pg_catalog.->>) 'line')::int AS line
	FROM pg_catalog.jsonb_array_elements(rejects) e;
	RETURN @extschema@.record_staged_rejects(source, release, file);
END
$fn$;
COMMENT ON FUNCTION @extschema@.record_file_rejects(text, text, text, jsonb) IS
	'files a loader''s refused rows, warnings and (file loaders) rows left out ([{reason, record, severity, line}, ...], severity rejected by default, warning or out_of_scope) in load_rejects under source, release and file, replacing what earlier loads of the same source, release and file filed; once per source, release, file, line, reason and record; returns how many were added';

CREATE OR REPLACE FUNCTION @extschema@.record_rejects(source text, release text, rejects jsonb) RETURNS bigint
LANGUAGE sql
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	SELECT @extschema@.record_file_rejects(source, release, NULL::text, rejects);
END;
COMMENT ON FUNCTION @extschema@.record_rejects(text, text, jsonb) IS
	'files a loader''s refused rows and warnings ([{reason, record, severity}, ...], severity rejected by default or warning) of a staging table (no file) in load_rejects, replacing what earlier loads of the same source and release from a staging table filed; once per source, release, reason and record; returns how many were added';
-- ---------------------------------------------------------------------------
-- load_comtrade() and load_baci(release): staged trade records into
-- trade_flow, reported World/EU/"nes" totals into trade_reported_total
-- ---------------------------------------------------------------------------

-- Which of the given HS code texts the hscode type accepts (each tried once,
-- in its own subtransaction, so one malformed code never aborts a load).
CREATE OR REPLACE FUNCTION @extschema@.accepted_hscodes(codes text[]) RETURNS TABLE (code_text text, code @extschema@.hscode)
LANGUAGE plpgsql STRICT
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	t text;
BEGIN
	FOREACH t IN ARRAY codes LOOP
		CONTINUE WHEN t IS NULL;
		BEGIN
			code_text := t;
			code := t::@extschema@.hscode;
			RETURN NEXT;
		EXCEPTION WHEN data_exception THEN
			NULL;	-- not an HS code: the caller rejects the row
		END;
	END LOOP;
END
$fn$;
COMMENT ON FUNCTION @extschema@.accepted_hscodes(text[]) IS 'the texts among codes that are valid HS codes, with their hscode values (helper of the trade loaders)';

-- plain decimal text ('1165292.0', '77025454.404', '-5') as float8; NULL when empty or not a number
-- The exponent may have three digits, so the text is first read as numeric
-- (which holds 1e400 and 1e-400 exactly) and cast to float8 only when that
-- cannot overflow or underflow: a cast error would abort the whole load.
-- A SQL-standard body is parsed once, at install, so no name in it is ever
-- looked up again; the function stays inlinable.
-- The first branch is the common case (every value of a BACI file), taken
-- with one pattern and one cast: no exponent and at most 300 characters,
-- so the magnitude is below 1e300 and, unless 0, above 1e-299: neither
-- overflow nor underflow is possible.  Text of more than 1,000 characters is
-- no number (NULL): numeric refuses more than 131,072 digits with an error
-- (22003), which aborted a load for one field of 200,000 digits.
CREATE OR REPLACE FUNCTION @extschema@.decimal_or_null(t text) RETURNS float8
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN pg_catalog.btrim(t) OPERATOR(pg_catalog.~) '^-?[0-9]+(?:\.[0-9]*)?$'
	             AND pg_catalog.length(pg_catalog.btrim(t)) OPERATOR(pg_catalog.<=) 300
	THEN pg_catalog.btrim(t)::float8
	WHEN pg_catalog.btrim(t) OPERATOR(pg_catalog.~) '^-?[0-9]+(\.[0-9]*)?([eE][-+]?[0-9]{1,3})?$'
	     AND pg_catalog.length(pg_catalog.btrim(t)) OPERATOR(pg_catalog.<=) 1000
	THEN CASE WHEN pg_catalog.abs(pg_catalog.btrim(t)::numeric) OPERATOR(pg_catalog.=) 0
	            OR pg_catalog.abs(pg_catalog.btrim(t)::numeric) OPERATOR(pg_catalog.<=) 1.7976931348623157e308
	               AND pg_catalog.abs(pg_catalog.btrim(t)::numeric) OPERATOR(pg_catalog.>=) 2.2250738585072014e-308
	          THEN pg_catalog.btrim(t)::float8 END
	END;
COMMENT ON FUNCTION @extschema@.decimal_or_null(text) IS 'a decimal number written as text (as in UN Comtrade and BACI files) as float8; NULL for empty or non-numeric text, text of more than 1,000 characters, and magnitudes float8 cannot hold (above 1.797e308, or nonzero below 2.225e-308) (helper of the trade loaders)';

CREATE OR REPLACE FUNCTION @extschema@.load_comtrade(release text DEFAULT 'UN Comtrade API v1', synthetic bool DEFAULT false,
	OUT rows_loaded bigint, OUT rows_rejected bigint, OUT rows_aggregate bigint) RETURNS record
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
#variable_conflict use_column
BEGIN
	PERFORM @extschema@.begin_load('comtrade'::text);
	-- Every conversion that can fail sits in a CASE behind its check: the
	-- planner may evaluate a join key or a filter before another filter of
	-- the same row, and one failing cast would abort the whole load.
	CREATE TEMP TABLE rareearth_comtrade_rows ON COMMIT DROP AS
	WITH raw AS (
		SELECT r.ctid AS staged_at, to_jsonb(r) AS record, r.*,
		       CASE WHEN r."reporterCode" ~ '^[0-9]{1,4}$' THEN r."reporterCode"::int END AS reporter_code,
		       CASE WHEN r."partnerCode" ~ '^[0-9]{1,4}$' THEN r."partnerCode"::int END AS partner_code,
		       CASE WHEN r."refYear" ~ '^[0-9]{4}$' THEN r."refYear"::int END AS ref_year,
		       CASE WHEN r."refMonth" ~ '^[0-9]{1,2}$' THEN r."refMonth"::int END AS ref_month,
		       @extschema@.decimal_or_null(r."netWgt") AS net_weight,
		       @extschema@.decimal_or_null(r."primaryValue") AS primary_value,
		       @extschema@.decimal_or_null(r."cifvalue") AS cif_value,
		       @extschema@.decimal_or_null(r."fobvalue") AS fob_value
		FROM pg_temp.comtrade_raw r),
	codes AS (
		SELECT * FROM @extschema@.accepted_hscodes(
			(SELECT array_agg(DISTINCT "cmdCode") FROM pg_temp.comtrade_raw
			 WHERE "cmdCode" ~ '^[0-9]{2}([0-9]{2}){0,2}$'))),
	ref AS (SELECT country, comtrade, is_aggregate FROM @extschema@.country_reference() WHERE comtrade IS NOT NULL)
	SELECT raw.staged_at, raw.record,
	       raw.ref_year AS year,
	       CASE WHEN raw."freqCode" = 'M' THEN raw.ref_month END AS month,
	       rep.country AS reporter, par.country AS partner,
	       coalesce(rep.is_aggregate, false) OR coalesce(par.is_aggregate, false) AS aggregate,
	       raw."flowCode" AS flow, codes.code AS product,
	       CASE WHEN raw.net_weight >= 0 THEN raw.net_weight END AS net_weight, raw.primary_value,
	       -- the value's basis: CIF when the CIF field carries it, FOB when the FOB field does;
	       -- otherwise by flow (IMTS 2010: imports CIF, exports FOB)
	       CASE WHEN raw.cif_value > 0 AND raw.cif_value = raw.primary_value THEN 'CIF'
	            WHEN raw.fob_value > 0 AND raw.fob_value = raw.primary_value THEN 'FOB'
	            WHEN raw."flowCode" IN ('M', 'RM') THEN 'CIF' ELSE 'FOB' END AS valuation,
	       raw."isQtyEstimated" = 'true' AS quantity_estimated,
	       raw."isNetWgtEstimated" = 'true' AS net_weight_estimated,
	       CASE
	           WHEN raw."typeCode" IS DISTINCT FROM 'C' THEN format('type "%s" is not goods (C)', raw."typeCode")
	           WHEN raw."freqCode" NOT IN ('A', 'M') OR raw."freqCode" IS NULL THEN format('frequency "%s" is neither A nor M', raw."freqCode")
	           WHEN raw.ref_year IS NULL THEN format('year "%s" is not a year', raw."refYear")
	           WHEN raw."freqCode" = 'M' AND (raw.ref_month IS NULL OR raw.ref_month NOT BETWEEN 1 AND 12)
	               THEN format('month "%s" is not 1-12', raw."refMonth")
	           WHEN rep.country IS NULL THEN format('unknown reporter code "%s"', raw."reporterCode")
	           WHEN par.country IS NULL THEN format('unknown partner code "%s"', raw."partnerCode")
	           WHEN raw."flowCode" NOT IN ('M', 'X', 'RM', 'RX') OR raw."flowCode" IS NULL THEN format('flow "%s" is not M, X, RM or RX', raw."flowCode")
	           WHEN codes.code IS NULL THEN format('malformed HS code "%s"', raw."cmdCode")
	           WHEN raw."partner2Code" IS DISTINCT FROM '0' OR raw."customsCode" IS DISTINCT FROM 'C00' OR raw."motCode" IS DISTINCT FROM '0'
	               THEN 'a breakdown by second partner, customs procedure or mode of transport: only totals (0, C00, 0) are loaded'
	           WHEN raw.primary_value IS NULL THEN format('no trade value in range (primaryValue "%s")', raw."primaryValue")
	           WHEN raw.primary_value < 0 THEN format('negative trade value %s', raw."primaryValue")
	           WHEN raw.primary_value >= 'Infinity' THEN 'a value out of range'
	       END AS reason,
	       -- a bad net weight costs the row its weight, not its value: stored
	       -- as NULL, with a warning filed in load_rejects
	       CASE
	           WHEN raw.net_weight < 0 THEN format('negative net weight %s: stored as NULL', raw."netWgt")
	           WHEN raw."netWgt" <> '' AND raw.net_weight IS NULL
	               THEN format('net weight "%s" is not a number in range: stored as NULL', raw."netWgt")
	       END AS warning
	FROM raw
	LEFT JOIN ref rep ON rep.comtrade = raw.reporter_code
	LEFT JOIN ref par ON par.comtrade = raw.partner_code
	LEFT JOIN codes ON codes.code_text = raw."cmdCode";

	-- the same natural key twice in one load (e.g. one flow in two HS editions): rows after the
	-- first in file order (staged_at, the staging row's ctid after COPY) are refused
	UPDATE pg_temp.rareearth_comtrade_rows m
	SET reason = 'duplicate of an earlier row for the same reporter, partner, flow, HS code and period'
	FROM (SELECT ctid, row_number() OVER (PARTITION BY reporter, partner, flow, product, year, month ORDER BY staged_at) AS n
	      FROM pg_temp.rareearth_comtrade_rows WHERE reason IS NULL) d
	WHERE m.ctid = d.ctid AND d.n > 1;

	INSERT INTO @extschema@.trade_flow AS t (year, month, reporter, partner, flow, product, net_weight_kg, value_usd,
		valuation, source, release, quantity_estimated, net_weight_estimated, synthetic)
	SELECT year, month, reporter, partner, flow, product, net_weight, primary_value, valuation, 'comtrade',
	       load_comtrade.release, quantity_estimated, net_weight_estimated, load_comtrade.synthetic
	FROM pg_temp.rareearth_comtrade_rows WHERE reason IS NULL AND NOT aggregate
	ON CONFLICT ON CONSTRAINT trade_flow_key DO UPDATE
		SET net_weight_kg = excluded.net_weight_kg, value_usd = excluded.value_usd, valuation = excluded.valuation,
		    release = excluded.release, quantity_estimated = excluded.quantity_estimated,
		    net_weight_estimated = excluded.net_weight_estimated, synthetic = excluded.synthetic
		WHERE (t.net_weight_kg, t.value_usd, t.valuation, t.release, t.quantity_estimated, t.net_weight_estimated, t.synthetic)
		      IS DISTINCT FROM (excluded.net_weight_kg, excluded.value_usd, excluded.valuation, excluded.release,
		                        excluded.quantity_estimated, excluded.net_weight_estimated, excluded.synthetic);

	INSERT INTO @extschema@.trade_reported_total AS t (year, month, reporter, partner_area, flow, product, net_weight_kg,
		value_usd, valuation, source, release, synthetic)
	SELECT year, month, reporter, partner, flow, product, net_weight, primary_value, valuation, 'comtrade',
	       load_comtrade.release, load_comtrade.synthetic
	FROM pg_temp.rareearth_comtrade_rows WHERE reason IS NULL AND aggregate
	ON CONFLICT ON CONSTRAINT trade_reported_total_key DO UPDATE
		SET net_weight_kg = excluded.net_weight_kg, value_usd = excluded.value_usd, valuation = excluded.valuation,
		    release = excluded.release, synthetic = excluded.synthetic
		WHERE (t.net_weight_kg, t.value_usd, t.valuation, t.release, t.synthetic)
		      IS DISTINCT FROM (excluded.net_weight_kg, excluded.value_usd, excluded.valuation, excluded.release, excluded.synthetic);

	CREATE TEMP TABLE rareearth_rejects ON COMMIT DROP AS
	SELECT coalesce(reason, warning) AS reason, record,
	       CASE WHEN reason IS NULL THEN 'warning' END AS severity, NULL::int AS line
	FROM pg_temp.rareearth_comtrade_rows WHERE reason IS NOT NULL OR warning IS NOT NULL;
	PERFORM @extschema@.record_staged_rejects('comtrade'::text, load_comtrade.release, NULL::text);

	SELECT count(*) FILTER (WHERE reason IS NULL AND NOT aggregate), count(*) FILTER (WHERE reason IS NOT NULL),
	       count(*) FILTER (WHERE reason IS NULL AND aggregate)
	INTO rows_loaded, rows_rejected, rows_aggregate FROM pg_temp.rareearth_comtrade_rows;
	TRUNCATE pg_temp.comtrade_raw;
	DROP TABLE pg_temp.rareearth_comtrade_rows;
END
$fn$;
COMMENT ON FUNCTION @extschema@.load_comtrade(text, bool) IS
	'moves this session''s staging table pg_temp.comtrade_raw (UN Comtrade API v1 records, see stage) into trade_flow, and rows whose reporter or partner is World, the EU or an "nes" area into trade_reported_total; returns (rows loaded, rows rejected, rows set aside as aggregates), which add up to the staged rows; refused rows go to load_rejects with the reason; a row already stored under the same key is updated, so loading a file twice changes nothing; a bad net weight is stored as NULL with a warning in load_rejects; one transaction; loads run one at a time; empties the staging table; synthetic marks generated test data';

CREATE OR REPLACE FUNCTION @extschema@.load_baci(release text, synthetic bool DEFAULT false,
	OUT rows_loaded bigint, OUT rows_rejected bigint, OUT rows_aggregate bigint) RETURNS record
LANGUAGE plpgsql STRICT
SET search_path = pg_catalog, pg_temp
AS $fn$
#variable_conflict use_column
DECLARE
	new_years bool;
BEGIN
	PERFORM @extschema@.begin_load('baci'::text);
	-- A BACI year is millions of rows, so every row is read once and written
	-- once (test/bench/load_baci.sh): statistics first (a staged table has
	-- none, and the planner would take a million rows for a thousand and sort
	-- where a hash fits), then one pass that converts and validates, one
	-- insert, and only the refused rows read again for their records.
	ANALYZE pg_temp.baci_raw;
	-- casts that can fail sit in a CASE behind their check (see load_comtrade)
	CREATE TEMP TABLE rareearth_baci_rows ON COMMIT DROP AS
	WITH raw AS (
		SELECT r.ctid AS staged_at, r.k AS k_as_staged, r.v AS v_as_staged,
		       btrim(r.t) AS t, btrim(r.i) AS i, btrim(r.j) AS j,
		       -- BACI writes k as a number: 10121 is HS 0101.21 (chapters 01-09
		       -- lose their leading zero).  Five or six digits, padded to six, are
		       -- an HS code unless the chapter is 00 (hscode's own rule, checked
		       -- against hscode_in by sql/loaders.sql), so the cast cannot fail
		       CASE WHEN btrim(r.k) ~ '^[0-9]{5,6}$' AND left(lpad(btrim(r.k), 6, '0'), 2) <> '00'
		            THEN lpad(btrim(r.k), 6, '0')::@extschema@.hscode END AS product,
		       CASE WHEN btrim(r.t) ~ '^[0-9]{4}$' THEN btrim(r.t)::int END AS year,
		       CASE WHEN btrim(r.i) ~ '^[0-9]{1,4}$' THEN btrim(r.i)::int END AS exporter_code,
		       CASE WHEN btrim(r.j) ~ '^[0-9]{1,4}$' THEN btrim(r.j)::int END AS importer_code,
		       @extschema@.decimal_or_null(r.v) AS v, btrim(r.q) AS q_text, @extschema@.decimal_or_null(r.q) AS q
		-- OFFSET 0: each conversion is computed once per row (inlined into the
		-- query below, decimal_or_null would run again at every use of v and q)
		FROM pg_temp.baci_raw r OFFSET 0),
	ref AS (SELECT country, baci, is_aggregate FROM @extschema@.country_reference() WHERE baci IS NOT NULL)
	SELECT raw.staged_at, raw.year,
	       ex.country AS exporter, im.country AS importer,
	       coalesce(ex.is_aggregate, false) OR coalesce(im.is_aggregate, false) AS aggregate,
	       raw.product,
	       -- BACI units: v in thousands of US dollars (FOB), q in metric tons
	       -- (times 1000 only below 1.797e305: float8 multiplication overflows with an error)
	       CASE WHEN raw.v < 1.7976931348623157e305 THEN raw.v * 1000 END AS value_usd,
	       CASE WHEN raw.q < 1.7976931348623157e305 THEN raw.q * 1000 END AS net_weight_kg,
	       CASE
	           WHEN raw.year IS NULL THEN format('year "%s" is not a year', raw.t)
	           WHEN ex.country IS NULL THEN format('unknown BACI exporter code "%s"', raw.i)
	           WHEN im.country IS NULL THEN format('unknown BACI importer code "%s"', raw.j)
	           WHEN raw.product IS NULL THEN format('malformed HS code "%s" (BACI uses six digits, five for chapters 01-09)', raw.k_as_staged)
	           WHEN raw.v IS NULL THEN format('no trade value in range ("%s")', raw.v_as_staged)
	           WHEN raw.v < 0 THEN format('negative trade value %s', raw.v)
	           WHEN raw.q < 0 THEN format('negative quantity %s', raw.q)
	           WHEN raw.q IS NULL AND raw.q_text IS DISTINCT FROM 'NA' AND raw.q_text <> ''
	               THEN format('quantity "%s" is not a number in range', raw.q_text)
	           WHEN raw.v >= 1.7976931348623157e305 OR raw.q >= 1.7976931348623157e305 THEN 'a value out of range'
	       END AS reason
	FROM raw
	LEFT JOIN ref ex ON ex.baci = raw.exporter_code
	LEFT JOIN ref im ON im.baci = raw.importer_code;

	-- A BACI flow is stored as the exporter's export to the importer, FOB.
	-- Rows of a year no BACI file was loaded for cannot meet a stored key
	-- (other loads wait for this one: begin_load), so they go in by a plain
	-- INSERT, as fast as the key and indexes allow; otherwise by the upsert,
	-- which updates what changed and leaves the rest as it is.
	SELECT NOT EXISTS (SELECT FROM @extschema@.trade_flow f
	                   WHERE f.flow = 'X' AND f.source = 'baci'
	                     AND f.year IN (SELECT DISTINCT year FROM pg_temp.rareearth_baci_rows WHERE reason IS NULL))
	INTO new_years;
	-- The same natural key twice in one file: rows after the first in file
	-- order (staged_at) are refused.  A BACI file has none, so the rows are
	-- sorted into file order only when a duplicate shows: for the plain
	-- INSERT, when the table's unique key refuses one (the attempt is undone);
	-- for the upsert and the aggregates, when a hash over the keys finds one.
	FOR attempt IN 1..2 LOOP
		IF attempt = 2 OR EXISTS (SELECT FROM pg_temp.rareearth_baci_rows WHERE reason IS NULL AND (aggregate OR NOT new_years)
		                          GROUP BY exporter, importer, product, year HAVING count(*) > 1) THEN
			UPDATE pg_temp.rareearth_baci_rows m
			SET reason = 'duplicate of an earlier row for the same exporter, importer, product and year'
			FROM (SELECT ctid, row_number() OVER (PARTITION BY exporter, importer, product, year ORDER BY staged_at) AS n
			      FROM pg_temp.rareearth_baci_rows WHERE reason IS NULL) d
			WHERE m.ctid = d.ctid AND d.n > 1;
		END IF;
		BEGIN
			EXECUTE 'INSERT INTO @extschema@.trade_flow AS t (year, month, reporter, partner, flow, product, net_weight_kg, value_usd,
				valuation, source, release, synthetic)
			SELECT year, NULL, exporter, importer, ''X'', product, net_weight_kg, value_usd, ''FOB'', ''baci'', $1, $2
			FROM pg_temp.rareearth_baci_rows WHERE reason IS NULL AND NOT aggregate'
			|| CASE WHEN NOT new_years THEN '
			ON CONFLICT ON CONSTRAINT trade_flow_key DO UPDATE
				SET net_weight_kg = excluded.net_weight_kg, value_usd = excluded.value_usd, release = excluded.release,
				    synthetic = excluded.synthetic
				WHERE (t.net_weight_kg, t.value_usd, t.release, t.synthetic)
				      IS DISTINCT FROM (excluded.net_weight_kg, excluded.value_usd, excluded.release, excluded.synthetic)' ELSE '' END
			USING load_baci.release, load_baci.synthetic;
			EXIT;
		EXCEPTION WHEN unique_violation THEN
			IF attempt = 2 OR NOT new_years THEN
				RAISE;
			END IF;
		END;
	END LOOP;

	INSERT INTO @extschema@.trade_reported_total AS t (year, month, reporter, partner_area, flow, product, net_weight_kg,
		value_usd, valuation, source, release, synthetic)
	SELECT year, NULL, exporter, importer, 'X', product, net_weight_kg, value_usd, 'FOB', 'baci', load_baci.release,
	       load_baci.synthetic
	FROM pg_temp.rareearth_baci_rows WHERE reason IS NULL AND aggregate
	ON CONFLICT ON CONSTRAINT trade_reported_total_key DO UPDATE
		SET net_weight_kg = excluded.net_weight_kg, value_usd = excluded.value_usd, release = excluded.release,
		    synthetic = excluded.synthetic
		WHERE (t.net_weight_kg, t.value_usd, t.release, t.synthetic)
		      IS DISTINCT FROM (excluded.net_weight_kg, excluded.value_usd, excluded.release, excluded.synthetic);

	-- the refused rows' records, read again from the staging table by their place in it
	CREATE TEMP TABLE rareearth_rejects ON COMMIT DROP AS
	SELECT m.reason, to_jsonb(r) AS record, NULL::text AS severity, NULL::int AS line
	FROM pg_temp.rareearth_baci_rows m JOIN pg_temp.baci_raw r ON r.ctid = m.staged_at
	WHERE m.reason IS NOT NULL;
	PERFORM @extschema@.record_staged_rejects('baci'::text, load_baci.release, NULL::text);

	SELECT count(*) FILTER (WHERE reason IS NULL AND NOT aggregate), count(*) FILTER (WHERE reason IS NOT NULL),
	       count(*) FILTER (WHERE reason IS NULL AND aggregate)
	INTO rows_loaded, rows_rejected, rows_aggregate FROM pg_temp.rareearth_baci_rows;
	TRUNCATE pg_temp.baci_raw;
	DROP TABLE pg_temp.rareearth_baci_rows;
END
$fn$;
COMMENT ON FUNCTION @extschema@.load_baci(text, bool) IS
	'moves this session''s staging table pg_temp.baci_raw (CEPII BACI t,i,j,k,v,q, see stage) into trade_flow as the exporter''s FOB exports to the importer: v thousands of USD x 1000 -> USD, q tonnes x 1000 -> kg, country codes by their BACI codes, k of five digits read with its leading zero (10121 = 0101.21); returns (rows loaded, rows rejected, rows set aside as aggregates); refused rows go to load_rejects with the reason; loading twice changes nothing; loads run one at a time; empties the staging table; synthetic marks generated test data';
-- ---------------------------------------------------------------------------
-- The USGS MCS data releases into production and reserves (the world tables
-- of every chapter) and capacity: one path for every layout
-- ---------------------------------------------------------------------------
-- usgs_mcs_country(name): a country name as the MCS files print it.  Seen in
-- the MCS2023/MCS2024 per-commodity world files (data/usgs/mcs2023, mcs2024)
-- and the MCS2026 long table: glued footnote numbers ("China6", "World total
-- (rounded)10"), a glued estimate mark e ("Argentinae", "Korea, Republic ofe";
-- the PDF prints it as a superscript e), a kind in parentheses or after a
-- comma ("Brazil (beneficiated)", "Argentina, crude ore"), world totals with
-- their kind ("World total (ilmenite, rounded)", "World total, natural"),
-- "Other countries" and "Other", no-break spaces.  The name is tried as
-- printed (without footnote numbers) first, so "Korea, Republic of" and
-- "Congo (Kinshasa)" keep their comma and parentheses.
CREATE OR REPLACE FUNCTION @extschema@.usgs_mcs_country(name text, OUT country @extschema@.country, OUT estimated bool) RETURNS record
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	WITH n AS (
		SELECT btrim(regexp_replace(btrim(replace(name, U&'\00A0', ' ')), '([^0-9 ])[0-9]{1,2}$', '\1')) AS printed),
	tries AS (
		SELECT t.candidate, t.ord, t.ord > 3 AS estimated
		FROM n, LATERAL (VALUES (n.printed, 1), (regexp_replace(n.printed, '\s*\([^()]*\)$', ''), 2),
		                        (regexp_replace(n.printed, ',[^,]*$', ''), 3),
		                        (CASE WHEN n.printed ~ '[a-z]e$' THEN left(n.printed, -1) END, 4)) t (candidate, ord))
	SELECT CASE WHEN n.printed ~* '^world total' THEN 'WLD'::@extschema@.country
	            WHEN n.printed ~* '^other( countries)?e?($|[ (,])' THEN 'XAN'::@extschema@.country
	            ELSE (SELECT t.candidate::@extschema@.country FROM tries t
	                  WHERE t.candidate <> '' AND @extschema@.is_valid_country(t.candidate) ORDER BY t.ord LIMIT 1) END,
	       CASE WHEN n.printed ~* '^world total' THEN false
	            WHEN n.printed ~* '^other( countries)?e?($|[ (,])' THEN n.printed ~* '^other( countries)?e($|[ (,])'
	            ELSE coalesce((SELECT t.estimated FROM tries t
	                           WHERE t.candidate <> '' AND @extschema@.is_valid_country(t.candidate) ORDER BY t.ord LIMIT 1), false) END
	FROM n;
END;
COMMENT ON FUNCTION @extschema@.usgs_mcs_country(text) IS
	'a country name as the USGS MCS files print it into (country, estimated): footnote numbers glued on dropped, a glued estimate mark e read as estimated (Argentinae), a kind in parentheses or after a comma dropped when the rest is a country (Brazil (beneficiated), Argentina, crude ore), World total ... = WLD, Other countries = XAN; country NULL when no country is named (e.g. United States and Canada)';

-- usgs_mcs_statistic_name(statistics, detail): the name a US salient
-- statistic of the MCS2026 long table is stored under in published_statistic:
-- its Statistics_detail in snake case (lower case, every run of other
-- characters one underscore, % as percent, apostrophes dropped), so
-- "Production: Mineral concentrates" is production_mineral_concentrates and
-- "Imports for consumption" imports_for_consumption.  Net import reliance
-- takes the names the per-commodity salient files of MCS2023/MCS2024 get
-- (NIR_pct, NIR_Compounds-Metals_pct: see load_usgs_mcs_file) and the views
-- read: "Net import reliance as a percentage of apparent consumption" is
-- net_import_reliance, with what follows or precedes it appended
-- (": Compounds and metals" -> net_import_reliance_compounds_and_metals,
-- "Granite only: ... (based on value)" -> net_import_reliance_granite_only_based_on_value);
-- a basis other than apparent consumption is kept in the name
-- (net_import_reliance_of_estimated_consumption); a Net import reliance row
-- whose detail is a sentence ("The United States was 100% net import
-- reliant for its cesium needs") is net_import_reliance.  The long table
-- misspells "relianceas" twice; it is read as "reliance as".
CREATE OR REPLACE FUNCTION @extschema@.usgs_mcs_statistic_name(statistics text, detail text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	WITH d AS (
		SELECT lower(btrim(regexp_replace(replace(coalesce(detail, ''), U&'\00A0', ' '), 'relianceas', 'reliance as', 'gi'))) AS d),
	m AS (
		SELECT d.d, regexp_match(d.d, '^(.*?)net import reliance as a percentage of (.*?) ?consumption(.*)$') AS p FROM d)
	SELECT CASE WHEN btrim(statistics) ~* '^net import reliance$' AND m.p IS NULL THEN 'net_import_reliance'
	            ELSE btrim(regexp_replace(replace(regexp_replace(
	                     CASE WHEN m.p IS NULL THEN m.d
	                          ELSE 'net import reliance '
	                               || CASE WHEN m.p[2] = 'apparent' THEN '' ELSE 'of ' || m.p[2] || ' consumption ' END
	                               || m.p[1] || ' ' || m.p[3] END,
	                     U&'[''\2019]', '', 'g'), '%', ' percent'), '[^a-z0-9]+', '_', 'g'), '_') END
	FROM m;
END;
COMMENT ON FUNCTION @extschema@.usgs_mcs_statistic_name(text, text) IS
	'the published_statistic name of a US salient statistic of the MCS2026 long table, from its Statistics and Statistics_detail: the detail in snake case (Production: Mineral concentrates -> production_mineral_concentrates), net import reliance as net_import_reliance[_<what the detail adds>] (Net import reliance as a percentage of apparent consumption: Compounds and metals -> net_import_reliance_compounds_and_metals), the names the MCS2023/MCS2024 salient files get; a basis other than apparent consumption kept (net_import_reliance_of_estimated_consumption)';

-- usgs_mcs_load_rows(edition, source, commodity): what the loaders share.  It
-- reads this session's pg_temp.rareearth_mcs_long (the rows of one file in
-- the long layout of the MCS2026 release, as filled by load_usgs_mcs and
-- load_usgs_mcs_file), writes production, reserves and published_statistic
-- (capacity, and the US salient statistics of every commodity),
-- and leaves pg_temp.rareearth_mcs_rows: one row per long row with its
-- refusal reason (NULL when loaded) or why it was left out (out_of_scope:
-- another table, commodity not selected).
CREATE OR REPLACE FUNCTION @extschema@.usgs_mcs_load_rows(edition text, source text, commodity text[]) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
#variable_conflict use_column
DECLARE
	cover_year int;
BEGIN
	IF usgs_mcs_load_rows.edition IS NULL OR usgs_mcs_load_rows.edition !~ '^MCS[0-9]{4}$' THEN
		RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
			MESSAGE = format('invalid USGS MCS edition "%s"', usgs_mcs_load_rows.edition),
			HINT = 'Name the edition MCS followed by its cover year, e.g. MCS2026.';
	END IF;
	cover_year := substr(usgs_mcs_load_rows.edition, 4)::int;

	-- every staged row, classified once: in scope or not, and why it is refused.
	-- In scope: the world tables of every chapter (Section "World ..."),
	-- statistics Production, Reserves and Capacity.  The commodity is the row's
	-- (MCS chapter, Commodity) in commodities; a detail naming a kind
	-- ("Mine production: Bentonite", "Reserves: Cr2O3 content") is a series
	-- of its own ("clays: bentonite") when the file prints a world total for
	-- it, else a country's form of the commodity's main series (kept in detail);
	-- so is a production detail that names a product (Raw steel, Silicon metal).
	-- A per-commodity file gives the kind itself (given_kind, see
	-- load_usgs_mcs_file); it names a series only where the file prints
	-- several kinds of one statistic and stage.
	-- Quantities are converted into the commodity's canonical unit
	-- (commodities.unit; the printed unit is kept in published_unit).
	-- The US salient statistics (Section "Salient Statistics, United States":
	-- production, imports, exports, consumption, prices, stocks, employment,
	-- net import reliance) are figures of published_statistic as printed:
	-- value and unit as printed (metric tons, dollars per kilogram, percent,
	-- ...; no conversion), statistic named by usgs_mcs_statistic_name, the
	-- qualifier by parse_usgs_value's reading of the USGS legend (>, <, W,
	-- NA, E only for net import reliance) and estimated when the cell or its
	-- notes ("Estimated.") say so; a negative figure is kept as printed
	-- (stock releases).  The commodity is the row's (MCS chapter, Commodity)
	-- in commodities (the name compared without case: "Iron And Steel
	-- Scrap"); a Commodity that names no commodity of the chapter, such as an
	-- element of a price row ("Cerium" in RARE EARTHS, "Iridium" in
	-- PLATINUM-GROUP METALS, "Hafnium" in ZIRCONIUM AND HAFNIUM), is the
	-- chapter's commodity when the chapter has one, else the commodity named
	-- as the chapter (platinum-group metals), else the row is refused with
	-- the chapter's commodities named ("Argon" in HELIUM AND RARE GASES).
	-- Such a row's statistic ends in its Commodity (in snake case) unless
	-- the name has it already: DIAMOND (INDUSTRIAL) prints two tables,
	-- "Diamond (Bort, grit, ...)" and "Diamond (Stones, ...)", under the same
	-- details (net_import_reliance_diamond_stones_natural_and_synthetic),
	-- while "Price ...: Cerium oxide" of Commodity "Cerium" stays as it is.
	-- Rows that still name the same statistic and year twice (MICA (NATURAL)
	-- prints its sheet-mica table under the same Commodity and details as
	-- scrap and flake) are refused after the first, as duplicates.
	CREATE TEMP TABLE rareearth_mcs_rows ON COMMIT DROP AS
	WITH raw AS (
		SELECT r.ord, r.line, r.record, btrim(replace(r.country_name, U&'\00A0', ' ')) AS country_name,
		       r.chapter, r.usgs_name, r.section, r.statistic,
		       regexp_replace(btrim(replace(r.detail, U&'\00A0', ' ')), '(: |, )rounded$', '') AS detail,
		       btrim(r.published_unit) AS published_unit,
		       btrim(r.year_text) AS year_text, r.cell, r.notes, r.kind_given, r.given_kind
		FROM pg_temp.rareearth_mcs_long r
		WHERE r.section LIKE 'World%' AND r.statistic IN ('Production', 'Reserves', 'Capacity')),
	staged AS (
		SELECT raw.*,
		       CASE WHEN raw.statistic = 'Reserves' THEN NULL
		            WHEN raw.usgs_name = 'Alumina' THEN 'separation'
		            WHEN raw.detail ~* 'mine production|mineral concentrates' THEN 'mining'
		            WHEN raw.detail ~* 'refinery|smelter|primary production|sponge metal|silicon metal|ferrosilicon|pig iron|raw steel' THEN 'metal'
		            WHEN raw.section ~* 'mine' THEN 'mining'
		            ELSE 'product' END::@extschema@.supply_stage AS stage
		FROM raw),
	ranked AS (
		-- how many kinds a per-commodity file prints for one statistic and stage
		SELECT st.*, dense_rank() OVER (PARTITION BY st.chapter, st.usgs_name, st.statistic, st.stage ORDER BY st.given_kind) AS kind_rank
		FROM staged st),
	kinds AS (
		SELECT st.*,
		       CASE WHEN st.kind_given THEN
		                 CASE WHEN max(st.kind_rank) OVER (PARTITION BY st.chapter, st.usgs_name, st.statistic, st.stage) > 1 THEN st.given_kind END
		            WHEN st.statistic = 'Production' AND st.detail !~* 'production' THEN lower(st.detail)  -- Pig iron, Raw steel, Ferrosilicon, Silicon metal
		            WHEN st.detail ~ '^Mica \(' THEN lower(substring(st.detail FROM '^Mica \(([^)]*)\)'))
		            ELSE nullif(nullif(lower(coalesce(substring(st.detail FROM ': (.*)$'), substring(st.detail FROM '—(.*)$'))),
		                               lower(st.usgs_name)), 'all forms') END AS kind
		FROM ranked st),
	series AS (
		SELECT k.*,
		       CASE WHEN bool_or(k.country_name ~* '^world total')
		                 OVER (PARTITION BY k.chapter, k.usgs_name, k.statistic, k.kind) THEN k.kind END AS series_kind
		FROM kinds k),
	checked AS (
		SELECT s.*, c.name || coalesce(': ' || s.series_kind, '') AS commodity, c.unit,
		       @extschema@.usgs_unit_factor(s.published_unit, c.unit) AS factor,
		       c.name IS NULL AS unknown_commodity,
		       CASE WHEN usgs_mcs_load_rows.commodity IS NOT NULL AND NOT c.name = ANY (usgs_mcs_load_rows.commodity)
		            THEN 'commodity not selected' END AS out_of_scope,
		       n.country, coalesce(n.estimated, false) AS name_estimated,
		       CASE WHEN s.year_text ~ '^[0-9]{4}$' THEN s.year_text::int END AS year,
		       @extschema@.usgs_value_problem(coalesce(s.cell, '')) AS cell_problem
		FROM series s
		LEFT JOIN @extschema@.commodities c ON c.usgs_chapter = s.chapter AND c.usgs_name = s.usgs_name
		LEFT JOIN LATERAL @extschema@.usgs_mcs_country(s.country_name) n ON true),
	parsed AS (
		SELECT c.*, p.value * c.factor AS value, p.qualifier AS printed_qualifier, p.estimated
		FROM checked c
		LEFT JOIN LATERAL @extschema@.parse_usgs_value(CASE WHEN c.cell_problem IS NULL THEN c.cell END) p ON true),
	salient AS (
		SELECT r.ord, r.line, r.record, btrim(replace(r.country_name, U&'\00A0', ' ')) AS country_name,
		       btrim(r.chapter) AS chapter, btrim(replace(r.usgs_name, U&'\00A0', ' ')) AS usgs_name,
		       coalesce(r.statistic ~* '^\s*net import reliance\s*$', false) AS nir,
		       @extschema@.usgs_mcs_statistic_name(r.statistic, r.detail) AS name,
		       coalesce(nullif(btrim(replace(r.published_unit, U&'\00A0', ' ')), ''), 'not printed') AS published_unit,
		       btrim(r.year_text) AS year_text, r.cell, coalesce(r.notes, '') ~ '^\s*Estimated\.' AS notes_estimated
		FROM pg_temp.rareearth_mcs_long r
		WHERE btrim(r.section) LIKE 'Salient Statistics%'),
	salient_checked AS (
		SELECT s.ord, s.line, s.record, s.country_name, s.chapter, s.usgs_name, s.nir, s.published_unit, s.year_text, s.cell,
		       s.notes_estimated, m.name AS commodity,
		       -- a row named after a part of its commodity (Diamond (Stones, ...),
		       -- Industrial cultured quartz crystal) says which part in its name
		       CASE WHEN m.exact OR strpos(s.name, k.part) > 0 THEN s.name ELSE s.name || '_' || k.part END AS name,
		       (SELECT string_agg(c.name, ', ' ORDER BY c.name) FROM @extschema@.commodities c WHERE c.usgs_chapter = s.chapter) AS chapter_commodities,
		       CASE WHEN usgs_mcs_load_rows.commodity IS NOT NULL
		             AND NOT EXISTS (SELECT FROM @extschema@.commodities c
		                             WHERE c.usgs_chapter = s.chapter AND c.name = ANY (usgs_mcs_load_rows.commodity)
		                               AND (m.name IS NULL OR c.name = m.name))
		            THEN 'commodity not selected' END AS out_of_scope,
		       n.country, CASE WHEN s.year_text ~ '^[0-9]{4}$' THEN s.year_text::int END AS year,
		       @extschema@.usgs_value_problem(coalesce(s.cell, '')) AS cell_problem
		FROM salient s
		LEFT JOIN LATERAL (
			SELECT e.name IS NOT NULL AS exact,
			       coalesce(e.name,
			           (SELECT min(c.name) FROM @extschema@.commodities c WHERE c.usgs_chapter = s.chapter HAVING count(*) = 1),
			           (SELECT c.name FROM @extschema@.commodities c WHERE c.usgs_chapter = s.chapter AND lower(c.usgs_name) = lower(s.chapter))) AS name
			FROM (SELECT (SELECT c.name FROM @extschema@.commodities c
			              WHERE c.usgs_chapter = s.chapter AND lower(c.usgs_name) = lower(s.usgs_name)) AS name) e) m ON true
		CROSS JOIN LATERAL (SELECT @extschema@.usgs_mcs_statistic_name(NULL, s.usgs_name) AS part) k
		LEFT JOIN LATERAL @extschema@.usgs_mcs_country(s.country_name) n ON true),
	salient_parsed AS (
		SELECT c.*, p.value, p.qualifier AS printed_qualifier, coalesce(p.estimated, false) OR c.notes_estimated AS estimated
		FROM salient_checked c
		LEFT JOIN LATERAL @extschema@.parse_usgs_value(CASE WHEN c.cell_problem IS NULL THEN c.cell END) p ON true)
	SELECT p.ord, p.line, p.record, p.statistic, p.country, p.year, p.value, p.commodity, p.stage, p.unit,
	       p.published_unit, p.detail, p.out_of_scope,
	       -- a bound or code as printed; otherwise e when the cell, its notes or the country name say so
	       coalesce(p.printed_qualifier,
	                CASE WHEN p.estimated OR p.notes LIKE 'Estimated.%' OR p.name_estimated THEN 'e' END) AS qualifier,
	       CASE
	           WHEN p.unknown_commodity THEN format('unknown commodity "%s" of chapter "%s"', p.usgs_name, p.chapter)
	           WHEN p.out_of_scope IS NOT NULL THEN NULL
	           WHEN p.country IS NULL AND p.country_name ~ ' and ' THEN format('countries reported together ("%s")', p.country_name)
	           WHEN p.country IS NULL THEN format('unknown country name "%s"', p.country_name)
	           WHEN p.year IS NULL THEN format('year "%s" is not a single year', p.year_text)
	           WHEN p.factor IS NULL THEN format('unit "%s" cannot be converted to %s, the unit of %s', p.published_unit, p.unit, p.commodity)
	           WHEN p.cell_problem IS NOT NULL THEN format('value "%s": %s', p.cell, p.cell_problem)
	           WHEN p.printed_qualifier = 'E' THEN 'value E (net exporter) outside a net import reliance row'
	           WHEN p.value < 0 THEN format('negative quantity %s', p.value)
	       END AS reason,
	       NULL::bool AS estimated
	FROM parsed p
	UNION ALL
	-- the US salient statistics: statistic 'Salient', the published_statistic
	-- name in detail, the unit as printed
	SELECT p.ord, p.line, p.record, 'Salient', p.country, p.year, p.value, p.commodity, NULL, p.published_unit,
	       p.published_unit, p.name, p.out_of_scope,
	       coalesce(p.printed_qualifier, CASE WHEN p.estimated THEN 'e' END),
	       CASE
	           WHEN p.out_of_scope IS NOT NULL THEN NULL
	           WHEN p.commodity IS NULL AND p.chapter_commodities IS NULL
	                THEN format('unknown commodity "%s" of chapter "%s"', p.usgs_name, p.chapter)
	           WHEN p.commodity IS NULL
	                THEN format('commodity "%s" of chapter "%s" is none of the chapter''s commodities (%s), and the chapter has several',
	                            p.usgs_name, p.chapter, p.chapter_commodities)
	           WHEN p.country IS NULL THEN format('unknown country name "%s"', p.country_name)
	           WHEN p.year IS NULL THEN format('year "%s" is not a single year', p.year_text)
	           WHEN p.cell_problem IS NOT NULL THEN format('value "%s": %s', p.cell, p.cell_problem)
	           WHEN p.printed_qualifier = 'E' AND NOT p.nir THEN 'value E (net exporter) outside a net import reliance row'
	       END,
	       p.estimated
	FROM salient_parsed p
	UNION ALL
	-- the rows of other tables, with why they are not loaded
	SELECT r.ord, r.line, r.record, r.statistic, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
	       CASE WHEN r.section LIKE 'World%' THEN format('statistic "%s" is not loaded (only Production, Reserves, Capacity)', r.statistic)
	            ELSE format('not a world table (section "%s")', r.section) END,
	       NULL, NULL, NULL
	FROM pg_temp.rareearth_mcs_long r
	WHERE NOT (r.section LIKE 'World%' AND r.statistic IN ('Production', 'Reserves', 'Capacity'))
	  AND NOT coalesce(btrim(r.section) LIKE 'Salient Statistics%', false);

	-- the file must be the edition it is loaded as: MCSyyyy reports the years
	-- yyyy-2 and yyyy-1 (production) and reserves as of yyyy-1; anything else
	-- is an error that loads nothing (MCS2026's figures stored as MCS2019
	-- would be silently wrong)
	-- (a reserves row may quote an older national estimate: MCS2026 gives
	-- Australia's scandium reserves as of 2023, so reserves may be as of up
	-- to three years before the cover year; the salient statistics cover
	-- the five years yyyy-5 to yyyy-1)
	IF EXISTS (SELECT 1 FROM pg_temp.rareearth_mcs_rows m
	           WHERE m.year IS NOT NULL AND m.out_of_scope IS NULL
	             AND CASE WHEN m.statistic = 'Reserves' THEN m.year NOT BETWEEN cover_year - 3 AND cover_year - 1
	                      WHEN m.statistic = 'Salient' THEN m.year NOT BETWEEN cover_year - 5 AND cover_year - 1
	                      ELSE m.year NOT IN (cover_year - 2, cover_year - 1) END) THEN
		RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
			MESSAGE = format('the staged file reports the years %s to %s, not those of %s (%s and %s)',
				(SELECT min(m.year) FROM pg_temp.rareearth_mcs_rows m), (SELECT max(m.year) FROM pg_temp.rareearth_mcs_rows m),
				usgs_mcs_load_rows.edition, cover_year - 2, cover_year - 1),
			HINT = format('Load it as MCS%s.', (SELECT max(m.year) FROM pg_temp.rareearth_mcs_rows m) + 1);
	END IF;

	-- the same key twice in one file: rows after the first in file order are refused, not merged
	UPDATE pg_temp.rareearth_mcs_rows m SET reason = 'duplicate of an earlier row for the same commodity, country, year and statistic'
	FROM (SELECT ctid, row_number() OVER (PARTITION BY statistic, commodity, stage, country,
	                                                       CASE WHEN statistic <> 'Reserves' THEN year END,
	                                                       CASE WHEN statistic IN ('Capacity', 'Salient') THEN detail END
	                                     ORDER BY ord) AS n
	      FROM pg_temp.rareearth_mcs_rows WHERE reason IS NULL AND out_of_scope IS NULL) d
	WHERE m.ctid = d.ctid AND d.n > 1;

	INSERT INTO @extschema@.production AS t (country, year, commodity, stage, quantity_t, qualifier, series, edition, source,
	                                         unit, published_unit, detail)
	SELECT country, year, commodity, stage, value, qualifier, 'MCS', usgs_mcs_load_rows.edition, usgs_mcs_load_rows.source,
	       unit, published_unit, detail
	FROM pg_temp.rareearth_mcs_rows WHERE reason IS NULL AND out_of_scope IS NULL AND statistic = 'Production'
	ON CONFLICT (country, year, commodity, stage, edition) DO UPDATE
		SET quantity_t = excluded.quantity_t, qualifier = excluded.qualifier, source = excluded.source,
		    unit = excluded.unit, published_unit = excluded.published_unit, detail = excluded.detail
		WHERE (t.quantity_t, t.qualifier, t.source, t.unit, t.published_unit, t.detail)
		      IS DISTINCT FROM (excluded.quantity_t, excluded.qualifier, excluded.source, excluded.unit, excluded.published_unit, excluded.detail);

	-- an edition's reserves are as of the year in its Year column (its cover year minus one)
	INSERT INTO @extschema@.reserves AS t (country, commodity, as_of_year, quantity_t, qualifier, series, edition, source,
	                                       unit, published_unit, detail)
	SELECT country, commodity, year, value, qualifier, 'MCS', usgs_mcs_load_rows.edition, usgs_mcs_load_rows.source,
	       unit, published_unit, detail
	FROM pg_temp.rareearth_mcs_rows WHERE reason IS NULL AND out_of_scope IS NULL AND statistic = 'Reserves'
	ON CONFLICT (country, commodity, edition) DO UPDATE
		SET as_of_year = excluded.as_of_year, quantity_t = excluded.quantity_t,
		    qualifier = excluded.qualifier, source = excluded.source,
		    unit = excluded.unit, published_unit = excluded.published_unit, detail = excluded.detail
		WHERE (t.as_of_year, t.quantity_t, t.qualifier, t.source, t.unit, t.published_unit, t.detail)
		      IS DISTINCT FROM (excluded.as_of_year, excluded.quantity_t, excluded.qualifier, excluded.source,
		                        excluded.unit, excluded.published_unit, excluded.detail);

	-- capacity is no production: the printed figures go to published_statistic
	-- (statistic "capacity: <detail as printed>", in the commodity's unit);
	-- so do the US salient statistics, as printed (the unit as printed)
	INSERT INTO @extschema@.published_statistic AS t (country, commodity, statistic, year, value, unit, qualifier, estimated, edition, source)
	SELECT country, commodity, CASE WHEN statistic = 'Capacity' THEN 'capacity: ' || lower(detail) ELSE detail END, year, value, unit,
	       qualifier, coalesce(estimated, qualifier = 'e', false), usgs_mcs_load_rows.edition, usgs_mcs_load_rows.source
	FROM pg_temp.rareearth_mcs_rows WHERE reason IS NULL AND out_of_scope IS NULL AND statistic IN ('Capacity', 'Salient')
	ON CONFLICT (country, commodity, statistic, year, edition) DO UPDATE
		SET value = excluded.value, unit = excluded.unit, qualifier = excluded.qualifier,
		    estimated = excluded.estimated, source = excluded.source
		WHERE (t.value, t.unit, t.qualifier, t.estimated, t.source)
		      IS DISTINCT FROM (excluded.value, excluded.unit, excluded.qualifier, excluded.estimated, excluded.source);
END
$fn$;
COMMENT ON FUNCTION @extschema@.usgs_mcs_load_rows(text, text, text[]) IS
	'loader helper shared by load_usgs_mcs and load_usgs_mcs_file: moves the world tables (Production, Reserves, Capacity) of this session''s pg_temp.rareearth_mcs_long (one file in the long layout of the MCS2026 release) into production, reserves and published_statistic, and its US salient statistics (Section Salient Statistics...) into published_statistic as printed (statistic named by usgs_mcs_statistic_name, unit as printed; a Commodity that is an element or part of its chapter''s commodity is that commodity, or refused when the chapter has several), under the edition, with source as the rows'' source, only the commodities named (NULL: all); leaves each row''s outcome in pg_temp.rareearth_mcs_rows (reason NULL and out_of_scope NULL = loaded; out_of_scope = left out: another table, commodity not selected); the years must be the edition''s (salient statistics: the five years before the cover year), else an error that loads nothing';

-- load_usgs_mcs(edition): the rows staged with \copy into pg_temp.usgs_mcs_raw
-- (the MCS2026 long table, see stage)
CREATE OR REPLACE FUNCTION @extschema@.load_usgs_mcs(edition text,
	OUT rows_loaded bigint, OUT rows_rejected bigint, OUT rows_out_of_scope bigint) RETURNS record
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
#variable_conflict use_column
BEGIN
	-- usgs_mcs_load_rows checks the edition
	PERFORM @extschema@.begin_load('usgs_mcs'::text);
	CREATE TEMP TABLE rareearth_mcs_long ON COMMIT DROP AS
	SELECT row_number() OVER (ORDER BY r.ctid) AS ord, NULL::int AS line, to_jsonb(r) AS record,
	       r."MCS chapter" AS chapter, r."Commodity" AS usgs_name, r."Section" AS section, r."Country" AS country_name,
	       r."Statistics" AS statistic, r."Statistics_detail" AS detail, r."Unit" AS published_unit,
	       r."Year" AS year_text, r."Value" AS cell, r."Notes" AS notes, false AS kind_given, NULL::text AS given_kind
	FROM pg_temp.usgs_mcs_raw r;
	PERFORM @extschema@.usgs_mcs_load_rows(load_usgs_mcs.edition,
		format('USGS Mineral Commodity Summaries data release, %s (load_usgs_mcs)', load_usgs_mcs.edition), NULL::text[]);

	-- refused rows, and the rows of other tables (severity out_of_scope)
	CREATE TEMP TABLE rareearth_rejects ON COMMIT DROP AS
	SELECT coalesce(reason, out_of_scope) AS reason, record,
	       CASE WHEN reason IS NULL THEN 'out_of_scope' END AS severity, NULL::int AS line
	FROM pg_temp.rareearth_mcs_rows WHERE reason IS NOT NULL OR out_of_scope IS NOT NULL;
	PERFORM @extschema@.record_staged_rejects('usgs_mcs'::text, load_usgs_mcs.edition, NULL::text);

	SELECT count(*) FILTER (WHERE reason IS NULL AND out_of_scope IS NULL), count(*) FILTER (WHERE reason IS NOT NULL)
	INTO rows_loaded, rows_rejected FROM pg_temp.rareearth_mcs_rows;
	SELECT count(*) - rows_loaded - rows_rejected INTO rows_out_of_scope FROM pg_temp.usgs_mcs_raw;
	TRUNCATE pg_temp.usgs_mcs_raw;
	DROP TABLE pg_temp.rareearth_mcs_rows, pg_temp.rareearth_mcs_long;
END
$fn$;
COMMENT ON FUNCTION @extschema@.load_usgs_mcs(text) IS
	'moves the world tables of every commodity (Section World ..., statistics Production, Reserves, Capacity; their years must be the edition''s: MCSyyyy reports yyyy-2 and yyyy-1, reserves as of yyyy-3 to yyyy-1, else an error that loads nothing) and the US salient statistics of every commodity (production, imports, exports, consumption, prices, stocks, employment, net import reliance of yyyy-5 to yyyy-1, as printed, named by usgs_mcs_statistic_name) of this session''s staging table pg_temp.usgs_mcs_raw (the MCS data-release CSV, see stage) into production, reserves and (capacity, salient statistics) published_statistic under the given edition (e.g. MCS2026), values parsed by parse_usgs_value and converted into the commodity''s canonical unit (commodities.unit; the printed unit kept in published_unit); refused rows go to load_rejects with the reason; other sections are counted as out of scope and filed there too (severity out_of_scope); empties the staging table; loads run one at a time; loading the same file twice changes nothing (load_usgs_mcs_file reads a downloaded file of any MCS layout without \copy)';
-- ---------------------------------------------------------------------------
-- Who may read the reference tables
-- ---------------------------------------------------------------------------
-- The reference tables (rare-earth elements, HS catalogue, revisions and
-- concordance) are published classifications that functions anyone may call
-- (to_reo, reo_content, hs_stage, hs_convert) read as their caller.  A
-- trusted extension's script runs as the bootstrap superuser, who then owns
-- them; without this grant a database owner who installed the extension got
-- "permission denied" (42501) from those functions.  Reading is all anyone
-- needs: the tables change only with the extension.
GRANT SELECT ON @extschema@.rare_earth_elements, @extschema@.hs_catalogue, @extschema@.hs_revisions,
	@extschema@.hs_concordance, @extschema@.commodities TO PUBLIC;
