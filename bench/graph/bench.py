"""Graph benchmark: pyzig vs rustworkx vs networkx from Python, each library in its own process.

W1 build the graph (N nodes, N-1 type-1 tree edges, N random type-2 edges), one library call per
node/edge (pyzig: add_node + add_edge on integer indices, which number the nodes added from 0 as
rustworkx's do: node i of the workload is index i); W2 for every node
collect its neighbours over type-2 edges; W3 the nodes reachable from node 0 over type-1 edges
(pyzig: GraphView.bfs). Extra rows: W1b pyzig naming nodes by BoundNode handles
(create_and_insert_node + create_and_insert_edge); W1r pyzig through the reference API's two calls
per edge (EdgeReference.create + insert_edge); W1h both libraries naming nodes by the ids
add_node returned, kept in a list, instead of by position. Extra W1 rows
return their edge count, checked to be 2N-1. Medians of the worker's CPU time
(time.process_time: other load on a shared machine does not count), garbage collector off while
timing (as timeit does), over --rounds rounds of --repeat runs: each round starts one fresh worker
per library, in turn, so that a slow spell of the shared machine falls on every library alike; the
W1 ratio of each round is printed too. Every library's answers are cross-checked.

    python bench/graph/bench.py [--n 100000] [--repeat 5] [--rounds 3] [--libs pyzig,rustworkx,networkx]
"""

import argparse
import gc
import importlib
import json
import os
import platform
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
WORKLOADS = [
    ("W1", "build N nodes + 2N-1 edges"),
    ("W2", "type-2 neighbours of every node"),
    ("W3", "reach from root over type-1"),
]


def timed(fn, *args):
    gc.collect()
    gc.disable()
    try:
        t0 = time.process_time()
        out = fn(*args)
        return time.process_time() - t0, out
    finally:
        gc.enable()


def worker(lib: str, n: int, repeat: int) -> dict:
    sys.path.insert(0, HERE)
    import workload

    side = importlib.import_module(f"side_{lib}")
    tree, extra = workload.make(n)
    times = {w: [] for w, _ in WORKLOADS}
    checks = {}
    extra_rows = {}
    for _ in range(repeat):
        t, g = timed(side.build, n, tree, extra)
        times["W1"].append(t)
        t, nb = timed(side.neighbours, g, n)
        times["W2"].append(t)
        checks["W2"] = side.count_neighbours(nb)
        del nb
        t, reached = timed(side.reach, g)
        times["W3"].append(t)
        checks["W3"] = len(reached)
        del reached
        for name, fn in getattr(side, "EXTRA", {}).items():
            t, out = timed(fn, g, n, tree, extra)
            extra_rows.setdefault(name, []).append(t)
            checks[name] = out
        if hasattr(side, "release"):
            side.release(g)
        del g
    return {"version": side.version(), "times": times, "extra": extra_rows, "checks": checks}


def run_worker(lib: str, n: int, repeat: int) -> dict:
    cmd = [sys.executable, os.path.abspath(__file__), "--worker", lib, "--n", str(n), "--repeat", str(repeat)]
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        return {"error": (p.stderr.strip().splitlines() or ["exit %d" % p.returncode])[-1]}
    return json.loads(p.stdout.strip().splitlines()[-1])


def expected_checks(n: int) -> dict:
    sys.path.insert(0, HERE)
    import workload

    _, extra = workload.make(n)
    w2 = sum(a + b for a, b in extra)  # each type-2 edge adds one neighbour at each end
    return {"W2": w2, "W3": n}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--libs", default="pyzig,rustworkx,networkx")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.worker:
        print(json.dumps(worker(a.worker, a.n, a.repeat)))
        return 0

    libs = a.libs.split(",")
    rounds = [{lib: run_worker(lib, a.n, a.repeat) for lib in libs} for _ in range(a.rounds)]
    res = {lib: merge([r[lib] for r in rounds]) for lib in libs}
    want = expected_checks(a.n)
    ok = True
    print(
        f"graph benchmark: N={a.n}, median of {a.rounds} rounds x {a.repeat} runs, "
        f"Python {platform.python_version()}"
    )
    print("command:", " ".join([sys.executable] + sys.argv))
    for lib in libs:
        r = res[lib]
        if "error" in r:
            print(f"  {lib}: not run: {r['error']}")
            ok = False
            continue
        # Every extra build row (W1b, W1r, W1h) must have built all 2N-1 edges.
        want_lib = dict(want, **{k: 2 * a.n - 1 for k in r["checks"] if k.startswith("W1")})
        bad = {k: v for k, v in want_lib.items() if r["checks"].get(k) != v}
        if bad:
            ok = False
            got = {k: r["checks"].get(k) for k in bad}
            print(f"  {lib}: WRONG ANSWER: got {got}, expected {bad}")
        print(f"  {lib} {r['version']}")
    ran = [lib for lib in libs if "error" not in res[lib]]
    rows = [(w, f"{w} {desc}", lambda r, w=w: r["times"].get(w)) for w, desc in WORKLOADS]
    extra_names = sorted({k for lib in ran for k in res[lib]["extra"]})
    rows += [(k, k, lambda r, k=k: r["extra"].get(k)) for k in extra_names]
    width = max(len(label) for _, label, _ in rows) + 2
    head = f"{'workload':<{width}}" + "".join(f"{lib + ' ms':>14}" for lib in ran)
    if "pyzig" in ran and "rustworkx" in ran:
        head += f"{'rustworkx/pyzig':>18}"
    print(head)
    for _, label, get in rows:
        med = {lib: statistics.median(get(res[lib])) if get(res[lib]) else None for lib in ran}
        line = f"{label:<{width}}" + "".join(f"{med[l] * 1e3:>14.2f}" if med[l] else f"{'-':>14}" for l in ran)
        if "pyzig" in med and "rustworkx" in med and med["pyzig"] and med["rustworkx"]:
            line += f"{med['rustworkx'] / med['pyzig']:>17.2f}x"
        print(line)
    print("ratio > 1: pyzig is faster than rustworkx")
    if "pyzig" in ran and "rustworkx" in ran:
        per_round = [
            statistics.median(r["rustworkx"]["times"]["W1"]) / statistics.median(r["pyzig"]["times"]["W1"])
            for r in rounds
        ]
        print("W1 rustworkx/pyzig per round:", " ".join(f"{x:.2f}x" for x in per_round))
    return 0 if ok else 1


def merge(results: list) -> dict:
    """One library's rounds as one result (times pooled); the first error, if any round failed."""
    for r in results:
        if "error" in r:
            return r
    out = {"version": results[0]["version"], "times": {}, "extra": {}, "checks": results[0]["checks"]}
    for r in results:
        if r["checks"] != out["checks"]:
            return {"error": f"answers differ between rounds: {r['checks']} vs {out['checks']}"}
        for key in ("times", "extra"):
            for name, ts in r[key].items():
                out[key].setdefault(name, []).extend(ts)
    return out


if __name__ == "__main__":
    sys.exit(main())
