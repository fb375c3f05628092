"""Builds every extension module with AddressSanitizer into a package tree of its own, for tools/asan.sh.

    python tools/asan_build.py OUT_DIR

The modules are built (release-safe profile: optimised and inlined like a release build, with debug
assertions and overflow checks) with ``-Zsanitizer=address`` for the host target only (build scripts
stay uninstrumented), in ``target/asan-py``, and placed with the Python parts of ``py/`` under OUT_DIR,
which then stands in for ``py/`` (``PYZIG_PY_DIR``). The sanitizer flag is a nightly one; the stable
toolchain takes it with ``RUSTC_BOOTSTRAP=1``, as tools/fuzz.sh does.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "py"))

from pyzig_build import cargo, layout  # noqa: E402


def host_triple() -> str:
    out = subprocess.run(["rustc", "-vV"], capture_output=True, text=True, check=True).stdout
    return next(line.split(":", 1)[1].strip() for line in out.splitlines() if line.startswith("host:"))


def main() -> int:
    out = Path(sys.argv[1]).resolve()
    if out.exists():
        shutil.rmtree(out)
    # The pure-Python parts (packages, build-on-import hooks); the modules are put in below.
    shutil.copytree(REPO / "py", out, ignore=shutil.ignore_patterns("*.so", "__pycache__", "*.stamp*"))
    env = cargo.cargo_env(layout.find_module("pyzig", REPO))
    env["CARGO_TARGET_DIR"] = str(REPO / "target" / "asan-py")
    env["RUSTC_BOOTSTRAP"] = "1"
    env["RUSTFLAGS"] = (env.get("RUSTFLAGS", "") + " -Zsanitizer=address").strip()
    triple = host_triple()
    for name in layout.all_module_names(REPO):
        module = layout.find_module(name, REPO)
        cmd = [*cargo.cargo_command(module, "release-safe"), "--target", triple]
        proc = subprocess.run(cmd, cwd=REPO, env=env, stdout=subprocess.PIPE, text=True)
        if proc.returncode != 0:
            print(f"asan-build: cargo build of {module.package} failed (exit {proc.returncode})")
            return 1
        lib = REPO / "target" / "asan-py" / triple / "release-safe" / f"lib{module.lib_name}.so"
        if not lib.is_file():
            print(f"asan-build: {lib} was not produced")
            return 1
        dest = out / module.dest().relative_to(REPO / "py")
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(lib, dest)
        print(f"asan-build: {module.import_name} -> {dest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
