#!/usr/bin/env bash
# One source for the version: rareearth.control's default_version.  Checks
# that everything else that names the version agrees with it: the Makefile's
# EXTVERSION (make print-version) and the name of `make dist`'s zip,
# META.json (the top-level version and provides.rareearth.version),
# CHANGELOG.md's first entry and the extension CREATE EXTENSION installs.
# A release bump edits rareearth.control, META.json and CHANGELOG.md only.
#
# CHANGELOG.md's first "## [x.y.z] - ..." entry must be the version, except
# while that entry is still unreleased (no date): then the version may also
# be the latest released entry's (work towards x.y.z before the bump).
# Run by test/run against the throwaway cluster (PGHOST etc. set); exit 0 = pass.
set -euo pipefail
cd "$(dirname "$0")/../.."
PGBIN=$(${PG_CONFIG:-$(test/pg-config)} --bindir)
db=rareearth_version_$$
trap '"$PGBIN/dropdb" --if-exists "$db" >/dev/null 2>&1 || true' EXIT
psql() { "$PGBIN/psql" -X -q -At -v ON_ERROR_STOP=1 "$@"; }

status=0
problem() { echo "version: $*"; status=1; }
agrees() {	# what, the version it names
	[ "$2" = "$version" ] || problem "$1 says '$2', rareearth.control says '$version'"
}

version=$(sed -n "s/^default_version *= *'\([^']*\)'.*/\1/p" rareearth.control)
if ! [[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]]; then
	echo "version: rareearth.control's default_version '$version' is not x.y.z"
	exit 1
fi

# Makefile
agrees "the Makefile's EXTVERSION" "$(make -s --no-print-directory print-version)"
zip=$(make -n --no-print-directory dist | grep -o 'rareearth-[^ ]*\.zip' | head -1)
[ "$zip" = "rareearth-$version.zip" ] || problem "make dist would write '$zip'"

# META.json, read by the server's JSON parser (which also checks it is JSON)
meta=$(psql -d postgres -v meta="$(cat META.json)" <<'SQL'
SELECT string_agg(coalesce(m #>> p::text[], '(none)'), ' ' ORDER BY n)
FROM (SELECT :'meta'::jsonb AS m) s,
     unnest(ARRAY['{version}', '{provides,rareearth,version}', '{provides,rareearth,file}',
                  '{name}', '{license}', '{meta-spec,version}']::text[][]) WITH ORDINALITY AS u(p, n);
SQL
) || { echo "version: META.json is not valid JSON"; exit 1; }
read -r meta_version provides_version provides_file name license spec <<<"$meta"
agrees "META.json's version" "$meta_version"
agrees "META.json's provides.rareearth.version" "$provides_version"
[ -f "$provides_file" ] || problem "META.json's provides.rareearth.file '$provides_file' does not exist"
[ "$name $license $spec" = "rareearth postgresql 1.0.0" ] ||
	problem "META.json: expected name rareearth, license postgresql, meta-spec 1.0.0; found '$name $license $spec'"

# CHANGELOG.md: the first versioned entry, and the latest released one
entries=$(sed -n 's/^## \[\([0-9][^]]*\)\]\(.*\)$/\1\2/p' CHANGELOG.md)
first=$(head -1 <<<"$entries")
first_version=${first%% *}
released=$(grep -E '^[^ ]+ +- +[0-9]{4}-[0-9]{2}-[0-9]{2}' <<<"$entries" | head -1 | cut -d' ' -f1 || true)
if [ -z "$first" ]; then
	problem "CHANGELOG.md has no '## [x.y.z] - ...' entry"
elif [ "$first_version" != "$version" ]; then
	if grep -qE '^[^ ]+ +- +[0-9]{4}-[0-9]{2}-[0-9]{2}' <<<"$first"; then
		problem "CHANGELOG.md's first entry is the release $first_version, rareearth.control says '$version'"
	elif [ "$released" != "$version" ]; then
		problem "CHANGELOG.md's first entry is the unreleased $first_version and its latest release '${released:-none}'; rareearth.control says '$version'"
	fi
fi

# the installed extension: the control file installed by `make install`,
# and the version CREATE EXTENSION (no VERSION clause) installs
"$PGBIN/createdb" "$db"
installed=$(psql -d "$db" <<'SQL'
CREATE EXTENSION rareearth;
SELECT e.extversion || ' ' || a.default_version
FROM pg_extension e JOIN pg_available_extensions a ON a.name = e.extname
WHERE e.extname = 'rareearth';
SQL
)
read -r extversion default_version <<<"$installed"
agrees "pg_extension.extversion after CREATE EXTENSION" "$extversion"
agrees "the installed control file's default_version" "$default_version"

[ $status -ne 0 ] || echo "version $version: rareearth.control, Makefile, META.json, CHANGELOG.md and the installed extension agree"
exit $status
