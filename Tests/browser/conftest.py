"""The browser walk's fixtures: one headless Chromium per width, signed in through the real sign-in form.

Tests/browser/run.sh starts the server and sets DENSACH_BASE and DENSACH_ADMIN_PASSWORD; screenshots of every page
visited go to DENSACH_SHOTS (default Tests/browser/out, not committed) for people to look at.
"""
import base64
import os
import pathlib

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

BASE = os.environ.get("DENSACH_BASE", "http://127.0.0.1:8080")
PASSWORD = os.environ.get("DENSACH_ADMIN_PASSWORD", "")
SHOTS = pathlib.Path(os.environ.get("DENSACH_SHOTS", pathlib.Path(__file__).parent / "out"))
WIDTHS = {"phone": (360, 740), "office": (1280, 800)}


def make_driver(width, height, language="vi", javascript=True):
    """`javascript=False` blocks the pages' own scripts (as a phone with scripts off); WebDriver's still run."""
    options = Options()
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]:
        options.add_argument(argument)
    # Mobile emulation gives a true 360 px layout viewport (a headless window cannot be narrower than ~500 px).
    options.add_experimental_option("mobileEmulation", {"deviceMetrics": {"width": width, "height": height, "pixelRatio": 1}})
    prefs = {"intl.accept_languages": language}
    if not javascript:
        prefs["profile.managed_default_content_settings.javascript"] = 2
    options.add_experimental_option("prefs", prefs)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")), options=options)
    driver.set_page_load_timeout(30)
    driver.densach_size = (width, height)
    return driver


def sign_in(driver, login="canbo"):
    driver.get(BASE + "/login")
    driver.find_element(By.NAME, "login").send_keys(login)
    driver.find_element(By.NAME, "password").send_keys(PASSWORD)
    driver.find_element(By.CSS_SELECTOR, "main form button[type=submit], main form button").click()
    # bcrypt takes a moment (cost 12): wait for the page after the form, not only for the click.
    WebDriverWait(driver, 15).until(lambda d: "/login" not in d.current_url or d.find_elements(By.CSS_SELECTOR, ".form-error"))
    errors = [e.text for e in driver.find_elements(By.CSS_SELECTOR, ".form-error")]
    assert "/login" not in driver.current_url, f"signing in through the form failed: {errors}"


def screenshot(driver, name):
    """The whole page, not only the first screen (CDP: the layout viewport grown to the page's height)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    width, height = driver.densach_size
    full = min(driver.execute_script("return document.documentElement.scrollHeight"), 8000)
    metrics = {"width": width, "deviceScaleFactor": 1, "mobile": width < 500}
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", dict(metrics, height=full))
    data = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png"})["data"]
    (SHOTS / f"{name}-{width}.png").write_bytes(base64.b64decode(data))
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", dict(metrics, height=height))


@pytest.fixture(scope="session", params=list(WIDTHS), ids=list(WIDTHS))
def browser(request):
    width, height = WIDTHS[request.param]
    driver = make_driver(width, height)
    sign_in(driver)
    yield driver
    driver.quit()
