"""Where things are in a checkout, and which extension modules exist."""

from __future__ import annotations

import re
import sys
import sysconfig
from dataclasses import dataclass
from pathlib import Path

# py/pyzig_build/layout.py -> repository root
ROOT = Path(__file__).resolve().parent.parent.parent
PY_DIR = ROOT / "py"
GEN_DIR = ROOT / "gen"
MODULES_DIR = ROOT / "modules"

MODES = ("debug", "release-safe", "release", "release-small")
# Cargo profile for each build mode, and the folder cargo puts its output in.
PROFILE = {"debug": "dev", "release-safe": "release-safe", "release": "release", "release-small": "release-small"}
PROFILE_DIR = {"debug": "debug", "release-safe": "release-safe", "release": "release", "release-small": "release-small"}


def is_checkout(root: Path = ROOT) -> bool:
    """True when sources sit beside the package (a development checkout), false for a wheel install."""
    return (root / "Cargo.toml").is_file() and (root / "modules").is_dir()


def ext_suffix() -> str:
    """The running interpreter's extension suffix, e.g. ``.cpython-311-x86_64-linux-gnu.so``."""
    suffix = sysconfig.get_config_var("EXT_SUFFIX")
    if not isinstance(suffix, str) or not suffix:
        raise RuntimeError("this interpreter reports no EXT_SUFFIX; cannot name an extension module")
    return suffix


def interpreter_tag() -> str:
    """Short name of the interpreter's ABI, used for its own cargo target dir (``py3.12``, ``py3.13t``, and
    ``py3.11d`` for a debug interpreter, whose builds differ: ``cfg(Py_DEBUG)``)."""
    gil_disabled = bool(sysconfig.get_config_var("Py_GIL_DISABLED"))
    debug = hasattr(sys, "gettotalrefcount")
    return f"py{sys.version_info.major}.{sys.version_info.minor}{'t' if gil_disabled else ''}{'d' if debug else ''}"


def target_dir(root: Path = ROOT) -> Path:
    """Per-interpreter cargo target dir, so interpreters don't thrash each other's builds.

    ``CARGO_TARGET_DIR`` (if set) moves the base; the interpreter sub-folder is always added.
    """
    import os

    base = os.environ.get("CARGO_TARGET_DIR")
    base_path = Path(base) if base else root / "target"
    if not base_path.is_absolute():
        base_path = root / base_path
    return base_path / interpreter_tag()


def toml_value(text: str, section: str, key: str) -> str | None:
    """The string value of ``key`` in ``[section]`` of a simple TOML file (no tomllib on 3.10)."""
    current = None
    for line in text.splitlines():
        stripped = line.split("#", 1)[0].strip()
        header = re.fullmatch(r"\[([^\[\]]+)\]", stripped)
        if header:
            current = header.group(1).strip()
            continue
        if current == section:
            m = re.fullmatch(rf'{re.escape(key)}\s*=\s*"([^"]*)"', stripped)
            if m:
                return m.group(1)
    return None


@dataclass(frozen=True)
class Module:
    """One extension crate in ``modules/`` and where its built library goes."""

    crate_dir: Path  # modules/<name>
    package: str  # cargo package name (for -p)
    lib_name: str  # [lib] name: file lib<lib_name>.so, init function PyInit_<lib_name>
    import_name: str  # e.g. "pyzig._pyzig" or "pyzig_testmod"
    root: Path

    @property
    def name(self) -> str:
        return self.crate_dir.name

    def dest(self, suffix: str | None = None) -> Path:
        """Where the built module is placed: ``py/<pkg>/<lib><EXT_SUFFIX>`` or ``py/<lib><EXT_SUFFIX>``."""
        parts = self.import_name.split(".")
        return self.root.joinpath("py", *parts[:-1], parts[-1] + (suffix or ext_suffix()))

    @property
    def stub_roots(self) -> tuple[str, ...]:
        """Paths under ``gen/`` this module owns: its top-level package folder and top-level stub."""
        top = self.import_name.split(".")[0]
        return (top + "/", top + ".pyi")


def find_module(name: str, root: Path = ROOT) -> Module:
    """The extension crate ``modules/<name>`` (e.g. ``pyzig``, ``pyzig_testmod``)."""
    crate_dir = root / "modules" / name
    manifest = crate_dir / "Cargo.toml"
    if not manifest.is_file():
        known = ", ".join(all_module_names(root)) or "none"
        raise SystemExit(f"no extension crate modules/{name}/Cargo.toml (known: {known})")
    text = manifest.read_text(encoding="utf-8")
    package = toml_value(text, "package", "name")
    if not package:
        raise SystemExit(f"{manifest}: no [package] name")
    lib_name = toml_value(text, "lib", "name") or package.replace("-", "_")
    # A lib named differently from its crate folder, with a Python package of the folder's name in py/,
    # is that package's native part (modules/pyzig, lib _pyzig -> pyzig._pyzig); otherwise top level.
    if lib_name != name and (root / "py" / name / "__init__.py").is_file():
        import_name = f"{name}.{lib_name}"
    else:
        import_name = lib_name
    return Module(crate_dir=crate_dir, package=package, lib_name=lib_name, import_name=import_name, root=root)


def outside_crate(crate_dir: Path) -> Module:
    """An extension crate of your own, anywhere (its own workspace): built into a top-level module named
    after its ``[lib]`` (``PyInit_<lib>``)."""
    crate_dir = crate_dir.resolve()
    manifest = crate_dir / "Cargo.toml"
    if not manifest.is_file():
        raise SystemExit(f"no Cargo.toml in {crate_dir}")
    text = manifest.read_text(encoding="utf-8")
    package = toml_value(text, "package", "name")
    if not package:
        raise SystemExit(f"{manifest}: no [package] name")
    if "cdylib" not in text:
        raise SystemExit(f'{manifest}: the [lib] needs crate-type = ["cdylib"] to build a Python module')
    lib_name = toml_value(text, "lib", "name") or package.replace("-", "_")
    return Module(crate_dir=crate_dir, package=package, lib_name=lib_name, import_name=lib_name, root=crate_dir)


def all_module_names(root: Path = ROOT) -> list[str]:
    mods = root / "modules"
    if not mods.is_dir():
        return []
    return sorted(p.name for p in mods.iterdir() if (p / "Cargo.toml").is_file())
