#!/usr/bin/env bash
# The boundaries the code keeps (issue #20), checked before the build: the web app (Sources/BackOffice) never
# queries the database itself — no SQL, no record fetch, no raw connection; the stores own their queries.
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
