#!/usr/bin/env bash
# The Python suite under Debian's debug interpreter, python3.11-dbg (Py_DEBUG: reference-count and GC
# assertions, sys.gettotalrefcount), and the reference-leak hunt that needs it.
#
#   tools/debug-python.sh test [PYTEST ARGS...]     # the whole suite (tests/), or what the arguments select
#   tools/debug-python.sh refleak [quick|full]      # regrtest-style -R 3:3 runs (tools/pytest_refleak.py)
#
# Installs python3.11-dbg and python3.11-venv (tools/apt.sh) when missing, makes a venv for it in
# $PYZIG_DBG_VENV (default target/venv-3.11d) with pytest and hypothesis, and builds every module in debug
# for it (the suffix is .cpython-311d-x86_64-linux-gnu.so, beside the other interpreters' modules).
#
# refleak quick (part of `make test`): the binding, graph, odd-use and reliability tests, 3:3.
# refleak full (`make refleak`): every test file but the builds, stubs and the corpus walks, 3:3.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

cmd="${1:-}"; shift || true
case "$cmd" in test|refleak) ;; *) echo "usage: tools/debug-python.sh test [ARGS...] | refleak [quick|full]" >&2; exit 2;; esac

bash tools/apt.sh python3.11-dbg python3.11-venv || exit $?
dbg=$(command -v python3.11-dbg) || { echo "debug-python: python3.11-dbg not found after installing it" >&2; exit 1; }
venv="${PYZIG_DBG_VENV:-target/venv-3.11d}"
py="$venv/bin/python"
if [[ ! -x "$py" ]]; then
    echo "debug-python: making $venv from $dbg"
    "$dbg" -m venv "$venv" || exit 1
fi
if ! "$py" -c 'import pytest, hypothesis' 2>/dev/null; then
    "$py" -m pip install --disable-pip-version-check -q "pytest>=7" "hypothesis>=6.100" || exit 1
fi
"$py" -c 'import sys; assert hasattr(sys, "gettotalrefcount"), "not a debug interpreter"' || exit 1

export PYZIG_GEN_READONLY="${PYZIG_GEN_READONLY:-1}" PYZIG_RELEASEMODE=debug
"$py" tools/build.py --mode debug --all --no-pth || exit 1
export PYZIG_NORECOMPILE=1

# What needs tools a debug venv does not hold (mypy: its wheels are built for the release ABI), or builds
# modules of its own (wheels, builds in a copy of the checkout): the release interpreters run those.
not_here=(--ignore=tests/test_stubs.py --ignore=tests/test_build_wheel.py --ignore=tests/test_build_on_import.py
          --ignore=tests/test_build_tool.py --ignore=tests/test_build_gdb.py)

if [[ "$cmd" == test ]]; then
    if [[ $# -eq 0 ]]; then set -- tests/ "${not_here[@]}"; fi
    export PYZIG_CORPUS="${PYZIG_CORPUS:-sample}" PYZIG_HYPOTHESIS="${PYZIG_HYPOTHESIS:-smoke}"
    "$py" -X dev -m pytest -q -p no:cacheprovider "$@"
    rc=$?
    [[ $rc -eq 5 ]] && echo "debug-python: pytest collected NO tests: counted as a failure"
    exit $rc
fi

set_kind="${1:-quick}"
case "$set_kind" in
    quick) files=(tests/test_binding_calls.py tests/test_binding_records.py tests/test_binding_ownership.py
                  tests/test_graph_api.py tests/test_graph_lifetime.py tests/test_odd_uses.py
                  tests/test_reliability.py tests/test_sexp_enums.py)
           extra=(-k "not daemon and not at_exit and not recursion_through_callbacks") ;;
    full)  mapfile -t files < <(ls tests/test_*.py | grep -v -e test_stubs -e test_build_ -e test_graph_stress)
           extra=(-k "not daemon and not at_exit and not recursion_through_callbacks and not corpus") ;;
    *) echo "usage: tools/debug-python.sh refleak [quick|full]" >&2; exit 2 ;;
esac
# The tests that run child interpreters measure nothing in this one (deselected above); the corpus walks
# would take an hour at six runs each.
report="${PYZIG_REFLEAK_REPORT:-target/refleak-$set_kind.json}"
PYZIG_CORPUS=sample PYZIG_HYPOTHESIS=smoke PYTHONPATH="tools${PYTHONPATH:+:$PYTHONPATH}" "$py" -m pytest -q -p no:cacheprovider \
    -p pytest_refleak --refleak=3:3 --refleak-report="$report" "${files[@]}" "${extra[@]}"
