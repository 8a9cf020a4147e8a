-- planted_objects: a database owner who installed the (trusted) extension
-- owns schema rareearth and may create objects there and in public.  Such an
-- owner plants, in both schemas, overloads that match the argument types of
-- the calls in the extension's SQL and PL/pgSQL bodies better than the
-- built-ins do (format(text, VARIADIC "any") loses to format(text, text),
-- to_jsonb(anyelement) to to_jsonb(record), ...), each of which would make
-- the owner superuser and leaves a trace.  A superuser then runs every
-- loader, view and SQL/PL/pgSQL function with the planting schemas first on
-- its search path.  None of the planted objects may run.
\set VERBOSITY terse
SET client_min_messages = warning;
CREATE ROLE planting_owner LOGIN;
CREATE DATABASE rareearth_planted OWNER planting_owner;
\c rareearth_planted planting_owner
SET client_min_messages = warning;
CREATE EXTENSION rareearth;
CREATE TABLE public.planted_calls (what text NOT NULL);
GRANT INSERT, SELECT ON public.planted_calls TO PUBLIC;
-- the trap: record the call, and escalate when a superuser runs it
CREATE FUNCTION public.spring(what text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO public.planted_calls VALUES (what);
	IF (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user) THEN
		EXECUTE 'ALTER ROLE planting_owner SUPERUSER';
	END IF;
END $$;
DO $plant$
DECLARE
	s text;
BEGIN
	FOREACH s IN ARRAY ARRAY['rareearth', 'public'] LOOP
		EXECUTE format($f$
			CREATE FUNCTION %1$I.format(text, text) RETURNS text LANGUAGE plpgsql AS
				'BEGIN PERFORM public.spring(''format''); RETURN pg_catalog.format($1, $2); END';
			CREATE FUNCTION %1$I.format(text, float8) RETURNS text LANGUAGE plpgsql AS
				'BEGIN PERFORM public.spring(''format''); RETURN pg_catalog.format($1, $2); END';
			CREATE FUNCTION %1$I.format(text, text, text) RETURNS text LANGUAGE plpgsql AS
				'BEGIN PERFORM public.spring(''format''); RETURN pg_catalog.format($1, $2, $3); END';
			CREATE FUNCTION %1$I.to_jsonb(record) RETURNS jsonb LANGUAGE plpgsql AS
				'BEGIN PERFORM public.spring(''to_jsonb''); RETURN pg_catalog.to_jsonb($1); END';
			CREATE FUNCTION %1$I.jsonb_build_object(text, text, text, jsonb) RETURNS jsonb LANGUAGE plpgsql AS
				'BEGIN PERFORM public.spring(''jsonb_build_object''); RETURN pg_catalog.jsonb_build_object($1, $2, $3, $4); END';
			CREATE FUNCTION %1$I.btrim(varchar) RETURNS text LANGUAGE plpgsql AS
				'BEGIN PERFORM public.spring(''btrim''); RETURN pg_catalog.btrim($1); END';
			CREATE FUNCTION %1$I.substr(text, int) RETURNS text LANGUAGE plpgsql AS
				'BEGIN PERFORM public.spring(''substr''); RETURN pg_catalog.substr($1, $2); END';
			CREATE FUNCTION %1$I.to_regclass(text) RETURNS regclass LANGUAGE plpgsql AS
				'BEGIN PERFORM public.spring(''to_regclass''); RETURN pg_catalog.to_regclass($1); END';
			CREATE FUNCTION %1$I.abs(numeric) RETURNS numeric LANGUAGE plpgsql AS
				'BEGIN PERFORM public.spring(''abs''); RETURN pg_catalog.abs($1); END';
			CREATE FUNCTION %1$I.jsonb_array_elements(jsonb) RETURNS SETOF jsonb LANGUAGE plpgsql AS
				'BEGIN PERFORM public.spring(''jsonb_array_elements''); RETURN QUERY SELECT pg_catalog.jsonb_array_elements($1); END';
			CREATE FUNCTION %1$I.jsonb_agg_planted(jsonb, jsonb) RETURNS jsonb LANGUAGE plpgsql AS
				'BEGIN PERFORM public.spring(''jsonb_agg''); RETURN coalesce($1, ''[]'') || $2; END';
			CREATE AGGREGATE %1$I.jsonb_agg(jsonb) (SFUNC = %1$I.jsonb_agg_planted, STYPE = jsonb);
			CREATE FUNCTION %1$I.array_agg_planted(text[], text) RETURNS text[] LANGUAGE plpgsql AS
				'BEGIN PERFORM public.spring(''array_agg''); RETURN $1 || $2; END';
			CREATE AGGREGATE %1$I.array_agg(text) (SFUNC = %1$I.array_agg_planted, STYPE = text[]);
			CREATE FUNCTION %1$I.count_planted(bigint) RETURNS bigint LANGUAGE plpgsql AS
				'BEGIN PERFORM public.spring(''count''); RETURN coalesce($1, 0) + 1; END';
			CREATE AGGREGATE %1$I.count(*) (SFUNC = %1$I.count_planted, STYPE = bigint);
			CREATE FUNCTION %1$I.text_matches(text, varchar) RETURNS bool LANGUAGE plpgsql AS
				'BEGIN PERFORM public.spring(''~''); RETURN $1 ~ $2; END';
			CREATE OPERATOR %1$I.~ (LEFTARG = text, RIGHTARG = varchar, FUNCTION = %1$I.text_matches);
			CREATE FUNCTION %1$I.float_times(float8, int) RETURNS float8 LANGUAGE plpgsql AS
				'BEGIN PERFORM public.spring(''*''); RETURN $1 * $2::float8; END';
			CREATE OPERATOR %1$I.* (LEFTARG = float8, RIGHTARG = int, FUNCTION = %1$I.float_times);
			CREATE FUNCTION %1$I.float_lt(float8, numeric) RETURNS bool LANGUAGE plpgsql AS
				'BEGIN PERFORM public.spring(''<''); RETURN $1 < $2::float8; END';
			CREATE OPERATOR %1$I.< (LEFTARG = float8, RIGHTARG = numeric, FUNCTION = %1$I.float_lt);
			CREATE FUNCTION %1$I.text_cat(text, varchar) RETURNS text LANGUAGE plpgsql AS
				'BEGIN PERFORM public.spring(''||''); RETURN $1 || $2::text; END';
			CREATE OPERATOR %1$I.|| (LEFTARG = text, RIGHTARG = varchar, FUNCTION = %1$I.text_cat);
		$f$, s);
	END LOOP;
END
$plant$;
-- the extension's own functions too: look-alikes taking types that would
-- win over an inexact call
CREATE FUNCTION rareearth.begin_load(varchar) RETURNS void LANGUAGE plpgsql AS
	$$ BEGIN PERFORM public.spring('begin_load'); END $$;
CREATE FUNCTION rareearth.record_rejects(varchar, text, jsonb) RETURNS bigint LANGUAGE plpgsql AS
	$$ BEGIN PERFORM public.spring('record_rejects'); RETURN 0; END $$;
CREATE FUNCTION rareearth.stage(varchar) RETURNS regclass LANGUAGE plpgsql AS
	$$ BEGIN PERFORM public.spring('stage'); RETURN NULL; END $$;
-- the traps are live: with the planting schema on the path, a plain call springs one
SET search_path = rareearth, public, pg_catalog;
SELECT format('%s', 'x'::text) AS planted_format_runs;
SELECT count(*) = 1 AS trap_works FROM public.planted_calls;
DELETE FROM public.planted_calls;
RESET search_path;

-- a superuser runs everything, with the planting schemas first on its path
-- (the test's own queries write pg_catalog.count: the planted count(*) would
-- catch them, not the extension)
\c rareearth_planted postgres
SET client_min_messages = warning;
SET search_path = rareearth, public, pg_catalog;
SELECT create_store();
SELECT stage('usgs_mcs'), stage('comtrade'), stage('baci');
\copy usgs_mcs_raw FROM 'test/fixtures/usgs_mcs2026_fixture.csv' CSV HEADER ENCODING 'WIN1252'
SELECT rows_loaded > 0 AS mcs_loaded FROM load_usgs_mcs('MCS2026');
\copy comtrade_raw FROM 'test/fixtures/comtrade_synthetic.csv' WITH (FORMAT csv, HEADER match)
SELECT rows_loaded > 0 AS comtrade_loaded FROM load_comtrade('planted test', true);
\copy baci_raw FROM 'test/fixtures/baci_synthetic.csv' CSV HEADER
SELECT rows_loaded > 0 AS baci_loaded FROM load_baci('planted test', true);
SELECT rows_loaded > 0 AS comtrade_file_loaded
FROM load_comtrade_file(convert_to(E'Classification,Year,Period,Trade Flow Code,Reporter Code,Partner Code,Commodity Code,Netweight (kg),Trade Value (US$)\n'
	'H4,2016,2016,1,381,156,2846,2000,30000\n', 'UTF8'), 'planted.csv', synthetic => true);
SELECT rows_loaded > 0 AS baci_file_loaded
FROM load_baci_file(convert_to(E't,i,j,k,v,q\n2023,643,156,284690,12.5,NA\n', 'UTF8'), 'BACI_HS17_Y2023_V202501.csv', synthetic => true);
SELECT create_store();
SELECT create_store_views();
SELECT reliance_stage('284690') AS reliance_stage;
SELECT load_usgs_mcs('bad edition');
-- a downloaded file, as bytes (the same loader path)
SELECT rows_loaded AS mcs_file_loaded, rows_out_of_scope AS mcs_file_out_of_scope
FROM load_usgs_mcs_file(convert_to(E'Source,Country,Type,Prod_t_2021,Prod_t_est_2022,Prod_notes,Reserves_t\r\nMCS2023,Chinae,Mine production,"168,000",210000,,44000000\r\n,,,,,,\r\n', 'UTF8'),
                        'mcs2023-raree_world.csv');
-- the MCS2026 long table: a world row and a US salient statistic (an element's price: its chapter's commodity)
SELECT rows_loaded AS mcs_long_loaded, rows_rejected AS mcs_long_rejected
FROM load_usgs_mcs_file(convert_to(E'MCS chapter,Section,Commodity,Country,Statistics,Statistics_detail,Unit,Year,Value,Notes,Is critical mineral 2025,Other notes\r\n'
	'RARE EARTHS,World Mine Production and Reserves,Rare Earths,China,Production,Mine production,metric tons,2025,"270,000",Estimated.,Yes,\r\n'
	'RARE EARTHS,Salient Statistics\u2014United States,Cerium,United States,Price,"Price, average, dollars per kilogram: Cerium oxide, 99.5% minimum",dollars per kilogram,2025,1.5,Estimated.,Yes,\r\n', 'WIN1252'),
	'usgs_mcs2026_commodities_data.csv');
-- every view of the store
SELECT pg_catalog.count(*) >= 0 AS views_read FROM (
	SELECT 1 FROM production_latest UNION ALL SELECT 1 FROM reserves_latest
	UNION ALL SELECT 1 FROM supply_share UNION ALL SELECT 1 FROM supply_concentration
	UNION ALL SELECT 1 FROM development UNION ALL SELECT 1 FROM target_tracking
	UNION ALL SELECT 1 FROM import_reliance UNION ALL SELECT 1 FROM import_dependency
	UNION ALL SELECT 1 FROM crma_benchmarks UNION ALL SELECT 1 FROM usgs_net_import_reliance) v;
-- every SQL and PL/pgSQL function that is not a loader, with ordinary arguments
SELECT hs_stage('284690') AS stage, reo_content('2846.10') > 0 AS content, to_reo(1000, '2846.10') > 0 AS reo,
       (SELECT pg_catalog.count(*) FROM hs_convert('284690', 'H5', 'H6')) AS conversions,
       decimal_or_null('1e400') IS NULL AND decimal_or_null(' 12.5 ') = 12.5 AS decimals,
       comtrade_flag('True') AND NOT comtrade_flag('0') AND comtrade_flag('') IS NULL AS flags,
       (SELECT pg_catalog.count(*) FROM accepted_hscodes(ARRAY['2846', 'x'])) AS accepted,
       governance_scores('geopolrisk', 2019, 2023) IS NOT NULL AS governance_scores,
       in_group('USA', 'OECD', 2020) AS in_group, group_share('{"USA": 1}', 'G7', 2020) = 1 AS group_share,
       (SELECT pg_catalog.count(*) FROM group_members('G7', 2020)) AS g7_members,
       usgs_unit_factor('thousand metric tons', 't') AS unit_factor,
       (usgs_mcs_country('Korea, Republic ofe')).country::text AS mcs_country,
       usgs_mcs_statistic_name('Net import reliance', 'Net import reliance as a percentage of apparent consumption: Compounds and metals') AS statistic_name,
       commodity_name('graphite') AS commodity_name, min_concentration_coverage() AS min_coverage;
SELECT to_content('283691', 1000) > 0 AS content, trade_content('2825.20', 'lithium', 'high') > 0 AS trade_content,
       trade_stage('810194') AS trade_stage, (trade_catalogue_row('250410', NULL)).commodity AS catalogue_row,
       formula_mass('Li2CO3') > 0 AS formula_mass, stoichiometric_content('Li2CO3', 'Li') > 0 AS stoichiometry,
       (SELECT pg_catalog.count(*) FROM formula_atoms('CoSO4.7H2O')) AS formula_atoms;
SELECT 'RUS'::country = 'Russia'::text AND 'Russia'::text = 'RUS'::country AS text_eq,
       NOT ('RUS'::country <> 'RU'::text OR 'RU'::text <> 'RUS'::country) AS text_ne,
       store_view_definition('supply_share', 'SELECT {{country: p.country}}') AS view_definition,
       (SELECT pg_catalog.count(*) FROM store_view_country_columns()) AS country_columns;
SELECT record_rejects('comtrade', 'planted test', '[{"reason": "r", "record": {"a": "b"}}]') AS filed;
SELECT check_store() = pg_catalog.cardinality(store_tables()) + pg_catalog.cardinality(store_views()) AS store_checked;
-- the list above is complete: every SQL or PL/pgSQL function of the extension is named in this file
SELECT p.proname AS sql_function_not_exercised
FROM pg_proc p JOIN pg_depend d ON d.objid = p.oid AND d.classid = 'pg_proc'::regclass AND d.deptype = 'e'
WHERE d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'rareearth')
  AND p.prolang IN (SELECT oid FROM pg_language WHERE lanname IN ('sql', 'plpgsql'))
  AND p.proname NOT IN ('create_store', 'create_store_views', 'reliance_stage', 'stage', 'load_usgs_mcs', 'load_comtrade', 'comtrade_load_rows', 'load_comtrade_file', 'trade_file_text', 'trade_file_key', 'load_baci', 'baci_load_rows', 'load_baci_file', 'begin_load',
                        'record_rejects', 'hs_stage', 'reo_content', 'to_reo', 'hs_convert', 'decimal_or_null',
                        'accepted_hscodes', 'comtrade_flag', 'governance_scores', 'in_group', 'group_share',
                        'group_members', 'usgs_unit_factor', 'usgs_mcs_country', 'usgs_mcs_load_rows', 'load_usgs_mcs_file',
                        'record_file_rejects', 'record_staged_rejects', 'usgs_mcs_file_commodity', 'usgs_mcs_statistic_name',
                        'check_store', 'check_store_version', 'store_tables', 'store_views', 'drop_store', 'commodity_name', 'min_concentration_coverage',
                        'to_content', 'trade_content', 'trade_stage', 'trade_catalogue_row', 'formula_mass',
                        'stoichiometric_content', 'formula_atoms',
                        'country_eq_text', 'country_ne_text', 'text_eq_country', 'text_ne_country', 'store_view_definition', 'store_view_country_columns');
-- and, last, dropping the store
SELECT drop_store();
SELECT pg_catalog.count(*) AS store_relations_left FROM pg_class
WHERE relnamespace = 'rareearth'::regnamespace AND relname = ANY (store_tables() || store_views());
-- nothing planted ran, and the owner is not superuser
SELECT what, pg_catalog.count(*) AS planted_calls FROM public.planted_calls GROUP BY what ORDER BY what;
SELECT rolsuper AS owner_became_superuser FROM pg_roles WHERE rolname = 'planting_owner';

\c contrib_regression postgres
DROP DATABASE rareearth_planted;
DROP ROLE planting_owner;
