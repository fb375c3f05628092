#!/usr/bin/env bash
# Graph benchmark: pyzig vs rustworkx vs networkx (see bench.py). Called by tools/bench.sh.
# Usage: bench/graph/run.sh [--n 100000] [--repeat 5] [--rounds 3] [--libs pyzig,rustworkx,networkx]
set -euo pipefail
PYTHON=${PYTHON:-python3}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
for pkg in rustworkx networkx; do
    "$PYTHON" -c "import $pkg" 2>/dev/null || "$PYTHON" -m pip install --quiet "$pkg"
done
# Measure the optimised build: build-on-import rebuilds in release mode when sources changed.
export PYZIG_RELEASEMODE=${PYZIG_RELEASEMODE:-release}
exec "$PYTHON" "$here/bench.py" "$@"
