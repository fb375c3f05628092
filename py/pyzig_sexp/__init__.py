"""pyzig_sexp: typed, lossless access to KiCad S-expression files.

Each file kind is a submodule with ``loads(text)`` and ``dumps(obj)``: ``footprint`` (``.kicad_mod``,
KiCad 6 and later), ``footprint_v5`` (KiCad 5 ``(module …)``), ``symbol`` and ``symbol_v6`` (``.kicad_sym``),
``fp_lib_table``, ``sym_lib_table``, ``netlist`` (eeschema's ``.net`` export). The types inside files are in ``pcb`` (what footprints hold) and
``schematic`` (what symbols hold). ``pyzig_sexp.load(path)`` and ``pyzig_sexp.loads(text)`` pick the kind from the
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
from . import (  # noqa: E402
    footprint,
    footprint_v5,
    fp_lib_table,
    netlist,
    pcb,
    schematic,
    sym_lib_table,
    symbol,
    symbol_v6,
)

__all__ = [
    "FieldList",
    "PanicException",
    "ParseError",
    "footprint",
    "footprint_v5",
    "fp_lib_table",
    "load",
    "loads",
    "netlist",
    "pcb",
    "schematic",
    "sym_lib_table",
    "symbol",
    "symbol_v6",
]
