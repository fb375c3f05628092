"""The enumerations of the reference API in pyzig_sexp.pcb and pyzig_sexp.schematic: `str`-valued `enum.Enum`
classes whose members compare equal to the keywords fields hold, and can be assigned to those fields."""

from __future__ import annotations

import enum
from pathlib import Path

import pytest

from pyzig_sexp import footprint, pcb, schematic, symbol

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "kicad"

PCB = ("E_stroke_type E_justify E_fill E_knockout E_paper_type E_paper_orientation E_layer_type E_fp_text_type "
       "E_pad_type E_pad_shape E_pad_clearance E_pad_anchor E_pad_property E_pad_chamfer E_pad_drill_shape "
       "E_pad_tenting E_padstack_mode E_zone_hatch_mode E_zone_connect_pads_mode E_zone_fill_mode E_zone_smoothing "
       "E_zone_hatch_border_algorithm E_zone_keepout E_zone_placement_source_type E_zone_teardrop_type "
       "E_dimension_type E_dimension_arrow_direction E_copper_finish E_edge_connector E_embedded_file_type E_Attr "
       "E_zone_fill_enable E_tenting").split()
SCHEMATIC = "E_fill_type E_stroke_type E_pin_type E_pin_style E_sheet_pin_type E_global_label_shape E_hide".split()


@pytest.mark.parametrize(("module", "names"), [(pcb, PCB), (schematic, SCHEMATIC)], ids=["pcb", "schematic"])
def test_every_enumeration_is_a_str_enum_of_its_submodule(module: object, names: list[str]) -> None:
    for name in names:
        cls = getattr(module, name)
        assert issubclass(cls, str) and issubclass(cls, enum.Enum), name
        assert cls.__module__ == module.__name__ and cls.__qualname__ == name  # type: ignore[attr-defined]
        for member in cls:
            assert cls(member.value) is member and member == member.value


def test_zone_numbers_are_int_enums() -> None:
    e = pcb.E_zone_connection
    assert issubclass(e, enum.IntEnum) and e.__module__ == "pyzig_sexp.pcb"
    assert [(m.name, m.value) for m in e] == [("INHERITED", -1), ("NONE", 0), ("THERMAL", 1), ("FULL", 2), ("THT_THERMAL", 3)]
    isl = pcb.E_zone_island_removal_mode
    assert issubclass(isl, enum.IntEnum) and [m.value for m in isl] == [0, 1, 2]
    # A footprint's zone_connect holds the number; a member is assigned and read back as it.
    f = footprint.loads((FIXTURES / "test-v8.kicad_mod").read_text())
    f.footprint.zone_connect = e.FULL
    assert "(zone_connect 2)" in footprint.dumps(f)
    assert e(footprint.loads(footprint.dumps(f)).footprint.zone_connect) is e.FULL


def test_members_and_values() -> None:
    assert pcb.E_pad_type.NP_THRU_HOLE == "np_thru_hole"
    assert [m.name for m in pcb.E_pad_shape][:3] == ["CIRCLE", "RECT", "OVAL"]
    assert pcb.E_copper_finish.HAL_LEAD_FREE.value == "HAL lead-free"
    assert pcb.E_paper_type.USLETTER == "USLetter"
    assert schematic.E_pin_type.POWER_IN == "power_in"
    assert pcb.E_stroke_type is not schematic.E_stroke_type  # each submodule has its own, as in the reference
    with pytest.raises(ValueError):
        pcb.E_pad_type("smt")


def test_fields_read_as_members_and_take_them() -> None:
    f = footprint.loads((FIXTURES / "test-v8.kicad_mod").read_text(encoding="utf-8"))
    pad = f.footprint.pads[0]
    assert pcb.E_pad_type(pad.type) in pcb.E_pad_type and pcb.E_pad_shape(pad.shape) in pcb.E_pad_shape
    pad.type = pcb.E_pad_type.THRU_HOLE
    pad.shape = pcb.E_pad_shape.OVAL
    assert (pad.type, pad.shape) == ("thru_hole", "oval") and type(pad.type) is str
    assert '(pad "" thru_hole oval' in footprint.dumps(f)  # written bare, as KiCad writes keywords
    lib = symbol.loads((FIXTURES / "kicad9-layout.kicad_sym").read_text(encoding="utf-8"))
    pins = [p for s in lib.kicad_sym.symbols for u in s.symbols for p in u.pins]
    assert pins and all(schematic.E_pin_type(p.type) for p in pins)
