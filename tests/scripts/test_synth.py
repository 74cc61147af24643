"""scripts/synth.py: deterministic, and the shape the pipeline writes (counts, ranges)."""

from __future__ import annotations

import io
from collections import Counter
from pathlib import Path

import pytest
from pyoxigraph import NamedNode, RdfFormat, Store

from graph.iri import nodes_graph_iri
from graph.namespace import DG, PROV, RDF, SCHEMA, SEM
from graph.queries import Catalog
from scripts.synth import main, write_graph


def _graph(meetings: int, seed: int) -> bytes:
    out = io.BytesIO()
    write_graph(out, meetings=meetings, seed=seed)
    return out.getvalue()


@pytest.fixture(scope="module")
def store() -> Store:
    s = Store()
    s.load(_graph(300, 7), RdfFormat.N_QUADS)
    return s


@pytest.mark.parametrize(("meetings", "seed"), [(5, 0), (40, 3), (120, 11)])
def test_deterministic_for_a_seed(meetings: int, seed: int) -> None:
    assert _graph(meetings, seed) == _graph(meetings, seed)
    assert _graph(meetings, seed) != _graph(meetings, seed + 1)


@pytest.mark.parametrize("meetings", [1, 30, 250])
def test_meeting_count_and_stats(meetings: int) -> None:
    out = io.BytesIO()
    stats = write_graph(out, meetings=meetings, seed=2)
    s = Store()
    s.load(out.getvalue(), RdfFormat.N_QUADS)
    assert len(s) == stats.quads
    found = {q.subject for q in s.quads_for_pattern(None, RDF.type, DG.Meeting)}
    assert len(found) == meetings
    assert stats.articles + 1 == len(list(s.named_graphs()))  # and the nodes graph


def _per_meeting(store: Store, predicate: NamedNode) -> Counter[str]:
    seen = {(str(q.subject), str(q.object))
            for q in store.quads_for_pattern(None, predicate, None)}
    return Counter(m for m, _ in seen)


@pytest.mark.parametrize(("predicate", "low", "high"), [
    (SEM.hasActor, 2, 5),
    (SCHEMA.eventStatus, 1, 1),
    (SCHEMA.startDate, 1, 1),
    (DG.evidence, 1, 2),  # a second report adds its own evidence
    (PROV.wasDerivedFrom, 1, 2),
])
def test_meeting_facts_in_range(store: Store, predicate: NamedNode, low: int, high: int) -> None:
    counts = _per_meeting(store, predicate)
    meetings = {str(q.subject) for q in store.quads_for_pattern(None, RDF.type, DG.Meeting)}
    for m in meetings:
        assert low <= counts[m] <= high, (m, predicate)


def test_articles_report_one_to_three_meetings(store: Store) -> None:
    per_graph = Counter(str(q.graph_name)
                        for q in store.quads_for_pattern(None, RDF.type, DG.Meeting))
    assert set(per_graph.values()) <= {1, 2, 3}
    assert len(per_graph) == len(list(store.named_graphs())) - 1  # not the nodes graph


@pytest.mark.parametrize("predicate", [RDF.type, SCHEMA.name, SCHEMA.nationality])
def test_nodes_are_described_once_in_the_nodes_graph(store: Store, predicate: NamedNode) -> None:
    """Nodes' facts live only in the nodes graph (article graphs type and name only their
    articles, meetings and evidence), each subject with one ``schema:name``."""
    nodes = NamedNode(nodes_graph_iri())
    described = Counter(q.subject for q in store.quads_for_pattern(None, predicate, None, nodes))
    assert described
    if predicate == SCHEMA.name:
        assert set(described.values()) == {1}
    elsewhere = {q.subject for q in store.quads_for_pattern(None, predicate, None)
                 if q.graph_name != nodes}
    assert not elsewhere & set(described)


def test_people_have_nationality_and_participation_is_heavy_tailed(store: Store) -> None:
    people = {q.subject for q in store.quads_for_pattern(None, RDF.type, SCHEMA.Person)}
    with_country = {q.subject for q in store.quads_for_pattern(None, SCHEMA.nationality, None)}
    assert people and people <= with_country
    seen = {(q.subject, q.object) for q in store.quads_for_pattern(None, SEM.hasActor, None)}
    degree = Counter(actor for _, actor in seen)
    top, median = degree.most_common(1)[0][1], sorted(degree.values())[len(degree) // 2]
    assert top >= 10 * median


def test_the_catalog_reads_it(store: Store) -> None:
    from graph.store import GraphStore

    gs = GraphStore()
    gs.add_quads(store.quads_for_pattern(None, None, None))
    cat = Catalog.build(gs)
    assert len(cat.meetings) == 300
    assert all(2 <= len(m.participants) <= 5 for m in cat.meetings.values())
    assert {a.type for a in cat.actors.values()} == {"Person", "Country", "Place"}


def test_cli(tmp_path: Path) -> None:
    out = tmp_path / "g.nq"
    assert main(["--meetings", "12", "--out", str(out), "--seed", "4"]) == 0
    assert out.read_bytes() == _graph(12, 4)


@pytest.mark.parametrize("kind", ["Person", "Country"])
def test_catalog_and_store_agree_on_who_represents_whom(store: Store, kind: str) -> None:
    from graph.queries.meetings import members, represented
    from graph.store import GraphStore

    gs = GraphStore()
    gs.add_quads(store.quads_for_pattern(None, None, None))
    cat = Catalog.build(gs)
    actors = sorted(a.id for a in cat.actors.values() if a.type == kind)[:25]
    assert actors
    for actor in actors:
        assert members(gs, actor, cat) == members(gs, actor)
        assert represented(gs, actor, cat) == represented(gs, actor)
