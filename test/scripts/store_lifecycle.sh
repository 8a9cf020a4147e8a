#!/usr/bin/env bash
# The store's life cycle as doc/store-and-loaders.md documents it:
#  1. DROP EXTENSION rareearth CASCADE drops the columns of the extension's
#     types out of the store's tables (PostgreSQL drops what depends on a
#     type); CREATE EXTENSION + create_store() then work: each table left
#     without its columns is kept under another name, with a warning, and
#     made anew, and the fixture loads again;
#  2. drop_store() then DROP EXTENSION (no CASCADE) leaves nothing behind;
#  3. a dump of a 0.1.0 database (its tables were members then) restores
#     into a database where the current version is installed, by the
#     README's procedure: CREATE EXTENSION + create_store() first, then the
#     dump; every row arrives.
# Run by test/run against the throwaway cluster (PGHOST etc. set); exit 0 = pass.
set -euo pipefail
cd "$(dirname "$0")/../.."
PGBIN=$(${PG_CONFIG:-$(test/pg-config)} --bindir)
db=rareearth_life_$$
old=rareearth_life_old_$$
restored=rareearth_life_restored_$$
work=$(mktemp -d)
old_script=$("${PG_CONFIG:-$(test/pg-config)}" --sharedir)/extension/rareearth--0.1.0.sql
cleanup() {
	rm -f "$old_script"
	for d in "$db" "$old" "$restored"; do "$PGBIN/dropdb" --if-exists "$d" >/dev/null 2>&1 || true; done
	rm -rf "$work"
}
trap cleanup EXIT
psql() { "$PGBIN/psql" -X -q -At -v ON_ERROR_STOP=1 "$@"; }
status=0
fail() { echo "store_lifecycle: $*"; status=1; }
load_fixture() { # db: loads the MCS fixture, prints rows loaded
	psql -d "$1" <<'SQL'
SELECT rareearth.stage('usgs_mcs') \g /dev/null
\copy usgs_mcs_raw FROM 'test/fixtures/usgs_mcs2026_fixture.csv' CSV HEADER ENCODING 'WIN1252'
SELECT rows_loaded FROM rareearth.load_usgs_mcs('MCS2026');
SQL
}

# 1. CASCADE, then a new extension and store
"$PGBIN/createdb" "$db"
psql -d "$db" -c "SET client_min_messages = warning" -c "CREATE EXTENSION rareearth" -c "SELECT rareearth.create_store()" >/dev/null
first=$(load_fixture "$db")
[ "$first" -gt 0 ] || fail "the fixture loaded no row"
production=$(psql -d "$db" -c "SELECT count(*) FROM rareearth.production")
psql -d "$db" -c "SET client_min_messages = warning" -c "DROP EXTENSION rareearth CASCADE"
out=$(psql -d "$db" -c "CREATE EXTENSION rareearth" -c "SELECT rareearth.create_store()" 2>&1)
kept=$(grep -c "WARNING:  store table rareearth\.[a-z_]* had lost columns" <<<"$out" || true)
[ "$kept" -eq 9 ] || fail "after CASCADE, create_store() kept $kept tables with a warning, expected 9 (every table but load_rejects): $out"
again=$(load_fixture "$db")
[ "$again" = "$first" ] || fail "after CASCADE and a new store, the fixture loaded $again rows, $first before"
leftover=$(psql -d "$db" -c "SELECT count(*) FROM rareearth.production WHERE true" -c "SELECT count(*) FROM pg_class WHERE relname LIKE 'production_without_columns_%'")
[ "$leftover" = "$production"$'\n'"1" ] || fail "expected the new production table with the fixture and one kept table, got: $leftover"

# 2. drop_store() then DROP EXTENSION without CASCADE
psql -d "$db" -c "SELECT rareearth.drop_store()" >/dev/null
out=$(psql -d "$db" -c "DROP EXTENSION rareearth" -c "SELECT count(*) FROM pg_class WHERE relnamespace = 'rareearth'::regnamespace AND relname NOT LIKE '%_without_columns_%'" 2>&1)
[ "$out" = "0" ] || fail "drop_store() and DROP EXTENSION left: $out"

# 3. a 0.1.0 dump into the current version
cp src/sql/released/rareearth--0.1.0.sql "$old_script"
"$PGBIN/createdb" "$old"
psql -d "$old" <<'SQL' >/dev/null
SET client_min_messages = warning;
CREATE EXTENSION rareearth VERSION '0.1.0';
\copy rareearth.usgs_mcs_raw FROM 'test/fixtures/usgs_mcs2026_fixture.csv' CSV HEADER ENCODING 'WIN1252'
SELECT * FROM rareearth.load_usgs_mcs('MCS2026');
\copy rareearth.baci_raw FROM 'test/fixtures/baci_synthetic.csv' CSV HEADER
SELECT * FROM rareearth.load_baci('fixture', synthetic => true);
SQL
rm -f "$old_script"
"$PGBIN/pg_dump" -d "$old" -f "$work/old.sql"
counts="SELECT (SELECT count(*) FROM rareearth.production) || ' ' || (SELECT count(*) FROM rareearth.reserves) || ' ' || (SELECT count(*) FROM rareearth.trade_flow) || ' ' || (SELECT count(*) FROM rareearth.load_rejects)"
before=$(psql -d "$old" -c "$counts")
"$PGBIN/createdb" "$restored"
# the README's procedure
psql -d "$restored" -c "SET client_min_messages = warning" -c "CREATE EXTENSION rareearth" -c "SELECT rareearth.create_store()" >/dev/null
"$PGBIN/psql" -X -q -d "$restored" -f "$work/old.sql" >"$work/restore.log" 2>&1 || true
after=$(psql -d "$restored" -c "$counts")
[ "$after" = "$before" ] || { fail "the 0.1.0 dump restored $after rows (production reserves trade_flow load_rejects), $before in 0.1.0:"; grep ERROR "$work/restore.log" | head; }
# and the restored store is the current version's
[ "$(psql -d "$restored" -c "SELECT extversion FROM pg_extension WHERE extname = 'rareearth'")" = "$(sed -n "s/^default_version = '\(.*\)'/\1/p" rareearth.control)" ] || fail "restored database is not at the current version"
exit $status
