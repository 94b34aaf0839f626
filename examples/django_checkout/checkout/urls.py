"""Routes: the checkout page and its POST, the Molam webhook, an order's status, and the page Molam Checkout
sends the customer back to."""

from django.urls import path

from . import views

urlpatterns = [
    path("checkout/", views.checkout, name="checkout"),
    path("webhooks/molam", views.molam_webhook, name="molam-webhook"),
    path("orders/<str:order_id>", views.order_status, name="order-status"),
    path("orders/<str:order_id>/return", views.order_return, name="order-return"),
]
