"""Hostile use of `pyzig_sexp`: random sequences of reads, writes, list surgery, values of the wrong type,
objects moved between files, `free()` and GC, on footprints of three KiCad versions, each run in a child
interpreter (a crash fails with the seed and the operation log).

The child keeps a pure-Python model of each file: its pads (number, x, layers) and its line count, plus
the text expected outside the pads. After every operation the file's text, loaded again by a fresh
parser, must equal the model; a failed operation must leave the text unchanged; a view of a removed pad
must raise `ReferenceError` while views of the other pads keep reading their own pad."""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile import run_child

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "kicad"

CHILD = r'''
import gc, math
import pyzig_sexp
from pyzig_sexp import footprint, footprint_v5, pcb

PATHS = PATHS_HERE


class Pad:
    """The model of one pad: what its view must read while it is in its file."""
    def __init__(self, name, x, layers):
        self.name, self.x, self.layers, self.alive = name, x, list(layers), True


class File:
    def __init__(self, path):
        self.text = open(path, encoding="utf-8").read()
        self.mod = footprint_v5 if self.text.lstrip().startswith("(module") else footprint
        self.f = self.mod.loads(self.text)
        fp = self.f.footprint
        self.pads = [Pad(p.name, p.at.x, list(p.layers)) for p in fp.pads]
        self.lines = len(fp.fp_lines)
        self.freed = False

    def check(self):
        """The text, parsed afresh, says what the model says."""
        if self.freed:
            return
        again = self.mod.loads(self.mod.dumps(self.f)).footprint
        got = [(p.name, p.at.x, list(p.layers)) for p in again.pads]
        want = [(p.name, p.x, p.layers) for p in self.pads]
        assert len(got) == len(want), (got, want)
        for g, w in zip(got, want):
            assert g[0] == w[0] and g[2] == w[2] and math.isclose(g[1], w[1], abs_tol=1e-9), (g, w)
        assert len(again.fp_lines) == self.lines


files = [File(p) for p in PATHS]
views = []  # (file, model pad, view of it)


def live():
    return [f for f in files if not f.freed]


def new_pad(name):
    x = rng.choice([0.0, 1.27, -2.54, 0.1 + 0.2, 1e-7, 12345.678])
    layers = rng.choice([["F.Cu"], ["F.Cu", "F.Mask"], ["*.Cu", "*.Mask"]])
    return pcb.Pad(name=name, type="smd", shape=rng.choice(["rect", "oval", "roundrect"]),
                   at=pcb.Xyr(x=x, y=0), size=pcb.Wh(w=1, h=1), layers=layers), Pad(name, x, layers)


for step in range(steps):
    fs = live()
    if not fs:
        files.append(File(rng.choice(PATHS)))
        continue
    f = rng.choice(fs)
    fp = f.f.footprint
    op = rng.randrange(14)
    n = len(f.pads)
    LOG.append(f"{step}: op {op} on {f.mod.__name__} with {n} pads")
    if op == 0 and n:
        i = rng.randrange(n)
        views.append((f, f.pads[i], fp.pads[i]))
    elif op == 1 and n:
        i = rng.randrange(n)
        dx = rng.choice([1, -0.5, 0.001])
        fp.pads[i].at.x += dx
        f.pads[i].x += dx
    elif op == 2 and n:
        i = rng.randrange(-n, n)
        popped = fp.pads.pop(i)
        gone = f.pads.pop(i)
        gone.alive = False
        assert popped.name == gone.name  # a detached copy, readable on its own
    elif op == 3:
        i = rng.randrange(n + 1)
        obj, model = new_pad(rng.choice(["9", "A1", "", "ü"]))
        fp.pads.insert(i, obj)
        f.pads.insert(i, model)
        obj.at.x = 777.0  # the file holds a copy: changing the original changes nothing there
    elif op == 4 and n:
        i = rng.randrange(n)
        bad = rng.choice(["abc", None, [1, 2], float("nan"), float("inf"), object()])
        unchanged(lambda: f.mod.dumps(f.f), lambda: setattr(fp.pads[i].at, "x", bad))
    elif op == 5:
        bad = rng.choice([pcb.Line(start=pcb.Xy(x=0, y=0), end=pcb.Xy(x=1, y=1)), "pad", 3, None])
        unchanged(lambda: f.mod.dumps(f.f), lambda: fp.pads.append(bad))
    elif op == 6 and n:
        i = rng.randrange(n)
        unchanged(lambda: f.mod.dumps(f.f), lambda: setattr(fp.pads[i], "shape", rng.choice(["two words", "(", "", 5])))
    elif op == 7 and n:
        i = rng.randrange(n)
        layers = rng.choice([["F.Cu"], ["B.Cu", "B.Mask"], []])
        fp.pads[i].layers = layers
        f.pads[i].layers = list(layers)
    elif op == 8 and n:
        i = rng.randrange(n)
        fp.pads[i].layers.append("F.Paste")
        f.pads[i].layers.append("F.Paste")
    elif op == 9 and f.lines:
        del fp.fp_lines[rng.randrange(f.lines)]
        f.lines -= 1
    elif op == 10 and n:
        # A pad of another file (or the same one) put in: a copy, by value.
        other = rng.choice(live())
        if len(other.pads):
            j = rng.randrange(len(other.pads))
            src = other.f.footprint.pads[j]
            fp.pads.append(src)
            f.pads.append(Pad(src.name, src.at.x, list(src.layers)))
    elif op == 11 and n:
        i = rng.randrange(n)
        r = rng.randrange(-10, 10) / 4
        fp.pads[i].at = pcb.Xyr(x=r, y=1, r=90)
        f.pads[i].x = r
    elif op == 12:
        gc.collect()
    elif op == 13 and rng.random() < 0.3:
        keep = fp.pads[0] if n else None
        f.f.free()
        f.freed = True
        for what in (lambda: f.mod.dumps(f.f), lambda: f.f.footprint, lambda: keep.name if keep else f.f.footprint):
            try:
                what()
            except ReferenceError:
                pass
            else:
                raise AssertionError("a freed file was readable")
    f.check()
    # Every view reads its own pad, or raises ReferenceError once that pad left its file.
    for vf, model, view in views[-30:]:
        try:
            name, x = view.name, view.at.x
        except ReferenceError:
            assert not model.alive or vf.freed, "a view of a live pad raised ReferenceError"
            continue
        assert model.alive and not vf.freed, "a view of a removed pad still reads"
        assert name == model.name and math.isclose(x, model.x, abs_tol=1e-9), (name, x, model.name, model.x)

print(f"ok {seed}")
'''


@pytest.mark.parametrize("seed", range(12))
def test_hostile_sequences_on_footprints(seed: int) -> None:
    paths = [str(FIXTURES / n) for n in ("C0603-v5.kicad_mod", "SOT-23-5_RIT-v6.kicad_mod", "test-v8.kicad_mod")]
    run_child(CHILD.replace("PATHS_HERE", repr(paths)), seed, 300)
