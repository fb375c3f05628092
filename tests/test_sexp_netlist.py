"""pyzig_sexp netlists (eeschema's `.net` export) through the typed API: lossless on the fixtures (an
eeschema 8 export and a KiCad 9/10-syntax netlist written here), every field reads, minimal edits, objects
built in Python, a netlist built from nothing, and clear errors."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

import pyzig_sexp
from pyzig_sexp import netlist

from test_sexp_tables import walk

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "kicad"
KICAD8 = FIXTURES / "test-v8-e.net"
KICAD9 = FIXTURES / "kicad9-layout.net"


def changed(a: str, b: str) -> list[str]:
    return [l for l in difflib.ndiff(a.splitlines(), b.splitlines()) if l[:1] in "+-"]


@pytest.mark.parametrize("path", [KICAD8, KICAD9], ids=lambda p: p.name)
def test_round_trip_and_every_field_reads(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    f = netlist.loads(text)
    assert isinstance(f, netlist.NetlistFile)
    assert walk(f) > 100
    assert netlist.dumps(f) == text
    loaded = pyzig_sexp.load(str(path))
    assert isinstance(loaded, netlist.NetlistFile) and netlist.dumps(loaded) == text
    assert netlist.dumps(pyzig_sexp.loads(text.encode())) == text


def test_kicad8_export_reads() -> None:
    n = netlist.loads(KICAD8.read_text(encoding="utf-8")).netlist
    assert n.version == "E"
    d = n.design
    assert d is not None and d.tool == "Eeschema 8.0.3" and d.date == "2024-07-10T18:21:12+0200"
    assert d.sheet.title_block.source == "RaspberryPiNVMeNAS.kicad_sch"
    assert d.sheet.title_block.title == ""  # written `(title)`
    assert [c.number for c in d.sheet.title_block.comment] == [str(i) for i in range(1, 10)]
    comps = n.components.comps
    assert len(comps) == 254
    c = comps[0]
    assert (c.ref, c.value, c.footprint) == ("C1", "10uF", "Capacitor_SMD:C_0805_2012Metric")
    assert c.datasheet is None and c.description is None
    assert c.fields is not None
    assert [(x.name, x.value) for x in c.fields.fields] == [
        ("Footprint", "Capacitor_SMD:C_0805_2012Metric"), ("Datasheet", None), ("Description", None)]
    assert c.libsource is not None and (c.libsource.lib, c.libsource.part) == ("Device", "C")
    assert [p.name for p in c.propertys] == ["Sheetname", "Sheetfile", "ki_keywords", "ki_fp_filters"]
    assert c.sheetpath is not None and c.sheetpath.names == "/"
    assert c.tstamps == ["4084f685-366f-4331-a05e-4dbd681227de"]
    lp = n.libparts.libparts[0]
    assert (lp.lib, lp.part) == ("2021-03-21_22-07-02", "TMP117AIDRVR")
    assert lp.footprints is not None and [fp.fp for fp in lp.footprints.fps] == ["DRV0006B"]
    assert lp.pins is not None and (lp.pins.pin[0].num, lp.pins.pin[0].name, lp.pins.pin[0].type) == (
        "1", "SCL", "open_collector")
    assert len(n.libraries.libraries) == 0
    nets = n.nets.nets
    assert len(nets) == 471 and (nets[0].code, nets[0].name, nets[0].net_class) == ("1", "+1V2", None)
    node = nets[0].nodes[14]
    assert (node.ref, node.pin, node.pinfunction, node.pintype) == ("L2", "2", "2", "passive")
    assert nets[0].nodes[0].pinfunction is None


def test_kicad9_and_10_additions_read() -> None:
    n = netlist.loads(KICAD9.read_text(encoding="utf-8")).netlist
    d = n.design
    assert d is not None
    assert [(v.name, v.value) for v in d.textvars] == [("REV", "B")]
    assert [s.name for s in d.sheets] == ["/", "/Power/"] and d.sheet.name == "/"
    r1, u1 = n.components.comps
    assert r1.description == "Resistor" and r1.datasheet == "~"
    assert r1.component_classes is not None
    assert [c.name for c in r1.component_classes.classes] == ["Passive", "Sensor"]
    dnp = [p for p in r1.propertys if p.name == "dnp"]
    assert len(dnp) == 1 and dnp[0].value == ""  # a name-only flag
    assert len(u1.tstamps) == 3 and u1.units is not None
    assert [(u.name, [p.num for p in u.pins.pin]) for u in u1.units.units if u.pins is not None] == [
        ("A", ["1", "2", "3"]), ("B", ["5", "6", "7"]), ("C", ["4", "8"])]
    assert [(l.logical, l.uri.rsplit("/", 1)[1]) for l in n.libraries.libraries] == [
        ("Amplifier_Operational", "Amplifier_Operational.kicad_sym"), ("Device", "Device.kicad_sym")]
    assert [x.net_class for x in n.nets.nets] == ["Default", "Signal", "Default"]
    assert n.nets.nets[2].nodes[0].pintype == "input+no_connect"
    lp = n.libparts.libparts[0]
    assert lp.docs is not None and lp.docs.endswith("lm2904-n.pdf") and lp.description == "Dual op amp"


def test_classes_and_names() -> None:
    assert netlist.Node.__field_names__() == ("ref", "pin", "pinfunction", "pintype")
    assert netlist.Net.__field_names__() == ("code", "name", "net_class", "nodes")
    assert netlist.Property.__module__ == "pyzig_sexp.netlist"
    assert netlist.Property is not pyzig_sexp.pcb.Property
    for name in ["Property", "Libsource", "Sheetpath", "Field", "Fields", "Component", "Components", "Node", "Net",
                 "Nets", "Comment", "TitleBlock", "Sheet", "Design", "Fp", "Footprints", "Pin", "Pins", "Libpart",
                 "Libparts", "Libraries", "Netlist", "NetlistFile"]:
        assert isinstance(getattr(netlist, name), type), name  # every class of the reference API


def test_edits_touch_only_their_lines() -> None:
    text = KICAD8.read_text(encoding="utf-8")
    f = netlist.loads(text)
    n = f.netlist
    n.nets.nets[0].name = "+1V2_CORE"
    n.components.comps[1].value = "4.7uF"
    del n.nets.nets[-1].nodes[0]
    n.nets.nets[-1].nodes.append(netlist.Node(ref="S1", pin="3", pinfunction="3", pintype="passive"))
    out = netlist.dumps(f)
    d = changed(text, out)
    assert d == [
        '-       (value "10uF")',
        '+       (value "4.7uF")',
        '-     (net (code "1") (name "+1V2")',
        '+     (net (code "1") (name "+1V2_CORE")',
        '-       (node (ref "R56") (pin "2") (pintype "passive"))',
        '-       (node (ref "S1") (pin "2") (pinfunction "2") (pintype "passive")))))',
        '+       (node (ref "S1") (pin "2") (pinfunction "2") (pintype "passive"))',
        '+       (node (ref "S1") (pin "3") (pinfunction "3") (pintype "passive")))))',
    ], d
    again = netlist.loads(out).netlist
    assert again.nets.nets[0].name == "+1V2_CORE" and again.components.comps[1].value == "4.7uF"
    assert [(x.ref, x.pin) for x in again.nets.nets[-1].nodes] == [("S1", "1"), ("S1", "2"), ("S1", "3")]


def test_absent_fields_are_inserted_in_kicad_order() -> None:
    text = KICAD9.read_text(encoding="utf-8")
    f = netlist.loads(text)
    u1 = f.netlist.components.comps[1]
    u1.description = "Dual op amp"
    u1.datasheet = "https://example.com/lm358.pdf"
    node = f.netlist.nets.nets[1].nodes[0]
    node.pinfunction = "~"
    out = netlist.dumps(f)
    comp = out[out.index('(comp (ref "U1")'):]
    assert comp.index("(footprint") < comp.index("(datasheet") < comp.index("(description") < comp.index("(fields")
    assert '(node (ref "R1") (pin "1") (pinfunction "~") (pintype "passive"))' in out
    assert changed(text, out) == [
        '+       (datasheet "https://example.com/lm358.pdf")',
        '+       (description "Dual op amp")',
        '-       (node (ref "R1") (pin "1") (pintype "passive"))',
        '+       (node (ref "R1") (pin "1") (pinfunction "~") (pintype "passive"))',
    ], changed(text, out)
    again = netlist.loads(out).netlist.components.comps[1]
    assert (again.datasheet, again.description) == ("https://example.com/lm358.pdf", "Dual op amp")


def test_a_netlist_built_from_nothing() -> None:
    comp = netlist.Component(ref="R1", value="1k", footprint="Resistor_SMD:R_0603_1608Metric",
                             tstamps=["9f0e0d0c-0000-4000-8000-000000000001"])
    nets = [netlist.Net(code=str(i + 1), name=name, nodes=[netlist.Node(ref="R1", pin=str(i + 1), pintype="passive")])
            for i, name in enumerate(["A", "B"])]
    f = netlist.NetlistFile(netlist=netlist.Netlist(
        components=netlist.Components(comps=[comp]), libparts=netlist.Libparts(), libraries=netlist.Libraries(),
        nets=netlist.Nets(nets=nets)))
    text = netlist.dumps(f)
    assert text.startswith('(export\n\t(version "E")\n') and text.endswith("\n)\n"), text
    again = netlist.loads(text).netlist
    assert again.version == "E" and again.design is None
    c = again.components.comps[0]
    assert (c.ref, c.value, c.footprint, c.tstamps) == ("R1", "1k", "Resistor_SMD:R_0603_1608Metric",
                                                        ["9f0e0d0c-0000-4000-8000-000000000001"])
    assert [(x.name, x.nodes[0].pin) for x in again.nets.nets] == [("A", "1"), ("B", "2")]
    assert again == f.netlist


def test_bad_input_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match=r"expected a file whose root is \(export .*found \(footprint"):
        netlist.loads('(footprint "x")')
    with pytest.raises(pyzig_sexp.ParseError) as e:
        netlist.loads('(export (version "E")\n  (nets (net (code "1")')
    assert e.value.line == 2
    with pytest.raises(TypeError, match="NetlistFile"):
        netlist.dumps("x")  # type: ignore[arg-type]
    f = netlist.loads(KICAD9.read_text(encoding="utf-8"))
    with pytest.raises(TypeError, match=r"Net\.name"):
        f.netlist.nets.nets[0].name = 3  # type: ignore[assignment]
    assert f.netlist.nets.nets[0].name == "GND"
    assert netlist.dumps(f) == KICAD9.read_text(encoding="utf-8")
