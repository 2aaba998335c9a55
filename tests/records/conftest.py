"""The records fixtures (tests/fixtures/records.py) for these tests."""

from tests.fixtures.records import records_store  # noqa: F401
