"""Extraction -> quads: one named graph per article, every fact traced to its source.

Pure and deterministic: the same :class:`~graph.model.Extraction` and
:class:`~graph.model.Identities` always give the same quads in the same order. An
article gives two things (:func:`article_graph`):

- its named graph ``ids.article`` (the article's IRI), what the article reported:
  the article (``schema:NewsArticle``, ``schema:identifier``, ``schema:headline``,
  ``schema:url``, ``schema:datePublished``, ``dg:source``, ``schema:mentions`` each
  entity), each meeting as one n-ary ``dg:Meeting`` node (see :func:`article_quads`)
  and each evidence span as a ``dg:Evidence`` node;
- its description of the nodes it mentions, as triples without a graph: each entity
  (local ids that map to one IRI are merged: the first name is ``schema:name``, the
  other names become ``schema:alternateName``) with its type, names,
  ``schema:nationality`` (person), ``schema:containedInPlace`` (place), ``dg:country``
  (organization), ``org:holds`` an ``org:Post`` for a role, ISO codes (country),
  ``dg:geonamesId`` (place), ``schema:identifier`` (an organization's curated key); a
  country only referred to by code gets a small node of its own; each topic
  (``skos:Concept``, ``skos:prefLabel``).

The descriptions of all articles are merged into ONE named graph,
:func:`graph.iri.nodes_graph_iri` (:class:`NodeDescriptions`, :func:`nodes_quads`), so
a node is described once however many articles mention it. An article graph together
with the nodes graph validates against ``ontology/shapes.ttl``; so does the nodes graph
on its own.

Terms come from :mod:`graph.namespace` only.

Entities absent from ``ids.entities`` get :func:`graph.iri.entity_iri`; meetings absent
from ``ids.meetings`` get ``iri.meeting_iri(ids.article, local id)``.

>>> from graph.iri import article_iri
>>> from graph.model import Article, Entity, Evidence, Extraction, Identities, Meeting
>>> art = Article(id="a1", text="Lavrov met Rubio.")
>>> ents = (Entity("e1", "Person", "Sergey Lavrov"), Entity("e2", "Person", "Marco Rubio"))
>>> m = Meeting("m1", ("e1", "e2"), evidence=(Evidence("Lavrov met Rubio.", 0, 17),))
>>> parts = article_graph(Extraction(art, ents, (m,)), Identities(article_iri("a1")))
>>> {q.graph_name.value for q in parts.quads}
{'https://w3id.org/dipgraph/id/article/a1'}
>>> sorted(q.object.value for q in parts.quads if q.predicate == SEM.hasActor)
['https://w3id.org/dipgraph/id/person/marco-rubio', 'https://w3id.org/dipgraph/id/person/sergey-lavrov']
>>> sorted(t.object.value for t in parts.nodes if t.predicate == SCHEMA.name)
['Marco Rubio', 'Sergey Lavrov']
>>> {q.graph_name.value for q in nodes_quads([parts.nodes])}
{'https://w3id.org/dipgraph/id/graph/nodes'}
"""

from __future__ import annotations

import contextlib
import functools
import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pycountry
import rdflib
from pyoxigraph import BlankNode, DefaultGraph, Literal, NamedNode, Quad, Triple

from graph.errors import BadInput
from graph.iri import (
    article_iri,
    country_iri,
    entity_iri,
    evidence_iri,
    meeting_iri,
    nodes_graph_iri,
    post_iri,
    resolved_graph_iri,
    topic_iri,
)
from graph.model import MEETING_KINDS, Entity, Extraction, Identities, Meeting
from graph.namespace import DG, ORG, PREFIXES, PROV, RDF, RDFS, SCHEMA, SEM, SKOS, XSD
from graph.resolve import Consensus

__all__ = [
    "ACTOR_TYPES",
    "ATTENDANCE_MODES",
    "EVENT_STATUSES",
    "PLOVER_MODES",
    "ArticleGraph",
    "NodeDescriptions",
    "article_graph",
    "article_quads",
    "confidence_literal",
    "date_literal",
    "nodes_quads",
    "WIKIDATA_ENTITY",
    "quads_to_rdflib",
    "resolved_quads",
    "wikidata_ids",
]

#: CAMEO consult code -> PLOVER CONSULT mode (PLOVER's CAMEO2PLOVER table); ``None``
#: where PLOVER gives no mode.
PLOVER_MODES: Mapping[str, str | None] = {
    "040": None,
    "041": "phone",
    "042": "visit",
    "043": "host",
    "044": "third-party",
    "046": None,
}
#: ``Meeting.status`` -> ``schema:eventStatus`` value.
EVENT_STATUSES: Mapping[str, NamedNode] = {
    "held": DG.EventHeld,
    "planned": SCHEMA.EventScheduled,
    "cancelled": SCHEMA.EventCancelled,
}
#: ``Meeting.mode`` -> ``schema:eventAttendanceMode`` value.
ATTENDANCE_MODES: Mapping[str, NamedNode] = {
    "in_person": SCHEMA.OfflineEventAttendanceMode,
    "phone": SCHEMA.OnlineEventAttendanceMode,
}
_CLASSES: Mapping[str, NamedNode] = {
    "Person": SCHEMA.Person,
    "Country": SCHEMA.Country,
    "Organization": SCHEMA.Organization,
    "Place": SCHEMA.Place,
}
#: Entity types that can take part in a meeting (``sem:hasActor``).
ACTOR_TYPES: frozenset[str] = frozenset({"Person", "Country", "Organization"})
_LOCATION_TYPES = frozenset({"Place", "Country"})
_DEFAULT_LABELS: Mapping[str, str] = {
    "040": "meeting",
    "041": "phone call",
    "042": "visit",
    "043": "visit",
    "044": "meeting",
    "046": "negotiations",
}
_DATE_FORMS: tuple[tuple[re.Pattern[str], NamedNode], ...] = (
    (re.compile(r"(\d{4})-(\d{2})-(\d{2})"), XSD.date),
    (re.compile(r"(\d{4})-(\d{2})"), XSD.gYearMonth),
    (re.compile(r"(\d{4})"), XSD.gYear),
    (re.compile(r"--(\d{2})-(\d{2})"), XSD.gMonthDay),
)
_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # 29: year unknown
_ALPHA2 = re.compile(r"[A-Z]{2}")
#: Namespace of Wikidata items, the object of ``schema:sameAs`` links.
WIKIDATA_ENTITY = "http://www.wikidata.org/entity/"
_PATTERNS = Path(__file__).resolve().parent / "extract" / "patterns"
_QID = re.compile(r"Q[1-9][0-9]*")


@functools.cache
def wikidata_ids() -> Mapping[tuple[str, str], str]:
    """Our offline Wikidata table: ``(entity type, code) -> QID`` for countries (ISO
    alpha-2, ``patterns/wikidata.jsonl``), organizations (curated key,
    ``organizations.jsonl``) and known persons (``people.jsonl``).

    >>> wikidata_ids()[("Country", "US")], wikidata_ids()[("Organization", "UN")]
    ('Q30', 'Q1065')
    """
    table: dict[tuple[str, str], str] = {}
    for kind, name, field_name in (("Country", "wikidata.jsonl", "code"),
                                   ("Organization", "organizations.jsonl", "key"),
                                   ("Person", "people.jsonl", "key")):
        for line in (_PATTERNS / name).read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            rec = json.loads(line)
            qid = rec.get("wikidata")
            if isinstance(qid, str) and _QID.fullmatch(qid) and rec.get(field_name):
                table[(kind, str(rec[field_name]))] = qid
    return table


def date_literal(value: str | None) -> Literal | None:
    """A ``Meeting.date`` as a literal typed by its precision; ``None`` if not a valid date.

    >>> [date_literal(v).datatype.value.split("#")[1] for v in
    ...  ("2025-02-18", "2025-02", "2025", "--02-18")]
    ['date', 'gYearMonth', 'gYear', 'gMonthDay']
    >>> date_literal("2025-02-30") is None, date_literal("Tuesday") is None
    (True, True)
    """
    if not value:
        return None
    for pattern, datatype in _DATE_FORMS:
        match = pattern.fullmatch(value)
        if match is None:
            continue
        parts = [int(p) for p in match.groups()]
        if datatype == XSD.gMonthDay:
            month, day = parts
            ok = 1 <= month <= 12 and 1 <= day <= _DAYS_IN_MONTH[month - 1]
        elif datatype == XSD.date:
            year, month, day = parts
            ok = year >= 1 and 1 <= month <= 12 and 1 <= day <= _month_length(year, month)
        elif datatype == XSD.gYearMonth:
            ok = 1 <= parts[1] <= 12
        else:
            ok = True
        return Literal(value, datatype=datatype) if ok else None
    return None


def confidence_literal(value: float) -> Literal:
    """A confidence as an ``xsd:decimal`` in [0, 1], three decimals (NaN counts as 0).

    >>> confidence_literal(0.8500001).value, confidence_literal(1.7).value
    ('0.85', '1')
    """
    clamped = 0.0 if math.isnan(value) else min(1.0, max(0.0, value))
    text = f"{clamped:.3f}".rstrip("0").rstrip(".")
    return Literal(text, datatype=XSD.decimal)


@dataclass(frozen=True)
class ArticleGraph:
    """What one article gives: ``quads``, its named graph (what it reported), and
    ``nodes``, its description of the nodes it mentions (triples, merged across articles
    into the nodes graph by :class:`NodeDescriptions`)."""

    quads: list[Quad]
    nodes: list[Triple]


def article_graph(extraction: Extraction, ids: Identities) -> ArticleGraph:
    """The article's named graph and its description of the nodes it mentions (see the
    module docstring and :func:`article_quads`)."""
    return _ArticleWriter(extraction, ids).write()


def article_quads(extraction: Extraction, ids: Identities) -> list[Quad]:
    """The quads of one article's named graph ``ids.article`` (the nodes it mentions
    are described in the nodes graph: :func:`article_graph`, :func:`nodes_quads`).

    Each meeting becomes one ``dg:Meeting`` node: ``sem:hasActor`` every participant
    (persons, countries, organizations), ``schema:eventStatus``, optional
    ``schema:eventAttendanceMode``, ``schema:location`` (a place or country),
    ``schema:startDate`` (typed by precision, see :func:`date_literal`),
    ``dg:cameoCode``, ``dg:ploverMode``, ``schema:about`` / ``dg:excludedTopic`` topic
    concepts (a topic also listed as excluded is written as excluded only),
    ``dg:confidence``, ``dg:evidence`` spans, ``prov:wasDerivedFrom`` the article and a
    ``schema:name`` label. Local meetings that map to one IRI are merged.

    Written only when they can be valid: a meeting needs two distinct actors and one
    well-formed evidence span (``0 <= start < end``, non-empty text); other meetings,
    malformed spans and unparsable dates are left out. Unknown local entity ids, an
    unknown CAMEO code, a blank entity name or a malformed IRI in ``ids`` raise
    :class:`~graph.errors.BadInput`.
    """
    return article_graph(extraction, ids).quads


#: predicate -> where the other values go when one value is kept: the value most
#: descriptions give (ties: the longer, then the greater string), as the catalog chose
#: names before each article described its nodes
_ONE_LABEL: Mapping[NamedNode, NamedNode] = {
    SCHEMA.name: SCHEMA.alternateName,
    SKOS.prefLabel: SKOS.altLabel,
}
#: at most one value in the shapes: the least value (N-Triples order) is kept
_ONE_VALUE = frozenset({DG.isoAlpha2, DG.isoAlpha3, DG.geonamesId, ORG.postIn})


class NodeDescriptions:
    """The nodes graph (:func:`graph.iri.nodes_graph_iri`) merged from the descriptions
    of many articles: a multiset of descriptions, so one can be removed again (an article
    replaced) and the result depends only on which descriptions are in, never on the
    order they came in.

    Every triple any description gives is kept once, except: one ``schema:name`` per
    node (the name most articles use; the others become ``schema:alternateName``), one
    ``skos:prefLabel`` per topic (others: ``skos:altLabel``) and one ISO code, GeoNames id
    or ``org:postIn`` (the least).

    >>> n, ru = NamedNode("https://ex.org/ru"), NamedNode("https://ex.org/RU")
    >>> one = [Triple(n, SCHEMA.name, Literal("Russia"))]
    >>> other = [Triple(n, SCHEMA.name, Literal("Russian Federation"))]
    >>> nodes = NodeDescriptions()
    >>> for d in (one, one, other):
    ...     nodes.add(d)
    >>> [(q.predicate.value.split("/")[-1], q.object.value) for q in nodes.quads()]
    [('alternateName', 'Russian Federation'), ('name', 'Russia')]
    >>> nodes.remove(one); nodes.remove(one)
    >>> [q.object.value for q in nodes.quads()]
    ['Russian Federation']
    """

    def __init__(self) -> None:
        self._counts: Counter[Triple] = Counter()

    def __len__(self) -> int:
        """How many distinct triples the descriptions give (before merging)."""
        return len(self._counts)

    def add(self, description: Iterable[Triple]) -> None:
        """Count in one article's description (each triple once)."""
        self._counts.update(set(description))

    def remove(self, description: Iterable[Triple]) -> None:
        """Count out a description given before to :meth:`add`."""
        self._counts.subtract(set(description))
        for triple in [t for t in set(description) if self._counts[t] <= 0]:
            del self._counts[triple]

    def quads(self) -> list[Quad]:
        """The merged nodes graph, sorted."""
        graph = NamedNode(nodes_graph_iri())
        keep: set[Triple] = set()
        labels: dict[tuple[object, NamedNode], list[tuple[int, Triple]]] = defaultdict(list)
        single: dict[tuple[object, NamedNode], list[Triple]] = defaultdict(list)
        for triple, count in self._counts.items():
            key = (triple.subject, triple.predicate)
            if triple.predicate in _ONE_LABEL:
                labels[key].append((count, triple))
            elif triple.predicate in _ONE_VALUE:
                single[key].append(triple)
            else:
                keep.add(triple)
        for (_, predicate), ranked in labels.items():
            best = max(ranked, key=_label_rank)[1]
            keep.add(best)
            for _, other in ranked:
                if other is not best:
                    keep.add(Triple(other.subject, _ONE_LABEL[predicate], other.object))
            keep.discard(Triple(best.subject, _ONE_LABEL[predicate], best.object))
        for triples in single.values():
            keep.add(min(triples, key=str))
        return [Quad(t.subject, t.predicate, t.object, graph) for t in sorted(keep, key=str)]


def _label_rank(counted: tuple[int, Triple]) -> tuple[int, int, str]:
    count, triple = counted
    text = str(getattr(triple.object, "value", triple.object))
    return count, len(text), text


def nodes_quads(descriptions: Iterable[Iterable[Triple]]) -> list[Quad]:
    """The nodes graph merged from article descriptions (:class:`NodeDescriptions`).

    >>> from graph.model import Article, Entity
    >>> ex = Extraction(Article("a1", ""), (Entity("e1", "Country", "France", code="FR"),), ())
    >>> nodes = article_graph(ex, Identities(article_iri("a1"))).nodes
    >>> [q.predicate.value.rsplit("/", 1)[1] for q in nodes_quads([nodes, nodes])]
    ['22-rdf-syntax-ns#type', 'name', 'sameAs', 'ontology#isoAlpha2', 'ontology#isoAlpha3']
    """
    merged = NodeDescriptions()
    for description in descriptions:
        merged.add(description)
    return merged.quads()


def quads_to_rdflib(quads: Iterable[Quad]) -> rdflib.Dataset:
    """The quads as an rdflib ``Dataset`` (for pyshacl, JSON-LD, users' scripts).

    Plain ``xsd:string`` literals become rdflib literals without a datatype (as Turtle
    parsing gives them); the namespaces of :data:`graph.namespace.PREFIXES` are bound.
    To check against ``ontology/shapes.ttl``, validate each graph of ``ds.graphs()`` on
    its own: pyshacl validates a whole Dataset as the union of its graphs.

    >>> q = Quad(NamedNode("http://ex/s"), SCHEMA.name, Literal("x"), NamedNode("http://ex/g"))
    >>> ds = quads_to_rdflib([q])
    >>> len(ds.graph(rdflib.URIRef("http://ex/g")))
    1
    """
    dataset = rdflib.Dataset()
    for prefix, namespace in PREFIXES.items():
        dataset.bind(prefix, namespace)
    graphs: dict[str, rdflib.Graph] = {}
    for quad in quads:
        triple = (_to_rdflib(quad.subject), _to_rdflib(quad.predicate), _to_rdflib(quad.object))
        name = quad.graph_name
        if isinstance(name, DefaultGraph):
            dataset.default_graph.add(triple)
            continue
        key = name.value
        if key not in graphs:
            ident = rdflib.URIRef(key) if isinstance(name, NamedNode) else rdflib.BNode(key)
            graphs[key] = dataset.graph(ident)
        graphs[key].add(triple)
    return dataset


def resolved_quads(
    consensus: Iterable[Consensus], nodes: Iterable[str] | None = None
) -> list[Quad]:
    """The cross-article view of meetings, in the named graph
    :func:`graph.iri.resolved_graph_iri`: for each meeting node (only those in ``nodes``
    when given) its consolidated ``schema:eventStatus`` (the latest report's), its
    ``schema:startDate`` when all reports agree, and ``prov:wasDerivedFrom`` every
    source article. No ``rdf:type`` is written, so no shape targets this graph; each
    report's own status and date stay in its article's graph.

    >>> from graph.resolve import Consensus, MeetingReport
    >>> c = Consensus("http://ex/m", "held", "2025-04-10",
    ...               (MeetingReport("a", None, "planned", "2025-04-10"),
    ...                MeetingReport("b", None, "held", None)))
    >>> sorted(q.predicate.value.rsplit("/", 1)[1] for q in resolved_quads([c]))
    ['eventStatus', 'prov#wasDerivedFrom', 'prov#wasDerivedFrom', 'startDate']
    """
    graph = NamedNode(resolved_graph_iri())
    wanted = set(nodes) if nodes is not None else None
    out: list[Quad] = []
    for c in sorted(consensus, key=lambda c: c.node):
        if wanted is not None and c.node not in wanted:
            continue
        node = _node(c.node, "meeting IRI")
        out.append(Quad(node, SCHEMA.eventStatus, EVENT_STATUSES[c.status], graph))
        date = date_literal(c.date)
        if date is not None:
            out.append(Quad(node, SCHEMA.startDate, date, graph))
        for doc in c.sources:
            out.append(Quad(node, PROV.wasDerivedFrom, NamedNode(article_iri(doc)), graph))
    return out


def _to_rdflib(term: object) -> rdflib.term.Node:
    if isinstance(term, NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, BlankNode):
        return rdflib.BNode(term.value)
    if isinstance(term, Literal):
        if term.language:
            return rdflib.Literal(term.value, lang=term.language)
        if term.datatype == XSD.string:
            return rdflib.Literal(term.value)
        return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value))
    raise BadInput(f"cannot convert RDF term {term!r}")


def _month_length(year: int, month: int) -> int:
    if month != 2:
        return _DAYS_IN_MONTH[month - 1]
    return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28


def _node(iri: str, what: str) -> NamedNode:
    try:
        return NamedNode(iri)
    except ValueError as err:
        raise BadInput(f"{what} is not a valid IRI: {iri!r}") from err


def _alpha2(code: str | None) -> str | None:
    """An ISO alpha-2 code from an alpha-2 or alpha-3 code, upper case."""
    if not code:
        return None
    code = code.strip().upper()
    if _ALPHA2.fullmatch(code):
        return code
    if len(code) == 3 and code.isalpha():
        country = pycountry.countries.get(alpha_3=code)
        return str(country.alpha_2) if country is not None else None
    return None


def _clean(texts: Iterable[str | None]) -> list[str]:
    """Non-blank strings, stripped, first occurrence kept."""
    return list(dict.fromkeys(t.strip() for t in texts if t and t.strip()))


@dataclass
class _Node:
    """An entity node: the local entities of the article that map to one IRI."""

    node: NamedNode
    members: list[Entity] = field(default_factory=list)

    @property
    def type(self) -> str:
        return self.members[0].type


class _ArticleWriter:
    """Builds one article's graph; only :meth:`write` is called from outside."""

    def __init__(self, extraction: Extraction, ids: Identities) -> None:
        self.extraction = extraction
        self.ids = ids
        self.graph = _node(ids.article, "article IRI")
        self.article = self.graph
        self.quads: dict[Quad, None] = {}
        self.described: dict[Triple, None] = {}
        self.by_local: dict[str, _Node] = {}
        self.nodes: dict[str, _Node] = {}
        self.stubs: dict[str, tuple[NamedNode, str, str]] = {}
        self.posts: dict[str, bool] = {}  # post IRI -> has org:postIn
        self.topics: set[str] = set()
        self.evidence: set[str] = set()

    def write(self) -> ArticleGraph:
        self._collect_entities()
        self._write_article()
        for group in self.nodes.values():
            self._write_entity(group)
        for node, alpha2, name in self.stubs.values():
            self._write_country_stub(node, alpha2, name)
        for meeting_node, meetings in self._meeting_groups().items():
            self._write_meeting(meeting_node, meetings)
        return ArticleGraph(list(self.quads), list(self.described))

    # -- helpers -----------------------------------------------------------------
    def _add(self, s: NamedNode, p: NamedNode, o: NamedNode | Literal) -> None:
        """A statement of the article graph."""
        self.quads.setdefault(Quad(s, p, o, self.graph), None)

    def _describe(self, s: NamedNode, p: NamedNode, o: NamedNode | Literal) -> None:
        """A statement of the article's description of a node (for the nodes graph)."""
        self.described.setdefault(Triple(s, p, o), None)

    def _collect_entities(self) -> None:
        for ent in self.extraction.entities:
            if not ent.name.strip():
                raise BadInput(
                    f"entity {ent.id!r} of article {self.extraction.article.id!r} has no name"
                )
            if ent.type not in _CLASSES:
                raise BadInput(f"entity {ent.id!r} has unknown type {ent.type!r}")
            iri = self.ids.entities.get(ent.id)
            if iri is None:
                code = ent.code or (ent.country_code if ent.type == "Country" else None)
                if ent.type == "Country":
                    code = _alpha2(code)
                iri = entity_iri(ent.type, ent.name, code)
            group = self.nodes.get(iri)
            if group is None:
                group = self.nodes[iri] = _Node(_node(iri, f"IRI of entity {ent.id!r}"))
            group.members.append(ent)
            self.by_local[ent.id] = group

    def _entity(self, local: str, meeting: Meeting) -> _Node:
        try:
            return self.by_local[local]
        except KeyError:
            raise BadInput(
                f"meeting {meeting.id!r} of article {self.extraction.article.id!r} "
                f"names unknown entity {local!r}"
            ) from None

    # -- article -----------------------------------------------------------------
    def _write_article(self) -> None:
        art, node = self.extraction.article, self.article
        self._add(node, RDF.type, SCHEMA.NewsArticle)
        self._add(node, SCHEMA.identifier, Literal(art.id))
        for title in _clean([art.title])[:1]:
            self._add(node, SCHEMA.headline, Literal(title))
        if art.url:  # a malformed URL is left out rather than stored as a bad IRI
            with contextlib.suppress(ValueError):
                self._add(node, SCHEMA.url, NamedNode(art.url.strip()))
        if art.published is not None:
            published = Literal(art.published.isoformat(), datatype=XSD.date)
            self._add(node, SCHEMA.datePublished, published)
        for source in _clean([art.source])[:1]:
            self._add(node, DG.source, Literal(source))
        for group in self.nodes.values():
            self._add(node, SCHEMA.mentions, group.node)

    # -- entities ----------------------------------------------------------------
    def _write_entity(self, group: _Node) -> None:
        node, first = group.node, group.members[0]
        self._describe(node, RDF.type, _CLASSES[group.type])
        names = _clean([first.name, *(m.name for m in group.members[1:])])
        aliases = _clean(a for m in group.members for a in m.aliases)
        self._describe(node, SCHEMA.name, Literal(names[0]))
        for alias in _clean([*names[1:], *aliases]):
            if alias != names[0]:
                self._describe(node, SCHEMA.alternateName, Literal(alias))
        self._write_same_as(group)
        if group.type == "Country":
            self._write_country_codes(node, _alpha2(first.code or first.country_code))
            return
        if group.type == "Place" and first.code and first.code.isascii() and first.code.isdigit():
            self._describe(node, DG.geonamesId, Literal(first.code))
        if group.type == "Organization" and first.code and first.code.strip():
            self._describe(node, SCHEMA.identifier, Literal(first.code.strip()))
        link = {
            "Person": SCHEMA.nationality,
            "Place": SCHEMA.containedInPlace,
            "Organization": DG.country,
        }[group.type]
        for member in group.members:
            country = self._country_of(member)
            if country is not None:
                self._describe(node, link, country[0])
            if group.type == "Person" and member.role and member.role.strip():
                self._write_post(node, member.role.strip(), country)

    def _write_same_as(self, group: _Node) -> None:
        """Persons and organizations (countries: :meth:`_write_country_codes`)."""
        code = group.members[0].code
        qid = wikidata_ids().get((group.type, code)) if code and group.type != "Country" else None
        if qid is not None:
            self._describe(group.node, SCHEMA.sameAs, NamedNode(WIKIDATA_ENTITY + qid))

    def _write_country_codes(self, node: NamedNode, alpha2: str | None) -> None:
        if alpha2 is None:
            return
        qid = wikidata_ids().get(("Country", alpha2))
        if qid is not None:
            self._describe(node, SCHEMA.sameAs, NamedNode(WIKIDATA_ENTITY + qid))
        self._describe(node, DG.isoAlpha2, Literal(alpha2))
        country = pycountry.countries.get(alpha_2=alpha2)
        if country is not None:
            self._describe(node, DG.isoAlpha3, Literal(str(country.alpha_3)))

    def _country_of(self, ent: Entity) -> tuple[NamedNode, str] | None:
        """The country node an entity belongs to and a key for it (ISO code or name)."""
        alpha2 = _alpha2(ent.country_code)
        country_name = ent.country.strip() if ent.country else ""
        wanted = country_name.casefold()
        countries = [g for g in self.nodes.values() if g.type == "Country"]
        if alpha2:
            for group in countries:
                if any(_alpha2(m.code or m.country_code) == alpha2 for m in group.members):
                    return group.node, alpha2
        if wanted:
            for group in countries:
                names = {n.casefold() for m in group.members for n in (m.name, *m.aliases)}
                if wanted in names:
                    key = _alpha2(group.members[0].code or group.members[0].country_code)
                    return group.node, key or country_name
        if not alpha2:
            return None
        iri = country_iri(alpha2)
        if iri in self.nodes:  # resolve gave this IRI to an entity without that code
            group = self.nodes[iri]
            return (group.node, alpha2) if group.type == "Country" else None
        if iri not in self.stubs:
            official = pycountry.countries.get(alpha_2=alpha2)
            name = country_name or (str(official.name) if official is not None else alpha2)
            self.stubs[iri] = (NamedNode(iri), alpha2, name)
        return self.stubs[iri][0], alpha2

    def _write_country_stub(self, node: NamedNode, alpha2: str, name: str) -> None:
        self._describe(node, RDF.type, SCHEMA.Country)
        self._describe(node, SCHEMA.name, Literal(name))
        self._write_country_codes(node, alpha2)

    def _write_post(
        self, person: NamedNode, role: str, country: tuple[NamedNode, str] | None
    ) -> None:
        post = _node(post_iri(role, country[1] if country else None), f"post {role!r}")
        self._describe(person, ORG.holds, post)
        self._describe(post, RDF.type, ORG.Post)
        self._describe(post, RDFS.label, Literal(role))
        if country is not None and not self.posts.get(post.value):
            self._describe(post, ORG.postIn, country[0])
            self.posts[post.value] = True

    # -- meetings ----------------------------------------------------------------
    def _meeting_groups(self) -> dict[NamedNode, list[Meeting]]:
        groups: dict[NamedNode, list[Meeting]] = {}
        for meeting in self.extraction.meetings:
            if meeting.kind not in MEETING_KINDS:
                raise BadInput(f"meeting {meeting.id!r} has unknown CAMEO code {meeting.kind!r}")
            iri = self.ids.meetings.get(meeting.id) or meeting_iri(self.ids.article, meeting.id)
            groups.setdefault(_node(iri, f"IRI of meeting {meeting.id!r}"), []).append(meeting)
        return groups

    def _write_meeting(self, node: NamedNode, meetings: Sequence[Meeting]) -> None:
        ranked = sorted(meetings, key=lambda m: 0.0 if math.isnan(m.confidence) else -m.confidence)
        top = ranked[0]
        actors = list(dict.fromkeys(
            group.node
            for m in ranked
            for group in (self._entity(p, m) for p in m.participants)
            if group.type in ACTOR_TYPES
        ))
        spans = [
            ev for m in ranked for ev in m.evidence if 0 <= ev.start < ev.end and ev.text.strip()
        ]
        locations = [
            group.node
            for m in ranked
            if m.location is not None
            for group in (self._entity(m.location, m),)
            if group.type in _LOCATION_TYPES
        ]
        if len(actors) < 2 or not spans:
            return
        self._add(node, RDF.type, DG.Meeting)
        mode = next((m.mode for m in ranked if m.mode), None)
        label = next((m.label.strip() for m in ranked if m.label and m.label.strip()), None)
        if label is None:
            label = "phone call" if mode == "phone" else _DEFAULT_LABELS[top.kind]
        self._add(node, SCHEMA.name, Literal(label))
        for actor in actors:
            self._add(node, SEM.hasActor, actor)
        self._add(node, SCHEMA.eventStatus, EVENT_STATUSES[top.status])
        if mode is not None and mode in ATTENDANCE_MODES:
            self._add(node, SCHEMA.eventAttendanceMode, ATTENDANCE_MODES[mode])
        if locations:
            self._add(node, SCHEMA.location, locations[0])
        date = next((lit for m in ranked if (lit := date_literal(m.date)) is not None), None)
        if date is not None:
            self._add(node, SCHEMA.startDate, date)
        self._add(node, DG.cameoCode, Literal(top.kind))
        plover = PLOVER_MODES[top.kind] or ("phone" if mode == "phone" else None)
        if plover is not None:
            self._add(node, DG.ploverMode, Literal(plover))
        excluded = self._topics(t for m in ranked for t in m.excluded_topics)
        for topic in self._topics(t for m in ranked for t in m.topics):
            if topic not in excluded:
                self._add(node, SCHEMA.about, topic)
        for topic in excluded:
            self._add(node, DG.excludedTopic, topic)
        self._add(node, DG.confidence, confidence_literal(top.confidence))
        for span in spans:
            self._add(node, DG.evidence, self._evidence(span.text, span.start, span.end))
        self._add(node, PROV.wasDerivedFrom, self.article)

    def _topics(self, labels: Iterable[str]) -> list[NamedNode]:
        nodes: list[NamedNode] = []
        for label in _clean(labels):
            iri = topic_iri(label)
            node = NamedNode(iri)
            if iri not in self.topics:
                self.topics.add(iri)
                self._describe(node, RDF.type, SKOS.Concept)
                self._describe(node, SKOS.prefLabel, Literal(label))
            if node not in nodes:
                nodes.append(node)
        return nodes

    def _evidence(self, text: str, start: int, end: int) -> NamedNode:
        iri = evidence_iri(self.extraction.article.id, start, end)
        node = NamedNode(iri)
        if iri not in self.evidence:
            self.evidence.add(iri)
            self._add(node, RDF.type, DG.Evidence)
            self._add(node, DG.text, Literal(text))
            self._add(node, DG.startOffset, Literal(str(start), datatype=XSD.integer))
            self._add(node, DG.endOffset, Literal(str(end), datatype=XSD.integer))
            self._add(node, PROV.wasDerivedFrom, self.article)
        return node


