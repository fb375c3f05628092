#!/usr/bin/env bash
# The Python suite under valgrind memcheck (PYTHONMALLOC=malloc, so every object allocation is one valgrind
# sees), with the modules in debug for $PYTHON. Fails when any error's stack passes through one of our
# shared objects (tools/valgrind_report.py); errors inside the interpreter alone are counted and printed.
#
#   tools/valgrind.sh quick     # part of `make test`: the binding, graph and pyzig_sexp unit tests (~3 min)
#   tools/valgrind.sh full      # `make valgrind`: every test file but the builds, stubs and corpus walks
#
# Child interpreters the tests start are not traced (they test exits and crashes, which valgrind would
# only slow down 50x). Logs: target/valgrind/vg-PID.xml.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
repo=$(pwd)
kind="${1:-quick}"
case "$kind" in quick|full) ;; *) echo "usage: tools/valgrind.sh [quick|full]" >&2; exit 2;; esac

bash tools/apt.sh valgrind || exit $?
PYTHON="${PYTHON:-python3}"
py=$("$PYTHON" -c 'import sys; print(sys.executable)') || exit 1  # the real binary, not a pyenv shim
"$py" -c 'import pytest' 2>/dev/null || { echo "valgrind: pytest is missing for $py (tools/test-python.sh installs it)"; exit 1; }
PYZIG_RELEASEMODE=debug "$py" tools/build.py --mode debug --all --no-pth || exit 1

deselect=(-k "not daemon and not at_exit and not recursion_through_callbacks and not corpus and not pcbnew")
case "$kind" in
    quick) files=(tests/test_binding_calls.py tests/test_binding_records.py tests/test_binding_ownership.py
                  tests/test_graph_api.py tests/test_graph_lifetime.py tests/test_reliability.py
                  tests/test_sexp_footprints.py tests/test_hostile_records.py) ;;
    full)  mapfile -t files < <(ls tests/test_*.py | grep -v -e test_stubs -e test_build_ -e test_graph_stress) ;;
esac

logs="target/valgrind"
rm -rf "$logs"; mkdir -p "$logs"
echo "valgrind: memcheck over ${#files[@]} test files with $py"
t0=$SECONDS
PYZIG_NORECOMPILE=1 PYZIG_CORPUS=sample PYZIG_HYPOTHESIS=smoke PYTHONMALLOC=malloc \
    valgrind --tool=memcheck --xml=yes --xml-file="$logs/vg-%p.xml" --num-callers=40 --leak-check=no \
    "$py" -m pytest -q -p no:cacheprovider "${files[@]}" "${deselect[@]}"
rc=$?
echo "valgrind: pytest exit $rc after $((SECONDS - t0)) s"
"$py" tools/valgrind_report.py "$repo" "$logs"/vg-*.xml || exit 1
exit $rc
