"""Boards through pyzig_sexp against the engine, kiutils, kicadfiles (PyPI) and KiCad 6's pcbnew, in one run.

Rows (CPU time of the measuring thread; pcbnew's is measured inside its own process):
- typed `pcb.loads` / the engine's parse of the same `str`, unmodified `pcb.dumps` / the engine's print;
- `dumps` after moving every footprint (MB/s);
- "load, walk, edit, dump": read every footprint's reference, position and pads (number, position), every
  track's ends and width; move every footprint by (1 mm, 1 mm); write the text (pcbnew: `LoadBoard`, the
  same reads through its API, `Move`, `SaveBoard`);
- memory of a loaded board (from the file's bytes, which it keeps) against its size, and RSS after loading
  and dropping it 100 times;
- fidelity: boards written back byte for byte, loaded, failed, per library, over the demo and fixture boards.

    python bench/kicad/boards.py [--rounds 5] [--quick]     (bench/kicad/run.sh runs it after bench.py)
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from pyzig_sexp import _pyzig_sexp as native
from pyzig_sexp import pcb

from bench import cpu, row  # the same timing and table layout as the library-file rows

FIXTURES = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "kicad"
DEMOS = Path("/usr/share/kicad/demos")
SYSTEM_PYTHON = Path("/usr/bin/python3")


def rss() -> int:
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    return 0


# ---- load, walk, edit, dump: the same work through each library ----

def lwed_ours(path: Path) -> int:
    f = pcb.loads(path.read_text(encoding="utf-8"))
    board = f.kicad_pcb
    n = 0
    for fp in board.footprints:
        ref = next((t.text for t in fp.fp_texts if t.type == "reference"), None)
        if ref is None:
            ref = next((p.value for p in fp.propertys if p.name == "Reference"), "")
        at = fp.at
        n += len(ref) + int(at.x + at.y)
        for pad in fp.pads:
            pa = pad.at
            n += len(pad.name) + int(pa.x + pa.y)
    for t in board.segments:
        s, e = t.start, t.end
        n += int(s.x + s.y + e.x + e.y + t.width)
    for fp in board.footprints:
        at = fp.at
        at.x += 1
        at.y += 1
    return n + len(pcb.dumps(f))


def lwed_kiutils(path: Path) -> int:
    from kiutils.board import Board

    b = Board.from_file(str(path))
    n = 0
    for fp in b.footprints:
        ref = fp.properties.get("Reference") if isinstance(fp.properties, dict) else None
        if ref is None:
            ref = next((g.text for g in fp.graphicItems if getattr(g, "type", None) == "reference"), "")
        n += len(ref) + int(fp.position.X + fp.position.Y)
        for pad in fp.pads:
            n += len(pad.number) + int(pad.position.X + pad.position.Y)
    for t in b.traceItems:
        if type(t).__name__ == "Segment":
            n += int(t.start.X + t.start.Y + t.end.X + t.end.Y + t.width)
    for fp in b.footprints:
        fp.position.X += 1
        fp.position.Y += 1
    return n + len(b.to_sexpr())


PCBNEW_LWED = r"""
import json, sys, time, pcbnew
path, out, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
def once():
    b = pcbnew.LoadBoard(path)
    n = 0
    for fp in b.GetFootprints():
        p = fp.GetPosition()
        n += len(fp.GetReference()) + int((p.x + p.y) / 1e6)
        for pad in fp.Pads():
            q = pad.GetPosition()
            n += len(pad.GetNumber()) + int((q.x + q.y) / 1e6)
    for t in b.GetTracks():
        if t.GetClass() == "PCB_TRACK":
            s, e = t.GetStart(), t.GetEnd()
            n += int((s.x + s.y + e.x + e.y + t.GetWidth()) / 1e6)
    for fp in b.GetFootprints():
        fp.Move(pcbnew.wxPoint(1000000, 1000000))
    pcbnew.SaveBoard(out, b)
    return n
once()
times = []
for _ in range(rounds):
    t = time.thread_time()
    once()
    times.append(time.thread_time() - t)
times.sort()
print(json.dumps(times[len(times) // 2]))
"""


def lwed_pcbnew(path: Path, rounds: int) -> float | None:
    if not SYSTEM_PYTHON.exists():
        return None
    with tempfile.TemporaryDirectory() as d:
        r = subprocess.run([str(SYSTEM_PYTHON), "-c", PCBNEW_LWED, str(path), os.path.join(d, "out.kicad_pcb"),
                            str(rounds)], capture_output=True, text=True, env={**os.environ, "PYTHONPATH": ""})
    if r.returncode != 0:
        print(f"WARNING: pcbnew failed on {path.name}: {r.stderr[-300:]}", file=sys.stderr)
        return None
    return json.loads(r.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--quick", action="store_true", help="fewer rounds, no kiutils on the big board")
    args = ap.parse_args()
    rounds = 2 if args.quick else args.rounds
    video = DEMOS / "video" / "video.kicad_pcb"
    boards = ([video] if video.is_file() else []) + [FIXTURES / "esp32_minimal.kicad_pcb"]
    if not video.is_file():
        print("######## bench-kicad boards: kicad-demos UNAVAILABLE; measuring the fixture board only ########")
    print(f"\nboards: {', '.join(f'{p.name} ({p.stat().st_size / 1e6:.1f} MB)' for p in boards)}; "
          f"CPU time, median of {rounds}")

    print("\n== boards: typed layer against the engine (target <= 1.25); dumps after moving every footprint (target >= 300 MB/s)")
    row("", ["engine ms", "typed ms", "ratio", "MB/s"])
    for p in boards:
        text = p.read_text(encoding="utf-8")
        mb = len(text.encode()) / 1e6
        t_parse = cpu(lambda: native._engine_parse(text), rounds)
        t_loads = cpu(lambda: pcb.loads(text), rounds)
        f = pcb.loads(text)
        t_print = cpu(lambda: native._engine_print(f), rounds)
        t_dumps = cpu(lambda: pcb.dumps(f), rounds)
        for fp in f.kicad_pcb.footprints:
            fp.at.x += 1
            fp.at.y += 1
        t_moved = cpu(lambda: pcb.dumps(f), rounds)
        row(f"{p.name}: loads vs parse", [f"{t_parse*1e3:.1f}", f"{t_loads*1e3:.1f}", f"{t_loads/t_parse:.2f}x", f"{mb/t_loads:.0f}"])
        row(f"{p.name}: unmodified dumps vs print", [f"{t_print*1e3:.1f}", f"{t_dumps*1e3:.1f}", f"{t_dumps/t_print:.2f}x", ""])
        row(f"{p.name}: dumps, every footprint moved", ["", f"{t_moved*1e3:.1f}", "", f"{mb/t_moved:.0f}"])

    print("\n== boards: load, walk, edit, dump, seconds; ratio = peer / pyzig_sexp (targets: kiutils >= 50x, pcbnew >= 10x)")
    row("", ["pyzig_sexp s", "kiutils s", "ratio", "pcbnew s", "ratio"])
    for p in boards:
        ours = cpu(lambda: lwed_ours(p), rounds)
        big = p.stat().st_size > 2_000_000
        if args.quick and big:
            ki = None
        else:
            try:
                ki = cpu(lambda: lwed_kiutils(p), 1 if big else rounds)
            except Exception as e:  # noqa: BLE001 - a peer failing is a finding
                print(f"WARNING: kiutils failed on {p.name}: {type(e).__name__}: {e}", file=sys.stderr)
                ki = None
        pn = lwed_pcbnew(p, rounds)
        row(p.name, [f"{ours:.3f}", f"{ki:.3f}" if ki else "-", f"{ki/ours:.0f}x" if ki else "",
                     f"{pn:.3f}" if pn else "-", f"{pn/ours:.0f}x" if pn else ""])

    print("\n== boards: memory (target <= 2.5x the file); RSS after 100 loads and drops (target: flat)")
    for p in boards:
        text = p.read_text(encoding="utf-8")
        # Enough copies to weigh some 30 MB, so that page and arena granularity do not dominate. Each from
        # the file's bytes, which the board keeps as its text: a `str` of a file with non-ASCII text (esp32's
        # "±") is stored 2 or 4 bytes a character, plus its UTF-8 form, and would weigh the str, not the board.
        copies = max(3, int(30e6 / len(text.encode())))
        gc.collect()
        before = rss()
        keep = [pcb.loads(p.read_bytes()) for _ in range(copies)]
        grown = (rss() - before) / copies
        del keep
        gc.collect()
        base = rss()
        for _ in range(100):
            pcb.loads(text).kicad_pcb.footprints[0].at.x += 1
        gc.collect()
        row(p.name, [f"{grown/1e6:.1f} MB", f"{grown/len(text.encode()):.2f}x size", f"RSS +{(rss()-base)/1e6:.1f} MB"])

    print("\n== boards: fidelity (written back byte for byte / loaded, and load failures)")
    files = (sorted(DEMOS.rglob("*.kicad_pcb")) if DEMOS.is_dir() else []) + sorted(FIXTURES.glob("*.kicad_pcb"))
    row("", ["identical", "loaded", "failed"])
    peers = {"pyzig_sexp": lambda p, t: pcb.dumps(pcb.loads(t))}
    try:
        from kiutils.board import Board

        peers["kiutils"] = lambda p, t: Board.from_file(str(p)).to_sexpr()
    except ImportError:
        print("WARNING: kiutils is not installed; its row is empty", file=sys.stderr)
    try:
        import kicadfiles as k

        lenient = list(k.ParseStrictness)[-1]
        peers["kicadfiles"] = lambda p, t: k.KicadPcb.from_file(str(p), strictness=lenient).to_sexpr_str()
    except ImportError:
        print("WARNING: kicadfiles is not installed; its row is empty", file=sys.stderr)
    for name, rt in peers.items():
        same = loaded = failed = 0
        for p in files:
            text = p.read_text(encoding="utf-8")
            try:
                out = rt(p, text)
            except Exception:  # noqa: BLE001 - counted
                failed += 1
                continue
            loaded += 1
            same += out == text
        row(name, [f"{same}/{len(files)}", f"{loaded}", f"{failed}"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
