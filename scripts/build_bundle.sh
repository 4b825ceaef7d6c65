#!/usr/bin/env bash
# Build the folder app with PyInstaller and smoke-test it:
#   scripts/build_bundle.sh            → dist/NeighbourhoodLedger/ledger, then ledger --smoke-test
#   scripts/build_bundle.sh --no-smoke → build only
# Uses (and creates, via scripts/bootstrap.sh) the repository's .venv, installs ".[build]"
# (PyInstaller), compiles the translations first so the bundle ships the current .qm files.
# Exits non-zero when the build or the smoke test fails.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
smoke=1
[[ ${1:-} == --no-smoke ]] && smoke=0

bash scripts/bootstrap.sh --quiet
if [[ $(uname -s) == Linux ]] && ! command -v objdump >/dev/null 2>&1; then
    # PyInstaller reads shared-library dependencies with objdump (Debian package binutils).
    sudo=()
    if [[ $(id -u) != 0 ]]; then
        sudo -n true 2>/dev/null || { echo "build_bundle: objdump missing: sudo apt-get install binutils" >&2; exit 1; }
        sudo=(sudo -n)
    fi
    echo "build_bundle: installing binutils (objdump) for PyInstaller"
    ${sudo[@]+"${sudo[@]}"} env DEBIAN_FRONTEND=noninteractive apt-get -q update >/dev/null || true
    ${sudo[@]+"${sudo[@]}"} env DEBIAN_FRONTEND=noninteractive apt-get -q install -y --no-install-recommends binutils >/dev/null
fi
PY=$ROOT/.venv/bin/python
if ! "$PY" -c "import PyInstaller" 2>/dev/null; then
    echo "build_bundle: installing PyInstaller (pip install -e \".[build]\")"
    "$PY" -m pip install -q --disable-pip-version-check --no-input -e ".[build]"
fi
for ts in resources/translations/*.ts; do
    "$ROOT/.venv/bin/pyside6-lrelease" -silent "$ts" -qm "${ts%.ts}.qm"
done

started=$(date +%s)
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$ROOT/dist" --workpath "$ROOT/build/pyinstaller" packaging/ledger.spec
echo "build_bundle: built dist/NeighbourhoodLedger in $(( $(date +%s) - started ))s," \
     "$(du -sh dist/NeighbourhoodLedger | cut -f1)"

if ((smoke)); then
    out=$(mktemp -d "${TMPDIR:-/tmp}/ledger-smoke.XXXXXX")
    # Run from an unrelated folder with a clean environment: the bundle must not lean on the repository.
    (cd "$out" && env -u PYTHONPATH QT_QPA_PLATFORM=offscreen \
        "$ROOT/dist/NeighbourhoodLedger/ledger" --smoke-test "$out/result")
    echo "build_bundle: smoke test passed ($out/result)"
    rm -rf "$out"
fi
