-- data_model: keys, CHECK constraints and the latest-edition views
\set VERBOSITY terse
-- quantities are never negative, NaN or infinite; qualifiers come from the USGS legend
INSERT INTO production (country, year, quantity_t, series, edition, source) VALUES ('CHN', 2024, -1, 'MCS', 'MCS2026', 't');
INSERT INTO production (country, year, quantity_t, series, edition, source) VALUES ('CHN', 2024, 'NaN', 'MCS', 'MCS2026', 't');
INSERT INTO production (country, year, quantity_t, qualifier, series, edition, source) VALUES ('CHN', 2024, 1, 'x', 'MCS', 'MCS2026', 't');
-- a withheld value has no number, and a number is not withheld
INSERT INTO production (country, year, quantity_t, qualifier, series, edition, source) VALUES ('CHN', 2024, 1, 'W', 'MCS', 'MCS2026', 't');
INSERT INTO production (country, year, quantity_t, qualifier, series, edition, source) VALUES ('CHN', 2024, NULL, NULL, 'MCS', 'MCS2026', 't');
INSERT INTO trade_flow (year, reporter, partner, flow, product, value_usd, valuation, source, release)
VALUES (2024, 'CHN', 'RUS', 'M', '2846', -5, 'CIF', 'comtrade', 't');
INSERT INTO trade_flow (year, reporter, partner, flow, product, value_usd, valuation, source, release)
VALUES (2024, 'CHN', 'RUS', 'Q', '2846', 5, 'CIF', 'comtrade', 't');
-- the edition is part of the key: revisions live side by side, and the latest wins
INSERT INTO production (country, year, quantity_t, qualifier, series, edition, source) VALUES
  ('AUS', 2024, 13000, 'e', 'MCS', 'MCS2025', 'MCS2025 p.145'),
  ('AUS', 2024, 29000, 'e', 'MCS', 'MCS2026', 'MCS2026 data release'),
  ('AUS', 2024, 99999, NULL, 'MYB', 'MYB2099', 'another series, never picked by the MCS view');
INSERT INTO production (country, year, quantity_t, series, edition, source) VALUES ('AUS', 2024, 1, 'MCS', 'MCS2026', 'duplicate key');
SELECT country, year, quantity_t, edition FROM production_latest;
INSERT INTO reserves (country, as_of_year, quantity_t, series, edition, source) VALUES
  ('RUS', 2022, 21000000, 'MCS', 'MCS2023', 'a'), ('RUS', 2024, 3800000, 'MCS', 'MCS2025', 'b'),
  ('RUS', NULL, 28500000, 'national', 'statement', 'c');
SELECT country, quantity_t, edition FROM reserves_latest;
-- monthly and annual rows of the same flow are different keys; annual twice is one
INSERT INTO trade_flow (year, month, reporter, partner, flow, product, value_usd, valuation, source, release)
VALUES (2024, NULL, 'CHN', 'RUS', 'M', '2846', 5, 'CIF', 'comtrade', 't'), (2024, 1, 'CHN', 'RUS', 'M', '2846', 1, 'CIF', 'comtrade', 't');
INSERT INTO trade_flow (year, month, reporter, partner, flow, product, value_usd, valuation, source, release)
VALUES (2024, NULL, 'CHN', 'RUS', 'M', '2846', 7, 'CIF', 'comtrade', 't');
-- every table and column of the store, every view and index of it, and every
-- column of the staging record types, is commented
SELECT c.relname, a.attname FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
WHERE c.relnamespace = 'rareearth'::regnamespace
  AND (c.relkind = 'c' OR c.relkind = 'r' AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e'))
  AND a.attnum > 0 AND NOT a.attisdropped
  AND (col_description(c.oid, a.attnum) IS NULL
       OR (c.relkind <> 'c' AND obj_description(c.oid, 'pg_class') IS NULL)
       OR (c.relkind = 'c' AND obj_description(c.reltype, 'pg_type') IS NULL));
SELECT count(*) >= cardinality(store_tables()) + cardinality(store_views()) AS every_store_relation_seen,
       count(*) FILTER (WHERE obj_description(c.oid, 'pg_class') IS NULL) AS uncommented
FROM pg_class c WHERE c.relnamespace = 'rareearth'::regnamespace AND c.relkind IN ('r', 'v', 'i')
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e')
  AND c.relname NOT LIKE '%_pkey' AND c.relname NOT LIKE '%_key';
-- the store is the caller's, not the extension's: none of its tables or views is a member
SELECT count(*) AS store_objects_in_extension
FROM pg_depend d JOIN pg_class c ON c.oid = d.objid AND d.classid = 'pg_class'::regclass
WHERE d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'rareearth') AND d.deptype = 'e'
  AND c.relname IN ('trade_flow', 'trade_reported_total', 'production', 'reserves', 'targets', 'governance',
                    'load_rejects', 'production_latest', 'reserves_latest', 'supply_share', 'supply_concentration',
                    'development', 'target_tracking', 'import_reliance', 'import_dependency', 'country_groups',
                    'crma_benchmarks');
-- a second call creates nothing and changes no row
INSERT INTO production (country, year, quantity_t, series, edition, source) VALUES ('CHN', 2024, 270000, 'MCS', 'MCS2026', 'kept');
CREATE TEMP TABLE store_before AS
SELECT c.oid, c.relname, (SELECT count(*) FROM production) AS production_rows
FROM pg_class c WHERE c.relnamespace = 'rareearth'::regnamespace AND c.relkind = 'r';
SELECT create_store();
SELECT (SELECT count(*) FROM production) = (SELECT max(production_rows) FROM store_before)
       AND (SELECT count(*) FROM production WHERE source = 'kept') = 1 AS rows_kept,
       (SELECT array_agg(oid ORDER BY oid) FROM store_before)
       = (SELECT array_agg(c.oid ORDER BY c.oid) FROM pg_class c WHERE c.relnamespace = 'rareearth'::regnamespace AND c.relkind = 'r')
         AS same_tables;
DELETE FROM production; DELETE FROM reserves; DELETE FROM trade_flow;

-- A database owner who is not superuser installs the (trusted) extension,
-- creates the store (owned by that role), loads data and reads the views.
-- DROP EXTENSION then refuses without CASCADE, and no row is lost.
CREATE ROLE rareearth_data_owner LOGIN;
CREATE DATABASE rareearth_owned OWNER rareearth_data_owner;
\c rareearth_owned rareearth_data_owner
CREATE EXTENSION rareearth;
SELECT rareearth.create_store();
SELECT c.relowner::regrole AS store_owner FROM pg_class c WHERE c.oid = 'rareearth.trade_flow'::regclass;
INSERT INTO rareearth.production (country, year, quantity_t, series, edition, source)
VALUES ('CHN', 2024, 270000, 'MCS', 'MCS2026', 'privilege test');
SELECT rareearth.stage('usgs_mcs');
\copy usgs_mcs_raw FROM 'test/fixtures/usgs_mcs2026_fixture.csv' CSV HEADER ENCODING 'WIN1252'
SELECT rows_loaded > 0 AS owner_can_load FROM rareearth.load_usgs_mcs('MCS2026');
SELECT count(*) > 0 AS owner_can_read FROM rareearth.supply_concentration;
CREATE TEMP TABLE before_drop AS
SELECT (SELECT count(*) FROM rareearth.production) AS production, (SELECT count(*) FROM rareearth.reserves) AS reserves,
       (SELECT count(*) FROM rareearth.load_rejects) AS rejects;
DROP EXTENSION rareearth;
SELECT b.production > 0 AND b.reserves > 0 AND b.rejects > 0 AS had_data,
       (SELECT count(*) FROM rareearth.production) = b.production
       AND (SELECT count(*) FROM rareearth.reserves) = b.reserves
       AND (SELECT count(*) FROM rareearth.load_rejects) = b.rejects AS every_row_kept,
       (SELECT count(*) FROM pg_extension WHERE extname = 'rareearth') = 1 AS extension_still_there
FROM before_drop b;
-- a superuser may load into an ordinary role's store as long as the store
-- runs no code of that role (guard_store; store_attacks tries the tricks)
\c rareearth_owned postgres
SELECT rareearth.stage('usgs_mcs');
SELECT * FROM rareearth.load_usgs_mcs('MCS2026');
\c contrib_regression postgres
DROP DATABASE rareearth_owned;
DROP ROLE rareearth_data_owner;
