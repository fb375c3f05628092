"""Odd uses of every kind of object the two modules hand out: `pickle`, `copy`, `deepcopy`, `weakref` and
subclassing are refused with a clear `TypeError` naming the class, as for a PyO3 class that defines none of
them, and nothing changes (the objects are live views or handles: a copy would have to be a new file or graph,
which `pop()` on a list field and the keyword constructors already give)."""

from __future__ import annotations

import copy
import pickle
import weakref
from pathlib import Path

import pytest

import pyzig_sexp
from pyzig.graph import EdgeReference, GraphView
from pyzig_sexp import pcb

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "kicad"


def objects() -> dict[str, object]:
    g = GraphView.create()
    a, b = g.create_and_insert_node(), g.create_and_insert_node()
    edge = g.insert_edge(edge=EdgeReference.create(source=a.node(), target=b.node(), edge_type=1))
    text = (FIXTURES / "esp32_minimal.kicad_pcb").read_text(encoding="utf-8")
    f = pcb.loads(text)
    return {
        "GraphView": g,
        "BoundNode": a,
        "NodeReference": a.node(),
        "BoundEdge": edge,
        "EdgeReference": edge.edge(),
        "PcbFile": f,
        "KicadPcb": f.kicad_pcb,
        "Segment": f.kicad_pcb.segments[0],
        "FieldList": f.kicad_pcb.segments,
        "Xy built in Python": pcb.Xy(x=1, y=2),
    }


@pytest.mark.parametrize("use", ["pickle", "copy", "deepcopy", "weakref"])
def test_copying_pickling_and_weak_references_are_clear_type_errors(use: str) -> None:
    op = {"pickle": pickle.dumps, "copy": copy.copy, "deepcopy": copy.deepcopy, "weakref": weakref.ref}[use]
    objs = objects()
    before = pyzig_sexp.pcb.dumps(objs["PcbFile"])  # type: ignore[arg-type]
    for name, obj in objs.items():
        with pytest.raises(TypeError, match=type(obj).__name__):
            op(obj)
    assert pcb.dumps(objs["PcbFile"]) == before  # type: ignore[arg-type]
    assert objs["GraphView"].get_edge_count() == 1  # type: ignore[attr-defined]


def test_the_classes_cannot_be_subclassed() -> None:
    for name, obj in objects().items():
        with pytest.raises(TypeError, match="not an acceptable base type"):
            type("Sub", (type(obj),), {})
