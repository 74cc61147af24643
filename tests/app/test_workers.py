"""``dipgraph serve --workers N``: one load, forked workers on one socket, read-only."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from app.main import _supervise
from tests.app.servers import free_port

pytestmark = pytest.mark.server

ROOT = Path(__file__).resolve().parents[2]


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        ppid = next(line.split()[1] for line in status.splitlines() if line.startswith("PPid:"))
        if int(ppid) == pid:
            found.add(int(entry.name))
    return found


@pytest.fixture(scope="module")
def server(data_dir: Path, tmp_path_factory: pytest.TempPathFactory
           ) -> Iterator[tuple[subprocess.Popen[bytes], str]]:
    port = free_port()
    log = tmp_path_factory.mktemp("workers") / "serve.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "scripts.cli", "serve", "--data", str(data_dir),
             "--port", str(port), "--workers", "2"], cwd=ROOT, stdout=out, stderr=out)
    url = f"http://127.0.0.1:{port}"
    for _ in range(600):
        assert proc.poll() is None, log.read_text()
        try:
            if httpx.get(f"{url}/api/stats", timeout=5).status_code == 200:
                break
        except httpx.TransportError:
            time.sleep(0.1)
    yield proc, url
    if proc.poll() is None:
        proc.kill()
        proc.wait()


def test_workers_share_one_socket(server: tuple[subprocess.Popen[bytes], str]) -> None:
    proc, url = server
    assert len(_children(proc.pid)) == 2
    with httpx.Client(base_url=url, timeout=10) as client:
        stats = [client.get("/api/stats").json() for _ in range(6)]
        meetings = client.get("/api/meetings", params={"limit": 2})
    assert all(s == stats[0] for s in stats) and stats[0]["meetings"] > 0
    assert meetings.status_code == 200 and len(meetings.json()["items"]) == 2


@pytest.mark.parametrize(("method", "path", "body"), [
    ("POST", "/api/articles", {"id": "w-1", "text": "Lavrov met Rubio in Riyadh."}),
])
def test_workers_are_read_only(server: tuple[subprocess.Popen[bytes], str], method: str,
                               path: str, body: object) -> None:
    _, url = server
    answer = httpx.request(method, url + path, json=body, timeout=10)
    assert answer.status_code == 503
    error = answer.json()["error"]
    assert error["code"] == "unavailable" and "--workers 1" in error["message"]


def test_sigterm_stops_every_worker(server: tuple[subprocess.Popen[bytes], str]) -> None:
    proc, _ = server
    workers = _children(proc.pid)
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=30) == 0
    for pid in workers:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)


def test_worker_dying_at_start_stops_the_server() -> None:
    assert _supervise(lambda: None, 2) == 1  # each worker returns at once
