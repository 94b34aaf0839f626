"""Found by Celery's ``autodiscover_tasks``: importing the processor registers its work and sweep tasks."""

from .webhooks import processor

__all__ = ["processor"]
