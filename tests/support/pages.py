"""A hosted page of the sandbox (checkout, onboarding) driven over HTTP as a browser drives it, without one:
no API key, its form's nonce read from the page, redirects checked rather than followed (the ``browser``
fixture of tests/sandbox/conftest.py is such a client)."""

from __future__ import annotations

import re
import threading
import urllib.parse
from collections.abc import Iterable, Mapping, Sequence

import httpx

__all__ = ["assert_shows_nothing", "click", "click_at_once", "nonce_of", "sent_back_to", "wrong_links"]


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


def wrong_links(url: str, sibling: str, foreign: str, unknown: str) -> dict[str, str]:
    """Links that must open nothing, by why: `url`'s object (a page URL ``.../<id>/<token>``) with the token of
    `sibling` (another object of the same account) or of `foreign` (another account's), or with a wrong,
    missing or case-changed token; `foreign`'s object with `url`'s token; and `unknown`, an id nobody has."""
    base, token = url.rsplit("/", 1)
    foreign_base, foreign_token = foreign.rsplit("/", 1)
    return {
        "another account's object with this one's token": f"{foreign_base}/{token}",
        "this object with another account's object's token": f"{base}/{foreign_token}",
        "this object with another object's token": f"{base}/{sibling.rsplit('/', 1)[1]}",
        "wrong token": f"{base}/{'x' * len(token)}",
        "missing token": base,
        "a token in another case": f"{base}/{token.swapcase()}",
        "unknown object": unknown,
    }


def assert_shows_nothing(
    browser: httpx.Client, links: Mapping[str, str], choice: str, hidden: Iterable[str]
) -> None:
    """Every link answers a visit and a click on `choice` with the uncached 404 problem page, showing none of
    `hidden` (the objects' ids, names, amounts)."""
    hidden = tuple(hidden)
    for why, url in links.items():
        for response in (browser.get(url), browser.post(url, data={"choice": choice, "nonce": "n" * 24})):
            assert response.status_code == 404, why
            assert response.headers["cache-control"] == "no-store", why
            assert 'data-testid="problem"' in response.text, why
            for text in hidden:
                assert text not in response.text, (why, text)


def click_at_once(url: str, choices: Sequence[str]) -> list[httpx.Response]:
    """One browser tab per choice, each with a page view (a nonce) of its own, all posting at the same moment;
    their answers."""
    tabs = [httpx.Client(timeout=10.0, trust_env=False) for _ in choices]
    try:
        nonces = [nonce_of(tab.get(url)) for tab in tabs]
        start = threading.Barrier(len(tabs))
        answers: list[httpx.Response] = []

        def post(tab: httpx.Client, choice: str, nonce: str) -> None:
            start.wait()
            answers.append(tab.post(url, data={"choice": choice, "nonce": nonce}))

        threads = [threading.Thread(target=post, args=tab) for tab in zip(tabs, choices, nonces, strict=True)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return answers
    finally:
        for tab in tabs:
            tab.close()
