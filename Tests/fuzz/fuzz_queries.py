#!/usr/bin/env python3
"""Query-value fuzzer for the Đèn Sách server (standard library only).

Sends every GET route of the server hostile query values and fails on what a user must never see:
a 5xx, a dropped or reset connection (the server crashed or hung up), or an answer slower than the limit.
Afterwards the server process must still be alive and /healthz must answer 200.

The route list comes from the Swift sources (so a new page is fuzzed without touching this file):
each `router.get("…")` is attributed to the top-level type it is written in, and that type's
`X(…).addRoutes(to: group)` line in BuildApplication.swift gives its prefix (`api/v1` or none).
The API paths of web/openapi.json are added too, so a route the regex misses is still covered.

Usage (run.sh does all this):
  fuzz_queries.py --base http://127.0.0.1:PORT --repo . --server-pid PID --server-log LOG
  env: DENSACH_ADMIN_PASSWORD (web sign-in), FUZZ_TOKEN_VIEWER, FUZZ_TOKEN_ADMIN (API tokens),
       FUZZ_CALENDAR_TOKEN (optional: the calendar feeds' ?token=)
Closing line: "fuzz: N passed, M failed".
"""
import argparse
import concurrent.futures
import http.client
import json
import os
import random
import re
import sys
import threading
import time
import urllib.parse
from pathlib import Path

# --- what to send -----------------------------------------------------------------------------------------------

# The query names from the brief, plus every name the Swift sources read (found at start, see query_names_in()).
BASE_QUERY_NAMES = ["year", "page", "perPage", "village", "unit", "campaign", "sponsor", "person", "library",
                    "account", "parent", "nomination", "pledge", "volunteer", "date", "q", "kind", "status",
                    "form", "msg", "next", "to"]

# Hostile values. Each is given as it goes on the wire (already percent-encoded where needed), so "%00" really is
# a NUL byte for the server and a malformed escape like "%" reaches its decoder unchanged.
def enc(text):
    return urllib.parse.quote(text, safe="")

HOSTILE_VALUES = [
    "0", "-1", "10000", "99999999", "-9223372036854775808", "9223372036854775807", "9223372036854775808",
    "1e3", "abc", "%00", "%", "%FF%FE",                                # NUL, a broken escape, invalid UTF-8
    "a" * 300, "x" * 5000, enc("Nguyễn " * 600),                       # long values (ASCII and Vietnamese)
    enc('"\u0301'), enc("\u0301"), enc("*"), enc("a OR b"), enc("NEAR(a b)"),  # FTS query syntax
    enc("x\u0b43y"), enc("x\u093ey"), enc("x\u064ey"),                # a combining mark inside a word (FTS)
    enc("<script>alert(1)</script>"), enc("../../etc/passwd"), enc("//evil.example"),
    enc("31/02/2020"), enc("31/12/9999"), "2025-02-30", "1899", "2101",
    enc(" "), "1.5", enc("２０２５"), enc("' OR 1=1 --"), enc("\r\nX-Injected: 1"),
]

# Ids for path parameters: real ones first (demo ids 1 and 2 exist for most tables), then a few hostile ones.
PATH_VALUES = {"year": ["2025"], "file": ["1.ics"]}
PATH_ID_VALUES = ["1", "2"]
HOSTILE_PATH_VALUES = ["0", "-1", "99999999", "9223372036854775808", "abc", "%00", enc("x\u0b43y")]

# --- routes -----------------------------------------------------------------------------------------------------

ROUTE_CALL = re.compile(r'\brouter\.(get|head)\(\s*"([^"]*)"')
TOP_TYPE = re.compile(r'^(?:public |final |private |fileprivate )*(?:struct|class|enum|extension|actor)\s+(\w+)')
QUERY_CALL = re.compile(r'\b(?:query|queryId|queryInt|queryDate|queryYear)\(\s*"(\w+)"|queryParameters\["(\w+)"\]')
# Helpers in Views/ViewHelpers.swift that read a fixed name.
QUERY_HELPERS = {"queryYear()": "year", "queryPage()": "page", "queryPerPage(": "perPage", "Flash.message(": "msg"}


def group_prefixes(build_swift):
    """Type name -> path prefix, from `let api = router.group("api/v1")` and `X(…).addRoutes(to: api)`."""
    text = build_swift.read_text(encoding="utf-8")
    groups = {"router": ""}
    for name, prefix in re.findall(r'let\s+(\w+)\s*=\s*router\.group\(\s*(?:"([^"]*)")?\s*\)', text):
        groups[name] = prefix.strip("/")
    owners = {}
    for type_name, group in re.findall(r'\b(\w+)\([^\n]*\)\.addRoutes\(to:\s*(\w+)\)', text):
        if group not in groups:
            raise SystemExit(f"fuzz: unknown route group {group!r} in {build_swift}")
        owners[type_name] = (groups[group], group == "router")
    return owners


def routes_from_sources(repo):
    """[(path, source file, public)] for every GET route, prefixed by the group its type is added to
    (public: added to the router itself, outside the groups that require signing in)."""
    src = repo / "Sources" / "BackOffice"
    owners = group_prefixes(src / "App" / "BuildApplication.swift")
    found, unknown = [], []
    for swift in sorted(src.rglob("*.swift")):
        current = None
        for line in swift.read_text(encoding="utf-8").splitlines():
            m = TOP_TYPE.match(line)
            if m:
                current = m.group(1)
            for _method, path in ROUTE_CALL.findall(line):
                if current not in owners:
                    unknown.append(f"{swift.name}: {current} {path}")
                    continue
                prefix, public = owners[current]
                full = "/" + "/".join(p for p in (prefix, path.strip("/")) if p)
                found.append((full, swift, public))
    if unknown:
        print("fuzz: note: routes of types not added in BuildApplication.swift (skipped):", *unknown, sep="\n  ")
    return found


def routes_from_openapi(repo):
    doc = json.loads((repo / "web" / "openapi.json").read_text(encoding="utf-8"))
    out = {}
    for path, item in doc.get("paths", {}).items():
        if "get" in item:
            names = [p.get("name") for p in item["get"].get("parameters", []) + item.get("parameters", [])
                     if isinstance(p, dict) and p.get("in") == "query"]
            out[re.sub(r"\{(\w+)\}", r":\1", path)] = names
    return out


def query_names_in(swift_file):
    text = swift_file.read_text(encoding="utf-8")
    names = {a or b for a, b in QUERY_CALL.findall(text)}
    return names | {name for helper, name in QUERY_HELPERS.items() if helper in text}


def fill_path(path, value_for_param):
    return "/".join(value_for_param(seg[1:]) if seg.startswith(":") else seg for seg in path.split("/"))

# --- HTTP -------------------------------------------------------------------------------------------------------

class Client:
    def __init__(self, base, timeout):
        u = urllib.parse.urlsplit(base)
        self.host, self.port, self.timeout = u.hostname, u.port, timeout

    def request(self, method, target, headers=None, body=None):
        """One request on a fresh connection (a reset can then only mean the server dropped it)."""
        conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        started = time.monotonic()
        try:
            h = {"Connection": "close", "User-Agent": "densach-fuzz"}
            h.update(headers or {})
            conn.putrequest(method, target, skip_accept_encoding=True)  # target sent as-is, no re-encoding
            for k, v in h.items():
                conn.putheader(k, v)
            if body is not None:
                conn.putheader("Content-Length", str(len(body)))
            conn.endheaders(body)
            resp = conn.getresponse()
            data = resp.read()
            return resp.status, resp.getheaders(), data, time.monotonic() - started
        finally:
            conn.close()


def sign_in(client, login, password):
    """The web form: GET /login for the hidden _csrf and its cookie, then POST the form. Returns the session cookie."""
    status, headers, body, _ = client.request("GET", "/login")
    if status != 200:
        raise SystemExit(f"fuzz: GET /login answered {status}")
    m = re.search(rb'name="_csrf"\s+value="([^"]+)"', body) or re.search(rb'value="([^"]+)"\s+name="_csrf"', body)
    if not m:
        raise SystemExit("fuzz: no _csrf field on /login")
    csrf = m.group(1).decode()
    cookies = [v.split(";", 1)[0] for k, v in headers if k.lower() == "set-cookie"]
    form = urllib.parse.urlencode({"login": login, "password": password, "_csrf": csrf, "next": "/"}).encode()
    status, headers, body, _ = client.request("POST", "/login", {
        "Content-Type": "application/x-www-form-urlencoded", "Cookie": "; ".join(cookies)}, form)
    session = [v.split(";", 1)[0] for k, v in headers if k.lower() == "set-cookie" and v.startswith("densach_session=")]
    if status not in (302, 303) or not session or session[0] == "densach_session=":
        raise SystemExit(f"fuzz: sign-in as {login} failed ({status}): {body[:300]!r}")
    return session[0]

def calendar_token_from_page(client, session):
    """A calendar token the way a person gets one: the form on /campaigns/calendar (POST with its _csrf)."""
    status, _, body, _ = client.request("GET", "/campaigns/calendar", {"Cookie": session})
    m = re.search(rb'name="_csrf"\s+value="([^"]+)"', body)  # one token per session: any form's will do
    if status != 200 or b"/campaigns/calendar/feed" not in body or not m:
        return ""
    form = urllib.parse.urlencode({"_csrf": m.group(1).decode()}).encode()
    status, _, body, _ = client.request("POST", "/campaigns/calendar/feed", {
        "Cookie": session, "Content-Type": "application/x-www-form-urlencoded"}, form)
    m = re.search(rb"all\.ics\?token=([A-Za-z0-9_\-]+)", body)
    return m.group(1).decode() if status == 200 and m else ""

# --- the plan ---------------------------------------------------------------------------------------------------

def build_plan(routes, identities, max_requests, seed):
    """A bounded, reproducible list of (identity, url), in three tiers:
    1. every route asked plainly, by the viewer and by the admin;
    2. for every (controller file, query name it reads) every hostile value once, spread round-robin over
       that file's routes (so no value is skipped for any name a controller reads);
    3. the rest (at least a sixth of the budget): hostile path ids, names the controller does not read, and many
       names at once.
    A tier that does not fit is cut at random (printed), so the run stays bounded as the app grows.
    A route's fixed query (the calendar feeds' ?token=) goes on every request but the ones fuzzing that name."""
    rnd = random.Random(seed)

    def url(r, pairs=(), path=None):
        path = path or fill_path(r["path"], lambda n: PATH_VALUES.get(n, PATH_ID_VALUES)[0])
        names = {n for n, _ in pairs}
        items = [f"{n}={v}" for n, v in r["fixed"].items() if n not in names] + [f"{n}={v}" for n, v in pairs]
        return path + ("?" + "&".join(items) if items else "")

    must = [(ident, url(r)) for r in routes for ident in identities[r["kind"]]]
    by_pair = {}
    for r in routes:
        for name in r["read"]:
            by_pair.setdefault((r["source"], name), []).append(r)
    read_cases = []
    for (_source, name), group in sorted(by_pair.items()):
        group = sorted(group, key=lambda r: r["path"])
        for i, value in enumerate(HOSTILE_VALUES):
            r = group[i % len(group)]
            read_cases.append((identities[r["kind"]][i % 2], url(r, [(name, value)])))
    extra = []
    for r in routes:
        ids = identities[r["kind"]]
        if ":" in r["path"]:
            for value in HOSTILE_PATH_VALUES:
                extra.append((rnd.choice(ids), url(r, path=fill_path(r["path"], lambda n: value))))
        for name in sorted(r["names"] - r["read"]):
            extra.append((rnd.choice(ids), url(r, [(name, rnd.choice(HOSTILE_VALUES))])))
        for _ in range(3):  # everything at once: what a hand-edited bookmark looks like
            names = rnd.sample(sorted(r["names"]), k=min(6, len(r["names"])))
            extra.append((rnd.choice(ids), url(r, [(n, rnd.choice(HOSTILE_VALUES)) for n in names])))
    budget = max(0, max_requests - len(must))
    room = budget - min(len(extra), budget // 6)
    if len(read_cases) > room:
        print(f"fuzz: note: {len(read_cases)} controller-read cases for a budget of {room}: sending a random {room}")
        read_cases = rnd.sample(read_cases, room)
    rnd.shuffle(extra)
    plan = must + read_cases + extra[:budget - len(read_cases)]
    print(f"fuzz: plan: {len(must)} plain, {len(read_cases)} hostile values on names the controllers read, "
          f"{min(len(extra), budget - len(read_cases))} of {len(extra)} other cases")
    return plan


# --- main -------------------------------------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base", required=True)
    ap.add_argument("--repo", default=".")
    ap.add_argument("--max-requests", type=int, default=4000)
    ap.add_argument("--timeout", type=float, default=5.0, help="per request; slower counts as a failure")
    ap.add_argument("--workers", type=int, default=4)
    ap.add_argument("--max-seconds", type=float, default=300, help="stop sending after this long (counted as failed)")
    ap.add_argument("--seed", type=int, default=int(os.environ.get("FUZZ_SEED", "20261201")))
    ap.add_argument("--server-pid", type=int)
    ap.add_argument("--server-log")
    ap.add_argument("--results", help="write every request's identity, status, seconds and URL here (TSV)")
    ap.add_argument("--also-passed", type=int, default=0, help="added to the closing line (other fuzz parts)")
    ap.add_argument("--also-failed", type=int, default=0)
    args = ap.parse_args()
    repo = Path(args.repo)
    client = Client(args.base, args.timeout)
    password = os.environ["DENSACH_ADMIN_PASSWORD"]
    tokens = {"xem": os.environ["FUZZ_TOKEN_VIEWER"], "admin": os.environ["FUZZ_TOKEN_ADMIN"]}
    calendar_token = os.environ.get("FUZZ_CALENDAR_TOKEN", "")
    # Identities: the viewer and the admin, by session cookie on pages and by bearer token on the API.
    sessions = {login: sign_in(client, login, password) for login in ("xem", "admin")}
    if not calendar_token:
        calendar_token = calendar_token_from_page(client, sessions["xem"])
        print(f"fuzz: calendar token from the calendar page: {'yes' if calendar_token else 'none (feeds answer 401)'}")

    # Routes: sources first, then OpenAPI GET paths the sources did not show (and say so: that is drift).
    api_doc = routes_from_openapi(repo)
    by_path = {}
    for path, swift, public in routes_from_sources(repo):
        entry = by_path.setdefault(path, {"path": path, "read": set(), "files": set(), "public": public})
        entry["read"] |= query_names_in(swift)
        entry["files"].add(swift.name)
    for path in sorted(set(api_doc) - set(by_path)):
        print(f"fuzz: note: {path} is in openapi.json but not found in the sources")
        by_path[path] = {"path": path, "read": set(), "files": set(), "public": False}
    for path in sorted(p for p in by_path if p.startswith("/api/v1/") and p not in api_doc):
        print(f"fuzz: note: GET {path} is served but not in openapi.json")
    names_all = set(BASE_QUERY_NAMES) | set().union(*(e["read"] for e in by_path.values()))
    routes = []
    for e in by_path.values():
        e["read"] |= set(api_doc.get(e["path"], []))
        e["kind"] = "api" if e["path"].startswith("/api/v1/") else "public" if e["public"] else "page"
        e["names"] = names_all
        e["source"] = min(e["files"]) if e["files"] else "openapi.json"
        # The calendar feeds read only a calendar token (?token=cal_…): without it every request is a 401.
        e["fixed"] = {"token": calendar_token} if calendar_token and "token" in e["read"] else {}
        routes.append(e)
    routes.sort(key=lambda e: e["path"])

    # Public routes (sign-in, language, honour roll, feeds, health) also get an anonymous caller.
    identities = {
        "public": [("anonymous", {}), ("xem", {"Cookie": sessions["xem"]})],
        "page": [("xem", {"Cookie": sessions["xem"]}), ("admin", {"Cookie": sessions["admin"]})],
        "api": [("xem", {"Authorization": f"Bearer {tokens['xem']}"}),
                ("admin", {"Authorization": f"Bearer {tokens['admin']}"})],
    }
    # Make sure the credentials work, or every request would only test the sign-in redirect.
    for kind, path in (("page", "/people"), ("api", "/api/v1/people")):
        for login, headers in identities[kind]:
            status = client.request("GET", path, headers)[0]
            if status != 200:
                raise SystemExit(f"fuzz: {login} is not signed in for {path} (status {status})")

    plan = build_plan(routes, identities, args.max_requests, args.seed)
    print(f"fuzz: {len(routes)} GET routes ({sum(r['kind'] == 'api' for r in routes)} API, "
          f"{sum(r['kind'] == 'public' for r in routes)} public), "
          f"{len(names_all)} query names, {len(HOSTILE_VALUES)} hostile values; sending {len(plan)} requests, "
          f"{args.workers} at a time, seed {args.seed}")

    log_offset = os.path.getsize(args.server_log) if args.server_log and os.path.exists(args.server_log) else 0
    started = time.monotonic()

    # A dead or hung server would otherwise cost up to timeout x requests: stop after 20 network failures in a
    # row, or at the deadline, and count what was not sent as failed.
    give_up = threading.Event()
    deadline = started + args.max_seconds

    def send(item):
        (login, headers), url = item
        if give_up.is_set() or time.monotonic() > deadline:
            return login, url, "not sent", "not sent (the run was cut short)", None
        try:
            status, _, body, elapsed = client.request("GET", url, headers)
        except Exception as e:  # timeout, refused, reset, half a response: all mean the server did not cope
            return login, url, None, f"{type(e).__name__}: {e}", None
        problem = None
        if status >= 500:
            problem = f"status {status}: {body[:160]!r}"
        elif elapsed > args.timeout:
            problem = f"slow: {elapsed:.2f} s"
        return login, url, status, problem, elapsed

    failures, statuses, slowest, in_a_row = [], {}, (0.0, ""), 0
    results = open(args.results, "w", encoding="utf-8") if args.results else None
    with concurrent.futures.ThreadPoolExecutor(args.workers) as pool:
        for login, url, status, problem, elapsed in pool.map(send, plan):
            if results:
                results.write(f"{login}\t{status}\t{elapsed if elapsed is None else round(elapsed, 3)}\t{url}\n")
            statuses[status] = statuses.get(status, 0) + 1
            if elapsed is not None and elapsed > slowest[0]:
                slowest = (elapsed, url)
            if problem:
                failures.append((login, url, status, problem))
            in_a_row = in_a_row + 1 if status is None else 0
            if in_a_row >= 20 and not give_up.is_set():
                give_up.set()
                print("fuzz: 20 network failures in a row: the server is down or hung; not sending the rest")
    took = time.monotonic() - started
    if results:
        results.close()

    # The server must have survived all of it.
    alive_problems = []
    if args.server_pid:
        try:
            os.kill(args.server_pid, 0)
        except OSError:
            alive_problems.append(f"server process {args.server_pid} is gone")
    try:
        status = client.request("GET", "/healthz")[0]
        if status != 200:
            alive_problems.append(f"/healthz answered {status} after the run")
    except Exception as e:
        alive_problems.append(f"/healthz failed after the run: {type(e).__name__}: {e}")

    print(f"fuzz: {len(plan) - statuses.get('not sent', 0)} of {len(plan)} requests sent in {took:.1f} s; statuses "
          + ", ".join(f"{k}: {v}" for k, v in sorted(statuses.items(), key=lambda kv: str(kv[0])))
          + f"; slowest {slowest[0]:.2f} s {slowest[1][:120]}")
    if failures:
        print(f"fuzz: FAILURES ({len(failures)}):")
        shown = [f for f in failures if f[2] != "not sent"]
        if len(shown) < len(failures):
            print(f"  ({len(failures) - len(shown)} requests not sent)")
        for login, url, status, problem in shown[:60]:
            print(f"  GET {url[:200]}  as {login}: {problem}")
        if len(shown) > 60:
            print(f"  … and {len(shown) - 60} more")
    for p in alive_problems:
        print(f"fuzz: FAILURE: {p}")
    if args.server_log and os.path.exists(args.server_log):
        with open(args.server_log, "rb") as f:
            f.seek(log_offset)
            lines = [l.decode("utf-8", "replace").rstrip() for l in f if re.search(rb"\b(error|critical)\b", l)]
        if lines:
            print(f"fuzz: server log, error lines during the run ({len(lines)}; distinct messages below):")
            seen = set()
            for l in lines:
                key = re.sub(r"hb\.request\.id=\S+ |^\S+ ", "", l)[:300]
                if key not in seen:
                    seen.add(key)
                    print("  " + l[:400])
    failed = len(failures) + len(alive_problems)
    passed = len(plan) - len(failures)
    print(f"fuzz: {passed + args.also_passed} passed, {failed + args.also_failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
