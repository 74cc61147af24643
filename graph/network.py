"""Who met whom as a networkx graph, built from the store after load and after ingest.

Nodes are actors (API ids, with ``type`` and ``name``); an edge joins two actors that
took part in the same meeting and carries the ids of all such meetings. Meetings stay
n-ary in the store; the pairs exist only here. What the API asks often (ego networks,
paths, the most active actors) is answered from this projection and from per-actor
date lists computed once, not by whole-graph SPARQL aggregates.

>>> net = MeetingNetwork.from_meetings([
...     MeetingInfo("meeting/1", ("person/a", "person/b"), date="2025-01-02"),
...     MeetingInfo("meeting/2", ("person/b", "person/c"), date="2025-03"),
... ])
>>> [p.nodes for p in net.paths("person/a", "person/c")]
[('person/a', 'person/b', 'person/c')]
>>> [(r.id, r.meetings) for r in net.top(n=1)]
[('person/b', 2)]
"""

from __future__ import annotations

import bisect
import itertools
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import networkx as nx

from graph.errors import BadInput, NotFound
from graph.iri import kind_of
from graph.model import STATUSES
from graph.queries.catalog import TYPE_BY_KIND, Catalog, MeetingRecord
from graph.queries.common import check_date, overlaps
from graph.store import GraphStore

__all__ = [
    "Hop",
    "MeetingInfo",
    "MeetingNetwork",
    "NetEdge",
    "NetNode",
    "Path",
    "Ranked",
    "Subgraph",
]

_FULL_DATE_LEN = 10


#: What the network keeps of a meeting: the catalog's record.
MeetingInfo = MeetingRecord


@dataclass(frozen=True)
class _Filter:
    since: str | None = None
    until: str | None = None
    topic: str | None = None
    status: str | None = None

    def __post_init__(self) -> None:
        for name in ("since", "until"):
            value = getattr(self, name)
            if value is not None:
                check_date(value, name)
        if self.status is not None and self.status not in STATUSES:
            raise BadInput(f"status: {self.status!r} is not one of {', '.join(STATUSES)}")

    def keeps(self, m: MeetingInfo) -> bool:
        return (
            (self.topic is None or self.topic in m.topics)
            and (self.status is None or m.status == self.status)
            and overlaps(m.date, self.since, self.until)
        )


_NO_FILTER = _Filter()


@dataclass(frozen=True)
class NetNode:
    """A node of a subgraph; ``more`` counts its neighbours left out of the subgraph."""

    id: str
    type: str
    name: str
    meetings: int
    depth: int = 0
    more: int = 0


@dataclass(frozen=True)
class NetEdge:
    source: str
    target: str
    count: int
    first: str | None
    last: str | None
    meetings: tuple[str, ...]


@dataclass(frozen=True)
class Subgraph:
    center: str
    nodes: tuple[NetNode, ...]
    edges: tuple[NetEdge, ...]
    truncated: bool


@dataclass(frozen=True)
class Hop:
    """One step of a path: the latest meeting of the two, and how many they had."""

    source: str
    target: str
    meeting: str
    date: str | None
    label: str | None
    count: int


@dataclass(frozen=True)
class Path:
    nodes: tuple[str, ...]
    hops: tuple[Hop, ...]


@dataclass(frozen=True)
class Ranked:
    id: str
    type: str
    name: str
    meetings: int
    counterparts: int


@dataclass
class _Dates:
    full: list[str] = field(default_factory=list)  # YYYY-MM-DD, sorted
    partial: list[str] = field(default_factory=list)  # coarser precision


class MeetingNetwork:
    """The co-participation graph; build with :meth:`build` (store) or :meth:`from_meetings`."""

    def __init__(self, meetings: Iterable[MeetingInfo],
                 names: Mapping[str, tuple[str, str]] | None = None, version: int = -1) -> None:
        self.version = version
        self.meetings: dict[str, MeetingInfo] = {m.id: m for m in meetings}
        self.graph = nx.Graph()
        names = names or {}
        by_actor: dict[str, list[str]] = defaultdict(list)
        for m in self.meetings.values():
            for actor in m.participants:
                by_actor[actor].append(m.id)
            for u, v in itertools.combinations(sorted(set(m.participants)), 2):
                if self.graph.has_edge(u, v):
                    self.graph[u][v]["meetings"].append(m.id)
                else:
                    self.graph.add_edge(u, v, meetings=[m.id])
        for _, _, data in self.graph.edges(data=True):  # by date once, not per request
            data["meetings"].sort(key=lambda m: (self.meetings[m].date or "", m))
        for actor, ids in by_actor.items():
            kind = kind_of(actor) if "/" in actor else actor
            type_, name = names.get(actor, (TYPE_BY_KIND.get(kind, kind.capitalize()), actor))
            self.graph.add_node(actor, type=type_, name=name, meetings=ids)
        self._dates: dict[str, _Dates] = {}
        for actor, ids in by_actor.items():
            d = _Dates()
            for mid in ids:
                date = self.meetings[mid].date
                if date and not date.startswith("-"):
                    (d.full if len(date) == _FULL_DATE_LEN else d.partial).append(date)
            d.full.sort()
            self._dates[actor] = d
        self._ranking = sorted(
            (self._ranked(a, len(ids)) for a, ids in by_actor.items()),
            key=lambda r: (-r.meetings, -r.counterparts, r.name),
        )

    @classmethod
    def from_meetings(cls, meetings: Iterable[MeetingInfo]) -> MeetingNetwork:
        return cls(meetings)

    @classmethod
    def build(cls, store: GraphStore, catalog: Catalog | None = None) -> MeetingNetwork:
        """Project every meeting of the catalog (built from ``store`` when not given)."""
        catalog = catalog if catalog is not None else Catalog.build(store)
        names = {a.id: (a.type, a.name) for a in catalog.actors.values()}
        return cls(catalog.meetings.values(), names, catalog.version)

    # ------------------------------------------------------------------ helpers
    def __contains__(self, actor: object) -> bool:
        return actor in self.graph

    def _ranked(self, actor: str, meetings: int) -> Ranked:
        data = self.graph.nodes[actor]
        return Ranked(actor, data["type"], data["name"], meetings, self.graph.degree(actor))

    def _node(self, actor: str, depth: int = 0, more: int = 0) -> NetNode:
        data = self.graph.nodes[actor]
        return NetNode(actor, data["type"], data["name"], len(data["meetings"]), depth, more)

    def _require(self, actor: str) -> None:
        if actor not in self.graph:
            raise NotFound("actor", actor)

    def _edge_meetings(self, u: str, v: str, flt: _Filter) -> list[MeetingInfo]:
        """The meetings of u and v kept by ``flt``, by date (edge lists are kept sorted)."""
        found = [self.meetings[m] for m in self.graph[u][v]["meetings"]]
        return found if flt == _NO_FILTER else [m for m in found if flt.keeps(m)]

    # ------------------------------------------------------------------ queries
    def met(self, actor: str, *, since: str | None = None, until: str | None = None,
            topic: str | None = None, status: str | None = None
            ) -> list[tuple[str, tuple[str, ...]]]:
        """Counterparts of ``actor`` with the ids of their meetings, most meetings first."""
        self._require(actor)
        flt = _Filter(since, until, topic, status)
        out = []
        for other in self.graph[actor]:
            kept = self._edge_meetings(actor, other, flt)
            if kept:
                out.append((other, tuple(m.id for m in kept)))
        out.sort(key=lambda kv: (-len(kv[1]), self.graph.nodes[kv[0]]["name"]))
        return out

    def ego_subgraph(
        self, center: str, depth: int = 1, limit: int = 50, *, since: str | None = None,
        until: str | None = None, topic: str | None = None, status: str | None = None,
    ) -> Subgraph:
        """Actors within ``depth`` meetings of ``center``, at most ``limit`` nodes.

        Each ring keeps its most frequent counterparts first; ``more`` on a node counts
        neighbours (under the same filters) that did not fit.
        """
        if depth < 0 or limit < 1:
            raise BadInput("depth must be >= 0 and limit >= 1")
        flt = _Filter(since, until, topic, status)
        if center not in self.graph:
            return Subgraph(center, (), (), False)
        adj = self.graph.adj
        unfiltered = flt == _NO_FILTER
        counts: dict[tuple[str, str], int] = {}

        def count(u: str, v: str) -> int:
            """Meetings of u and v under the filters (no sorting: this runs per neighbour)."""
            ids = adj[u][v]["meetings"]
            if unfiltered:
                return len(ids)
            key = (u, v) if u < v else (v, u)
            if key not in counts:
                counts[key] = sum(1 for m in ids if flt.keeps(self.meetings[m]))
            return counts[key]

        included: dict[str, int] = {center: 0}
        frontier = [center]
        truncated = False
        for ring in range(1, depth + 1):
            weight: Counter[str] = Counter()
            for u in frontier:
                for v in adj[u]:
                    if v not in included and (n := count(u, v)):
                        weight[v] += n
            ranked = sorted(weight, key=lambda v: (-weight[v], self.graph.nodes[v]["name"]))
            room = limit - len(included)
            if len(ranked) > room:
                truncated = True
            frontier = ranked[:max(room, 0)]
            included.update((v, ring) for v in frontier)
            if not frontier:
                break
        nodes = []
        for actor, ring in included.items():
            if unfiltered:  # every neighbour counts: degree minus those inside
                inside = sum(1 for v in included if v in adj[actor])
                more = len(adj[actor]) - inside
            else:
                more = sum(1 for v in adj[actor] if v not in included and count(actor, v))
            nodes.append(self._node(actor, ring, more))
        edges = []
        for u in included:
            nbrs = adj[u]
            for v in included:
                if u < v and v in nbrs and count(u, v):
                    meetings = self._edge_meetings(u, v, flt)
                    dated = [m.date for m in meetings if m.date and not m.date.startswith("-")]
                    edges.append(NetEdge(u, v, len(meetings), min(dated, default=None),
                                         max(dated, default=None),
                                         tuple(m.id for m in meetings)))
        edges.sort(key=lambda e: (e.source, e.target))
        return Subgraph(center, tuple(nodes), tuple(edges), truncated)

    def paths(self, a: str, b: str, max_hops: int = 3, limit: int = 5) -> list[Path]:
        """Up to ``limit`` shortest chains of meetings from ``a`` to ``b``, if ``max_hops``
        or fewer meetings apart; each hop names the latest meeting of the two actors."""
        if max_hops < 1:
            raise BadInput("max_hops must be at least 1")
        self._require(a)
        self._require(b)
        if a == b:
            raise BadInput("from and to must be different actors")
        out: list[Path] = []
        try:
            for nodes in nx.all_shortest_paths(self.graph, a, b):
                if len(nodes) - 1 > max_hops or len(out) >= limit:
                    break
                hops = []
                for u, v in itertools.pairwise(nodes):
                    meetings = self._edge_meetings(u, v, _Filter())
                    last = meetings[-1]
                    hops.append(Hop(u, v, last.id, last.date, last.label, len(meetings)))
                out.append(Path(tuple(nodes), tuple(hops)))
        except nx.NetworkXNoPath:
            pass
        return out

    def top(self, since: str | None = None, until: str | None = None,
            type: str | None = None, n: int = 20) -> list[Ranked]:
        """The actors with the most meetings (in ``[since, until]`` when given)."""
        if type is not None and type not in TYPE_BY_KIND.values():
            raise BadInput(f"type: {type!r} is not one of {', '.join(TYPE_BY_KIND.values())}")
        if since is None and until is None:
            ranked = (r for r in self._ranking if type is None or r.type == type)
            return list(itertools.islice(ranked, max(n, 0)))
        _Filter(since, until)
        lo = (since or "0000") + "-01-01"[len(since or "0000") - 4:]
        hi = (until or "9999") + "-12-31"[len(until or "9999") - 4:]
        counted = []
        for r in self._ranking:
            if type is not None and r.type != type:
                continue
            d = self._dates[r.id]
            count = bisect.bisect_right(d.full, hi) - bisect.bisect_left(d.full, lo)
            count += sum(1 for p in d.partial if overlaps(p, since, until))
            if count:
                counted.append(Ranked(r.id, r.type, r.name, count, r.counterparts))
        counted.sort(key=lambda r: (-r.meetings, -r.counterparts, r.name))
        return counted[:max(n, 0)]
