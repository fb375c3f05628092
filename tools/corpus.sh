#!/usr/bin/env bash
# Installs the KiCad sample corpus (Debian's kicad-footprints, kicad-symbols, kicad-demos; ~12,800
# KiCad 6 files under /usr/share/kicad) when missing. `make corpus` runs it; so do test-sexp.sh and
# bench-sexp.sh. Exit status (from tools/apt.sh): 0 the corpus is installed; 3 it is missing and could not
# be installed — callers treat 3 as "corpus unavailable" and say so.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# Without recommended packages: the libraries recommend the KiCad application itself.
bash tools/apt.sh kicad-footprints kicad-symbols kicad-demos || exit $?
echo "corpus: kicad-footprints kicad-symbols kicad-demos installed (/usr/share/kicad)"
