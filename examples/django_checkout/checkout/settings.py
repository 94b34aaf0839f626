"""Settings of the checkout example, from the environment.

MOLAM_API_KEY and MOLAM_API_BASE are read by `Molam()` itself; MOLAM_WEBHOOK_SECRET is the signing secret of
the webhook endpoint that points at /webhooks/molam.
"""

import os

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "django-insecure-example-only-change-me")
DEBUG = os.environ.get("DJANGO_DEBUG") == "1"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "checkout.urls"
INSTALLED_APPS: list[str] = []  # no models: orders live in memory in this example
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
]
DATABASES: dict[str, dict[str, str]] = {}
USE_TZ = True

MOLAM_WEBHOOK_SECRET = os.environ.get("MOLAM_WEBHOOK_SECRET", "")
