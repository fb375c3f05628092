"""Make ``import pyzig`` work from any directory: a ``.pth`` file in site-packages naming ``py/``."""

from __future__ import annotations

import os
import site
import sysconfig
from pathlib import Path

PTH_NAME = "pyzig-checkout.pth"


def _candidates() -> list[Path]:
    dirs = [Path(sysconfig.get_paths()["purelib"])]
    if site.ENABLE_USER_SITE:
        dirs.append(Path(site.getusersitepackages()))
    return dirs


def install(py_dir: Path) -> Path:
    """Write the ``.pth`` into the first writable site dir of the running interpreter; return its path."""
    line = str(py_dir.resolve()) + "\n"
    errors = []
    for d in _candidates():
        target = d / PTH_NAME
        try:
            if target.is_file() and target.read_text() == line:
                return target
            d.mkdir(parents=True, exist_ok=True)
            tmp = d / f".{PTH_NAME}.tmp{os.getpid()}"
            tmp.write_text(line)
            os.replace(tmp, target)
            return target
        except OSError as e:
            errors.append(f"{d}: {e.strerror or e}")
    raise OSError("cannot write a .pth file into site-packages (" + "; ".join(errors)
                  + f"); add {py_dir} to PYTHONPATH instead")


def installed() -> Path | None:
    for d in _candidates():
        if (d / PTH_NAME).is_file():
            return d / PTH_NAME
    return None
