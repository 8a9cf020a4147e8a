#!/usr/bin/env bash
# Issue 11, items 1-4: every shipped USGS MCS file (data/usgs/mcs2023,
# mcs2024: the per-commodity world and salient files of MCS2023 and MCS2024;
# data/usgs/mcs2026: the long table) loaded through load_usgs_mcs_file, the
# way README shows (psql, the bytes sent base64-encoded), by a non-superuser
# database owner, and checked against an independent reading of the same
# files by Python's csv module:
#   * per file, loaded + rejected + out of scope = the file's data rows, and
#     each count equals Python's (a row loads when one of its cells does);
#   * every loaded cell (edition, commodity, statistic, country, year,
#     value x unit factor, unit, estimated flag) equals Python's reading of
#     the cell, as multisets; Python reads units, years and estimates from
#     the header and notes on its own; the salient files' US statistics
#     (statistic, year, value as printed, unit code) likewise;
#   * no "unknown country" reject: every country spelling resolves, and to
#     the country Python's own clean-up of the name gives;
#   * the MCS2026 long table loads exactly as load_usgs_mcs loads it staged
#     (which test/scripts/usgs_mcs_all.sh checks cell by cell);
#   * the edition is checked: the shipped mcs2024-cobal_salient.csv is an
#     MCS2023 world table with MCS2024 in its Source column, refused whole;
#     a file loaded as another edition is refused.
# Run by test/run against the throwaway cluster (PGHOST etc. set); exit 0 = pass.
set -euo pipefail
cd "$(dirname "$0")/../.."
db=rareearth_usgs_files_$$
ref=rareearth_usgs_files_ref_$$
loop=rareearth_usgs_files_loop_$$
owner=rareearth_files_owner_$$
work=$(mktemp -d)
cleanup() {
	rm -rf "$work"
	dropdb --if-exists "$db" >/dev/null 2>&1 || true
	dropdb --if-exists "$ref" >/dev/null 2>&1 || true
	dropdb --if-exists "$loop" >/dev/null 2>&1 || true
	command psql -X -q -d postgres -c "DROP ROLE IF EXISTS $owner" >/dev/null 2>&1 || true
}
trap cleanup EXIT
psql() { command psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }

psql -d postgres -c "CREATE ROLE $owner LOGIN NOSUPERUSER"
createdb -O "$owner" "$db"
psql -U "$owner" -d "$db" -c "CREATE EXTENSION rareearth" -c "SELECT rareearth.create_store()" >/dev/null

# the odd one: an MCS2023 table saved as mcs2024-cobal_salient.csv, Source MCS2024
odd=data/usgs/mcs2024/salient/mcs2024-cobal_salient.csv
ls data/usgs/mcs2023/*/*.csv data/usgs/mcs2024/*/*.csv data/usgs/mcs2026/*.csv | grep -vxF "$odd" >"$work/files"

# one psql session, as README's loop does it file by file
while IFS= read -r f; do
	name=$(basename "$f")
	printf '\\set content `base64 -w0 %q`\n' "$f"
	printf "SELECT '%s', rows_loaded, rows_rejected, rows_out_of_scope FROM rareearth.load_usgs_mcs_file(decode(:'content', 'base64'), '%s');\n" "$name" "$name"
done <"$work/files" | psql -U "$owner" -d "$db" -F'|' >"$work/counts"

# the odd file and a wrong edition: errors that load nothing
before=$(psql -U "$owner" -d "$db" -c "SELECT (SELECT count(*) FROM rareearth.production) + (SELECT count(*) FROM rareearth.reserves)")
{ printf '\\set content `base64 -w0 %q`\n' "$odd"
  echo "SELECT * FROM rareearth.load_usgs_mcs_file(decode(:'content', 'base64'), 'mcs2024-cobal_salient.csv');"; } |
	command psql -X -q -At -U "$owner" -d "$db" >/dev/null 2>"$work/odd.err" || true
{ printf '\\set content `base64 -w0 %q`\n' data/usgs/mcs2023/world/mcs2023-lithi_world.csv
  echo "SELECT * FROM rareearth.load_usgs_mcs_file(decode(:'content', 'base64'), 'mcs2023-lithi_world.csv', 'MCS2024');"; } |
	command psql -X -q -At -U "$owner" -d "$db" >/dev/null 2>"$work/wrong.err" || true
after=$(psql -U "$owner" -d "$db" -c "SELECT (SELECT count(*) FROM rareearth.production) + (SELECT count(*) FROM rareearth.reserves)")

psql -U "$owner" -d "$db" -F'|' >"$work/db.txt" <<'SQL'
SELECT edition, split_part(commodity, ':', 1), 'Production', country::text, year, quantity_t, unit, coalesce(qualifier, '')
FROM rareearth.production WHERE source LIKE '%load_usgs_mcs_file%' AND edition <> 'MCS2026'
UNION ALL
SELECT edition, split_part(commodity, ':', 1), 'Reserves', country::text, as_of_year, quantity_t, unit, coalesce(qualifier, '')
FROM rareearth.reserves WHERE source LIKE '%load_usgs_mcs_file%' AND edition <> 'MCS2026'
UNION ALL
SELECT edition, split_part(commodity, ':', 1), 'Capacity', country::text, year, value, unit, coalesce(qualifier, '')
FROM rareearth.published_statistic WHERE source LIKE '%load_usgs_mcs_file%' AND edition <> 'MCS2026' AND statistic LIKE 'capacity: %'
UNION ALL
SELECT edition, commodity, statistic, country::text, year, value, unit, coalesce(qualifier, '')
FROM rareearth.published_statistic WHERE source LIKE '%load_usgs_mcs_file%' AND edition <> 'MCS2026' AND statistic NOT LIKE 'capacity: %';
SQL
psql -U "$owner" -d "$db" -F'|' >"$work/rejects.txt" <<'SQL'
SELECT file, line, severity, coalesce(record->>'column_number', ''), reason FROM rareearth.load_rejects;
SQL
psql -U "$owner" -d "$db" -F'|' >"$work/commodities.txt" <<'SQL'
SELECT name, unit, array_to_string(file_codes, ' ') FROM rareearth.commodities WHERE file_codes IS NOT NULL;
SQL

# the long table, staged and loaded by load_usgs_mcs, in a database of its own
createdb "$ref"
psql -d "$ref" <<SQL >/dev/null
CREATE EXTENSION rareearth;
SELECT rareearth.create_store();
SELECT rareearth.stage('usgs_mcs');
\copy usgs_mcs_raw FROM 'data/usgs/mcs2026/usgs_mcs2026_commodities_data.csv' CSV HEADER ENCODING 'WIN1252'
SELECT * FROM rareearth.load_usgs_mcs('MCS2026');
SQL
long="SELECT 'P', (country, year, commodity, stage, quantity_t, qualifier, unit, published_unit, detail)::text FROM rareearth.production
      UNION ALL SELECT 'R', (country, commodity, as_of_year, quantity_t, qualifier, unit, published_unit, detail)::text FROM rareearth.reserves
      UNION ALL SELECT 'C', (country, commodity, statistic, year, value, unit, qualifier)::text FROM rareearth.published_statistic
      ORDER BY 1, 2"
psql -d "$ref" -c "$long" >"$work/long_staged.txt"
psql -d "$db" -c "$long" | grep -v "^$" >"$work/long_file_all.txt"
psql -d "$db" -c "SELECT 'P', (country, year, commodity, stage, quantity_t, qualifier, unit, published_unit, detail)::text FROM rareearth.production WHERE edition = 'MCS2026'
                 UNION ALL SELECT 'R', (country, commodity, as_of_year, quantity_t, qualifier, unit, published_unit, detail)::text FROM rareearth.reserves WHERE edition = 'MCS2026'
                 UNION ALL SELECT 'C', (country, commodity, statistic, year, value, unit, qualifier)::text FROM rareearth.published_statistic WHERE edition = 'MCS2026'
                 ORDER BY 1, 2" >"$work/long_file.txt"

# README's folder loop, run as written (the block after <!-- usgs_mcs_folder_loop -->),
# as the owner into a database of its own: the same counts as above
createdb -O "$owner" "$loop"
psql -U "$owner" -d "$loop" -c "CREATE EXTENSION rareearth" -c "SELECT rareearth.create_store()" >/dev/null
awk '/<!-- usgs_mcs_folder_loop -->/ { armed = 1; next } armed && /^```sh$/ { on = 1; next } on && /^```$/ { exit } on' README.md >"$work/loop.sh"
PGUSER=$owner PGDATABASE=$loop bash "$work/loop.sh" >"$work/loop_counts"

# Python's own reading of every file, and the country names it finds
python3 test/scripts/usgs_mcs_files.py names "$work/files" >"$work/names.txt"
psql -d "$db" -F'|' >"$work/name_codes.txt" <<SQL
CREATE TEMP TABLE n (printed text, clean text);
\copy n FROM '$work/names.txt' WITH (FORMAT csv)
SELECT printed, clean, CASE WHEN rareearth.is_valid_country(clean) THEN clean::rareearth.country::text END,
       (rareearth.usgs_mcs_country(printed)).country::text
FROM n;
SQL
python3 test/scripts/usgs_mcs_files.py check "$work/files" "$work" "$before" "$after"
