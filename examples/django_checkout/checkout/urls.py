"""Routes: the checkout page and its POST, the Molam webhook, and an order's status."""

from django.urls import path

from . import views

urlpatterns = [
    path("checkout/", views.checkout, name="checkout"),
    path("webhooks/molam", views.molam_webhook, name="molam-webhook"),
    path("orders/<str:order_id>", views.order_status, name="order-status"),
]
