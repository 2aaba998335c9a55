"""The PostgreSQL fixture fails loudly without binaries, and skips only when told to."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROBE = '''
def test_probe(store_url):
    assert store_url.startswith("postgresql")
'''


def _run_probe(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    (tmp_path / "test_probe.py").write_text(PROBE)
    # No third-party plugins: the probe needs only ours, and starts much faster without them.
    environ = {**os.environ, "PYTHONPATH": str(ROOT), "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1", **env}
    environ.pop("PYTEST_XDIST_WORKER", None)
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "tests.fixtures.postgres", "-q", "-rs",
         "-k", "postgresql", "-p", "no:cacheprovider", str(tmp_path / "test_probe.py")],
        capture_output=True, text=True, cwd=tmp_path, env=environ, timeout=120,
    )


def test_missing_binaries_fail_with_the_package_to_install(tmp_path: Path) -> None:
    done = _run_probe(tmp_path, COALITION_PG_BIN=str(tmp_path / "nowhere"))
    assert done.returncode == 1, done.stdout
    assert "1 error" in done.stdout
    assert "install Debian's postgresql package" in done.stdout


def test_missing_binaries_skip_when_asked(tmp_path: Path) -> None:
    done = _run_probe(tmp_path, COALITION_PG_BIN=str(tmp_path / "nowhere"),
                      COALITION_SKIP_POSTGRES="1")
    assert done.returncode == 0, done.stdout
    assert "1 skipped" in done.stdout
