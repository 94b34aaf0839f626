"""Headless Chromium for the hosted pages' browser tests (Debian's ``chromium`` and ``chromium-driver``, installed
by scripts/ensure-browser, which ``make test`` and CI run), driven with Selenium, and the few ways those tests
read a page.

Outside CI a machine without Chromium skips the browser tests with the command that installs it; in CI (``CI``
set) a missing browser fails them: they must never be skipped there. tests/examples/conftest.py makes one
browser the session's ``chrome`` fixture (about a second to start).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.expected_conditions import staleness_of
from selenium.webdriver.support.ui import WebDriverWait

__all__ = ["CHROMEDRIVER", "CHROMIUM", "WAIT", "by_test_id", "click", "headless_chromium", "text_now", "wait"]

CHROMIUM = os.environ.get("MOLAM_TEST_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("MOLAM_TEST_CHROMEDRIVER", "/usr/bin/chromedriver")
WAIT = 15.0
"""Seconds for a page or a webhook; the sandbox delivers within a second."""


def _chromium_flags(profile: str) -> list[str]:
    # Headless in a container: no sandbox (root), no GPU, nothing that phones home, a fresh profile.
    return [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=900,1000",
        f"--user-data-dir={profile}",
    ]


@contextlib.contextmanager
def headless_chromium() -> Iterator[webdriver.Chrome]:
    """A headless Chromium with a fresh profile, quit on exit (fails in CI, skips elsewhere, when missing)."""
    missing = [path for path in (CHROMIUM, CHROMEDRIVER) if shutil.which(path) is None]
    if missing:
        message = (
            f"the browser tests need Chromium and its driver ({', '.join(missing)} missing): "
            "run scripts/ensure-browser (apt-get install chromium chromium-driver)"
        )
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    profile = tempfile.mkdtemp(prefix="molam-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in _chromium_flags(profile):
        options.add_argument(flag)
    try:
        driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
    except WebDriverException as exc:
        shutil.rmtree(profile, ignore_errors=True)
        pytest.fail(f"headless Chromium did not start: {exc.msg}")
    driver.set_page_load_timeout(WAIT)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def wait(chrome: webdriver.Chrome, condition: Callable[[webdriver.Chrome], Any], what: str) -> Any:
    """Poll `condition` until it is truthy (its value) or `WAIT` seconds pass (a failure naming `what`)."""
    waiting = WebDriverWait(
        chrome, WAIT, poll_frequency=0.05, ignored_exceptions=[StaleElementReferenceException]
    )
    return waiting.until(condition, message=f"{what} (at {chrome.current_url})")


def by_test_id(chrome: webdriver.Chrome, test_id: str) -> Any:
    """The element with ``data-testid=<test_id>`` (NoSuchElementException when absent)."""
    return chrome.find_element(By.CSS_SELECTOR, f'[data-testid="{test_id}"]')


def click(chrome: webdriver.Chrome, test_id: str) -> None:
    """Click the element with ``data-testid=<test_id>``, waiting for it to be on the page: after a click that
    submitted a form, the next page may still be on its way (Chrome starts the navigation after the click
    returns), and its controls are not there yet."""
    element = wait(chrome, lambda c: by_test_id(c, test_id), f"the control {test_id!r}")
    element.click()


def submit(chrome: webdriver.Chrome, test_id: str) -> None:
    """`click` a control that submits a form, then wait for the page it was on to be replaced, so that what the
    caller reads next is the answer's page (the old page may hold an element of the same test id)."""
    page = chrome.find_element(By.TAG_NAME, "html")
    click(chrome, test_id)
    wait(chrome, staleness_of(page), f"the page after {test_id!r}")


def text_now(chrome: webdriver.Chrome, test_id: str) -> str | None:
    """The element's text read in one browser call (None while it is absent).

    For a page that reloads itself (a return page that refreshes until the webhook arrives): holding an
    element between two calls can hit the next document ("Node with given id does not belong to the
    document"), which Chrome reports as an unknown error rather than a stale element.
    """
    text = chrome.execute_script(
        "const e = document.querySelector(arguments[0]); return e ? e.textContent.trim() : null;",
        f'[data-testid="{test_id}"]',
    )
    return text if isinstance(text, str) else None
