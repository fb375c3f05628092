"""pyzig_sexp: typed, lossless access to KiCad S-expression files.

Each file kind is a submodule with ``loads(text)`` and ``dumps(obj)``: ``pyzig_sexp.fp_lib_table``,
``pyzig_sexp.sym_lib_table``. ``pyzig_sexp.load(path)`` and ``pyzig_sexp.loads(text)`` pick the kind from the
file's root. What you did not change is written back exactly as it was read.

In a development checkout, importing it first rebuilds the native module when its sources changed (as
``pyzig`` does; see ``pyzig._native``).
"""

from __future__ import annotations

from pyzig._native import ensure as _ensure

_ensure("pyzig_sexp")
del _ensure

from pyzig_sexp._pyzig_sexp import FieldList, PanicException, ParseError, load, loads  # noqa: E402

# The native module registered its submodules in sys.modules when it was imported just above.
from . import fp_lib_table, sym_lib_table  # noqa: E402

__all__ = ["FieldList", "PanicException", "ParseError", "fp_lib_table", "load", "loads", "sym_lib_table"]
