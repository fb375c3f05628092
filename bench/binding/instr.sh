#!/usr/bin/env bash
# Instructions per operation for each twin, counted by callgrind (deterministic, unlike wall time):
# each (twin, op) loop runs twice, with N and 2N iterations, and the difference of the total
# instruction counts divided by N is the cost of one loop iteration (operation + loop overhead).
# Run bench/binding/run.sh first (it builds the twins); then:
#   bash bench/binding/instr.sh [OP_INDEX ...]    (default: all ops; -1 = empty-loop baseline)
# With BREAKDOWN=1 it also prints, per op, the instructions of each function for C and pyzig
# (cgdiff.py); with KEEP=1 the callgrind files stay in the build dir for callgrind_annotate.
set -euo pipefail
export PYTHONDONTWRITEBYTECODE=1  # it imports bench.py from the source tree

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
# The real executable, not a wrapper script (pyenv shims): valgrind must run the interpreter itself.
PYTHON="$("${PYTHON:-python3}" -c 'import sys; print(sys.executable)')"
target="${CARGO_TARGET_DIR:-$root/target}"
out="$target/bench-binding/$("$PYTHON" -c 'import sys; print("py%d%d" % sys.version_info[:2])')"
n="${N:-100000}"
nops="$("$PYTHON" -c "import sys; sys.path.insert(0, '$here'); import bench; print(len(bench.OPS))")"
ops=("$@")
[[ ${#ops[@]} -gt 0 ]] || ops=(-1 $(seq 0 $((nops - 1))))

count() {  # twin op iterations -> total instructions
    local f="$out/callgrind.$1.$2.$3"
    PYTHONHASHSEED=0 PYTHONPATH="$out:$here" setarch "$(uname -m)" -R valgrind --tool=callgrind --callgrind-out-file="$f" \
        "$PYTHON" -s "$here/oploop.py" "$1" "$2" "$3" 2>&1 |
        sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}

breakdown() {  # twin op: per-function instructions of one iteration
    echo "  $1:"
    "$PYTHON" "$here/cgdiff.py" "$out/callgrind.$1.$2.$n" "$out/callgrind.$1.$2.$((2 * n))" "$n"
}

printf '%-22s %8s %8s %8s %8s %8s\n' op C PyO3 pyzig pyzig/C pyzig-C
for op in "${ops[@]}"; do
    label="$("$PYTHON" -c "import sys; sys.path.insert(0, '$here'); import bench; print(bench.BASELINE[0] if $op < 0 else bench.OPS[$op][0])")"
    row=()
    for twin in point_c point_pyo3 point_pyzig; do
        if [[ -e "$(ls "$out/$twin".*.so 2>/dev/null | head -1)" ]]; then
            a="$(count "$twin" "$op" "$n")"
            b="$(count "$twin" "$op" $((2 * n)))"
            row+=("$(((b - a) / n))")
        else
            row+=("-")
        fi
    done
    ratio="-" extra="-"
    if [[ "${row[2]}" != "-" ]]; then
        ratio="$("$PYTHON" -c "print(f'{${row[2]}/${row[0]}:.2f}x')")"
        extra="$((row[2] - row[0]))"
    fi
    printf '%-22s %8s %8s %8s %8s %8s\n' "$label" "${row[0]}" "${row[1]}" "${row[2]}" "$ratio" "$extra"
    if [[ "${BREAKDOWN:-0}" == 1 ]]; then
        breakdown point_c "$op"
        [[ "${row[2]}" == "-" ]] || breakdown point_pyzig "$op"
    fi
    [[ "${KEEP:-0}" == 1 ]] || rm -f "$out"/callgrind.*."$op".*
done
