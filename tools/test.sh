#!/usr/bin/env bash
# `make test`: installs what the tests need, then runs every test suite of the project, each part to the end
# even when an earlier one fails, and closes with one summary line.
#
# Build matrix (2 cores, CI budget 30 min): everything here is a debug build, except the modules of the asan
# part (release-safe, thin LTO: the inlining of a release build). The Python suite builds the modules once
# per interpreter into target/py3.X/ (tools/test-python.sh); the debug interpreter's in target/py3.11d,
# the sanitizer builds in target/asan and target/asan-py.
set -uo pipefail
cd "$(dirname "$0")/.."
export PYTHON="${PYTHON:-python3}"
# Keep gen/ exactly as committed so tests/test_stubs.py can tell when it is stale.
export PYZIG_GEN_READONLY=1
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

names=() statuses=() seconds=()
record() { names+=("$1"); statuses+=("$2"); seconds+=("$3"); }

part() {  # part NAME COMMAND... : run, time, record PASS/FAIL
    local name="$1"; shift
    echo; echo "======== [$name] $*"
    local t0=$SECONDS
    if "$@"; then record "$name" PASS $((SECONDS - t0)); else
        echo "======== [$name] FAILED (exit $?)"; record "$name" FAIL $((SECONDS - t0)); fi
}

part deps bash tools/test-deps.sh

# The binding layer and ffi compile for one interpreter, chosen by PYZIG_PYTHON: the real binary of $PYTHON.
PYZIG_PYTHON="$("$PYTHON" -c 'import sys; print(sys.executable)')" || { echo "test.sh: cannot run $PYTHON"; exit 1; }
export PYZIG_PYTHON

part fmt bash tools/fmt.sh --check
part rust cargo test --workspace --no-fail-fast
part ffi bash tools/test-ffi.sh
part sexp bash tools/test-sexp.sh
part fuzz bash tools/fuzz.sh
part python bash tools/test-python.sh
# Issue 12's checks, each in its quick form (the full forms: make pydebug, refleak, valgrind, asan, fuzz).
part longloop "$PYZIG_PYTHON" tools/longloop.py 2000
part valgrind bash tools/valgrind.sh quick
part pydebug bash tools/debug-python.sh test
part refleak bash tools/debug-python.sh refleak quick
part asan bash tools/asan.sh

echo; echo "======== make test summary"
passed=0 failed=0
for i in "${!names[@]}"; do
    printf '  %-8s %-8s %5ss\n' "${names[$i]}" "${statuses[$i]}" "${seconds[$i]}"
    case "${statuses[$i]}" in PASS) passed=$((passed+1));; *) failed=$((failed+1));; esac
done
echo "parts: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
