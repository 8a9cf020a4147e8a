#!/usr/bin/env bash
# The reporting views for every commodity.  The real
# MCS2026 data release (data/usgs/mcs2026/) is loaded by load_usgs_mcs and
# the figures of supply_share, supply_concentration and development for
# lithium, cobalt and gallium are checked two independent ways:
#   * plain SQL over the production and reserves rows (no view): a country's
#     share = its row / the sum over the year's rows, HHI = sum of squared
#     percent shares, development rate = production / reserves;
#   * Python's csv module over the same file, with this script's own table
#     of country names and units: every share, rank (named countries only),
#     HHI, CR1, CR3 (named countries over the listed total), listed
#     and printed total, coverage and development rate.
# Also: every view row of every commodity carries its unit, which is the
# commodity's canonical unit, and no figure mixes units or stages.
# Run by test/run against the throwaway cluster (PGHOST etc. set); exit 0 = pass.
set -euo pipefail
cd "$(dirname "$0")/../.."
file=data/usgs/mcs2026/usgs_mcs2026_commodities_data.csv
psql() { command psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }
db=rareearth_mcs_views_$$ work=$(mktemp -d)
trap 'rm -rf "$work"; dropdb --if-exists "$db" >/dev/null 2>&1 || true' EXIT
createdb "$db"
psql -d "$db" >/dev/null <<SQL
CREATE EXTENSION rareearth;
SELECT rareearth.create_store();
SELECT rareearth.stage('usgs_mcs');
\copy usgs_mcs_raw FROM '$file' CSV HEADER ENCODING 'WIN1252'
SELECT rareearth.load_usgs_mcs('MCS2026');
SQL

status=0
# plain SQL against the views: each line is "name|true"
psql -d "$db" -F'|' >"$work/sql_checks" <<'SQL'
SET search_path = rareearth, public;
-- China's share of gallium primary production 2025: its row / the sum over the listed rows
SELECT 'gallium_china_share_2025', abs(s.share - (SELECT p.quantity_t FROM production p WHERE p.commodity = 'gallium' AND p.year = 2025 AND p.country = 'CHN')
                                               / (SELECT sum(p.quantity_t) FROM production p WHERE p.commodity = 'gallium' AND p.year = 2025 AND p.country <> 'WLD')) < 1e-15
       AND abs(s.share - 900000.0 / (900000 + 3000 + 6000)) < 1e-15 AND s.unit = 'kg' AND s.rank = 1
FROM supply_share s WHERE s.commodity = 'gallium' AND s.year = 2025 AND s.country = 'CHN';
-- HHI of cobalt mine production 2025 = sum of squared percent shares, by hand from the rows
WITH p AS (SELECT country, quantity_t FROM production WHERE commodity = 'cobalt' AND year = 2025 AND country <> 'WLD' AND quantity_t IS NOT NULL),
     h AS (SELECT sum((100 * quantity_t / (SELECT sum(quantity_t) FROM p)) ^ 2) AS hhi,
                  max(quantity_t) / (SELECT sum(quantity_t) FROM p) AS cr1 FROM p)
SELECT 'cobalt_hhi_2025', abs(c.hhi - h.hhi) < 1e-9 AND abs(c.cr1 - h.cr1) < 1e-15 AND abs(c.cr1 - 230000.0 / 314600) < 1e-15
       AND c.unit = 't' AND c.stage = 'mining' AND c.dominant_supplier = 'COD'
FROM supply_concentration c, h WHERE c.commodity = 'cobalt' AND c.year = 2025;
-- gallium: refinery (primary) production, in kg, never called mine production
SELECT 'gallium_stage_unit', bool_and(stage = 'metal' AND unit = 'kg') AND count(*) = 2
FROM supply_concentration WHERE commodity = 'gallium';
-- lithium development 2025: Chile 56,000 t / 9,200,000 t
SELECT 'lithium_chile_development_2025', abs(development_rate - 56000.0 / 9200000) < 1e-15 AND abs(reserve_life_years - 9200000.0 / 56000) < 1e-9
       AND unit = 't' AND stage = 'mining'
FROM development WHERE commodity = 'lithium' AND country = 'CHL' AND year = 2025;
-- gallium has no reserves: its development rows show NULL, never a division by zero
SELECT 'gallium_development_null', count(*) = 10 AND bool_and(reserves_t IS NULL AND development_rate IS NULL)
FROM development WHERE commodity = 'gallium';
-- every row of every commodity: the unit is the commodity's canonical unit
SELECT 'units_canonical', bool_and(v.unit = c.unit) AND count(*) > 3000
FROM (SELECT commodity, unit FROM supply_share UNION ALL SELECT commodity, unit FROM supply_concentration
      UNION ALL SELECT commodity, unit FROM development) v
JOIN commodities c ON c.name = split_part(v.commodity, ':', 1);
-- one unit per figure: a (year, commodity, stage) is one row of supply_concentration
SELECT 'one_row_per_figure', count(*) = count(DISTINCT (year, commodity, stage)) FROM supply_concentration;
-- shares of every commodity, year and stage add up to 1
SELECT 'shares_sum_to_1', bool_and(abs(s - 1) < 1e-12)
FROM (SELECT sum(share) AS s FROM supply_share GROUP BY year, commodity, stage HAVING sum(listed_total_t) > 0) x;
-- development only at a commodity's first stage: copper's mine production, not its refinery output
SELECT 'copper_development_mining_only', bool_and(stage = 'mining') AND count(*) > 0 FROM development WHERE commodity = 'copper';
SQL
while IFS='|' read -r name ok; do
	if [ "$ok" = t ]; then echo "ok   $name"; else echo "FAIL $name"; status=1; fi
done <"$work/sql_checks"
[ "$(wc -l <"$work/sql_checks")" -eq 9 ] || { echo "FAIL expected 9 SQL checks"; status=1; }

psql -d "$db" -F, >"$work/share.csv" <<'SQL'
SELECT commodity, year, country, production_t, share, share_of_world_total, rank, listed_total_t, world_total_t, unit, stage
FROM rareearth.supply_share WHERE commodity IN ('lithium', 'cobalt', 'gallium');
SQL
psql -d "$db" -F, >"$work/conc.csv" <<'SQL'
SELECT commodity, year, hhi, cr1, cr3, listed_total_t, world_total_t, coverage, dominant_supplier, unit, stage
FROM rareearth.supply_concentration WHERE commodity IN ('lithium', 'cobalt', 'gallium');
SQL
psql -d "$db" -F, >"$work/dev.csv" <<'SQL'
SELECT commodity, year, country, production_t, reserves_t, development_rate, reserve_life_years, unit
FROM rareearth.development WHERE commodity IN ('lithium', 'cobalt', 'gallium');
SQL

python3 - "$file" "$work" <<'PY' || status=1
import csv, re, sys
path, work = sys.argv[1:]
ISO = {'United States': 'USA', 'Australia': 'AUS', 'Canada': 'CAN', 'China': 'CHN', 'Congo (Kinshasa)': 'COD',
       'Cuba': 'CUB', 'Indonesia': 'IDN', 'Madagascar': 'MDG', 'Papua New Guinea': 'PNG', 'Philippines': 'PHL',
       'Russia': 'RUS', 'Turkey': 'TUR', 'Other countries': 'XAN', 'Japan': 'JPN', 'Argentina': 'ARG',
       'Brazil': 'BRA', 'Chile': 'CHL', 'Mali': 'MLI', 'Portugal': 'PRT', 'Zimbabwe': 'ZWE'}
UNIT = {'metric tons': ('t', 1.0), 'kilograms': ('kg', 1.0)}
STAGE = {'Lithium': 'mining', 'Cobalt': 'mining', 'Gallium': 'metal'}
def number(cell):
    c = cell.replace('\xa0', '').strip()
    if c in ('W', 'NA', 'XX'):
        return None
    if c == '\u2014':
        return 0.0
    assert re.fullmatch(r'[0-9,]+(\.[0-9]+)?', c), c
    return float(c.replace(',', ''))
prod, world, res = {}, {}, {}
for r in csv.DictReader(open(path, encoding='cp1252', newline='')):
    if r['Commodity'] not in STAGE or not r['Section'].startswith('World'):
        continue
    unit, f = UNIT[r['Unit'].strip()]
    key = (r['Commodity'].lower(), int(r['Year']))
    v = number(r['Value'])
    v = None if v is None else v * f
    if r['Statistics'] == 'Production':
        if r['Country'].startswith('World total'):
            world[key] = (v, unit)
        else:
            prod.setdefault(key, {})[ISO[r['Country']]] = (v, unit)
    elif r['Statistics'] == 'Reserves' and not r['Country'].startswith('World total'):
        res[(key[0], ISO[r['Country']], int(r['Year']))] = v
ok = True
def check(cond, msg):
    global ok
    if not cond:
        print('FAIL ' + msg)
        ok = False
def close(a, b, rel=1e-12):
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= rel * max(1.0, abs(b))
def num(s):
    return None if s == '' else float(s)

# supply_share: every listed (non-W) country row
exp_share, exp_conc = {}, {}
for (c, y), rows in prod.items():
    listed = {k: q for k, (q, u) in rows.items() if q is not None}
    unit = {u for (q, u) in rows.values()}.pop()
    total = sum(listed.values())
    w = world[(c, y)][0]
    # ranks, CR-n and the dominant supplier are about named countries: USGS's
    # "Other countries" (XAN) is in the denominator only, never ranked
    named = {k: q for k, q in listed.items() if k != 'XAN'}
    for k, q in listed.items():
        rank = 1 + sum(1 for o in named.values() if o > q) if k != 'XAN' else None
        exp_share[(c, y, k)] = (q, q / total, q / w, rank, total, w, unit, STAGE[c.capitalize()])
    shares = sorted((q / total for q in listed.values()), reverse=True)
    named_shares = sorted((q / total for q in named.values()), reverse=True)
    exp_conc[(c, y)] = (sum((100 * s) ** 2 for s in shares), named_shares[0], sum(named_shares[:3]), total, w, total / w,
                        max(named, key=named.get), unit, STAGE[c.capitalize()])
got = 0
for c, y, k, q, s, sw, rank, lt, wt, unit, stage in csv.reader(open(work + '/share.csv')):
    e = exp_share.get((c, int(y), k))
    check(e is not None, 'supply_share row %s %s %s not in the file' % (c, y, k))
    if e is None:
        continue
    got += 1
    check(close(float(q), e[0]) and close(float(s), e[1]) and close(float(sw), e[2]) and (int(rank) if rank else None) == e[3]
          and close(float(lt), e[4]) and close(float(wt), e[5]) and unit == e[6] and stage == e[7],
          'supply_share %s %s %s: %s against %s' % (c, y, k, (q, s, sw, rank, lt, wt, unit, stage), e))
check(got == len(exp_share), 'supply_share has %d of the file\'s %d listed rows' % (got, len(exp_share)))
print('ok   supply_share: %d rows of lithium, cobalt and gallium equal the file' % got)
got = 0
for c, y, hhi, cr1, cr3, lt, wt, cov, dom, unit, stage in csv.reader(open(work + '/conc.csv')):
    e = exp_conc[(c, int(y))]
    got += 1
    check(close(float(hhi), e[0], 1e-12) and close(float(cr1), e[1]) and close(float(cr3), e[2])
          and close(float(lt), e[3]) and close(float(wt), e[4]) and close(float(cov), e[5])
          and dom == e[6] and unit == e[7] and stage == e[8],
          'supply_concentration %s %s: %s against %s' % (c, y, (hhi, cr1, cr3, lt, wt, cov, dom, unit, stage), e))
check(got == len(exp_conc) == 6, 'supply_concentration has %d rows, the file %d' % (got, len(exp_conc)))
print('ok   supply_concentration: HHI, CR1, CR3, totals and coverage of %d commodity-years equal the file' % got)
got = 0
for c, y, k, q, r, rate, life, unit in csv.reader(open(work + '/dev.csv')):
    got += 1
    p = prod[(c, int(y))][k][0]
    rv = res.get((c, k, int(y)))
    er = None if p is None or not rv else p / rv
    el = None if rv is None or not p else rv / p
    check(close(num(q), p) and close(num(r), rv) and close(num(rate), er) and close(num(life), el),
          'development %s %s %s: %s against %s' % (c, y, k, (q, r, rate, life), (p, rv, er, el)))
check(got == sum(len(v) for v in prod.values()), 'development has %d rows' % got)
print('ok   development: %d rows of lithium, cobalt and gallium equal the file' % got)
sys.exit(0 if ok else 1)
PY
exit $status
