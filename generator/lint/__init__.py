"""The spec's lint: OpenAPI 3.1 validity and the contract rules OpenAPI cannot express (`linter`), and the
one-line deprecation note the generated code and the changelog quote (`deprecation`)."""
