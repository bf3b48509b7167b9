# Sourced by Tests/fuzz/run.sh and Tests/browser/run.sh: starts the real server on a throw-away demo database and
# waits for it. Sets WORK (temporary folder, removed on exit), PORT, BASE, DB, LOG, SERVER_PID and
# DENSACH_ADMIN_PASSWORD (shared by the demo accounts). Usage: start_demo_server BIN LABEL
start_demo_server() {
  local bin=$1 label=$2
  WORK=$(mktemp -d "/tmp/densach-$label.XXXXXX")
  SERVER_PID=
  trap 'stop_demo_server' EXIT
  trap 'exit 130' INT TERM
  # A free port from 18090 up (another run, or the developer's server, may hold one).
  PORT=$(python3 - <<'PY'
import socket
for port in range(18090, 18190):
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port)); print(port); break
        except OSError:
            pass
PY
)
  [ -n "$PORT" ] || { echo "$label: no free port in 18090-18189"; exit 2; }
  BASE="http://127.0.0.1:$PORT"
  DB="$WORK/d.sqlite"
  LOG="$WORK/server.log"
  # A password of this run only: the demo accounts share it.
  export DENSACH_ADMIN_PASSWORD="$label-$(python3 -c 'import secrets; print(secrets.token_urlsafe(12))')"
  local started
  started=$(date +%s)
  "$bin" serve --demo --database "$DB" --port "$PORT" --web web --templates Templates --campaigns campaigns >"$LOG" 2>&1 &
  SERVER_PID=$!
  # --demo fills the commune first (up to ~20 s in a debug build): wait for /healthz, at most 180 s.
  for _ in $(seq 360); do
    python3 -c "import urllib.request,sys; sys.exit(urllib.request.urlopen('$BASE/healthz', timeout=2).status != 200)" 2>/dev/null && break
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "$label: the server exited while starting:"; tail -30 "$LOG"; exit 1; }
    sleep 0.5
  done
  python3 -c "import urllib.request; urllib.request.urlopen('$BASE/healthz', timeout=2)" 2>/dev/null \
    || { echo "$label: the server did not come up in 180 s"; tail -30 "$LOG"; exit 1; }
  echo "$label: server up on port $PORT after $(( $(date +%s) - started )) s (pid $SERVER_PID, binary $bin)"
}

stop_demo_server() {
  if [ -n "${SERVER_PID:-}" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null; wait "$SERVER_PID" 2>/dev/null
  fi
  [ -n "${WORK:-}" ] && rm -rf "$WORK"
}
