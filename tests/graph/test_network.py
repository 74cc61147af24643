"""MeetingNetwork: projection, met, ego subgraphs with a node budget, paths, top."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.errors import BadInput, NotFound
from graph.network import MeetingInfo, MeetingNetwork
from graph.store import GraphStore

SAMPLE = Path(__file__).resolve().parents[1] / "app" / "fixtures" / "sample.trig"


def m(ident: str, *who: str, date: str | None = None, status: str = "held",
      topics: tuple[str, ...] = ()) -> MeetingInfo:
    return MeetingInfo(f"meeting/{ident}", tuple(f"person/{w}" for w in who), date=date,
                       status=status, topics=frozenset(f"topic/{t}" for t in topics),
                       label=f"talks {ident}")


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


@pytest.fixture(scope="module")
def toy() -> MeetingNetwork:
    return MeetingNetwork.from_meetings(TOY)


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
    ],
)
def test_ego_subgraph(toy: MeetingNetwork, depth: int, limit: int, kwargs: dict[str, str],
                      nodes: set[str], truncated: bool) -> None:
    sub = toy.ego_subgraph("person/hub", depth, limit, **kwargs)
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


def test_ego_bad_arguments(toy: MeetingNetwork) -> None:
    with pytest.raises(BadInput):
        toy.ego_subgraph("person/hub", -1, 5)
    with pytest.raises(BadInput):
        toy.ego_subgraph("person/hub", 1, 5, since="someday")
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
MEETINGS = st.lists(
    st.tuples(st.lists(PEOPLE, min_size=2, max_size=4, unique=True),
              st.sampled_from([None, "2024", "2025-03", "2025-03-10", "2025-07-01"])),
    min_size=1, max_size=15,
)


@settings(max_examples=60, deadline=None)
@given(MEETINGS, st.integers(0, 3), st.integers(1, 6))
def test_ego_subgraph_invariants(rows: list[tuple[list[str], str | None]], depth: int,
                                 limit: int) -> None:
    net = MeetingNetwork.from_meetings(
        m(str(i), *who, date=date) for i, (who, date) in enumerate(rows))
    center = f"person/{rows[0][0][0]}"
    sub = net.ego_subgraph(center, depth, limit)
    ids = {n.id for n in sub.nodes}
    assert center in ids and len(ids) <= limit
    for edge in sub.edges:
        assert {edge.source, edge.target} <= ids and edge.count == len(edge.meetings) > 0
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
def test_paths_invariants(rows: list[tuple[list[str], str | None]], max_hops: int) -> None:
    net = MeetingNetwork.from_meetings(
        m(str(i), *who, date=date) for i, (who, date) in enumerate(rows))
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
