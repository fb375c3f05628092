#!/usr/bin/env python3
"""Build pyzig's extension modules for this interpreter (see `--help` and README.md).

The logic lives in py/pyzig_build/ so that build-on-import and the wheel backend share it.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "py"))

from pyzig_build.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
