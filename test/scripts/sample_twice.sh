#!/usr/bin/env bash
# `psql -f data/load_sample.sql` run twice.  The second run
# must succeed (it failed with a duplicate key and psql exit 3) and leave
# every table of the store equal, row for row, to the first run's result;
# a third run after a row was changed by hand puts the shipped value back.
# The store's tables are found in the catalog (the tables of schema
# rareearth that are not members of the extension), so a table added to the
# store later is compared too.
# Run by test/run against the throwaway cluster (PGHOST etc. set); exit 0 = pass.
set -euo pipefail
cd "$(dirname "$0")/../.."
db=rareearth_sample_twice_$$
work=$(mktemp -d)
trap 'rm -rf "$work"; dropdb --if-exists "$db" >/dev/null 2>&1 || true' EXIT
psql() { command psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }

createdb "$db"
psql -d "$db" -c "CREATE EXTENSION rareearth"

# every row of every store table as text, sorted by table and row
snapshot() {
	local q
	q=$(psql -d "$db" -c "
		SELECT string_agg(format('SELECT %L AS t, s::text AS r FROM rareearth.%I s', c.relname, c.relname), ' UNION ALL ')
		       || ' ORDER BY 1, 2'
		FROM pg_class c
		WHERE c.relnamespace = 'rareearth'::regnamespace AND c.relkind IN ('r', 'p')
		  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
		                  AND d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e')")
	psql -d "$db" -c "$q"
}

status=0
psql -d "$db" -f data/load_sample.sql >/dev/null
snapshot >"$work/first.txt"
if ! psql -d "$db" -f data/load_sample.sql >"$work/second.log" 2>&1; then
	echo "sample_twice: the second run of data/load_sample.sql failed:"; cat "$work/second.log"; status=1
fi
snapshot >"$work/second.txt"

# the first run loaded every shipped table (counts from the CSV files,
# header line excluded), so the comparison is not of empty tables
expect() { # table, expected rows
	local n
	n=$(psql -d "$db" -c "SELECT count(*) FROM rareearth.$1")
	[ "$n" -eq "$2" ] || { echo "sample_twice: $1 has $n rows after two runs, the sample files give $2"; status=1; }
}
csv_rows() { python3 -c 'import csv, sys; print(sum(1 for _ in csv.DictReader(open(sys.argv[1], encoding="utf-8"))))' "$1"; }
ds140=$(python3 -c 'import csv, sys; print(sum(1 for r in csv.DictReader(open(sys.argv[1], encoding="utf-8")) if r["metric"] == "production"))' data/usgs/usgs_ds140_rare_earths.csv)
expect production $(( $(csv_rows data/usgs/usgs_rare_earths_production.csv) + $(csv_rows data/usgs/usgs_myb2022_rare_earths_production.csv) + ds140 ))
expect reserves $(( $(csv_rows data/usgs/usgs_rare_earths_reserves.csv) + $(csv_rows data/russia_reserves_statement.csv) ))
expect targets "$(csv_rows data/russia_targets.csv)"
expect governance "$(csv_rows data/other/wgi_sample.csv)"
expect published_statistic "$(csv_rows data/usgs/usgs_us_salient_statistics.csv)"

if ! diff -u "$work/first.txt" "$work/second.txt" >"$work/diff"; then
	echo "sample_twice: the store differs after the second run (- first, + second):"; head -40 "$work/diff"; status=1
fi

# Each shipped row's source names the publication first
# (USGS ..., World Bank ..., European Commission ...; the Russian statements
# name who stated them), then "; copy: " and where the copy came from
bad=$(python3 - <<'PY'
import csv, glob, re
pub = re.compile(r'^(USGS (Mineral Commodity Summaries 20[0-9][0-9]|Minerals Yearbook 20[0-9][0-9]|Data Series 140)'
                 r'|World Bank, Worldwide Governance Indicators|European Commission, )[^;]*; copy: \S')
for f in sorted(glob.glob('data/**/*.csv', recursive=True)):
    if f.startswith('data/usgs/mcs20'):
        continue  # a data release byte for byte (Windows-1252, no source column); provenance in data/README.md
    for n, r in enumerate(csv.DictReader(open(f, encoding='utf-8')), 2):
        s = r.get('source')
        # the critical-mineral lists are legal texts: the publication (Federal
        # Register notice, EU regulation and its annex) first, then where it was read
        if s is not None and not pub.match(s) and not s.startswith('Russian Ministry of ') \
                and not re.match(r'(U\.S\. Geological Survey, 2022 Final List of Critical Minerals, Federal Register 87 FR 10381'
                                 r'|Regulation \(EU\) 2024/1252 \(Critical Raw Materials Act\), OJ L 2024/1252, 3\.5\.2024, Annex I{1,2}\b)'
                                 r'[^;]*; \S', s):
            print(f'{f}:{n}: {s[:100]}')
PY
)
[ -z "$bad" ] || { echo "sample_twice: sources that do not name the publication first:"; echo "$bad" | head -20; status=1; }
n=$(psql -d "$db" -c "
	SELECT count(*) FROM (SELECT source FROM rareearth.production UNION ALL SELECT source FROM rareearth.reserves
	                      UNION ALL SELECT source FROM rareearth.governance
	                      UNION ALL SELECT source FROM rareearth.published_statistic) s
	WHERE source !~ '^(USGS |World Bank, |Russian Ministry of )'")
[ "$n" -eq 0 ] || { echo "sample_twice: $n loaded rows whose source does not name the publication first"; status=1; }

# a changed row is put back to the shipped value by the next run
psql -d "$db" -c "UPDATE rareearth.production SET quantity_t = quantity_t + 1 WHERE country OPERATOR(rareearth.=) 'CHN' AND edition = 'MCS2026'"
psql -d "$db" -c "DELETE FROM rareearth.governance WHERE country OPERATOR(rareearth.=) 'CHN'"
psql -d "$db" -f data/load_sample.sql >/dev/null
snapshot >"$work/third.txt"
if ! diff -u "$work/first.txt" "$work/third.txt" >"$work/diff3"; then
	echo "sample_twice: a third run did not restore the shipped rows (- first, + third):"; head -40 "$work/diff3"; status=1
fi
exit $status
