"""gen/ holds exactly what the built modules' ``_stubs()`` return, and mypy's stubtest agrees with runtime."""

from __future__ import annotations

import difflib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pyzig_build import layout, stubs

REPO = layout.ROOT
MODULES = layout.all_module_names()


def _tree(base: Path, files: set[str]) -> dict[str, bytes]:
    return {rel: (base / rel).read_bytes() for rel in sorted(files)}


@pytest.mark.parametrize("name", MODULES)
def test_gen_is_current(name: str, tmp_path: Path) -> None:
    module = layout.find_module(name)
    fresh = stubs.extract(module, layout.PY_DIR)
    assert fresh, f"{module.import_name}._stubs() returned no stub"
    stubs.write_tree(module, fresh, tmp_path)
    want = _tree(tmp_path, stubs.owned_files(module, tmp_path))
    have = _tree(layout.GEN_DIR, stubs.owned_files(module, layout.GEN_DIR))
    if have != want:
        report = []
        for rel in sorted(set(want) | set(have)):
            a = have.get(rel, b"").decode(errors="replace").splitlines(keepends=True)
            b = want.get(rel, b"").decode(errors="replace").splitlines(keepends=True)
            report += difflib.unified_diff(a, b, f"gen/{rel} (committed)", f"gen/{rel} (from the module)")
        pytest.fail("gen/ is stale: run `make stubs` and commit gen/\n" + "".join(report)[:6000])


@pytest.mark.parametrize("name", MODULES)
def test_stubs_are_deterministic(name: str) -> None:
    module = layout.find_module(name)
    assert stubs.extract(module, layout.PY_DIR) == stubs.extract(module, layout.PY_DIR)


def test_gen_has_no_orphans() -> None:
    owned: set[str] = set()
    for name in MODULES:
        owned |= stubs.owned_files(layout.find_module(name), layout.GEN_DIR)
    everything = {p.relative_to(layout.GEN_DIR).as_posix() for p in layout.GEN_DIR.rglob("*") if p.is_file()}
    assert everything - owned == set(), "files in gen/ that no module in modules/ generates"


@pytest.mark.parametrize("name", MODULES)
def test_stub_copies_in_py_match_gen(name: str) -> None:
    module = layout.find_module(name)
    fresh = stubs.extract(module, layout.PY_DIR)
    for rel, text in fresh.items():
        copy = layout.PY_DIR / rel
        assert copy.is_file() and copy.read_text(encoding="utf-8") == text, f"py/{rel} differs from the module's stub"
    assert (layout.PY_DIR / "pyzig" / "py.typed").is_file()


def test_extract_rejects_bad_paths() -> None:
    module = layout.find_module("pyzig")
    for bad in ("/abs/x.pyi", "pyzig/../../x.pyi", "pyzig/x.py", "other/x.pyi"):
        with pytest.raises(stubs.StubError):
            stubs.validate_path(module, bad)
    stubs.validate_path(module, "pyzig/graph/__init__.pyi")


@pytest.fixture(scope="module")
def user_python(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An interpreter set up as `make` sets up a user's: the checkout reached through a `.pth` in its
    site-packages, no PYTHONPATH, no MYPYPATH (a venv that sees this interpreter's mypy)."""
    venv = tmp_path_factory.mktemp("user") / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", "--without-pip", str(venv)], check=True)
    py = venv / "bin" / "python"
    site = subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                          check=True, capture_output=True, text=True).stdout.strip()
    (Path(site) / "pyzig-checkout.pth").write_text(f"{layout.PY_DIR}\n", encoding="utf-8")
    return py


@pytest.mark.parametrize("import_name", [layout.find_module(n).import_name.split(".")[0] for n in MODULES])
def test_stubtest(import_name: str, user_python: Path, tmp_path: Path) -> None:
    """`python -m mypy.stubtest NAME`, run from an unrelated directory as a user would, is clean. The test
    module is a single file, which PEP 561 does not find in site-packages, so it alone gets MYPYPATH."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "MYPYPATH")}
    env["PYZIG_NORECOMPILE"] = "1"
    if (layout.PY_DIR / f"{import_name}.pyi").is_file():
        env["MYPYPATH"] = str(layout.PY_DIR)
    r = subprocess.run([str(user_python), "-m", "mypy.stubtest", import_name], cwd=tmp_path, env=env,
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, f"stubtest {import_name}:\n{r.stdout}\n{r.stderr}"


def test_hand_written_signatures_replace_generated() -> None:
    """``#[stub("…")]`` replaces a function's generated stub signature (docstring kept) and ``stub_header``
    adds imports/TypeVars; the runtime ``__text_signature__`` stays the generated one."""
    import inspect

    import pyzig_testmod as m

    text = m._stubs()["pyzig_testmod.pyi"]
    head = text.split("class PanicException")[0]
    assert 'from collections.abc import Callable\nfrom typing import TypeVar\n\n_T = TypeVar("_T")\n' in head
    assert ("    def map(self, callback: Callable[[object], _T]) -> list[_T]:\n"
            '        """Calls `callback(item)` for every item, returns the results."""\n') in text
    assert "    def visit_mut(self, callback: Callable[[Bag], _T]) -> _T:\n" in text
    assert "def registry_point(x: float) -> Point:\n" in text
    assert "callback: object" not in text and "def registry_point(x: float) -> object" not in text
    assert str(inspect.signature(m.Bag.map)) == "(self, /, callback)"
    assert str(inspect.signature(m.registry_point)) == "(x)"


def test_graph_stub_signatures() -> None:
    from pyzig import _pyzig

    text = _pyzig._stubs()["pyzig/_pyzig.pyi"]
    value = "int | float | bool | str"
    for line in (
        f"def create(**attrs: {value}) -> NodeReference:",
        f"def get_attr(self, key: str) -> {value} | None:",
        f"def get_dynamic_attrs(self) -> dict[str, {value}]:",
        f"directional: bool | None = ..., name: str | None = ..., **attrs: {value}) -> EdgeReference:",
        "def visit_edges_of_type(self, edge_type: int, ctx: _T, f: Callable[[_T, BoundEdge], object], "
        "directed: bool | None = ...) -> None:",
        "def load(self, t: type[_T]) -> _T:",
        "def try_load(self, t: type[_T]) -> _T | None:",
    ):
        assert line in text, line
    assert ": object) -> object" not in text and "-> object:" not in text


_MYPY_GOOD = """
from pyzig.graph import BoundEdge, BoundNode, GraphView, NodeReference

class Payload:
    pass

g = GraphView.create()
a = g.insert_node(NodeReference.create(name="a", weight=1.5))
b = g.insert_node(NodeReference.create())
g.create_and_insert_edge(a, b, 1)
attrs: dict[str, int | float | bool | str] = a.node().get_dynamic_attrs()
seen: list[BoundEdge] = []

def visit(ctx: list[BoundEdge], e: BoundEdge) -> None:
    ctx.append(e)

a.visit_edges_of_type(1, seen, visit)
a.store(Payload())
p: Payload = a.load(Payload)
q: Payload | None = b.try_load(Payload)
"""

_MYPY_BAD = """
from pyzig.graph import BoundEdge, GraphView, NodeReference

g = GraphView.create()
a = g.insert_node(NodeReference.create(tags=[1]))
n: int = a.load(str)

def visit(ctx: int, e: BoundEdge) -> None:
    pass

a.visit_edges_of_type(1, "not an int", visit)
"""


def test_stubs_type_check_user_code(tmp_path: Path) -> None:
    """mypy --strict, finding the stubs beside the package (PEP 561), accepts correct use of the graph API
    and reports each misuse the hand-written signatures describe."""
    env = dict(os.environ, PYZIG_NORECOMPILE="1", PYTHONPATH=str(layout.PY_DIR))
    env.pop("MYPYPATH", None)

    def mypy(code: str) -> subprocess.CompletedProcess[str]:
        f = tmp_path / "snippet.py"
        f.write_text(code, encoding="utf-8")
        return subprocess.run([sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path / "cache"),
                               "--python-executable", sys.executable, str(f)],
                              cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)

    good = mypy(_MYPY_GOOD)
    assert good.returncode == 0, good.stdout + good.stderr
    bad = mypy(_MYPY_BAD)
    out = bad.stdout
    assert bad.returncode == 1, out + bad.stderr
    assert 'Argument "tags" to "create" of "NodeReference" has incompatible type "list[int]"' in out, out
    assert 'Incompatible types in assignment (expression has type "str", variable has type "int")' in out, out
    assert 'Argument 3 to "visit_edges_of_type" of "BoundNode" has incompatible type' in out, out
    assert out.count("error:") == 3, out
