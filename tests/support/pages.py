"""A hosted page of the sandbox (checkout, onboarding) driven over HTTP as a browser drives it, without one:
no API key, its form's nonce read from the page, redirects checked rather than followed (the ``browser``
fixture of tests/sandbox/conftest.py is such a client)."""

from __future__ import annotations

import re
import urllib.parse

import httpx

__all__ = ["click", "nonce_of", "sent_back_to"]


def nonce_of(page: httpx.Response) -> str:
    """The nonce the page's form posts."""
    found = re.search(r'name="nonce" value="([A-Za-z0-9]+)"', page.text)
    assert found is not None, page.text
    return found.group(1)


def click(browser: httpx.Client, url: str, choice: str, nonce: str | None = None) -> httpx.Response:
    """Post the page's form as a browser does: the button's value and the page's nonce (a fresh view's if
    none is given)."""
    nonce = nonce or nonce_of(browser.get(url))
    return browser.post(url, data={"choice": choice, "nonce": nonce})


def sent_back_to(url: str, base: str, parameter: str, object_id: str) -> None:
    """`url` is `base` with ``parameter=object_id`` added to its query, `base`'s own query kept."""
    location = urllib.parse.urlsplit(url)
    expected = urllib.parse.urlsplit(base)
    assert (location.scheme, location.netloc, location.path) == (
        expected.scheme,
        expected.netloc,
        expected.path,
    )
    query = urllib.parse.parse_qs(location.query)
    assert query[parameter] == [object_id]
    for name, values in urllib.parse.parse_qs(expected.query).items():
        assert query[name] == values  # the site's own query is kept
