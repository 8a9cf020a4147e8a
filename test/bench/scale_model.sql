-- The parts of a parallel hhi(supply_mix(text, qty)) on bench.:shape, timed
-- serially so that a model can say what 2, 4, 8 and 16 workers give on a
-- machine with that many cores (this one has 2; report.sql prints the model
-- and checks it against this run's own 2-worker time).
--
-- A parallel hash aggregate is Finalize HashAggregate <- Gather <- Partial
-- HashAggregate <- Parallel Seq Scan.  Each of the p = workers + 1
-- processes (the leader takes part) scans 1/p of the blocks and builds one
-- partial state per group it meets; the leader alone deserializes and
-- combines every partial state and runs the final function per group.  So
--   T(w) = T_par / p + states(p) * c_state + T_final
-- with T_par the scan and transitions (parallel), T_final the final
-- function and sending the rows (leader), c_state the leader's cost of one
-- partial state, and states(p) = G * p * (1 - (1 - 1/p)^n) the partial
-- states of G groups of n rows each (a row's block lands in a random
-- process: rows of a group are spread over the table).
--
-- Registered here (roles the main table ignores; run times them serially):
--  model_leader  hhi(rollup(m)) over bench.:shape_partials, 4 partial states
--                a group: the leader's deserialize + combine + final
--  model_final   hhi(m) over bench.:shape_whole, one state a group: the
--                final function and sending the rows
\set ON_ERROR_STOP on
SET search_path = rareearth, public;
SET work_mem = '256MB';
SET jit = off;
SET max_parallel_workers_per_gather = 0;
\set t bench. :shape
\set partials bench. :shape _partials
\set whole bench. :shape _whole
SELECT setseed(0.42) \g /dev/null
DROP TABLE IF EXISTS :partials, :whole;
-- four slices, a row's slice drawn at random as a row's block lands in a
-- random process of a 3-worker scan
CREATE UNLOGGED TABLE :partials AS
SELECT g1, g2, s, supply_mix(partner_iso, qty) AS m
FROM (SELECT g1, g2, partner_iso, qty, floor(random() * 4)::int AS s FROM :t) r
GROUP BY g1, g2, s;
CREATE UNLOGGED TABLE :whole AS
SELECT g1, g2, supply_mix(partner_iso, qty) AS m FROM :t GROUP BY g1, g2;
VACUUM ANALYZE :partials;
VACUUM ANALYZE :whole;
-- the split loses nothing: merging a group's slices gives its whole mix
SELECT count(*) AS groups,
       count(*) FILTER (WHERE abs(hhi(w.m) - p.h) > 1e-12 * hhi(w.m)) AS differ
FROM :whole w JOIN (SELECT g1, g2, hhi(rollup(m)) AS h FROM :partials GROUP BY g1, g2) p USING (g1, g2) \gset
SELECT bench.require(:differ = 0, 'rollup of the slices equals the whole mix') \g /dev/null
INSERT INTO bench.model_inputs (shape, groups, rows_per_group, partial_states, slices, state_bytes)
SELECT :'shape', (SELECT count(*) FROM :whole),
       (SELECT count(*) FROM :t)::float8 / (SELECT count(*) FROM :whole),
       count(*), 4, avg(octet_length(supply_mix_send(m)))
FROM :partials
ON CONFLICT (shape) DO UPDATE SET groups = excluded.groups, rows_per_group = excluded.rows_per_group,
	partial_states = excluded.partial_states, state_bytes = excluded.state_bytes;
SELECT bench.add(:'shape', 'scale model', r.role, r.variant, r.markers, r.q)
FROM (VALUES
 ('model_leader', 'hhi(rollup(m)), 4 partial states a group', ARRAY['hhi(rollup('],
  format('SELECT g1, g2, hhi(rollup(m)) FROM %s GROUP BY g1, g2', :'partials')),
 ('model_final', 'hhi(m), one state a group', ARRAY['hhi('],
  format('SELECT g1, g2, hhi(m) FROM %s', :'whole'))
) r (role, variant, markers, q) \g /dev/null
