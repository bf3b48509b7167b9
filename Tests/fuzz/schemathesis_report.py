#!/usr/bin/env python3
"""Reads schemathesis' JUnit report and splits what it found into fatal and report-only.

Fatal (the step fails): a server error (ST101, ST102), a response over the time limit (ST112), and a network
error (connection refused or reset, timeout: the server crashed or hung). Everything else (schema drift:
undocumented status codes, rejected valid input, accepted invalid input, …) is printed as a report for now.

  schemathesis_report.py JUNIT_XML [--counts FILE]
--counts writes "PASSED FAILED" (operations without / with a fatal finding) for the closing line.
"""
import argparse
import collections
import re
import sys
import xml.etree.ElementTree as ET

FATAL_CODES = {"ST101", "ST102", "ST112"}
NETWORK = re.compile(r"connection|timed? ?out|reset|refused|remote end closed|RemoteDisconnected", re.I)


def cases(text):
    """[(case id, [(code, title)], first curl line)] from one <failure> text."""
    out = []
    for chunk in re.split(r"(?m)^(?=\d+\. Test Case ID: )", text):
        m = re.match(r"\d+\. Test Case ID: (\S+)", chunk)
        if not m:
            continue
        codes = re.findall(r"(?m)^- (ST\d+) (.+)$", chunk)
        curl = next((l.strip() for l in chunk.splitlines() if l.strip().startswith("curl ")), "")
        status = re.search(r"(?m)^\[(\d{3})\] ", chunk)
        out.append((m.group(1), codes, curl, status.group(1) if status else "?"))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("junit")
    ap.add_argument("--counts")
    args = ap.parse_args()
    try:
        root = ET.parse(args.junit).getroot()
    except (OSError, ET.ParseError) as e:
        print(f"schemathesis: FAILED: no readable JUnit report ({e})")
        if args.counts:
            open(args.counts, "w").write("0 1\n")
        return 1

    fatal, report = [], []                      # (operation, code, title, status, curl)
    by_code = collections.defaultdict(set)      # code + title -> operations
    operations = root.findall(".//testcase")
    fatal_ops = set()
    for tc in operations:
        op = tc.get("name")
        for el in list(tc):
            if el.tag == "failure":
                for _case, codes, curl, status in cases(el.text or ""):
                    for code, title in codes:
                        item = (op, code, title, status, curl)
                        by_code[f"{code} {title}"].add(op)
                        (fatal if code in FATAL_CODES else report).append(item)
                        if code in FATAL_CODES:
                            fatal_ops.add(op)
            elif el.tag == "error":
                text = (el.get("message") or "") + "\n" + (el.text or "")
                kind = "network error" if NETWORK.search(text) else "error"
                first = next((l.strip() for l in text.splitlines() if l.strip()), "")[:200]
                by_code[kind].add(op)
                item = (op, kind, first, "-", "")
                if kind == "network error":
                    fatal.append(item)
                    fatal_ops.add(op)
                else:
                    report.append(item)

    print(f"schemathesis: {len(operations)} operations; findings by check (operations):")
    for key in sorted(by_code):
        mark = "FATAL " if key.split()[0] in FATAL_CODES or key == "network error" else "report"
        print(f"  [{mark}] {key}: {len(by_code[key])}")
    if report:
        print("schemathesis: report-only findings (schema drift, not failing the step yet), one sample each:")
        seen = set()
        for op, code, title, status, curl in sorted(report):
            if (op, code) in seen:
                continue
            seen.add((op, code))
            print(f"  {code} {op} -> {status}: {curl[:220]}")
    if fatal:
        print("schemathesis: FATAL findings:")
        for op, code, title, status, curl in fatal:
            print(f"  {code} {title}: {op} -> {status}: {curl[:400]}")
    passed, failed = len(operations) - len(fatal_ops), len(fatal_ops)
    print(f"schemathesis: {failed} of {len(operations)} operations with a server error, time-out or network error")
    if args.counts:
        with open(args.counts, "w") as f:
            f.write(f"{passed} {failed}\n")
    return 1 if fatal_ops else 0


if __name__ == "__main__":
    sys.exit(main())
