"""The hosted checkout page's HTML: small, accessible, self-contained (no external asset: it works offline).

Shows the merchant, the description, the amount in major units for its currency (``4,217.53 USD``,
``15,250 XOF``, through `molam_sdk_ext.money`) and, by stage (`molam_sandbox.checkout.Stage`), the test payment
methods, the 3-D Secure-like approval step, or why nothing can be paid. Every control has a stable
``data-testid`` (`Choice.test_id`). It never shows an API key or the client secret, and a page for a wrong
token shows nothing of any intent. Everything interpolated is HTML-escaped.
"""

from __future__ import annotations

import html
import urllib.parse
from decimal import Decimal

from starlette.responses import HTMLResponse

from molam_sandbox.checkout import Checkout, Choice, Stage
from molam_sdk.models.payment_intent import PaymentIntent
from molam_sdk.types import Unset
from molam_sdk_ext.errors import ValidationError
from molam_sdk_ext.money import from_minor_units

__all__ = [
    "PAGE_HEADERS",
    "RETURN_PARAMETER",
    "destination",
    "format_amount",
    "render_checkout",
    "render_outcome",
    "render_problem",
]

RETURN_PARAMETER = "payment_intent"
"""The query parameter carrying the intent id when the page sends the customer back to the shop (page contract:
``https://shop.example/return?payment_intent=pi_...``, the shop's own query kept)."""

PAGE_HEADERS = {
    # The URL is a capability: keep it out of caches and out of the Referer the shop's pages would get.
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'"
    ),
}
"""Headers of every checkout page response."""

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
"""

_SECTIONS: tuple[tuple[str, tuple[tuple[Choice, str, str], ...]], ...] = (
    (
        "Card",
        (
            (Choice.CARD_SUCCESS, "Pay with a card that succeeds", ""),
            (Choice.CARD_DECLINED, "Pay with a card that is declined", "alt"),
            (Choice.CARD_3DS, "Pay with a card that needs 3-D Secure", "alt"),
        ),
    ),
    (
        "Orange Money",
        (
            (Choice.ORANGE_MONEY_APPROVE, "Orange Money: approve in the app", ""),
            (Choice.ORANGE_MONEY_REJECT, "Orange Money: reject in the app", "alt"),
        ),
    ),
    (
        "Wave",
        (
            (Choice.WAVE_APPROVE, "Wave: approve in the app", ""),
            (Choice.WAVE_REJECT, "Wave: reject in the app", "alt"),
        ),
    ),
)


def format_amount(minor: int, currency: str) -> str:
    """`minor` units of `currency` as a customer reads them: ``4,217.53 USD``, ``15,250 XOF``."""
    try:
        major: Decimal = from_minor_units(minor, currency)
    except ValidationError:  # a currency this SDK has no exponent for: show the minor units as they are
        return f"{minor:,} {currency}"
    return f"{major:,} {currency}"


def destination(checkout: Checkout) -> str | None:
    """Where the customer goes once the page is done with: `return_url` (paid, processing, failed) or
    `cancel_url` (canceled), with the intent id added to its query; None when the intent has none, or one
    that is not an http(s) URL (never a ``javascript:`` link)."""
    intent = checkout.intent
    target = _optional(intent.cancel_url if checkout.stage is Stage.CANCELED else intent.return_url)
    if target is None:
        return None
    parts = urllib.parse.urlsplit(target)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    query = urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
    query.append((RETURN_PARAMETER, intent.id))
    return urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(query), fragment=""))


def _text(value: object) -> str:
    return html.escape(str(value), quote=True)


def _optional(value: str | Unset | None) -> str | None:
    return value if isinstance(value, str) and value else None


def _page(title: str, body: str, status: int = 200, *, refresh: bool = False) -> HTMLResponse:
    meta = '<meta http-equiv="refresh" content="1">' if refresh else ""
    document = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"{meta}<title>{_text(title)} · Molam Checkout (sandbox)</title><style>{_STYLE}</style></head>"
        f"<body><main>{body}</main></body></html>"
    )
    return HTMLResponse(document, status_code=status, headers=PAGE_HEADERS)


def _summary(intent: PaymentIntent) -> str:
    merchant = _optional(intent.merchant_id) or "Molam sandbox merchant"
    description = _optional(intent.description)
    lines = [f'<h1 data-testid="merchant">{_text(merchant)}</h1>']
    if description:
        lines.append(f'<p class="muted" data-testid="description">{_text(description)}</p>')
    amount = format_amount(intent.amount, intent.currency)
    lines.append(f'<p class="amount" data-testid="amount">{_text(amount)}</p>')
    return "".join(lines)


def _button(choice: Choice, label: str, css: str = "") -> str:
    kind = f' class="{css}"' if css else ""
    return (
        f'<button type="submit" name="choice" value="{_text(choice.value)}" '
        f'data-testid="{_text(choice.test_id)}"{kind}>{_text(label)}</button>'
    )


def render_checkout(checkout: Checkout, nonce: str) -> HTMLResponse:
    """The page for an intent the token opened: its controls for the stage it is in, or a 409 when done."""
    intent = checkout.intent
    stage = checkout.stage
    summary = _summary(intent)
    if stage in (Stage.PAID, Stage.CANCELED, Stage.FAILED):
        return render_outcome(checkout, 409)
    if stage is Stage.PROCESSING:
        body = (
            f'{summary}<p role="status" data-testid="processing">Your payment is being processed. '
            "This page updates by itself.</p>"
        )
        return _page("Processing", body, refresh=True)
    parts = [summary]
    error = intent.last_payment_error
    if stage is Stage.CHOOSE and error is not None and not isinstance(error, Unset):
        parts.append(
            f'<div class="alert" role="alert" data-testid="payment-error"><strong>Payment declined.</strong> '
            f"{_text(error.message)} You can try again.</div>"
        )
    parts.append(f'<form method="post"><input type="hidden" name="nonce" value="{_text(nonce)}">')
    if stage is Stage.AUTHENTICATE:
        parts.append(
            "<fieldset><legend>Confirm it is you (3-D Secure)</legend>"
            '<p class="muted">Your bank asks you to approve this payment.</p>'
            + _button(Choice.APPROVE_3DS, "Approve the payment")
            + _button(Choice.REJECT_3DS, "Refuse the payment", "alt")
            + "</fieldset>"
        )
    else:
        for legend, buttons in _SECTIONS:
            parts.append(f"<fieldset><legend>{_text(legend)}</legend>")
            parts.extend(_button(choice, label, css) for choice, label, css in buttons)
            parts.append("</fieldset>")
    parts.append(_button(Choice.CANCEL, "Cancel and return to the shop", "cancel"))
    parts.append(
        '</form><p class="note">Sandbox checkout: test payment methods only, no real money moves.</p>'
    )
    return _page("Pay", "".join(parts))


def render_outcome(checkout: Checkout, status: int = 200) -> HTMLResponse:
    """What a finished intent's page says (paid, canceled or failed), with a link back to the shop if known.

    409 when the page is loaded again after the end (nothing can be paid twice); 200 as the answer to the
    click that finished it, when the intent has no URL to send the customer to.
    """
    intent = checkout.intent
    title, message = {
        Stage.PAID: ("Payment complete", "This payment is complete: there is nothing left to pay."),
        Stage.PROCESSING: ("Processing", "Your payment is being processed."),
        Stage.CANCELED: ("Payment canceled", "This payment was canceled."),
        Stage.FAILED: ("Payment failed", "This payment failed and cannot be paid again."),
    }.get(checkout.stage, ("Payment", "This payment cannot be paid from this page."))
    link = destination(checkout)
    back_link = (
        f'<p><a href="{_text(link)}" data-testid="back-to-shop">Return to the shop</a></p>' if link else ""
    )
    body = f'{_summary(intent)}<p role="status" data-testid="outcome">{_text(message)}</p>{back_link}'
    return _page(title, body, status)


def render_problem(status: int, title: str, message: str) -> HTMLResponse:
    """A page that shows nothing of any intent (wrong or missing token, a malformed request)."""
    body = f'<h1>{_text(title)}</h1><p role="alert" data-testid="problem">{_text(message)}</p>'
    return _page(title, body, status)
