"""The SPARQL 1.1 Protocol endpoint: method x body type x Accept, datasets, errors, updates."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
import rdflib
from fastapi.testclient import TestClient
from httpx import Response

PREFIX = "PREFIX schema: <https://schema.org/>\n"
SELECT = PREFIX + ("SELECT DISTINCT ?name WHERE { ?p a schema:Person ; schema:name ?name } "
                   "ORDER BY ?name")
CONSTRUCT = PREFIX + ("CONSTRUCT { ?p schema:name ?name } "
                      "WHERE { ?p a schema:Person ; schema:name ?name }")
ASK = PREFIX + 'ASK { ?p schema:name "Wang Yi" }'
NAMES = ["Faisal bin Farhan", "Marco Rubio", "Mark Rutte", "Sergey Lavrov", "Steve Witkoff",
         "Wang Yi"]
SR = "{http://www.w3.org/2005/sparql-results#}"


def send(client: TestClient, method: str, query: str, accept: str | None = None,
         **params: str) -> Response:
    headers = {"accept": accept} if accept else {}
    if method == "GET":
        return client.get("/sparql", params={"query": query, **params}, headers=headers)
    if method == "POST-form":
        return client.post("/sparql", data={"query": query, **params}, headers=headers)
    headers["content-type"] = "application/sparql-query"
    return client.post("/sparql", content=query.encode(), params=params, headers=headers)


def names_json(body: bytes) -> list[str]:
    return [b["name"]["value"] for b in json.loads(body)["results"]["bindings"]]


def names_xml(body: bytes) -> list[str]:
    root = ET.fromstring(body)
    return [el.text or "" for el in root.iter(f"{SR}literal")]


def names_csv(body: bytes) -> list[str]:
    rows = list(csv.reader(io.StringIO(body.decode())))
    assert rows[0] == ["name"]
    return [r[0] for r in rows[1:]]


def names_tsv(body: bytes) -> list[str]:
    lines = body.decode().splitlines()
    assert lines[0] == "?name"
    return [json.loads(line) for line in lines[1:]]  # "..." N-Triples strings


METHODS = ["GET", "POST-form", "POST-query"]
SELECT_ACCEPTS: list[tuple[str | None, str, Callable[[bytes], list[str]]]] = [
    ("application/sparql-results+json", "application/sparql-results+json", names_json),
    ("application/sparql-results+xml", "application/sparql-results+xml", names_xml),
    ("text/csv", "text/csv", names_csv),
    ("text/tab-separated-values", "text/tab-separated-values", names_tsv),
    ("application/json", "application/sparql-results+json", names_json),
    ("text/html,application/xhtml+xml,*/*;q=0.8", "application/sparql-results+json",
     names_json),
    (None, "application/sparql-results+json", names_json),
    ("text/csv;q=0.4, application/sparql-results+xml", "application/sparql-results+xml",
     names_xml),
]
GRAPH_ACCEPTS = [
    ("text/turtle", "text/turtle", "turtle"),
    ("application/n-triples", "application/n-triples", "nt"),
    ("application/ld+json", "application/ld+json", "json-ld"),
    ("application/rdf+xml", "application/rdf+xml", "xml"),
    (None, "text/turtle", "turtle"),
]


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize(("accept", "media", "parse"), SELECT_ACCEPTS)
def test_select(client: TestClient, method: str, accept: str | None, media: str,
                parse: Callable[[bytes], list[str]]) -> None:
    r = send(client, method, SELECT, accept)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith(media)
    assert parse(r.content) == NAMES


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize(("accept", "media", "rdflib_format"), GRAPH_ACCEPTS)
def test_construct(client: TestClient, method: str, accept: str | None, media: str,
                   rdflib_format: str) -> None:
    r = send(client, method, CONSTRUCT, accept)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith(media)
    graph = rdflib.Graph().parse(data=r.content, format=rdflib_format)
    assert sorted(str(o) for o in graph.objects()) == NAMES


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize(
    ("accept", "check"),
    [
        ("application/sparql-results+json", lambda b: json.loads(b)["boolean"] is True),
        ("application/sparql-results+xml",
         lambda b: ET.fromstring(b).findtext(f"{SR}boolean") == "true"),
        ("text/csv", lambda b: b.strip() == b"true"),
    ],
)
def test_ask(client: TestClient, method: str, accept: str, check: Callable[[bytes], bool]
             ) -> None:
    r = send(client, method, ASK, accept)
    assert r.status_code == 200
    assert check(r.content)


@pytest.mark.parametrize(
    ("fmt", "media"),
    [("csv", "text/csv"), ("tsv", "text/tab-separated-values"),
     ("xml", "application/sparql-results+xml")],
)
def test_format_parameter_overrides_accept(client: TestClient, fmt: str, media: str) -> None:
    r = client.get("/sparql", params={"query": SELECT, "format": fmt},
                   headers={"accept": "application/sparql-results+json"})
    assert r.headers["content-type"].startswith(media)


@pytest.mark.parametrize(
    ("params", "accept", "media"),
    [
        ({"output": "csv"}, None, "text/csv"),
        ({"results": "text/tab-separated-values"}, None, "text/tab-separated-values"),
        ({"format": "spreadsheet"}, "application/sparql-results+xml",
         "application/sparql-results+xml"),  # unknown values are ignored
        ({"format": ["rdf+xml", "application/rdf+xml"]}, None, "application/sparql-results+json"),
    ],
)
def test_format_parameter_variants(client: TestClient, params: dict[str, object],
                                   accept: str | None, media: str) -> None:
    r = client.get("/sparql", params={"query": SELECT, **params},
                   headers={"accept": accept} if accept else {})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith(media)


def test_construct_format_parameter(client: TestClient) -> None:
    r = client.get("/sparql", params={"query": CONSTRUCT, "format": ["rdf+xml", "json"]})
    assert r.headers["content-type"].startswith("application/rdf+xml")


def test_typed_terms_in_json(client: TestClient) -> None:
    q = ('SELECT ?d ?c ?m WHERE { ?m schema:startDate ?d ; dg:confidence ?c ; '
         'schema:name "phone call" }')  # predeclared prefixes
    (row,) = json.loads(send(client, "GET", q).content)["results"]["bindings"]
    assert row["d"] == {"type": "literal", "value": "2024-11",
                        "datatype": "http://www.w3.org/2001/XMLSchema#gYearMonth"}
    assert row["c"]["datatype"] == "http://www.w3.org/2001/XMLSchema#decimal"
    assert row["m"] == {"type": "uri",
                        "value": "https://w3id.org/dipgraph/id/meeting/9e107d9d3720"}


COUNT_PERSONS = "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a schema:Person }"
#: persons an article mentions: its graph says whom, the nodes graph that they are persons
COUNT_MENTIONED = ("SELECT (COUNT(DISTINCT ?p) AS ?n) "
                   "WHERE { ?a schema:mentions ?p . ?p a schema:Person }")
NODES = "https://w3id.org/dipgraph/id/graph/nodes"
COUNT_GRAPHS = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
A = "https://w3id.org/dipgraph/id/article/"


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize(
    ("query", "params", "expected"),
    [
        (COUNT_PERSONS, {}, 6),
        (COUNT_PERSONS, {"default-graph-uri": A + "a4"}, 0),  # persons are typed in NODES
        (COUNT_MENTIONED, {}, 6),
        (COUNT_MENTIONED, {"default-graph-uri": [A + "a4", NODES]}, 2),
        (COUNT_MENTIONED, {"default-graph-uri": [A + "a4", A + "a5", NODES]}, 4),
        (COUNT_GRAPHS, {}, 6),
        (COUNT_GRAPHS, {"named-graph-uri": [A + "a1", A + "a2"]}, 2),
    ],
)
def test_dataset(client: TestClient, method: str, query: str, params: dict[str, object],
                 expected: int) -> None:
    r = send(client, method, query, **params)  # type: ignore[arg-type]
    assert r.status_code == 200, r.text
    assert int(json.loads(r.content)["results"]["bindings"][0]["n"]["value"]) == expected


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("SELEC ?x WHERE { ?x ?p ?o }", "does not parse"),
        ("SELECT ?x WHERE { ?x nope:p ?o }", "does not parse"),
        ("INSERT DATA { <a:b> <a:c> <a:d> }", "does not parse"),
        ("SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }", "SERVICE"),
    ],
)
def test_bad_query_is_400(client: TestClient, method: str, query: str, words: str) -> None:
    r = send(client, method, query)
    assert r.status_code == 400
    assert r.json()["error"]["code"] == "bad_query"
    assert words in r.json()["error"]["message"]


@pytest.mark.parametrize(
    ("kwargs", "status", "code"),
    [
        ({"content": b"x", "headers": {"content-type": "image/png"}}, 415,
         "unsupported_media_type"),
        ({"data": {"query": SELECT, "update": "CLEAR ALL"}}, 400, "bad_query"),
        ({"content": b"\xff\xfe", "headers": {"content-type": "application/sparql-query"}},
         400, "bad_query"),
    ],
)
def test_bad_requests(client: TestClient, kwargs: dict[str, object], status: int,
                      code: str) -> None:
    r = client.post("/sparql", **kwargs)
    assert r.status_code == status
    assert r.json()["error"]["code"] == code


def test_update_by_get_is_refused(client: TestClient) -> None:
    r = client.get("/sparql", params={"update": "CLEAR ALL"})
    assert r.status_code == 400


@pytest.mark.parametrize(
    "kwargs",
    [
        {"data": {"update": "CLEAR ALL"}},
        {"content": b"CLEAR ALL", "headers": {"content-type": "application/sparql-update"}},
        {"data": {"update": "CLEAR ALL"}, "headers": {"authorization": "Bearer guess"}},
    ],
)
def test_update_is_forbidden_without_token(client: TestClient, kwargs: dict[str, object]
                                           ) -> None:
    r = client.post("/sparql", **kwargs)
    assert r.status_code == 403
    assert r.json()["error"]["code"] == "forbidden"
    assert send(client, "GET", ASK).json()["boolean"] is True  # nothing was cleared


INSERT = ('PREFIX schema: <https://schema.org/> INSERT DATA { GRAPH <https://w3id.org/dipgraph/'
          'id/article/x> { <https://w3id.org/dipgraph/id/person/ada-tester> a schema:Person ; '
          'schema:name "Ada Tester" } }')


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ({}, 403),
        ({"authorization": "Bearer wrong"}, 403),
        ({"authorization": "Basic s3cret"}, 403),
        ({"authorization": "Bearer s3cret"}, 204),
    ],
)
def test_update_with_token(make_client: Callable[..., TestClient], fresh_data_dir: Path,
                           headers: dict[str, str], status: int) -> None:
    client = make_client(data_dir=fresh_data_dir, update_token="s3cret")
    r = client.post("/sparql", content=INSERT.encode(),
                    headers={"content-type": "application/sparql-update", **headers})
    assert r.status_code == status
    found = client.get("/api/actors", params={"q": "ada tester"}).json()["total"]
    assert found == (1 if status == 204 else 0)  # catalog refreshed after the update
    if status == 204:
        assert b"Ada Tester" in (fresh_data_dir / "graph.nq").read_bytes()  # saved


def test_bad_update_with_token_is_400(make_client: Callable[..., TestClient],
                                      fresh_data_dir: Path) -> None:
    client = make_client(data_dir=fresh_data_dir, update_token="t")
    r = client.post("/sparql", data={"update": "INSERT NONSENSE"},
                    headers={"authorization": "Bearer t"})
    assert r.status_code == 400


def test_max_rows(make_client: Callable[..., TestClient]) -> None:
    client = make_client(max_rows=2)
    r = send(client, "GET", SELECT)
    assert names_json(r.content) == NAMES[:2]
    assert r.headers["x-dipgraph-truncated"] == "true"
    r = send(client, "GET", CONSTRUCT, "application/n-triples")
    assert len(r.content.decode().strip().splitlines()) == 2
    assert "x-dipgraph-truncated" not in send(client, "GET", ASK).headers


@pytest.mark.parametrize(
    ("accept", "rdflib_format"),
    [("text/turtle", "turtle"), (None, "turtle"), ("application/ld+json", "json-ld")],
)
def test_service_description(client: TestClient, accept: str | None, rdflib_format: str
                             ) -> None:
    r = client.get("/sparql", headers={"accept": accept} if accept else {})
    assert r.status_code == 200
    g = rdflib.Graph().parse(data=r.content, format=rdflib_format)
    sd = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
    (service,) = g.subjects(rdflib.RDF.type, sd.Service)
    assert (service, sd.supportedLanguage, sd.SPARQL11Query) in g
    assert (service, sd.supportedLanguage, sd.SPARQL11Update) not in g  # no token
    assert (service, sd.feature, sd.UnionDefaultGraph) in g


def test_browser_gets_the_query_page(make_client: Callable[..., TestClient],
                                     tmp_path: Path) -> None:
    (tmp_path / "query.html").write_text("<!doctype html><title>query</title>")
    client = make_client(static_dir=tmp_path)
    r = client.get("/sparql", headers={"accept": "text/html,*/*;q=0.8"})
    assert r.headers["content-type"].startswith("text/html")
    assert "<title>query</title>" in r.text
    r = client.get("/sparql", params={"query": ASK}, headers={"accept": "text/html,*/*;q=0.8"})
    assert r.json()["boolean"] is True  # with a query it is still the endpoint
