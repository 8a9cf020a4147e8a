-- material_balance: the two-step aggregate of production, trade and stock
-- change, its accessors, text/jsonb/binary I/O, rollup, parallel and
-- partitionwise agreement.  Checked against USGS's printed figures, hand
-- computations and plain SQL.

-- USGS MCS2019, US 2014 and 2015 (data/usgs/usgs_us_salient_statistics.csv,
-- rows 7-8, 12-13, 17-18, 22-23, 27-28, 32-33 and 47-48; t REO) as flow rows;
-- printed net import reliance 56 and 38 (rows 37-38).
CREATE TABLE mb_us (year int, kind text, tonnes float8);
INSERT INTO mb_us VALUES
  (2014, 'production', 5400), (2014, 'import', 12300), (2014, 'import', 348), (2014, 'import', 371),
  (2014, 'export', 4390), (2014, 'export', 140), (2014, 'export', 1640),
  (2015, 'production', 5900), (2015, 'M', 9160), (2015, 'M', 385), (2015, 'M', 356),
  (2015, 'X', 4980), (2015, 'X', 60), (2015, 'X', 1220);
SELECT year, material_balance(kind, tonnes) AS balance FROM mb_us GROUP BY year ORDER BY year;
SELECT year, production(b), imports(b), exports(b), apparent_consumption(b),
       round(net_import_reliance(b)::numeric, 4) AS nir, nir_label(net_import_reliance(b)) AS label,
       nir_label(net_import_reliance(b)) = CASE year WHEN 2014 THEN '56' ELSE '38' END AS printed,
       net_import_reliance(b) = net_import_reliance(production(b), imports(b), exports(b)) AS same_as_scalar,
       abs(net_import_reliance(b) - CASE year WHEN 2014 THEN 6849.0 / 12249 ELSE 3641.0 / 9541 END) < 1e-15 AS hand,
       self_sufficiency(b) = production(b) / apparent_consumption(b) AS self_sufficiency_ok
FROM (SELECT year, material_balance(kind, tonnes) b FROM mb_us GROUP BY year) s ORDER BY year;

-- kinds: canonical names, UN Comtrade codes and any case; re-imports and
-- re-exports are the "of which" parts already inside imports and exports
SELECT material_balance(k, q) FROM (VALUES ('Production', 10::float8), ('m', 1), ('IMPORT', 2),
  ('x', 3), ('Export', 4), ('rm', 0.5), ('Re-Import', 0.25), ('RX', 1), ('re-export', 2),
  ('Stock_Change', -1.5), ('stock_change', 0.5)) v(k, q);
-- a trade hub: 1,000 imported, 900 of it re-exported plus 50 of its own
-- output exported: transit cancels, domestic need is 100 + 1,000 - 950 = 150
SELECT imports(b) = 1000 AS imports_ok, exports(b) = 950 AS exports_include_reexports,
       reexports(b) = 900 AS reexports_ok, apparent_consumption(b) = 150 AS transit_cancels,
       abs(net_import_reliance(b) - 50.0 / 150) < 1e-15 AS nir_hand
FROM (SELECT material_balance(k, q) b FROM (VALUES ('production', 100::float8), ('M', 1000),
      ('X', 950), ('RX', 900)) v(k, q)) s;
-- stock change: a drawdown (positive) adds to consumption, a build-up subtracts
SELECT apparent_consumption(b) = 100 + 50 - 30 + 10 - 25 AS stock_ok, stock_change(b) = -15 AS net_stock,
       net_import_reliance(b) = (50 - 30 + 10 - 25)::float8 / 105 AS nir_ok,
       reimports(b) = 0 AS no_reimports
FROM (SELECT material_balance(k, q) b FROM (VALUES ('production', 100::float8), ('import', 50),
      ('export', 30), ('stock_change', 10), ('stock_change', -25)) v(k, q)) s;
-- numeric quantities
SELECT material_balance(k, q) FROM (VALUES ('production', 1.5::numeric), ('import', 2.25)) v(k, q);
-- NULL kind or quantity: the row is skipped
SELECT material_balance(k, q) FROM (VALUES ('production', 1::float8), (NULL, 5), ('import', NULL)) v(k, q);
-- empty groups and a zero balance: consumption 0, ratios NULL, never NaN
SELECT b, production(b), imports(b), exports(b), reexports(b), apparent_consumption(b),
       net_import_reliance(b), self_sufficiency(b)
FROM (SELECT material_balance(kind, tonnes) FILTER (WHERE tonnes < 0) b FROM mb_us) s;
-- contradictory inputs (exports above production + imports): consumption
-- negative, ratios NULL
SELECT apparent_consumption(b) = -5 AS ac_negative, net_import_reliance(b) IS NULL AS nir_null,
       self_sufficiency(b) IS NULL AS ss_null
FROM (SELECT '{"production": 10, "import": 5, "export": 20}'::material_balance b) s;

-- text form: every kind, canonical order, shortest round-trip numbers
SELECT '{"import": 7800, "production": 2600}'::material_balance;
SELECT '{"M": 1, "X": 2, "RM": 0.5, "rx": 1e-300, "Stock_change": -3.25}'::material_balance;
SELECT '{}'::material_balance;
SELECT b::text::material_balance::text = b::text AS text_round_trip,
       material_balance_send(b::text::material_balance) = material_balance_send(b) AS identical_bytes,
       b::jsonb = b::text::jsonb AS jsonb_matches_text, pg_typeof(b::jsonb) AS jsonb_type
FROM (SELECT material_balance(kind, tonnes / 7) b FROM mb_us) s;
-- every quantity survives the text form bit for bit
SELECT bool_and(j.value::float8 = s.q) AS floats_exact
FROM (SELECT material_balance(kind, tonnes / 7) b FROM mb_us WHERE year = 2014) m,
     jsonb_each_text(m.b::jsonb) j
     LEFT JOIN (SELECT CASE kind WHEN 'M' THEN 'import' WHEN 'X' THEN 'export' ELSE kind END AS kind,
                       sum(tonnes / 7) q FROM mb_us WHERE year = 2014 GROUP BY 1) s ON s.kind = j.key
WHERE s.q IS NOT NULL;
-- the binary form: version byte 1, then six little-endian doubles
SELECT material_balance_send('{"production": 1}'::material_balance)
       = '\x01000000000000f03f00000000000000000000000000000000000000000000000000000000000000000000000000000000'::bytea
       AS send_format_ok;

-- binary round trip through COPY ... BINARY
CREATE TABLE mb_copy (id int, b material_balance);
INSERT INTO mb_copy SELECT year, material_balance(kind, tonnes / 3) FROM mb_us GROUP BY year;
INSERT INTO mb_copy VALUES (1, '{}'), (2, '{"stock_change": -1e-7, "re-export": 5e300}');
SELECT copy_file('mb_copy.bin') AS copyfile \gset
COPY mb_copy TO :'copyfile' WITH (FORMAT binary);
CREATE TABLE mb_copy2 (LIKE mb_copy);
COPY mb_copy2 FROM :'copyfile' WITH (FORMAT binary);
SELECT a.id, a.b::text = c.b::text AS same_text, material_balance_send(a.b) = material_balance_send(c.b) AS same_bytes
FROM mb_copy a JOIN mb_copy2 c USING (id) ORDER BY 1;

-- rollup, parallel and partitionwise aggregation agree with the direct
-- aggregate and with plain SQL sums, over a regular table
CREATE TABLE mb_flows AS
SELECT (i % 6) AS reporter, 2000 + (i % 9) AS year,
       (ARRAY['production', 'M', 'X', 'RM', 'RX', 'stock_change'])[1 + (i / 6) % 6] AS kind,
       CASE WHEN (i / 6) % 6 = 5 THEN ((i * 31) % 201 - 100) * 1.1
            ELSE ((i * 104729) % 1000) * 1.37 + (i % 13) * 1e6 / 3 END AS qty
FROM generate_series(1, 60000::bigint) i;
ANALYZE mb_flows;
-- the plain-SQL reference per reporter
CREATE TEMP TABLE mb_ref AS
SELECT reporter,
       sum(qty) FILTER (WHERE kind = 'production') AS p, sum(qty) FILTER (WHERE kind = 'M') AS m,
       sum(qty) FILTER (WHERE kind = 'X') AS x, sum(qty) FILTER (WHERE kind = 'RX') AS rx,
       sum(qty) FILTER (WHERE kind = 'stock_change') AS s
FROM mb_flows GROUP BY reporter;
SET max_parallel_workers_per_gather = 0;
CREATE TEMP TABLE mb_ser AS SELECT reporter, material_balance(kind, qty) b FROM mb_flows GROUP BY reporter;
SELECT count(*) AS reporters,
       bool_and(abs(production(b) - p) <= 1e-12 * p AND abs(imports(b) - m) <= 1e-12 * m
                AND abs(exports(b) - x) <= 1e-12 * x AND abs(reexports(b) - rx) <= 1e-12 * rx
                AND abs(stock_change(b) - s) <= 1e-9) AS sums_match_sql,
       bool_and(abs(net_import_reliance(b) - (m - x + s) / (p + m - x + s)) <= 1e-12) AS nir_matches_sql
FROM mb_ser JOIN mb_ref USING (reporter);
CALL force_parallel_plans();
SELECT plan_has('SELECT reporter, material_balance(kind, qty) FROM mb_flows GROUP BY reporter',
                   'Finalize', 'Partial', 'Gather') AS parallel_plan;
CREATE TEMP TABLE mb_par AS SELECT reporter, material_balance(kind, qty) b FROM mb_flows GROUP BY reporter;
SELECT plan_has('SELECT material_balance(kind, qty) FROM mb_flows', 'Finalize Aggregate', 'Partial Aggregate') AS parallel_plain_agg;
CREATE TEMP TABLE mb_par_all AS SELECT material_balance(kind, qty) b FROM mb_flows;
RESET parallel_leader_participation;
SET max_parallel_workers_per_gather = 0;
SELECT count(*) AS groups,
       bool_and(abs(apparent_consumption(p.b) - apparent_consumption(s.b)) <= 1e-12 * abs(apparent_consumption(s.b))
                AND abs(net_import_reliance(p.b) - net_import_reliance(s.b)) <= 1e-12
                AND abs(exports(p.b) - exports(s.b)) <= 1e-12 * exports(s.b)) AS parallel_agrees
FROM mb_par p JOIN mb_ser s USING (reporter);
-- rollup of per-reporter balances equals the one-pass total and the parallel total
SELECT abs(apparent_consumption(r.b) - apparent_consumption(a.b)) <= 1e-12 * abs(apparent_consumption(a.b))
       AND abs(imports(r.b) - imports(a.b)) <= 1e-12 * imports(a.b) AS rollup_agrees
FROM (SELECT rollup(b) b FROM mb_ser) r, mb_par_all a;
-- rollup per reporter over per-year balances = direct per reporter
WITH per_year AS (SELECT reporter, year, material_balance(kind, qty) b FROM mb_flows GROUP BY reporter, year),
     rolled AS (SELECT reporter, rollup(b) b FROM per_year GROUP BY reporter)
SELECT count(*) AS reporters,
       bool_and(abs(production(r.b) - production(s.b)) <= 1e-12 * production(s.b)
                AND abs(net_import_reliance(r.b) - net_import_reliance(s.b)) <= 1e-12) AS rollup_per_reporter_agrees
FROM rolled r JOIN mb_ser s USING (reporter);
-- rollup of nothing, and of NULLs: the zero balance
SELECT rollup(b) FROM mb_ser WHERE false;
SELECT rollup(b) FROM (VALUES (NULL::material_balance)) v(b);
-- partitionwise aggregation
CREATE TABLE mb_part (reporter int, year int, kind text, qty float8) PARTITION BY RANGE (year);
CREATE TABLE mb_part_a PARTITION OF mb_part FOR VALUES FROM (2000) TO (2004);
CREATE TABLE mb_part_b PARTITION OF mb_part FOR VALUES FROM (2004) TO (2010);
INSERT INTO mb_part SELECT reporter, year, kind, qty FROM mb_flows;
ANALYZE mb_part;
SET enable_partitionwise_aggregate = on;
SELECT plan_has('SELECT reporter, material_balance(kind, qty) FROM mb_part GROUP BY reporter',
                   'Partial', 'Finalize', 'mb_part_a', 'mb_part_b') AS partitionwise_plan;
WITH pw AS (SELECT reporter, material_balance(kind, qty) b FROM mb_part GROUP BY reporter)
SELECT bool_and(abs(apparent_consumption(pw.b) - apparent_consumption(s.b)) <= 1e-12 * abs(apparent_consumption(s.b))
                AND abs(net_import_reliance(pw.b) - net_import_reliance(s.b)) <= 1e-12) AS partitionwise_agrees
FROM pw JOIN mb_ser s USING (reporter);
RESET enable_partitionwise_aggregate;
RESET max_parallel_workers_per_gather;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;

-- errors: unknown kind, negative (except stock_change), non-finite, overflow
SELECT material_balance(k, q) FROM (VALUES ('production', 1::float8), ('imports', 5)) v(k, q);
SELECT material_balance(k, q) FROM (VALUES ('FM', 1::float8)) v(k, q);
SELECT material_balance(k, q) FROM (VALUES ('', 1::float8)) v(k, q);
SELECT material_balance(k, q) FROM (VALUES ('import', -1::float8)) v(k, q);
SELECT material_balance(k, q) FROM (VALUES ('RX', -0.5::float8)) v(k, q);
SELECT material_balance(k, q) FROM (VALUES ('production', 'NaN'::float8)) v(k, q);
SELECT material_balance(k, q) FROM (VALUES ('stock_change', '-Infinity'::float8)) v(k, q);
SELECT material_balance(k, q) FROM (VALUES ('production', 'NaN'::numeric)) v(k, q);
SELECT material_balance(k, q) FROM (VALUES ('export', 1e308::float8), ('X', 1e308)) v(k, q);
SELECT apparent_consumption('{"production": 1e308, "import": 1e308}'::material_balance);
-- errors: malformed text input
SELECT '{"production": 1'::material_balance;
SELECT '[1]'::material_balance;
SELECT '7'::material_balance;
SELECT '{"production": {"a": 1}}'::material_balance;
SELECT '{"production": "1"}'::material_balance;
SELECT '{"production": null}'::material_balance;
SELECT '{"consumption": 1}'::material_balance;
SELECT '{"import": -1}'::material_balance;
SELECT '{"import": 1e999}'::material_balance;
SELECT '{"import": 1, "M": 2}'::material_balance;
SELECT ''::material_balance;
-- errors: malformed binary input, through COPY BINARY of raw bytes
SELECT c AS case, try_recv(h, 'material_balance') AS result FROM (VALUES
  ('valid',            '01000000000000f03f00000000000000000000000000000000000000000000000000000000000000000000000000000000'),
  ('stock negative',   '0100000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000f0bf'),
  ('empty input',      ''),
  ('version 2',        '02000000000000f03f00000000000000000000000000000000000000000000000000000000000000000000000000000000'),
  ('truncated',        '01000000000000f03f000000000000000000000000000000000000000000000000000000000000000000000000000000'),
  ('trailing byte',    '01000000000000f03f0000000000000000000000000000000000000000000000000000000000000000000000000000000000'),
  ('negative import',  '010000000000000000000000000000f0bf0000000000000000000000000000000000000000000000000000000000000000'),
  ('NaN production',   '01000000000000f87f00000000000000000000000000000000000000000000000000000000000000000000000000000000'),
  ('infinite stock',   '0100000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000f07f')
) v(c, h);

-- numbers are never NaN or Infinity.  A total beyond double precision is an
-- error 22003 where the sum happens: the aggregate, rollup, combine, and
-- apparent consumption with the ratios built on it (no longer a NULL).
SELECT rollup(b) FROM (VALUES ('{"import": 1e308}'::material_balance), ('{"M": 1e308}')) v(b);
\echo :LAST_ERROR_SQLSTATE
SELECT net_import_reliance('{"production": 1e308, "import": 1e308}'::material_balance);
\echo :LAST_ERROR_SQLSTATE
SELECT self_sufficiency('{"production": 1e308, "import": 1e308}'::material_balance);
\echo :LAST_ERROR_SQLSTATE
SELECT material_balance(k, q) FROM (VALUES ('stock_change', -1e308::float8), ('stock_change', -1e308)) v(k, q);
\echo :LAST_ERROR_SQLSTATE
-- combine: two partitions' imports of 1e308 each (setup.sql)
SELECT combine_error($$SELECT imports(material_balance('import', qty)) FROM huge_halves GROUP BY g$$);
-- a sum that overflows on the way but not at the end is computed:
-- 1e308 + 1e308 - 1e308 = 1e308, so NIR (1e308 - 1e308) / 1e308 = 0 and
-- self-sufficiency 1e308 / 1e308 = 1
SELECT apparent_consumption(b) = 1e308::float8 AS consumption_ok,
       net_import_reliance(b) = 0 AS nir_ok, self_sufficiency(b) = 1 AS self_sufficiency_ok
FROM (SELECT '{"production": 1e308, "import": 1e308, "export": 1e308}'::material_balance b) s;
-- the same through the scalar function, against numeric arithmetic
SELECT apparent_consumption(1e308, 1e308, 1.5e308, 0) = (1e308 + 1e308 - 1.5e308)::float8 AS scalar_ok;

-- a nonzero number that rounds to 0 is an error 22003, as for float8 itself
SELECT '{"import": 1e-400}'::material_balance;
\echo :LAST_ERROR_SQLSTATE

-- -0 is stored as 0 whichever way it comes in, so every value survives its
-- text form: text input and binary input (a client's -0 stock change)
SELECT '{"stock_change": -0, "import": -0.0}'::material_balance::text AS negative_zero_text;
CREATE TABLE mb_negzero (v material_balance);
SELECT copy_binary_into('01' || '000000000000f03f' || repeat('0000000000000000', 4) || '0000000000000080',
                        'mb_negzero');
SELECT material_balance_send(v) = material_balance_send(v::text::material_balance) AS text_round_trip,
       material_balance_send(v) = material_balance_send('{"production": 1}') AS is_plus_zero, v::text
FROM mb_negzero;
