"""``Annotated`` dependencies that validate: routes receive checked values or never run.

An unknown actor id raises :class:`graph.errors.NotFound`, a malformed date
:class:`graph.errors.BadInput`, so every route answers them the same way.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Path, Query, Request

from app.state import AppState
from graph.errors import BadInput, NotFound, Unavailable
from graph.queries import ActorRecord, check_date, normalize
from graph.queries.catalog import Catalog

__all__ = [
    "ActorDep",
    "ActorFilter",
    "CountryFilter",
    "PlaceFilter",
    "Since",
    "StateDep",
    "TopicFilter",
    "Until",
    "check_range",
    "resolve_actor",
    "resolve_topic",
]


def get_state(request: Request) -> AppState:
    state = getattr(request.app.state, "dipgraph", None)
    if state is None:
        raise Unavailable("the graph is not loaded yet")
    return state


StateDep = Annotated[AppState, Depends(get_state)]


def resolve_actor(catalog: Catalog, ident: str, kind: str = "actor") -> str:
    """An actor id; a bare ISO code (``US``) is read as ``country/US``; otherwise an
    exact name or alias (``Istanbul``, ``Sergei Lavrov``) of the wanted kind."""
    ident = ident.strip().strip("/")
    if "/" not in ident and len(ident) == 2 and ident.isalpha():
        ident = f"country/{ident.upper()}"
    if ident in catalog.actors:
        return ident
    # a name or alias ("Istanbul", "Russia", "Lavrov"): the exact match of the right kind
    wanted = {"place": ("Place", "Country"), "country": ("Country",)}.get(kind)
    found = catalog.by_name(ident, wanted)
    if found is None:
        raise NotFound(kind, ident)
    return found


def resolve_topic(catalog: Catalog, value: str) -> str:
    """A topic id, or the id of the topic whose label is ``value``."""
    value = value.strip()
    if value in catalog.topics:
        return value
    wanted = normalize(value)
    for topic in catalog.topics.values():
        if normalize(topic.label) == wanted:
            return topic.id
    raise NotFound("topic", value)


def _actor(
    state: StateDep,
    id: Annotated[str, Path(description="actor id, e.g. person/sergey-lavrov")],
) -> ActorRecord:
    return state.catalog.actor(resolve_actor(state.catalog, id))


ActorDep = Annotated[ActorRecord, Depends(_actor)]


def _since(since: Annotated[str | None, Query(description="YYYY, YYYY-MM or YYYY-MM-DD",
                                              examples=["2025-01"])] = None) -> str | None:
    return check_date(since, "since") if since is not None else None


def _until(until: Annotated[str | None, Query(description="YYYY, YYYY-MM or YYYY-MM-DD",
                                              examples=["2025-12-31"])] = None) -> str | None:
    return check_date(until, "until") if until is not None else None


def check_range(since: str | None, until: str | None) -> None:
    if since and until and since > until[: len(since)]:
        raise BadInput(f"since ({since}) is after until ({until})")


Since = Annotated[str | None, Depends(_since)]
Until = Annotated[str | None, Depends(_until)]


def _topic(state: StateDep, topic: Annotated[
        str | None, Query(description="topic id or label", examples=["topic/ukraine"])] = None
           ) -> str | None:
    return resolve_topic(state.catalog, topic) if topic is not None else None


def _actor_filter(state: StateDep, actor: Annotated[
        str | None, Query(description="actor id; for a country also its people")] = None
                  ) -> str | None:
    return resolve_actor(state.catalog, actor) if actor is not None else None


def _country_filter(state: StateDep, country: Annotated[
        str | None, Query(description="country id or ISO code (meetings its people attended)",
                          examples=["country/US"])] = None) -> str | None:
    return resolve_actor(state.catalog, country, "country") if country is not None else None


def _place_filter(state: StateDep, place: Annotated[
        str | None, Query(description="place or country id (places within it count)")] = None
                  ) -> str | None:
    return resolve_actor(state.catalog, place, "place") if place is not None else None


TopicFilter = Annotated[str | None, Depends(_topic)]
ActorFilter = Annotated[str | None, Depends(_actor_filter)]
CountryFilter = Annotated[str | None, Depends(_country_filter)]
PlaceFilter = Annotated[str | None, Depends(_place_filter)]
