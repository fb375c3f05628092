#!/usr/bin/env bash
# Coverage-guided fuzzing of every parser, each target for a bounded time: tools/fuzz.sh [SECONDS] (default 30
# per target; `make fuzz` gives each 300).
#
# Targets (sexp/fuzz/fuzz_targets/, FUZZ_TARGETS="roundtrip typed" by default):
# - roundtrip: the engine: parse never panics; print and write_to are lossless; format's output parses;
#   format is idempotent;
# - typed: the typed KiCad layer: decoding every declared field of every kind never panics, and edits of
#   scalar fields never make text that does not parse or loads as another kind.
# Installs cargo-fuzz (cargo install --locked, ~30 s) when
# missing; the toolchain is stable, so RUSTC_BOOTSTRAP=1 lets cargo-fuzz use its nightly flags (ASan).
# Seeds: the KiCad fixtures in tests/fixtures/kicad and small files from /usr/share/kicad when present.
# Exits non-zero on a crash; the reproducer lands in $FUZZ_WORK/artifacts.
# Environment: FUZZ_WORK (work dir, default $CARGO_TARGET_DIR/fuzz-work or target/fuzz-work),
# FUZZ_JOBS (parallel fuzzing processes, default 1).
set -euo pipefail

seconds="${1:-30}"
if ! [[ "$seconds" =~ ^[1-9][0-9]*$ ]]; then
    echo "usage: tools/fuzz.sh [SECONDS]   (SECONDS: a positive whole number, got '$seconds')" >&2
    exit 2
fi

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
fuzz_dir="$repo/sexp/fuzz"
target_dir="${CARGO_TARGET_DIR:-$repo/target}"
work="${FUZZ_WORK:-$target_dir/fuzz-work}"
export RUSTC_BOOTSTRAP=1

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "fuzz: installing cargo-fuzz (cargo install --locked cargo-fuzz)" >&2
    start=$(date +%s)
    cargo install --locked cargo-fuzz
    echo "fuzz: cargo-fuzz installed in $(( $(date +%s) - start )) s" >&2
fi

# Seeds: copied (never fuzzed in place) so the corpus libFuzzer grows stays out of the tree.
seeds="$work/seeds"
corpus="$work/corpus"
mkdir -p "$seeds" "$corpus" "$work/artifacts"
find "$repo/tests/fixtures/kicad" -maxdepth 1 -type f -size -70k ! -name '*.md' ! -name 'LICENSE*' \
    -exec cp -f {} "$seeds/" \;
if [[ -d /usr/share/kicad ]]; then
    # A few small files of each kind, KiCad 6 layout: different whitespace and tokens than the fixtures.
    for ext in kicad_mod kicad_sym kicad_wks; do
        mapfile -t small < <(find /usr/share/kicad -name "*.$ext" -size -6k 2>/dev/null | sort)
        for f in "${small[@]:0:20}"; do
            cp -f "$f" "$seeds/$(echo "$f" | tr '/ ' '__')"
        done
    done
fi
printf '(a "b\\"c" (d 1.0 -2) e)\n' >"$seeds/escapes"
printf '(kicad_pcb\r\n\t(version 20240108)\r\n)\r\n' >"$seeds/crlf"

cd "$fuzz_dir"
parallel=()
if [[ "${FUZZ_JOBS:-1}" -gt 1 ]]; then
    # libFuzzer then logs each worker to fuzz-N.log in the current directory.
    parallel=(-jobs="$FUZZ_JOBS" -workers="$FUZZ_JOBS")
fi
read -r -a targets <<<"${FUZZ_TARGETS:-roundtrip typed}"
for target in "${targets[@]}"; do
    # Each target grows its own corpus from the same seeds.
    mkdir -p "$corpus/$target"
    echo "fuzz: $(ls "$seeds" | wc -l) seeds, running $target for ${seconds}s" >&2
    # -max_len: large enough for real footprints and symbols, small enough to keep executions fast.
    cargo fuzz run --target-dir "$target_dir/fuzz" "$target" "$corpus/$target" "$seeds" -- \
        -dict="$fuzz_dir/sexp.dict" -max_len=65536 -max_total_time="$seconds" \
        -artifact_prefix="$work/artifacts/$target-" -print_final_stats=1 "${parallel[@]}"
    echo "fuzz: $target: no crash in ${seconds}s (corpus: $(ls "$corpus/$target" | wc -l) inputs)"
done
