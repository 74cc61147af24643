"""The graph the pipeline builds from real and own-words articles conforms to
ontology/shapes.ttl, one article graph at a time (each graph is one article's claims)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import Dataset, Graph

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


def test_every_article_graph_conforms(dataset: Dataset) -> None:
    article_graphs = [g for g in dataset.graphs() if "/id/article/" in str(g.identifier)]
    assert len(article_graphs) == 18  # two seeds + 16 sample articles
    failures = []
    for g in article_graphs:
        conforms, _, text = validate(Graph() + g, shacl_graph=SHAPES, inference="none")
        if not conforms:
            failures.append(f"{g.identifier}:\n{text[:800]}")
    assert not failures, "\n\n".join(failures)


def test_the_seeds_give_the_istanbul_talks_with_ukraine_only_excluded(dataset: Dataset) -> None:
    rows = list(dataset.query(
        """
        PREFIX dg: <https://w3id.org/dipgraph/ontology#>
        PREFIX schema: <https://schema.org/>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT DISTINCT ?m ?rel ?label WHERE {
          GRAPH ?g { ?m a dg:Meeting ; schema:location ?p . ?p schema:name "Istanbul" .
                     ?m ?rel ?t . ?t skos:prefLabel ?label .
                     FILTER (?rel IN (schema:about, dg:excludedTopic)) }
        }"""
    ))
    about = {str(r.label) for r in rows if str(r.rel).endswith("about")}
    excluded = {str(r.label) for r in rows if str(r.rel).endswith("excludedTopic")}
    assert "Ukraine" in excluded
    assert not any("ukraine" in t.lower() for t in about)
    assert any("embass" in t.lower() for t in about)
