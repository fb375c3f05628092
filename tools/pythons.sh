#!/usr/bin/env bash
# Prints the interpreters to test, one real executable per line: $PYTHON first, then every other
# CPython 3.10–3.13 present (PATH and pyenv), each once. PYZIG_TEST_PYTHONS="py1 py2" overrides the search.
set -uo pipefail

real() { "$1" -c 'import sys; print(sys.executable)' 2>/dev/null; }
version() { "$1" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null; }

candidates=()
if [[ -n "${PYZIG_TEST_PYTHONS:-}" ]]; then
    read -r -a candidates <<<"$PYZIG_TEST_PYTHONS"
else
    candidates+=("${PYTHON:-python3}")
    pyenv_root="${PYENV_ROOT:-$HOME/.pyenv}"
    for v in 3.10 3.11 3.12 3.13; do
        candidates+=("python$v")
        for p in "$pyenv_root"/versions/"$v".*/bin/python"$v"; do [[ -x "$p" ]] && candidates+=("$p"); done
    done
fi

seen_exe=() seen_ver=()
for c in "${candidates[@]}"; do
    exe=$(real "$c") || continue
    [[ -n "$exe" ]] || continue
    v=$(version "$exe")
    case "$v" in 3.10|3.11|3.12|3.13) ;; *) [[ "$c" == "${PYTHON:-python3}" ]] || continue ;; esac
    dup=0
    for i in "${!seen_exe[@]}"; do
        [[ "${seen_exe[$i]}" == "$exe" || "${seen_ver[$i]}" == "$v" ]] && dup=1
    done
    [[ $dup -eq 1 ]] && continue
    seen_exe+=("$exe"); seen_ver+=("$v")
    echo "$exe"
done
