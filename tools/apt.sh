#!/usr/bin/env bash
# The one place the project runs apt-get: `tools/apt.sh PACKAGE...` installs the Debian packages of the
# list that are not installed yet (nothing when all are), as root or through passwordless sudo, with
# `apt-get update` first and without recommended packages.
# Exit status: 0 every package is installed; 3 some are missing and could not be installed (not root and
# no sudo, no apt-get, or apt-get failed), with a loud message saying what to run by hand.
set -uo pipefail

UNAVAILABLE=3
[[ $# -gt 0 ]] || { echo "usage: tools/apt.sh PACKAGE..." >&2; exit 2; }

installed() {
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

missing=()
for p in "$@"; do
    installed "$p" || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

shout() {
    {
        echo
        echo "########################################################################"
        echo "## apt: CANNOT INSTALL ${missing[*]}"
        echo "## $1"
        echo "## Install them as root:  apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
        echo "########################################################################"
        echo
    } >&2
}

if ! command -v apt-get >/dev/null; then
    shout "apt-get not found (not a Debian-like system)"
    exit $UNAVAILABLE
fi
sudo=()
if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
        sudo=(sudo -n)
    else
        shout "not running as root, and no passwordless sudo"
        exit $UNAVAILABLE
    fi
fi

echo "apt: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
if ! "${sudo[@]}" apt-get update -q </dev/null >&2; then
    shout "apt-get update failed"
    exit $UNAVAILABLE
fi
if ! "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null >&2; then
    shout "apt-get install failed"
    exit $UNAVAILABLE
fi
for p in "${missing[@]}"; do
    if ! installed "$p"; then
        shout "$p is still not installed after apt-get install"
        exit $UNAVAILABLE
    fi
done
echo "apt: installed ${missing[*]}" >&2
