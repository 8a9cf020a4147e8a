# Sourced by test/run, tools/demo and test/bench/run: a throwaway PostgreSQL
# cluster in a temporary folder, reachable only through a Unix socket in that
# folder (listen_addresses = ''), so it never touches the machine's default
# cluster and needs no free TCP port.
#
#   cluster_start   sets PGHOST, PGPORT, PGUSER, PGDATABASE and starts it
#   cluster_stop    stops it and removes the folder (also on exit)

PGBIN=${PGBIN:-$(${PG_CONFIG:-$(test/pg-config)} --bindir)}
CLUSTER_DIR=""

as_owner() {
	if [ "$(id -u)" -eq 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

# cluster_conf DATADIR SOCKETDIR: the settings of every throwaway server
# (also of the nodes in test/scaleout/nodes.sh): a Unix socket only, no fsync
cluster_conf() {
	cat >>"$1/postgresql.conf" <<CONF
listen_addresses = ''
unix_socket_directories = '$2'
port = 5432
fsync = off
synchronous_commit = off
full_page_writes = off
shared_buffers = ${RAREEARTH_SHARED_BUFFERS:-256MB}
work_mem = 64MB
max_worker_processes = 8
max_parallel_workers = 4
max_parallel_workers_per_gather = 2
CONF
}

cluster_start() {
	CLUSTER_DIR=$(mktemp -d /tmp/rareearth-pg.XXXXXX)
	chmod 755 "$CLUSTER_DIR"
	if [ "$(id -u)" -eq 0 ]; then chown postgres: "$CLUSTER_DIR"; fi
	as_owner "$PGBIN/initdb" -D "$CLUSTER_DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$CLUSTER_DIR/initdb.log" 2>&1 ||
		{ cat "$CLUSTER_DIR/initdb.log"; return 1; }
	cluster_conf "$CLUSTER_DIR/data" "$CLUSTER_DIR"
	# 9>&-: the server must not inherit the install lock (see install_locked),
	# or a cluster left running would hold it for good
	as_owner "$PGBIN/pg_ctl" -D "$CLUSTER_DIR/data" -l "$CLUSTER_DIR/server.log" -w start >/dev/null 9>&- ||
		{ cat "$CLUSTER_DIR/server.log"; return 1; }
	export PGHOST=$CLUSTER_DIR PGPORT=5432 PGUSER=postgres PGDATABASE=postgres
	trap cluster_stop EXIT
}

cluster_stop() {
	if [ -n "$CLUSTER_DIR" ] && [ -d "$CLUSTER_DIR/data" ]; then
		as_owner "$PGBIN/pg_ctl" -D "$CLUSTER_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
		rm -rf "$CLUSTER_DIR"
	fi
	CLUSTER_DIR=""
}

# Install the extension while holding a machine-wide lock, so that parallel
# builds from several work trees never overwrite each other's installed
# files between "make install" and the end of their tests.  The caller keeps
# file descriptor 9 open for as long as it needs the installed files.
install_locked() {
	exec 9>/tmp/rareearth-install.lock
	flock 9
	make -s install >/dev/null
}
