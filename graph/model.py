"""The records that pass between pipeline stages.

Plain frozen dataclasses: ``sources`` makes :class:`Article`, ``extract`` makes
:class:`Extraction` (entities and meetings local to one article), ``resolve`` makes
:class:`Identities` (local ids -> canonical IRIs), ``triples`` turns both into quads.
No spaCy spans and no store objects ever cross a stage boundary.

>>> a = Article(id="a1", text="Lavrov met Rubio.")
>>> Extraction(article=a, entities=(), meetings=()).to_json()["doc"]
'a1'
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = [
    "ENTITY_TYPES",
    "MEETING_KINDS",
    "MODES",
    "STATUSES",
    "Article",
    "Entity",
    "Evidence",
    "Extraction",
    "Identities",
    "Meeting",
]

EntityType = Literal["Person", "Country", "Organization", "Place"]
Status = Literal["held", "planned", "cancelled"]
Mode = Literal["in_person", "phone"]

ENTITY_TYPES: tuple[str, ...] = ("Person", "Country", "Organization", "Place")
STATUSES: tuple[str, ...] = ("held", "planned", "cancelled")
MODES: tuple[str, ...] = ("in_person", "phone")
#: CAMEO consult codes a meeting can carry, with their CAMEO names.
MEETING_KINDS: Mapping[str, str] = {
    "040": "Consult, not specified",
    "041": "Discuss by telephone",
    "042": "Make a visit",
    "043": "Host a visit",
    "044": "Meet at a third location",
    "046": "Engage in negotiation",
}


@dataclass(frozen=True)
class Article:
    """One news article as read from a file or a JSON Lines record.

    ``text`` is the article body with page furniture already removed; character
    offsets in :class:`Evidence` point into it.
    """

    id: str
    text: str
    title: str | None = None
    published: dt.date | None = None
    url: str | None = None
    source: str | None = None
    origin: str | None = None  # the file (and line) it was read from, for error messages
    year_hint: int | None = None  # the page's year when no full date is given (copyright line)


@dataclass(frozen=True)
class Evidence:
    """A sentence of the article that states a fact, with offsets into ``Article.text``."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Entity:
    """An entity as named in one article.

    ``id`` is local to the article (``e1``, ``e2``...). ``code`` is the strongest
    identifier extraction knows: ISO 3166 alpha-2 for a country, the GeoNames id for a
    place, the curated key for an organization (``NATO``), ``None`` for persons.
    ``country`` is the (canonical short) name of the country the entity belongs to or
    represents, ``country_code`` its ISO alpha-2.
    """

    id: str
    type: EntityType
    name: str
    aliases: tuple[str, ...] = ()
    country: str | None = None
    country_code: str | None = None
    role: str | None = None
    code: str | None = None


@dataclass(frozen=True)
class Meeting:
    """An encounter between two or more parties, as reported by one article.

    ``participants`` and ``location`` are local entity ids. ``date`` is ISO 8601 at the
    precision the text supports (``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY``) or ``--MM-DD``
    when the year is unknown. ``kind`` is a CAMEO code from :data:`MEETING_KINDS`.
    """

    id: str
    participants: tuple[str, ...]
    status: Status = "held"
    location: str | None = None
    date: str | None = None
    mode: Mode | None = None
    kind: str = "040"
    topics: tuple[str, ...] = ()
    excluded_topics: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    confidence: float = 0.5
    label: str | None = None  # a few words: "talks", "phone call", "summit"


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one article."""

    article: Article
    entities: tuple[Entity, ...]
    meetings: tuple[Meeting, ...]

    def entity(self, local_id: str) -> Entity:
        for ent in self.entities:
            if ent.id == local_id:
                return ent
        raise KeyError(local_id)

    def to_json(self) -> dict[str, Any]:
        """The ``dipgraph extract`` record (contract in ../shared/eval/README.md)."""
        art = self.article
        return {
            "doc": art.id,
            "published": art.published.isoformat() if art.published else None,
            "title": art.title,
            "entities": [_entity_json(e) for e in self.entities],
            "meetings": [_meeting_json(m) for m in self.meetings],
        }


@dataclass(frozen=True)
class Identities:
    """Canonical IRIs for the local ids of one extraction, decided by ``resolve``.

    ``entities`` maps local entity ids (``e1``) and ``meetings`` local meeting ids
    (``m1``) to node IRIs; ``article`` is the article's IRI, also the name of the
    article's named graph.
    """

    article: str
    entities: Mapping[str, str] = field(default_factory=dict)
    meetings: Mapping[str, str] = field(default_factory=dict)


def _entity_json(e: Entity) -> dict[str, Any]:
    out: dict[str, Any] = {"id": e.id, "type": e.type, "name": e.name, "aliases": list(e.aliases)}
    if e.country:
        out["country"] = e.country
    if e.role:
        out["role"] = e.role
    if e.code:
        out["code"] = e.code
    return out


def _meeting_json(m: Meeting) -> dict[str, Any]:
    return {
        "id": m.id,
        "participants": list(m.participants),
        "location": m.location,
        "date": m.date,
        "status": m.status,
        "mode": m.mode,
        "kind": m.kind,
        "label": m.label,
        "topics": list(m.topics),
        "excluded_topics": list(m.excluded_topics),
        "evidence": [{"text": ev.text, "start": ev.start, "end": ev.end} for ev in m.evidence],
        "confidence": round(m.confidence, 3),
    }
