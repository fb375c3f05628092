"""Binding-overhead benchmark: the same small Python surface written in hand-written C (`point_c`, the
limit), with PyO3 (`point_pyo3`) and with pyzig's binding layer (`point_pyzig`), timed in one process.

What is measured: each operation is a statement repeated UNROLL times inside a timeit loop; the figure
is the wall time of that loop divided by the number of operations, i.e. the RAW cost per operation
including its share of the interpreter's statement and loop overhead (nothing is subtracted). The cost
of the same loop over a bare local-variable load (`p`) is printed as the baseline, so the reader can
subtract it. Every (operation, twin) is measured REPEATS times, twins and operations interleaved so
that a burst of machine load hits all twins alike. Two tables: the median of the repeats (the figure
the targets are checked on) and the minimum (the least disturbed run, the better estimate when other
processes load the machine); the noise section shows the spread between repeats. For figures free of
wall-clock noise, count instructions with instr.sh.

Usage: python bench.py [--repeats N] [--target-seconds S] [--check] [--conformance-only]
The three modules must be importable (bench/binding/run.sh builds them and sets PYTHONPATH).
Not a unit test: it prints figures. With --check it exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import importlib
import os
import platform
import random
import statistics
import sys
import timeit

TWINS = ("point_c", "point_pyo3", "point_pyzig")
UNROLL = 10
# pyzig targets: at most this many times C's cost, and strictly below PyO3's.
TARGET_VS_C = 1.10

SETUP = "P = m.Point; p = P(1.0, 2.0); q = P(3.0, 4.0); add = m.add"

# (label, statement). Each statement is one operation of the surface.
OPS = (
    ("get p.x", "p.x"),
    ("set p.x = 1.5", "p.x = 1.5"),
    ("p.norm()", "p.norm()"),
    ("p.dot(q)", "p.dot(q)"),
    ("p.scaled(2.0)", "p.scaled(2.0)"),
    ("p.swapped", "p.swapped"),
    ("Point(x=1.0, y=2.0)", "P(x=1.0, y=2.0)"),
    ("Point(1.0, 2.0)", "P(1.0, 2.0)"),
    ("add(1, 2)", "add(1, 2)"),
    ("add(a=1, b=2)", "add(a=1, b=2)"),
)
BASELINE = ("baseline: p", "p")


def conformance(mod) -> list:
    """Results of every operation, in comparable form; the twins must agree before timing means anything."""
    P = mod.Point
    p = P(x=1.0, y=2.0)
    q = P(3.0, 4.0)
    out = [p.x, p.y, p.norm(), p.dot(q)]
    s = p.scaled(2.0)
    w = p.swapped
    out += [type(s) is P, s.x, s.y, type(w) is P, w.x, w.y]
    p.x = 1.5
    p.y = 7
    out += [p.x, p.y, type(p.y) is float]
    out += [mod.add(1, 2), mod.add(a=1, b=2), mod.add(-5, b=2)]
    for bad in (lambda: P(1.0), lambda: P(1.0, z=2.0), lambda: P("a", 2.0), lambda: p.dot(1),
                lambda: setattr(p, "x", "s"), lambda: mod.add(1)):
        try:
            bad()
            out.append("no error")
        except TypeError:
            out.append("TypeError")
    return out


def make_timer(mod, stmt: str) -> timeit.Timer:
    # Simple statements only, so `;` joins them on one line.
    body = "; ".join([stmt] * UNROLL)
    return timeit.Timer(body, SETUP, globals={"m": mod})


def calibrate(timer: timeit.Timer, target: float) -> int:
    number, elapsed = timer.autorange()  # first count with elapsed >= 0.2 s
    return max(1, int(number * target / elapsed))


def fmt_ns(v: float | None) -> str:
    return "-" if v is None else f"{v:.1f}"


def fmt_ratio(a: float | None, b: float | None) -> str:
    return "-" if a is None or b is None else f"{a / b:.2f}x"


def table(stat: dict[tuple[str, str], float]) -> list[str]:
    """Prints one table of the per-op figures in `stat`; returns the targets pyzig missed."""
    head = ("op", "C ns", "PyO3 ns", "pyzig ns", "pyzig/C", "pyzig/PyO3", "PyO3/C")
    rows = []
    misses = []
    for label, _ in OPS:
        c = stat.get((label, "point_c"))
        y = stat.get((label, "point_pyo3"))
        z = stat.get((label, "point_pyzig"))
        rows.append((label, fmt_ns(c), fmt_ns(y), fmt_ns(z), fmt_ratio(z, c), fmt_ratio(z, y),
                     fmt_ratio(y, c)))
        if z is None:
            misses.append(f"{label}: pyzig not measured")
        else:
            if z > TARGET_VS_C * c:
                misses.append(f"{label}: pyzig/C = {z / c:.2f}x > {TARGET_VS_C:.2f}x")
            if y is not None and z >= y:
                misses.append(f"{label}: pyzig/PyO3 = {z / y:.2f}x, not faster than PyO3")
    widths = [max(len(r[i]) for r in rows + [head]) for i in range(len(head))]

    def line(r: tuple[str, ...]) -> str:
        cells = (r[i].ljust(widths[i]) if i == 0 else r[i].rjust(widths[i]) for i in range(len(r)))
        return "| " + " | ".join(cells) + " |"

    print(line(head))
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for r in rows:
        print(line(r))
    return misses


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeats", type=int, default=21)
    ap.add_argument("--target-seconds", type=float, default=0.02,
                    help="wall time of one measurement (default 0.02)")
    ap.add_argument("--check", action="store_true", help="exit 1 when a pyzig target is missed")
    ap.add_argument("--conformance-only", action="store_true",
                    help="only check that all three twins import and behave alike, then exit")
    args = ap.parse_args()

    mods: dict[str, object] = {}
    for name in TWINS:
        try:
            mods[name] = importlib.import_module(name)
        except ImportError as e:
            print(f"warning: {name} not importable ({e}); its column is empty", file=sys.stderr)
    if "point_c" not in mods:
        print("error: point_c (the reference) is not importable", file=sys.stderr)
        return 2
    ref = conformance(mods["point_c"])
    for name, mod in mods.items():
        got = conformance(mod)
        if got != ref:
            print(f"error: {name} does not behave like point_c:\n  c:    {ref}\n  {name}: {got}",
                  file=sys.stderr)
            return 2
    if args.conformance_only:
        missing = [t for t in TWINS if t not in mods]
        print(f"conformance: {', '.join(mods)} behave alike" + (f"; NOT importable: {', '.join(missing)}" if missing else ""))
        return 1 if missing else 0

    ops = (BASELINE,) + OPS
    timers = {(label, name): make_timer(mod, stmt) for label, stmt in ops for name, mod in mods.items()}
    # One loop count per operation (calibrated on C) so every twin runs the identical loop.
    numbers = {label: calibrate(timers[(label, "point_c")], args.target_seconds) for label, _ in ops}
    samples: dict[tuple[str, str], list[float]] = {k: [] for k in timers}
    rng = random.Random(1)
    load_before = os.getloadavg()
    for _ in range(args.repeats):
        for label, _ in ops:
            order = list(mods)
            rng.shuffle(order)
            for name in order:
                n = numbers[label]
                t = timers[(label, name)].timeit(n)
                samples[(label, name)].append(t / (n * UNROLL) * 1e9)
    load_after = os.getloadavg()
    med = {k: statistics.median(v) for k, v in samples.items()}
    low = {k: min(v) for k, v in samples.items()}

    print(f"interpreter: {sys.executable} (CPython {platform.python_version()}, {platform.machine()})")
    print(f"method: raw ns per operation; {args.repeats} repeats, each one timeit loop of "
          f"~{args.target_seconds}s with the statement unrolled {UNROLL}x; nothing subtracted")
    print(f"baseline (same loop, statement `p`, no call): median {fmt_ns(med[(BASELINE[0], 'point_c')])} ns/op")
    print()
    print(f"median of {args.repeats} repeats:")
    misses = table(med)
    print()
    print(f"minimum of {args.repeats} repeats (the least disturbed run; read this when the noise is high):")
    table(low)

    spreads = {k: (max(v) - min(v)) / statistics.median(v) for k, v in samples.items()}
    iqr = {k: (statistics.quantiles(v, n=4)[2] - statistics.quantiles(v, n=4)[0]) / statistics.median(v)
           for k, v in samples.items() if len(v) >= 4}
    worst = max(spreads, key=spreads.get)
    print()
    print(f"noise: spread between repeats (max-min)/median: median {statistics.median(spreads.values()):.1%}, "
          f"worst {spreads[worst]:.1%} ({worst[0]}, {worst[1]})"
          + (f"; interquartile/median: median {statistics.median(iqr.values()):.1%}, "
             f"worst {max(iqr.values()):.1%}" if iqr else ""))
    print(f"load average before/after: {load_before[0]:.2f} / {load_after[0]:.2f} "
          f"({os.cpu_count()} CPUs; other processes share them)")
    print()
    if misses:
        print(f"targets on the medians (pyzig <= {TARGET_VS_C:.2f}x C and < PyO3 on every op): MISSED")
        for m in misses:
            print(f"  - {m}")
    else:
        print(f"targets on the medians (pyzig <= {TARGET_VS_C:.2f}x C and < PyO3 on every op): met")
    return 1 if args.check and misses else 0


if __name__ == "__main__":
    sys.exit(main())
