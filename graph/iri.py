"""Deterministic IRIs for every node: the same input always gives the same IRI.

Every node IRI is ``ID_BASE`` + a *local id* of the form ``<kind>/<key>``; the local
id is what the JSON API uses (``/api/actors/person/sergey-lavrov``) and what
``GET /id/<local id>`` dereferences.

>>> country_iri("us")
'https://w3id.org/dipgraph/id/country/US'
>>> person_iri("Sergey Lavrov")
'https://w3id.org/dipgraph/id/person/sergey-lavrov'
>>> local_id(person_iri("Sergey Lavrov"))
'person/sergey-lavrov'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from graph.errors import BadInput
from graph.namespace import ID_BASE

__all__ = [
    "KINDS",
    "article_iri",
    "country_iri",
    "entity_iri",
    "evidence_iri",
    "kind_of",
    "local_id",
    "meeting_iri",
    "nodes_graph_iri",
    "organization_iri",
    "person_iri",
    "place_iri",
    "post_iri",
    "resolved_graph_iri",
    "slug",
    "to_iri",
    "topic_iri",
]

KINDS = ("article", "country", "person", "org", "place", "meeting", "topic", "evidence", "post")


def slug(text: str, max_len: int = 80) -> str:
    """Lower-case ASCII words joined by hyphens.

    >>> slug("Sergéy  Lavrov's office")
    'sergey-lavrov-s-office'
    """
    norm = unicodedata.normalize("NFKD", text)
    ascii_text = "".join(c for c in norm if not unicodedata.combining(c)).encode("ascii", "ignore")
    words = re.sub(r"[^a-z0-9]+", "-", ascii_text.decode().lower()).strip("-")
    return words[:max_len].rstrip("-") or "x"


def _digest(*parts: str, n: int = 12) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:n]


def article_iri(doc_id: str) -> str:
    """IRI of an article, also the name of its named graph.

    >>> article_iri("seed-000")
    'https://w3id.org/dipgraph/id/article/seed-000'
    >>> article_iri("wh/2023 readout").startswith(ID_BASE + "article/wh-2023-readout-")
    True
    """
    s = slug(doc_id, 100)
    return f"{ID_BASE}article/{s if s == doc_id else s + '-' + _digest(doc_id, n=8)}"


def country_iri(alpha2: str) -> str:
    return f"{ID_BASE}country/{alpha2.upper()}"


def person_iri(key: str) -> str:
    return f"{ID_BASE}person/{slug(key)}"


def organization_iri(key: str) -> str:
    return f"{ID_BASE}org/{slug(key)}"


def place_iri(key: str) -> str:
    """A place by GeoNames id (``place/745044``) or, failing that, by name slug."""
    return f"{ID_BASE}place/{key if key.isascii() and key.isdigit() else slug(key)}"


def topic_iri(label: str) -> str:
    return f"{ID_BASE}topic/{slug(label)}"


def post_iri(role: str, scope: str | None) -> str:
    """An office (``org:Post``): a role within a country or organization."""
    return f"{ID_BASE}post/{slug(role)}{'--' + slug(scope) if scope else ''}"


_ALPHA2 = re.compile(r"[A-Za-z]{2}")


def entity_iri(entity_type: str, name: str, code: str | None = None) -> str:
    """The IRI of an entity that ``resolve`` has not named, from its type and best key.

    Persons by name; countries by ISO alpha-2 ``code`` (by name slug, lower case, when the
    code is missing or not two letters); organizations by ``code`` (the curated key) or
    name; places by ``code`` (the GeoNames id) or name.

    >>> entity_iri("Country", "Russia", "ru")
    'https://w3id.org/dipgraph/id/country/RU'
    >>> entity_iri("Country", "Kosovo")
    'https://w3id.org/dipgraph/id/country/kosovo'
    >>> entity_iri("Organization", "North Atlantic Treaty Organization", "NATO")
    'https://w3id.org/dipgraph/id/org/nato'
    >>> entity_iri("Place", "Riyadh", "108410")
    'https://w3id.org/dipgraph/id/place/108410'
    """
    if entity_type == "Person":
        return person_iri(name)
    if entity_type == "Country":
        if code and _ALPHA2.fullmatch(code):
            return country_iri(code)
        return f"{ID_BASE}country/{slug(name)}"
    if entity_type == "Organization":
        return organization_iri(code or name)
    if entity_type == "Place":
        return place_iri(code or name)
    raise BadInput(f"unknown entity type {entity_type!r}")


def meeting_iri(*key: str) -> str:
    """A meeting from the parts of its resolution key (order matters; caller sorts)."""
    return f"{ID_BASE}meeting/{_digest(*key)}"


def resolved_graph_iri() -> str:
    """The named graph of the cross-article view: each meeting's consolidated status
    and agreed date, with every source article (article graphs keep each report's claim).

    >>> resolved_graph_iri()
    'https://w3id.org/dipgraph/id/graph/resolved'
    """
    return f"{ID_BASE}graph/resolved"


def nodes_graph_iri() -> str:
    """The named graph that describes every node once (type, names, nationality,
    posts, country codes, a place's country, a topic's label), merged from what all
    articles say; article graphs keep only what each article reported (mentions,
    meetings, evidence).

    >>> nodes_graph_iri()
    'https://w3id.org/dipgraph/id/graph/nodes'
    """
    return f"{ID_BASE}graph/nodes"


def evidence_iri(doc_id: str, start: int, end: int) -> str:
    return f"{ID_BASE}evidence/{_digest(doc_id, str(start), str(end))}"


def local_id(iri: str) -> str:
    """The API id of a node IRI: the part after ``ID_BASE``."""
    if not iri.startswith(ID_BASE):
        raise ValueError(f"not a dipgraph node IRI: {iri}")
    return iri[len(ID_BASE):]


def to_iri(local: str) -> str:
    """Inverse of :func:`local_id`."""
    return ID_BASE + local


def kind_of(iri_or_local: str) -> str:
    """``person``, ``country``... for an IRI or local id."""
    local = local_id(iri_or_local) if iri_or_local.startswith(ID_BASE) else iri_or_local
    return local.split("/", 1)[0]
