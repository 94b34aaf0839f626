"""Framework adapters for `WebhookProcessor`, one module per framework, each an optional extra.

- `molam_sdk_ext.webhooks.adapters.django`: ``webhook_view(processor)`` / ``async_webhook_view(processor)``
- `molam_sdk_ext.webhooks.adapters.flask`: ``make_webhook_blueprint(processor)`` / ``webhook_view(processor)``
- `molam_sdk_ext.webhooks.adapters.starlette`: ``webhook_endpoint(processor)`` (Starlette and FastAPI) and the
  FastAPI dependency ``verified_event(processor_or_verifier)``

Every adapter hands the processor the raw request body (never re-serialized JSON), reads at most
``max_payload_bytes + 1`` bytes of it where the framework lets us stream, and answers with the processor's
status code, JSON body and headers. This package imports no framework; import the module you need.
"""
