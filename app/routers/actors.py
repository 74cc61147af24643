"""``/api/actors``: search, detail, who an actor met, timeline, most active actors."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response

from app.deps import ActorDep, Since, StateDep, TopicFilter, Until, check_range
from app.errors import ERROR_RESPONSES
from app.schemas import (
    ActorDetailOut,
    ActorSearchOut,
    ActorSummaryOut,
    MetOut,
    RankedOut,
    TimelineOut,
    TopOut,
    json_response,
    met_json,
)
from graph.queries import actor_detail, actor_met, actor_timeline

__all__ = ["router"]

router = APIRouter(prefix="/api/actors", tags=["actors"], responses=ERROR_RESPONSES)

ActorType = Literal["Person", "Country", "Organization", "Place"]
Status = Literal["held", "planned", "cancelled"]


@router.get("", response_model=ActorSearchOut, summary="Search actors by name or alias")
def search_actors(
    state: StateDep,
    q: Annotated[str, Query(description="part of a name or alias (any case, any accents)")] = "",
    type: ActorType | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 20,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> ActorSearchOut:
    total, items = state.catalog.search(q, type, limit, offset)
    return ActorSearchOut(total=total, limit=limit, offset=offset,
                          items=[ActorSummaryOut.model_validate(a) for a in items])


@router.get("/top", response_model=TopOut, summary="Actors with the most meetings")
def top_actors(
    state: StateDep,
    since: Since,
    until: Until,
    type: ActorType | None = None,
    n: Annotated[int, Query(ge=1, le=500)] = 20,
) -> TopOut:
    check_range(since, until)
    items = state.network.top(since=since, until=until, type=type, n=n)
    return TopOut(items=[RankedOut.model_validate(r) for r in items])


@router.get("/{id:path}/met", response_model=MetOut, summary="Whom an actor met")
def actor_counterparts(
    state: StateDep,
    actor: ActorDep,
    since: Since,
    until: Until,
    topic: TopicFilter,
    status: Status | None = None,
    limit: Annotated[int, Query(ge=1, le=500, description="counterparts per page")] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
    meetings: Annotated[int, Query(ge=0, le=100,
                                   description="latest meetings listed per counterpart")] = 5,
) -> Response:
    check_range(since, until)
    catalog = state.catalog
    result = actor_met(state.store, catalog, actor.id, since=since, until=until,
                       topic=topic, status=status, limit=limit, offset=offset,
                       meetings=meetings)
    return json_response(met_json(result, catalog))


@router.get("/{id:path}/timeline", response_model=TimelineOut,
            summary="An actor's meetings in date order")
def timeline(
    state: StateDep,
    actor: ActorDep,
    since: Since,
    until: Until,
    limit: Annotated[int, Query(ge=1, le=5000)] = 500,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> TimelineOut:
    check_range(since, until)
    result = actor_timeline(state.store, state.catalog, actor.id, since=since, until=until,
                            limit=limit, offset=offset)
    return TimelineOut.model_validate(result)


@router.get("/{id:path}", response_model=ActorDetailOut,
            summary="One actor: names, country, roles, source articles")
def actor(state: StateDep, actor: ActorDep) -> ActorDetailOut:
    return ActorDetailOut.model_validate(actor_detail(state.store, state.catalog, actor.id))
