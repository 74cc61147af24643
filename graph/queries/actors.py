"""Named queries about one actor: detail, who it met, its timeline.

For a country (or an organization) "its meetings" include those its people attended
(see :data:`graph.queries.meetings.REPRESENTS`); counterparts never include the actor's
own people.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from pyoxigraph import NamedNode

from graph.errors import BadInput
from graph.model import STATUSES
from graph.queries.catalog import Catalog
from graph.queries.common import ActorRef, ArticleRef, check_date, lid, node, run
from graph.queries.meetings import (
    REPRESENTS,
    MeetingFilters,
    MeetingSummary,
    article_ref,
    summaries_for,
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
]

_ROLES = """
SELECT DISTINCT ?post ?label ?scope ?actor WHERE {
  ?actor org:holds ?post .
  OPTIONAL { ?post rdfs:label ?label }
  OPTIONAL { ?post org:postIn ?scope }
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
#: (meeting, counterpart) pairs; counterparts exclude the actor and whom it represents.
_MET = f"""
SELECT DISTINCT ?m ?who %PARAMS% WHERE {{
  ?m a dg:Meeting ; sem:hasActor ?actorSelf, ?who .
  ?actorSelf {REPRESENTS} ?actor .
  FILTER NOT EXISTS {{ ?who {REPRESENTS} ?actor }}
  %FILTERS%
}}
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
    """Names, type, country, roles and (up to ``articles``) articles that mention it."""
    rec = catalog.actor(ident)
    actor = node(ident)
    roles = {
        Role(label=r["label"].value if "label" in r else None,
             scope=catalog.ref(lid(r["scope"])) if "scope" in r else None)
        for r in store.select(_ROLES, actor=actor)
    }
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
) -> MetResult:
    """Everyone the actor met, most frequent first, with the meetings (newest first)."""
    rec = catalog.actor(ident)
    if status is not None and status not in STATUSES:
        raise BadInput(f"status: {status!r} is not one of {', '.join(STATUSES)}")
    extra = MeetingFilters(since=since, until=until, topic=topic, status=status)
    fragments, params = extra.compile()
    pairs = run(store, _MET, {"actor": node(ident), **params}, fragments)
    filters = MeetingFilters(actor=ident, since=since, until=until, topic=topic, status=status)
    by_who: dict[str, set[str]] = defaultdict(set)
    for row in pairs:
        by_who[lid(row["who"])].add(lid(row["m"]))
    summaries = {s.id: s for s in summaries_for(store, catalog, filters)}
    counterparts = []
    for who, meeting_ids in by_who.items():
        meetings = sorted((summaries[m] for m in meeting_ids if m in summaries),
                          key=lambda s: (s.date or "", s.id), reverse=True)
        dates = sorted(s.date for s in meetings if s.date and not s.date.startswith("-"))
        counterparts.append(Counterpart(
            actor=catalog.ref(who), count=len(meetings),
            first=dates[0] if dates else None, last=dates[-1] if dates else None,
            meetings=tuple(meetings),
        ))
    counterparts.sort(key=lambda c: (-c.count, -(int(c.last[:4]) if c.last else 0), c.actor.name))
    return MetResult(actor=rec.ref, total=len(counterparts), counterparts=tuple(counterparts))


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
    for name, value in (("since", since), ("until", until)):
        if value is not None:
            check_date(value, name)
    items = summaries_for(store, catalog, MeetingFilters(actor=ident, since=since, until=until),
                          sort="date")
    dated = [s for s in items if s.date and not s.date.startswith("-")]
    undated = [s for s in items if not (s.date and not s.date.startswith("-"))]
    ordered = dated + undated
    by_month = Counter(s.date[:7] for s in dated if s.date)
    return Timeline(actor=rec.ref, total=len(ordered), by_month=dict(sorted(by_month.items())),
                    meetings=tuple(ordered[offset: offset + limit]))
