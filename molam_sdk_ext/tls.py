"""TLS contexts for the clients: verification always on unless asked otherwise, and mutual TLS for Treasury."""

from __future__ import annotations

import functools
import ssl

from .config import ClientSettings

__all__ = ["tls_context"]


@functools.cache
def _verify_context(verify: bool | str) -> ssl.SSLContext:
    # Shared by every client with the same trust settings: loading the CA bundle costs milliseconds.
    if verify is False:
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    elif isinstance(verify, str):
        context = ssl.create_default_context(cafile=verify)
    else:
        import certifi

        context = ssl.create_default_context(cafile=certifi.where())
    return context


def tls_context(settings: ClientSettings) -> ssl.SSLContext:
    """The SSL context for a client with `settings` (its CA bundle, and its client certificate if any)."""
    verify = settings.verify
    if settings.client_cert is None:
        return verify if isinstance(verify, ssl.SSLContext) else _verify_context(verify)
    # With a client certificate, a fresh context per client: a rotated certificate file is picked up by the
    # next client, and no other client shares the identity.
    context = verify if isinstance(verify, ssl.SSLContext) else _verify_context.__wrapped__(verify)
    context.load_cert_chain(settings.client_cert, settings.client_key)
    return context
