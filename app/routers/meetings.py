"""``/api/meetings``: filtered lists, meetings between two actors, one meeting."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request, Response

from app.deps import (
    ActorFilter,
    CountryFilter,
    PlaceFilter,
    Since,
    StateDep,
    TopicFilter,
    Until,
    check_range,
    resolve_actor,
)
from app.errors import ERROR_RESPONSES
from app.schemas import MeetingDetailOut, MeetingPageOut, json_response, meeting_page_json
from graph.queries import (
    Catalog,
    MeetingFilters,
    MeetingPage,
    list_meetings,
    meeting_detail,
    meetings_between,
)

__all__ = ["router"]

router = APIRouter(prefix="/api/meetings", tags=["meetings"], responses=ERROR_RESPONSES)

Status = Literal["held", "planned", "cancelled"]
Mode = Literal["in_person", "phone"]
Limit = Annotated[int, Query(ge=1, le=500)]
Offset = Annotated[int, Query(ge=0)]


def _page(request: Request, catalog: Catalog, page: MeetingPage) -> Response:
    nxt = None
    if page.offset + page.limit < page.total:
        nxt = str(request.url.include_query_params(offset=page.offset + page.limit))
    return json_response(meeting_page_json(page, nxt, catalog))


@router.get("", response_model=MeetingPageOut, summary="Meetings, filtered and paginated")
def meetings(
    request: Request,
    state: StateDep,
    actor: ActorFilter,
    country: CountryFilter,
    place: PlaceFilter,
    topic: TopicFilter,
    since: Since,
    until: Until,
    status: Status | None = None,
    mode: Mode | None = None,
    sort: Annotated[Literal["date", "-date"], Query(description="-date: newest first")] = "-date",
    limit: Limit = 50,
    offset: Offset = 0,
) -> Response:
    check_range(since, until)
    filters = MeetingFilters(actor=actor, country=country, place=place, topic=topic,
                             since=since, until=until, status=status, mode=mode)
    catalog = state.catalog
    page = list_meetings(state.store, catalog, filters, limit=limit, offset=offset, sort=sort)
    return _page(request, catalog, page)


@router.get("/between", response_model=MeetingPageOut,
            summary="Meetings of two actors (a country: its people count)")
def between(
    request: Request,
    state: StateDep,
    a: Annotated[str, Query(description="actor id", examples=["country/US"])],
    b: Annotated[str, Query(description="actor id", examples=["country/RU"])],
    since: Since,
    until: Until,
    topic: TopicFilter,
    status: Status | None = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Response:
    check_range(since, until)
    first, second = resolve_actor(state.catalog, a), resolve_actor(state.catalog, b)
    filters = MeetingFilters(since=since, until=until, topic=topic, status=status)
    catalog = state.catalog
    page = meetings_between(state.store, catalog, first, second, filters,
                            limit=limit, offset=offset)
    return _page(request, catalog, page)


@router.get("/{id:path}", response_model=MeetingDetailOut,
            summary="One meeting with evidence and sources")
def meeting(state: StateDep, id: str) -> MeetingDetailOut:
    return MeetingDetailOut.model_validate(meeting_detail(state.store, state.catalog, id))
