#!/usr/bin/env bash
# Verifies ffi/src (crate pyzig-ffi) against the headers of every CPython 3.10-3.13 on this machine (and
# Debian's debug build python3.11-dbg when present):
# bindgen of its Python.h and pyo3-ffi built for it (crate ffi/verify, see ffi/verify/README.md).
# Each interpreter gets its own target dir, so reruns are incremental. Exits non-zero if any check fails
# or no interpreter could be checked.
#
#   tools/test-ffi.sh                 # all interpreters found
#   tools/test-ffi.sh /path/python3   # just these
# Env: FFI_VERIFY_TARGET_BASE (default: <repo>/target) holds the per-version target dirs.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
target_base="${FFI_VERIFY_TARGET_BASE:-$root/target}"

# bindgen needs libclang at build time (tools/test-deps.sh installs it when missing).
if ! bash tools/libclang.sh >/dev/null; then
    bash tools/test-deps.sh
    if ! bash tools/libclang.sh >/dev/null; then
        echo "########################################################################" >&2
        echo "ffi-verify: libclang NOT FOUND and not installable: bindgen cannot run, nothing verified" >&2
        echo "########################################################################" >&2
        exit 1
    fi
fi

if [ $# -gt 0 ]; then
    candidates=("$@")
else
    mapfile -t candidates < <(bash tools/pythons.sh)
    # Debian's debug interpreter (Py_DEBUG), which tools/test-deps.sh installs: its declarations differ.
    if command -v python3.11-dbg >/dev/null; then candidates+=("$(command -v python3.11-dbg)"); fi
fi

declare -A seen=()
checked=() failed=() skipped=()
for py in "${candidates[@]}"; do
    # A debug interpreter (python3.11-dbg) is another set of headers: "3.11d", its own target dir.
    info="$("$py" -c 'import sys; d = "d" if hasattr(sys, "gettotalrefcount") else ""; print("%d.%d %s%s" % (sys.version_info[0], sys.version_info[1], sys.version.split()[0], d))' 2>/dev/null)" || {
        [ $# -gt 0 ] && failed+=("$py (cannot run)")
        continue
    }
    read -r minor_ver full_ver <<<"$info"
    [ -n "${seen[$full_ver]:-}" ] && continue
    seen[$full_ver]=1
    case "$minor_ver" in
        3.10 | 3.11 | 3.12 | 3.13) ;;
        *) skipped+=("$py ($full_ver: pyzig-ffi supports 3.10-3.13)"); continue ;;
    esac
    echo "=== ffi-verify: $py (python $full_ver)"
    log="$(mktemp)"
    suffix=""; [[ "$full_ver" == *d ]] && suffix=d
    CARGO_TARGET_DIR="$target_base/ffi-verify-$minor_ver$suffix" PYZIG_PYTHON="$py" PYO3_PYTHON="$py" \
        cargo test -p pyzig-ffi-verify --no-fail-fast -- --nocapture --test-threads 1 >"$log" 2>&1
    status=$?
    # The report on ffi/src (notes, failures), one summary line per declaration set, the test results.
    grep -E '^  (Allowed|Unverified|Warning|FAILED|pyo3-ffi deviates)|^test result|^error' "$log"
    grep -oE 'ffi-verify\[.*' "$log"
    summary="$(grep -oE 'ffi-verify\[ffi/src\].*' "$log" | tail -1)"
    if [ $status -ne 0 ] || [ -z "$summary" ]; then
        [ -z "$summary" ] && tail -40 "$log"
        failed+=("$full_ver: ${summary#*: }")
    else
        checked+=("$full_ver: ${summary#*: }")
    fi
    rm -f "$log"
done

echo
echo "=== ffi-verify summary"
for c in "${checked[@]}"; do echo "  ok      $c"; done
for f in "${failed[@]}"; do echo "  FAILED  $f"; done
for s in "${skipped[@]}"; do echo "  skipped $s"; done
echo "ffi-verify: ${#checked[@]} passed, ${#failed[@]} failed"
if [ ${#checked[@]} -eq 0 ] && [ ${#failed[@]} -eq 0 ]; then
    echo "ffi-verify: no interpreter could be checked" >&2
    exit 1
fi
[ ${#failed[@]} -eq 0 ]
