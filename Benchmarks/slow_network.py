"""Each page of the browser walk under Chromium's emulation of a slow 3G link (400 kbit/s down and up, 400 ms round
trip): time to the load event on a first visit (nothing cached) and on a second one (stylesheet and script cached).
Goals (issue #16): at most 2.5 s first, 1.2 s cached. Prints a table; run by Benchmarks/slow-network.sh."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "Tests", "browser"))
from conftest import BASE, make_driver, sign_in  # noqa: E402

PAGES = ["/", "/people?q=nguyen", "/people/1", "/campaigns", "/campaigns/1", "/campaigns/calendar", "/clubs", "/clubs/1",
         "/donations", "/donations/1/receipt", "/honours/decisions", "/recognition/indicators", "/recognition/report", "/messages"]
LINK = {"offline": False, "latency": 400, "downloadThroughput": 400_000 / 8, "uploadThroughput": 400_000 / 8}


def load_time(driver, path):
    driver.get(BASE + path)
    return driver.execute_script("""
        const n = performance.getEntriesByType('navigation')[0];
        return [n.loadEventEnd - n.startTime, n.transferSize];""")


def main():
    driver = make_driver(360, 740)
    sign_in(driver)
    driver.execute_cdp_cmd("Network.enable", {})
    rows, worst_first, worst_cached = [], 0, 0
    for path in PAGES:
        driver.execute_cdp_cmd("Network.clearBrowserCache", {})
        driver.execute_cdp_cmd("Network.emulateNetworkConditions", LINK)
        first, first_bytes = load_time(driver, path)
        cached, cached_bytes = load_time(driver, path)
        driver.execute_cdp_cmd("Network.emulateNetworkConditions", dict(LINK, latency=0, downloadThroughput=-1, uploadThroughput=-1))
        worst_first, worst_cached = max(worst_first, first), max(worst_cached, cached)
        rows.append((path, first / 1000, first_bytes / 1024, cached / 1000, cached_bytes / 1024))
    driver.quit()
    print(f"{'page':28} {'first visit':>12} {'bytes':>9} {'cached css':>11} {'bytes':>9}")
    for path, first, fb, cached, cb in rows:
        print(f"{path:28} {first:>10.2f} s {fb:>7.1f} KB {cached:>9.2f} s {cb:>7.1f} KB")
    print(f"worst: first visit {worst_first / 1000:.2f} s (goal 2.5), cached {worst_cached / 1000:.2f} s (goal 1.2)")


if __name__ == "__main__":
    main()
