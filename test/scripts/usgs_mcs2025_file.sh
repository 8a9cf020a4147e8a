#!/usr/bin/env bash
# The MCS2025 world data layout (one file of every commodity, SOURCE,
# COMMODITY, COUNTRY, TYPE, UNIT_MEAS, PROD_2023, PROD_EST_ 2024, ...,
# RESERVES_2024) read by load_usgs_mcs_file, on the layout fixture
# test/fixtures/MCS2025_World_Data_fixture.csv (real MCS2025 rare-earth
# figures in the published column layout; see its generator), compared cell
# for cell with Python's csv reading of the same file by the layout's own
# rules: EST in a column name or "2023 is also estimated" in PROD_NOTES
# marks an estimate, NA is not available, >90000000 a lower bound, the unit
# the row's UNIT_MEAS, reserves as of 2024; countries by the iso3 column of
# the figures' source (data/usgs/usgs_rare_earths_*.csv).  Also: loaded +
# rejected + out of scope = the data rows, and the SYNTHETIC row naming no
# commodity is rejected with the reason.
# Run by test/run against the throwaway cluster (PGHOST etc. set); exit 0 = pass.
set -euo pipefail
cd "$(dirname "$0")/../.."
db=rareearth_mcs2025_$$
work=$(mktemp -d)
trap 'rm -rf "$work"; dropdb --if-exists "$db" >/dev/null 2>&1 || true' EXIT
psql() { command psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }
file=test/fixtures/MCS2025_World_Data_fixture.csv

createdb "$db"
psql -d "$db" -c "CREATE EXTENSION rareearth" -c "SELECT rareearth.create_store()" >/dev/null
psql -d "$db" -F'|' >"$work/counts" <<SQL
\set content \`base64 -w0 $file\`
SELECT rows_loaded, rows_rejected, rows_out_of_scope FROM rareearth.load_usgs_mcs_file(decode(:'content', 'base64'), 'MCS2025_World_Data.csv');
SQL
psql -d "$db" -F'|' >"$work/db.txt" <<'SQL'
SELECT 'P', rareearth.iso3(country), year, coalesce(quantity_t::text, ''), coalesce(qualifier, ''), commodity, unit
FROM rareearth.production WHERE edition = 'MCS2025'
UNION ALL
SELECT 'R', rareearth.iso3(country), as_of_year, coalesce(quantity_t::text, ''), coalesce(qualifier, ''), commodity, unit
FROM rareearth.reserves WHERE edition = 'MCS2025';
SQL
psql -d "$db" -F'|' >"$work/rejects.txt" -c "SELECT line, severity, reason FROM rareearth.load_rejects"

python3 - "$file" "$work" <<'PY'
import collections, csv, os, re, sys
path, work = sys.argv[1:]
iso = {'Other countries': 'XAN', 'World total (rounded)': 'WLD'}
for r in csv.DictReader(open('data/usgs/usgs_rare_earths_production.csv', newline='')):
    if r['iso3']:
        iso.setdefault(r['country'], r['iso3'])
rows = list(csv.DictReader(open(path, encoding='cp1252', newline='')))
expected, n_loaded, n_rejected = collections.Counter(), 0, 0
for r in rows:
    if r['COMMODITY'].strip().lower() != 'rare earths':
        n_rejected += 1
        continue
    n_loaded += 1
    assert r['UNIT_MEAS'] == 'metric tons'
    c = iso[r['COUNTRY']]
    for col, year in (('PROD_2023', 2023), ('PROD_EST_ 2024', 2024)):
        est = 'EST' in col or re.search(r'%d is also estimated' % year, r['PROD_NOTES'])
        expected[('P', c, str(year), '%g' % float(r[col]), 'e' if est else '', 'rare earths', 't')] += 1
    v = r['RESERVES_2024']
    if v:
        m = re.fullmatch(r'([<>]?)([0-9]+)', v)
        expected[('R', c, '2024', '' if v == 'NA' else '%g' % float(m.group(2)),
                  'NA' if v == 'NA' else m.group(1), 'rare earths', 't')] += 1
got = collections.Counter()
for line in open(os.path.join(work, 'db.txt')).read().splitlines():
    k, c, y, q, qual, com, unit = line.split('|')
    got[(k, c, y, '' if q == '' else '%g' % float(q), qual, com, unit)] += 1
counts = tuple(map(int, open(os.path.join(work, 'counts')).read().split('|')))
rejects = open(os.path.join(work, 'rejects.txt')).read().splitlines()
ok = True
def check(cond, msg):
    global ok
    print(('ok   ' if cond else 'FAIL ') + msg)
    ok = ok and bool(cond)
check(got == expected and len(got) > 40, 'every cell of the MCS2025 layout loads as Python reads it (%d cells: production 2023 and '
      '2024, reserves as of 2024, value, qualifier, unit)' % sum(expected.values()))
for k in list((expected - got).items())[:5] + list((got - expected).items())[:5]:
    print('     differs:', k)
check(counts == (n_loaded, n_rejected, 0), 'loaded, rejected, out of scope = %s, as Python counts the %d data rows' % (counts, len(rows)))
check(rejects and all('unknown commodity "SYNTHETIC' in x and x.startswith('%d|rejected|' % (len(rows) + 1)) for x in rejects),
      'the row naming no commodity is rejected with the reason: ' + (rejects[0] if rejects else 'none'))
sys.exit(0 if ok else 1)
PY
