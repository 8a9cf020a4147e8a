# Sourced by test/scripts/scaleout.sh, test/scaleout/demo and test/scaleout/bench:
# several PostgreSQL nodes on this machine, each its own cluster in one
# temporary folder, reachable only through a Unix socket there
# (listen_addresses = ''), so nothing touches the machine's default cluster
# or needs a free TCP port.  The extension must already be installed
# (install_locked in test/cluster.sh).
#
#   nodes_start N          initdb and start nodes 1..N (NODES_DIR, node_host i)
#   node_add               one more node, N + 1
#   nodes_stop             stop them all and remove the folder (on exit, unless
#                          the caller has an EXIT trap of its own: it calls this)
#   node_stop i            stop node i (fast shutdown), keep its data
#   node_start i           start node i again
#   node_host i            its socket folder, the "host" of a libpq connection
#   on_node i [psql args]  psql -X -q -v ON_ERROR_STOP=1 on node i
#
# Node 1 also holds the coordinator database: there a partitioned table has
# one foreign partition per node (node 1's own through a loopback
# connection), so every shard is reached the same way (see scaleout.sql).

source test/cluster.sh   # PGBIN, as_owner, install_locked
NODES_DIR=""
NODES_N=0

node_host() { echo "$NODES_DIR/node$1"; }

on_node() {
	local i=$1
	shift
	"$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$(node_host "$i")" -p 5432 -U postgres "$@"
}

node_start() {
	as_owner "$PGBIN/pg_ctl" -D "$NODES_DIR/node$1/data" -l "$NODES_DIR/node$1/server.log" -w start >/dev/null 9>&- ||
		{ cat "$NODES_DIR/node$1/server.log"; return 1; }
}

node_stop() {
	as_owner "$PGBIN/pg_ctl" -D "$NODES_DIR/node$1/data" -m fast -w stop >/dev/null
}

# node_init i: a new node i (initdb, configure, start); NODES_DIR must exist
node_init() {
	local i=$1 dir=$NODES_DIR/node$1
	mkdir "$dir"
	chmod 755 "$dir"
	if [ "$(id -u)" -eq 0 ]; then chown postgres: "$dir"; fi
	as_owner "$PGBIN/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
		{ cat "$dir/initdb.log"; return 1; }
	cluster_conf "$dir/data" "$dir"
	# NODES_PRELOAD=1: the library loaded once by the server, so that a later
	# `make install` from another work tree cannot change it under a long run
	if [ "${NODES_PRELOAD:-0}" = 1 ]; then
		echo "shared_preload_libraries = 'rareearth'" >>"$dir/data/postgresql.conf"
	fi
	node_start "$i"
}

nodes_start() {
	local n=$1 i pids=()
	NODES_DIR=$(mktemp -d /tmp/rareearth-nodes.XXXXXX)
	NODES_N=$n
	# stopped on exit, unless the caller's own EXIT trap does it
	[ -n "$(trap -p EXIT)" ] || trap nodes_stop EXIT
	chmod 755 "$NODES_DIR"
	# in parallel: initdb is the slow part on a small machine
	for i in $(seq 1 "$n"); do
		node_init "$i" &
		pids+=($!)
	done
	for i in "${pids[@]}"; do wait "$i" || return 1; done
}

# node_add: one more node (NODES_N + 1), started; prints nothing
node_add() {
	NODES_N=$((NODES_N + 1))
	node_init "$NODES_N"
}

nodes_stop() {
	local i
	if [ -n "$NODES_DIR" ] && [ -d "$NODES_DIR" ]; then
		for i in $(seq 1 "$NODES_N"); do
			if [ -f "$NODES_DIR/node$i/data/postmaster.pid" ]; then
				as_owner "$PGBIN/pg_ctl" -D "$NODES_DIR/node$i/data" -m immediate -w stop >/dev/null 2>&1 || true
			fi
		done
		rm -rf "$NODES_DIR"
	fi
	NODES_DIR=""
}

# shard_create i: node i's database "shard" with the table, and its foreign
# server on the coordinator
shard_create() {
	on_node "$1" -c 'CREATE DATABASE shard' -c 'ALTER DATABASE shard SET search_path = public, rareearth'
	on_node "$1" -d shard -f test/scaleout/shard.sql
	on_node 1 -d coordinator -v n="$1" -v host="$(node_host "$1")" -f test/scaleout/server.sql
}

# scaleout_setup ROWS: on every node a database "shard" (shard.sql); on
# node 1 the database "coordinator" with ROWS synthetic trade rows
# (test/scaleout/trade_rows.sql: synthetic trade rows, the generator of 0.1.0's benchmark), the sharded
# table over all nodes (coordinator.sql), and each node's rows copied to it.
scaleout_setup() {
	local rows=$1 i
	on_node 1 -c 'CREATE DATABASE coordinator'
	on_node 1 -c 'ALTER DATABASE coordinator SET search_path = public, rareearth' \
		-c 'ALTER DATABASE coordinator SET enable_partitionwise_aggregate = on'
	on_node 1 -d coordinator -c 'CREATE EXTENSION rareearth' -c 'CREATE EXTENSION postgres_fdw'
	for i in $(seq 1 "$NODES_N"); do
		shard_create "$i"
	done
	PGOPTIONS='-c client_min_messages=warning' on_node 1 -d coordinator -v rows="$rows" -f test/scaleout/trade_rows.sql >/dev/null
	on_node 1 -d coordinator -f test/scaleout/coordinator.sql
	for i in $(seq 1 "$NODES_N"); do
		on_node 1 -d coordinator -c "\\copy (SELECT t.* FROM trade_single t JOIN shard_map m USING (reporter) WHERE m.node = $i) TO STDOUT" |
			on_node "$i" -d shard -c '\copy trade FROM STDIN'
		on_node "$i" -d shard -c 'VACUUM ANALYZE trade'
	done
}
