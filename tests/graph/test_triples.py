"""Extraction -> quads: the article's named graph (n-ary meetings, typed dates, topics,
evidence), the nodes graph merged from descriptions, shapes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pyoxigraph import Literal, NamedNode, Quad, Triple
from pyshacl import validate
from rdflib import Graph
from rdflib import Literal as RLiteral

from graph.errors import BadInput
from graph.iri import (
    article_iri,
    country_iri,
    meeting_iri,
    nodes_graph_iri,
    person_iri,
    post_iri,
    topic_iri,
)
from graph.model import (
    ENTITY_TYPES,
    MEETING_KINDS,
    MODES,
    STATUSES,
    Article,
    Entity,
    Evidence,
    Extraction,
    Identities,
    Meeting,
)
from graph.namespace import DG, ORG, PROV, RDF, RDFS, SCHEMA, SEM, SKOS, XSD
from graph.triples import (
    PLOVER_MODES,
    NodeDescriptions,
    article_graph,
    article_quads,
    confidence_literal,
    date_literal,
    nodes_quads,
    quads_to_rdflib,
)

SHAPES = Path(__file__).resolve().parents[2] / "ontology" / "shapes.ttl"
ART = Article(
    id="t-001",
    text="x" * 400,
    title="Ministers talk",
    published=dt.date(2025, 2, 18),
    url="https://news.example.org/t-001",
    source="Example Wire",
)
GRAPH = NamedNode(article_iri(ART.id))
NODES = NamedNode(nodes_graph_iri())
ENTITIES = (
    Entity("e1", "Person", "Sergey Lavrov", aliases=("Lavrov",), country="Russia",
           country_code="RU", role="foreign minister"),
    Entity("e2", "Person", "Marco Rubio", aliases=("Rubio",), country="United States",
           country_code="US", role="Secretary of State"),
    Entity("e3", "Country", "Russia", aliases=("Russian Federation",), code="RU"),
    Entity("e4", "Country", "United States", code="US"),
    Entity("e5", "Place", "Riyadh", code="108410", country="Saudi Arabia", country_code="SA"),
    Entity("e6", "Organization", "NATO", code="NATO"),
)
EV = (Evidence("Lavrov and Rubio met.", 10, 31),)
LAVROV, RUBIO = NamedNode(person_iri("Sergey Lavrov")), NamedNode(person_iri("Marco Rubio"))
RU, US = NamedNode(country_iri("RU")), NamedNode(country_iri("US"))


@cache
def _shapes() -> Graph:
    return Graph().parse(SHAPES)


def _quads(*meetings: Meeting, entities: Sequence[Entity] = ENTITIES,
           ids: Identities | None = None, article: Article = ART) -> list[Quad]:
    """The article graph, then the nodes graph made from this article alone."""
    extraction = Extraction(article, tuple(entities), meetings)
    parts = article_graph(extraction, ids or Identities(article_iri(article.id)))
    assert parts.quads == article_quads(extraction, ids or Identities(article_iri(article.id)))
    return parts.quads + nodes_quads([parts.nodes])


def _objects(quads: Sequence[Quad], s: NamedNode, p: NamedNode) -> list[object]:
    return [q.object for q in quads if q.subject == s and q.predicate == p]


def _meetings(quads: Sequence[Quad]) -> list[NamedNode]:
    return [q.subject for q in quads if q.predicate == RDF.type and q.object == DG.Meeting]  # type: ignore[misc]


def _one_meeting(quads: Sequence[Quad]) -> NamedNode:
    nodes = _meetings(quads)
    assert len(nodes) == 1
    return nodes[0]


def _conforms(quads: Sequence[Quad]) -> tuple[bool, str]:
    conforms, _, text = validate(quads_to_rdflib(quads), shacl_graph=_shapes())
    return bool(conforms), str(text)


# -- meetings: one table of cases ---------------------------------------------------

CASES = [
    # (id, meeting, expected single-valued properties of the meeting node)
    (
        "phone call",
        Meeting("m1", ("e1", "e2"), mode="phone", kind="041", date="2025-02-17", evidence=EV),
        {SCHEMA.eventStatus: DG.EventHeld,
         SCHEMA.eventAttendanceMode: SCHEMA.OnlineEventAttendanceMode,
         DG.cameoCode: Literal("041"), DG.ploverMode: Literal("phone"),
         SCHEMA.name: Literal("phone call"),
         SCHEMA.startDate: Literal("2025-02-17", datatype=XSD.date)},
    ),
    (
        "planned visit with excluded topic",
        Meeting("m1", ("e1", "e2"), status="planned", kind="042", date="2025-03",
                topics=("Ukraine", "energy"), excluded_topics=("ukraine",), evidence=EV,
                label="visit to Moscow"),
        {SCHEMA.eventStatus: SCHEMA.EventScheduled, DG.ploverMode: Literal("visit"),
         SCHEMA.name: Literal("visit to Moscow"),
         SCHEMA.startDate: Literal("2025-03", datatype=XSD.gYearMonth)},
    ),
    (
        "cancelled summit at a third location",
        Meeting("m1", ("e3", "e4", "e6"), status="cancelled", kind="044", location="e5",
                mode="in_person", date="2025", evidence=EV, confidence=0.25),
        {SCHEMA.eventStatus: SCHEMA.EventCancelled, SCHEMA.location: NamedNode(
            "https://w3id.org/dipgraph/id/place/108410"),
         SCHEMA.eventAttendanceMode: SCHEMA.OfflineEventAttendanceMode,
         DG.ploverMode: Literal("third-party"),
         DG.confidence: Literal("0.25", datatype=XSD.decimal),
         SCHEMA.startDate: Literal("2025", datatype=XSD.gYear)},
    ),
    (
        "hosted visit, year unknown",
        Meeting("m1", ("e1", "e2"), kind="043", date="--02-18", location="e3", evidence=EV),
        {DG.ploverMode: Literal("host"), SCHEMA.location: RU,
         SCHEMA.startDate: Literal("--02-18", datatype=XSD.gMonthDay)},
    ),
    (
        "negotiations, impossible date dropped",
        Meeting("m1", ("e1", "e2"), kind="046", date="2025-02-30", evidence=EV),
        {DG.cameoCode: Literal("046"), DG.ploverMode: None, SCHEMA.startDate: None,
         SCHEMA.name: Literal("negotiations"), DG.confidence: Literal("0.5", datatype=XSD.decimal)},
    ),
    (
        "consult, no date, no mode",
        Meeting("m1", ("e1", "e2"), evidence=EV, confidence=1.4),
        {DG.cameoCode: Literal("040"), DG.ploverMode: None, SCHEMA.eventAttendanceMode: None,
         SCHEMA.location: None, SCHEMA.startDate: None,
         DG.confidence: Literal("1", datatype=XSD.decimal)},
    ),
]


@pytest.mark.parametrize(("meeting", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_meeting_properties(meeting: Meeting, expected: dict[NamedNode, object]) -> None:
    quads = _quads(meeting)
    node = _one_meeting(quads)
    assert node == NamedNode(meeting_iri(GRAPH.value, "m1"))
    for prop, value in expected.items():
        assert _objects(quads, node, prop) == ([] if value is None else [value]), prop


@pytest.mark.parametrize(("meeting", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_meeting_graph_conforms_to_shapes(meeting: Meeting, expected: object) -> None:
    conforms, text = _conforms(_quads(meeting))
    assert conforms, text


@pytest.mark.parametrize(("meeting", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_meetings_are_in_the_article_graph_nodes_in_the_nodes_graph(
        meeting: Meeting, expected: object) -> None:
    quads = _quads(meeting)
    assert quads and {q.graph_name for q in quads} == {GRAPH, NODES}
    typed = {q.subject.value.split("/id/")[1].split("/")[0]: q.graph_name  # type: ignore[union-attr]
             for q in quads if q.predicate == RDF.type}
    assert typed["meeting"] == typed["evidence"] == typed["article"] == GRAPH
    assert {typed[k] for k in ("person", "country", "post")} == {NODES}


def test_meeting_is_one_nary_node_with_provenance() -> None:
    meeting = Meeting("m1", ("e1", "e2", "e3", "e4", "e6"), evidence=EV)
    quads = _quads(meeting)
    node = _one_meeting(quads)
    actors = set(_objects(quads, node, SEM.hasActor))
    assert actors == {LAVROV, RUBIO, RU, US, NamedNode("https://w3id.org/dipgraph/id/org/nato")}
    # never pairwise: the only links between actors are entity facts (nationality)
    links = {q.predicate for q in quads if q.subject in actors and q.object in actors}
    assert links <= {SCHEMA.nationality}
    assert _objects(quads, node, PROV.wasDerivedFrom) == [GRAPH]
    (evidence,) = _objects(quads, node, DG.evidence)
    assert isinstance(evidence, NamedNode)
    assert _objects(quads, evidence, DG.text) == [Literal("Lavrov and Rubio met.")]
    assert _objects(quads, evidence, DG.startOffset) == [Literal("10", datatype=XSD.integer)]
    assert _objects(quads, evidence, DG.endOffset) == [Literal("31", datatype=XSD.integer)]
    assert _objects(quads, evidence, PROV.wasDerivedFrom) == [GRAPH]


def test_excluded_topic_is_never_about() -> None:
    meeting = Meeting("m1", ("e1", "e2"), topics=("Ukraine", "energy", "Sanctions"),
                      excluded_topics=("sanctions", "NATO expansion"), evidence=EV)
    quads = _quads(meeting)
    node = _one_meeting(quads)
    about = set(_objects(quads, node, SCHEMA.about))
    excluded = set(_objects(quads, node, DG.excludedTopic))
    assert about == {NamedNode(topic_iri("Ukraine")), NamedNode(topic_iri("energy"))}
    assert excluded == {NamedNode(topic_iri("sanctions")), NamedNode(topic_iri("NATO expansion"))}
    for topic in about | excluded:
        assert _objects(quads, topic, RDF.type) == [SKOS.Concept]  # type: ignore[arg-type]
        assert len(_objects(quads, topic, SKOS.prefLabel)) == 1  # type: ignore[arg-type]


def test_local_meetings_with_one_iri_are_merged() -> None:
    shared = meeting_iri("resolved", "k")
    ids = Identities(GRAPH.value, meetings={"m1": shared, "m2": shared})
    m1 = Meeting("m1", ("e1", "e2"), status="planned", confidence=0.9, evidence=EV)
    m2 = Meeting("m2", ("e2", "e3"), status="held", date="2025-02-18", confidence=0.4,
                 evidence=(Evidence("They met.", 40, 49),))
    quads = _quads(m1, m2, ids=ids)
    node = _one_meeting(quads)
    assert node == NamedNode(shared)
    assert set(_objects(quads, node, SEM.hasActor)) == {LAVROV, RUBIO, RU}
    assert _objects(quads, node, SCHEMA.eventStatus) == [SCHEMA.EventScheduled]  # most confident
    assert len(_objects(quads, node, DG.evidence)) == 2
    assert _objects(quads, node, SCHEMA.startDate) == [Literal("2025-02-18", datatype=XSD.date)]
    assert _conforms(quads)[0]


@pytest.mark.parametrize(
    "meeting",
    [
        Meeting("m1", ("e1",), evidence=EV),  # one participant
        Meeting("m1", ("e1", "e1"), evidence=EV),  # the same participant twice
        Meeting("m1", ("e1", "e5"), evidence=EV),  # a place is not an actor
        Meeting("m1", ("e1", "e2")),  # no evidence
        Meeting("m1", ("e1", "e2"), evidence=(Evidence("x", 5, 5),)),  # empty span
        Meeting("m1", ("e1", "e2"), evidence=(Evidence("  ", 5, 9),)),  # blank text
    ],
    ids=["one-actor", "same-actor-twice", "place-actor", "no-evidence", "empty-span", "blank"],
)
def test_meetings_that_cannot_be_valid_are_left_out(meeting: Meeting) -> None:
    quads = _quads(meeting)
    assert _meetings(quads) == []
    assert _conforms(quads)[0]


@pytest.mark.parametrize(
    ("meeting", "ids", "message"),
    [
        (Meeting("m1", ("e1", "e9"), evidence=EV), None, "unknown entity 'e9'"),
        (Meeting("m1", ("e1", "e2"), location="e9", evidence=EV), None, "unknown entity 'e9'"),
        (Meeting("m1", ("e1", "e2"), kind="045", evidence=EV), None, "unknown CAMEO code"),
        (Meeting("m1", ("e1", "e2"), evidence=EV),
         Identities(GRAPH.value, entities={"e1": "not an iri"}), "not a valid IRI"),
        (Meeting("m1", ("e1", "e2"), evidence=EV), Identities("bad graph"), "not a valid IRI"),
    ],
    ids=["participant", "location", "kind", "entity-iri", "article-iri"],
)
def test_broken_references_raise_bad_input(
    meeting: Meeting, ids: Identities | None, message: str
) -> None:
    with pytest.raises(BadInput, match=message):
        _quads(meeting, ids=ids)


def test_two_articles_reporting_one_meeting_each_conform() -> None:
    """Shapes hold per article graph; the union may carry one value per report."""
    shared = {"m1": meeting_iri("resolved", "k")}
    held = Meeting("m1", ("e1", "e2"), status="held", kind="042", confidence=0.9, evidence=EV)
    planned = Meeting("m1", ("e1", "e2"), status="planned", kind="040", evidence=EV)
    other = Article(id="t-002", text="")
    quads = _quads(held, ids=Identities(GRAPH.value, meetings=shared)) + _quads(
        planned, article=other, ids=Identities(article_iri(other.id), meetings=shared)
    )
    graphs = {str(g.identifier): g for g in quads_to_rdflib(quads).graphs() if len(g)}
    assert len(graphs) == 3  # two articles and one nodes graph (same descriptions twice)
    nodes = graphs.pop(NODES.value)
    assert len({q for q in quads if q.graph_name == NODES}) == len(nodes)
    for graph in graphs.values():
        conforms, _, text = validate(Graph() + graph + nodes, shacl_graph=_shapes())
        assert conforms, text


# -- entities and the article ----------------------------------------------------------


def test_entities_roles_and_country_links() -> None:
    extra = (
        Entity("e7", "Person", "Jean-Noël Barrot", country="France", country_code="FR",
               role="foreign minister"),
        Entity("e8", "Organization", "Russian Foreign Ministry", country="Russia"),
    )
    quads = _quads(entities=ENTITIES + extra)
    fr = NamedNode(country_iri("FR"))
    # a country known only by code gets its own small node
    assert _objects(quads, fr, RDF.type) == [SCHEMA.Country]
    assert _objects(quads, fr, SCHEMA.name) == [Literal("France")]
    assert _objects(quads, fr, DG.isoAlpha3) == [Literal("FRA")]
    assert _objects(quads, RU, DG.isoAlpha2) == [Literal("RU")]
    assert _objects(quads, LAVROV, SCHEMA.nationality) == [RU]
    assert _objects(quads, LAVROV, SCHEMA.alternateName) == [Literal("Lavrov")]
    post = NamedNode(post_iri("foreign minister", "RU"))
    assert _objects(quads, LAVROV, ORG.holds) == [post]
    assert _objects(quads, post, RDFS.label) == [Literal("foreign minister")]
    assert _objects(quads, post, ORG.postIn) == [RU]
    ministry = NamedNode("https://w3id.org/dipgraph/id/org/russian-foreign-ministry")
    assert _objects(quads, ministry, DG.country) == [RU]
    riyadh = NamedNode("https://w3id.org/dipgraph/id/place/108410")
    assert _objects(quads, riyadh, DG.geonamesId) == [Literal("108410")]
    assert _objects(quads, riyadh, SCHEMA.containedInPlace) == [NamedNode(country_iri("SA"))]
    assert _conforms(quads)[0]


def test_entities_use_resolved_iris_and_merge_names() -> None:
    ids = Identities(GRAPH.value, entities={
        "e1": "https://w3id.org/dipgraph/id/person/lavrov-q", "e9": "https://w3id.org/dipgraph/id/person/lavrov-q"})
    entities = ENTITIES + (Entity("e9", "Person", "S. Lavrov", aliases=("Lavrov",)),)
    quads = _quads(Meeting("m1", ("e9", "e2"), evidence=EV), entities=entities, ids=ids)
    node = NamedNode("https://w3id.org/dipgraph/id/person/lavrov-q")
    assert _objects(quads, node, SCHEMA.name) == [Literal("Sergey Lavrov")]
    aliases = set(_objects(quads, node, SCHEMA.alternateName))
    assert aliases == {Literal("S. Lavrov"), Literal("Lavrov")}
    assert node in _objects(quads, _one_meeting(quads), SEM.hasActor)
    assert _objects(quads, LAVROV, RDF.type) == []
    assert _conforms(quads)[0]


def test_article_metadata_and_mentions() -> None:
    quads = _quads()
    assert _objects(quads, GRAPH, RDF.type) == [SCHEMA.NewsArticle]
    assert _objects(quads, GRAPH, SCHEMA.identifier) == [Literal("t-001")]
    assert _objects(quads, GRAPH, SCHEMA.headline) == [Literal("Ministers talk")]
    assert _objects(quads, GRAPH, SCHEMA.url) == [NamedNode("https://news.example.org/t-001")]
    published = _objects(quads, GRAPH, SCHEMA.datePublished)
    assert published == [Literal("2025-02-18", datatype=XSD.date)]
    assert _objects(quads, GRAPH, DG.source) == [Literal("Example Wire")]
    assert len(_objects(quads, GRAPH, SCHEMA.mentions)) == len(ENTITIES)


def test_article_with_bad_url_and_no_metadata() -> None:
    bare = Article(id="wh/2025 readout", text="", url="not a url", title="  ")
    quads = _quads(article=bare, entities=())
    graph = NamedNode(article_iri(bare.id))
    assert {q.graph_name for q in quads} == {graph}  # no entities: nothing to describe
    assert _objects(quads, graph, SCHEMA.url) == []
    assert _objects(quads, graph, SCHEMA.headline) == []
    assert _objects(quads, graph, SCHEMA.identifier) == [Literal("wh/2025 readout")]
    assert _conforms(quads)[0]


# -- literals ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "datatype"),
    [
        ("2024-02-29", XSD.date), ("2023-02-29", None), ("2025-04-31", None),
        ("2025-12", XSD.gYearMonth), ("2025-13", None), ("1999", XSD.gYear),
        ("--12-31", XSD.gMonthDay), ("--02-29", XSD.gMonthDay), ("--02-30", None),
        ("0000-01-01", None), ("2025-1-5", None), ("25", None), ("", None), (None, None),
        ("2025-02-18T10:00", None),
    ],
)
def test_date_literal(value: str | None, datatype: NamedNode | None) -> None:
    lit = date_literal(value)
    if datatype is None:
        assert lit is None
    else:
        assert lit == Literal(value or "", datatype=datatype)


@pytest.mark.parametrize(
    ("value", "text"),
    [(0.0, "0"), (0.5, "0.5"), (0.12345, "0.123"), (1.0, "1"), (-2.0, "0"), (3.0, "1"),
     (float("nan"), "0")],
)
def test_confidence_literal(value: float, text: str) -> None:
    assert confidence_literal(value) == Literal(text, datatype=XSD.decimal)


def test_plover_modes_cover_every_meeting_kind() -> None:
    assert set(PLOVER_MODES) == set(MEETING_KINDS)


def test_quads_to_rdflib_keeps_graphs_and_terms() -> None:
    quads = _quads(CASES[3][1])
    ds = quads_to_rdflib(quads)
    graphs = {str(g.identifier): g for g in ds.graphs() if len(g)}
    assert set(graphs) == {GRAPH.value, NODES.value}
    assert sum(map(len, graphs.values())) == len(quads)
    article = graphs[GRAPH.value]
    dates = [(str(o), str(o.datatype)) for o in article.objects() if isinstance(o, RLiteral)]
    assert ("--02-18", XSD.gMonthDay.value) in dates


# -- properties ---------------------------------------------------------------------

_NAMES = st.text(alphabet="abcdeé -'", min_size=1, max_size=12).filter(lambda s: s.strip())
_TOPICS = st.sampled_from(["Ukraine", "ukraine", "energy", "trade deal", "Gaza", "  "])
_DATES = st.one_of(
    st.none(),
    st.sampled_from(["2025-02-30", "garbage", "--13-01", "2025-00"]),
    st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)).flatmap(
        lambda d: st.sampled_from([d.isoformat(), d.isoformat()[:7], d.isoformat()[:4],
                                   "--" + d.isoformat()[5:]])
    ),
)


@st.composite
def _entity(draw: st.DrawFn, local: str) -> Entity:
    kind = draw(st.sampled_from([*ENTITY_TYPES, "Person", "Country"]))
    code = {
        "Country": st.sampled_from([None, "RU", "us", "FRA", "ZZZ", "X1"]),
        "Place": st.one_of(st.none(), st.integers(1, 10**7).map(str)),
        "Organization": st.sampled_from([None, "NATO", "EU"]),
        "Person": st.none(),
    }[kind]
    return Entity(
        local, kind, draw(_NAMES),  # type: ignore[arg-type]
        aliases=tuple(draw(st.lists(_NAMES, max_size=2))),
        country=draw(st.sampled_from([None, "Russia", "France", "Elbonia"])),
        country_code=draw(st.sampled_from([None, "RU", "FR", "de", "QQ"])),
        role=draw(st.sampled_from([None, "foreign minister", "Foreign Minister", " "])),
        code=draw(code),
    )


@st.composite
def _extractions(draw: st.DrawFn) -> tuple[Extraction, Identities]:
    n = draw(st.integers(2, 7))
    entities = tuple(draw(_entity(f"e{i}")) for i in range(n))
    locals_ = [e.id for e in entities]
    meetings = []
    for j in range(draw(st.integers(1, 3))):
        spans = st.tuples(st.integers(0, 300), st.integers(-2, 40))
        texts = st.sampled_from(["They met.", "talks", "Talks were held.", " "])
        evidence = tuple(
            Evidence(draw(texts), start, start + length)
            for start, length in draw(st.lists(spans, min_size=1, max_size=2))
        )
        meetings.append(Meeting(
            f"m{j}",
            tuple(draw(st.lists(st.sampled_from(locals_), min_size=2, max_size=4))),
            status=draw(st.sampled_from(STATUSES)),
            location=draw(st.one_of(st.none(), st.sampled_from(locals_))),
            date=draw(_DATES),
            mode=draw(st.sampled_from([None, *MODES])),
            kind=draw(st.sampled_from(sorted(MEETING_KINDS))),
            topics=tuple(draw(st.lists(_TOPICS, max_size=3))),
            excluded_topics=tuple(draw(st.lists(_TOPICS, max_size=2))),
            evidence=evidence,
            confidence=draw(st.one_of(st.floats(-1, 2), st.just(float("nan")))),
            label=draw(st.sampled_from([None, "talks", " "])),
        ))
    shared = meeting_iri("shared")
    merged = draw(st.sets(st.sampled_from([m.id for m in meetings]))) if meetings else set()
    article = Article(id=draw(st.sampled_from(["p-1", "wire/2025 01"])), text="",
                      published=draw(st.one_of(st.none(), st.dates())),
                      title=draw(st.one_of(st.none(), _NAMES)))
    ids = Identities(article_iri(article.id), meetings={m: shared for m in merged})
    return Extraction(article, entities, tuple(meetings)), ids


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_extractions())
def test_quads_are_deterministic_and_conform(case: tuple[Extraction, Identities]) -> None:
    extraction, ids = case
    parts = article_graph(extraction, ids)
    assert parts == article_graph(extraction, ids)
    assert len(set(parts.quads)) == len(parts.quads)
    assert {q.graph_name for q in parts.quads} == {NamedNode(ids.article)}
    quads = parts.quads + nodes_quads([parts.nodes])
    for node in _meetings(quads):
        assert len(_objects(quads, node, SEM.hasActor)) >= 2
        about = set(_objects(quads, node, SCHEMA.about))
        assert not about & set(_objects(quads, node, DG.excludedTopic))
    conforms, text = _conforms(quads)
    assert conforms, text


# -- the nodes graph: descriptions merged -----------------------------------------------

_N = NamedNode("https://w3id.org/dipgraph/id/person/x")
_RU_NAME = (Triple(RU, SCHEMA.name, Literal("Russia")),)
_RF_NAME = (Triple(RU, SCHEMA.name, Literal("Russian Federation")),)

MERGES = [
    # (id, descriptions, expected (subject, predicate, object) of the nodes graph)
    ("majority name wins, the other becomes an alias",
     [_RU_NAME, _RU_NAME, _RF_NAME],
     {(RU, SCHEMA.name, Literal("Russia")),
      (RU, SCHEMA.alternateName, Literal("Russian Federation"))}),
    ("a tie goes to the longer name",
     [_RU_NAME, _RF_NAME],
     {(RU, SCHEMA.name, Literal("Russian Federation")),
      (RU, SCHEMA.alternateName, Literal("Russia"))}),
    ("the chosen name is never also an alias",
     [_RU_NAME, _RU_NAME, (Triple(RU, SCHEMA.name, Literal("RF")),
                           Triple(RU, SCHEMA.alternateName, Literal("Russia")))],
     {(RU, SCHEMA.name, Literal("Russia")), (RU, SCHEMA.alternateName, Literal("RF"))}),
    ("one prefLabel per topic, the others altLabel",
     [(Triple(_N, SKOS.prefLabel, Literal("ukraine")),),
      (Triple(_N, SKOS.prefLabel, Literal("Ukraine")),),
      (Triple(_N, SKOS.prefLabel, Literal("Ukraine")),)],
     {(_N, SKOS.prefLabel, Literal("Ukraine")), (_N, SKOS.altLabel, Literal("ukraine"))}),
    ("at most one ISO code and postIn: the least",
     [(Triple(RU, DG.isoAlpha2, Literal("RU")), Triple(_N, ORG.postIn, US)),
      (Triple(RU, DG.isoAlpha2, Literal("RF")), Triple(_N, ORG.postIn, RU))],
     {(RU, DG.isoAlpha2, Literal("RF")), (_N, ORG.postIn, RU)}),
    ("other facts are the union, once each",
     [(Triple(_N, SCHEMA.nationality, RU), Triple(_N, RDF.type, SCHEMA.Person)),
      (Triple(_N, SCHEMA.nationality, US), Triple(_N, RDF.type, SCHEMA.Person))],
     {(_N, SCHEMA.nationality, RU), (_N, SCHEMA.nationality, US),
      (_N, RDF.type, SCHEMA.Person)}),
]


@pytest.mark.parametrize(("descriptions", "expected"), [c[1:] for c in MERGES],
                         ids=[c[0] for c in MERGES])
def test_nodes_graph_merges_descriptions(descriptions: list[tuple[Triple, ...]],
                                         expected: set[tuple[object, object, object]]) -> None:
    quads = nodes_quads(descriptions)
    assert {q.graph_name for q in quads} == {NODES}
    assert {(q.subject, q.predicate, q.object) for q in quads} == expected
    assert quads == sorted(quads, key=lambda q: str(Triple(q.subject, q.predicate, q.object)))


def test_removing_a_description_gives_the_graph_without_it() -> None:
    """An article replaced: what only it said goes, what others also say stays."""
    one = article_graph(Extraction(ART, ENTITIES, ()), Identities(GRAPH.value)).nodes
    other_art = Article(id="t-002", text="")
    fewer = (ENTITIES[0], ENTITIES[2])  # Lavrov and Russia only
    other = article_graph(Extraction(other_art, fewer, ()),
                          Identities(article_iri(other_art.id))).nodes
    merged = NodeDescriptions()
    merged.add(one)
    merged.add(other)
    merged.remove(one)
    assert merged.quads() == nodes_quads([other])
    assert _objects(merged.quads(), LAVROV, SCHEMA.nationality) == [RU]
    assert _objects(merged.quads(), US, RDF.type) == []  # only the removed article knew it


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_extractions(), min_size=1, max_size=4), st.randoms(use_true_random=False))
def test_nodes_graph_ignores_order(cases: list[tuple[Extraction, Identities]],
                                   rnd: object) -> None:
    descriptions = [article_graph(ex, ids).nodes for ex, ids in cases]
    shuffled = list(descriptions)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    assert nodes_quads(descriptions) == nodes_quads(shuffled)
    assert nodes_quads(descriptions * 2) != [] or not any(descriptions)
