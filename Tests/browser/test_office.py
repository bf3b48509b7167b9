"""Office downloads read by independent readers, as a colleague's Excel or Word would read them: the donations workbook
(openpyxl: typed cells, a bold frozen header with a filter, the sheet named after the list, the file's title) and a
decision (python-docx: A4, NĐ 30 margins, the recipients' table)."""
import datetime
import functools
import io
import os
import pathlib
import shutil
import subprocess
import tempfile
import urllib.request

import docx
import openpyxl
import pypdf
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import BASE, SHOTS, make_driver, screenshot, sign_in

FIXTURES = pathlib.Path(__file__).parent.parent / "OfficeTests" / "Fixtures"
LAST_YEAR = datetime.date.today().year - 1


@functools.lru_cache(maxsize=1)
def session_cookies():
    """The officer's session, signed in once through the real form."""
    driver = make_driver(1280, 800)
    try:
        sign_in(driver)
        return "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())
    finally:
        driver.quit()


def download(path):
    """A file as the signed-in officer downloads it: (content type, bytes)."""
    request = urllib.request.Request(BASE + path, headers={"Cookie": session_cookies()})
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


# Every list's workbook, as Excel would open it: its sheet, a bold frozen filtered header, rows, typed cells.
LISTS = {
    "/people.xlsx": ("Người dân", "Họ và tên"), "/households.xlsx": ("Hộ gia đình", "STT"),
    "/people/consents.xlsx": ("Đồng ý nhận tin", "Họ và tên"), "/units.xlsx": ("Đơn vị", "Tên đơn vị"),
    "/sponsors.xlsx": ("Nhà tài trợ", "Nhà tài trợ"), "/pledges.xlsx": ("Cam kết", "Ngày cam kết"),
    "/volunteers.xlsx": ("Tình nguyện viên", "Họ và tên"), "/volunteers/hours.xlsx": ("Giờ tình nguyện", "Ngày"),
    "/socialization/disclosure.xlsx": ("Công khai", "STT"), "/clubs/1/members.xlsx": ("Thành viên", "Họ và tên"),
    "/clubs/1/attendance.xlsx": ("Điểm danh", "Ngày"), "/honours/roll.xlsx": ("Bảng vàng", "Năm"),
    "/honours/decisions/1/recipients.xlsx": ("Danh sách khen thưởng", "STT"),
    f"/recognition/registrations.xlsx?year={LAST_YEAR}&set=gia-dinh-hoc-tap": ("Đánh giá", "Đối tượng"),
    f"/recognition/report/indicators.xlsx?year={LAST_YEAR}": (f"Chỉ tiêu {LAST_YEAR}", "Mã"),
}


@pytest.mark.parametrize("path", list(LISTS))
def test_every_list_opens_as_a_workbook(path):
    sheet_name, first_header = LISTS[path]
    kind, body = download(path)
    assert kind == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    workbook = openpyxl.load_workbook(io.BytesIO(body))
    assert workbook.sheetnames == [sheet_name]
    sheet = workbook.active
    assert sheet[1][0].value == first_header and sheet[1][0].font.b
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref.startswith("A1:")
    assert sheet.max_row >= 2, "the demo's rows are in it"
    assert "xã" in workbook.properties.title


def test_typed_cells_of_the_lists():
    """Money as whole đồng shown #,##0, dates as dates, a phone as text with its leading 0, a share as a percentage."""
    sponsors = openpyxl.load_workbook(io.BytesIO(download("/sponsors.xlsx")[1])).active
    totals = [row[6] for row in sponsors.iter_rows(min_row=2)]
    assert all(isinstance(c.value, int) and c.number_format == "#,##0" for c in totals)
    pledges = openpyxl.load_workbook(io.BytesIO(download("/pledges.xlsx")[1])).active
    assert all(isinstance(row[7].value, datetime.datetime) and row[7].number_format == "dd/mm/yyyy" for row in pledges.iter_rows(min_row=2))
    people = openpyxl.load_workbook(io.BytesIO(download("/people.xlsx")[1])).active
    phones = [row[5].value for row in people.iter_rows(min_row=2) if row[5].value]
    assert phones and all(isinstance(p, str) and p.startswith("0") and len(p) == 10 for p in phones)
    assert all(isinstance(row[2].value, int) for row in people.iter_rows(min_row=2) if row[2].value is not None), "years of birth are numbers"


def test_yearly_report_tables_one_sheet_per_section():
    workbook = openpyxl.load_workbook(io.BytesIO(download(f"/recognition/report/report.xlsx?year={LAST_YEAR}")[1]))
    assert workbook.sheetnames == ["Tổng hợp", "Chiến dịch", "Mô hình học tập", "Chỉ tiêu", "Bồi dưỡng", "Nhiệm vụ"]
    duties = [row for row in workbook["Nhiệm vụ"].iter_rows(min_row=2, values_only=True)]
    assert duties and all(isinstance(row[3], int) for row in duties), "units a duty falls to, as numbers"
    training = [row for row in workbook["Bồi dưỡng"].iter_rows(min_row=2, values_only=True)]
    assert training and training[-1][0] == "Cả xã", "the commune's total closes the training sheet"
    figures = {row[0].value: row[1] for row in workbook["Tổng hợp"].iter_rows(min_row=2)}
    assert figures["Tổng giá trị huy động (đồng)"].number_format == "#,##0"
    assert figures["Tỉ lệ nhà văn hóa hoạt động"].number_format == "0.0%"
    assert all(ws.freeze_panes == "A2" for ws in workbook.worksheets)
    campaign = openpyxl.load_workbook(io.BytesIO(download("/campaigns/1/report.xlsx")[1]))
    assert campaign.sheetnames == ["Hoạt động", "Người tham gia", "Kinh phí", "Đơn vị"]


@pytest.mark.skipif(shutil.which("soffice") is None and not os.environ.get("CI"),
                    reason="LibreOffice is not installed here (Tests/browser/run.sh and CI install libreoffice-writer-nogui)")
def test_libreoffice_renders_the_decision_and_the_report_on_a4():
    """LibreOffice, an independent Word reader, lays the decision and the yearly report out on A4 pages."""
    with tempfile.TemporaryDirectory() as folder:
        folder = pathlib.Path(folder)
        (folder / "decision.docx").write_bytes(download("/honours/decisions/1/decision.docx")[1])
        (folder / "report.docx").write_bytes(download(f"/recognition/report/report.docx?year={LAST_YEAR}")[1])
        subprocess.run(["soffice", f"-env:UserInstallation=file://{folder}/profile", "--headless", "--convert-to", "pdf", "--outdir", str(folder),
                        str(folder / "decision.docx"), str(folder / "report.docx")], check=True, capture_output=True, timeout=240)
        for name in ("decision", "report"):
            pdf = pypdf.PdfReader(folder / f"{name}.pdf")
            assert 1 <= len(pdf.pages) <= 6, f"{name}: {len(pdf.pages)} pages"
            for page in pdf.pages:
                width, height = float(page.mediabox.width), float(page.mediabox.height)
                assert abs(width - 595.3) < 2 and abs(height - 841.9) < 2, f"{name}: {width}x{height} pt is not A4 portrait"
            SHOTS.mkdir(parents=True, exist_ok=True)
            shutil.copy(folder / f"{name}.pdf", SHOTS / f"libreoffice-{name}.pdf")


def test_import_page_takes_an_excel_file_in_the_browser():
    """The people import page as staff use it: choose an .xlsx, tick "check only", send; no JavaScript needed."""
    driver = make_driver(360, 740)
    try:
        sign_in(driver)
        driver.get(BASE + "/import/people")
        driver.find_element(By.ID, "file").send_keys(str((FIXTURES / "people-merged-header.xlsx").resolve()))
        driver.find_element(By.NAME, "dryRun").click()
        driver.find_element(By.CSS_SELECTOR, "form[enctype] button[type=submit]").click()
        problems = WebDriverWait(driver, 15).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".problems"))[0].text
        assert 'people-merged-header.xlsx, Sheet1, dòng 5, cột "Năm sinh"' in problems, problems
        screenshot(driver, "import-problems")
        driver.find_element(By.ID, "file").send_keys(str((FIXTURES / "people-libreoffice.xlsx").resolve()))
        driver.find_element(By.NAME, "createVillages").click()
        driver.find_element(By.NAME, "dryRun").click()
        driver.find_element(By.CSS_SELECTOR, "form[enctype] button[type=submit]").click()
        flash = WebDriverWait(driver, 15).until(lambda d: d.find_elements(By.CSS_SELECTOR, "main .flash"))[0].text
        assert "Kiểm tra xong: 2 dòng hợp lệ" in flash, flash
        screenshot(driver, "import-checked")
    finally:
        driver.quit()
