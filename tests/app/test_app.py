"""App-wide behaviour: error shape, OpenAPI, static page, stats, settings, startup."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.settings import Settings
from graph.errors import BadInput


def test_openapi_documents_error_responses(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert spec["components"]["schemas"]["ErrorResponse"]["properties"].keys() == {"error"}
    for path in ("/api/actors/{id}", "/api/meetings", "/api/meetings/{id}",
                 "/api/subgraph", "/api/paths"):
        responses = spec["paths"][path]["get"]["responses"]
        for status in ("404", "422"):
            ref = responses[status]["content"]["application/json"]["schema"]["$ref"]
            assert ref.endswith("/ErrorResponse"), (path, status)
    sparql = spec["paths"]["/sparql"]
    assert {"get", "post"} <= sparql.keys()
    assert {"400", "403", "503"} <= sparql["post"]["responses"].keys()
    assert client.get("/docs").status_code == 200


@pytest.mark.parametrize(
    ("method", "url", "status", "code"),
    [
        ("GET", "/api/nothing", 404, "not_found"),
        ("GET", "/no/such/page", 404, "not_found"),
        ("DELETE", "/api/actors", 405, "method_not_allowed"),
        ("GET", "/api/actors?limit=many", 422, "bad_input"),
        ("PUT", "/sparql", 405, "method_not_allowed"),
    ],
)
def test_one_error_shape(client: TestClient, method: str, url: str, status: int,
                         code: str) -> None:
    r = client.request(method, url)
    assert r.status_code == status
    assert r.json() == {"error": {"code": code, "message": r.json()["error"]["message"]}}
    assert r.json()["error"]["message"]


def test_validation_message_names_the_parameter(client: TestClient) -> None:
    r = client.get("/api/actors", params={"limit": "many"})
    assert r.json()["error"]["message"].startswith("limit:")


def test_stats(client: TestClient) -> None:
    assert client.get("/api/stats").json() == {
        "quads": 267, "graphs": 6, "actors": 17, "meetings": 6, "topics": 5}


def test_root_without_page(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200 and "/docs" in r.text


def test_static_page_is_served(make_client: Callable[..., TestClient], tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<!doctype html><title>dipgraph page</title>")
    (tmp_path / "app.js").write_text("console.log('hi')")
    client = make_client(static_dir=tmp_path)
    assert "dipgraph page" in client.get("/").text
    assert client.get("/static/app.js").text == "console.log('hi')"
    assert client.get("/app.js").text == "console.log('hi')"
    assert client.get("/api/actors/person/nobody").json()["error"]["code"] == "not_found"


def test_starts_empty_without_data(make_client: Callable[..., TestClient], tmp_path: Path
                                   ) -> None:
    client = make_client(data_dir=tmp_path / "none-yet")
    assert client.get("/api/stats").json()["quads"] == 0
    assert client.get("/api/meetings").json() == {
        "total": 0, "limit": 50, "offset": 0, "items": [], "next": None}


@pytest.mark.parametrize(
    ("env", "field", "value"),
    [
        ({}, "data_dir", Path("data")),
        ({"DIPGRAPH_DATA": "/srv/dg"}, "data_dir", Path("/srv/dg")),
        ({"DIPGRAPH_QUERY_TIMEOUT": "2.5"}, "query_timeout", 2.5),
        ({"DIPGRAPH_MAX_ROWS": "7"}, "max_rows", 7),
        ({"DIPGRAPH_UPDATE_TOKEN": "t"}, "update_token", "t"),
    ],
)
def test_settings_from_env(env: dict[str, str], field: str, value: object) -> None:
    assert getattr(Settings.from_env(env), field) == value


@pytest.mark.parametrize(
    "env", [{"DIPGRAPH_QUERY_TIMEOUT": "soon"}, {"DIPGRAPH_MAX_ROWS": "0"},
            {"DIPGRAPH_QUERY_TIMEOUT": "-1"}],
)
def test_bad_settings(env: dict[str, str]) -> None:
    with pytest.raises(BadInput):
        Settings.from_env(env)


def test_import_builds_nothing() -> None:
    import app.main as main

    assert not hasattr(main, "app")  # no module-level app with a loaded store
