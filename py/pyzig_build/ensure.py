"""Build a module only when its build key changed, once across processes (build-on-import and tools/build.py).

State lives in the interpreter's own target dir (``target/py3.X/``):
``pyzig-stamps/<module>-<checkout>.json`` (key and mode of the module now in ``py/``), ``pyzig-build.lock`` (flock'd
while checking and building) and ``pyzig-build.log`` (one line per build actually run).
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import sys
import time
from contextlib import contextmanager
from typing import Any, Iterator
from pathlib import Path

from . import cargo, sourcekey, stubs
from .layout import MODES, Module, target_dir

DEFAULT_MODE = "release"


def _stamp_path(module: Module) -> Path:
    # Named for the checkout too: two checkouts may share one CARGO_TARGET_DIR.
    where = hashlib.sha256(str(module.root.resolve()).encode()).hexdigest()[:12]
    return target_dir(module.root) / "pyzig-stamps" / f"{module.name}-{where}.json"


def log_path(module: Module) -> Path:
    return target_dir(module.root) / "pyzig-build.log"


def read_stamp(module: Module) -> dict[str, Any] | None:
    try:
        stamp = json.loads(_stamp_path(module).read_text())
    except (OSError, ValueError):
        return None
    return stamp if isinstance(stamp, dict) else None


def requested_mode(module: Module, mode: str | None = None) -> str:
    """``mode`` if given, else ``PYZIG_RELEASEMODE``, else the mode of the module now built, else release."""
    if mode is None:
        mode = os.environ.get("PYZIG_RELEASEMODE") or None
        if mode is not None and mode not in MODES:
            raise ValueError(f"PYZIG_RELEASEMODE={mode!r} is not one of {', '.join(MODES)}")
    if mode is None:
        stamp = read_stamp(module) or {}
        mode = stamp["mode"] if stamp.get("mode") in MODES else DEFAULT_MODE
    if mode not in MODES:
        raise ValueError(f"unknown build mode {mode!r}; expected one of {', '.join(MODES)}")
    return mode


def _file_id(p: Path) -> list[int] | None:
    try:
        st = p.stat()
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns]


def is_current(module: Module, key: str) -> bool:
    """The module in ``py/`` was built from exactly this key and nobody replaced it since."""
    stamp = read_stamp(module) or {}
    return stamp.get("key") == key and stamp.get("file") == _file_id(module.dest())


@contextmanager
def build_lock(module: Module) -> Iterator[None]:
    """Exclusive inter-process lock on the interpreter's target dir (released when the process dies)."""
    tdir = target_dir(module.root)
    tdir.mkdir(parents=True, exist_ok=True)
    with open(tdir / "pyzig-build.lock", "a+") as fh:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def _install(artifact: Path, dest: Path) -> None:
    """Copy atomically: a process that already mapped the old file keeps its (unchanged) inode."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(f".{dest.name}.tmp{os.getpid()}")
    shutil.copy2(artifact, tmp)
    os.replace(tmp, dest)


def _say(msg: str) -> None:
    print(f"pyzig: {msg}", file=sys.stderr, flush=True)


def ensure(module: Module, mode: str | None = None, *, force: bool = False, verbose: bool | None = None,
           write_stubs: bool = True, strict_stubs: bool = False) -> bool:
    """Make ``py/`` hold ``module`` built from the current sources in ``mode``; return True if it built.

    Stub failures raise when ``strict_stubs``, else they are reported and the module is still usable.
    """
    mode = requested_mode(module, mode)
    key = sourcekey.build_key(module.crate_dir, module.root, mode)
    if not force and is_current(module, key):
        return False
    if verbose is None:
        verbose = sys.stderr.isatty()
    with build_lock(module):
        key = sourcekey.build_key(module.crate_dir, module.root, mode)
        if not force and is_current(module, key):
            return False  # another process built it while we waited
        _say(f"building {module.import_name} ({mode}) for {sys.executable} ...")
        start = time.monotonic()
        artifact = cargo.build(module, mode, verbose=verbose)
        dest = module.dest()
        _install(artifact, dest)
        seconds = time.monotonic() - start
        stamp = _stamp_path(module)
        stamp.parent.mkdir(parents=True, exist_ok=True)
        stamp.write_text(json.dumps({"key": key, "mode": mode, "file": _file_id(dest)}))
        with open(log_path(module), "a") as log:
            log.write(f"{time.strftime('%Y-%m-%dT%H:%M:%S')} pid={os.getpid()} module={module.name} "
                      f"mode={mode} key={key[:16]} seconds={seconds:.1f}\n")
        _say(f"built {dest.relative_to(module.root)} in {seconds:.1f} s")
        if write_stubs:
            try:
                changed = stubs.update(module, module.root / "gen", module.root / "py")
                if changed:
                    _say(f"stubs updated in gen/: {', '.join(changed)}")
            except stubs.StubError as e:
                if strict_stubs:
                    raise
                _say(f"WARNING: {e}")
        return True
