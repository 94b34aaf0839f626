"""The HTML every hosted page of the sandbox shares: its headers, style, shell, escaping and problem page.

The checkout (`molam_sandbox.checkout_page`) and the onboarding page (`molam_sandbox.onboarding_page`) are
built from these parts: small, accessible, self-contained documents (no external asset: they work offline)
sent with strict security headers. Everything interpolated goes through `text`; a URL the page sends its user
to is built by `back_url`, which only ever yields an http(s) URL.
"""

from __future__ import annotations

import html
import urllib.parse

from starlette.responses import HTMLResponse, RedirectResponse

from molam_sdk.types import Unset

__all__ = [
    "PAGE_HEADERS",
    "back_url",
    "button",
    "nonce_field",
    "optional",
    "page",
    "redirect",
    "render_problem",
    "text",
]

PAGE_HEADERS = {
    # The URL is a capability: keep it out of caches and out of the Referer the next site would get.
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'"
    ),
}
"""Headers of every hosted page response (pages, problems and redirects)."""

_STYLE = """
body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f4f5f7;color:#1d2330}
main{max-width:28rem;margin:2rem auto;background:#fff;border-radius:12px;padding:1.5rem 1.75rem;
box-shadow:0 1px 4px #0002}
h1{font-size:1.1rem;margin:0 0 .25rem}.muted{color:#5b6475;font-size:.9rem;margin:0}
.amount{font-size:2rem;font-weight:650;margin:.75rem 0 1rem}
fieldset{border:1px solid #d7dbe3;border-radius:8px;margin:0 0 1rem;padding:.5rem .75rem .75rem}
legend{font-weight:600;padding:0 .25rem}
button{display:block;width:100%;margin:.4rem 0 0;padding:.6rem;border-radius:6px;border:1px solid #2a4bd7;
background:#2a4bd7;color:#fff;font:inherit;cursor:pointer}
button.alt{background:#fff;color:#2a4bd7}button.cancel{background:#fff;color:#5b6475;border-color:#c3c8d2}
button:focus-visible,a:focus-visible{outline:3px solid #f5a623;outline-offset:2px}
.alert{border-left:4px solid #c62828;background:#fdecea;padding:.6rem .8rem;margin:0 0 1rem}
.note{font-size:.85rem;color:#5b6475;margin-top:1rem}
dl{display:grid;grid-template-columns:auto 1fr;gap:.25rem .75rem;margin:.75rem 0 1rem}dt{color:#5b6475}dd{margin:0}
"""


def text(value: object) -> str:
    """`value` as HTML text or attribute content (escaped, quotes included)."""
    return html.escape(str(value), quote=True)


def optional(value: str | Unset | None) -> str | None:
    """An optional string field of a model: None when unset, null or empty."""
    return value if isinstance(value, str) and value else None


def page(product: str, title: str, body: str, status: int = 200, *, refresh: bool = False) -> HTMLResponse:
    """A whole document for `product` (``Molam Checkout``): `body` (already HTML) in the shared shell.

    `refresh` reloads it every second (a state that changes by itself, such as a payment in processing).
    """
    meta = '<meta http-equiv="refresh" content="1">' if refresh else ""
    document = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"{meta}<title>{text(title)} · {text(product)} (sandbox)</title><style>{_STYLE}</style></head>"
        f"<body><main>{body}</main></body></html>"
    )
    return HTMLResponse(document, status_code=status, headers=PAGE_HEADERS)


def render_problem(product: str, status: int, title: str, message: str) -> HTMLResponse:
    """A page that shows nothing of any object (wrong or missing token, a malformed request)."""
    body = f'<h1>{text(title)}</h1><p role="alert" data-testid="problem">{text(message)}</p>'
    return page(product, title, body, status)


def button(value: str, test_id: str, label: str, css: str = "") -> str:
    """A submit button of a page's form: it posts ``choice=<value>``; `test_id` is its ``data-testid``."""
    kind = f' class="{text(css)}"' if css else ""
    return (
        f'<button type="submit" name="choice" value="{text(value)}" '
        f'data-testid="{text(test_id)}"{kind}>{text(label)}</button>'
    )


def nonce_field(nonce: str) -> str:
    """The hidden field that carries a page view's nonce in its form (`molam_sandbox.hosted.first_use`)."""
    return f'<input type="hidden" name="nonce" value="{text(nonce)}">'


def back_url(target: str | Unset | None, parameter: str, object_id: str) -> str | None:
    """`target` with ``parameter=object_id`` added to its own query (fragment dropped); None when there is no
    target or it is not an http(s) URL (never a ``javascript:`` link)."""
    given = optional(target)
    if given is None:
        return None
    parts = urllib.parse.urlsplit(given)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    query = urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
    query.append((parameter, object_id))
    return urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(query), fragment=""))


def redirect(to: str) -> RedirectResponse:
    """A 303 (the browser GETs `to` after its POST) with the pages' headers."""
    return RedirectResponse(to, status_code=303, headers=PAGE_HEADERS)
