"""Stubs: ask a freshly built module for its ``_stubs()`` and write them into ``gen/`` and ``py/``.

``gen/`` is the committed, reviewed record (a test fails when it is stale). The same files are copied
next to the modules in ``py/`` as build products (gitignored), because type checkers look for ``.pyi``
beside the package they type: that is what makes typing work in a checkout and in the wheel.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from .layout import Module

_EXTRACT = r"""
import importlib, json, sys
sys.path.insert(0, sys.argv[1])
mod = importlib.import_module(sys.argv[2])
fn = getattr(mod, "_stubs", None)
if fn is None:
    sys.exit(f"module {sys.argv[2]} ({mod.__file__}) has no _stubs() function")
stubs = fn()
if not isinstance(stubs, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in stubs.items()):
    sys.exit(f"{sys.argv[2]}._stubs() must return dict[str, str], got {type(stubs).__name__}")
sys.stdout.write(json.dumps(stubs, sort_keys=True))
"""


class StubError(RuntimeError):
    """The module could not be imported or its ``_stubs()`` misbehaved (``details``: the full output)."""

    def __init__(self, message: str, details: str = "") -> None:
        super().__init__(message)
        self.details = details


def extract(module: Module, py_dir: Path) -> dict[str, str]:
    """Import ``module`` from ``py_dir`` in a fresh interpreter (no rebuild) and return its ``_stubs()``."""
    env = dict(os.environ, PYZIG_NORECOMPILE="1", PYTHONDONTWRITEBYTECODE="1")
    env.pop("PYTHONPATH", None)
    proc = subprocess.run(
        [sys.executable, "-I", "-B", "-c", _EXTRACT, str(py_dir), module.import_name],
        env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL,
    )
    if proc.returncode != 0:
        lines = (proc.stderr.strip() or proc.stdout.strip() or f"exit {proc.returncode}").splitlines()
        raise StubError(f"could not get stubs from {module.import_name}: {lines[-1]}", "\n".join(lines))
    stubs: dict[str, str] = json.loads(proc.stdout)
    for rel in stubs:
        validate_path(module, rel)
    return stubs


def validate_path(module: Module, rel: str) -> None:
    p = Path(rel)
    if p.is_absolute() or ".." in p.parts or not rel.endswith(".pyi"):
        raise StubError(f"{module.import_name}._stubs(): bad stub path {rel!r} (want a relative '*.pyi')")
    if not any(rel == r or rel.startswith(r) for r in module.stub_roots):
        raise StubError(f"{module.import_name}._stubs(): {rel!r} is outside this module's own "
                        f"{' or '.join(module.stub_roots)}")


def owned_files(module: Module, base: Path) -> set[str]:
    """Stub files under ``base`` that belong to ``module`` (relative posix paths)."""
    out: set[str] = set()
    for r in module.stub_roots:
        p = base / r
        if r.endswith("/") and p.is_dir():
            out.update(f.relative_to(base).as_posix() for f in p.rglob("*.pyi"))
        elif p.is_file():
            out.add(r)
    return out


def write_tree(module: Module, stubs: dict[str, str], base: Path, previous: set[str] | None = None) -> list[str]:
    """Make ``base`` hold ``stubs`` for this module: write changed files, delete stale ones.

    Stale means owned by the module and not in ``stubs``; with ``previous`` given, only files in it are
    candidates (so hand-made files in ``py/`` are never deleted). Returns the relative paths that changed.
    Files are written UTF-8, byte for byte as given.
    """
    changed = []
    candidates = owned_files(module, base) if previous is None else {p for p in previous if (base / p).is_file()}
    for rel in sorted(candidates - set(stubs)):
        (base / rel).unlink()
        changed.append(rel)
    for rel, text in sorted(stubs.items()):
        dest = base / rel
        data = text.encode("utf-8")
        if dest.is_file() and dest.read_bytes() == data:
            continue
        dest.parent.mkdir(parents=True, exist_ok=True)
        tmp = dest.with_name(dest.name + f".tmp{os.getpid()}")
        tmp.write_bytes(data)
        os.replace(tmp, dest)
        changed.append(rel)
    return changed


def _manifest(module: Module, py_dir: Path) -> Path:
    return py_dir / f".stubs-{module.name}.txt"


def copy_to_py(module: Module, stubs: dict[str, str], py_dir: Path) -> None:
    """Place the stubs beside the modules in ``py/``; remember what was placed, to remove it when stale."""
    manifest = _manifest(module, py_dir)
    previous = set(manifest.read_text().split()) if manifest.is_file() else set()
    write_tree(module, stubs, py_dir, previous)
    manifest.write_text("".join(f"{rel}\n" for rel in sorted(stubs)))


def mark_typed(module: Module, py_dir: Path) -> None:
    """PEP 561: a package whose stubs we ship carries ``py.typed``."""
    parts = module.import_name.split(".")
    if len(parts) > 1:
        marker = py_dir.joinpath(*parts[:-1], "py.typed")
        if not marker.exists():
            marker.write_text("")


def gen_writable() -> bool:
    """``PYZIG_GEN_READONLY=1`` (set by ``make test``) keeps ``gen/`` as committed so staleness is caught."""
    return os.environ.get("PYZIG_GEN_READONLY", "") in ("", "0")


def update(module: Module, gen_dir: Path, py_dir: Path) -> list[str]:
    """Regenerate ``gen/`` (unless read-only) and the ``.pyi`` copies in ``py/`` from the module in ``py_dir``.

    Returns the ``gen/`` paths that changed.
    """
    got = extract(module, py_dir)
    if gen_writable():
        changed = write_tree(module, got, gen_dir)
    else:
        stale = sorted(r for r in set(got) | owned_files(module, gen_dir)
                       if not (gen_dir / r).is_file() or (gen_dir / r).read_bytes() != got.get(r, "").encode())
        if stale:
            print(f"pyzig: WARNING: gen/ is stale for {module.import_name} ({', '.join(stale)}); "
                  "left as is because PYZIG_GEN_READONLY=1 (run `make stubs`)", file=sys.stderr)
        changed = []
    copy_to_py(module, got, py_dir)
    mark_typed(module, py_dir)
    return changed
