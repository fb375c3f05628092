#!/usr/bin/env bash
# rustfmt over every Rust workspace of the repository (the main one, and the two that build apart: the fuzz
# targets and the PyO3 benchmark twin), with the committed rustfmt.toml. `tools/fmt.sh --check` (what
# `make test` runs) changes nothing and fails on unformatted code; without it, formats in place.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
status=0
for manifest in Cargo.toml sexp/fuzz/Cargo.toml bench/binding/point_pyo3/Cargo.toml; do
    cargo fmt --all --manifest-path "$manifest" -- "$@" || status=1
done
[[ $status -eq 0 ]] && echo "fmt: all Rust code formatted (rustfmt.toml)"
exit $status
