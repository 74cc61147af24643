"""Named queries about meetings: filtered lists, detail, meetings between two actors.

An *actor* filter matches a meeting the actor took part in; for a country it also
matches meetings its people (``schema:nationality``) or bodies (``dg:country``)
attended, and for an organization meetings attended by holders of its posts. A
*place* filter matches the place and anything contained in it (``place=country/TR``
matches a meeting in Istanbul).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from pyoxigraph import Literal, NamedNode

from graph.errors import BadInput, NotFound
from graph.model import MODES, STATUSES
from graph.namespace import DG, PROV, SCHEMA, SEM
from graph.queries.catalog import Catalog
from graph.queries.common import (
    MODE_IRIS,
    ActorRef,
    ArticleRef,
    TopicRef,
    check_date,
    lid,
    mode_of,
    node,
    resolve_status,
    run,
    status_of,
)
from graph.store import GraphStore, Term, term_value

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
    "meeting_facts",
    "meetings_between",
    "summaries_for",
]

#: Property path from a participant to what it represents (zero steps: itself).
REPRESENTS = "(schema:nationality|dg:country|org:holds/org:postIn)?"
_SORTS = {"date": "ASC(?date) ?m", "-date": "DESC(?date) ?m"}

_FRAGMENTS = {
    "actor": f"?m sem:hasActor ?actorSelf . ?actorSelf {REPRESENTS} ?actor .",
    "other": f"?m sem:hasActor ?otherSelf . ?otherSelf {REPRESENTS} ?other . "
             "FILTER(?otherSelf != ?actorSelf)",
    "country": f"?m sem:hasActor ?countrySelf . ?countrySelf {REPRESENTS} ?country .",
    "place": "?m schema:location ?at . ?at schema:containedInPlace* ?place .",
    "topic": "?m schema:about ?topic .",
    # compare at the shorter precision of the two dates (see graph.queries.common)
    "since": "?m schema:startDate ?sinceDate . "
             "BIND(IF(STRLEN(STR(?sinceDate)) < STRLEN(?since), STRLEN(STR(?sinceDate)), "
             "STRLEN(?since)) AS ?sinceLen) "
             "FILTER(!STRSTARTS(STR(?sinceDate), '-') && "
             "SUBSTR(?since, 1, ?sinceLen) <= SUBSTR(STR(?sinceDate), 1, ?sinceLen))",
    "until": "?m schema:startDate ?untilDate . "
             "BIND(IF(STRLEN(STR(?untilDate)) < STRLEN(?until), STRLEN(STR(?untilDate)), "
             "STRLEN(?until)) AS ?untilLen) "
             "FILTER(!STRSTARTS(STR(?untilDate), '-') && "
             "SUBSTR(STR(?untilDate), 1, ?untilLen) <= SUBSTR(?until, 1, ?untilLen))",
    "mode": "?m schema:eventAttendanceMode ?mode .",
}
#: A meeting's status when reports disagree: held > cancelled > planned.
_STATUS_FRAGMENTS = {
    "held": "?m schema:eventStatus dg:EventHeld .",
    "cancelled": "?m schema:eventStatus schema:EventCancelled . "
                 "FILTER NOT EXISTS { ?m schema:eventStatus dg:EventHeld }",
    "planned": "?m schema:eventStatus ?plannedStatus . "
               "FILTER(?plannedStatus IN (schema:EventScheduled, schema:EventPostponed)) "
               "FILTER NOT EXISTS { ?m schema:eventStatus ?otherStatus . "
               "FILTER(?otherStatus IN (dg:EventHeld, schema:EventCancelled)) }",
}

_PAGE = """
SELECT ?m (MIN(STR(?d)) AS ?date) %PARAMS% WHERE {
  ?m a dg:Meeting .
  %FILTERS%
  OPTIONAL { ?m schema:startDate ?d }
} GROUP BY ?m %PARAMS%
"""
_COUNT = """
SELECT (COUNT(DISTINCT ?m) AS ?n) %PARAMS% WHERE {
  ?m a dg:Meeting .
  %FILTERS%
} %GROUP_PARAMS%
"""
#: The facts a summary needs, for every meeting matching the filters.
_FACTS = """
SELECT ?m ?p ?o %PARAMS% WHERE {
  ?m a dg:Meeting .
  %FILTERS%
  VALUES ?p { schema:name schema:startDate schema:eventStatus schema:eventAttendanceMode
              schema:location sem:hasActor schema:about dg:excludedTopic dg:cameoCode
              dg:confidence prov:wasDerivedFrom }
  ?m ?p ?o .
}
"""
_FACTS_ONE = """
SELECT ?m ?p ?o WHERE {
  ?m a dg:Meeting .
  VALUES ?p { schema:name schema:startDate schema:eventStatus schema:eventAttendanceMode
              schema:location sem:hasActor schema:about dg:excludedTopic dg:cameoCode
              dg:confidence prov:wasDerivedFrom }
  ?m ?p ?o .
}
"""
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

    def compile(self) -> tuple[list[str], dict[str, Term]]:
        """Constant fragments and bound parameters for these filters (validated)."""
        fragments: list[str] = []
        params: dict[str, Term] = {}
        for name in ("actor", "other", "country", "place", "topic"):
            value = getattr(self, name)
            if value is not None:
                fragments.append(_FRAGMENTS[name])
                params[name] = node(value)
        if self.other is not None and self.actor is None:
            raise BadInput("other: needs an actor")
        for name in ("since", "until"):
            value = getattr(self, name)
            if value is not None:
                fragments.append(_FRAGMENTS[name])
                params[name] = Literal(check_date(value, name))
        if self.since and self.until and self.since[:10] > self.until[:10]:
            raise BadInput(f"since ({self.since}) is after until ({self.until})")
        if self.status is not None:
            if self.status not in STATUSES:
                raise BadInput(f"status: {self.status!r} is not one of {', '.join(STATUSES)}")
            fragments.append(_STATUS_FRAGMENTS[self.status])
        if self.mode is not None:
            if self.mode not in MODES:
                raise BadInput(f"mode: {self.mode!r} is not one of {', '.join(MODES)}")
            fragments.append(_FRAGMENTS["mode"])
            params["mode"] = MODE_IRIS[self.mode]
        return fragments, params


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


@dataclass
class _Facts:
    values: dict[str, set[Term]] = field(default_factory=lambda: defaultdict(set))


_FIELD = {
    SCHEMA.name.value: "label", SCHEMA.startDate.value: "date",
    SCHEMA.eventStatus.value: "status", SCHEMA.eventAttendanceMode.value: "mode",
    SCHEMA.location.value: "place", SEM.hasActor.value: "participants",
    SCHEMA.about.value: "topics", DG.excludedTopic.value: "excluded",
    DG.cameoCode.value: "kind", DG.confidence.value: "confidence",
    PROV.wasDerivedFrom.value: "articles",
}


def meeting_facts(
    store: GraphStore, filters: Iterable[str], params: dict[str, Term]
) -> dict[str, dict[str, set[Term]]]:
    """Facts by meeting id for every meeting the fragments match."""
    return _collect(run(store, _FACTS, params, filters))


def _collect(rows: Iterable[dict[str, Term]]) -> dict[str, dict[str, set[Term]]]:
    out: dict[str, dict[str, set[Term]]] = defaultdict(lambda: defaultdict(set))
    for row in rows:
        out[lid(row["m"])][_FIELD[row["p"].value]].add(row["o"])
    return out


def _facts_one(store: GraphStore, ident: str) -> dict[str, set[Term]]:
    facts = _collect(store.select(_FACTS_ONE, m=node(ident)))
    if ident not in facts:
        raise NotFound("meeting", ident)
    return facts[ident]


def _summary(ident: str, facts: dict[str, set[Term]], catalog: Catalog) -> MeetingSummary:
    def first(name: str) -> Term | None:
        values = facts.get(name)
        return min(values, key=str) if values else None

    label, date, mode, kind, place = (first(n) for n in ("label", "date", "mode", "kind", "place"))
    confidences = [term_value(t) for t in facts.get("confidence", ())]
    participants = sorted((catalog.ref(lid(t)) for t in facts.get("participants", ())),
                          key=lambda r: (r.type != "Person", r.name))
    topics = sorted((catalog.topic_ref(lid(t)) for t in facts.get("topics", ())),
                    key=lambda t: t.label.casefold())
    return MeetingSummary(
        id=ident,
        label=label.value if label else None,
        date=date.value if date else None,
        status=resolve_status(status_of(t.value) for t in facts.get("status", ())),
        mode=mode_of(mode.value) if mode else None,
        kind=kind.value if kind else None,
        confidence=max(confidences) if confidences else None,
        place=catalog.ref(lid(place)) if place else None,
        participants=tuple(participants),
        topics=tuple(topics),
    )


def summaries_for(
    store: GraphStore, catalog: Catalog, filters: MeetingFilters, sort: str = "-date"
) -> list[MeetingSummary]:
    """Summaries of every meeting matching ``filters`` (no paging), sorted by date."""
    fragments, params = filters.compile()
    facts = meeting_facts(store, fragments, params)
    items = [_summary(m, f, catalog) for m, f in facts.items()]
    items.sort(key=lambda s: (s.date or "", s.id), reverse=sort == "-date")
    return items


def _one(store: GraphStore, catalog: Catalog, ident: str) -> MeetingSummary:
    return _summary(ident, _facts_one(store, ident), catalog)


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
    fragments, params = filters.compile()
    rows = run(store, _COUNT, params, fragments)
    total = int(term_value(rows[0]["n"])) if rows and "n" in rows[0] else 0
    page = f"{_PAGE}ORDER BY {_SORTS[sort]} LIMIT {int(limit)} OFFSET {int(offset)}"
    ids = [lid(r["m"]) for r in run(store, page, params, fragments)] if limit else []
    items = tuple(_one(store, catalog, m) for m in ids)
    return MeetingPage(total=total, limit=limit, offset=offset, items=items)


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
    m = node(ident)
    f = _facts_one(store, ident)
    summary = _summary(ident, f, catalog)
    evidence = sorted(
        (EvidenceItem(
            text=r["text"].value if "text" in r else "",
            start=term_value(r.get("start")), end=term_value(r.get("end")),
            article=lid(r["article"]) if "article" in r else None,
        ) for r in store.select(_EVIDENCE, m=m)),
        key=lambda e: (e.article or "", e.start if e.start is not None else -1),
    )
    article_nodes = {t for t in f.get("articles", set()) if isinstance(t, NamedNode)}
    reports = []
    for r in store.select(_REPORTS, m=m):
        article_nodes.add(r["article"])  # type: ignore[arg-type]
        reports.append(Report(lid(r["article"]),
                              status_of(r["status"].value) if "status" in r else None))
    articles = sorted((article_ref(store, a) for a in article_nodes),
                      key=lambda a: (a.published or "", a.id))
    excluded = sorted((catalog.topic_ref(lid(t)) for t in f.get("excluded", ())),
                      key=lambda t: t.label.casefold())
    return MeetingDetail(
        **summary.__dict__,
        excluded_topics=tuple(excluded),
        evidence=tuple(evidence),
        articles=tuple(articles),
        reports=tuple(sorted(set(reports), key=lambda r: (r.article, r.status or ""))),
    )
