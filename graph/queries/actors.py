"""Named queries about one actor: detail, who it met, its timeline.

For a country (or an organization) "its meetings" include those its people attended
(see :data:`graph.queries.meetings.REPRESENTS`). Counterparts are never on the actor's
own side: not its people, and for a person not the country or body it represents.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable
from dataclasses import dataclass
from typing import Any

from pyoxigraph import NamedNode

from graph.errors import BadInput
from graph.namespace import ORG, RDFS
from graph.queries.catalog import ActorRecord, Catalog, MeetingRecord
from graph.queries.common import ActorRef, ArticleRef, lid, node
from graph.queries.meetings import (
    MeetingFilters,
    MeetingSummary,
    article_ref,
    members,
    represented,
    select_meetings,
    summarize,
)
from graph.store import GraphStore, term_value

__all__ = [
    "ActorDetail",
    "Counterpart",
    "MetResult",
    "Role",
    "Timeline",
    "actor_detail",
    "actor_met",
    "actor_timeline",
    "warm",
]

# one fact per query: safe when a graph repeats facts of a node in each article graph
# (the shape before the nodes graph; see graph.queries.catalog)
_POSTS = "SELECT DISTINCT ?post ?actor WHERE { ?actor org:holds ?post }"
_POST_FACTS = """
SELECT DISTINCT ?p ?o ?post WHERE {
  VALUES ?p { rdfs:label org:postIn }
  ?post ?p ?o .
}
"""
_ARTICLES = """
SELECT DISTINCT ?a ?pub ?actor WHERE {
  ?a schema:mentions ?actor .
  OPTIONAL { ?a schema:datePublished ?pub }
} ORDER BY DESC(?pub) ?a
"""
_ARTICLE_COUNT = """
SELECT (COUNT(DISTINCT ?a) AS ?n) ?actor WHERE { ?a schema:mentions ?actor } GROUP BY ?actor
"""


@dataclass(frozen=True)
class Role:
    label: str | None
    scope: ActorRef | None


@dataclass(frozen=True)
class ActorDetail:
    id: str
    type: str
    name: str
    aliases: tuple[str, ...]
    country: ActorRef | None
    roles: tuple[Role, ...]
    meetings: int
    articles_total: int
    articles: tuple[ArticleRef, ...]


@dataclass(frozen=True)
class Counterpart:
    """Someone the actor met: how often, first and last date, and the meetings."""

    actor: ActorRef
    count: int
    first: str | None
    last: str | None
    meetings: tuple[MeetingSummary, ...]


@dataclass(frozen=True)
class MetResult:
    actor: ActorRef
    total: int
    counterparts: tuple[Counterpart, ...]
    limit: int | None = None
    offset: int = 0


@dataclass(frozen=True)
class Timeline:
    """An actor's meetings in date order, with counts per month (``YYYY-MM``)."""

    actor: ActorRef
    total: int
    by_month: dict[str, int]
    meetings: tuple[MeetingSummary, ...]


def actor_detail(
    store: GraphStore, catalog: Catalog, ident: str, *, articles: int = 100
) -> ActorDetail:
    """Names, type, country, roles and (up to ``articles``) articles that mention it.

    The answer lives as long as the catalog: kept for good for the actors :func:`warm`
    prepared (a hub is mentioned by thousands of articles, and sorting them is the slow
    part), in the catalog's LRU cache for the others.
    """
    rec = catalog.actor(ident)
    key = (rec.id, articles)
    found: ActorDetail | None = catalog.memo("detail").get(key) or catalog.lru.get(("detail", key))
    if found is None:
        found = _detail(store, catalog, rec, articles)
        catalog.lru.put(("detail", key), found)
    return found


def _detail(store: GraphStore, catalog: Catalog, rec: ActorRecord, articles: int) -> ActorDetail:
    ident = rec.id
    actor = node(ident)
    roles = set()
    for row in store.select(_POSTS, actor=actor):
        facts = {(r["p"].value, r["o"].value) for r in store.select(_POST_FACTS, post=row["post"])}
        labels = sorted(o for p, o in facts if p == RDFS.label.value)
        scopes = sorted(o for p, o in facts if p == ORG.postIn.value)
        roles.add(Role(label=labels[0] if labels else None,
                       scope=catalog.ref(lid(NamedNode(scopes[0]))) if scopes else None))
    count_rows = store.select(_ARTICLE_COUNT, actor=actor)
    total = int(term_value(count_rows[0]["n"])) if count_rows else 0
    rows = store.select(f"{_ARTICLES} LIMIT {int(articles)}", actor=actor)
    refs = tuple(article_ref(store, r["a"]) for r in rows if isinstance(r["a"], NamedNode))
    return ActorDetail(
        id=rec.id, type=rec.type, name=rec.name, aliases=rec.aliases,
        country=catalog.ref(rec.country) if rec.country else None,
        roles=tuple(sorted(roles, key=lambda r: (r.label or "", r.scope.id if r.scope else ""))),
        meetings=rec.meetings, articles_total=total, articles=refs,
    )


def actor_met(
    store: GraphStore,
    catalog: Catalog,
    ident: str,
    *,
    since: str | None = None,
    until: str | None = None,
    topic: str | None = None,
    status: str | None = None,
    limit: int | None = None,
    offset: int = 0,
    meetings: int | None = None,
) -> MetResult:
    """Everyone the actor met, most frequent first, with the meetings (newest first).

    ``limit``/``offset`` page the counterparts (``total`` counts them all); ``meetings``
    keeps only that many of each counterpart's latest meetings (``count`` still counts
    all): a hub has thousands of counterparts and meetings.
    """
    if (limit is not None and limit < 0) or offset < 0 or (meetings is not None and meetings < 0):
        raise BadInput("limit, offset and meetings must not be negative")
    rec = catalog.actor(ident)
    filters = MeetingFilters(actor=ident, since=since, until=until, topic=topic, status=status)
    filters.check()
    ranked = _ranking(store, catalog, ident, filters)
    page = ranked[offset:] if limit is None else ranked[offset:offset + limit]
    counterparts = []
    for who, records, first, last in page:
        kept = records if meetings is None else records[:meetings]
        counterparts.append(Counterpart(
            actor=catalog.ref(who), count=len(records), first=first, last=last,
            meetings=tuple(summarize(m, catalog) for m in kept),
        ))
    return MetResult(actor=rec.ref, total=len(ranked), counterparts=tuple(counterparts),
                     limit=limit, offset=offset)


#: a counterpart: id, its meetings with the actor (newest first), first and last date
_Ranked = tuple[str, tuple[MeetingRecord, ...], str | None, str | None]


def _ranking(store: GraphStore, catalog: Catalog, ident: str,
             filters: MeetingFilters) -> list[_Ranked]:
    """The actor's counterparts, kept per catalog: without filters for every actor (see
    :func:`warm`), with filters in the catalog's LRU cache."""
    unfiltered = filters == MeetingFilters(actor=ident) and catalog.current(store)
    memo: dict[Hashable, Any] = catalog.memo("met") if unfiltered else {}
    key = ident if unfiltered else ("met", filters, catalog.current(store))
    ranked: list[_Ranked] | None = memo.get(key) if unfiltered else catalog.lru.get(key)
    if ranked is None:
        ranked = _counterparts(store, catalog, ident, filters)
        if unfiltered:
            memo[key] = ranked
        else:
            catalog.lru.put(key, ranked)
    return ranked


def warm(store: GraphStore, catalog: Catalog, *, min_meetings: int = 300) -> int:
    """Work out ahead what would make a first request slow: the meetings of every actor
    that others represent (a country: its people's meetings), of every place with what
    lies within it, and the counterparts of every actor with at least ``min_meetings``
    meetings, with their details (:func:`actor_detail`). Returns how many actors'
    counterparts were prepared. Call it before
    forking server workers so that they share the result.
    """
    done = 0
    for ident, rec in catalog.actors.items():
        if rec.type in ("Place", "Country"):
            catalog.place_meetings(ident)
        side = catalog.actor_meetings(ident)
        if len(side) >= min_meetings:
            _ranking(store, catalog, ident, MeetingFilters(actor=ident))
            catalog.memo("detail")[(ident, 100)] = _detail(store, catalog, rec, 100)
            done += 1
    return done


def _counterparts(store: GraphStore, catalog: Catalog, ident: str,
                  filters: MeetingFilters) -> list[_Ranked]:
    """Everyone the actor met, most meetings first, then latest meeting first, then name."""
    # its own side is no counterpart
    own = members(store, ident, catalog) | represented(store, ident, catalog)
    by_who: dict[str, list[MeetingRecord]] = {}
    for record in reversed(select_meetings(store, catalog, filters)):  # newest first
        for who in record.participants:
            if who not in own:
                found = by_who.get(who)
                if found is None:
                    by_who[who] = [record]
                else:
                    found.append(record)
    ranked = [(who, tuple(records), *_span(records)) for who, records in by_who.items()]
    neg: dict[str | None, tuple[int, ...]] = {}
    for *_, last in ranked:
        if last not in neg:
            neg[last] = _neg(last)
    ranked.sort(key=lambda c: (-len(c[1]), neg[c[3]], catalog.ref(c[0]).name))
    return ranked


def _span(newest_first: list[MeetingRecord]) -> tuple[str | None, str | None]:
    """First and last date of meetings ordered newest first by their date as written
    (dates without a year sort below years, undated meetings last)."""
    dated = [m.date for m in newest_first if m.date and not m.date.startswith("-")]
    return (min(dated), max(dated)) if dated else (None, None)


def _neg(date: str | None) -> tuple[int, ...]:
    """Sort key putting later dates first."""
    return tuple(-ord(c) for c in date) if date else (1,)


def actor_timeline(
    store: GraphStore,
    catalog: Catalog,
    ident: str,
    *,
    since: str | None = None,
    until: str | None = None,
    limit: int = 500,
    offset: int = 0,
) -> Timeline:
    """The actor's meetings oldest first (undated last) and how many fall in each month."""
    rec = catalog.actor(ident)
    records = select_meetings(store, catalog,
                              MeetingFilters(actor=ident, since=since, until=until))
    dated = sorted((m for m in records if m.date and not m.date.startswith("-")),
                   key=lambda m: (m.date or "", m.id))
    undated = sorted((m for m in records if not (m.date and not m.date.startswith("-"))),
                     key=lambda m: (m.date or "", m.id))
    ordered = dated + undated
    by_month = Counter(m.date[:7] for m in dated if m.date)
    return Timeline(actor=rec.ref, total=len(ordered), by_month=dict(sorted(by_month.items())),
                    meetings=tuple(summarize(m, catalog) for m in ordered[offset: offset + limit]))
