#!/usr/bin/env bash
# Installs the system packages the tests need when they are missing: libclang (bindgen, for the ffi
# verification) and gdb (for `make gdb` and its test). Python packages are installed per interpreter by
# tools/test-python.sh. Needs root (or passwordless sudo) only when something is missing.
set -euo pipefail

need=()
compgen -G '/usr/lib/llvm-*/lib/libclang*.so*' >/dev/null || need+=(libclang-dev)
command -v gdb >/dev/null || need+=(gdb)
[[ ${#need[@]} -eq 0 ]] && exit 0

echo "test-deps: installing ${need[*]}"
sudo=()
[[ $(id -u) -eq 0 ]] || sudo=(sudo -n)
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}" </dev/null
