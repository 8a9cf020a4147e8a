-- supply_mix benchmark: HHI per (reporter, year)
--  (a) our aggregate: hhi(supply_mix(partner, qty))
--  (b) the best plain-SQL formulation we know: per-partner sums, then
--      HHI = sum(q^2) / sum(q)^2 * 10000 per group (one pass over the
--      partner sums; faster than the textbook window-function version,
--      which is timed too as (b'))
--  (c) the scan floor: sum(qty), count(partner) over the same grouping
-- Each is the best of 3 runs, with 0 and with 2 parallel workers.
SET search_path = rareearth, public;
SET work_mem = '512MB';
SET jit = off;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;

CREATE OR REPLACE FUNCTION pg_temp.best_ms(q text, reps int DEFAULT 3) RETURNS float8 LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz; best float8 := 'Infinity'; ms float8;
BEGIN
  FOR i IN 1..reps LOOP
    t0 := clock_timestamp();
    EXECUTE 'SELECT count(*) FROM (' || q || ') q';
    ms := extract(epoch FROM clock_timestamp() - t0) * 1000;
    best := least(best, ms);
  END LOOP;
  RETURN best;
END $$;

CREATE TEMP TABLE bench_queries (name text, q text);
INSERT INTO bench_queries VALUES
 ('a  hhi(supply_mix(partner int, qty))',
  'SELECT reporter, year, hhi(supply_mix(partner, qty)) FROM bench_trade GROUP BY reporter, year'),
 ('a2 hhi(supply_mix(partner_iso text, qty))',
  'SELECT reporter, year, hhi(supply_mix(partner_iso, qty)) FROM bench_trade GROUP BY reporter, year'),
 ('a3 hhi(supply_mix(partner_country country, qty))',
  'SELECT reporter, year, hhi(supply_mix(partner_country, qty)) FROM bench_trade GROUP BY reporter, year'),
 ('b  plain SQL: partner sums, sum(q^2)/sum(q)^2',
  'SELECT reporter, year, sum(q * q) / (sum(q) * sum(q)) * 10000 FROM (SELECT reporter, year, partner, sum(qty) q FROM bench_trade GROUP BY reporter, year, partner) p GROUP BY reporter, year'),
 ('b'' plain SQL: partner sums, window shares, sum of squares',
  'SELECT reporter, year, sum(s * s) * 10000 FROM (SELECT reporter, year, q / sum(q) OVER (PARTITION BY reporter, year) s FROM (SELECT reporter, year, partner, sum(qty) q FROM bench_trade GROUP BY reporter, year, partner) p) w GROUP BY reporter, year'),
 ('c  scan floor: sum(qty), count(partner)',
  'SELECT reporter, year, sum(qty), count(partner) FROM bench_trade GROUP BY reporter, year');

-- (a) and (b) agree
SELECT count(*) AS groups, max(abs(a.h - b.h) / b.h) AS max_rel_diff,
       max(abs(a.h - b.h) / b.h) < 1e-9 AS a_and_b_agree
FROM (SELECT reporter, year, hhi(supply_mix(partner, qty)) h FROM bench_trade GROUP BY reporter, year) a
JOIN (SELECT reporter, year, sum(q * q) / (sum(q) * sum(q)) * 10000 h
      FROM (SELECT reporter, year, partner, sum(qty) q FROM bench_trade GROUP BY reporter, year, partner) p
      GROUP BY reporter, year) b USING (reporter, year);

CREATE TEMP TABLE bench_results (workers int, name text, ms float8);
SET max_parallel_workers_per_gather = 0;
INSERT INTO bench_results SELECT 0, name, pg_temp.best_ms(q) FROM bench_queries;
SET max_parallel_workers_per_gather = 2;
INSERT INTO bench_results SELECT 2, name, pg_temp.best_ms(q) FROM bench_queries;

\pset footer off
SELECT workers, name, round(ms::numeric) AS ms,
       round((ms / (SELECT ms FROM bench_results c WHERE c.workers = r.workers AND c.name LIKE 'c %'))::numeric, 2) AS x_scan_floor,
       round(((SELECT ms FROM bench_results b WHERE b.workers = r.workers AND b.name LIKE 'b %') / ms)::numeric, 2) AS plain_sql_over_this
FROM bench_results r ORDER BY workers, name;
