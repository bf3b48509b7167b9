#!/usr/bin/env python3
"""The same SMS export as `densach export messages --template sms-invitation --audience residents --channel sms --ascii`,
written the way a script would do it: Jinja2 for the template, the csv module for the file. Baseline for Benchmarks/run.sh.
Usage: sms_export.py DATABASE OUT.csv"""
import csv
import sqlite3
import sys
import unicodedata

import jinja2

TEMPLATE = jinja2.Template(
    "UBND xã {{ commune }} kính mời {{ call_form }} {{ given_name }} dự {{ title }} lúc {{ time }} ngày {{ date }}"
    "{% if place %} tại {{ place }}{% endif %}.")
GSM7 = set("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿"
           "abcdefghijklmnopqrstuvwxyzäöñüà")
GSM7_EXT = set("^{}\\[~]|€\f")


def ascii_fold(text):
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def segments(text):
    if all(c in GSM7 or c in GSM7_EXT for c in text):
        length = sum(2 if c in GSM7_EXT else 1 for c in text)
        return ("GSM-7", 1 if length <= 160 else -(-length // 153))
    length = len(text.encode("utf-16-le")) // 2
    return ("UCS-2", 1 if length <= 70 else -(-length // 67))


def call_form(gender, birth_year, year=2026):
    age = year - birth_year if birth_year else None
    if age is not None and age < 16:
        return "Em"
    young = age is not None and age < 40
    if gender == "male":
        return "Anh" if young else "Ông"
    if gender == "female":
        return "Chị" if young else "Bà"
    return "Anh/Chị" if young else "Ông/Bà"


def main(database, out):
    db = sqlite3.connect(database)
    rows = db.execute("""
        SELECT p.fullName, p.gender, p.birthYear, p.phone,
          coalesce((SELECT max(CASE WHEN c.withdrawnOn IS NULL THEN 2 ELSE 1 END) FROM consent c
                    WHERE c.channel = 'sms' AND c.personId = p.id), 0)
        FROM person p""")
    seen = set()
    sent = 0
    with open(out, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["phone", "message", "segments", "encoding", "sender", "send_window"])
        for name, gender, birth_year, phone, consent in rows:
            if consent != 2 or not phone or phone in seen:
                continue
            seen.add(phone)
            message = ascii_fold(TEMPLATE.render(
                commune="Đăk Tờ Re", call_form=call_form(gender, birth_year), given_name=name.split()[-1],
                title="Ngày hội đọc sách", time="8h00", date="21/04/2026", place="Nhà văn hóa thôn"))
            encoding, parts = segments(message)
            writer.writerow([phone, message, parts, encoding, "", ""])
            sent += 1
    print(f"python+jinja2: {sent} messages", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
