#!/usr/bin/env bash
# The browser walk (Tests/browser/test_walk.py) against the real server on a throw-away demo database, in headless
# Chromium at 360x740 and 1280x800. Installs Debian's chromium and chromium-driver and, from PyPI, selenium, pytest,
# pypdf, axe-selenium-python (axe-core for accessibility), openpyxl and python-docx (read the Excel and Word downloads) when missing. Screenshots of every page go to Tests/browser/out/ (not committed).
#   bash Tests/browser/run.sh                      from the repo root, after `swift build`
#   DENSACH_BIN=/path/to/densach bash Tests/browser/run.sh
set -uo pipefail
cd "$(dirname "$0")/../.."
BIN=${DENSACH_BIN:-.build/debug/densach}
[ -x "$BIN" ] || { echo "browser: no server binary at $BIN (build first, or set DENSACH_BIN)"; exit 2; }
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null \
    || { echo "browser: cannot install chromium"; exit 2; }
fi
# LibreOffice (Writer, no GUI) converts a decision and a report to PDF: an independent reader of the Word files.
if ! command -v soffice >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui fonts-liberation2 >/dev/null \
    || { echo "browser: cannot install libreoffice-writer-nogui"; exit 2; }
fi
python3 -c "import selenium, pytest, pypdf, axe_selenium_python, openpyxl, docx" 2>/dev/null \
  || python3 -m pip install --quiet --disable-pip-version-check "selenium>=4.20" pytest pypdf axe-selenium-python openpyxl python-docx \
  || { echo "browser: cannot install selenium"; exit 2; }

source Tests/support/demo-server.sh
start_demo_server "$BIN" browser
export DENSACH_BASE="$BASE"
export DENSACH_SHOTS="${DENSACH_SHOTS:-Tests/browser/out}"
python3 -m pytest Tests/browser -q -p no:cacheprovider
