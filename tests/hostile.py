"""Runs a seeded random-operation script in a child interpreter, so a crash fails the test with its op log
instead of killing pytest. Shared by tests/test_hostile_*.py."""

from __future__ import annotations

import subprocess
import sys

import pytest


def run_child(source: str, seed: int, steps: int) -> None:
    """`source` reads seed and step count from argv, prints each step as it goes and `ok SEED …` at the end."""
    proc = subprocess.run(
        [sys.executable, "-u", "-X", "faulthandler", "-c", source, str(seed), str(steps)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    if proc.returncode != 0 or f"ok {seed}" not in proc.stdout:
        pytest.fail(
            f"seed {seed}: exit code {proc.returncode}\n--- stdout (op log) ---\n{proc.stdout[-6000:]}"
            f"\n--- stderr ---\n{proc.stderr[-6000:]}"
        )
