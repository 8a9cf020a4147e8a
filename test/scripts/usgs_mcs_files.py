#!/usr/bin/env python3
"""The independent side of test/scripts/usgs_mcs_files.sh: the shipped USGS MCS
files read with Python's csv module (stdlib only), by the rules the USGS files
themselves state (data/usgs/usgs_mcs_format.md): units, years and estimates in
the header of a per-commodity world file (Prod_t_2021, Prod_kt_est_2022,
Reserves_kg, Cap_t_2022), notes saying which year was estimated too, NA/W/XX
codes, thousands separators.

  usgs_mcs_files.py names FILES             the country names, with the candidates Python tries
  usgs_mcs_files.py check FILES WORK B A    compare with what the database loaded
  usgs_mcs_files.py salient FILE NAMES      the US salient statistics of an MCS2026 long table as
                                            Python reads them: a summary line (loaded, refused), then
                                            one line per loaded cell; NAMES holds name|chapter|USGS name
                                            of every commodity (rareearth.commodities)
"""
import collections
import csv
import io
import os
import re
import sys

LONG_HEADER = ['MCS chapter', 'Section', 'Commodity', 'Country', 'Statistics', 'Statistics_detail',
               'Unit', 'Year', 'Value', 'Notes', 'Is critical mineral 2025', 'Other notes']
# unit codes of the header -> (base unit, size in it); canonical units t, kg, carats, m3
UNITS = {'t': ('kg', 1e3), 'kt': ('kg', 1e6), 'kg': ('kg', 1), 'mt': ('kg', 1e9), 'mmt': ('kg', 1e9),
         'mct': ('carats', 1e6), 'kct': ('carats', 1e3), 'mcm': ('m3', 1e6)}
CANONICAL = {'t': ('kg', 1e3), 'kg': ('kg', 1), 'carats': ('carats', 1), 'm3': ('m3', 1), 'l': ('l', 1)}
STAT = {'prod': 'Production', 'cap': 'Capacity', 'reserves': 'Reserves'}


def read(path):
    raw = open(path, 'rb').read()
    if raw.startswith(b'\xef\xbb\xbf'):
        text = raw[3:].decode('utf-8')
    else:
        try:
            text = raw.decode('utf-8')
        except UnicodeDecodeError:
            text = raw.decode('cp1252')
    # each record with the line it starts on (a quoted field may hold line breaks)
    out, reader, last = [], csv.reader(io.StringIO(text, newline='')), 0
    for rec in reader:
        out.append((last + 1, rec))
        last = reader.line_num
    return out


def header_of(records):
    h = [x.strip() for x in records[0][1]] if records else []
    while h and h[-1] == '':
        h.pop()
    return h


def blank(x):
    return x.replace('\xa0', ' ').strip() == ''


def country_candidates(printed):
    """(kind, candidates): kind WLD/XAN for aggregates, else names to try in order, and the e-stripped one last"""
    s = printed.replace('\xa0', ' ').strip()
    s = re.sub(r'(?<=[^\d\s])\d{1,2}$', '', s).strip()
    if s.lower().startswith('world total'):
        return 'WLD', s, []
    if re.match(r'(?i)other( countries)?e?($|[ (,])', s):
        return 'XAN', s, []
    c = [s, re.sub(r'\s*\([^()]*\)$', '', s), re.sub(r',[^,]*$', '', s)]
    if re.search(r'[a-z]e$', s):
        c.append(s[:-1])
    return None, s, c


def columns(h):
    """value columns: pos -> (statistic, unit code, year, est, words, notes pos)"""
    cols = {}
    for i, name in enumerate(h):
        if i < 3:
            continue
        parts = name.split('_')
        stat = STAT[parts[0].lower()]
        if parts[-1].lower() in ('notes', 'note'):
            continue
        year = next((p for p in parts if re.fullmatch(r'\d{4}', p)), None)
        unit = next(p.lower() for p in parts if p.lower() in UNITS)
        words = [p for p in parts[1:] if not re.fullmatch(r'\d{4}', p) and p.lower() not in UNITS and p.lower() != 'est']
        notes = next((j for j in range(i + 1, len(h)) if h[j].split('_')[0].lower() == parts[0].lower()
                      and h[j].split('_')[-1].lower() in ('notes', 'note')), None)
        cols[i] = (stat, unit, year, 'est' in [p.lower() for p in parts], ' '.join(words), notes)
    return cols


# "Less than N carats." / "Less than N tons" in a salient file: a bound in the
# words' unit; the size of the column's unit code in it
WORDS_UNIT = {('carats', 'mct'): 1e6, ('carats', 'kct'): 1e3, ('carats', 'ct'): 1,
              ('tons', 't'): 1, ('tons', 'kt'): 1e3, ('tons', 'mt'): 1e6, ('tons', 'mmt'): 1e6}


def value(cell, world=True, unit_code=None):
    """(number or None, printed qualifier, estimated) or 'refused' when the cell is no value;
    unit_code: a salient column's unit code (pct, t, mct, ...)"""
    c = cell.replace('\xa0', ' ').strip()
    if not world:
        c = re.sub('^\u2212', '-', c)    # a minus sign printed before a negative figure
        if unit_code == 'pct':
            c = re.sub(r'([0-9])\s*%$', r'\1', c)     # ">50%" in a percent column
        m = re.fullmatch(r'(?i)less than ([0-9][0-9,]*(?:\.[0-9]+)?) *(carats|metric tons|tons)\.?', c)
        if m:
            size = WORDS_UNIT.get(('carats' if m.group(2).lower() == 'carats' else 'tons', unit_code))
            if size is None:
                return 'refused'
            return float(m.group(1).replace(',', '')) / size, '<', False
    est = False
    if re.fullmatch(r'(?i)less than (½|1/2|a half|one-half) unit\.?' if not world else r'(?i)less than ½ unit\.?', c):
        c = 's'
    m = re.fullmatch(r'e([0-9].*)', c)
    if m:
        c, est = m.group(1), True
    if c in ('W', 'NA', 'XX', 'E'):
        return None, c, est
    if c == 's':
        return 0.5, '<', est
    # a sign only in the salient files (the world tables' quantities are never negative)
    m = re.fullmatch(r'([<>]?)(-?)([0-9]{1,3}(?:,[0-9]{3})*|[0-9]+)(\.[0-9]+)?(e?)', c)
    if not m or (world and m.group(2)):
        return 'refused'
    return float(m.group(2) + m.group(3).replace(',', '') + (m.group(4) or '')), m.group(1), est or m.group(5) == 'e'


def commodity_of(code, names, stat, row_type, words):
    if len(names) == 1:
        return names[0]
    label = words or row_type     # the column's own words, else the row's Type
    if code == 'bauxi':
        return 'alumina' if re.search('(?i)alumina', label) else 'bauxite'
    if code == 'plati':
        if re.search('(?i)palladium', label):
            return 'palladium'
        if stat == 'Reserves' or re.search('(?i)pgm|iridium|osmium|rhodium|ruthenium|platinum-group', label):
            return 'platinum-group metals'
        return 'platinum' if re.search('(?i)platinum', label) else 'platinum-group metals'
    if code == 'titan':
        return 'tio2 pigment' if re.search('(?i)pigment|dioxide', label) else 'titanium sponge metal'
    if code == 'heliu':
        return 'helium'
    raise SystemExit('no rule for file code ' + code)


def snake(text):
    """a label in snake case: lower case, apostrophes dropped, % as percent, other runs one _"""
    t = re.sub("['\u2019]", '', text.lower()).replace('%', ' percent')
    return re.sub('[^a-z0-9]+', '_', t).strip('_')


def salient_name(statistics, detail):
    """the statistic name of a salient row of the long table (data/usgs/usgs_mcs_format.md, README):
    the detail in snake case; "Net import reliance as a percentage of apparent consumption" is
    net_import_reliance, what the detail adds after it (or before it) appended, another basis kept"""
    d = detail.replace('\xa0', ' ').strip().lower().replace('relianceas', 'reliance as')
    m = re.fullmatch(r'(.*?)net import reliance as a percentage of (.*?) ?consumption(.*)', d)
    if m is None:
        return 'net_import_reliance' if statistics.strip().lower() == 'net import reliance' else snake(d)
    basis = '' if m.group(2) == 'apparent' else 'of %s consumption ' % m.group(2)
    return snake('net import reliance ' + basis + m.group(1) + ' ' + m.group(3))


def long_salient(recs, names):
    """the Salient Statistics rows of a long table: (loaded cells, loaded lines, refused lines);
    names: (name, chapter, USGS name) of every commodity"""
    exact = {(ch, un.lower()): n for n, ch, un in names}
    chapter = collections.defaultdict(list)
    for n, ch, un in names:
        chapter[ch].append((n, un))
    cells, loaded, refused, keys = collections.Counter(), set(), set(), set()
    for ln, r in recs[1:]:
        if len(r) < 12 or not r[1].strip().startswith('Salient Statistics'):
            continue
        ch, printed = r[0].strip(), r[2].replace('\xa0', ' ').strip()
        commodity = exact.get((ch, printed.lower()))
        name = salient_name(r[4], r[5])
        if commodity is None:
            # an element or part of the chapter's commodity: the chapter's one
            # commodity, else the one named as the chapter, else refused
            of_chapter = chapter.get(ch, [])
            same = [n for n, un in of_chapter if un.lower() == ch.lower()]
            commodity = of_chapter[0][0] if len(of_chapter) == 1 else same[0] if same else None
            if snake(printed) not in name:
                name += '_' + snake(printed)
        country = 'USA' if r[3].replace('\xa0', ' ').strip() == 'United States' else None
        nir = r[4].strip().lower() == 'net import reliance'
        v = value(r[8], world=False)
        if r[8].replace('\xa0', ' ').strip() == '\u2014':
            v = (0.0, '', False)
        if not r[7].strip().isdigit():
            v = 'refused'
        if commodity is None or country is None or v == 'refused' or (v[1] == 'E' and not nir) \
                or (commodity, country, r[7].strip(), name) in keys:
            refused.add(ln)
            continue
        keys.add((commodity, country, r[7].strip(), name))
        number, qual, est = v
        est = est or bool(re.match(r'\s*Estimated\.', r[9]))
        unit = r[6].replace('\xa0', ' ').strip() or 'not printed'
        cells[(commodity, name, country, r[7].strip(), 'null' if number is None else '%.9g' % number, unit,
               qual or ('e' if est else ''), 't' if est else 'f')] += 1
        loaded.add(ln)
    return cells, loaded, refused


def main_salient(path, names_file):
    names = [tuple(line.split('|')) for line in open(names_file).read().splitlines()]
    cells, loaded, refused = long_salient(read(path), names)
    print('%d|%d' % (len(loaded), len(refused)))
    for k, n in sorted(cells.items()):
        for _ in range(n):
            print('|'.join(k))


def main_names(files):
    w = csv.writer(sys.stdout)
    seen = set()
    for path in open(files).read().split():
        recs = read(path)
        h = header_of(recs)
        if h[:2] != ['Source', 'Country'] and h[:12] != LONG_HEADER:
            continue
        col = 1 if h[:2] == ['Source', 'Country'] else 3
        for _, r in recs[1:]:
            if len(r) > col and not blank(r[col]) and r[col] not in seen:
                seen.add(r[col])
                kind, clean, cands = country_candidates(r[col])
                for c in cands or [clean]:
                    w.writerow([r[col], c])


def form(cell):
    """a cell's printed form: every run of digits one 9"""
    return re.sub('[0-9]+', '9', cell.replace('\xa0', ' ').strip())


# every form of a value cell in the shipped per-commodity files, and what the
# USGS legend makes of it: a value (number, bound, code, estimate) or a refusal
# (ranges, words); a form found in no row here fails the test until it is read
FORMS = {
    'loaded': {'9', '9,9', '9,9,9', '9.9', '-9', '\u22129', '<9', '<9,9', '>9', '>9,9,9', '>9%',
               'E', 'W', 'NA', 'XX', 'e9', 'e9,9',
               'Less than 9/9 unit.', 'Less than ½ unit.', 'Less than ½ unit', 'Less than a half unit',
               'Less than one-half unit', 'Less than 9 carats.', 'Less than 9,9 tons'},
    'refused': {'9–9', '9–9,9', 'Small', 'Large', 'Very small', 'Categorized as "large"',
                'Included in World total.', 'Included with ilmenite', 'included with ilmenite',
                'Included with \u201cOther countries.\u201d', 'Variable, depending on type of product'},
}


def main_check(files, work, before, after):
    ok = True
    forms = collections.defaultdict(lambda: [0, 0])

    def check(cond, msg):
        nonlocal ok
        print(('ok   ' if cond else 'FAIL ') + msg)
        ok = ok and bool(cond)

    names = [tuple(line.split('|')) for line in open(os.path.join(work, 'commodity_names.txt')).read().splitlines()]
    commodities, codes = {}, collections.defaultdict(list)
    for line in open(os.path.join(work, 'commodities.txt')).read().splitlines():
        name, unit, cs = line.split('|')
        commodities[name] = unit
        for c in cs.split():
            codes[c].append(name)
    valid, db_country = {}, {}
    for line in open(os.path.join(work, 'name_codes.txt')).read().splitlines():
        printed, cand, code, dbcode = line.split('|')
        if code:
            valid[cand] = code
        db_country[printed] = dbcode

    def resolve(printed):
        kind, clean, cands = country_candidates(printed)
        if kind:
            return kind, kind == 'XAN' and bool(re.match(r'(?i)other( countries)?e($|[ (,])', clean))
        for i, c in enumerate(cands):
            if c in valid:
                return valid[c], i == 3
        return None, False

    counts = {}
    for line in open(os.path.join(work, 'counts')).read().splitlines():
        name, l, r, o = line.split('|')
        counts[name] = (int(l), int(r), int(o))
    rejects = collections.defaultdict(list)
    for line in open(os.path.join(work, 'rejects.txt')).read().splitlines():
        f, ln, sev, col, reason = line.split('|', 4)
        rejects[(f, int(ln) if ln else None, col)].append((sev, reason))
    check(not any(r.startswith('unknown country') for v in rejects.values() for _, r in v),
          'no "unknown country" reject in any shipped file')

    expected = collections.Counter()
    seen_tables = set()

    def finish(name, mine, py, got):
        # a table shipped twice (mcs2024-gypsu_salient.csv is the gypsum world
        # table again) replaces its rows: the store holds it once
        if frozenset(mine.items()) not in seen_tables:
            seen_tables.add(frozenset(mine.items()))
            expected.update(mine)
        if tuple(py) != got:
            print('     %s: database %s, Python %s' % (name, got, tuple(py)))
        return tuple(py) == got
    n_files = n_world = n_salient = 0
    count_ok = True
    refused_py, refused_db = set(), set()
    names_ok, names_checked = True, 0
    dups_ok = True
    for path in open(files).read().split():
        name = os.path.basename(path)
        recs = read(path)
        h = header_of(recs)
        data = recs[1:]
        n_files += 1
        if name not in counts:
            check(False, name + ' was loaded')
            continue
        got = counts[name]
        if sum(got) != len(data):
            count_ok = False
            print('     %s: %s does not add up to %d rows' % (name, got, len(data)))
        if h[:12] == LONG_HEADER:
            # the world tables: compared with load_usgs_mcs below; the US salient
            # statistics: cell for cell with published_statistic, and the rows
            # refused; out of scope: the rows of no world table or salient section
            cells, loaded, refused = long_salient(recs, names)
            db_refused = {ln for (f, ln, _), v in rejects.items() if f == name and any(sev == 'rejected' for sev, _ in v)}
            out = sum(1 for _, r in data if len(r) >= 12 and not r[1].startswith('World')
                      and not r[1].strip().startswith('Salient Statistics'))
            db_cells = collections.Counter()
            for line in open(os.path.join(work, 'salient_long.txt')).read().splitlines():
                f = line.split('|')
                f[4] = f[4] if f[4] == 'null' else '%.9g' % float(f[4])
                db_cells['|'.join(f)] += 1
            py_cells = collections.Counter('|'.join(k) for k in cells.elements())
            check(db_cells == py_cells and len(loaded) > 4000,
                  '%s: every US salient statistic loaded equals Python\'s reading (%d cells: commodity, statistic, country, year, '
                  'value, unit as printed, qualifier, estimated)' % (name, len(loaded)))
            for k in list((py_cells - db_cells).items())[:5] + list((db_cells - py_cells).items())[:5]:
                print('     differs:', k)
            check(refused == db_refused & (loaded | refused) and got[2] == out,
                  '%s: the salient rows Python refuses are refused (%d: commodities of no commodity, words, duplicates), '
                  'those it loads are not; out of scope only the %d other rows (import sources)' % (name, len(refused), out))
            continue
        edition = next((r[0].replace(' ', '').upper() for _, r in data if r and r[0].strip()), None) \
            or 'MCS' + re.search(r'(?i)mcs(\d{4})', name).group(1)
        cover = int(edition[3:])
        code = re.search(r'(?i)mcs\d{4}-?(?:mcs\d{4})?([a-z][a-z0-9-]*)_(?:world|salient)\.csv$', name).group(1).lower()
        if h[:3] == ['DataSource', 'Commodity', 'Year']:
            n_salient += 1
            py = [0, 0, 0]
            mine = collections.Counter()
            file_keys = set()
            for ln, r in data:
                cells = [i for i in range(3, len(h)) if i < len(r) and not blank(r[i])]
                if not cells:
                    py[2] += 1
                    continue
                loaded_any = False
                for i in cells:
                    parts = h[i].split('_')
                    nir = parts[0].upper() == 'NIR'
                    if parts[0].lower() in ('nir', 'usprod'):
                        stat = 'net_import_reliance' if nir else 'production'
                        if re.search('(?i)compounds-metals', h[i]):
                            stat += '_compounds_and_metals'
                        elif re.search('(?i)concentrate', h[i]):
                            stat += '_mineral_concentrates'
                        elif len(parts) > 2:
                            stat += '_' + '_'.join(parts[1:-1]).lower()
                    else:
                        stat = h[i].lower()
                    unit = 'percent' if nir else parts[-1] if len(parts) > 1 else 'not printed'
                    commodity = commodity_of(code, codes[code], None, '', h[i])
                    year = int(r[2]) if re.fullmatch(r'\d{4}', r[2].strip()) else None
                    v = value(r[i], world=False, unit_code='pct' if nir else parts[-1].lower())
                    key = (commodity, stat, year)
                    dup = any(reason.startswith('duplicate') for _, reason in rejects.get((name, ln, str(i + 1)), []))
                    if rejects.get((name, ln, str(i + 1))):
                        refused_db.add((name, ln, str(i + 1)))
                    if dup and key not in file_keys:
                        dups_ok = False
                        print('     %s line %d %s: refused as a duplicate, but no earlier cell of %s' % (name, ln, h[i], key))
                    if v == 'refused' or year is None or not (cover - 5 <= year <= cover - 1) or dup \
                            or (v[1] == 'E' and not nir):
                        refused_py.add((name, ln, str(i + 1)))
                        forms[('salient', form(r[i]))][1] += 1
                        continue
                    file_keys.add(key)
                    number, qual, v_est = v
                    # the latest year is estimated (the release metadata of every salient file)
                    est = v_est or year == cover - 1
                    val = 'null' if number is None else '%.9g' % number
                    mine[(edition, commodity, stat, 'USA', str(year), val, unit, qual or ('e' if est else ''),
                          't' if est else 'f')] += 1
                    forms[('salient', form(r[i]))][0] += 1
                    loaded_any = True
                py[0 if loaded_any else 1] += 1
            count_ok = finish(name, mine, py, got) and count_ok
            continue
        n_world += 1
        cols = columns(h)
        py = [0, 0, 0]
        mine = collections.Counter()
        file_keys = set()
        for ln, r in data:
            if all(blank(x) for x in r):
                py[2] += 1
                continue
            cells = [(i, c) for i, c in cols.items() if i < len(r) and not blank(r[i])]
            if not cells:
                py[2] += 1
                continue
            row_type = r[2].replace('\xa0', ' ').strip() if len(r) > 2 else ''
            country, name_e = resolve(r[1])
            if r[1] in db_country:
                names_checked += 1
                if (country or '') != db_country[r[1]]:
                    names_ok = False
                    print('     country %r: Python %s, database %s' % (r[1], country, db_country[r[1]]))
            loaded_any = False
            for i, (stat, unit, year, est, words, notes_pos) in cells:
                notes = r[notes_pos] if notes_pos is not None and notes_pos < len(r) else ''
                v = value(r[i])
                db = rejects.get((name, ln, str(i + 1)), [])
                dup = any(reason.startswith('duplicate') for _, reason in db)
                if db:
                    refused_db.add((name, ln, str(i + 1)))
                key = (stat, country, year or cover - 1)
                if dup and key not in file_keys:
                    dups_ok = False
                    print('     %s line %d %s: refused as a duplicate, but no earlier cell of %s' % (name, ln, h[i], key))
                if v == 'refused' or country is None or dup or v[1] == 'E':
                    refused_py.add((name, ln, str(i + 1)))
                    forms[('world', form(r[i]))][1] += 1
                    continue
                file_keys.add(key)
                number, qual, v_est = v
                if stat == 'Production' and re.search('(?i)capacity', row_type) and not re.search('(?i)production', row_type):
                    stat = 'Capacity'
                commodity = commodity_of(code, codes[code], stat, row_type, words)
                unit_out = commodities[commodity]
                base, size = UNITS[unit]
                cbase, csize = CANONICAL[unit_out]
                assert base == cbase, (name, h[i])
                y = year or (str(cover - 1) if stat == 'Reserves' else None)
                estimated = est or v_est or name_e or notes.startswith('Estimated.') \
                    or bool(year and re.search(r'(?i)estimated in %s|%s (is|are|was|were) also estimated|estimated in both years'
                                               % (year, year), notes)) \
                    or bool(re.fullmatch(r'(?i)\s*estimated( capacity)?\.?\s*', notes))
                q = qual or ('e' if estimated else '')
                val = 'null' if number is None else '%.9g' % (number * size / csize)
                mine[(edition, commodity, stat, country, y, val, unit_out, q, '')] += 1
                forms[('world', form(r[i]))][0] += 1
                loaded_any = True
            py[0 if loaded_any else 1] += 1
        count_ok = finish(name, mine, py, got) and count_ok
    unknown = sorted(f for f in forms if f[1] not in FORMS['loaded'] | FORMS['refused'])
    misread = sorted(f for f, (n_in, n_out) in forms.items()
                     if (n_in and f[1] in FORMS['refused']) or (not n_in and f[1] in FORMS['loaded']))
    print('     cell forms (family, form: loaded, refused): ' + '; '.join(
        '%s %r: %d, %d' % (f[0], f[1], n[0], n[1]) for f, n in sorted(forms.items())))
    check(not unknown and not misread and all(forms[f][0] > 0 for f in [('salient', '>9%'), ('salient', 'E'), ('salient', 'W'),
          ('salient', 'NA'), ('salient', '<9'), ('salient', '>9'), ('world', 'XX'), ('world', 'W'), ('world', 'NA'),
          ('world', 'e9,9'), ('world', '<9'), ('world', '>9,9,9'), ('salient', 'e9'), ('salient', 'Less than 9 carats.')]),
          'every cell form of the shipped files is read as the legend says (%d forms, %d cells; unknown %s, misread %s)'
          % (len(forms), sum(a + b for a, b in forms.values()), unknown, misread))
    check(count_ok, 'every file: loaded + rejected + out of scope = its data rows, each as Python counts them (%d files, %d world tables, %d salient)'
          % (n_files, n_world, n_salient))
    check(names_ok and names_checked > 0, 'every country spelling resolves as Python cleans it (%d rows)' % names_checked)
    check(refused_py == refused_db, 'the refused cells are the cells Python refuses (%d; words, ranges, two countries, duplicates)'
          % len(refused_py))
    check(dups_ok, 'every cell refused as a duplicate repeats an earlier cell of its file (statistic, country, year)')
    for k in sorted(refused_py ^ refused_db)[:5]:
        print('     differs:', k)
    got = collections.Counter()
    for line in open(os.path.join(work, 'db.txt')).read().splitlines():
        ed, c, s, ctry, y, q, u, qual, est = line.split('|')
        got[(ed, c, s, ctry, y, 'null' if q == '' else '%.9g' % float(q), u, qual, est)] += 1
    check(got == expected and len(got) > 0, 'every loaded cell equals Python\'s reading: %d cells (edition, commodity, statistic, country, year, value, unit, qualifier)'
          % sum(expected.values()))
    for k in list((expected - got).items())[:5] + list((got - expected).items())[:5]:
        print('     differs:', k)
    staged = open(os.path.join(work, 'long_staged.txt')).read()
    check(staged == open(os.path.join(work, 'long_file.txt')).read() and staged.count('\n') > 3000,
          'the MCS2026 long table loads through load_usgs_mcs_file as through load_usgs_mcs (%d rows)' % staged.count('\n'))
    loop = [line.split('|') for line in open(os.path.join(work, 'loop_counts')).read().splitlines()]
    world23 = [f for f in open(files).read().split() if f.startswith('data/usgs/mcs2023/world/')]
    check(len(loop) == len(world23) > 0 and all(tuple(map(int, x[1:])) == counts[x[0]] for x in loop),
          'the documented folder loop loads data/usgs/mcs2023/world (%d files) with the same counts' % len(loop))
    spot = [line.split('|') for line in open(os.path.join(work, 'spot.txt')).read().splitlines()]
    check(len(spot) == 13 and all(v == 't' for _, v in spot), 'cells read off the files by eye: ' + ', '.join(
        w for w, v in spot if v != 't') if any(v != 't' for _, v in spot) else 'cells read off the files by eye (%d: alumina/bauxite, '
        'sponge/pigment, platinum/palladium/PGM, rare earths)' % len(spot))
    odd = open(os.path.join(work, 'odd.err')).read()
    odd_as_2023 = open(os.path.join(work, 'odd2023.err')).read().split('\n')[0]
    check('is the MCS2023 table relabelled as MCS2024' in odd and 'mcs2023-cobal_world.csv' in odd
          and 'download the file again from the MCS2024 data release' in odd and odd_as_2023 == odd.split('\n')[0],
          'mcs2024-cobal_salient.csv (an MCS2023 table marked MCS2024) is refused as such, loaded as MCS2024 or as MCS2023: ' + odd.split('\n')[0])
    wrong = open(os.path.join(work, 'wrong.err')).read()
    check('is edition MCS2023, not MCS2024' in wrong, 'an MCS2023 file loaded as MCS2024 is refused: ' + wrong.split('\n')[0])
    check(before == after, 'the refused loads loaded nothing (%s rows before and after)' % before)
    return ok


if __name__ == '__main__':
    if sys.argv[1] == 'names':
        main_names(sys.argv[2])
    elif sys.argv[1] == 'salient':
        main_salient(sys.argv[2], sys.argv[3])
    else:
        sys.exit(0 if main_check(*sys.argv[2:6]) else 1)
