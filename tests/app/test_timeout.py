"""A user query past the time limit is stopped (503) while other requests are served."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from httpx import Response

# four-way cross product of ~300 quads: billions of solutions, never finishes in time
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_slow_query_is_stopped_and_others_answer(make_client: Callable[..., TestClient],
                                                 method: str) -> None:
    client = make_client(query_timeout=1)
    slow: dict[str, Response] = {}

    def run_slow() -> None:
        if method == "GET":
            slow["r"] = client.get("/sparql", params={"query": SLOW})
        else:
            slow["r"] = client.post("/sparql", data={"query": SLOW})

    thread = threading.Thread(target=run_slow)
    thread.start()
    fast = client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"})
    api = client.get("/api/meetings", params={"limit": 1})
    thread.join()
    assert fast.status_code == 200, fast.text
    assert fast.json()["boolean"] is True
    assert api.status_code == 200
    r = slow["r"]
    assert r.status_code == 503
    assert r.json()["error"]["code"] == "query_timeout"
    assert "1 s" in r.json()["error"]["message"]
    # the endpoint keeps working after a worker was killed
    again = client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"})
    assert again.status_code == 200


def test_busy_endpoint_answers_503(make_client: Callable[..., TestClient]) -> None:
    client = make_client(query_timeout=1, max_concurrent_queries=1)
    state = client.app.state.dipgraph  # type: ignore[attr-defined]
    assert state.query_slots.acquire()  # someone else holds the only slot
    try:
        r = client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"})
    finally:
        state.query_slots.release()
    assert r.status_code == 503
    assert r.json()["error"]["code"] == "unavailable"
