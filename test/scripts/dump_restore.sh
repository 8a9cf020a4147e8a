#!/usr/bin/env bash
# Dump-and-restore round trip of the vocabulary types and the data store: a table using
# country, hscode, ree, supply_stage and a country-keyed supply_mix is
# pg_dump'ed (custom format) from one database, restored into a fresh one,
# and compared row by row (text and binary forms), with its indexes.
# Run by test/run against the throwaway cluster (PGHOST etc. set); exit 0 = pass.
set -euo pipefail
PGBIN=$(${PG_CONFIG:-$(test/pg-config)} --bindir)
src=rareearth_dump_src_$$
dst=rareearth_dump_dst_$$
dump=$(mktemp /tmp/rareearth-dump.XXXXXX)
cleanup() {
	"$PGBIN/dropdb" --if-exists "$src" >/dev/null 2>&1 || true
	"$PGBIN/dropdb" --if-exists "$dst" >/dev/null 2>&1 || true
	rm -f "$dump"
}
trap cleanup EXIT
psql() { "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 "$@"; }

"$PGBIN/createdb" "$src"
psql -d "$src" <<'SQL'
CREATE EXTENSION rareearth;
SET search_path = rareearth, public;
CREATE TABLE public.shipments (
	id int PRIMARY KEY,
	reporter country NOT NULL,
	partner country,
	code hscode NOT NULL,
	element ree,
	stage supply_stage,
	tonnes float8
);
INSERT INTO public.shipments
SELECT i, r.country, CASE WHEN i % 11 = 0 THEN NULL ELSE p.country END,
       (ARRAY['28', '2805', '280530', '2846', '284610', '284690', '28469020', '8505110000', '2612.20', '0101'])[1 + i % 10]::hscode,
       (enum_range(NULL::ree))[1 + i % 17], (enum_range(NULL::supply_stage))[1 + i % 5], i * 1.25
FROM generate_series(1, 2000) i
JOIN (SELECT country, row_number() OVER (ORDER BY country) - 1 AS k FROM country_reference()) r ON r.k = i % 262
JOIN (SELECT country, row_number() OVER (ORDER BY country) - 1 AS k FROM country_reference()) p ON p.k = (i * 7) % 262;
CREATE INDEX shipments_code ON public.shipments (code);
CREATE INDEX shipments_partner ON public.shipments USING hash (partner);
CREATE TABLE public.mixes AS
SELECT code, supply_mix(partner, tonnes) AS mix FROM public.shipments GROUP BY code;
-- the data store (not part of the extension) with the shipped sample
\i data/load_sample.sql
SQL
"$PGBIN/pg_dump" -Fc -f "$dump" "$src"
"$PGBIN/createdb" "$dst"
"$PGBIN/pg_restore" --exit-on-error -d "$dst" "$dump"

# Every row in text form, then in binary (send) form, in both databases.
query="SET search_path = rareearth, public;
SELECT id, reporter, partner, code, element, stage, tonnes,
       country_send(reporter), country_send(partner), hscode_send(code)
FROM shipments ORDER BY id;
SELECT code, mix::text, supply_mix_send(mix) FROM mixes ORDER BY code;
SELECT count(*) FROM shipments WHERE code <@ '2846';
SELECT indexname FROM pg_indexes WHERE tablename = 'shipments' ORDER BY 1;
SELECT 'store', (SELECT count(*) FROM production), (SELECT count(*) FROM reserves), (SELECT count(*) FROM targets);
SELECT country, year, edition, quantity_t FROM production ORDER BY 1, 2, 3;
SELECT * FROM supply_concentration ORDER BY year, commodity, stage;"
a=$(psql -At -d "$src" -c "$query")
b=$(psql -At -d "$dst" -c "$query")
if [ "$(wc -l <<<"$a")" -lt 2100 ]; then
	echo "dump_restore: the comparison query returned too little to compare"
	exit 1
fi
rows=$(psql -At -d "$dst" -c "SELECT count(*) FROM shipments")
if [ "$rows" != 2000 ]; then
	echo "dump_restore: expected 2000 restored rows, found $rows"
	exit 1
fi
if [ "$a" != "$b" ]; then
	echo "dump_restore: restored data differ"
	diff <(echo "$a") <(echo "$b") | head -20
	exit 1
fi
# The restored btree index still answers containment as a range.
plan=$(psql -At -d "$dst" -c "SET search_path = rareearth, public; SET enable_seqscan = off;
	EXPLAIN (COSTS OFF) SELECT * FROM shipments WHERE code <@ '2846'")
if ! grep -q "shipments_code" <<<"$plan"; then
	echo "dump_restore: restored index not used for containment:"
	echo "$plan"
	exit 1
fi
