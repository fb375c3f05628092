"""In-tree PEP 517 backend: ``pip install .`` builds the extension modules with cargo and packs a wheel.

It needs nothing but the standard library and cargo (no build requirements are fetched). The wheel holds
every Python package that has a (non-test) extension module in ``modules/``, its native module built for the
building interpreter, stubs freshly taken from that module, and ``py.typed``.

Config setting ``mode`` (``pip install . --config-settings mode=debug``) or ``PYZIG_RELEASEMODE`` picks the
cargo profile; the default is ``release``.
"""

from __future__ import annotations

import os
import shutil
import tarfile
import tempfile
from pathlib import Path
from typing import Any, Dict, Optional

from . import cargo, stubs, wheel
from .layout import MODES, ROOT, toml_value, all_module_names, ext_suffix, find_module

ConfigSettings = Optional[Dict[str, Any]]

# Build products and caches that never go into a wheel or sdist from the source tree.
_SKIP_NAMES = {"__pycache__", ".pytest_cache", ".mypy_cache", "target", ".git"}


def _project() -> tuple[str, str, str]:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    name = toml_value(text, "project", "name") or "pyzig"
    version = toml_value(text, "project", "version")
    if not version:
        raise RuntimeError("pyproject.toml: [project] version missing")
    summary = toml_value(text, "project", "description") or ""
    return name, version, summary


def _mode(config_settings: ConfigSettings) -> str:
    mode = (config_settings or {}).get("mode") or os.environ.get("PYZIG_RELEASEMODE") or "release"
    if mode not in MODES:
        raise ValueError(f"mode {mode!r} is not one of {', '.join(MODES)}")
    return mode


def get_requires_for_build_wheel(config_settings: ConfigSettings = None) -> list[str]:
    return []


def get_requires_for_build_sdist(config_settings: ConfigSettings = None) -> list[str]:
    return []


def _copy_package(src: Path, dest: Path) -> None:
    """Copy a Python package's sources (``*.py``, ``py.typed``, data) but no build products."""
    for dirpath, dirnames, filenames in os.walk(src):
        dirnames[:] = sorted(d for d in dirnames if d not in _SKIP_NAMES and not d.startswith("."))
        here = Path(dirpath)
        for f in filenames:
            if f.startswith(".") or f.endswith((".so", ".pyd", ".dylib", ".pyi", ".pyc")):
                continue
            target = dest / here.relative_to(src) / f
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(here / f, target)


def build_wheel(wheel_directory: str, config_settings: ConfigSettings = None,
                metadata_directory: str | None = None) -> str:
    mode = _mode(config_settings)
    name, version, summary = _project()
    with tempfile.TemporaryDirectory(prefix="pyzig-wheel-") as tmp:
        staging = Path(tmp)
        for mod_name in all_module_names():
            if mod_name.endswith("_testmod"):
                continue
            module = find_module(mod_name)
            top = module.import_name.split(".")[0]
            if (ROOT / "py" / top).is_dir() and not (staging / top).exists():
                _copy_package(ROOT / "py" / top, staging / top)
            artifact = cargo.build(module, mode, verbose=True)
            dest = staging.joinpath(*module.import_name.split(".")[:-1],
                                    module.import_name.split(".")[-1] + ext_suffix())
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(artifact, dest)
            stubs.write_tree(module, stubs.extract(module, staging), staging)
            stubs.mark_typed(module, staging)
        files = {p.relative_to(staging).as_posix(): p for p in staging.rglob("*")
                 if p.is_file() and "__pycache__" not in p.parts}
        readme = ROOT / "README.md"
        meta = wheel.metadata(name, version, summary, readme.read_text(encoding="utf-8") if readme.is_file() else None)
        return wheel.write(Path(wheel_directory), name, version, files, meta)


def _sdist_files() -> list[Path]:
    """Files git tracks or would track (a checkout), else every source file (an unpacked sdist)."""
    import subprocess

    try:
        listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                                cwd=ROOT, capture_output=True, check=True).stdout
        return sorted(ROOT / p for p in listed.decode().split("\0") if p and (ROOT / p).is_file())
    except (OSError, subprocess.CalledProcessError):
        pass
    out = []
    for dirpath, dirnames, filenames in os.walk(ROOT):
        here = Path(dirpath)
        dirnames[:] = sorted(d for d in dirnames if d not in _SKIP_NAMES and not d.startswith(".")
                             and not (here == ROOT and d in ("build", "dist")))
        for f in sorted(filenames):
            if f.endswith((".so", ".pyd", ".pyc")) or (f.endswith(".pyi") and (here / f).is_relative_to(ROOT / "py")):
                continue
            if f.startswith(".") and f not in (".gitignore",):
                continue
            out.append(here / f)
    return out


def build_sdist(sdist_directory: str, config_settings: ConfigSettings = None) -> str:
    name, version, summary = _project()
    base = f"{name}-{version}"
    out = Path(sdist_directory)
    out.mkdir(parents=True, exist_ok=True)
    pkg_info = wheel.metadata(name, version, summary, None).encode("utf-8")
    path = out / f"{base}.tar.gz"
    with tarfile.open(path, "w:gz", format=tarfile.PAX_FORMAT) as tf:
        for f in _sdist_files():
            info = tf.gettarinfo(str(f), arcname=f"{base}/{f.relative_to(ROOT).as_posix()}")
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            with open(f, "rb") as fh:
                tf.addfile(info, fh)
        import io

        info = tarfile.TarInfo(f"{base}/PKG-INFO")
        info.size = len(pkg_info)
        info.mode = 0o644
        tf.addfile(info, io.BytesIO(pkg_info))
    return path.name
