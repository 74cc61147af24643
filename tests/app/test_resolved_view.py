"""The JSON API shows the consolidated view of a meeting reported by several articles."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from graph.iri import article_iri, local_id, resolved_graph_iri
from graph.model import Article, Entity, Evidence, Extraction, Meeting, Status
from graph.namespace import PROV
from graph.pipeline import Ingestor, extract_paths
from graph.store import GraphStore

SAMPLE = Path(__file__).resolve().parents[2] / "scripts" / "sample_corpus"
# the same Geneva talks: announced (planned) in one, reported held in the others
DOCS = ("northwind-geneva-preview", "meridian-geneva-talks", "ledgerwire-geneva-wrapup")


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A data directory holding the sample corpus, and the id of the one meeting the
    three reports share."""
    path = tmp_path_factory.mktemp("resolved")
    ing = Ingestor(GraphStore(path))
    ing.add_extractions([ex for ex in extract_paths([SAMPLE]) if not isinstance(ex, Exception)])
    sources: dict[str, set[str]] = {}
    for q in ing.store.quads(resolved_graph_iri()):
        if q.predicate == PROV.wasDerivedFrom:
            sources.setdefault(str(q.subject), set()).add(str(q.object))
    shared = [m.strip("<>") for m, docs in sources.items()
              if docs >= {f"<{article_iri(d)}>" for d in DOCS}]
    assert len(shared) == 1, sources
    return path, local_id(shared[0])


@pytest.fixture
def api(ingested: tuple[Path, str], make_client: Callable[..., TestClient]) -> TestClient:
    return make_client(data_dir=ingested[0])


def test_meeting_detail_is_consolidated(api: TestClient, ingested: tuple[Path, str]) -> None:
    body = api.get(f"/api/meetings/{ingested[1]}").json()
    assert body["status"] == "held"
    assert body["date"] == "2026-03-03"
    assert {a["id"] for a in body["articles"]} >= {local_id(article_iri(d)) for d in DOCS}
    reports = {(r["article"], r["status"]) for r in body["reports"]}
    assert (local_id(article_iri(DOCS[0])), "planned") in reports
    assert (local_id(article_iri(DOCS[1])), "held") in reports


@pytest.mark.parametrize(("status", "listed"), [("held", True), ("planned", False)])
def test_meeting_list_filters_by_consolidated_status(
    api: TestClient, ingested: tuple[Path, str], status: str, listed: bool
) -> None:
    ids = {m["id"] for m in api.get("/api/meetings", params={"status": status,
                                                             "limit": 500}).json()["items"]}
    assert (ingested[1] in ids) is listed


def test_participants_list_aliases_and_articles(api: TestClient,
                                                ingested: tuple[Path, str]) -> None:
    meeting = api.get(f"/api/meetings/{ingested[1]}").json()
    people = [p for p in meeting["participants"] if p["id"].startswith("person/")]
    assert people
    for person in people:
        body = api.get(f"/api/actors/{person['id']}").json()
        assert isinstance(body["aliases"], list)
        assert body["articles_total"] >= 1
        assert {a["id"] for a in body["articles"]} & {local_id(article_iri(d)) for d in DOCS}


def _report(doc: str, published: str, status: Status, date: str) -> Extraction:
    ents = (Entity("e1", "Person", "Sergei Lavrov", country_code="RU"),
            Entity("e2", "Person", "Marco Rubio", country_code="US"),
            Entity("e3", "Country", "Russia", code="RU"), Entity("e4", "Country", "USA", code="US"))
    meeting = Meeting(id="m1", participants=("e1", "e2"), status=status, date=date,
                      evidence=(Evidence("Lavrov and Rubio met.", 0, 21),))
    return Extraction(Article(doc, "Lavrov and Rubio met.",
                              published=dt.date.fromisoformat(published)), ents, (meeting,))


# two reports of one meeting -> what the API shows (the latest status, the agreed date)
CONSOLIDATED = [
    ([("a", "2025-03-01", "planned", "2025-04"), ("b", "2025-04-11", "held", "2025-04-10")],
     "held", "2025-04-10"),
    ([("a", "2025-03-01", "planned", "2025-05-02"), ("b", "2025-04-20", "cancelled", "2025-05")],
     "cancelled", "2025-05-02"),
]


@pytest.mark.parametrize(("reports", "status", "date"), CONSOLIDATED)
def test_status_and_date_come_from_the_resolved_graph(
    tmp_path: Path, make_client: Callable[..., TestClient], reports: list[tuple[str, ...]],
    status: str, date: str
) -> None:
    ing = Ingestor(GraphStore(tmp_path))
    ing.add_extractions([_report(*r) for r in reports])  # type: ignore[arg-type]
    nodes = {str(q.subject).strip("<>") for q in ing.store.quads(resolved_graph_iri())}
    assert len(nodes) == 1
    body = make_client(data_dir=tmp_path).get(f"/api/meetings/{local_id(nodes.pop())}").json()
    assert (body["status"], body["date"]) == (status, date)
    assert {r["status"] for r in body["reports"]} == {r[2] for r in reports}
    assert len(body["articles"]) == len(reports)
