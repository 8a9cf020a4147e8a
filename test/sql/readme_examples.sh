#!/usr/bin/env bash
# Runs every SQL example of README.md and compares its output with the
# ```text block that follows it, so the documentation never drifts from
# the code.  Examples run in order, in one session of a fresh database.
# A ```sql block not followed by a ```text block is run but not compared.
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"; dropdb --if-exists rareearth_readme >/dev/null 2>&1 || true' EXIT

# split README into numbered blocks: NNN.sql and NNN.expected
awk -v dir="$work" '
	/^```sql$/  { n++; f = sprintf("%s/%03d.sql", dir, n); inblock = 1; next }
	/^```text$/ { if (n > 0 && last == "sql") { f = sprintf("%s/%03d.expected", dir, n); inblock = 1; next } }
	/^```/      { if (inblock) { last = (f ~ /sql$/) ? "sql" : "text"; inblock = 0; next } last = ""; next }
	inblock     { print > f; next }
	/[^ \t]/    { last = "" }
' README.md

createdb rareearth_readme
# each example runs in its own session: the schema is on the search path for all
psql -X -q -c "ALTER DATABASE rareearth_readme SET search_path = rareearth, public" >/dev/null
status=0
for sql in "$work"/*.sql; do
	exp=${sql%.sql}.expected
	out=${sql%.sql}.out
	{ echo '\pset footer off'; cat "$sql"; } |
		psql -X -q -v ON_ERROR_STOP=1 -d rareearth_readme 2>&1 |
		awk 'NF { for (; blank > 0; blank--) print ""; print; next } { blank++ }' >"$out" || {
		echo "README example $(basename "$sql") failed:"; cat "$sql"; cat "$out"; status=1; continue; }
	if [ -f "$exp" ] && ! diff -u "$exp" "$out"; then
		echo "README example $(basename "$sql"): output differs from the documented one"
		status=1
	fi
done
exit $status
