"""The dependency step: tools/libclang.sh finds the library bindgen loads, as clang-sys searches for it."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
LIBCLANG_SH = REPO / "tools" / "libclang.sh"


def check(*dirs: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "LIBCLANG_PATH"}
    return subprocess.run(["bash", str(LIBCLANG_SH), *map(str, dirs)], capture_output=True, text=True, env=env)


def touch(directory: Path, name: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / name
    path.write_bytes(b"\x7fELF")
    return path


def test_libclang_cpp_alone_is_missing(tmp_path: Path) -> None:
    touch(tmp_path, "libclang-cpp.so.14")
    touch(tmp_path, "libclang-cpp.so")
    result = check(tmp_path)
    assert result.returncode == 1, result.stdout
    assert result.stdout.strip() == "missing"


@pytest.mark.parametrize("name", ["libclang-14.so.1", "libclang.so", "libclang-14.so", "libclang.so.14"])
def test_versioned_libclang_is_present(tmp_path: Path, name: str) -> None:
    touch(tmp_path, "libclang-cpp.so.14")
    lib = touch(tmp_path, name)
    result = check(tmp_path)
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip() == f"present: {lib}"


def test_dangling_link_is_missing(tmp_path: Path) -> None:
    (tmp_path / "libclang.so").symlink_to(tmp_path / "nowhere.so")
    result = check(tmp_path)
    assert (result.returncode, result.stdout.strip()) == (1, "missing")


def test_libclang_path_alone_is_searched(tmp_path: Path) -> None:
    empty, full = tmp_path / "empty", tmp_path / "full"
    empty.mkdir()
    touch(full, "libclang-14.so.1")
    env = {**os.environ, "LIBCLANG_PATH": str(empty)}
    result = subprocess.run(["bash", str(LIBCLANG_SH)], capture_output=True, text=True, env=env)
    assert (result.returncode, result.stdout.strip()) == (1, "missing")
    env["LIBCLANG_PATH"] = str(full)
    result = subprocess.run(["bash", str(LIBCLANG_SH)], capture_output=True, text=True, env=env)
    assert (result.returncode, result.stdout.strip()) == (0, f"present: {full / 'libclang-14.so.1'}")
