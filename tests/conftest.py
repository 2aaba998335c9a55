"""Shared fixtures live in tests/fixtures/, one module per concern, so no one edits this file."""

pytest_plugins = [
    "tests.fixtures.extractor",
    "tests.fixtures.postgres",
]
