"""tools/pytest_refleak.py finds a reference leak, passes a clean test, and refuses a release interpreter."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

LEAKY = """
_kept = []

def test_leaks():
    _kept.append(object())

def test_clean():
    x = [object() for _ in range(10)]
    del x
"""


def test_the_plugin_names_the_leaking_test(tmp_path: Path) -> None:
    (tmp_path / "test_leaky.py").write_text(LEAKY)
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "pytest_refleak", "--refleak=3:3",
         str(tmp_path / "test_leaky.py")],
        capture_output=True, text=True, timeout=300, cwd=tmp_path,
        env={"PYTHONPATH": str(REPO / "tools"), "PATH": "/usr/bin:/bin"},
    )
    if not hasattr(sys, "gettotalrefcount"):
        assert proc.returncode != 0
        assert "--refleak needs a debug interpreter" in proc.stdout + proc.stderr
        return
    out = proc.stdout
    assert proc.returncode == 1, out + proc.stderr
    leaks = [line for line in out.splitlines() if line.startswith("LEAK ")]
    assert len(leaks) == 1 and "test_leaks: references [1, 1, 1]" in leaks[0], out
