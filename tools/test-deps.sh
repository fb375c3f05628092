#!/usr/bin/env bash
# Installs the Debian packages the tests need when they are missing, in one tools/apt.sh call:
# - libclang-dev, when the shared library bindgen loads for the ffi verification is absent
#   (tools/libclang.sh looks for it as bindgen does);
# - gdb (`make gdb` and its test);
# - the KiCad corpus, kicad-footprints kicad-symbols kicad-demos (tools/corpus.sh; the Rust tests read a
#   sample of it, tools/test-sexp.sh all of it);
# - kicad (KiCad 6, its `pcbnew` module for /usr/bin/python3): the tests check that pcbnew reads the files
#   pyzig_sexp edits;
# - python3.11-dbg and python3.11-venv (the debug interpreter of tools/debug-python.sh) and valgrind
#   (tools/valgrind.sh).
# Python packages are installed per interpreter by tools/test-python.sh. Exit status as tools/apt.sh's.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

need=(kicad-footprints kicad-symbols kicad-demos kicad python3.11-dbg python3.11-venv valgrind)
if found=$(bash tools/libclang.sh); then
    echo "test-deps: libclang $found"
else
    echo "test-deps: libclang (the library bindgen loads) is missing"
    need+=(libclang-dev)
fi
command -v gdb >/dev/null || need+=(gdb)

bash tools/apt.sh "${need[@]}" || exit $?
if ! found=$(bash tools/libclang.sh); then
    echo "test-deps: libclang-dev is installed, but the library bindgen loads is still not found" >&2
    exit 1
fi
echo "test-deps: everything installed (libclang $found)"
