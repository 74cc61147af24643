"""``/api/paths`` and ``/api/subgraph``: answers from the who-met-whom network.

``/api/subgraph`` is the page's hot path: its answer is written with orjson from plain
dicts (no per-element response models; the declared model documents it), the edges are
capped (``edges``) and each lists only its latest meeting ids; ``/api/subgraph/meetings``
pages through all the meetings behind one edge.
"""

from __future__ import annotations

from typing import Annotated, Literal

import orjson
from fastapi import APIRouter, Query, Request, Response
from pydantic import Field

from app.deps import CountryFilter, Since, StateDep, TopicFilter, Until, check_range, resolve_actor
from app.errors import ERROR_RESPONSES
from app.schemas import (
    ActorRefOut,
    CyEdge,
    CyEdgeData,
    HopOut,
    MeetingPageOut,
    PathOut,
    PathsOut,
    SubgraphOut,
    json_response,
    meeting_page_json,
)
from graph.network import EDGE_MEETING_IDS
from graph.queries.meetings import MeetingPage, summarize

__all__ = ["SubgraphEdgeData", "SubgraphPageOut", "router"]

router = APIRouter(prefix="/api", tags=["network"], responses=ERROR_RESPONSES)

Status = Literal["held", "planned", "cancelled"]


class SubgraphEdgeData(CyEdgeData):
    count: int = Field(description="meetings of the two actors under the filters")
    meetings: list[str] = Field(description="ids of the latest of them (at most `ids`); "
                                "/api/subgraph/meetings lists them all")


class SubgraphEdge(CyEdge):
    data: SubgraphEdgeData


class SubgraphPageOut(SubgraphOut):
    """Cytoscape.js elements: ``cy.add([...nodes, ...edges])``."""

    edges: list[SubgraphEdge]  # type: ignore[assignment]
    edges_total: int = Field(description="edges among the nodes before `edges` capped them "
                             "(the centre's edges are kept first, then the busiest)")


@router.get("/paths", response_model=PathsOut, response_model_by_alias=True,
            summary="Shortest chains of meetings linking two actors")
def paths(
    state: StateDep,
    source: Annotated[str, Query(alias="from", description="actor id")],
    target: Annotated[str, Query(alias="to", description="actor id")],
    max_hops: Annotated[int, Query(ge=1, le=6)] = 3,
    limit: Annotated[int, Query(ge=1, le=50)] = 5,
) -> PathsOut:
    cat = state.catalog
    a, b = resolve_actor(cat, source), resolve_actor(cat, target)
    found = state.network.paths(a, b, max_hops=max_hops, limit=limit) \
        if a in state.network and b in state.network else []
    return PathsOut.model_validate({
        "from": cat.ref(a), "to": cat.ref(b),
        "paths": [PathOut(nodes=[ActorRefOut.model_validate(cat.ref(n)) for n in p.nodes],
                          hops=[HopOut.model_validate(h) for h in p.hops]) for p in found],
    })


@router.get("/subgraph", response_model=SubgraphPageOut,
            summary="Ego network of an actor as Cytoscape.js elements")
def subgraph(
    state: StateDep,
    center: Annotated[str, Query(description="actor id, name or alias")],
    since: Since,
    until: Until,
    topic: TopicFilter,
    country: CountryFilter,
    depth: Annotated[int, Query(ge=0, le=4)] = 1,
    limit: Annotated[int, Query(ge=1, le=1000, description="most nodes returned")] = 50,
    status: Status | None = None,
    ids: Annotated[int, Query(ge=0, le=100, description="most meeting ids per edge")]
    = EDGE_MEETING_IDS,
    edges: Annotated[int, Query(ge=0, le=20000, description="most edges returned")] = 300,
) -> Response:
    check_range(since, until)
    cat = state.catalog
    ident = resolve_actor(cat, center)
    sub = state.network.ego_subgraph(ident, depth, limit, since=since, until=until,
                                     topic=topic, status=status, country=country, ids=ids,
                                     max_edges=edges)
    nodes = [{"data": {"id": n.id, "label": n.name, "type": n.type, "meetings": n.meetings,
                       "depth": n.depth, "more": n.more}} for n in sub.nodes]
    if not nodes:  # an actor without meetings: just itself
        rec = cat.actor(ident)
        nodes = [{"data": {"id": rec.id, "label": rec.name, "type": rec.type, "meetings": 0,
                           "depth": 0, "more": 0}}]
    links = [{"data": {"id": f"{s}|{t}", "source": s, "target": t, "count": n,
                       "first": first, "last": last, "meetings": list(latest)}}
             for s, t, n, first, last, latest in sub.edges]
    return json_response(orjson.dumps({"center": ident, "truncated": sub.truncated,
                                       "nodes": nodes, "edges": links,
                                       "edges_total": sub.edges_total}))


@router.get("/subgraph/meetings", response_model=MeetingPageOut,
            summary="The meetings behind one edge of a subgraph, newest first")
def edge_meetings(
    request: Request,
    state: StateDep,
    a: Annotated[str, Query(description="actor id")],
    b: Annotated[str, Query(description="actor id")],
    since: Since,
    until: Until,
    topic: TopicFilter,
    country: CountryFilter,
    status: Status | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Response:
    check_range(since, until)
    cat = state.catalog
    first, second = resolve_actor(cat, a), resolve_actor(cat, b)
    found = state.network.pair_meetings(first, second, since=since, until=until, topic=topic,
                                        status=status, country=country) \
        if first in state.network and second in state.network else []
    items = tuple(summarize(cat.meetings[m], cat) for m in found[::-1][offset:offset + limit])
    nxt = str(request.url.include_query_params(offset=offset + limit)) \
        if offset + limit < len(found) else None
    page = MeetingPage(total=len(found), limit=limit, offset=offset, items=items)
    return json_response(meeting_page_json(page, nxt, cat))
