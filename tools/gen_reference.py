#!/usr/bin/env python3
"""Write doc/reference.md from the installed extension's own catalog.

The COMMENT ON of every object is the one source of what it does (formula,
source, edge cases); this script sets them out as terse tables, one per
install part, with each object's signature, result and the version it
first shipped in.  test/scripts/reference.sh regenerates the file and fails
when the committed one differs, so the reference is never synced by hand.

    tools/gen_reference.py [OUT]      (default doc/reference.md)

Connects with psql and the usual PG* variables to a server where the
extension's current version is installed (make install); works in a
scratch database it creates and drops.  "since" compares each object with
the frozen install scripts of the released versions (src/sql/released/).
"""
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "doc", "reference.md")
DB = "rareearth_reference_%d" % os.getpid()

# install part -> the area's title and the doc that explains it
AREAS = {
    "10_supply_mix": ("supply_mix: shares and concentration", "supply-mix.md"),
    "20_country": ("country", "trade-vocabulary.md"),
    "21_hscode": ("hscode", "trade-vocabulary.md"),
    "22_ree": ("rare-earth elements", "trade-vocabulary.md"),
    "23_hs_catalogue": ("the rare-earth HS catalogue", "trade-vocabulary.md"),
    "24_commodities": ("commodities", "trade-vocabulary.md"),
    "25_trade_catalogue": ("the trade catalogue of every critical mineral", "trade-vocabulary.md"),
    "30_metrics": ("dependency metrics", "dependency-metrics.md"),
    "31_material_balance": ("material_balance", "dependency-metrics.md"),
    "32_supply_risk": ("EU supply risk", "eu-supply-risk.md"),
    "33_geopolrisk": ("country scores: HHI-WGI, GeoPolRisk", "country-scores.md"),
    "34_country_groups": ("country groups", "country-groups.md"),
    "35_origin": ("trade_network: origin tracing", "origin-tracing.md"),
    "35_performance_layers": ("performance layers", "benchmarks.md"),
    "36_origin_chains": ("origin tracing through chained stages", "origin-tracing.md"),
    "40_trajectory": ("trajectory: growth", "trajectories.md"),
    "50_usgs_value": ("USGS value cells", "store-and-loaders.md"),
    "51_staging": ("staging", "store-and-loaders.md"),
    "52_store": ("the store", "store-and-loaders.md"),
    "53_loader_common": ("loaders: common steps", "store-and-loaders.md"),
    "54_load_trade": ("loaders: trade records", "store-and-loaders.md"),
    "55_load_usgs_mcs": ("loaders: USGS MCS", "store-and-loaders.md"),
    "56_store_views": ("the store's views", "views.md"),
    "57_load_usgs_mcs_file": ("loaders: USGS MCS files", "store-and-loaders.md"),
    "58_load_trade_file": ("loaders: trade files", "store-and-loaders.md"),
}


def psql(sql, db=DB):
    out = subprocess.run(["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-d", db, "-c", sql],
                         check=True, capture_output=True, text=True).stdout
    return out


def split_args(text):
    """Top-level comma split of an argument list."""
    parts, depth, cur = [], 0, ""
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == "," and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            cur += ch
    if cur.strip():
        parts.append(cur)
    return [p.strip() for p in parts]


MODES = ("IN", "OUT", "INOUT", "VARIADIC")


def arg_type(decl):
    """The type of one declared argument, or None for an OUT argument."""
    decl = re.split(r"\s+(?:DEFAULT\b|=)", decl, maxsplit=1, flags=re.I)[0].strip()
    words = decl.split()
    if words and words[0].upper() in MODES:
        if words[0].upper() == "OUT":
            return None
        words = words[1:]
    if len(words) >= 2 and not re.match(r"(?i)(double|character|timestamp|time|bit|varying|precision)$", words[0]) \
            and not words[0].startswith("@extschema@") and not words[0].startswith("pg_catalog."):
        words = words[1:]  # a name first
    return " ".join(words)


# A definition's head: the kind, the qualified name and, for routines, the
# text between the parentheses that follow (nested ones included).
HEAD = re.compile(r"CREATE\s+(?:OR\s+REPLACE\s+)?(FUNCTION|PROCEDURE|AGGREGATE|TYPE|VIEW|TABLE|MATERIALIZED\s+VIEW)"
                  r"\s+(?:IF\s+NOT\s+EXISTS\s+)?@extschema@\.(\w+)", re.I)


def definitions(text):
    """(kind, name, [arg type text]) of every object a script creates."""
    text = re.sub(r"--[^\n]*", "", text)
    for m in HEAD.finditer(text):
        kind, name = m.group(1).upper().split()[0], m.group(2).lower()
        args = None
        if kind in ("FUNCTION", "PROCEDURE", "AGGREGATE"):
            i = m.end()
            while i < len(text) and text[i].isspace():
                i += 1
            if i < len(text) and text[i] == "(":
                depth, j = 0, i
                while j < len(text):
                    if text[j] == "(":
                        depth += 1
                    elif text[j] == ")":
                        depth -= 1
                        if depth == 0:
                            break
                    j += 1
                inner = text[i + 1:j].strip()
                if inner == "*":
                    inner = ""
                # ORDER BY in an ordered-set aggregate's arguments
                inner = re.sub(r"(?i)\bORDER\s+BY\b", ",", inner)
                args = [t for t in (arg_type(a) for a in split_args(inner)) if t is not None]
        yield kind, name, args


def resolve_types(type_texts):
    """Canonical text of each type name, as the catalog prints it."""
    names = sorted(set(type_texts))
    if not names:
        return {}
    rows = json.loads(psql(
        "SET search_path = pg_catalog; SELECT coalesce(json_agg(json_build_array(t, to_regtype(t)::text)), '[]') "
        "FROM unnest(ARRAY[%s]::text[]) t" % ",".join("'" + n.replace("@extschema@", "rareearth").replace("'", "''") + "'"
                                                      for n in names)).strip())
    return {t.replace("rareearth", "@extschema@"): (c or t) for t, c in rows}


def keys_of(script_text, types):
    keys = set()
    for kind, name, args in definitions(script_text):
        if args is None:
            keys.add((kind if kind != "PROCEDURE" else "FUNCTION", name, None))
        else:
            keys.add(("FUNCTION", name, tuple(types.get(a, a) for a in args)))
    return keys


def main():
    subprocess.run(["createdb", DB], check=True)
    try:
        psql("CREATE EXTENSION rareearth; SET client_min_messages = warning; SELECT rareearth.create_store()")
        version = psql("SELECT extversion FROM pg_extension WHERE extname = 'rareearth'").strip()
        parts = sorted(f for f in os.listdir(os.path.join(ROOT, "src/sql/install")) if f.endswith(".sql"))
        part_text = {p[:-4]: open(os.path.join(ROOT, "src/sql/install", p)).read() for p in parts}
        released = sorted((f for f in os.listdir(os.path.join(ROOT, "src/sql/released")) if re.fullmatch(r"rareearth--[\d.]+\.sql", f)),
                          key=lambda f: [int(x) for x in f[11:-4].split(".")])
        rel_text = {f[11:-4]: open(os.path.join(ROOT, "src/sql/released", f)).read() for f in released}
        type_texts = [a for t in list(part_text.values()) + list(rel_text.values())
                      for _, _, args in definitions(t) if args for a in args]
        types = resolve_types(type_texts)
        since = {}
        for v, t in rel_text.items():
            for k in keys_of(t, types):
                since.setdefault(k, v)
        where = {}
        for p, t in part_text.items():
            for k in keys_of(t, types):
                where.setdefault(k, p)
        objs = json.loads(psql(r"""
SET search_path = pg_catalog;
SELECT json_agg(o ORDER BY o->>'name', o->>'args') FROM (
  SELECT json_build_object('kind', CASE p.prokind WHEN 'a' THEN 'aggregate' WHEN 'p' THEN 'procedure' ELSE 'function' END,
         'name', p.proname, 'types', ARRAY(SELECT format_type(t, NULL) FROM unnest(p.proargtypes) t),
         'args', pg_get_function_identity_arguments(p.oid), 'result', pg_get_function_result(p.oid),
         'comment', obj_description(p.oid, 'pg_proc')) AS o
  FROM pg_proc p WHERE p.pronamespace = 'rareearth'::regnamespace
  UNION ALL
  SELECT json_build_object('kind', 'type', 'name', t.typname, 'types', NULL, 'args', '',
         'result', CASE t.typtype WHEN 'e' THEN 'enum' WHEN 'd' THEN 'domain over ' || format_type(t.typbasetype, NULL)
                   WHEN 'c' THEN 'composite' ELSE 'base type' END,
         'comment', obj_description(t.oid, 'pg_type'))
  FROM pg_type t WHERE t.typnamespace = 'rareearth'::regnamespace AND t.typcategory <> 'A'
        AND t.typtype IN ('b', 'c', 'd', 'e')
        AND (t.typtype <> 'c' OR (SELECT c.relkind FROM pg_class c WHERE c.oid = t.typrelid) = 'c')
  UNION ALL
  SELECT json_build_object('kind', CASE c.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' ELSE 'table' END,
         'name', c.relname, 'types', NULL, 'args', '',
         'result', CASE WHEN EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
                        THEN 'in the extension' ELSE 'in the store' END,
         'comment', obj_description(c.oid, 'pg_class'),
         'columns', (SELECT json_agg(json_build_array(a.attname, format_type(a.atttypid, a.atttypmod), col_description(c.oid, a.attnum)) ORDER BY a.attnum)
                     FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped))
  FROM pg_class c WHERE c.relnamespace = 'rareearth'::regnamespace AND c.relkind IN ('r', 'v', 'm', 'p')
) s""").strip())
        for o in objs:
            if o["kind"] == "type":
                key = ("TYPE", o["name"], None)
            elif o["kind"] in ("view", "table", "materialized view"):
                key = ({"view": "VIEW", "table": "TABLE", "materialized view": "MATERIALIZED"}[o["kind"]], o["name"], None)
            else:
                key = ("FUNCTION", o["name"], tuple(o["types"]))
            o["since"] = since.get(key, version)
            o["part"] = where.get(key) or ("56_store_views" if o["kind"] == "view" else "52_store" if o["kind"] == "table" else "other")
        lines = [
            "# Reference",
            "",
            "Every object the extension installs, and every table and view `create_store()` makes,",
            "with what its `COMMENT ON` says: the comment is the one source of each fact (formula,",
            "source, edge cases), and this file is generated from a fresh install's catalog by",
            "`tools/gen_reference.py`; `make test` (`test/scripts/reference.sh`) fails when it is",
            "stale.  \"since\": the first released version whose install script has the object",
            "with these argument types (%s: new in the version in development).  Types print" % version,
            "unqualified; everything lives in schema `rareearth`.",
            "",
        ]
        by_part = {}
        for o in objs:
            by_part.setdefault(o["part"], []).append(o)
        order = [p for p in part_text if p in by_part] + [p for p in by_part if p not in part_text]
        lines.append("Areas: " + ", ".join("[%s](#%s)" % (AREAS.get(p, (p, ""))[0], p.replace("_", "-")) for p in order) + ".")
        for p in order:
            title, doc = AREAS.get(p, (p, None))
            lines += ["", '<a id="%s"></a>' % p.replace("_", "-"), "## %s" % title, ""]
            lines.append("`src/sql/install/%s.sql`%s" % (p, "; explained in [%s](%s)" % (doc, doc) if doc else ""))
            lines += ["", "| object | kind | result | since | what it does |", "|---|---|---|---|---|"]
            for o in sorted(by_part[p], key=lambda o: ({"type": 0, "aggregate": 1, "function": 2, "procedure": 2, "table": 3, "view": 4}.get(o["kind"], 5), o["name"], o["args"])):
                sig = o["name"] + ("(%s)" % o["args"] if o["kind"] in ("function", "aggregate", "procedure") else "")
                sig = sig.replace("rareearth.", "")
                comment = (o["comment"] or "**no comment**").replace("|", "\\|").replace("\n", " ")
                result = (o["result"] or "").replace("rareearth.", "").replace("|", "\\|")
                lines.append("| `%s` | %s | %s | %s | %s |" % (sig, o["kind"], result, o["since"], comment))
            for o in by_part[p]:
                if o.get("columns") and o["kind"] in ("view", "materialized view"):
                    lines += ["", "`%s` columns:" % o["name"], "", "| column | type | what it holds |", "|---|---|---|"]
                    for name, typ, comment in o["columns"]:
                        lines.append("| `%s` | %s | %s |" % (name, typ.replace("rareearth.", ""),
                                                           (comment or "**no comment**").replace("|", "\\|").replace("\n", " ")))
        with open(OUT, "w") as f:
            f.write("\n".join(lines) + "\n")
    finally:
        subprocess.run(["dropdb", "--if-exists", DB], check=False)


if __name__ == "__main__":
    main()
