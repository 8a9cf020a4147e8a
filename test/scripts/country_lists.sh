#!/usr/bin/env bash
# Every code of the published country lists (data/country_codes: UN Comtrade's
# API reporters and partners, the legacy comtrade.un.org lists, CEPII BACI
# V202501) is read by the extension as the country the publisher names, as an
# aggregate where the publisher lists an area or group, or refused with a
# reason: Python reads the lists (json, csv, and R's serialization for the
# partner table) independently of the country table, and compares with
# country_codes() and country_from_code().  Then the loaders: a BACI row and a
# Comtrade row per code, each code once as exporter or partner, must all be
# loaded or set aside as aggregates, the refused codes refused with their
# reason in load_rejects (the codes of one country each in a row of its own
# key: Comtrade's 840, 841 and 842 are the USA, BACI's 276 and 280 Germany).
# Run by test/run against the throwaway cluster (PGHOST etc. set); exit 0 = pass.
set -euo pipefail
cd "$(dirname "$0")/../.."
psql() { command psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }
db=rareearth_country_lists_$$ work=$(mktemp -d)
trap 'rm -rf "$work"; dropdb --if-exists "$db" >/dev/null 2>&1 || true' EXIT
createdb "$db"
psql -d "$db" -c 'CREATE EXTENSION rareearth' >/dev/null

python3 test/scripts/country_lists.py lists data/country_codes >"$work/codes.csv"
command psql -X -q -t --csv -v ON_ERROR_STOP=1 -d "$db" >"$work/db.csv" <<SQL
CREATE TEMP TABLE listed (list text, scheme text, code int, name text, iso text, grp bool);
\copy listed FROM '$work/codes.csv' WITH (FORMAT csv)
-- each listed code: what country_codes() and country_from_code() say
SELECT 'code', l.list, l.code, coalesce(rareearth.iso3(c.country), ''), coalesce(rareearth.is_aggregate(c.country)::text, ''),
       coalesce(c.refused_because, ''), coalesce(c.is_own::text, ''),
       CASE WHEN c.country IS NULL THEN '' ELSE rareearth.iso3(rareearth.country_from_code(l.code, l.scheme)) END
FROM listed l LEFT JOIN rareearth.country_codes() c ON c.scheme = l.scheme AND c.code = l.code;
SELECT rareearth.create_store() \g /dev/null
-- the loaders: one BACI row per BACI code (as exporter, China importing), one
-- Comtrade row per Comtrade code (as partner of China)
SELECT rareearth.stage('baci') \g /dev/null
INSERT INTO pg_temp.baci_raw
SELECT (ROW('2022', code::text, '156',
	(ARRAY['284690', '280530', '850511', '261220', '261590'])[1 + code % 5], '12.5', '1')::rareearth.baci_record).*
FROM (SELECT DISTINCT code FROM listed WHERE scheme = 'baci' AND code <> 156) b;
SELECT 'baci', rows_loaded, rows_rejected, rows_aggregate, (SELECT count(DISTINCT code) FROM listed WHERE scheme = 'baci' AND code <> 156)
FROM rareearth.load_baci('BACI V202501 codes', synthetic => true);
SELECT rareearth.stage('comtrade') \g /dev/null
INSERT INTO pg_temp.comtrade_raw
SELECT (jsonb_populate_record(NULL::rareearth.comtrade_record, jsonb_build_object('typeCode', 'C', 'freqCode', 'A',
	'refPeriodId', (1901 + code % 199)::text || '0101', 'refYear', (1901 + code % 199)::text, 'refMonth', '52',
	'period', (1901 + code % 199)::text, 'reporterCode', '156',
	'flowCode', 'M', 'partnerCode', code::text, 'partner2Code', '0', 'classificationCode', 'H6',
	'classificationSearchCode', 'HS', 'isOriginalClassification', 'true',
	'cmdCode', (ARRAY['2846', '2805', '8505', '2612', '2615'])[1 + code / 199], 'aggrLevel', '4',
	'isLeaf', 'false', 'customsCode', 'C00', 'motCode', '0', 'qtyUnitCode', '8', 'qtyUnitAbbr', 'kg', 'qty', '1000',
	'isQtyEstimated', 'false', 'netWgt', '1000', 'isNetWgtEstimated', 'false', 'primaryValue', '10000',
	'cifvalue', '10000', 'isReported', 'true', 'isAggregate', 'false'))).*
FROM (SELECT DISTINCT code FROM listed WHERE scheme = 'comtrade' AND code <> 156) c;
SELECT 'comtrade', rows_loaded, rows_rejected, rows_aggregate, (SELECT count(DISTINCT code) FROM listed WHERE scheme = 'comtrade' AND code <> 156)
FROM rareearth.load_comtrade('Comtrade list codes', synthetic => true);
SELECT 'reject', record->>'partnerCode', reason FROM rareearth.load_rejects WHERE source = 'comtrade';
SELECT 'reject_baci', record->>'i', reason FROM rareearth.load_rejects WHERE source = 'baci';
SQL
python3 test/scripts/country_lists.py check "$work/codes.csv" "$work/db.csv"
