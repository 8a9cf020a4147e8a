#!/usr/bin/env bash
# Runs every SQL example of README.md and compares its output with the
# ```text block that follows it, so the documentation never drifts from
# the code.  Examples run in order, each in its own session, in a fresh
# database owned by an ordinary role (no superuser) that installs the
# extension itself, as a database owner on managed PostgreSQL would.
# A ```sql block not followed by a ```text block is run but not compared.
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
owner=rareearth_readme_owner
trap 'rm -rf "$work"; dropdb --if-exists rareearth_readme >/dev/null 2>&1 || true; psql -X -q -c "DROP ROLE IF EXISTS $owner" >/dev/null 2>&1 || true' EXIT

# split README into numbered blocks: NNN.sql and NNN.expected
awk -v dir="$work" '
	/^```sql$/  { n++; f = sprintf("%s/%03d.sql", dir, n); inblock = 1; next }
	/^```text$/ { if (n > 0 && last == "sql") { f = sprintf("%s/%03d.expected", dir, n); inblock = 1; next } }
	/^```/      { if (inblock) { last = (f ~ /sql$/) ? "sql" : "text"; inblock = 0; next } last = ""; next }
	inblock     { print > f; next }
	/[^ \t]/    { last = "" }
' README.md

psql -X -q -c "CREATE ROLE $owner LOGIN NOSUPERUSER" >/dev/null
createdb -O "$owner" rareearth_readme
# each example runs in its own session: the schema is on the search path for all
psql -X -q -c "ALTER DATABASE rareearth_readme SET search_path = rareearth, public" >/dev/null
status=0
for sql in "$work"/*.sql; do
	exp=${sql%.sql}.expected
	out=${sql%.sql}.out
	{ echo '\pset footer off'; cat "$sql"; } |
		psql -X -q -v ON_ERROR_STOP=1 -U "$owner" -d rareearth_readme 2>&1 |
		awk 'NF { for (; blank > 0; blank--) print ""; print; next } { blank++ }' >"$out" || {
		echo "README example $(basename "$sql") failed:"; cat "$sql"; cat "$out"; status=1; continue; }
	if [ -f "$exp" ] && ! diff -u "$exp" "$out"; then
		echo "README example $(basename "$sql"): output differs from the documented one"
		status=1
	fi
done
exit $status
