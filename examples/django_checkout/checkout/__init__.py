"""A Django checkout with Molam: a payment form, a webhook view, and orders marked paid by the webhook."""
