"""Who met whom as a networkx graph, built from the store after load and after ingest.

Nodes are actors (API ids, with ``type`` and ``name``); an edge joins two actors that
took part in the same meeting and carries the ids of all such meetings. Meetings stay
n-ary in the store; the pairs exist only here. What the API asks often (ego networks,
paths, the most active actors) is answered from this projection and from per-actor
date lists computed once, not by whole-graph SPARQL aggregates.

Ego subgraphs are answered from arrays built once at load (:class:`_Index`): meetings
numbered in date order, each actor's (meeting, counterpart) pairs, and each actor's
counterparts ranked by how often they met. A filter becomes one boolean mask over the
meetings; the node budget is applied ring by ring before anything else is built, and an
edge carries its meeting count with only the latest few meeting ids.

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
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

import networkx as nx
import numpy as np
import numpy.typing as npt

from graph.errors import BadInput, NotFound
from graph.iri import kind_of
from graph.model import STATUSES
from graph.queries.catalog import TYPE_BY_KIND, Catalog, MeetingRecord
from graph.queries.common import check_date, overlaps
from graph.store import GraphStore

__all__ = [
    "EDGE_MEETING_IDS",
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
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_NEVER_LO, _NEVER_HI = 99_999_999, -1  # the interval of an undated meeting: never overlaps
#: Meeting ids an ego subgraph's edge carries (the latest ones); ``count`` has them all.
EDGE_MEETING_IDS = 5

_Ints = npt.NDArray[np.int64]
_Bools = npt.NDArray[np.bool_]


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


class NetEdge(NamedTuple):
    """Two actors of a subgraph who met ``count`` times (under the filters), ``first``
    and ``last`` dated; ``meetings`` holds the ids of at most the latest few of them.

    A named tuple, not a dataclass: a hub's subgraph builds over a thousand of them per
    request and a frozen dataclass takes several times longer to construct.
    """

    source: str
    target: str
    count: int  # type: ignore[assignment]  # shadows tuple.count, on purpose
    first: str | None
    last: str | None
    meetings: tuple[str, ...]


@dataclass(frozen=True)
class Subgraph:
    """``truncated``: nodes were left out (see ``more``); ``edges_total``: the edges
    among the nodes before ``max_edges`` capped them."""

    center: str
    nodes: tuple[NetNode, ...]
    edges: tuple[NetEdge, ...]
    truncated: bool
    edges_total: int = 0


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


def _interval(date: str | None) -> tuple[int, int] | None:
    """A date as the days it may stand for, ``YYYYMMDD`` integers; ``None`` when it is
    not a plain ``YYYY[-MM[-DD]]`` date.

    >>> _interval("2025-03"), _interval("2024-06-02"), _interval(None)
    ((20250301, 20250331), (20240602, 20240602), (99999999, -1))
    """
    if not date or date.startswith("-"):
        return _NEVER_LO, _NEVER_HI
    match = _DATE.match(date)
    if match is None:
        return None
    year, month, day = match.groups()
    base = int(year) * 10_000
    if month is None:
        return base + 101, base + 1231
    base += int(month) * 100
    return (base + int(day), base + int(day)) if day else (base + 1, base + 31)


def _bound(value: str, upper: bool) -> int:
    lo, hi = _interval(value) or (_NEVER_LO, _NEVER_HI)
    return hi if upper else lo


def _csr(keys: _Ints, n: int) -> _Ints:
    """Row pointers of ``keys`` sorted ascending over ``0..n-1``."""
    ptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(keys, minlength=n), out=ptr[1:])
    return ptr


def _ranges(starts: _Ints, lens: _Ints) -> _Ints:
    """The positions ``starts[k] .. starts[k] + lens[k] - 1`` for every k, concatenated.

    >>> _ranges(np.array([10, 3]), np.array([2, 3])).tolist()
    [10, 11, 3, 4, 5]
    """
    total = int(lens.sum())
    offsets = np.repeat(np.cumsum(lens) - lens, lens)
    return np.repeat(starts, lens) + np.arange(total, dtype=np.int64) - offsets


class _Index:
    """Arrays for ego subgraphs, built once.

    Meetings are numbered by (date, id), so index order is date order; actors by
    (name, id), so index order breaks ties by name. ``inc_m`` lists, per actor and then
    per counterpart, the meetings they shared in date order: one run per *pair*
    (``pr_*``: actor, counterpart, count, first and last dated meeting; ``pr_start`` its
    run). ``act_pr`` points at each actor's pairs, ``ranked`` orders them by count.
    """

    def __init__(self, meetings: Mapping[str, MeetingInfo], actors: list[str]) -> None:
        self.mids = sorted(meetings, key=lambda k: (meetings[k].date or "", k))
        self.dates = [meetings[k].date for k in self.mids]
        self.aids = actors
        self.aidx = {a: i for i, a in enumerate(actors)}
        n_m, n_a = len(self.mids), len(actors)
        lo, hi = np.full(n_m, _NEVER_LO, np.int64), np.full(n_m, _NEVER_HI, np.int64)
        self.odd: list[int] = []  # dates that are not YYYY[-MM[-DD]]: filtered one by one
        for i, date in enumerate(self.dates):
            span = _interval(date)
            if span is None:
                self.odd.append(i)
            else:
                lo[i], hi[i] = span
        self.lo, self.hi = lo, hi
        dated: _Bools = np.array([d is not None and d[:1] not in ("", "-")
                                  for d in self.dates], dtype=np.bool_)
        self.dated = dated
        self.status = np.array([STATUSES.index(meetings[k].status)
                                if meetings[k].status in STATUSES else -1 for k in self.mids],
                               dtype=np.int8)
        by_topic: dict[str, list[int]] = defaultdict(list)
        inc_a: list[int] = []
        inc_m: list[int] = []
        inc_o: list[int] = []
        am_a: list[int] = []
        am_m: list[int] = []
        for i, k in enumerate(self.mids):
            rec = meetings[k]
            for t in rec.topics:
                by_topic[t].append(i)
            who = sorted({self.aidx[p] for p in rec.participants})
            for a in who:
                am_a.append(a)
                am_m.append(i)
                for o in who:
                    if o != a:
                        inc_a.append(a)
                        inc_m.append(i)
                        inc_o.append(o)
        self.by_topic = {t: np.array(v, dtype=np.int64) for t, v in by_topic.items()}
        am = np.array(am_a, dtype=np.int64)
        self.am: _Ints = np.array(am_m, dtype=np.int64)[np.argsort(am, kind="stable")]
        self.am_ptr = _csr(am, n_a)
        ia, im, io = (np.array(x, dtype=np.int64) for x in (inc_a, inc_m, inc_o))
        order = np.lexsort((im, io, ia))  # by actor, counterpart, date
        ia, io = ia[order], io[order]
        self.inc_m: _Ints = im[order]
        n = len(ia)
        new_pair = np.ones(n, dtype=np.bool_)
        if n:
            new_pair[1:] = (ia[1:] != ia[:-1]) | (io[1:] != io[:-1])
        starts = np.flatnonzero(new_pair)
        self.pr_start: _Ints = np.append(starts, n).astype(np.int64)
        self.pr_a: _Ints = ia[starts]
        self.pr_o: _Ints = io[starts]
        self.pr_c: _Ints = np.diff(self.pr_start)
        if n:
            first = np.minimum.reduceat(np.where(dated[self.inc_m], self.inc_m, n_m), starts)
            last = np.maximum.reduceat(np.where(dated[self.inc_m], self.inc_m, -1), starts)
        else:
            first = last = np.zeros(0, dtype=np.int64)
        self.pr_first: _Ints = first
        self.pr_last: _Ints = last
        self.act_pr = _csr(self.pr_a, n_a)
        #: each actor's pairs, most meetings first, then by counterpart name
        self.ranked: _Ints = np.lexsort((self.pr_o, -self.pr_c, self.pr_a))

    def mask(self, since: str | None, until: str | None, topic: str | None,
             status: str | None, members: _Ints | None) -> _Bools | None:
        """Which meetings pass the filters (``None``: no filter); ``members``: at least
        one of these actors (indices) took part."""
        if since is None and until is None and topic is None and status is None \
                and members is None:
            return None
        keep = np.ones(len(self.mids), dtype=np.bool_)
        if since is not None:
            keep &= self.hi >= _bound(since, upper=False)
        if until is not None:
            keep &= self.lo <= _bound(until, upper=True)
        if (since is not None or until is not None) and self.odd:
            for i in self.odd:
                keep[i] = keep[i] and overlaps(self.dates[i], since, until)
        if status is not None:
            keep &= self.status == STATUSES.index(status)
        if topic is not None:
            keep &= self._rows(self.by_topic.get(topic))
        if members is not None:
            starts = self.am_ptr[members]
            keep &= self._rows(self.am[_ranges(starts, self.am_ptr[members + 1] - starts)])
        return keep

    def _rows(self, ids: _Ints | None) -> _Bools:
        rows = np.zeros(len(self.mids), dtype=np.bool_)
        if ids is not None:
            rows[ids] = True
        return rows

    def counterparts(self, i: int, keep: _Bools | None) -> tuple[_Ints, _Ints, _Ints]:
        """Actor ``i``'s pairs with at least one meeting under ``keep``: (counterparts,
        counts, pair numbers), by counterpart."""
        p, q = int(self.act_pr[i]), int(self.act_pr[i + 1])
        if keep is None:
            return self.pr_o[p:q], self.pr_c[p:q], np.arange(p, q, dtype=np.int64)
        if p == q:
            return self.pr_o[p:q], self.pr_c[p:q], np.arange(p, q, dtype=np.int64)
        s, e = int(self.pr_start[p]), int(self.pr_start[q])
        kept = keep[self.inc_m[s:e]].astype(np.int64)
        counts = np.add.reduceat(kept, self.pr_start[p:q] - s)
        nz = np.flatnonzero(counts)
        return self.pr_o[p:q][nz], counts[nz], nz + p

    def ranked_pairs(self, i: int) -> _Ints:
        """Actor ``i``'s pair numbers, most meetings first (no filter)."""
        return self.ranked[self.act_pr[i]:self.act_pr[i + 1]]

    def pair(self, u: int, v: int, keep: _Bools | None) -> _Ints:
        """The meetings (indices, in date order) of actors ``u`` and ``v`` under ``keep``."""
        p, q = int(self.act_pr[u]), int(self.act_pr[u + 1])
        k = p + int(np.searchsorted(self.pr_o[p:q], v))
        if k == q or self.pr_o[k] != v:
            return np.zeros(0, dtype=np.int64)
        ms = self.inc_m[self.pr_start[k]:self.pr_start[k + 1]]
        return ms if keep is None else ms[keep[ms]]

    def edges(self, pairs: _Ints, counts: _Ints, keep: _Bools | None, ids: int
              ) -> list[NetEdge]:
        """The edge of each pair (``counts``: its meetings under ``keep``) with its first
        and last dates and its latest ``ids`` meeting ids."""
        if not len(pairs):
            return []
        n_m = len(self.mids)
        if keep is None:
            first, last = self.pr_first[pairs], self.pr_last[pairs]
            take = np.minimum(counts, ids)
            latest = self.inc_m[_ranges(self.pr_start[pairs + 1] - take, take)].tolist()
            hi_k = np.cumsum(take)
            lo_k = hi_k - take
        else:
            lens = self.pr_c[pairs]
            ms = self.inc_m[_ranges(self.pr_start[pairs], lens)]
            kept = keep[ms]
            good = kept & self.dated[ms]
            starts = np.cumsum(lens) - lens
            first = np.minimum.reduceat(np.where(good, ms, n_m), starts)
            last = np.maximum.reduceat(np.where(good, ms, -1), starts)
            pos = np.flatnonzero(kept)
            latest = ms[pos].tolist()
            hi_k = np.searchsorted(pos, starts + lens)
            lo_k = np.maximum(hi_k - ids, np.searchsorted(pos, starts))
        dates, mids, aids = self.dates, self.mids, self.aids
        return [NetEdge(*((aids[a], aids[o]) if aids[a] < aids[o] else (aids[o], aids[a])), c,
                        dates[f] if f < n_m else None, dates[la] if la >= 0 else None,
                        tuple([mids[k] for k in latest[lo:hi]]))
                for a, o, c, f, la, lo, hi in zip(
                    self.pr_a[pairs].tolist(), self.pr_o[pairs].tolist(), counts.tolist(),
                    first.tolist(), last.tolist(), lo_k.tolist(), hi_k.tolist(), strict=True)]


def _top(cands: _Ints, weights: _Ints, room: int) -> _Ints:
    """The ``room`` candidates with most weight (ties: lower index, i.e. name, first),
    ordered; only those are sorted."""
    key = -weights * (int(cands.max(initial=0)) + 1) + cands
    if room < len(key):
        part = np.argpartition(key, room)[:room] if room > 0 else np.zeros(0, dtype=np.int64)
        return cands[part[np.argsort(key[part])]]
    return cands[np.argsort(key)]



class MeetingNetwork:
    """The co-participation graph; build with :meth:`build` (store) or :meth:`from_meetings`."""

    def __init__(self, meetings: Iterable[MeetingInfo],
                 names: Mapping[str, tuple[str, str]] | None = None, version: int = -1,
                 represents: Mapping[str, Iterable[str]] | None = None) -> None:
        """``names``: actor -> (type, name); ``represents``: actor -> what it represents
        (a person's country...), for the ``country`` filter of :meth:`ego_subgraph`."""
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
        members: dict[str, set[str]] = defaultdict(set)
        for actor, targets in (represents or {}).items():
            for target in targets:
                members[target].add(actor)
        self._members = {k: frozenset(v) for k, v in members.items()}
        self._member_rows: dict[str, _Ints] = {}
        nodes = self.graph.nodes
        self._index = _Index(self.meetings, sorted(by_actor, key=lambda a: (nodes[a]["name"], a)))

    @classmethod
    def from_meetings(cls, meetings: Iterable[MeetingInfo],
                      represents: Mapping[str, Iterable[str]] | None = None) -> MeetingNetwork:
        return cls(meetings, represents=represents)

    @classmethod
    def build(cls, store: GraphStore, catalog: Catalog | None = None) -> MeetingNetwork:
        """Project every meeting of the catalog (built from ``store`` when not given)."""
        catalog = catalog if catalog is not None else Catalog.build(store)
        names = {a.id: (a.type, a.name) for a in catalog.actors.values()}
        return cls(catalog.meetings.values(), names, catalog.version, catalog.represents)

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

    def _mask(self, since: str | None, until: str | None, topic: str | None,
              status: str | None, country: str | None) -> _Bools | None:
        _Filter(since, until, topic, status)  # validates
        members = None
        if country is not None:
            members = self._member_rows.get(country)
            if members is None:  # a country's people as actor indices, kept for next time
                who = {country} | self._members.get(country, set())
                members = np.array(sorted(self._index.aidx[a] for a in who
                                          if a in self._index.aidx), dtype=np.int64)
                self._member_rows[country] = members
        return self._index.mask(since, until, topic, status, members)

    def ego_subgraph(
        self, center: str, depth: int = 1, limit: int = 50, *, since: str | None = None,
        until: str | None = None, topic: str | None = None, status: str | None = None,
        country: str | None = None, ids: int = EDGE_MEETING_IDS, max_edges: int | None = None,
    ) -> Subgraph:
        """Actors within ``depth`` meetings of ``center``, at most ``limit`` nodes.

        Each ring keeps its most frequent counterparts first; ``more`` on a node counts
        neighbours (under the same filters) that did not fit. ``country`` keeps the
        meetings that the country or someone representing it attended. Each edge carries
        its meeting count and the ids of its latest ``ids`` meetings. With ``max_edges``,
        the centre's edges come first, then each outer node's busiest edge inwards, then
        the others with most meetings.
        """
        if depth < 0 or limit < 1 or ids < 0 or (max_edges is not None and max_edges < 0):
            raise BadInput("depth, ids and max_edges must be >= 0 and limit >= 1")
        keep = self._mask(since, until, topic, status, country)
        ix = self._index
        if center not in ix.aidx:
            return Subgraph(center, (), (), False)
        cache: dict[int, tuple[_Ints, _Ints, _Ints]] = {}

        def counterparts(i: int) -> tuple[_Ints, _Ints, _Ints]:
            if i not in cache:
                cache[i] = ix.counterparts(i, keep)
            return cache[i]

        c = ix.aidx[center]
        ring_of = {c: 0}
        inside = np.zeros(len(ix.aids), dtype=np.bool_)
        inside[c] = True
        frontier = [c]
        truncated = False
        for ring in range(1, depth + 1):
            room = max(limit - len(ring_of), 0)
            if keep is None and frontier == [c]:  # ranked at load: the budget is a slice
                ranked = ix.pr_o[ix.ranked_pairs(c)]
                truncated = truncated or len(ranked) > room
                chosen = ranked[:room]
            else:
                found = [counterparts(u) for u in frontier]
                if len(found) == 1:
                    cands, weights, _ = found[0]
                    fresh = ~inside[cands]
                    cands, weights = cands[fresh], weights[fresh]
                else:
                    total = np.bincount(np.concatenate([o for o, _, _ in found]),
                                        weights=np.concatenate([w for _, w, _ in found]),
                                        minlength=len(ix.aids)).astype(np.int64)
                    total[inside] = 0
                    cands = np.flatnonzero(total)
                    weights = total[cands]
                truncated = truncated or len(cands) > room
                chosen = _top(cands, weights, room)
            frontier = chosen.tolist()
            for v in frontier:
                ring_of[v] = ring
            inside[chosen] = True
            if not frontier:
                break
        nodes = []
        pairs, counts = [], []
        for i, ring in ring_of.items():
            others, n, nums = counterparts(i)
            within = inside[others]
            nodes.append(self._node(ix.aids[i], ring, len(others) - int(np.count_nonzero(within))))
            sel = within & (others > i)  # each pair once
            pairs.append(nums[sel])
            counts.append(n[sel])
        chosen, weights = np.concatenate(pairs), np.concatenate(counts)
        n_edges = len(chosen)
        if max_edges is not None and n_edges > max_edges:  # before any edge is built
            best = np.lexsort((chosen, -weights, self._tiers(chosen, weights, ring_of)))
            chosen, weights = chosen[best[:max_edges]], weights[best[:max_edges]]
        edges = ix.edges(chosen, weights, keep, ids)
        edges.sort()  # by source, then target (the pair is unique)
        return Subgraph(center, tuple(nodes), tuple(edges), truncated, n_edges)

    def _tiers(self, pairs: _Ints, weights: _Ints, ring_of: dict[int, int]) -> _Ints:
        """Which edges an edge budget keeps first: 0 the centre's, 1 each outer node's
        busiest edge to the ring inside it (so every node stays attached), 2 the rest."""
        ix = self._index
        ring = np.full(len(ix.aids), -1, dtype=np.int64)
        ring[list(ring_of)] = list(ring_of.values())
        ra, ro = ring[ix.pr_a[pairs]], ring[ix.pr_o[pairs]]
        tiers = np.where(np.minimum(ra, ro) == 0, 0, 2)
        inward = np.flatnonzero((np.abs(ra - ro) == 1) & (np.minimum(ra, ro) > 0))
        if len(inward):
            outer = np.where(ra[inward] > ro[inward], ix.pr_a[pairs[inward]],
                             ix.pr_o[pairs[inward]])
            order = np.lexsort((pairs[inward], -weights[inward], outer))
            first = np.ones(len(order), dtype=np.bool_)
            first[1:] = outer[order][1:] != outer[order][:-1]
            tiers[inward[order[first]]] = 1
        return tiers

    def pair_meetings(self, a: str, b: str, *, since: str | None = None,
                      until: str | None = None, topic: str | None = None,
                      status: str | None = None, country: str | None = None) -> list[str]:
        """Ids of the meetings ``a`` and ``b`` both took part in, oldest first, under the
        filters of :meth:`ego_subgraph` (the meetings behind one of its edges)."""
        self._require(a)
        self._require(b)
        keep = self._mask(since, until, topic, status, country)
        ix = self._index
        return [ix.mids[k] for k in ix.pair(ix.aidx[a], ix.aidx[b], keep).tolist()]

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
