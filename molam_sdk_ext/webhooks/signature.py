"""Signing and verifying the `Molam-Signature` webhook header (pure functions, no I/O).

Header format (one line, no spaces)::

    Molam-Signature: t=<unix ms>,v1=<64 lowercase hex>,kid=<key id>[,v1=<hex>,kid=<key id>...]

The MAC is ``HMAC-SHA256(key=secret.encode("utf-8"), msg=f"{t}.".encode() + raw_body)``, the secret used as
given (``whsec_`` prefix included). During a secret rotation the sender sends one ``v1``/``kid`` pair per active
secret; a receiver passes when any pair made with a secret it knows matches.

Parsing is strict on purpose: exactly one ``t`` first (ASCII digits, no leading zero, at most 15 digits), then
1 to `MAX_SIGNATURES` pairs of ``v1=`` followed by ``kid=``, nothing else (no unknown keys, no empty parts, no
duplicate kid, no whitespace inside). Anything else is ``malformed_header``: a header we would have to guess
about is refused rather than half-understood.

`WebhookVerifier.verify` only ever raises `SignatureVerificationError`, whatever it is given; its ``reason`` is
one of the `Reason` codes. Checks run in this order, so each reason says exactly what was wrong:

1. ``missing_header``: no header, or an empty one;
2. ``header_too_large``: the header is longer than `MAX_HEADER_BYTES`;
3. ``payload_too_large``: the body is longer than ``max_payload_bytes``;
4. ``invalid_payload``: the body is not ``bytes``/``str`` (typically a parsed dict handed in by mistake);
5. ``malformed_header``: the header does not follow the format above;
6. ``unknown_kid``: none of the header's kids names a secret this receiver knows; ``unknown_key`` when,
   besides, the secrets callable raised for one of them (``lambda kid: secrets[kid]`` and its ``KeyError``, or
   a secret store that failed). A raising lookup counts as "this kid is unknown": another kid of the header
   may still match (a rotation), and the exception never escapes (an adapter answers 400, not 500); it is
   logged at WARNING on ``molam.webhooks``, redacted like every SDK line;
7. ``signature_mismatch``: no signature made with a known secret matches the body;
8. ``timestamp_outside_tolerance``: the signature is genuine but ``t`` is more than ``tolerance`` seconds
   before or after now. Checked after the MAC so that this reason always means "authentic but stale or
   clock-skewed", never "wrong secret".

``invalid_secret`` is the receiver's own fault rather than the sender's: a secrets callable returned, for a kid
of the header, something that is not a non-empty str (``""``, a number, bytes). Nothing can be verified with
it, so the delivery is refused (never accepted on an empty key) with that reason.
"""

from __future__ import annotations

import enum
import hmac
import math
import re
import time
from collections.abc import Callable, Mapping, Sequence
from typing import NamedTuple

import attrs

from molam_sdk_ext.errors import ArgumentTypeError, SignatureVerificationError, ValidationError
from molam_sdk_ext.observability.logs import get_logger

__all__ = [
    "DEFAULT_MAX_PAYLOAD_BYTES",
    "DEFAULT_TOLERANCE",
    "MAX_HEADER_BYTES",
    "MAX_SIGNATURES",
    "SIGNATURE_HEADER",
    "Reason",
    "SecretsSource",
    "SignatureHeader",
    "VerifiedSignature",
    "WebhookVerifier",
    "check_tolerance",
    "parse_signature_header",
    "sign",
    "sign_with",
]

SIGNATURE_HEADER = "Molam-Signature"
"""The HTTP header carrying the signature."""

DEFAULT_TOLERANCE = 300.0
"""Seconds a timestamp may be in the past or in the future."""

MAX_HEADER_BYTES = 4096
"""Longest header value accepted; a real one with two pairs is about 200 bytes."""

DEFAULT_MAX_PAYLOAD_BYTES = 1 << 20
"""Largest body accepted by default (1 MiB); events are a few KB."""

MAX_SIGNATURES = 8
"""Most v1/kid pairs in one header. Bounds the MACs (and secret look-ups) one request can cost us."""

_MAX_TIMESTAMP_DIGITS = 15
_MAX_KID_LENGTH = 128
_KID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-.:+/"
# Bounded so a callable secret source cannot grow it without limit (one entry per distinct secret).
_KEY_CACHE_LIMIT = 256
# What `_resolved_key` answers when the secrets callable raised: never a real key (secrets are non-empty).
_LOOKUP_FAILED = b""

logger = get_logger("molam.webhooks")

SecretsSource = str | Mapping[str, str] | Callable[[str], str | None]
"""One secret (any kid), a mapping kid -> secret, or a callable kid -> secret (None when unknown)."""


class Reason(enum.StrEnum):
    """Stable `SignatureVerificationError.reason` codes (they compare equal to their string values)."""

    MISSING_HEADER = "missing_header"
    HEADER_TOO_LARGE = "header_too_large"
    PAYLOAD_TOO_LARGE = "payload_too_large"
    INVALID_PAYLOAD = "invalid_payload"
    MALFORMED_HEADER = "malformed_header"
    UNKNOWN_KID = "unknown_kid"
    UNKNOWN_KEY = "unknown_key"
    SIGNATURE_MISMATCH = "signature_mismatch"
    TIMESTAMP_OUTSIDE_TOLERANCE = "timestamp_outside_tolerance"
    INVALID_SECRET = "invalid_secret"


@attrs.frozen
class SignatureHeader:
    """A parsed `Molam-Signature` value: the timestamp and the (kid, v1 hex) pairs in header order."""

    timestamp_ms: int
    signatures: tuple[tuple[str, str], ...]


class VerifiedSignature(NamedTuple):
    """What a successful verification established: the signed timestamp and the kid whose secret matched."""

    timestamp_ms: int
    kid: str


def _fail(reason: Reason, message: str) -> SignatureVerificationError:
    return SignatureVerificationError(message, reason=reason.value)


def _malformed(why: str) -> SignatureVerificationError:
    return _fail(Reason.MALFORMED_HEADER, f"Malformed {SIGNATURE_HEADER} header: {why}.")


def _valid_kid(kid: str) -> bool:
    # str.strip(chars) leaves "" exactly when every character is in `chars`; it runs in C.
    return 0 < len(kid) <= _MAX_KID_LENGTH and not kid.strip(_KID_CHARS)


# The grammar, in two compiled regexes (C speed, linear: kids cannot contain "," so nothing backtracks):
# the common one-pair header (0.4 us), then any number of pairs up to MAX_SIGNATURES (about 1 us for two).
# They validate every character, so a v1 that parses is lowercase hex. A header neither accepts goes to
# `_diagnose`, which only exists to say precisely what is wrong.
_KID_RE = rf"[A-Za-z0-9_\-.:+/]{{1,{_MAX_KID_LENGTH}}}"
_T_RE = rf"t=(0|[1-9][0-9]{{0,{_MAX_TIMESTAMP_DIGITS - 1}}})"
_ONE_PAIR = re.compile(rf"{_T_RE},v1=([0-9a-f]{{64}}),kid=({_KID_RE})")
_PAIRS = re.compile(rf"{_T_RE}((?:,v1=[0-9a-f]{{64}},kid={_KID_RE}){{1,{MAX_SIGNATURES}}})")


def _split_header(header: str) -> tuple[str, list[tuple[str, str]]]:
    """Parse a header value into (timestamp digits, [(kid, v1), ...]); raise malformed_header otherwise."""
    match = _ONE_PAIR.fullmatch(header)
    if match is not None:
        stamp, mac, kid = match.groups()
        return stamp, [(kid, mac)]
    match = _PAIRS.fullmatch(header)
    if match is None:
        raise _diagnose(header)
    stamp, rest = match.groups()
    # rest is ",v1=<hex>,kid=<kid>" repeated; kids hold no comma, so these splits are exact.
    pairs: list[tuple[str, str]] = []
    for chunk in rest[4:].split(",v1="):
        mac, kid = chunk.split(",kid=")
        pairs.append((kid, mac))
    if len({kid for kid, _ in pairs}) != len(pairs):
        raise _malformed("duplicate kid")
    return stamp, pairs


def _diagnose(header: str) -> SignatureVerificationError:
    """The malformed_header error for a header the grammar refused, naming the first problem found."""
    parts = header.split(",")
    count = len(parts)
    # t, then pairs: an odd count of at least 3.
    if count < 3 or not count & 1:
        return _malformed("expected t=<ms> followed by v1=<hex>,kid=<id> pairs")
    if count > 1 + 2 * MAX_SIGNATURES:
        return _malformed(f"more than {MAX_SIGNATURES} signatures")
    if not parts[0].startswith("t="):
        return _malformed("the first element must be t=<unix ms>")
    if re.fullmatch(_T_RE, parts[0]) is None:
        return _malformed("t must be unix milliseconds (ASCII digits, no leading zero)")
    for index in range(1, count, 2):
        mac, kid = parts[index], parts[index + 1]
        if not (mac.startswith("v1=") and kid.startswith("kid=")):
            return _malformed("each v1=<hex> must be followed by its kid=<id>")
        if re.fullmatch("[0-9a-f]{64}", mac[3:]) is None:
            return _malformed("v1 must be 64 lowercase hex characters")
        if not _valid_kid(kid[4:]):
            return _malformed(f"kid must be 1-{_MAX_KID_LENGTH} characters of [A-Za-z0-9_-.:+/]")
    return _malformed("not t=<ms>,v1=<hex>,kid=<id>[,v1=<hex>,kid=<id>...]")


def _too_large_header() -> SignatureVerificationError:
    return _fail(Reason.HEADER_TOO_LARGE, f"{SIGNATURE_HEADER} header longer than {MAX_HEADER_BYTES} bytes.")


def _header_text(header: object) -> str:
    """Normalise the header input (str, bytes or None) and apply the presence and size checks."""
    if isinstance(header, str):
        # Characters <= bytes: a str this long is too long in any encoding.
        if len(header) > MAX_HEADER_BYTES:
            raise _too_large_header()
        if not header.isascii():
            if len(header.encode("utf-8", "surrogatepass")) > MAX_HEADER_BYTES:
                raise _too_large_header()
            raise _malformed("not ASCII")
    elif header is None:
        raise _fail(Reason.MISSING_HEADER, f"No {SIGNATURE_HEADER} header.")
    elif isinstance(header, bytes | bytearray | memoryview):
        raw = bytes(header)
        if len(raw) > MAX_HEADER_BYTES:
            raise _too_large_header()
        try:
            header = raw.decode("ascii")
        except UnicodeDecodeError:
            raise _malformed("not ASCII") from None
    else:
        raise _malformed(f"expected str or bytes, got {type(header).__name__}")
    # HTTP servers strip surrounding whitespace already; do it too for values read by other means.
    header = header.strip(" \t")
    if not header:
        raise _fail(Reason.MISSING_HEADER, f"Empty {SIGNATURE_HEADER} header.")
    return header


def parse_signature_header(header: str | bytes | None) -> SignatureHeader:
    """Parse a `Molam-Signature` value strictly; raise `SignatureVerificationError` when it is not well formed.

    Parsing proves nothing about authenticity: use `WebhookVerifier.verify` for that.
    """
    stamp, pairs = _split_header(_header_text(header))
    return SignatureHeader(timestamp_ms=int(stamp), signatures=tuple(pairs))


def _payload_bytes(payload: object, limit: int) -> bytes:
    if isinstance(payload, bytes):
        data = payload
    elif isinstance(payload, str):
        if len(payload) > limit:  # characters <= UTF-8 bytes: too long already, skip the encoding
            raise _payload_too_large(limit)
        try:
            data = payload.encode("utf-8")
        except UnicodeEncodeError:
            # Lone surrogates: no byte string was ever signed that decodes to this.
            raise _fail(Reason.INVALID_PAYLOAD, "Payload is not encodable as UTF-8.") from None
    elif isinstance(payload, bytearray | memoryview):
        data = bytes(payload)
    else:
        raise _fail(
            Reason.INVALID_PAYLOAD,
            f"Payload must be the raw request body (bytes or str), got {type(payload).__name__}; "
            "verify the body exactly as received, before any JSON parsing.",
        )
    if len(data) > limit:
        raise _payload_too_large(limit)
    return data


def _payload_too_large(limit: int) -> SignatureVerificationError:
    return _fail(Reason.PAYLOAD_TOO_LARGE, f"Payload larger than {limit} bytes.")


# Arguments of the signing and verifying API are checked here, once: a wrong type is an `ArgumentTypeError`
# (also a TypeError), a bad value a `ValidationError` (also a ValueError), each naming the argument and
# never quoting a secret.


def _check_kid(kid: object) -> str:
    if not isinstance(kid, str):
        raise ArgumentTypeError(f"kid must be a str, not {type(kid).__name__}.", param="kid")
    if not _valid_kid(kid):
        raise ValidationError(
            f"kid must be 1-{_MAX_KID_LENGTH} characters of [A-Za-z0-9_-.:+/].", param="kid"
        )
    return kid


def _secret_key(secret: object) -> bytes:
    """The MAC key of an endpoint secret: its UTF-8 bytes (``whsec_`` prefix included)."""
    if not isinstance(secret, str):
        raise ArgumentTypeError(
            f"a webhook secret must be a str, not {type(secret).__name__}.", param="secret"
        )
    if not secret:
        raise ValidationError("a webhook secret must not be empty.", param="secret")
    try:
        return secret.encode("utf-8")
    except UnicodeEncodeError:
        raise ValidationError("a webhook secret must be valid Unicode text.", param="secret") from None


def check_tolerance(tolerance: object) -> float:
    """`tolerance` (seconds, or the legacy helpers' milliseconds) as a float: a positive, finite number.

    Raises `ArgumentTypeError` (a `TypeError`) for anything but an int or a float (a bool, a str such as
    ``"300"``) and `ValidationError` (a `ValueError`) for zero, a negative, NaN, an infinity or an int too
    large for a float. The one check of a tolerance:
    `WebhookVerifier` and the legacy helpers both use it.
    """
    if isinstance(tolerance, bool) or not isinstance(tolerance, int | float):
        raise ArgumentTypeError(
            f"tolerance must be a number, not {type(tolerance).__name__}.", param="tolerance"
        )
    try:
        value = float(tolerance)
    except OverflowError:
        raise ValidationError("tolerance is too large.", param="tolerance") from None
    if not (math.isfinite(value) and value > 0):
        raise ValidationError("tolerance must be a positive, finite number.", param="tolerance")
    return value


def _mac_hex(key: bytes, stamp: str, payload: bytes) -> str:
    # hmac.digest is the one-shot C path: no HMAC object, no Python-level update calls.
    return hmac.digest(key, stamp.encode("ascii") + b"." + payload, "sha256").hex()


def _timestamp(timestamp_ms: int | None) -> str:
    if timestamp_ms is None:
        return str(time.time_ns() // 1_000_000)
    if isinstance(timestamp_ms, bool) or not isinstance(timestamp_ms, int):
        raise ArgumentTypeError("timestamp_ms must be an int (unix milliseconds).", param="timestamp_ms")
    # Checked before str(): printing a huge int is itself refused (and slow) beyond 4300 digits.
    if timestamp_ms < 0 or timestamp_ms >= 10**_MAX_TIMESTAMP_DIGITS:
        raise ValidationError(
            f"timestamp_ms must be a non-negative int of at most {_MAX_TIMESTAMP_DIGITS} digits.",
            param="timestamp_ms",
        )
    return str(timestamp_ms)


def _as_bytes(payload: object) -> bytes:
    if isinstance(payload, str):
        try:
            return payload.encode("utf-8")
        except UnicodeEncodeError:
            raise ValidationError("payload must be valid Unicode text.", param="payload") from None
    if isinstance(payload, bytes | bytearray | memoryview):
        return bytes(payload)
    raise ArgumentTypeError(
        "payload must be bytes or str (the exact body that will be sent).", param="payload"
    )


def sign(payload: bytes | str, secret: str, kid: str, timestamp_ms: int | None = None) -> str:
    """Return the `Molam-Signature` header value for `payload` signed with one secret.

    `timestamp_ms` defaults to now. A str payload is signed as its UTF-8 bytes. Raises `ValidationError` on an
    empty secret or a kid outside ``[A-Za-z0-9_-.:+/]{1,128}`` (`ArgumentTypeError` for a wrong type).
    """
    return sign_with(payload, [(kid, secret)], timestamp_ms)


def sign_with(
    payload: bytes | str, secrets: Sequence[tuple[str, str]], timestamp_ms: int | None = None
) -> str:
    """Return a `Molam-Signature` value with one ``v1``/``kid`` pair per ``(kid, secret)`` in `secrets`.

    Used during a rotation: receivers that know either secret accept the delivery. Between 1 and
    `MAX_SIGNATURES` pairs, with distinct kids.
    """
    given: object = secrets  # checked as what callers really pass, not as what the annotation promises
    if isinstance(given, str | bytes) or not isinstance(given, Sequence):
        raise ArgumentTypeError("secrets must be a sequence of (kid, secret) pairs.", param="secrets")
    if not secrets or len(secrets) > MAX_SIGNATURES:
        raise ValidationError(f"sign_with needs 1 to {MAX_SIGNATURES} (kid, secret) pairs.", param="secrets")
    keys: list[tuple[str, bytes]] = []
    for pair in secrets:
        if not isinstance(pair, tuple | list) or len(pair) != 2:
            raise ArgumentTypeError("each of secrets must be a (kid, secret) pair.", param="secrets")
        keys.append((_check_kid(pair[0]), _secret_key(pair[1])))
    if len({kid for kid, _ in keys}) != len(keys):
        raise ValidationError("kids must be distinct.", param="secrets")
    body = _as_bytes(payload)
    stamp = _timestamp(timestamp_ms)
    elements = [f"t={stamp}"]
    for kid, key in keys:
        elements.append(f"v1={_mac_hex(key, stamp, body)},kid={kid}")
    return ",".join(elements)


class WebhookVerifier:
    """Checks `Molam-Signature` headers against the receiver's secret(s).

    `secrets` is one of:

    - a str: the endpoint's secret; it is tried against every pair whatever the kid;
    - a mapping kid -> secret: copied at construction (pass a callable for secrets that change at run time);
    - a callable kid -> secret or None: called for each kid in the header (at most `MAX_SIGNATURES` calls).
      An exception it raises means "unknown kid" (logged at WARNING, redacted): ``lambda kid: secrets[kid]``
      is fine; if no other kid of the header matches, the delivery fails with ``unknown_key``.

    `tolerance` (seconds, default 300) bounds how far ``t`` may be from now, in the past or the future.
    `max_payload_bytes` (default 1 MiB) bounds the body. The verifier is immutable and thread safe.
    """

    __slots__ = ("_key", "_key_cache", "_keys", "_max_payload", "_resolve", "_tolerance_ms", "tolerance")

    def __init__(
        self,
        secrets: SecretsSource,
        *,
        tolerance: float = DEFAULT_TOLERANCE,
        max_payload_bytes: int = DEFAULT_MAX_PAYLOAD_BYTES,
    ) -> None:
        tolerance = check_tolerance(tolerance)
        if isinstance(max_payload_bytes, bool) or not isinstance(max_payload_bytes, int):
            raise ArgumentTypeError("max_payload_bytes must be an int.", param="max_payload_bytes")
        if max_payload_bytes < 1:
            raise ValidationError("max_payload_bytes must be a positive int.", param="max_payload_bytes")
        self.tolerance = float(tolerance)
        self._tolerance_ms = self.tolerance * 1000.0
        self._max_payload = max_payload_bytes
        self._key: bytes | None = None
        self._keys: dict[str, bytes] | None = None
        self._resolve: Callable[[str], str | None] | None = None
        self._key_cache: dict[str, bytes] = {}
        if isinstance(secrets, str):
            self._key = _secret_key(secrets)
        elif isinstance(secrets, Mapping):
            if not secrets:
                raise ValidationError("the secrets mapping is empty.", param="secrets")
            self._keys = {_check_kid(kid): _secret_key(secret) for kid, secret in secrets.items()}
        elif callable(secrets):
            self._resolve = secrets
        else:
            raise ArgumentTypeError(
                "secrets must be a str, a mapping kid -> secret, or a callable kid -> secret.",
                param="secrets",
            )

    def __repr__(self) -> str:
        # Never show secrets.
        if self._key is not None:
            source = "one secret"
        elif self._keys is not None:
            source = f"kids={sorted(self._keys)!r}"
        else:
            source = "callable"
        return f"WebhookVerifier({source}, tolerance={self.tolerance:g})"

    @property
    def max_payload_bytes(self) -> int:
        """The largest body this verifier accepts; adapters stop reading a body after one byte more."""
        return self._max_payload

    def _resolved_key(self, kid: str) -> bytes | None:
        """The key for `kid` from the secrets callable: None when unknown, `_LOOKUP_FAILED` when it raised."""
        assert self._resolve is not None
        try:
            secret = self._resolve(kid)
        except Exception as exc:
            # A sender chooses the kid: whatever the lookup does with it, the answer is a refusal (400), never
            # an exception out of verify (500). The text goes through the redacting logger, never a response.
            logger.warning("webhook secrets lookup raised for kid %s: %s: %s", kid, type(exc).__name__, exc)
            return _LOOKUP_FAILED
        if secret is None:
            return None
        cached = self._key_cache.get(secret) if isinstance(secret, str) else None
        if cached is None:
            try:
                cached = _secret_key(secret)
            except ValidationError:
                # The value is not quoted: it is (meant to be) a secret.
                raise _fail(
                    Reason.INVALID_SECRET,
                    f"The secrets callable returned a {type(secret).__name__} that is not a non-empty str of "
                    "valid text for a key id of this header.",
                ) from None
            assert isinstance(secret, str)  # _secret_key refused anything else
            if len(self._key_cache) >= _KEY_CACHE_LIMIT:
                self._key_cache.clear()
            self._key_cache[secret] = cached
        return cached

    def verify(
        self, payload: bytes | str, header: str | bytes | None, now: float | None = None
    ) -> VerifiedSignature:
        """Verify `header` for the raw body `payload`; return the timestamp and matching kid.

        `now` is the current time in unix seconds (default: the clock). Raises `SignatureVerificationError`
        (and nothing else for any payload/header input) with a `Reason` code.
        """
        # The usual delivery (a str header with one pair, a bytes body) skips the general normalisation; both
        # paths apply the same checks in the same order.
        match = (
            _ONE_PAIR.fullmatch(header) if type(header) is str and len(header) <= MAX_HEADER_BYTES else None
        )
        if match is not None:
            stamp, mac, kid = match.groups()
            pairs: Sequence[tuple[str, str]] = ((kid, mac),)
        else:
            stamp, pairs = _split_header(_header_text(header))
        if type(payload) is bytes and len(payload) <= self._max_payload:
            body = payload
        else:
            body = _payload_bytes(payload, self._max_payload)
        message = stamp.encode("ascii") + b"." + body
        single = self._key
        keys = self._keys
        known = False
        lookup_failed = False
        last_key: bytes | None = None
        expected = ""
        for kid, mac in pairs:
            if single is not None:
                key: bytes | None = single
            elif keys is not None:
                key = keys.get(kid)
            else:
                key = self._resolved_key(kid)
                if key == _LOOKUP_FAILED:
                    lookup_failed = True
                    continue
            if key is None:
                continue
            known = True
            if key is not last_key:  # one MAC per distinct secret (a single secret covers every pair)
                expected = hmac.digest(key, message, "sha256").hex()
                last_key = key
            if hmac.compare_digest(expected, mac):
                timestamp_ms = int(stamp)
                now_ms = time.time() * 1000.0 if now is None else now * 1000.0
                if not abs(now_ms - timestamp_ms) <= self._tolerance_ms:  # `not <=` also refuses a NaN `now`
                    raise _fail(
                        Reason.TIMESTAMP_OUTSIDE_TOLERANCE,
                        f"Signature timestamp is more than {self.tolerance:g}s from now.",
                    )
                return VerifiedSignature(timestamp_ms, kid)
        if not known:
            if lookup_failed:
                raise _fail(Reason.UNKNOWN_KEY, "The secrets lookup failed for the key id(s) of this header.")
            raise _fail(Reason.UNKNOWN_KID, "No signature was made with a key id this receiver knows.")
        raise _fail(Reason.SIGNATURE_MISMATCH, "No signature matches the payload.")
