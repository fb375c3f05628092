"""Build-on-import: importing pyzig rebuilds its native module when a source changed, once across processes.

Runs in a copy of the checkout (temp dir, its own cargo target dir), so the real tree is never modified;
builds are debug. The builder logs every build it runs to ``target/py3.X/pyzig-build.log``; counting its
lines counts builds.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import sysconfig
import time
from pathlib import Path

import pytest

from pyzig_build import layout

REPO = layout.ROOT
pytestmark = pytest.mark.full

_IGNORE = shutil.ignore_patterns("target", ".git", "__pycache__", "*.so", "*.pyd", "*.pyi", ".stubs-*",
                                 "corpus", "artifacts", ".pytest_cache", ".mypy_cache")


def _copy_checkout(dest: Path) -> None:
    """Copy what building ``modules/pyzig`` needs: workspace files, every member crate, ``py/``, ``gen/``."""
    dest.mkdir(parents=True)
    text = (REPO / "Cargo.toml").read_text()
    m = re.search(r"^members\s*=\s*\[(.*?)\]", text, re.S | re.M)
    assert m, "root Cargo.toml has no [workspace] members list"
    members = re.findall(r'"([^"]+)"', m.group(1))
    for f in ("Cargo.toml", "Cargo.lock", "build.rs", "pyproject.toml"):
        if (REPO / f).is_file():
            shutil.copy2(REPO / f, dest / f)
    if (REPO / "src").is_dir():
        shutil.copytree(REPO / "src", dest / "src", ignore=_IGNORE)
    for member in members:
        if member != ".":
            shutil.copytree(REPO / member, dest / member, ignore=_IGNORE, dirs_exist_ok=True)
    shutil.copytree(REPO / "py", dest / "py", ignore=_IGNORE)
    if (REPO / "gen").is_dir():
        shutil.copytree(REPO / "gen", dest / "gen", ignore=_IGNORE)


class Checkout:
    def __init__(self, root: Path, target: Path) -> None:
        self.root = root
        self.target = target
        self.log = target / layout.interpreter_tag() / "pyzig-build.log"

    def env(self, **extra: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("PYZIG_")}
        env.update(PYTHONPATH=str(self.root / "py"), CARGO_TARGET_DIR=str(self.target),
                   PYZIG_RELEASEMODE="debug", PYTHONDONTWRITEBYTECODE="1")
        env.update(extra)
        return env

    def import_pyzig(self, **extra: str) -> subprocess.CompletedProcess[str]:
        code = "import pyzig, sys; print(pyzig.__file__)"
        return subprocess.run([sys.executable, "-c", code], cwd="/", env=self.env(**extra),
                              capture_output=True, text=True, timeout=900)

    def builds(self) -> int:
        return len(self.log.read_text().splitlines()) if self.log.is_file() else 0

    def edit(self, rel: str) -> None:
        p = self.root / rel
        p.write_text(p.read_text() + f"\n// edited by test_build_on_import at {time.time_ns()}\n")


@pytest.fixture(scope="module")
def checkout(tmp_path_factory: pytest.TempPathFactory) -> Checkout:
    base = tmp_path_factory.mktemp("boi")
    _copy_checkout(base / "repo")
    co = Checkout(base / "repo", base / "target")
    first = co.import_pyzig()
    assert first.returncode == 0, first.stderr
    assert Path(first.stdout.strip()) == co.root / "py" / "pyzig" / "__init__.py"
    assert co.builds() == 1, first.stderr
    return co


def test_unchanged_sources_do_not_rebuild(checkout: Checkout) -> None:
    before = checkout.builds()
    r = checkout.import_pyzig()
    assert r.returncode == 0, r.stderr
    assert checkout.builds() == before
    assert "building" not in r.stderr


def test_editing_a_source_rebuilds(checkout: Checkout) -> None:
    so = checkout.root / "py" / "pyzig" / f"_pyzig{sysconfig.get_config_var('EXT_SUFFIX')}"
    before, before_stat = checkout.builds(), so.stat()
    checkout.edit("modules/pyzig/src/lib.rs")
    r = checkout.import_pyzig()
    assert r.returncode == 0, r.stderr
    assert checkout.builds() == before + 1, r.stderr
    assert "building pyzig._pyzig (debug)" in r.stderr
    assert so.stat().st_mtime_ns != before_stat.st_mtime_ns
    # a dependency of the module counts too (the binding layer's own sources)
    checkout.edit("src/lib.rs")
    r = checkout.import_pyzig()
    assert r.returncode == 0, r.stderr
    assert checkout.builds() == before + 2, r.stderr


def test_norecompile_skips_the_check(checkout: Checkout) -> None:
    before = checkout.builds()
    checkout.edit("modules/pyzig/src/lib.rs")
    r = checkout.import_pyzig(PYZIG_NORECOMPILE="1")
    assert r.returncode == 0, r.stderr
    assert checkout.builds() == before
    r = checkout.import_pyzig()  # the edit is still pending: now it builds
    assert checkout.builds() == before + 1, r.stderr


def test_bad_releasemode_is_a_clear_import_error(checkout: Checkout) -> None:
    r = checkout.import_pyzig(PYZIG_RELEASEMODE="fast")
    assert r.returncode != 0
    assert "PYZIG_RELEASEMODE='fast' is not one of debug, release-safe, release, release-small" in r.stderr


def test_two_processes_importing_at_once_build_once(checkout: Checkout) -> None:
    before = checkout.builds()
    checkout.edit("modules/pyzig/src/lib.rs")
    go = checkout.root / "go"
    # Both processes wait for the same signal so that they import at the same moment.
    code = ("import os, time, sys\n"
            f"while not os.path.exists({str(go)!r}): time.sleep(0.005)\n"
            "import pyzig\n")
    procs = [subprocess.Popen([sys.executable, "-c", code], cwd="/", env=checkout.env(),
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    time.sleep(0.5)
    go.touch()
    outs = [p.communicate(timeout=900) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    assert checkout.builds() == before + 1, outs
    assert sum("building pyzig._pyzig" in err for _, err in outs) == 1


def test_without_sources_nothing_is_built(checkout: Checkout, tmp_path: Path) -> None:
    """As installed from a wheel: the package alone, no Cargo.toml above it."""
    site = tmp_path / "site"
    shutil.copytree(checkout.root / "py" / "pyzig", site / "pyzig")
    before = checkout.builds()
    env = checkout.env(PYTHONPATH=str(site))
    r = subprocess.run([sys.executable, "-c", "import pyzig, sys; print(pyzig.__file__); "
                        "print('pyzig_build' in sys.modules)"], cwd="/", env=env, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == [str(site / "pyzig" / "__init__.py"), "False"]
    assert checkout.builds() == before
