"""pyzig_sexp footprints (`footprint`, KiCad 6 and later, and `footprint_v5`) through the typed API: every
`.kicad_mod` of the corpus and the fixtures loads, reads in full and round-trips byte for byte; the edits
a user makes (move a pad, change the value, delete a line, add a pad) change only their own lines, and
KiCad 6's pcbnew reads the edited files and sees the edits."""

from __future__ import annotations

import difflib
import json
import os
import random
import shutil
import subprocess
import tempfile
from pathlib import Path
from types import ModuleType

import pytest

import pyzig_sexp
from pyzig_sexp import footprint, footprint_v5, pcb

from conftest import corpus
from test_sexp_tables import walk

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "kicad"
CORPUS = Path("/usr/share/kicad/footprints")
SYSTEM_PYTHON = Path("/usr/bin/python3")


def all_footprints() -> list[Path]:
    found = sorted(FIXTURES.glob("*.kicad_mod"))
    assert len(found) >= 6, "the footprint fixtures are missing"
    if CORPUS.is_dir():
        found += corpus(sorted(CORPUS.rglob("*.kicad_mod")))
    else:
        print("WARNING: Debian's footprint library is absent (make corpus): only the fixtures are checked")
    return found


def module_of(text: str) -> ModuleType:
    return footprint_v5 if text.lstrip().startswith("(module") else footprint


def test_every_footprint_round_trips_and_reads() -> None:
    paths = all_footprints()
    kinds = {"footprint": 0, "footprint_v5": 0}
    for i, p in enumerate(paths):
        text = p.read_text(encoding="utf-8")
        mod = module_of(text)
        f = mod.loads(text)
        kinds[mod.__name__.rsplit(".", 1)[1]] += 1
        assert mod.dumps(f) == text, p
        # Every declared field of every object: the fixtures and one corpus file in four (the Rust
        # test `kicad/tests/footprints.rs` reads all of them through the same declarations).
        if i % 4 == 0 or p.parent == FIXTURES:
            assert walk(f) > 10, p
    assert kinds["footprint_v5"] >= 2
    print(f"{len(paths)} footprints: {kinds}")


def test_load_picks_the_kind_from_the_root() -> None:
    v5 = pyzig_sexp.load(str(FIXTURES / "C0603-v5.kicad_mod"))
    v9 = pyzig_sexp.load(str(FIXTURES / "test-v9.kicad_mod"))
    assert type(v5) is footprint_v5.FootprintFile
    assert type(v9) is footprint.FootprintFile
    assert type(v5.footprint).__module__ == "pyzig_sexp.footprint_v5"
    assert type(v9.footprint.pads[0]).__module__ == "pyzig_sexp.pcb"
    with pytest.raises(TypeError):
        footprint.dumps(v5)
    with pytest.raises(ValueError, match="module"):
        footprint.loads((FIXTURES / "C0603-v5.kicad_mod").read_text())


def test_load_reports_what_open_would(tmp_path: Path) -> None:
    missing = tmp_path / "nope.kicad_mod"
    with pytest.raises(FileNotFoundError) as e:
        pyzig_sexp.load(str(missing))
    assert e.value.filename == str(missing) and e.value.errno == 2
    with pytest.raises(IsADirectoryError):
        pyzig_sexp.load(str(tmp_path))
    odd = tmp_path / "odd.kicad_mod"
    odd.write_text("(kicad_wks (version 1))")
    with pytest.raises(ValueError, match=r"odd.kicad_mod: unknown KiCad file: root \(kicad_wks"):
        pyzig_sexp.load(str(odd))
    odd.write_bytes(b"(footprint \"caf\xe9\")")
    with pytest.raises(pyzig_sexp.ParseError) as pe:
        pyzig_sexp.load(str(odd))
    assert (pe.value.line, pe.value.column) == (1, 16)
    odd.write_text('(footprint "x" (layer "F.Cu")\n  (pad "1" smd rect (at 1 2) (size abc 1)))')
    pad = pyzig_sexp.load(str(odd)).footprint.pads[0]
    with pytest.raises(ValueError, match=r"Wh.w: expected a number, found \"abc\" at line 2, column 36"):
        pad.size.w


def test_typed_values_of_a_kicad_6_footprint() -> None:
    text = "\n".join(
        [
            '(footprint "R" (version 20211014) (generator pcbnew)',
            '  (layer "F.Cu")',
            "  (tedit 5B78AD89)",
            '  (attr smd exclude_from_bom)',
            '  (fp_text reference "REF**" (at 0 -1.5 90 unlocked) (layer "F.SilkS") hide',
            "    (effects (font (size 1 1) (thickness 0.15)) (justify left mirror))",
            "    (tstamp 868d016a-d943-445a-9d9c-91cc1976bb76)",
            "  )",
            '  (fp_line (start 0 0) (end 1 0) (layer "F.SilkS") (width 0.12) (tstamp 3cd5f8f6))',
            '  (pad "1" thru_hole oval locked (at -1 0) (size 1 2) (drill oval 0.6 1.2 (offset 0.1 0))'
            ' (layers *.Cu *.Mask) (tstamp 3b5f947b))',
            ")",
        ]
    )
    f = footprint.loads(text)
    fp = f.footprint
    assert (fp.name, fp.version, fp.generator, fp.tedit) == ("R", 20211014, "pcbnew", "5B78AD89")
    assert list(fp.attr) == ["smd", "exclude_from_bom"]
    t = fp.fp_texts[0]
    assert (t.type, t.text, t.hide, t.at.r, t.at.unlocked) == ("reference", "REF**", True, 90.0, True)
    assert t.layer.layer == "F.SilkS" and t.layer.knockout is None
    assert (t.effects.font.size.w, t.effects.font.thickness) == (1.0, 0.15)
    assert (t.effects.justify.justify1, t.effects.justify.justify2) == ("left", "mirror")
    line = fp.fp_lines[0]
    assert (line.width, line.stroke, line.layer, line.tstamp) == (0.12, None, "F.SilkS", "3cd5f8f6")
    pad = fp.pads[0]
    assert (pad.name, pad.type, pad.shape, pad.locked) == ("1", "thru_hole", "oval", True)
    assert (pad.drill.shape, pad.drill.size_x, pad.drill.size_y, pad.drill.offset.x) == ("oval", 0.6, 1.2, 0.1)
    assert list(pad.layers) == ["*.Cu", "*.Mask"]
    # A keyword is written bare; a text that cannot be one is refused and changes nothing.
    pad.shape = "rect"
    assert '(pad "1" thru_hole rect locked (at -1 0)' in footprint.dumps(f)
    before = footprint.dumps(footprint.loads(text))
    f2 = footprint.loads(text)
    with pytest.raises(ValueError, match="keyword"):
        f2.footprint.pads[0].shape = "two words"
    assert footprint.dumps(f2) == before
    with pytest.raises(ValueError, match="oval"):
        f2.footprint.pads[0].drill.shape = "square"
    with pytest.raises(TypeError, match="Pad.at"):
        f2.footprint.pads[0].at = (1, 2)
    assert footprint.dumps(f2) == before


def test_kept_values_follow_every_edit() -> None:
    """A view keeps what its properties returned until the file is edited (`pad.at is pad.at`); an
    edit made through any other view of the file, a list change, free() or the node's removal is
    seen at the next read."""
    f = footprint.loads((FIXTURES / "TSSOP-24.kicad_mod").read_text())
    pad = f.footprint.pads[0]
    at, x, name = pad.at, pad.at.x, f.footprint.name
    assert pad.at is at and at.x is at.x and f.footprint is f.footprint
    # Another view of the same node, and of another node of the file.
    f.footprint.pads[0].at.x = x + 1
    assert at.x == pytest.approx(x + 1) and pad.at.x == pytest.approx(x + 1)
    f.footprint.name = "Other"
    assert f.footprint.name == "Other" and name != "Other"
    # Replacing a nested object: the kept view of the old one is not handed out again.
    pad.at = pcb.Xyr(x=5.0, y=6.0)
    assert pad.at is not at and (pad.at.x, pad.at.y) == (5.0, 6.0)
    # A list edit moves what "the first pad" is; a view keeps its own node.
    second = f.footprint.pads[1]
    number = second.name
    del f.footprint.pads[0]
    assert second.name == number and f.footprint.pads[0].name == number
    with pytest.raises(ReferenceError):
        pad.at
    with pytest.raises(ReferenceError):
        at.x
    kept = second.at
    assert second.at is kept
    f.free()
    for read in (lambda: second.at, lambda: kept.x, lambda: f.footprint):
        with pytest.raises(ReferenceError):
            read()


def test_a_list_read_in_a_loop_follows_every_edit() -> None:
    """A list finds its items once per state of the file (so a loop over it is linear); an edit
    through the list itself, another view of it, or elsewhere in the file is seen at the next read."""
    f = footprint.loads((FIXTURES / "TSSOP-24.kicad_mod").read_text())
    pads = f.footprint.pads
    names = [p.name for p in pads]
    assert len(pads) == len(names) == 24 and [pads[i].name for i in range(24)] == names
    f.footprint.pads.pop(0)  # another view of the same list
    assert len(pads) == 23 and pads[0].name == names[1] and [p.name for p in pads] == names[1:]
    f.footprint.pads.append(
        pcb.Pad(name="999", type="smd", shape="rect", at=pcb.Xyr(x=0.5, y=0.25), size=pcb.Wh(w=1, h=1))
    )
    assert len(pads) == 24 and pads[-1].name == "999"
    layers = pads[0].layers
    assert len(layers) == 3
    f.footprint.pads[0].layers.append("F.Adhes")  # a token list, edited through another view
    assert len(layers) == 4 and layers[-1] == "F.Adhes"
    # Removing while iterating behaves as with a list: by position.
    model = names[1:] + ["999"]
    seen, expected = [], []
    for p in pads:
        seen.append(p.name)
        if p.name == names[2]:
            del pads[0]
    for name in model:
        expected.append(name)
        if name == names[2]:
            del model[0]
    assert seen == expected and len(seen) == 23
    f.free()
    with pytest.raises(ReferenceError):
        len(pads)


def test_a_loaded_str_is_kept_not_copied() -> None:
    """`loads(text)` keeps the str itself as the file's source: `dumps` of the unchanged file is that
    str; an edit gives a new one; the str is released with the file, also when loading fails (large
    texts fail with the GIL released)."""
    import sys

    text = (FIXTURES / "TSSOP-24.kicad_mod").read_text()
    base = sys.getrefcount(text)
    f = footprint.loads(text)
    assert footprint.dumps(f) is text and pyzig_sexp.loads(text).footprint.name == f.footprint.name
    f.footprint.pads[0].at.x += 1
    out = footprint.dumps(f)
    assert out is not text and out != text and type(out) is str
    del f, out
    assert sys.getrefcount(text) == base
    # A str subclass is copied; bytes are kept as they are, as long as the file lives; what comes back is
    # always a plain str.
    class Text(str):
        pass

    for given in (Text(text), text.encode()):
        out = footprint.dumps(footprint.loads(given))
        assert type(out) is str and out == text
    data = text.encode()
    base = sys.getrefcount(data)
    f = footprint.loads(data)
    assert sys.getrefcount(data) == base + 1
    assert footprint.dumps(f) == text and type(footprint.dumps(f)) is str
    f.footprint.pads[0].at.x += 1
    assert footprint.dumps(f) != text
    del f
    assert sys.getrefcount(data) == base
    # Bytes that are not UTF-8 are a ParseError at the bad byte; nothing else is text.
    bad = text.encode().replace(b"TSSOP", b"TS\xffOP", 1)
    with pytest.raises(pyzig_sexp.ParseError, match="invalid UTF-8") as e:
        footprint.loads(bad)
    assert (e.value.line, e.value.column) == (1, 1 + bad.split(b"\n")[0].index(b"\xff"))
    for other in (bytearray(data), memoryview(data), list(data[:10]), 3):
        with pytest.raises(TypeError, match="text must be str or bytes"):
            footprint.loads(other)
    # A failed load keeps nothing, small or large (the large one parses with the GIL released).
    for bad in ("(footprint \"x\" (layer", "(footprint \"x\" " + "(fp_line (start 0 0)) " * 60_000):
        base = sys.getrefcount(bad)
        for load in (footprint.loads, pyzig_sexp.loads, footprint_v5.loads):
            with pytest.raises(ValueError):
                load(bad)
        assert sys.getrefcount(bad) == base
    # A large file of another kind: the tree is built, then refused, with the GIL released.
    other = "(footprint \"x\" " + "(fp_line (start 0 0)) " * 60_000 + ")"
    base = sys.getrefcount(other)
    with pytest.raises(ValueError, match="expected a file whose root is"):
        footprint_v5.loads(other)
    assert sys.getrefcount(other) == base
    with pytest.raises(UnicodeEncodeError):
        footprint.loads('(footprint "\ud800")')
    # free() releases the str at once.
    f = footprint.loads(text)
    base_loaded = sys.getrefcount(text)
    f.free()
    assert sys.getrefcount(text) < base_loaded


def test_a_new_pad_is_written_as_kicad_writes_it() -> None:
    f = footprint.loads((FIXTURES / "test-v8.kicad_mod").read_text())
    pad = pcb.Pad(
        name="99", type="smd", shape="roundrect", at=pcb.Xyr(x=1.27 + 1, y=-2), size=pcb.Wh(w=1, h=0.5),
        layers=["F.Cu", "F.Paste", "F.Mask"], roundrect_rratio=0.25,
    )
    f.footprint.pads.append(pad)
    out = footprint.dumps(f)
    assert '(pad "99" smd roundrect' in out
    assert "(at 2.27 -2)" in out
    again = footprint.loads(out).footprint.pads[-1]
    assert again == pad and again.at.x == pytest.approx(2.27)


def diff(a: str, b: str) -> tuple[list[str], list[str]]:
    """Removed and added lines, from a line diff."""
    gone, new = [], []
    for l in difflib.unified_diff(a.splitlines(), b.splitlines(), lineterm="", n=0):
        if l.startswith("---") or l.startswith("+++"):
            continue
        if l.startswith("-"):
            gone.append(l[1:])
        elif l.startswith("+"):
            new.append(l[1:])
    return gone, new


def value_text(fp: object) -> object:
    """The footprint's value: a property (KiCad 8 and later) or an `fp_text value` (KiCad 5 to 7)."""
    for prop in fp.propertys:  # type: ignore[attr-defined]
        if prop.name == "Value":
            return prop
    for t in fp.fp_texts:  # type: ignore[attr-defined]
        if t.type == "value":
            return t
    return None


def set_value(item: object, v: str) -> None:
    if isinstance(item, pcb.Property):
        item.value = v
    else:
        item.text = v  # type: ignore[attr-defined]


def edits(text: str, mod: ModuleType) -> dict[str, str]:
    """Each of the four edits alone, on a fresh load: the edited texts by name."""
    out = {}
    f = mod.loads(text)
    if len(f.footprint.pads):
        f.footprint.pads[0].at.x += 1
        out["move pad"] = mod.dumps(f)
    f = mod.loads(text)
    if (v := value_text(f.footprint)) is not None:
        set_value(v, "EDITED")
        out["value"] = mod.dumps(f)
    f = mod.loads(text)
    if len(f.footprint.fp_lines):
        f.footprint.fp_lines.pop(0)
        out["delete line"] = mod.dumps(f)
    f = mod.loads(text)
    f.footprint.pads.append(
        pcb.Pad(name="999", type="smd", shape="rect", at=pcb.Xyr(x=0.5, y=0.25), size=pcb.Wh(w=1, h=1),
                layers=["F.Cu", "F.Mask"])
    )
    out["add pad"] = mod.dumps(f)
    return out


def item_lines(text: str, start: str) -> list[str]:
    """The lines of the first item whose line starts with `start`, through its closing parenthesis."""
    lines = text.splitlines()
    first = next(i for i, l in enumerate(lines) if l.lstrip().startswith(start))
    depth = 0
    for j in range(first, len(lines)):
        depth += lines[j].count("(") - lines[j].count(")")
        if depth <= 0:
            return lines[first : j + 1]
    raise AssertionError(f"unclosed item {start}")


def check_edits(p: Path, text: str, mod: ModuleType) -> dict[str, str]:
    done = edits(text, mod)
    orig = mod.loads(text).footprint
    for what, out in done.items():
        gone, new = diff(text, out)
        again = mod.loads(out).footprint
        if what == "move pad":
            assert len(gone) == 1 and len(new) == 1, (p, what, gone, new)
            assert again.pads[0].at.x == pytest.approx(orig.pads[0].at.x + 1), p
        elif what == "value":
            assert len(gone) == 1 and len(new) == 1 and "EDITED" in new[0], (p, what, gone, new)
            assert getattr(value_text(again), "value", None) == "EDITED" or value_text(again).text == "EDITED"
        elif what == "delete line":
            # The removed lines are those of the first line item (a line diff may attribute an
            # identical line of its neighbour instead, so they are compared as a multiset).
            assert not new and sorted(gone) == sorted(item_lines(text, "(fp_line")), (p, what, gone, new)
            assert len(again.fp_lines) == len(orig.fp_lines) - 1, p
        else:
            assert not gone and sorted(new) == sorted(item_lines(out, '(pad "999" smd rect')), (p, what, gone, new)
            assert again.pads[-1].name == "999" and len(again.pads) == len(orig.pads) + 1, p
    return done


def test_edits_change_only_their_lines_on_every_footprint() -> None:
    paths = all_footprints()
    counts = {"move pad": 0, "value": 0, "delete line": 0, "add pad": 0}
    for p in paths:
        text = p.read_text(encoding="utf-8")
        for what in check_edits(p, text, module_of(text)):
            counts[what] += 1
    print(f"{len(paths)} footprints edited: {counts}")
    assert all(n > 0 for n in counts.values())


PCBNEW_CHECK = r"""
import json, sys, pcbnew
out = {}
for lib, name in json.loads(sys.stdin.read()):
    fp = pcbnew.FootprintLoad(lib, name)
    if fp is None:
        out[lib + "/" + name] = None
        continue
    pads = [(p.GetNumber(), p.GetPosition().x, p.GetPosition().y) for p in fp.Pads()]
    lines = sum(1 for g in fp.GraphicalItems() if isinstance(g, pcbnew.FP_SHAPE) and g.GetShape() == pcbnew.SHAPE_T_SEGMENT)
    out[lib + "/" + name] = {"pads": pads, "value": fp.GetValue(), "lines": lines}
print(json.dumps(out))
"""


def pcbnew_read(entries: list[tuple[str, str]]) -> dict[str, dict | None]:
    r = subprocess.run(
        [str(SYSTEM_PYTHON), "-c", PCBNEW_CHECK], input=json.dumps(entries), capture_output=True, text=True,
        timeout=600, env={**os.environ, "PYTHONPATH": ""},
    )
    assert r.returncode == 0, r.stderr[-3000:]
    return json.loads(r.stdout.strip().splitlines()[-1])


def test_pcbnew_reads_the_edited_footprints() -> None:
    """KiCad 6's own reader (`pcbnew.FootprintLoad`) on 100 corpus footprints, each edited four ways:
    every file loads and pcbnew sees the moved pad, the new value, one line fewer and the new pad."""
    probe = subprocess.run([str(SYSTEM_PYTHON), "-c", "import pcbnew"], capture_output=True, text=True)
    assert probe.returncode == 0, (
        "KiCad 6's pcbnew module is missing for /usr/bin/python3 (Debian package kicad; tools/test-deps.sh "
        f"installs it): {probe.stderr[-500:]}"
    )
    if not CORPUS.is_dir():
        pytest.fail("Debian's footprint library is absent (make corpus); this test needs it")
    sample = random.Random(9).sample([p for p in sorted(CORPUS.rglob("*.kicad_mod"))], 100)
    work = Path(tempfile.mkdtemp(prefix="pyzig-pcbnew-"))
    try:
        entries = []
        for i, p in enumerate(sample):
            text = p.read_text(encoding="utf-8")
            variants = {"orig": text, **check_edits(p, text, module_of(text))}
            for what, out in variants.items():
                lib = work / f"{i}-{what.replace(' ', '_')}.pretty"
                lib.mkdir()
                (lib / p.name).write_text(out, encoding="utf-8")
                entries.append((str(lib), p.stem))
        seen = pcbnew_read(entries)
        checked = 0
        for i, p in enumerate(sample):
            key = lambda what: f"{work}/{i}-{what.replace(' ', '_')}.pretty/{p.stem}"  # noqa: E731
            orig = seen[key("orig")]
            assert orig is not None, f"pcbnew cannot read the original {p}"
            for what in ("move pad", "value", "delete line", "add pad"):
                if key(what) not in seen:
                    continue
                got = seen[key(what)]
                assert got is not None, f"pcbnew cannot read {p} after '{what}'"
                if what == "move pad":
                    assert got["pads"][0][1] == orig["pads"][0][1] + 1_000_000, p
                    assert got["pads"][1:] == orig["pads"][1:], p
                elif what == "value":
                    assert got["value"] == "EDITED" and got["pads"] == orig["pads"], p
                elif what == "delete line":
                    assert got["lines"] == orig["lines"] - 1 and got["pads"] == orig["pads"], p
                else:
                    assert got["pads"][:-1] == orig["pads"] and got["pads"][-1] == ["999", 500_000, 250_000], p
                checked += 1
        assert checked >= 300
        print(f"pcbnew read {len(entries)} files of 100 footprints; {checked} edits seen")
    finally:
        shutil.rmtree(work)


def hidden_text() -> pcb.FpText:
    return pcb.FpText(type="user", text="ADDED", at=pcb.Xyr(x=0, y=1), layer=pcb.TextLayer(layer="F.Fab"),
                      hide=True, effects=pcb.Effects(font=pcb.Font(size=pcb.Wh(w=1, h=1), thickness=0.15)))


def test_inserted_objects_take_the_flag_style_of_their_file() -> None:
    """A hidden text built in Python (current style, `(hide yes)`) goes into a KiCad 6 footprint as a bare
    `hide`, which KiCad 6 requires; the same text taken from there into a KiCad 8 footprint is `(hide yes)`
    again. KiCad 6's pcbnew reads the first and sees a hidden text."""
    v6 = footprint.loads((FIXTURES / "SOT-23-5_RIT-v6.kicad_mod").read_text(encoding="utf-8"))
    v6.footprint.fp_texts.append(hidden_text())
    out6 = footprint.dumps(v6)
    added6 = out6[out6.index('(fp_text user "ADDED"'):].split("(fp_line", 1)[0]
    assert " hide\n" in added6 and "(hide" not in added6, added6
    v8 = footprint.loads((FIXTURES / "test-v8.kicad_mod").read_text(encoding="utf-8"))
    v8.footprint.fp_texts.append(v6.footprint.fp_texts[-1])
    out8 = footprint.dumps(v8)
    added8 = out8[out8.index('(fp_text user "ADDED"'):].split("(pad", 1)[0]
    assert "(hide yes)" in added8 and " hide\n" not in added8, added8
    assert footprint.loads(out8).footprint.fp_texts[-1].hide is True
    # A flag written off in the KiCad 8 form, `(hide no)`, is left out in a KiCad 6 file (absence says no).
    src = footprint.loads('(footprint "x" (version 20240108) (fp_text user "SHOWN" (at 0 0) (layer "F.Fab") '
                          '(hide no) (effects (font (size 1 1)))))')
    v6.footprint.fp_texts.append(src.footprint.fp_texts[0])
    shown = footprint.dumps(v6)
    shown = shown[shown.index('(fp_text user "SHOWN"'):].split("(fp_line", 1)[0]
    assert "hide" not in shown, shown
    assert footprint.loads(footprint.dumps(v6)).footprint.fp_texts[-1].hide is None

    probe = subprocess.run([str(SYSTEM_PYTHON), "-c", "import pcbnew"], capture_output=True, text=True)
    assert probe.returncode == 0, f"KiCad 6's pcbnew module is missing for /usr/bin/python3: {probe.stderr[-500:]}"
    work = Path(tempfile.mkdtemp(prefix="pyzig-pcbnew-"))
    try:
        lib = work / "v6.pretty"
        lib.mkdir()
        (lib / "SOT-23-5_RIT.kicad_mod").write_text(out6, encoding="utf-8")
        check = ("import pcbnew, sys; fp = pcbnew.FootprintLoad(sys.argv[1], 'SOT-23-5_RIT');"
                 "t = [g for g in fp.GraphicalItems() if isinstance(g, pcbnew.FP_TEXT) and g.GetText() == 'ADDED'];"
                 "print(len(t), t[0].IsVisible() if t else None)")
        r = subprocess.run([str(SYSTEM_PYTHON), "-c", check, str(lib)], capture_output=True, text=True, timeout=300,
                           env={**os.environ, "PYTHONPATH": ""})
        assert r.returncode == 0, r.stderr[-2000:]
        assert r.stdout.split()[-2:] == ["1", "False"], r.stdout
    finally:
        shutil.rmtree(work)
