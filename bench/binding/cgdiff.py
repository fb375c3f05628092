"""Per-function instructions of one loop iteration: the difference between two callgrind runs of the
same workload with N and 2N iterations, divided by N (start-up cost cancels out). Used by instr.sh
with BREAKDOWN=1 to show where a twin spends its instructions.

Usage: python cgdiff.py RUN_N.out RUN_2N.out N
"""

import re
import subprocess
import sys


def load(path: str) -> dict[str, int]:
    out = subprocess.run(["callgrind_annotate", "--threshold=100", path],
                         capture_output=True, text=True, check=True).stdout
    costs: dict[str, int] = {}
    for line in out.splitlines():
        m = re.match(r"\s*([\d,]+) \([^)]*\)\s+(\S+)", line)
        if m and "PROGRAM TOTALS" not in line:
            # Fold inlined header lines into one name per function; drop build paths.
            fn = re.sub(r"^.*?:", "", m.group(2)) if m.group(2).startswith(("./", "/")) else m.group(2)
            costs[fn] = costs.get(fn, 0) + int(m.group(1).replace(",", ""))
    return costs


def main() -> None:
    a, b, n = load(sys.argv[1]), load(sys.argv[2]), int(sys.argv[3])
    rows = sorted(((b.get(k, 0) - a.get(k, 0)) / n, k) for k in set(a) | set(b))
    for v, k in reversed(rows):
        if abs(v) >= 0.5:
            print(f"    {v:7.1f}  {k}")


if __name__ == "__main__":
    main()
