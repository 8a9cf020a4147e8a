-- aggregate_states: the compact supply_mix states (src/core/mix_*.c) through
-- every layout -- 5 and 11 suppliers searched linearly, hashed tables, arrays
-- indexed by the dictionary's ids -- under hashed, sorted, spilled,
-- rescanned, parallel and window aggregation: every plan gives the answer
-- of plain SQL, keys in every form.
CREATE TABLE states_rows AS
SELECT i % 40 AS g,                                   -- 40 groups
       'S' || ((i * 7) % (1 + (i % 40) * 8)) AS k,    -- group g has up to 1 + 8 g suppliers
       ((i * 7) % (1 + (i % 40) * 8))::bigint AS kb,
       (1 + i % 13)::float8 / 4 AS q
FROM generate_series(1, 40000) i;
ANALYZE states_rows;
-- the reference: per-supplier sums, then HHI, in plain SQL
CREATE TABLE states_ref AS
SELECT g, count(*) AS suppliers, sum(s * s) / (sum(s) * sum(s)) * 10000 AS h, sum(s) AS total
FROM (SELECT g, k, sum(q) AS s FROM states_rows GROUP BY g, k) p GROUP BY g;
SELECT count(*) AS groups, min(suppliers), max(suppliers) FROM states_ref;
-- a comparison of one plan's answers with the reference
CREATE FUNCTION states_agree(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE bad bigint; n bigint;
BEGIN
  EXECUTE format('SELECT count(*), count(*) FILTER (WHERE r.g IS NULL OR t.g IS NULL
                    OR t.n <> r.suppliers OR abs(t.h - r.h) > 1e-12 * r.h OR abs(t.total - r.total) > 1e-12 * r.total)
                  FROM (%s) t FULL JOIN states_ref r USING (g)', q) INTO n, bad;
  RETURN format('%s groups, %s differ', n, bad);
END $$;
SET work_mem = '64MB';
SET max_parallel_workers_per_gather = 0;
-- hashed (the pool and the waiting additions), text and bigint keys
SET enable_sort = off;
SELECT plan_has('SELECT g, supply_mix(k, q) FROM states_rows GROUP BY g', 'HashAggregate') AS hashed;
SELECT states_agree('SELECT g, supplier_count(m) AS n, hhi(m) AS h, total(m) AS total FROM (SELECT g, supply_mix(k, q) AS m FROM states_rows GROUP BY g) s');
SELECT states_agree('SELECT g, supplier_count(m) AS n, hhi(m) AS h, total(m) AS total FROM (SELECT g, supply_mix(kb, q) AS m FROM states_rows GROUP BY g) s');
-- the two key forms give the same mix, suppliers named alike
SELECT count(*) AS same_mixes FROM
  (SELECT g, supply_mix(k, q) AS m FROM states_rows GROUP BY g) a JOIN
  (SELECT g, supply_mix('S' || kb, q) AS m FROM states_rows GROUP BY g) b USING (g) WHERE a.m = b.m;
-- sorted
RESET enable_sort;
SET enable_hashagg = off;
SELECT plan_has('SELECT g, supply_mix(k, q) FROM states_rows GROUP BY g', 'GroupAggregate') AS sorted;
SELECT states_agree('SELECT g, supplier_count(m) AS n, hhi(m) AS h, total(m) AS total FROM (SELECT g, supply_mix(k, q) AS m FROM states_rows GROUP BY g) s');
RESET enable_hashagg;
-- hashed with too little memory: 4,000 groups of up to 15 suppliers spill,
-- and the pool is reset between the batches; the same mixes as sorted
SET work_mem = '64kB';
SET enable_sort = off;
CREATE FUNCTION spilled(q text) RETURNS bool LANGUAGE plpgsql AS $$
DECLARE plan json;
BEGIN
  EXECUTE 'EXPLAIN (ANALYZE, FORMAT JSON) ' || q INTO plan;
  RETURN (plan -> 0 -> 'Plan' ->> 'HashAgg Batches')::int > 1;
END $$;
SELECT spilled('SELECT kb % 4000, g % 3, supply_mix(k, q) FROM states_rows GROUP BY kb % 4000, g % 3') AS spilled;
CREATE TABLE states_spilled AS
SELECT kb % 4000 AS n, g % 3 AS r, supply_mix(k, q) AS m FROM states_rows GROUP BY kb % 4000, g % 3;
RESET enable_sort;
SET enable_hashagg = off;
SELECT count(*) AS groups, count(*) FILTER (WHERE s.m IS DISTINCT FROM t.m) AS mixes_differ
FROM (SELECT kb % 4000 AS n, g % 3 AS r, supply_mix(k, q) AS m FROM states_rows GROUP BY kb % 4000, g % 3) t
JOIN states_spilled s USING (n, r);
RESET enable_hashagg;
DROP TABLE states_spilled;
-- the final phase of a hashed aggregation prefetches the groups its walk
-- reaches next (agg_prefetch.c): two hashed grouping sets of 4,606
-- and 7 groups, three aggregates of one query (each reading its own
-- per-group state), then the 4,606 groups spilled, give the sorted plan's
-- answers
SET enable_hashagg = off;
CREATE TABLE states_sets_sorted AS
SELECT g AS r, kb AS n, kb % 7 AS n7, supply_mix(k, q)::text AS m,
       material_balance(CASE kb % 3 WHEN 0 THEN 'production' WHEN 1 THEN 'import' ELSE 'export' END, q)::text AS b,
       trajectory((2000 + kb % 20)::int, q)::text AS t
FROM states_rows GROUP BY GROUPING SETS ((g, kb), (kb % 7));
RESET enable_hashagg;
SET enable_sort = off;
SET work_mem = '64MB';
SELECT plan_has($q$SELECT g, kb, supply_mix(k, q) FROM states_rows GROUP BY GROUPING SETS ((g, kb), (kb % 7))$q$,
                'HashAggregate') AS hashed_sets;
SELECT count(*) AS groups, count(*) FILTER (WHERE s.m IS DISTINCT FROM h.m OR s.b IS DISTINCT FROM h.b OR s.t IS DISTINCT FROM h.t) AS differ
FROM (SELECT g AS r, kb AS n, kb % 7 AS n7, supply_mix(k, q)::text AS m,
             material_balance(CASE kb % 3 WHEN 0 THEN 'production' WHEN 1 THEN 'import' ELSE 'export' END, q)::text AS b,
             trajectory((2000 + kb % 20)::int, q)::text AS t
      FROM states_rows GROUP BY GROUPING SETS ((g, kb), (kb % 7))) h
FULL JOIN (SELECT * FROM states_sets_sorted) s
  ON coalesce(s.r, -1) = coalesce(h.r, -1) AND coalesce(s.n, -1) = coalesce(h.n, -1) AND coalesce(s.n7, -1) = coalesce(h.n7, -1);
SET work_mem = '64kB';
SELECT spilled('SELECT g, kb, supply_mix(k, q) FROM states_rows GROUP BY g, kb') AS spilled;
SELECT count(*) AS groups, count(*) FILTER (WHERE s.m IS DISTINCT FROM h.m OR s.b IS DISTINCT FROM h.b OR s.t IS DISTINCT FROM h.t) AS differ
FROM (SELECT g AS r, kb AS n, NULL::bigint AS n7, supply_mix(k, q)::text AS m,
             material_balance(CASE kb % 3 WHEN 0 THEN 'production' WHEN 1 THEN 'import' ELSE 'export' END, q)::text AS b,
             trajectory((2000 + kb % 20)::int, q)::text AS t
      FROM states_rows GROUP BY g, kb) h
FULL JOIN (SELECT * FROM states_sets_sorted WHERE n7 IS NULL) s
  ON coalesce(s.r, -1) = coalesce(h.r, -1) AND coalesce(s.n, -1) = coalesce(h.n, -1) AND coalesce(s.n7, -1) = coalesce(h.n7, -1);
RESET enable_sort;
DROP TABLE states_sets_sorted;
DROP FUNCTION spilled(text);
SET work_mem = '64MB';
SET enable_sort = off;
-- rescanned with a LIMIT: groups left unread are freed by the reset, and
-- what waited for them is forgotten, not added to freed memory
SELECT plan_has('SELECT i, (SELECT g FROM (SELECT g, supply_mix(k, q) AS m FROM states_rows WHERE g >= i % 3 GROUP BY g) s LIMIT 1) FROM generate_series(1, 4) i',
                'HashAggregate', 'Limit') AS rescanned_hashed;
SELECT i, (SELECT abs(hhi(m) - (SELECT h FROM states_ref r WHERE r.g = s.g)) <= 1e-12 * hhi(m)
           FROM (SELECT g, supply_mix(k, q) AS m FROM states_rows WHERE g >= i % 3 GROUP BY g) s
           LIMIT 1) AS first_group_right
FROM generate_series(1, 4) i;
RESET enable_sort;
-- parallel: partial states serialized, deserialized into the leader's
-- dictionary and combined
CALL force_parallel_plans();
SELECT plan_has('SELECT g, supply_mix(k, q) FROM states_rows GROUP BY g', 'Partial', 'Gather') AS parallel_plan;
SELECT states_agree('SELECT g, supplier_count(m) AS n, hhi(m) AS h, total(m) AS total FROM (SELECT g, supply_mix(k, q) AS m FROM states_rows GROUP BY g) s');
SELECT states_agree('SELECT g, supplier_count(m) AS n, hhi(m) AS h, total(m) AS total FROM (SELECT g, supply_mix(kb, q) AS m FROM states_rows GROUP BY g) s');
CALL reset_parallel_plans();
-- a window over growing frames: the final function reads the same state again and again
-- (quantities are >= 0: the largest running total is the group's total)
SELECT count(*) AS groups, count(*) FILTER (WHERE abs(w.total - r.total) > 1e-12 * r.total) AS totals_differ,
       sum(w.frames) AS frames
FROM (SELECT g, max(t) AS total, count(*) AS frames
      FROM (SELECT g, total(supply_mix(k, q) OVER (PARTITION BY g ORDER BY q, k)) AS t FROM states_rows) f
      GROUP BY g) w
JOIN states_ref r USING (g);
-- rollup of the groups' mixes equals the mix of all rows
SELECT rollup(m) = (SELECT supply_mix(k, q) FROM states_rows) AS rollup_agrees
FROM (SELECT g, supply_mix(k, q) AS m FROM states_rows GROUP BY g) s;
DROP FUNCTION states_agree(text);
DROP TABLE states_rows, states_ref;
