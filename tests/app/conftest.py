"""Fixtures for the app tests: a data directory holding the sample graph, and clients."""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

warnings.filterwarnings("ignore", message=".*httpx2.*")  # starlette's TestClient notice

from fastapi.testclient import TestClient  # noqa: E402

from app.main import create_app  # noqa: E402
from app.settings import Settings  # noqa: E402
from graph.store import GraphStore  # noqa: E402

SAMPLE = Path(__file__).parent / "fixtures" / "sample.trig"


@pytest.fixture(scope="session")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data directory whose graph.nq holds the sample graph (read-only for tests)."""
    path = tmp_path_factory.mktemp("data")
    store = GraphStore(path)
    store.import_file(SAMPLE)
    store.save()
    return path


@pytest.fixture
def fresh_data_dir(tmp_path: Path, data_dir: Path) -> Path:
    """A writable copy of the sample data directory."""
    (tmp_path / "graph.nq").write_bytes((data_dir / "graph.nq").read_bytes())
    return tmp_path


@pytest.fixture
def make_client(data_dir: Path, tmp_path_factory: pytest.TempPathFactory
                ) -> Iterator[Callable[..., TestClient]]:
    """Start an app with settings overrides; all started apps stop at teardown."""
    started: list[TestClient] = []
    empty = tmp_path_factory.mktemp("static")

    def make(**overrides: object) -> TestClient:
        given = {"data_dir": data_dir, "query_timeout": 10.0, "static_dir": empty, **overrides}
        settings = Settings(**given)  # type: ignore[arg-type]
        client = TestClient(create_app(settings), raise_server_exceptions=False)
        client.__enter__()
        started.append(client)
        return client

    yield make
    for client in started:
        client.__exit__(None, None, None)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """A read-only client over the sample graph, shared by a test module."""
    path = tmp_path_factory.mktemp("client-data")
    store = GraphStore(path)
    store.import_file(SAMPLE)
    store.save()
    static = tmp_path_factory.mktemp("no-page")  # independent of what app/static holds
    app = create_app(Settings(data_dir=path, query_timeout=10.0, static_dir=static))
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c
