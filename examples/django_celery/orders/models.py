"""An order, as the payment webhooks leave it."""

from __future__ import annotations

from django.db import models


class Order(models.Model):
    """One order: ``pending`` until a payment webhook says ``paid`` or ``failed``."""

    order_id: models.CharField[str, str] = models.CharField(max_length=64, unique=True)
    status: models.CharField[str, str] = models.CharField(max_length=16, default="pending")
    payment_intent: models.CharField[str, str] = models.CharField(max_length=64, blank=True)
