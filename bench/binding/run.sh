#!/usr/bin/env bash
# Binding-overhead benchmark: builds the three twins of one Python surface for $PYTHON (default
# python3) — hand-written C (point_c), PyO3 (point_pyo3), pyzig (point_pyzig) — then runs bench.py,
# which times all three in one process and prints the table. Extra arguments go to bench.py
# (e.g. --repeats 31, --check). With INSTR=1 it then also counts instructions per operation under
# callgrind (instr.sh: slow, but free of the wall-clock noise of a shared machine).
#
# Needs: a C compiler ($CC, default gcc), cargo, the interpreter's headers; network access to
# crates.io on the first run (pyo3). Honours CARGO_TARGET_DIR; the PyO3 twin, which is its own
# workspace, builds in "${CARGO_TARGET_DIR}-pyo3" (default target/bench-pyo3).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
PYTHON="${PYTHON:-python3}"
PYTHON="$(command -v "$PYTHON")"
CC="${CC:-gcc}"
target="${CARGO_TARGET_DIR:-$root/target}"
pyo3_target="${CARGO_TARGET_DIR:+${CARGO_TARGET_DIR}-pyo3}"
pyo3_target="${pyo3_target:-$root/target/bench-pyo3}"
out="$target/bench-binding/$("$PYTHON" -c 'import sys; print("py%d%d" % sys.version_info[:2])')"
mkdir -p "$out"

include="$("$PYTHON" -c 'import sysconfig; print(sysconfig.get_paths()["include"])')"
suffix="$("$PYTHON" -c 'import sysconfig; print(sysconfig.get_config_var("EXT_SUFFIX"))')"

echo "== point_c (C, $CC -O2)" >&2
"$CC" -O2 -Wall -Wextra -Werror -shared -fPIC -I"$include" \
    "$here/point_c/point_c.c" -o "$out/point_c$suffix" -lm

echo "== point_pyo3 (PyO3, cargo --release, target $pyo3_target)" >&2
PYO3_PYTHON="$PYTHON" CARGO_TARGET_DIR="$pyo3_target" \
    cargo build --release --quiet --manifest-path "$here/point_pyo3/Cargo.toml"
cp "$pyo3_target/release/libpoint_pyo3.so" "$out/point_pyo3$suffix"

if [[ -f "$here/point_pyzig/Cargo.toml" ]]; then
    echo "== point_pyzig (pyzig, cargo --release -p point_pyzig, target $target)" >&2
    (cd "$root" && PYZIG_PYTHON="$PYTHON" CARGO_TARGET_DIR="$target" \
        cargo build --release --quiet -p point_pyzig)
    cp "$target/release/libpoint_pyzig.so" "$out/point_pyzig$suffix"
else
    echo "== point_pyzig: bench/binding/point_pyzig not present, its column stays empty" >&2
fi

echo "== bench ($PYTHON)" >&2
# -s keeps user site-packages out of the run.
(cd "$out" && PYTHONPATH="$out" "$PYTHON" -s "$here/bench.py" "$@")
if [[ "${INSTR:-0}" == 1 ]]; then
    echo "== instructions per operation (callgrind; includes the loop's own ~100)" >&2
    CARGO_TARGET_DIR="$target" PYTHON="$PYTHON" bash "$here/instr.sh"
fi
