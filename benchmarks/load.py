"""Latency of `coalition serve` under 20 concurrent clients, with and without an ingest writing.

    python benchmarks/load.py [--workers 2] [--clients 20] [--seconds 60] [--claims 100000]
                              [--writer both|yes|no]

Fills a fresh SQLite file with synthetic claims (the bulk fill of ``api_latency.py``), starts
``coalition serve --workers N`` on a free loopback port, and runs ``--clients`` clients, each
asking for the main pages and API endpoints in turn, one request after the other, for
``--seconds``. With a writer, a ``coalition ingest`` of generated articles (benchmarks/corpus.py)
writes into the same file meanwhile. Prints requests, errors (anything but 200, and failed
connections) and the p50 / p95 / p99 latency, overall and per request; the goal is 0 errors and
p95 < 250 ms with a writer on 2 cores. Everything listens on and talks to 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import httpx
import psutil

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from api_latency import fill, percentile  # noqa: E402
from corpus import write  # noqa: E402

CLI = [sys.executable, "-m", "coalition.cli"]
GOAL_P95_MS = 250.0
STARTUP_SECONDS = 120
REQUEST_TIMEOUT = 30.0
# What a reader of the dashboard asks for: the pages and their JSON twins.
PATHS = (
    "/",
    "/?target=UKR",
    "/map?target=RUS",
    "/network?target=RUS",
    "/state/IRN",
    "/claims?target=RUS&dimension=arms",
    "/search?q=drones",
    "/api/scorecard?target=RUS",
    "/api/scorecard?target=UKR&since=2024-01-01",
    "/api/claims?target=RUS&limit=50",
    "/api/claims?actor=IRN&dimension=arms&limit=50",
    "/api/network?target=RUS",
    "/api/map?target=RUS",
    "/api/actors",
    "/api/stats",
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def start_server(db: str, port: int, workers: int) -> subprocess.Popen[bytes]:
    """`coalition serve` on ``port``, once it answers (or exit with its error output)."""
    log = tempfile.TemporaryFile()
    server = subprocess.Popen(
        [*CLI, "serve", "--db", db, "--host", "127.0.0.1", "--port", str(port),
         "--workers", str(workers)], stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            break
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=5).status_code == 200:
                warm_up(f"http://127.0.0.1:{port}", workers)
                return server
        except httpx.TransportError:
            pass
        time.sleep(0.5)
    server.kill()
    log.seek(0)
    sys.exit(f"server did not start: {log.read().decode()[-2000:]}")


def warm_up(base: str, workers: int) -> None:
    """Each path a few times, so that every serving process has loaded what it loads once."""
    with httpx.Client(base_url=base, timeout=60) as http:
        for _ in range(2 * workers):
            for path in PATHS:
                http.get(path)


def start_writer(db: str, folder: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen([*CLI, "ingest", str(folder), "--db", db],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


async def read_response(reader: asyncio.StreamReader) -> int:
    """Read one HTTP/1.1 response (Content-Length or chunked body); returns its status."""
    status = int((await reader.readline()).split()[1])
    length, chunked = 0, False
    while (line := await reader.readline()) not in (b"\r\n", b""):
        name, _, value = line.decode("latin-1").partition(":")
        if name.lower() == "content-length":
            length = int(value)
        elif name.lower() == "transfer-encoding" and "chunked" in value.lower():
            chunked = True
    if not chunked:
        await reader.readexactly(length)
        return status
    while size := int((await reader.readline()).split(b";")[0], 16):
        await reader.readexactly(size + 2)
    await reader.readline()
    return status


async def client(port: int, offset: int, until: float,
                 timings: dict[str, list[float]], errors: dict[str, int]) -> None:
    """One reader on one keep-alive connection: the paths in turn from its own starting point,
    until ``until``. A bare HTTP/1.1 client, so that the clients' own work takes little of the
    cores the server is measured on."""
    connection: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None
    turn = offset
    while time.monotonic() < until:
        path = PATHS[turn % len(PATHS)]
        turn += 1
        began = time.perf_counter()
        try:
            if connection is None:
                connection = await asyncio.open_connection("127.0.0.1", port)
            reader, writer = connection
            writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
            ok = await asyncio.wait_for(read_response(reader), REQUEST_TIMEOUT) == 200
        except (OSError, ValueError, IndexError, asyncio.IncompleteReadError, TimeoutError):
            ok = False
            if connection is not None:
                connection[1].close()
            connection = None
        timings[path].append((time.perf_counter() - began) * 1000)
        errors[path] += not ok
    if connection is not None:
        connection[1].close()


async def load(port: int, clients: int, seconds: float) -> tuple[dict[str, list[float]],
                                                                  dict[str, int]]:
    timings: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)
    until = time.monotonic() + seconds
    await asyncio.gather(*(client(port, n, until, timings, errors) for n in range(clients)))
    return timings, errors


def report(title: str, timings: dict[str, list[float]], errors: dict[str, int]) -> float:
    """Print the table; returns the overall p95."""
    every = [ms for values in timings.values() for ms in values]
    print(f"\n{title}")
    print(f"{'request':44} {'requests':>8} {'errors':>6} {'p50':>6} {'p95':>6} {'p99':>6}  ms")
    for path in PATHS:
        values = timings.get(path) or [0.0]
        print(f"{path:44} {len(timings.get(path, [])):8} {errors.get(path, 0):6} "
              f"{percentile(values, 0.5):6.0f} {percentile(values, 0.95):6.0f} "
              f"{percentile(values, 0.99):6.0f}")
    p95 = percentile(every, 0.95)
    print(f"{'all':44} {len(every):8} {sum(errors.values()):6} {percentile(every, 0.5):6.0f} "
          f"{p95:6.0f} {percentile(every, 0.99):6.0f}")
    return p95


def cpu_seconds(process: subprocess.Popen[bytes]) -> float:
    """CPU time (user and system) of a process and its children so far."""
    try:
        root = psutil.Process(process.pid)
        tree = [root, *root.children(recursive=True)]
        return sum(sum(p.cpu_times()[:2]) for p in tree)
    except psutil.Error:
        return 0.0


def phase(db: str, port: int, args: argparse.Namespace, folder: Path | None) -> str:
    """One timed run against a fresh server; with ``folder``, an ingest of it writes meanwhile."""
    server = start_server(db, port, args.workers)
    writer = start_writer(db, folder) if folder is not None else None
    server_before, own_before = cpu_seconds(server), time.process_time()
    try:
        timings, errors = asyncio.run(load(port, args.clients, args.seconds))
        server_cpu = cpu_seconds(server) - server_before
    finally:
        for process in (writer, server):
            if process is not None:
                process.terminate()
                process.wait(timeout=30)
    what = "with a writer" if folder else "without a writer"
    title = f"{args.workers} worker(s), {args.clients} clients, {args.seconds:.0f} s, {what}"
    p95 = report(title, timings, errors)
    total, failed = sum(map(len, timings.values())), sum(errors.values())
    print(f"CPU: server {1000 * server_cpu / max(1, total):.1f} ms a request, clients "
          f"{1000 * (time.process_time() - own_before) / max(1, total):.1f} ms a request; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    verdict = "ok" if failed == 0 and p95 < GOAL_P95_MS else "NOT MET"
    return (f"{what}: {total} requests, {failed} errors, p95 {p95:.0f} ms "
            f"(goal 0 errors, p95 < {GOAL_P95_MS:.0f} ms with a writer): {verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2, help="serving processes")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--claims", type=int, default=100_000, help="claims stored beforehand")
    parser.add_argument("--writer", choices=("both", "yes", "no"), default="both")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = f"sqlite:///{Path(tmp) / 'load.db'}"
        seconds = fill(db, args.claims)
        print(f"filled {args.claims:,} claims in {seconds:.1f} s; {os.cpu_count()} cores")
        folder = Path(tmp) / "writer"
        write(folder, 3000)  # more than an ingest gets through in a minute here
        port = free_port()
        lines = []
        if args.writer in ("both", "no"):
            lines.append(phase(db, port, args, None))
        if args.writer in ("both", "yes"):
            lines.append(phase(db, port, args, folder))
    print()
    print("\n".join(lines))


if __name__ == "__main__":
    main()
