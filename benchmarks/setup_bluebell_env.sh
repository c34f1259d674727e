#!/usr/bin/env bash
# Create (idempotently) the Python 3.12 venv that benchmarks/bluebell_side.py runs in.
#
# Usage: bash benchmarks/setup_bluebell_env.sh
#   UNRES_BLUEBELL_VENV  venv path, relative to the repo root (default .venv-bluebell)
#   UNRES_BLUEBELL_PYTHON  interpreter used to create it (default: pyenv 3.12.1, else python3.12)
#
# Installs bluebell-akn (pure Python) and then, separately, bluebell-akn-rs (the
# optional Rust parser). If the Rust extension cannot be installed, the venv is
# still a working pure-Python bluebell and the script says so and exits 0.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="${UNRES_BLUEBELL_VENV:-.venv-bluebell}"
case "$venv" in /*) ;; *) venv="$repo_root/$venv" ;; esac

if [[ ! -x "$venv/bin/python" ]]; then
  if [[ -n "${UNRES_BLUEBELL_PYTHON:-}" ]]; then
    "$UNRES_BLUEBELL_PYTHON" -m venv "$venv"
  elif command -v pyenv >/dev/null && pyenv versions --bare | grep -x '3.12.1' >/dev/null; then
    # (not grep -q: under pipefail its early exit can fail the pipeline with SIGPIPE)
    PYENV_VERSION=3.12.1 python3 -m venv "$venv"
  else
    python3.12 -m venv "$venv"
  fi
fi
py="$venv/bin/python"
"$py" -c 'import sys; assert sys.version_info >= (3, 12), sys.version' \
  || { echo "error: $venv is not Python >= 3.12 (bluebell 5 needs it)" >&2; exit 1; }

"$py" -m pip install --quiet --disable-pip-version-check --upgrade pip
"$py" -m pip install --quiet --disable-pip-version-check bluebell-akn

if "$py" -m pip install --quiet --disable-pip-version-check bluebell-akn-rs; then
  rust_status="installed"
else
  rust_status="NOT installed (pip failed); the venv has pure-Python bluebell only"
fi

echo "venv: $venv ($("$py" --version))"
"$py" -m pip list --disable-pip-version-check 2>/dev/null | grep -iE '^(bluebell|lxml|cobalt)' || true
echo "bluebell-akn-rs: $rust_status"
