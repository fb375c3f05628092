"""Runs a seeded random-operation script in a child interpreter, so a crash fails the test with its op log
instead of killing pytest. Shared by tests/test_hostile_*.py."""

from __future__ import annotations

import subprocess
import sys

import pytest


# Run before every child script: its seed, step count, random generator and op log.
PREAMBLE = r'''
import random, sys

seed, steps = int(sys.argv[1]), int(sys.argv[2])
rng = random.Random(seed)
class Log(list):
    """The operation log, also written to stdout at once (the child runs unbuffered), so that
    the last operations before a segfault are on record."""
    def append(self, line):
        print(line)
        super().append(line)

LOG = Log()


def unchanged(dump, op):
    """Runs op, which must raise a clear error; the text `dump()` gives must be as before."""
    before = dump()
    try:
        op()
    except (TypeError, ValueError, IndexError, OverflowError) as e:
        LOG.append(f"  refused: {type(e).__name__}: {str(e)[:80]}")
    else:
        raise AssertionError("a bad operation was accepted")
    assert dump() == before
'''


def run_child(source: str, seed: int, steps: int) -> None:
    """Runs `PREAMBLE` + `source`, which logs each step to `LOG` and prints `ok SEED …` at the end."""
    proc = subprocess.run(
        [sys.executable, "-u", "-X", "faulthandler", "-c", PREAMBLE + source, str(seed), str(steps)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    if proc.returncode != 0 or f"ok {seed}" not in proc.stdout:
        pytest.fail(
            f"seed {seed}: exit code {proc.returncode}\n--- stdout (op log) ---\n{proc.stdout[-6000:]}"
            f"\n--- stderr ---\n{proc.stderr[-6000:]}"
        )
