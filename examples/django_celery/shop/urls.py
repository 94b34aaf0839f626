"""Routes: the Molam webhook (recorded in the inbox, handled by Celery workers) and an order's status."""

from django.urls import path
from orders import views

urlpatterns = [
    path("webhooks/molam", views.molam_webhook, name="molam-webhook"),
    path("orders/<str:order_id>", views.order_status, name="order-status"),
]
