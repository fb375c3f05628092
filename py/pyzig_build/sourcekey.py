"""The build key: a hash of every source that can change a module's binary, the mode and the interpreter.

Sources are the crate's own and those of every crate it reaches through ``path`` dependencies (normal and
build dependencies; dev-dependencies cannot change a library): all ``*.rs`` files (``build.rs`` included),
``Cargo.toml``, every file under ``src/`` (for ``include_str!``), plus the workspace ``Cargo.toml`` and
``Cargo.lock``. Crate folders nested inside another crate (the root crate holds the whole tree) are separate
crates and are not counted unless depended on.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
import sysconfig
from pathlib import Path
from typing import Iterator

_DEP_SECTION = re.compile(r"^(?:target\..+\.)?(?:dependencies|build-dependencies)(?:\.[^.]+)?$")
_PATH_VALUE = re.compile(r'(?:^|[\s{,.])path\s*=\s*"([^"]+)"')
_WORKSPACE_TRUE = re.compile(r"workspace\s*=\s*true")
# Folders of a crate that hold targets other than the library (tests, benches, examples) or build output.
_SKIP_DIRS = {"target", "tests", "benches", "examples", "fuzz", "node_modules", "__pycache__"}


def _sections(text: str) -> Iterator[tuple[str, str]]:
    """Yield (section name, line) for each meaningful line of a TOML file."""
    section = ""
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        header = re.fullmatch(r"\[\[?([^\[\]]+)\]?\]", line)
        if header:
            section = header.group(1).strip()
            continue
        yield section, line


def path_dependencies(crate_dir: Path, workspace_root: Path) -> list[Path]:
    """Folders of the crates ``crate_dir`` depends on by path (normal and build dependencies)."""
    text = (crate_dir / "Cargo.toml").read_text(encoding="utf-8")
    deps: list[Path] = []
    uses_workspace = False
    for section, line in _sections(text):
        if not _DEP_SECTION.match(section):
            continue
        for m in _PATH_VALUE.finditer(line):
            deps.append((crate_dir / m.group(1)).resolve())
        if _WORKSPACE_TRUE.search(line):
            uses_workspace = True
    if uses_workspace:
        # Over-approximate: any inherited dependency may be any workspace path dependency.
        root_text = (workspace_root / "Cargo.toml").read_text(encoding="utf-8")
        for section, line in _sections(root_text):
            if section == "workspace.dependencies" or section.startswith("workspace.dependencies."):
                for m in _PATH_VALUE.finditer(line):
                    deps.append((workspace_root / m.group(1)).resolve())
    return deps


def crate_closure(crate_dir: Path, workspace_root: Path) -> list[Path]:
    """``crate_dir`` and every crate it reaches through path dependencies, sorted."""
    seen: set[Path] = set()
    todo = [crate_dir.resolve()]
    while todo:
        d = todo.pop()
        if d in seen:
            continue
        if not (d / "Cargo.toml").is_file():
            raise FileNotFoundError(f"path dependency {d} has no Cargo.toml")
        seen.add(d)
        todo.extend(path_dependencies(d, workspace_root))
    return sorted(seen)


def crate_sources(crate_dir: Path) -> list[Path]:
    """Files of one crate that can change its library: ``*.rs`` (``build.rs`` too), ``Cargo.toml``, and
    anything else under ``src/``."""
    out: list[Path] = []
    src = crate_dir / "src"
    for dirpath, dirnames, filenames in os.walk(crate_dir):
        here = Path(dirpath)
        keep = []
        for d in dirnames:
            sub = here / d
            if d.startswith(".") or (here == crate_dir and d in _SKIP_DIRS) or d == "target":
                continue
            if (sub / "Cargo.toml").is_file():  # a separate crate nested inside this one
                continue
            keep.append(d)
        dirnames[:] = sorted(keep)
        # Under src/ every file counts: sources may include_str!/include_bytes! data (stub snippets, tables).
        in_src = here == src or src in here.parents
        for f in sorted(filenames):
            if f.endswith(".rs") or f == "Cargo.toml" or (in_src and not f.startswith(".") and not f.endswith(".pyc")):
                out.append(here / f)
    return out


def interpreter_identity() -> str:
    """What makes two interpreters' builds different: implementation, exact version, ABI."""
    return "|".join(
        [
            sys.implementation.name,
            sys.version,
            str(sysconfig.get_config_var("EXT_SUFFIX")),
            str(sysconfig.get_config_var("Py_GIL_DISABLED")),
            getattr(sys, "abiflags", ""),
        ]
    )


def source_files(crate_dir: Path, workspace_root: Path) -> list[Path]:
    files: list[Path] = []
    for d in crate_closure(crate_dir, workspace_root):
        files.extend(crate_sources(d))
    for extra in ("Cargo.toml", "Cargo.lock", "rust-toolchain", "rust-toolchain.toml",
                  ".cargo/config.toml", ".cargo/config"):
        p = workspace_root / extra
        if p.is_file():
            files.append(p)
    return sorted(set(files))


def build_key(crate_dir: Path, workspace_root: Path, mode: str) -> str:
    """Hex digest over the sources' relative paths and contents, the build mode and the interpreter."""
    h = hashlib.sha256()
    h.update(f"mode={mode}\n".encode())
    h.update(f"python={interpreter_identity()}\n".encode())
    h.update(f"rustflags={os.environ.get('RUSTFLAGS', '')}\n".encode())
    root = workspace_root.resolve()
    for f in source_files(crate_dir, workspace_root):
        rel = f.resolve().relative_to(root).as_posix() if f.resolve().is_relative_to(root) else str(f)
        data = f.read_bytes()
        h.update(f"{rel}\0{len(data)}\0".encode())
        h.update(data)
    return h.hexdigest()
