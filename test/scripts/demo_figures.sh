#!/usr/bin/env bash
# The case study (data/demo.sql, behind `make demo`) prints the roadmap's
# figures: the fold change to Russia's stated target and the growth it
# requires from 2024 and from 2025.  Checked against an independent reading
# of the shipped CSV files (awk), not against the demo's own SQL.
# Run by test/run against the throwaway cluster (PGHOST etc. set); exit 0 = pass.
set -euo pipefail
cd "$(dirname "$0")/../.."
PGBIN=$(${PG_CONFIG:-$(test/pg-config)} --bindir)
db=rareearth_demo_$$
out=$(mktemp)
trap '"$PGBIN/dropdb" --if-exists "$db" >/dev/null 2>&1 || true; rm -f "$out"; rm -rf demo-out.test.$$' EXIT
"$PGBIN/createdb" "$db"
mkdir -p demo-out
"$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -d "$db" -f data/demo.sql >"$out" 2>&1 || { cat "$out"; exit 1; }

# independent figures: the stated target and base, and Russia's output in
# 2024 and 2025 as the latest MCS edition printing each year gives it
read -r base target target_year < <(awk -F, '$1 == "RUS" && $3 == "production" { print $6, $8, $7 }' data/russia_targets.csv)
russia() { awk -F, -v y="$1" '$2 == "RUS" && $3 == y { if ($6 > ed) { ed = $6; v = $4 } } END { print v }' data/usgs/usgs_rare_earths_production.csv; }
p2024=$(russia 2024); p2025=$(russia 2025)
fold=$(awk -v b="$base" -v t="$target" 'BEGIN { printf "%.1f", t / b }')
g2024=$(awk -v p="$p2024" -v t="$target" -v n=$((target_year - 2024)) 'BEGIN { printf "%.1f", ((t / p) ^ (1 / n) - 1) * 100 }')
g2025=$(awk -v p="$p2025" -v t="$target" -v n=$((target_year - 2025)) 'BEGIN { printf "%.1f", ((t / p) ^ (1 / n) - 1) * 100 }')
status=0
check() { # what pattern
	if ! grep -Eq "$2" "$out"; then echo "demo_figures: $1 not printed (looked for /$2/)"; status=1; fi
}
check "fold change $fold" "^ +$fold +\| +$base +\| +$target +\| +$target_year"
check "required growth from 2024 ($g2024%)" "^ +2024 +\| +$p2024 +\|.*\| +$target_year +\| +$g2024$"
check "required growth from 2025 ($g2025%)" "^ +2025 +\| +$p2025 +\|.*\| +$target_year +\| +$g2025$"
check "what cannot be computed" "Not computable from the shipped data"
[ "$fold" = 19.2 ] && [ "$g2024" = 63.7 ] && [ "$g2025" = 80.6 ] || { echo "demo_figures: the shipped data changed: $fold $g2024 $g2025"; status=1; }
[ $status -eq 0 ] || sed -n '/== 9/,/Not computable/p' "$out"
exit $status
