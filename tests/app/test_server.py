"""Real clients against a real server: uvicorn on a free port, SPARQLWrapper, rdflib's
SPARQLStore and ``dipgraph sparql --endpoint``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import httpx
import pytest
import rdflib
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import JSON, POST, POSTDIRECTLY, RDFXML, URLENCODED, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from app.settings import Settings
from scripts.cli import main
from tests.app.servers import running

pytestmark = pytest.mark.server

ID = "https://w3id.org/dipgraph/id/"
SCHEMA = rdflib.Namespace("https://schema.org/")
PREFIXES = """PREFIX schema: <https://schema.org/>
PREFIX dg: <https://w3id.org/dipgraph/ontology#>
"""
TYPED = PREFIXES + """SELECT ?date ?confidence ?label WHERE {
  ?m schema:startDate ?date ; dg:confidence ?confidence ; schema:name ?label .
  FILTER(?label = "negotiations")
}"""


@pytest.fixture(scope="module")
def endpoint(data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The SPARQL endpoint URL of a server running on the sample graph."""
    settings = Settings(data_dir=data_dir, query_timeout=10,
                        static_dir=tmp_path_factory.mktemp("static"))
    with running(settings) as base:
        yield f"{base}/sparql"


@pytest.mark.parametrize(
    ("method", "request_method"),
    [(None, None), (POST, URLENCODED), (POST, POSTDIRECTLY)],
)
def test_sparqlwrapper_select(endpoint: str, method: str | None,
                              request_method: str | None) -> None:
    sw = SPARQLWrapper(endpoint)
    if method and request_method:
        sw.setMethod(method)
        sw.setRequestMethod(request_method)
    sw.setQuery(TYPED)
    sw.setReturnFormat(JSON)
    result = sw.queryAndConvert()
    assert isinstance(result, dict)
    (row,) = result["results"]["bindings"]
    assert row["date"]["datatype"] == "http://www.w3.org/2001/XMLSchema#date"
    assert row["date"]["value"] == "2025-02-18"
    assert row["confidence"]["value"] == "0.7"


def test_sparqlwrapper_xml_and_construct(endpoint: str) -> None:
    sw = SPARQLWrapper(endpoint)
    sw.setQuery(PREFIXES + 'ASK { ?p schema:name "Mark Rutte" }')
    sw.setReturnFormat(XML)
    doc = sw.queryAndConvert()
    assert doc.getElementsByTagName("boolean")[0].firstChild.data == "true"  # type: ignore[union-attr]
    sw.setQuery(PREFIXES + "CONSTRUCT { ?c schema:name ?n } WHERE { ?c a schema:Country ; "
                "schema:name ?n }")
    sw.setReturnFormat(RDFXML)
    graph = sw.queryAndConvert()
    assert isinstance(graph, rdflib.Graph)
    assert (rdflib.URIRef(ID + "country/TR"), SCHEMA.name, rdflib.Literal("Turkey")) in graph


def test_sparqlwrapper_bad_query(endpoint: str) -> None:
    sw = SPARQLWrapper(endpoint)
    sw.setQuery("SELECT nothing WHERE")
    sw.setReturnFormat(JSON)
    with pytest.raises(QueryBadFormed):
        sw.query()


@pytest.mark.parametrize("return_format", ["xml", "json"])
def test_rdflib_sparqlstore_typed_results(endpoint: str, return_format: str) -> None:
    graph = rdflib.Graph(store=SPARQLStore(endpoint, returnFormat=return_format))
    (row,) = list(graph.query(TYPED))
    assert row.date.toPython() == dt.date(2025, 2, 18)  # type: ignore[union-attr]
    assert row.confidence.toPython() == Decimal("0.7")  # type: ignore[union-attr]
    assert str(row.label) == "negotiations"  # type: ignore[union-attr]


def test_rdflib_sparqlstore_triples(endpoint: str) -> None:
    graph = rdflib.Graph(store=SPARQLStore(endpoint))
    rubio = rdflib.URIRef(ID + "person/marco-rubio")
    names = {str(o) for o in graph.objects(rubio, SCHEMA.alternateName)}
    assert names == {"Rubio", "Marco Antonio Rubio"}
    assert (rubio, SCHEMA.nationality, rdflib.URIRef(ID + "country/US")) in graph


def test_cli_against_the_endpoint(endpoint: str, capsys: pytest.CaptureFixture[str]) -> None:
    query = PREFIXES + "SELECT ?n WHERE { ?o a schema:Organization ; schema:name ?n }"
    assert main(["sparql", query, "--endpoint", endpoint, "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines() == ["n", "NATO"]
    assert main(["sparql", "SELEC", "--endpoint", endpoint]) == 1
    assert "400" in capsys.readouterr().err


def test_json_api_over_http(endpoint: str) -> None:
    base = endpoint.rsplit("/", 1)[0]
    r = httpx.get(f"{base}/api/meetings/between", params={"a": "US", "b": "RU"})
    assert r.status_code == 200 and r.json()["total"] == 2
    r = httpx.get(f"{base}/api/actors/person/nobody")
    assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"
