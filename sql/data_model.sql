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
-- every table and column of the data model and its staging tables is commented
SELECT c.relname, a.attname FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
WHERE c.oid IN ('trade_flow'::regclass, 'trade_reported_total'::regclass, 'production'::regclass,
                'reserves'::regclass, 'targets'::regclass, 'governance'::regclass, 'load_rejects'::regclass,
                'comtrade_raw'::regclass, 'baci_raw'::regclass, 'usgs_mcs_raw'::regclass)
  AND a.attnum > 0 AND NOT a.attisdropped
  AND (col_description(c.oid, a.attnum) IS NULL OR obj_description(c.oid, 'pg_class') IS NULL);
DELETE FROM production; DELETE FROM reserves; DELETE FROM trade_flow;

-- a database owner who is not superuser installs the (trusted) extension and
-- can then load data: the extension's owner gets the data privileges
CREATE ROLE rareearth_data_owner LOGIN;
CREATE DATABASE rareearth_owned OWNER rareearth_data_owner;
\c rareearth_owned rareearth_data_owner
CREATE EXTENSION rareearth;
INSERT INTO rareearth.production (country, year, quantity_t, series, edition, source)
VALUES ('CHN', 2024, 270000, 'MCS', 'MCS2026', 'privilege test');
\copy rareearth.usgs_mcs_raw FROM 'test/fixtures/usgs_mcs2026_fixture.csv' CSV HEADER ENCODING 'WIN1252'
SELECT rows_loaded > 0 AS owner_can_load FROM rareearth.load_usgs_mcs('MCS2026');
SELECT count(*) > 0 AS owner_can_read FROM rareearth.supply_concentration;
\c contrib_regression postgres
DROP DATABASE rareearth_owned;
DROP ROLE rareearth_data_owner;
