#!/usr/bin/env bash
# The upgrade path, in the pattern of postgresql-hll's setup.sql: install
# 0.1.0 (the frozen script in src/sql/released/, which make install does not
# ship: it is put beside the installed files for this run only) as a non-superuser database
# owner, load data, add dependent objects (a view over a reporting view, a
# materialized view of summaries, a table of stored summaries in every
# format), ALTER EXTENSION rareearth UPDATE, then
#   * the catalog (functions, types, operators, casts, aggregates, operator
#     classes, relations, columns, view definitions, indexes, constraints,
#     comments, extension membership) equals a fresh install of the current
#     version plus create_store(), object by object (the old store brought
#     up to date by its owner's create_store() after the update);
#   * every row, dependent object and stored summary is still there and
#     equal, and DROP EXTENSION refuses while the store exists;
#   * the country columns typed in 0.3.0: a reporting view nothing of the
#     user's depends on is made anew typed, its privileges kept (development,
#     granted to a reader); supply_share, which the user's view
#     top_suppliers_by_year reads, keeps its ISO3 text column, create_store()
#     says so in a NOTICE, and that is the one difference from a fresh
#     catalog; once the user's view is dropped, create_store() types it too.
# Run by test/run against the throwaway cluster (PGHOST etc. set); exit 0 = pass.
set -euo pipefail
cd "$(dirname "$0")/../.."
# With no argument: every released version that has a frozen install script
# in src/sql/released/, each updated to the current one in its own run.
if [ $# -eq 0 ]; then
	status=0
	for script in src/sql/released/rareearth--*.sql; do
		v=${script#src/sql/released/rareearth--}; v=${v%.sql}
		case $v in *--*) continue ;; esac
		[ "$v" != "$(sed -n "s/^default_version = '\(.*\)'/\1/p" rareearth.control)" ] || continue
		bash "$0" "$v" || { echo "upgrade: from $v failed"; status=1; }
	done
	exit $status
fi
from=$1
PGBIN=$(${PG_CONFIG:-$(test/pg-config)} --bindir)
current=$(sed -n "s/^default_version = '\(.*\)'/\1/p" rareearth.control)
old=rareearth_upgrade_old_$$
new=rareearth_upgrade_new_$$
owner=rareearth_upgrade_owner_$$
reader=rareearth_upgrade_reader_$$
work=$(mktemp -d)
psql() { "$PGBIN/psql" -X -q -At -v ON_ERROR_STOP=1 "$@"; }
old_script=$("${PG_CONFIG:-$(test/pg-config)}" --sharedir)/extension/rareearth--$from.sql
cleanup() {
	rm -f "$old_script"
	"$PGBIN/dropdb" --if-exists "$old" >/dev/null 2>&1 || true
	"$PGBIN/dropdb" --if-exists "$new" >/dev/null 2>&1 || true
	psql -d postgres -c "DROP ROLE IF EXISTS $owner" >/dev/null 2>&1 || true
	psql -d postgres -c "DROP ROLE IF EXISTS $reader" >/dev/null 2>&1 || true
	rm -rf "$work"
}
trap cleanup EXIT
cp "src/sql/released/rareearth--$from.sql" "$old_script"
psql -d postgres -c "CREATE ROLE $owner LOGIN NOSUPERUSER"
psql -d postgres -c "CREATE ROLE $reader NOLOGIN"
"$PGBIN/createdb" -O "$owner" "$old"
"$PGBIN/createdb" -O "$owner" "$new"

# the old version with data: 0.1.0's tables were part of the extension and
# staged in shared tables; later versions stage per session into a store
if [ "$from" = 0.1.0 ]; then
	load="\\copy rareearth.usgs_mcs_raw FROM 'test/fixtures/usgs_mcs2026_fixture.csv' CSV HEADER ENCODING 'WIN1252'
SELECT * FROM rareearth.load_usgs_mcs('MCS2026') \\g /dev/null
\\copy rareearth.comtrade_raw FROM 'test/fixtures/comtrade_synthetic.csv' WITH (FORMAT csv, HEADER match)
SELECT * FROM rareearth.load_comtrade('fixture', synthetic => true) \\g /dev/null
\\copy rareearth.baci_raw FROM 'test/fixtures/baci_synthetic.csv' CSV HEADER
SELECT * FROM rareearth.load_baci('fixture', synthetic => true) \\g /dev/null"
else
	load="SELECT rareearth.create_store() \\g /dev/null
SELECT rareearth.stage('usgs_mcs'), rareearth.stage('comtrade'), rareearth.stage('baci') \\g /dev/null
\\copy usgs_mcs_raw FROM 'test/fixtures/usgs_mcs2026_fixture.csv' CSV HEADER ENCODING 'WIN1252'
SELECT * FROM rareearth.load_usgs_mcs('MCS2026') \\g /dev/null
\\copy comtrade_raw FROM 'test/fixtures/comtrade_synthetic.csv' WITH (FORMAT csv, HEADER match)
SELECT * FROM rareearth.load_comtrade('fixture', synthetic => true) \\g /dev/null
\\copy baci_raw FROM 'test/fixtures/baci_synthetic.csv' CSV HEADER
SELECT * FROM rareearth.load_baci('fixture', synthetic => true) \\g /dev/null"
fi
psql -U "$owner" -d "$old" <<SQL
SET client_min_messages = warning;
CREATE EXTENSION rareearth VERSION '$from';
$load
SQL
psql -U "$owner" -d "$old" <<'SQL'
SET client_min_messages = warning;
INSERT INTO rareearth.targets (country, commodity, metric, unit, base_year, base_value, target_year, target_value, source)
VALUES ('RUS', 'rare earths', 'production', 't REO per year', 2024, 2600, 2030, 50000, 'upgrade test');
-- dependent objects of the user's
CREATE VIEW public.top_suppliers_by_year AS
SELECT year, country, share FROM rareearth.supply_share WHERE rank <= 3;
CREATE VIEW public.risk_by_year AS
SELECT year, rareearth.hhi_wgi(rareearth.supply_mix(rareearth.iso3(country), quantity_t), '{"CHN": 5.6, "USA": 2.4}'::jsonb) AS hhi_wgi
FROM rareearth.production_latest WHERE rareearth.iso3(country) IN ('CHN', 'USA') GROUP BY year;
CREATE MATERIALIZED VIEW public.mix_by_year AS
SELECT year, rareearth.supply_mix(country, quantity_t) AS mix,
       rareearth.trajectory(year, quantity_t) AS series,
       rareearth.material_balance('production', quantity_t) AS balance
FROM rareearth.production_latest WHERE NOT rareearth.is_aggregate(country) AND quantity_t IS NOT NULL GROUP BY year;
CREATE TABLE public.stored_summaries AS
SELECT year, mix, series, balance, rareearth.supply_mix_send(mix) AS mix_bytes,
       rareearth.trajectory_send(series) AS series_bytes, rareearth.material_balance_send(balance) AS balance_bytes
FROM public.mix_by_year;
SQL
snapshot="SELECT 'trade_flow', (year, month, reporter, partner, flow, product, net_weight_kg, value_usd, valuation, source, release,
                            quantity_estimated, net_weight_estimated, synthetic)::text
          FROM rareearth.trade_flow t -- 0.2.0's columns (0.3.0 appends net_weight_source)
UNION ALL SELECT 'trade_reported_total', (year, month, reporter, partner_area, flow, product, net_weight_kg, value_usd, valuation,
                                          source, release, synthetic)::text FROM rareearth.trade_reported_total t
UNION ALL SELECT 'production', (country, year, commodity, stage, quantity_t, qualifier, series, edition, source)::text FROM rareearth.production t
UNION ALL SELECT 'reserves', (country, commodity, as_of_year, quantity_t, qualifier, series, edition, source)::text FROM rareearth.reserves t
UNION ALL SELECT 'targets', t::text FROM rareearth.targets t
UNION ALL SELECT 'load_rejects', (source, release, reason, record)::text FROM rareearth.load_rejects
UNION ALL SELECT 'view', t::text FROM public.top_suppliers_by_year t
UNION ALL SELECT 'risk view', t::text FROM public.risk_by_year t
UNION ALL SELECT 'matview', t::text FROM public.mix_by_year t
UNION ALL SELECT 'stored', t::text FROM public.stored_summaries t
UNION ALL SELECT 'stored_recv', (rareearth.supply_mix_send(mix) = mix_bytes AND rareearth.trajectory_send(series) = series_bytes
                                 AND rareearth.material_balance_send(balance) = balance_bytes)::text FROM public.stored_summaries
UNION ALL SELECT 'concentration', (year, commodity, stage, hhi, equivalent_suppliers, concentration_class,
                                    suppliers, listed_total_t, world_total_t, coverage)::text
          FROM rareearth.supply_concentration -- 0.1.0's columns (0.2.0 appends hhi_lower, hhi_upper); cr1, cr3 and
          -- dominant_supplier count named countries only from 0.3.0 on (USGS's residual is no producer)
ORDER BY 1, 2"
psql -U "$owner" -d "$old" -c "$snapshot" >"$work/before.txt"
psql -U "$owner" -d "$old" -c "ALTER EXTENSION rareearth UPDATE"
# the store belongs to its owner, not to the extension: the owner brings it
# up to date (RELEASING.md), and no row may change on the way
# (a reader of development: 0.1.0's views were not the owner's to grant)
psql -U "$owner" -d "$old" -c "GRANT SELECT ON rareearth.development TO $reader" \
	-c "SELECT rareearth.create_store()" >/dev/null 2>"$work/create_store.txt"
psql -U "$owner" -d "$old" -c "$snapshot" >"$work/after.txt"
status=0
if [ "$(psql -d "$old" -c "SELECT extversion FROM pg_extension WHERE extname = 'rareearth'")" != "$current" ]; then
	echo "upgrade: not at version $current after the update"; status=1
fi
if [ "$(wc -l <"$work/before.txt")" -lt 60 ]; then echo "upgrade: too little data to compare"; status=1; fi
if ! diff -u "$work/before.txt" "$work/after.txt" >"$work/data.diff"; then
	echo "upgrade: data or dependent objects changed:"; head -30 "$work/data.diff"; status=1
fi
# the update kept the stored summaries readable in text and binary form
psql -U "$owner" -d "$old" -c "REFRESH MATERIALIZED VIEW public.mix_by_year" >/dev/null

# a fresh install of the current version, with its store
psql -U "$owner" -d "$new" -c "CREATE EXTENSION rareearth" -c "SELECT rareearth.create_store()" \
	-c "GRANT SELECT ON rareearth.development TO $reader" >/dev/null

catalog="SET search_path = rareearth, pg_catalog;
WITH ext AS (SELECT oid, extowner FROM pg_extension WHERE extname = 'rareearth'),
ns AS (SELECT 'rareearth'::regnamespace AS oid)
SELECT 'function', p.oid::regprocedure::text, pg_get_function_result(p.oid), p.prokind::text, p.provolatile::text,
       p.proisstrict::text, p.proparallel::text, p.prosecdef::text, p.prorows::text, p.procost::text,
       coalesce(array_to_string(p.proconfig, ','), ''), l.lanname,
       CASE WHEN l.lanname = 'c' THEN p.prosrc || ' ' || p.probin ELSE md5(coalesce(p.prosrc, '') || coalesce(pg_get_function_sqlbody(p.oid), '')) END,
       coalesce(obj_description(p.oid, 'pg_proc'), '<none>')
FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang WHERE p.pronamespace = (SELECT oid FROM ns)
UNION ALL
SELECT 'aggregate', a.aggfnoid::regprocedure::text, a.aggkind::text, a.aggtransfn::text, a.aggfinalfn::text, a.aggcombinefn::text,
       a.aggserialfn::text, a.aggdeserialfn::text, a.aggtranstype::regtype::text, coalesce(a.agginitval, ''), a.aggfinalmodify::text,
       a.aggtransspace::text, '', ''
FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid WHERE p.pronamespace = (SELECT oid FROM ns)
UNION ALL
SELECT 'type', t.oid::regtype::text, t.typtype::text, t.typlen::text, t.typbyval::text, t.typalign::text, t.typstorage::text,
       t.typinput::text || ' ' || t.typoutput::text || ' ' || t.typreceive::text || ' ' || t.typsend::text,
       t.typcategory::text, coalesce((SELECT string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid), ''),
       coalesce((SELECT string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || ' ' || coalesce(col_description(t.typrelid, a.attnum), '<none>'), ', ' ORDER BY a.attnum)
                 FROM pg_attribute a WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND t.typtype = 'c'), ''),
       '', '', coalesce(obj_description(t.oid, 'pg_type'), '<none>')
FROM pg_type t WHERE t.typnamespace = (SELECT oid FROM ns) AND t.typtype <> 'c' OR t.typnamespace = (SELECT oid FROM ns) AND t.typtype = 'c'
  AND (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c'
UNION ALL
SELECT 'operator', o.oid::regoperator::text, o.oprcode::text, o.oprcom::regoperator::text, o.oprnegate::regoperator::text,
       o.oprrest::text, o.oprjoin::text, o.oprcanhash::text, o.oprcanmerge::text, '', '', '', '', coalesce(obj_description(o.oid, 'pg_operator'), '<none>')
FROM pg_operator o WHERE o.oprnamespace = (SELECT oid FROM ns)
UNION ALL
SELECT 'cast', c.castsource::regtype::text || ' -> ' || c.casttarget::regtype::text, c.castfunc::regprocedure::text, c.castcontext::text,
       c.castmethod::text, '', '', '', '', '', '', '', '', coalesce(obj_description(c.oid, 'pg_cast'), '<none>')
FROM pg_cast c JOIN pg_type s ON s.oid = c.castsource JOIN pg_type t ON t.oid = c.casttarget
WHERE s.typnamespace = (SELECT oid FROM ns) OR t.typnamespace = (SELECT oid FROM ns)
UNION ALL
SELECT 'opclass', am.amname || ' ' || oc.opcname, oc.opcintype::regtype::text, oc.opcdefault::text,
       (SELECT string_agg(ao.amopstrategy || ':' || ao.amopopr::regoperator::text, ',' ORDER BY ao.amopstrategy, ao.amopopr::regoperator::text) FROM pg_amop ao WHERE ao.amopfamily = oc.opcfamily),
       (SELECT string_agg(ap.amprocnum || ':' || ap.amproc::regprocedure::text, ',' ORDER BY ap.amprocnum, ap.amproc::regprocedure::text) FROM pg_amproc ap WHERE ap.amprocfamily = oc.opcfamily),
       '', '', '', '', '', '', '', coalesce(obj_description(oc.oid, 'pg_opclass'), '<none>')
FROM pg_opclass oc JOIN pg_am am ON am.oid = oc.opcmethod WHERE oc.opcnamespace = (SELECT oid FROM ns)
UNION ALL
SELECT 'relation', c.relname, c.relkind::text,
       CASE WHEN c.relowner = (SELECT extowner FROM ext) THEN 'extension owner' ELSE 'other owner' END,
       -- privileges, the owner written OWNER (a fresh store has the default ACL)
       replace(coalesce(c.relacl, acldefault(CASE WHEN c.relkind = 'S' THEN 's'::\"char\" ELSE 'r'::\"char\" END, c.relowner))::text, c.relowner::regrole::text, 'OWNER'),
       CASE WHEN EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.classid = 'pg_class'::regclass AND d.deptype = 'e') THEN 'member' ELSE 'not a member' END,
       coalesce(pg_get_viewdef(c.oid), ''), coalesce(pg_get_indexdef(c.oid), ''),
       (SELECT string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || ' ' || a.attnotnull::text || ' ' || coalesce(pg_get_expr(ad.adbin, ad.adrelid), '') || ' ' || coalesce(col_description(c.oid, a.attnum), '<none>'), ', ' ORDER BY a.attnum)
        FROM pg_attribute a LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
        WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped),
       (SELECT string_agg(pg_get_constraintdef(k.oid), ', ' ORDER BY pg_get_constraintdef(k.oid)) FROM pg_constraint k WHERE k.conrelid = c.oid),
       CASE WHEN c.oid = ANY ((SELECT extconfig FROM pg_extension WHERE extname = 'rareearth')::oid[]) THEN 'dumped as config' ELSE '' END,
       '', '', coalesce(obj_description(c.oid, 'pg_class'), '<none>')
FROM pg_class c WHERE c.relnamespace = (SELECT oid FROM ns) AND c.relkind <> 'c'
UNION ALL
SELECT 'member', pg_describe_object(d.classid, d.objid, d.objsubid), '', '', '', '', '', '', '', '', '', '', '', ''
FROM pg_depend d WHERE d.refobjid = (SELECT oid FROM ext) AND d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
ORDER BY 1, 2, 3"
# one record a line (view definitions span lines), to compare record by record
catalog_records() { psql -R $'\x1e' -d "$1" -c "$catalog" | tr '\n\036' '\037\n'; }
catalog_records "$old" >"$work/updated.txt"
catalog_records "$new" >"$work/fresh.txt"
if [ "$(wc -l <"$work/fresh.txt")" -lt 300 ]; then echo "upgrade: the catalog query found too little"; status=1; fi
# The one expected difference: supply_share, read by the user's view
# top_suppliers_by_year, keeps its ISO3 text column country (iso3() of the
# typed column in its definition), as create_store() said in a NOTICE.
kept='^relation|supply_share|'
grep -v "$kept" "$work/fresh.txt" >"$work/fresh_rest.txt"
grep -v "$kept" "$work/updated.txt" >"$work/updated_rest.txt"
if ! diff -u "$work/fresh_rest.txt" "$work/updated_rest.txt" >"$work/catalog.diff"; then
	echo "upgrade: the updated catalog differs from a fresh install of $current (- fresh, + updated):"
	head -60 "$work/catalog.diff"; status=1
fi
expected_kept=$(grep "$kept" "$work/fresh.txt" | sed -e 's/ SELECT p\.country,/ SELECT iso3(p.country) AS country,/' \
	-e 's/|country country false /|country text false /')
if [ "$(grep "$kept" "$work/updated.txt")" != "$expected_kept" ] || [ -z "$expected_kept" ]; then
	echo "upgrade: supply_share is not the fresh view with a text country column:"
	diff <(echo "$expected_kept" | tr ',\037' '\n\n') <(grep "$kept" "$work/updated.txt" | tr ',\037' '\n\n') | head -20; status=1
fi
if ! grep -q 'NOTICE:  rareearth.supply_share keeps its ISO3 text column country: view public.top_suppliers_by_year depends on the view' "$work/create_store.txt" \
   || [ "$(grep -c NOTICE "$work/create_store.txt")" != 1 ]; then
	echo "upgrade: create_store() did not name the one view kept with a text column and what depends on it:"; cat "$work/create_store.txt"; status=1
fi
if [ "$(psql -d "$old" -c "SELECT has_table_privilege('$reader', 'rareearth.development', 'SELECT')")" != t ]; then
	echo "upgrade: development, made anew with a typed country column, lost its grant"; status=1
fi

# the reference tables (members of the extension: elements, HS catalogue,
# revisions, concordance) hold the same rows after the update as after a
# fresh install, so rows an update adds or changes cannot be forgotten
reference="SELECT coalesce(string_agg(format('SELECT %L, t::text FROM rareearth.%I t', c.relname, c.relname), ' UNION ALL '), 'SELECT 1, 1')
                  || ' ORDER BY 1, 2'
FROM pg_class c
WHERE c.relnamespace = 'rareearth'::regnamespace AND c.relkind = 'r'
  AND EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
              AND d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e')"
psql -d "$new" -c "$(psql -d "$new" -c "$reference")" >"$work/reference_fresh.txt"
psql -d "$old" -c "$(psql -d "$old" -c "$reference")" >"$work/reference_updated.txt"
if [ "$(wc -l <"$work/reference_fresh.txt")" -lt 50 ]; then echo "upgrade: the reference tables hold too few rows"; status=1; fi
if ! diff -u "$work/reference_fresh.txt" "$work/reference_updated.txt" >"$work/reference.diff"; then
	echo "upgrade: the reference tables differ from a fresh install of $current (- fresh, + updated):"
	head -40 "$work/reference.diff"; status=1
fi

# the store survives: DROP EXTENSION refuses, nothing was deleted
if psql -U "$owner" -d "$old" -c "DROP EXTENSION rareearth" >/dev/null 2>&1; then
	echo "upgrade: DROP EXTENSION dropped the extension although the store depends on it"; status=1
fi
psql -U "$owner" -d "$old" -c "$snapshot" >"$work/after_drop.txt"
if ! diff -q "$work/after.txt" "$work/after_drop.txt" >/dev/null; then echo "upgrade: DROP EXTENSION changed data"; status=1; fi
# and loads go on in the updated store, through the per-session staging
out=$(psql -U "$owner" -d "$old" <<'SQL'
SELECT rareearth.stage('usgs_mcs') \g /dev/null
\copy usgs_mcs_raw FROM 'test/fixtures/usgs_mcs2026_fixture.csv' CSV HEADER ENCODING 'WIN1252'
SELECT rows_loaded > 0 FROM rareearth.load_usgs_mcs('MCS2026');
SQL
)
if [ "$out" != t ]; then echo "upgrade: loading into the updated store failed: $out"; status=1; fi
# the remedy the NOTICE gives: without the user's view, create_store() types
# supply_share's country too, and the catalog is a fresh install's
before=$(psql -U "$owner" -d "$old" -c "SET search_path = rareearth, public" -c "SELECT count(*) FROM supply_share WHERE country = iso3('Russia')")
psql -U "$owner" -d "$old" -c "DROP VIEW public.top_suppliers_by_year" -c "SELECT rareearth.create_store()" >/dev/null 2>"$work/create_store2.txt"
if grep -q NOTICE "$work/create_store2.txt"; then echo "upgrade: create_store() still keeps a text column:"; cat "$work/create_store2.txt"; status=1; fi
catalog_records "$old" >"$work/updated2.txt"
if ! diff -u "$work/fresh.txt" "$work/updated2.txt" >"$work/catalog2.diff"; then
	echo "upgrade: after the remedy the catalog differs from a fresh install (- fresh, + updated):"; head -30 "$work/catalog2.diff"; status=1
fi
after=$(psql -U "$owner" -d "$old" -c "SET search_path = rareearth, public" -c "SELECT count(*) FROM supply_share WHERE country = 'Russia'")
if [ "$before" != "$after" ] || [ "$after" -eq 0 ]; then
	echo "upgrade: supply_share WHERE country = 'Russia' found $after rows, iso3('Russia') $before before"; status=1
fi
[ "$status" -ne 0 ] || echo "upgrade: $from -> $current: catalog, reference rows, data and dependent objects as expected"
exit $status
