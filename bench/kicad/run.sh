#!/usr/bin/env bash
# pyzig_sexp benchmark (called by tools/bench.sh): typed API against the engine, kiutils and kicadfiles
# (installed from PyPI here when missing) and bench/binding's C getter (point_c, compiled here); then
# boards (boards.py), also against KiCad 6's pcbnew.
# Usage: bench/kicad/run.sh [--rounds 5] [--quick]
set -euo pipefail
PYTHON=${PYTHON:-python3}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
for pkg in kiutils kicadfiles; do
    "$PYTHON" -c "import $pkg" 2>/dev/null || "$PYTHON" -m pip install --quiet "$pkg"
done
# The C twin of bench/binding, for the getter row.
out="${CARGO_TARGET_DIR:-$root/target}/bench-kicad"
mkdir -p "$out"
include="$("$PYTHON" -c 'import sysconfig; print(sysconfig.get_paths()["include"])')"
suffix="$("$PYTHON" -c 'import sysconfig; print(sysconfig.get_config_var("EXT_SUFFIX"))')"
"${CC:-gcc}" -O2 -shared -fPIC -I"$include" "$root/bench/binding/point_c/point_c.c" -o "$out/point_c$suffix" -lm
# Measure the optimised build: build-on-import rebuilds in release mode when sources changed.
export PYZIG_RELEASEMODE=${PYZIG_RELEASEMODE:-release}
PYTHONPATH="$out${PYTHONPATH:+:$PYTHONPATH}" "$PYTHON" "$here/bench.py" "$@"
# Boards (bench/kicad/boards.py): against the engine, kiutils, kicadfiles and KiCad 6's pcbnew.
exec "$PYTHON" "$here/boards.py" "$@"
