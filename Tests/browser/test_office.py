"""Office downloads read by independent readers, as a colleague's Excel or Word would read them: the donations workbook
(openpyxl: typed cells, a bold frozen header with a filter, the sheet named after the list, the file's title) and a
decision (python-docx: A4, NĐ 30 margins, the recipients' table)."""
import datetime
import io
import urllib.request

import docx
import openpyxl

from conftest import BASE, make_driver, sign_in


def download(path):
    """A file as the signed-in officer downloads it: (content type, bytes)."""
    driver = make_driver(1280, 800)
    try:
        sign_in(driver)
        cookies = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())
    finally:
        driver.quit()
    request = urllib.request.Request(BASE + path, headers={"Cookie": cookies})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.headers.get("Content-Type"), response.read()


def test_donations_workbook_opens_with_real_cells():
    kind, body = download("/donations.xlsx")
    assert kind == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    workbook = openpyxl.load_workbook(io.BytesIO(body))
    sheet = workbook.active
    assert workbook.sheetnames == ["Ủng hộ"]
    assert "ủng hộ" in workbook.properties.title.lower()
    header = [cell.value for cell in sheet[1]]
    assert header[:3] == ["Số biên lai", "Ngày nhận", "Nhà tài trợ"], header
    assert all(cell.font.b for cell in sheet[1] if cell.value), "header bold"
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref.startswith("A1:")
    assert sheet.max_row > 10, "the demo's gifts are in it"
    money = [row for row in sheet.iter_rows(min_row=2) if isinstance(row[5].value, int)]
    assert money, "cash amounts are numbers"
    assert money[0][5].number_format == "#,##0"
    dates = [row[1] for row in sheet.iter_rows(min_row=2)]
    assert all(isinstance(cell.value, datetime.datetime) and cell.number_format == "dd/mm/yyyy" for cell in dates)
    assert sheet.column_dimensions["C"].width >= 20, "columns as wide as their values"


def test_decision_opens_in_word_form():
    """The decision as python-docx reads it: A4 with NĐ 30 margins, the title, the recipients' table."""
    kind, body = download("/honours/decisions/1/decision.docx")
    assert kind == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    document = docx.Document(io.BytesIO(body))
    section = document.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    assert round(section.left_margin.mm) == 30 and round(section.right_margin.mm) == 15 and round(section.top_margin.mm) == 20
    texts = [p.text for p in document.paragraphs]
    assert "QUYẾT ĐỊNH" in texts and "QUYẾT ĐỊNH:" in texts
    assert any(t.startswith("Điều 1.") for t in texts)
    recipients = document.tables[1]
    assert [c.text for c in recipients.rows[0].cells] == ["STT", "Tập thể, cá nhân", "Thôn, đơn vị", "Thành tích", "Tiền thưởng"]
    assert len(recipients.rows) >= 3, "header, recipients, total"
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in document.tables[0].rows[0].cells[1].text


def test_certificates_in_word_are_landscape_one_per_page():
    _, body = download("/honours/decisions/1/certificates.docx")
    document = docx.Document(io.BytesIO(body))
    section = document.sections[0]
    assert round(section.page_width.mm) == 297 and round(section.page_height.mm) == 210, "A4 landscape"
    titles = [p for p in document.paragraphs if p.text in ("GIẤY KHEN", "BẰNG CÔNG NHẬN", "BIỂU DƯƠNG")]
    breaks = sum(1 for p in document.paragraphs if "w:type=\"page\"" in p._p.xml)
    assert len(titles) >= 2 and breaks == len(titles) - 1, f"{len(titles)} certificates, {breaks} page breaks"
