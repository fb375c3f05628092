"""Build-on-import for the packages of this checkout (``pyzig``, ``pyzig_sexp``).

In a development checkout (sources beside the package), ``ensure(name)`` makes sure the native module of
``modules/<name>`` is built from the current sources: it hashes the Rust sources of the crates the module
depends on, with the build mode and the interpreter, and rebuilds with cargo when that key changed, under
an inter-process lock. Environment:

- ``PYZIG_NORECOMPILE=1``: never build; load whatever is there.
- ``PYZIG_RELEASEMODE=debug|release-safe|release|release-small``: the cargo profile (default: the mode
  last built, else ``release``).

Installed from a wheel there are no sources, and nothing is built.
"""

from __future__ import annotations


def ensure(name: str) -> None:
    import os
    from pathlib import Path

    if os.environ.get("PYZIG_NORECOMPILE", "") not in ("", "0"):
        return
    root = Path(__file__).resolve().parent.parent.parent
    builder = root / "py" / "pyzig_build" / "__init__.py"
    if not ((root / "modules" / name / "Cargo.toml").is_file() and builder.is_file()):
        return  # installed from a wheel: no sources to build from

    import importlib
    import importlib.util
    import sys

    pb = sys.modules.get("pyzig_build")
    if pb is None or Path(getattr(pb, "__file__", "") or "").resolve() != builder:
        # Load the checkout's own builder by path: another `pyzig_build` on sys.path must not be used.
        spec = importlib.util.spec_from_file_location(
            "pyzig_build", builder, submodule_search_locations=[str(builder.parent)])
        assert spec is not None and spec.loader is not None
        pb = importlib.util.module_from_spec(spec)
        sys.modules["pyzig_build"] = pb
        spec.loader.exec_module(pb)

    # Looked up at run time, not imported by name: the builder is not part of the installed package, so
    # type checkers (mypy.stubtest) must not follow it.
    ensure_built = importlib.import_module("pyzig_build.ensure")
    layout = importlib.import_module("pyzig_build.layout")
    build_error = importlib.import_module("pyzig_build.cargo").BuildError

    try:
        ensure_built.ensure(layout.find_module(name, root))
    except (build_error, ValueError, OSError) as e:
        raise ImportError(f"{name}: could not build the native module: {e}") from e
