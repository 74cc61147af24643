"""``/api/topics``: topic search."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from app.deps import StateDep
from app.errors import ERROR_RESPONSES
from app.schemas import TopicOut, TopicSearchOut

__all__ = ["router"]

router = APIRouter(prefix="/api/topics", tags=["topics"], responses=ERROR_RESPONSES)


@router.get("", response_model=TopicSearchOut, summary="Topics whose label contains q")
def topics(
    state: StateDep,
    q: Annotated[str, Query(description="part of a topic label")] = "",
    limit: Annotated[int, Query(ge=1, le=500)] = 20,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> TopicSearchOut:
    total, items = state.catalog.search_topics(q, limit, offset)
    return TopicSearchOut(total=total, items=[TopicOut.model_validate(t) for t in items])
