"""A minimal requester for driving generated resources in tests: one httpx client, errors raised on non-2xx.

It is what `molam_sdk_ext.Molam` does without the transport stack, so these tests exercise only the
generated code: request building, headers, bodies, parsing.
"""

from __future__ import annotations

from typing import Any

import httpx

from molam_sdk.requester import Request, RequestOptions
from molam_sdk_ext.errors import error_from_response

BASE_URL = "https://api.molam.com"
API_KEY = "sk_test_generated_4f9Qx2"
AUTHORIZATION = f"Bearer {API_KEY}"


def _send_arguments(request: Request, options: RequestOptions) -> dict[str, Any]:
    headers = dict(request.headers or {})
    # What the client and its idempotency transport do with the call's options, minus the generated key.
    if options.idempotency_key is not None:
        headers["Idempotency-Key"] = options.idempotency_key
    if options.molam_version is not None:
        headers["Molam-Version"] = options.molam_version
    headers.update(options.extra_headers or {})
    arguments: dict[str, Any] = {"method": request.method, "url": request.url, "headers": headers}
    if request.params:
        arguments["params"] = request.params
    if request.json is not None:
        arguments["json"] = request.json
    if options.timeout is not None:
        arguments["timeout"] = options.timeout
    return arguments


class HttpxRequester:
    """`SyncRequester` over an `httpx.Client`; remembers the options of every call."""

    def __init__(self, client: httpx.Client) -> None:
        self.client = client
        self.options: list[RequestOptions] = []

    def request(self, request: Request, options: RequestOptions) -> httpx.Response:
        """Send and return the 2xx response, or raise the typed `APIError`."""
        self.options.append(options)
        response = self.client.request(**_send_arguments(request, options))
        if not response.is_success:
            raise error_from_response(response)
        return response


class AsyncHttpxRequester:
    """`AsyncRequester` over an `httpx.AsyncClient`; remembers the options of every call."""

    def __init__(self, client: httpx.AsyncClient) -> None:
        self.client = client
        self.options: list[RequestOptions] = []

    async def request(self, request: Request, options: RequestOptions) -> httpx.Response:
        """Send and return the 2xx response, or raise the typed `APIError`."""
        self.options.append(options)
        response = await self.client.request(**_send_arguments(request, options))
        if not response.is_success:
            raise error_from_response(response)
        return response
