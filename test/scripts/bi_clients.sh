#!/usr/bin/env bash
# The reporting views as a BI tool meets them: through psqlODBC (unixODBC's
# isql) and through Python pandas over psycopg2.  In a fresh database with
# the shipped sample data loaded, every view of schema rareearth must
#   - list only plain column types through the ODBC catalog (SQLColumns),
#     but for the typed country and stage columns of the base views and the
#     reporting views' country columns, which must be described as character data,
#   - return all its rows through isql, as many as psql counts,
#   - arrive in pandas with every value a plain number, text, date, bool or
#     JSON value, and every column of a PostgreSQL type a BI tool knows
#     (the base views' typed columns: text values).
# Run by test/run against the throwaway cluster (PGHOST, PGPORT, PGUSER set).
set -euo pipefail
cd "$(dirname "$0")/../.."
db=rareearth_bi
work=$(mktemp -d)
trap 'rm -rf "$work"; dropdb --if-exists "$db" >/dev/null 2>&1 || true' EXIT

# the views every build must offer (the others are checked when present)
required_views="supply_share supply_concentration development target_tracking"

dropdb --if-exists "$db" >/dev/null 2>&1 || true
createdb "$db"
psql -X -q -v ON_ERROR_STOP=1 -d "$db" -c "CREATE EXTENSION rareearth" >/dev/null
# as a BI data source is set up: the schema on the path (psqlODBC's catalog
# calls list the tables of the schemas on the search path)
psql -X -q -v ON_ERROR_STOP=1 -d "$db" -c "ALTER DATABASE $db SET search_path = rareearth, public" >/dev/null
psql -X -q -v ON_ERROR_STOP=1 -d "$db" -f data/load_sample.sql >/dev/null

views=$(psql -X -A -t -d "$db" -c "SELECT viewname FROM pg_views WHERE schemaname = 'rareearth' ORDER BY 1")
# The typed columns: the base views' country and stage, and every reporting
# view's country columns (rareearth.country, so that country = 'Russia'
# filters by name).  They must reach a BI tool as text: psqlODBC describes
# them as SQL_VARCHAR and psycopg2 hands over str.
typed_ok="production_corrected.country production_corrected.stage production_latest.country production_latest.stage
reserves_corrected.country reserves_latest.country
$(psql -X -A -t -d "$db" -c "SELECT view_name || '.' || column_name FROM rareearth.store_view_country_columns()")"
status=0
for v in $required_views; do
	grep -qx "$v" <<<"$views" || { echo "bi_clients: view $v is missing"; status=1; }
done

# --- psqlODBC through unixODBC's isql -----------------------------------
driver=$(dpkg -L odbc-postgresql 2>/dev/null | grep '/psqlodbcw\.so$' | head -1)
[ -n "$driver" ] || { echo "bi_clients: psqlODBC (odbc-postgresql) not installed"; exit 1; }
cat >"$work/odbcinst.ini" <<INI
[PostgreSQL Unicode]
Driver = $driver
INI
cat >"$work/odbc.ini" <<INI
[rareearth]
Driver = PostgreSQL Unicode
Servername = $PGHOST
Port = ${PGPORT:-5432}
Database = $db
Username = ${PGUSER:-postgres}
INI
export ODBCSYSINI=$work ODBCINI=$work/odbc.ini

# type names as the driver reports them in SQLColumns (isql "help <table>")
plain_odbc_types="float8 int2 int4 int8 text varchar date bool jsonb"
for v in $views; do
	cols=$(printf 'help %s\n' "$v" | isql -b -d'|' rareearth 2>&1 || true)
	# rows: catalog|schema|table|column|data_type|type_name|...
	types=$(awk -F'|' -v v="$v" '$2 == "rareearth" && $3 == v { print $4 ":" $6 ":" $5 }' <<<"$cols")
	if [ -z "$types" ]; then
		echo "bi_clients: isql could not describe $v:"; echo "$cols"; status=1; continue
	fi
	for ct in $types; do
		t=${ct#*:}; sqltype=${t#*:}; t=${t%%:*}
		# SQL_CHAR 1, SQL_VARCHAR 12, SQL_LONGVARCHAR -1, and their wide forms -8, -9, -10
		if grep -qxF "$v.${ct%%:*}" <<<"${typed_ok// /$'\n'}" && grep -qxE -- '-?(1|12|8|9|10)' <<<"$sqltype"; then
			continue
		fi
		if ! grep -qw -- "$t" <<<"$plain_odbc_types"; then
			echo "bi_clients: ODBC sees $v.${ct%%:*} as type $t (not plain)"; status=1
		fi
	done
	odbc_rows=$(printf 'SELECT * FROM rareearth.%s\n' "$v" | isql -b -c -d'|' rareearth 2>&1 |
		grep -vc '^SQLRowCount\|^$' || true)
	odbc_rows=$((odbc_rows - 1))	# the header line
	psql_rows=$(psql -X -A -t -d "$db" -c "SELECT count(*) FROM rareearth.$v")
	if [ "$odbc_rows" != "$psql_rows" ]; then
		echo "bi_clients: isql fetched $odbc_rows rows of $v, psql counts $psql_rows"; status=1
	fi
	# views over shipped data must have rows (trade views stay empty: no Comtrade data is shipped)
	if [ "$psql_rows" -eq 0 ] && grep -qw "$v" <<<"$required_views"; then
		echo "bi_clients: $v is empty on the shipped sample data"; status=1
	fi
done

# --- pandas over psycopg2 --------------------------------------------------
TYPED_OK="$typed_ok" /usr/bin/python3 - "$db" $views <<'PY' || status=1
import datetime, math, os, sys, warnings
warnings.filterwarnings('ignore')  # pandas prefers SQLAlchemy; a DBAPI connection is what we test
import pandas as pd
import psycopg2

db, views = sys.argv[1], sys.argv[2:]
# PostgreSQL type oids a BI tool maps natively: bool, int8, int2, int4, text,
# float8, varchar, date, jsonb
plain_oids = {16: "bool", 20: "int8", 21: "int2", 23: "int4", 25: "text", 701: "float8",
              1043: "varchar", 1082: "date", 3802: "jsonb"}
plain_values = (str, int, float, bool, datetime.date, dict, list)
# typed columns of the base views: their values must arrive as str
typed_ok = set(os.environ["TYPED_OK"].split())
conn = psycopg2.connect(dbname=db)
bad = 0
for v in views:
    cur = conn.cursor()
    cur.execute(f"SELECT * FROM rareearth.{v} LIMIT 0")
    for col in cur.description:
        if col.type_code not in plain_oids and f"{v}.{col.name}" not in typed_ok:
            print(f"bi_clients: pandas/psycopg2 sees {v}.{col.name} with type oid {col.type_code}")
            bad += 1
    # raw values: None is SQL NULL; a float must be finite (never NaN/Infinity)
    cur.execute(f"SELECT * FROM rareearth.{v}")
    rows = cur.fetchall()
    for row in rows:
        for col, value in zip(cur.description, row):
            if value is None:
                continue
            if f"{v}.{col.name}" in typed_ok and not isinstance(value, str):
                print(f"bi_clients: {v}.{col.name} holds {type(value).__name__} {value!r}, not text")
                bad += 1
            elif not isinstance(value, plain_values):
                print(f"bi_clients: {v}.{col.name} holds {type(value).__name__} {value!r}")
                bad += 1
            elif isinstance(value, float) and not math.isfinite(value):
                print(f"bi_clients: {v}.{col.name} holds {value}")
                bad += 1
    # and as a DataFrame: same shape, numeric columns numeric
    frame = pd.read_sql(f"SELECT * FROM rareearth.{v}", conn)
    if frame.shape != (len(rows), len(cur.description)):
        print(f"bi_clients: pandas read {frame.shape} from {v}, expected {(len(rows), len(cur.description))}")
        bad += 1
    for col in cur.description:
        kind = frame[col.name].dtype.kind
        if col.type_code in (20, 21, 23, 701) and kind not in "iuf" and frame[col.name].notna().any():
            print(f"bi_clients: pandas reads numeric {v}.{col.name} as dtype {frame[col.name].dtype}")
            bad += 1
sys.exit(1 if bad else 0)
PY
exit $status
