#!/usr/bin/env python3
"""Crash safety of Đèn Sách under kill -9 (standard library only; Benchmarks/crash-safety.sh runs it).

(i)  writes: the server on a file database, 4 writers POSTing /api/v1/people with unique names (admin token);
     every 201 is recorded with its id; the server is killed with SIGKILL at a random moment 1–3 s in, restarted,
     and every acknowledged person must be there with its name (SQLite, and the API for a sample); then
     `densach check`. The same database goes through all rounds, so it also survives repeated crashes.
(ii) import: a CSV of N people (`Họ và tên,Giới tính,Năm sinh,Thôn`, some villages missing, so --create-villages
     creates them in the same transaction); `densach import people` is killed with SIGKILL at a random moment of its
     run; the person count must be the one before or before+N, the village count likewise, indexes and triggers
     (which the bulk path drops inside its transaction) must all be back, and `densach check` must pass.

Goals: 0 acknowledged writes lost, 0 all-or-nothing violations, 0 integrity failures. Exit 1 when one is missed.
Only 127.0.0.1 is contacted.
"""
import argparse
import csv
import http.client
import json
import os
import random
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

PASSWORD = "crash-safety-pass-1"


def free_port(start=18290):
    for port in range(start, start + 200):
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
                return port
            except OSError:
                pass
    raise SystemExit("crash-safety: no free port")


class Server:
    """The real server process, started directly (no shell) so that SIGKILL hits the server itself."""

    def __init__(self, args, db, log):
        self.args, self.db, self.log, self.proc = args, db, log, None
        self.port = free_port()

    def start(self, demo=False, wait=180):
        cmd = [self.args.bin, "serve", "--database", str(self.db), "--port", str(self.port),
               "--web", "web", "--templates", "Templates", "--campaigns", "campaigns"] + (["--demo"] if demo else [])
        env = dict(os.environ, DENSACH_ADMIN_PASSWORD=PASSWORD)
        with open(self.log, "ab") as log:
            self.proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=self.args.repo)
        started = time.monotonic()
        while time.monotonic() - started < wait:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited with {self.proc.returncode} while starting (log {self.log})")
            try:
                if urllib.request.urlopen(f"http://127.0.0.1:{self.port}/healthz", timeout=2).status == 200:
                    return time.monotonic() - started
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"server not up after {wait} s (log {self.log})")

    def kill9(self):
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def run_check(args, db):
    """`densach check`: SQLite integrity, foreign keys, kept counters. Returns (ok, last line)."""
    r = subprocess.run([args.bin, "check", "--database", str(db)], capture_output=True, text=True, cwd=args.repo)
    text = (r.stdout + r.stderr).strip()
    return r.returncode == 0, text.splitlines()[-1] if text else f"exit {r.returncode}"


def schema_objects(db):
    with sqlite3.connect(db) as c:
        return set(c.execute("SELECT type, name FROM sqlite_master WHERE type IN ('index', 'trigger', 'table')"))


def fts_ok(db, workdir):
    """FTS5's own integrity-check, on a copy (it is a write statement)."""
    copy = Path(workdir) / "fts-check.sqlite"
    with sqlite3.connect(db) as src, sqlite3.connect(copy) as dst:
        src.backup(dst)
    try:
        with sqlite3.connect(copy) as c:
            for table in ("person_fts", "unit_fts"):
                c.execute(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")
        return True
    except sqlite3.DatabaseError as e:
        print(f"    FTS integrity-check failed: {e}")
        return False
    finally:
        copy.unlink(missing_ok=True)


def count(db, sql):
    with sqlite3.connect(db) as c:
        return c.execute(sql).fetchone()[0]


def token(args, db, login="admin"):
    r = subprocess.run([args.bin, "users", "token", login, "--database", str(db)], capture_output=True, text=True,
                       cwd=args.repo, check=True)
    return r.stdout.strip().splitlines()[-1]

# --- (i) acknowledged API writes under kill -9 -------------------------------------------------------------------


def writer(port, tok, villages, tag, stop, acked, lock):
    """POSTs people until the connection breaks. Only a complete 201 with an id counts as acknowledged."""
    conn, n = None, 0
    while not stop.is_set():
        n += 1
        name = f"Kiểm Thử {tag} Số {n}"
        body = json.dumps({"fullName": name, "villageId": random.choice(villages), "birthYear": 1990,
                           "gender": "nữ" if n % 2 else "nam"}).encode()
        try:
            if conn is None:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            conn.request("POST", "/api/v1/people", body,
                         {"Authorization": f"Bearer {tok}", "Content-Type": "application/json"})
            resp = conn.getresponse()
            data = resp.read()
        except (OSError, http.client.HTTPException):
            return  # the server is gone: whatever was in flight is not acknowledged
        if resp.status == 201:
            with lock:
                acked.append((json.loads(data)["id"], name))
        else:
            with lock:
                acked.append((None, f"{resp.status} {data[:200]!r}"))  # refused write: reported, not counted
            time.sleep(0.05)


def writes_part(args, work, rnd):
    db = work / "writes.sqlite"
    server = Server(args, db, work / "server-writes.log")
    rows, all_acked = [], []
    try:
        up = server.start(demo=True)
        print(f"(i) writes: demo database ready in {up:.1f} s (port {server.port})")
        tok = token(args, db)
        with sqlite3.connect(db) as c:
            villages = [r[0] for r in c.execute("SELECT id FROM unit WHERE kind = 'village' ORDER BY id")]
        for rnd_no in range(1, args.write_rounds + 1):
            if rnd_no > 1:
                server.start()
            stop, lock, acked = threading.Event(), threading.Lock(), []
            threads = [threading.Thread(target=writer, args=(server.port, tok, villages, f"V{rnd_no:02d}-{w}", stop,
                                                             acked, lock)) for w in range(args.writers)]
            t0 = time.monotonic()
            for t in threads:
                t.start()
            kill_at = rnd.uniform(1.0, 3.0)
            time.sleep(kill_at)
            server.kill9()  # mid-write: the writers see their connections drop
            writing = time.monotonic() - t0
            stop.set()
            for t in threads:
                t.join()
            refused = [a for a in acked if a[0] is None]
            acked = [a for a in acked if a[0] is not None]
            all_acked += acked
            # Restart on the crashed files (SQLite replays the WAL), then look for every acknowledged write.
            restart = server.start()
            ids = [a[0] for a in acked]
            with sqlite3.connect(db) as c:
                stored = dict(c.execute(f"SELECT id, fullName FROM person WHERE id IN ({','.join(map(str, ids)) or 'NULL'})"))
                tag = f"Kiểm Thử V{rnd_no:02d}-%"
                present = c.execute("SELECT count(*) FROM person WHERE fullName LIKE ?", (tag,)).fetchone()[0]
            lost = [a for a in acked if stored.get(a[0]) != a[1]]
            # The API too, for a sample: the restarted server must serve them.
            api_lost = set()
            for pid, name in rnd.sample(acked, min(20, len(acked))):
                c = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
                c.request("GET", f"/api/v1/people/{pid}", headers={"Authorization": f"Bearer {tok}"})
                r = c.getresponse()
                data = r.read()
                if r.status != 200 or json.loads(data).get("fullName") != name:
                    api_lost.add(pid)
                c.close()
            server.stop()  # a clean stop, so that check has the file to itself
            ok, msg = run_check(args, db)
            lost_ids = {a[0] for a in lost} | api_lost  # missing from the file, or not served by the API
            rows.append({"round": rnd_no, "kill_at": kill_at, "acked": len(acked), "lost": len(lost_ids),
                         "api_lost": len(api_lost),
                         "committed_unacked": present - len(acked) + len(lost), "refused": len(refused),
                         "restart": restart, "check": ok, "check_msg": msg})
            for a in lost[:5]:
                print(f"    LOST: id {a[0]} {a[1]!r} (stored: {stored.get(a[0])!r})")
            for a in refused[:3]:
                print(f"    refused write: {a[1]}")
            print(f"  round {rnd_no:2d}: killed at {kill_at:.2f} s, {len(acked)} acknowledged ({len(acked) / writing:,.0f}/s), "
                  f"{len(lost_ids)} lost, "
                  f"{rows[-1]['committed_unacked']} in flight and kept, restart {restart:.1f} s, check {'ok' if ok else 'FAILED: ' + msg}")
        # Finally every write acknowledged in any round, after all the crashes.
        with sqlite3.connect(db) as c:
            stored = dict(c.execute("SELECT id, fullName FROM person WHERE fullName LIKE 'Kiểm Thử V%'"))
        final_lost = sum(1 for pid, name in all_acked if stored.get(pid) != name)
        print(f"  after all rounds: {len(all_acked)} acknowledged in total, {final_lost} missing")
        return rows, final_lost
    finally:
        server.stop()

# --- (ii) all-or-nothing import under kill -9 --------------------------------------------------------------------


def make_csv(path, rows, villages, rnd):
    family = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô"]
    middle = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thanh", "Quốc", "Xuân"]
    given = ["An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Hải", "Hùng", "Lan", "Linh", "Mai", "Nam", "Phúc", "Quân",
             "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Vy", "Yến", "Y Blim", "H'Hen"]
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["Họ và tên", "Giới tính", "Năm sinh", "Thôn"])
        for i in range(rows):
            w.writerow([f"{rnd.choice(family)} {rnd.choice(middle)} {rnd.choice(given)}",
                        rnd.choice(["Nam", "Nữ"]), rnd.randint(1930, 2024), rnd.choice(villages)])


def import_part(args, work, rnd):
    # A pristine demo database, made once by the server and copied (SQLite backup API: one clean file) per round.
    base = work / "import-base.sqlite"
    server = Server(args, work / "import-seed.sqlite", work / "server-import.log")
    try:
        server.start(demo=True)
    finally:
        server.stop()
    with sqlite3.connect(server.db) as src, sqlite3.connect(base) as dst:
        src.backup(dst)
        existing = [r[0] for r in src.execute("SELECT name FROM unit WHERE kind = 'village' ORDER BY id")]
    missing = ["Thôn Kiểm Thử A", "Thôn Kiểm Thử B"]  # created by --create-villages inside the import
    csv_path = work / "people.csv"
    t = time.monotonic()
    make_csv(csv_path, args.rows, existing + missing, rnd)
    print(f"(ii) import: {args.rows:,} rows ({csv_path.stat().st_size / 1e6:.1f} MB) written in {time.monotonic() - t:.1f} s, "
          f"villages {len(existing)} existing + {len(missing)} to create")
    before_schema = schema_objects(base)
    people0 = count(base, "SELECT count(*) FROM person")
    units0 = count(base, "SELECT count(*) FROM unit")

    def run_import(db, kill_after=None):
        cmd = [args.bin, "import", "people", str(csv_path), "--database", str(db), "--create-villages"]
        t0 = time.monotonic()
        p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=args.repo)
        try:
            p.wait(kill_after)
            return "finished", time.monotonic() - t0, p.returncode, p.stderr.read().decode(errors="replace")
        except subprocess.TimeoutExpired:
            p.send_signal(signal.SIGKILL)
            p.wait()
            return "killed", time.monotonic() - t0, None, ""

    # One uninterrupted import first: it must succeed (else the test proves nothing) and it times the kill window.
    db = work / "import.sqlite"
    shutil.copy(base, db)
    state, full, code, err = run_import(db)
    if code != 0 or count(db, "SELECT count(*) FROM person") != people0 + args.rows:
        raise RuntimeError(f"the uninterrupted import failed (exit {code}): {err[-500:]}")
    print(f"  uninterrupted import: {full:.1f} s ({args.rows / full:,.0f} rows/s); kills fall in 3–100% of that")
    rows = []
    for rnd_no in range(1, args.import_rounds + 1):
        for f in work.glob("import.sqlite*"):
            f.unlink()
        shutil.copy(base, db)
        kill_at = rnd.uniform(0.03, 1.0) * full  # up to the end: a kill right at the commit counts too
        state, took, code, err = run_import(db, kill_at)
        ok, msg = run_check(args, db)  # the app opens the crashed files first (WAL replay), as it would after a crash
        people = count(db, "SELECT count(*) FROM person")
        units = count(db, "SELECT count(*) FROM unit")
        outcome = "nothing" if people == people0 else "all" if people == people0 + args.rows else "PARTIAL"
        units_ok = (units == units0 and outcome == "nothing") or (units == units0 + len(missing) and outcome == "all")
        schema_ok = schema_objects(db) == before_schema
        fts = fts_ok(db, work)
        violation = outcome == "PARTIAL" or not units_ok
        rows.append({"round": rnd_no, "kill_at": kill_at, "state": state, "people": people - people0, "units": units - units0,
                     "outcome": outcome, "violation": violation, "check": ok and schema_ok and fts, "check_msg": msg,
                     "schema_ok": schema_ok, "fts": fts})
        extra = "" if state == "killed" else f" (finished before the kill, exit {code})"
        print(f"  round {rnd_no:2d}: kill at {kill_at:.2f} s{extra}: +{people - people0} people, +{units - units0} villages "
              f"-> {outcome}{'' if units_ok else ' (VILLAGES DISAGREE)'}; check {'ok' if ok else 'FAILED: ' + msg}"
              f"{'' if schema_ok else '; INDEXES/TRIGGERS DIFFER'}{'' if fts else '; FTS BROKEN'}")
    return rows, full

# --- main ---------------------------------------------------------------------------------------------------------


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=os.environ.get("DENSACH_BIN", ".build/debug/densach"))
    ap.add_argument("--repo", default=".")
    ap.add_argument("--write-rounds", type=int, default=10)
    ap.add_argument("--writers", type=int, default=4)
    ap.add_argument("--import-rounds", type=int, default=10)
    ap.add_argument("--rows", type=int, default=200_000)
    ap.add_argument("--seed", type=int, default=int(time.time()))
    ap.add_argument("--keep", help="keep the databases and logs in this folder")
    args = ap.parse_args()
    args.repo = str(Path(args.repo).resolve())
    args.bin = str(Path(args.repo, args.bin).resolve()) if not os.path.isabs(args.bin) else args.bin
    if not os.access(args.bin, os.X_OK):
        raise SystemExit(f"crash-safety: no densach binary at {args.bin} (build first, or set DENSACH_BIN)")
    rnd = random.Random(args.seed)
    random.seed(args.seed)
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="densach-crash."))
    work.mkdir(parents=True, exist_ok=True)
    print(f"crash-safety: binary {args.bin}, seed {args.seed} (rerun the same kills with --seed), work {work}")
    t0 = time.monotonic()
    try:
        w_rows, final_lost = writes_part(args, work, rnd) if args.write_rounds else ([], 0)
        t1 = time.monotonic()
        i_rows, full = import_part(args, work, rnd) if args.import_rounds else ([], 0)
        t2 = time.monotonic()
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)

    print("\n== summary")
    if w_rows:
        print(f"(i) API writes, {args.writers} writers, kill -9 at 1–3 s ({t1 - t0:.0f} s)")
        print("  round | kill at | acknowledged | lost | lost (API sample) | in flight, kept | restart | check")
        for r in w_rows:
            print(f"  {r['round']:5d} | {r['kill_at']:5.2f} s | {r['acked']:12d} | {r['lost']:4d} | {r['api_lost']:17d} | "
                  f"{r['committed_unacked']:15d} | {r['restart']:5.1f} s | {'ok' if r['check'] else 'FAILED'}")
    if i_rows:
        print(f"(ii) import of {args.rows:,} rows, uninterrupted {full:.1f} s, kill -9 at a random moment ({t2 - t1:.0f} s)")
        print("  round | kill at  | import   | people added | villages added | outcome | check")
        for r in i_rows:
            print(f"  {r['round']:5d} | {r['kill_at']:6.2f} s | {r['state']:8s} | {r['people']:12d} | {r['units']:14d} | "
                  f"{r['outcome']:7s} | {'ok' if r['check'] else 'FAILED'}")
    lost = sum(r["lost"] for r in w_rows)
    violations = sum(r["violation"] for r in i_rows)
    integrity = sum(not r["check"] for r in w_rows + i_rows)
    print(f"acknowledged writes lost: {lost} (goal 0), of {sum(r['acked'] for r in w_rows)} acknowledged; "
          f"missing after all rounds: {final_lost}")
    print(f"all-or-nothing violations: {violations} (goal 0), in {len(i_rows)} import rounds "
          f"({sum(r['state'] == 'killed' for r in i_rows)} killed mid-run, "
          f"{sum(r['outcome'] == 'all' for r in i_rows)} kept whole, {sum(r['outcome'] == 'nothing' for r in i_rows)} rolled back)")
    print(f"integrity failures: {integrity} (goal 0), in {len(w_rows) + len(i_rows)} checks")
    print(f"crash-safety: {time.monotonic() - t0:.0f} s in all")
    return 1 if lost or final_lost or violations or integrity else 0


if __name__ == "__main__":
    sys.exit(main())
