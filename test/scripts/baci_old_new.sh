#!/usr/bin/env bash
# load_baci was rewritten for speed (one pass, no jsonb per
# row, HS codes by hscode's rule, duplicates only looked for when the upsert
# meets a key twice).  This loads the same staged rows with the loader as it
# was before (commit 63ad032's load_baci and decimal_or_null, renamed, taken
# from git) and with the current one, into two stores of one cluster, and
# checks that trade_flow, trade_reported_total, load_rejects and the
# returned counts are identical, on rows made to hit every branch: every
# refusal reason, five-digit and chapter-00 codes, padded and NA
# quantities, aggregates, in-file duplicates (first and later, valid and
# not), a reload of changed values, and 20,000 ordinary SYNTHETIC rows.
# Run by test/run against the throwaway cluster (PGHOST etc. set); exit 0 = pass.
set -euo pipefail
cd "$(dirname "$0")/../.."
old_commit=63ad032
if ! git cat-file -e "$old_commit:src/sql/install/54_load_trade.sql" 2>/dev/null; then
	echo "skip: no git history with commit $old_commit (the old loader)"
	exit 0
fi
psql() { command psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }
work=$(mktemp -d)
trap 'rm -rf "$work"; for d in old new; do dropdb --if-exists "rareearth_baci_${d}_$$" >/dev/null 2>&1 || true; done' EXIT

# the old loader, renamed, as a function of the test database
git show "$old_commit:src/sql/install/54_load_trade.sql" |
	awk '/^CREATE FUNCTION @extschema@.decimal_or_null/, /^COMMENT ON FUNCTION @extschema@.decimal_or_null/ { print; next }
	     /^CREATE FUNCTION @extschema@.load_baci/, /^COMMENT ON FUNCTION @extschema@.load_baci/ { print }' |
	grep -v '^COMMENT ON' |
	sed -e 's/@extschema@.load_baci(/public.load_baci_old(/; s/@extschema@.decimal_or_null/public.decimal_or_null_old/g' \
	    -e 's/load_baci\.\(release\|synthetic\)/load_baci_old.\1/g' -e 's/@extschema@/rareearth/g' >"$work/old.sql"
grep -q 'public.load_baci_old' "$work/old.sql" && grep -q 'public.decimal_or_null_old' "$work/old.sql" ||
	{ echo "FAIL could not extract the old loader"; exit 1; }

# staged rows: the shipped fixture and rows for every branch (rows.sql), 20,000
# ordinary ones (ordinary.sql)
cat >"$work/rows.sql" <<'SQL'
\copy baci_raw FROM 'test/fixtures/baci_synthetic.csv' CSV HEADER
INSERT INTO baci_raw VALUES
	('2023', '643', '156', '10121', '5', '1'),            -- five digits: 0101.21
	('2023', '643', '156', '01012', '5', '1'),            -- five digits, chapter 00
	('2023', '643', '156', '001012', '5', '1'),           -- chapter 00
	('2023', '643', '156', ' 284610 ', '5', '  NA'),      -- padded
	('2023', '643', '156', '2846.10', '5', '1'),          -- dotted
	('2023', '643', '156', '28461', '5', ''),             -- five digits, empty q
	('2023', '643', '156', '2846100', '5', '1'),          -- seven digits
	('23', '643', '156', '284690', '5', '1'),             -- year
	(NULL, '643', '156', '284690', '5', '1'),
	('2023', 'ABC', '156', '284690', '1', '1'), ('2023', '643', '99999999999', '284690', '1', '1'),
	('2023', '643', '156', '280530', '1e400', '1'), ('2023', '643', '156', '280530', '1e306', '1'),
	('2023', '643', '156', '280530', '1e-400', '1'), ('2023', '643', '156', '280530', '-0', '-0'),
	('2023', '643', '156', '280530', '12345678901234567', '1'),
	('2023', '643', '156', '280530', '0.000000000000000000001', '2.5e3'),
	('2023', '643', '156', '280530', '1.', 'x'), ('2023', '643', '156', '280530', 'abc', '1'),
	('2023', '643', '156', '280530', NULL, '1'), ('2023', '643', '156', '280530', '1', '-2'),
	('2023', '643', '156', '280530', '1', '1e306'),
	('2023', '842', '711', '284690', '7', '2'),            -- aggregate partner (SACU)
	('2023', '842', '711', '284690', '8', '2'),            -- its duplicate
	('2024', '643', '156', '284690', '1', '1'), ('2024', '643', '156', '284690', '2', '2'),  -- duplicate, later refused
	('2024', '643', '156', '720299', 'x', '1'), ('2024', '643', '156', '720299', '3', '1');  -- invalid first, valid later
SQL
cat >"$work/ordinary.sql" <<'SQL'
INSERT INTO baci_raw
SELECT '2022', (ARRAY['4', '8', '12', '643', '156', '842', '36', '76'])[1 + s % 8],
       (ARRAY['156', '842', '276', '392', '410', '251', '380', '699'])[1 + (s / 8) % 8],
       lpad((10101 + (s / 64) * 7)::text, 6, ' '), (s * 37 % 100000 / 7.0)::text,
       CASE WHEN s % 11 = 0 THEN '          NA' ELSE (s % 5000 / 3.0)::text END
FROM generate_series(0, 19999) s;
SQL

status=0
for d in old new; do
	db=rareearth_baci_${d}_$$
	createdb "$db"
	psql -d "$db" -c 'CREATE EXTENSION rareearth' -c 'SELECT rareearth.create_store()' >/dev/null
	psql -d "$db" -f "$work/old.sql" >/dev/null
	fn=load_baci; [ "$d" = old ] && fn=public.load_baci_old
	# first: every branch; second: the same release again, values changed
	# (updates, not new rows); third: ordinary rows alone, without a
	# duplicate (the loader's single pass), under a release of their own;
	# fourth: the third again (nothing changes) and, after it, a changed copy
	# of its first row (a duplicate whose first row leaves the stored one as
	# it is: the copy is refused, never an update); fifth: a year not loaded
	# before (the plain INSERT) with a duplicate among ordinary rows
	for load in first second third fourth fifth; do
		{
			echo "SET search_path = rareearth, public; SELECT stage('baci') \\g /dev/null"
			if [ "$load" = fifth ]; then
				echo "INSERT INTO baci_raw VALUES ('2030', '643', '156', '284690', '1', '1'), ('2030', '643', '156', '280530', '3', '3'),"
				echo "	('2030', '643', '156', '284690', '2', '2'), ('2030', '156', '643', '284690', '4', 'NA');"
				echo "SELECT '$load', * FROM $fn('new year', synthetic => true);"
			else
				case $load in first | second) cat "$work/rows.sql" ;; esac
				cat "$work/ordinary.sql"
				[ "$load" = second ] && echo "UPDATE baci_raw SET v = v || '1' WHERE t = '2022' AND v ~ '^[0-9.]+\$';"
				release='fixture release'
				case $load in third | fourth)
					release='ordinary rows'
					echo "UPDATE baci_raw SET q = q || '3' WHERE q ~ '^[0-9.]+\$';" ;;
				esac
				[ "$load" = fourth ] && echo "INSERT INTO baci_raw SELECT t, i, j, k, v || '9', q FROM baci_raw WHERE ctid = '(0,1)';"
				echo "SELECT '$load', * FROM $fn('$release', synthetic => true);"
			fi
		} | psql -d "$db" >>"$work/$d.counts"
	done
	psql -d "$db" >"$work/$d.tables" <<'SQL'
SELECT 'flow', year, month, reporter, partner, flow, product, net_weight_kg, value_usd, valuation, source, release,
       quantity_estimated, net_weight_estimated, synthetic FROM rareearth.trade_flow ORDER BY 2, 3, 4, 5, 6, 7;
SELECT 'total', year, month, reporter, partner_area, flow, product, net_weight_kg, value_usd, valuation, source, release, synthetic
FROM rareearth.trade_reported_total ORDER BY 2, 3, 4, 5, 6, 7;
-- one deliberate change of wording since: the year's reason names the range
SELECT 'reject', source, release, replace(reason, 'is not a year 1900-2100', 'is not a year') AS reason, record, severity
FROM rareearth.load_rejects ORDER BY 4, record::text;
SQL
done
if cmp -s "$work/old.counts" "$work/new.counts"; then echo "ok   counts: $(tr '\n' ' ' <"$work/new.counts")"; else
	echo "FAIL counts differ"; diff "$work/old.counts" "$work/new.counts" || true; status=1; fi
if cmp -s "$work/old.tables" "$work/new.tables"; then
	echo "ok   trade_flow, trade_reported_total and load_rejects identical ($(grep -c '^flow' "$work/new.tables") flows, $(grep -c '^total' "$work/new.tables") totals, $(grep -c '^reject' "$work/new.tables") rejects)"
else
	echo "FAIL stored rows differ"; diff "$work/old.tables" "$work/new.tables" | head -20 || true; status=1
fi
[ "$(grep -c '^reject' "$work/new.tables")" -ge 20 ] && [ "$(grep -c '^total' "$work/new.tables")" -ge 1 ] ||
	{ echo "FAIL the rows do not reach every branch"; status=1; }
exit $status
