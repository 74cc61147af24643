"""graph.queries over the sample graph: catalog search, meeting filters, detail, actors."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from graph.errors import BadInput, NotFound
from graph.queries import (
    Catalog,
    MeetingFilters,
    actor_detail,
    actor_met,
    actor_timeline,
    check_date,
    list_meetings,
    meeting_detail,
    meetings_between,
    normalize,
    overlaps,
)
from graph.queries.nodes import node_triples
from graph.store import GraphStore

SAMPLE = Path(__file__).resolve().parents[1] / "app" / "fixtures" / "sample.trig"
ISTANBUL = "meeting/5d41402abc4b"
RIYADH = "meeting/7c211433f020"
PHONE = "meeting/9e107d9d3720"
CONSULT = "meeting/e4d909c290d0"
CANCELLED = "meeting/1f3870be2749"
NATO = "meeting/8277e0910d75"


@pytest.fixture(scope="module")
def store() -> GraphStore:
    s = GraphStore()
    s.import_file(SAMPLE)
    return s


@pytest.fixture(scope="module")
def catalog(store: GraphStore) -> Catalog:
    return Catalog.build(store)


@pytest.mark.parametrize(
    ("date", "since", "until", "expected"),
    [
        ("2025-04-10", "2025-04-10", "2025-04-10", True),
        ("2025-04-10", "2025-04-11", None, False),
        ("2025-04", "2025-04-30", None, True),  # the month overlaps
        ("2025-04", None, "2025-03-31", False),
        ("2025", "2025-12-31", "2026", True),
        ("2024", "2025", None, False),
        ("2025-01-20", None, "2025-01", True),
        ("--04-10", None, "2030", False),  # no year: never in a date range
        (None, "2020", None, False),
        (None, None, None, True),
    ],
)
def test_overlaps(date: str | None, since: str | None, until: str | None,
                  expected: bool) -> None:
    assert overlaps(date, since, until) is expected


DATES = st.dates().map(lambda d: d.isoformat())
PARTIAL = st.one_of(DATES, DATES.map(lambda d: d[:7]), DATES.map(lambda d: d[:4]))


@given(PARTIAL, DATES)
def test_overlap_agrees_with_the_interval(date: str, day: str) -> None:
    """A partial date covers an interval of days; a one-day range meets it iff inside."""
    assert overlaps(date, day, day) == day.startswith(date)


@pytest.mark.parametrize("value", ["2025", "2025-02", "2024-02-29"])
def test_check_date_ok(value: str) -> None:
    assert check_date(value) == value


@pytest.mark.parametrize("value", ["2025-2", "2023-02-29", "25", "2025-00", "yesterday", ""])
def test_check_date_bad(value: str) -> None:
    with pytest.raises(BadInput):
        check_date(value, "since")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Sergéy Lavrov", "sergey lavrov"), ("U.S.", "us"), ("Türkiye's", "turkiyes"),
     ("  NATO—HQ ", "nato hq")],
)
def test_normalize(text: str, expected: str) -> None:
    assert normalize(text) == expected


def test_catalog_names(catalog: Catalog) -> None:
    lavrov = catalog.actor("person/sergey-lavrov")
    assert (lavrov.type, lavrov.name, lavrov.country, lavrov.meetings) == (
        "Person", "Sergey Lavrov", "country/RU", 3)
    assert catalog.actor("place/istanbul").country == "country/TR"
    assert catalog.topic("topic/trade").meetings == 3
    assert catalog.ref("person/unknown").name == "person/unknown"
    with pytest.raises(NotFound):
        catalog.actor("person/unknown")


@pytest.mark.parametrize(
    ("q", "type_", "expected"),
    [
        ("rubio", None, ["person/marco-rubio"]),
        ("antonio", None, ["person/marco-rubio"]),
        ("russia", None, ["country/RU"]),
        ("russian federation", "Country", ["country/RU"]),
        ("a", "Organization", ["org/nato"]),
        ("ist", "Place", ["place/istanbul"]),
        ("wang", "Country", []),
    ],
)
def test_search(catalog: Catalog, q: str, type_: str | None, expected: list[str]) -> None:
    total, found = catalog.search(q, type_)
    assert [a.id for a in found] == expected and total == len(expected)


def test_search_ranks_exact_then_prefix_then_more_meetings(catalog: Catalog) -> None:
    _, found = catalog.search("ma")
    ids = [a.id for a in found]
    # prefix matches first ("Marco Rubio" has more meetings than "Mark Rutte")
    assert ids[:2] == ["person/marco-rubio", "person/mark-rutte"]


def test_search_bad_type(catalog: Catalog) -> None:
    with pytest.raises(BadInput):
        catalog.search("x", "Planet")


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (MeetingFilters(), [ISTANBUL, NATO, RIYADH, CONSULT, CANCELLED, PHONE]),
        (MeetingFilters(actor="country/CN"), [CONSULT, CANCELLED, PHONE]),
        (MeetingFilters(actor="org/nato"), [NATO]),
        (MeetingFilters(actor="person/marco-rubio", other="country/RU"), [ISTANBUL, RIYADH]),
        (MeetingFilters(place="country/SA"), [RIYADH]),
        (MeetingFilters(topic="topic/trade", status="held"), [CONSULT, PHONE]),
        (MeetingFilters(since="2025-02-18", until="2025-03-05"), [NATO, RIYADH, CANCELLED]),
        (MeetingFilters(mode="in_person", country="country/RU"), [ISTANBUL, RIYADH]),
    ],
)
def test_list_meetings(store: GraphStore, catalog: Catalog, filters: MeetingFilters,
                       expected: list[str]) -> None:
    page = list_meetings(store, catalog, filters)
    assert [m.id for m in page.items] == expected and page.total == len(expected)


@pytest.mark.parametrize(
    "filters",
    [MeetingFilters(since="2025-13"), MeetingFilters(status="rumoured"),
     MeetingFilters(mode="fax"), MeetingFilters(other="country/RU"),
     MeetingFilters(since="2025-05", until="2025-01"), MeetingFilters(actor="bad id with space")],
)
def test_list_meetings_bad_filters(store: GraphStore, catalog: Catalog,
                                   filters: MeetingFilters) -> None:
    with pytest.raises(BadInput):
        list_meetings(store, catalog, filters)


def test_paging(store: GraphStore, catalog: Catalog) -> None:
    pages = [list_meetings(store, catalog, limit=4, offset=o, sort="date") for o in (0, 4)]
    assert [m.id for p in pages for m in p.items] == [
        PHONE, CANCELLED, CONSULT, RIYADH, NATO, ISTANBUL]
    assert list_meetings(store, catalog, limit=0).items == ()


def test_meetings_between_checks_actors(store: GraphStore, catalog: Catalog) -> None:
    with pytest.raises(NotFound):
        meetings_between(store, catalog, "country/US", "country/ZZ")
    with pytest.raises(BadInput):
        meetings_between(store, catalog, "country/US", "country/US")


def test_meeting_detail(store: GraphStore, catalog: Catalog) -> None:
    m = meeting_detail(store, catalog, NATO)
    assert [p.id for p in m.participants] == [
        "person/marco-rubio", "person/mark-rutte", "org/nato"]
    assert (m.place.id if m.place else None, m.kind, m.mode) == (
        "place/brussels", "043", "in_person")
    assert [t.label for t in m.topics] == ["defence spending", "Ukraine"]
    assert [e.text for e in m.evidence] == [
        "Rutte hosted Rubio at NATO headquarters in Brussels on March 5."]
    assert [a.source for a in m.articles] == ["Example Times"]
    with pytest.raises(NotFound):
        meeting_detail(store, catalog, "meeting/nope")


def test_actor_detail(store: GraphStore, catalog: Catalog) -> None:
    d = actor_detail(store, catalog, "person/mark-rutte")
    assert [(r.label, r.scope.id if r.scope else None) for r in d.roles] == [
        ("Secretary General", "org/nato")]
    assert d.articles_total == 1 and d.articles[0].doc == "a5"
    assert actor_detail(store, catalog, "person/mark-rutte", articles=0).articles == ()


def test_actor_met_and_timeline(store: GraphStore, catalog: Catalog) -> None:
    met = actor_met(store, catalog, "country/CN")
    assert {c.actor.id: c.count for c in met.counterparts} == {
        "country/RU": 1, "person/sergey-lavrov": 1, "person/marco-rubio": 1}
    with pytest.raises(BadInput):
        actor_met(store, catalog, "country/CN", status="maybe")
    timeline = actor_timeline(store, catalog, "person/wang-yi")
    assert [m.id for m in timeline.meetings] == [PHONE, CANCELLED]
    assert timeline.by_month == {"2024-11": 1, "2025": 1}


def test_node_triples(store: GraphStore) -> None:
    triples = node_triples(store, "topic/trade")
    assert {t.predicate.value.rsplit("#", 1)[-1].rsplit("/", 1)[-1] for t in triples} == {
        "type", "prefLabel"}
    with pytest.raises(NotFound):
        node_triples(store, "topic/nothing")


# ---------------------------------------------------------------------- indexes and caches
_PLACES_WITHIN = "SELECT DISTINCT ?at ?place WHERE { ?at schema:containedInPlace* ?place }"


def _brute_force(store: GraphStore, catalog: Catalog, f: MeetingFilters) -> list[str]:
    """select_meetings without indexes: every record tested, closures read from the store."""
    from graph.queries.common import node
    from graph.queries.meetings import members

    def side(actor: str) -> set[str]:
        return members(store, actor)

    kept = []
    for m in sorted(catalog.meetings.values(), key=lambda m: (m.date or "", m.id)):
        people = set(m.participants)
        if f.actor and not people & side(f.actor):
            continue
        if f.country and not people & side(f.country):
            continue
        if f.place:
            within = {r["at"].value.rsplit("/id/", 1)[1]
                      for r in store.select(_PLACES_WITHIN, place=node(f.place))} | {f.place}
            if m.place not in within:
                continue
        if f.topic and f.topic not in m.topics:
            continue
        if f.actor and f.other and not any(
                p in side(f.actor) and q in side(f.other) and p != q
                for p in m.participants for q in m.participants):
            continue
        if f.keeps(m):
            kept.append(m.id)
    return kept


def _filter_table(catalog: Catalog) -> list[MeetingFilters]:
    actors = sorted(a for a in catalog.actors if catalog.actors[a].meetings)
    places = sorted(a.id for a in catalog.actors.values() if a.type in ("Place", "Country"))
    topics = sorted(catalog.topics)
    table = [MeetingFilters(), MeetingFilters(status="held"), MeetingFilters(since="2025-04")]
    table += [MeetingFilters(actor=a) for a in actors]
    table += [MeetingFilters(country=c, since="2025") for c in actors if c.startswith("country/")]
    table += [MeetingFilters(place=p) for p in places]
    table += [MeetingFilters(topic=t, until="2025-12") for t in topics]
    table += [MeetingFilters(actor=a, other=b) for a in actors[:8] for b in actors[:8] if a != b]
    return table


def test_indexed_selection_agrees_with_brute_force(store: GraphStore) -> None:
    from graph.queries.meetings import select_meetings

    catalog = Catalog.build(store)
    table = _filter_table(catalog)
    assert len(table) > 30
    for filters in table:
        expected = _brute_force(store, catalog, filters)
        assert [m.id for m in select_meetings(store, catalog, filters)] == expected, filters
        # a second time from the cache
        assert [m.id for m in select_meetings(store, catalog, filters)] == expected, filters


def test_warm_prepares_the_same_answers(store: GraphStore) -> None:
    from graph.queries.actors import warm

    cold, warmed = Catalog.build(store), Catalog.build(store)
    assert warm(store, warmed, min_meetings=1) > 0
    assert warmed.memo("met") and not cold.memo("met")
    assert warmed.memo("detail") and not cold.memo("detail")
    for ident in cold.actors:
        for params in ({}, {"limit": 2, "meetings": 1}, {"since": "2025-04"}):
            assert actor_met(store, warmed, ident, **params) == \
                actor_met(store, cold, ident, **params)
        # prepared, cached and computed details agree
        assert actor_detail(store, warmed, ident) == actor_detail(store, cold, ident) \
            == actor_detail(store, cold, ident)


def test_warm_prepares_place_closures(store: GraphStore) -> None:
    from graph.queries.actors import warm

    catalog = Catalog.build(store)
    warm(store, catalog, min_meetings=10**9)
    places = {a for a, r in catalog.actors.items() if r.type in ("Place", "Country")}
    assert places and set(catalog.memo("place")) == places
    assert not catalog.memo("met")  # nobody has that many meetings


def _older_shape(store: GraphStore) -> GraphStore:
    """The sample as graphs were written before the nodes graph: each article graph
    describes again every node it refers to, and what those point to (countries, posts),
    and there is no nodes graph."""
    from pyoxigraph import Quad

    from graph.iri import nodes_graph_iri

    described: dict[object, list[Quad]] = {}
    for q in store.quads(nodes_graph_iri()):
        described.setdefault(q.subject, []).append(q)
    graphs: dict[object, list[Quad]] = {}
    for q in store.quads():
        if q.graph_name.value != nodes_graph_iri():  # type: ignore[union-attr]
            graphs.setdefault(q.graph_name, []).append(q)
    old = GraphStore()
    for graph, quads in graphs.items():
        seen: set[object] = set()
        todo = [q.object for q in quads if q.object in described]
        while todo:
            node = todo.pop()
            if node in seen:
                continue
            seen.add(node)
            for d in described[node]:
                quads.append(Quad(d.subject, d.predicate, d.object, graph))  # type: ignore[arg-type]
                if d.object in described:
                    todo.append(d.object)
        old.add_quads(quads)
    return old


def test_the_catalog_reads_graphs_of_the_older_shape_alike(store: GraphStore,
                                                           catalog: Catalog) -> None:
    old = _older_shape(store)
    assert len(old) > len(store)  # descriptions repeated per article
    again = Catalog.build(old)
    assert again.actors == catalog.actors
    assert again.topics == catalog.topics
    assert again.meetings == catalog.meetings
    assert again.represents == catalog.represents
    assert again.contains == catalog.contains
