"""The client side of the sandbox-only `/_sandbox` routes (outside the API spec, so outside the SDK).

Plain HTTP against whatever `--api-base` names: the CLI never imports the sandbox package itself.
"""

from __future__ import annotations

from typing import Any

import httpx

from molam_sdk_ext.errors import APIConnectionError, APITimeoutError, error_from_response

from .state import CliState

__all__ = ["sandbox_request"]


def sandbox_request(state: CliState, method: str, path: str, json: Any = None) -> Any:
    """Call a sandbox-only route (`/_sandbox/...`, outside the API spec, so outside the SDK); returns its JSON."""
    try:
        with httpx.Client(base_url=state.base, timeout=state.timeout or 30.0) as http:
            response = http.request(
                method, path, json=json, headers={"Authorization": f"Bearer {state.key()}"}
            )
    except httpx.TimeoutException as exc:
        raise APITimeoutError(request=exc.request) from None
    except httpx.TransportError as exc:
        raise APIConnectionError(f"{type(exc).__name__}: {exc}") from None
    if response.status_code >= 400:
        raise error_from_response(response)
    return response.json() if response.content else None
