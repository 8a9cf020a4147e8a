#!/usr/bin/env python3
"""Prints the VALUES of rareearth.commodities (src/sql/install/24_commodities.sql)
from the USGS MCS2026 long table and the MCS2023/MCS2024 per-commodity file
names.  Run: tools/gen_commodities.py ../shared/data/usgs_mcs_releases
One row per commodity of a world table (the Commodity column of a World ...
section: Bauxite and Alumina, Platinum and Palladium are separate), plus one
per chapter without a world table.  The canonical name is the Commodity column
in lower case; the unit is kg where any of its world series is printed in
kilograms, carats for diamonds and gemstones, m3 / l for gases, else t."""
import collections, csv, glob, os, re, sys

root = sys.argv[1]
rows = list(csv.DictReader(open(os.path.join(root, 'mcs2026/usgs_mcs2026_commodities_data.csv'),
                                encoding='cp1252', newline='')))
BASE = {'metric tons': 't', 'thousand metric tons': 't', 'million metric tons': 't',
        'thousand metric dry tons': 't', 'tons': 't', 'kilograms': 'kg',
        'million carats': 'carats', 'thousands of carats': 'carats',
        'million cubic meters': 'm3', 'million liters': 'l'}
CODE_CHAPTER = {'alumi': 'ALUMINUM', 'bauxi': 'BAUXITE AND ALUMINA', 'feore': 'IRON ORE',
                'fepig': 'IRON OXIDE PIGMENTS', 'fesla': 'IRON AND STEEL SLAG', 'feste': 'IRON AND STEEL',
                'fescr': 'IRON AND STEEL SCRAP', 'mgcomp': 'MAGNESIUM COMPOUNDS', 'mgmet': 'MAGNESIUM METAL',
                'simet': 'SILICON', 'sandc': 'SAND AND GRAVEL (CONSTRUCTION)',
                'sandi': 'SAND AND GRAVEL (INDUSTRIAL)', 'stonec': 'STONE (CRUSHED)', 'stond': 'STONE (DIMENSION)',
                'timin': 'TITANIUM MINERAL CONCENTRATES', 'titan': 'TITANIUM AND TITANIUM DIOXIDE',
                'plati': 'PLATINUM-GROUP METALS', 'zirco': 'ZIRCONIUM AND HAFNIUM',
                'zirco-hafni': 'ZIRCONIUM AND HAFNIUM', 'nitro': 'NITROGEN (FIXED)—AMMONIA',
                'diamo': 'DIAMOND (INDUSTRIAL)', 'quartz': 'QUARTZ (HIGH-PURITY)', 'raree': 'RARE EARTHS',
                'abras': 'ABRASIVES (MANUFACTURED)'}
chapters = []
for r in rows:
    if r['MCS chapter'] not in chapters:
        chapters.append(r['MCS chapter'])
codes = collections.defaultdict(set)
for f in glob.glob(os.path.join(root, 'mcs202[34]/*/*.csv')):
    m = re.match(r'mcs202\d-?(.+?)_(world|salient)\.csv$', os.path.basename(f).lower())
    code = m.group(1)
    ch = CODE_CHAPTER.get(code) or next((c for c in chapters if c.lower().replace(' ', '').startswith(code)), None)
    if ch:
        codes[ch].add(code)
    else:
        print('-- no chapter for file code', code, file=sys.stderr)
world = collections.OrderedDict()
data_unit = {}
for r in rows:
    ch = r['MCS chapter']
    m = re.match(r'\(Data in (.*?)\)(?: --|$)', r['Other notes'].replace('\xa0', ' '))
    if m and ch not in data_unit:
        data_unit[ch] = m.group(1)
    if r['Section'].startswith('World') and r['Statistics'] in ('Production', 'Reserves', 'Capacity'):
        world.setdefault((ch, r['Commodity']), set()).add(BASE[r['Unit'].strip()])
out = []
for ch in chapters:
    names = [(c, u) for (h, c), u in world.items() if h == ch]
    if not names:
        names = [(ch.title().replace(' And ', ' and '), {'kg' if data_unit.get(ch, '').startswith('kilograms') else 't'})]
    for c, units in names:
        unit = 'kg' if 'kg' in units else sorted(units)[0]
        out.append((c.lower().replace('—', ' ').replace('’', "'"), ch, c, ','.join(sorted(codes.get(ch, ()))) or None,
                    unit, data_unit.get(ch)))
q = lambda s: 'NULL' if s is None else "'" + s.replace("'", "''") + "'"
print(',\n'.join('\t(%s, %s, %s, %s, %s, %s)' % (q(n), q(h), q(c), 'NULL' if f is None else "'{%s}'" % f, q(u), q(d))
                 for n, h, c, f, u, d in out) + ';')
