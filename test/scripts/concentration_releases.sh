#!/usr/bin/env bash
# supply_concentration and supply_share over the real USGS releases a user
# loads: the shipped sample, the MCS2026 long table and every MCS2023 and
# MCS2024 per-commodity file (data/usgs/), then
#   * in every row with figures, hhi_lower <= hhi <= hhi_upper (one
#     denominator, the listed total);
#   * a row has figures exactly when its coverage is known and at least
#     min_concentration_coverage(), and a reason exactly when it has none;
#   * titanium "ilmenite and rutile" (only the US row reports that kind)
#     shows no concentration and no monopoly;
#   * nickel and cobalt mine production 2025: CR3 of named countries, the
#     dominant supplier and the ranks, against Python's csv module reading
#     the MCS2026 file on its own (USGS's "Other countries" in the
#     denominator only, never ranked).
# Run by test/run against the throwaway cluster (PGHOST etc. set); exit 0 = pass.
set -euo pipefail
cd "$(dirname "$0")/../.."
db=rareearth_concentration_$$
work=$(mktemp -d)
trap 'rm -rf "$work"; dropdb --if-exists "$db" >/dev/null 2>&1 || true' EXIT
psql() { command psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }
file=data/usgs/mcs2026/usgs_mcs2026_commodities_data.csv

createdb "$db"
psql -d "$db" -c "CREATE EXTENSION rareearth" -c "SELECT rareearth.create_store()" >/dev/null
psql -d "$db" -f data/load_sample.sql >/dev/null
psql -d "$db" >/dev/null <<SQL
SELECT rareearth.stage('usgs_mcs');
\copy usgs_mcs_raw FROM '$file' CSV HEADER ENCODING 'WIN1252'
SELECT rareearth.load_usgs_mcs('MCS2026');
SQL
# the per-commodity files, as README's loop loads them (the one MCS2023
# table saved under an MCS2024 name is refused by design: left out)
for f in $(ls data/usgs/mcs2023/*/*.csv data/usgs/mcs2024/*/*.csv | grep -v '/mcs2024-cobal_salient\.csv$'); do
	printf '\\set content `base64 -w0 %q`\n' "$f"
	printf "SELECT 1 FROM rareearth.load_usgs_mcs_file(decode(:'content', 'base64'), '%s');\n" "$(basename "$f")"
done | psql -d "$db" >/dev/null

status=0
check() { # name, then the query: one line "true" expected
	local got
	got=$(psql -d "$db" -c "SET search_path = rareearth, public" -c "$2")
	if [ "$got" != t ]; then echo "concentration_releases: $1: got '$got'"; status=1; fi
}
check "rows to check" "SELECT count(*) > 400 FROM supply_concentration"
check "hhi within its bounds in every row" \
	"SELECT bool_and(hhi_lower <= hhi AND hhi <= hhi_upper) FROM supply_concentration WHERE hhi IS NOT NULL"
check "figures exactly when coverage is known and >= the threshold" \
	"SELECT bool_and((hhi IS NOT NULL) = (coverage >= min_concentration_coverage() AND coverage IS NOT NULL)
	            AND (hhi IS NULL) = (concentration_null_reason IS NOT NULL)
	            AND (cr1 IS NULL) = (hhi IS NULL) AND (cr3 IS NULL) = (hhi IS NULL)
	            AND (dominant_supplier IS NULL) = (hhi IS NULL) AND (hhi_lower IS NULL) = (hhi IS NULL))
	 FROM supply_concentration WHERE listed_total_t > 0"
check "titanium ilmenite and rutile: no figure, a reason" \
	"SELECT count(*) >= 2 AND bool_and(hhi IS NULL AND cr1 IS NULL AND dominant_supplier IS NULL AND concentration_class IS NULL
	                                 AND coverage < 0.05 AND concentration_null_reason LIKE 'coverage % is below 0.9%')
	 FROM supply_concentration WHERE commodity = 'titanium mineral concentrates: ilmenite and rutile'"
check "the residual is never ranked, named countries always are" \
	"SELECT bool_and((rank IS NULL) = is_residual) AND bool_and(is_residual = (country = 'XAN')) FROM supply_share"

psql -d "$db" -F'|' >"$work/view.txt" <<'SQL'
SET search_path = rareearth, public;
SELECT 'concentration', commodity, cr3, dominant_supplier, dominant_supplier_name FROM supply_concentration
WHERE year = 2025 AND stage = 'mining' AND commodity IN ('nickel', 'cobalt');
SELECT 'rank', commodity, country, coalesce(rank::text, 'none') FROM supply_share
WHERE year = 2025 AND stage = 'mining' AND commodity IN ('nickel', 'cobalt');
SQL
python3 - "$file" "$work/view.txt" <<'PY' || status=1
import csv, sys
path, view = sys.argv[1:]
NAMES = {'Congo (Kinshasa)': 'COD', 'Indonesia': 'IDN', 'Philippines': 'PHL', 'Russia': 'RUS', 'Canada': 'CAN',
         'New Caledonia': 'NCL', 'China': 'CHN', 'Brazil': 'BRA', 'Australia': 'AUS', 'United States': 'USA',
         'Cuba': 'CUB', 'Madagascar': 'MDG', 'Papua New Guinea': 'PNG', 'Turkey': 'TUR', 'Other countries': 'XAN'}
rows = [r for r in csv.DictReader(open(path, encoding='cp1252', newline=''))
        if r['MCS chapter'] in ('NICKEL', 'COBALT') and r['Section'].startswith('World') and r['Statistics'] == 'Production'
        and r['Statistics_detail'] == 'Mine production' and r['Year'] == '2025']
got = [line.split('|') for line in open(view).read().split('\n') if line]
bad = 0
for chapter, commodity, published_cr3 in (('NICKEL', 'nickel', 0.790), ('COBALT', 'cobalt', 0.895)):
    q = {NAMES[r['Country']]: float(r['Value'].replace(',', '')) for r in rows if r['MCS chapter'] == chapter}
    listed = sum(q.values())
    named = sorted(((v, k) for k, v in q.items() if k != 'XAN'), reverse=True)
    cr3 = sum(v for v, _ in named[:3]) / listed
    # rank(): ties share a rank (Canada and New Caledonia, 140,000 t of nickel each)
    ranks = {k: str(1 + sum(1 for w, _ in named if w > v)) for v, k in named}
    ranks['XAN'] = 'none'
    c = [g for g in got if g[0] == 'concentration' and g[1] == commodity]
    if len(c) != 1 or abs(float(c[0][2]) - cr3) > 1e-12 or round(cr3, 3) != published_cr3 or c[0][3] != named[0][1]:
        print(f"concentration_releases: {commodity} 2025: view {c}, by hand cr3 {cr3} top {named[0][1]}"); bad += 1
    r = {g[2]: g[3] for g in got if g[0] == 'rank' and g[1] == commodity}
    if r != ranks:
        print(f"concentration_releases: {commodity} 2025 ranks: view {r}, by hand {ranks}"); bad += 1
sys.exit(1 if bad else 0)
PY
exit $status
