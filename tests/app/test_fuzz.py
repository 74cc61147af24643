"""Whatever a client sends to a GET route of the OpenAPI schema, the answer is never a
5xx, and every error has the one JSON shape."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

VALUES = st.one_of(
    st.text(max_size=20),
    st.sampled_from(["person/sergey-lavrov", "country/US", "US", "topic/trade", "trade",
                     "2025", "2025-02-30", "2025-13", "-1", "0", "999999", "held", "phone",
                     "Person", "date", "-date", "../..", "%00", "meeting/5d41402abc4b"]),
    st.integers(-5, 2000).map(str),
)


@pytest.fixture(scope="module")
def routes(client: TestClient) -> list[tuple[str, list[str]]]:
    spec = client.get("/openapi.json").json()
    out = []
    for path, ops in spec["paths"].items():
        if "get" in ops and path != "/sparql":  # /sparql is covered by test_sparql.py
            params = [p["name"] for p in ops["get"].get("parameters", []) if p["in"] == "query"]
            out.append((path, params))
    return out


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_never_5xx(client: TestClient, routes: list[tuple[str, list[str]]], data: Any) -> None:
    path, names = data.draw(st.sampled_from(routes))
    url = path.replace("{id}", quote(data.draw(VALUES), safe="/"))
    url = url.replace("{path}", quote(data.draw(VALUES), safe="/"))
    params = data.draw(st.dictionaries(st.sampled_from(names), VALUES, max_size=len(names))
                       if names else st.just({}))
    r = client.get(url, params=params)
    assert r.status_code < 500, (url, params, r.text)
    if r.status_code >= 400:
        body = r.json()
        assert set(body) == {"error"} and body["error"]["code"] and body["error"]["message"]
