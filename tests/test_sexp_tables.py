"""pyzig_sexp library tables (fp-lib-table, sym-lib-table) through the typed API: lossless on every table
of the corpus and the fixtures, minimal edits, value semantics, ownership and clear errors."""

from __future__ import annotations

import difflib
import gc
from pathlib import Path

import pytest

import pyzig_sexp
from pyzig_sexp import fp_lib_table as fpt
from pyzig_sexp import sym_lib_table as spt

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "kicad" / "fp-lib-table"
CORPUS = Path("/usr/share/kicad")


def all_tables() -> list[Path]:
    found = [FIXTURE]
    if CORPUS.is_dir():
        found += sorted(p for p in CORPUS.rglob("*-lib-table") if p.name in ("fp-lib-table", "sym-lib-table"))
    return found


def walk(obj: object) -> int:
    """Reads every declared field of `obj` and of everything in it; returns how many values were read."""
    n = 0
    names = type(obj).__field_names__()  # type: ignore[attr-defined]
    for name in names:
        value = getattr(obj, name)
        if hasattr(type(value), "__field_names__"):
            n += walk(value)
        elif isinstance(value, pyzig_sexp.FieldList):
            for item in value:
                n += walk(item) if hasattr(type(item), "__field_names__") else 1
        else:
            n += 1
    return n


def test_every_table_round_trips_and_reads() -> None:
    tables = all_tables()
    if len(tables) == 1:
        print("WARNING: Debian's KiCad corpus is absent (make corpus): only the fixture table is checked")
    for p in tables:
        text = p.read_text(encoding="utf-8")
        mod = spt if p.name == "sym-lib-table" else fpt
        f = mod.loads(text)
        assert walk(f) >= 5, p
        assert mod.dumps(f) == text, p
        # The same through the top-level functions, and from bytes.
        assert mod.dumps(pyzig_sexp.load(str(p))) == text
        assert mod.dumps(pyzig_sexp.loads(text.encode())) == text


def changed(a: str, b: str) -> list[str]:
    return [l for l in difflib.ndiff(a.splitlines(), b.splitlines()) if l[:1] in "+-"]


@pytest.fixture
def text() -> str:
    return FIXTURE.read_text(encoding="utf-8")


def test_reads_the_fields(text: str) -> None:
    f = fpt.loads(text)
    t = f.fp_lib_table
    assert isinstance(f, fpt.FpLibTableFile) and isinstance(t, fpt.FpLibTable)
    assert t.version == 7 and len(t.libs) == 4
    lib = t.libs[-2]
    assert (lib.name, lib.type, lib.uri, lib.options, lib.descr) == ("here", "KiCad", "${KIPRJMOD}", "", "project root")
    assert [l.name for l in t.libs] == ["lcsc", "logos", "here", "syms"]
    assert fpt.FpLibEntry.__field_names__() == ("name", "type", "uri", "options", "descr")
    assert fpt.FpLibEntry.__module__ == "pyzig_sexp.fp_lib_table"
    assert spt.SymLibEntry.__module__ == "pyzig_sexp.sym_lib_table"
    assert isinstance(lib.__zig_address__(), int)
    assert repr(lib) == "FpLibEntry(name='here', type='KiCad', uri='${KIPRJMOD}', options='', descr='project root')"


def test_one_value_edit_is_a_one_line_diff(text: str) -> None:
    f = fpt.loads(text)
    f.fp_lib_table.libs[1].descr = 'a "quoted" logo'
    out = fpt.dumps(f)
    d = changed(text, out)
    assert len(d) == 2 and d[1].endswith('(descr "a \\"quoted\\" logo"))'), d
    assert fpt.loads(out).fp_lib_table.libs[1].descr == 'a "quoted" logo'


def test_list_edits_touch_only_their_lines(text: str) -> None:
    f = fpt.loads(text)
    libs = f.fp_lib_table.libs
    libs.append(fpt.FpLibEntry(name="new", uri="${KIPRJMOD}/new.pretty", descr="added"))
    d = changed(text, fpt.dumps(f))
    assert d == ['+   (lib (name "new")(type "KiCad")(uri "${KIPRJMOD}/new.pretty")(options "")(descr "added"))'], d
    del libs[0]
    popped = libs.pop()
    assert popped.name == "new" and len(libs) == 3
    libs.insert(0, fpt.FpLibEntry(name="first", uri="u"))
    libs[1] = fpt.FpLibEntry(name="logos2", uri="v")
    out = fpt.dumps(f)
    again = fpt.loads(out).fp_lib_table.libs
    assert [l.name for l in again] == ["first", "logos2", "here", "syms"]
    assert out.splitlines()[-3:] == text.splitlines()[-3:]
    libs.clear()
    assert len(libs) == 0 and fpt.dumps(f).count("(lib") == 0
    with pytest.raises(IndexError):
        libs.pop()


def test_absent_field_is_inserted_in_kicad_order() -> None:
    f = fpt.loads('(fp_lib_table\n  (lib (name "a")(type "KiCad")(uri "u")(options "")(descr ""))\n)\n')
    f.fp_lib_table.version = 7
    out = fpt.dumps(f)
    assert out.index("(version 7)") < out.index("(lib"), out
    f.fp_lib_table.version = None
    assert "(version" not in fpt.dumps(f)


def test_objects_built_in_python_have_value_semantics(text: str) -> None:
    f = fpt.loads(text)
    e = fpt.FpLibEntry(name="x", uri="u")
    assert e == fpt.FpLibEntry(name="x", uri="u", type="KiCad", options="", descr="")
    assert e != fpt.FpLibEntry(name="y", uri="u")
    f.fp_lib_table.libs.append(e)
    e.name = "changed later"
    assert f.fp_lib_table.libs[-1].name == "x"
    assert f.fp_lib_table.libs[-1] == fpt.FpLibEntry(name="x", uri="u")
    # A whole table built from nothing, and a file from it.
    t = fpt.FpLibTable(version=7, libs=[fpt.FpLibEntry(name="a", uri="b")])
    out = fpt.dumps(fpt.FpLibTableFile(fp_lib_table=t))
    assert out == '(fp_lib_table\n  (version 7)\n  (lib (name "a")(type "KiCad")(uri "b")(options "")(descr ""))\n)\n'
    assert fpt.loads(out).fp_lib_table.libs[0].uri == "b"
    with pytest.raises(TypeError, match="unexpected keyword argument 'nmae'"):
        fpt.FpLibEntry(nmae="x")


def test_views_of_removed_nodes_and_freed_files_raise(text: str) -> None:
    f = fpt.loads(text)
    libs = f.fp_lib_table.libs
    first, second = libs[0], libs[1]
    del libs[0]
    with pytest.raises(ReferenceError):
        first.name
    assert second.name == "logos"
    lib = f.fp_lib_table.libs[0]
    del f, libs
    gc.collect()
    assert lib.name == "logos"  # a child keeps its file alive
    f = fpt.loads(text)
    t = f.fp_lib_table
    f.free()
    for get in (lambda: t.version, lambda: f.fp_lib_table, lambda: fpt.dumps(f)):
        with pytest.raises(ReferenceError):
            get()
    f.free()  # twice is fine


def test_bad_input_is_a_clear_error(text: str) -> None:
    with pytest.raises(pyzig_sexp.ParseError) as e:
        fpt.loads("(fp_lib_table\n  (lib (name \"a\")\n")
    # It points at the `(` that is never closed, with an excerpt and a caret.
    assert isinstance(e.value, ValueError) and (e.value.line, e.value.column) == (2, 3)
    assert "never closed" in str(e.value) and str(e.value).endswith("\n  ^")
    with pytest.raises(ValueError, match=r"expected a file whose root is \(fp_lib_table .*found \(sym_lib_table"):
        fpt.loads("(sym_lib_table)")
    with pytest.raises(ValueError, match="unknown KiCad file"):
        pyzig_sexp.loads("(not_kicad)")
    bad = fpt.loads("(fp_lib_table\n  (version seven)\n)\n")
    with pytest.raises(ValueError, match=r"FpLibTable.version: expected an integer, found \"seven\" at line 2"):
        bad.fp_lib_table.version
    f = fpt.loads(text)
    lib = f.fp_lib_table.libs[0]
    with pytest.raises(TypeError, match="FpLibEntry.name"):
        lib.name = 3  # type: ignore[assignment]
    with pytest.raises(TypeError):
        f.fp_lib_table.libs.append("not an entry")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        f.fp_lib_table.libs = [fpt.FpLibEntry(name="ok", uri="u"), 5]  # type: ignore[list-item]
    assert fpt.dumps(f) == text  # nothing changed by the refused edits
    with pytest.raises(TypeError):
        fpt.dumps("x")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        fpt.dumps(spt.loads("(sym_lib_table)"))  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        fpt.loads(5)  # type: ignore[arg-type]
    with pytest.raises(AttributeError):
        del lib.name
    with pytest.raises(TypeError, match="cannot create"):
        pyzig_sexp.FieldList()
