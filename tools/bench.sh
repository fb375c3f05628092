#!/usr/bin/env bash
# `make bench`: runs every benchmark suite that exists, each to the end; absent suites are reported loudly.
# The suites build what they need themselves (release mode: benchmarks measure optimised code).
set -uo pipefail
cd "$(dirname "$0")/.."
export PYTHON="${PYTHON:-python3}"

names=() statuses=()
for entry in "binding:bench/binding/run.sh" "graph:bench/graph/run.sh" "sexp:tools/bench-sexp.sh"; do
    name=${entry%%:*} script=${entry#*:}
    if [[ ! -f $script ]]; then
        echo; echo "######## [bench $name] MISSING: $script does not exist — NOT RUN"
        names+=("$name"); statuses+=(MISSING); continue
    fi
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
