"""The ``molam`` logger: redaction always on, level from ``MOLAM_LOG=debug|info``.

The SDK logs only through `get_logger()`; every logger it returns carries the `RedactingFilter` (filters on
a logger do not reach its children, so each one gets its own). With ``MOLAM_LOG`` set and no handler
configured by the application, a stderr handler is installed, redacting too.
"""

from __future__ import annotations

import logging
import sys

from .redaction import RedactingFilter

__all__ = ["LOGGER_NAME", "configure_logging", "get_logger"]

LOGGER_NAME = "molam"
_LEVELS = {"debug": logging.DEBUG, "info": logging.INFO, "warning": logging.WARNING, "error": logging.ERROR}
_FILTER = RedactingFilter()


def get_logger(name: str = LOGGER_NAME) -> logging.Logger:
    """The logger `name` (``molam`` or a ``molam.*`` child) with the redaction filter attached."""
    logger = logging.getLogger(name)
    if _FILTER not in logger.filters:
        logger.addFilter(_FILTER)
    return logger


def configure_logging(level: str | None) -> logging.Logger:
    """Apply a ``MOLAM_LOG`` value (``debug``, ``info``, ...; None or unknown leaves logging alone)."""
    logger = get_logger()
    resolved = _LEVELS.get((level or "").strip().lower())
    if resolved is None:
        return logger
    logger.setLevel(resolved)
    if not logger.handlers and not logging.getLogger().handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        handler.addFilter(_FILTER)
        logger.addHandler(handler)
    return logger
