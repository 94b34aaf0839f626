"""The Django + Celery webhook example's project: loading it loads its Celery app (Celery's Django layout)."""

from .celery import app as celery_app

__all__ = ["celery_app"]
