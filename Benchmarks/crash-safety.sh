#!/usr/bin/env bash
# Crash safety under kill -9: (i) acknowledged API writes survive a killed server, (ii) a killed CSV import leaves
# all of its rows or none. Prints a summary table; exits 1 if an acknowledged write is lost, an import is left
# half-done, or `densach check` fails. The work is in Benchmarks/crash_safety.py (standard-library Python).
#   Benchmarks/crash-safety.sh                       10 + 10 rounds, 200,000-row CSV (a few minutes, debug build)
#   DENSACH_BIN=.build/release/densach Benchmarks/crash-safety.sh --rows 1000000 --seed 42
# Options go to crash_safety.py (--write-rounds, --import-rounds, --rows, --writers, --seed, --keep DIR).
# Only 127.0.0.1 is contacted; databases live in a temporary folder removed at the end (unless --keep).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${DENSACH_BIN:-.build/debug/densach}
[ -x "$BIN" ] || { echo "crash-safety: no densach binary at $BIN (swift build first, or set DENSACH_BIN)"; exit 2; }
command -v python3 >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3; }
exec python3 Benchmarks/crash_safety.py --bin "$BIN" --repo . "$@"
