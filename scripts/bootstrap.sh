#!/usr/bin/env bash
# Prepare what ./ledger and ./run-tests need, from any working directory:
#   1. Debian/Ubuntu packages for headless Qt, xvfb-run, Chinese fonts and pdftotext;
#   2. .venv in the repo root (Python >= 3.11);
#   3. pip install -e ".[test]", repeated only when pyproject.toml changed.
# Idempotent. When nothing needs doing it prints nothing and takes a fraction of a second
# (one dpkg-query and one checksum).
#
# Usage: scripts/bootstrap.sh [-q|--quiet]
#   --quiet       no step-by-step messages; apt output is kept in a log and shown only on failure.
#                 (The one-line "installing …" notes and all errors are still printed.)
# Environment:
#   NL_SKIP_APT=1         do not check or install Debian packages
#   NL_PYTHON=/path/to/python3.11   interpreter for a new .venv (default: python3.11, else python3)
# All messages go to stderr so that stdout stays clean for the CLI.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

QUIET=0
case "${1:-}" in
    -q | --quiet) QUIET=1 ;;
    "") ;;
    *) echo "usage: $0 [-q|--quiet]" >&2; exit 2 ;;
esac

VENV=.venv
STAMP=$VENV/.nl-installed

# Shared libraries PySide6 needs for the offscreen, xcb and EGL platforms, Xvfb (+ xauth, which
# xvfb-run needs but xvfb only recommends), a CJK font so Chinese renders without tofu, and
# poppler-utils (pdftotext) which the PDF report tests use.
APT_PACKAGES=(
    libglib2.0-0 libgl1 libegl1 libfontconfig1 libxkbcommon0 libdbus-1-3
    xvfb xauth libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
    libxcb-render-util0 libxcb-shape0 libxcb-xkb1
    fonts-wqy-microhei poppler-utils
)

say() { if [[ $QUIET == 0 ]]; then echo "bootstrap: $*" >&2; fi; }
note() { echo "bootstrap: $*" >&2; }
die() { echo "bootstrap: error: $*" >&2; exit 1; }

# Serialise concurrent runs (./ledger and ./run-tests started together must not both pip install).
if command -v flock >/dev/null 2>&1; then
    exec 9<"$ROOT"
    flock 9
fi

python_ok() { # $1: interpreter; true if it runs and is >= 3.11
    "$1" -c 'import sys; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1
}

pick_python() { # prints the path of the interpreter for a new .venv
    local candidate path
    if [[ -n ${NL_PYTHON:-} ]]; then
        python_ok "$NL_PYTHON" || return 1
        command -v "$NL_PYTHON"
        return 0
    fi
    for candidate in python3.11 python3; do
        path=$(command -v "$candidate" 2>/dev/null) || continue
        if python_ok "$path"; then
            echo "$path"
            return 0
        fi
    done
    return 1
}

venv_ok() { [[ -x $VENV/bin/python && -e $VENV/bin/pip ]] && python_ok "$VENV/bin/python"; }

venv_package() { # $1: interpreter; prints the Debian package that adds ensurepip, if one is missing
    local py=$1 ver default
    "$py" -c 'import ensurepip, venv' >/dev/null 2>&1 && return 0
    case "$(readlink -f "$py")" in
        /usr/bin/*) ;;
        *) return 0 ;; # pyenv, conda, a self-built Python: apt cannot help
    esac
    ver=$("$py" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
    default=$(/usr/bin/python3 -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null || true)
    if [[ $ver == "$default" ]]; then echo python3-venv; else echo "python$ver-venv"; fi
}

missing_packages() { # prints those of "$@" that are not installed (a t64 rename counts, Ubuntu 24.04)
    local installed pkg
    installed=" $(dpkg-query -W -f='${Package} ${db:Status-Abbrev}\n' "$@" "${@/%/t64}" 2>/dev/null \
        | awk '$2 == "ii" { sub(/:.*/, "", $1); printf "%s ", $1 }' || true)"
    for pkg in "$@"; do
        [[ $installed == *" $pkg "* || $installed == *" ${pkg}t64 "* ]] || echo "$pkg"
    done
}

run_logged() { # run a command; with --quiet keep its output in a log shown only if it fails
    if [[ $QUIET == 0 ]]; then
        "$@"
        return
    fi
    local log status=0
    log=$(mktemp)
    "$@" >"$log" 2>&1 || status=$?
    if [[ $status != 0 ]]; then cat "$log" >&2; fi
    rm -f "$log"
    return "$status"
}

apt_install() { # install "$@" as root, via sudo -n, or explain how and exit 1
    local -a sudo=()
    local cmd="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $*"
    if [[ $(id -u) != 0 ]]; then
        if command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
            sudo=(sudo -n)
        else
            echo "bootstrap: these Debian packages are missing: $*" >&2
            echo "bootstrap: install them as root, then run this again:" >&2
            echo "    sudo sh -c '$cmd'" >&2
            echo "bootstrap: (or set NL_SKIP_APT=1 to skip this check)" >&2
            exit 1
        fi
    fi
    note "installing Debian packages: $*"
    # A broken third-party source makes 'update' fail; the install below may still succeed.
    run_logged ${sudo[@]+"${sudo[@]}"} env DEBIAN_FRONTEND=noninteractive apt-get -q update \
        || note "warning: apt-get update failed; trying the install anyway"
    run_logged ${sudo[@]+"${sudo[@]}"} env DEBIAN_FRONTEND=noninteractive \
        apt-get -q install -y --no-install-recommends "$@" \
        || die "apt-get install failed; run it by hand: $cmd"
}

# --- 1. Python for a new .venv (decided first: it may add a package to the apt step) ---------
PY=""
if ! venv_ok; then
    PY=$(pick_python || true)
fi

# --- 2. Debian packages -----------------------------------------------------------------------
if [[ ${NL_SKIP_APT:-0} != 1 ]] && command -v dpkg-query >/dev/null 2>&1; then
    wanted=("${APT_PACKAGES[@]}")
    if ! venv_ok; then
        if [[ -z $PY ]]; then
            wanted+=(python3 python3-venv) # Debian 12's python3 is 3.11
        else
            venv_pkg=$(venv_package "$PY")
            if [[ -n $venv_pkg ]]; then wanted+=("$venv_pkg"); fi
        fi
    fi
    mapfile -t missing < <(missing_packages "${wanted[@]}")
    if ((${#missing[@]})); then
        apt_install "${missing[@]}"
    else
        say "Debian packages present"
    fi
    if ! venv_ok && [[ -z $PY ]]; then PY=$(pick_python || true); fi
fi

# --- 3. .venv -----------------------------------------------------------------------------------
if ! venv_ok; then
    [[ -n $PY ]] || die "Python >= 3.11 not found (tried ${NL_PYTHON:-python3.11, python3}). \
Install it (Debian 12: apt-get install python3 python3-venv) or set NL_PYTHON=/path/to/python3.11."
    if [[ -e $VENV || -L $VENV ]]; then
        note "$VENV is unusable (no Python >= 3.11 or no pip in it); recreating it"
        rm -rf "$VENV"
    fi
    note "creating $VENV with $PY ($("$PY" -V 2>&1))"
    if ! run_logged "$PY" -m venv "$VENV"; then
        rm -rf "$VENV"
        die "'$PY -m venv $VENV' failed (on Debian/Ubuntu: apt-get install python3-venv)"
    fi
fi

# --- 4. Project and test dependencies, only when pyproject.toml changed -------------------------
[[ -f pyproject.toml ]] || die "pyproject.toml not found in $ROOT"

checksum() {
    if command -v sha256sum >/dev/null 2>&1; then
        sha256sum "$1" | cut -d' ' -f1
    elif command -v shasum >/dev/null 2>&1; then
        shasum -a 256 "$1" | cut -d' ' -f1
    else
        "$VENV/bin/python" -c 'import hashlib, sys; print(hashlib.sha256(open(sys.argv[1], "rb").read()).hexdigest())' "$1"
    fi
}

want=$(checksum pyproject.toml)
have=$(cat "$STAMP" 2>/dev/null || true)
if [[ $want != "$have" ]]; then
    note "installing Python packages: pip install -e \".[test]\" (first run or pyproject.toml changed)"
    rm -f "$STAMP"
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check --no-input -e ".[test]" \
        || die "pip install -e \".[test]\" failed (see the messages above)"
    echo "$want" >"$STAMP"
else
    say "Python packages up to date"
fi
