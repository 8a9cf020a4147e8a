#!/usr/bin/env python3
"""An independent reading of real UN Comtrade files (and the BACI fixture),
to check what load_comtrade_file / load_baci_file stored.

    real_trade_files.py comtrade FILE REFERENCE LOADED REJECTS COUNTS
    real_trade_files.py baci FILE REFERENCE LOADED REJECTS COUNTS

FILE is the file as downloaded; REFERENCE the country codes (code|iso3|
is_aggregate, from country_reference()); LOADED, REJECTS and COUNTS what the
database printed for that one file (see real_trade_files.sh).  The file is
read with Python's csv and json modules and the rules load_comtrade documents
(doc/store-and-loaders.md), written here again without looking at the SQL:
which rows load, which are aggregates, which are refused or out of scope,
and each loaded row's reporter, partner, flow, HS code, year, month, net
weight, value and estimate flags.  Prints what differs; exit 1 if anything.
"""
import csv, io, json, math, re, sys

API = ["typeCode", "freqCode", "refPeriodId", "refYear", "refMonth", "period", "reporterCode", "reporterISO",
       "reporterDesc", "flowCode", "flowDesc", "partnerCode", "partnerISO", "partnerDesc", "partner2Code",
       "partner2ISO", "partner2Desc", "classificationCode", "classificationSearchCode", "isOriginalClassification",
       "cmdCode", "cmdDesc", "aggrLevel", "isLeaf", "customsCode", "customsDesc", "mosCode", "motCode", "motDesc",
       "qtyUnitCode", "qtyUnitAbbr", "qty", "isQtyEstimated", "altQtyUnitCode", "altQtyUnitAbbr", "altQty",
       "isAltQtyEstimated", "netWgt", "isNetWgtEstimated", "grossWgt", "isGrossWgtEstimated", "cifvalue", "fobvalue",
       "primaryValue", "legacyEstimationFlag", "isReported", "isAggregate"]


def key(name):
    return re.sub(r"[^a-z0-9]", "", name.lower())


def text_of(raw):
    if raw[:3] == b"\xef\xbb\xbf":
        return raw[3:].decode("utf-8")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252")


def number(t):
    """a plain decimal (optionally with an exponent) as float; None otherwise"""
    if t is None or not re.fullmatch(r"-?[0-9]+(\.[0-9]*)?([eE][-+]?[0-9]{1,3})?", t.strip()):
        return None
    v = float(t.strip())
    return v if math.isfinite(v) else None


def flag(t):
    t = (t or "").strip().lower()
    return {"true": True, "t": True, "1": True, "false": False, "f": False, "0": False}.get(t)


def comtrade_records(raw):
    """(line, {API name: text or None}) for every data row; ('empty', line) for all-empty rows"""
    body = text_of(raw)
    if body.lstrip()[:1] in ("{", "["):
        doc = json.loads(body, parse_float=str, parse_int=str)
        data = doc["data"] if isinstance(doc, dict) else doc
        for n, rec in enumerate(data, 1):
            def cell(v):
                if v is None:
                    return None
                if isinstance(v, bool):
                    return "true" if v else "false"
                return str(v)
            yield n, {c: cell(rec.get(c)) for c in API}, "API v1 JSON"
        return
    first = body.split("\n", 1)[0]
    if "\t" in first:
        rows = [line.rstrip("\r").split("\t") for line in body[:-1].split("\n")] if body.endswith("\n") else \
               [line.rstrip("\r").split("\t") for line in body.split("\n")]
        layout = "Comtrade Plus bulk TSV"
    else:
        rows = list(csv.reader(io.StringIO(body, newline="")))
        layout = None
    header = [key(h.strip()) for h in rows[0]]
    pos = {}
    for i, h in enumerate(header):
        pos.setdefault(h, i)
    legacy = "tradeflowcode" in pos and "primaryvalue" not in pos
    if layout is None:
        layout = "legacy CSV" if legacy else "API v1 CSV"
    for n, f in enumerate(rows[1:], 2):
        get = lambda k: f[pos[k]] if k in pos and pos[k] < len(f) else None
        if all((x or "").strip() == "" for x in f):
            yield n, None, layout
            continue
        if not legacy:
            yield n, {c: get(key(c)) for c in API}, layout
            continue
        period = (get("period") or "").strip()
        monthly = len(period) == 6
        italy = lambda c: "380" if (c or "").strip() == "381" else c
        r = dict.fromkeys(API)
        r.update(typeCode="C", freqCode="M" if monthly else "A", refYear=get("year"),
                 refMonth=period[4:6] if monthly else "52",
                 reporterCode=italy(get("reportercode")), partnerCode=italy(get("partnercode")),
                 flowCode={"1": "M", "2": "X", "3": "RX", "4": "RM"}.get((get("tradeflowcode") or "").strip(),
                                                                            get("tradeflowcode")),
                 partner2Code=(get("2ndpartnercode") or "").strip() or "0",
                 customsCode=(get("customsproccode") or "").strip() or "C00",
                 motCode=(get("modeoftransportcode") or "").strip() or "0",
                 cmdCode=get("commoditycode"), classificationCode=get("classification"), qtyUnitCode=get("qtyunitcode"), qtyUnitAbbr=get("qtyunit"),
                 qty=get("qty"), altQtyUnitCode=get("altqtyunitcode"), altQtyUnitAbbr=get("altqtyunit"),
                 altQty=get("altqty"), netWgt=get("netweightkg"), cifvalue=get("ciftradevalueus"),
                 fobvalue=get("fobtradevalueus"), primaryValue=get("tradevalueus"),
                 reporterISO=get("reporteriso"), partnerISO=get("partneriso"))
        yield n, r, layout


def comtrade_expect(raw, ref):
    """the file's rows as the documented rules classify them"""
    status, cells, layout, iso_checks = {}, {}, None, []
    seen = set()
    for line, r, layout in comtrade_records(raw):
        if r is None:
            status[line] = "out_of_scope"
            continue
        s = lambda k: (r[k] or "").strip()
        year = int(s("refYear")) if re.fullmatch(r"[0-9]{4}", s("refYear")) else None
        month = int(s("refMonth")) if re.fullmatch(r"[0-9]{1,2}", s("refMonth")) else None
        rep = ref.get(int(s("reporterCode"))) if re.fullmatch(r"[0-9]{1,4}", s("reporterCode")) else None
        par = ref.get(int(s("partnerCode"))) if re.fullmatch(r"[0-9]{1,4}", s("partnerCode")) else None
        value = number(r["primaryValue"])
        cmd = r["cmdCode"] or ""
        refused = (r["typeCode"] != "C" or r["freqCode"] not in ("A", "M") or year is None
                   or not 1900 <= year <= 2100 or (r["freqCode"] == "M" and (month is None or not 1 <= month <= 12))
                   or rep is None or par is None or r["flowCode"] not in ("M", "X", "RM", "RX")
                   or not re.fullmatch(r"H[0-9]|HS|", (r["classificationCode"] or "").strip())
                   or not re.fullmatch(r"[0-9]{2}([0-9]{2}){0,2}", cmd)
                   or (r["partner2Code"], r["customsCode"], r["motCode"]) != ("0", "C00", "0")
                   or value is None or value < 0)
        if refused:
            status[line] = "rejected"
            continue
        k = (rep[0], par[0], r["flowCode"], cmd, year, month if r["freqCode"] == "M" else None)
        if k in seen:
            status[line] = "rejected"   # a duplicate of an earlier row
            continue
        seen.add(k)
        aggregate = rep[1] or par[1]
        status[line] = "aggregate" if aggregate else "loaded"
        # the net weight: netWgt when positive (or 0 beside no value); else a
        # quantity in kilograms (unit code 8) standing in for a 0 or blank one
        w, q, aq = number(r["netWgt"]), number(r["qty"]), number(r["altQty"])
        blank_or_zero = w == 0 or s("netWgt") == ""
        if w is not None and (w > 0 or (w == 0 and not value > 0)):
            weight = w
        elif blank_or_zero and (s("qtyUnitCode") == "8" or s("qtyUnitAbbr").lower() == "kg") and q is not None and q > 0:
            weight = q
        elif blank_or_zero and (s("altQtyUnitCode") == "8" or s("altQtyUnitAbbr").lower() == "kg") and aq is not None and aq > 0:
            weight = aq
        else:
            weight = None
        if weight is not None and weight < 0:
            weight = None
        flags = ("", "") if aggregate else (str(bool(flag(r["isQtyEstimated"]))).lower()[0],
                                             str(bool(flag(r["isNetWgtEstimated"]))).lower()[0])
        cells[line] = ("T" if aggregate else "F", rep[0], par[0], r["flowCode"], cmd, year,
                       month if r["freqCode"] == "M" else 0, weight, value) + flags
        for code_col, iso_col, c in (("reporterCode", "reporterISO", rep), ("partnerCode", "partnerISO", par)):
            iso = (r.get(iso_col) or "").strip()
            if re.fullmatch(r"[A-Z]{3}", iso) and not c[1]:
                iso_checks.append((line, code_col, r[code_col], iso, c[0]))
    return status, cells, layout, iso_checks


def baci_expect(raw, ref):
    rows = list(csv.reader(io.StringIO(text_of(raw), newline="")))
    status, cells, seen = {}, {}, set()
    for line, f in enumerate(rows[1:], 2):
        if all(x.strip() == "" for x in f):
            status[line] = "out_of_scope"
            continue
        if len(f) != 6:
            status[line] = "rejected"
            continue
        t, i, j, k, v, q = (x.strip() for x in f)
        year = int(t) if re.fullmatch(r"[0-9]{4}", t) else None
        ex = ref.get(int(i)) if re.fullmatch(r"[0-9]{1,4}", i) else None
        im = ref.get(int(j)) if re.fullmatch(r"[0-9]{1,4}", j) else None
        code = ("0" + k if len(k) == 5 else k) if re.fullmatch(r"[0-9]{5,6}", k) else None
        value, qty = number(v), number(q)
        if code is not None and code.startswith("00"):
            code = None
        if (year is None or not 1900 <= year <= 2100 or ex is None or im is None or code is None or value is None or value < 0
                or (qty is not None and qty < 0) or (qty is None and q not in ("NA", ""))):
            status[line] = "rejected"
            continue
        key_ = (ex[0], im[0], code, year)
        if key_ in seen:
            status[line] = "rejected"
            continue
        seen.add(key_)
        aggregate = ex[1] or im[1]
        status[line] = "aggregate" if aggregate else "loaded"
        # BACI: v in thousands of USD, q in tonnes; the exporter's export, FOB
        cells[line] = ("T" if aggregate else "F", ex[0], im[0], "X", code, year, 0,
                       None if qty is None else qty * 1000, value * 1000, "f", "f")
    return status, cells, None, []


def close(a, b):
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def main():
    kind, path, ref_path, loaded_path, rejects_path, counts_path = sys.argv[1:7]
    scheme = "comtrade" if kind == "comtrade" else "baci"
    ref = {}
    for line in open(ref_path):
        comtrade, baci, iso3, agg = line.rstrip("\n").split("|")
        code = comtrade if scheme == "comtrade" else baci
        if code:
            ref[int(code)] = (iso3, agg == "t")
    if scheme == "baci":
        # CEPII's country_codes_V202301.csv lists Italy as 380 (V202201 and
        # earlier: 381): files of either release name Italy, whichever of the
        # two the reference gives as BACI's own code
        italy = ref.get(380) or ref.get(381)
        ref.setdefault(380, italy)
        ref.setdefault(381, italy)
    raw = open(path, "rb").read()
    status, cells, layout, iso_checks = (comtrade_expect if kind == "comtrade" else baci_expect)(raw, ref)
    problems = []
    got_counts = open(counts_path).read().strip().split("|")
    want = [sum(1 for s in status.values() if s == w) for w in ("loaded", "rejected", "aggregate", "out_of_scope")]
    if [int(x) for x in got_counts[:4]] != want:
        problems.append(f"counts loaded|rejected|aggregate|out of scope: database {got_counts[:4]}, Python {want}")
    if layout is not None and got_counts[4] != layout:
        problems.append(f"layout: database {got_counts[4]!r}, Python {layout!r}")
    # every row not loaded is in load_rejects under its line, with its severity
    rejects = {}
    for line in open(rejects_path):
        n, sev = line.rstrip("\n").split("|")
        if sev != "warning":
            rejects[int(n)] = sev
    for n, s in status.items():
        want_sev = {"rejected": "rejected", "out_of_scope": "out_of_scope"}.get(s)
        if rejects.get(n) != want_sev:
            problems.append(f"line {n}: Python says {s}, load_rejects says {rejects.get(n)}")
    # the loaded cells, as multisets
    got = []
    for line in open(loaded_path):
        f = line.rstrip("\n").split("|")
        got.append((f[0], f[1], f[2], f[3], f[4], int(f[5]), int(f[6]),
                    float(f[7]) if f[7] else None, float(f[8]), f[9], f[10]))
    # paired by everything but the two numbers, which must then agree
    stored = {}
    for g in got:
        stored.setdefault(g[:7] + g[9:], []).append(g)
    for w in sorted(cells.values(), key=repr):
        candidates = stored.get(w[:7] + w[9:], [])
        m = next((g for g in candidates if close(g[7], w[7]) and close(g[8], w[8])), None)
        if m is None:
            problems.append(f"expected, not stored: {w}")
        else:
            candidates.remove(m)
    problems += [f"stored, not expected: {g}" for c in stored.values() for g in c]
    # the file's own ISO codes agree with the country its numeric code maps to
    problems += [f"line {n}: {col} {code} is {iso} in the file, {mapped} in country_reference()"
                 for n, col, code, iso, mapped in iso_checks if iso != mapped]
    for p in problems[:40]:
        print(f"{path}: {p}")
    print(f"{path}: {len(status)} rows: {want[0]} loaded, {want[1]} rejected, {want[2]} aggregate, "
          f"{want[3]} out of scope; {len(cells)} rows' cells compared; {len(iso_checks)} ISO codes compared; "
          f"{'OK' if not problems else f'{len(problems)} PROBLEMS'}")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
