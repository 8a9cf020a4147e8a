-- store_attacks: a database owner who is not superuser installs the trusted
-- extension and attacks through the data store.  Every trick
-- ends in a trap that records its call and, run by a superuser, makes the
-- owner superuser.  A superuser then runs every loader and every function
-- that reads the store.  Asserted: the extension refuses (42501, or 42809
-- for a relation of the wrong kind) and no trap ever ran as superuser.
\set VERBOSITY terse
SET client_min_messages = warning;
CREATE ROLE store_owner LOGIN;
CREATE DATABASE rareearth_attacks OWNER store_owner;
\c rareearth_attacks store_owner
SET client_min_messages = warning;
-- only the current version can be created: 0.1.0's loaders trusted names
-- on their search path (its install script is not shipped)
CREATE EXTENSION rareearth VERSION '0.1.0';
CREATE EXTENSION rareearth;

-- the schema passed to a superuser; the installing role keeps USAGE and
-- CREATE (with grant option)
SELECT r.rolsuper AS schema_owner_is_superuser,
       has_schema_privilege('store_owner', 'rareearth', 'USAGE WITH GRANT OPTION') AS owner_usage,
       has_schema_privilege('store_owner', 'rareearth', 'CREATE WITH GRANT OPTION') AS owner_create
FROM pg_namespace n JOIN pg_roles r ON r.oid = n.nspowner WHERE n.nspname = 'rareearth';

CREATE TABLE public.trap_calls (what text NOT NULL, as_superuser bool NOT NULL);
GRANT INSERT, SELECT, DELETE ON public.trap_calls TO PUBLIC;
CREATE FUNCTION public.trap(what text) RETURNS bool LANGUAGE plpgsql AS $$
DECLARE
	su bool := (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user);
BEGIN
	INSERT INTO public.trap_calls VALUES (what, su);
	IF su THEN
		EXECUTE 'ALTER ROLE store_owner SUPERUSER';
	END IF;
	RETURN true;
END $$;
CREATE FUNCTION public.trap_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN PERFORM public.trap(TG_NAME); RETURN NEW; END $$;
CREATE FUNCTION public.trap_text(t text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN PERFORM public.trap('expression'); RETURN t; END $$;
CREATE FUNCTION public.trap_eq(a text, b text) RETURNS bool LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN PERFORM public.trap('operator'); RETURN a = b; END $$;
CREATE DOMAIN public.trapped_text AS text CHECK (public.trap_text(VALUE) IS NOT NULL);

-- ---------------------------------------------------------------------------
-- 1. A store a superuser created: the owner can no longer touch it
-- ---------------------------------------------------------------------------
\c rareearth_attacks postgres
SET client_min_messages = warning;
SELECT rareearth.create_store();
\c rareearth_attacks store_owner
SET client_min_messages = warning;
CREATE FUNCTION pg_temp.attempt(sql text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE sql;
	RETURN 'done';
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE;
END $$;
SELECT attack, pg_temp.attempt(sql) AS sqlstate
FROM (VALUES
	('drop a store table',        'DROP TABLE rareearth.published_statistic CASCADE'),
	('drop a store view',         'DROP VIEW rareearth.supply_share'),
	('rename the schema',         'ALTER SCHEMA rareearth RENAME TO rareearth_old'),
	('drop the schema',           'DROP SCHEMA rareearth CASCADE'),
	('trigger on a store table',  'CREATE TRIGGER t BEFORE INSERT ON rareearth.published_statistic FOR EACH ROW EXECUTE FUNCTION public.trap_trigger()'),
	('default on a column',       'ALTER TABLE rareearth.trade_flow ALTER COLUMN release SET DEFAULT public.trap_text(''x'')'),
	('index expression',          'CREATE INDEX ON rareearth.production (public.trap_text(edition))'),
	('rule on a table',           'CREATE RULE r AS ON INSERT TO rareearth.load_rejects DO ALSO SELECT public.trap(''rule'')'),
	('policy on a table',         'CREATE POLICY p ON rareearth.trade_flow USING (public.trap(''policy''))'),
	('child of a store table',    'CREATE TABLE rareearth.production_child () INHERITS (rareearth.production)'),
	('replace a view',            'CREATE OR REPLACE VIEW rareearth.usgs_net_import_reliance AS SELECT 1 AS x'),
	('detach an extension function', 'ALTER EXTENSION rareearth DROP FUNCTION rareearth.begin_load(text)'),
	('replace an extension function', 'CREATE OR REPLACE FUNCTION rareearth.begin_load(source text) RETURNS void LANGUAGE sql AS ''SELECT''')
) a (attack, sql)
ORDER BY attack;

-- ---------------------------------------------------------------------------
-- 2. The owner's own store, filled with its code: a superuser's loaders and
--    functions refuse each trick in turn
-- ---------------------------------------------------------------------------
\c rareearth_attacks postgres
SET client_min_messages = warning;
DROP TABLE rareearth.trade_flow, rareearth.trade_reported_total, rareearth.production, rareearth.reserves,
	rareearth.targets, rareearth.governance, rareearth.load_rejects, rareearth.published_statistic,
	rareearth.country_groups, rareearth.published_correction, rareearth.store_version CASCADE;
\c rareearth_attacks store_owner
SET client_min_messages = warning;
SELECT rareearth.create_store();
-- the owner's own code on its own store runs for the owner: its own loads work
CREATE TRIGGER own_trigger BEFORE INSERT ON rareearth.production FOR EACH ROW EXECUTE FUNCTION public.trap_trigger();
SELECT rareearth.stage('usgs_mcs');
\copy usgs_mcs_raw FROM 'test/fixtures/usgs_mcs2026_fixture.csv' CSV HEADER ENCODING 'WIN1252'
SELECT rows_loaded > 0 AS owner_loads_own_store FROM rareearth.load_usgs_mcs('MCS2026');
SELECT count(*) > 0 AS own_trigger_ran, bool_or(as_superuser) AS ran_as_superuser FROM public.trap_calls;
DELETE FROM public.trap_calls;
DROP TRIGGER own_trigger ON rareearth.production;

-- the tricks, each planted by the owner and removed after the superuser's turn
CREATE TABLE public.tricks (trick text PRIMARY KEY, plant text NOT NULL, remove text NOT NULL);
GRANT SELECT ON public.tricks TO PUBLIC;
INSERT INTO public.tricks VALUES
	('trigger on published_statistic',
	 'CREATE TRIGGER t BEFORE INSERT ON rareearth.published_statistic FOR EACH ROW EXECUTE FUNCTION public.trap_trigger()',
	 'DROP TRIGGER t ON rareearth.published_statistic'),
	('trigger on load_rejects',
	 'CREATE TRIGGER t AFTER INSERT ON rareearth.load_rejects FOR EACH STATEMENT EXECUTE FUNCTION public.trap_trigger()',
	 'DROP TRIGGER t ON rareearth.load_rejects'),
	('trigger on trade_flow, WHEN clause',
	 'CREATE TRIGGER t BEFORE UPDATE ON rareearth.trade_flow FOR EACH ROW WHEN (public.trap(''when'')) EXECUTE FUNCTION suppress_redundant_updates_trigger()',
	 'DROP TRIGGER t ON rareearth.trade_flow'),
	('column default',
	 'ALTER TABLE rareearth.load_rejects ALTER COLUMN rejected_at SET DEFAULT CASE WHEN public.trap(''default'') THEN pg_catalog.now() END',
	 'ALTER TABLE rareearth.load_rejects ALTER COLUMN rejected_at SET DEFAULT pg_catalog.now()'),
	('index expression',
	 'CREATE INDEX trick_idx ON rareearth.trade_reported_total (public.trap_text(release))',
	 'DROP INDEX rareearth.trick_idx'),
	('partial index predicate',
	 'CREATE INDEX trick_idx ON rareearth.reserves (edition) WHERE public.trap_text(edition) IS NOT NULL',
	 'DROP INDEX rareearth.trick_idx'),
	('check constraint',
	 'ALTER TABLE rareearth.production ADD CONSTRAINT trick CHECK (public.trap_text(edition) IS NOT NULL) NOT VALID',
	 'ALTER TABLE rareearth.production DROP CONSTRAINT trick'),
	('rule on load_rejects',
	 'CREATE RULE trick AS ON DELETE TO rareearth.load_rejects DO ALSO SELECT public.trap(''rule'')',
	 'DROP RULE trick ON rareearth.load_rejects'),
	('policy on country_groups',
	 'ALTER TABLE rareearth.country_groups ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY; CREATE POLICY trick ON rareearth.country_groups USING (public.trap(''policy''))',
	 'DROP POLICY trick ON rareearth.country_groups; ALTER TABLE rareearth.country_groups DISABLE ROW LEVEL SECURITY, NO FORCE ROW LEVEL SECURITY'),
	('domain-typed column',
	 'ALTER TABLE rareearth.published_statistic ADD COLUMN trick public.trapped_text DEFAULT ''x''',
	 'ALTER TABLE rareearth.published_statistic DROP COLUMN trick'),
	('operator of the owner in a view',
	 'CREATE OPERATOR public.=== (LEFTARG = text, RIGHTARG = text, FUNCTION = public.trap_eq); CREATE VIEW public.v AS SELECT 1; '
	 'ALTER TABLE rareearth.published_correction RENAME TO published_correction_kept; '
	 'CREATE VIEW rareearth.published_correction AS SELECT * FROM rareearth.published_correction_kept WHERE edition OPERATOR(public.===) edition',
	 'DROP VIEW rareearth.published_correction; ALTER TABLE rareearth.published_correction_kept RENAME TO published_correction; DROP VIEW public.v; DROP OPERATOR public.=== (text, text)'),
	('country_groups replaced by a view',
	 'ALTER TABLE rareearth.country_groups RENAME TO country_groups_kept; '
	 'CREATE VIEW rareearth.country_groups AS SELECT * FROM rareearth.country_groups_kept WHERE public.trap(''view'')',
	 'DROP VIEW rareearth.country_groups; ALTER TABLE rareearth.country_groups_kept RENAME TO country_groups'),
	('governance with a child table',
	 'CREATE TABLE rareearth.governance_child () INHERITS (rareearth.governance); '
	 'CREATE RULE trick AS ON INSERT TO rareearth.governance_child DO ALSO SELECT public.trap(''child rule'')',
	 'DROP TABLE rareearth.governance_child'),
	('a store view calling the owner''s function',
	 'CREATE OR REPLACE VIEW rareearth.supply_share AS SELECT * FROM rareearth.supply_share WHERE public.trap(''view'')',
	 'SELECT rareearth.create_store_views()');

-- the superuser's turn: every loader and every function that reads the store
\c rareearth_attacks postgres
SET client_min_messages = warning;
SELECT rareearth.stage('usgs_mcs'), rareearth.stage('comtrade'), rareearth.stage('baci');
\copy usgs_mcs_raw FROM 'test/fixtures/usgs_mcs2026_fixture.csv' CSV HEADER ENCODING 'WIN1252'
\copy comtrade_raw FROM 'test/fixtures/comtrade_synthetic.csv' WITH (FORMAT csv, HEADER match)
\copy baci_raw FROM 'test/fixtures/baci_synthetic.csv' CSV HEADER
CREATE TEMP TABLE outcome (trick text, who text, entry text, sqlstate text, fired int);
GRANT ALL ON outcome, usgs_mcs_raw, comtrade_raw, baci_raw TO store_owner;
-- runs every entry point, each in a subtransaction that is rolled back (so
-- the staged rows stay for the next), and records its SQLSTATE and how many
-- traps fired in it
CREATE FUNCTION pg_temp.run_entries(trick text, who text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	entry text;
	before bigint;
BEGIN
	FOREACH entry IN ARRAY ARRAY[
		'SELECT rareearth.load_usgs_mcs(''MCS2026'')',
		'SELECT rareearth.load_comtrade(''attack'', true)',
		'SELECT rareearth.load_baci(''attack'', true)',
		$f$SELECT rareearth.load_usgs_mcs_file(convert_to(E'Source,Country,Type,Prod_t_2021,Prod_t_est_2022,Prod_notes,Reserves_t\r\nMCS2023,Chinae,Mine production,"168,000",210000,,44000000\r\n', 'UTF8'), 'mcs2023-raree_world.csv')$f$,
		'SELECT rareearth.record_rejects(''comtrade'', ''attack'', ''[{"reason": "r", "record": {"a": "b"}}]'')',
		'SELECT rareearth.record_file_rejects(''comtrade'', ''attack'', ''f.csv'', ''[{"reason": "r", "record": {"a": "b"}}]'')',
		'SELECT rareearth.group_members(''G7'', 2020)',
		'SELECT rareearth.in_group(''USA'', ''OECD'', 2020)',
		'SELECT rareearth.group_share(''{"USA": 1}'', ''G7'', 2020)',
		'SELECT rareearth.governance_scores(''geopolrisk'', 2019, 2023)',
		'SELECT rareearth.create_store()',
		'SELECT rareearth.check_store()']
	LOOP
		before := (SELECT count(*) FROM public.trap_calls);
		BEGIN
			EXECUTE entry;
			RAISE EXCEPTION USING ERRCODE = 'P0099', MESSAGE = ((SELECT count(*) FROM public.trap_calls) - before)::text;
		EXCEPTION
			WHEN SQLSTATE 'P0099' THEN
				INSERT INTO outcome VALUES (trick, who, entry, 'ok', SQLERRM::int);
			WHEN OTHERS THEN
				INSERT INTO outcome VALUES (trick, who, entry, SQLSTATE, 0);
		END;
	END LOOP;
END $$;
-- one trick at a time: the owner plants it, the superuser runs everything,
-- the owner runs everything (its own code runs for it: the trap is live),
-- the owner removes it
SELECT format('SET ROLE store_owner; %s; RESET ROLE; SELECT pg_temp.run_entries(%L, ''superuser''); '
              'SET ROLE store_owner; SELECT pg_temp.run_entries(%L, ''owner''); %s; RESET ROLE;',
              plant, trick, trick, remove)
FROM public.tricks ORDER BY trick \gexec
-- per trick: how many entry points the superuser ran refused it (42501, or
-- 42809 for a relation of the wrong kind), traps fired for the superuser
-- (must be 0) and for the owner (>0: the trick is live; 0 for tricks that
-- only a direct read of a view or a write no loader makes would spring)
SELECT trick,
       count(*) FILTER (WHERE who = 'superuser' AND sqlstate IN ('42501', '42809')) AS superuser_refused,
       sum(fired) FILTER (WHERE who = 'superuser') AS superuser_fired,
       string_agg(DISTINCT sqlstate, ' ') FILTER (WHERE who = 'superuser' AND sqlstate NOT IN ('ok', '42501', '42809')) AS other_errors,
       sum(fired) FILTER (WHERE who = 'owner') > 0 AS live_for_owner
FROM outcome GROUP BY trick ORDER BY trick;
-- check_store() refused every trick
SELECT count(*) AS tricks, count(*) FILTER (WHERE sqlstate IN ('42501', '42809')) AS check_store_refused
FROM outcome WHERE entry = 'SELECT rareearth.check_store()' AND who = 'superuser';
-- nothing of the owner's ran as superuser, and the owner is no superuser
SELECT count(*) FILTER (WHERE as_superuser) AS trap_calls_as_superuser FROM public.trap_calls;
SELECT rolsuper AS owner_became_superuser FROM pg_roles WHERE rolname = 'store_owner';
-- the store is clean again: the superuser loads into the owner's store
SELECT rareearth.check_store() = cardinality(rareearth.store_tables()) + cardinality(rareearth.store_views()) AS every_relation_checked;
SELECT rows_loaded IS NOT NULL AS superuser_loads_clean_owner_store FROM rareearth.load_usgs_mcs('MCS2026');
-- the refusal names the relation and the role, and gives no advice to SET ROLE
SET ROLE store_owner;
CREATE TRIGGER t BEFORE INSERT ON rareearth.load_rejects FOR EACH ROW EXECUTE FUNCTION public.trap_trigger();
RESET ROLE;
\set VERBOSITY default
SELECT rareearth.record_rejects('comtrade', 'attack', '[{"reason": "r", "record": {"a": "b"}}]');
\set VERBOSITY terse

\c contrib_regression postgres
DROP DATABASE rareearth_attacks;
DROP ROLE store_owner;
