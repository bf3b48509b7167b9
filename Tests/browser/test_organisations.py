"""A mass organisation's week as its officer lives it: the Women's Union's reading week in the demo, its evening's
attendance taken by name on a phone (tick, save, the count follows), the list printed on A4, and the campaign's
report saying how many members of each organisation came."""
import re

from selenium.webdriver.common.by import By
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.support.ui import WebDriverWait

from conftest import BASE
from test_walk import A4, close_to, page_size, pdf_of, save_pdf, visit


def union_week(browser):
    visit(browser, "/campaigns", "campaigns")
    link = next(a for a in browser.find_elements(By.CSS_SELECTOR, "main a[href*='/campaigns/']") if "Mẹ và bé" in a.text)
    path = link.get_attribute("href")[len(BASE):]
    visit(browser, path, "campaign-union-week")
    return path


def present_count(browser):
    return int(re.search(r"(\d+)", browser.find_element(By.CSS_SELECTOR, ".summary-line strong").text).group(1))


def test_attendance_by_name_on_a_phone_and_in_the_report(browser):
    week = union_week(browser)
    rows = [r for r in browser.find_elements(By.CSS_SELECTOR, "main table.list tbody tr")
            if any(small.text.endswith("theo tên") for small in r.find_elements(By.TAG_NAME, "small"))]
    assert rows, "the union's evening shows its count by name"
    path = rows[0].find_element(By.CSS_SELECTOR, "a[href$='/attendance']").get_attribute("href")[len(BASE):]
    visit(browser, path, "activity-attendance")
    before = present_count(browser)
    assert before > 0
    assert "Hội Liên hiệp Phụ nữ xã" in browser.find_element(By.CSS_SELECTOR, "ul.summary").text
    # Untick the first member ticked (a tap on her name), save: one fewer present; tick her again to leave the demo as it was.
    for change in (-1, +1):
        boxes = browser.find_elements(By.CSS_SELECTOR, "#tick-members ul.ticks input[name=present]")
        box = next(b for b in boxes if b.is_selected()) if change < 0 else browser.find_element(By.CSS_SELECTOR, f"#tick-members ul.ticks input[value='{untouched}']")
        untouched = box.get_attribute("value")
        label = box.find_element(By.XPATH, "..")
        assert label.size["height"] >= 40, "each name is a finger's height"
        # The save bar stays at the foot of the screen (as on a club session): the name is brought to the middle first.
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", label)
        label.click()
        browser.find_element(By.CSS_SELECTOR, "#tick-members button[type=submit]").click()
        # The saved page, fully loaded (a node of the page left behind may be asked about while it goes: ignored).
        WebDriverWait(browser, 10, ignored_exceptions=[WebDriverException]).until(
            lambda d: "msg=saved" in d.current_url and d.execute_script("return document.readyState") == "complete"
            and d.find_elements(By.CSS_SELECTOR, ".flash"))
        assert present_count(browser) == before + min(change, 0), browser.current_url
    # Printed: the list of who came, without the forms.
    pdf = pdf_of(browser)
    save_pdf(pdf, f"activity-attendance-{browser.densach_size[0]}")
    assert close_to(page_size(pdf.pages[0]), A4), page_size(pdf.pages[0])
    text = "".join(page.extract_text() for page in pdf.pages)
    assert "Danh sách có mặt" in text and "Lưu điểm danh" not in text
    visit(browser, week + "/report", "campaign-report-union-week")
    assert "Hội viên các tổ chức tham gia" in browser.find_element(By.TAG_NAME, "main").text
