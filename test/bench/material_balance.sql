-- material_balance benchmark on bench.:shape: apparent consumption
-- (production + import - export + stock_change, USGS MCS) per group (g1, g2)
-- from rows of (kind, qty).
--  ours   apparent_consumption(material_balance(kind, qty))
--  plain  one sum per kind with FILTER, then the formula
--  floor  sum(qty), count(kind) over the same grouping
-- This script registers the queries (test/bench/run times them) and first
-- checks that ours and plain SQL agree on every group.
\set ON_ERROR_STOP on
SET search_path = rareearth, public;
SET work_mem = '256MB';
SET jit = off;
\set t bench. :shape
SELECT bench.add(:'shape', 'material_balance', r.role, r.variant, r.markers, replace(r.q, 'TABLE', :'t'))
FROM (VALUES
 ('ours', 'apparent_consumption(material_balance(kind, qty))', ARRAY['apparent_consumption(material_balance('],
  'SELECT g1, g2, apparent_consumption(material_balance(kind, qty)) AS c FROM TABLE GROUP BY g1, g2'),
 ('plain', 'sum(qty) FILTER (WHERE kind = ...) per kind', ARRAY['sum(qty) FILTER'],
  'SELECT g1, g2, coalesce(sum(qty) FILTER (WHERE kind = ''production''), 0) + coalesce(sum(qty) FILTER (WHERE kind = ''import''), 0) - coalesce(sum(qty) FILTER (WHERE kind = ''export''), 0) + coalesce(sum(qty) FILTER (WHERE kind = ''stock_change''), 0) AS c FROM TABLE GROUP BY g1, g2'),
 ('floor', 'sum(qty), count(kind)', ARRAY['sum(', 'count('],
  'SELECT g1, g2, sum(qty), count(kind) FROM TABLE GROUP BY g1, g2')
) r (role, variant, markers, q) \g /dev/null

-- ours and plain SQL agree: plain sum() is not compensated and the formula
-- subtracts, so the tolerance is relative to the group's volume
SELECT format('CREATE TEMP TABLE b_%s AS %s', role, q)
FROM bench.queries WHERE shape = :'shape' AND family = 'material_balance' AND role <> 'floor' \gexec
CREATE TEMP TABLE b_volume AS SELECT g1, g2, sum(qty) AS v FROM bench.:shape GROUP BY g1, g2;
SELECT count(*) AS groups,
       count(*) FILTER (WHERE abs(o.c - p.c) > 1e-9 * v.v) AS disagree,
       (SELECT count(*) FROM b_plain) AS plain_groups
FROM b_ours o JOIN b_plain p USING (g1, g2) JOIN b_volume v USING (g1, g2) \gset
\echo material_balance on :shape: :groups groups, :disagree disagree with plain SQL
SELECT bench.require(:disagree = 0 AND :groups = :plain_groups,
                     'material_balance and plain SQL agree') \g /dev/null
