#!/usr/bin/env bash
# The boundaries the code keeps (issue #20), checked before the build: the web app (Sources/BackOffice) never
# queries the database itself — no SQL, no record fetch, no raw connection; the stores own their queries; and the
# command line uses the web application only to serve it.
set -uo pipefail
cd "$(dirname "$0")/../.."
found=$(grep -rnE 'sql:|\.fetch(One|All|Count|Cursor|Set)\(|\.filter\(Column|Row\.fetch|\.execute\(|database\.writer|\.writer\.(read|write)' \
  Sources/BackOffice --include='*.swift' || true)
if [ -n "$found" ]; then
  echo "boundaries: the web app queries the database itself; give the query to the store that owns the table:"
  echo "$found"
  exit 1
fi
echo "boundaries: no SQL or record fetch under Sources/BackOffice"
# Pages read today from the configuration's clock (fixed in tests), never from the system directly.
dates=$(grep -rnE '(CivilDate|[:?(] )\.today\(\)' Sources/BackOffice --include='*.swift' || true)
if [ -n "$dates" ]; then
  echo "boundaries: use env.clock.today() in the web app, so pages can be tested at a fixed date:"
  echo "$dates"
  exit 1
fi
# The command line links the web application only to serve it: the rest uses Composition.
cli=$(grep -ln '^import BackOffice' Sources/densach/*.swift | grep -v '/Serve.swift$' || true)
if [ -n "$cli" ]; then
  echo "boundaries: only Sources/densach/Serve.swift may import BackOffice (use Composition):"
  echo "$cli"
  exit 1
fi
echo "boundaries: the command line imports the web app only in Serve.swift"
