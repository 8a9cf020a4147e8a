#!/usr/bin/env bash
# Issue 23: origin tracing against an independent solver.  Random trade
# networks of 3 to 250 countries (a few dominant producers, sparse flows,
# loops, re-exporters; half of them balanced, half with over-exporters) are
# traced in SQL (origin_flows, traced_origin, domestic_use, disruption,
# network_adjustments) and by numpy's dense LU (numpy.linalg.solve) on the
# formula itself: x = p + a'x with a = Z / max(reported supply, exports)
# (for balanced data x is p + imports), d = x - F1, O = diag(p) (diag(x) -
# F)^-1 diag(d) (Kastner et al. 2011).  Every entry must agree to 1e-9 of
# the network's production; the largest difference is printed.
# Run by test/run against the throwaway cluster (PGHOST etc. set); exit 0 = pass.
set -euo pipefail
cd "$(dirname "$0")/../.."
db=rareearth_origin_random_$$
trap 'dropdb --if-exists "$db" >/dev/null 2>&1 || true' EXIT
createdb "$db"
psql -X -q -v ON_ERROR_STOP=1 -d "$db" -c "CREATE EXTENSION rareearth"

# Debian's python3 (tools/deps installs python3-pandas, hence numpy, and psycopg2 for it)
/usr/bin/python3 - "$db" <<'PY'
import json
import sys
import numpy as np
import psycopg2

conn = psycopg2.connect(dbname=sys.argv[1])
conn.autocommit = True
cur = conn.cursor()
cur.execute("SET search_path = rareearth, public")
rng = np.random.default_rng(23)
TOL = 1e-9
worst = 0.0
cases = 0


def network(n, balanced):
    """production p, flows Z (dense, zero diagonal) and the rows for SQL"""
    Z = np.zeros((n, n))
    edges = min(n * (n - 1), n * 12)
    # a few big exporters: Pareto weights for the exporter side
    w = rng.pareto(1.2, n) + 0.05
    src = rng.choice(n, size=edges, p=w / w.sum())
    dst = rng.integers(0, n, size=edges)
    for i, j in zip(src, dst):
        if i != j:
            Z[i, j] += float(rng.integers(1, 1000))
    p = np.where(rng.random(n) < 0.3, rng.integers(0, 5000, n), 0).astype(float)
    if balanced:
        deficit = Z.sum(1) - (p + Z.sum(0))
        p = np.where(deficit > 0, p + deficit, p)
    return p, Z


def reference(p, Z, cut_country=None, cut=0.0):
    n = len(p)
    xr = p + Z.sum(0)
    E = Z.sum(1)
    B = np.maximum(xr, E)
    A = np.divide(Z, B[:, None], out=np.zeros_like(Z), where=B[:, None] > 0)
    if cut_country is not None:
        A[cut_country, :] *= 1 - cut
    x = np.linalg.solve(np.eye(n) - A.T, p)
    F = A * x[:, None]
    d = x - F.sum(1)
    M = np.diag(x) - F
    # O = diag(p) M^-1 diag(d), countries with x = 0 are isolated: keep M invertible
    M[np.arange(n), np.arange(n)] += np.where(x == 0, 1.0, 0.0)
    O = p[:, None] * np.linalg.inv(M) * d[None, :]
    return x, d, O, E - F.sum(1)


def check(name, ok, detail):
    global cases
    cases += 1
    if not ok:
        print(f"origin_random: {name}: {detail}")
        sys.exit(1)


for n, balanced in [(3, True), (3, False), (10, True), (10, False), (50, True), (50, False),
                    (120, True), (120, False), (250, True), (250, False)]:
    p, Z = network(n, balanced)
    keys = [f"K{i:03d}" for i in range(n)]
    rows = [(keys[i], keys[i], float(p[i])) for i in range(n)]
    rows += [(keys[i], keys[j], float(Z[i, j])) for i, j in zip(*np.nonzero(Z))]
    cur.execute("DROP TABLE IF EXISTS flows; CREATE TABLE flows (e text, i text, q float8)")
    cur.executemany("INSERT INTO flows VALUES (%s, %s, %s)", rows)
    cur.execute("DROP TABLE IF EXISTS net; CREATE TABLE net AS SELECT trade_network(e, i, q) AS n FROM flows")
    x, d, O, adj = reference(p, Z)
    scale = max(1.0, p.sum())
    label = f"n={n} {'balanced' if balanced else 'unbalanced'}"

    # origin_flows: every entry of O
    cur.execute("SELECT origin, destination, quantity FROM net, origin_flows(n)")
    ours = np.zeros((n, n))
    for o, t, q in cur.fetchall():
        ours[keys.index(o), keys.index(t)] = q
    diff = np.abs(ours - O).max()
    worst = max(worst, diff / scale)
    check(label + " origin_flows", diff <= TOL * scale, f"max |O - reference| = {diff}")
    check(label + " rows sum to p", np.abs(ours.sum(1) - p).max() <= TOL * scale, "row sums")
    check(label + " columns sum to d", np.abs(ours.sum(0) - d).max() <= TOL * scale, "column sums")

    # domestic use and traced_origin (the column path) of three countries
    for j in rng.choice(n, size=min(3, n), replace=False):
        cur.execute("SELECT domestic_use(n, %s), traced_origin(n, %s)::text FROM net", (keys[j], keys[j]))
        use, mix = cur.fetchone()
        check(label + f" domestic_use {keys[j]}", abs(use - d[j]) <= TOL * scale, f"{use} vs {d[j]}")
        col = json.loads(mix)
        for i in range(n):
            check(label + f" traced_origin {keys[j]} from {keys[i]}",
                  abs(col.get(keys[i], 0.0) - O[i, j]) <= TOL * scale, f"{col.get(keys[i], 0.0)} vs {O[i, j]}")

    # imbalance adjustments
    cur.execute("SELECT country, adjustment FROM net, network_adjustments(n)")
    got = dict(cur.fetchall())
    for i in range(n):
        check(label + f" adjustment {keys[i]}", abs(got.get(keys[i], 0.0) - adj[i]) <= TOL * scale,
              f"{got.get(keys[i], 0.0)} vs {adj[i]}")

    # the largest producer cuts its exports by 40%
    s = int(np.argmax(p))
    x2, d2, _, _ = reference(p, Z, s, 0.4)
    cur.execute("SELECT country, use_after FROM net, disruption(n, %s, 0.4)", (keys[s],))
    after = dict(cur.fetchall())
    diff = max(abs(after[keys[j]] - d2[j]) for j in range(n))
    worst = max(worst, diff / scale)
    check(label + " disruption", diff <= TOL * scale, f"max |use_after - reference| = {diff}")
    check(label + " use after sums to production", abs(sum(after.values()) - p.sum()) <= TOL * scale, "sum")

print(f"origin_random: {cases} checks on 10 networks of 3-250 countries, "
      f"largest difference from numpy {worst:.2e} of total production")
PY
