"""GraphStore: persistence, graph replacement, imports, bound queries, user SPARQL answers."""

from __future__ import annotations

import csv
import io
import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import rdflib
from hypothesis import given, settings
from hypothesis import strategies as st
from pyoxigraph import Literal, NamedNode, Quad, QuerySolutions

from graph.errors import BadInput, BadQuery, QueryTimeout
from graph.store import GRAPH_FILE, RDF_FORMATS, GraphStore, term_value

SAMPLE = Path(__file__).resolve().parents[1] / "app" / "fixtures" / "sample.trig"
QUADS = 267
EX = "https://ex.org/"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def q(s: str, p: str, o: str | Literal, g: str) -> Quad:
    obj = o if isinstance(o, Literal) else NamedNode(EX + o)
    return Quad(NamedNode(EX + s), NamedNode(EX + p), obj, NamedNode(EX + g))


@pytest.fixture
def sample() -> GraphStore:
    store = GraphStore()
    store.import_file(SAMPLE)
    return store


def test_save_load_round_trip(tmp_path: Path, sample: GraphStore) -> None:
    store = GraphStore(tmp_path)
    store.import_file(SAMPLE)
    assert store.save() == tmp_path / GRAPH_FILE
    assert [p.name for p in tmp_path.iterdir()] == [GRAPH_FILE]  # no temp file left
    again = GraphStore(tmp_path)
    assert again.load() == QUADS
    assert set(again.quads()) == set(sample.quads())
    assert again.graphs() == sample.graphs()


def test_save_replaces_atomically(tmp_path: Path) -> None:
    store = GraphStore(tmp_path)
    store.add_quads([q("a", "p", "b", "g")])
    store.save()
    inode = os.stat(tmp_path / GRAPH_FILE).st_ino
    store.add_quads([q("a", "p", "c", "g")])
    store.save()
    assert os.stat(tmp_path / GRAPH_FILE).st_ino != inode  # a new file renamed over
    assert GraphStore(tmp_path).load() == 2


def test_without_data_dir_nothing_is_saved() -> None:
    store = GraphStore()
    store.add_quads([q("a", "p", "b", "g")])
    assert store.save() is None and store.load() == 0 and len(store) == 1


def test_load_missing_file_is_empty(tmp_path: Path) -> None:
    assert GraphStore(tmp_path / "nothing").load() == 0


def test_load_corrupt_file(tmp_path: Path) -> None:
    (tmp_path / GRAPH_FILE).write_text("<not n-quads")
    with pytest.raises(BadInput, match="graph.nq"):
        GraphStore(tmp_path).load()


def test_replace_graph_is_idempotent() -> None:
    store = GraphStore()
    first = [q("a", "p", "b", "g1"), q("a", "p", "c", "g1")]
    store.replace_graph(EX + "g1", first)
    store.add_quads([q("x", "p", "y", "g2")])
    version = store.version
    store.replace_graph(EX + "g1", first)
    assert len(store) == 3
    store.replace_graph(EX + "g1", [q("a", "p", "d", "elsewhere")])  # re-homed into g1
    assert {(str(x.object), str(x.graph_name)) for x in store.quads(EX + "g1")} == {
        (f"<{EX}d>", f"<{EX}g1>")}
    assert len(store) == 2 and store.version > version
    store.remove_graph(EX + "g2")
    assert store.graphs() == [EX + "g1"]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.sampled_from("abc"), st.sampled_from("pq"), st.text(max_size=5),
                          st.sampled_from(["g1", "g2"])), max_size=12))
def test_len_counts_distinct_quads(rows: list[tuple[str, str, str, str]]) -> None:
    store = GraphStore()
    quads = [q(s, p, Literal(o), g) for s, p, o, g in rows]
    store.add_quads(quads)
    assert len(store) == len(set(quads))
    for g in ("g1", "g2"):
        store.replace_graph(EX + g, [x for x in quads if str(x.graph_name) == f"<{EX}{g}>"])
    assert len(store) == len(set(quads))


@pytest.mark.parametrize("fmt", ["nq", "trig", "ttl", "nt", "jsonld", "rdfxml"])
def test_import_each_format(tmp_path: Path, sample: GraphStore, fmt: str) -> None:
    path = tmp_path / f"graph.{ {'rdfxml': 'rdf'}.get(fmt, fmt) }"
    path.write_bytes(sample.dump(fmt))
    store = GraphStore()
    added = store.import_file(path)
    assert added == len(store) > 0
    quad_format = RDF_FORMATS[fmt][0].supports_datasets
    assert (len(store) == QUADS) is quad_format
    assert store.ask('ASK { ?p schema:name "Wang Yi" }')


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [("x.csv", "a,b", "cannot tell the RDF format"), ("x.ttl", "not turtle", "x.ttl"),
     ("missing.nq", None, "no such file")],
)
def test_import_errors(tmp_path: Path, name: str, content: str | None, message: str) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_text(content)
    with pytest.raises(BadInput, match=message):
        GraphStore().import_file(path)


def test_default_graph_is_the_union(sample: GraphStore) -> None:
    rows = sample.select("SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert term_value(rows[0]["n"]) == 6  # five articles and the nodes graph
    assert sample.ask("ASK { ?m a dg:Meeting ; schema:location ?p . ?p schema:name 'Riyadh' }")


def test_named_graph_restriction(sample: GraphStore) -> None:
    a4 = "https://w3id.org/dipgraph/id/article/a4"
    nodes = "https://w3id.org/dipgraph/id/graph/nodes"
    result = sample.query("SELECT DISTINCT ?p WHERE { ?a schema:mentions ?p . ?p a schema:Person }",
                          default_graph_uris=[a4, nodes])
    assert isinstance(result, QuerySolutions)
    assert sorted(str(s["p"]).rsplit("/", 1)[1] for s in result) == [
        "sergey-lavrov>", "wang-yi>"]


@pytest.mark.parametrize(
    "value", ["Wang Yi", 'Wang" } ?s ?p ?o { "', "Wang Yi' . FILTER(true) #"],
)
def test_substitution_binds_values(sample: GraphStore, value: str) -> None:
    rows = sample.select("SELECT ?p ?name WHERE { ?p schema:name ?name }", name=Literal(value))
    assert len(rows) == (1 if value == "Wang Yi" else 0)  # named once; no injection


@pytest.mark.parametrize(
    "query",
    ["SELEC ?x", "SELECT ?x WHERE { ?x undeclared:p ?y }", "ASK { ?s ?p }"],
)
def test_parse_errors_are_bad_query(sample: GraphStore, query: str) -> None:
    with pytest.raises(BadQuery, match="does not parse"):
        sample.query(query)
    with pytest.raises(BadQuery):
        sample.answer(query)


@pytest.mark.parametrize(
    "query",
    ["SELECT * WHERE { SERVICE <http://127.0.0.1:9/x> { ?s ?p ?o } }",
     "select * where { service silent <http://example.org/s> { ?s ?p ?o } }"],
)
def test_service_is_refused(sample: GraphStore, query: str) -> None:
    with pytest.raises(BadQuery, match="SERVICE"):
        sample.query_kind(query)


@pytest.mark.parametrize(
    "query",
    ['SELECT ?service WHERE { ?service ?p "SERVICE" }',
     "PREFIX service: <https://ex.org/> SELECT * WHERE { ?s service:x ?o } # SERVICE"],
)
def test_the_word_service_elsewhere_is_fine(sample: GraphStore, query: str) -> None:
    assert sample.query_kind(query) == "select"


@pytest.mark.parametrize(
    ("query", "kind"),
    [("SELECT * WHERE { ?s ?p ?o }", "select"), ("ASK { ?s ?p ?o }", "ask"),
     ("CONSTRUCT WHERE { ?s ?p ?o }", "construct"),
     ("DESCRIBE <https://w3id.org/dipgraph/id/org/nato>", "construct")],
)
def test_query_kind(query: str, kind: str) -> None:
    assert GraphStore().query_kind(query) == kind


NAMES = ("SELECT DISTINCT ?name ?p WHERE { ?p a schema:Person ; schema:name ?name } "
         "ORDER BY ?name")


@pytest.mark.parametrize("timeout", [None, 5.0])  # in-process and in a forked worker
@pytest.mark.parametrize("fmt", ["json", "xml", "csv", "tsv"])
def test_answer_select(sample: GraphStore, fmt: str, timeout: float | None) -> None:
    ans = sample.answer(NAMES, result_format=fmt, timeout=timeout, max_rows=3)
    assert (ans.kind, ans.rows, ans.truncated) == ("select", 3, True)
    text = ans.body.decode()
    if fmt == "json":
        names = [b["name"]["value"] for b in json.loads(text)["results"]["bindings"]]
    elif fmt == "csv":
        names = [r[0] for r in list(csv.reader(io.StringIO(text)))[1:]]
    elif fmt == "tsv":
        names = [json.loads(line.split("\t")[0]) for line in text.splitlines()[1:]]
    else:
        ns = "{http://www.w3.org/2005/sparql-results#}"
        names = [b.findtext(f"{ns}literal") or "" for b in ET.fromstring(text).iter(f"{ns}binding")
                 if b.get("name") == "name"]
    assert names == ["Faisal bin Farhan", "Marco Rubio", "Mark Rutte"]


@pytest.mark.parametrize("timeout", [None, 5.0])
@pytest.mark.parametrize(("fmt", "rdflib_format"),
                         [("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld"),
                          ("rdfxml", "xml")])
def test_answer_construct(sample: GraphStore, fmt: str, rdflib_format: str,
                          timeout: float | None) -> None:
    ans = sample.answer("CONSTRUCT { ?p a schema:Person } WHERE { ?p a schema:Person }",
                        graph_format=fmt, timeout=timeout)
    assert ans.kind == "construct" and not ans.truncated
    g = rdflib.Graph().parse(data=ans.body, format=rdflib_format)
    assert len(g) == 6


def test_construct_answer_has_each_triple_once(sample: GraphStore) -> None:
    ans = sample.answer("CONSTRUCT { ?p a schema:Person } WHERE { ?p a schema:Person }",
                        graph_format="nt")
    lines = ans.body.decode().splitlines()
    assert len(lines) == len(set(lines)) == ans.rows == 6  # Lavrov is in four articles


def test_answer_typed_terms(sample: GraphStore) -> None:
    ans = sample.answer("SELECT ?c ?l ?b WHERE { ?m dg:confidence ?c ; schema:name 'visit' . "
                        "BIND(STRLANG('x', 'en') AS ?l) BIND(BNODE() AS ?b) }", timeout=5)
    (row,) = json.loads(ans.body)["results"]["bindings"]
    assert row["c"] == {"type": "literal", "value": "0.4",
                        "datatype": "http://www.w3.org/2001/XMLSchema#decimal"}
    assert row["l"] == {"type": "literal", "value": "x", "xml:lang": "en"}
    assert row["b"]["type"] == "bnode"


def test_timeout_stops_the_query(sample: GraphStore) -> None:
    with pytest.raises(QueryTimeout, match="1 s"):
        sample.answer(SLOW, timeout=1)
    assert sample.answer("ASK { ?s ?p ?o }", timeout=1).body  # still answering


def test_worker_reports_evaluation_errors(sample: GraphStore) -> None:
    with pytest.raises(BadQuery):
        sample.answer("SELECT * WHERE { ?s ?p ?o }", timeout=5,
                      default_graph_uris=["not an iri"])


@pytest.mark.parametrize("fmt", ["ttl", "trig", "nq", "nt", "jsonld", "rdfxml"])
def test_dump_formats_parse(sample: GraphStore, fmt: str) -> None:
    rdflib_format = {"ttl": "turtle", "nq": "nquads", "jsonld": "json-ld",
                     "rdfxml": "xml"}.get(fmt, fmt)
    data = sample.dump(fmt)
    ds = rdflib.Dataset()
    ds.parse(data=data, format=rdflib_format)
    assert len(list(ds.quads((None, None, None, None)))) > 200


def test_dump_unknown_format(sample: GraphStore) -> None:
    with pytest.raises(BadInput, match="unknown RDF format"):
        sample.dump("xlsx")


def test_update(sample: GraphStore) -> None:
    before = sample.version
    sample.update('INSERT DATA { GRAPH <https://ex.org/g> { <https://ex.org/a> schema:name "A" } }')
    assert sample.ask('ASK { ?x schema:name "A" }') and sample.version > before
    with pytest.raises(BadQuery, match="does not parse"):
        sample.update("INSERT NOTHING")
