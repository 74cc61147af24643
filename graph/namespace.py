"""Vocabulary terms of ``ontology/dipgraph.ttl`` and the standard vocabularies it reuses.

The only place IRIs of terms are spelled out; everything else imports them from here.
``tests/graph/test_namespace.py`` checks that every ``DG`` term is declared in the .ttl
and every term declared there is here.

>>> DG.Meeting.value
'https://w3id.org/dipgraph/ontology#Meeting'
>>> SCHEMA.name.value
'https://schema.org/name'
"""

from __future__ import annotations

from pyoxigraph import NamedNode

__all__ = [
    "DG",
    "DG_TERMS",
    "ID_BASE",
    "ONTOLOGY_IRI",
    "ORG",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "SCHEMA",
    "SEM",
    "SKOS",
    "XSD",
    "Vocabulary",
    "sparql_prologue",
]

ONTOLOGY_IRI = "https://w3id.org/dipgraph/ontology"
ID_BASE = "https://w3id.org/dipgraph/id/"


class Vocabulary:
    """Terms of one namespace as ``NamedNode`` attributes; unknown names are errors.

    >>> SEM.hasActor.value
    'http://semanticweb.cs.vu.nl/2009/11/sem/hasActor'
    """

    def __init__(self, base: str, terms: tuple[str, ...]) -> None:
        self.base = base
        self.terms = terms
        for term in terms:
            setattr(self, term, NamedNode(base + term))

    def __getattr__(self, name: str) -> NamedNode:  # only called for undeclared terms
        raise AttributeError(f"{name!r} is not a declared term of <{self.base}>")

    def __contains__(self, iri: object) -> bool:
        value = iri.value if isinstance(iri, NamedNode) else iri
        return isinstance(value, str) and value.startswith(self.base) and (
            value[len(self.base):] in self.terms
        )


DG_TERMS: tuple[str, ...] = (
    # classes
    "Meeting",
    "Evidence",
    # individuals
    "EventHeld",
    # properties
    "excludedTopic",
    "confidence",
    "evidence",
    "text",
    "startOffset",
    "endOffset",
    "cameoCode",
    "ploverMode",
    "isoAlpha2",
    "isoAlpha3",
    "geonamesId",
    "country",
    "source",
)

DG = Vocabulary(ONTOLOGY_IRI + "#", DG_TERMS)
SCHEMA = Vocabulary(
    "https://schema.org/",
    (
        "Person", "Country", "Organization", "Place", "NewsArticle", "Event",
        "EventStatusType", "EventScheduled", "EventCancelled", "EventPostponed",
        "OfflineEventAttendanceMode", "OnlineEventAttendanceMode",
        "name", "alternateName", "sameAs", "nationality", "containedInPlace",
        "location", "startDate", "eventStatus", "eventAttendanceMode", "about",
        "headline", "url", "datePublished", "identifier", "mentions", "description",
    ),
)
SEM = Vocabulary(
    "http://semanticweb.cs.vu.nl/2009/11/sem/", ("Event", "Actor", "hasActor", "hasPlace")
)
ORG = Vocabulary("http://www.w3.org/ns/org#", ("Post", "holds", "heldBy", "postIn", "role", "Role"))
PROV = Vocabulary("http://www.w3.org/ns/prov#", ("wasDerivedFrom", "Entity"))
SKOS = Vocabulary(
    "http://www.w3.org/2004/02/skos/core#", ("Concept", "prefLabel", "altLabel")
)
RDF = Vocabulary("http://www.w3.org/1999/02/22-rdf-syntax-ns#", ("type",))
RDFS = Vocabulary("http://www.w3.org/2000/01/rdf-schema#", ("label", "comment", "subClassOf"))
XSD = Vocabulary(
    "http://www.w3.org/2001/XMLSchema#",
    (
        "string", "date", "gYearMonth", "gYear", "gMonthDay", "decimal", "integer", "dateTime",
        "anyURI",
    ),
)

#: prefix -> namespace IRI, for SPARQL prologues, Turtle output and the YASGUI page.
PREFIXES: dict[str, str] = {
    "dg": DG.base,
    "dgr": ID_BASE,
    "schema": SCHEMA.base,
    "sem": SEM.base,
    "org": ORG.base,
    "prov": PROV.base,
    "skos": SKOS.base,
    "rdf": RDF.base,
    "rdfs": RDFS.base,
    "xsd": XSD.base,
}


def sparql_prologue() -> str:
    """PREFIX lines for every namespace above.

    >>> sparql_prologue().splitlines()[0]
    'PREFIX dg: <https://w3id.org/dipgraph/ontology#>'
    """
    return "\n".join(f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items()) + "\n"
