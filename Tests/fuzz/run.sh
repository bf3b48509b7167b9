#!/usr/bin/env bash
# Fuzz step: the real server on a throw-away demo database, attacked two ways.
#   b) schemathesis against /api/openapi.json (admin token): server errors, time-outs and dropped connections fail
#      the step; the other checks (schema drift) are printed as a report only, for now.
#   a) Tests/fuzz/fuzz_queries.py: hostile query values on every GET route (pages and API, viewer and admin);
#      any 5xx, reset, time-out or answer over 5 s fails, and the server must still be alive afterwards.
# b runs first so that a's closing line "fuzz: N passed, M failed" (both parts counted) is the last word.
#
#   bash Tests/fuzz/run.sh                        from the repo root, after `swift build`
#   DENSACH_BIN=/path/to/densach bash Tests/fuzz/run.sh
# Knobs: FUZZ_MAX_REQUESTS (4000), FUZZ_ST_SECONDS (schemathesis time budget, 180), FUZZ_SEED,
#        FUZZ_RESULTS (keep every request of part a as TSV there).
# Only 127.0.0.1 is contacted. Takes about 3.5 minutes on the 2-core machine (schemathesis fills its budget).
set -uo pipefail
cd "$(dirname "$0")/../.."
BIN=${DENSACH_BIN:-.build/debug/densach}
[ -x "$BIN" ] || { echo "fuzz: no server binary at $BIN (build first, or set DENSACH_BIN)"; exit 2; }
MAX_REQUESTS=${FUZZ_MAX_REQUESTS:-4000}
ST_SECONDS=${FUZZ_ST_SECONDS:-180}
SEED=${FUZZ_SEED:-20261201}

# schemathesis 4.x from PyPI (the options below are 4.x ones; 4.32.5 tested), into the python3 that runs it
# (python3 -m avoids PATH surprises).
python3 -c "import schemathesis" 2>/dev/null || python3 -m pip install --quiet --disable-pip-version-check "schemathesis>=4.3,<5" \
  || { echo "fuzz: cannot install schemathesis"; exit 2; }

started=$(date +%s)
source Tests/support/demo-server.sh
start_demo_server "$BIN" fuzz

FUZZ_TOKEN_VIEWER=$("$BIN" users token xem --database "$DB" | tail -1) || { echo "fuzz: no token for xem"; exit 1; }
FUZZ_TOKEN_ADMIN=$("$BIN" users token admin --database "$DB" | tail -1) || { echo "fuzz: no token for admin"; exit 1; }
# The iCalendar feeds take a calendar token in the URL instead (an older binary without --calendar: the fuzzer
# asks the calendar page for one).
FUZZ_CALENDAR_TOKEN=$("$BIN" users token xem --calendar --database "$DB" 2>/dev/null | tail -1) || FUZZ_CALENDAR_TOKEN=
export FUZZ_TOKEN_VIEWER FUZZ_TOKEN_ADMIN FUZZ_CALENDAR_TOKEN

# --- b) schemathesis ---------------------------------------------------------------------------------------------
# All checks run (so the report shows the drift); only the ones schemathesis_report.py calls fatal fail the step.
# --max-time is a budget that the fuzzing and stateful phases fill; -n bounds the cases per operation and round.
echo
echo "== schemathesis (all phases, --checks all, ${ST_SECONDS} s budget)"
st_started=$(date +%s)
# Run from $WORK: schemathesis and hypothesis keep caches (.schemathesis/, .hypothesis/) in the current folder.
(cd "$WORK" && python3 -m schemathesis.cli run "$BASE/api/openapi.json" \
  -H "Authorization: Bearer $FUZZ_TOKEN_ADMIN" \
  --checks all --max-response-time 5 --request-timeout 5 \
  --phases examples,coverage,fuzzing,stateful --mode all -n 100 --max-time "$ST_SECONDS" \
  --workers 2 --seed "$SEED" --generation-with-security-parameters false --generation-database none \
  --no-color --report junit --report-junit-path "$WORK/schemathesis.xml" >"$WORK/schemathesis.out" 2>&1)
st_rc=$?
echo "schemathesis: exit $st_rc after $(( $(date +%s) - st_started )) s; its own summary:"
sed -n '/= SUMMARY =/,$p' "$WORK/schemathesis.out" | sed 's/^/  | /'
python3 Tests/fuzz/schemathesis_report.py "$WORK/schemathesis.xml" --counts "$WORK/st-counts"
st_fatal=$?
read -r ST_PASSED ST_FAILED <"$WORK/st-counts" || { ST_PASSED=0; ST_FAILED=1; }
if ! kill -0 "$SERVER_PID" 2>/dev/null; then
  echo "fuzz: FAILURE: the server died during schemathesis; last log lines:"; tail -30 "$LOG"
fi
if [ "$st_fatal" -ne 0 ]; then
  echo "schemathesis: server log, error lines:"
  grep -E '\b(error|critical)\b' "$LOG" | sed -E 's/hb\.request\.id=[^ ]+ //' | sort -u -k3 | head -20 | sed 's/^/  /'
fi

# --- a) our query-value fuzzer ----------------------------------------------------------------------------------
echo
echo "== query-value fuzzer"
python3 Tests/fuzz/fuzz_queries.py --base "$BASE" --repo . --max-requests "$MAX_REQUESTS" --timeout 5 \
  --seed "$SEED" --server-pid "$SERVER_PID" --server-log "$LOG" --results "${FUZZ_RESULTS:-$WORK/results.tsv}" \
  --also-passed "$ST_PASSED" --also-failed "$ST_FAILED"
fq_rc=$?

echo "fuzz step: schemathesis $([ "$st_fatal" -eq 0 ] && echo ok || echo FAILED), query fuzzer $([ "$fq_rc" -eq 0 ] && echo ok || echo FAILED), $(( $(date +%s) - started )) s in all"
[ "$st_fatal" -eq 0 ] && [ "$fq_rc" -eq 0 ]
