#!/usr/bin/env bash
# AddressSanitizer: the engines' Rust tests, and a Python run of every module, built with
# -Zsanitizer=address (a nightly flag; the stable toolchain takes it with RUSTC_BOOTSTRAP=1, as cargo-fuzz
# does). `make asan`; `make test` runs it as is (about 4 minutes of building and testing).
#
# 1. cargo test of pyzig-graph, pyzig-sexp and pyzig-kicad for the host target only (build scripts stay
#    uninstrumented), in target/asan; not the doctests (rustdoc would link them uninstrumented). The
#    standard library is not rebuilt (that needs the rust-src of a nightly toolchain): errors inside std
#    itself would go unseen, ours are caught.
# 2. The extension modules built the same way, in the release-safe profile (tools/asan_build.py: optimised
#    and inlined as a release build is, where a forced unwind out of CPython must still find its cleanup,
#    with debug assertions and overflow checks on); the hostile-sequence and reliability
#    tests and tools/longloop.py (graph, records, boards and footprints: load, edit, dump, drop) run on
#    them in the release interpreter, with the compiler's ASan runtime preloaded (the interpreter itself
#    is not instrumented). Leak detection is off:
#    an interpreter frees little at exit; leaks are the refleak run's and the long loop's.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export RUSTC_BOOTSTRAP=1
triple=$(rustc -vV | sed -n 's/^host: //p')

echo "asan: Rust tests of the engines ($triple)"
RUSTFLAGS="-Zsanitizer=address" CARGO_TARGET_DIR=target/asan \
    cargo test --target "$triple" -p pyzig-graph -p pyzig-sexp -p pyzig-kicad --lib --tests --no-fail-fast || { echo "asan: Rust tests FAILED"; exit 1; }

PYTHON="${PYTHON:-python3}"
py=$("$PYTHON" -c 'import sys; print(sys.executable)') || exit 1
runtime=$(gcc -print-file-name=libasan.so)
if [[ ! -e "$runtime" || "$runtime" == libasan.so ]]; then
    echo "asan: gcc's libasan.so not found (Debian: libasan8, with gcc): the Python run cannot preload a runtime" >&2
    exit 1
fi
site=target/asan-py/site
"$py" tools/asan_build.py "$site" || exit 1
export PYZIG_NORECOMPILE=1 PYZIG_PY_DIR="$site" ASAN_OPTIONS=detect_leaks=0:abort_on_error=1:halt_on_error=1
echo "asan: hostile and reliability tests on the ASan modules ($runtime preloaded)"
LD_PRELOAD="$runtime" "$py" -m pytest -q -p no:cacheprovider tests/test_hostile_graph.py \
    tests/test_hostile_records.py tests/test_hostile_sexp.py tests/test_hostile_boards.py tests/test_reliability.py \
    tests/test_odd_uses.py -k "not pcbnew" || { echo "asan: the Python tests FAILED"; exit 1; }
echo "asan: tools/longloop.py on the ASan modules"
LD_PRELOAD="$runtime" "$py" tools/longloop.py --no-rss "${ASAN_ROUNDS:-300}" || { echo "asan: the Python run FAILED"; exit 1; }
echo "asan: no error"
