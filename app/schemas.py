"""Response (and request) models of the JSON API.

They mirror the frozen dataclasses of :mod:`graph.queries` and :mod:`graph.network`
and validate from them (``from_attributes``).

The busiest answers (meeting pages, who met whom) skip pydantic: :func:`meeting_page_json`
and :func:`met_json` write the same JSON with orjson from the dataclasses, each meeting
summary encoded once per catalog and reused (:func:`summary_json`). The routes still
declare the models, so the OpenAPI schema documents these answers; a test checks that
both ways give the same JSON.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import orjson
from fastapi import Response
from pydantic import BaseModel, ConfigDict, Field

from app.errors import ErrorBody
from graph.queries import ActorRef, MeetingPage, MeetingSummary, MetResult
from graph.queries.catalog import Catalog
from graph.queries.meetings import summarize

__all__ = [
    "ActorDetailOut",
    "ActorRefOut",
    "ActorSearchOut",
    "ActorSummaryOut",
    "ArticleIn",
    "ArticleOut",
    "CounterpartOut",
    "CyEdge",
    "CyEdgeData",
    "CyNode",
    "CyNodeData",
    "EvidenceOut",
    "HopOut",
    "IngestOut",
    "MeetingDetailOut",
    "MeetingPageOut",
    "MeetingSummaryOut",
    "MetOut",
    "PathOut",
    "PathsOut",
    "RankedOut",
    "RecordResult",
    "ReportOut",
    "RoleOut",
    "StatsOut",
    "SubgraphOut",
    "TimelineOut",
    "TopOut",
    "TopicOut",
    "TopicRefOut",
    "TopicSearchOut",
    "json_response",
    "meeting_page_json",
    "met_json",
    "summary_json",
    "warm_summaries",
]


class _Out(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class ActorRefOut(_Out):
    id: str = Field(examples=["person/sergey-lavrov"])
    type: str = Field(examples=["Person"])
    name: str = Field(examples=["Sergey Lavrov"])


class TopicRefOut(_Out):
    id: str = Field(examples=["topic/ukraine"])
    label: str


class ArticleOut(_Out):
    id: str = Field(examples=["article/seed-000"])
    doc: str | None = Field(description="the id the article was ingested with")
    title: str | None
    url: str | None
    published: str | None
    source: str | None


class ActorSummaryOut(_Out):
    id: str
    type: str
    name: str
    aliases: list[str]
    country: str | None = Field(description="API id of the actor's country")
    meetings: int = Field(description="meetings it took part in (or, for a place, hosted)")


class ActorSearchOut(_Out):
    total: int
    limit: int
    offset: int
    items: list[ActorSummaryOut]


class RoleOut(_Out):
    label: str | None
    scope: ActorRefOut | None


class ActorDetailOut(_Out):
    id: str
    type: str
    name: str
    aliases: list[str]
    country: ActorRefOut | None
    roles: list[RoleOut]
    meetings: int
    articles_total: int
    articles: list[ArticleOut]


class MeetingSummaryOut(_Out):
    id: str = Field(examples=["meeting/5d41402abc4b"])
    label: str | None
    date: str | None = Field(description="YYYY-MM-DD, YYYY-MM, YYYY or --MM-DD")
    status: str = Field(description="held, planned or cancelled")
    mode: str | None = Field(description="in_person, phone or null")
    kind: str | None = Field(description="CAMEO code (040-046)")
    confidence: float | None
    place: ActorRefOut | None
    participants: list[ActorRefOut]
    topics: list[TopicRefOut]


class EvidenceOut(_Out):
    text: str
    start: int | None
    end: int | None
    article: str | None


class ReportOut(_Out):
    article: str
    status: str | None


class MeetingDetailOut(MeetingSummaryOut):
    excluded_topics: list[TopicRefOut]
    evidence: list[EvidenceOut]
    articles: list[ArticleOut]
    reports: list[ReportOut] = Field(description="the status each source article reports")


class MeetingPageOut(_Out):
    total: int
    limit: int
    offset: int
    items: list[MeetingSummaryOut]
    next: str | None = Field(default=None, description="URL of the next page, if any")


class CounterpartOut(_Out):
    actor: ActorRefOut
    count: int = Field(description="all their meetings (meetings lists the latest of them)")
    first: str | None
    last: str | None
    meetings: list[MeetingSummaryOut]


class MetOut(_Out):
    actor: ActorRefOut
    total: int = Field(description="counterparts in all (this page holds at most limit)")
    limit: int | None = None
    offset: int = 0
    counterparts: list[CounterpartOut]


class TimelineOut(_Out):
    actor: ActorRefOut
    total: int
    by_month: dict[str, int] = Field(description="meetings per YYYY-MM (YYYY when coarser)")
    meetings: list[MeetingSummaryOut]


class RankedOut(_Out):
    id: str
    type: str
    name: str
    meetings: int
    counterparts: int


class TopOut(_Out):
    items: list[RankedOut]


class TopicOut(_Out):
    id: str
    label: str
    meetings: int


class TopicSearchOut(_Out):
    total: int
    items: list[TopicOut]


class HopOut(_Out):
    source: str
    target: str
    meeting: str
    date: str | None
    label: str | None
    count: int = Field(description="meetings the two had in all")


class PathOut(_Out):
    nodes: list[ActorRefOut]
    hops: list[HopOut]


class PathsOut(_Out):
    source: ActorRefOut = Field(alias="from", serialization_alias="from")
    target: ActorRefOut = Field(alias="to", serialization_alias="to")
    paths: list[PathOut]
    model_config = ConfigDict(from_attributes=True, populate_by_name=True)


class CyNodeData(_Out):
    id: str
    label: str
    type: str
    meetings: int
    depth: int
    more: int = Field(description="neighbours left out of the subgraph")


class CyNode(_Out):
    data: CyNodeData


class CyEdgeData(_Out):
    id: str
    source: str
    target: str
    count: int
    first: str | None
    last: str | None
    meetings: list[str] = Field(description=(
        "the latest meeting ids of the link (at most the request's `ids`); `count` says "
        "how many there are and /api/subgraph/meetings pages them all"))


class CyEdge(_Out):
    data: CyEdgeData


class SubgraphOut(_Out):
    """Cytoscape.js elements: ``cy.add([...nodes, ...edges])``."""

    center: str
    truncated: bool
    nodes: list[CyNode]
    edges: list[CyEdge]


class StatsOut(_Out):
    quads: int
    graphs: int
    actors: int
    meetings: int
    topics: int


class ArticleIn(BaseModel):
    """One article to ingest (the JSON Lines record of ``dipgraph extract``)."""

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)
    id: str = Field(min_length=1, examples=["wire-2025-04-08-001"])
    text: str = Field(min_length=1)
    title: str | None = None
    published: dt.date | None = None
    url: str | None = None
    source: str | None = None


class RecordResult(_Out):
    index: int
    id: str | None
    ok: bool
    extraction: dict[str, Any] | None = None
    error: ErrorBody | None = None


class IngestOut(_Out):
    ingested: int
    failed: int
    results: list[RecordResult]
    error: ErrorBody | None = Field(default=None, description="set when a record failed (422)")


# ---------------------------------------------------------------------- fast JSON
def json_response(body: bytes) -> Response:
    """A JSON answer already encoded (the route's ``response_model`` documents it)."""
    return Response(content=body, media_type="application/json")


def _ref(ref: ActorRef | None) -> dict[str, str] | None:
    return None if ref is None else {"id": ref.id, "type": ref.type, "name": ref.name}


def summary_json(summary: MeetingSummary, catalog: Catalog) -> orjson.Fragment:
    """A meeting summary as :class:`MeetingSummaryOut` JSON, encoded once per catalog."""
    memo = catalog.memo("summary-json")
    found = memo.get(summary.id)
    if found is None or found[0] is not summary:
        body = orjson.dumps({
            "id": summary.id, "label": summary.label, "date": summary.date,
            "status": summary.status, "mode": summary.mode, "kind": summary.kind,
            "confidence": None if summary.confidence is None else float(summary.confidence),
            "place": _ref(summary.place),
            "participants": [_ref(p) for p in summary.participants],
            "topics": [{"id": t.id, "label": t.label} for t in summary.topics],
        })
        found = memo[summary.id] = (summary, orjson.Fragment(body))
    return found[1]


def warm_summaries(catalog: Catalog) -> int:
    """Encode every meeting summary of the catalog now (before forking workers, so they
    share them instead of each encoding its own on first use). Returns how many."""
    for record in catalog.meetings.values():
        summary_json(summarize(record, catalog), catalog)
    return len(catalog.meetings)


def meeting_page_json(page: MeetingPage, next_url: str | None, catalog: Catalog) -> bytes:
    """:class:`MeetingPageOut` JSON."""
    return orjson.dumps({
        "total": page.total, "limit": page.limit, "offset": page.offset,
        "items": [summary_json(m, catalog) for m in page.items], "next": next_url,
    })


def met_json(result: MetResult, catalog: Catalog) -> bytes:
    """:class:`MetOut` JSON."""
    return orjson.dumps({
        "actor": _ref(result.actor), "total": result.total, "limit": result.limit,
        "offset": result.offset,
        "counterparts": [{
            "actor": _ref(c.actor), "count": c.count, "first": c.first, "last": c.last,
            "meetings": [summary_json(m, catalog) for m in c.meetings],
        } for c in result.counterparts],
    })
