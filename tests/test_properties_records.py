"""Property tests of live list fields: hypothesis state machines drive them against Python lists.

`RecordLists` drives the four list fields of a `pyzig_testmod.Everything` (records, ints, str, enums) with
every list operation the binding offers (append, extend, insert, pop, remove, index, item and slice
assignment with any step, del, clear; reverse and sort the way code without those methods writes them:
`lv[:] = lv[::-1]`) and self-aliasing ones (`lv[i] = lv[j]`, `lv.extend(lv)`, `e.items = e.items`). The
same operation runs on a Python list; results and exception types must agree. Element views of `items`
are kept across edits: a kept view reads or writes exactly the element it was taken from, or raises
ReferenceError — never another element; while no list of the record lost or moved an element since the
view was taken (only appends, extends and in-place writes), it must still work. After `free()` the record,
its list views and its element views raise ReferenceError.

`FootprintPads` does the same, smaller, for a `pyzig_sexp` footprint's pads (`FieldList`: append,
insert, pop, item assignment, del, clear, whole-field assignment; pads built in Python or copied from this
file or another one; each pad's `layers` list too): kept views of a pad and of its `at` follow their own
pad (ReferenceError exactly once it left the file, or the file was freed), and after every step the file's
text, parsed afresh, says what the model says (names, x, layers, line count) and prints back the same.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from itertools import count
from pathlib import Path

import hypothesis_profiles  # noqa: F401  (loads the settings profile)
import pytest
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

import pyzig_sexp
import pyzig_testmod as m
from pyzig_sexp import footprint, footprint_v5, pcb

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "kicad"
FIELDS = ["items", "numbers", "words", "colors"]
I64 = (-(2**63), 2**63 - 1)

indices = st.integers(-7, 7)
slice_ends = st.none() | st.integers(-7, 7)
steps = st.none() | st.sampled_from([1, 2, 3, -1, -2])
small_ints = st.integers(-50, 50) | st.sampled_from(list(I64))
words = st.text(max_size=4)
colors = st.sampled_from([m.Color.Red, m.Color.Green, m.Color.Blue, "red", "green", "blue", "Red", "Blue"])
specs = {
    "items": st.tuples(st.text("abü", max_size=3), st.integers(-50, 50)),
    "numbers": small_ints,
    "words": words,
    "colors": colors,
}


class Item:
    """The model of one `Inner` element: a unique identity, and what its view must read."""

    _uids = count()

    def __init__(self, label: str, value: int) -> None:
        self.uid = next(Item._uids)
        self.label, self.value = label, value

    def plain(self) -> tuple[str, int]:
        return (self.label, self.value)

    def __repr__(self) -> str:
        return f"Item#{self.uid}{self.plain()}"


def color_value(c: object) -> str:
    """What a colour given by member, value or name is stored as (its value)."""
    if isinstance(c, m.Color):
        return c.value
    return m.Color[c].value if c in m.Color.__members__ else m.Color(c).value


def plain(field: str, x: object) -> object:
    """A native element (or a model one) as a comparable value."""
    if isinstance(x, Item):
        return x.plain()
    if isinstance(x, m.Inner):
        return (x.label, x.value)
    if field == "colors":
        return x.value if isinstance(x, m.Color) else x
    return x


class RecordLists(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.steps = 0
        self.freed_at = 0
        self.new_record()

    def new_record(self) -> None:
        a, b = Item("a#init", 1), Item("b#init", 2)
        self.e = m.Everything("r", items=[m.Inner(*a.plain()), m.Inner(*b.plain())], numbers=[1, 2, 3],
                              words=["x"], colors=[m.Color.Blue])
        self.model: dict[str, list] = {"items": [a, b], "numbers": [1, 2, 3], "words": ["x"], "colors": ["blue"]}
        self.lists = {f: getattr(self.e, f) for f in FIELDS}  # list views kept since the record was made
        self.kept: list[tuple[Item, m.Inner, int]] = []  # (model item, element view, epoch when taken)
        self.epoch = 0  # bumped by every operation that may remove or move an element of any list

    # --- helpers -------------------------------------------------------------------------------

    def make(self, field: str, spec: object) -> tuple[object, object]:
        """(native value, model value) for a generated spec."""
        if field == "items":
            item = Item(f"{spec[0]}#{next(Item._uids)}", spec[1])
            return m.Inner(item.label, item.value), item
        if field == "colors":
            return spec, color_value(spec)
        return spec, spec

    def both(self, field: str, on_model, on_native, shape_change: bool = True):
        """Runs one operation on the model list and on the live list: same result, same exception type."""
        if shape_change:
            self.epoch += 1
        try:
            want, want_exc = on_model(self.model[field]), None
        except (IndexError, ValueError) as exc:
            want, want_exc = None, type(exc)
        lv = getattr(self.e, field)
        try:
            got, got_exc = on_native(lv), None
        except (IndexError, ValueError) as exc:
            got, got_exc = None, type(exc)
        assert got_exc is want_exc, (got_exc, want_exc)
        return want, got

    # --- rules: list operations ----------------------------------------------------------------

    @rule(data=st.data(), field=st.sampled_from(FIELDS))
    def append(self, data, field: str) -> None:
        v, mv = self.make(field, data.draw(specs[field]))
        self.both(field, lambda l: l.append(mv), lambda l: l.append(v), shape_change=False)

    @rule(data=st.data(), field=st.sampled_from(FIELDS), n=st.integers(0, 3), as_tuple=st.booleans())
    def extend(self, data, field: str, n: int, as_tuple: bool) -> None:
        pairs = [self.make(field, data.draw(specs[field])) for _ in range(n)]
        vs = [p[0] for p in pairs]
        self.both(field, lambda l: l.extend(p[1] for p in pairs), lambda l: l.extend(tuple(vs) if as_tuple else vs),
                  shape_change=False)

    @rule(data=st.data(), field=st.sampled_from(FIELDS), i=indices)
    def insert(self, data, field: str, i: int) -> None:
        v, mv = self.make(field, data.draw(specs[field]))
        self.both(field, lambda l: l.insert(i, mv), lambda l: l.insert(i, v))

    @rule(field=st.sampled_from(FIELDS), i=st.none() | indices)
    def pop(self, field: str, i: int | None) -> None:
        args = () if i is None else (i,)
        want, got = self.both(field, lambda l: l.pop(*args), lambda l: l.pop(*args))
        if got is None:
            return
        assert plain(field, got) == plain(field, want)
        if field == "items":
            got.value += 1000  # a detached copy: the record must not change (the invariants check it)
            got.label = "changed"

    @rule(data=st.data(), field=st.sampled_from(FIELDS), i=indices)
    def set_item(self, data, field: str, i: int) -> None:
        v, mv = self.make(field, data.draw(specs[field]))

        def on_model(l: list) -> None:
            l[i] = mv

        def on_native(l) -> None:
            l[i] = v

        self.both(field, on_model, on_native)

    @rule(field=st.sampled_from(FIELDS), i=indices)
    def del_item(self, field: str, i: int) -> None:
        def op(l) -> None:
            del l[i]

        self.both(field, op, op)

    @rule(data=st.data(), field=st.sampled_from(FIELDS), a=slice_ends, b=slice_ends, s=steps,
          n=st.integers(0, 4), fit=st.booleans())
    def set_slice(self, data, field: str, a, b, s, n: int, fit: bool) -> None:
        sl = slice(a, b, s)
        if fit:  # as many values as the slice has elements (what an extended slice needs)
            n = len(range(*sl.indices(len(self.model[field]))))
        pairs = [self.make(field, data.draw(specs[field])) for _ in range(n)]

        def on_model(l: list) -> None:
            l[sl] = [p[1] for p in pairs]

        def on_native(l) -> None:
            l[sl] = [p[0] for p in pairs]

        self.both(field, on_model, on_native)

    @rule(field=st.sampled_from(FIELDS), a=slice_ends, b=slice_ends, s=steps)
    def del_slice(self, field: str, a, b, s) -> None:
        def op(l) -> None:
            del l[a:b:s]

        self.both(field, op, op)

    @rule(field=st.sampled_from(FIELDS), a=slice_ends, b=slice_ends, s=steps)
    def get_slice(self, field: str, a, b, s) -> None:
        got = getattr(self.e, field)[a:b:s]
        assert type(got) is list
        assert [plain(field, x) for x in got] == [plain(field, x) for x in self.model[field][a:b:s]]

    @rule(field=st.sampled_from(FIELDS))
    def clear(self, field: str) -> None:
        self.both(field, lambda l: l.clear(), lambda l: l.clear())

    @rule(field=st.sampled_from(FIELDS))
    def reverse(self, field: str) -> None:
        def on_native(l) -> None:
            l[:] = l[::-1]

        self.both(field, lambda l: l.reverse(), on_native)

    @rule(field=st.sampled_from(FIELDS))
    def sort(self, field: str) -> None:
        key = (lambda x: plain(field, x))

        def on_native(l) -> None:
            l[:] = sorted(l, key=key)

        self.both(field, lambda l: l.sort(key=key), on_native)

    @rule(field=st.sampled_from(FIELDS), i=st.integers(0, 10), absent=st.booleans())
    def remove_and_index(self, field: str, i: int, absent: bool) -> None:
        """`index` and `remove` by equality (records compare by value): present, or absent (ValueError)."""
        ml = self.model[field]
        if absent or not ml:
            probe_native = {"items": m.Inner("absent", 0), "numbers": 999, "words": "absent!", "colors": None}[field]
            if probe_native is None:
                return
            probe = plain(field, probe_native)
        else:
            probe = plain(field, ml[i % len(ml)])
            probe_native = m.Inner(*probe) if field == "items" else probe
        plains = [plain(field, x) for x in ml]
        if probe in plains:
            assert getattr(self.e, field).index(probe_native) == plains.index(probe)
        else:
            with pytest.raises(ValueError):
                getattr(self.e, field).index(probe_native)

        def on_model(l: list) -> None:
            del l[[plain(field, x) for x in l].index(probe)]

        self.both(field, on_model, lambda l: l.remove(probe_native))

    @rule(data=st.data(), field=st.sampled_from(FIELDS), n=st.integers(0, 3))
    def assign_field(self, data, field: str, n: int) -> None:
        pairs = [self.make(field, data.draw(specs[field])) for _ in range(n)]
        self.epoch += 1
        setattr(self.e, field, [p[0] for p in pairs])
        self.model[field] = [p[1] for p in pairs]

    @rule(i=st.integers(0, 10), j=st.integers(0, 10), how=st.sampled_from(["item", "extend", "field", "slice", "inner"]))
    def aliasing(self, i: int, j: int, how: str) -> None:
        """Values read from the list written back into it: copies by value, never aliases."""
        ml, lv = self.model["items"], self.e.items
        self.epoch += 1
        if how == "item" and ml:
            i, j = i % len(ml), j % len(ml)
            lv[i] = lv[j]
            src = ml[j]
            ml[i] = Item(src.label, src.value)
        elif how == "extend":
            lv.extend(lv)
            ml.extend([Item(x.label, x.value) for x in list(ml)])
        elif how == "field":
            self.e.items = self.e.items
            self.model["items"] = [Item(x.label, x.value) for x in ml]
        elif how == "slice":
            lv[:] = lv
            self.model["items"] = [Item(x.label, x.value) for x in ml]
        elif how == "inner":
            self.e.inner = m.Inner("in", j)
            lv.append(self.e.inner)
            ml.append(Item("in", j))
        if 0 < len(self.e.numbers) < 16:
            self.e.numbers.extend(self.e.numbers)
            self.model["numbers"].extend(list(self.model["numbers"]))

    @rule(field=st.sampled_from(FIELDS), bad=st.sampled_from([None, b"x", 1.5, object(), 2**64, "mauve"]))
    def bad_value(self, field: str, bad: object) -> None:
        """A value of the wrong type or range is refused (TypeError, OverflowError, ValueError) and changes nothing."""
        if (field == "words" and bad == "mauve") or (field == "items" and bad == "mauve"):
            bad = 7
        lv = getattr(self.e, field)
        n = len(self.model[field])
        for call in (lambda: lv.append(bad), lambda: lv.insert(0, bad), lambda: lv.extend([bad]),
                     lambda: setattr(self.e, field, [bad]), lambda: lv.__setitem__(slice(0, 1), [bad])):
            with pytest.raises((TypeError, OverflowError, ValueError)):
                call()
        if n:
            with pytest.raises((TypeError, OverflowError, ValueError)):
                lv[0] = bad
        self.epoch += 1  # refused, so nothing moved; counted anyway: no claim on views here

    # --- rules: element views ------------------------------------------------------------------

    @precondition(lambda self: self.model["items"])
    @rule(i=st.integers(0, 30))
    def keep_view(self, i: int) -> None:
        ml = self.model["items"]
        how = ["index", "iter", "kept-list"][i % 3]
        i %= len(ml)
        if how == "index":
            view = self.e.items[i]
        elif how == "iter":
            view = list(self.e.items)[i]
        else:
            sliced = self.e.items[i : i + 1][0]
            assert (sliced.label, sliced.value) == ml[i].plain()
            view = self.lists["items"][i]
        assert (view.label, view.value) == ml[i].plain()
        self.kept.append((ml[i], view, self.epoch))
        del self.kept[:-20]

    @precondition(lambda self: self.kept)
    @rule(k=st.integers(0, 30), value=st.integers(-50, 50))
    def write_through_kept_view(self, k: int, value: int) -> None:
        """Writes through a kept view land on its own element, or raise ReferenceError."""
        item, view, epoch = self.kept[k % len(self.kept)]
        label = value % 2 == 0
        alive = any(x is item for x in self.model["items"])
        try:
            if label:
                view.label = item.label + "+"
            else:
                view.value = value
        except ReferenceError:
            assert epoch != self.epoch, "a view raised though its list only grew since it was taken"
            return
        assert alive, f"a write through a view of a removed element {item} was accepted"
        if label:
            item.label += "+"
        else:
            item.value = value

    @precondition(lambda self: self.model["items"])
    @rule(i=st.integers(0, 10), value=st.integers(-50, 50))
    def write_fresh_element(self, i: int, value: int) -> None:
        ml = self.model["items"]
        i %= len(ml)
        self.e.items[i].value = value
        ml[i].value = value

    @precondition(lambda self: self.kept and self.steps - self.freed_at > 10)
    @rule()
    def free_and_renew(self) -> None:
        """free(): the record, its list views and element views raise ReferenceError; a second free() is a no-op."""
        old, lists, kept = self.e, self.lists, self.kept
        old.free()
        old.free()
        for call in [lambda: old.items, lambda: old.total(), lambda: old.name]:
            with pytest.raises(ReferenceError):
                call()
        valid = {"items": m.Inner("v", 1), "numbers": 1, "words": "w", "colors": "red"}
        for f, lv in lists.items():
            with pytest.raises(ReferenceError):
                len(lv)
            with pytest.raises(ReferenceError):
                lv.append(valid[f])
            with pytest.raises(ReferenceError):
                lv[0:1]
        for _, view, _ in kept:
            with pytest.raises(ReferenceError):
                view.value
            with pytest.raises(ReferenceError):
                view.value = 1
        self.freed_at = self.steps
        self.new_record()

    # --- invariants ----------------------------------------------------------------------------

    @invariant()
    def count_steps(self) -> None:
        """Not a check: counts steps, so that free_and_renew comes once in a while, not at every other step."""
        self.steps += 1

    @invariant()
    def lists_match_the_model(self) -> None:
        for f in FIELDS:
            want = [plain(f, x) for x in self.model[f]]
            assert [plain(f, x) for x in getattr(self.e, f)] == want, f
            assert [plain(f, x) for x in self.lists[f]] == want, f"{f} (a list view kept since creation)"
            assert len(self.lists[f]) == len(want)
        if all(abs(x) < 2**40 for x in self.model["numbers"]):
            # total() adds in i64 without a check (see test_total_overflow_is_not_a_panic): compared only
            # when no partial sum can leave that range.
            assert self.e.total() == sum(x.value for x in self.model["items"]) + sum(self.model["numbers"])

    @invariant()
    def kept_views_read_their_own_element(self) -> None:
        items = self.model["items"]
        for item, view, epoch in self.kept:
            try:
                got = (view.label, view.value)
            except ReferenceError:
                assert epoch != self.epoch, f"a view of {item} raised though its list only grew since"
                continue
            assert any(x is item for x in items), f"a view of the removed {item} still reads {got}"
            assert got == item.plain(), f"a view of {item} reads {got}"


TestRecordLists = RecordLists.TestCase


def test_total_overflow_is_not_a_panic() -> None:
    """A sum outside i64 is the exact int or an OverflowError, like every other out-of-range value (it was a
    PanicException in a debug build and a wrapped, wrong sum in release)."""
    e = m.Everything("t", numbers=[2**63 - 1, 1])
    try:
        got = e.total()
    except OverflowError:
        return
    assert got == 2**63


# --- pyzig_sexp: a footprint's pads --------------------------------------------------------------


@dataclass(eq=False)
class PadM:
    """The model of a pad: what its view must read while the pad is in its file."""

    name: str
    x: float
    layers: list


FOOTPRINTS = ["TSSOP-24.kicad_mod", "SOT-23-5_RIT-v6.kicad_mod", "test-v8.kicad_mod", "C0603-v5.kicad_mod"]
_pad_names = count()


def load_footprint(name: str):
    text = (FIXTURES / name).read_text()
    mod = footprint_v5 if text.lstrip().startswith("(module") else footprint
    f = mod.loads(text)
    assert mod.dumps(f) == text
    return mod, f


def pad_model(p) -> PadM:
    return PadM(p.name, p.at.x, list(p.layers))


class FootprintPads(RuleBasedStateMachine):
    """A footprint's pads (and each pad's layers) against a list of PadM; views of pads and of their `at`
    kept across edits; pads copied in from the same file and from another one."""

    @initialize(name=st.sampled_from(FOOTPRINTS), other=st.sampled_from(FOOTPRINTS))
    def load(self, name: str, other: str) -> None:
        self.steps = self.last_big_edit = 0
        self.other_mod, self.other = load_footprint(other)  # a second file, to copy pads from
        self.load_file(name)

    def load_file(self, name: str) -> None:
        self.mod, self.f = load_footprint(name)
        fp = self.f.footprint
        self.pads = [pad_model(p) for p in fp.pads]
        self.lines = len(fp.fp_lines)
        self.pad_list = fp.pads  # a FieldList kept across every edit
        self.kept: list[tuple[PadM, object, object]] = []  # (model pad, view of the pad, view of its at)

    def alive(self, pm: PadM) -> bool:
        return any(p is pm for p in self.pads)

    def new_pad(self, x: float) -> tuple[pcb.Pad, PadM]:
        name = f"N{next(_pad_names)}"
        pad = pcb.Pad(name=name, type="smd", shape="rect", at=pcb.Xyr(x=x, y=0), size=pcb.Wh(w=1, h=1),
                      layers=["F.Cu", "F.Mask"])
        return pad, PadM(name, x, ["F.Cu", "F.Mask"])

    def both(self, on_model, on_native):
        try:
            want, want_exc = on_model(self.pads), None
        except IndexError:
            want, want_exc = None, IndexError
        try:
            got, got_exc = on_native(self.f.footprint.pads), None
        except IndexError:
            got, got_exc = None, IndexError
        assert got_exc is want_exc, (got_exc, want_exc)
        return want, got

    @precondition(lambda self: self.pads)
    @rule(i=st.integers(0, 30))
    def keep_view(self, i: int) -> None:
        i %= len(self.pads)
        view = self.f.footprint.pads[i] if i % 2 else self.pad_list[i]
        pm = self.pads[i]
        assert view.name == pm.name and math.isclose(view.at.x, pm.x, abs_tol=1e-9)
        self.kept.append((pm, view, view.at))
        del self.kept[:-20]

    @precondition(lambda self: self.pads)
    @rule(i=st.integers(0, 30), dx=st.sampled_from([1.0, -0.5, 0.25, 0.001]), how=st.sampled_from(["fresh", "view", "at"]))
    def move_pad(self, i: int, dx: float, how: str) -> None:
        """`at.x += dx` through a fresh view, a kept pad view or a kept `at` view (ReferenceError iff removed)."""
        if how != "fresh" and self.kept:
            pm, view, at = self.kept[i % len(self.kept)]
            try:
                if how == "view":
                    view.at.x += dx
                else:
                    at.x += dx
            except ReferenceError:
                assert not self.alive(pm), f"a view of {pm}, still in the file, raised"
                return
            assert self.alive(pm), f"a write through a view of the removed {pm} was accepted"
        else:
            pm = self.pads[i % len(self.pads)]
            self.f.footprint.pads[i % len(self.pads)].at.x += dx
        pm.x += dx

    @precondition(lambda self: self.pads)
    @rule(i=st.integers(0, 30), op=st.sampled_from(["append", "pop", "assign", "set0"]))
    def edit_layers(self, i: int, op: str) -> None:
        """A pad's token list `layers`, edited through the pad's view like any list field."""
        pm = self.pads[i % len(self.pads)]
        layers = self.f.footprint.pads[i % len(self.pads)].layers
        if op == "append":
            layers.append("F.Paste")
            pm.layers.append("F.Paste")
        elif op == "pop" and pm.layers:
            assert layers.pop() == pm.layers.pop()
        elif op == "assign":
            self.f.footprint.pads[i % len(self.pads)].layers = ["B.Cu", "B.Mask"]
            pm.layers = ["B.Cu", "B.Mask"]
        elif op == "set0" and pm.layers:
            layers[0] = "*.Cu"
            pm.layers[0] = "*.Cu"
        assert list(layers) == pm.layers

    @rule(i=st.none() | st.integers(-6, 6))
    def pop(self, i: int | None) -> None:
        args = () if i is None else (i,)
        want, got = self.both(lambda l: l.pop(*args), lambda l: l.pop(*args))
        if got is not None:
            assert got.name == want.name and math.isclose(got.at.x, want.x, abs_tol=1e-9)
            assert list(got.layers) == want.layers
            got.at.x += 100  # a detached copy: the file must not change

    @rule(i=st.integers(-6, 8), x=st.sampled_from([0.0, 1.27, -2.54, 0.1 + 0.2, 1e-7, 12345.678]))
    def insert(self, i: int, x: float) -> None:
        pad, pm = self.new_pad(x)
        self.f.footprint.pads.insert(i, pad)
        self.pads.insert(i, pm)
        pad.at.x = 777.0  # the file holds a copy

    @rule(x=st.sampled_from([0.5, -3.0]), j=st.integers(0, 30), src=st.sampled_from(["new", "same file", "other file"]))
    def append(self, x: float, j: int, src: str) -> None:
        """A new pad, or a pad of this file or of another one: copied in by value."""
        if src == "same file" and self.pads:
            pad = self.f.footprint.pads[j % len(self.pads)]
        elif src == "other file" and len(self.other.footprint.pads):
            pad = self.other.footprint.pads[j % len(self.other.footprint.pads)]
        else:
            pad, pm = self.new_pad(x)
            self.pad_list.append(pad)
            self.pads.append(pm)
            return
        self.pad_list.append(pad)
        self.pads.append(pad_model(pad))

    @rule(i=st.integers(-6, 6), j=st.integers(0, 30), copy=st.booleans())
    def set_item(self, i: int, j: int, copy: bool) -> None:
        """Item assignment of a new pad, or of another pad of the same file (copied by value)."""
        if copy and self.pads:
            j %= len(self.pads)
            value, src = self.f.footprint.pads[j], self.pads[j]
            pm = PadM(src.name, src.x, list(src.layers))
        else:
            value, pm = self.new_pad(2.0)

        def on_model(l: list) -> None:
            l[i] = pm

        def on_native(l) -> None:
            l[i] = value

        self.both(on_model, on_native)

    @rule(i=st.integers(-6, 6))
    def del_item(self, i: int) -> None:
        def op(l) -> None:
            del l[i]

        self.both(op, op)

    @precondition(lambda self: self.kept and self.steps - self.last_big_edit > 6)
    @rule()
    def reverse_by_assignment(self) -> None:
        """`fp.pads = reversed list of its own views`: new pads (copies) in; every old view now raises."""
        self.last_big_edit = self.steps
        self.f.footprint.pads = list(self.f.footprint.pads)[::-1]
        self.pads = [PadM(p.name, p.x, list(p.layers)) for p in self.pads[::-1]]

    @precondition(lambda self: len(self.pads) < 4 and self.steps - self.last_big_edit > 6)
    @rule()
    def clear(self) -> None:
        self.last_big_edit = self.steps
        self.pad_list.clear()
        self.pads.clear()

    @precondition(lambda self: self.lines)
    @rule(i=st.integers(0, 50))
    def del_line(self, i: int) -> None:
        del self.f.footprint.fp_lines[i % self.lines]
        self.lines -= 1

    @rule(bad=st.sampled_from(["abc", None, float("nan"), float("inf"), object()]), what=st.sampled_from(["x", "append", "shape", "layers"]))
    def bad_value(self, bad: object, what: str) -> None:
        """A value of the wrong type or shape is refused and the file's text does not change."""
        before = self.mod.dumps(self.f)
        with pytest.raises((TypeError, ValueError)):
            if what == "x" and self.pads:
                self.f.footprint.pads[0].at.x = bad
            elif what == "shape" and self.pads:
                self.f.footprint.pads[0].shape = "two words" if isinstance(bad, str) else 5
            elif what == "layers" and self.pads:
                self.f.footprint.pads[0].layers.append(5 if isinstance(bad, (str, float)) else bad)
            else:
                self.pad_list.append(bad if bad is not None else pcb.Xy(x=0, y=0))
        assert self.mod.dumps(self.f) == before

    @precondition(lambda self: self.steps - self.last_big_edit > 6)
    @rule(name=st.sampled_from(FOOTPRINTS), which=st.sampled_from(["this", "other"]))
    def free_and_reload(self, name: str, which: str) -> None:
        """free(): the file, its list and every view raise ReferenceError; then a fresh file. Freeing the
        other file changes nothing here (what was copied from it is this file's own)."""
        self.last_big_edit = self.steps
        if which == "other":
            self.other.free()
            with pytest.raises(ReferenceError):
                self.other_mod.dumps(self.other)
            self.other_mod, self.other = load_footprint(name)
            return
        f, pad_list, kept = self.f, self.pad_list, self.kept
        f.free()
        with pytest.raises(ReferenceError):
            self.mod.dumps(f)
        with pytest.raises(ReferenceError):
            len(pad_list)
        for _, view, at in kept:
            with pytest.raises(ReferenceError):
                view.name
            with pytest.raises(ReferenceError):
                at.x
        self.load_file(name)

    @invariant()
    def count_steps(self) -> None:
        """Not a check: counts steps, so that the rules that wipe the state come once in a while."""
        self.steps += 1

    @invariant()
    def text_says_what_the_model_says(self) -> None:
        text = self.mod.dumps(self.f)
        again = self.mod.loads(text)
        assert self.mod.dumps(again) == text
        got = [(p.name, p.at.x, list(p.layers)) for p in again.footprint.pads]
        assert len(got) == len(self.pads), (got, self.pads)
        for (name, x, layers), pm in zip(got, self.pads):
            assert name == pm.name and math.isclose(x, pm.x, abs_tol=1e-6) and layers == pm.layers, ((name, x, layers), pm)
        assert len(again.footprint.fp_lines) == self.lines
        assert len(self.pad_list) == len(self.pads)
        again.free()

    @invariant()
    def kept_views_follow_their_pad(self) -> None:
        for pm, view, at in self.kept:
            alive = self.alive(pm)
            for read in (lambda: (view.name, view.at.x), lambda: (pm.name, at.x)):
                try:
                    name, x = read()
                except ReferenceError:
                    assert not alive, f"a view of {pm}, still in the file, raised ReferenceError"
                    continue
                assert alive, f"a view of the removed {pm} still reads {(name, x)}"
                assert name == pm.name and math.isclose(x, pm.x, abs_tol=1e-6), ((name, x), pm)


TestFootprintPads = FootprintPads.TestCase


def test_field_list_has_every_method_its_docstring_names() -> None:
    """FieldList's docstring named `remove`, which it did not have."""
    doc = pyzig_sexp.FieldList.__doc__
    named = [w for w in re.findall(r"`(\w+)`", doc) if w in ("append", "insert", "pop", "remove", "clear", "extend", "index")]
    assert "append" in named and "pop" in named
    missing = [w for w in named if not hasattr(pyzig_sexp.FieldList, w)]
    assert missing == [], f"named in FieldList's docstring but absent: {missing}"


def test_field_list_remove_is_list_remove() -> None:
    from pyzig_sexp import footprint

    f = footprint.loads((FIXTURES / "TSSOP-24.kicad_mod").read_text())
    pads = f.footprint.pads
    names = [p.name for p in pads]
    pads.remove(pads[3])  # an object of this list: that very item
    assert [p.name for p in pads] == names[:3] + names[4:]
    other = footprint.loads((FIXTURES / "TSSOP-24.kicad_mod").read_text()).footprint.pads[0]
    pads.remove(other)  # an equal object of another file: the first equal item
    assert [p.name for p in pads] == names[1:3] + names[4:]
    with pytest.raises(ValueError, match="not in list"):
        pads.remove(other)
    with pytest.raises(ValueError, match="not in list"):
        pads.remove(5)
    assert footprint.loads(footprint.dumps(f)).footprint.pads == pads
