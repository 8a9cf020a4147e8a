#!/usr/bin/env python3
"""The independent reading of the published country lists for country_lists.sh.

    country_lists.py lists DIR          -> CSV: list, scheme, code, name, iso, group
    country_lists.py check CODES DB     -> compares with what the extension said

The ISO column of each list names the country; Comtrade's own pseudo-codes
for areas (W00, _X, X1, ...) name the table's special entries, written out
below from the lists' own names.  Standard library only (R's serialization
of comtradr's partner table is read here too).
"""
import bz2
import csv
import gzip
import json
import lzma
import os
import re
import struct
import sys

# Comtrade's and BACI's ISO column where it is no ISO 3166 code, and the
# table's entry for it (the entry's name is the list's: World, Areas, nes, ...)
PSEUDO_ISO = {'W00': 'WLD', 'World': 'WLD', '_X': 'XAN', 'X2': 'XFZ', 'X1': 'XBK', 'XX': 'XSC',
              '_KS': 'XKX', '_AC': 'XAC', 'EUR': 'EUU', 'R4': 'XAS',
              # territories ISO 3166-3 names (Sikkim SKM, Midway Islands MID, Wake Island WAK)
              '_SM': 'SKM', '_MI': 'MID', '_WI': 'WAK'}
# a code whose list ISO names another entry: Belgium-Luxembourg (ISO BEL in
# both lists) is BLX, and Comtrade gives 473 LAIA, nes the ISO of 636
BY_CODE = {58: 'BLX', 473: 'XLA'}
# Comtrade pseudo-ISO of territories with no ISO code: refused with a reason
NO_ISO = {'_SK', '_PM', '_SH', '_RI', '_RN', '_CI', '_TK', '_ZP'}
# areas and groups, by the lists' names (490 Other Asia, nes is Taiwan's trade: a real partner)
AREA_WORDS = (r'\bnes\b', r'Customs Union', r'^World$', r'\bFree Zones\b', r'^Bunkers$', r'^Special Categories$', r'^European Union$', r'^EU-28$', r'^ASEAN$')


def rds_frame(data):
    """The columns of an R data frame saved with saveRDS (XDR format 2 or 3)."""
    if data[:2] == b'\x1f\x8b':
        data = gzip.decompress(data)
    elif data[:3] == b'BZh':
        data = bz2.decompress(data)
    elif data[:6] == b'\xfd7zXZ\x00':
        data = lzma.decompress(data)
    assert data[:2] == b'X\n', 'not an XDR serialization'
    pos = [2]

    def i32():
        v = struct.unpack('>i', data[pos[0]:pos[0] + 4])[0]
        pos[0] += 4
        return v
    version = i32()
    i32(), i32()
    if version == 3:
        pos[0] += i32()          # native encoding name
    refs = []

    def item():
        flags = i32()
        kind, has_attr, has_tag = flags & 0xff, flags & (1 << 9), flags & (1 << 10)
        if kind in (254, 242, 251):          # NULL, empty environment, missing
            return None
        if kind == 255:                      # reference to an earlier symbol
            return refs[(flags >> 8) - 1]
        if kind == 1:                        # symbol
            s = item()
            refs.append(s)
            return s
        if kind == 9:                        # string
            n = i32()
            if n == -1:
                return None
            s = data[pos[0]:pos[0] + n].decode('utf-8')
            pos[0] += n
            return s
        if kind == 2:                        # pairlist (attributes)
            out = {}
            while True:
                if has_attr:
                    item()
                tag = item() if has_tag else None
                out[tag] = item()
                nxt = struct.unpack('>i', data[pos[0]:pos[0] + 4])[0]
                if nxt & 0xff != 2:
                    item()
                    return out
                flags = i32()
                has_attr, has_tag = flags & (1 << 9), flags & (1 << 10)
        if kind in (10, 13, 14, 16, 19):
            n = i32()
            if kind in (10, 13):
                v = [i32() for _ in range(n)]
                v = [None if x == -2147483648 else (bool(x) if kind == 10 else x) for x in v]
            elif kind == 14:
                v = list(struct.unpack('>%dd' % n, data[pos[0]:pos[0] + 8 * n]))
                pos[0] += 8 * n
            else:
                v = [item() for _ in range(n)]
            attrs = item() if has_attr else None
            return (v, attrs)
        raise ValueError('R type %d not read here' % kind)
    cols, attrs = item()
    return {name: col[0] for name, col in zip(attrs['names'][0], cols)}


def lists(folder):
    out = csv.writer(sys.stdout)
    for r in json.load(open(os.path.join(folder, 'comtrade_Reporters.json'), encoding='utf-8'))['results']:
        out.writerow(['api reporters', 'comtrade', r['reporterCode'], r['text'],
                      (r.get('reporterCodeIsoAlpha3') or '').strip(), r['isGroup']])
    f = rds_frame(open(os.path.join(folder, 'comtradr_partner.rds'), 'rb').read())
    for i in range(len(f['id'])):
        out.writerow(['api partners', 'comtrade', int(f['id'][i]), f['country'][i].strip(),
                      (f['iso_3'][i] or '').strip(), f['group'][i]])
    for name in ('reporterAreas', 'partnerAreas'):
        path = os.path.join(folder, 'comtrade_legacy_%s.json' % name)
        for r in json.load(open(path, encoding='utf-8-sig'))['results']:
            if r['id'] != 'all':
                out.writerow(['legacy ' + name, 'comtrade', int(r['id']), r['text'], '', ''])
    with open(os.path.join(folder, 'country_codes_V202501.csv'), encoding='utf-8', newline='') as fh:
        for r in csv.DictReader(fh):
            out.writerow(['baci V202501', 'baci', int(r['country_code']), r['country_name'], r['country_iso3'], ''])


def check(codes_csv, db_csv):
    listed = list(csv.reader(open(codes_csv, encoding='utf-8')))
    db = list(csv.reader(open(db_csv, encoding='utf-8')))
    said = {(r[1], int(r[2])): r[3:] for r in db if r[0] == 'code'}
    ok = True

    def report(cond, msg):
        nonlocal ok
        print(('ok   ' if cond else 'FAIL ') + msg)
        ok = ok and cond

    # the API's reading of a code, for the legacy lists (no ISO column)
    api_iso = {}
    for lst, scheme, code, name, iso, grp in listed:
        if lst.startswith('api') and iso:
            api_iso.setdefault(int(code), iso)
    bad, refused, areas = [], [], 0
    for lst, scheme, code, name, iso, grp in listed:
        code = int(code)
        entry, aggregate, why, own, from_code = said[(lst, code)]
        if not iso and lst.startswith('legacy'):
            iso = api_iso.get(code, '')
        want = BY_CODE.get(code) or PSEUDO_ISO.get(iso, iso)
        is_area = (grp == 'True' or any(re.search(w, name) for w in AREA_WORDS)) and code != 490
        if iso in NO_ISO or (scheme == 'comtrade' and code == 492):
            # 492 "Europe EU, nes": an area Comtrade gives Monaco's M49 number and ISO
            if entry or not why:
                bad.append((lst, code, name, 'should be refused with a reason', entry))
            refused.append(code)
            continue
        if not entry:
            bad.append((lst, code, name, 'not read (%s)' % (why or 'no reason'), want))
        elif from_code != entry:
            bad.append((lst, code, name, 'country_from_code gives another entry', from_code))
        elif is_area and aggregate != 'true':
            bad.append((lst, code, name, 'an area, not an aggregate', entry))
        elif not is_area and aggregate == 'true':
            bad.append((lst, code, name, 'a country, set aside as an aggregate', entry))
        elif want and entry != want:
            bad.append((lst, code, name, 'read as another country', entry + ' instead of ' + want))
        elif not want and lst.startswith('legacy'):
            # a legacy code the API does not list: named here from the legacy name
            legacy_only = {381: 'ITA', 238: 'FLK'}
            if legacy_only.get(code) != entry:
                bad.append((lst, code, name, 'legacy code not checked', entry))
        areas += is_area
    for lst in sorted({r[0] for r in listed}):
        n = sum(1 for r in listed if r[0] == lst)
        print('     %s: %d codes' % (lst, n))
    report(not bad, 'every listed code is read as the country its list names, an aggregate for an area, '
           'or refused with a reason (%d listed, %d areas, %d refused)%s'
           % (len(listed), areas, len(refused), ''.join('\n       %r' % (b,) for b in bad)))
    report(sorted(set(refused)) == [457, 459, 461, 492, 647, 717, 830, 835, 836],
           'refused: the eight territories with no ISO code and Europe EU, nes (%s)' % sorted(set(refused)))

    # the loaders: every code loaded or set aside, only the refused ones refused, with their reason
    for src in ('baci', 'comtrade'):
        loaded, rejected, aggregate, rows = map(int, next(r for r in db if r[0] == src)[1:])
        want_rejected = 0 if src == 'baci' else len(set(refused))
        report(loaded + rejected + aggregate == rows and rejected == want_rejected,
               '%s loader: %d codes = %d loaded + %d aggregate + %d refused' % (src, rows, loaded, aggregate, rejected))
    reasons = {int(r[1]): r[2] for r in db if r[0] == 'reject'}
    why = {int(r[2]): r[5] for r in db if r[0] == 'code' and r[5]}
    report(sorted(reasons) == sorted(set(refused)) and all(why[c] in v for c, v in reasons.items()),
           'load_comtrade files each refused code with why: %s' % reasons.get(459, 'none for 459'))
    baci_rejects = [r[1:] for r in db if r[0] == 'reject_baci']
    report(not baci_rejects, 'load_baci refuses no BACI code%s' % (': %r' % baci_rejects[:3] if baci_rejects else ''))
    sys.exit(0 if ok else 1)


if __name__ == '__main__':
    if sys.argv[1] == 'lists':
        lists(sys.argv[2])
    else:
        check(sys.argv[2], sys.argv[3])
