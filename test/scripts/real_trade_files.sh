#!/usr/bin/env bash
# Real trade files, exactly as their tools wrote them, through the file
# loaders, each checked against an independent reading of the same file by
# Python's csv and json modules (test/scripts/real_trade_files.py):
#   * the real UN Comtrade files of test/fixtures/real/comtrade_files.tsv
#     (comtradeapicall's CSV, the legacy comtrade.un.org CSV, a saved API v1
#     JSON response), read from $RAREEARTH_REAL_FILES (default
#     /var/cache/rareearth-real-files; tools/fetch_real_files.sh fills it):
#     UN Comtrade's terms forbid shipping them, so an absent file is skipped
#     with a loud message, and a present one must have the manifest's sha256;
#   * per file, the layout recognized, and loaded + rejected + aggregate + out
#     of scope = the file's data rows, each count equal to Python's; every
#     row not loaded in load_rejects under its line with its severity;
#   * every stored cell (reporter, partner, flow, HS code, year, month, net
#     weight, value, estimate flags) equal to Python's reading, as multisets;
#     where the file prints ISO codes, they name the country its numeric code
#     was mapped to;
#   * a file whose layout cannot be read (a legacy CSV with its Period
#     column removed) is refused whole (22P04) and loads nothing;
#   * the Comtrade Plus bulk layout (tab-separated; the SYNTHETIC layout
#     fixture test/fixtures/comtrade_files/comtrade_plus_bulk_synthetic.txt)
#     likewise; its gzip file is refused with the command that decompresses
#     it, and the path for files too large for one value (stage, \copy FROM
#     PROGRAM 'gunzip -c', load_comtrade) stores the same flows;
#   * BACI files through load_baci_file likewise: the SYNTHETIC fixture and
#     a real excerpt (test/fixtures/real/, BACI HS92 2021 as an R package
#     rewrote it: quoted header, CRLF, quoted padded q), always; the whole
#     real file (3 MB) when present.  No BACI file as CEPII ships it was found
#     in a public repository.
# Each file is loaded into an emptied store, so the cells stored are its own.
# Run by test/run against the throwaway cluster (PGHOST etc. set); exit 0 = pass.
set -euo pipefail
cd "$(dirname "$0")/../.."
real=${RAREEARTH_REAL_FILES:-/var/cache/rareearth-real-files}
db=rareearth_real_files_$$
owner=rareearth_real_owner_$$
work=$(mktemp -d)
trap 'rm -rf "$work"; dropdb --if-exists "$db" >/dev/null 2>&1; command psql -X -q -d postgres -c "DROP ROLE IF EXISTS $owner" >/dev/null 2>&1; true' EXIT
psql() { command psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }

# loaded by a database owner who is no superuser, into a store of its own
psql -d postgres -c "CREATE ROLE $owner LOGIN NOSUPERUSER" && createdb -O "$owner" "$db"
psql -U "$owner" -d "$db" -c "CREATE EXTENSION rareearth" -c "SELECT rareearth.create_store()" >/dev/null
# what the store holds, one line per flow, as Python prints its expectation
stored_rows="SELECT 'F', rareearth.iso3(reporter), rareearth.iso3(partner), flow, replace(product::text, '.', ''), year,
       coalesce(month, 0), coalesce(net_weight_kg::text, ''), value_usd, CASE WHEN quantity_estimated THEN 't' ELSE 'f' END,
       CASE WHEN net_weight_estimated THEN 't' ELSE 'f' END
FROM rareearth.trade_flow
UNION ALL
SELECT 'T', rareearth.iso3(reporter), rareearth.iso3(partner_area), flow, replace(product::text, '.', ''), year,
       coalesce(month, 0), coalesce(net_weight_kg::text, ''), value_usd, '', ''
FROM rareearth.trade_reported_total;"
psql -U "$owner" -d "$db" -F'|' -c "SELECT coalesce(comtrade::text, ''), coalesce(baci::text, ''), iso3,
	CASE WHEN is_aggregate THEN 't' ELSE 'f' END FROM rareearth.country_reference()" >"$work/reference"

failed=0
skipped=0
# load_one KIND FILE NAME [LOAD_ARGS]: one file into an emptied store, its
# counts, stored rows and rejects printed for Python
load_one() {
	local kind=$1 path=$2 name=$3 args=${4:-}
	local call
	if [ "$kind" = comtrade ]; then
		call="SELECT rows_loaded, rows_rejected, rows_aggregate, rows_out_of_scope, layout
		      FROM rareearth.load_comtrade_file(decode(:'content', 'base64'), '$name'$args)"
	else
		call="SELECT rows_loaded, rows_rejected, rows_aggregate, rows_out_of_scope, ''
		      FROM rareearth.load_baci_file(decode(:'content', 'base64'), '$name'$args)"
	fi
	{ echo "DELETE FROM rareearth.trade_flow; DELETE FROM rareearth.trade_reported_total; DELETE FROM rareearth.load_rejects;"
	  printf '\\set content `base64 -w0 %q`\n' "$path"
	  echo "\\o $work/counts"
	  echo "$call;"
	  echo "\\o $work/loaded"
	  echo "$stored_rows"
	  echo "\\o $work/rejects"
	  echo "SELECT line, severity FROM rareearth.load_rejects WHERE file = '$name';"
	  echo "\\o"; } | psql -U "$owner" -d "$db" -F'|'
	if ! python3 test/scripts/real_trade_files.py "$kind" "$path" "$work/reference" "$work/loaded" "$work/rejects" "$work/counts"; then
		failed=1
	fi
}

# the real UN Comtrade files
while IFS=$'\t' read -r file source sha layout rows; do
	case "$file" in ''|'#'*|file) continue ;; esac
	if [ ! -f "$real/$file" ]; then
		echo "skip: $real/$file not present (UN Comtrade terms forbid shipping it; fetch it from $source with tools/fetch_real_files.sh)"
		skipped=$((skipped + 1))
		continue
	fi
	if [ "$(sha256sum <"$real/$file" | cut -d' ' -f1)" != "$sha" ]; then
		echo "FAIL: $real/$file is not the file of the manifest (sha256 differs; fetch it again from $source)"
		failed=1
		continue
	fi
	if [ "${layout%%:*}" = refused ]; then
		before=$(psql -U "$owner" -d "$db" -c "SELECT count(*) FROM rareearth.trade_flow")
		err=$({ printf '\\set content `base64 -w0 %q`\n' "$real/$file"
		        echo "\\set VERBOSITY verbose"
		        echo "SELECT * FROM rareearth.load_comtrade_file(decode(:'content', 'base64'), '$file');"; } |
		      command psql -X -q -At -U "$owner" -d "$db" 2>&1 >/dev/null || true)
		after=$(psql -U "$owner" -d "$db" -c "SELECT count(*) FROM rareearth.trade_flow")
		if [[ "$err" == *"ERROR:  22P04"* && "$before" == "$after" ]]; then
			echo "$file: refused whole as expected: $(grep -m1 ERROR <<<"$err")"
		else
			echo "FAIL: $file should be refused (22P04) and load nothing: $err"; failed=1
		fi
		continue
	fi
	load_one comtrade "$real/$file" "$file"
	got_layout=$(cut -d'|' -f5 "$work/counts")
	got_rows=$(awk -F'|' '{print $1 + $2 + $3 + $4}' "$work/counts")
	if [ "$got_layout" != "$layout" ] || [ "$got_rows" != "$rows" ]; then
		echo "FAIL: $file: layout \"$got_layout\", $got_rows rows; the manifest says \"$layout\", $rows rows"; failed=1
	fi
done <test/fixtures/real/comtrade_files.tsv

# the Comtrade Plus bulk layout (SYNTHETIC layout fixture)
bulk=test/fixtures/comtrade_files/comtrade_plus_bulk_synthetic.txt
load_one comtrade "$bulk" comtrade_plus_bulk_synthetic.txt ", synthetic => true"
sort "$work/loaded" >"$work/bulk_loaded"
gzip -c "$bulk" >"$work/bulk.txt.gz"
err=$({ printf '\\set content `base64 -w0 %q`\n' "$work/bulk.txt.gz"
        echo "\\set VERBOSITY verbose"
        echo "SELECT * FROM rareearth.load_comtrade_file(decode(:'content', 'base64'), 'bulk.txt.gz', synthetic => true);"; } |
      command psql -X -q -At -U "$owner" -d "$db" 2>&1 >/dev/null || true)
if [[ "$err" == *"ERROR:  22P04: file \"bulk.txt.gz\" is gzip-compressed"* && "$err" == *"gunzip"* ]]; then
	echo "bulk.txt.gz: refused as gzip, with the command to decompress it"
else
	echo "FAIL: a gzip file should be refused (22P04) naming gunzip: $err"; failed=1
fi
# the path for files of more than 1 GB: the staging table, filled by \copy
# from gunzip, the columns named in the file's order (the staging table's
# own spelling; cut drops datasetCode, which has no column there)
cols=$(head -1 "$bulk" | tr '\t' '\n' | grep -vx datasetCode | python3 -c '
import sys
names = {"isnetWgtEstimated": "isNetWgtEstimated", "isgrossWgtEstimated": "isGrossWgtEstimated", "CIFValue": "cifvalue", "FOBValue": "fobvalue"}
print(", ".join("\"%s\"" % names.get(c, c) for c in sys.stdin.read().split()))')
ncols=$(head -1 "$bulk" | tr '\t' '\n' | grep -vxc datasetCode)
psql -U "$owner" -d "$db" -F'|' >"$work/staged_loaded" <<SQL
DELETE FROM rareearth.trade_flow; DELETE FROM rareearth.trade_reported_total;
BEGIN;
SELECT rareearth.stage('comtrade') \\g /dev/null
\\copy pg_temp.comtrade_raw ($cols) FROM PROGRAM 'gunzip -c $work/bulk.txt.gz | cut -f1-$ncols' WITH (FORMAT csv, DELIMITER E'\\t', HEADER true)
SELECT * FROM rareearth.load_comtrade('bulk file, staged', synthetic => true) \\g /dev/null
COMMIT;
$stored_rows
SQL
if sort "$work/staged_loaded" | cmp -s - "$work/bulk_loaded" && [ -s "$work/bulk_loaded" ]; then
	echo "bulk file through stage, \\copy FROM PROGRAM 'gunzip -c' and load_comtrade: the same $(wc -l <"$work/bulk_loaded") flows"
else
	echo "FAIL: the staged bulk file stored other flows:"; diff <(sort "$work/staged_loaded") "$work/bulk_loaded" || true; failed=1
fi

# a legacy download in SITC (S2) is refused for its classification: its
# codes look like HS codes (the SYNTHETIC legacy fixture, relabelled S2)
sed '2,$s/^H4,/S2,/' test/fixtures/comtrade_files/legacy_comtrade_synthetic.csv >"$work/legacy_sitc.csv"
sitc=$({ printf '\\set content `base64 -w0 %q`\n' "$work/legacy_sitc.csv"
         echo "SELECT rows_loaded, rows_rejected, rows_aggregate, rows_out_of_scope FROM rareearth.load_comtrade_file(decode(:'content', 'base64'), 'legacy_sitc.csv', synthetic => true);"
         echo "SELECT count(*) FROM rareearth.load_rejects WHERE file = 'legacy_sitc.csv' AND reason = 'classification \"S2\" is not HS: its commodity codes are no HS codes';"; } |
       psql -U "$owner" -d "$db" -F'|')
if [ "$sitc" = $'0|4|0|0\n3' ]; then
	echo "legacy_sitc.csv: 4 SITC rows refused, 3 for their classification (the 4th for its flow code 5)"
else
	echo "FAIL: a legacy SITC file should be refused row by row for its classification: $sitc"; failed=1
fi

# BACI: the file loader on t,i,j,k,v,q files, always: the SYNTHETIC fixture
# and the real excerpt shipped (its release read from its name); the whole
# real file when present
load_one baci test/fixtures/baci_synthetic.csv baci_synthetic.csv ", release => 'BACI SYNTHETIC', synthetic => true"
excerpt=BACI_HS92_Y2021_V202301_excerpt_R-IO-PS.csv
load_one baci "test/fixtures/real/$excerpt" "$excerpt"
if [ "$(psql -U "$owner" -d "$db" -c "SELECT DISTINCT release FROM rareearth.trade_flow")" != "BACI HS92 V202301" ]; then
	echo "FAIL: $excerpt: the release was not read from the file name"; failed=1
fi
while IFS=$'\t' read -r file source sha release rows; do
	case "$file" in ''|'#'*|file) continue ;; esac
	if [ ! -f "$real/$file" ]; then
		echo "skip: $real/$file not present (too large to ship; fetch it from $source with tools/fetch_real_files.sh)"
		skipped=$((skipped + 1))
	elif [ "$(sha256sum <"$real/$file" | cut -d' ' -f1)" != "$sha" ]; then
		echo "FAIL: $real/$file is not the file of the manifest (sha256 differs; fetch it again from $source)"; failed=1
	else
		load_one baci "$real/$file" "$file" ", release => '$release'"
		if [ "$(awk -F'|' '{print $1 + $2 + $3 + $4}' "$work/counts")" != "$rows" ]; then
			echo "FAIL: $file: the counts do not add up to the manifest's $rows rows"; failed=1
		fi
	fi
done <test/fixtures/real/baci_files.tsv

if [ "$skipped" -gt 0 ]; then
	echo "NOTE: $skipped real file(s) skipped: run tools/fetch_real_files.sh on a machine with internet"
fi
exit $failed
