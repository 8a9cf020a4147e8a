#!/usr/bin/env bash
# UN Comtrade: every reporter and partner code of the real
# UN Comtrade sample resolves.  The sample (796 API v1 records, China's
# imports of HS 2846 1993-2024 and US/China flows of 2846 and 280530
# 2020-2024, with comtrade_sample.SOURCES.md) is not shipped: UN Comtrade's
# terms forbid redistribution, so it is read from COMTRADE_SAMPLE (default
# /work/shared/data/comtrade_sample.csv) and the check is skipped without it.
# Checked: load_comtrade refuses no row (no unknown reporter or partner
# code), loaded + refused + aggregate rows = the file's records, the values
# stored in trade_flow and trade_reported_total add up to the file's
# primaryValue (summed by Python's csv module), and every code resolves to
# the country the file's own ISO column names (Comtrade's W00, _X, X2 are
# our WLD, XAN, XFZ; its 58 "Belgium-Luxembourg (...1998)", ISO BEL in the
# file, is the historical BLX).
# Run by test/run against the throwaway cluster (PGHOST etc. set); exit 0 = pass.
set -euo pipefail
cd "$(dirname "$0")/../.."
sample=${COMTRADE_SAMPLE:-/work/shared/data/comtrade_sample.csv}
if [ ! -r "$sample" ]; then
	echo "skip: no UN Comtrade sample at $sample (not shipped; set COMTRADE_SAMPLE)"
	exit 0
fi
psql() { command psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }
db=rareearth_comtrade_sample_$$ work=$(mktemp -d)
trap 'rm -rf "$work"; dropdb --if-exists "$db" >/dev/null 2>&1 || true' EXIT
createdb "$db"
psql -d "$db" -F, >"$work/db.csv" <<SQL
CREATE EXTENSION rareearth;
SELECT rareearth.create_store() \g /dev/null
SELECT rareearth.stage('comtrade') \g /dev/null
\copy pg_temp.comtrade_raw FROM '$sample' WITH (FORMAT csv, HEADER match)
SELECT 'counts', rows_loaded, rows_rejected, rows_aggregate FROM rareearth.load_comtrade('UN Comtrade sample');
SELECT 'rejects', count(*), count(*) FILTER (WHERE reason LIKE 'unknown%') FROM rareearth.load_rejects;
SELECT 'value', (SELECT sum(value_usd) FROM rareearth.trade_flow) + (SELECT sum(value_usd) FROM rareearth.trade_reported_total);
SELECT 'code', c.comtrade, rareearth.iso3(c.country) FROM rareearth.country_reference() c WHERE c.comtrade IS NOT NULL;
SQL

python3 - "$sample" "$work/db.csv" <<'PY'
import csv, sys
sample, dbcsv = sys.argv[1:]
rows = list(csv.DictReader(open(sample, newline='', encoding='utf-8')))
db = list(csv.reader(open(dbcsv)))
counts = next(r for r in db if r[0] == 'counts')[1:]
rejects = next(r for r in db if r[0] == 'rejects')[1:]
value = float(next(r for r in db if r[0] == 'value')[1])
code_iso = {int(r[1]): r[2] for r in db if r[0] == 'code'}
ok = True
def check(cond, msg):
    global ok
    print(('ok   ' if cond else 'FAIL ') + msg)
    ok = ok and cond
loaded, rejected, aggregate = map(int, counts)
check(loaded + rejected + aggregate == len(rows) == 796,
      'loaded %d + refused %d + aggregate %d = the file\'s %d records' % (loaded, rejected, aggregate, len(rows)))
check(rejects == ['0', '0'], 'no record refused, none for an unknown reporter or partner code (%s)' % rejects)
total = sum(float(r['primaryValue']) for r in rows)
check(abs(value - total) <= 1e-9 * total, 'stored values add up to the file\'s primaryValue: %.1f = %.1f' % (value, total))
ALIAS = {'W00': 'WLD', '_X': 'XAN', 'X2': 'XFZ'}
pairs = set()
for r in rows:
    for side in ('reporter', 'partner'):
        pairs.add((int(r[side + 'Code']), r[side + 'ISO'].strip(), r[side + 'Desc']))
bad = []
for code, iso, desc in sorted(pairs):
    want = 'BLX' if code == 58 else ALIAS.get(iso, iso)
    got = code_iso.get(code)
    if got is None or (iso and got != want):
        bad.append((code, iso, desc, got))
check(not bad, 'each of the %d codes resolves to the country of the file\'s ISO column%s'
      % (len({p[0] for p in pairs}), ': ' + repr(bad) if bad else ''))
sys.exit(0 if ok else 1)
PY
