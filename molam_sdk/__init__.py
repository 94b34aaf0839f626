"""Generated Molam API client (placeholder until the first `make generate`)."""
