"""SHACL shapes against the example graphs in ontology/examples, in both directions.

Every ``<Shape>-valid.ttl`` conforms; every ``<Shape>-invalid-NN.ttl`` fails, and fails
exactly for the rule its ``# violates:`` header names (so an example that breaks for an
unintended reason is caught too).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import RDF, RDFS, Graph, Namespace, URIRef
from rdflib.namespace import SH

from graph.namespace import DG, DG_TERMS, XSD

ROOT = Path(__file__).resolve().parents[2]
ONTOLOGY = ROOT / "ontology" / "dipgraph.ttl"
SHAPES = ROOT / "ontology" / "shapes.ttl"
EXAMPLES = ROOT / "ontology" / "examples"
DGSH = Namespace("https://w3id.org/dipgraph/shapes#")

VALID = sorted(EXAMPLES.glob("*-valid.ttl"))
INVALID = sorted(EXAMPLES.glob("*-invalid-*.ttl"))
_VIOLATES = re.compile(r"^# violates: dgsh:(\S+)$", re.MULTILINE)


@cache
def _shapes() -> Graph:
    return Graph().parse(SHAPES)


@cache
def _ontology() -> Graph:
    return Graph().parse(ONTOLOGY)


def _node_shapes() -> set[str]:
    return {
        str(s)[len(str(DGSH)):]
        for s in _shapes().subjects(RDF.type, SH.NodeShape)
        if str(s).startswith(str(DGSH))
    }


def _failed_rules(report: Graph) -> set[URIRef]:
    """The named rule behind each result: the SPARQL constraint, else the source shape."""
    rules: set[URIRef] = set()
    for result in report.subjects(RDF.type, SH.ValidationResult):
        constraint = report.value(result, SH.sourceConstraint)
        shape = report.value(result, SH.sourceShape)
        rule = constraint if isinstance(constraint, URIRef) else shape
        assert isinstance(rule, URIRef), f"result from an unnamed shape: {shape}"
        rules.add(rule)
    return rules


def _validate(path: Path) -> tuple[bool, Graph, str]:
    data = Graph().parse(path)
    conforms, report, text = validate(data, shacl_graph=_shapes())
    assert isinstance(report, Graph)
    return bool(conforms), report, str(text)


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.stem)
def test_valid_example_conforms(path: Path) -> None:
    conforms, _, text = _validate(path)
    assert conforms, text


def _dg_properties() -> list[URIRef]:
    onto = _ontology()
    return sorted(
        p
        for p in onto.subjects(RDFS.domain, None)
        if isinstance(p, URIRef) and str(p).startswith(DG.base)
    )


@pytest.mark.parametrize("prop", _dg_properties(), ids=lambda p: p.fragment)
def test_shapes_agree_with_ontology_domain_and_range(prop: URIRef) -> None:
    """A dg: property is checked by the node shape of its rdfs:domain, with its rdfs:range.

    (A cheap stand-in for validating under RDFS inference: owlrl's gMonthDay parser is
    broken and it rebinds rdflib's literal parsing process-wide, so we do not run it.)
    """
    onto, shapes = _ontology(), _shapes()
    domain, rng = onto.value(prop, RDFS.domain), onto.value(prop, RDFS.range)
    owners = [
        (node, pshape)
        for pshape in shapes.subjects(SH.path, prop)
        for node in shapes.subjects(SH.property, pshape)
    ]
    assert owners, f"no shape checks {prop}"
    for node, pshape in owners:
        assert shapes.value(node, SH.targetClass) == domain
        if str(rng).startswith(XSD.base):
            assert shapes.value(pshape, SH.datatype) == rng
        else:
            assert shapes.value(pshape, SH["class"]) == rng


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_invalid_example_fails_for_the_stated_rule(path: Path) -> None:
    declared = _VIOLATES.findall(path.read_text(encoding="utf-8"))
    assert declared, f"{path.name} has no '# violates: dgsh:...' header"
    conforms, report, text = _validate(path)
    assert not conforms
    assert _failed_rules(report) == {DGSH[name] for name in declared}, text


@pytest.mark.parametrize("shape", sorted(_node_shapes()))
def test_every_node_shape_has_valid_and_invalid_examples(shape: str) -> None:
    assert (EXAMPLES / f"{shape}-valid.ttl").is_file()
    assert list(EXAMPLES.glob(f"{shape}-invalid-*.ttl"))


def test_every_named_rule_is_exercised_by_an_invalid_example() -> None:
    shapes = _shapes()
    rules = {
        str(o)
        for node in shapes.subjects(RDF.type, SH.NodeShape)
        for pred in (SH.property, SH.sparql)
        for o in shapes.objects(node, pred)
    }
    exercised = {
        str(DGSH[name])
        for path in INVALID
        for name in _VIOLATES.findall(path.read_text(encoding="utf-8"))
    }
    assert rules - exercised == set()
    assert exercised - rules == set()


@pytest.mark.parametrize("path", [SHAPES, *VALID, *INVALID], ids=lambda p: p.name)
def test_only_declared_dg_terms_are_used(path: Path) -> None:
    used = {
        str(term)[len(DG.base):]
        for triple in Graph().parse(path)
        for term in triple
        if isinstance(term, URIRef) and str(term).startswith(DG.base)
    }
    assert used <= set(DG_TERMS), used - set(DG_TERMS)


def test_there_are_several_invalid_examples_for_the_important_shapes() -> None:
    for shape, least in (("MeetingShape", 15), ("EvidenceShape", 5), ("NewsArticleShape", 5)):
        assert len(list(EXAMPLES.glob(f"{shape}-invalid-*.ttl"))) >= least
