#!/usr/bin/env bash
# Downloads the real trade files of test/fixtures/real/comtrade_files.tsv
# (which the repository may not ship: UN Comtrade's terms forbid
# re-disseminating its data) and baci_files.tsv (too large to ship) into $RAREEARTH_REAL_FILES (default
# /var/cache/rareearth-real-files), from raw.githubusercontent.com at the
# commit the manifest names, and checks each file's sha256.  Needs internet;
# test/scripts/real_trade_files.sh skips, loudly, the files that are absent.
# Usage: tools/fetch_real_files.sh   (from the repository root)
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${RAREEARTH_REAL_FILES:-/var/cache/rareearth-real-files}
mkdir -p "$dir"
status=0
while IFS=$'\t' read -r file source sha rest; do
	case "$file" in ''|'#'*|file) continue ;; esac
	repo=${source%%@*}; at=${source#*@}; commit=${at%%:*}; path=${at#*:}
	url="https://raw.githubusercontent.com/$repo/$commit/$path"
	if [ -f "$dir/$file" ] && [ "$(sha256sum <"$dir/$file" | cut -d' ' -f1)" = "$sha" ]; then
		echo "have $file"; continue
	fi
	curl -fsSL --retry 3 -o "$dir/$file.part" "$url"
	if [ "$(sha256sum <"$dir/$file.part" | cut -d' ' -f1)" = "$sha" ]; then
		mv "$dir/$file.part" "$dir/$file"; echo "fetched $file from $url"
	else
		rm -f "$dir/$file.part"; echo "FAILED $file: $url has another sha256 than the manifest's" >&2; status=1
	fi
done < <(cat test/fixtures/real/comtrade_files.tsv test/fixtures/real/baci_files.tsv)
exit $status
