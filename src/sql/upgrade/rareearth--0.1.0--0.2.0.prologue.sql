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
