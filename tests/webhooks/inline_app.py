"""The inline receiver the inbox is compared with (bench/webhook_inbox_bench.py): the handler runs inside the
request, here a 50 ms one (a fulfilment call), with claims in ``$MOLAM_TEST_STORE``."""

from __future__ import annotations

import os
import time
from typing import Any

from starlette.applications import Starlette
from starlette.routing import Route

from molam_sdk_ext.stores import webhook_event_store_from_url
from molam_sdk_ext.webhooks import WebhookProcessor
from molam_sdk_ext.webhooks.adapters.starlette import webhook_endpoint
from tests.webhooks.support import SECRET

HANDLER_SECONDS = float(os.environ.get("MOLAM_TEST_HANDLER_SECONDS", "0.05"))

processor = WebhookProcessor(SECRET, webhook_event_store_from_url(os.environ["MOLAM_TEST_STORE"]))


@processor.on_any
def handle(event: Any) -> None:
    """A handler that takes as long as a typical fulfilment call."""
    time.sleep(HANDLER_SECONDS)


web = Starlette(routes=[Route("/webhooks/molam", webhook_endpoint(processor), methods=["POST"])])
