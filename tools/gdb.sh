#!/usr/bin/env bash
# `make gdb`: builds the modules in debug and runs the graph demo (tools/gdb_demo.py) under gdb in batch
# mode. gdb stops on Rust panics (breakpoint on `rust_panic`; the panic is then caught at the boundary, so
# after printing the backtrace the run continues) and on SIGSEGV/SIGABRT (backtrace, then the run ends).
# Python frames (`py-bt`) are shown when the interpreter ships CPython's gdb helpers (python3.X-gdb.py).
# Extra arguments are passed to the script instead of the demo: `make gdb ARGS="-c 'import pyzig'"`
# or `bash tools/gdb.sh path/to/script.py`.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
command -v gdb >/dev/null || { echo "gdb.sh: gdb is not installed (apt-get install gdb)"; exit 1; }

# The real interpreter binary: `python3` may be a shell-script shim (pyenv), which gdb cannot debug.
exe=$("$PYTHON" -c 'import sys; print(sys.executable)')
"$exe" tools/build.py --mode debug --no-pth

helpers=$("$exe" - <<'PY'
import sys, sysconfig, glob, os
v = "%d.%d" % sys.version_info[:2]
bindir = os.path.dirname(os.path.realpath(sys.executable))
libdir = sysconfig.get_config_var("LIBDIR") or ""
cands = [os.path.join(bindir, f"python{v}-gdb.py"), os.path.join(bindir, "python3-gdb.py")]
cands += sorted(glob.glob(os.path.join(libdir, f"libpython{v}*-gdb.py")))
cands += sorted(glob.glob(f"/usr/share/gdb/auto-load/**/*python{v}*-gdb.py", recursive=True))
print(next((c for c in cands if os.path.isfile(c)), ""))
PY
)

cmds=$(mktemp /tmp/pyzig-gdb.XXXXXX)
trap 'rm -f "$cmds"' EXIT
{
    echo "set pagination off"
    echo "set confirm off"
    echo "set print thread-events off"
    echo "handle SIGSEGV stop print"
    echo "handle SIGABRT stop print"
    if [[ -n "$helpers" ]]; then
        echo "source $helpers"
        pybt="py-bt"
    else
        echo "echo (no CPython gdb helpers found for $exe: Python frames will not be shown)\\n"
        pybt=""
    fi
    echo "set breakpoint pending on"
    echo "break rust_panic"
    echo "commands"
    echo "  silent"
    echo "  echo \\n*** Rust panic: backtrace\\n"
    echo "  bt"
    [[ -n "$pybt" ]] && echo "  $pybt"
    echo "  continue"
    echo "end"
    echo "run"
    echo 'if $_isvoid($_exitcode)'
    echo "  echo \\n*** stopped by a signal: backtrace\\n"
    echo "  bt"
    [[ -n "$pybt" ]] && echo "  $pybt"
    echo "  kill"
    echo "  quit 1"
    echo "end"
    echo 'echo \n*** exited normally\n'
    echo 'quit $_exitcode'
} >"$cmds"

if [[ $# -gt 0 ]]; then args=("$@"); else args=(tools/gdb_demo.py); fi
echo "gdb.sh: $exe ${args[*]}  (helpers: ${helpers:-none})"
PYTHONPATH="$PWD/py${PYTHONPATH:+:$PYTHONPATH}" PYZIG_NORECOMPILE=1 \
    gdb -q -nx -batch -iex "set auto-load python-scripts off" -x "$cmds" --args "$exe" "${args[@]}" </dev/null
