"""POST /api/articles: extraction + ingestion through graph.pipeline, per-record results."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from app.settings import Settings

GOOD = {
    "id": "own-001",
    "title": "Wang meets Lavrov",
    "published": "2025-03-03",
    "text": "Chinese Foreign Minister Wang Yi met Russian Foreign Minister Sergei Lavrov "
            "in Beijing on Monday to discuss trade.",
}
OTHER = {
    "id": "own-002",
    "published": "2025-03-10",
    "text": "Turkish Foreign Minister Hakan Fidan spoke by phone with Saudi Foreign "
            "Minister Prince Faisal bin Farhan on Sunday.",
}


@pytest.fixture(scope="module")
def ingest_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("ingest")


@pytest.fixture(scope="module")
def writer(ingest_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    settings = Settings(data_dir=ingest_dir, static_dir=tmp_path_factory.mktemp("s"))
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        yield client


def test_one_article(writer: TestClient) -> None:
    r = writer.post("/api/articles", json=GOOD)
    assert r.status_code == 200, r.text
    body = r.json()
    assert (body["ingested"], body["failed"], body["error"]) == (1, 0, None)
    (result,) = body["results"]
    assert (result["index"], result["id"], result["ok"]) == (0, "own-001", True)
    extraction = result["extraction"]
    assert extraction["doc"] == "own-001"
    names = {e["name"] for e in extraction["entities"]}
    assert {"Wang Yi", "Sergey Lavrov", "Beijing"} <= names
    (meeting,) = extraction["meetings"]
    assert (meeting["date"], meeting["status"], meeting["topics"]) == (
        "2025-03-03", "held", ["trade"])
    # the graph and its indexes are up to date right away
    between = writer.get("/api/meetings/between",
                         params={"a": "person/wang-yi", "b": "person/sergey-lavrov"}).json()
    assert between["total"] == 1
    assert between["items"][0]["place"]["name"] == "Beijing"


def test_reingest_is_idempotent(writer: TestClient) -> None:
    before = writer.get("/api/stats").json()
    assert writer.post("/api/articles", json=[GOOD]).status_code == 200
    assert writer.get("/api/stats").json() == before


def test_bad_records_are_named_and_good_ones_kept(writer: TestClient) -> None:
    records = [{"id": "own-bad", "text": "x", "published": "2025-02-30"}, OTHER,
               {"text": "no id"}, "not an object"]
    r = writer.post("/api/articles", json=records)
    assert r.status_code == 422
    body = r.json()
    assert (body["ingested"], body["failed"]) == (1, 3)
    assert [x["ok"] for x in body["results"]] == [False, True, False, False]
    assert body["results"][0]["error"]["message"].startswith("record 0 (id 'own-bad'): published")
    assert body["results"][2]["error"]["message"].startswith("record 2: id")
    assert body["error"]["code"] == "bad_article"
    assert "record 0" in body["error"]["message"] and "record 3" in body["error"]["message"]
    found = writer.get("/api/actors", params={"q": "hakan fidan"}).json()
    assert found["total"] == 1  # the good record was ingested


@pytest.mark.parametrize(
    ("payload", "status"),
    [([], 422), ({}, 422), (42, 422)],
)
def test_unusable_bodies(writer: TestClient, payload: object, status: int) -> None:
    r = writer.post("/api/articles", json=payload)
    assert r.status_code == status
    assert r.json()["error"]["code"] in ("bad_input", "bad_article")


def test_malformed_json(writer: TestClient) -> None:
    r = writer.post("/api/articles", content=b"{nope",
                    headers={"content-type": "application/json"})
    assert r.status_code == 422
    assert r.json()["error"]["code"] == "bad_input"


def test_saved_and_reloaded(writer: TestClient, ingest_dir: Path,
                            make_client: Callable[..., TestClient]) -> None:
    assert (ingest_dir / "graph.nq").exists()
    fresh = make_client(data_dir=ingest_dir)
    r = fresh.get("/api/meetings/between",
                  params={"a": "person/wang-yi", "b": "person/sergey-lavrov"})
    assert r.json()["total"] == 1


def test_too_many_articles(make_client: Callable[..., TestClient], tmp_path: Path) -> None:
    client = make_client(data_dir=tmp_path, max_articles=1)
    r = client.post("/api/articles", json=[GOOD, OTHER])
    assert r.status_code == 422
    assert "at most 1" in r.json()["error"]["message"]
