"""Public sign-up as a resident and an organiser live it: the QR poster printed on one A4 page, the public page on a
360 px phone with JavaScript off (as on a cheap phone in data-saver mode), a sign-up sent, reviewed and approved,
and its confirmation waiting in the messages page."""
import random
import re

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import BASE, make_driver, screenshot
from test_walk import A4, close_to, first_link, page_size, pdf_of, problems_on_page, save_pdf, visit


def club_page(browser):
    """The demo's sign-up page for a club: its staff path and public address."""
    visit(browser, "/signups", "signups")
    path = first_link(browser, r"/signups/\d+$")
    for link in browser.find_elements(By.CSS_SELECTOR, "main a[href*='/signups/']"):
        if "CLB" in link.text:
            path = link.get_attribute("href")[len(BASE):]
            break
    visit(browser, path, "signup")
    public = browser.find_element(By.CSS_SELECTOR, "dl.facts a[href*='/s/']").get_attribute("href")
    return path, public


def test_poster_prints_on_one_a4_page_with_a_qr_code(browser):
    path, public = club_page(browser)
    visit(browser, public[len(BASE):], "signup-public-axe")  # axe-core on the public form (scripts on)
    visit(browser, path + "/poster", "signup-poster")
    assert browser.find_elements(By.CSS_SELECTOR, ".poster svg.qr path")
    assert public in browser.find_element(By.CSS_SELECTOR, ".poster-link").text
    pdf = pdf_of(browser)
    save_pdf(pdf, f"signup-poster-{browser.densach_size[0]}")
    assert len(pdf.pages) == 1, f"{len(pdf.pages)} pages"
    assert close_to(page_size(pdf.pages[0]), A4), page_size(pdf.pages[0])


def test_sign_up_on_a_phone_then_approve(browser):
    path, public = club_page(browser)
    # A name of its own for each run (the walk runs at two widths on one database).
    given = random.choice(["Thử", "Nghiệm", "Khảo", "Duyệt", "Kiểm"]) + " " + random.choice(["Hoa", "Lan", "Mai", "Cúc", "Đào", "Sen"])
    name = f"Nguyễn Thị {given} {random.choice(['Ánh', 'Nguyệt', 'Thơ', 'Vân', 'Yến', 'Trâm'])}"
    # Without scripts (a cheap phone in data-saver mode) the page reads and lays out the same: nothing it needs runs.
    bare = make_driver(360, 740, javascript=False)
    try:
        bare.get(public)
        assert not bare.execute_script("return document.documentElement.classList.contains('js')"), "the page's scripts ran"
        screenshot(bare, "signup-public-nojs")
        assert problems_on_page(bare, accessibility=False) == []
        assert bare.find_elements(By.CSS_SELECTOR, "form.signup[method=post] button[type=submit]")
    finally:
        bare.quit()
    # The form itself is a plain HTML form (its page loads no script that touches it); WebDriver's clicks need
    # scripts, so it is filled on a phone with them on.
    phone = make_driver(360, 740)
    try:
        phone.get(public)
        scripts = phone.execute_script("return [...document.scripts].map(s => s.src.split('/').pop())")
        assert set(scripts) <= {"print.js"}, scripts
        # A slip first: the page answers with the field's message and keeps what was typed.
        phone.find_element(By.NAME, "fullName").send_keys(name)
        phone.find_element(By.NAME, "birthYear").send_keys("1991")
        phone.find_element(By.CSS_SELECTOR, "#villageId option:not([value=''])").click()
        phone.find_element(By.NAME, "phone").send_keys("0530 000 000")
        phone.find_element(By.CSS_SELECTOR, "input[name=consent][value=sms]").click()
        phone.find_element(By.CSS_SELECTOR, "form.signup button[type=submit]").click()
        WebDriverWait(phone, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".field-error"))
        assert "053" in phone.find_element(By.CSS_SELECTOR, ".field-error").text
        assert phone.find_element(By.NAME, "fullName").get_attribute("value") == name
        phone.get_log("browser")  # the 422 of the slip is logged by Chromium as a failed load: expected, drained
        field = phone.find_element(By.NAME, "phone")
        field.clear()
        field.send_keys(f"0905 {random.randint(100, 999)} {random.randint(100, 999)}")
        phone.find_element(By.CSS_SELECTOR, "form.signup button[type=submit]").click()
        WebDriverWait(phone, 10).until(lambda d: "/thanks" in d.current_url)
        screenshot(phone, "signup-thanks")
        assert problems_on_page(phone) == []
        # Nothing typed is shown back publicly.
        assert name not in phone.find_element(By.TAG_NAME, "main").text
    finally:
        phone.quit()

    browser.get(BASE + path)
    card = next(c for c in browser.find_elements(By.CSS_SELECTOR, "main .card") if name in c.text)
    card.find_element(By.CSS_SELECTOR, "input[name=person][value=new]").click()
    card.find_element(By.CSS_SELECTOR, "form[action$='/approve'] button[type=submit]").click()
    WebDriverWait(browser, 10).until(lambda d: "msg=saved" in d.current_url)
    screenshot(browser, "signup-approved")
    assert problems_on_page(browser) == []
    card = next(c for c in browser.find_elements(By.CSS_SELECTOR, "main .card") if name in c.text)
    person = card.find_element(By.CSS_SELECTOR, "a[href*='/people/']").get_attribute("href")
    # The resident exists, with the consent "tự đăng ký".
    browser.get(person)
    assert "Tự đăng ký" in browser.find_element(By.TAG_NAME, "main").text
    # The confirmation waits in the messages page, for this person.
    browser.get(BASE + path)
    browser.find_element(By.CSS_SELECTOR, "a[href*='sms-signup-confirmation']").click()
    browser.find_element(By.CSS_SELECTOR, "button[name=preview]").click()
    WebDriverWait(browser, 10).until(lambda d: d.find_elements(By.ID, "result"))
    screenshot(browser, "signup-confirmation")
    text = browser.find_element(By.TAG_NAME, "main").text.split(browser.find_element(By.ID, "result").text, 1)[-1]
    assert name.split()[-1] in text and "đã được xác nhận" in text, text[:400]
