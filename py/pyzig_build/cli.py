"""``tools/build.py``: build extension modules for the running interpreter, write stubs, run the demo."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from . import cargo, ensure, layout, pth, stubs
from .layout import GEN_DIR, MODES, PY_DIR, ROOT, all_module_names, find_module


def _default_modules() -> list[str]:
    """Modules a user needs: everything in modules/ except test-only ones (``*_testmod``)."""
    return [m for m in all_module_names() if not m.endswith("_testmod")]


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(prog="tools/build.py", description=__doc__)
    ap.add_argument("--mode", choices=MODES,
                    help="cargo profile (default: PYZIG_RELEASEMODE, else the mode last built, else release)")
    ap.add_argument("--module", action="append", metavar="NAME",
                    help="crate in modules/ to build (repeatable; default: all but *_testmod)")
    ap.add_argument("--all", action="store_true", help="build every crate in modules/, test modules included")
    ap.add_argument("--force", action="store_true", help="run cargo even if the build key is unchanged")
    ap.add_argument("--stubs-only", action="store_true",
                    help="only (re)write stubs from the modules (building them first only if they are stale)")
    ap.add_argument("--out", type=Path,
                    help="with --stubs-only: write stubs here instead of gen/ (py/ untouched); with --crate: where "
                         "the module and its stubs go (default: the current directory)")
    ap.add_argument("--crate", type=Path, metavar="DIR",
                    help="build your own extension crate in DIR (anywhere; it depends on pyzig) into a module "
                         "named after its [lib], for the running interpreter, with this repository's profiles")
    ap.add_argument("--demo", action="store_true", help="afterwards run `python -m pyzig.graph.demo` and `python -m pyzig.graph` from another dir")
    ap.add_argument("--clean", action="store_true",
                    help="remove built modules (any interpreter) and .pyi copies from py/; gen/ stays")
    ap.add_argument("--no-pth", action="store_true", help="do not put the .pth file into site-packages")
    return ap.parse_args(argv)


def _demo() -> int:
    """From another directory (proving the .pth works): the API tour, then the allocation/cleanup stress run."""
    env = dict(os.environ)
    if pth.installed() is None:  # no .pth (unwritable site-packages): fall back to PYTHONPATH
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PY_DIR), env.get("PYTHONPATH")]))
    with tempfile.TemporaryDirectory() as elsewhere:
        for module in ("pyzig.graph.demo", "pyzig.graph"):
            print(f"\n$ cd {elsewhere} && {Path(sys.executable).name} -m {module}", flush=True)
            proc = subprocess.run([sys.executable, "-m", module], cwd=elsewhere, env=env, stdin=subprocess.DEVNULL)
            if proc.returncode != 0:
                print(f"demo failed: {module} exited {proc.returncode}", file=sys.stderr)
                return proc.returncode
    return 0


def _clean() -> int:
    for name in all_module_names():
        m = find_module(name)
        parts = m.import_name.split(".")
        folder = PY_DIR.joinpath(*parts[:-1])
        for f in sorted(folder.glob(parts[-1] + ".*.so")) + sorted(folder.glob(parts[-1] + ".*.pyd")):
            print(f"removing {f.relative_to(ROOT)}")
            f.unlink()
        manifest = PY_DIR / f".stubs-{m.name}.txt"
        if manifest.is_file():
            for rel in manifest.read_text().split():
                (PY_DIR / rel).unlink(missing_ok=True)
            manifest.unlink()
    return 0


def _build_crate(crate: Path, out: Path, mode: str) -> int:
    """An outside crate: build, copy ``<lib><EXT_SUFFIX>`` into ``out``, write its stubs there too."""
    m = layout.outside_crate(crate)
    try:
        artifact = cargo.build(m, mode, verbose=True)
        out.mkdir(parents=True, exist_ok=True)
        dest = out / (m.lib_name + layout.ext_suffix())
        tmp = dest.with_name(dest.name + ".tmp")
        shutil.copyfile(artifact, tmp)
        os.replace(tmp, dest)  # a new inode: a process that has the old module loaded keeps it intact
        print(f"pyzig: built {dest} ({mode})", file=sys.stderr)
        got = stubs.extract(m, out)
        if got:
            stubs.write_tree(m, got, out)
            print(f"pyzig: stubs {', '.join(sorted(got))} in {out}", file=sys.stderr)
    except (cargo.BuildError, stubs.StubError) as e:
        details = getattr(e, "details", "")
        print(f"pyzig: error: {e}" + (f"\n{details}" if details else ""), file=sys.stderr)
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.clean:
        return _clean()
    if args.crate:
        return _build_crate(args.crate, args.out or Path.cwd(), args.mode or "release")
    names = all_module_names() if args.all else (args.module or _default_modules())
    modules = [find_module(n) for n in names]
    if args.out and not args.stubs_only:
        sys.exit("--out only goes with --stubs-only")
    try:
        for m in modules:
            mode = args.mode
            if args.stubs_only and mode is None and ensure.read_stamp(m) is None:
                mode = "debug"  # stubs don't depend on the mode: take the cheapest build
            if not ensure.ensure(m, mode, force=args.force, verbose=True, write_stubs=False):
                print(f"pyzig: {m.import_name} is current ({ensure.requested_mode(m, mode)}): "
                      f"{m.dest().relative_to(ROOT)}", file=sys.stderr)
            if args.out:
                args.out.mkdir(parents=True, exist_ok=True)
                stubs.write_tree(m, stubs.extract(m, PY_DIR), args.out)
            else:
                changed = stubs.update(m, GEN_DIR, PY_DIR)
                if changed:
                    print(f"pyzig: stubs updated in gen/: {', '.join(changed)}", file=sys.stderr)
    except (cargo.BuildError, stubs.StubError) as e:
        details = getattr(e, "details", "")
        print(f"pyzig: error: {e}" + (f"\n{details}" if details else ""), file=sys.stderr)
        return 1
    if not args.no_pth and not args.stubs_only:
        try:
            where = pth.install(PY_DIR)
            print(f"pyzig: `import pyzig` works from any directory ({where} -> {PY_DIR})", file=sys.stderr)
        except OSError as e:
            print(f"pyzig: warning: {e}", file=sys.stderr)
    if args.demo:
        return _demo()
    return 0
