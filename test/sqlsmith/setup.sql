-- The database test/sqlsmith/run lets sqlsmith loose on (run from the
-- repository root with psql): the extension with the shipped sample data and
-- the synthetic trade fixtures, a table of values of every rareearth type and
-- of texts its inputs parse, and the catalog view that restricts sqlsmith's
-- function calls to rareearth's functions.
\set ON_ERROR_STOP on
SET client_min_messages = warning;
CREATE EXTENSION rareearth;
-- the data store (create_store) with the sample data
\ir ../../data/load_sample.sql
-- staging tables are this session's (stage()): load the trade fixtures, and
-- keep the raw MCS cells as text in a table sqlsmith's sessions can read
SELECT rareearth.stage('comtrade'), rareearth.stage('baci'), rareearth.stage('usgs_mcs');
\copy comtrade_raw FROM 'test/fixtures/comtrade_synthetic.csv' WITH (FORMAT csv, HEADER match)
SELECT * FROM rareearth.load_comtrade('synthetic fixture', synthetic => true);
\copy baci_raw FROM 'test/fixtures/baci_synthetic.csv' CSV HEADER
SELECT * FROM rareearth.load_baci('synthetic fixture', synthetic => true);
\copy usgs_mcs_raw FROM 'test/fixtures/usgs_mcs2026_fixture.csv' CSV HEADER ENCODING 'WIN1252'
CREATE TABLE public.usgs_mcs_cells AS TABLE usgs_mcs_raw;

-- sqlsmith writes only integer and boolean literals (every other constant
-- is a typed NULL): the values it can pass to rareearth's functions come
-- from table columns.  public.samples holds values of each argument type:
-- real summaries, the texts that inputs accept and refuse, edge numbers.
CREATE TABLE public.samples (
	id int PRIMARY KEY,
	label text,            -- country names and codes, HS codes, kinds, USGS cells, summary texts
	num float8,
	amount numeric,
	year int,
	code bigint,
	reporter rareearth.country,
	product rareearth.hscode,
	element rareearth.ree,
	stage rareearth.supply_stage,
	mix rareearth.supply_mix,
	balance rareearth.material_balance,
	series rareearth.trajectory,
	scores jsonb
);
WITH mixes AS (
	SELECT row_number() OVER (ORDER BY year) - 1 AS k, rareearth.supply_mix(country, quantity_t) AS mix
	FROM rareearth.production GROUP BY year),
series AS (
	SELECT row_number() OVER (ORDER BY country) - 1 AS k, rareearth.trajectory(year, quantity_t) AS series
	FROM rareearth.production GROUP BY country),
balances AS (
	SELECT k - 1 AS k, rareearth.material_balance(kind, q) AS balance
	FROM (VALUES (1, 'production', 5400), (1, 'import', 13019), (1, 'X', 6170),
	             (1, 'stock_change', -200), (2, 'M', 0), (3, 'production', 270000),
	             (3, 'export', 52000), (3, 're-import', 10), (3, 'RX', 5)) AS b(k, kind, q)
	GROUP BY k),
texts AS (
	SELECT ordinality - 1 AS k, t AS label FROM unnest(ARRAY[
		'China', 'CHN', 'cn', '156', '842', 'Russian Federation', 'Türkiye', 'Other Asia, nes',
		'World', 'W00', 'EUU', '_X', 'X2', '', ' ', 'Atlantis', '0', '-1', '99999999999',
		'2846', '284690', '2846.90', '28469020', '8505110000', '2612.20', '01', '99', '2846901',
		'production', 'import', 'export', 're-import', 're-export', 'stock_change', 'M', 'RX', 'imports',
		'270,000', '>95', '<0.5', 'W', 'NA', 'XX', 'E', 's', '2,600e', '—', '1-2',
		'{}', '{"CHN": 270000, "USA": 45000}', '{"CHN": -0}', '{"CHN": 1e309}', '{"2024": 2600}',
		'{"2024": 2600, "2030": 50000}', '{"production": 5400, "imports": 13019}', '{"CHN": 5.58}',
		'{', '[]', 'null', 'reporter', 'mirror', 'reconciled', 'baci', 'highly concentrated',
		'doj', 'eu2010', 'us2010', 'MCS2026', 'MCS', 'HS92', 'HS22', 'H6'
	]) WITH ORDINALITY AS t(t, ordinality)),
nums AS (
	SELECT ordinality - 1 AS k, n AS num FROM unnest(ARRAY[
		0, '-0', 1, -1, 0.5, 0.06, 1e-300, 1e308, 'NaN', 'Infinity', '-Infinity',
		2600, 50000, 270000, 2.5, -2.5, 10, 0.99, 80, 1.06
	]::float8[]) WITH ORDINALITY AS n(n, ordinality)),
years AS (
	SELECT ordinality - 1 AS k, y AS year FROM unnest(ARRAY[
		2024, 2030, 2010, 1994, 1900, 2100, 0, -1, 2147483647, -2147483648, 1, 2023
	]) WITH ORDINALITY AS y(y, ordinality))
INSERT INTO public.samples
SELECT i, t.label, n.num,
       CASE WHEN n.num BETWEEN -1e30 AND 1e30 THEN n.num::numeric END,
       y.year, (ARRAY[0, 156, 842, 490, 899, -1, 9223372036854775807])[1 + i % 7],
       c.country, h.code, e.element, s.stage, m.mix, b.balance, r.series,
       (ARRAY['{"CHN": 5.58, "USA": 2.9, "MMR": 8.1}', '{}', '{"CHN": 11}', '{"CHN": "x"}',
              '{"CHN": 1, "USA": 1, "AUS": 1, "MMR": 1, "THA": 1, "NGA": 1, "IND": 1, "RUS": 1, "MDG": 1, "MYS": 1, "VNM": 1, "BRA": 1, "XAN": 1}',
              NULL]::jsonb[])[1 + i % 6]
FROM generate_series(0, 249) AS i
LEFT JOIN texts t ON t.k = i % (SELECT count(*) FROM texts)
LEFT JOIN nums n ON n.k = i % (SELECT count(*) FROM nums)
LEFT JOIN years y ON y.k = i % (SELECT count(*) FROM years)
LEFT JOIN (SELECT country, row_number() OVER (ORDER BY country) - 1 AS k FROM rareearth.country_reference()) c
       ON c.k = (i * 7) % 262
LEFT JOIN (SELECT code, row_number() OVER (ORDER BY code) - 1 AS k FROM rareearth.hs_catalogue) h
       ON h.k = i % (SELECT count(*) FROM rareearth.hs_catalogue)
LEFT JOIN (SELECT e AS element, ordinality - 1 AS k FROM unnest(enum_range(NULL::rareearth.ree)) WITH ORDINALITY AS e(e, ordinality)) e
       ON e.k = i % 18
LEFT JOIN (SELECT s AS stage, ordinality - 1 AS k FROM unnest(enum_range(NULL::rareearth.supply_stage)) WITH ORDINALITY AS s(s, ordinality)) s
       ON s.k = i % 6
LEFT JOIN mixes m ON m.k = i % ((SELECT count(*) FROM mixes) + 1)
LEFT JOIN balances b ON b.k = i % 4
LEFT JOIN series r ON r.k = i % ((SELECT count(*) FROM series) + 1);
-- the text forms of real summaries, too
INSERT INTO public.samples (id, label)
SELECT 1000 + row_number() OVER (), v
FROM (SELECT mix::text FROM public.samples WHERE mix IS NOT NULL
      UNION SELECT balance::text FROM public.samples WHERE balance IS NOT NULL
      UNION SELECT series::text FROM public.samples WHERE series IS NOT NULL) AS s(v);
ANALYZE;

-- sqlsmith reads its schema from the catalog with unqualified names
-- (pg_proc, pg_attribute, pg_type ...), so views of those names in a schema
-- ahead of pg_catalog on its search path (test/sqlsmith/run connects with
-- options=-csearch_path=sqlsmith_catalog,pg_catalog,rareearth) change what
-- it sees.  pg_proc: the functions it may call are rareearth's and a few of
-- the core's that turn the sample columns into their argument types (text
-- to cstring for the types' input functions, numbers, jsonb), and the
-- commonest aggregates.
CREATE SCHEMA sqlsmith_catalog;
CREATE VIEW sqlsmith_catalog.pg_proc AS
SELECT * FROM pg_catalog.pg_proc
WHERE (pronamespace = 'rareearth'::regnamespace
       -- not create_store() and create_store_views(): sqlsmith favours
       -- functions without arguments, and these DDL runs would be most calls
       AND NOT (pronargs = 0 AND prorettype = 'void'::regtype))
   OR (pronamespace = 'pg_catalog'::regnamespace
       AND proname IN ('textout', 'textin', 'jsonb_in', 'float8', 'numeric', 'int4', 'int8',
                       'text', 'lower', 'upper', 'btrim', 'substr', 'textcat', 'repeat',
                       'abs', 'count', 'sum', 'min', 'max')
       -- and only between these types
       AND ARRAY[prorettype] || proargtypes::oid[]
           <@ '{text,cstring,jsonb,float8,numeric,int4,int8,bool}'::regtype[]::oid[]);
-- pg_attribute: sqlsmith writes column names as they are, so the MCS
-- cells' "MCS chapter", "Is critical mineral 2025" ... would be syntax
-- errors; quote them.
CREATE VIEW sqlsmith_catalog.pg_attribute AS
SELECT attrelid, quote_ident(attname)::name AS attname, atttypid, attnum, attisdropped
FROM pg_catalog.pg_attribute;
