"""tools/build.py and its library py/pyzig_build: naming, cargo invocation, build keys, the .pth, Makefile."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from pyzig_build import cargo, ensure, layout, pth, sourcekey

REPO = layout.ROOT


@pytest.mark.parametrize("name", layout.all_module_names())
def test_module_built_with_interpreter_suffix(name: str) -> None:
    module = layout.find_module(name)
    suffix = sysconfig.get_config_var("EXT_SUFFIX")
    assert module.dest().name.endswith(suffix)
    assert module.dest().is_file(), f"{module.dest()} not built (conftest builds every module)"
    mode = ensure.requested_mode(module)
    assert ensure.is_current(module, sourcekey.build_key(module.crate_dir, REPO, mode))


def test_module_destinations() -> None:
    pyzig = layout.find_module("pyzig")
    assert pyzig.import_name == "pyzig._pyzig"
    assert pyzig.dest(".X.so") == REPO / "py" / "pyzig" / "_pyzig.X.so"
    testmod = layout.find_module("pyzig_testmod")
    assert testmod.import_name == "pyzig_testmod"
    assert testmod.dest(".X.so") == REPO / "py" / "pyzig_testmod.X.so"


def test_unknown_module_is_a_clear_error() -> None:
    with pytest.raises(SystemExit, match=r"no extension crate modules/nope/Cargo.toml \(known: .*pyzig"):
        layout.find_module("nope")


@pytest.mark.parametrize("mode,profile", [("debug", "dev"), ("release", "release"),
                                          ("release-safe", "release-safe"), ("release-small", "release-small")])
def test_cargo_command_per_mode(mode: str, profile: str) -> None:
    cmd = cargo.cargo_command(layout.find_module("pyzig"), mode)
    assert cmd[cmd.index("--profile") + 1] == profile
    assert cmd[cmd.index("-p") + 1] == "pyzig-module"


def test_unknown_mode_rejected(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ValueError, match="unknown build mode 'fast'"):
        cargo.cargo_command(layout.find_module("pyzig"), "fast")
    monkeypatch.setenv("PYZIG_RELEASEMODE", "ReleaseFast")
    with pytest.raises(ValueError, match="PYZIG_RELEASEMODE='ReleaseFast' is not one of debug, release-safe"):
        ensure.requested_mode(layout.find_module("pyzig"))


def test_cargo_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RUSTFLAGS", "-C target-cpu=native -C debuginfo=1")
    monkeypatch.delenv("CARGO_TARGET_DIR", raising=False)
    env = cargo.cargo_env(layout.find_module("pyzig"))
    assert env["PYZIG_PYTHON"] == sys.executable
    tag = f"py{sys.version_info[0]}.{sys.version_info[1]}"
    assert Path(env["CARGO_TARGET_DIR"]).name.startswith(tag)
    assert Path(env["CARGO_TARGET_DIR"]).parent == REPO / "target"
    flags = env["RUSTFLAGS"].split()
    cpus = [f for f in flags if f.startswith("target-cpu=")]
    if os.uname().machine == "x86_64":
        assert cpus[-1] == "target-cpu=x86-64", "the baseline CPU must come last so it wins over native"
    assert "debuginfo=1" in flags


def _crate(d: Path, name: str, deps: str = "") -> None:
    (d / "src").mkdir(parents=True)
    (d / "Cargo.toml").write_text(f'[package]\nname = "{name}"\nversion = "0.1.0"\n\n{deps}')
    (d / "src" / "lib.rs").write_text(f"// {name}\n")


def test_build_key_tracks_path_dependencies(tmp_path: Path) -> None:
    ws = tmp_path
    (ws / "Cargo.toml").write_text('[workspace]\nmembers = ["a", "b", "c", "d"]\n\n[workspace.dependencies]\n'
                                   'c = { path = "c" }\n')
    (ws / "Cargo.lock").write_text("# lock\n")
    _crate(ws / "a", "a", '[dependencies]\nb = { path = "../b" }\n\n[dev-dependencies]\nd = { path = "../d" }\n')
    _crate(ws / "b", "b", '[build-dependencies.c]\nworkspace = true\n')
    _crate(ws / "c", "c")
    _crate(ws / "d", "d")
    (ws / "a" / "tests").mkdir()
    (ws / "a" / "tests" / "t.rs").write_text("// test\n")
    closure = sourcekey.crate_closure(ws / "a", ws)
    assert [p.name for p in closure] == ["a", "b", "c"]  # d is a dev-dependency only

    def key() -> str:
        return sourcekey.build_key(ws / "a", ws, "debug")

    k0 = key()
    assert key() == k0
    assert sourcekey.build_key(ws / "a", ws, "release") != k0
    (ws / "a" / "tests" / "t.rs").write_text("// changed test\n")
    (ws / "d" / "src" / "lib.rs").write_text("// changed dev-dependency\n")
    (ws / "a" / "README.md").write_text("not a source")
    assert key() == k0, "tests, dev-dependencies and non-sources do not change the library"
    for changed in (ws / "c" / "src" / "lib.rs", ws / "Cargo.lock", ws / "b" / "Cargo.toml"):
        before = key()
        changed.write_text(changed.read_text() + "// edit\n")
        assert key() != before, f"editing {changed.relative_to(ws)} must change the key"
    before = key()
    (ws / "c" / "src" / "snippet.pyi").write_text("# included by include_str!\n")
    assert key() != before, "any file under src/ may be included by the library"
    (ws / "c" / "src" / "new.rs").write_text("")
    before = key()
    (ws / "c" / "src" / "new.rs").rename(ws / "c" / "src" / "renamed.rs")
    assert key() != before, "renaming a source changes the key"


def test_pth_makes_pyzig_importable_from_anywhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site_dir = tmp_path / "site"
    monkeypatch.setattr(pth, "_candidates", lambda: [site_dir])
    where = pth.install(layout.PY_DIR)
    assert where == site_dir / pth.PTH_NAME
    assert where.read_text() == str(layout.PY_DIR) + "\n"
    assert pth.install(layout.PY_DIR) == where  # idempotent
    code = "import site, sys; site.addsitedir(sys.argv[1]); import pyzig; print(pyzig.__file__)"
    # -S: no site-packages of the interpreter (a real .pth there must not answer for ours)
    out = subprocess.run([sys.executable, "-I", "-S", "-c", code, str(site_dir)], cwd="/", capture_output=True,
                         text=True, env=dict(os.environ, PYZIG_NORECOMPILE="1"), check=True)
    assert Path(out.stdout.strip()) == layout.PY_DIR / "pyzig" / "__init__.py"


def test_stubs_only_into_other_dir_leaves_py_alone(tmp_path: Path) -> None:
    before = {p: p.stat().st_mtime_ns for p in layout.PY_DIR.rglob("*.pyi")}
    subprocess.run([sys.executable, str(REPO / "tools" / "build.py"), "--stubs-only", "--all",
                    "--out", str(tmp_path)], check=True, capture_output=True)
    assert {p: p.stat().st_mtime_ns for p in layout.PY_DIR.rglob("*.pyi")} == before
    assert any(tmp_path.rglob("*.pyi")), "each module's _stubs() must return at least one stub"


@pytest.mark.parametrize("target", ["release", "debug", "release-safe", "stubs", "clean"])
def test_makefile_honours_python(target: str) -> None:
    out = subprocess.run(["make", "-n", "-C", str(REPO), target, "PYTHON=/opt/elsewhere/python3"],
                         capture_output=True, text=True, check=True).stdout
    assert "/opt/elsewhere/python3 tools/build.py" in out


@pytest.mark.parametrize("script", ["test.sh", "test-python.sh", "bench.sh", "gdb.sh", "pythons.sh"])
def test_scripts_use_python_variable(script: str) -> None:
    text = (REPO / "tools" / script).read_text()
    assert "${PYTHON:-python3}" in text
    out = subprocess.run(["bash", "-n", str(REPO / "tools" / script)], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr


def test_ci_runs_only_make_test() -> None:
    lines = [ln.strip() for ln in (REPO / ".ci" / "run").read_text().splitlines()]
    commands = [ln for ln in lines if ln and not ln.startswith("#") and not ln.startswith(("set ", "cd "))]
    assert commands == ["make test"]
    assert "make test" in (REPO / "README.md").read_text()


def test_pytest_collecting_nothing_fails_the_run() -> None:
    """pytest's exit 5 (no tests) must fail test-python.sh, not pass it."""
    mode = ensure.requested_mode(layout.find_module("pyzig"))  # keep the modules this run built
    env = dict(os.environ, PYZIG_TEST_PYTHONS=sys.executable, PYZIG_PYTEST_ARGS="-k no_such_test_anywhere",
               PYZIG_RELEASEMODE=mode)
    r = subprocess.run(["bash", str(REPO / "tools" / "test-python.sh")], env=env, capture_output=True, text=True,
                       timeout=600, stdin=subprocess.DEVNULL)
    assert r.returncode != 0
    assert "pytest collected NO tests" in r.stdout
    assert "FAIL(no tests)" in r.stdout


def _readme_crate() -> tuple[str, str]:
    """The Cargo.toml and src/lib.rs of the README's "Your own extension crate" section."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split("## Your own extension crate", 1)[1].split("\n## ", 1)[0]
    toml = section.split("```toml\n", 1)[1].split("```", 1)[0]
    rust = section.split("```rust,ignore\n", 1)[1].split("```", 1)[0]
    return toml.replace("/path/to/pyzig", str(REPO)), rust


def test_outside_crate_gets_the_repository_profiles(tmp_path: Path) -> None:
    toml, rust = _readme_crate()
    (tmp_path / "src").mkdir()
    (tmp_path / "Cargo.toml").write_text(toml)
    m = layout.outside_crate(tmp_path)
    assert (m.package, m.lib_name, m.import_name) == ("geometry", "geometry", "geometry")
    cmd = cargo.cargo_command(m, "release")
    configs = [cmd[i + 1] for i, a in enumerate(cmd) if a == "--config"]
    assert 'profile.release.lto="fat"' in configs and "profile.release.codegen-units=1" in configs
    assert "--config" not in cargo.cargo_command(layout.find_module("pyzig"), "release")  # our own has them
    (tmp_path / "Cargo.toml").write_text(toml.replace('crate-type = ["cdylib"]', ""))
    with pytest.raises(SystemExit, match="cdylib"):
        layout.outside_crate(tmp_path)


@pytest.mark.full
def test_readme_outside_crate_builds_and_imports(tmp_path: Path) -> None:
    """The README's example crate, in a directory of its own, built by `tools/build.py --crate`, imports."""
    toml, rust = _readme_crate()
    crate = tmp_path / "geometry"
    (crate / "src").mkdir(parents=True)
    (crate / "Cargo.toml").write_text(toml)
    (crate / "src" / "lib.rs").write_text(rust)
    site = tmp_path / "site"
    env = dict(os.environ)
    env.pop("CARGO_TARGET_DIR", None)
    proc = subprocess.run([sys.executable, str(REPO / "tools" / "build.py"), "--crate", str(crate), "--out", str(site),
                           "--mode", "debug"], env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert (site / ("geometry" + sysconfig.get_config_var("EXT_SUFFIX"))).is_file()
    assert "class Point" in (site / "geometry.pyi").read_text()
    check = ("import geometry; p = geometry.Point(x=3.0, y=4.0); assert p.norm() == 5.0;"
             "assert geometry.midpoint(p, geometry.Point()) == geometry.Point(x=1.5, y=2.0); print('ok')")
    run = subprocess.run([sys.executable, "-c", check], cwd=site, capture_output=True, text=True)
    assert run.returncode == 0 and run.stdout.strip() == "ok", run.stderr
