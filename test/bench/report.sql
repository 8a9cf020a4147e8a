-- The benchmark's table, from bench.times and bench.memory (best run of each
-- query; plain SQL is the faster of its forms).
--   x_floor       ours / scan floor, in time (lower is better)
--   x_vs_plain    best plain SQL / ours, in time: how many times faster ours is
--   x_vs_serial   (2 workers) ours serial / ours with 2 workers
--   B/group       hash-aggregate "Peak Memory Usage" / groups (EXPLAIN ANALYZE,
--                 serial plan), summed over the plan's hashed aggregates;
--   disk_MB       their "Disk Usage" (spilled to disk at work_mem = 256MB)
\set ON_ERROR_STOP on
\pset footer off
\pset null '-'
CREATE TEMP VIEW best AS
SELECT q.shape, q.rows, q.family, q.role, t.workers,
       min(t.ms) AS ms, max(t.workers_planned) AS planned
FROM bench.queries q JOIN bench.times t ON t.query = q.id
GROUP BY q.shape, q.rows, q.family, q.role, t.workers;
CREATE TEMP VIEW mem AS
SELECT q.shape, q.rows, q.family, q.role,
       min(m.peak_kb * 1024.0 / nullif(m.groups, 0)) AS b_per_group,
       min(m.disk_kb) AS disk_kb, min(m.groups) AS groups
FROM bench.queries q JOIN bench.memory m ON m.query = q.id
GROUP BY q.shape, q.rows, q.family, q.role;
CREATE TEMP VIEW report AS
SELECT o.shape, o.rows, o.family, o.workers, o.planned AS planned_workers,
       round(o.ms::numeric) AS ours_ms, round(p.ms::numeric) AS plain_ms, round(f.ms::numeric) AS floor_ms,
       round((o.ms / f.ms)::numeric, 2) AS x_floor,
       round((p.ms / o.ms)::numeric, 2) AS x_vs_plain,
       CASE WHEN o.workers > 0 THEN round((s.ms / o.ms)::numeric, 2) END AS x_vs_serial,
       mo.groups, round(mo.b_per_group) AS ours_b_per_group, round(mf.b_per_group) AS floor_b_per_group,
       round(mp.b_per_group) AS plain_b_per_group, round(mo.disk_kb / 1024.0, 1) AS ours_disk_mb
FROM best o
JOIN best f ON (f.shape, f.rows, f.family, f.workers, f.role) = (o.shape, o.rows, o.family, o.workers, 'floor')
LEFT JOIN best p ON (p.shape, p.rows, p.family, p.workers, p.role) = (o.shape, o.rows, o.family, o.workers, 'plain')
LEFT JOIN best s ON (s.shape, s.rows, s.family, s.workers, s.role) = (o.shape, o.rows, o.family, 0, 'ours')
LEFT JOIN mem mo ON (mo.shape, mo.rows, mo.family, mo.role) = (o.shape, o.rows, o.family, 'ours')
LEFT JOIN mem mf ON (mf.shape, mf.rows, mf.family, mf.role) = (o.shape, o.rows, o.family, 'floor')
LEFT JOIN mem mp ON (mp.shape, mp.rows, mp.family, mp.role) = (o.shape, o.rows, o.family, 'plain')
WHERE o.role = 'ours';

\echo
\echo '(i) large: few large groups; (ii) small: many small groups; (ii) parted: the same rows partitioned by HASH (g1); (iii) scale: fixed groups, growing rows; series, custom, randomN: bench.shapes'
SELECT CASE shape WHEN 'large' THEN '(i) large' WHEN 'small' THEN '(ii) small' WHEN 'parted' THEN '(ii) parted'
                   WHEN 'scale' THEN '(iii) scale' ELSE shape END AS shape,
       rows, family, workers, planned_workers AS planned, ours_ms, plain_ms, floor_ms,
       x_floor, x_vs_plain, x_vs_serial, groups, ours_b_per_group AS "ours B/group",
       floor_b_per_group AS "floor B/group", plain_b_per_group AS "plain B/group",
       ours_disk_mb AS "ours disk MB"
FROM report
ORDER BY CASE shape WHEN 'large' THEN 1 WHEN 'small' THEN 2 WHEN 'parted' THEN 3 WHEN 'scale' THEN 4 ELSE 5 END, shape, rows, family, workers;

-- (iii): time per row and hash-aggregate peak memory as rows grow
SELECT count(DISTINCT rows) > 1 AS several_scales FROM report WHERE shape = 'scale' \gset
\if :several_scales
\echo
\echo '(iii) time per row and aggregate peak memory as rows grow (groups fixed); x_first: against the smallest run'
SELECT r.family, r.workers, r.rows,
       round((r.ours_ms * 1e6 / r.rows)::numeric, 1) AS ours_ns_per_row,
       round(((r.ours_ms / r.rows) / first_value(r.ours_ms / r.rows) OVER w)::numeric, 2) AS x_first,
       round((r.floor_ms * 1e6 / r.rows)::numeric, 1) AS floor_ns_per_row,
       round((m.peak_kb / 1024.0)::numeric, 1) AS ours_peak_mb,
       round((m.peak_kb::numeric / first_value(m.peak_kb) OVER w), 2) AS mem_x_first
FROM report r
LEFT JOIN (SELECT q.rows, q.family, min(m.peak_kb) AS peak_kb FROM bench.queries q JOIN bench.memory m ON m.query = q.id
           WHERE q.shape = 'scale' AND q.role = 'ours' GROUP BY q.rows, q.family) m USING (rows, family)
WHERE r.shape = 'scale'
WINDOW w AS (PARTITION BY r.family, r.workers ORDER BY r.rows)
ORDER BY r.family, r.workers, r.rows;
\endif

-- random shapes (BENCH_SHAPES=random): each family's worst ratio across
-- them, and the shape that gave it (its parameters in bench.shapes)
SELECT count(*) > 0 AS random_shapes FROM report WHERE shape LIKE 'random%' \gset
\if :random_shapes
\echo
\echo 'random shapes: the worst x_floor (highest) and the worst x_vs_plain (lowest) of each family'
SELECT family, workers, count(*) AS shapes,
       max(x_floor) AS worst_x_floor,
       (array_agg(shape ORDER BY x_floor DESC))[1] AS at_shape,
       min(x_vs_plain) AS worst_x_vs_plain,
       (array_agg(shape ORDER BY x_vs_plain))[1] AS at_shape_plain
FROM report WHERE shape LIKE 'random%'
GROUP BY family, workers ORDER BY family, workers;
SELECT shape, rows, groups, round(rows::numeric / groups) AS rows_per_group, skew, years, gkey, dup AS duplicate_share
FROM bench.shapes WHERE shape LIKE 'random%' ORDER BY shape;
\endif

-- The scale model (scale_model.sql explains it): the parts of a parallel
-- hhi(supply_mix(text, qty)) timed serially, what they predict for w
-- workers on a machine with w + 1 cores, and, against this run's measured
-- 2-worker time, the same prediction with this machine's :cores cores.
SELECT count(*) > 0 AS model FROM bench.model_inputs i
WHERE EXISTS (SELECT FROM bench.queries q WHERE q.shape = i.shape AND q.role = 'model_leader') \gset
\if :model
\echo
\echo 'scale model of hhi(supply_mix(text, qty)): T(w) = T_par / p + states(p) * c_state + T_final, p = w + 1; states(p) = G p (1 - (1 - 1/p)^n)'
CREATE TEMP VIEW model_parts AS
WITH t AS (
	SELECT q.shape, q.family, q.role, t.workers, min(t.ms) AS ms
	FROM bench.queries q JOIN bench.times t ON t.query = q.id GROUP BY 1, 2, 3, 4)
SELECT i.shape, i.groups AS g, i.rows_per_group AS n, i.partial_states, i.slices, i.state_bytes,
       s.ms AS serial_ms, f.ms AS final_ms,
       greatest(s.ms - f.ms, 0) AS par_ms,
       greatest(l.ms - f.ms, 0) / i.partial_states AS c_state_ms,
       two.ms AS measured_2w_ms
FROM bench.model_inputs i
JOIN t s ON (s.shape, s.family, s.role, s.workers) = (i.shape, 'supply_mix text', 'ours', 0)
JOIN t l ON (l.shape, l.role, l.workers) = (i.shape, 'model_leader', 0)
JOIN t f ON (f.shape, f.role, f.workers) = (i.shape, 'model_final', 0)
LEFT JOIN t two ON (two.shape, two.family, two.role, two.workers) = (i.shape, 'supply_mix text', 'ours', 2);
-- the parts, per unit
SELECT shape, g AS groups, round(n::numeric, 1) AS rows_per_group, round(serial_ms::numeric) AS serial_ms,
       round((par_ms * 1e6 / (g * n))::numeric, 1) AS "T_par ns/row",
       round((c_state_ms * 1e6)::numeric, 1) AS "c_state ns",
       round((final_ms * 1e6 / g)::numeric, 1) AS "T_final ns/group",
       round(state_bytes::numeric) AS "bytes/state",
       round((partial_states::numeric / g), 2) AS "states/group at 4 slices",
       round((bench.partial_states(g, n, slices) / g)::numeric, 2) AS "model states/group at 4"
FROM model_parts ORDER BY shape;
CREATE TEMP VIEW model AS
SELECT m.shape, w.w, w.w + 1 AS p, m.serial_ms, m.par_ms, m.measured_2w_ms, s.states,
       m.par_ms / (w.w + 1) AS par_part,
       s.states * m.c_state_ms + m.final_ms AS leader_part
FROM model_parts m, (VALUES (2), (4), (8), (16)) w (w),
     LATERAL (SELECT bench.partial_states(m.g, m.n, w.w + 1) AS states) s;
SELECT shape, w AS workers, round(states) AS partial_states,
       round((par_part + leader_part)::numeric) AS predicted_ms,
       round((serial_ms / (par_part + leader_part))::numeric, 2) AS x_vs_serial,
       CASE WHEN leader_part > par_part THEN 'leader: combine + final' ELSE 'scan + transitions' END AS bound_by,
       round((100 * leader_part / (par_part + leader_part))::numeric) AS "leader %"
FROM model ORDER BY shape, w;
\echo 'check on this machine, 2 workers and' :cores 'cores (T_par / min(3, cores)):'
SELECT shape,
       round((par_ms / least(p, :cores) + leader_part)::numeric) AS predicted_2w_ms,
       round(measured_2w_ms::numeric) AS measured_2w_ms
FROM model WHERE w = 2 ORDER BY shape;
\endif
