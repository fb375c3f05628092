"""pyzig_sexp symbol libraries (`symbol`, and `symbol_v6` for KiCad 6's model) through the typed API: every
`.kicad_sym` of the corpus and the fixtures loads, reads in full and round-trips byte for byte; edits of
properties, pins and units change only their own lines; the biggest library loads and drops without
growing the process."""

from __future__ import annotations

import difflib
import gc
import os
import resource
from pathlib import Path

import pytest

import pyzig_sexp
from pyzig_sexp import pcb, schematic, symbol, symbol_v6

from conftest import corpus
from test_sexp_tables import walk

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "kicad"
CORPUS = Path("/usr/share/kicad/symbols")
KICAD9 = FIXTURES / "kicad9-layout.kicad_sym"


def all_libraries() -> list[Path]:
    found = sorted(FIXTURES.glob("*.kicad_sym"))
    assert len(found) >= 3, "the symbol fixtures are missing"
    if CORPUS.is_dir():
        found += corpus(sorted(CORPUS.glob("*.kicad_sym")))
    else:
        print("WARNING: Debian's symbol library is absent (make corpus): only the fixtures are checked")
    return found


def test_every_library_round_trips_and_reads() -> None:
    paths = all_libraries()
    symbols = 0
    for i, p in enumerate(paths):
        text = p.read_text(encoding="utf-8")
        f = symbol.loads(text)
        assert symbol.dumps(f) == text, p
        assert symbol_v6.dumps(symbol_v6.loads(text)) == text, p
        symbols += len(f.kicad_sym.symbols)
        # Every declared field of every object of the fixtures and of one library in eight (the Rust test
        # `kicad/tests/symbols.rs` reads all of them, as both modules, through the same declarations).
        if i % 8 == 0 or p.parent == FIXTURES:
            assert walk(f) > 10, p
            assert walk(symbol_v6.loads(text)) > 10, p
    print(f"{len(paths)} symbol libraries, {symbols} symbols")


def changed(a: str, b: str) -> list[str]:
    return [l for l in difflib.unified_diff(a.splitlines(), b.splitlines(), lineterm="", n=0) if l[:1] in "+-"
            and not l.startswith(("---", "+++"))]


def test_reads_a_kicad_9_library() -> None:
    f = pyzig_sexp.load(str(KICAD9))
    assert type(f) is symbol.SymbolFile
    lib = f.kicad_sym
    assert (lib.version, lib.generator, lib.generator_version) == (20241209, "kicad_symbol_editor", "9.0")
    vdd, mcu = lib.symbols
    assert type(vdd).__module__ == "pyzig_sexp.schematic"
    assert vdd.power is True and mcu.power is False
    assert vdd.pin_numbers.hide is True and vdd.pin_names.hide is True and vdd.pin_names.offset == 0
    assert mcu.pin_numbers is None and mcu.pin_names.hide is None
    ref = mcu.propertys[0]
    assert (ref.name, ref.value, ref.at.x, ref.effects.justify.justify1) == ("Reference", "U", -7.62, "left")
    assert mcu.propertys[2].effects.hide is True
    body, unit1, unit2 = mcu.symbols
    assert body.rectangles[0].fill.type == "background"
    assert body.circles[0].radius == 1.27 and body.arcs[0].mid.y == 2.54 and body.texts[0].text == "EX"
    pa0 = unit1.pins[0]
    assert (pa0.type, pa0.style, pa0.name.name, pa0.number.number, pa0.length) == ("bidirectional", "line", "PA0", "1", 2.54)
    assert [(a.name, a.type) for a in pa0.alternates] == [("UART_TX", "output"), ("ADC0", "input")]
    assert unit2.pins[0].style == "inverted" and unit2.pins[0].name.name == "~{RESET}"


def test_edits_of_properties_pins_and_units_are_minimal() -> None:
    text = KICAD9.read_text()
    f = symbol.loads(text)
    mcu = f.kicad_sym.symbols[1]
    mcu.propertys[1].value = "MCU_Renamed"
    pin = mcu.symbols[1].pins[1]
    pin.at.y = -2.54
    pin.name.name = "XTAL"
    pin.type = "passive"
    out = symbol.dumps(f)
    # In-place edits keep the line count, so the lines compare one to one.
    a, b = text.splitlines(), out.splitlines()
    assert len(a) == len(b)
    assert [(x, y) for x, y in zip(a, b) if x != y] == [
        ('\t\t(property "Value" "MCU_Example"', '\t\t(property "Value" "MCU_Renamed"'),
        ("\t\t\t(pin input clock", "\t\t\t(pin passive clock"),
        ("\t\t\t\t(at -10.16 0 0)", "\t\t\t\t(at -10.16 -2.54 0)"),
        ('\t\t\t\t(name "CLK"', '\t\t\t\t(name "XTAL"'),
    ]
    again = symbol.loads(out).kicad_sym.symbols[1]
    assert again.symbols[1].pins[1].name.name == "XTAL" and again.propertys[1].value == "MCU_Renamed"
    # A pin built in Python, appended to a unit: added lines only, in the editor's layout.
    new = schematic.SymbolPin(
        type="output", style="line", at=pcb.Xyr(x=10.16, y=2.54, r=180), length=2.54,
        name=schematic.PinName(name="TX", effects=pcb.Effects(font=pcb.Font(size=pcb.Wh(w=1.27, h=1.27)))),
        number=schematic.PinNumber(number="4", effects=pcb.Effects(font=pcb.Font(size=pcb.Wh(w=1.27, h=1.27)))),
    )
    mcu.symbols[2].pins.append(new)
    out2 = symbol.dumps(f)
    diff = changed(out, out2)
    assert diff and all(l.startswith("+") for l in diff), diff
    assert "+\t\t\t(pin output line" in diff
    assert symbol.loads(out2).kicad_sym.symbols[1].symbols[2].pins[1] == new
    # Removing the power marker, and a wrong value changes nothing.
    vdd = f.kicad_sym.symbols[0]
    vdd.power = False
    assert "(power)" not in symbol.dumps(f)
    before = symbol.dumps(f)
    with pytest.raises(TypeError, match="SymbolPin.length"):
        pin.length = "long"
    with pytest.raises(ValueError, match="keyword"):
        pin.style = "not a keyword"
    assert symbol.dumps(f) == before


def test_kinds_are_told_apart() -> None:
    text = KICAD9.read_text()
    with pytest.raises(ValueError, match="kicad_symbol_lib"):
        pyzig_sexp.footprint.loads(text)
    with pytest.raises(TypeError):
        symbol.dumps(symbol_v6.loads(text))
    with pytest.raises(TypeError):
        symbol.dumps("(kicad_symbol_lib)")
    assert type(pyzig_sexp.loads(text)) is symbol.SymbolFile
    v6 = symbol_v6.loads(text)
    assert type(v6.kicad_sym.symbols[0]).__module__ == "pyzig_sexp.symbol_v6"
    assert v6.kicad_sym.symbols[1].symbols[0].circles[0].radius == 1.27


def rss_kib() -> int:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise AssertionError("no VmRSS")


def test_loading_and_dropping_the_biggest_library_leaves_rss_flat() -> None:
    if CORPUS.is_dir():
        biggest = max(CORPUS.glob("*.kicad_sym"), key=lambda p: p.stat().st_size)
    else:
        print("WARNING: Debian's symbol library is absent: the leak check uses a fixture")
        biggest = KICAD9
    text = biggest.read_text()
    for _ in range(5):  # warm up the allocator
        f = symbol.loads(text)
        _ = f.kicad_sym.symbols[0].name
        del f
    gc.collect()
    start = rss_kib()
    loads = 40 if os.environ.get("PYZIG_CORPUS") == "sample" else 200
    for _ in range(loads):
        f = symbol.loads(text)
        s = f.kicad_sym.symbols[-1]
        _ = (s.name, len(s.propertys))
        del f, s
    gc.collect()
    grown = rss_kib() - start
    print(f"{biggest.name} ({len(text) / 1e6:.1f} MB) loaded {loads} times: RSS grew {grown} KiB")
    assert grown < 2048, f"RSS grew {grown} KiB over {loads} loads of {biggest.name}"
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss > 0


def test_threads_share_a_file_while_big_texts_are_parsed_unlocked() -> None:
    """Big texts are parsed and printed with the GIL released: threads that load, print, edit and free
    the same file meanwhile get consistent results or a clear error, never a crash."""
    import threading

    text = KICAD9.read_text()
    big = text + "\n" * (1 << 20)  # over the GIL-release threshold, still the same library
    shared = symbol.loads(big)
    errors: list[BaseException] = []
    outs: list[str] = []

    def loader() -> None:
        for _ in range(5):
            f = symbol.loads(big)
            assert symbol.dumps(f) == big

    def printer() -> None:
        for _ in range(10):
            try:
                outs.append(symbol.dumps(shared))
            except ReferenceError:
                pass  # freed meanwhile

    def editor() -> None:
        for i in range(20):
            try:
                shared.kicad_sym.symbols[1].propertys[1].value = f"V{i}"
            except (ReferenceError, RuntimeError):
                pass  # freed, or being printed by another thread right now

    def run(target) -> None:
        try:
            target()
        except BaseException as e:  # noqa: BLE001 - reported below
            errors.append(e)

    threads = [threading.Thread(target=run, args=(t,)) for t in (loader, loader, printer, editor)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    try:
        shared.free()
    except (RuntimeError, TypeError) as e:
        errors.append(e)
    assert not errors, errors
    for out in outs:
        again = symbol.loads(out)
        assert again.kicad_sym.symbols[1].propertys[1].value.startswith(("MCU_Example", "V"))
    with pytest.raises(ReferenceError):
        symbol.dumps(shared)
