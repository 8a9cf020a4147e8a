#!/usr/bin/env bash
# Computed net import reliance against USGS's printed figure, side by side
# (import_reliance), each figure checked against an independent computation
# in Python from the input files:
#   1. lithium, cobalt and natural graphite, US, 2023-2024, all forms: the
#      SYNTHETIC fixture test/fixtures/comtrade_us_battery_synthetic.csv
#      (UN Comtrade API v1 format; net weights back-computed from USGS
#      MCS2026's printed US imports and exports with the catalogue's
#      contents) against production from the shipped MCS2026 data release;
#      a declared World total smaller than its own partner row is flagged and
#      not used;
#   2. rare earths, US, 2020-2024, compounds and metals, from the real UN
#      Comtrade sample (not shipped: read from COMTRADE_SAMPLE, default
#      /work/shared/data/comtrade_sample.csv; skipped without it) and the
#      shipped USGS salient statistics (data/load_sample.sql): the flags
#      (value per kg beyond a factor 5 of the code's median of the year,
#      mirror weight beyond a factor 3), the rest of a declared total as a
#      row of its own, reliance with and without flagged rows, and the
#      honest share_of_imports (USA <- China 2024: 0.681 of the declared
#      total, where the listed partners give 1.000); and that the table
#      doc/views.md quotes is the one printed here.
# Run by test/run against the throwaway cluster (PGHOST etc. set); exit 0 = pass.
set -euo pipefail
cd "$(dirname "$0")/../.."
sample=${COMTRADE_SAMPLE:-/work/shared/data/comtrade_sample.csv}
mcs=data/usgs/mcs2026/usgs_mcs2026_commodities_data.csv
fixture=test/fixtures/comtrade_us_battery_synthetic.csv
psql() { command psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }
db=rareearth_trade_reliance_$$ work=$(mktemp -d)
trap 'rm -rf "$work"; dropdb --if-exists "$db" >/dev/null 2>&1 || true' EXIT
createdb "$db"
have_sample=0; [ -r "$sample" ] && have_sample=1
psql -d "$db" >/dev/null <<SQL
CREATE EXTENSION rareearth;
SELECT rareearth.create_store();
SELECT rareearth.stage('usgs_mcs');
\copy usgs_mcs_raw FROM '$mcs' CSV HEADER ENCODING 'WIN1252'
SELECT rareearth.load_usgs_mcs('MCS2026');
SELECT rareearth.stage('comtrade');
\copy pg_temp.comtrade_raw FROM '$fixture' WITH (FORMAT csv, HEADER match)
SELECT rareearth.load_comtrade('SYNTHETIC fixture');
SQL
if [ $have_sample = 1 ]; then
	psql -d "$db" >/dev/null <<SQL
SELECT rareearth.stage('comtrade');
\copy pg_temp.comtrade_raw FROM '$sample' WITH (FORMAT csv, HEADER match)
SELECT rareearth.load_comtrade('UN Comtrade sample');
\i data/load_sample.sql
SQL
fi
# as README's queries run: the schema on the path (its operators compare the typed country columns)
PGOPTIONS='-c search_path=rareearth,public' psql -d "$db" -F, >"$work/db.csv" <<'SQL'
SELECT 'ir', commodity, stage, year, production_t, imports_unflagged_t, exports_unflagged_t, net_import_reliance_unflagged,
       net_import_reliance, usgs_net_import_reliance_pct, usgs_qualifier, gap_unflagged_pp, agrees_with_usgs_unflagged,
       declared_total_flagged, flagged_imports_t, flagged_exports_t
FROM rareearth.import_reliance WHERE country = 'USA' AND year BETWEEN 2020 AND 2024
  AND ((commodity = 'rare earths' AND stage = 'compounds and metals')
       OR (commodity IN ('lithium', 'cobalt', 'graphite (natural)') AND stage = 'all forms'));
SELECT 'share', share_of_imports, share_of_listed_partners FROM rareearth.import_dependency
WHERE reporter = 'USA' AND partner = 'CHN' AND year = 2024 AND hs_code = '2846' AND data_source = 'reporter';
SELECT 'agg', DISTINCT_partner FROM (SELECT DISTINCT rareearth.iso3(partner_area) AS DISTINCT_partner FROM rareearth.trade_reported_total) a;
SELECT 'declared', year, flow, product::text, net_weight_kg FROM rareearth.trade_reported_total
WHERE rareearth.iso3(reporter) = 'USA' AND rareearth.iso3(partner_area) = 'WLD' AND NOT synthetic;
SQL
# the table doc/views.md quotes
PGOPTIONS='-c search_path=rareearth,public' psql -d "$db" -P footer=off -P tuples_only=off -F' | ' -A <<'SQL' >"$work/table.txt"
SELECT commodity, stage, year, round(production_t) AS p, round(imports_unflagged_t) AS m, round(exports_unflagged_t) AS x,
       nir_label_unflagged AS computed, CASE WHEN usgs_qualifier IN ('E', 'W', 'NA') THEN usgs_qualifier
            ELSE coalesce(usgs_qualifier, '') || usgs_net_import_reliance_pct END AS usgs,
       round(gap_unflagged_pp::numeric, 1) AS gap_pp, agrees_with_usgs_unflagged AS agrees
FROM rareearth.import_reliance WHERE country = 'USA' AND year BETWEEN 2020 AND 2024
  AND ((commodity = 'rare earths' AND stage = 'compounds and metals')
       OR (commodity IN ('lithium', 'cobalt', 'graphite (natural)') AND stage = 'all forms'))
ORDER BY commodity, year;
SQL
cat "$work/table.txt"
# with the sample (the rare-earth rows need it), doc/views.md's copy is this table
if [ $have_sample = 1 ]; then
	sed -n '/^<!-- trade_reliance.sh prints: -->$/,/^```$/p' doc/views.md | sed '1,2d;$d' >"$work/doc_table.txt"
	if diff <(sed 's/ *$//' "$work/table.txt") "$work/doc_table.txt"; then
		echo "ok   doc/views.md quotes the table as printed"
	else
		echo "FAIL doc/views.md quotes another table than the one printed (diff above: < printed, > quoted)"
		exit 1
	fi
fi

python3 - "$work/db.csv" "$fixture" "$mcs" "$sample" $have_sample <<'PY'
import csv, statistics, sys
dbcsv, fixture, mcs, sample, have_sample = sys.argv[1:]
db = list(csv.reader(open(dbcsv)))
ok = True
def check(cond, msg):
    global ok
    print(('ok   ' if cond else 'FAIL ') + msg)
    ok = ok and cond
def num(s): return None if s == '' else float(s)
def close(a, b): return (a is None and b is None) or (a is not None and b is not None and abs(a - b) <= 1e-9 * max(1, abs(b)))
def nir(p, m, x):
    if p is None or m is None or x is None or p + m - x <= 0: return None
    return (m - x) / (p + m - x)
ir = {(r[1], r[3]): r for r in db if r[0] == 'ir'}
# contents by hand (atomic weights CIAAW 2021)
LI = 2 * 6.94 / (2 * 6.94 + 12.011 + 3 * 15.999)
CO = 3 * 58.933194 / (3 * 58.933194 + 4 * 15.999)
ND = (2 * 144.242 + 3 * 15.999) / (2 * 144.242)
# 1. the synthetic fixture against MCS2026 production
content = {'283691': ('lithium', LI), '282200': ('cobalt', CO), '250410': ('graphite (natural)', 1.0), '250490': ('graphite (natural)', 1.0)}
mx = {}
for r in csv.DictReader(open(fixture)):
    c, f = content[r['cmdCode']]
    if r['partnerCode'] == '0':
        continue   # the declared World total below its own partner row: flagged, not used
    k = (c, r['refYear'], r['flowCode'])
    mx[k] = mx.get(k, 0) + float(r['netWgt']) * f / 1000
prod = {}
def value(v): return None if v in ('W', 'NA', '') else (0.0 if v == '\u2014' else float(v.replace(',', '')))
chap = {'LITHIUM': 'lithium', 'COBALT': 'cobalt', 'GRAPHITE (NATURAL)': 'graphite (natural)'}
for r in csv.DictReader(open(mcs, encoding='cp1252', newline='')):
    c = chap.get(r['MCS chapter'])
    if not c or r['Country'] != 'United States' or r['Statistics'] != 'Production': continue
    d = r['Statistics_detail'].lower()
    if 'world' in r['Section'].lower() and d == 'mine production':
        prod[(c, r['Year'])] = ('world', value(r['Value']))
    elif 'salient' in r['Section'].lower() and d in ('production: mine', 'production, mine', 'production') \
            and (c, r['Year']) not in prod:
        prod[(c, r['Year'])] = ('salient', value(r['Value']))
for c in ('lithium', 'cobalt', 'graphite (natural)'):
    for y in ('2023', '2024'):
        row = ir.get((c, y))
        p = prod.get((c, y), (None, None))[1]
        m, x = mx.get((c, y, 'M'), 0), mx.get((c, y, 'X'), 0)
        want = nir(p, m, x)
        check(row is not None and close(num(row[4]), p) and close(num(row[5]), m) and close(num(row[6]), x)
              and close(num(row[7]), want),
              '%s %s: P %s, M %.1f, X %.1f, NIR %s (by hand %s)' % (c, y, p, m, x, row and row[7], want))
check(ir[('graphite (natural)', '2024')][13] == 't', 'graphite 2024: the declared World total below its partner row is flagged')
if have_sample != '1':
    print('skip: no UN Comtrade sample at %s (not shipped; set COMTRADE_SAMPLE)' % sample)
    sys.exit(0 if ok else 1)
# 2. rare earths from the real sample
agg = {r[1] for r in db if r[0] == 'agg'}
ALIAS = {'W00': 'WLD', '_X': 'XAN', 'X2': 'XFZ'}
rows = list(csv.DictReader(open(sample, newline='', encoding='utf-8')))
def iso(r): return ALIAS.get(r['partnerISO'], r['partnerISO'])
def kg(r):
    w = num(r['netWgt'])
    return None if w is None or (w == 0 and float(r['primaryValue']) > 0) else w
partner = [r for r in rows if r['partnerCode'] != '0' and iso(r) not in agg]
uv = {}
for r in partner:
    w = kg(r)
    if w and w > 0 and float(r['primaryValue']) > 0:
        uv.setdefault((r['cmdCode'], r['refYear']), []).append(float(r['primaryValue']) / w)
med = {k: statistics.median(v) for k, v in uv.items() if len(v) >= 5}
def uv_flag(code, year, usd, w):
    m = med.get((code, year))
    return bool(w and w > 0 and usd > 0 and m is not None and (usd / w < m / 5 or usd / w > m * 5))
stored_declared = {(r[1], r[2], r[3]): num(r[4]) for r in db if r[0] == 'declared'}
rc = {'2846': 0.85, '280530': ND}
salient = {}
for r in csv.DictReader(open('data/usgs/usgs_us_salient_statistics.csv')):
    if r['statistic'] == 'production_compounds_and_metals':
        k = r['year']
        if k not in salient or r['edition'] > salient[k][0]:
            salient[k] = (r['edition'], float(r['value']))
for y in ('2020', '2021', '2022', '2023', '2024'):
    tot = {'M': 0.0, 'X': 0.0}
    for code in ('2846', '280530'):
        for f in ('M', 'X'):
            mine = [r for r in partner if r['reporterCode'] == '842' and r['refYear'] == y and r['cmdCode'] == code and r['flowCode'] == f]
            world = [r for r in rows if r['reporterCode'] == '842' and r['partnerCode'] == '0' and r['refYear'] == y
                     and r['cmdCode'] == code and r['flowCode'] == f]
            for r in mine:
                mirror = [q for q in partner if q['reporterCode'] == r['partnerCode'] and q['partnerCode'] == '842'
                          and q['refYear'] == y and q['cmdCode'] == code and q['flowCode'] == ('X' if f == 'M' else 'M')]
                w = kg(r); xw = kg(mirror[0]) if mirror else None
                flagged = uv_flag(code, y, float(r['primaryValue']), w) or bool(xw and xw > 0 and (w > 3 * xw or xw > 3 * w))
                if not flagged and w is not None: tot[f] += w * rc[code] / 1000
            if world:
                d = kg(world[0])
                if d is None:   # "not reported": the loader keeps it NULL, or stores Comtrade's qty in kg
                    s = stored_declared.get((y, f, code))
                    check(s in (None, 0.0) or (world[0]['qtyUnitCode'] == '8' and close(s, float(world[0]['qty']))),
                          '%s %s %s: a net weight of 0 is stored as not reported or as qty in kg (%s)' % (y, f, code, s))
                    d = s if s else None
                ws = [kg(r) for r in mine if kg(r) is not None]
                if d is not None and (not ws or max(ws) <= d) and d - sum(ws) > 1e-9 * d:
                    rest_w = d - sum(ws)
                    rest_usd = float(world[0]['primaryValue']) - sum(float(r['primaryValue']) for r in mine if kg(r) is not None)
                    if not uv_flag(code, y, rest_usd, rest_w): tot[f] += rest_w * rc[code] / 1000
    p = salient[y][1]
    want = nir(p, tot['M'], tot['X'])
    row = ir[('rare earths', y)]
    check(close(num(row[5]), tot['M']) and close(num(row[6]), tot['X']) and close(num(row[7]), want),
          'rare earths %s: P %g, M %.1f, X %.1f t REO without flagged rows, NIR %s (by hand %s), USGS %s%s'
          % (y, p, tot['M'], tot['X'], row[7], want, row[10], row[9]))
check(all(ir[('rare earths', y)][8] == '' for y in ('2021', '2022', '2024')),
      'with every row (the concentrate exports at 2846\'s content) apparent consumption is negative: no reliance in 2021, 2022, 2024')
share = next(r for r in db if r[0] == 'share')
check(close(num(share[1]), 116100303.0 / 170469283.0) and close(num(share[2]), 1.0),
      'share_of_imports USA <- China 2846 2024 = 116,100,303 / 170,469,283 = %.3f of the declared total (listed partners: %s)'
      % (116100303.0 / 170469283.0, share[2]))
sys.exit(0 if ok else 1)
PY
