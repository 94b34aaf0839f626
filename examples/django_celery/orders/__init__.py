"""Orders, settled by Molam webhooks processed on Celery workers."""
