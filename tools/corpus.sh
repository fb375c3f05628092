#!/usr/bin/env bash
# Installs the KiCad sample corpus (Debian's kicad-footprints, kicad-symbols, kicad-demos; ~12,800
# KiCad 6 files under /usr/share/kicad) when missing. `make corpus` runs it; so do test-sexp.sh and
# bench-sexp.sh.
# Exit status: 0 the corpus is installed; 3 it is missing and could not be installed (not root, no
# apt-get, or the install failed) — callers treat 3 as "corpus unavailable" and say so.
set -uo pipefail

packages=(kicad-footprints kicad-symbols kicad-demos)
UNAVAILABLE=3

installed() {
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

missing=()
for p in "${packages[@]}"; do
    installed "$p" || missing+=("$p")
done
if [[ ${#missing[@]} -eq 0 ]]; then
    echo "corpus: ${packages[*]} installed (/usr/share/kicad)"
    exit 0
fi

shout() {
    echo "" >&2
    echo "########################################################################" >&2
    echo "## corpus: CANNOT INSTALL ${missing[*]}" >&2
    echo "## $1" >&2
    echo "## Install them as root:  apt-get update && apt-get install -y --no-install-recommends ${missing[*]}" >&2
    echo "########################################################################" >&2
    echo "" >&2
}

if [[ $(id -u) -ne 0 ]]; then
    shout "not running as root"
    exit $UNAVAILABLE
fi
if ! command -v apt-get >/dev/null; then
    shout "apt-get not found (not a Debian-like system)"
    exit $UNAVAILABLE
fi
echo "corpus: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
# --no-install-recommends: the libraries recommend the KiCad application itself, which is not needed.
if ! apt-get update -q; then
    shout "apt-get update failed"
    exit $UNAVAILABLE
fi
if ! apt-get install -y -q --no-install-recommends "${missing[@]}"; then
    shout "apt-get install failed"
    exit $UNAVAILABLE
fi
for p in "${missing[@]}"; do
    if ! installed "$p"; then
        shout "$p is still not installed after apt-get install"
        exit $UNAVAILABLE
    fi
done
echo "corpus: installed ${missing[*]}"
