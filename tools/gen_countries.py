#!/usr/bin/env python3
"""Generate src/core/country_table.c, the country table of the pure-C core.

Inputs (python3 standard library only):
  - Debian's iso-codes ISO 3166-1 list, /usr/share/iso-codes/json/iso_3166-1.json
    (package iso-codes): alpha_2, alpha_3, numeric (= UN M49 for countries),
    name, official_name, common_name;
  - src/core/country_overlay.csv: the hand-maintained facts iso-codes lacks
    (M49 regions, UN Comtrade and CEPII BACI codes, extra names, EU
    membership, special and historical entries); its header says where each
    kind of fact comes from;
  - src/core/country_codes_extra.csv: numbers Comtrade or BACI publish beside
    an entry's own code (legacy and historical codes), read as that entry,
    and the numbers refused with a reason.

Checks, failing the generation: every ISO entry has an overlay row; no two
entries share a lookup key (code or folded name); a number means the same
entry whichever scheme it is read in (so no Comtrade or BACI code collides
with another entry's M49 code).

    python3 tools/gen_countries.py [ISO_JSON] > src/core/country_table.c
"""
import csv
import json
import os
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ISO_JSON = sys.argv[1] if len(sys.argv) > 1 else '/usr/share/iso-codes/json/iso_3166-1.json'
OVERLAY = os.path.join(ROOT, 'src', 'core', 'country_overlay.csv')
EXTRA = os.path.join(ROOT, 'src', 'core', 'country_codes_extra.csv')


def fail(msg):
    sys.exit('gen_countries: ' + msg)


def fold(s):
    """The lookup form: trimmed, ASCII letters lower-cased (as the C parser does)."""
    return ''.join(c.lower() if 'A' <= c <= 'Z' else c for c in s.strip())


def ascii_variant(s):
    """'Türkiye' -> 'Turkiye', 'Côte d'Ivoire' -> 'Cote d'Ivoire' (accents dropped)."""
    d = unicodedata.normalize('NFKD', s)
    return ''.join(c for c in d if not unicodedata.combining(c))


def c_str(s):
    out = '"'
    for b in s.encode('utf-8'):
        ch = chr(b)
        if ch in '"\\':
            out += '\\' + ch
        elif 32 <= b < 127:
            out += ch
        else:
            out += '\\%03o' % b
    return out + '"'


def main():
    iso = {e['alpha_3']: e for e in json.load(open(ISO_JSON, encoding='utf-8'))['3166-1']}
    rows = []
    with open(OVERLAY, encoding='utf-8') as f:
        lines = [ln for ln in f if not ln.startswith('#')]
    for r in csv.DictReader(lines):
        rows.append(r)
    entries = []
    seen = set()
    for r in rows:
        a3 = r['alpha3']
        if a3 in seen:
            fail('duplicate overlay row ' + a3)
        seen.add(a3)
        if len(a3) != 3 or not all(c.isdigit() or 'A' <= c <= 'Z' for c in a3):
            fail('bad alpha3 ' + a3)
        e = iso.get(a3)
        names = [n for n in r['names'].split('|') if n]
        if e is not None:
            alpha2 = e['alpha_2']
            m49 = int(e['numeric'])
            name = e['name']
            names = [e['name']] + [e[k] for k in ('official_name', 'common_name') if k in e] + names
        else:
            if not names:
                fail('special entry %s needs a name' % a3)
            alpha2 = r['alpha2']
            m49 = int(r['m49']) if r['m49'] else -1
            name = names[0]
        comtrade = -1 if r['comtrade'] == '-' else int(r['comtrade']) if r['comtrade'] else m49
        baci = -1 if r['baci'] == '-' else int(r['baci']) if r['baci'] else comtrade
        entries.append(dict(alpha3=a3, alpha2=alpha2, m49=m49, comtrade=comtrade, baci=baci,
                            name=name, names=names, region=r['region'], subregion=r['subregion'],
                            aggregate=r['aggregate'] == 't',
                            eu_from=int(r['eu_from'] or 0), eu_until=int(r['eu_until'] or 0)))
    for a3 in iso:
        if a3 not in seen:
            fail('ISO 3166-1 entry %s has no overlay row' % a3)
    # Sorted by alpha-3: the packed code (see country.c) orders the same way.
    entries.sort(key=lambda e: e['alpha3'])

    keys = {}
    def add_key(k, i):
        k = fold(k)
        if not k:
            return
        if keys.get(k, i) != i:
            fail('key "%s" names both %s and %s' % (k, entries[keys[k]]['alpha3'], entries[i]['alpha3']))
        keys[k] = i
    for i, e in enumerate(entries):
        add_key(e['alpha3'], i)
        if e['alpha2']:
            add_key(e['alpha2'], i)
        for n in e['names']:
            add_key(n, i)
            add_key(ascii_variant(n), i)

    # the extra numbers: (scheme, code) -> entry index, or a refusal reason
    index_of = {e['alpha3']: i for i, e in enumerate(entries)}
    extra = {'comtrade': [], 'baci': []}
    refused = []
    with open(EXTRA, encoding='utf-8') as f:
        lines = [ln for ln in f if not ln.startswith('#')]
    for r in csv.DictReader(lines):
        scheme, code = r['scheme'], int(r['code'])
        if scheme not in extra or not r['reason'] or not r['source']:
            fail('extra code %s %s needs a scheme (comtrade, baci), a reason and a source' % (scheme, code))
        if r['alpha3'] == '-':
            refused.append((scheme, code, '%s (%s)' % (r['published_name'], r['reason'])))
        elif r['alpha3'] in index_of:
            extra[scheme].append((code, index_of[r['alpha3']]))
        else:
            fail('extra code %s %d names no entry %s' % (scheme, code, r['alpha3']))

    # One meaning per number across the schemes the text input tries.
    numbers = {}
    def claim(c, i, what):
        if numbers.get(c, i) != i:
            fail('code %d (%s of %s) is also a code of %s' % (c, what, entries[i]['alpha3'], entries[numbers[c]]['alpha3']))
        numbers[c] = i
    for i, e in enumerate(entries):
        for scheme in ('m49', 'comtrade', 'baci'):
            if e[scheme] >= 0:
                claim(e[scheme], i, scheme)
    for scheme in extra:
        for c, i in extra[scheme]:
            claim(c, i, scheme + ' (extra)')
    # a refused number is no entry's number in its scheme (another scheme may
    # use it: Comtrade's 492 "Europe EU, nes" is Monaco's M49 code)
    for scheme, c, _ in refused:
        taken = [i for n, i in extra[scheme] if n == c] + [i for i, e in enumerate(entries) if e[scheme] == c]
        if taken:
            fail('refused %s code %d is a code of %s' % (scheme, c, entries[taken[0]]['alpha3']))

    def num_index(scheme):
        own = [(e[scheme], i) for i, e in enumerate(entries) if e[scheme] >= 0]
        return sorted(set(own + extra.get(scheme, [])))

    out = []
    w = out.append
    w('/*')
    w(' * country_table.c — GENERATED by tools/gen_countries.py; do not edit.')
    w(' * Sources: Debian iso-codes iso_3166-1.json (ISO 3166-1),')
    w(' * src/core/country_overlay.csv (UN M49 regions, UN Comtrade and CEPII BACI')
    w(' * codes, extra names, EU membership, special and historical entries) and')
    w(' * src/core/country_codes_extra.csv (legacy and historical numbers).')
    w(' */')
    w('#include "rareearth_core.h"')
    w('')
    w('const re_country re_countries[] = {')
    for e in entries:
        w('\t{%s, %s, %d, %d, %d, %s, %s, %s, %s, %d, %d},' % (
            c_str(e['alpha3']), c_str(e['alpha2']), e['m49'], e['comtrade'], e['baci'],
            c_str(e['name']), c_str(e['region']), c_str(e['subregion']),
            'true' if e['aggregate'] else 'false', e['eu_from'], e['eu_until']))
    w('};')
    w('const uint32_t re_country_count = %d;' % len(entries))
    w('')
    w('/* lookup keys (codes and names, ASCII letters lower-cased), sorted bytewise */')
    w('const re_country_key re_country_keys[] = {')
    for k in sorted(keys, key=lambda s: s.encode('utf-8')):
        w('\t{%s, %d},' % (c_str(k), keys[k]))
    w('};')
    w('const uint32_t re_country_key_count = %d;' % len(keys))
    for scheme in ('m49', 'comtrade', 'baci'):
        idx = num_index(scheme)
        w('')
        w('const re_country_num re_country_%s[] = {' % scheme)
        for c, i in idx:
            w('\t{%d, %d},' % (c, i))
        w('};')
        w('const uint32_t re_country_%s_count = %d;' % (scheme, len(idx)))
    w('')
    w('/* numbers refused, with why (country_codes_extra.csv) */')
    w('const re_country_refusal re_country_refusals[] = {')
    for scheme, c, reason in sorted(refused):
        w('\t{RE_SCHEME_%s, %d, %s},' % (scheme.upper(), c, c_str(reason)))
    w('};')
    w('const uint32_t re_country_refusal_count = %d;' % len(refused))
    sys.stdout.write('\n'.join(out) + '\n')


if __name__ == '__main__':
    main()
