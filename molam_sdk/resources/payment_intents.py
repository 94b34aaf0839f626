# Generated from spec/molam.yaml by `make generate`; do not edit.
"""The `payment_intents` resource: Molam Connect payment intents (`pi_`) track one payment from creation to success or failure.

`PaymentIntents` and `AsyncPaymentIntents` share one request builder per operation and return parsed models (list methods
return pages that walk across pages); `PaymentIntentsWithRawResponse` and `AsyncPaymentIntentsWithRawResponse` wrap their
methods to return `RawResponse` objects carrying the HTTP response too.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, overload
from urllib.parse import quote

import httpx

from ..models.payment_intent import PaymentIntent
from ..models.payment_intent_list import PaymentIntentList
from ..pagination import AsyncPage, SyncPage
from ..raw_response import (
    async_to_raw_page_wrapper,
    async_to_raw_response_wrapper,
    to_raw_page_wrapper,
    to_raw_response_wrapper,
)
from ..requester import Request
from ..resource import AsyncResource, SyncResource
from ..types import UNSET, Unset
from ._request import (
    body_payload,
    check_integers,
    check_path_parameter,
    missing_argument,
    options,
    parse,
    refuse_fields_with_body,
    to_json,
)

if TYPE_CHECKING:
    from ..models.cancel_payment_intent_request import CancelPaymentIntentRequest
    from ..models.cancellation_reason import CancellationReason, CancellationReasonLiteral
    from ..models.capture_method import CaptureMethod, CaptureMethodLiteral
    from ..models.capture_payment_intent_request import CapturePaymentIntentRequest
    from ..models.confirm_payment_intent_request import ConfirmPaymentIntentRequest
    from ..models.create_payment_intent_request import CreatePaymentIntentRequest
    from ..models.metadata import Metadata
    from ..models.payment_intent_status import PaymentIntentStatus, PaymentIntentStatusLiteral
    from ..models.update_payment_intent_request import UpdatePaymentIntentRequest

__all__ = [
    "AsyncPaymentIntents",
    "AsyncPaymentIntentsWithRawResponse",
    "PaymentIntents",
    "PaymentIntentsWithRawResponse",
]


def _list_request(
    *,
    limit: int | Unset,
    starting_after: str | Unset,
    customer_id: str | Unset,
    status: PaymentIntentStatus | PaymentIntentStatusLiteral | Unset,
    created_gte: int | Unset,
    created_lte: int | Unset,
) -> Request:
    """The request for `list` (GET /v1/connect/payment_intents), shared by the sync and async classes."""
    _params: dict[str, Any] = {}
    if limit is not UNSET and limit is not None:
        _params["limit"] = limit
    if starting_after is not UNSET and starting_after is not None:
        _params["starting_after"] = starting_after
    if customer_id is not UNSET and customer_id is not None:
        _params["customer_id"] = customer_id
    if status is not UNSET and status is not None:
        _params["status"] = to_json(status)
    if created_gte is not UNSET and created_gte is not None:
        _params["created_gte"] = created_gte
    if created_lte is not UNSET and created_lte is not None:
        _params["created_lte"] = created_lte
    check_integers(_params, ("limit", "created_gte", "created_lte"))
    return Request(
        "GET",
        "/v1/connect/payment_intents",
        params=_params,
    )


def _create_request(
    *,
    amount: int | Unset,
    currency: str | Unset,
    capture_method: CaptureMethod | CaptureMethodLiteral | Unset,
    payment_method: str | Unset,
    confirm: bool | Unset,
    customer_id: str | Unset,
    merchant_id: str | Unset,
    description: str | Unset,
    metadata: Metadata | Mapping[str, Any] | Unset,
    return_url: str | Unset,
    cancel_url: str | Unset,
    body: CreatePaymentIntentRequest | None,
) -> Request:
    """The request for `create` (POST /v1/connect/payment_intents), shared by the sync and async classes.

    The JSON body is built straight from the arguments (no request model round trip): enums, models and
    mappings go through `to_json`. A missing required field, or `body=` mixed with field arguments, raises
    `ValidationError` before anything is sent.
    """
    if body is None:
        if amount is UNSET:
            raise missing_argument("amount")
        if currency is UNSET:
            raise missing_argument("currency")
        _payload: dict[str, Any] = {
            "amount": amount,
            "currency": currency,
        }
        if capture_method is not UNSET:
            _payload["capture_method"] = to_json(capture_method)
        if payment_method is not UNSET:
            _payload["payment_method"] = payment_method
        if confirm is not UNSET:
            _payload["confirm"] = confirm
        if customer_id is not UNSET:
            _payload["customer_id"] = customer_id
        if merchant_id is not UNSET:
            _payload["merchant_id"] = merchant_id
        if description is not UNSET:
            _payload["description"] = description
        if metadata is not UNSET:
            _payload["metadata"] = to_json(metadata)
        if return_url is not UNSET:
            _payload["return_url"] = return_url
        if cancel_url is not UNSET:
            _payload["cancel_url"] = cancel_url
    else:
        refuse_fields_with_body(
            ("amount", amount),
            ("currency", currency),
            ("capture_method", capture_method),
            ("payment_method", payment_method),
            ("confirm", confirm),
            ("customer_id", customer_id),
            ("merchant_id", merchant_id),
            ("description", description),
            ("metadata", metadata),
            ("return_url", return_url),
            ("cancel_url", cancel_url),
        )
        # Imported here, not at the top: only a call with `body=` needs the class at run time (a resource's
        # first use stays as light as its response models).
        from ..models.create_payment_intent_request import CreatePaymentIntentRequest as _Body

        _payload = body_payload(body, _Body)
    check_integers(_payload, ("amount",))
    return Request(
        "POST",
        "/v1/connect/payment_intents",
        json=_payload,
    )


def _retrieve_request(
    *,
    id: str,
) -> Request:
    """The request for `retrieve` (GET /v1/connect/payment_intents/{id}), shared by the sync and async classes."""
    check_path_parameter("id", id)
    return Request(
        "GET",
        f"/v1/connect/payment_intents/{quote(str(id), safe='')}",
    )


def _update_request(
    *,
    id: str,
    description: str | Unset,
    metadata: Metadata | Mapping[str, Any] | Unset,
    body: UpdatePaymentIntentRequest | None,
) -> Request:
    """The request for `update` (POST /v1/connect/payment_intents/{id}), shared by the sync and async classes.

    The JSON body is built straight from the arguments (no request model round trip): enums, models and
    mappings go through `to_json`. A missing required field, or `body=` mixed with field arguments, raises
    `ValidationError` before anything is sent.
    """
    if body is None:
        _payload: dict[str, Any] = {}
        if description is not UNSET:
            _payload["description"] = description
        if metadata is not UNSET:
            _payload["metadata"] = to_json(metadata)
    else:
        refuse_fields_with_body(
            ("description", description),
            ("metadata", metadata),
        )
        # Imported here, not at the top: only a call with `body=` needs the class at run time (a resource's
        # first use stays as light as its response models).
        from ..models.update_payment_intent_request import UpdatePaymentIntentRequest as _Body

        _payload = body_payload(body, _Body)
    check_path_parameter("id", id)
    return Request(
        "POST",
        f"/v1/connect/payment_intents/{quote(str(id), safe='')}",
        json=_payload,
    )


def _confirm_request(
    *,
    id: str,
    payment_method: str | Unset,
    return_url: str | Unset,
    body: ConfirmPaymentIntentRequest | None,
) -> Request:
    """The request for `confirm` (POST /v1/connect/payment_intents/{id}/confirm), shared by the sync and async classes.

    The JSON body is built straight from the arguments (no request model round trip): enums, models and
    mappings go through `to_json`. A missing required field, or `body=` mixed with field arguments, raises
    `ValidationError` before anything is sent.
    """
    if body is None:
        _fields: dict[str, Any] = {}
        if payment_method is not UNSET:
            _fields["payment_method"] = payment_method
        if return_url is not UNSET:
            _fields["return_url"] = return_url
        _payload: dict[str, Any] | None = _fields or None
    else:
        refuse_fields_with_body(
            ("payment_method", payment_method),
            ("return_url", return_url),
        )
        # Imported here, not at the top: only a call with `body=` needs the class at run time (a resource's
        # first use stays as light as its response models).
        from ..models.confirm_payment_intent_request import ConfirmPaymentIntentRequest as _Body

        _payload = body_payload(body, _Body)
    check_path_parameter("id", id)
    return Request(
        "POST",
        f"/v1/connect/payment_intents/{quote(str(id), safe='')}/confirm",
        json=_payload,
    )


def _capture_request(
    *,
    id: str,
    amount_to_capture: int | Unset,
    body: CapturePaymentIntentRequest | None,
) -> Request:
    """The request for `capture` (POST /v1/connect/payment_intents/{id}/capture), shared by the sync and async classes.

    The JSON body is built straight from the arguments (no request model round trip): enums, models and
    mappings go through `to_json`. A missing required field, or `body=` mixed with field arguments, raises
    `ValidationError` before anything is sent.
    """
    if body is None:
        _fields: dict[str, Any] = {}
        if amount_to_capture is not UNSET:
            _fields["amount_to_capture"] = amount_to_capture
        _payload: dict[str, Any] | None = _fields or None
    else:
        refuse_fields_with_body(
            ("amount_to_capture", amount_to_capture),
        )
        # Imported here, not at the top: only a call with `body=` needs the class at run time (a resource's
        # first use stays as light as its response models).
        from ..models.capture_payment_intent_request import CapturePaymentIntentRequest as _Body

        _payload = body_payload(body, _Body)
    check_path_parameter("id", id)
    check_integers(_payload, ("amount_to_capture",))
    return Request(
        "POST",
        f"/v1/connect/payment_intents/{quote(str(id), safe='')}/capture",
        json=_payload,
    )


def _cancel_request(
    *,
    id: str,
    cancellation_reason: CancellationReason | CancellationReasonLiteral | Unset,
    body: CancelPaymentIntentRequest | None,
) -> Request:
    """The request for `cancel` (POST /v1/connect/payment_intents/{id}/cancel), shared by the sync and async classes.

    The JSON body is built straight from the arguments (no request model round trip): enums, models and
    mappings go through `to_json`. A missing required field, or `body=` mixed with field arguments, raises
    `ValidationError` before anything is sent.
    """
    if body is None:
        _fields: dict[str, Any] = {}
        if cancellation_reason is not UNSET:
            _fields["cancellation_reason"] = to_json(cancellation_reason)
        _payload: dict[str, Any] | None = _fields or None
    else:
        refuse_fields_with_body(
            ("cancellation_reason", cancellation_reason),
        )
        # Imported here, not at the top: only a call with `body=` needs the class at run time (a resource's
        # first use stays as light as its response models).
        from ..models.cancel_payment_intent_request import CancelPaymentIntentRequest as _Body

        _payload = body_payload(body, _Body)
    check_path_parameter("id", id)
    return Request(
        "POST",
        f"/v1/connect/payment_intents/{quote(str(id), safe='')}/cancel",
        json=_payload,
    )


class PaymentIntents(SyncResource):
    """PaymentIntents operations."""

    def list(
        self,
        *,
        limit: int | Unset = UNSET,
        starting_after: str | Unset = UNSET,
        customer_id: str | Unset = UNSET,
        status: PaymentIntentStatus | PaymentIntentStatusLiteral | Unset = UNSET,
        created_gte: int | Unset = UNSET,
        created_lte: int | Unset = UNSET,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> SyncPage[PaymentIntent]:
        """List payment intents.

        Lists payment intents, newest first. Filter by customer, status and creation time
        (`created_gte` / `created_lte`, Unix seconds, both inclusive).

        `GET /v1/connect/payment_intents`

        Args:
            limit: How many objects to return, between 1 and 100.
            starting_after: A cursor for pagination; the id of the last object of the previous page (or its `next_cursor`).
            customer_id: Only payment intents for this customer.
            status: Where a payment intent is in its life: `requires_payment_method` -> `requires_confirmation` ->
                (`requires_action`) -> `processing` -> (`requires_capture`) -> `succeeded`; or `canceled` /
                `failed`.
            created_gte: Only payment intents created at or after this Unix time (seconds).
            created_lte: Only payment intents created at or before this Unix time (seconds).
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            The first page as a `SyncPage` of `PaymentIntent`: iterate it to walk every page
                (the next pages are fetched with `starting_after` and the same filters).

        Raises:
            molam_sdk.errors.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        request_options = options(None, molam_version, timeout, max_retries, extra_headers)

        def fetch(cursor: str | Unset) -> PaymentIntentList:
            response = self._send(
                _list_request(
                    limit=limit,
                    starting_after=cursor,
                    customer_id=customer_id,
                    status=status,
                    created_gte=created_gte,
                    created_lte=created_lte,
                ),
                request_options,
            )
            return parse(PaymentIntentList.from_dict, response, "PaymentIntentList")

        return SyncPage(fetch(starting_after), fetch)

    @overload
    def create(
        self,
        *,
        amount: int,
        currency: str,
        capture_method: CaptureMethod | CaptureMethodLiteral | Unset = UNSET,
        payment_method: str | Unset = UNSET,
        confirm: bool | Unset = UNSET,
        customer_id: str | Unset = UNSET,
        merchant_id: str | Unset = UNSET,
        description: str | Unset = UNSET,
        metadata: Metadata | Mapping[str, Any] | Unset = UNSET,
        return_url: str | Unset = UNSET,
        cancel_url: str | Unset = UNSET,
        idempotency_key: str | None = None,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> PaymentIntent: ...

    @overload
    def create(
        self,
        *,
        body: CreatePaymentIntentRequest,
        idempotency_key: str | None = None,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> PaymentIntent: ...

    def create(
        self,
        *,
        amount: int | Unset = UNSET,
        currency: str | Unset = UNSET,
        capture_method: CaptureMethod | CaptureMethodLiteral | Unset = UNSET,
        payment_method: str | Unset = UNSET,
        confirm: bool | Unset = UNSET,
        customer_id: str | Unset = UNSET,
        merchant_id: str | Unset = UNSET,
        description: str | Unset = UNSET,
        metadata: Metadata | Mapping[str, Any] | Unset = UNSET,
        return_url: str | Unset = UNSET,
        cancel_url: str | Unset = UNSET,
        body: CreatePaymentIntentRequest | None = None,
        idempotency_key: str | None = None,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> PaymentIntent:
        """Create a payment intent.

        Creates a payment intent for `amount` in `currency` (minor units). Pass `confirm: true` together
        with
        a `payment_method` to create and confirm in one call. With `capture_method: manual` the funds are
        only authorised and must be captured later with `capture`.

        Created without a `payment_method`, the intent is `requires_payment_method` and its `redirect_url`
        is
        Molam Checkout, the hosted page where the customer chooses how to pay: redirect the customer there.
        The customer comes back to `return_url` (or `cancel_url`) with `?payment_intent=<id>` added, and the
        outcome arrives as a webhook (`payment_intent.succeeded`, `payment_intent.failed`,
        `payment_intent.canceled`).

        `POST /v1/connect/payment_intents`

        Args:
            amount: Required. Amount to collect, in the currency's minor unit (15000 XOF is 15,000 F CFA; 2500000 NGN is
                25,000.00 naira).
            currency: Required. Three-letter ISO 4217 currency code, upper case.
            capture_method: `automatic` captures on success; `manual` only authorises until you call `capture`.
            payment_method: The id of the payment method (`pm_`) to attach.
            confirm: Confirm immediately (requires `payment_method`).
            customer_id: The customer paying.
            merchant_id: The connected merchant receiving the funds.
            description: Your description of the payment.
            metadata: Up to 50 key-value pairs of your own data, stored with the object. Keys are at most 40 characters,
                values are strings of at most 500 characters. Never put sensitive data (card numbers, PINs) here.
            return_url: Where the customer returns after completing a redirect.
            cancel_url: Where the customer returns after abandoning a redirect.
            body: The whole request body as a `CreatePaymentIntentRequest`, instead of the field arguments (not both).
            idempotency_key: Makes retries of this POST safe: the same key with the same body replays the first response (at most
                255 characters). When None the client makes one per call and reuses it on every retry.
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            The `PaymentIntent`.

        Raises:
            molam_sdk.errors.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = self._send(
            _create_request(
                amount=amount,
                currency=currency,
                capture_method=capture_method,
                payment_method=payment_method,
                confirm=confirm,
                customer_id=customer_id,
                merchant_id=merchant_id,
                description=description,
                metadata=metadata,
                return_url=return_url,
                cancel_url=cancel_url,
                body=body,
            ),
            options(idempotency_key, molam_version, timeout, max_retries, extra_headers),
        )
        return parse(PaymentIntent.from_dict, response, "PaymentIntent")

    def retrieve(
        self,
        id: str,
        *,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> PaymentIntent:
        """Retrieve a payment intent.

        Retrieves a payment intent by id.

        `GET /v1/connect/payment_intents/{id}`

        Args:
            id: The payment intent's id.
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            The `PaymentIntent`.

        Raises:
            molam_sdk.errors.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = self._send(
            _retrieve_request(
                id=id,
            ),
            options(None, molam_version, timeout, max_retries, extra_headers),
        )
        return parse(PaymentIntent.from_dict, response, "PaymentIntent")

    def update(
        self,
        id: str,
        *,
        description: str | Unset = UNSET,
        metadata: Metadata | Mapping[str, Any] | Unset = UNSET,
        body: UpdatePaymentIntentRequest | None = None,
        idempotency_key: str | None = None,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> PaymentIntent:
        """Update a payment intent.

        Updates the `description` and `metadata` of a payment intent. Metadata keys are merged: a key set to
        an empty string is removed.

        `POST /v1/connect/payment_intents/{id}`

        Args:
            id: The payment intent's id.
            description: Your description of the payment.
            metadata: Up to 50 key-value pairs of your own data, stored with the object. Keys are at most 40 characters,
                values are strings of at most 500 characters. Never put sensitive data (card numbers, PINs) here.
            body: The whole request body as a `UpdatePaymentIntentRequest`, instead of the field arguments (not both).
            idempotency_key: Makes retries of this POST safe: the same key with the same body replays the first response (at most
                255 characters). When None the client makes one per call and reuses it on every retry.
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            The `PaymentIntent`.

        Raises:
            molam_sdk.errors.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = self._send(
            _update_request(
                id=id,
                description=description,
                metadata=metadata,
                body=body,
            ),
            options(idempotency_key, molam_version, timeout, max_retries, extra_headers),
        )
        return parse(PaymentIntent.from_dict, response, "PaymentIntent")

    def confirm(
        self,
        id: str,
        *,
        payment_method: str | Unset = UNSET,
        return_url: str | Unset = UNSET,
        body: ConfirmPaymentIntentRequest | None = None,
        idempotency_key: str | None = None,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> PaymentIntent:
        """Confirm a payment intent.

        Confirms that the customer intends to pay with `payment_method` (or the one already attached). The
        intent moves to `processing`, `requires_action` (send the customer to `redirect_url`, for example to
        approve an Orange Money or Wave payment), `requires_capture` (manual capture) or `succeeded`. A
        declined
        payment is a `402 payment_error` and the intent returns to `requires_payment_method`.

        Without a payment method (none given, none attached) the intent moves to `requires_action` with
        `payment_method: null` and `redirect_url` set to Molam Checkout, where the customer chooses one; a
        `payment_intent.requires_action` event is sent. Confirming it again without a method changes
        nothing.

        `POST /v1/connect/payment_intents/{id}/confirm`

        Args:
            id: The payment intent's id.
            payment_method: The payment method (`pm_`) to charge; defaults to the one already attached. With neither, the
                customer chooses one on Molam Checkout (`requires_action`, `redirect_url`).
            return_url: Where the customer returns after completing a redirect.
            body: The whole request body as a `ConfirmPaymentIntentRequest`, instead of the field arguments (not
                both).
            idempotency_key: Makes retries of this POST safe: the same key with the same body replays the first response (at most
                255 characters). When None the client makes one per call and reuses it on every retry.
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            The `PaymentIntent`.

        Raises:
            molam_sdk.errors.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = self._send(
            _confirm_request(
                id=id,
                payment_method=payment_method,
                return_url=return_url,
                body=body,
            ),
            options(idempotency_key, molam_version, timeout, max_retries, extra_headers),
        )
        return parse(PaymentIntent.from_dict, response, "PaymentIntent")

    def capture(
        self,
        id: str,
        *,
        amount_to_capture: int | Unset = UNSET,
        body: CapturePaymentIntentRequest | None = None,
        idempotency_key: str | None = None,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> PaymentIntent:
        """Capture a payment intent.

        Captures the funds of a payment intent in `requires_capture`. `amount_to_capture` defaults to the
        full
        authorised amount; a smaller amount releases the rest to the customer.

        `POST /v1/connect/payment_intents/{id}/capture`

        Args:
            id: The payment intent's id.
            amount_to_capture: Amount to capture in the currency's minor unit; defaults to the full authorised amount.
            body: The whole request body as a `CapturePaymentIntentRequest`, instead of the field arguments (not
                both).
            idempotency_key: Makes retries of this POST safe: the same key with the same body replays the first response (at most
                255 characters). When None the client makes one per call and reuses it on every retry.
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            The `PaymentIntent`.

        Raises:
            molam_sdk.errors.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = self._send(
            _capture_request(
                id=id,
                amount_to_capture=amount_to_capture,
                body=body,
            ),
            options(idempotency_key, molam_version, timeout, max_retries, extra_headers),
        )
        return parse(PaymentIntent.from_dict, response, "PaymentIntent")

    def cancel(
        self,
        id: str,
        *,
        cancellation_reason: CancellationReason | CancellationReasonLiteral | Unset = UNSET,
        body: CancelPaymentIntentRequest | None = None,
        idempotency_key: str | None = None,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> PaymentIntent:
        """Cancel a payment intent.

        Cancels a payment intent that has not succeeded yet (`requires_payment_method`,
        `requires_confirmation`, `requires_action` or `requires_capture`). An authorisation is released.

        `POST /v1/connect/payment_intents/{id}/cancel`

        Args:
            id: The payment intent's id.
            cancellation_reason: Why a payment intent was canceled.
            body: The whole request body as a `CancelPaymentIntentRequest`, instead of the field arguments (not both).
            idempotency_key: Makes retries of this POST safe: the same key with the same body replays the first response (at most
                255 characters). When None the client makes one per call and reuses it on every retry.
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            The `PaymentIntent`.

        Raises:
            molam_sdk.errors.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = self._send(
            _cancel_request(
                id=id,
                cancellation_reason=cancellation_reason,
                body=body,
            ),
            options(idempotency_key, molam_version, timeout, max_retries, extra_headers),
        )
        return parse(PaymentIntent.from_dict, response, "PaymentIntent")


class AsyncPaymentIntents(AsyncResource):
    """PaymentIntents operations, async."""

    async def list(
        self,
        *,
        limit: int | Unset = UNSET,
        starting_after: str | Unset = UNSET,
        customer_id: str | Unset = UNSET,
        status: PaymentIntentStatus | PaymentIntentStatusLiteral | Unset = UNSET,
        created_gte: int | Unset = UNSET,
        created_lte: int | Unset = UNSET,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncPage[PaymentIntent]:
        """List payment intents.

        Lists payment intents, newest first. Filter by customer, status and creation time
        (`created_gte` / `created_lte`, Unix seconds, both inclusive).

        `GET /v1/connect/payment_intents`

        Args:
            limit: How many objects to return, between 1 and 100.
            starting_after: A cursor for pagination; the id of the last object of the previous page (or its `next_cursor`).
            customer_id: Only payment intents for this customer.
            status: Where a payment intent is in its life: `requires_payment_method` -> `requires_confirmation` ->
                (`requires_action`) -> `processing` -> (`requires_capture`) -> `succeeded`; or `canceled` /
                `failed`.
            created_gte: Only payment intents created at or after this Unix time (seconds).
            created_lte: Only payment intents created at or before this Unix time (seconds).
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            The first page as an `AsyncPage` of `PaymentIntent`: iterate it with `async for` to walk every page
                (the next pages are fetched with `starting_after` and the same filters).

        Raises:
            molam_sdk.errors.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        request_options = options(None, molam_version, timeout, max_retries, extra_headers)

        async def fetch(cursor: str | Unset) -> PaymentIntentList:
            response = await self._send(
                _list_request(
                    limit=limit,
                    starting_after=cursor,
                    customer_id=customer_id,
                    status=status,
                    created_gte=created_gte,
                    created_lte=created_lte,
                ),
                request_options,
            )
            return parse(PaymentIntentList.from_dict, response, "PaymentIntentList")

        return AsyncPage(await fetch(starting_after), fetch)

    @overload
    async def create(
        self,
        *,
        amount: int,
        currency: str,
        capture_method: CaptureMethod | CaptureMethodLiteral | Unset = UNSET,
        payment_method: str | Unset = UNSET,
        confirm: bool | Unset = UNSET,
        customer_id: str | Unset = UNSET,
        merchant_id: str | Unset = UNSET,
        description: str | Unset = UNSET,
        metadata: Metadata | Mapping[str, Any] | Unset = UNSET,
        return_url: str | Unset = UNSET,
        cancel_url: str | Unset = UNSET,
        idempotency_key: str | None = None,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> PaymentIntent: ...

    @overload
    async def create(
        self,
        *,
        body: CreatePaymentIntentRequest,
        idempotency_key: str | None = None,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> PaymentIntent: ...

    async def create(
        self,
        *,
        amount: int | Unset = UNSET,
        currency: str | Unset = UNSET,
        capture_method: CaptureMethod | CaptureMethodLiteral | Unset = UNSET,
        payment_method: str | Unset = UNSET,
        confirm: bool | Unset = UNSET,
        customer_id: str | Unset = UNSET,
        merchant_id: str | Unset = UNSET,
        description: str | Unset = UNSET,
        metadata: Metadata | Mapping[str, Any] | Unset = UNSET,
        return_url: str | Unset = UNSET,
        cancel_url: str | Unset = UNSET,
        body: CreatePaymentIntentRequest | None = None,
        idempotency_key: str | None = None,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> PaymentIntent:
        """Create a payment intent.

        Creates a payment intent for `amount` in `currency` (minor units). Pass `confirm: true` together
        with
        a `payment_method` to create and confirm in one call. With `capture_method: manual` the funds are
        only authorised and must be captured later with `capture`.

        Created without a `payment_method`, the intent is `requires_payment_method` and its `redirect_url`
        is
        Molam Checkout, the hosted page where the customer chooses how to pay: redirect the customer there.
        The customer comes back to `return_url` (or `cancel_url`) with `?payment_intent=<id>` added, and the
        outcome arrives as a webhook (`payment_intent.succeeded`, `payment_intent.failed`,
        `payment_intent.canceled`).

        `POST /v1/connect/payment_intents`

        Args:
            amount: Required. Amount to collect, in the currency's minor unit (15000 XOF is 15,000 F CFA; 2500000 NGN is
                25,000.00 naira).
            currency: Required. Three-letter ISO 4217 currency code, upper case.
            capture_method: `automatic` captures on success; `manual` only authorises until you call `capture`.
            payment_method: The id of the payment method (`pm_`) to attach.
            confirm: Confirm immediately (requires `payment_method`).
            customer_id: The customer paying.
            merchant_id: The connected merchant receiving the funds.
            description: Your description of the payment.
            metadata: Up to 50 key-value pairs of your own data, stored with the object. Keys are at most 40 characters,
                values are strings of at most 500 characters. Never put sensitive data (card numbers, PINs) here.
            return_url: Where the customer returns after completing a redirect.
            cancel_url: Where the customer returns after abandoning a redirect.
            body: The whole request body as a `CreatePaymentIntentRequest`, instead of the field arguments (not both).
            idempotency_key: Makes retries of this POST safe: the same key with the same body replays the first response (at most
                255 characters). When None the client makes one per call and reuses it on every retry.
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            The `PaymentIntent`.

        Raises:
            molam_sdk.errors.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = await self._send(
            _create_request(
                amount=amount,
                currency=currency,
                capture_method=capture_method,
                payment_method=payment_method,
                confirm=confirm,
                customer_id=customer_id,
                merchant_id=merchant_id,
                description=description,
                metadata=metadata,
                return_url=return_url,
                cancel_url=cancel_url,
                body=body,
            ),
            options(idempotency_key, molam_version, timeout, max_retries, extra_headers),
        )
        return parse(PaymentIntent.from_dict, response, "PaymentIntent")

    async def retrieve(
        self,
        id: str,
        *,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> PaymentIntent:
        """Retrieve a payment intent.

        Retrieves a payment intent by id.

        `GET /v1/connect/payment_intents/{id}`

        Args:
            id: The payment intent's id.
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            The `PaymentIntent`.

        Raises:
            molam_sdk.errors.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = await self._send(
            _retrieve_request(
                id=id,
            ),
            options(None, molam_version, timeout, max_retries, extra_headers),
        )
        return parse(PaymentIntent.from_dict, response, "PaymentIntent")

    async def update(
        self,
        id: str,
        *,
        description: str | Unset = UNSET,
        metadata: Metadata | Mapping[str, Any] | Unset = UNSET,
        body: UpdatePaymentIntentRequest | None = None,
        idempotency_key: str | None = None,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> PaymentIntent:
        """Update a payment intent.

        Updates the `description` and `metadata` of a payment intent. Metadata keys are merged: a key set to
        an empty string is removed.

        `POST /v1/connect/payment_intents/{id}`

        Args:
            id: The payment intent's id.
            description: Your description of the payment.
            metadata: Up to 50 key-value pairs of your own data, stored with the object. Keys are at most 40 characters,
                values are strings of at most 500 characters. Never put sensitive data (card numbers, PINs) here.
            body: The whole request body as a `UpdatePaymentIntentRequest`, instead of the field arguments (not both).
            idempotency_key: Makes retries of this POST safe: the same key with the same body replays the first response (at most
                255 characters). When None the client makes one per call and reuses it on every retry.
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            The `PaymentIntent`.

        Raises:
            molam_sdk.errors.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = await self._send(
            _update_request(
                id=id,
                description=description,
                metadata=metadata,
                body=body,
            ),
            options(idempotency_key, molam_version, timeout, max_retries, extra_headers),
        )
        return parse(PaymentIntent.from_dict, response, "PaymentIntent")

    async def confirm(
        self,
        id: str,
        *,
        payment_method: str | Unset = UNSET,
        return_url: str | Unset = UNSET,
        body: ConfirmPaymentIntentRequest | None = None,
        idempotency_key: str | None = None,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> PaymentIntent:
        """Confirm a payment intent.

        Confirms that the customer intends to pay with `payment_method` (or the one already attached). The
        intent moves to `processing`, `requires_action` (send the customer to `redirect_url`, for example to
        approve an Orange Money or Wave payment), `requires_capture` (manual capture) or `succeeded`. A
        declined
        payment is a `402 payment_error` and the intent returns to `requires_payment_method`.

        Without a payment method (none given, none attached) the intent moves to `requires_action` with
        `payment_method: null` and `redirect_url` set to Molam Checkout, where the customer chooses one; a
        `payment_intent.requires_action` event is sent. Confirming it again without a method changes
        nothing.

        `POST /v1/connect/payment_intents/{id}/confirm`

        Args:
            id: The payment intent's id.
            payment_method: The payment method (`pm_`) to charge; defaults to the one already attached. With neither, the
                customer chooses one on Molam Checkout (`requires_action`, `redirect_url`).
            return_url: Where the customer returns after completing a redirect.
            body: The whole request body as a `ConfirmPaymentIntentRequest`, instead of the field arguments (not
                both).
            idempotency_key: Makes retries of this POST safe: the same key with the same body replays the first response (at most
                255 characters). When None the client makes one per call and reuses it on every retry.
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            The `PaymentIntent`.

        Raises:
            molam_sdk.errors.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = await self._send(
            _confirm_request(
                id=id,
                payment_method=payment_method,
                return_url=return_url,
                body=body,
            ),
            options(idempotency_key, molam_version, timeout, max_retries, extra_headers),
        )
        return parse(PaymentIntent.from_dict, response, "PaymentIntent")

    async def capture(
        self,
        id: str,
        *,
        amount_to_capture: int | Unset = UNSET,
        body: CapturePaymentIntentRequest | None = None,
        idempotency_key: str | None = None,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> PaymentIntent:
        """Capture a payment intent.

        Captures the funds of a payment intent in `requires_capture`. `amount_to_capture` defaults to the
        full
        authorised amount; a smaller amount releases the rest to the customer.

        `POST /v1/connect/payment_intents/{id}/capture`

        Args:
            id: The payment intent's id.
            amount_to_capture: Amount to capture in the currency's minor unit; defaults to the full authorised amount.
            body: The whole request body as a `CapturePaymentIntentRequest`, instead of the field arguments (not
                both).
            idempotency_key: Makes retries of this POST safe: the same key with the same body replays the first response (at most
                255 characters). When None the client makes one per call and reuses it on every retry.
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            The `PaymentIntent`.

        Raises:
            molam_sdk.errors.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = await self._send(
            _capture_request(
                id=id,
                amount_to_capture=amount_to_capture,
                body=body,
            ),
            options(idempotency_key, molam_version, timeout, max_retries, extra_headers),
        )
        return parse(PaymentIntent.from_dict, response, "PaymentIntent")

    async def cancel(
        self,
        id: str,
        *,
        cancellation_reason: CancellationReason | CancellationReasonLiteral | Unset = UNSET,
        body: CancelPaymentIntentRequest | None = None,
        idempotency_key: str | None = None,
        molam_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> PaymentIntent:
        """Cancel a payment intent.

        Cancels a payment intent that has not succeeded yet (`requires_payment_method`,
        `requires_confirmation`, `requires_action` or `requires_capture`). An authorisation is released.

        `POST /v1/connect/payment_intents/{id}/cancel`

        Args:
            id: The payment intent's id.
            cancellation_reason: Why a payment intent was canceled.
            body: The whole request body as a `CancelPaymentIntentRequest`, instead of the field arguments (not both).
            idempotency_key: Makes retries of this POST safe: the same key with the same body replays the first response (at most
                255 characters). When None the client makes one per call and reuses it on every retry.
            molam_version: The `Molam-Version` for this call only, instead of the client's pinned one.
            timeout: Seconds (or an `httpx.Timeout`) for this call, instead of the client's timeout.
            max_retries: The retry budget for this call (0 disables retries), instead of the client's.
            extra_headers: Headers added last to this request; they win over the SDK's own.

        Returns:
            The `PaymentIntent`.

        Raises:
            molam_sdk.errors.MolamError: A subclass for each failure: the API's answer (status, code, request id),
                connection problems, an open circuit, or invalid arguments caught before sending.
        """
        response = await self._send(
            _cancel_request(
                id=id,
                cancellation_reason=cancellation_reason,
                body=body,
            ),
            options(idempotency_key, molam_version, timeout, max_retries, extra_headers),
        )
        return parse(PaymentIntent.from_dict, response, "PaymentIntent")


class PaymentIntentsWithRawResponse:
    """The `PaymentIntents` methods, each returning a `RawResponse` (the HTTP response and the parsed result)."""

    def __init__(self, resource: PaymentIntents) -> None:
        self._resource = resource
        self.list = to_raw_page_wrapper(resource.list, PaymentIntentList)
        self.create = to_raw_response_wrapper(resource.create)
        self.retrieve = to_raw_response_wrapper(resource.retrieve)
        self.update = to_raw_response_wrapper(resource.update)
        self.confirm = to_raw_response_wrapper(resource.confirm)
        self.capture = to_raw_response_wrapper(resource.capture)
        self.cancel = to_raw_response_wrapper(resource.cancel)


class AsyncPaymentIntentsWithRawResponse:
    """The `AsyncPaymentIntents` methods, async, each returning a `RawResponse` (the HTTP response and the parsed result)."""

    def __init__(self, resource: AsyncPaymentIntents) -> None:
        self._resource = resource
        self.list = async_to_raw_page_wrapper(resource.list, PaymentIntentList)
        self.create = async_to_raw_response_wrapper(resource.create)
        self.retrieve = async_to_raw_response_wrapper(resource.retrieve)
        self.update = async_to_raw_response_wrapper(resource.update)
        self.confirm = async_to_raw_response_wrapper(resource.confirm)
        self.capture = async_to_raw_response_wrapper(resource.capture)
        self.cancel = async_to_raw_response_wrapper(resource.cancel)
