-- trajectory: the worked examples, every accessor against an
-- independent plain-SQL computation, NULL rules, text/binary round trips,
-- parallel, partitionwise and rollup agreement, empty groups and every
-- error case.
\set VERBOSITY terse

-- Worked example 1: Russia's plan to go from about 2,600 t of
-- rare-earth output in 2024 to 50,000 t by 2030 needs about 63.7% a year,
-- checked against the formula (50000/2600)^(1/6) - 1 computed in SQL.
SELECT round(required_cagr('{"2024": 2600}'::trajectory, 50000, 2030)::numeric, 3) AS required,
       abs(required_cagr('{"2024": 2600}'::trajectory, 50000, 2030) - ((50000.0 / 2600) ^ (1.0 / 6) - 1)) < 1e-12 AS trajectory_ok,
       abs(required_cagr(2600, 50000, 2024, 2030) - ((50000.0 / 2600) ^ (1.0 / 6) - 1)) < 1e-12 AS scalar_ok,
       abs(cagr(2600, 50000, 2024, 2030) - ((50000.0 / 2600) ^ (1.0 / 6) - 1)) < 1e-12 AS cagr_ok,
       round((50000.0 / 2600)::numeric, 1) AS fold;

-- A former flaw: required_cagr(2600, 50000, 2030) gave 0.00146, reading
-- 2030 as a count of years where required_cagr(trajectory, target, 2030)
-- reads a calendar year.  The scalar forms take two calendar years.  The
-- user's query, against (50000/2600)^(1/(2030 - 2024)) - 1 in plain SQL:
SELECT required_cagr(2600, 50000, 2024, 2030);
SELECT round(required_cagr(2600, 50000, 2024, 2030)::numeric, 4) AS required,
       round(((50000.0 / 2600) ^ (1.0 / (2030 - 2024)) - 1)::numeric, 4) AS by_hand,
       abs(required_cagr(2600, 50000, 2024, 2030) - ((50000.0 / 2600) ^ (1.0 / (2030 - 2024)) - 1)) < 1e-12 AS required_ok,
       -- from 2025 (the latest USGS year) the same target needs more: 1/5
       abs(required_cagr(2600, 50000, 2025, 2030) - ((50000.0 / 2600) ^ (1.0 / 5) - 1)) < 1e-12 AS from_2025_ok,
       -- the scalar and trajectory forms agree, both reading calendar years
       abs(required_cagr(2600, 50000, 2024, 2030) - required_cagr('{"2024": 2600}'::trajectory, 50000, 2030)) < 1e-15 AS forms_agree,
       abs(cagr(131, 190, 2011, 2017) - cagr('{"2011": 131, "2017": 190}'::trajectory, 2011, 2017)) < 1e-15 AS cagr_forms_agree,
       -- the value growing at that rate for six years reaches the target
       abs(2600 * (1 + required_cagr(2600, 50000, 2024, 2030)) ^ 6 - 50000) < 1e-6 AS reaches_target;
-- the three-number forms are gone: each call fails, none is read as a span
SELECT required_cagr(2600, 50000, 2030);
SELECT :'LAST_ERROR_SQLSTATE' AS sqlstate;
SELECT cagr(2600, 50000, 6);
SELECT :'LAST_ERROR_SQLSTATE' AS sqlstate;
SELECT required_cagr(2600, 50000, 6.5::float8);
SELECT :'LAST_ERROR_SQLSTATE' AS sqlstate;
SELECT count(*) AS three_number_forms FROM pg_proc
WHERE proname IN ('cagr', 'required_cagr') AND pronamespace = 'rareearth'::regnamespace
  AND proargtypes::regtype[] = '{float8,float8,float8}'::regtype[];
-- the years must be in order: an error (22023), not NULL and not a negative span
SELECT required_cagr(2600, 50000, 2030, 2024);
SELECT :'LAST_ERROR_SQLSTATE' AS sqlstate;
SELECT cagr(2600, 50000, 2024, 2024);
SELECT :'LAST_ERROR_SQLSTATE' AS sqlstate;
-- the plan path 2024..2030 and the actual output against it
SELECT year, round(value::numeric, 1) AS value FROM target_path(2024, 2600, 2030, 50000);
SELECT bool_and(abs(value - 2600 * (50000.0 / 2600) ^ ((year - 2024) / 6.0)) < 1e-9 * value) AS path_ok,
       bool_and(value = 2600) FILTER (WHERE year = 2024) AS starts_exactly,
       bool_and(value = 50000) FILTER (WHERE year = 2030) AS ends_exactly,
       count(*) AS years
FROM target_path(2024, 2600, 2030, 50000);
SELECT year, actual, round(planned::numeric, 1) AS planned, round(ratio::numeric, 4) AS ratio
FROM gap_to_path('{"2024": 2600, "2025": 3000, "2027": 5000}'::trajectory, 2024, 2600, 2030, 50000);
SELECT bool_and(g.planned = p.value) AS planned_is_path,
       bool_and(g.ratio IS NOT DISTINCT FROM g.actual / g.planned) AS ratio_ok
FROM gap_to_path('{"2024": 2600, "2025": 3000, "2027": 5000}'::trajectory, 2024, 2600, 2030, 50000) g
JOIN target_path(2024, 2600, 2030, 50000) p USING (year);

-- Worked example 2: an exact exponential series gives its rate back, r^2 = 1
CREATE TABLE traj_exp AS
SELECT y AS year, 1000 * 1.05 ^ (y - 2010)::float8 AS v FROM generate_series(2010, 2024) y;
SELECT abs(trend_rate(t) - 0.05) < 1e-12 AS rate_ok,
       abs(trend_r2(t) - 1) < 1e-12 AS r2_ok,
       abs(cagr(t) - 0.05) < 1e-12 AS cagr_ok,
       abs(project(t, 2030) - 1000 * 1.05 ^ 20) < 1e-9 * 1000 * 1.05 ^ 20 AS project_ok,
       abs(doubling_time(t) - ln(2) / ln(1.05)) < 1e-9 AS doubling_ok,
       abs(fold_change(t) - 1.05 ^ 14) < 1e-12 AS fold_ok,
       abs(yoy(t, 2020) - 0.05) < 1e-12 AS yoy_ok
FROM (SELECT trajectory(year, v) t FROM traj_exp) s;
-- and years_to_target / on_track at that rate from the last value
SELECT abs(years_to_target(t, 5000) - ln(5000 / (1000 * 1.05 ^ 14)) / ln(1.05)) < 1e-9 AS years_ok,
       years_to_target(t, 100) AS already_there,
       on_track(t, 5000, 2024 + ceil(ln(5000 / (1000 * 1.05 ^ 14)) / ln(1.05))::int) AS on_track_in_time,
       on_track(t, 5000, 2024 + floor(ln(5000 / (1000 * 1.05 ^ 14)) / ln(1.05))::int) AS on_track_too_late,
       on_track(t, 100, 2024) AS on_track_already,
       abs(required_cagr(t, 1000 * 1.05 ^ 20, 2030) - 0.05) < 1e-12 AS required_ok
FROM (SELECT trajectory(year, v) t FROM traj_exp) s;

-- Worked example 3: the World Bank's rule of thumb, 2.3% a year doubles in
-- about 30 years, 7% in about 10
SELECT round(doubling_time(0.023)) AS years_at_2_3, round(doubling_time(0.07)) AS years_at_7,
       abs(doubling_time(0.023) - ln(2) / ln(1.023)) < 1e-12 AS formula_2_3_ok,
       abs(doubling_time(0.07) - ln(2) / ln(1.07)) < 1e-12 AS formula_7_ok,
       doubling_time(0) AS zero_rate, doubling_time(-0.1) AS falling;

-- a published series: USGS Data Series 140, world mine production of rare
-- earths, t REO, 2010-2020 (data/usgs/usgs_ds140_rare_earths.csv)
CREATE TABLE traj_ds140 (year int, tonnes float8);
INSERT INTO traj_ds140 VALUES (2010, 101000), (2011, 104000), (2012, 106000), (2013, 107000),
  (2014, 125000), (2015, 129000), (2016, 133000), (2017, 147000), (2018, 190000), (2019, 219000), (2020, 243000);
SELECT round(cagr(t)::numeric, 4) AS cagr, round(trend_rate(t)::numeric, 4) AS trend,
       round(trend_r2(t)::numeric, 3) AS r2, round(doubling_time(t)::numeric, 1) AS doubling, sparkline(t),
       abs(cagr(t) - ((243000.0 / 101000) ^ (1.0 / 10) - 1)) < 1e-12 AS cagr_ok,
       abs(trend_rate(t) - (SELECT exp(regr_slope(ln(tonnes), year)) - 1 FROM traj_ds140)) < 1e-12 AS trend_ok,
       abs(trend_r2(t) - (SELECT regr_r2(ln(tonnes), year) FROM traj_ds140)) < 1e-12 AS r2_ok
FROM (SELECT trajectory(year, tonnes) t FROM traj_ds140) s;

-- the least-squares fit against PostgreSQL's own regr_slope / regr_r2 on a
-- noisy series with a zero and a negative year (both left out of the fit)
CREATE TABLE traj_noisy (year int, v float8);
INSERT INTO traj_noisy VALUES (2010, 120), (2011, 131), (2012, 128), (2013, 150), (2014, 0),
  (2015, 171), (2016, -5), (2017, 190), (2018, 205), (2020, 260);
WITH t AS (SELECT trajectory(year, v) t FROM traj_noisy),
     f AS (SELECT regr_slope(ln(v), year) b, regr_intercept(ln(v), year) a, regr_r2(ln(v), year) r2
           FROM traj_noisy WHERE v > 0)
SELECT abs(trend_rate(t) - (exp(b) - 1)) < 1e-12 AS rate_ok,
       abs(trend_r2(t) - r2) < 1e-12 AS r2_ok,
       abs(project(t, 2025) - exp(a + b * 2025)) < 1e-9 * exp(a + b * 2025) AS project_ok,
       abs(doubling_time(t) - ln(2) / b) < 1e-9 AS doubling_ok,
       abs(years_to_target(t, 500) - ln(500.0 / 260) / b) < 1e-9 AS years_ok,
       abs(cagr(t) - ((260.0 / 120) ^ (1.0 / 10) - 1)) < 1e-12 AS cagr_ok,
       abs(cagr(t, 2011, 2017) - ((190.0 / 131) ^ (1.0 / 6) - 1)) < 1e-12 AS cagr_between_ok,
       abs(cagr(t, 2017, 2011) - cagr(t, 2011, 2017)) < 1e-15 AS cagr_either_order,
       abs(fold_change(t) - 260.0 / 120) < 1e-15 AS fold_ok
FROM t, f;

-- points and yoy against lag() over the same rows
SELECT * FROM points((SELECT trajectory(year, v) FROM traj_noisy));
WITH l AS (SELECT year, v, lag(year) OVER w AS py, lag(v) OVER w AS pv FROM traj_noisy WINDOW w AS (ORDER BY year))
SELECT bool_and(p.value = l.v) AS values_ok,
       bool_and(p.yoy IS NOT DISTINCT FROM
                CASE WHEN l.py = l.year - 1 AND l.pv > 0 AND l.v >= 0 THEN l.v / l.pv - 1 END) AS yoy_ok,
       bool_and(yoy((SELECT trajectory(year, v) FROM traj_noisy), l.year) IS NOT DISTINCT FROM p.yoy) AS yoy_fn_ok
FROM points((SELECT trajectory(year, v) FROM traj_noisy)) p JOIN l USING (year);

-- NULL rules: zero, negative, single point, missing years
SELECT cagr('{"2020": 0, "2024": 100}'::trajectory) AS zero_start,
       cagr('{"2020": 100, "2024": 0}'::trajectory) AS zero_end,
       cagr('{"2020": -100, "2024": 100}'::trajectory) AS negative_start,
       cagr('{"2020": 100}'::trajectory) AS single_point,
       cagr('{"2020": 100, "2024": 200}'::trajectory, 2020, 2022) AS missing_year,
       cagr('{"2020": 100, "2024": 200}'::trajectory, 2020, 2020) AS equal_years,
       yoy('{"2020": 100, "2022": 200}'::trajectory, 2022) AS yoy_gap,
       yoy('{"2021": 0, "2022": 200}'::trajectory, 2022) AS yoy_zero_base,
       yoy('{"2021": 100, "2022": 0}'::trajectory, 2022) AS yoy_drop_to_zero,
       yoy('{"2021": 100, "2022": -50}'::trajectory, 2022) AS yoy_negative,
       yoy('{"2021": 100}'::trajectory, -2147483648) AS yoy_min_int;
SELECT trend_rate('{"2020": 100, "2021": 0, "2022": -3}'::trajectory) AS one_positive_point,
       trend_r2('{"2020": 100, "2021": 100, "2022": 100}'::trajectory) AS constant_r2,
       trend_rate('{"2020": 100, "2021": 100, "2022": 100}'::trajectory) AS constant_rate,
       project('{"2020": 100}'::trajectory, 2030) AS project_single,
       doubling_time('{"2020": 100, "2021": 90}'::trajectory) AS falling_doubling,
       fold_change('{"2020": 0, "2021": 90}'::trajectory) AS fold_zero_base,
       fold_change('{"2020": 10, "2021": -90}'::trajectory) AS fold_negative_end,
       fold_change('{"2020": 10}'::trajectory) AS fold_single;
SELECT years_to_target('{"2020": 100, "2021": 90}'::trajectory, 200) AS falling_never,
       years_to_target('{"2020": 100, "2021": 100}'::trajectory, 200) AS flat_never,
       years_to_target('{"2020": 100, "2021": 90}'::trajectory, 50) AS falling_already_there,
       years_to_target('{"2021": 90}'::trajectory, 200) AS single_point,
       years_to_target('{"2020": 100, "2021": -90}'::trajectory, 200) AS negative_last,
       years_to_target('{"2020": 100, "2021": 120}'::trajectory, 0) AS zero_target,
       on_track('{"2020": 100, "2021": 90}'::trajectory, 200, 2050) AS falling_on_track,
       on_track('{"2021": 90}'::trajectory, 200, 2050) AS single_on_track,
       on_track('{"2020": 100, "2021": 120}'::trajectory, 200, 2020) AS target_year_past,
       required_cagr('{"2020": 100, "2021": 120}'::trajectory, 200, 2021) AS required_same_year,
       required_cagr('{"2020": 100, "2021": 0}'::trajectory, 200, 2030) AS required_zero_last,
       required_cagr('{"2020": 100, "2021": 120}'::trajectory, -1, 2030) AS required_negative_target;
SELECT cagr(0, 100, 2020, 2025) AS zero_start, cagr(100, -1, 2020, 2025) AS negative_end,
       required_cagr(100, 0, 2020, 2025) AS zero_target, required_cagr(-5, 100, 2020, 2025) AS negative_current,
       cagr(100, 100, 2020, 2027) AS flat,
       abs(cagr(100, 50, 2020, 2022) - (0.5 ^ (1 / 2.0) - 1)) < 1e-15 AS decline_ok,
       -- the widest span of two int years (2^32 - 1) does not overflow
       abs(cagr(1, 2, -2147483648, 2147483647) - (exp(ln(2.0) / 4294967295) - 1)) < 1e-20 AS widest_span_ok;
SELECT count(*) AS zero_start_rows FROM target_path(2024, 0, 2030, 50000);
SELECT count(*) AS same_year_rows FROM target_path(2024, 2600, 2024, 2600);
SELECT count(*) AS backwards_rows FROM target_path(2030, 2600, 2024, 50000);
SELECT count(*) AS gap_undefined_rows FROM gap_to_path('{"2024": 1}'::trajectory, 2024, 1, 2030, -5);
-- growth measures do not overflow to Infinity: they are NULL
SELECT cagr(1e-300, 1e300, 2020, 2021) AS huge_cagr, trend_rate('{"2000": 1e-300, "2001": 1e300}'::trajectory) AS huge_trend,
       project('{"2000": 1, "2001": 1e300}'::trajectory, 2010) AS huge_project;

-- sparkline: bars from the minimum to the maximum, a space per missing year
SELECT sparkline('{"2020": 0, "2021": 1, "2022": 2, "2023": 3, "2024": 4, "2025": 5, "2026": 6, "2027": 7}'::trajectory) AS ramp,
       sparkline('{"2020": 10, "2022": 30, "2025": 20}'::trajectory) AS gaps,
       sparkline('{"2020": 5, "2021": 5, "2022": 5}'::trajectory) AS constant,
       sparkline('{"2020": 5}'::trajectory) AS single,
       sparkline('{"2020": -1e308, "2021": 1e308, "2022": 0}'::trajectory) AS extremes;
SELECT sparkline('{"2020": 0, "2021": 1, "2022": 2, "2023": 3, "2024": 4, "2025": 5, "2026": 6, "2027": 7}'::trajectory)
       = U&'\2581\2582\2583\2584\2585\2586\2587\2588' AS ramp_codepoints_ok,
       length(sparkline('{"2020": 10, "2022": 30, "2025": 20}'::trajectory)) = 2025 - 2020 + 1 AS one_char_per_year;

-- text form: JSON keyed by year, years ascending, shortest round-trip numbers
SELECT '{"2024": 2600, "2023": 2500.5, "-5": -1e-300, "0": 0, "2025": 0.1}'::trajectory;
SELECT '{}'::trajectory, pg_typeof('{"2024": 1}'::trajectory::jsonb), '{"2024": 1, "2023": 2.5}'::trajectory::jsonb;
SELECT t::text::trajectory::text = t::text AS text_round_trip,
       trajectory_send(t::text::trajectory) = trajectory_send(t) AS identical_bytes,
       (SELECT bool_and(p.value = n.v / 7) FROM points(t::text::trajectory) p JOIN traj_noisy n USING (year)) AS floats_exact
FROM (SELECT trajectory(year, v / 7) t FROM traj_noisy) s;
-- values of a year are summed; NULL rows are skipped; numeric values
SELECT trajectory(y, v) FROM (VALUES (2020, 1::float8), (2020, 2.5), (NULL, 7), (2021, NULL), (2019, -4)) r(y, v);
SELECT trajectory(y, v) FROM (VALUES (2020, 1.25::numeric), (2020, 2), (2022, -0.5)) r(y, v);
-- summing is compensated: 1e16 plus ten 1.0 keeps the ones
SELECT value_at(trajectory(y, v), 2020) = 1e16 + 10 AS compensated
FROM (SELECT 2020 y, 1e16::float8 v UNION ALL SELECT 2020, 1 FROM generate_series(1, 10)) r;
-- accessors of a plain series
SELECT first_year(t), last_year(t), point_count(t), value_at(t, 2012), value_at(t, 2019) AS absent
FROM (SELECT trajectory(year, v) t FROM traj_noisy) s;

-- binary round trip through COPY ... BINARY
CREATE TABLE traj_copy (id int, t trajectory);
INSERT INTO traj_copy SELECT 1, trajectory(year, v / 3) FROM traj_noisy;
INSERT INTO traj_copy VALUES (2, '{}'), (3, '{"-10000": -1.5e-7, "10000": 1e300}');
SELECT copy_file('traj_copy.bin') AS copyfile \gset
COPY traj_copy TO :'copyfile' WITH (FORMAT binary);
CREATE TABLE traj_copy2 (LIKE traj_copy);
COPY traj_copy2 FROM :'copyfile' WITH (FORMAT binary);
SELECT a.id, a.t::text = b.t::text AS same_text, trajectory_send(a.t) = trajectory_send(b.t) AS same_bytes
FROM traj_copy a JOIN traj_copy2 b USING (id) ORDER BY 1;
-- the binary form: version byte 1, u32 count, then i32 year + f64 value
SELECT trajectory_send('{"2024": 1}'::trajectory) = '\x0101000000e8070000000000000000f03f'::bytea AS send_format_ok;

-- empty groups (FILTER matches nothing): the empty series; every accessor
-- says 0, NULL or no rows, never NaN or Infinity
SELECT t, first_year(t), last_year(t), point_count(t), value_at(t, 2020), cagr(t), cagr(t, 2010, 2020),
       yoy(t, 2020), fold_change(t), trend_rate(t), trend_r2(t), project(t, 2030), doubling_time(t),
       required_cagr(t, 100, 2030), years_to_target(t, 100), on_track(t, 100, 2030), sparkline(t),
       t::jsonb AS json, (SELECT count(*) FROM points(t)) AS point_rows,
       (SELECT count(*) FROM gap_to_path(t, 2020, 1, 2022, 2)) AS gap_rows,
       (SELECT count(actual) FROM gap_to_path(t, 2020, 1, 2022, 2)) AS gap_actuals
FROM (SELECT trajectory(year, v) FILTER (WHERE v > 1e300) t FROM traj_noisy) s;
SELECT rollup(t) AS rollup_of_nothing FROM (SELECT '{"2020": 1}'::trajectory t) s WHERE false;

-- rollup, parallel and partitionwise aggregation agree with the direct
-- aggregate and with plain SQL
CREATE TABLE traj_trade AS
SELECT (i % 5)::int AS reporter, (2000 + i % 17)::int AS year, ((i * 7919) % 97)::int AS partner,
       (((i * 104729) % 1000) * 1.37 + (i % 13) * 1e6 / 3 + 1)::float8 AS qty
FROM generate_series(1, 60000::bigint) i;
ANALYZE traj_trade;
-- per-partner series rolled up equal the direct per-reporter series
WITH per_partner AS (SELECT reporter, partner, trajectory(year, qty) t FROM traj_trade GROUP BY reporter, partner),
     rolled AS (SELECT reporter, rollup(t) t FROM per_partner GROUP BY reporter),
     direct AS (SELECT reporter, trajectory(year, qty) t FROM traj_trade GROUP BY reporter)
SELECT count(*) AS reporters,
       bool_and(point_count(r.t) = point_count(d.t)) AS count_agree,
       bool_and(abs(cagr(r.t) - cagr(d.t)) <= 1e-12) AS cagr_agree,
       bool_and(abs(trend_rate(r.t) - trend_rate(d.t)) <= 1e-12) AS trend_agree
FROM rolled r JOIN direct d USING (reporter);
-- the direct series against plain SQL sums per year
WITH d AS (SELECT reporter, trajectory(year, qty) t FROM traj_trade GROUP BY reporter),
     p AS (SELECT reporter, year, sum(qty) q FROM traj_trade GROUP BY reporter, year)
SELECT bool_and(abs(value_at(d.t, p.year) - p.q) <= 1e-12 * p.q) AS sums_ok, count(*) AS points
FROM d JOIN p USING (reporter);

-- cagr per (reporter, partner) series against plain SQL: yearly sums, then
-- the first and last year of each series by window functions
WITH y AS (SELECT reporter, partner, year, sum(qty) q FROM traj_trade GROUP BY 1, 2, 3),
     plain AS (
  SELECT reporter, partner, (q1 / q0) ^ (1.0 / NULLIF(y1 - y0, 0)) - 1 AS cagr
  FROM (SELECT reporter, partner, year,
               first_value(year) OVER w AS y0, first_value(q) OVER w AS q0,
               last_value(year) OVER w AS y1, last_value(q) OVER w AS q1
        FROM y WINDOW w AS (PARTITION BY reporter, partner ORDER BY year
                            ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)) s
  WHERE year = y1),
     ours AS (SELECT reporter, partner, cagr(trajectory(year, qty)) AS cagr FROM traj_trade GROUP BY 1, 2)
SELECT count(*) AS series, bool_and(abs(o.cagr - p.cagr) < 1e-12) AS per_series_cagr_ok
FROM ours o JOIN plain p USING (reporter, partner);
CALL force_parallel_plans();
SELECT plan_has('SELECT reporter, trajectory(year, qty) FROM traj_trade GROUP BY reporter',
                     'Finalize', 'Partial', 'Gather') AS parallel_plan;
CREATE TEMP TABLE traj_par AS SELECT reporter, trajectory(year, qty) t FROM traj_trade GROUP BY reporter;
SELECT plan_has('SELECT trajectory(year, qty) FROM traj_trade', 'Finalize Aggregate', 'Partial Aggregate') AS parallel_plain_agg;
CREATE TEMP TABLE traj_par_all AS SELECT trajectory(year, qty) t FROM traj_trade;
RESET parallel_leader_participation;
SET max_parallel_workers_per_gather = 0;
CREATE TEMP TABLE traj_ser AS SELECT reporter, trajectory(year, qty) t FROM traj_trade GROUP BY reporter;
CREATE TEMP TABLE traj_ser_all AS SELECT trajectory(year, qty) t FROM traj_trade;
SELECT count(*) AS groups,
       bool_and(point_count(p.t) = point_count(s.t)) AS count_agree,
       bool_and(abs(cagr(p.t) - cagr(s.t)) <= 1e-12) AS cagr_agree,
       bool_and(abs(trend_rate(p.t) - trend_rate(s.t)) <= 1e-12 AND abs(trend_r2(p.t) - trend_r2(s.t)) <= 1e-12) AS trend_agree
FROM traj_par p JOIN traj_ser s USING (reporter);
SELECT bool_and(abs(a.value - b.value) <= 1e-12 * b.value) AS every_year_agrees, count(*) AS years
FROM traj_par_all, traj_ser_all, points(traj_par_all.t) a JOIN points(traj_ser_all.t) b USING (year);
RESET max_parallel_workers_per_gather;

CREATE TABLE traj_trade_part (reporter int, year int, partner int, qty float8) PARTITION BY RANGE (year);
CREATE TABLE traj_trade_part_a PARTITION OF traj_trade_part FOR VALUES FROM (2000) TO (2008);
CREATE TABLE traj_trade_part_b PARTITION OF traj_trade_part FOR VALUES FROM (2008) TO (2020);
INSERT INTO traj_trade_part SELECT reporter, year, partner, qty FROM traj_trade;
ANALYZE traj_trade_part;
SET enable_partitionwise_aggregate = on;
SET max_parallel_workers_per_gather = 0;
SELECT plan_has('SELECT reporter, trajectory(year, qty) FROM traj_trade_part GROUP BY reporter',
                     'Partial', 'Finalize', 'traj_trade_part_a', 'traj_trade_part_b') AS partitionwise_plan;
WITH pw AS (SELECT reporter, trajectory(year, qty) t FROM traj_trade_part GROUP BY reporter)
SELECT bool_and(point_count(pw.t) = point_count(s.t) AND abs(cagr(pw.t) - cagr(s.t)) <= 1e-12
                AND abs(trend_rate(pw.t) - trend_rate(s.t)) <= 1e-12) AS partitionwise_agrees
FROM pw JOIN traj_ser s USING (reporter);
RESET enable_partitionwise_aggregate;
RESET max_parallel_workers_per_gather;

-- errors: the aggregate
SELECT trajectory(y, v) FROM (VALUES (2020, 'NaN'::float8)) r(y, v);
SELECT trajectory(y, v) FROM (VALUES (2020, '-Infinity'::float8)) r(y, v);
SELECT trajectory(y, v) FROM (VALUES (2020, 'NaN'::numeric)) r(y, v);
SELECT trajectory(y, v) FROM (VALUES (10001, 1::float8)) r(y, v);
SELECT trajectory(y, v) FROM (VALUES (-10001, 1::float8)) r(y, v);
SELECT trajectory(y, v) FROM (VALUES (2020, 1e308::float8), (2020, 1e308)) r(y, v);
SELECT rollup(t) FROM (VALUES ('{"2020": 1e308}'::trajectory), ('{"2020": 1e308}')) r(t);
-- the support functions take "internal" and cannot be called from SQL (their
-- aggregate-context check is the second line of defence)
-- (core PostgreSQL words and codes this refusal differently across 15.x
-- minor releases: "cannot accept a value of type internal", 0A000, in 15.18;
-- "cannot cast type unknown to internal", 42846, in 15.20, so the test asserts
-- only that the call is refused)
SELECT sql_fails('SELECT trajectory_trans(NULL::internal, 2020, 1::float8)') AS trans_not_callable,
       sql_fails('SELECT trajectory_final(NULL::internal)') AS final_not_callable;
-- errors: non-finite arguments and years outside the range
SELECT cagr('NaN'::float8, 1, 2020, 2021);
SELECT cagr(1, 'Infinity', 2020, 2021);
SELECT required_cagr(1, '-Infinity', 2020, 2021);
SELECT doubling_time('NaN'::float8);
SELECT required_cagr('{"2020": 1}'::trajectory, 'NaN', 2030);
SELECT years_to_target('{"2020": 1}'::trajectory, 'Infinity');
SELECT on_track('{"2020": 1}'::trajectory, 'NaN', 2030);
SELECT * FROM target_path(2024, 'NaN', 2030, 1);
SELECT * FROM target_path(2024, 1, 2030, 'Infinity');
SELECT * FROM target_path(2024, 1, 10001, 5);
SELECT * FROM target_path(-2147483648, 1, 2030, 5);
SELECT * FROM gap_to_path('{}'::trajectory, 2024, 1, 2147483647, 5);
-- errors: malformed text input
SELECT '{"2020": 1'::trajectory;
SELECT '[1, 2]'::trajectory;
SELECT '2020'::trajectory;
SELECT '{"2020": {"a": 1}}'::trajectory;
SELECT '{"2020": "1"}'::trajectory;
SELECT '{"2020": null}'::trajectory;
SELECT '{"2020": 1e999}'::trajectory;
SELECT '{"abc": 1}'::trajectory;
SELECT '{"2023.5": 1}'::trajectory;
SELECT '{" 2023": 1}'::trajectory;
SELECT '{"+2023": 1}'::trajectory;
SELECT '{"": 1}'::trajectory;
SELECT '{"-": 1}'::trajectory;
SELECT '{"99999999999999": 1}'::trajectory;
SELECT '{"10001": 1}'::trajectory;
SELECT '{"2023": 1, "2024": 2, "2023": 3}'::trajectory;
SELECT ''::trajectory;
-- errors: malformed binary input (version, truncation, trailing bytes,
-- duplicate and unordered years, year range, NaN, oversized count).
-- A bytea written with COPY BINARY is a field of raw bytes; reading it back
-- into a trajectory column hands exactly those bytes to trajectory_recv.
SELECT c AS case, try_recv(h, 'trajectory') AS result FROM (VALUES
  ('valid',          '0101000000e8070000000000000000f03f'),
  ('valid empty',    '0100000000'),
  ('empty input',    ''),
  ('version 2',      '0201000000e8070000000000000000f03f'),
  ('truncated',      '0101000000e80700000000000000'),
  ('trailing byte',  '0101000000e8070000000000000000f03f00'),
  ('duplicate year', '0102000000e8070000000000000000f03fe8070000000000000000f03f'),
  ('out of order',   '0102000000e9070000000000000000f03fe8070000000000000000f03f'),
  ('year 10001',     '010100000011270000000000000000f03f'),
  ('year -10001',    '0101000000efd8ffff000000000000f03f'),
  ('NaN',            '0101000000e8070000000000000000f87f'),
  ('Infinity',       '0101000000e8070000000000000000f07f'),
  ('huge count',     '01ffffffff')
) v(c, h);
-- (the aggregate state's deserializer takes "internal" and cannot be called
-- from SQL; test/unit and test/fuzz cover it)

-- numbers are never NaN or Infinity.  A year's sum beyond double precision
-- is an error 22003 where it happens: the aggregate, rollup and combine.
SELECT trajectory(y, v) FROM (VALUES (2020, -1e308::float8), (2020, -1e308)) r(y, v);
\echo :LAST_ERROR_SQLSTATE
SELECT rollup(t) FROM (VALUES ('{"2020": 1e308, "2021": 1}'::trajectory), ('{"2020": 1e308}')) r(t);
\echo :LAST_ERROR_SQLSTATE
-- combine: two partitions' 2020 sums of 1e308 each (setup.sql)
SELECT combine_error($$SELECT value_at(trajectory(2020, qty), 2020) FROM huge_halves GROUP BY g$$);
-- values at the ends of double are kept; the growth measures are finite or,
-- where they overflow, NULL: from 5e-324 to DBL_MAX in two years the fold
-- change, CAGR and trend rate overflow, the doubling time is
-- ln 2 / ((ln DBL_MAX - ln 5e-324) / 2)
SELECT value_at(t, 2020) = '5e-324'::float8 AS subnormal_kept,
       trajectory_send(t) = trajectory_send(t::text::trajectory) AS text_round_trip,
       fold_change(t) IS NULL AS fold_change_null, cagr(t) IS NULL AS cagr_null,
       trend_rate(t) IS NULL AS trend_rate_null,
       abs(doubling_time(t) - ln(2) / ((ln('1.7976931348623157e308'::float8) - ln('5e-324'::float8)) / 2)) < 1e-15 AS doubling_ok,
       sparkline(t) AS sparkline
FROM (SELECT '{"2020": 5e-324, "2022": 1.7976931348623157e308}'::trajectory t) s;
-- a flat series at DBL_MAX: no growth, every measure finite (the trend
-- value is exp(ln DBL_MAX), a few ulps below DBL_MAX)
SELECT cagr(t) = 0 AS cagr_ok, fold_change(t) = 1 AS fold_ok, yoy(t, 2021) = 0 AS yoy_ok,
       trend_rate(t) = 0 AS trend_ok,
       abs(project(t, 2030) / '1.7976931348623157e308'::float8 - 1) < 1e-12 AS project_ok
FROM (SELECT '{"2020": 1.7976931348623157e308, "2021": 1.7976931348623157e308}'::trajectory t) s;

-- a nonzero number that rounds to 0 is an error 22003, as for float8 itself
SELECT '{"2020": 1e-400}'::trajectory;
\echo :LAST_ERROR_SQLSTATE

-- years only in canonical decimal form: no leading zeros, no "-0" (22P02)
SELECT '{"02020": 1}'::trajectory;
\echo :LAST_ERROR_SQLSTATE
SELECT '{"-0": 1}'::trajectory;
\echo :LAST_ERROR_SQLSTATE
SELECT '{"-02020": 1}'::trajectory;
\echo :LAST_ERROR_SQLSTATE
SELECT '{"00": 1}'::trajectory;
\echo :LAST_ERROR_SQLSTATE
SELECT '{"0": 1, "-500": 2, "2020": 3}'::trajectory::text AS canonical_years_accepted;

-- -0 is stored as 0 whichever way it comes in, so every value survives its
-- text form: text input, the aggregate and binary input (a client's -0)
SELECT '{"2020": -0, "2021": -0.0e3}'::trajectory::text AS negative_zero_text;
SELECT trajectory_send(t) = trajectory_send(t::text::trajectory) AS text_round_trip, t::text
FROM (SELECT trajectory(y, v) t FROM (VALUES (2020, '-0'::float8), (2021, 1.5), (2021, -1.5)) r(y, v)) s;
CREATE TABLE traj_negzero (v trajectory);
SELECT copy_binary_into('0102000000' || 'e4070000' || '0000000000000080' || 'e5070000' || '000000000000f03f',
                        'traj_negzero');
SELECT trajectory_send(v) = trajectory_send(v::text::trajectory) AS text_round_trip,
       trajectory_send(v) = trajectory_send('{"2020": 0, "2021": 1}') AS is_plus_zero, v::text
FROM traj_negzero;
