"""Running cargo for one extension crate and finding the library it produced."""

from __future__ import annotations

import json
import os
import platform
import shutil
import subprocess
import sys
from pathlib import Path

from .layout import MODES, PROFILE, ROOT, Module, target_dir

# Baseline CPU per architecture: a built module must run on any machine of that architecture,
# so a `-C target-cpu=native` from the user's environment is overridden.
_BASELINE_CPU = {"x86_64": "x86-64", "amd64": "x86-64", "aarch64": "generic", "arm64": "generic"}


class BuildError(RuntimeError):
    """cargo failed or produced no library."""


def cargo_exe() -> str:
    exe = os.environ.get("CARGO") or shutil.which("cargo") or str(Path.home() / ".cargo" / "bin" / "cargo")
    if not Path(exe).is_file() and not shutil.which(exe):
        raise BuildError("cargo not found (install Rust via rustup, or set PYZIG_NORECOMPILE=1 to skip building)")
    return exe


def rustflags(base: str | None = None) -> str:
    """RUSTFLAGS for module builds: the user's flags, then the baseline CPU (later -C wins)."""
    flags = (os.environ.get("RUSTFLAGS", "") if base is None else base).split()
    cpu = _BASELINE_CPU.get(platform.machine().lower())
    if cpu:
        flags += ["-C", f"target-cpu={cpu}"]
    return " ".join(flags)


# The profiles of this repository's Cargo.toml, given to crates of other workspaces on the command line
# (a dependency's profiles do not apply to its users): without fat LTO the binding layer's calls are not
# inlined into the user's crate and cost more (a getter ~1.15x of C instead of ~1.0x).
PROFILE_CONFIG = (
    'profile.release.lto="fat"', "profile.release.codegen-units=1", 'profile.release.panic="unwind"',
    'profile.release-safe.inherits="release"', "profile.release-safe.debug-assertions=true",
    "profile.release-safe.overflow-checks=true", 'profile.release-safe.lto="thin"',
    "profile.release-safe.codegen-units=16",
    'profile.release-small.inherits="release"', 'profile.release-small.opt-level="s"',
)


def cargo_command(module: Module, mode: str) -> list[str]:
    if mode not in MODES:
        raise ValueError(f"unknown build mode {mode!r}; expected one of {', '.join(MODES)}")
    config: list[str] = []
    if module.root != ROOT:
        for c in PROFILE_CONFIG:
            config += ["--config", c]
    return [
        cargo_exe(), "build",
        "--manifest-path", str(module.root / "Cargo.toml"),
        "-p", module.package,
        "--lib",
        "--profile", PROFILE[mode],
        *config,
        "--message-format=json-render-diagnostics",
    ]


def cargo_env(module: Module) -> dict[str, str]:
    env = dict(os.environ)
    env["PYZIG_PYTHON"] = sys.executable
    env["CARGO_TARGET_DIR"] = str(target_dir(module.root))
    env["RUSTFLAGS"] = rustflags()
    env.pop("CARGO_ENCODED_RUSTFLAGS", None)  # would take precedence over RUSTFLAGS
    return env


def build(module: Module, mode: str, *, verbose: bool) -> Path:
    """Build ``module`` in ``mode`` for the running interpreter; return the produced shared library.

    cargo's diagnostics go to our stderr when ``verbose``; otherwise they are kept and shown on failure.
    """
    cmd = cargo_command(module, mode)
    proc = subprocess.Popen(
        cmd, cwd=module.root, env=cargo_env(module), stdout=subprocess.PIPE,
        stderr=None if verbose else subprocess.PIPE, stdin=subprocess.DEVNULL, text=True,
    )
    stdout, stderr = proc.communicate()
    artifact: Path | None = None
    for line in stdout.splitlines():
        try:
            msg = json.loads(line)
        except json.JSONDecodeError:
            continue
        if msg.get("reason") != "compiler-artifact":
            continue
        target = msg.get("target", {})
        if "cdylib" in target.get("kind", []) and target.get("name") == module.lib_name:
            for f in msg.get("filenames", []):
                if f.endswith((".so", ".dylib", ".dll")):
                    artifact = Path(f)
    if proc.returncode != 0:
        tail = "\n".join((stderr or "").splitlines()[-60:])
        raise BuildError(f"cargo build of {module.package} ({mode}) failed (exit {proc.returncode})"
                         + (f":\n{tail}" if tail else ""))
    if artifact is None or not artifact.is_file():
        raise BuildError(f"cargo build of {module.package} ({mode}) reported no cdylib")
    return artifact
