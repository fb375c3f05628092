#!/usr/bin/env bash
# `make bench`: runs every benchmark suite, each to the end, and closes with a summary.
# The suites build what they need themselves (release mode: benchmarks measure optimised code).
set -uo pipefail
cd "$(dirname "$0")/.."
export PYTHON="${PYTHON:-python3}"

names=() statuses=()
for entry in "binding:bench/binding/run.sh" "graph:bench/graph/run.sh" "sexp:tools/bench-sexp.sh" \
    "kicad:bench/kicad/run.sh"; do
    name=${entry%%:*} script=${entry#*:}
    echo; echo "======== [bench $name] $script"
    if bash "$script"; then statuses+=(OK); else statuses+=("FAIL(exit $?)"); fi
    names+=("$name")
done

echo; echo "======== make bench summary"
failed=0
for i in "${!names[@]}"; do
    printf '  %-8s %s\n' "${names[$i]}" "${statuses[$i]}"
    [[ ${statuses[$i]} == FAIL* ]] && failed=1
done
exit $failed
