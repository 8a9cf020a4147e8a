#!/usr/bin/env bash
# The real MCS2026 data release (data/usgs/mcs2026/, the
# whole long table, every commodity) loaded by load_usgs_mcs, and every
# loaded production, reserves and capacity cell compared with an
# independent reading of the same file by Python's csv module: same
# commodity, statistic, year, value (converted into the commodity's unit by
# this script's own table of units) and unit, as multisets; every US salient
# statistic (commodity, statistic, year, value and unit as printed,
# qualifier, estimated) compared with test/scripts/usgs_mcs_files.py's
# reading of the section.  Also: loaded + rejected + out of scope = the
# file's 8,886 records, no "unknown country" reject, the world-table rows not
# loaded are only words and ranges, and out of scope are the import sources.
# Run by test/run against the throwaway cluster (PGHOST etc. set); exit 0 = pass.
set -euo pipefail
cd "$(dirname "$0")/../.."
db=rareearth_usgs_all_$$
work=$(mktemp -d)
trap 'rm -rf "$work"; dropdb --if-exists "$db" >/dev/null 2>&1 || true' EXIT
psql() { command psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }
file=data/usgs/mcs2026/usgs_mcs2026_commodities_data.csv

createdb "$db"
psql -d "$db" >"$work/counts" <<SQL
CREATE EXTENSION rareearth;
SELECT rareearth.create_store() \g /dev/null
SELECT rareearth.stage('usgs_mcs') \g /dev/null
\copy usgs_mcs_raw FROM '$file' CSV HEADER ENCODING 'WIN1252'
SELECT rows_loaded, rows_rejected, rows_out_of_scope FROM rareearth.load_usgs_mcs('MCS2026');
SELECT count(*) FROM rareearth.load_rejects WHERE reason LIKE 'unknown country%';
SELECT count(*) FROM rareearth.load_rejects WHERE severity = 'out_of_scope';
SQL
psql -d "$db" -F, >"$work/db.csv" <<'SQL'
SELECT split_part(commodity, ':', 1), 'Production', year, quantity_t, unit FROM rareearth.production
UNION ALL SELECT split_part(commodity, ':', 1), 'Reserves', as_of_year, quantity_t, unit FROM rareearth.reserves
UNION ALL SELECT split_part(commodity, ':', 1), 'Capacity', year, value, unit FROM rareearth.published_statistic
          WHERE statistic LIKE 'capacity: %';
SQL
psql -d "$db" -F'|' >"$work/names.txt" -c "SELECT name, usgs_chapter, usgs_name FROM rareearth.commodities"
psql -d "$db" -F'|' >"$work/salient_db.txt" <<'SQL'
SELECT commodity, statistic, country::text, year, coalesce(value::text, 'null'), unit, coalesce(qualifier, ''), estimated
FROM rareearth.published_statistic WHERE statistic NOT LIKE 'capacity: %';
SQL
python3 test/scripts/usgs_mcs_files.py salient "$file" "$work/names.txt" >"$work/salient_py.txt"

python3 - "$file" "$work/counts" "$work/db.csv" "$work/salient_py.txt" "$work/salient_db.txt" <<'PY'
import collections, csv, re, sys
path, counts, dbcsv, salient_py, salient_db = sys.argv[1:]
TONS = {'metric tons': 1, 'tons': 1, 'thousand metric tons': 1e3, 'thousand metric dry tons': 1e3,
        'million metric tons': 1e6, 'kilograms': 1e-3}
OTHER = {'million carats': ('carats', 1e6), 'thousands of carats': ('carats', 1e3),
         'million cubic meters': ('m3', 1e6), 'million liters': ('l', 1e6)}
rows = list(csv.DictReader(open(path, encoding='cp1252', newline='')))
world = [r for r in rows if r['Section'].startswith('World') and r['Statistics'] in ('Production', 'Reserves', 'Capacity')]
kg = {(r['MCS chapter'], r['Commodity']) for r in world if r['Unit'].strip() == 'kilograms'}
def number(cell):
    c = cell.replace('\xa0', '').strip()
    if c in ('W', 'NA', 'XX'):
        return 'null'
    if c == '\u2014':
        return 0.0
    if c == 's':
        return 0.5
    m = re.fullmatch(r'[<>]?([0-9]{1,3}(?:,[0-9]{3})*|[0-9]+)(\.[0-9]+)?', c)
    return float(m.group(1).replace(',', '') + (m.group(2) or '')) if m else None
expected, refused = collections.Counter(), 0
for r in world:
    v = number(r['Value'])
    if v is None:
        refused += 1
        continue
    u = r['Unit'].strip()
    if u in TONS:
        unit = 'kg' if (r['MCS chapter'], r['Commodity']) in kg else 't'
        f = TONS[u] * (1000 if unit == 'kg' else 1)
    else:
        unit, f = OTHER[u]
    name = r['Commodity'].lower().replace('\u2014', ' ')
    val = 'null' if v == 'null' else '%.9g' % (v * f)
    expected[(name, r['Statistics'], r['Year'], val, unit)] += 1
got = collections.Counter()
for c, s, y, q, u in csv.reader(open(dbcsv)):
    got[(c, s, y, 'null' if q == '' else '%.9g' % float(q), u)] += 1
loaded, rejected, out, unknown = [l for l in open(counts).read().split('\n') if l][0].split('|') + \
    [l for l in open(counts).read().split('\n') if l][1:2]
ok = True
def check(cond, msg):
    global ok
    print(('ok   ' if cond else 'FAIL ') + msg)
    ok = ok and cond
check(int(loaded) + int(rejected) + int(out) == len(rows) == 8886,
      'loaded %s + rejected %s + out of scope %s = %d records' % (loaded, rejected, out, len(rows)))
check(int(unknown) == 0, 'no "unknown country" reject (%s)' % unknown)
filed = [l for l in open(counts).read().split('\n') if l][2]
salient = [r for r in rows if r['Section'].startswith('Salient Statistics')]
outside = sum(1 for r in rows if r not in world and r not in salient)
check(int(filed) == int(out) == outside, 'every row out of scope is filed in load_rejects (%s; Python: %d rows outside the world tables '
      'and the US salient statistics)' % (filed, outside))
py_lines = open(salient_py).read().splitlines()
s_loaded, s_refused = map(int, py_lines[0].split('|'))
check(s_loaded + s_refused == len(salient), 'the %d US salient rows: %d loaded + %d refused by Python\'s reading' % (len(salient), s_loaded, s_refused))
check(int(loaded) == sum(expected.values()) + s_loaded, 'loaded %s = %d numeric world cells + %d US salient statistics read by Python'
      % (loaded, sum(expected.values()), s_loaded))
check(int(rejected) == refused + s_refused, 'rejected %s = %d world cells Python reads as words or ranges + %d US salient rows Python refuses'
      % (rejected, refused, s_refused))
def norm(line):
    f = line.split('|')
    f[4] = f[4] if f[4] == 'null' else '%.9g' % float(f[4])
    return '|'.join(f)
s_got = collections.Counter(norm(l) for l in open(salient_db).read().splitlines())
s_exp = collections.Counter(py_lines[1:])
check(s_got == s_exp, 'every US salient statistic loaded equals Python\'s reading (commodity, statistic, country, year, value, unit, '
      'qualifier, estimated)')
for k in list((s_exp - s_got).items())[:5] + list((s_got - s_exp).items())[:5]:
    print('     differs:', k)
check(got == expected, 'every loaded cell equals Python\'s reading (commodity, statistic, year, value, unit)')
for k in list((expected - got).items())[:5] + list((got - expected).items())[:5]:
    print('     differs:', k)
sys.exit(0 if ok else 1)
PY
