"""Hostile use of `pyzig_sexp.pcb`: random sequences of reads, writes, list surgery (tracks, vias, layers),
values of the wrong type, objects moved between boards, `free()` and GC, on the KiCad 8 and 9 fixture boards,
each run in a child interpreter (a crash fails with the seed and the operation log).

The child keeps a pure-Python model of each board: its footprints' x, its tracks (start x, width), its via
count and its layers (number, name). After every operation the board's text, loaded again by a fresh
parser, must equal the model; a failed operation must leave the text unchanged; a view of a removed track
must raise `ReferenceError` while views of the other tracks keep reading their own."""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile import run_child

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "kicad"

CHILD = r'''
import gc, math
from pyzig_sexp import pcb

PATHS = PATHS_HERE


class Track:
    def __init__(self, x, width):
        self.x, self.width, self.alive = x, width, True


class Board:
    def __init__(self, path):
        self.f = pcb.loads(open(path, encoding="utf-8").read())
        b = self.f.kicad_pcb
        self.fps = [fp.at.x for fp in b.footprints]
        self.tracks = [Track(s.start.x, s.width) for s in b.segments]
        self.vias = len(b.vias)
        self.layers = [(x.number, x.name) for x in b.layers]
        self.freed = False

    def check(self):
        if self.freed:
            return
        again = pcb.loads(pcb.dumps(self.f)).kicad_pcb
        close = lambda a, b: all(math.isclose(x, y, abs_tol=1e-9) for x, y in zip(a, b)) and len(a) == len(b)
        assert close([fp.at.x for fp in again.footprints], self.fps)
        got = [(s.start.x, s.width) for s in again.segments]
        assert close([g[0] for g in got], [t.x for t in self.tracks]), (len(got), len(self.tracks))
        assert close([g[1] for g in got], [t.width for t in self.tracks])
        assert len(again.vias) == self.vias
        assert [(x.number, x.name) for x in again.layers] == self.layers


boards = [Board(p) for p in PATHS]
views = []  # (board, model track, view of it)


def live():
    return [b for b in boards if not b.freed]


for step in range(steps):
    bs = live()
    if not bs:
        boards.append(Board(rng.choice(PATHS)))
        continue
    bd = rng.choice(bs)
    b = bd.f.kicad_pcb
    op = rng.randrange(14)
    n, nf = len(bd.tracks), len(bd.fps)
    LOG.append(f"{step}: op {op} on a board with {n} tracks, {nf} footprints, {bd.vias} vias")
    if op == 0 and n:
        i = rng.randrange(n)
        views.append((bd, bd.tracks[i], b.segments[i]))
    elif op == 1 and nf:
        i = rng.randrange(nf)
        dx = rng.choice([1, -0.5, 0.001])
        b.footprints[i].at.x += dx
        bd.fps[i] += dx
    elif op == 2 and n:
        i = rng.randrange(n)
        w = rng.choice([0.1, 0.25, 1.5])
        b.segments[i].width = w
        bd.tracks[i].width = w
    elif op == 3 and n:
        i = rng.randrange(-n, n)
        popped = b.segments.pop(i)
        gone = bd.tracks.pop(i)
        gone.alive = False
        assert math.isclose(popped.start.x, gone.x, abs_tol=1e-9)
    elif op == 4:
        i = rng.randrange(n + 1)
        x = rng.choice([0.0, 12.5, -3.25, 1e-7])
        seg = pcb.Segment(start=pcb.Xy(x=x, y=1), end=pcb.Xy(x=x + 1, y=1), width=0.2, layer="F.Cu", net=0)
        b.segments.insert(i, seg)
        bd.tracks.insert(i, Track(x, 0.2))
        seg.width = 9.0  # the board holds a copy
    elif op == 5 and n:
        i = rng.randrange(n)
        bad = rng.choice(["abc", None, [1], float("nan"), float("inf"), object()])
        unchanged(lambda: pcb.dumps(bd.f), lambda: setattr(b.segments[i], "width", bad))
    elif op == 6:
        bad = rng.choice([pcb.Via(at=pcb.Xy(x=0, y=0)), "segment", 3, None, pcb.Layer(number=1, name="x")])
        unchanged(lambda: pcb.dumps(bd.f), lambda: b.segments.append(bad))
    elif op == 7 and bd.vias:
        del b.vias[rng.randrange(bd.vias)]
        bd.vias -= 1
    elif op == 8:
        # A track of another board (or this one) put in: a copy, by value.
        other = rng.choice(live())
        if other.tracks:
            j = rng.randrange(len(other.tracks))
            src = other.f.kicad_pcb.segments[j]
            b.segments.append(src)
            bd.tracks.append(Track(src.start.x, src.width))
    elif op == 9:
        num = rng.choice([58, 60, 62])
        b.layers.append(pcb.Layer(number=num, name=f"User.{num}", type="user"))
        bd.layers.append((num, f"User.{num}"))
    elif op == 10 and len(bd.layers) > 20:
        i = rng.randrange(len(bd.layers))
        b.layers.pop(i)
        bd.layers.pop(i)
    elif op == 11 and bd.layers:
        i = rng.randrange(len(bd.layers))
        unchanged(lambda: pcb.dumps(bd.f), lambda: setattr(b.layers[i], "number", rng.choice(["x", None, 1.5, [1]])))
    elif op == 12:
        gc.collect()
    elif op == 13 and rng.random() < 0.3:
        keep = b.segments[0] if n else None
        bd.f.free()
        bd.freed = True
        for what in (lambda: pcb.dumps(bd.f), lambda: bd.f.kicad_pcb, lambda: keep.width if keep else bd.f.kicad_pcb):
            try:
                what()
            except ReferenceError:
                pass
            else:
                raise AssertionError("a freed board was readable")
    bd.check()
    for vb, model, view in views[-30:]:
        try:
            x, w = view.start.x, view.width
        except ReferenceError:
            assert not model.alive or vb.freed, "a view of a live track raised ReferenceError"
            continue
        assert model.alive and not vb.freed, "a view of a removed track still reads"
        assert math.isclose(x, model.x, abs_tol=1e-9) and math.isclose(w, model.width, abs_tol=1e-9)

print(f"ok {seed}")
'''


@pytest.mark.parametrize("seed", range(8))
def test_hostile_sequences_on_boards(seed: int) -> None:
    paths = [str(FIXTURES / n) for n in ("esp32_minimal.kicad_pcb", "test-v8.kicad_pcb", "test-v9.kicad_pcb")]
    run_child(CHILD.replace("PATHS_HERE", repr(paths)), seed, 200)
