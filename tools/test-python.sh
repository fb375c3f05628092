#!/usr/bin/env bash
# The Python suite (tests/) on every interpreter present of 3.10–3.13 ($PYTHON first; see tools/pythons.sh).
# For each: install pytest, hypothesis, mypy and auditwheel if missing, build every extension module in debug for that interpreter
# (into target/py3.X/), then run pytest with the full tests enabled. PYZIG_PYTEST_ARGS adds pytest arguments
# (e.g. PYZIG_PYTEST_ARGS="-k graph -x"). The KiCad corpus tests walk all of Debian's libraries on the first
# interpreter and one file in 25 on the others (PYZIG_CORPUS=sample; the same code runs on every version, and
# the debug builds make the whole corpus take minutes per interpreter); likewise the hypothesis state machines
# run their `ci` profile on the first and `smoke` on the others (tests/hypothesis_profiles.py).
#
# pytest's exit code 5 ("no tests collected") is a failure here: tests/ always holds tests, so collecting
# none means the run is broken (wrong directory, a bad filter, an import error in conftest), not green.
set -uo pipefail
cd "$(dirname "$0")/.."
export PYTHON="${PYTHON:-python3}"
export PYZIG_GEN_READONLY="${PYZIG_GEN_READONLY:-1}"
export PYZIG_RELEASEMODE="${PYZIG_RELEASEMODE:-debug}"  # debug unless the caller chose
export PYZIG_FULL_TESTS=1

mapfile -t pythons < <(bash tools/pythons.sh)
if [[ ${#pythons[@]} -eq 0 ]]; then echo "test-python: no Python 3.10–3.13 interpreter found"; exit 1; fi
echo "test-python: interpreters: ${pythons[*]}"

pip_install() {  # pip_install PY PKG... ; handles PEP 668 "externally managed" interpreters
    local py="$1"; shift
    local out
    if out=$("$py" -m pip install --disable-pip-version-check -q --root-user-action=ignore "$@" 2>&1); then
        return 0
    fi
    if grep -q externally-managed <<<"$out"; then
        echo "test-python: $py is externally managed (PEP 668); installing with --break-system-packages"
        "$py" -m pip install --disable-pip-version-check -q --root-user-action=ignore --break-system-packages "$@"
        return
    fi
    echo "$out"
    return 1
}

results=() failed=0 first=1
for py in "${pythons[@]}"; do
    if [[ $first == 1 ]]; then
        export PYZIG_CORPUS=all PYZIG_HYPOTHESIS=ci; first=0
    else
        export PYZIG_CORPUS=sample PYZIG_HYPOTHESIS=smoke
    fi
    ver=$("$py" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
    echo; echo "-------- Python $ver ($py)"
    t0=$SECONDS
    status=PASS
    if ! "$py" -c 'import pytest, hypothesis, mypy, auditwheel' 2>/dev/null; then
        "$py" -m pip --version >/dev/null 2>&1 || "$py" -m ensurepip -q >/dev/null 2>&1 || true
        pip_install "$py" "pytest>=7" "hypothesis>=6.100" "mypy>=1.10" "auditwheel>=6" || status="FAIL(pip)"
    fi
    if [[ $status == PASS ]]; then
        "$py" tools/build.py --mode "$PYZIG_RELEASEMODE" --all --no-pth || status="FAIL(build)"
    fi
    if [[ $status == PASS ]]; then
        # shellcheck disable=SC2086  # PYZIG_PYTEST_ARGS is split on purpose
        "$py" -m pytest tests/ -q -p no:cacheprovider ${PYZIG_PYTEST_ARGS:-}
        rc=$?
        case $rc in
            0) ;;
            5) echo "test-python: pytest collected NO tests on Python $ver — counted as a failure"; status="FAIL(no tests)";;
            *) status="FAIL(pytest exit $rc)";;
        esac
    fi
    [[ $status == PASS ]] || failed=$((failed + 1))
    results+=("$(printf '  Python %-5s %-22s %4ss  %s' "$ver" "$status" $((SECONDS - t0)) "$py")")
done

echo; echo "-------- test-python summary"
printf '%s\n' "${results[@]}"
[[ $failed -eq 0 ]]
