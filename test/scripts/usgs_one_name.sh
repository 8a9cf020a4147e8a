#!/usr/bin/env bash
# One USGS statistic, one name, whichever path stored it: after loading the
# real MCS2026 release (load_usgs_mcs, staged with \copy, as README shows) and
# the shipped sample (data/load_sample.sql, USGS's printed salient statistics
# of earlier editions), no figure (same commodity, country, year, value) is
# stored under two statistic names of which one is the other's words
# reordered or with words left out (consumption_apparent_... against
# apparent_consumption_..., imports_metals_ferrocerium_alloys against
# imports_ferrocerium_alloys).  The words are compared in Python, not SQL.
# Also: both paths have figures in common (the check compares something).
# Run by test/run against the throwaway cluster (PGHOST etc. set); exit 0 = pass.
set -euo pipefail
cd "$(dirname "$0")/../.."
db=rareearth_one_name_$$
work=$(mktemp -d)
trap 'rm -rf "$work"; dropdb --if-exists "$db" >/dev/null 2>&1 || true' EXIT
psql() { command psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }

createdb "$db"
psql -d "$db" >/dev/null <<'SQL'
CREATE EXTENSION rareearth;
SELECT rareearth.create_store();
SELECT rareearth.stage('usgs_mcs');
\copy usgs_mcs_raw FROM 'data/usgs/mcs2026/usgs_mcs2026_commodities_data.csv' CSV HEADER ENCODING 'WIN1252'
SELECT * FROM rareearth.load_usgs_mcs('MCS2026');
SQL
psql -d "$db" -f data/load_sample.sql >/dev/null
psql -d "$db" -F'|' >"$work/stats.txt" <<'SQL'
SELECT commodity, country::text, year, value, statistic, edition FROM rareearth.published_statistic
WHERE source LIKE '%USGS%' AND value IS NOT NULL AND value <> 0;
SQL
python3 - "$work/stats.txt" <<'PY'
import collections, sys
names = collections.defaultdict(set)
editions = collections.defaultdict(set)
for line in open(sys.argv[1]).read().splitlines():
    commodity, country, year, value, statistic, edition = line.split('|')
    key = (commodity, country, year, float(value))
    names[key].add(statistic)
    editions[statistic].add(edition)
# two statistics of their own that share a figure: MCS2019 prints exports of
# compounds, later editions exports of ores and compounds; they agree for 2017
# (1,740 t REO: no ore exported while Mountain Pass was idle) and differ for
# 2018 (15,000 against 17,900)
DISTINCT = {('exports_compounds', 'exports_ores_and_compounds')}
aliases = set()
for key, stats in names.items():
    for a in stats:
        for b in stats:
            wa, wb = set(a.split('_')) - {'and'}, set(b.split('_')) - {'and'}
            if a < b and (wa <= wb or wb <= wa) and (a, b) not in DISTINCT:
                aliases.add((a, b))
shared = {s for s, e in editions.items() if 'MCS2026' in e and e - {'MCS2026'}}
ok = not aliases and len(shared) >= 5
print(('ok   ' if ok else 'FAIL ') + 'no USGS figure stored under two names of one statistic (%d figures; %d statistics '
      'loaded by both the MCS2026 loader and the sample)' % (len(names), len(shared)))
for a, b in sorted(aliases):
    print('     same figure under %s and %s' % (a, b))
sys.exit(0 if ok else 1)
PY
