#!/usr/bin/env bash
# Whole-corpus checks of the S-expression engine, beyond `cargo test` (called by `make test`):
#  1. every KiCad file under /usr/share/kicad (Debian's corpus, installed by tools/corpus.sh) and in
#     tests/fixtures/kicad parses and reprints byte for byte (`pyzig-sexp check`);
#  2. formatting each of those files reads back to the same lists and tokens;
#  3. formatting the pcbnew-written fixtures and KiCad's library tables reproduces them byte for byte
#     (`pyzig-sexp fmt --check`).
# When the Debian corpus cannot be installed, step 1 covers only the fixtures and the script says
# "corpus check SKIPPED" loudly; under CI (CI=true) that is a failure, since CI can install it.
set -euo pipefail

repo="$(git -C "$(dirname "${BASH_SOURCE[0]}")" rev-parse --show-toplevel)"
fixtures="$repo/tests/fixtures/kicad"
debian=/usr/share/kicad
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$repo/target}"
status=0

if [[ ! -d "$fixtures" ]]; then
    echo "test-sexp: FAILED: fixtures not found at $fixtures" >&2
    exit 1
fi

# A debug build, with debug assertions and overflow checks: `cargo test` has usually built it already, and
# it checks the 269 MB corpus in ~7 s (~25 s more for the fmt pass), less than an optimised build takes.
cargo build -q -p pyzig-sexp --bin pyzig-sexp
bin="$CARGO_TARGET_DIR/debug/pyzig-sexp"

skipped=""
corpus_rc=0
bash "$repo/tools/corpus.sh" || corpus_rc=$?
if [[ $corpus_rc -ne 0 ]]; then
    skipped="tools/corpus.sh could not install Debian's KiCad packages (exit $corpus_rc; see above)"
fi

roots=("$fixtures")
[[ -z "$skipped" ]] && roots=("$debian" "$fixtures")
echo "test-sexp: pyzig-sexp check ${roots[*]}"
start=$EPOCHREALTIME
"$bin" check "${roots[@]}" || status=1
echo "test-sexp: check took $(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }') s"

# Formatting every file must read back to the same lists and tokens (fmt --check reports a formatter
# bug as an error, exit 2); that most KiCad 6 files would change (exit 1) is expected.
echo "test-sexp: pyzig-sexp fmt --check ${roots[*]} (formatter must keep every token)"
fmt_rc=0
fmt_out="$(mktemp)"
"$bin" fmt --check "${roots[@]}" >"$fmt_out" || fmt_rc=$?
grep -v '^would reformat ' "$fmt_out" || true
rm -f "$fmt_out"
if [[ $fmt_rc -gt 1 ]]; then
    echo "test-sexp: FAILED: formatting lost or broke content (exit $fmt_rc)" >&2
    status=1
fi

# pcbnew wrote these three in the KiCad 8+ layout that format_kicad reproduces, and KiCad its library
# tables in their one-entry-per-line layout.
echo "test-sexp: pyzig-sexp fmt --check on the pcbnew-written fixtures and KiCad's library tables"
tables=("$fixtures/fp-lib-table")
[[ -z "$skipped" ]] && tables+=("$debian/template/fp-lib-table" "$debian/template/sym-lib-table")
"$bin" fmt --check "$fixtures/test-v8.kicad_pcb" "$fixtures/test-v8.kicad_mod" "$fixtures/esp32_minimal.kicad_pcb" \
    "${tables[@]}" || status=1

if [[ -n "$skipped" ]]; then
    echo "" >&2
    echo "######## corpus check SKIPPED: $skipped. Only the fixtures in $fixtures were checked. ########" >&2
    echo "" >&2
    if [[ "${CI:-}" == "true" ]]; then
        echo "test-sexp: FAILED: under CI the corpus must be checked" >&2
        status=1
    fi
fi
if [[ $status -eq 0 ]]; then
    echo "test-sexp: passed"
else
    echo "test-sexp: FAILED" >&2
fi
exit $status
