#!/usr/bin/env bash
# Whether the shared library that bindgen loads at run time (crate clang-sys, "runtime" feature) is on
# this machine, found the way clang-sys looks for it:
#   file names  libclang.so, libclang-*.so, libclang.so.*, libclang-*.so.*, except libclang-cpp.* (a
#               different library, which a machine may carry without libclang itself);
#   directories $LIBCLANG_PATH alone when set, else `llvm-config --prefix`'s bin/lib/lib64, then
#               /usr/local/llvm*/lib*, /usr/local/lib*/*/*, /usr/local/lib*/*, /usr/local/lib*,
#               /usr/lib*/*/*, /usr/lib*/*, /usr/lib*.
# `tools/libclang.sh [DIR...]` searches the given directories instead (the tests use that).
# Prints "present: PATH" and exits 0, or prints "missing" and exits 1.
set -uo pipefail
shopt -s nullglob

dirs=()
if [[ $# -gt 0 ]]; then
    dirs=("$@")
elif [[ -n "${LIBCLANG_PATH:-}" ]]; then
    dirs=("$LIBCLANG_PATH")
else
    if prefix=$(llvm-config --prefix 2>/dev/null); then
        dirs+=("$prefix/bin" "$prefix/lib" "$prefix/lib64")
    fi
    dirs+=(/usr/local/llvm*/lib* /usr/local/lib*/*/* /usr/local/lib*/* /usr/local/lib* /usr/lib*/*/* /usr/lib*/* /usr/lib*)
fi

for d in "${dirs[@]}"; do
    [[ -d "$d" ]] || continue
    for f in "$d"/libclang.so "$d"/libclang-*.so "$d"/libclang.so.* "$d"/libclang-*.so.*; do
        name=${f##*/}
        [[ $name == *-cpp.* ]] && continue
        # -e follows symlinks: a dangling libclang.so link is no library.
        if [[ -e "$f" ]]; then
            echo "present: $f"
            exit 0
        fi
    done
done
echo "missing"
exit 1
