"""MeetingNetwork: projection, met, ego subgraphs with a node budget, paths, top."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.errors import BadInput, NotFound
from graph.network import EDGE_MEETING_IDS, MeetingInfo, MeetingNetwork
from graph.queries.common import overlaps
from graph.store import GraphStore

SAMPLE = Path(__file__).resolve().parents[1] / "app" / "fixtures" / "sample.trig"


def m(ident: str, *who: str, date: str | None = None, status: str = "held",
      topics: tuple[str, ...] = ()) -> MeetingInfo:
    return MeetingInfo(f"meeting/{ident}", tuple(w if "/" in w else f"person/{w}" for w in who),
                       date=date, status=status,
                       topics=frozenset(f"topic/{t}" for t in topics), label=f"talks {ident}")


# a star around "hub" plus a chain hub - b - x - y
TOY = [
    m("1", "hub", "a", date="2025-01-10", topics=("trade",)),
    m("2", "hub", "a", date="2025-03", topics=("gas",)),
    m("3", "hub", "b", date="2024", status="cancelled"),
    m("4", "hub", "c", date="2025-02-01"),
    m("5", "b", "x", date="2025-05-05"),
    m("6", "x", "y", date="2025-06-06"),
    m("7", "a", "b", "c", date="2025-04-04"),
]


#: who represents country/X in the toy graph: a and x (and country/X itself)
TOY_REPRESENTS = {"person/a": {"country/X"}, "person/x": {"country/X"}, "person/b": {"org/Z"}}


@pytest.fixture(scope="module")
def toy() -> MeetingNetwork:
    return MeetingNetwork.from_meetings(TOY, TOY_REPRESENTS)


def test_build_from_store() -> None:
    store = GraphStore()
    store.import_file(SAMPLE)
    net = MeetingNetwork.build(store)
    assert net.version == store.version
    assert len(net.meetings) == 6
    assert net.graph.number_of_nodes() == 9  # participants; places are not nodes
    rubio = net.graph.nodes["person/marco-rubio"]
    assert (rubio["type"], rubio["name"], len(rubio["meetings"])) == ("Person", "Marco Rubio", 4)
    assert net.meetings["meeting/5d41402abc4b"].status == "held"  # planned, then held
    assert net.meetings["meeting/9e107d9d3720"].date == "2024-11"
    edge = net.graph["person/marco-rubio"]["person/sergey-lavrov"]
    assert sorted(edge["meetings"]) == ["meeting/5d41402abc4b", "meeting/7c211433f020"]


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({}, {"person/a": 2, "person/b": 1, "person/c": 1}),
        ({"since": "2025"}, {"person/a": 2, "person/c": 1}),
        ({"topic": "topic/gas"}, {"person/a": 1}),
        ({"status": "cancelled"}, {"person/b": 1}),
        ({"until": "2024-12-31"}, {"person/b": 1}),
    ],
)
def test_met(toy: MeetingNetwork, kwargs: dict[str, str], expected: dict[str, int]) -> None:
    assert {who: len(ids) for who, ids in toy.met("person/hub", **kwargs)} == expected


def test_met_unknown(toy: MeetingNetwork) -> None:
    with pytest.raises(NotFound):
        toy.met("person/nobody")


@pytest.mark.parametrize(
    ("depth", "limit", "kwargs", "nodes", "truncated"),
    [
        (1, 50, {}, {"hub", "a", "b", "c"}, False),
        (2, 50, {}, {"hub", "a", "b", "c", "x"}, False),
        (3, 50, {}, {"hub", "a", "b", "c", "x", "y"}, False),
        (1, 2, {}, {"hub", "a"}, True),  # the most frequent counterpart first
        (2, 4, {}, {"hub", "a", "b", "c"}, True),
        (2, 50, {"since": "2025"}, {"hub", "a", "c", "b"}, False),  # hub-b only in 2024
        (1, 50, {"topic": "topic/trade"}, {"hub", "a"}, False),
        (0, 50, {}, {"hub"}, False),
        (1, 50, {"status": "cancelled"}, {"hub", "b"}, False),
        (1, 50, {"until": "2025-01"}, {"hub", "a", "b"}, False),  # 2024 and 2025-01-10
        (1, 50, {"since": "2025-03-15"}, {"hub", "a"}, False),  # "2025-03" overlaps
        (1, 50, {"country": "country/X"}, {"hub", "a"}, False),  # a represents X
        (2, 50, {"country": "country/X"}, {"hub", "a", "b", "c"}, False),  # via meeting 7
        (2, 3, {"country": "country/X"}, {"hub", "a", "b"}, True),  # b before c by name
        (1, 50, {"country": "org/Z"}, {"hub", "b"}, False),  # b represents org/Z
        (1, 50, {"country": "country/nowhere"}, {"hub"}, False),
        (1, 50, {"topic": "topic/none"}, {"hub"}, False),
    ],
)
def test_ego_subgraph(toy: MeetingNetwork, depth: int, limit: int, kwargs: dict[str, str],
                      nodes: set[str], truncated: bool) -> None:
    sub = toy.ego_subgraph("person/hub", depth, limit, **kwargs)  # type: ignore[arg-type]
    assert {n.id.split("/")[1] for n in sub.nodes} == nodes
    assert sub.truncated is truncated


def test_ego_more_counts(toy: MeetingNetwork) -> None:
    sub = toy.ego_subgraph("person/hub", 1, 2)
    more = {n.id: n.more for n in sub.nodes}
    assert more == {"person/hub": 2, "person/a": 2}  # hub: b, c; a: b, c


def test_ego_edges_carry_meetings(toy: MeetingNetwork) -> None:
    sub = toy.ego_subgraph("person/hub", 1, 50)
    edge = next(e for e in sub.edges if {e.source, e.target} == {"person/hub", "person/a"})
    assert (edge.count, edge.first, edge.last) == (2, "2025-01-10", "2025-03")
    assert edge.meetings == ("meeting/1", "meeting/2")


@pytest.mark.parametrize(
    ("max_edges", "expected"),
    [
        (None, {("a", "b"), ("a", "c"), ("b", "c"), ("a", "hub"), ("b", "hub"), ("c", "hub")}),
        (4, {("a", "hub"), ("b", "hub"), ("c", "hub"), ("a", "b")}),  # spokes, then by name
        (5, {("a", "hub"), ("b", "hub"), ("c", "hub"), ("a", "b"), ("a", "c")}),
        (2, {("a", "hub"), ("b", "hub")}),  # hub-a met twice; b before c by name
        (0, set()),
    ],
)
def test_ego_max_edges(toy: MeetingNetwork, max_edges: int | None,
                       expected: set[tuple[str, str]]) -> None:
    """The edge budget keeps the centre's edges first, then the busiest others."""
    sub = toy.ego_subgraph("person/hub", 1, 50, max_edges=max_edges)
    assert {(e.source.split("/")[1], e.target.split("/")[1]) for e in sub.edges} == expected
    assert sub.edges_total == 6
    assert len(sub.nodes) == 4  # the nodes do not depend on the edge budget


@pytest.mark.parametrize(
    ("max_edges", "expected"),
    [
        (3, {("a", "hub"), ("b", "hub"), ("c", "hub")}),
        (4, {("a", "hub"), ("b", "hub"), ("c", "hub"), ("b", "x")}),  # x hangs on b
    ],
)
def test_ego_max_edges_keeps_outer_nodes_attached(
        toy: MeetingNetwork, max_edges: int, expected: set[tuple[str, str]]) -> None:
    """After the centre's edges, each outer node's edge inwards beats busier edges
    between inner nodes (a-b, a-c, b-c)."""
    sub = toy.ego_subgraph("person/hub", 2, 50, max_edges=max_edges)
    assert {(e.source.split("/")[1], e.target.split("/")[1]) for e in sub.edges} == expected


def test_ego_country_edges(toy: MeetingNetwork) -> None:
    """Under a country filter an edge counts only the meetings the country attended."""
    sub = toy.ego_subgraph("person/hub", 2, 50, country="country/X")
    edges = {(e.source.split("/")[1], e.target.split("/")[1]): e.meetings for e in sub.edges}
    assert edges == {("a", "hub"): ("meeting/1", "meeting/2"), ("a", "b"): ("meeting/7",),
                     ("a", "c"): ("meeting/7",), ("b", "c"): ("meeting/7",)}
    more = {n.id.split("/")[1]: n.more for n in sub.nodes}
    assert more == {"hub": 0, "a": 0, "b": 1, "c": 0}  # b met x (who represents X)


# twelve meetings of p and q over a year, two undated, one cancelled
BUSY = [m(f"b{i:02d}", "p", "q", date=f"2025-{i:02d}-01" if i <= 10 else None,
          status="cancelled" if i == 5 else "held") for i in range(1, 13)]


@pytest.mark.parametrize(
    ("kwargs", "count", "first", "last", "ids"),
    [
        ({}, 12, "2025-01-01", "2025-10-01", ["b06", "b07", "b08", "b09", "b10"]),
        ({"ids": 2}, 12, "2025-01-01", "2025-10-01", ["b09", "b10"]),
        ({"ids": 0}, 12, "2025-01-01", "2025-10-01", []),
        ({"until": "2025-03"}, 3, "2025-01-01", "2025-03-01", ["b01", "b02", "b03"]),
        ({"status": "cancelled"}, 1, "2025-05-01", "2025-05-01", ["b05"]),
        ({"ids": 30}, 12, "2025-01-01", "2025-10-01",  # undated first, then by date
         ["b11", "b12", *(f"b{i:02d}" for i in range(1, 11))]),
    ],
)
def test_ego_edge_ids_are_capped(kwargs: dict[str, object], count: int, first: str,
                                 last: str, ids: list[str]) -> None:
    """An edge gives its full count and dates, but only the latest few meeting ids."""
    net = MeetingNetwork.from_meetings(BUSY)
    (edge,) = net.ego_subgraph("person/p", 1, 50, **kwargs).edges  # type: ignore[arg-type]
    assert (edge.count, edge.first, edge.last) == (count, first, last)
    assert edge.meetings == tuple(f"meeting/{i}" for i in ids)
    assert len(ids) <= max(EDGE_MEETING_IDS, int(kwargs.get("ids", 0)))  # type: ignore[call-overload]


@pytest.mark.parametrize(
    ("a", "b", "kwargs", "expected"),
    [
        ("hub", "a", {}, ["1", "2"]),
        ("hub", "a", {"topic": "topic/gas"}, ["2"]),
        ("b", "c", {}, ["7"]),
        ("b", "c", {"country": "country/X"}, ["7"]),
        ("hub", "b", {"country": "country/X"}, []),
        ("hub", "y", {}, []),
    ],
)
def test_pair_meetings(toy: MeetingNetwork, a: str, b: str, kwargs: dict[str, str],
                       expected: list[str]) -> None:
    found = toy.pair_meetings(f"person/{a}", f"person/{b}", **kwargs)
    assert found == [f"meeting/{i}" for i in expected]


def test_pair_meetings_unknown(toy: MeetingNetwork) -> None:
    with pytest.raises(NotFound):
        toy.pair_meetings("person/hub", "person/nobody")


def test_ego_bad_arguments(toy: MeetingNetwork) -> None:
    with pytest.raises(BadInput):
        toy.ego_subgraph("person/hub", -1, 5)
    with pytest.raises(BadInput):
        toy.ego_subgraph("person/hub", 1, 5, since="someday")
    with pytest.raises(BadInput):
        toy.ego_subgraph("person/hub", 1, 5, status="rumoured")
    with pytest.raises(BadInput):
        toy.ego_subgraph("person/hub", 1, 5, ids=-1)
    with pytest.raises(BadInput):
        toy.ego_subgraph("person/hub", 1, 5, max_edges=-1)
    assert toy.ego_subgraph("person/nobody").nodes == ()


@pytest.mark.parametrize(
    ("a", "b", "max_hops", "paths"),
    [
        ("hub", "y", 3, [("hub", "b", "x", "y")]),
        ("hub", "y", 2, []),
        ("a", "x", 3, [("a", "b", "x")]),
        ("hub", "c", 1, [("hub", "c")]),
    ],
)
def test_paths(toy: MeetingNetwork, a: str, b: str, max_hops: int,
               paths: list[tuple[str, ...]]) -> None:
    found = toy.paths(f"person/{a}", f"person/{b}", max_hops)
    assert [tuple(n.split("/")[1] for n in p.nodes) for p in found] == paths


def test_path_hops_name_the_latest_meeting(toy: MeetingNetwork) -> None:
    (path,) = toy.paths("person/hub", "person/y")
    assert [(h.meeting, h.date, h.count) for h in path.hops] == [
        ("meeting/3", "2024", 1),
        ("meeting/5", "2025-05-05", 1), ("meeting/6", "2025-06-06", 1)]


def test_paths_errors(toy: MeetingNetwork) -> None:
    with pytest.raises(NotFound):
        toy.paths("person/hub", "person/nobody")
    with pytest.raises(BadInput):
        toy.paths("person/hub", "person/hub")
    with pytest.raises(BadInput):
        toy.paths("person/hub", "person/y", max_hops=0)


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"n": 2}, [("person/hub", 4), ("person/b", 3)]),
        ({"since": "2025-04", "n": 3}, [("person/b", 2), ("person/x", 2), ("person/a", 1)]),
        ({"until": "2024", "n": 5}, [("person/b", 1), ("person/hub", 1)]),
        ({"since": "2025-03", "until": "2025-03", "n": 5}, [("person/a", 1), ("person/hub", 1)]),
        ({"type": "Country"}, []),
    ],
)
def test_top(toy: MeetingNetwork, kwargs: dict[str, object],
             expected: list[tuple[str, int]]) -> None:
    assert [(r.id, r.meetings) for r in toy.top(**kwargs)] == expected  # type: ignore[arg-type]


def test_top_bad_type(toy: MeetingNetwork) -> None:
    with pytest.raises(BadInput):
        toy.top(type="Planet")


PEOPLE = st.sampled_from([f"p{i}" for i in range(8)])
DATES = st.sampled_from([None, "2024", "2025-03", "2025-03-10", "2025-07-01", "--04-10"])
MEETINGS = st.lists(
    st.tuples(st.lists(PEOPLE, min_size=2, max_size=4, unique=True), DATES,
              st.sampled_from(["held", "planned", "cancelled"]),
              st.sets(st.sampled_from(["t1", "t2"]), max_size=2)),
    min_size=1, max_size=15,
)
FILTERS = st.fixed_dictionaries({}, optional={
    "since": st.sampled_from(["2024-06", "2025-03-05", "2025"]),
    "until": st.sampled_from(["2025-03", "2025-12-31", "2024"]),
    "status": st.sampled_from(["held", "planned", "cancelled"]),
    "topic": st.sampled_from(["topic/t1", "topic/t2"]),
    "country": st.sampled_from(["country/C", "person/p1"]),
})
#: p0 and p5 represent country/C
REPRESENTS = {"person/p0": {"country/C"}, "person/p5": {"country/C"}}


def _network(rows: list[tuple[list[str], str | None, str, set[str]]]) -> MeetingNetwork:
    return MeetingNetwork.from_meetings(
        (m(str(i), *who, date=date, status=status, topics=tuple(topics))
         for i, (who, date, status, topics) in enumerate(rows)), REPRESENTS)


def _reference(net: MeetingNetwork, center: str, depth: int, limit: int,
               flt: dict[str, str]) -> tuple[dict[str, tuple[int, int]], bool,
                                             dict[tuple[str, str], list[str]]]:
    """The ego subgraph the slow way: (node -> (ring, more)), truncated, edge -> ids."""
    members = {flt["country"]} | {a for a, r in REPRESENTS.items() if flt["country"] in r} \
        if "country" in flt else None

    def kept(mid: str) -> bool:
        rec = net.meetings[mid]
        return (overlaps(rec.date, flt.get("since"), flt.get("until"))
                and ("status" not in flt or rec.status == flt["status"])
                and ("topic" not in flt or flt["topic"] in rec.topics)
                and (members is None or bool(members & set(rec.participants))))

    def pair(u: str, v: str) -> list[str]:
        ids = net.graph[u][v]["meetings"] if net.graph.has_edge(u, v) else []
        return [i for i in ids if kept(i)]

    ring_of, frontier, truncated = {center: 0}, [center], False
    for ring in range(1, depth + 1):
        weight = {v: sum(len(pair(u, v)) for u in frontier)
                  for u in frontier for v in net.graph[u] if v not in ring_of}
        ranked = sorted((v for v in weight if weight[v]), key=lambda v: (-weight[v], v))
        room = limit - len(ring_of)
        truncated = truncated or len(ranked) > room
        frontier = ranked[:max(room, 0)]
        ring_of.update((v, ring) for v in frontier)
        if not frontier:
            break
    nodes = {a: (r, sum(1 for v in net.graph[a] if v not in ring_of and pair(a, v)))
             for a, r in ring_of.items()}
    edges = {(u, v): pair(u, v) for u in ring_of for v in ring_of if u < v and pair(u, v)}
    return nodes, truncated, edges


@settings(max_examples=150, deadline=None)
@given(MEETINGS, st.integers(0, 3), st.integers(1, 6), FILTERS, st.none() | st.integers(0, 8))
def test_ego_subgraph_matches_reference(
        rows: list[tuple[list[str], str | None, str, set[str]]], depth: int, limit: int,
        flt: dict[str, str], max_edges: int | None) -> None:
    """The array-based subgraph equals a brute-force one: same nodes, rings, "more",
    truncation, edge counts, first/last dates and latest meeting ids; the edge budget
    keeps the centre's edges, then one inward edge per node, and the nodes."""
    net = _network(rows)
    center = f"person/{rows[0][0][0]}"
    sub = net.ego_subgraph(center, depth, limit, **flt)  # type: ignore[arg-type]
    nodes, truncated, edges = _reference(net, center, depth, limit, flt)
    assert {n.id: (n.depth, n.more) for n in sub.nodes} == nodes
    assert sub.truncated is truncated
    assert sub.edges_total == len(edges)
    capped = net.ego_subgraph(center, depth, limit, max_edges=max_edges,
                              **flt)  # type: ignore[arg-type]
    assert capped.nodes == sub.nodes and capped.edges_total == len(edges)
    if max_edges is None or max_edges >= len(sub.edges):
        assert capped.edges == sub.edges
        return
    assert len(capped.edges) == max_edges and set(capped.edges) <= set(sub.edges)
    ring = {n.id: n.depth for n in sub.nodes}
    spokes = [e for e in sub.edges if center in (e.source, e.target)]
    kept_spokes = [e for e in capped.edges if center in (e.source, e.target)]
    assert len(kept_spokes) == min(max_edges, len(spokes))  # the centre's edges first
    if max_edges >= len(sub.nodes) - 1:  # room for one edge per node: none is left alone
        for node in sub.nodes:
            if node.id != center:
                assert any(node.id in (e.source, e.target)
                           and ring[e.source] != ring[e.target] for e in capped.edges)


@settings(max_examples=60, deadline=None)
@given(MEETINGS, st.integers(0, 3), st.integers(1, 6))
def test_ego_subgraph_invariants(rows: list[tuple[list[str], str | None, str, set[str]]],
                                 depth: int, limit: int) -> None:
    net = _network(rows)
    center = f"person/{rows[0][0][0]}"
    sub = net.ego_subgraph(center, depth, limit)
    ids = {n.id for n in sub.nodes}
    assert center in ids and len(ids) <= limit
    for edge in sub.edges:
        assert {edge.source, edge.target} <= ids
        assert edge.count >= len(edge.meetings) > 0 and len(edge.meetings) <= EDGE_MEETING_IDS
        assert edge.count == len(net.graph[edge.source][edge.target]["meetings"])
        for mid in edge.meetings:
            assert {edge.source, edge.target} <= set(net.meetings[mid].participants)
    for node in sub.nodes:
        assert node.depth <= depth
        outside = [v for v in net.graph[node.id] if v not in ids]
        assert node.more == len(outside)
    if not sub.truncated:  # nothing within reach was left out
        reachable = set(nx.single_source_shortest_path_length(net.graph, center, cutoff=depth))
        assert ids == reachable


@settings(max_examples=60, deadline=None)
@given(MEETINGS, st.integers(1, 4))
def test_paths_invariants(rows: list[tuple[list[str], str | None, str, set[str]]],
                          max_hops: int) -> None:
    net = _network(rows)
    a, b = f"person/{rows[0][0][0]}", f"person/{rows[-1][0][-1]}"
    if a == b:
        return
    found = net.paths(a, b, max_hops)
    lengths = {len(p.hops) for p in found}
    assert len(lengths) <= 1 and all(n <= max_hops for n in lengths)  # all shortest
    for path in found:
        assert path.nodes[0] == a and path.nodes[-1] == b
        for hop in path.hops:
            assert {hop.source, hop.target} <= set(net.meetings[hop.meeting].participants)
