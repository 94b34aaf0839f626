"""The earlier SDKs' exception names, as subclasses of the real errors carrying the old attributes.

============================  =======================================================================
old name                      here
============================  =======================================================================
``ApiError`` (SDK A),         `ApiError`: a subclass of `molam_sdk_ext.APIError` with ``status_code``
``APIError`` (SDK B)          (= ``status``), ``payload`` (the decoded error body, a dict) and ``body``
``ValidationError``           `ValidationError`: a subclass of the real `ValidationError` with ``errors``
                              (``{param: message}``)
``SignatureError`` (A),       `SignatureError`: a subclass of `SignatureVerificationError` (``reason``)
``WebhookVerificationError``
``MolamError``                the real `MolamError`
``NetworkError``,             the real `APIConnectionError` / `APITimeoutError`
``TimeoutError``
``IdempotencyError`` (B)      the real `IdempotencyError`
``ConfigurationError`` (B)    the real `ConfigurationError` (a `ValidationError`)
============================  =======================================================================

The legacy clients raise exactly what `Molam` raises, converted by `to_legacy` into a class that derives
from *both* the real class and the legacy one: a declined card is a `PaymentError` and an `ApiError`, so
``except PaymentError`` and ``except ApiError as e: e.status_code`` both work.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator, Mapping
from typing import Any

from molam_sdk.errors import ValidationError as _RealValidationError

from ..config import ConfigurationError
from ..errors import (
    APIConnectionError,
    APITimeoutError,
    IdempotencyError,
    MolamError,
    SignatureVerificationError,
)
from ..errors import APIError as _RealAPIError

__all__ = [
    "APIError",
    "ApiError",
    "ConfigurationError",
    "IdempotencyError",
    "LegacyArgumentError",
    "MolamError",
    "NetworkError",
    "SignatureError",
    "TimeoutError",
    "ValidationError",
    "WebhookVerificationError",
    "legacy_errors",
    "to_legacy",
]


class ApiError(_RealAPIError):
    """The API answered with a non-2xx status (SDK A's ``ApiError``, SDK B's ``APIError``).

    Besides the real attributes (`status`, `type`, `code`, `message`, `param`, `request_id`, `body`):
    `status_code` and `payload`, as the earlier SDKs had them.
    """

    def __init__(
        self,
        message: str = "",
        status_code: int = 0,
        payload: Mapping[str, Any] | None = None,
        request_id: str | None = None,
    ) -> None:
        # SDK A's constructor shape, for code (tests, adapters) that raised it itself.
        detail = payload.get("error") if isinstance(payload, Mapping) else None
        detail = detail if isinstance(detail, Mapping) else {}
        super().__init__(
            status=status_code,
            message=message,
            type=detail.get("type"),
            code=detail.get("code"),
            param=detail.get("param"),
            request_id=request_id,
            body=dict(payload) if payload is not None else None,
        )

    @property
    def status_code(self) -> int:
        """The HTTP status (the real attribute is `status`)."""
        return self.status

    @property
    def payload(self) -> dict[str, Any]:
        """The decoded error body (``{"error": {...}}``); ``{"body": text}`` when it was not JSON; ``{}``
        when there was none."""
        body = self.body
        if isinstance(body, Mapping):
            return dict(body)
        return {} if body is None else {"body": body}

    def __reduce__(self) -> tuple[Any, ...]:
        return _restore, (_real_class(type(self)), ApiError, self.args, self.__dict__)


class ValidationError(_RealValidationError):
    """Bad input caught before anything was sent; `errors` maps the offending field to what was wrong."""

    def __init__(
        self, message: str, errors: Mapping[str, str] | None = None, *, param: str | None = None
    ) -> None:
        if param is None and errors:
            param = next(iter(errors))
        super().__init__(message, param=param)
        self._errors = dict(errors) if errors else None

    @property
    def errors(self) -> dict[str, str]:
        """Field -> message (SDK A's shape): the fields given to the constructor, else ``{param: message}``."""
        given: dict[str, str] | None = getattr(self, "_errors", None)
        if given is not None:
            return dict(given)
        return {self.param: self.message} if self.param else {}

    def __reduce__(self) -> tuple[Any, ...]:
        return _restore, (_real_class(type(self)), ValidationError, self.args, self.__dict__)


class LegacyArgumentError(ValidationError, TypeError):
    """A legacy method was called with arguments neither earlier SDK accepted (also a `TypeError`)."""


class SignatureError(SignatureVerificationError):
    """A webhook failed verification (SDK A's ``SignatureError``, SDK B's ``WebhookVerificationError``);
    `reason` is the stable code of `molam_sdk_ext.webhooks.Reason`."""

    def __init__(self, message: str, *, reason: str = "unspecified") -> None:
        super().__init__(message, reason=reason)

    def __reduce__(self) -> tuple[Any, ...]:
        return _restore, (_real_class(type(self)), SignatureError, self.args, self.__dict__)


#: SDK B's names for the same classes.
APIError = ApiError
WebhookVerificationError = SignatureError
#: SDK A's names for connection failures: the real classes.
NetworkError = APIConnectionError
TimeoutError = APITimeoutError  # SDK A exported this name

_LEGACY_BASES: tuple[tuple[type[MolamError], type[MolamError]], ...] = (
    (ApiError, _RealAPIError),
    (SignatureError, SignatureVerificationError),
    (ValidationError, _RealValidationError),
)


_combined_classes: dict[tuple[type[MolamError], type[MolamError]], type[MolamError]] = {}
_combined_lock = threading.Lock()


def _combined(real: type[MolamError], legacy: type[MolamError]) -> type[MolamError]:
    """A class deriving from `real` (what `Molam` raised) and `legacy` (the old name with old attributes),
    made once per pair."""
    if issubclass(real, legacy):
        return real
    if legacy.__mro__[1] is real:  # the legacy class already is the real one plus the old attributes
        return legacy
    with _combined_lock:
        cls = _combined_classes.get((real, legacy))
        if cls is None:
            namespace = {"__module__": __name__, "__qualname__": real.__qualname__, "__doc__": real.__doc__}
            cls = _combined_classes[real, legacy] = type(real.__name__, (real, legacy), namespace)
    return cls


def _real_class(cls: type[BaseException]) -> type[BaseException]:
    # The first class of the MRO that is not defined here: what the real SDK raised.
    return next(c for c in cls.__mro__ if c.__module__ != __name__)


def _restore(
    real: type[MolamError], legacy: type[MolamError], args: tuple[Any, ...], state: dict[str, Any]
) -> BaseException:
    """Unpickle a converted exception (the combined classes are made at run time, so not importable)."""
    cls = _combined(real, legacy)
    exc = cls.__new__(cls, *args)
    exc.__dict__.update(state)
    return exc


def to_legacy(exc: BaseException) -> BaseException:
    """`exc` as an instance of a class that is also the matching legacy class; `exc` itself when no legacy
    class applies (connection errors, an open circuit, a response that could not be parsed)."""
    for legacy, real_base in _LEGACY_BASES:
        if isinstance(exc, legacy) or not isinstance(exc, real_base):
            continue
        cls = _combined(type(exc), legacy)
        converted = cls.__new__(cls, *exc.args)
        converted.__dict__.update(exc.__dict__)
        converted.__traceback__ = exc.__traceback__
        converted.__cause__ = exc.__cause__
        converted.__suppress_context__ = exc.__suppress_context__
        return converted
    return exc


@contextlib.contextmanager
def legacy_errors() -> Iterator[None]:
    """Re-raise any SDK error leaving the block as its legacy-compatible class (see `to_legacy`)."""
    try:
        yield
    except MolamError as exc:
        converted = to_legacy(exc)
        if converted is exc:
            raise
        raise converted from exc.__cause__
