"""The hosted checkout page's HTML: small, accessible, self-contained (no external asset: it works offline).

Shows the merchant, the description, the amount in major units for its currency (``4,217.53 USD``,
``15,250 XOF``, through `molam_sdk_ext.money`) and, by stage (`molam_sandbox.checkout.Stage`), the test payment
methods, the 3-D Secure-like approval step, or why nothing can be paid. Every control has a stable
``data-testid`` (`Choice.test_id`). It never shows an API key or the client secret, and a page for a wrong
token shows nothing of any intent. The shell, headers, style and escaping are the hosted pages' own
(`molam_sandbox.hosted_page`).
"""

from __future__ import annotations

from decimal import Decimal

from starlette.responses import HTMLResponse

from molam_sandbox.checkout import Checkout, Choice, Stage
from molam_sandbox.hosted_page import back_url, button, nonce_field, optional, page, text
from molam_sdk.models.payment_intent import PaymentIntent
from molam_sdk.types import Unset
from molam_sdk_ext.errors import ValidationError
from molam_sdk_ext.money import from_minor_units

__all__ = [
    "PRODUCT",
    "RETURN_PARAMETER",
    "destination",
    "format_amount",
    "render_checkout",
    "render_outcome",
]

PRODUCT = "Molam Checkout"
"""The name in the checkout page's title."""

RETURN_PARAMETER = "payment_intent"
"""The query parameter carrying the intent id when the page sends the customer back to the shop (page contract:
``https://shop.example/return?payment_intent=pi_...``, the shop's own query kept)."""

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
    target = intent.cancel_url if checkout.stage is Stage.CANCELED else intent.return_url
    return back_url(target, RETURN_PARAMETER, intent.id)


def _summary(intent: PaymentIntent) -> str:
    merchant = optional(intent.merchant_id) or "Molam sandbox merchant"
    description = optional(intent.description)
    lines = [f'<h1 data-testid="merchant">{text(merchant)}</h1>']
    if description:
        lines.append(f'<p class="muted" data-testid="description">{text(description)}</p>')
    amount = format_amount(intent.amount, intent.currency)
    lines.append(f'<p class="amount" data-testid="amount">{text(amount)}</p>')
    return "".join(lines)


def _button(choice: Choice, label: str, css: str = "") -> str:
    return button(choice.value, choice.test_id, label, css)


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
        return page(PRODUCT, "Processing", body, refresh=True)
    parts = [summary]
    error = intent.last_payment_error
    if stage is Stage.CHOOSE and error is not None and not isinstance(error, Unset):
        parts.append(
            f'<div class="alert" role="alert" data-testid="payment-error"><strong>Payment declined.</strong> '
            f"{text(error.message)} You can try again.</div>"
        )
    parts.append(f'<form method="post">{nonce_field(nonce)}')
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
            parts.append(f"<fieldset><legend>{text(legend)}</legend>")
            parts.extend(_button(choice, label, css) for choice, label, css in buttons)
            parts.append("</fieldset>")
    parts.append(_button(Choice.CANCEL, "Cancel and return to the shop", "cancel"))
    parts.append(
        '</form><p class="note">Sandbox checkout: test payment methods only, no real money moves.</p>'
    )
    return page(PRODUCT, "Pay", "".join(parts))


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
        f'<p><a href="{text(link)}" data-testid="back-to-shop">Return to the shop</a></p>' if link else ""
    )
    body = f'{_summary(intent)}<p role="status" data-testid="outcome">{text(message)}</p>{back_link}'
    return page(PRODUCT, title, body, status)
