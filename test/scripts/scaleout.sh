#!/usr/bin/env bash
# Scale-out on postgres_fdw (doc/several-nodes.md): three
# PostgreSQL nodes on this machine, the synthetic trade rows sharded by
# reporter (LIST partitions, one foreign partition per node), then
#   * every aggregate and grouping equals the single-node answer to 1e-12
#     relative, with the aggregate in every shard's Remote SQL and one row
#     shipped per inner group (test/scaleout/check.sql);
#   * the argument forms that reach the shards are the documented ones
#     (test/scaleout/forms.sql);
#   * a shard that is down: an error naming its server, never a partial
#     answer; a query whose reporters are all on running nodes is answered;
#     after a restart the same session's next query works; a shard that dies
#     during a query fails the query;
#   * the production layout (test/scaleout/store.sql: the nodes' own stores
#     as partitions of the coordinator's rareearth.trade_flow) gives the
#     same answers, pushed down;
#   * adding a node (test/scaleout/move.sql) keeps every answer.
# Run by test/run (the extension installed); exit 0 = pass.
set -euo pipefail
cd "$(dirname "$0")/../.."
source test/scaleout/nodes.sh
rows=${CLUSTER_TEST_ROWS:-60000}
work=$(mktemp -d)
# the tables of every check go to a log, shown when something fails
exec 3>&1 >"$work/log" 2>&1
trap 'status=$?; [ $status -eq 0 ] || cat "$work/log" >&3; nodes_stop; rm -rf "$work"' EXIT
fail() { echo "cluster: $*"; exit 1; }

nodes_start 3
scaleout_setup "$rows"
coordinator() { on_node 1 -d coordinator "$@"; }

echo "-- distributed answers against one node"
coordinator -f test/scaleout/check.sql
echo "-- argument forms"
coordinator -f test/scaleout/forms.sql

echo "-- faults"
# one session throughout: its connections to the shards are cached when
# node 3 stops, and it is still open when node 3 is back
node1_reporters=$(coordinator -At -c "SELECT string_agg(quote_literal(reporter::text), ', ') FROM shard_map WHERE node = 1")
export STOP_NODE3="$(declare -f as_owner); as_owner $PGBIN/pg_ctl -D $NODES_DIR/node3/data -m fast -w stop >/dev/null"
export START_NODE3="$(declare -f as_owner); as_owner $PGBIN/pg_ctl -D $NODES_DIR/node3/data -l $NODES_DIR/node3/server.log -w start >/dev/null"
coordinator -At -v ON_ERROR_STOP=0 >"$work/session.out" 2>"$work/session.err" <<SQL
SELECT count(*) AS expected_pruned FROM trade_single WHERE reporter IN ($node1_reporters) \gset
SELECT hhi(supply_mix(partner, qty)) AS expected FROM trade_single \gset
SELECT 'before: ' || (abs(hhi(rollup(m)) - :expected) <= 1e-12 * :expected)
FROM (SELECT reporter, supply_mix(partner, qty) m FROM trade GROUP BY reporter) s;
\! bash -c "\$STOP_NODE3"
SELECT 'down: an answer', count(m) FROM (SELECT reporter, supply_mix(partner, qty) m FROM trade GROUP BY reporter) s;
SELECT 'pruned: ' || (count(*) = :expected_pruned) FROM trade WHERE reporter IN ($node1_reporters);
\! bash -c "\$START_NODE3"
SELECT 'after restart: ' || (abs(hhi(rollup(m)) - :expected) <= 1e-12 * :expected)
FROM (SELECT reporter, supply_mix(partner, qty) m FROM trade GROUP BY reporter) s;
SQL
cat "$work/session.out" "$work/session.err"
grep -qx 'before: true' "$work/session.out" || fail "no answer before the fault"
grep -q 'could not connect to server "node3"' "$work/session.err" || fail "shard down: no error naming the server"
! grep -q 'down: an answer' "$work/session.out" || fail "shard down: an answer came back"
grep -qx 'pruned: true' "$work/session.out" || fail "shard down: a query needing only running nodes failed"
grep -qx 'after restart: true' "$work/session.out" || fail "after restart: the session's next query failed"

# a new session while node 3 is down
bash -c "$STOP_NODE3"
if coordinator -c 'SELECT count(*) FROM trade' >"$work/new.out" 2>"$work/new.err"; then
	fail "shard down: a new session got an answer"
fi
cat "$work/new.err"
grep -q 'could not connect to server "node3"' "$work/new.err" || fail "shard down: a new session's error does not name the server"
bash -c "$START_NODE3"

# node 3 dies during a query: the query waits on node 3 for a lock, then
# node 3 shuts down
on_node 3 -d shard -c 'BEGIN' -c 'LOCK trade' -c 'SELECT pg_sleep(60)' >/dev/null 2>&1 &
locker=$!
for _ in $(seq 1 100); do
	locked=$(on_node 3 -d shard -At -c "SELECT count(*) FROM pg_locks WHERE relation = 'trade'::regclass AND mode = 'AccessExclusiveLock' AND granted")
	[ "$locked" = 1 ] && break
	sleep 0.1
done
[ "$locked" = 1 ] || fail "could not lock node 3's table"
coordinator -c 'SELECT reporter, hhi(supply_mix(partner, qty)) FROM trade GROUP BY reporter' >"$work/mid.out" 2>"$work/mid.err" &
query=$!
for _ in $(seq 1 100); do
	waiting=$(on_node 3 -d shard -At -c "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")
	[ "$waiting" -gt 0 ] && break
	sleep 0.1
done
[ "$waiting" -gt 0 ] || fail "the query never reached node 3"
bash -c "$STOP_NODE3"
if wait "$query"; then fail "node 3 died during the query, yet it succeeded"; fi
wait "$locker" || true
cat "$work/mid.err"
[ ! -s "$work/mid.out" ] || fail "node 3 died during the query: rows came back"
grep -q 'ERROR' "$work/mid.err" || fail "node 3 died during the query: no error"
bash -c "$START_NODE3"
coordinator -c 'SELECT count(*) FROM trade' >/dev/null || fail "after node 3 restarted: no answer"

echo "-- the production layout: each node's own store, the coordinator's trade_flow over them"
for i in 1 2 3; do
	on_node "$i" -d shard -f test/scaleout/node_store.sql >/dev/null
done
coordinator -f test/scaleout/store.sql >/dev/null
coordinator -v with_store=1 -f test/scaleout/check.sql
# the store's views run on the coordinator over the shards and read every
# node.  import_reliance's sums are no longer computed on the nodes: its
# per-row checks (a flow's value per kg against its code's median across
# reporters, a declared total below one of its own partner rows) need the
# rows themselves (doc/several-nodes.md)
coordinator <<'SQL'
\i test/scaleout/helpers.sql
DO $$
BEGIN
	IF (SELECT count(DISTINCT r.node) FROM pg_temp.remote_sql('SELECT * FROM rareearth.import_reliance') r
	    WHERE r.sql LIKE '%FROM rareearth.trade_flow%') <> 3 THEN
		RAISE EXCEPTION 'import_reliance: does not read every node';
	END IF;
END $$;
SQL

echo "-- adding a node"
node_add
shard_create 4
# a quarter of the rows: from each node, its largest reporters up to a quarter of its rows
moving=$(coordinator -At -c "
	SELECT string_agg(quote_literal(reporter::text), ', ')
	FROM (SELECT reporter, sum(rows) OVER (PARTITION BY node ORDER BY rows DESC, reporter) AS upto,
	             sum(rows) OVER (PARTITION BY node) AS node_rows
	      FROM shard_map) m
	WHERE upto <= node_rows / 4")
for i in 1 2 3; do
	on_node "$i" -d shard -c "\\copy (SELECT * FROM trade WHERE reporter IN ($moving)) TO STDOUT" |
		on_node 4 -d shard -c '\copy trade FROM STDIN'
done
on_node 4 -d shard -c 'ANALYZE trade'
coordinator -v new=4 -v reporters="$moving" -f test/scaleout/move.sql
coordinator -At -c "SELECT node, count(*) AS reporters FROM shard_map GROUP BY node ORDER BY node"
coordinator -f test/scaleout/check.sql
