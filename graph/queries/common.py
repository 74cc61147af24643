"""Shared pieces of the named queries: records, date filters, status and mode terms.

Dates in the graph have the precision the text gave (``2025-04-10``, ``2025-04``,
``2025``; ``--04-10`` when the year is unknown). A date filter keeps a meeting when its
date *overlaps* the range, so ``since=2025-04-05`` keeps a meeting dated ``2025-04``;
meetings without a year never pass a date filter.

>>> overlaps("2025-04", since="2025-04-05")
True
>>> overlaps("2025-03-30", since="2025-04-05")
False
>>> overlaps("2025", since="2024-06-01", until="2025-01-31")
True
>>> overlaps("2025-01-20", until="2025-01")
True
>>> overlaps("--04-10", until="2026")
False
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from pyoxigraph import NamedNode

from graph.errors import BadInput
from graph.iri import ID_BASE, local_id
from graph.namespace import SCHEMA
from graph.store import Term
from graph.triples import ATTENDANCE_MODES, EVENT_STATUSES

__all__ = [
    "ActorRef",
    "ArticleRef",
    "TopicRef",
    "check_date",
    "lid",
    "mode_of",
    "node",
    "overlaps",
    "resolve_status",
    "status_of",
]

_STATUS_BY_IRI = {v.value: k for k, v in EVENT_STATUSES.items()}
_STATUS_BY_IRI[SCHEMA.EventPostponed.value] = "planned"
_MODE_BY_IRI = {v.value: k for k, v in ATTENDANCE_MODES.items()}
#: When reports disagree, the status that wins: a meeting reported held was held.
_STATUS_PRECEDENCE = ("held", "cancelled", "planned")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True)
class ActorRef:
    """An actor (person, country, organization) or place, by API id."""

    id: str
    type: str
    name: str


@dataclass(frozen=True)
class TopicRef:
    id: str
    label: str


@dataclass(frozen=True)
class ArticleRef:
    """A source article: ``doc`` is the id it was ingested with."""

    id: str
    doc: str | None
    title: str | None
    url: str | None
    published: str | None
    source: str | None


def check_date(value: str, name: str = "date") -> str:
    """Validate a date filter (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``).

    >>> check_date("2025-02")
    '2025-02'
    >>> check_date("2025-02-30", "since")
    Traceback (most recent call last):
    ...
    graph.errors.BadInput: since: '2025-02-30' is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)
    """
    match = _DATE.match(value.strip())
    ok = match is not None
    if match:
        year, month, day = (int(g) if g else 1 for g in match.groups())
        try:
            dt.date(year, month, day)
        except ValueError:
            ok = False
    if not ok:
        raise BadInput(f"{name}: {value!r} is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)")
    return value.strip()


def overlaps(date: str | None, since: str | None = None, until: str | None = None) -> bool:
    """Whether a (possibly partial) date overlaps ``[since, until]``; see the module doc."""
    if since is None and until is None:
        return True
    if not date or date.startswith("-"):
        return False
    if since is not None:
        n = min(len(date), len(since))
        if since[:n] > date[:n]:
            return False
    if until is not None:
        n = min(len(date), len(until))
        if date[:n] > until[:n]:
            return False
    return True


def status_of(iri: str) -> str | None:
    return _STATUS_BY_IRI.get(iri)


def mode_of(iri: str) -> str | None:
    return _MODE_BY_IRI.get(iri)


def resolve_status(statuses: Iterable[str | None]) -> str:
    """One status from what several reports say (held > cancelled > planned).

    >>> resolve_status(["planned", "held"])
    'held'
    """
    found = {s for s in statuses if s}
    for status in _STATUS_PRECEDENCE:
        if status in found:
            return status
    return "held"


def node(local: str) -> NamedNode:
    """The IRI term of an API id (``person/sergey-lavrov``)."""
    try:
        return NamedNode(ID_BASE + local)
    except ValueError:
        raise BadInput(f"{local!r} is not a valid node id") from None


def lid(term: Term) -> str:
    """API id of a node term (the IRI itself for terms outside our namespace)."""
    value = term.value if isinstance(term, NamedNode) else str(term)
    return local_id(value) if value.startswith(ID_BASE) else value
