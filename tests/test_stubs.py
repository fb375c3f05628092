"""gen/ holds exactly what the built modules' ``_stubs()`` return, and mypy's stubtest agrees with runtime."""

from __future__ import annotations

import difflib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pyzig_build import layout, stubs

REPO = layout.ROOT
MODULES = layout.all_module_names()


def _tree(base: Path, files: set[str]) -> dict[str, bytes]:
    return {rel: (base / rel).read_bytes() for rel in sorted(files)}


@pytest.mark.parametrize("name", MODULES)
def test_gen_is_current(name: str, tmp_path: Path) -> None:
    module = layout.find_module(name)
    fresh = stubs.extract(module, layout.PY_DIR)
    assert fresh, f"{module.import_name}._stubs() returned no stub"
    stubs.write_tree(module, fresh, tmp_path)
    want = _tree(tmp_path, stubs.owned_files(module, tmp_path))
    have = _tree(layout.GEN_DIR, stubs.owned_files(module, layout.GEN_DIR))
    if have != want:
        report = []
        for rel in sorted(set(want) | set(have)):
            a = have.get(rel, b"").decode(errors="replace").splitlines(keepends=True)
            b = want.get(rel, b"").decode(errors="replace").splitlines(keepends=True)
            report += difflib.unified_diff(a, b, f"gen/{rel} (committed)", f"gen/{rel} (from the module)")
        pytest.fail("gen/ is stale: run `make stubs` and commit gen/\n" + "".join(report)[:6000])


@pytest.mark.parametrize("name", MODULES)
def test_stubs_are_deterministic(name: str) -> None:
    module = layout.find_module(name)
    assert stubs.extract(module, layout.PY_DIR) == stubs.extract(module, layout.PY_DIR)


def test_gen_has_no_orphans() -> None:
    owned: set[str] = set()
    for name in MODULES:
        owned |= stubs.owned_files(layout.find_module(name), layout.GEN_DIR)
    everything = {p.relative_to(layout.GEN_DIR).as_posix() for p in layout.GEN_DIR.rglob("*") if p.is_file()}
    assert everything - owned == set(), "files in gen/ that no module in modules/ generates"


@pytest.mark.parametrize("name", MODULES)
def test_stub_copies_in_py_match_gen(name: str) -> None:
    module = layout.find_module(name)
    fresh = stubs.extract(module, layout.PY_DIR)
    for rel, text in fresh.items():
        copy = layout.PY_DIR / rel
        assert copy.is_file() and copy.read_text(encoding="utf-8") == text, f"py/{rel} differs from the module's stub"
    assert (layout.PY_DIR / "pyzig" / "py.typed").is_file()


def test_extract_rejects_bad_paths() -> None:
    module = layout.find_module("pyzig")
    for bad in ("/abs/x.pyi", "pyzig/../../x.pyi", "pyzig/x.py", "other/x.pyi"):
        with pytest.raises(stubs.StubError):
            stubs.validate_path(module, bad)
    stubs.validate_path(module, "pyzig/graph/__init__.pyi")


@pytest.mark.parametrize("import_name", [layout.find_module(n).import_name.split(".")[0] for n in MODULES])
def test_stubtest(import_name: str) -> None:
    env = dict(os.environ, MYPYPATH=str(layout.PY_DIR), PYZIG_NORECOMPILE="1")
    r = subprocess.run([sys.executable, "-m", "mypy.stubtest", import_name], cwd=REPO, env=env,
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, f"stubtest {import_name}:\n{r.stdout}\n{r.stderr}"
