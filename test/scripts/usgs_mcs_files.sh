#!/usr/bin/env bash
# Every shipped USGS MCS file (data/usgs/mcs2022, mcs2023, mcs2024: the
# per-commodity world and salient files of MCS2022 to MCS2024;
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
#     (statistic, year, value as printed, unit code) likewise, and the
#     MCS2026 long table's US salient statistics (commodity, statistic name,
#     year, value, unit as printed, qualifier, estimated), with the rows
#     Python refuses (commodities of no commodity, words, duplicates) refused;
#   * every form a value cell takes in those files (digits as 9: >9%, e9,
#     Less than 9 carats., ...) is counted and read as the USGS legend says,
#     a form not met before fails the test; the latest year of a salient
#     file is estimated (its metadata say so);
#   * no "unknown country" reject: every country spelling resolves, and to
#     the country Python's own clean-up of the name gives;
#   * the MCS2026 long table loads exactly as load_usgs_mcs loads it staged
#     (which test/scripts/usgs_mcs_all.sh checks cell by cell);
#   * the edition is checked: the shipped mcs2024-cobal_salient.csv is an
#     MCS2023 world table with MCS2024 in its Source column, refused whole as
#     such, loaded as MCS2024 or as MCS2023;
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
ls data/usgs/mcs2022/*/*.csv data/usgs/mcs2023/*/*.csv data/usgs/mcs2024/*/*.csv data/usgs/mcs2026/*.csv | grep -vxF "$odd" >"$work/files"

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
{ printf '\\set content `base64 -w0 %q`\n' "$odd"
  echo "SELECT * FROM rareearth.load_usgs_mcs_file(decode(:'content', 'base64'), 'mcs2024-cobal_salient.csv', 'MCS2023');"; } |
	command psql -X -q -At -U "$owner" -d "$db" >/dev/null 2>"$work/odd2023.err" || true
{ printf '\\set content `base64 -w0 %q`\n' data/usgs/mcs2023/world/mcs2023-lithi_world.csv
  echo "SELECT * FROM rareearth.load_usgs_mcs_file(decode(:'content', 'base64'), 'mcs2023-lithi_world.csv', 'MCS2024');"; } |
	command psql -X -q -At -U "$owner" -d "$db" >/dev/null 2>"$work/wrong.err" || true
after=$(psql -U "$owner" -d "$db" -c "SELECT (SELECT count(*) FROM rareearth.production) + (SELECT count(*) FROM rareearth.reserves)")

psql -U "$owner" -d "$db" -F'|' >"$work/db.txt" <<'SQL'
SELECT edition, split_part(commodity, ':', 1), 'Production', country::text, year, quantity_t, unit, coalesce(qualifier, ''), ''
FROM rareearth.production WHERE source LIKE '%load_usgs_mcs_file%' AND edition <> 'MCS2026'
UNION ALL
SELECT edition, split_part(commodity, ':', 1), 'Reserves', country::text, as_of_year, quantity_t, unit, coalesce(qualifier, ''), ''
FROM rareearth.reserves WHERE source LIKE '%load_usgs_mcs_file%' AND edition <> 'MCS2026'
UNION ALL
SELECT edition, split_part(commodity, ':', 1), 'Capacity', country::text, year, value, unit, coalesce(qualifier, ''), ''
FROM rareearth.published_statistic WHERE source LIKE '%load_usgs_mcs_file%' AND edition <> 'MCS2026' AND statistic LIKE 'capacity: %'
UNION ALL
SELECT edition, commodity, statistic, country::text, year, value, unit, coalesce(qualifier, ''), CASE WHEN estimated THEN 't' ELSE 'f' END
FROM rareearth.published_statistic WHERE source LIKE '%load_usgs_mcs_file%' AND edition <> 'MCS2026' AND statistic NOT LIKE 'capacity: %';
SQL
psql -U "$owner" -d "$db" -F'|' >"$work/rejects.txt" <<'SQL'
SELECT file, line, severity, coalesce(record->>'column_number', ''), reason FROM rareearth.load_rejects;
SQL
# cells read off the files by eye (kt -> t), for the files whose code names
# several commodities, where Python's rules could share a mistake with the loader's
psql -U "$owner" -d "$db" -F'|' >"$work/spot.txt" <<'SQL'
WITH p AS (SELECT rareearth.iso3(country) AS c, commodity, year, quantity_t AS q, qualifier FROM rareearth.production WHERE edition = 'MCS2023'),
     r AS (SELECT rareearth.iso3(country) AS c, commodity, quantity_t AS q FROM rareearth.reserves WHERE edition = 'MCS2023'),
     s AS (SELECT rareearth.iso3(country) AS c, commodity, statistic, year, value AS q, qualifier FROM rareearth.published_statistic WHERE edition = 'MCS2023')
SELECT 'bauxi: Australia alumina 2021 = 20,400 kt', (SELECT q FROM p WHERE c = 'AUS' AND commodity = 'alumina' AND year = 2021) = 20400000
UNION ALL SELECT 'bauxi: Australia bauxite 2021 = 103,000 kt', (SELECT q FROM p WHERE c = 'AUS' AND commodity = 'bauxite' AND year = 2021) = 103000000
UNION ALL SELECT 'bauxi: Australia bauxite reserves = 5,100,000 kt', (SELECT q FROM r WHERE c = 'AUS' AND commodity = 'bauxite') = 5100000000
UNION ALL SELECT 'titan: China TiO2 pigment capacity 2021 = 5,000,000 t', (SELECT q FROM s WHERE c = 'CHN' AND commodity = 'tio2 pigment' AND year = 2021) = 5000000
UNION ALL SELECT 'titan: China sponge capacity 2021 = 181,000 t', (SELECT q FROM s WHERE c = 'CHN' AND commodity = 'titanium sponge metal' AND statistic LIKE 'capacity%' AND year = 2021) = 181000
UNION ALL SELECT 'titan: China sponge production 2022 = 150,000 t e', (SELECT (q, qualifier) = (150000, 'e') FROM p WHERE c = 'CHN' AND commodity = 'titanium sponge metal' AND year = 2022)
UNION ALL SELECT 'plati: South Africa platinum 2021 = 142,000 kg', (SELECT q FROM p WHERE c = 'ZAF' AND commodity = 'platinum' AND year = 2021) = 142000
UNION ALL SELECT 'plati: South Africa palladium 2021 = 84,300 kg', (SELECT q FROM p WHERE c = 'ZAF' AND commodity = 'palladium' AND year = 2021) = 84300
UNION ALL SELECT 'plati: South Africa PGM reserves = 63,000,000 kg', (SELECT q FROM r WHERE c = 'ZAF' AND commodity = 'platinum-group metals') = 63000000
UNION ALL SELECT 'raree: China 2022 = 210,000 t e', (SELECT (q, qualifier) = (210000, 'e') FROM p WHERE c = 'CHN' AND commodity = 'rare earths' AND year = 2022)
UNION ALL SELECT 'raree salient: NIR compounds and metals 2022 = >95', (SELECT (q, qualifier) = (95, '>') FROM s
                  WHERE commodity = 'rare earths' AND statistic = 'net_import_reliance_compounds_and_metals' AND year = 2022)
UNION ALL SELECT 'germa salient MCS2022: NIR 2017 and 2021 = >50%, 2021 estimated', (SELECT array_agg((value, qualifier, estimated)::text ORDER BY year)
                  = ARRAY['(50,>,f)', '(50,>,t)'] FROM rareearth.published_statistic
                  WHERE edition = 'MCS2022' AND commodity = 'germanium' AND statistic = 'net_import_reliance' AND year IN (2017, 2021))
UNION ALL SELECT 'raree salient MCS2023: 2022 estimated, 2021 not', (SELECT bool_and(estimated = (year = 2022)) AND count(DISTINCT year) = 5
                  FROM rareearth.published_statistic WHERE edition = 'MCS2023' AND commodity = 'rare earths' AND source LIKE '%salient%');
SQL
psql -U "$owner" -d "$db" -F'|' >"$work/commodities.txt" <<'SQL'
SELECT name, unit, array_to_string(file_codes, ' ') FROM rareearth.commodities WHERE file_codes IS NOT NULL;
SQL
psql -U "$owner" -d "$db" -F'|' >"$work/commodity_names.txt" <<'SQL'
SELECT name, usgs_chapter, usgs_name FROM rareearth.commodities;
SQL
# the US salient statistics of the MCS2026 long table, as loaded
psql -U "$owner" -d "$db" -F'|' >"$work/salient_long.txt" <<'SQL'
SELECT commodity, statistic, country::text, year, coalesce(value::text, 'null'), unit,
       coalesce(qualifier, ''), estimated
FROM rareearth.published_statistic
WHERE edition = 'MCS2026' AND source LIKE '%load_usgs_mcs_file%' AND statistic NOT LIKE 'capacity: %';
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

# The folder loop of doc/store-and-loaders.md, run as written (the block after <!-- usgs_mcs_folder_loop -->),
# as the owner into a database of its own: the same counts as above
createdb -O "$owner" "$loop"
psql -U "$owner" -d "$loop" -c "CREATE EXTENSION rareearth" -c "SELECT rareearth.create_store()" >/dev/null
awk '/<!-- usgs_mcs_folder_loop -->/ { armed = 1; next } armed && /^```sh$/ { on = 1; next } on && /^```$/ { exit } on' doc/store-and-loaders.md >"$work/loop.sh"
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
