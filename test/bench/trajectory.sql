-- Benchmark (not a test): CAGR per (reporter, partner) series with
-- cagr(trajectory(year, qty)) against the best plain-SQL formulations of
-- the same number, on a table the caller has filled:
--   bench_trade(year int, reporter int, partner int, qty float8)
-- (make bench generates about ten million synthetic rows).
--
-- The CAGR of a series is (V_last / V_first)^(1 / (last_year - first_year)) - 1
-- with V the sum of qty in a year; NULL when a value <= 0 or there is one year.
-- Each query runs three times after a warm-up scan; the best time counts.
-- Prints the times, the ratio plain / ours, and checks the results agree.
\set ON_ERROR_STOP on
SET search_path = rareearth, public;
\timing on

SELECT count(*) AS bench_rows FROM bench_trade;

-- Runs a query n times and returns the best wall-clock time in seconds.
CREATE FUNCTION pg_temp.best_of(q text, n int) RETURNS float8 LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz; best float8; d float8;
BEGIN
  FOR i IN 1..n LOOP
    t0 := clock_timestamp();
    EXECUTE q;
    d := extract(epoch FROM clock_timestamp() - t0);
    best := least(best, d);
  END LOOP;
  RETURN best;
END $$;

-- ours: one aggregate per series, then the accessor
\set q_ours 'SELECT reporter, partner, cagr(trajectory(year, qty)) AS c FROM bench_trade GROUP BY reporter, partner'

-- plain SQL, window functions: yearly sums, then first/last year and value
-- per series in one window pass, keeping each series' last row
\set q_window 'SELECT reporter, partner, CASE WHEN q0 > 0 AND q1 > 0 AND y1 > y0 THEN (q1 / q0) ^ (1.0 / (y1 - y0)) - 1 END AS c FROM (SELECT reporter, partner, year, first_value(year) OVER w AS y0, first_value(q) OVER w AS q0, last_value(year) OVER w AS y1, last_value(q) OVER w AS q1 FROM (SELECT reporter, partner, year, sum(qty) AS q FROM bench_trade GROUP BY reporter, partner, year) y WINDOW w AS (PARTITION BY reporter, partner ORDER BY year ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)) s WHERE year = y1'

-- plain SQL, no window: yearly sums, min/max year per series, two joins back
\set q_join 'WITH y AS MATERIALIZED (SELECT reporter, partner, year, sum(qty) AS q FROM bench_trade GROUP BY reporter, partner, year), e AS (SELECT reporter, partner, min(year) AS y0, max(year) AS y1 FROM y GROUP BY reporter, partner) SELECT e.reporter, e.partner, CASE WHEN a.q > 0 AND b.q > 0 AND e.y1 > e.y0 THEN (b.q / a.q) ^ (1.0 / (e.y1 - e.y0)) - 1 END AS c FROM e JOIN y a ON (a.reporter, a.partner, a.year) = (e.reporter, e.partner, e.y0) JOIN y b ON (b.reporter, b.partner, b.year) = (e.reporter, e.partner, e.y1)'

-- warm the cache
SELECT sum(qty) FROM bench_trade;

-- sum(c) forces every CAGR to be computed (unused subquery outputs are pruned)
SELECT pg_temp.best_of(format('SELECT count(*), sum(c) FROM (%s) s', :'q_ours'), 3) AS ours_s \gset
SELECT pg_temp.best_of(format('SELECT count(*), sum(c) FROM (%s) s', :'q_window'), 3) AS window_s \gset
SELECT pg_temp.best_of(format('SELECT count(*), sum(c) FROM (%s) s', :'q_join'), 3) AS join_s \gset

SELECT round(:ours_s::numeric, 3) AS ours_seconds,
       round(:window_s::numeric, 3) AS window_seconds,
       round(:join_s::numeric, 3) AS join_seconds,
       round((:window_s / :ours_s)::numeric, 2) AS window_over_ours,
       round((least(:window_s, :join_s) / :ours_s)::numeric, 2) AS best_plain_over_ours;

-- the three agree on every series (plain sum() is not compensated: 1e-9
-- relative).  Results are materialized first, so the comparison cannot get
-- a nested-loop plan that re-runs a whole formulation per series.
\timing off
CREATE TEMP TABLE bench_ours AS :q_ours;
CREATE TEMP TABLE bench_window AS :q_window;
CREATE TEMP TABLE bench_join AS :q_join;
ANALYZE bench_ours, bench_window, bench_join;
\set agree_tol 1e-9
SELECT count(*) AS series,
       count(*) FILTER (WHERE o.c IS NULL) AS undefined_series,
       count(*) FILTER (WHERE (o.c IS NULL) <> (w.c IS NULL)
                           OR abs(o.c - w.c) > :agree_tol * greatest(1, abs(w.c))) AS window_disagreements,
       count(*) FILTER (WHERE (o.c IS NULL) <> (j.c IS NULL)
                           OR abs(o.c - j.c) > :agree_tol * greatest(1, abs(j.c))) AS join_disagreements,
       (SELECT count(*) FROM bench_window) = count(*) AND (SELECT count(*) FROM bench_join) = count(*) AS same_series
FROM bench_ours o
JOIN bench_window w USING (reporter, partner)
JOIN bench_join j USING (reporter, partner);
