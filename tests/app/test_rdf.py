"""GET /id/{local id}: dereferencing node IRIs with content negotiation."""

from __future__ import annotations

import pytest
import rdflib
from fastapi.testclient import TestClient

ID = "https://w3id.org/dipgraph/id/"
SCHEMA = rdflib.Namespace("https://schema.org/")
DG = rdflib.Namespace("https://w3id.org/dipgraph/ontology#")


@pytest.mark.parametrize(
    ("accept", "media", "rdflib_format"),
    [
        (None, "text/turtle", "turtle"),
        ("*/*", "text/turtle", "turtle"),
        ("text/turtle", "text/turtle", "turtle"),
        ("application/n-triples", "application/n-triples", "nt"),
        ("application/ld+json", "application/ld+json", "json-ld"),
        ("application/rdf+xml", "application/rdf+xml", "xml"),
        ("application/json;q=0.9, text/turtle;q=0.1", "application/ld+json", "json-ld"),
    ],
)
def test_person(client: TestClient, accept: str | None, media: str, rdflib_format: str
                ) -> None:
    r = client.get("/id/person/sergey-lavrov", headers={"accept": accept} if accept else {})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith(media)
    g = rdflib.Graph().parse(data=r.content, format=rdflib_format)
    me = rdflib.URIRef(ID + "person/sergey-lavrov")
    assert (me, rdflib.RDF.type, SCHEMA.Person) in g
    assert (me, SCHEMA.nationality, rdflib.URIRef(ID + "country/RU")) in g
    assert {str(o) for o in g.objects(me, SCHEMA.alternateName)} == {"Lavrov", "Sergei Lavrov"}
    assert set(g.subjects()) == {me}


def test_meeting_includes_evidence(client: TestClient) -> None:
    r = client.get("/id/meeting/5d41402abc4b", headers={"accept": "application/n-triples"})
    g = rdflib.Graph().parse(data=r.content, format="nt")
    meeting = rdflib.URIRef(ID + "meeting/5d41402abc4b")
    evidence = set(g.objects(meeting, DG.evidence))
    assert len(evidence) == 2
    for ev in evidence:
        assert (ev, DG.text, None) in g and (ev, DG.startOffset, None) in g
    statuses = set(g.objects(meeting, SCHEMA.eventStatus))
    assert statuses == {DG.EventHeld, SCHEMA.EventScheduled}  # both reports


def test_browser_is_redirected(client: TestClient) -> None:
    r = client.get("/id/person/sergey-lavrov", follow_redirects=False,
                   headers={"accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert r.status_code == 303
    assert r.headers["location"] == "/#/node/person/sergey-lavrov"


@pytest.mark.parametrize("path", ["person/nobody", "meeting/0", "nothing"])
def test_unknown_node_is_404(client: TestClient, path: str) -> None:
    r = client.get(f"/id/{path}")
    assert r.status_code == 404
    assert r.json()["error"]["code"] == "not_found"
