"""GET /api/actors: search, detail, met, timeline, top."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

ISTANBUL = "meeting/5d41402abc4b"  # Lavrov + Rubio, 2025-04-10, planned then held
RIYADH = "meeting/7c211433f020"  # Lavrov, Rubio, Witkoff, Faisal; 2025-02-18
PHONE = "meeting/9e107d9d3720"  # Wang Yi + Lavrov by phone, 2024-11
CANCELLED = "meeting/1f3870be2749"  # Rubio + Wang Yi, 2025, cancelled
NATO = "meeting/8277e0910d75"  # Rutte, Rubio, NATO; Brussels, 2025-03-05


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"q": "lavrov"}, ["person/sergey-lavrov"]),
        ({"q": "SERGEI"}, ["person/sergey-lavrov"]),  # an alias, any case
        ({"q": "turkiye"}, ["country/TR"]),  # accents ignored
        ({"q": "us", "type": "Country"}, ["country/US", "country/RU"]),  # exact name first
        ({"q": "north atlantic"}, ["org/nato"]),
        ({"q": "riyadh", "type": "Place"}, ["place/riyadh"]),
        ({"q": "rub", "type": "Country"}, []),
        ({"q": "", "type": "Organization"}, ["org/nato"]),
    ],
)
def test_search(client: TestClient, params: dict[str, str], expected: list[str]) -> None:
    r = client.get("/api/actors", params=params)
    assert r.status_code == 200
    body = r.json()
    assert [a["id"] for a in body["items"]] == expected
    assert body["total"] == len(expected)


def test_search_pages(client: TestClient) -> None:
    first = client.get("/api/actors", params={"limit": 2}).json()
    second = client.get("/api/actors", params={"limit": 2, "offset": 2}).json()
    assert first["total"] == second["total"] == 17
    assert not {a["id"] for a in first["items"]} & {a["id"] for a in second["items"]}


def test_detail(client: TestClient) -> None:
    r = client.get("/api/actors/person/marco-rubio")
    assert r.status_code == 200
    body = r.json()
    assert body["name"] == "Marco Rubio"
    assert body["aliases"] == ["Marco Antonio Rubio", "Rubio"]
    assert body["country"]["id"] == "country/US"
    assert body["roles"] == [{"label": "Secretary of State", "scope": {
        "id": "country/US", "type": "Country", "name": "United States"}}]
    assert body["meetings"] == 4
    assert [a["doc"] for a in body["articles"]] == ["a2", "a1", "a5", "a3"]  # newest first
    assert body["articles"][0]["url"] == "https://news.example.org/a2"


@pytest.mark.parametrize(
    ("actor", "params", "expected"),
    [
        ("person/sergey-lavrov", {}, {"person/marco-rubio": 2, "person/faisal-bin-farhan": 1,
                                       "person/steve-witkoff": 1, "person/wang-yi": 1}),
        ("person/sergey-lavrov", {"since": "2025"}, {"person/marco-rubio": 2,
                                                      "person/faisal-bin-farhan": 1,
                                                      "person/steve-witkoff": 1}),
        ("person/sergey-lavrov", {"topic": "trade"}, {"person/wang-yi": 1}),
        ("person/marco-rubio", {"status": "cancelled"}, {"person/wang-yi": 1}),
        ("person/marco-rubio", {"until": "2025-02"}, {
            "person/sergey-lavrov": 1, "person/steve-witkoff": 1,
            "person/faisal-bin-farhan": 1, "person/wang-yi": 1}),  # "2025" overlaps
        # a country: meetings its people attended; its own people are not counterparts
        ("country/US", {"since": "2025-03-01"}, {"person/sergey-lavrov": 1,
                                                 "person/mark-rutte": 1, "org/nato": 1,
                                                 "person/wang-yi": 1}),
        ("org/nato", {}, {"person/marco-rubio": 1}),
        ("person/mark-rutte", {}, {"person/marco-rubio": 1}),  # not NATO, his own side
    ],
)
def test_met(client: TestClient, actor: str, params: dict[str, str],
             expected: dict[str, int]) -> None:
    r = client.get(f"/api/actors/{actor}/met", params=params)
    assert r.status_code == 200
    body = r.json()
    assert {c["actor"]["id"]: c["count"] for c in body["counterparts"]} == expected
    assert body["total"] == len(expected)


def test_met_lists_meetings_with_dates(client: TestClient) -> None:
    body = client.get("/api/actors/person/sergey-lavrov/met").json()
    rubio = body["counterparts"][0]
    assert rubio["actor"]["id"] == "person/marco-rubio"
    assert (rubio["first"], rubio["last"]) == ("2025-02-18", "2025-04-10")
    assert [m["id"] for m in rubio["meetings"]] == [ISTANBUL, RIYADH]
    assert rubio["meetings"][0]["place"]["name"] == "Istanbul"


def test_timeline(client: TestClient) -> None:
    body = client.get("/api/actors/person/marco-rubio/timeline").json()
    assert [m["id"] for m in body["meetings"]] == [CANCELLED, RIYADH, NATO, ISTANBUL]
    assert body["by_month"] == {"2025": 1, "2025-02": 1, "2025-03": 1, "2025-04": 1}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"n": 2}, [("person/marco-rubio", 4), ("person/sergey-lavrov", 3)]),
        ({"type": "Country"}, [("country/CN", 1), ("country/RU", 1)]),
        ({"since": "2025-03", "n": 1}, [("person/marco-rubio", 3)]),
        ({"until": "2024", "n": 5}, [("person/sergey-lavrov", 1), ("person/wang-yi", 1)]),
    ],
)
def test_top(client: TestClient, params: dict[str, str],
             expected: list[tuple[str, int]]) -> None:
    r = client.get("/api/actors/top", params=params)
    assert r.status_code == 200
    assert [(a["id"], a["meetings"]) for a in r.json()["items"]] == expected


@pytest.mark.parametrize(
    ("url", "status", "code"),
    [
        ("/api/actors/person/nobody", 404, "not_found"),
        ("/api/actors/person/nobody/met", 404, "not_found"),
        ("/api/actors/person/nobody/timeline", 404, "not_found"),
        ("/api/actors/person/sergey-lavrov/met?since=2025-02-30", 422, "bad_input"),
        ("/api/actors/person/sergey-lavrov/met?until=yesterday", 422, "bad_input"),
        ("/api/actors/person/sergey-lavrov/met?since=2025-05&until=2025-01", 422, "bad_input"),
        ("/api/actors/person/sergey-lavrov/met?status=maybe", 422, "bad_input"),
        ("/api/actors/person/sergey-lavrov/met?topic=cheese", 404, "not_found"),
        ("/api/actors?type=Planet", 422, "bad_input"),
        ("/api/actors?limit=0", 422, "bad_input"),
        ("/api/actors/top?n=-1", 422, "bad_input"),
        ("/api/actors/top?since=20251", 422, "bad_input"),
    ],
)
def test_errors(client: TestClient, url: str, status: int, code: str) -> None:
    r = client.get(url)
    assert r.status_code == status
    body = r.json()
    assert set(body) == {"error"}
    assert body["error"]["code"] == code
    assert body["error"]["message"]
