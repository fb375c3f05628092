"""pyzig: native Rust data for Python through the raw C-API (``pyzig.graph``: the graph engine).

In a development checkout, importing ``pyzig`` first rebuilds the native module ``pyzig._pyzig`` when its
sources changed (see ``pyzig._native``; ``PYZIG_NORECOMPILE=1`` skips that, ``PYZIG_RELEASEMODE`` picks the
profile). Installed from a wheel there are no sources, and nothing is built.
"""

from __future__ import annotations

from pyzig._native import ensure as _ensure

_ensure("pyzig")
del _ensure
