"""Named queries about meetings: filtered lists, detail, meetings between two actors.

An *actor* filter matches a meeting the actor took part in; for a country it also
matches meetings its people (``schema:nationality``) or bodies (``dg:country``)
attended, and for an organization meetings attended by holders of its posts
(:data:`REPRESENTS`). A *place* filter matches the place and anything contained in it
(``place=country/TR`` matches a meeting in Istanbul).

Graph closures (who represents an actor, which places lie within a place) are bound
SPARQL queries; the meetings they lead to come from the catalog's meeting table, where
dates, statuses and modes are filtered in Python (see :mod:`graph.queries.catalog`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pyoxigraph import NamedNode

from graph.errors import BadInput, NotFound
from graph.model import MODES, STATUSES
from graph.queries.catalog import Catalog, MeetingRecord
from graph.queries.common import (
    ActorRef,
    ArticleRef,
    TopicRef,
    check_date,
    lid,
    node,
    overlaps,
    status_of,
)
from graph.store import GraphStore, term_value

__all__ = [
    "REPRESENTS",
    "EvidenceItem",
    "MeetingDetail",
    "MeetingFilters",
    "MeetingPage",
    "MeetingSummary",
    "Report",
    "article_ref",
    "list_meetings",
    "meeting_detail",
    "meetings_between",
    "members",
    "represented",
    "select_meetings",
    "summarize",
]

#: Property path from a participant to what it represents (zero steps: itself).
REPRESENTS = "(schema:nationality|dg:country|org:holds/org:postIn)?"

# REPRESENTS in steps, DISTINCT after each: in graphs where every article graph repeats
# org:holds and org:postIn (the shape before the nodes graph), the whole path in one
# pattern joins their copies (graphs x graphs rows: over a minute for a hub person at
# 100k meetings)
_DIRECT_MEMBERS = (
    "SELECT DISTINCT ?self ?actor WHERE { ?self schema:nationality|dg:country ?actor }")
_POSTS_IN = "SELECT DISTINCT ?post ?actor WHERE { ?post org:postIn ?actor }"
_HOLDERS = "SELECT DISTINCT ?self ?post WHERE { ?self org:holds ?post }"
_DIRECT_REPRESENTED = (
    "SELECT DISTINCT ?what ?actor WHERE { ?actor schema:nationality|dg:country ?what }")
_HELD = "SELECT DISTINCT ?post ?actor WHERE { ?actor org:holds ?post }"
_POST_SCOPES = "SELECT DISTINCT ?what ?post WHERE { ?post org:postIn ?what }"
_PLACES_WITHIN = ("SELECT DISTINCT ?at ?place WHERE { ?at schema:containedInPlace* ?place }")
_EVIDENCE = """
SELECT DISTINCT ?ev ?text ?start ?end ?article ?m WHERE {
  ?m dg:evidence ?ev .
  OPTIONAL { ?ev dg:text ?text }
  OPTIONAL { ?ev dg:startOffset ?start }
  OPTIONAL { ?ev dg:endOffset ?end }
  OPTIONAL { ?ev prov:wasDerivedFrom ?article }
}
"""
_REPORTS = """
SELECT DISTINCT ?article ?status ?m WHERE {
  GRAPH ?article { ?m a dg:Meeting . OPTIONAL { ?m schema:eventStatus ?status } }
}
"""
_SOURCES = "SELECT DISTINCT ?article ?m WHERE { ?m prov:wasDerivedFrom ?article }"
_EXCLUDED = "SELECT DISTINCT ?topic ?m WHERE { ?m dg:excludedTopic ?topic }"
#: Article metadata; ``?a`` bound.
ARTICLE = """
SELECT ?a ?title ?url ?pub ?doc ?src WHERE {
  OPTIONAL { ?a schema:headline ?title }
  OPTIONAL { ?a schema:url ?url }
  OPTIONAL { ?a schema:datePublished ?pub }
  OPTIONAL { ?a schema:identifier ?doc }
  OPTIONAL { ?a dg:source ?src }
} LIMIT 1
"""
_SORTS = ("date", "-date")
#: longest answer :func:`select_meetings` keeps in the catalog's cache
_CACHED_ROWS = 30_000


@dataclass(frozen=True)
class MeetingFilters:
    """Filters of a meeting list; ids are API ids, dates ``YYYY[-MM[-DD]]``."""

    actor: str | None = None
    other: str | None = None  # with ``actor``: meetings between the two
    country: str | None = None
    place: str | None = None
    topic: str | None = None
    since: str | None = None
    until: str | None = None
    status: str | None = None
    mode: str | None = None

    def check(self) -> None:
        """Raise :class:`~graph.errors.BadInput` for malformed values."""
        for name in ("since", "until"):
            value = getattr(self, name)
            if value is not None:
                check_date(value, name)
        if self.since and self.until and self.since[:10] > self.until[:10]:
            raise BadInput(f"since ({self.since}) is after until ({self.until})")
        if self.status is not None and self.status not in STATUSES:
            raise BadInput(f"status: {self.status!r} is not one of {', '.join(STATUSES)}")
        if self.mode is not None and self.mode not in MODES:
            raise BadInput(f"mode: {self.mode!r} is not one of {', '.join(MODES)}")
        if self.other is not None and self.actor is None:
            raise BadInput("other: needs an actor")
        for name in ("actor", "other", "country", "place", "topic"):
            value = getattr(self, name)
            if value is not None:
                node(value)  # a well-formed id

    def keeps(self, m: MeetingRecord) -> bool:
        """The value filters (dates, status, mode) on one record."""
        return (
            (self.status is None or m.status == self.status)
            and (self.mode is None or m.mode == self.mode)
            and overlaps(m.date, self.since, self.until)
        )


@dataclass(frozen=True)
class MeetingSummary:
    id: str
    label: str | None
    date: str | None
    status: str
    mode: str | None
    kind: str | None
    confidence: float | None
    place: ActorRef | None
    participants: tuple[ActorRef, ...]
    topics: tuple[TopicRef, ...]


@dataclass(frozen=True)
class EvidenceItem:
    text: str
    start: int | None
    end: int | None
    article: str | None


@dataclass(frozen=True)
class Report:
    """What one article says about a meeting's status."""

    article: str
    status: str | None


@dataclass(frozen=True)
class MeetingDetail(MeetingSummary):
    excluded_topics: tuple[TopicRef, ...] = ()
    evidence: tuple[EvidenceItem, ...] = ()
    articles: tuple[ArticleRef, ...] = ()
    reports: tuple[Report, ...] = ()


@dataclass(frozen=True)
class MeetingPage:
    total: int
    limit: int
    offset: int
    items: tuple[MeetingSummary, ...]


def members(store: GraphStore, actor: str, catalog: Catalog | None = None) -> set[str]:
    """The actor and everyone who represents it (its people, bodies, post holders):
    the subjects of :data:`REPRESENTS` ending at ``actor``. From the catalog when it is
    current, else from the store."""
    if catalog is not None and catalog.current(store):
        node(actor)  # a well-formed id
        return {actor} | catalog.members_of(actor)
    term = node(actor)
    found = {actor} | {lid(r["self"]) for r in store.select(_DIRECT_MEMBERS, actor=term)}
    for row in store.select(_POSTS_IN, actor=term):
        found.update(lid(r["self"]) for r in store.select(_HOLDERS, post=row["post"]))
    return found


def represented(store: GraphStore, actor: str, catalog: Catalog | None = None) -> set[str]:
    """The actor and what it represents (a person's country, the bodies of its posts):
    the ends of :data:`REPRESENTS` from ``actor`` (from the catalog when current)."""
    if catalog is not None and catalog.current(store):
        node(actor)
        return {actor} | catalog.represents.get(actor, frozenset())
    term = node(actor)
    found = {actor} | {lid(r["what"]) for r in store.select(_DIRECT_REPRESENTED, actor=term)}
    for row in store.select(_HELD, actor=term):
        found.update(lid(r["what"]) for r in store.select(_POST_SCOPES, post=row["post"]))
    return found


def _places_within(store: GraphStore, catalog: Catalog, place: str) -> frozenset[str]:
    if catalog.current(store):
        node(place)
        return catalog.within(place)
    return frozenset(lid(r["at"]) for r in store.select(_PLACES_WITHIN, place=node(place)))


def _side_meetings(store: GraphStore, catalog: Catalog, actor: str) -> tuple[str, ...]:
    """Meetings of the actor or who represents it, oldest first."""
    if catalog.current(store):
        node(actor)
        return catalog.actor_meetings(actor)
    return catalog.merged(catalog.by_actor, members(store, actor))


def select_meetings(store: GraphStore, catalog: Catalog,
                    filters: MeetingFilters) -> list[MeetingRecord]:
    """Every meeting record matching ``filters``, oldest first (by date as written, then id).

    Candidates come from the catalog's indexes (participants, places, topics; each list
    already in date order), are intersected, then the value filters run on what is left.
    Answers are kept in the catalog's LRU cache, keyed by the filters.
    """
    filters.check()
    key = ("select", filters, catalog.current(store))
    found = catalog.lru.get(key)
    if found is None:
        found = tuple(_select(store, catalog, filters))
        if len(found) <= _CACHED_ROWS:
            catalog.lru.put(key, found)
    return list(found)


def _select(store: GraphStore, catalog: Catalog, filters: MeetingFilters) -> list[MeetingRecord]:
    sources: list[Sequence[str]] = []
    sides: list[frozenset[str]] = []
    for name in ("actor", "other", "country"):
        value = getattr(filters, name)
        if value is not None:
            sources.append(_side_meetings(store, catalog, value))
            if name != "country":
                sides.append(catalog.side(value) if catalog.current(store)
                             else frozenset(members(store, value)))
    if filters.place is not None:
        within = _places_within(store, catalog, filters.place)
        sources.append(catalog.place_meetings(filters.place) if catalog.current(store)
                       else catalog.merged(catalog.by_place, within))
    if filters.topic is not None:
        sources.append(catalog.by_topic.get(filters.topic, ()))
    ids: Sequence[str]
    if not sources:
        ids = catalog.ordered
    elif len(sources) == 1:
        ids = sources[0]
    else:
        smallest = min(sources, key=len)
        others = [set(src) for src in sources if src is not smallest]
        ids = [m for m in smallest if all(m in other for other in others)]
    records = map(catalog.meetings.__getitem__, ids)
    if filters.status is None and filters.mode is None and filters.since is None \
            and filters.until is None:
        found = list(records)
    else:
        found = [m for m in records if filters.keeps(m)]
    if len(sides) == 2:  # two different participants, one on each side
        a, b = sides
        found = [m for m in found
                 if any(p in a and q in b and p != q
                        for p in m.participants for q in m.participants)]
    return found


def summarize(record: MeetingRecord, catalog: Catalog) -> MeetingSummary:
    """The summary of a meeting (built once per catalog, then reused)."""
    memo = catalog.memo("summary")
    found = memo.get(record.id)
    if found is None or found[0] is not record:
        found = memo[record.id] = (record, _summarize(record, catalog))
    return found[1]


def _summarize(record: MeetingRecord, catalog: Catalog) -> MeetingSummary:
    participants = sorted((catalog.ref(p) for p in record.participants),
                          key=lambda r: (r.type != "Person", r.name, r.id))
    topics = sorted((catalog.topic_ref(t) for t in record.topics),
                    key=lambda t: t.label.casefold())
    return MeetingSummary(
        id=record.id, label=record.label, date=record.date, status=record.status,
        mode=record.mode, kind=record.kind, confidence=record.confidence,
        place=catalog.ref(record.place) if record.place else None,
        participants=tuple(participants), topics=tuple(topics),
    )


def list_meetings(
    store: GraphStore,
    catalog: Catalog,
    filters: MeetingFilters = MeetingFilters(),  # noqa: B008 - frozen, never mutated
    *,
    limit: int = 50,
    offset: int = 0,
    sort: str = "-date",
) -> MeetingPage:
    """One page of meetings matching ``filters``, newest first by default."""
    if sort not in _SORTS:
        raise BadInput(f"sort: {sort!r} is not one of {', '.join(_SORTS)}")
    if limit < 0 or offset < 0:
        raise BadInput("limit and offset must not be negative")
    found = select_meetings(store, catalog, filters)  # oldest first
    if sort == "-date":
        found.reverse()
    items = tuple(summarize(m, catalog) for m in found[offset: offset + limit])
    return MeetingPage(total=len(found), limit=limit, offset=offset, items=items)


def meetings_between(
    store: GraphStore,
    catalog: Catalog,
    a: str,
    b: str,
    filters: MeetingFilters = MeetingFilters(),  # noqa: B008 - frozen, never mutated
    *,
    limit: int = 50,
    offset: int = 0,
) -> MeetingPage:
    """Meetings where ``a`` and ``b`` (or, for countries, their people) took part."""
    catalog.actor(a)
    catalog.actor(b)
    if a == b:
        raise BadInput("a and b must be different actors")
    both = MeetingFilters(**{**filters.__dict__, "actor": a, "other": b})
    return list_meetings(store, catalog, both, limit=limit, offset=offset)


def article_ref(store: GraphStore, article: NamedNode) -> ArticleRef:
    rows = store.select(ARTICLE, a=article)
    row = rows[0] if rows else {}

    def val(name: str) -> str | None:
        term = row.get(name)
        return term.value if term is not None else None

    return ArticleRef(id=lid(article), doc=val("doc"), title=val("title"), url=val("url"),
                      published=val("pub"), source=val("src"))


def meeting_detail(store: GraphStore, catalog: Catalog, ident: str) -> MeetingDetail:
    """Everything about one meeting, with evidence sentences and source articles."""
    record = catalog.meetings.get(ident)
    if record is None:
        raise NotFound("meeting", ident)
    m = node(ident)
    evidence = sorted(
        (EvidenceItem(
            text=r["text"].value if "text" in r else "",
            start=term_value(r.get("start")), end=term_value(r.get("end")),
            article=lid(r["article"]) if "article" in r else None,
        ) for r in store.select(_EVIDENCE, m=m)),
        key=lambda e: (e.article or "", e.start if e.start is not None else -1),
    )
    article_nodes = {r["article"] for r in store.select(_SOURCES, m=m)
                     if isinstance(r["article"], NamedNode)}
    reports = set()
    for r in store.select(_REPORTS, m=m):
        if isinstance(r["article"], NamedNode):
            article_nodes.add(r["article"])
        reports.add(Report(lid(r["article"]),
                           status_of(r["status"].value) if "status" in r else None))
    articles = sorted((article_ref(store, a) for a in article_nodes),
                      key=lambda a: (a.published or "", a.id))
    excluded = sorted((catalog.topic_ref(lid(r["topic"])) for r in store.select(_EXCLUDED, m=m)),
                      key=lambda t: t.label.casefold())
    return MeetingDetail(
        **summarize(record, catalog).__dict__,
        excluded_topics=tuple(excluded),
        evidence=tuple(evidence),
        articles=tuple(articles),
        reports=tuple(sorted(reports, key=lambda r: (r.article, r.status or ""))),
    )
