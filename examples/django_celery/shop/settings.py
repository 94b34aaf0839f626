"""Settings of the Django + Celery webhook example, from the environment.

MOLAM_WEBHOOK_SECRET: the webhook endpoint's signing secret; MOLAM_INBOX_URL: the inbox (postgresql://,
redis:// or sqlite:////abs/path.db); CELERY_BROKER_URL: the broker; SHOP_DB: this example's SQLite database.
"""

import os

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "django-insecure-example-only-change-me")
DEBUG = os.environ.get("DJANGO_DEBUG") == "1"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "shop.urls"
INSTALLED_APPS = ["orders"]
MIDDLEWARE = ["django.middleware.security.SecurityMiddleware", "django.middleware.common.CommonMiddleware"]
DATABASES = {
    "default": {"ENGINE": "django.db.backends.sqlite3", "NAME": os.environ.get("SHOP_DB", "shop.db")}
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
USE_TZ = True

MOLAM_WEBHOOK_SECRET = os.environ.get("MOLAM_WEBHOOK_SECRET", "")
MOLAM_INBOX_URL = os.environ.get("MOLAM_INBOX_URL", "")

CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0")
CELERY_WORKER_PREFETCH_MULTIPLIER = 1  # long handlers: a worker holds only what it runs
