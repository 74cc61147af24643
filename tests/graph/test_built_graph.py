"""The graph the pipeline builds from real and own-words articles conforms to
ontology/shapes.ttl: the nodes graph on its own, and each article graph (one article's
claims) together with the nodes graph that describes the nodes it refers to."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyoxigraph import NamedNode
from pyshacl import validate
from rdflib import Dataset, Graph, URIRef

from graph.iri import nodes_graph_iri
from graph.namespace import RDF, SCHEMA
from graph.pipeline import Ingestor
from graph.sources import read_paths
from graph.store import GraphStore

ROOT = Path(__file__).resolve().parents[2]
SHAPES = Graph().parse(ROOT / "ontology" / "shapes.ttl")
SEEDS = [ROOT.parent / "shared" / "corpus" / "dev" / f"seed-00{n}.txt" for n in (0, 2)]
SAMPLE = ROOT / "scripts" / "sample_corpus"


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    store = GraphStore()
    report = Ingestor(store).ingest(read_paths([*SEEDS, SAMPLE]))
    assert not report.errors
    ds = Dataset()
    ds.parse(data=store.dump("nq").decode("utf-8"), format="nquads")
    return ds


def _nodes(dataset: Dataset) -> Graph:
    return Graph() + dataset.graph(URIRef(nodes_graph_iri()))


def test_the_nodes_graph_conforms_on_its_own(dataset: Dataset) -> None:
    nodes = _nodes(dataset)
    assert len(nodes) > 100
    conforms, _, text = validate(nodes, shacl_graph=SHAPES, inference="none")
    assert conforms, text[:2000]


def test_every_article_graph_with_the_nodes_graph_conforms(dataset: Dataset) -> None:
    article_graphs = [g for g in dataset.graphs() if "/id/article/" in str(g.identifier)]
    assert len(article_graphs) == 18  # two seeds + 16 sample articles
    nodes = _nodes(dataset)
    failures = []
    for g in article_graphs:
        conforms, _, text = validate(Graph() + g + nodes, shacl_graph=SHAPES, inference="none")
        if not conforms:
            failures.append(f"{g.identifier}:\n{text[:800]}")
    assert not failures, "\n\n".join(failures)


@pytest.mark.parametrize("predicate", [RDF.type, SCHEMA.name, SCHEMA.nationality])
def test_node_descriptions_live_only_in_the_nodes_graph(dataset: Dataset,
                                                        predicate: NamedNode) -> None:
    """An article graph types only its article, meetings and evidence, names only its
    meetings, and gives no nationality: every node is described once."""
    nodes = _nodes(dataset)
    described = {s for s, _, _ in nodes.triples((None, URIRef(predicate.value), None))}
    assert described
    for g in dataset.graphs():
        if "/id/article/" not in str(g.identifier):
            continue
        subjects = {s for s, _, _ in g.triples((None, URIRef(predicate.value), None))}
        assert not subjects & described, g.identifier
        kinds = {str(s).split("/id/")[1].split("/")[0] for s in subjects}
        assert kinds <= {"article", "meeting", "evidence"}, (g.identifier, kinds)


def test_the_seeds_give_the_istanbul_talks_with_ukraine_only_excluded(dataset: Dataset) -> None:
    rows = list(dataset.query(
        """
        PREFIX dg: <https://w3id.org/dipgraph/ontology#>
        PREFIX schema: <https://schema.org/>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT DISTINCT ?m ?rel ?label WHERE {
          GRAPH ?g { ?m a dg:Meeting ; schema:location ?p ; ?rel ?t .
                     FILTER (?rel IN (schema:about, dg:excludedTopic)) }
          GRAPH <https://w3id.org/dipgraph/id/graph/nodes> {
            ?p schema:name "Istanbul" . ?t skos:prefLabel ?label }
        }"""
    ))
    about = {str(r.label) for r in rows if str(r.rel).endswith("about")}
    excluded = {str(r.label) for r in rows if str(r.rel).endswith("excludedTopic")}
    assert "Ukraine" in excluded
    assert not any("ukraine" in t.lower() for t in about)
    assert any("embass" in t.lower() for t in about)
