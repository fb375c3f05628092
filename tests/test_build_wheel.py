"""`pip install .`: the in-tree PEP 517 backend builds a correct wheel that works in a fresh venv.

Built in debug mode (``--config-settings mode=debug``) so that it reuses the suite's debug build instead of a
fat-LTO one; the packing is the same for every mode.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import os
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from pathlib import Path

import pytest

from pyzig_build import backend, layout, wheel

REPO = layout.ROOT


@pytest.fixture(scope="module")
def venv_and_wheel(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("wheel")
    venv = base / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    py = venv / "bin" / "python"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYZIG_RELEASEMODE")}
    pip = [str(py), "-m", "pip", "--disable-pip-version-check", "-q"]
    # Build the wheel (offline: the backend needs nothing from PyPI), then install that file.
    subprocess.run(pip + ["wheel", "--no-index", "--no-deps", "--config-settings", "mode=debug",
                          "-w", str(base / "dist"), str(REPO)], check=True, env=env, cwd=base)
    (whl,) = (base / "dist").glob("*.whl")
    subprocess.run(pip + ["install", "--no-index", str(whl)], check=True, env=env, cwd=base)
    return py, whl


def native_files() -> list[Path]:
    return [layout.find_module(n).dest() for n in ("pyzig",)]


@pytest.mark.full
def test_wheel_name_and_tag(venv_and_wheel: tuple[Path, Path]) -> None:
    _, whl = venv_and_wheel
    v = f"{sys.version_info[0]}{sys.version_info[1]}"
    plat = wheel.platform_tag(native_files())
    assert plat.startswith("manylinux_2_"), plat
    assert whl.name == f"pyzig-0.1.0-cp{v}-cp{v}-{plat}.whl"
    with zipfile.ZipFile(whl) as zf:
        text = zf.read("pyzig-0.1.0.dist-info/WHEEL").decode()
        for p in plat.split("."):
            assert f"Tag: cp{v}-cp{v}-{p}\n" in text
        assert "Root-Is-Purelib: false" in text


@pytest.mark.full
def test_auditwheel_agrees_with_the_tag(venv_and_wheel: tuple[Path, Path]) -> None:
    """auditwheel (PyPI) judges the wheel by the same policies: it must find it consistent with its tag."""
    _, whl = venv_and_wheel
    r = subprocess.run([sys.executable, "-m", "auditwheel", "show", str(whl)], capture_output=True, text=True)
    if r.returncode != 0 and "No module named auditwheel" in r.stderr:
        pytest.fail("auditwheel is not installed (tools/test-python.sh installs it from PyPI)")
    assert r.returncode == 0, r.stdout + r.stderr
    first = whl.name.split("-")[-1].removesuffix(".whl").split(".")[0]
    out = " ".join(r.stdout.split())
    assert f'is consistent with the following platform tag: "{first}"' in out, out


def test_elf_needs_of_the_built_module() -> None:
    from pyzig_build import elf

    needs = elf.read_needs(native_files()[0])
    assert "libc.so.6" in needs.libraries
    assert any(n.startswith("GLIBC_2.") for n in needs.versions["libc.so.6"])
    assert not [lib for lib in needs.libraries if lib.startswith("libpython")], "extensions never link libpython"
    with pytest.raises(elf.ElfError, match="not an ELF file"):
        elf.read_needs(REPO / "README.md")


def test_manylinux_tag_follows_the_policies() -> None:
    from pyzig_build.elf import Needs

    def tag(libs: list[str], versions: dict[str, set[str]]) -> str | None:
        return wheel.manylinux_tag([Needs(libraries=libs, versions=versions)], "x86_64")

    libc = ["libc.so.6", "libgcc_s.so.1"]
    assert tag(libc, {"libc.so.6": {"GLIBC_2.2.5", "GLIBC_2.14"}}) == "manylinux_2_17_x86_64.manylinux2014_x86_64"
    assert tag(libc, {"libc.so.6": {"GLIBC_2.33"}, "libgcc_s.so.1": {"GCC_4.2.0"}}) == "manylinux_2_34_x86_64"
    assert tag(libc, {"libc.so.6": {"GLIBC_2.17"}, "libgcc_s.so.1": {"GCC_7.0.0"}}) == "manylinux_2_27_x86_64"
    assert tag(libc + ["libmvec.so.1"], {}) == "manylinux_2_24_x86_64"
    assert tag(libc + ["libpython3.11.so.1.0"], {}) is None, "a library outside the policies: no manylinux claim"
    assert tag(libc, {"libc.so.6": {"GLIBC_PRIVATE"}}) is None
    assert tag(libc, {"libc.so.6": {"GLIBC_2.99"}}) is None


@pytest.mark.full
def test_wheel_contents_and_record(venv_and_wheel: tuple[Path, Path]) -> None:
    _, whl = venv_and_wheel
    with zipfile.ZipFile(whl) as zf:
        names = set(zf.namelist())
        ext = sysconfig.get_config_var("EXT_SUFFIX")
        for required in ("pyzig/__init__.py", f"pyzig/_pyzig{ext}", "pyzig/py.typed",
                         "pyzig_sexp/__init__.py", f"pyzig_sexp/_pyzig_sexp{ext}", "pyzig_sexp/py.typed",
                         "pyzig_sexp/footprint.pyi", "pyzig_sexp/pcb.pyi", "pyzig_sexp/symbol.pyi",
                         "pyzig-0.1.0.dist-info/METADATA", "pyzig-0.1.0.dist-info/RECORD"):
            assert required in names, required
        assert any(n.startswith("pyzig/") and n.endswith(".pyi") for n in names), "stubs missing"
        assert not [n for n in names if "__pycache__" in n or n.startswith(("pyzig_build", "pyzig_testmod"))]
        rows = list(csv.reader(io.StringIO(zf.read("pyzig-0.1.0.dist-info/RECORD").decode())))
        recorded = {r[0] for r in rows}
        assert recorded == names
        for path, digest, size in rows:
            if path.endswith("RECORD"):
                assert (digest, size) == ("", "")
                continue
            data = zf.read(path)
            want = "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
            assert (digest, int(size)) == (want, len(data)), path


@pytest.mark.full
def test_installed_wheel_imports_without_sources(venv_and_wheel: tuple[Path, Path], tmp_path: Path) -> None:
    py, _ = venv_and_wheel
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH",) and not k.startswith("PYZIG_")}
    code = ("import sys, pyzig, pyzig.graph, pyzig_sexp; assert pyzig_sexp.pcb.Xy(x=1, y=2).y == 2; "
            "print(pyzig.__file__); print('pyzig_build' in sys.modules)")
    r = subprocess.run([str(py), "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    file, builder_loaded = r.stdout.split()
    assert "site-packages" in file and not file.startswith(str(REPO))
    assert builder_loaded == "False", "an installed wheel must not load the build machinery"


@pytest.mark.full
def test_installed_wheel_is_typed(venv_and_wheel: tuple[Path, Path], tmp_path: Path) -> None:
    """PEP 561: mypy finds pyzig's stubs in the venv's site-packages."""
    py, _ = venv_and_wheel
    (tmp_path / "use.py").write_text("import pyzig.graph\nimport pyzig._pyzig\n")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "MYPYPATH")}
    r = subprocess.run([sys.executable, "-m", "mypy", "--python-executable", str(py), "--no-incremental",
                        "use.py"], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr


def test_backend_hooks_need_nothing() -> None:
    assert backend.get_requires_for_build_wheel() == []
    assert backend.get_requires_for_build_sdist() == []
    with pytest.raises(ValueError, match="mode 'fast' is not one of"):
        backend._mode({"mode": "fast"})


def test_wheel_tag_matches_interpreter() -> None:
    v = f"{sys.version_info[0]}{sys.version_info[1]}"
    assert wheel.tag().startswith(f"cp{v}-cp{v}")


def test_sdist_holds_the_sources(tmp_path: Path) -> None:
    name = backend.build_sdist(str(tmp_path))
    assert name == "pyzig-0.1.0.tar.gz"
    with tarfile.open(tmp_path / name) as tf:
        names = set(tf.getnames())
    for required in ("Cargo.toml", "Cargo.lock", "pyproject.toml", "py/pyzig/__init__.py",
                     "py/pyzig_build/backend.py", "modules/pyzig/Cargo.toml", "PKG-INFO"):
        assert f"pyzig-0.1.0/{required}" in names
    assert not [n for n in names if "/target/" in n or n.endswith(".so")]
