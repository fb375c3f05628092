"""`make gdb` (tools/gdb.sh): the demo runs under gdb; a crash stops with native and Python backtraces."""

from __future__ import annotations

import os
import shutil
import sys
import subprocess
from pathlib import Path

import pytest

from pyzig_build import layout

pytestmark = [pytest.mark.full,
              pytest.mark.skipif(shutil.which("gdb") is None, reason="gdb not installed (make test installs it)")]


def _gdb(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHON=sys.executable)
    return subprocess.run(["bash", str(layout.ROOT / "tools" / "gdb.sh"), *args], cwd=layout.ROOT, env=env,
                          capture_output=True, text=True, timeout=600, stdin=subprocess.DEVNULL)


def test_demo_runs_under_gdb() -> None:
    r = _gdb()
    assert r.returncode == 0, r.stdout + r.stderr
    assert "Breakpoint 1 (rust_panic) pending." in r.stdout + r.stderr
    assert "gdb_demo: done (exit 0)" in r.stdout
    assert "*** exited normally" in r.stdout


def test_segfault_stops_with_backtraces(tmp_path: Path) -> None:
    script = tmp_path / "crash.py"
    script.write_text("import ctypes\n\ndef crash_here():\n    ctypes.string_at(0)\n\ncrash_here()\n")
    r = _gdb(str(script))
    out = r.stdout + r.stderr
    assert r.returncode != 0
    assert "SIGSEGV" in out and "*** stopped by a signal: backtrace" in out
    assert "#0 " in out, "native backtrace missing"
    if "helpers: none" not in out:
        assert "in crash_here" in out, "py-bt did not show the Python frame"


def test_pyzig_sexp_runs_under_gdb(tmp_path: Path) -> None:
    script = tmp_path / "sexp.py"
    fixture = layout.ROOT / "tests" / "fixtures" / "kicad" / "test-v8.kicad_mod"
    script.write_text(
        "import pyzig_sexp\n"
        f"f = pyzig_sexp.load({str(fixture)!r})\n"
        "f.footprint.pads[0].at.x += 1\n"
        "print('pads', len(f.footprint.pads), 'bytes', len(pyzig_sexp.footprint.dumps(f)))\n"
    )
    r = _gdb(str(script))
    assert r.returncode == 0, r.stdout + r.stderr
    assert "pads " in r.stdout and "*** exited normally" in r.stdout
