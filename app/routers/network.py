"""``/api/paths`` and ``/api/subgraph``: answers from the who-met-whom network."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query

from app.deps import Since, StateDep, TopicFilter, Until, check_range, resolve_actor
from app.errors import ERROR_RESPONSES
from app.schemas import (
    ActorRefOut,
    CyEdge,
    CyEdgeData,
    CyNode,
    CyNodeData,
    HopOut,
    PathOut,
    PathsOut,
    SubgraphOut,
)

__all__ = ["router"]

router = APIRouter(prefix="/api", tags=["network"], responses=ERROR_RESPONSES)


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


@router.get("/subgraph", response_model=SubgraphOut,
            summary="Ego network of an actor as Cytoscape.js elements")
def subgraph(
    state: StateDep,
    center: Annotated[str, Query(description="actor id")],
    since: Since,
    until: Until,
    topic: TopicFilter,
    depth: Annotated[int, Query(ge=0, le=4)] = 1,
    limit: Annotated[int, Query(ge=1, le=1000, description="most nodes returned")] = 50,
    status: Literal["held", "planned", "cancelled"] | None = None,
) -> SubgraphOut:
    check_range(since, until)
    cat = state.catalog
    ident = resolve_actor(cat, center)
    sub = state.network.ego_subgraph(ident, depth, limit, since=since, until=until,
                                     topic=topic, status=status)
    nodes = [CyNode(data=CyNodeData(id=n.id, label=n.name, type=n.type, meetings=n.meetings,
                                    depth=n.depth, more=n.more)) for n in sub.nodes]
    if not nodes:  # an actor without meetings: just itself
        rec = cat.actor(ident)
        nodes = [CyNode(data=CyNodeData(id=rec.id, label=rec.name, type=rec.type,
                                        meetings=0, depth=0, more=0))]
    edges = [CyEdge(data=CyEdgeData(id=f"{e.source}|{e.target}", source=e.source,
                                    target=e.target, count=e.count, first=e.first,
                                    last=e.last, meetings=list(e.meetings)))
             for e in sub.edges]
    return SubgraphOut(center=ident, truncated=sub.truncated, nodes=nodes, edges=edges)
