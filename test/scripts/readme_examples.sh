#!/usr/bin/env bash
# Runs every SQL example of README.md and of the reference in doc/ and
# compares its output with the ```text block that follows it, so the
# documentation never drifts from the code.  Examples run in order, each in
# its own session, in a fresh database owned by an ordinary role (no
# superuser) that installs the extension itself, as a database owner on
# managed PostgreSQL would: README.md's tour in one database, the reference
# files in another, in their reading order (DOCS below: later files build
# on what earlier ones created).  A ```sql block not followed by a ```text
# block is run but not compared.
set -euo pipefail
cd "$(dirname "$0")/../.."
DOCS="testing supply-mix trade-vocabulary dependency-metrics origin-tracing eu-supply-risk trajectories
      store-and-loaders views country-scores country-groups crma several-nodes citus security layout benchmarks reference"
for d in $DOCS; do [ -f "doc/$d.md" ] || { echo "readme_examples: doc/$d.md is missing"; exit 1; }; done
for f in doc/*.md; do
	case " $(echo $DOCS) " in *" $(basename "$f" .md) "*) ;; *) echo "readme_examples: $f is not in DOCS"; exit 1 ;; esac
done
work=$(mktemp -d)
owner=rareearth_readme_owner
trap 'rm -rf "$work"; for db in rareearth_readme rareearth_docs; do dropdb --if-exists $db >/dev/null 2>&1 || true; done; psql -X -q -c "DROP ROLE IF EXISTS $owner" >/dev/null 2>&1 || true' EXIT

# run_examples DB FILE...: split the files into numbered blocks (NNN.sql,
# NNN.expected) and run them in order in a fresh database DB
run_examples() {
	local db=$1 dir
	shift
	dir=$(mktemp -d -p "$work")
	awk -v dir="$dir" '
		FNR == 1    { last = "" }
		/^```sql$/  { n++; f = sprintf("%s/%03d.sql", dir, n); inblock = 1; src[n] = FILENAME ":" (++k[FILENAME]); next }
		/^```text$/ { if (n > 0 && last == "sql") { f = sprintf("%s/%03d.expected", dir, n); inblock = 1; next } }
		/^```/      { if (inblock) { last = (f ~ /sql$/) ? "sql" : "text"; inblock = 0; next } last = ""; next }
		inblock     { print > f; next }
		/[^ \t]/    { last = "" }
		END         { for (i = 1; i <= n; i++) printf "%03d %s\n", i, src[i] > (dir "/sources") }
	' "$@"
	createdb -O "$owner" "$db"
	# each example runs in its own session: the schema is on the search path for all
	psql -X -q -c "ALTER DATABASE $db SET search_path = rareearth, public" >/dev/null
	for sql in "$dir"/*.sql; do
		[ -e "$sql" ] || continue
		local exp=${sql%.sql}.expected out=${sql%.sql}.out n
		n=$(basename "$sql" .sql)
		local from
		from=$(awk -v n="$n" '$1 == n { print $2 }' "$dir/sources")
		{ echo '\pset footer off'; cat "$sql"; } |
			psql -X -q -v ON_ERROR_STOP=1 -U "$owner" -d "$db" 2>&1 |
			awk 'NF { for (; blank > 0; blank--) print ""; print; next } { blank++ }' >"$out" || {
			echo "example $from (the file's SQL blocks counted from 1) failed:"; cat "$sql"; cat "$out"; status=1; continue; }
		if [ -f "$exp" ] && ! diff -u "$exp" "$out"; then
			echo "example $from: output differs from the documented one"
			status=1
		fi
	done
}

psql -X -q -c "CREATE ROLE $owner LOGIN NOSUPERUSER" >/dev/null
status=0
run_examples rareearth_readme README.md
run_examples rareearth_docs $(for d in $DOCS; do echo "doc/$d.md"; done)
exit $status
