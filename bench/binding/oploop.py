"""Runs one benchmark operation of one twin N times and nothing else — the workload for instruction
counting under callgrind (see instr.sh), where wall-clock noise does not exist.

Usage: python oploop.py TWIN OP_INDEX N     (OP_INDEX indexes bench.OPS; -1 = the empty baseline)
"""

import importlib
import itertools
import sys

import bench

twin, index, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
stmt = bench.BASELINE[1] if index < 0 else bench.OPS[index][1]
mod = importlib.import_module(twin)
# itertools.repeat, as timeit uses: the loop itself allocates nothing.
src = f"def run(n):\n    {bench.SETUP}\n    for _ in repeat(None, n):\n        {stmt}\n"
namespace = {"m": mod, "repeat": itertools.repeat}
exec(src, namespace)
namespace["run"](n)
