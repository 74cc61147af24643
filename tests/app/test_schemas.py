"""The orjson encoders of app.schemas write what the pydantic response models would."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.schemas import MeetingPageOut, MetOut, meeting_page_json, met_json
from graph.queries import Catalog, MeetingFilters, actor_met, list_meetings
from graph.store import GraphStore

SAMPLE = Path(__file__).parent / "fixtures" / "sample.trig"


@pytest.fixture(scope="module")
def loaded() -> tuple[GraphStore, Catalog]:
    store = GraphStore()
    store.import_file(SAMPLE)
    return store, Catalog.build(store)


def _model_json(model: type[MetOut] | type[MeetingPageOut], data: object) -> object:
    return json.loads(model.model_validate(data).model_dump_json(by_alias=True))


@pytest.mark.parametrize("params", [
    {}, {"limit": 1}, {"offset": 1, "meetings": 0}, {"since": "2025-03"}, {"status": "held"},
])
def test_met_json_matches_model(loaded: tuple[GraphStore, Catalog],
                                params: dict[str, object]) -> None:
    store, catalog = loaded
    checked = 0
    for ident, rec in catalog.actors.items():
        if not rec.meetings:
            continue
        result = actor_met(store, catalog, ident, **params)  # type: ignore[arg-type]
        fast = json.loads(met_json(result, catalog))
        assert fast == _model_json(MetOut, result)
        checked += bool(fast["counterparts"])
    assert checked > 3


@pytest.mark.parametrize("filters", [
    MeetingFilters(), MeetingFilters(country="country/US"), MeetingFilters(status="planned"),
    MeetingFilters(since="2025-04", until="2025-12"), MeetingFilters(mode="phone"),
])
@pytest.mark.parametrize("next_url", [None, "http://testserver/api/meetings?offset=2"])
def test_meeting_page_json_matches_model(loaded: tuple[GraphStore, Catalog],
                                         filters: MeetingFilters, next_url: str | None) -> None:
    store, catalog = loaded
    page = list_meetings(store, catalog, filters, limit=3)
    fast = json.loads(meeting_page_json(page, next_url, catalog))
    expected = _model_json(MeetingPageOut, {**page.__dict__, "next": next_url})
    assert fast == expected
    assert fast["total"] == page.total


def test_summaries_encoded_once(loaded: tuple[GraphStore, Catalog]) -> None:
    store, catalog = loaded
    page = list_meetings(store, catalog, MeetingFilters(), limit=2)
    meeting_page_json(page, None, catalog)
    memo = catalog.memo("summary-json")
    first = {k: v[1] for k, v in memo.items()}
    assert {m.id for m in page.items} <= set(first)
    meeting_page_json(list_meetings(store, catalog, MeetingFilters(), limit=2), None, catalog)
    assert all(memo[k][1] is v for k, v in first.items())


def test_warm_summaries_encodes_every_meeting(loaded: tuple[GraphStore, Catalog]) -> None:
    from app.schemas import warm_summaries

    store, _ = loaded
    catalog = Catalog.build(store)
    assert warm_summaries(catalog) == len(catalog.meetings) > 0
    assert set(catalog.memo("summary-json")) == set(catalog.meetings)
    page = list_meetings(store, catalog, MeetingFilters(), limit=len(catalog.meetings))
    fast = json.loads(meeting_page_json(page, None, catalog))
    assert fast == _model_json(MeetingPageOut, {**page.__dict__, "next": None})
