-- supply_mix: every accessor against an independent plain-SQL computation,
-- the USGS MCS 2025 worked example, text/binary round trips, parallel,
-- partitionwise and rollup agreement, empty groups and every error case.
\set VERBOSITY terse

-- USGS Mineral Commodity Summaries 2025, rare earths, 2024 mine production
-- (t REO), as printed; "Other countries" is one row.
CREATE TABLE mcs2025 (country text, tonnes float8);
INSERT INTO mcs2025 VALUES
  ('China', 270000), ('United States', 45000), ('Burma', 31000), ('Australia', 13000),
  ('Nigeria', 13000), ('Thailand', 13000), ('India', 2900), ('Russia', 2500),
  ('Madagascar', 2000), ('Malaysia', 130), ('Vietnam', 300), ('Brazil', 20), ('Other', 1100);

-- the published-figure checks: HHI about 4,924, China about 68.5%
SELECT round(hhi(m)) AS hhi, round((share(m, 'China') * 100)::numeric, 1) AS china_pct,
       total(m), supplier_count(m), dominant_supplier(m)
FROM (SELECT supply_mix(country, tonnes) m FROM mcs2025) s;

-- each accessor against plain SQL over the same rows
WITH m AS (SELECT supply_mix(country, tonnes) m FROM mcs2025),
     s AS (SELECT country, tonnes / sum(tonnes) OVER () AS s FROM mcs2025),
     p AS (SELECT sum(s * s) AS h, count(*) FILTER (WHERE s > 0) AS n,
                  -sum(s * ln(s)) FILTER (WHERE s > 0) AS ent FROM s)
SELECT abs(hhi(m) - h * 10000) < 1e-9 AS hhi_ok,
       abs(hhi_normalized(m) - (h - 1.0 / n) / (1 - 1.0 / n)) < 1e-12 AS hhi_norm_ok,
       abs(equivalent_suppliers(m) - 1 / h) < 1e-12 AS equiv_ok,
       abs(entropy(m) - ent) < 1e-12 AS entropy_ok,
       abs(cr(m, 3) - (SELECT sum(s) FROM (SELECT s FROM s ORDER BY s DESC LIMIT 3) t)) < 1e-15 AS cr3_ok,
       abs(cr(m, 1) - 270000.0 / 393950) < 1e-15 AS cr1_ok,
       cr(m, 0) = 0 AND cr(m, 13) = 1 AND cr(m, 100) = 1 AS cr_edges_ok,
       abs(share(m, 'Burma') - 31000.0 / 393950) < 1e-15 AS share_ok,
       quantity(m, 'Russia') = 2500 AND quantity(m, 'Atlantis') = 0 AND share(m, 'Atlantis') = 0 AS absent_ok,
       supplier_count(m) = n AS count_ok
FROM m, p;

-- top suppliers: ranked, ties broken by supplier name (three at 13,000)
SELECT rank, supplier, quantity, round(share::numeric, 6) AS share
FROM top_suppliers((SELECT supply_mix(country, tonnes) FROM mcs2025), 7);
SELECT bool_and(abs(t.share - p.tonnes / 393950) < 1e-15) AS top_shares_ok, count(*) AS n
FROM top_suppliers((SELECT supply_mix(country, tonnes) FROM mcs2025), 100) t
JOIN mcs2025 p ON p.country = t.supplier;

-- concentration bands: each edition of the US Horizontal Merger Guidelines,
-- boundary values on the side the guidelines put them
SELECT h, concentration_class(h) AS g2010, concentration_class(h, '1992') AS g1992,
       concentration_class(h, '2023') AS g2023
FROM unnest(ARRAY[0, 999.99, 1000, 1499.99, 1500, 1800, 1800.01, 2500, 2500.01, 10000]::float8[]) h;
SELECT concentration_class(supply_mix(country, tonnes)) FROM mcs2025;
SELECT concentration_class('{"a": 1, "b": 1, "c": 1, "d": 1, "e": 1, "f": 1, "g": 1, "h": 1}'::supply_mix, '2023');

-- coverage against a reported world total, and HHI bounds, by hand:
-- mix {a: 60, b: 20} against 100 -> coverage 0.8; lower .36+.04 = 4000, upper +.2^2 = 4400
SELECT coverage('{"a": 60, "b": 20}'::supply_mix, 100) = 0.8 AS coverage_ok,
       (hhi_bounds('{"a": 60, "b": 20}'::supply_mix, 100)).*;
SELECT abs(lower - 4000) < 1e-9 AND abs(upper - 4400) < 1e-9 AS bounds_ok
FROM hhi_bounds('{"a": 60, "b": 20}'::supply_mix, 100);
-- The bounds assume the remainder belongs to suppliers
-- outside the mix.  {A: 50, B: 50} against a total of 200: shares .25, .25,
-- lower 625 + 625 = 1,250, upper + 50^2 = 3,750; but when the listed A holds
-- the other 100, A has 150 of 200 and the HHI is 75^2 + 25^2 = 6,250, above
-- "upper" (and the bounds say so in their documentation)
SELECT abs(b.lower - (25.0 ^ 2 + 25.0 ^ 2)) < 1e-9 AS lower_ok,
       abs(b.upper - (25.0 ^ 2 + 25.0 ^ 2 + 50.0 ^ 2)) < 1e-9 AS upper_ok,
       hhi('{"A": 150, "B": 50}'::supply_mix) AS listed_supplier_holds_rest,
       abs(hhi('{"A": 150, "B": 50}'::supply_mix) - (75.0 ^ 2 + 25.0 ^ 2)) < 1e-9 AS by_hand_ok,
       hhi('{"A": 150, "B": 50}'::supply_mix) > b.upper AS exceeds_upper,
       -- the remainder held by one supplier outside the mix is exactly "upper"
       abs(hhi('{"A": 50, "B": 50, "C": 100}'::supply_mix) - b.upper) < 1e-9 AS outside_supplier_is_upper,
       obj_description('hhi_bounds(supply_mix, float8)'::regprocedure, 'pg_proc') LIKE '%outside the mix%can exceed upper%' AS documented
FROM hhi_bounds('{"A": 50, "B": 50}'::supply_mix, 200) b;
-- the DOJ's HHI page still calls 1,000-1,800 moderately concentrated: those
-- are the '1992' bands; the 2023 Guidelines name only "highly concentrated"
SELECT concentration_class(1500, '2023') AS g2023, concentration_class(1500, '1992') AS doj_page_bands,
       obj_description('concentration_class(float8, text)'::regprocedure, 'pg_proc') LIKE '%DOJ HHI web page still calls 1,000-1,800 moderately concentrated%' AS documented;
-- at full coverage the bounds meet the HHI
SELECT abs(b.lower - hhi(m)) < 1e-9 AND abs(b.upper - hhi(m)) < 1e-9 AS full_coverage_ok
FROM (SELECT supply_mix(country, tonnes) m FROM mcs2025) s, hhi_bounds(m, 393950) b;
-- MCS 2025 prints a world total of 390,000 (rounded) below the rows' 393,950: an error
SELECT coverage(supply_mix(country, tonnes), 390000) FROM mcs2025;

-- text form: JSON, canonical order, shortest round-trip numbers
SELECT '{"USA": 45000, "CHN": 270000, "X\"y": 0.1, "Türkiye": 1e-300}'::supply_mix;
SELECT m::text::supply_mix::text = m::text AS text_round_trip,
       supply_mix_send(m::text::supply_mix) = supply_mix_send(m) AS identical_bytes
FROM (SELECT supply_mix(country, tonnes / 7) m FROM mcs2025) s;
-- every quantity survives the text form bit for bit
SELECT bool_and(q.value::float8 = p.tonnes / 7) AS floats_exact
FROM (SELECT supply_mix(country, tonnes / 7) m FROM mcs2025) s,
     jsonb_each_text(m::jsonb) q JOIN mcs2025 p ON p.country = q.key;
SELECT '{}'::supply_mix, pg_typeof('{"a": 1}'::supply_mix::jsonb), '{"a": 1, "b": 2.5}'::supply_mix::jsonb;
-- numeric overloads, and bigint supplier codes (UN Comtrade partnerCode)
SELECT supply_mix(c, q::numeric) FROM (VALUES ('a', 1.5), ('b', 2), ('a', 0.25)) v(c, q);
SELECT supply_mix(c, q) FROM (VALUES (156::bigint, 270000::float8), (842, 45000), (156, 1)) v(c, q);
SELECT supply_mix(c, q::numeric) FROM (VALUES (156::bigint, 1.5), (842, 2)) v(c, q);
-- integer quantity columns resolve to the float8 overload
SELECT supply_mix(c, q) = '{"a": 3, "b": 1}' AS int_quantities_ok
FROM (VALUES ('a', 1), ('b', 1), ('a', 2)) v(c, q);
SELECT share(supply_mix(c, q), '156') = 0.75 AS bigint_share_ok
FROM (VALUES (156::bigint, 3::float8), (842, 1)) v(c, q);

-- equality compares suppliers and quantities, not text
SELECT '{"a": 1, "b": 2}'::supply_mix = '{"b": 2.0, "a": 1e0}' AS same, '{"a": 1}'::supply_mix = '{"a": 1, "b": 0}' AS zero_entry_counts,
       '{"a": 1}'::supply_mix <> '{"a": 1.0000000000000002}' AS ulp_differs;
-- binary round trip through COPY ... BINARY
CREATE TABLE mix_copy (id int, m supply_mix);
INSERT INTO mix_copy SELECT 1, supply_mix(country, tonnes) FROM mcs2025;
INSERT INTO mix_copy VALUES (2, '{}'), (3, '{"": 0, "ü": 1.5e-7}');
SELECT copy_file('mix_copy.bin') AS copyfile \gset
COPY mix_copy TO :'copyfile' WITH (FORMAT binary);
CREATE TABLE mix_copy2 (LIKE mix_copy);
COPY mix_copy2 FROM :'copyfile' WITH (FORMAT binary);
SELECT a.id, a.m::text = b.m::text AS same_text, supply_mix_send(a.m) = supply_mix_send(b.m) AS same_bytes,
       a.m = b.m AS equal, a.m <> b.m AS not_equal
FROM mix_copy a JOIN mix_copy2 b USING (id) ORDER BY 1;
-- the binary form: version byte 1, u32 count, then entries
SELECT supply_mix_send('{"a": 1}'::supply_mix) = '\x01010000000100000061000000000000f03f'::bytea AS send_format_ok;

-- NULL rows are skipped; zero is allowed and kept
SELECT supply_mix(c, q) FROM (VALUES ('a', 1::float8), (NULL, 5), ('b', NULL), ('z', 0)) v(c, q);
SELECT supplier_count(m), total(m), hhi(m)
FROM (SELECT supply_mix(c, q) m FROM (VALUES ('a', 1::float8), ('z', 0)) v(c, q)) s;

-- empty groups (FILTER matches nothing): the empty mix; every accessor says
-- 0, NULL or an empty set, never NaN or Infinity
SELECT m, total(m), supplier_count(m), quantity(m, 'China'), share(m, 'China'), hhi(m),
       hhi_normalized(m), equivalent_suppliers(m), cr(m, 3), dominant_supplier(m), entropy(m),
       concentration_class(m), coverage(m, 100), coverage(m, 0), (hhi_bounds(m, 100)).*,
       (SELECT count(*) FROM top_suppliers(m, 5)) AS top_rows
FROM (SELECT supply_mix(country, tonnes) FILTER (WHERE tonnes < 0) m FROM mcs2025) s;
-- a mix whose quantities are all zero behaves like the empty one for shares
SELECT total(m), share(m, 'a'), hhi(m), entropy(m), cr(m, 1), dominant_supplier(m), (SELECT count(*) FROM top_suppliers(m, 5)) AS top_rows
FROM (SELECT '{"a": 0, "b": 0}'::supply_mix m) s;
SELECT (SELECT share FROM top_suppliers('{"a": 0}'::supply_mix, 1)) IS NULL AS zero_total_share_null;

-- rollup: per-group summaries merged equal the direct aggregate
CREATE TABLE trade AS
SELECT (i % 5) AS reporter, 2000 + (i % 7) AS year, 'P' || ((i * 7919) % 97) AS partner,
       ((i * 104729) % 1000) * 1.37 + (i % 13) * 1e6 / 3 AS qty
FROM generate_series(1, 60000::bigint) i;
ANALYZE trade;
WITH per_year AS (SELECT reporter, year, supply_mix(partner, qty) m FROM trade GROUP BY reporter, year),
     rolled AS (SELECT reporter, rollup(m) m FROM per_year GROUP BY reporter),
     direct AS (SELECT reporter, supply_mix(partner, qty) m FROM trade GROUP BY reporter)
SELECT count(*) AS reporters,
       bool_and(abs(hhi(r.m) - hhi(d.m)) <= 1e-12 * hhi(d.m)) AS hhi_agree,
       bool_and(abs(total(r.m) - total(d.m)) <= 1e-12 * total(d.m)) AS total_agree,
       bool_and(supplier_count(r.m) = supplier_count(d.m)) AS count_agree
FROM rolled r JOIN direct d USING (reporter);
-- rollup against plain SQL per partner
WITH per_year AS (SELECT year, supply_mix(partner, qty) m FROM trade GROUP BY year),
     r AS (SELECT rollup(m) m FROM per_year),
     p AS (SELECT partner, sum(qty) q FROM trade GROUP BY partner)
SELECT bool_and(abs(quantity(r.m, p.partner) - p.q) <= 1e-12 * p.q) AS rollup_quantities_ok
FROM r, p;

-- parallel plan: Partial/Finalize Aggregate over a regular table, same results as serial
CALL force_parallel_plans();
SELECT plan_has('SELECT reporter, supply_mix(partner, qty) FROM trade GROUP BY reporter',
                'Finalize', 'Partial', 'Gather') AS parallel_plan;
CREATE TEMP TABLE par AS SELECT reporter, supply_mix(partner, qty) m FROM trade GROUP BY reporter;
SELECT plan_has('SELECT supply_mix(partner, qty) FROM trade', 'Finalize Aggregate', 'Partial Aggregate') AS parallel_plain_agg;
CREATE TEMP TABLE par_all AS SELECT supply_mix(partner, qty) m FROM trade;
RESET parallel_leader_participation;
SET max_parallel_workers_per_gather = 0;
CREATE TEMP TABLE ser AS SELECT reporter, supply_mix(partner, qty) m FROM trade GROUP BY reporter;
CREATE TEMP TABLE ser_all AS SELECT supply_mix(partner, qty) m FROM trade;
SELECT count(*) AS groups,
       bool_and(abs(hhi(p.m) - hhi(s.m)) <= 1e-12 * hhi(s.m)) AS hhi_agree,
       bool_and(abs(entropy(p.m) - entropy(s.m)) <= 1e-12 * entropy(s.m)) AS entropy_agree,
       bool_and(supplier_count(p.m) = supplier_count(s.m)) AS count_agree
FROM par p JOIN ser s USING (reporter);
SELECT bool_and(abs(a.value::float8 - b.value::float8) <= 1e-12 * b.value::float8) AS every_partner_agrees,
       count(*) AS partners
FROM par_all, ser_all, jsonb_each_text(par_all.m::jsonb) a JOIN jsonb_each_text(ser_all.m::jsonb) b USING (key);
-- bigint keys in parallel too
SET max_parallel_workers_per_gather = 2;
CREATE TEMP TABLE par_int AS SELECT supply_mix(reporter::bigint, qty) m FROM trade;
SET max_parallel_workers_per_gather = 0;
SELECT m::text = (SELECT supply_mix(reporter::bigint, qty)::text FROM trade) OR
       abs(hhi(m) - (SELECT hhi(supply_mix(reporter::bigint, qty)) FROM trade)) < 1e-9 AS int_keys_agree
FROM par_int;
RESET max_parallel_workers_per_gather;

-- partitionwise aggregation over a partitioned table
CREATE TABLE trade_part (reporter int, year int, partner text, qty float8) PARTITION BY RANGE (year);
CREATE TABLE trade_part_a PARTITION OF trade_part FOR VALUES FROM (2000) TO (2003);
CREATE TABLE trade_part_b PARTITION OF trade_part FOR VALUES FROM (2003) TO (2010);
INSERT INTO trade_part SELECT reporter, year, partner, qty FROM trade;
ANALYZE trade_part;
SET enable_partitionwise_aggregate = on;
SET max_parallel_workers_per_gather = 0;
SELECT plan_has('SELECT reporter, supply_mix(partner, qty) FROM trade_part GROUP BY reporter',
                'Partial', 'Finalize', 'trade_part_a', 'trade_part_b') AS partitionwise_plan;
WITH pw AS (SELECT reporter, supply_mix(partner, qty) m FROM trade_part GROUP BY reporter)
SELECT bool_and(abs(hhi(pw.m) - hhi(s.m)) <= 1e-12 * hhi(s.m)
                AND abs(total(pw.m) - total(s.m)) <= 1e-12 * total(s.m)) AS partitionwise_agrees
FROM pw JOIN ser s USING (reporter);
RESET enable_partitionwise_aggregate;
RESET max_parallel_workers_per_gather;

-- errors: negative, NaN and infinite quantities name the supplier
SELECT supply_mix(c, q) FROM (VALUES ('China', 1::float8), ('Burma', -5)) v(c, q);
SELECT supply_mix(c, q) FROM (VALUES ('Burma', 'NaN'::float8)) v(c, q);
SELECT supply_mix(c, q) FROM (VALUES ('Burma', 'Infinity'::float8)) v(c, q);
SELECT supply_mix(c, q) FROM (VALUES ('Burma', 'NaN'::numeric)) v(c, q);
SELECT supply_mix(c, q) FROM (VALUES (104::bigint, -1::float8)) v(c, q);
SELECT supply_mix(c, q) FROM (VALUES ('a', 1e308::float8), ('a', 1e308)) v(c, q);
-- errors: accessor arguments
SELECT cr('{"a": 1}'::supply_mix, -1);
SELECT * FROM top_suppliers('{"a": 1}'::supply_mix, -2);
SELECT concentration_class(1200, '2011');
SELECT concentration_class('{"a": 1}'::supply_mix, 'latest');
SELECT concentration_class('{}'::supply_mix, 'latest');
SELECT concentration_class(-1);
SELECT concentration_class(10001);
SELECT concentration_class('NaN'::float8);
SELECT coverage('{"a": 60, "b": 20}'::supply_mix, 79);
SELECT hhi_bounds('{"a": 60, "b": 20}'::supply_mix, 'Infinity');
-- errors: malformed text input
SELECT '{"a": 1'::supply_mix;
SELECT '[1, 2]'::supply_mix;
SELECT '42'::supply_mix;
SELECT '{"a": {"b": 1}}'::supply_mix;
SELECT '{"a": "1"}'::supply_mix;
SELECT '{"a": null}'::supply_mix;
SELECT '{"a": -1}'::supply_mix;
SELECT '{"a": 1e999}'::supply_mix;
SELECT '{"a": 1, "a": 2}'::supply_mix;
SELECT '{"a\u0000": 1}'::supply_mix;
SELECT ''::supply_mix;
-- errors: malformed binary input (version, truncation, trailing bytes,
-- duplicates, order, negative, NaN, oversized count, invalid UTF-8)
-- (try_recv, from setup.sql, hands raw bytes to supply_mix_recv through COPY BINARY)
SELECT c AS case, try_recv(h, 'supply_mix') AS result FROM (VALUES
  ('valid',         '01010000000100000061000000000000f03f'),
  ('empty input',   ''),
  ('version 2',     '02010000000100000061000000000000f03f'),
  ('truncated',     '010100000001000000610000000000'),
  ('trailing byte', '01010000000100000061000000000000f03f00'),
  ('duplicate key', '01020000000100000061000000000000f03f0100000061000000000000f03f'),
  ('out of order',  '01020000000100000062000000000000f03f0100000061000000000000f03f'),
  ('negative',      '01010000000100000061000000000000f0bf'),
  ('NaN',           '01010000000100000061000000000000f87f'),
  ('huge count',    '01ffffffff'),
  ('huge key len',  '0101000000ffffff7f000000000000f03f'),
  ('bad UTF-8',     '010100000001000000ff000000000000f03f'),
  ('NUL in key',    '01010000000100000000000000000000f03f')
) v(c, h);
-- (the aggregate state's deserializer takes "internal" and cannot be called
-- from SQL; test/unit and test/fuzz cover it)

-- numbers are never NaN or Infinity.  A total beyond double precision is an
-- error 22003 where the sum happens: text input, binary input, the
-- aggregate (text, bigint, country and numeric forms), rollup and a parallel
-- plan's combine; so total, coverage and hhi_bounds never see it.
SELECT total('{"a": 1e308, "b": 1e308}'::supply_mix);
\echo :LAST_ERROR_SQLSTATE
SELECT coverage('{"a": 1e308, "b": 1e308}'::supply_mix, 1.7e308);
\echo :LAST_ERROR_SQLSTATE
SELECT (hhi_bounds('{"a": 1e308, "b": 1e308}'::supply_mix, 1.7e308)).upper;
\echo :LAST_ERROR_SQLSTATE
SELECT supply_mix(c, q) FROM (VALUES ('a', 1e308::float8), ('b', 1e308)) v(c, q);
\echo :LAST_ERROR_SQLSTATE
SELECT supply_mix(c, q) FROM (VALUES (156::bigint, 1e308::float8), (842, 1e308)) v(c, q);
\echo :LAST_ERROR_SQLSTATE
SELECT supply_mix(c::country, q) FROM (VALUES ('CHN', 1e308::float8), ('USA', 1e308)) v(c, q);
\echo :LAST_ERROR_SQLSTATE
SELECT supply_mix(c, q) FROM (VALUES ('a', 1e308::numeric), ('b', 1e308)) v(c, q);
\echo :LAST_ERROR_SQLSTATE
SELECT rollup(m) FROM (VALUES ('{"a": 1e308}'::supply_mix), ('{"b": 1e308}')) v(m);
\echo :LAST_ERROR_SQLSTATE
-- binary input {"a": 1e308, "b": 1e308}: each quantity valid, the total not
SELECT try_recv('0102000000' || '0100000061' || 'a0c8eb85f3cce17f' || '0100000062' || 'a0c8eb85f3cce17f',
                'supply_mix') AS binary_total_overflow;
-- combine: two partitions' partial totals of 1e308 each (setup.sql)
SELECT combine_error($$SELECT total(supply_mix(supplier, qty)) FROM huge_halves GROUP BY g$$);
-- a parallel plan: 1.5 x DBL_MAX spread over 20,000 rows (in a worker's
-- transition or at the combine, whichever overflows first)
CREATE TABLE mix_huge AS
SELECT 'P' || (i % 50) AS supplier, (1.5 * 1.7976931348623157e308 / 20000)::float8 AS qty
FROM generate_series(1, 20000) i;
ANALYZE mix_huge;
CALL force_parallel_plans();
SELECT plan_has('SELECT supply_mix(supplier, qty) FROM mix_huge', 'Finalize Aggregate', 'Partial Aggregate') AS parallel_plan;
SELECT total(supply_mix(supplier, qty)) FROM mix_huge;
\echo :LAST_ERROR_SQLSTATE
CALL reset_parallel_plans();
-- 29 of the 50 suppliers (0.87 x DBL_MAX) are fine: total and share near
-- the top of the range, against plain float8 arithmetic
WITH part AS (SELECT * FROM mix_huge WHERE supplier <> 'P0' AND supplier <= 'P35'),
     m AS (SELECT supply_mix(supplier, qty) m FROM part),
     p AS (SELECT count(DISTINCT supplier) AS n, sum(qty) AS q,
                  sum(qty) FILTER (WHERE supplier = 'P1') AS q1 FROM part)
SELECT n AS suppliers, abs(total(m) / q - 1) < 1e-12 AS total_ok,
       abs(share(m, 'P1') / (q1 / q) - 1) < 1e-12 AS share_ok
FROM m, p;
-- a total of exactly DBL_MAX: every accessor finite, checked by hand
-- (two equal halves: share 1/2, HHI 5,000, entropy ln 2, 2 equivalent suppliers)
SELECT total(m) = '1.7976931348623157e308'::float8 AS total_is_max,
       share(m, 'a') = 0.5 AS share_ok, hhi(m) = 5000 AS hhi_ok,
       abs(entropy(m) - ln(2)) < 1e-15 AS entropy_ok, equivalent_suppliers(m) = 2 AS equivalent_ok,
       cr(m, 1) = 0.5 AS cr_ok, coverage(m, '1.7976931348623157e308') = 1 AS coverage_ok,
       (hhi_bounds(m, '1.7976931348623157e308')).upper = 5000 AS upper_ok
FROM (SELECT supply_mix(c, q) m
      FROM (VALUES ('a', 8.988465674311579e307::float8), ('b', 8.988465674311579e307)) v(c, q)) s;
-- the same supplier summed up to exactly DBL_MAX is fine too
SELECT quantity(supply_mix(c, q), 'a') = '1.7976931348623157e308'::float8 AS one_supplier_at_max
FROM (VALUES ('a', 8.988465674311579e307::float8), ('a', 8.988465674311579e307)) v(c, q);

-- a nonzero number that rounds to 0 is an error 22003, as for float8 itself;
-- subnormal quantities are kept and survive the text form
SELECT '{"a": 1e-400}'::supply_mix;
\echo :LAST_ERROR_SQLSTATE
SELECT '1e-400'::float8;
\echo :LAST_ERROR_SQLSTATE
SELECT '{"a": 0.000001e-320}'::supply_mix;
\echo :LAST_ERROR_SQLSTATE
SELECT quantity(m, 'a') = '5e-324'::float8 AS subnormal_kept, m = m::text::supply_mix AS text_round_trip,
       share(m, 'a') = 0.5 AS share_ok
FROM (SELECT '{"a": 5e-324, "b": 5e-324}'::supply_mix m) s;
SELECT '{"a": 0e-400, "b": 0.0e999}'::supply_mix = '{"a": 0, "b": 0}' AS zero_is_zero;

-- -0 is stored as 0 whichever way it comes in, so every value survives its
-- text form: text input, the aggregate, and binary input (a client's -0)
SELECT '{"a": -0, "b": -0.0e5}'::supply_mix::text AS negative_zero_text,
       supply_mix_send('{"a": -0}'::supply_mix) = supply_mix_send('{"a": 0}') AS same_bytes;
SELECT m = m::text::supply_mix AS text_round_trip, m::text
FROM (SELECT supply_mix(c, q) m FROM (VALUES ('a', '-0'::float8), ('b', 1)) v(c, q)) s;
CREATE TABLE mix_negzero (v supply_mix);
SELECT copy_binary_into('0102000000' || '0100000061' || '0000000000000080' || '0100000062' || '000000000000f03f',
                        'mix_negzero');
SELECT v = v::text::supply_mix AS text_round_trip, v = '{"a": 0, "b": 1}' AS is_plus_zero, v::text
FROM mix_negzero;
