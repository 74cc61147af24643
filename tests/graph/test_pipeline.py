"""Ingestor: order independence, restart from the data directory, consolidated status."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pyoxigraph import NamedNode

from graph.extract.extractor import Extractor
from graph.iri import article_iri, nodes_graph_iri, resolved_graph_iri
from graph.model import Extraction
from graph.namespace import PROV, SCHEMA
from graph.pipeline import EXTRACTIONS_FILE, Ingestor, extract_paths
from graph.store import GraphStore
from graph.triples import EVENT_STATUSES

SAMPLE = Path(__file__).resolve().parents[2] / "scripts" / "sample_corpus"
PREVIEW = "northwind-geneva-preview"  # reports the Geneva talks as planned
REPORT = "meridian-geneva-talks"  # reports the same talks as held


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture(scope="module")
def extractions(extractor: Extractor) -> dict[str, Extraction]:
    out = {}
    for ex in extract_paths([SAMPLE], extractor):
        assert isinstance(ex, Extraction), ex
        out[ex.article.id] = ex
    return out


@pytest.fixture(scope="module")
def all_at_once(extractions: dict[str, Extraction]) -> list[str]:
    return _ingest([list(extractions.values())])


def _lines(store: GraphStore) -> list[str]:
    return sorted(line for line in store.dump("nq").decode("utf-8").splitlines() if line)


def _ingest(batches: Sequence[Sequence[Extraction]]) -> list[str]:
    ing = Ingestor(GraphStore())
    for batch in batches:
        ing.add_extractions(batch)
    return _lines(ing.store)


def _status(store: GraphStore, doc: str, graph: str | None = None) -> set[str]:
    """Statuses of the meetings derived from one article: consolidated (the resolved
    graph) or as that article's own graph states them (``graph`` = the article)."""
    quads = list(store.quads(graph or resolved_graph_iri()))
    if graph is None:
        nodes = {q.subject for q in quads
                 if q.predicate == PROV.wasDerivedFrom and q.object == NamedNode(article_iri(doc))}
    else:
        nodes = {q.subject for q in quads}
    return {str(getattr(q.object, "value", q.object)) for q in quads
            if q.predicate == SCHEMA.eventStatus and q.subject in nodes}


def test_sample_corpus_has_a_graph(all_at_once: list[str], extractions: dict) -> None:
    assert len(extractions) >= 10
    resolved = [line for line in all_at_once if line.endswith(f"<{resolved_graph_iri()}> .")]
    assert resolved and len(resolved) < len(all_at_once)


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_order_any_batches_same_quads(
    data: st.DataObject, extractions: dict[str, Extraction], all_at_once: list[str]
) -> None:
    order = data.draw(st.permutations(sorted(extractions)))
    cuts = sorted(data.draw(st.sets(st.integers(1, len(order) - 1), max_size=len(order) - 1)))
    bounds = [0, *cuts, len(order)]
    batches = [[extractions[d] for d in order[a:b]]
               for a, b in zip(bounds, bounds[1:], strict=False)]
    assert _ingest(batches) == all_at_once


def test_one_at_a_time_same_quads(extractions: dict[str, Extraction],
                                  all_at_once: list[str]) -> None:
    docs = sorted(extractions, reverse=True)
    assert _ingest([[extractions[d]] for d in docs]) == all_at_once


def test_restart_loads_the_same_graph(tmp_path: Path, extractions: dict[str, Extraction],
                                      extractor: Extractor, all_at_once: list[str]) -> None:
    first = Ingestor(GraphStore(tmp_path))
    first.add_extractions(list(extractions.values()))
    assert (tmp_path / EXTRACTIONS_FILE).exists()
    store = GraphStore(tmp_path)
    store.load()
    again = Ingestor(store, extractor=extractor)
    assert set(again.extractions) == set(extractions)
    assert _lines(store) == all_at_once
    # the same article once more changes nothing, in memory or on disk
    again.ingest([extractions[REPORT].article])
    assert _lines(store) == all_at_once
    reloaded = GraphStore(tmp_path)
    reloaded.load()
    assert _lines(reloaded) == all_at_once
    lines = (tmp_path / EXTRACTIONS_FILE).read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(extractions)


def _nodes_lines(lines: list[str]) -> list[str]:
    return [line for line in lines if line.endswith(f"<{nodes_graph_iri()}> .")]


@pytest.mark.parametrize("keep", [0, 1, 3], ids=["no-entities", "one-entity", "three"])
def test_replaced_article_leaves_no_stale_node_description(
        extractions: dict[str, Extraction], all_at_once: list[str], keep: int) -> None:
    """An article re-extracted with fewer entities: the nodes graph is what ingesting
    the current extractions at once gives (what only the old version described is gone,
    what other articles also describe stays)."""
    old = extractions[REPORT]
    new = dataclasses.replace(old, entities=old.entities[:keep], meetings=())
    ing = Ingestor(GraphStore())
    ing.add_extractions(list(extractions.values()))
    ing.add_extractions([new])
    others = [ex for doc, ex in extractions.items() if doc != REPORT]
    expected = _ingest([[*others, new]])
    assert _lines(ing.store) == expected
    assert _nodes_lines(expected) != _nodes_lines(all_at_once)
    assert _nodes_lines(expected)  # other articles' nodes are still described


@pytest.mark.parametrize(("order", "after_first", "final"), [
    ((PREVIEW, REPORT), "planned", "held"),
    ((REPORT, PREVIEW), "held", "held"),
])
def test_planned_then_held_ends_held(extractions: dict[str, Extraction], order: tuple[str, str],
                                     after_first: str, final: str) -> None:
    ing = Ingestor(GraphStore())
    ing.add_extractions([extractions[order[0]]])
    assert EVENT_STATUSES[after_first].value in _status(ing.store, order[0])
    ing.add_extractions([extractions[order[1]]])
    shared = _status(ing.store, PREVIEW) & _status(ing.store, REPORT)
    assert shared == {EVENT_STATUSES[final].value}
    # each article's own graph keeps its own claim
    own = _status(ing.store, PREVIEW, graph=article_iri(PREVIEW))
    assert EVENT_STATUSES["planned"].value in own
