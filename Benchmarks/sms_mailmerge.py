#!/usr/bin/env python3
"""A plain Python mail merge, issue #18's second baseline: read the people CSV export (`densach export people`),
keep people who consented to SMS with a valid mobile, render a one-line Jinja2 template, strip tones, count the
parts, write CSV. Usage: sms_mailmerge.py PEOPLE.csv OUT.csv"""
import csv
import re
import sys
import unicodedata

import jinja2

TEMPLATE = jinja2.Template("UBND xa Dak To Re kinh moi {{ name }} du Ngay hoi doc sach luc 8h00 ngay 21/04/2026 tai Nha van hoa thon.")
MOBILE = re.compile(r"^0[35789]\d{8}$")


def strip_tones(text):
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def main(people, out):
    sent = 0
    with open(people, newline="", encoding="utf-8-sig") as source, open(out, "w", newline="", encoding="utf-8") as target:
        reader = csv.DictReader(source)
        writer = csv.writer(target, lineterminator="\n")
        writer.writerow(["phone", "message", "segments"])
        for row in reader:
            phone = row["Điện thoại"].replace(" ", "")
            if row["Đồng ý nhận tin"] != "có" or not MOBILE.match(phone):
                continue
            message = strip_tones(TEMPLATE.render(name=row["Họ và tên"]))
            writer.writerow(["+84" + phone[1:], message, 1 if len(message) <= 160 else -(-len(message) // 153)])
            sent += 1
    print(f"mail merge: {sent} messages", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
