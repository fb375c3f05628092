#!/usr/bin/env bash
# Graph benchmark: pyzig vs rustworkx vs networkx (see bench.py), then the reference API's build calls
# against their C twins (calls.py, bench/binding/graph_c, compiled here). Called by tools/bench.sh.
# Usage: bench/graph/run.sh [--n 100000] [--repeat 5] [--rounds 3] [--libs pyzig,rustworkx,networkx]
set -euo pipefail
PYTHON=${PYTHON:-python3}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
for pkg in rustworkx networkx; do
    "$PYTHON" -c "import $pkg" 2>/dev/null || "$PYTHON" -m pip install --quiet "$pkg"
done
# Measure the optimised build: build-on-import rebuilds in release mode when sources changed.
export PYZIG_RELEASEMODE=${PYZIG_RELEASEMODE:-release}
"$PYTHON" "$here/bench.py" "$@"
out="${CARGO_TARGET_DIR:-$here/../../target}/bench-graph"
mkdir -p "$out"
include="$("$PYTHON" -c 'import sysconfig; print(sysconfig.get_paths()["include"])')"
suffix="$("$PYTHON" -c 'import sysconfig; print(sysconfig.get_config_var("EXT_SUFFIX"))')"
"${CC:-gcc}" -O2 -shared -fPIC -I"$include" "$here/../binding/graph_c/graph_c.c" -o "$out/graph_c$suffix"
echo
PYTHONPATH="$out:$here${PYTHONPATH:+:$PYTHONPATH}" exec "$PYTHON" "$here/calls.py"
