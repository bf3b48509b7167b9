#!/usr/bin/env bash
# Pages under a slow 3G link in headless Chromium (Benchmarks/slow_network.py), against the demo server.
#   Benchmarks/slow-network.sh            after `swift build` (DENSACH_BIN to choose the binary)
set -uo pipefail
cd "$(dirname "$0")/.."
BIN=${DENSACH_BIN:-.build/debug/densach}
source Tests/support/demo-server.sh
start_demo_server "$BIN" slow-network
DENSACH_BASE="$BASE" python3 Benchmarks/slow_network.py
