"""GET /api/paths, /api/subgraph (Cytoscape.js elements) and /api/topics."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from pydantic import BaseModel

from app.routers.network import SubgraphPageOut
from app.schemas import MeetingPageOut

RIYADH = "meeting/7c211433f020"
NATO = "meeting/8277e0910d75"
ISTANBUL = "meeting/5d41402abc4b"


def test_paths(client: TestClient) -> None:
    r = client.get("/api/paths", params={"from": "person/steve-witkoff",
                                         "to": "person/mark-rutte"})
    assert r.status_code == 200
    body = r.json()
    assert body["from"]["name"] == "Steve Witkoff" and body["to"]["name"] == "Mark Rutte"
    (path,) = body["paths"]
    assert [n["id"] for n in path["nodes"]] == [
        "person/steve-witkoff", "person/marco-rubio", "person/mark-rutte"]
    assert [(h["meeting"], h["date"]) for h in path["hops"]] == [
        (RIYADH, "2025-02-18"), (NATO, "2025-03-05")]


@pytest.mark.parametrize(
    ("params", "count"),
    [
        ({"from": "person/steve-witkoff", "to": "person/mark-rutte", "max_hops": 1}, 0),
        ({"from": "person/faisal-bin-farhan", "to": "person/wang-yi"}, 2),  # via Lavrov/Rubio
        ({"from": "person/mark-rutte", "to": "country/CN"}, 0),  # not connected
        ({"from": "country/TR", "to": "person/wang-yi"}, 0),  # no meetings at all
    ],
)
def test_path_counts(client: TestClient, params: dict[str, object], count: int) -> None:
    r = client.get("/api/paths", params=params)
    assert r.status_code == 200
    assert len(r.json()["paths"]) == count


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"from": "person/nobody", "to": "person/wang-yi"}, 404),
        ({"from": "person/wang-yi"}, 422),
        ({"from": "person/wang-yi", "to": "person/wang-yi"}, 422),
        ({"from": "person/wang-yi", "to": "person/mark-rutte", "max_hops": 0}, 422),
    ],
)
def test_path_errors(client: TestClient, params: dict[str, object], status: int) -> None:
    r = client.get("/api/paths", params=params)
    assert r.status_code == status
    assert "error" in r.json()


def test_subgraph_is_cytoscape_elements(client: TestClient) -> None:
    r = client.get("/api/subgraph", params={"center": "person/sergey-lavrov"})
    assert r.status_code == 200
    body = r.json()
    ids = {n["data"]["id"] for n in body["nodes"]}
    assert ids == {"person/sergey-lavrov", "person/marco-rubio", "person/wang-yi",
                   "person/steve-witkoff", "person/faisal-bin-farhan"}
    assert body["truncated"] is False
    for edge in body["edges"]:
        data = edge["data"]
        assert data["source"] in ids and data["target"] in ids
        assert data["id"] == f"{data['source']}|{data['target']}"
        assert data["count"] == len(data["meetings"])
    rubio = next(e["data"] for e in body["edges"]
                 if {e["data"]["source"], e["data"]["target"]} ==
                 {"person/sergey-lavrov", "person/marco-rubio"})
    assert (rubio["count"], rubio["first"], rubio["last"]) == (2, "2025-02-18", "2025-04-10")
    center = next(n["data"] for n in body["nodes"] if n["data"]["id"] == "person/sergey-lavrov")
    assert (center["label"], center["type"], center["depth"]) == ("Sergey Lavrov", "Person", 0)


@pytest.mark.parametrize(
    ("params", "nodes", "truncated"),
    [
        ({"limit": 2}, {"person/sergey-lavrov", "person/marco-rubio"}, True),
        ({"topic": "trade"}, {"person/sergey-lavrov", "person/wang-yi"}, False),
        ({"since": "2025-04"}, {"person/sergey-lavrov", "person/marco-rubio"}, False),
        ({"depth": 0}, {"person/sergey-lavrov"}, False),
        ({"country": "CN"}, {"person/sergey-lavrov", "person/wang-yi"}, False),
        ({"country": "United States"}, {"person/sergey-lavrov", "person/marco-rubio",
                                        "person/faisal-bin-farhan", "person/steve-witkoff"},
         False),
        ({"country": "country/SA", "since": "2025-03"}, {"person/sergey-lavrov"}, False),
        ({"country": "NL"}, {"person/sergey-lavrov"}, False),  # Rutte never met Lavrov
        ({"country": "US", "limit": 2}, {"person/sergey-lavrov", "person/marco-rubio"}, True),
        ({"status": "cancelled"}, {"person/sergey-lavrov"}, False),
    ],
)
def test_subgraph_filters(client: TestClient, params: dict[str, object], nodes: set[str],
                          truncated: bool) -> None:
    body = client.get("/api/subgraph",
                      params={"center": "person/sergey-lavrov", **params}).json()
    assert {n["data"]["id"] for n in body["nodes"]} == nodes
    assert body["truncated"] is truncated


def test_subgraph_more_counts(client: TestClient) -> None:
    body = client.get("/api/subgraph", params={"center": "person/sergey-lavrov",
                                               "limit": 2}).json()
    more = {n["data"]["id"]: n["data"]["more"] for n in body["nodes"]}
    # Lavrov's other 3 counterparts and Rubio's 5 (Witkoff, Faisal, Wang Yi, Rutte, NATO)
    assert more == {"person/sergey-lavrov": 3, "person/marco-rubio": 5}


def test_subgraph_depth_two(client: TestClient) -> None:
    body = client.get("/api/subgraph", params={"center": "person/steve-witkoff",
                                               "depth": 2}).json()
    depth = {n["data"]["id"]: n["data"]["depth"] for n in body["nodes"]}
    assert depth["person/marco-rubio"] == 1
    assert depth["person/mark-rutte"] == 2 and depth["org/nato"] == 2


def test_subgraph_of_actor_without_meetings(client: TestClient) -> None:
    body = client.get("/api/subgraph", params={"center": "country/TR"}).json()
    assert [n["data"]["id"] for n in body["nodes"]] == ["country/TR"]
    assert body["edges"] == []


@pytest.mark.parametrize("country", ["country/US", "country/CN", "country/SA", "country/RU"])
def test_subgraph_country_agrees_with_meetings(client: TestClient, country: str) -> None:
    """The meetings behind the centre's edges under ``country`` are the meetings list's
    for the same actor and country."""
    lavrov = "person/sergey-lavrov"
    body = client.get("/api/subgraph", params={"center": lavrov, "country": country}).json()
    behind: set[str] = set()
    for edge in body["edges"]:
        data = edge["data"]
        if lavrov in (data["source"], data["target"]):
            page = client.get("/api/subgraph/meetings", params={
                "a": data["source"], "b": data["target"], "country": country}).json()
            assert page["total"] == data["count"]
            behind |= {m["id"] for m in page["items"]}
    listed = client.get("/api/meetings", params={"actor": lavrov, "country": country}).json()
    assert behind == {m["id"] for m in listed["items"]} != set()


@pytest.mark.parametrize(("ids", "expected"),
                         [(None, [RIYADH, ISTANBUL]), (1, [ISTANBUL]), (0, [])])
def test_subgraph_edge_ids_are_capped(client: TestClient, ids: int | None,
                                      expected: list[str]) -> None:
    """An edge keeps its count but lists only its latest ``ids`` meetings."""
    params = {"center": "person/sergey-lavrov"} | ({} if ids is None else {"ids": ids})
    body = client.get("/api/subgraph", params=params).json()
    edge = next(e["data"] for e in body["edges"]
                if e["data"]["id"] == "person/marco-rubio|person/sergey-lavrov")
    assert (edge["count"], edge["meetings"]) == (2, expected)


@pytest.mark.parametrize(
    ("path", "params", "model"),
    [
        ("/api/subgraph", {"center": "person/sergey-lavrov", "depth": 2}, SubgraphPageOut),
        ("/api/subgraph", {"center": "country/TR"}, SubgraphPageOut),
        ("/api/subgraph/meetings", {"a": "person/sergey-lavrov", "b": "person/marco-rubio",
                                    "limit": 1}, MeetingPageOut),
    ],
)
def test_answers_match_their_documented_models(client: TestClient, path: str,
                                               params: dict[str, object],
                                               model: type[BaseModel]) -> None:
    """The answers written with orjson are what the declared response models say."""
    body = client.get(path, params=params).json()
    assert model.model_validate(body).model_dump(mode="json") == body


@pytest.mark.parametrize("edges", [0, 1, 3, 4, 300])
def test_subgraph_edge_budget(client: TestClient, edges: int) -> None:
    """``edges`` caps the links (the centre's first, busiest first); nodes stay."""
    lavrov = "person/sergey-lavrov"
    full = client.get("/api/subgraph", params={"center": lavrov}).json()
    body = client.get("/api/subgraph", params={"center": lavrov, "edges": edges}).json()
    assert body["nodes"] == full["nodes"]
    assert body["edges_total"] == full["edges_total"] == len(full["edges"]) == 8
    kept = [e["data"] for e in body["edges"]]
    assert len(kept) == min(edges, 8)
    spokes = [e for e in kept if lavrov in (e["source"], e["target"])]
    assert len(spokes) == min(edges, 4)  # Lavrov's own four links come first
    if edges:  # the busiest first: Lavrov and Rubio met twice
        assert "person/marco-rubio|person/sergey-lavrov" in {e["id"] for e in kept}


@pytest.mark.parametrize(
    ("params", "total", "items", "more"),
    [
        ({}, 2, [ISTANBUL, RIYADH], False),  # newest first
        ({"limit": 1}, 2, [ISTANBUL], True),
        ({"limit": 1, "offset": 1}, 2, [RIYADH], False),
        ({"country": "SA"}, 1, [RIYADH], False),
        ({"topic": "embassy operations"}, 1, [ISTANBUL], False),
        ({"b": "person/mark-rutte"}, 0, [], False),
        ({"b": "country/TR"}, 0, [], False),  # no meetings at all
    ],
)
def test_edge_meetings(client: TestClient, params: dict[str, object], total: int,
                       items: list[str], more: bool) -> None:
    query = {"a": "person/sergey-lavrov", "b": "person/marco-rubio", **params}
    body = client.get("/api/subgraph/meetings", params=query).json()
    assert (body["total"], [m["id"] for m in body["items"]]) == (total, items)
    assert (body["next"] is not None) is more
    for m in body["items"]:
        assert {"person/sergey-lavrov"} <= {p["id"] for p in m["participants"]}


@pytest.mark.parametrize(
    ("params", "status"),
    [({"a": "person/nobody", "b": "person/wang-yi"}, 404), ({"a": "person/wang-yi"}, 422),
     ({"a": "person/wang-yi", "b": "person/marco-rubio", "country": "Atlantis"}, 404),
     ({"a": "person/wang-yi", "b": "person/marco-rubio", "status": "rumoured"}, 422)],
)
def test_edge_meetings_errors(client: TestClient, params: dict[str, object],
                              status: int) -> None:
    r = client.get("/api/subgraph/meetings", params=params)
    assert r.status_code == status
    assert "error" in r.json()


@pytest.mark.parametrize(
    ("params", "status"),
    [({"center": "person/nobody"}, 404), ({}, 422),
     ({"center": "person/wang-yi", "country": "Atlantis"}, 404),
     ({"center": "person/wang-yi", "ids": -1}, 422),
     ({"center": "person/wang-yi", "edges": -1}, 422),
     ({"center": "person/wang-yi", "depth": 9}, 422),
     ({"center": "person/wang-yi", "since": "May"}, 422)],
)
def test_subgraph_errors(client: TestClient, params: dict[str, object], status: int) -> None:
    assert client.get("/api/subgraph", params=params).status_code == status


@pytest.mark.parametrize(
    ("q", "expected"),
    [("", ["topic/trade", "topic/ukraine", "topic/defence-spending",
           "topic/embassy-operations", "topic/sanctions"]),
     ("UKR", ["topic/ukraine"]), ("spend", ["topic/defence-spending"]), ("zzz", [])],
)
def test_topics(client: TestClient, q: str, expected: list[str]) -> None:
    body = client.get("/api/topics", params={"q": q}).json()
    assert [t["id"] for t in body["items"]] == expected
    assert body["total"] == len(expected)
