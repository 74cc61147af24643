"""The catalog: every actor, place, topic and meeting, built once after load/ingest.

Name search runs over an in-Python alias index rather than regex SPARQL: a
case- and accent-insensitive substring test over pre-normalised names answers in a few
milliseconds for a hundred thousand actors, where ``FILTER(REGEX(...))`` scans every
literal of the store.

The meeting table (one :class:`MeetingRecord` per meeting, indexed by participant,
place and topic) answers list filters and summaries in Python. It is read with one
query per kind of fact, joined in Python. Nodes are described once, in the nodes graph
(:func:`graph.iri.nodes_graph_iri`), but a meeting reported by several articles is
stated in each of their graphs, and graphs written before the nodes graph existed
(imported files) describe every node again in each article graph, where a pattern
joining two facts of one node yields (graphs x graphs) rows (40 s to 2 min for a hub
actor at 1.1M quads); read this way, either shape takes a few seconds in all.

>>> from graph.store import GraphStore
>>> store = GraphStore()
>>> store.import_data('''
... @prefix schema: <https://schema.org/> .
... <https://w3id.org/dipgraph/id/person/sergey-lavrov> a schema:Person ;
...     schema:name "Sergey Lavrov" ; schema:alternateName "Sergei Lavrov" .
... ''', "ttl")
3
>>> cat = Catalog.build(store)
>>> [a.id for a in cat.search("sergéi")[1]]
['person/sergey-lavrov']
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections import Counter, OrderedDict, defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, TypeVar, cast

from pyoxigraph import BlankNode, NamedNode, Triple

from graph.errors import BadInput, NotFound
from graph.iri import kind_of, resolved_graph_iri
from graph.namespace import DG, RDF, SCHEMA, SEM
from graph.queries.common import ActorRef, TopicRef, lid, mode_of, resolve_status, status_of
from graph.store import GraphStore, term_value

__all__ = ["ACTOR_TYPES", "TYPE_BY_KIND", "ActorRecord", "Catalog", "LRU", "MeetingRecord",
           "TopicRecord", "normalize"]

_V = TypeVar("_V")

#: API type names of the nodes the catalog knows, by ``schema:`` class.
ACTOR_TYPES: Mapping[str, str] = {
    "https://schema.org/Person": "Person",
    "https://schema.org/Country": "Country",
    "https://schema.org/Organization": "Organization",
    "https://schema.org/Place": "Place",
}
#: API type name by the kind part of an id (``person/...``).
TYPE_BY_KIND: Mapping[str, str] = {
    "person": "Person", "country": "Country", "org": "Organization", "place": "Place"}

# Each query reads one kind of fact; they are joined in Python (see the module docstring:
# facts repeated in several graphs never multiply rows).
_TYPES = """
SELECT DISTINCT ?e ?type WHERE {
  VALUES ?type { schema:Person schema:Country schema:Organization schema:Place }
  ?e a ?type .
}
"""
#: ``?n``: how many graphs give the entity that name: 1 in the nodes graph, which names
#: each node once (the name most articles use); per article in graphs of the older shape
_NAMES = "SELECT ?e ?name (COUNT(*) AS ?n) WHERE { ?e schema:name ?name } GROUP BY ?e ?name"
_ALIASES = "SELECT DISTINCT ?e ?alias WHERE { ?e schema:alternateName ?alias }"
_COUNTRIES = """
SELECT DISTINCT ?e ?country WHERE {
  ?e schema:nationality|dg:country|schema:containedInPlace ?country .
}
"""
_CONTAINED = "SELECT DISTINCT ?e ?place WHERE { ?e schema:containedInPlace ?place }"
_MEETING_COUNTS = """
SELECT ?a (COUNT(DISTINCT ?m) AS ?n) WHERE {
  { ?m sem:hasActor ?a } UNION { ?m schema:location ?a }
} GROUP BY ?a
"""
_TOPICS = "SELECT DISTINCT ?t WHERE { ?t a skos:Concept }"
#: meeting fact -> predicate; read by pattern, not by query (see :func:`_meeting_table`)
_MEETING_FACTS: Mapping[str, NamedNode] = {
    "participants": SEM.hasActor, "date": SCHEMA.startDate, "status": SCHEMA.eventStatus,
    "mode": SCHEMA.eventAttendanceMode, "place": SCHEMA.location, "topics": SCHEMA.about,
    "label": SCHEMA.name, "kind": DG.cameoCode, "confidence": DG.confidence,
}
_TOPIC_LABELS = "SELECT DISTINCT ?t ?label WHERE { ?t skos:prefLabel ?label }"
_TOPIC_COUNTS = "SELECT ?t (COUNT(DISTINCT ?m) AS ?n) WHERE { ?m schema:about ?t } GROUP BY ?t"
#: the steps of :data:`graph.queries.meetings.REPRESENTS`, each DISTINCT on its own
_REPRESENTS_DIRECT = "SELECT DISTINCT ?a ?what WHERE { ?a schema:nationality|dg:country ?what }"
_HOLDS = "SELECT DISTINCT ?a ?post WHERE { ?a org:holds ?post }"
_POST_IN = "SELECT DISTINCT ?post ?what WHERE { ?post org:postIn ?what }"


def normalize(text: str) -> str:
    """Lower-case, accent-free, punctuation-light form used for matching.

    >>> normalize("  Türkiye's  U.S.-Envoy ")
    'turkiyes us envoy'
    """
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    plain = re.sub(r"[.'’]", "", plain)
    return re.sub(r"[\W_]+", " ", plain).strip()


class LRU:
    """A small thread-safe least-recently-used cache.

    >>> cache = LRU(2)
    >>> cache.get_or("a", lambda: 1), cache.get_or("a", lambda: 2), len(cache)
    (1, 1, 1)
    >>> _ = cache.get_or("b", lambda: 3), cache.get_or("c", lambda: 4)
    >>> cache.get_or("a", lambda: 5)
    5
    """

    def __init__(self, size: int = 256) -> None:
        self.size = size
        self._data: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._data)

    def get(self, key: Hashable) -> Any:
        """The value cached under ``key`` (now the most recently used), or ``None``."""
        with self._lock:
            if key in self._data:
                self._data.move_to_end(key)
                return self._data[key]
        return None

    def put(self, key: Hashable, value: Any) -> None:
        with self._lock:
            self._data[key] = value
            self._data.move_to_end(key)
            while len(self._data) > self.size:
                self._data.popitem(last=False)

    def get_or(self, key: Hashable, compute: Callable[[], _V]) -> _V:
        """The value cached under ``key``, or ``compute()`` cached there now."""
        found = self.get(key)
        if found is None:
            found = compute()
            self.put(key, found)
        return found


@dataclass(frozen=True)
class ActorRecord:
    """An actor or place: ``meetings`` counts the meetings it took part in (or hosted)."""

    id: str
    type: str
    name: str
    aliases: tuple[str, ...] = ()
    country: str | None = None
    meetings: int = 0

    @cached_property
    def ref(self) -> ActorRef:
        return ActorRef(self.id, self.type, self.name)


@dataclass(frozen=True)
class TopicRecord:
    id: str
    label: str
    meetings: int = 0

    @cached_property
    def ref(self) -> TopicRef:
        return TopicRef(self.id, self.label)


@dataclass(frozen=True)
class MeetingRecord:
    """What the table keeps of a meeting; several reports are merged (earliest date,
    status by :func:`~graph.queries.common.resolve_status`, highest confidence)."""

    id: str
    participants: tuple[str, ...]
    date: str | None = None
    status: str = "held"
    topics: frozenset[str] = frozenset()
    label: str | None = None
    place: str | None = None
    mode: str | None = None
    kind: str | None = None
    confidence: float | None = None


@dataclass
class Catalog:
    """Actors, places, topics and meetings by API id, with a name index for search."""

    actors: dict[str, ActorRecord] = field(default_factory=dict)
    topics: dict[str, TopicRecord] = field(default_factory=dict)
    meetings: dict[str, MeetingRecord] = field(default_factory=dict)
    version: int = -1
    #: actor -> what it represents (its country, the bodies of its posts), itself excluded
    represents: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)
    _keys: list[tuple[str, ActorRecord]] = field(default_factory=list, repr=False)
    _topic_keys: list[tuple[str, TopicRecord]] = field(default_factory=list, repr=False)
    _members: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)
    #: place -> the places directly inside it (``schema:containedInPlace`` reversed)
    contains: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)
    #: meeting ids by participant, place and topic, each list oldest first (:attr:`rank`)
    by_actor: dict[str, list[str]] = field(default_factory=dict, repr=False)
    by_place: dict[str, list[str]] = field(default_factory=dict, repr=False)
    by_topic: dict[str, list[str]] = field(default_factory=dict, repr=False)
    #: every meeting id oldest first (by date as written, then id) ...
    ordered: tuple[str, ...] = field(default=(), repr=False)
    #: ... and each meeting's position in that order
    rank: dict[str, int] = field(default_factory=dict, repr=False)
    #: answers derived from this catalog, filled on first use (:meth:`memo`, :attr:`lru`)
    _memos: dict[str, dict[Hashable, Any]] = field(default_factory=dict, repr=False)
    lru: LRU = field(default_factory=lambda: LRU(512), repr=False, compare=False)

    @classmethod
    def build(cls, store: GraphStore) -> Catalog:
        """Read every named node of the store (a few aggregate queries)."""
        version = store.version
        types: dict[str, str] = {}
        for row in store.select(_TYPES):
            types.setdefault(lid(row["e"]), ACTOR_TYPES[row["type"].value])
        names: dict[str, Counter[str]] = defaultdict(Counter)
        for row in store.select(_NAMES):
            ident = lid(row["e"])
            if ident in types:
                names[ident][row["name"].value] += int(term_value(row["n"]))
        aliases: dict[str, set[str]] = defaultdict(set)
        for row in store.select(_ALIASES):
            aliases[lid(row["e"])].add(row["alias"].value)
        countries: dict[str, str] = {}
        for row in store.select(_COUNTRIES):
            country = lid(row["country"])
            if types.get(country) == "Country":
                countries.setdefault(lid(row["e"]), country)
        counts = {lid(r["a"]): int(term_value(r["n"])) for r in store.select(_MEETING_COUNTS)}
        actors = {}
        for ident, counter in names.items():
            name = max(counter.items(), key=lambda kv: (kv[1], len(kv[0]), kv[0]))[0]
            others = (set(counter) | aliases.get(ident, set())) - {name}
            home = countries.get(ident)
            actors[ident] = ActorRecord(
                id=ident, type=types[ident], name=name, aliases=tuple(sorted(others)),
                country=home if home != ident else None, meetings=counts.get(ident, 0),
            )
        labels: dict[str, str] = {}
        for row in store.select(_TOPIC_LABELS):
            ident, label = lid(row["t"]), row["label"].value
            labels[ident] = min(labels.get(ident, label), label)
        topic_counts = {lid(r["t"]): int(term_value(r["n"])) for r in store.select(_TOPIC_COUNTS)}
        topics = {}
        for row in store.select(_TOPICS):
            ident = lid(row["t"])
            topics[ident] = TopicRecord(ident, labels.get(ident, ident.split("/", 1)[-1]),
                                        topic_counts.get(ident, 0))
        contains: dict[str, set[str]] = defaultdict(set)
        for row in store.select(_CONTAINED):
            contains[lid(row["place"])].add(lid(row["e"]))
        return cls(actors=actors, topics=topics, meetings=_meeting_table(store),
                   represents=_represents(store),
                   contains={k: frozenset(v) for k, v in contains.items()}, version=version)

    def __post_init__(self) -> None:
        self._keys = [
            ("\x00".join(normalize(n) for n in (a.name, *a.aliases)), a)
            for a in self.actors.values()
        ]
        self._topic_keys = [(normalize(t.label), t) for t in self.topics.values()]
        self.ordered = tuple(sorted(self.meetings, key=lambda i: (self.meetings[i].date or "", i)))
        self.rank = {ident: n for n, ident in enumerate(self.ordered)}
        by_actor, by_place, by_topic = defaultdict(list), defaultdict(list), defaultdict(list)
        for m in map(self.meetings.__getitem__, self.ordered):
            for actor in m.participants:
                by_actor[actor].append(m.id)
            if m.place:
                by_place[m.place].append(m.id)
            for topic in m.topics:
                by_topic[topic].append(m.id)
        self.by_actor, self.by_place, self.by_topic = dict(by_actor), dict(by_place), dict(by_topic)
        members: dict[str, set[str]] = defaultdict(set)
        for actor, targets in self.represents.items():
            for target in targets:
                members[target].add(actor)
        self._members = {k: frozenset(v) for k, v in members.items()}

    def memo(self, name: str) -> dict[Hashable, Any]:
        """A dict for answers derived from this catalog (``name`` separates kinds); it
        lives as long as the catalog, which is replaced, never changed, after a write."""
        found = self._memos.get(name)
        if found is None:
            found = self._memos.setdefault(name, {})
        return found

    def remember(self, name: str, key: Hashable, compute: Callable[[], _V]) -> _V:
        """``compute()`` the first time ``key`` is asked for under ``name``, then the
        answer kept in :meth:`memo`."""
        memo = self.memo(name)
        found = memo.get(key)
        if found is None:
            found = memo[key] = compute()
        return cast(_V, found)

    def within(self, place: str) -> frozenset[str]:
        """``place`` and every place inside it, transitively (``containedInPlace*``)."""

        def closure() -> frozenset[str]:
            seen, todo = {place}, [place]
            while todo:
                for child in self.contains.get(todo.pop(), ()):
                    if child not in seen:
                        seen.add(child)
                        todo.append(child)
            return frozenset(seen)

        return self.remember("within", place, closure)

    def side(self, actor: str) -> frozenset[str]:
        """The actor and who represents it (its people, bodies, posts' holders)."""
        return self._members.get(actor, frozenset()) | {actor}

    def merged(self, index: Mapping[str, list[str]], keys: Iterable[str]) -> tuple[str, ...]:
        """The meetings ``index`` lists under any of ``keys``, once each, oldest first."""
        lists = [index[k] for k in keys if k in index]
        if len(lists) == 1:
            return tuple(lists[0])
        return tuple(sorted({m for ids in lists for m in ids}, key=self.rank.__getitem__))

    def actor_meetings(self, actor: str) -> tuple[str, ...]:
        """Meetings of the actor's :meth:`side`, oldest first (kept after first use)."""
        return self.remember("actor", actor, lambda: self.merged(self.by_actor, self.side(actor)))

    def place_meetings(self, place: str) -> tuple[str, ...]:
        """Meetings at ``place`` or a place inside it, oldest first (kept after first use)."""
        return self.remember("place", place, lambda: self.merged(self.by_place, self.within(place)))

    def current(self, store: GraphStore) -> bool:
        """Whether the catalog was built from the store as it is now."""
        return self.version == store.version

    def members_of(self, ident: str) -> frozenset[str]:
        """Who represents ``ident`` directly (its people and bodies, its posts' holders)."""
        return self._members.get(ident, frozenset())

    # ------------------------------------------------------------------ lookups
    def actor(self, ident: str) -> ActorRecord:
        """The actor (or place) with this id, or :class:`~graph.errors.NotFound`."""
        try:
            return self.actors[ident]
        except KeyError:
            raise NotFound("actor", ident) from None

    def topic(self, ident: str) -> TopicRecord:
        try:
            return self.topics[ident]
        except KeyError:
            raise NotFound("topic", ident) from None

    def ref(self, ident: str) -> ActorRef:
        """A reference for any node id, named from the catalog when known."""
        rec = self.actors.get(ident)
        if rec is not None:
            return rec.ref
        kind = kind_of(ident)
        return ActorRef(ident, TYPE_BY_KIND.get(kind, kind.capitalize()), ident)

    def topic_ref(self, ident: str) -> TopicRef:
        rec = self.topics.get(ident)
        return rec.ref if rec else TopicRef(ident, ident.split("/", 1)[-1])

    def by_name(self, name: str, types: tuple[str, ...] | None = None) -> str | None:
        """The id of the actor whose name or an alias is exactly ``name`` (normalised);
        the one with most meetings when several share it; ``None`` if there is none."""
        needle = normalize(name)
        hits = [a for key, a in self._keys if needle and needle in key.split("\x00")
                and (types is None or a.type in types)]
        if not hits:
            return None
        return min(hits, key=lambda a: (-a.meetings, a.id)).id

    # ------------------------------------------------------------------ search
    def search(
        self, q: str = "", type: str | None = None, limit: int = 20, offset: int = 0
    ) -> tuple[int, list[ActorRecord]]:
        """Actors whose name or an alias contains ``q`` (case/accent-insensitive).

        Exact name matches come first, then prefixes, then word starts, then any
        substring; ties go to the actor with more meetings. Returns (total, page).
        """
        if type is not None and type not in TYPE_BY_KIND.values():
            raise BadInput(f"type: {type!r} is not one of {', '.join(TYPE_BY_KIND.values())}")
        needle = normalize(q)
        hits = [(self._rank(key, needle), a) for key, a in self._keys
                if (type is None or a.type == type) and needle in key]
        hits.sort(key=lambda h: (h[0], -h[1].meetings, h[1].name, h[1].id))
        return len(hits), [a for _, a in hits[offset: offset + limit]]

    @staticmethod
    def _rank(key: str, needle: str) -> int:
        if not needle:
            return 3
        names = key.split("\x00")
        if needle in names:
            return 0
        if any(n.startswith(needle) for n in names):
            return 1
        if any(f" {needle}" in f" {n}" for n in names):
            return 2
        return 3

    def search_topics(self, q: str = "", limit: int = 20, offset: int = 0
                      ) -> tuple[int, list[TopicRecord]]:
        """Topics whose label contains ``q``; most discussed first."""
        needle = normalize(q)
        hits = [t for key, t in self._topic_keys if needle in key]
        hits.sort(key=lambda t: (not normalize(t.label).startswith(needle), -t.meetings, t.label))
        return len(hits), hits[offset: offset + limit]


def _consolidated(store: GraphStore) -> dict[str, tuple[str, str | None]]:
    """Meeting id -> (status IRI, agreed date or ``None``) from the resolved graph
    (:func:`graph.iri.resolved_graph_iri`): the union of article graphs holds every
    report's status ("planned" and "held"), the resolved graph the latest report's."""
    out: dict[str, tuple[str, str | None]] = {}
    dates: dict[str, str] = {}
    for q in store.quads(resolved_graph_iri()):
        if not isinstance(q.subject, NamedNode):
            continue
        if q.predicate == SCHEMA.eventStatus and isinstance(q.object, NamedNode):
            out[lid(q.subject)] = (q.object.value, None)
        elif q.predicate == SCHEMA.startDate:
            dates[lid(q.subject)] = str(term_value(q.object))
    return {m: (status, dates.get(m)) for m, (status, _) in out.items()}


def _meeting_table(store: GraphStore) -> dict[str, MeetingRecord]:
    """One record per meeting, from one pattern scan per kind of fact (vocabulary terms
    such as statuses stay full IRIs, our nodes become API ids). Facts repeated in several
    article graphs count once, as with ``SELECT DISTINCT``."""
    ids: dict[str, str] = {}  # N-Triples form of a meeting node -> API id
    for q in store.pattern(predicate=RDF.type, object=DG.Meeting):
        if isinstance(q.subject, (NamedNode, BlankNode)):
            ids[str(q.subject)] = lid(q.subject)
    facts: dict[str, dict[str, list[Any]]] = {m: defaultdict(list) for m in ids.values()}
    values: dict[str, Any] = {}  # N-Triples form of an object -> its value
    for name, predicate in _MEETING_FACTS.items():
        seen: set[tuple[str, str]] = set()
        for q in store.pattern(predicate=predicate):
            subject, term = str(q.subject), q.object
            if subject not in ids or isinstance(term, Triple):
                continue
            key = str(term)
            if (subject, key) in seen:
                continue
            seen.add((subject, key))
            value = values.get(key)
            if value is None:
                value = lid(term) if isinstance(term, NamedNode) else term_value(term)
                values[key] = value
            facts[ids[subject]][name].append(value)
    consolidated = _consolidated(store)
    table = {}
    for ident, f in facts.items():
        dates = sorted(f["date"], key=lambda d: (str(d).startswith("-"), str(d)))
        if ident in consolidated:
            f["status"] = [consolidated[ident][0]]
            if consolidated[ident][1] is not None:
                dates = [consolidated[ident][1]]
        confidences = [c for c in f["confidence"] if isinstance(c, (int, float))]
        table[ident] = MeetingRecord(
            id=ident,
            participants=tuple(sorted(set(f["participants"]))),
            date=str(dates[0]) if dates else None,
            status=resolve_status(status_of(str(v)) for v in f["status"]),
            topics=frozenset(f["topics"]),
            label=min(map(str, f["label"])) if f["label"] else None,
            place=min(f["place"]) if f["place"] else None,
            mode=min(filter(None, (mode_of(str(v)) for v in f["mode"])), default=None),
            kind=min(map(str, f["kind"])) if f["kind"] else None,
            confidence=max(confidences) if confidences else None,
        )
    return table


def _represents(store: GraphStore) -> dict[str, frozenset[str]]:
    """What each actor represents, read in steps (see :data:`_REPRESENTS_DIRECT`)."""
    found: dict[str, set[str]] = defaultdict(set)
    for row in store.select(_REPRESENTS_DIRECT):
        found[lid(row["a"])].add(lid(row["what"]))
    scopes: dict[str, set[str]] = defaultdict(set)
    for row in store.select(_POST_IN):
        scopes[lid(row["post"])].add(lid(row["what"]))
    for row in store.select(_HOLDS):
        found[lid(row["a"])].update(scopes.get(lid(row["post"]), ()))
    return {k: frozenset(v - {k}) for k, v in found.items() if v - {k}}
