#!/usr/bin/env bash
# S-expression engine benchmark (called by `make bench`): our parse against kiutils_sexpr, our print
# throughput, and both parsers' memory, on a large board and a large symbol library from Debian's KiCad
# packages (installed by tools/corpus.sh), then `pyzig-sexp bench` on the same files.
# Without the Debian corpus it measures the repository's KiCad fixtures instead and says so loudly.
set -euo pipefail

repo="$(git -C "$(dirname "${BASH_SOURCE[0]}")" rev-parse --show-toplevel)"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$repo/target}"
files=(/usr/share/kicad/demos/video/video.kicad_pcb /usr/share/kicad/symbols/FPGA_Xilinx_Virtex7.kicad_sym)

corpus_rc=0
bash "$repo/tools/corpus.sh" || corpus_rc=$?
if [[ $corpus_rc -ne 0 || ! -f "${files[0]}" || ! -f "${files[1]}" ]]; then
    fixtures="$repo/tests/fixtures/kicad"
    files=("$fixtures/esp32_minimal.kicad_pcb" "$fixtures/test-v8.kicad_sym")
    echo "######## bench-sexp: Debian corpus UNAVAILABLE; measuring ${files[*]} instead ########" >&2
fi

echo "== parse / print / memory: pyzig-sexp vs kiutils_sexpr 0.1.1 (release profile) =="
cargo bench -q -p pyzig-sexp --bench parse_vs_kiutils -- "${files[@]}"

echo "== pyzig-sexp bench (parse, print, format medians) =="
cargo build -q -p pyzig-sexp --bin pyzig-sexp --release
for f in "${files[@]}"; do
    echo "-- $f"
    "$CARGO_TARGET_DIR/release/pyzig-sexp" bench "$f"
done
