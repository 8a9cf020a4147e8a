-- supply_mix benchmark on bench.:shape: HHI per group (g1, g2), suppliers as
-- text (ISO alpha-3), bigint codes and the country type.  For each key type:
--  ours   hhi(supply_mix(supplier, qty))
--  plain  the best plain SQL we know: per-supplier sums, then
--         sum(q^2) / sum(q)^2 * 10000 per group (faster than the textbook
--         window-function form)
--  floor  the scan floor: sum(qty), count(supplier) over the same grouping
-- This script registers the queries (test/bench/run times them with
-- time.psql) and first checks that ours and plain SQL agree on every group.
\set ON_ERROR_STOP on
SET search_path = rareearth, public;
SET work_mem = '256MB';
SET jit = off;
SELECT bench.add(:'shape', 'supply_mix ' || k.kind, r.role, r.variant, r.markers, format(r.q, k.col, 'bench.' || :'shape'))
FROM (VALUES (1, 'text', 'partner_iso'), (2, 'bigint', 'partner'), (3, 'country', 'partner_country')) k (n, kind, col),
(VALUES
 (1, 'ours', 'hhi(supply_mix(k, qty))', ARRAY['hhi(supply_mix('],
  'SELECT g1, g2, hhi(supply_mix(%1$s, qty)) FROM %2$s GROUP BY g1, g2'),
 (2, 'plain', 'supplier sums, sum(q^2)/sum(q)^2', ARRAY['sum(', '10000'],
  'SELECT g1, g2, sum(q * q) / nullif(sum(q) * sum(q), 0) * 10000 FROM (SELECT g1, g2, %1$s, sum(qty) AS q FROM %2$s GROUP BY g1, g2, %1$s) p GROUP BY g1, g2'),
 (3, 'floor', 'sum(qty), count(k)', ARRAY['sum(', 'count('],
  'SELECT g1, g2, sum(qty), count(%1$s) FROM %2$s GROUP BY g1, g2')
) r (n, role, variant, markers, q)
ORDER BY k.n, r.n \g /dev/null

-- ours and plain SQL agree (plain sum() is not compensated: 1e-9 relative),
-- and the three key types give the same HHI
CREATE TEMP TABLE ours AS
SELECT g1, g2, hhi(supply_mix(partner_iso, qty)) AS t, hhi(supply_mix(partner, qty)) AS b,
       hhi(supply_mix(partner_country, qty)) AS c
FROM bench.:shape GROUP BY g1, g2;
CREATE TEMP TABLE plain AS
SELECT g1, g2, sum(q * q) / nullif(sum(q) * sum(q), 0) * 10000 AS h
FROM (SELECT g1, g2, partner, sum(qty) AS q FROM bench.:shape GROUP BY g1, g2, partner) p GROUP BY g1, g2;
SELECT count(*) AS groups,
       count(*) FILTER (WHERE abs(o.t - p.h) > 1e-9 * p.h) AS disagree_plain,
       count(*) FILTER (WHERE abs(o.t - o.b) > 1e-12 * o.t OR abs(o.t - o.c) > 1e-12 * o.t) AS disagree_keys,
       (SELECT count(*) FROM plain) AS plain_groups
FROM ours o JOIN plain p USING (g1, g2) \gset
\echo supply_mix on :shape: :groups groups, :disagree_plain disagree with plain SQL, :disagree_keys between key types
SELECT bench.require(:disagree_plain = 0 AND :disagree_keys = 0 AND :groups = :plain_groups,
                     'supply_mix and plain SQL agree') \g /dev/null
