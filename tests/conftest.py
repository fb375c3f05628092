"""Shared test set-up: import ``pyzig`` and ``pyzig_testmod`` from this checkout's ``py/``, built and current.

- ``py/`` goes first on ``sys.path`` and on ``PYTHONPATH`` (for subprocesses), so the checkout is tested even
  when another pyzig is installed. ``PYZIG_PY_DIR`` names another tree of the same packages instead (the
  AddressSanitizer build of tools/asan.sh), to be tested as it is (with ``PYZIG_NORECOMPILE=1``).
- Every extension module in ``modules/`` is brought up to date before collection (build-on-import covers
  ``pyzig``; ``pyzig_testmod`` has no Python wrapper to do it). The mode is ``PYZIG_RELEASEMODE``, else the
  mode already built, else debug; ``PYZIG_NORECOMPILE=1`` skips building.
- Tests marked ``full`` (wheel install, gdb, builds in a copy of the checkout) run only with
  ``PYZIG_FULL_TESTS=1``, as ``make test`` sets; otherwise they are reported as skipped, with the reason.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PY_DIR = Path(os.environ["PYZIG_PY_DIR"]).resolve() if os.environ.get("PYZIG_PY_DIR") else REPO / "py"

sys.path.insert(0, str(PY_DIR))
_rest = [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p and p != str(PY_DIR)]
os.environ["PYTHONPATH"] = os.pathsep.join([str(PY_DIR), *_rest])

from pyzig_build import ensure, layout  # noqa: E402


def _build_all() -> None:
    if os.environ.get("PYZIG_NORECOMPILE", "") not in ("", "0"):
        return
    for name in layout.all_module_names(REPO):
        module = layout.find_module(name, REPO)
        mode = os.environ.get("PYZIG_RELEASEMODE") or (ensure.read_stamp(module) or {}).get("mode") or "debug"
        os.environ.setdefault("PYZIG_RELEASEMODE", mode)
        ensure.ensure(module, mode)


_build_all()


def full_tests_enabled() -> bool:
    return os.environ.get("PYZIG_FULL_TESTS", "") == "1"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if full_tests_enabled():
        return
    skip = pytest.mark.skip(reason="full test: runs in `make test` (set PYZIG_FULL_TESTS=1 to run it here)")
    for item in items:
        if "full" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


def corpus(paths: list) -> list:
    """The corpus files a KiCad test walks: all of them, or one in 25 when ``PYZIG_CORPUS=sample`` (set by
    tools/test-python.sh for every interpreter but the first, which walks them all)."""
    if os.environ.get("PYZIG_CORPUS") == "sample":
        return paths[::25]
    return paths
