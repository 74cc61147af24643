"""graph/namespace.py against ontology/dipgraph.ttl and ontology/shapes.ttl."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from pyoxigraph import NamedNode, Store
from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef

from graph.namespace import (
    DG,
    DG_TERMS,
    ONTOLOGY_IRI,
    ORG,
    PREFIXES,
    PROV,
    SCHEMA,
    SEM,
    SKOS,
    XSD,
    Vocabulary,
    sparql_prologue,
)
from graph.namespace import RDFS as DG_RDFS

ONTOLOGY = Path(__file__).resolve().parents[2] / "ontology"
_DECLARING = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual,
              OWL.AnnotationProperty)


@cache
def _ontology() -> Graph:
    return Graph().parse(ONTOLOGY / "dipgraph.ttl")


def _declared() -> set[str]:
    onto = _ontology()
    return {
        str(s)[len(DG.base):]
        for kind in _DECLARING
        for s in onto.subjects(RDF.type, kind)
        if str(s).startswith(DG.base)
    }


def test_every_dg_term_is_declared_in_the_ontology() -> None:
    assert set(DG_TERMS) - _declared() == set()


def test_every_declared_dg_term_is_in_dg_terms() -> None:
    assert _declared() - set(DG_TERMS) == set()


def test_no_dg_term_is_listed_twice() -> None:
    assert len(DG_TERMS) == len(set(DG_TERMS))


@pytest.mark.parametrize("term", DG_TERMS)
def test_dg_term_has_label_and_comment(term: str) -> None:
    onto, iri = _ontology(), URIRef(DG.base + term)
    assert onto.value(iri, RDFS.label), term
    assert onto.value(iri, RDFS.comment), term


@pytest.mark.parametrize("term", DG_TERMS)
def test_dg_properties_have_domain_and_range(term: str) -> None:
    onto, iri = _ontology(), URIRef(DG.base + term)
    if {OWL.ObjectProperty, OWL.DatatypeProperty} & set(onto.objects(iri, RDF.type)):
        assert onto.value(iri, RDFS.domain) is not None
        assert onto.value(iri, RDFS.range) is not None


def test_ontology_header() -> None:
    onto, iri = _ontology(), URIRef(ONTOLOGY_IRI)
    assert (iri, RDF.type, OWL.Ontology) in onto
    assert onto.value(iri, OWL.versionInfo) is not None
    assert onto.value(iri, OWL.versionIRI) is not None
    assert DG.base == ONTOLOGY_IRI + "#"


@pytest.mark.parametrize("name", ["dipgraph.ttl", "shapes.ttl"])
def test_ttl_prefixes_agree_with_code(name: str) -> None:
    bound = dict(Graph().parse(ONTOLOGY / name).namespaces())
    for prefix, namespace in PREFIXES.items():
        if prefix in bound:
            assert str(bound[prefix]) == namespace, prefix


@pytest.mark.parametrize("vocab", [SCHEMA, SEM, ORG, PROV, SKOS, DG_RDFS, XSD, DG],
                         ids=lambda v: v.base)
def test_shapes_use_only_terms_the_code_knows(vocab: Vocabulary) -> None:
    """Shapes and triples speak the same terms (a typo in either would show here).

    (rdf: is left out: Turtle lists bring rdf:first/rest/nil, which code never writes.)
    """
    shapes = Graph().parse(ONTOLOGY / "shapes.ttl")
    used = {str(t) for triple in shapes for t in triple if isinstance(t, URIRef)}
    used |= {str(o.datatype) for o in shapes.objects() if isinstance(o, Literal) and o.datatype}
    unknown = {u for u in used if u.startswith(vocab.base) and u not in vocab}
    assert unknown == set()


@pytest.mark.parametrize(
    ("vocab", "term", "iri"),
    [
        (DG, "Meeting", "https://w3id.org/dipgraph/ontology#Meeting"),
        (SCHEMA, "eventStatus", "https://schema.org/eventStatus"),
        (SEM, "hasActor", "http://semanticweb.cs.vu.nl/2009/11/sem/hasActor"),
        (XSD, "gMonthDay", "http://www.w3.org/2001/XMLSchema#gMonthDay"),
    ],
)
def test_vocabulary_terms(vocab: Vocabulary, term: str, iri: str) -> None:
    node = getattr(vocab, term)
    assert node == NamedNode(iri)
    assert node in vocab and iri in vocab


@pytest.mark.parametrize("vocab", [DG, SCHEMA, SEM])
def test_undeclared_terms_are_errors(vocab: Vocabulary) -> None:
    with pytest.raises(AttributeError, match="not a declared term"):
        _ = vocab.notATerm
    assert vocab.base + "notATerm" not in vocab
    assert 42 not in vocab


def test_sparql_prologue_parses() -> None:
    result = Store().query(sparql_prologue() + "ASK { ?m a dg:Meeting ; sem:hasActor ?a }")
    assert bool(result) is False
