"""A commune officer's walk through the back office in headless Chromium, on a phone (360x740) and an office screen
(1280x800). On every page: no console error or CSP violation, nothing wider than the screen, and on a phone every
link and button of a list row within the screen, and no serious or critical axe-core accessibility violation. Printing goes through Chromium's own print-to-PDF."""
import io
import re

import pytest
from axe_selenium_python import Axe
from pypdf import PdfReader
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import BASE, make_driver, screenshot, sign_in

A4 = (595.3, 841.9)  # points


def problems_on_page(driver, accessibility=True):
    """What a person on this page would stumble on, as sentences (empty when the page is fine). axe-core needs the
    page's scripts: `accessibility=False` where they are blocked."""
    found = []
    for entry in driver.get_log("browser"):
        if entry["level"] == "SEVERE":
            found.append("console: " + entry["message"][:300])
    width, inner = driver.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
    if width > inner:
        wide = driver.execute_script("""
            return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
              .slice(0, 3).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right));""")
        found.append(f"page is {width} px wide on a {inner} px screen: {wide}")
    serious = []
    if accessibility:
        axe = Axe(driver)
        axe.inject()
        serious = [v for v in axe.run()["violations"] if v["impact"] in ("serious", "critical")]
    for violation in serious:
        found.append(f"axe {violation['impact']}: {violation['id']} at {violation['nodes'][0]['target']}")
    if inner <= 400:
        hidden = driver.execute_script("""
            return [...document.querySelectorAll('.table-wrap tbody tr a, .table-wrap tbody tr button')]
              .filter(e => e.offsetParent !== null)
              .filter(e => { const r = e.getBoundingClientRect(); return r.right > window.innerWidth + 1 || r.left < -1; })
              .slice(0, 3).map(e => e.textContent.trim());""")
        if hidden:
            found.append(f"row actions off the screen: {hidden}")
        # A stacked cell shows its value alone: past the first (the row's name), it must say what it is.
        unlabelled = driver.execute_script("""
            return [...document.querySelectorAll('.table-wrap tbody td:not(:first-child)')]
              .filter(td => td.offsetParent !== null && td.textContent.trim() !== '' && !td.hasAttribute('data-label'))
              .filter(td => !td.querySelector('a, button, form, details, input, select'))
              .slice(0, 3).map(td => td.textContent.trim().slice(0, 40));""")
        if unlabelled:
            found.append(f"stacked cells without their column's name: {unlabelled}")
    return found


def visit(driver, path, name):
    driver.get(BASE + path)
    record_wire_size(driver, name)
    screenshot(driver, name)
    assert problems_on_page(driver) == [], f"{path}"
    return driver


def record_wire_size(driver, name):
    """The page's HTML as it travelled (compressed) and as read, for Benchmarks/README.md (wire.tsv by the shots)."""
    from conftest import SHOTS
    sizes = driver.execute_script("""
        const n = performance.getEntriesByType('navigation')[0];
        return n ? [n.encodedBodySize, n.decodedBodySize] : [0, 0];""")
    SHOTS.mkdir(parents=True, exist_ok=True)
    with open(SHOTS / "wire.tsv", "a") as out:
        out.write(f"{driver.densach_size[0]}\t{name}\t{sizes[0]}\t{sizes[1]}\n")


def first_link(driver, pattern):
    for link in driver.find_elements(By.CSS_SELECTOR, "main a[href]"):
        href = link.get_attribute("href")
        if re.search(pattern, href):
            return href[len(BASE):] if href.startswith(BASE) else href
    pytest.fail(f"no link matching {pattern} on {driver.current_url}")


def pdf_of(driver):
    """Chromium's print-to-PDF, honouring the page's own @page size (what the Print dialog does)."""
    data = driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": False})["data"]
    import base64
    return PdfReader(io.BytesIO(base64.b64decode(data)))


def save_pdf(pdf, name):
    """Kept beside the screenshots, for `pdftoppm -png` and a look."""
    from pypdf import PdfWriter
    from conftest import SHOTS
    writer = PdfWriter()
    for page in pdf.pages:
        writer.add_page(page)
    SHOTS.mkdir(parents=True, exist_ok=True)
    with open(SHOTS / f"{name}.pdf", "wb") as out:
        writer.write(out)


def page_size(page):
    box = page.mediabox
    return float(box.width), float(box.height)


def close_to(size, expected, tolerance=3):
    return abs(size[0] - expected[0]) <= tolerance and abs(size[1] - expected[1]) <= tolerance


def test_menu_fits_the_office_screen(browser):
    visit(browser, "/", "dashboard")
    if browser.densach_size[0] < 1000:
        return  # on a phone the menu scrolls sideways, by design
    tops, rights = browser.execute_script("""
        const items = [...document.querySelectorAll('.nav > ul > li')];
        return [items.map(i => Math.round(i.getBoundingClientRect().top)), items.map(i => Math.round(i.getBoundingClientRect().right))];""")
    assert len(set(tops)) == 1, f"the menu wraps onto {len(set(tops))} rows"
    assert max(rights) <= browser.densach_size[0], "the last menu entry is cut"
    # The administration group opens without JavaScript (details/summary) and shows its entries.
    browser.find_element(By.CSS_SELECTOR, ".nav-more summary").click()
    assert browser.find_element(By.CSS_SELECTOR, ".nav-more a[href='/settings']").is_displayed()


def test_people_search_without_tones_and_a_person(browser):
    visit(browser, "/people?q=nguyen", "people-search")
    names = [cell.text for cell in browser.find_elements(By.CSS_SELECTOR, ".table-wrap tbody tr td:first-child")]
    assert names and all("Nguyễn" in name for name in names[:10]), names[:5]
    visit(browser, first_link(browser, r"/people/\d+$"), "person")


def test_campaign_activity_outcomes_and_calendar(browser):
    visit(browser, "/campaigns", "campaigns")
    campaign = first_link(browser, r"/campaigns/\d+$")
    visit(browser, campaign, "campaign")
    visit(browser, first_link(browser, r"/campaigns/activities/\d+/outcomes$"), "activity-outcomes")
    visit(browser, "/campaigns/calendar", "calendar")


def test_attendance_page(browser):
    visit(browser, "/clubs", "clubs")
    visit(browser, first_link(browser, r"/clubs/\d+$"), "club")
    visit(browser, first_link(browser, r"/clubs/\d+/sessions/new$"), "attendance")
    # The three choices are the same size, large enough to tap (the text-field width rule once shrank "Vắng").
    sizes = {(r.size["width"], r.size["height"]) for r in browser.find_elements(By.CSS_SELECTOR, "input[type=radio]")}
    assert len(sizes) == 1 and min(next(iter(sizes))) >= 20, sizes
    # Tapping "Vắng" marks that member absent.
    count = browser.find_element(By.ID, "present-count")
    before = int(count.find_element(By.TAG_NAME, "strong").text)
    absent = browser.find_elements(By.CSS_SELECTOR, "input[type=radio][value=absent]")[0]
    absent.find_element(By.XPATH, "..").click()
    assert absent.is_selected()
    # The running count of members present follows the taps.
    assert int(count.find_element(By.TAG_NAME, "strong").text) == before - 1, count.text


def choose_first(driver, name):
    """The first real option of a select (the placeholder option has an empty value)."""
    from selenium.webdriver.support.ui import Select
    select = Select(driver.find_element(By.NAME, name))
    value = next(o.get_attribute("value") for o in select.options if o.get_attribute("value") not in ("", "anonymous"))
    select.select_by_value(value)


def test_record_a_donation_and_print_its_receipt_on_one_a4_portrait_page(browser):
    visit(browser, "/donations", "donations")
    visit(browser, "/donations/new", "donation-new")
    choose_first(browser, "sponsorId")
    date = browser.find_element(By.NAME, "date")
    date.clear()
    date.send_keys(browser.execute_script("const d = new Date(); return [d.getDate(), d.getMonth() + 1, d.getFullYear()].map(n => String(n).padStart(2, '0')).join('/');"))
    browser.find_element(By.NAME, "amount").send_keys("1,5 triệu")
    browser.find_element(By.NAME, "purpose").send_keys("Tủ sách thiếu nhi (thử trong trình duyệt)")
    choose_first(browser, "recipientUnitId")
    browser.find_element(By.CSS_SELECTOR, "form.card button[type=submit]").click()
    WebDriverWait(browser, 10).until(lambda d: re.search(r"/donations/\d+(\?|$)", d.current_url))
    screenshot(browser, "donation")
    assert problems_on_page(browser) == []
    # "1,5 triệu" is read as 1.500.000 đồng, with the amount in words on the receipt.
    assert "1.500.000" in browser.find_element(By.TAG_NAME, "main").text
    visit(browser, first_link(browser, r"/donations/\d+/receipt$"), "receipt")
    assert "một triệu năm trăm nghìn đồng" in browser.find_element(By.TAG_NAME, "main").text.lower()
    # The button prints under our Content-Security-Policy (no inline handler): window.print is called.
    browser.execute_script("window.__printed = 0; window.print = () => { window.__printed += 1; };")
    browser.find_element(By.CSS_SELECTOR, "[data-print]").click()
    assert browser.execute_script("return window.__printed") == 1
    pdf = pdf_of(browser)
    save_pdf(pdf, "receipt")
    assert len(pdf.pages) == 1
    assert close_to(page_size(pdf.pages[0]), A4), page_size(pdf.pages[0])


def test_issue_a_decision_and_print_one_a4_landscape_certificate_each(browser):
    visit(browser, "/honours/decisions", "decisions")
    # The demo keeps approved "Gia đình học tập" nominations waiting for a decision: draft one for two of them, issue it.
    visit(browser, "/honours/decisions/new?form=gia-dinh-hoc-tap&year=2025", "decision-new")
    boxes = browser.find_elements(By.CSS_SELECTOR, "input[name=nomination]")
    assert len(boxes) >= 2, "no approved nominations waiting for a decision in the demo"
    for box in boxes:
        if box.is_selected():
            box.click()
    for box in boxes[:2]:
        box.click()
    browser.find_element(By.CSS_SELECTOR, "form[action='/honours/decisions'] button[type=submit]").click()
    WebDriverWait(browser, 10).until(lambda d: re.search(r"/honours/decisions/\d+(\?|$)", d.current_url))
    browser.find_element(By.CSS_SELECTOR, "form[action$='/issue'] button[type=submit]").click()
    WebDriverWait(browser, 10).until(lambda d: not d.find_elements(By.CSS_SELECTOR, "form[action$='/issue']"))
    screenshot(browser, "decision")
    assert problems_on_page(browser) == []
    decision = browser.current_url.split("?")[0]
    # The decision in the NĐ 30 layout: A4 portrait pages.
    visit(browser, decision[len(BASE):] + "/print", "decision-print")
    pdf = pdf_of(browser)
    save_pdf(pdf, "decision")
    assert all(close_to(page_size(page), A4) for page in pdf.pages), [page_size(page) for page in pdf.pages]
    browser.get(decision + "/certificates")
    screenshot(browser, "certificates")
    assert problems_on_page(browser) == []
    count = len(browser.find_elements(By.CSS_SELECTOR, ".certificate"))
    pdf = pdf_of(browser)
    save_pdf(pdf, "certificates")
    assert count == 2 and len(pdf.pages) == count, f"{count} certificates on {len(pdf.pages)} pages"
    assert all(close_to(page_size(page), (A4[1], A4[0])) for page in pdf.pages), [page_size(page) for page in pdf.pages]


def test_indicators_report_and_messages(browser):
    visit(browser, "/recognition/indicators", "indicators")
    visit(browser, "/recognition/report", "report")
    visit(browser, "/messages", "messages")
    # Each channel's preview shows the messages as they will be read: the officer picks the template, an activity
    # where the template speaks of one, fills what step 3 still asks, and previews.
    from selenium.webdriver.support.ui import Select
    for template, channel, shown in [("sms-invitation", "sms", ".sms-list .sms"), ("zalo-reading-day", "zalo", "pre.preview"),
                                     ("loudspeaker-learning-week", "loudspeaker", "pre.preview"),
                                     ("letter-invitation", "letter", ".letter-preview .page, .letter-preview section")]:
        browser.get(BASE + f"/messages?template={template}" + ("&audience=donors" if channel == "letter" else ""))
        activities = browser.find_elements(By.CSS_SELECTOR, "#activity option:not([value=''])")
        if activities:
            Select(browser.find_element(By.ID, "activity")).select_by_value(activities[0].get_attribute("value"))
        for field in browser.find_elements(By.CSS_SELECTOR, "input[name^='v.']"):
            name = field.get_attribute("name")
            if activities and (name.startswith("v.activity.") or name.startswith("v.campaign.")):
                continue  # the chosen activity gives these
            if not field.get_attribute("value"):
                field.send_keys("01/12/2026" if "date" in name else "Thử nghiệm")
        browser.find_element(By.CSS_SELECTOR, "button[name=preview]").click()
        WebDriverWait(browser, 10).until(lambda d: d.find_elements(By.ID, "result"))
        screenshot(browser, f"messages-{channel}")
        assert problems_on_page(browser) == []
        selected = browser.find_element(By.CSS_SELECTOR, "#channel option:checked").get_attribute("value")
        assert selected == channel, f"{template}: channel {selected}"
        errors = [e.text for e in browser.find_elements(By.CSS_SELECTOR, "section .form-error")]
        assert not errors and browser.find_elements(By.CSS_SELECTOR, shown), f"{template}: {errors or 'nothing previewed'}"
        assert "{{" not in browser.find_element(By.TAG_NAME, "main").text


@pytest.mark.parametrize("path,name", [
    ("/settings", "settings"), ("/units", "units"), ("/households", "households"),
    ("/socialization", "socialization"), ("/pledges", "pledges"), ("/volunteers", "volunteers"), ("/volunteers/hours", "hours"),
    ("/honours", "nominations"), ("/honours/roll", "honour-roll"), ("/recognition", "recognition"),
    ("/recognition/registrations", "registrations"), ("/clubs/indicator", "club-indicator"),
])
def test_every_other_page(browser, path, name):
    visit(browser, path, name)


def test_administration_pages_as_admin():
    """Accounts and the audit log are the administrator's (the officer is refused them)."""
    from conftest import WIDTHS
    for width, height in WIDTHS.values():
        driver = make_driver(width, height)
        try:
            sign_in(driver, "admin")
            visit(driver, "/accounts", "accounts")
            visit(driver, first_link(driver, r"/accounts/\d+/edit$"), "account-edit")
            visit(driver, "/audit", "audit")
        finally:
            driver.quit()


def test_language_switch_and_sign_out():
    driver = make_driver(360, 740)
    try:
        sign_in(driver)
        driver.get(BASE + "/people")
        assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "vi"
        driver.find_element(By.CSS_SELECTOR, "a.lang").click()
        assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
        assert "/people" in driver.current_url, "the switch comes back to the same page"
        driver.find_element(By.CSS_SELECTOR, "form[action='/logout'] button").click()
        WebDriverWait(driver, 10).until(lambda d: "/login" in d.current_url)
        driver.get(BASE + "/people")
        assert "/login" in driver.current_url
    finally:
        driver.quit()
