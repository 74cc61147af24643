"""GET /api/meetings (filters, paging), /api/meetings/between, /api/meetings/{id}."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

ISTANBUL = "meeting/5d41402abc4b"  # Lavrov + Rubio, 2025-04-10, planned then held, Istanbul
RIYADH = "meeting/7c211433f020"  # Lavrov, Rubio, Witkoff, Faisal; 2025-02-18; Riyadh
PHONE = "meeting/9e107d9d3720"  # Wang Yi + Lavrov by phone, 2024-11
CONSULT = "meeting/e4d909c290d0"  # China + Russia (countries), 2025-01-20
CANCELLED = "meeting/1f3870be2749"  # Rubio + Wang Yi, 2025, cancelled
NATO = "meeting/8277e0910d75"  # Rutte, Rubio, NATO; Brussels, 2025-03-05
NEWEST_FIRST = [ISTANBUL, NATO, RIYADH, CONSULT, CANCELLED, PHONE]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, NEWEST_FIRST),
        ({"sort": "date"}, NEWEST_FIRST[::-1]),
        ({"actor": "person/wang-yi"}, [CANCELLED, PHONE]),
        ({"actor": "country/RU"}, [ISTANBUL, RIYADH, CONSULT, PHONE]),  # its people count
        ({"country": "US"}, [ISTANBUL, NATO, RIYADH, CANCELLED]),  # ISO code accepted
        ({"country": "country/CN", "status": "held"}, [CONSULT, PHONE]),
        ({"place": "place/istanbul"}, [ISTANBUL]),
        ({"place": "country/BE"}, [NATO]),  # places within the country
        ({"topic": "topic/ukraine"}, [NATO, RIYADH]),
        ({"topic": "Defence Spending"}, [NATO]),  # a label is accepted
        ({"since": "2025-03"}, [ISTANBUL, NATO, CANCELLED]),
        ({"until": "2025-01"}, [CONSULT, CANCELLED, PHONE]),
        ({"since": "2025-02-18", "until": "2025-02-18"}, [RIYADH, CANCELLED]),
        ({"status": "cancelled"}, [CANCELLED]),
        ({"status": "planned"}, []),  # Istanbul was planned, then reported held
        ({"status": "held", "mode": "in_person"}, [ISTANBUL, NATO, RIYADH]),
        ({"mode": "phone"}, [PHONE]),
        ({"actor": "person/marco-rubio", "topic": "trade"}, [CANCELLED]),
    ],
)
def test_filters(client: TestClient, params: dict[str, str], expected: list[str]) -> None:
    r = client.get("/api/meetings", params=params)
    assert r.status_code == 200, r.text
    body = r.json()
    assert [m["id"] for m in body["items"]] == expected
    assert body["total"] == len(expected)


def test_paging_and_next_link(client: TestClient) -> None:
    ids = []
    url: str | None = "/api/meetings?limit=4"
    while url:
        body = client.get(url).json()
        assert body["total"] == 6
        ids += [m["id"] for m in body["items"]]
        url = body["next"]
    assert ids == NEWEST_FIRST


def test_summary_fields(client: TestClient) -> None:
    body = client.get("/api/meetings", params={"mode": "phone"}).json()
    (m,) = body["items"]
    assert m == {
        "id": PHONE, "label": "phone call", "date": "2024-11", "status": "held",
        "mode": "phone", "kind": "041", "confidence": 0.6, "place": None,
        "participants": [  # persons first, by name
            {"id": "person/sergey-lavrov", "type": "Person", "name": "Sergey Lavrov"},
            {"id": "person/wang-yi", "type": "Person", "name": "Wang Yi"},
        ],
        "topics": [{"id": "topic/trade", "label": "trade"}],
    }


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("country/US", "country/RU", [ISTANBUL, RIYADH]),
        ("person/marco-rubio", "person/sergey-lavrov", [ISTANBUL, RIYADH]),
        ("US", "org/nato", [NATO]),
        ("country/CN", "country/RU", [CONSULT, PHONE]),
        ("country/US", "country/SA", [RIYADH]),
        ("person/mark-rutte", "person/wang-yi", []),
    ],
)
def test_between(client: TestClient, a: str, b: str, expected: list[str]) -> None:
    r = client.get("/api/meetings/between", params={"a": a, "b": b})
    assert r.status_code == 200, r.text
    assert [m["id"] for m in r.json()["items"]] == expected
    back = client.get("/api/meetings/between", params={"a": b, "b": a}).json()
    assert [m["id"] for m in back["items"]] == expected  # symmetric


def test_detail(client: TestClient) -> None:
    r = client.get(f"/api/meetings/{ISTANBUL}")
    assert r.status_code == 200
    m = r.json()
    assert m["status"] == "held"
    assert m["reports"] == [{"article": "article/a1", "status": "planned"},
                            {"article": "article/a2", "status": "held"}]
    assert [t["id"] for t in m["excluded_topics"]] == ["topic/ukraine"]
    assert [t["id"] for t in m["topics"]] == ["topic/embassy-operations"]
    assert [(e["article"], e["start"], e["end"]) for e in m["evidence"]] == [
        ("article/a1", 120, 213), ("article/a2", 0, 45)]
    assert [(a["doc"], a["title"], a["published"]) for a in m["articles"]] == [
        ("a1", "Russia and US to hold embassy talks in Istanbul", "2025-04-08"),
        ("a2", "Lavrov and Rubio meet in Istanbul", "2025-04-11")]
    assert (m["kind"], m["confidence"], m["mode"]) == ("044", 0.9, "in_person")
    assert m["place"] == {"id": "place/istanbul", "type": "Place", "name": "Istanbul"}


@pytest.mark.parametrize(
    ("url", "status", "code"),
    [
        ("/api/meetings/meeting/000000000000", 404, "not_found"),
        ("/api/meetings/person/sergey-lavrov", 404, "not_found"),
        ("/api/meetings?actor=person/nobody", 404, "not_found"),
        ("/api/meetings?country=ZZ", 404, "not_found"),
        ("/api/meetings?topic=cheese", 404, "not_found"),
        ("/api/meetings?since=2025-1", 422, "bad_input"),
        ("/api/meetings?since=2025-05&until=2025-01", 422, "bad_input"),
        ("/api/meetings?status=rumoured", 422, "bad_input"),
        ("/api/meetings?mode=carrier-pigeon", 422, "bad_input"),
        ("/api/meetings?limit=100000", 422, "bad_input"),
        ("/api/meetings?offset=-1", 422, "bad_input"),
        ("/api/meetings?sort=name", 422, "bad_input"),
        ("/api/meetings/between?a=country/US", 422, "bad_input"),
        ("/api/meetings/between?a=country/US&b=country/US", 422, "bad_input"),
        ("/api/meetings/between?a=country/US&b=person/nobody", 404, "not_found"),
    ],
)
def test_errors(client: TestClient, url: str, status: int, code: str) -> None:
    r = client.get(url)
    assert r.status_code == status
    assert r.json()["error"]["code"] == code
