#!/usr/bin/env bash
# doc/reference.md is generated from the catalog (tools/gen_reference.py):
# regenerate it from this install and fail when the committed file differs,
# so that no fact of the reference is kept by hand beside its COMMENT ON.
# Also: every object and every view column has a comment.
# Run by test/run against the throwaway cluster (PGHOST etc. set).
set -euo pipefail
cd "$(dirname "$0")/../.."
PGBIN=$(${PG_CONFIG:-$(test/pg-config)} --bindir)
export PATH=$PGBIN:$PATH
fresh=$(mktemp)
trap 'rm -f "$fresh"' EXIT
python3 tools/gen_reference.py "$fresh"
missing=$(grep -c '\*\*no comment\*\*' "$fresh" || true)
if [ "$missing" != 0 ]; then
	echo "FAIL reference: $missing objects or view columns without a COMMENT:"
	grep '\*\*no comment\*\*' "$fresh" | head -20
	exit 1
fi
if ! diff -u doc/reference.md "$fresh" >/dev/null; then
	echo "FAIL reference: doc/reference.md is stale; run tools/gen_reference.py (needs make install and a server); the difference:"
	diff -u doc/reference.md "$fresh" | head -40
	exit 1
fi
echo "ok   doc/reference.md matches the catalog ($(grep -c '^| `' "$fresh") rows, every one commented)"
