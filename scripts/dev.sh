#!/usr/bin/env bash
# One entry point for a fresh machine:
#   bash scripts/dev.sh serve   set up, then preview the site with live reload
#   bash scripts/dev.sh test    set up (system packages too), then run the test suite
set -euo pipefail
cd "$(dirname "$0")/.."

VENV="${VENV:-.venv}"
# Material prints a banner about MkDocs 2.0 on every run; it says nothing about this site
export NO_MKDOCS_2_WARNING=1
# (nodejs: Node's own test runner checks the explorer's JavaScript, tests/js/)
SYSTEM_PACKAGES="chromium texlive-latex-base texlive-latex-recommended texlive-bibtex-extra biber nodejs"

setup_python() {
  if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
  fi
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -e ".$1"
}

setup_system() {
  local missing=""
  for tool in chromium pdflatex bibtex biber node; do
    command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"
  done
  [ -z "$missing" ] && return 0
  echo "Installing system packages for:$missing" >&2
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y $SYSTEM_PACKAGES
}

case "${1:-}" in
  serve)
    shift
    setup_python ""
    exec "$VENV/bin/mkdocs" serve --livereload --dirty "$@"
    ;;
  test)
    shift
    setup_system
    setup_python "[test]"
    exec "$VENV/bin/python" -m pytest "$@"
    ;;
  *)
    echo "usage: bash scripts/dev.sh serve|test [args…]" >&2
    exit 2
    ;;
esac
