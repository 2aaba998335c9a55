"""Rows to bytes, a chunk at a time, in each export format: what the CLI writes to a file and
the API streams, so a million claims pass through in the memory of one batch."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from datetime import date
from itertools import islice
from typing import Any

import orjson

from coalition.export._columns import Columns

TABLE_FORMATS = ("jsonl", "csv", "parquet")
BATCH = 10_000
MEDIA_TYPES = {"jsonl": "application/x-ndjson", "csv": "text/csv; charset=utf-8",
               "parquet": "application/vnd.apache.parquet", "plover": "application/x-ndjson"}


def encode(rows: Iterable[dict[str, Any]], columns: Columns, fmt: str) -> Iterator[bytes]:
    """The rows in ``fmt`` (``jsonl``, ``csv`` or ``parquet``), as successive chunks of bytes.

    Raises:
        ValueError: ``fmt`` is not a table format.
    """
    if fmt == "jsonl":
        return _jsonl(rows)
    if fmt == "csv":
        return _csv(rows, columns)
    if fmt == "parquet":
        return _parquet(rows, columns)
    raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(TABLE_FORMATS)}")


def _batches(rows: Iterable[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    it = iter(rows)
    while batch := list(islice(it, BATCH)):
        yield batch


def _jsonl(rows: Iterable[dict[str, Any]]) -> Iterator[bytes]:
    for batch in _batches(rows):
        yield b"".join(orjson.dumps(row) + b"\n" for row in batch)


def _csv(rows: Iterable[dict[str, Any]], columns: Columns) -> Iterator[bytes]:
    # Empty cells are nulls; dates in ISO form; booleans as true/false, as spreadsheets read them.
    names = [name for name, _kind in columns]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(names)
    for batch in _batches(rows):
        writer.writerows([_cell(row[name]) for name in names] for row in batch)
        yield buffer.getvalue().encode("utf-8")
        buffer.seek(0)
        buffer.truncate()
    if buffer.tell():
        yield buffer.getvalue().encode("utf-8")


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    return value


class _Drain:
    """A write-only file that hands over what was written since the last :meth:`take`."""

    def __init__(self) -> None:
        self._parts: list[bytes] = []
        self._position = 0
        self.closed = False

    def write(self, data: bytes) -> int:
        self._parts.append(bytes(data))
        self._position += len(data)
        return len(data)

    def tell(self) -> int:
        return self._position

    def flush(self) -> None:
        """Nothing is buffered here."""

    def close(self) -> None:
        self.closed = True

    def take(self) -> bytes:
        taken, self._parts = b"".join(self._parts), []
        return taken


def arrow_schema(columns: Columns) -> Any:
    """The Parquet (Arrow) schema of an export: strings, 64-bit integers and floats, booleans,
    32-bit dates; every column nullable."""
    import pyarrow as pa

    types = {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_(),
             date: pa.date32()}
    return pa.schema([pa.field(name, types[kind]) for name, kind in columns])


def _parquet(rows: Iterable[dict[str, Any]], columns: Columns) -> Iterator[bytes]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = arrow_schema(columns)
    sink = _Drain()
    with pq.ParquetWriter(sink, schema, compression="zstd") as writer:
        for batch in _batches(rows):
            writer.write_batch(pa.RecordBatch.from_pylist(batch, schema=schema))
            if chunk := sink.take():
                yield chunk
    yield sink.take()
