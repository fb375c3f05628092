"""pyzig_sexp boards (`.kicad_pcb`, `pyzig_sexp.pcb`) through the typed API: every board of Debian's
kicad-demos and of the KiCad 8 and 9 fixtures loads, every declared field reads, the text round-trips byte
for byte; edits change only their own lines, and KiCad 6's pcbnew reads the edited demo boards and sees
each edit."""

from __future__ import annotations

import difflib
import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

import pyzig_sexp
from pyzig_sexp import footprint, pcb

from test_sexp_tables import walk

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "kicad"
DEMOS = Path("/usr/share/kicad/demos")
SYSTEM_PYTHON = Path("/usr/bin/python3")


def demo_boards() -> list[Path]:
    return sorted(DEMOS.rglob("*.kicad_pcb")) if DEMOS.is_dir() else []


def all_boards() -> list[Path]:
    return demo_boards() + sorted(FIXTURES.glob("*.kicad_pcb"))


def require_pcbnew() -> None:
    """Fails loudly when KiCad 6's pcbnew module is missing."""
    probe = subprocess.run([str(SYSTEM_PYTHON), "-c", "import pcbnew"], capture_output=True, text=True)
    assert probe.returncode == 0, (
        "KiCad 6's pcbnew module is missing for /usr/bin/python3 (Debian package kicad; tools/test-deps.sh "
        f"installs it): {probe.stderr[-500:]}"
    )


def changed(a: str, b: str) -> list[str]:
    return [line for line in difflib.ndiff(a.splitlines(), b.splitlines()) if line[:1] in "+-"]


def test_every_board_round_trips_and_reads() -> None:
    boards = all_boards()
    if not demo_boards():
        print("WARNING: Debian's kicad-demos is absent (make corpus): only the fixture boards are checked")
    assert len(boards) >= 3
    for p in boards:
        text = p.read_text(encoding="utf-8")
        f = pcb.loads(text)
        assert type(f) is pcb.PcbFile
        assert walk(f) >= 200, p
        assert pcb.dumps(f) == text, p
        assert pcb.dumps(pyzig_sexp.load(str(p))) == text
        board = f.kicad_pcb
        assert len(board.layers) >= 20 and board.layers[0].name == "F.Cu" and board.layers[0].number == 0, p
        assert all(n.number == i for i, n in enumerate(board.nets)), p


def test_pcb_footprint_is_the_footprint_class() -> None:
    """The reference's `pcb.Footprint` (a board's footprint) is `footprint.Footprint`: one class for the
    footprints of library files and of boards, under both names."""
    assert pcb.Footprint is footprint.Footprint
    board = pcb.loads((FIXTURES / "esp32_minimal.kicad_pcb").read_text(encoding="utf-8")).kicad_pcb
    assert all(type(fp) is pcb.Footprint for fp in board.footprints)


def test_the_demo_boards_hold_what_their_text_holds() -> None:
    """Counts read through the typed API against counts of the heads in the text (top level only)."""
    boards = demo_boards()
    if not boards:
        pytest.fail("Debian's kicad-demos is absent (make corpus); this test needs it")
    for p in boards:
        text = p.read_text(encoding="utf-8")
        board = pcb.loads(text).kicad_pcb
        top = [line for line in text.splitlines() if line.startswith("  (")]
        count = lambda head: sum(1 for line in top if line.startswith(f"  ({head} ") or line == f"  ({head}")  # noqa: E731
        assert len(board.footprints) == count("footprint") and len(board.modules) == count("module"), p
        assert len(board.segments) == count("segment"), p
        assert len(board.vias) == count("via"), p
        assert len(board.arcs) == count("arc"), p
        assert len(board.zones) == count("zone"), p
        assert len(board.nets) == count("net"), p
        assert len(board.dimensions) == count("dimension"), p


def test_dimensions_read_in_full() -> None:
    p = DEMOS / "interf_u" / "interf_u.kicad_pcb"
    if not p.is_file():
        pytest.fail("Debian's kicad-demos is absent (make corpus); this test needs it")
    text = p.read_text(encoding="utf-8")
    f = pcb.loads(text)
    d = f.kicad_pcb.dimensions[0]
    assert (d.type, d.layer, d.height) == ("aligned", "Cmts.User", -5.334)
    assert [(xy.x, xy.y) for xy in d.pts.xys] == [(79.375, 133.35), (79.375, 34.29)]
    assert d.gr_text.text == "99.0600 mm" and d.gr_text.at.r == 90
    assert (d.format.units, d.format.units_format, d.format.precision, d.format.suppress_zeroes) == (2, 1, 4, None)
    assert d.style.keep_text_aligned is True and d.style.arrow_length == 1.27
    d.pts.xys[1].y = 30
    d.gr_text.text = "103.3500 mm"
    out = pcb.dumps(f)
    assert len(changed(text, out)) == 4, changed(text, out)
    assert pcb.loads(out).kicad_pcb.dimensions[0].pts.xys[1].y == 30


def test_layers_are_the_items_of_one_list() -> None:
    """`(layers (0 "F.Cu" signal) …)`: each item's head is its number; items are read, edited, added
    and removed inside that one list, in the file's own layout."""
    text = (FIXTURES / "test-v9.kicad_pcb").read_text(encoding="utf-8")
    f = pcb.loads(text)
    layers = f.kicad_pcb.layers
    assert [(x.number, x.name, x.type) for x in layers[:3]] == [(0, "F.Cu", "signal"), (2, "B.Cu", "signal"),
                                                                 (9, "F.Adhes", "user")]
    assert layers[2].alias == "F.Adhesive" and layers[0].alias is None
    n = len(layers)
    layers[0].alias = "Top"
    layers.append(pcb.Layer(number=57, name="User.10", type="user"))
    out = pcb.dumps(f)
    assert changed(text, out) == [
        "- \t\t(0 \"F.Cu\" signal)", "+ \t\t(0 \"F.Cu\" signal \"Top\")", "+ \t\t(57 \"User.10\" user)"
    ], changed(text, out)
    again = pcb.loads(out).kicad_pcb.layers
    assert len(again) == n + 1 and (again[-1].number, again[-1].name) == (57, "User.10")
    layers[-1].number = 59
    assert "(59 \"User.10\" user)" in pcb.dumps(f)
    # Another view of the same list, and an edit elsewhere in the file: the first view sees both.
    f.kicad_pcb.layers.append(pcb.Layer(number=61, name="User.11", type="user"))
    f.kicad_pcb.nets[0].name = "x"
    assert len(layers) == n + 2 and layers[-1].name == "User.11"
    del f.kicad_pcb.layers[-1]
    assert len(layers) == n + 1
    removed = layers.pop(1)
    assert (removed.number, removed.name) == (2, "B.Cu") and len(layers) == n
    assert "(2 \"B.Cu\" signal)" not in pcb.dumps(f)
    before = pcb.dumps(f)
    with pytest.raises(TypeError, match="Layer.number"):
        layers[0].number = None  # type: ignore[assignment]
    with pytest.raises(TypeError, match="Layer.number"):
        layers[0].number = "x"  # type: ignore[assignment]
    assert pcb.dumps(f) == before


def edit_board(text: str) -> tuple[str, dict]:
    """Moves every footprint (KiCad 5's modules too) by (1 mm, 1 mm), widens the first segment, deletes the
    first via, appends a segment built in Python and renames net 1; returns the new text and what was done."""
    f = pcb.loads(text)
    board = f.kicad_pcb
    moved = 0
    for fp in [*board.footprints, *board.modules]:
        if fp.at is not None:
            fp.at.x += 1
            fp.at.y += 1
            moved += 1
    done = {"moved": moved, "width": None, "via": False}
    if len(board.segments):
        board.segments[0].width = 0.789
        done["width"] = 0.789
    if len(board.vias):
        del board.vias[0]
        done["via"] = True
    board.segments.append(
        pcb.Segment(start=pcb.Xy(x=10, y=10), end=pcb.Xy(x=20, y=10), width=0.321, layer="B.Cu", net=0)
    )
    # Net 1 renamed where the board names it: its declaration, the pads on it and the zones filling it.
    done["net"] = None
    if len(board.nets) > 1 and board.nets[1].name:
        old = board.nets[1].name
        new = old + "_RENAMED"
        board.nets[1].name = new
        for fp in [*board.footprints, *board.modules]:
            for pad in fp.pads:
                if pad.net is not None and pad.net.number == 1:
                    pad.net.name = new
        for z in board.zones:
            if z.net == 1:
                z.net_name = new
        done["net"] = (old, new)
    return pcb.dumps(f), done


def test_a_loop_over_footprints_edits_each_and_sees_list_changes() -> None:
    """The items of a list are kept across edits that do not change the list (moving every footprint in a
    loop over them), and found again after one that does, made through any view."""
    text = (FIXTURES / "esp32_minimal.kicad_pcb").read_text(encoding="utf-8")
    f = pcb.loads(text)
    fps = f.kicad_pcb.footprints
    xs = [fp.at.x for fp in fps]
    for fp in fps:
        fp.at.x += 1
    assert [fp.at.x for fp in fps] == pytest.approx([x + 1 for x in xs])
    n = len(fps)
    first = fps[0]
    f.kicad_pcb.footprints.pop(0)
    assert len(fps) == n - 1 and fps[0].at.x == pytest.approx(xs[1] + 1)
    with pytest.raises(ReferenceError):
        first.at
    f.kicad_pcb.footprints.append(footprint_of(text))
    assert len(fps) == n and fps[-1].name == f.kicad_pcb.footprints[-1].name


def footprint_of(text: str) -> footprint.Footprint:
    """A footprint taken from another copy of the board (copied in by value)."""
    return pcb.loads(text).kicad_pcb.footprints[0]


def test_board_edits_change_only_their_lines() -> None:
    boards = demo_boards()
    if not boards:
        pytest.fail("Debian's kicad-demos is absent (make corpus); this test needs it")
    for p in boards:
        text = p.read_text(encoding="utf-8")
        out, done = edit_board(text)
        diff = changed(text, out)
        removed = [d for d in diff if d.startswith("- ")]
        added = [d for d in diff if d.startswith("+ ")]
        # One `(at …)` line per moved footprint, the widened segment's line, the via's line (KiCad 6
        # writes each on one line), the lines naming the renamed net, and the new segment's line(s).
        net_lines = 0
        if done["net"]:
            old = done["net"][0]
            names = (f'(net 1 "{old}")', f'(net_name "{old}")')
            net_lines = sum(1 for line in text.splitlines() if any(n in line for n in names))
        expected_removed = done["moved"] + (done["width"] is not None) + done["via"] + net_lines
        assert len(removed) == expected_removed, (p, diff[:10])
        assert all("(at " in d or "(segment " in d or "(via " in d or "(net" in d for d in removed), p
        assert len(added) >= expected_removed - done["via"] + 1, p
        again = pcb.loads(out).kicad_pcb
        orig = pcb.loads(text).kicad_pcb
        assert len(again.segments) == len(orig.segments) + 1 and again.segments[-1].width == 0.321
        assert len(again.vias) == len(orig.vias) - done["via"]
        for a, b in zip([*again.footprints, *again.modules], [*orig.footprints, *orig.modules]):
            if b.at is not None:
                assert (a.at.x, a.at.y) == pytest.approx((b.at.x + 1, b.at.y + 1))
            if done["net"]:
                names = lambda fp: [pad.net.name if pad.net else None for pad in fp.pads]  # noqa: E731
                assert names(a) == [done["net"][1] if n == done["net"][0] else n for n in names(b)], p
        if done["net"]:
            assert again.nets[1].name == done["net"][1]


PCBNEW_BOARD = r"""
import json, sys, pcbnew
out = {}
for path in json.loads(sys.stdin.read()):
    try:
        b = pcbnew.LoadBoard(path)
    except Exception as e:  # noqa: BLE001
        out[path] = None
        continue
    tracks = [(t.GetClass(), t.GetWidth(), t.GetStart().x, t.GetStart().y) for t in b.GetTracks()]
    out[path] = {
        "fps": [(f.GetReference(), f.GetPosition().x, f.GetPosition().y) for f in b.GetFootprints()],
        "tracks": [t for t in tracks if t[0] != "PCB_VIA"],
        "vias": sum(1 for t in tracks if t[0] == "PCB_VIA"),
        "pads": sum(len(f.Pads()) for f in b.GetFootprints()),
        "net1": b.FindNet(1).GetNetname() if b.FindNet(1) else None,
        "pads_on_1": sum(1 for f in b.GetFootprints() for p in f.Pads() if p.GetNetCode() == 1),
    }
print(json.dumps(out))
"""


def test_pcbnew_reads_the_edited_demo_boards() -> None:
    """KiCad 6's own reader (`pcbnew.LoadBoard`) on every demo board and on its edited copy: every
    footprint moved by exactly (1 mm, 1 mm), the first track 0.789 mm wide, one via fewer, one track more
    (0.321 mm wide, from (10, 10)), net 1 under its new name with the same pads on it, and the pads
    unchanged."""
    require_pcbnew()
    boards = demo_boards()
    if not boards:
        pytest.fail("Debian's kicad-demos is absent (make corpus); this test needs it")
    work = Path(tempfile.mkdtemp(prefix="pyzig-pcbnew-boards-"))
    try:
        paths, dones = [], {}
        for i, p in enumerate(boards):
            text = p.read_text(encoding="utf-8")
            out, done = edit_board(text)
            (work / f"{i}-orig.kicad_pcb").write_text(text, encoding="utf-8")
            (work / f"{i}-edited.kicad_pcb").write_text(out, encoding="utf-8")
            paths += [str(work / f"{i}-orig.kicad_pcb"), str(work / f"{i}-edited.kicad_pcb")]
            dones[i] = done
        r = subprocess.run([str(SYSTEM_PYTHON), "-c", PCBNEW_BOARD], input=json.dumps(paths), capture_output=True,
                           text=True, timeout=900, env={**os.environ, "PYTHONPATH": ""})
        assert r.returncode == 0, r.stderr[-3000:]
        seen = json.loads(r.stdout.strip().splitlines()[-1])
        for i, p in enumerate(boards):
            orig, got = seen[str(work / f"{i}-orig.kicad_pcb")], seen[str(work / f"{i}-edited.kicad_pcb")]
            assert orig is not None, f"pcbnew cannot read the original {p}"
            assert got is not None, f"pcbnew cannot read {p} after the edits"
            assert [[r, x + 1_000_000, y + 1_000_000] for r, x, y in orig["fps"]] == got["fps"], p
            assert got["pads"] == orig["pads"], p
            assert got["vias"] == orig["vias"] - dones[i]["via"], p
            assert len(got["tracks"]) == len(orig["tracks"]) + 1, p
            assert any(t[1] == 321_000 and (t[2], t[3]) == (10_000_000, 10_000_000) for t in got["tracks"]), p
            if dones[i]["width"] is not None:
                assert sum(1 for t in got["tracks"] if t[1] == 789_000) >= 1, p
            if dones[i]["net"]:
                assert (orig["net1"], got["net1"]) == dones[i]["net"], p
                assert got["pads_on_1"] == orig["pads_on_1"], p
        print(f"pcbnew read {len(boards)} demo boards and their edited copies; every edit seen")
    finally:
        shutil.rmtree(work)


def test_a_board_of_another_kind_and_bad_values_are_clear_errors() -> None:
    with pytest.raises(ValueError, match="expected a file whose root is"):
        pcb.loads('(footprint "x" (layer "F.Cu"))')
    with pytest.raises(TypeError):
        pcb.dumps("x")  # type: ignore[arg-type]
    f = pcb.loads('(kicad_pcb (version 20211014) (generator pcbnew)\n  (segment (start 0 0) (end 1 1) (width abc))\n)\n')
    with pytest.raises(ValueError, match=r"Segment\.width.*line 2"):
        f.kicad_pcb.segments[0].width
    with pytest.raises(TypeError, match="Segment.width"):
        f.kicad_pcb.segments[0].width = "wide"  # type: ignore[assignment]


NEW_BOARD_CHECK = r"""
import json, sys, pcbnew
b = pcbnew.LoadBoard(sys.argv[1])
print(json.dumps({
    "fps": [(f.GetReference(), f.GetPosition().x, f.GetPosition().y, len(f.Pads())) for f in b.GetFootprints()],
    "tracks": [(t.GetClass(), t.GetWidth(), t.GetStart().x, t.GetEnd().x, t.GetNetname()) for t in b.GetTracks()],
    "nets": b.GetNetCount(),
    "layers": [b.GetLayerName(i) for i in (0, 31, 44)],
}))
"""


def test_a_board_built_from_nothing_is_laid_out_as_kicad_writes_and_pcbnew_reads_it() -> None:
    """`PcbFile(kicad_pcb=KicadPcb(…))` with layers, nets, a track and a footprint taken from a library file
    dumps in the current KiCad layout (tab indents, one item per line); with KiCad 6's version number,
    KiCad 6's pcbnew reads it and sees the footprint, its pads, the track and the nets."""
    lib = FIXTURES / "SOT-23-5_RIT-v6.kicad_mod"  # a KiCad 6 footprint: KiCad 6 reads nothing newer
    names = {0: ("F.Cu", "signal"), 31: ("B.Cu", "signal"), 36: ("B.SilkS", "user"), 37: ("F.SilkS", "user"),
             38: ("B.Mask", "user"), 39: ("F.Mask", "user"), 44: ("Edge.Cuts", "user"), 46: ("B.CrtYd", "user"),
             47: ("F.CrtYd", "user"), 48: ("B.Fab", "user"), 49: ("F.Fab", "user")}
    board = pcb.KicadPcb(
        version=20211014, generator="pyzig_sexp", general=pcb.General(thickness=1.6), paper="A4",
        layers=[pcb.Layer(number=n, name=name, type=kind) for n, (name, kind) in names.items()],
        nets=[pcb.Net(number=0, name=""), pcb.Net(number=1, name="GND")],
        segments=[pcb.Segment(start=pcb.Xy(x=10, y=10), end=pcb.Xy(x=20, y=10), width=0.25, layer="F.Cu", net=1)],
    )
    f = pcb.PcbFile(kicad_pcb=board)
    f.kicad_pcb.footprints.append(footprint.loads(lib.read_text(encoding="utf-8")).footprint)
    f.kicad_pcb.footprints[0].at = pcb.Xyr(x=50, y=40)
    out = pcb.dumps(f)
    assert out.startswith("(kicad_pcb\n\t(version 20211014)\n\t(generator \"pyzig_sexp\")\n\t(general\n\t\t(thickness 1.6)\n\t)\n")
    assert "\n\t(layers\n\t\t(0 \"F.Cu\" signal)\n\t\t(31 \"B.Cu\" signal)\n" in out
    assert "\n\t(net 1 \"GND\")\n" in out
    again = pcb.loads(out).kicad_pcb
    assert len(again.footprints) == 1 and len(again.segments) == 1 and len(again.layers) == len(names)
    require_pcbnew()
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "new.kicad_pcb"
        path.write_text(out, encoding="utf-8")
        r = subprocess.run([str(SYSTEM_PYTHON), "-c", NEW_BOARD_CHECK, str(path)], capture_output=True, text=True,
                           timeout=300, env={**os.environ, "PYTHONPATH": ""})
    assert r.returncode == 0, r.stderr[-3000:]
    seen = json.loads(r.stdout.strip().splitlines()[-1])
    pads = len(again.footprints[0].pads)
    assert seen["fps"] == [[again.footprints[0].fp_texts[0].text, 50_000_000, 40_000_000, pads]], seen
    assert seen["tracks"] == [["PCB_TRACK", 250_000, 10_000_000, 20_000_000, "GND"]], seen
    assert seen["nets"] == 2 and seen["layers"] == ["F.Cu", "B.Cu", "Edge.Cuts"], seen
