"""`coalition serve --workers 2`: several processes answer on one port, with the same settings."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import psutil
import pytest

from coalition.models import Article
from coalition.store import Store
from coalition.web.safety import TOKEN_HEADER


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.mark.slow
def test_two_serving_processes_share_the_port_and_the_settings(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'served.db'}"
    with Store(db) as store:
        store.add_article(Article(id="a", text="Iran sent drones to Russia.", source="a"), [])
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    server = subprocess.Popen(
        [sys.executable, "-m", "coalition.cli", "serve", "--db", db, "--port", str(port),
         "--workers", "2", "--token", "s3cret"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        stats = None
        while stats is None and time.monotonic() < deadline and server.poll() is None:
            try:
                stats = httpx.get(f"{base}/api/stats", timeout=5).json()
            except httpx.TransportError:
                time.sleep(0.3)
        assert stats == {"articles": 1, "claims": 0}
        serving = [child for child in psutil.Process(server.pid).children()
                   if "spawn_main" in " ".join(child.cmdline())]
        assert len(serving) == 2
        # The token reached every serving process: without it a write is refused; with it
        # the request gets past the check to the body, which is not JSON.
        for _ in range(4):
            refused = httpx.post(f"{base}/api/articles", content=b"{", timeout=30,
                                 headers={"content-type": "application/json"})
            assert refused.status_code == 403
            passed = httpx.post(f"{base}/api/articles", content=b"{", timeout=30,
                                headers={"content-type": "application/json",
                                         TOKEN_HEADER: "s3cret"})
            assert passed.status_code == 400, passed.text
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert server.returncode is not None
