"""Deterministic, IRI-safe node IRIs and the local id round trip."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
import rdflib
from hypothesis import given
from hypothesis import strategies as st
from pyoxigraph import NamedNode

from graph import iri
from graph.errors import BadInput
from graph.namespace import ID_BASE

_SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


@pytest.mark.parametrize(
    ("made", "expected"),
    [
        (iri.person_iri("Sergey Lavrov"), "person/sergey-lavrov"),
        (iri.person_iri("Sergéy  LAVROV"), "person/sergey-lavrov"),
        (iri.country_iri("ru"), "country/RU"),
        (iri.organization_iri("NATO"), "org/nato"),
        (iri.place_iri("745044"), "place/745044"),
        (iri.place_iri("Riyadh"), "place/riyadh"),
        (iri.place_iri("٣٤"), "place/x"),  # non-ASCII digits are not a GeoNames id
        (iri.topic_iri("Nuclear talks"), "topic/nuclear-talks"),
        (iri.post_iri("Foreign Minister", "RU"), "post/foreign-minister--ru"),
        (iri.post_iri("Pope", None), "post/pope"),
        (iri.article_iri("seed-000"), "article/seed-000"),
        (iri.entity_iri("Person", "Marco Rubio"), "person/marco-rubio"),
        (iri.entity_iri("Country", "Russia", "ru"), "country/RU"),
        (iri.entity_iri("Country", "Kosovo", "RKS"), "country/kosovo"),
        (iri.entity_iri("Country", "Kosovo"), "country/kosovo"),
        (iri.entity_iri("Organization", "North Atlantic Treaty Organization", "NATO"), "org/nato"),
        (iri.entity_iri("Organization", "State Department"), "org/state-department"),
        (iri.entity_iri("Place", "Riyadh", "108410"), "place/108410"),
        (iri.entity_iri("Place", "Riyadh"), "place/riyadh"),
    ],
)
def test_known_iris(made: str, expected: str) -> None:
    assert made == ID_BASE + expected


@pytest.mark.parametrize(
    ("make", "args"),
    [
        (iri.meeting_iri, ("a1", "m1")),
        (iri.evidence_iri, ("a1", 3, 40)),
        (iri.article_iri, ("wh/2025 readout",)),
    ],
)
def test_hashed_iris_are_deterministic_and_key_sensitive(
    make: Callable[..., str], args: tuple[object, ...]
) -> None:
    first = make(*args)
    assert first == make(*args)
    changed = (*args[:-1], args[-1] + 1 if isinstance(args[-1], int) else str(args[-1]) + "x")
    assert make(*changed) != first


def test_meeting_iri_key_order_matters() -> None:
    assert iri.meeting_iri("a", "b") != iri.meeting_iri("b", "a")
    assert iri.meeting_iri("a b") != iri.meeting_iri("a", "b")


def test_unknown_entity_type_is_bad_input() -> None:
    with pytest.raises(BadInput, match="unknown entity type"):
        iri.entity_iri("Ship", "Aurora")


@pytest.mark.parametrize("bad", ["http://example.org/person/x", "person/x", ""])
def test_local_id_rejects_foreign_iris(bad: str) -> None:
    with pytest.raises(ValueError, match="not a dipgraph node IRI"):
        iri.local_id(bad)


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        (iri.person_iri("A B"), "person"),
        ("country/RU", "country"),
        (iri.article_iri("x"), "article"),
    ],
)
def test_kind_of(value: str, kind: str) -> None:
    assert iri.kind_of(value) == kind
    assert kind in iri.KINDS


# -- properties ---------------------------------------------------------------------

_BUILDERS: list[Callable[[str], str]] = [
    iri.person_iri,
    iri.organization_iri,
    iri.place_iri,
    iri.topic_iri,
    iri.article_iri,
    lambda t: iri.post_iri(t, t),
    lambda t: iri.meeting_iri(t),
    lambda t: iri.evidence_iri(t, 0, 1),
    lambda t: iri.entity_iri("Country", t, t),
]


def _is_valid_iri(value: str) -> bool:
    try:
        NamedNode(value)
    except ValueError:
        return False
    return rdflib.term._is_valid_uri(value)


@given(st.text(), st.integers(1, 120))
def test_slug_is_iri_safe(text: str, max_len: int) -> None:
    s = iri.slug(text, max_len)
    assert s == "x" or _SLUG.fullmatch(s)
    assert len(s) <= max(max_len, 1)
    assert iri.slug(s, max_len) == s  # idempotent


@given(st.text(), st.sampled_from(range(len(_BUILDERS))))
def test_every_node_iri_is_valid_and_deterministic(text: str, which: int) -> None:
    made = _BUILDERS[which](text)
    assert made == _BUILDERS[which](text)
    assert made.startswith(ID_BASE)
    assert _is_valid_iri(made)
    assert iri.kind_of(made) in iri.KINDS


@given(st.text())
def test_local_id_round_trip(local: str) -> None:
    assert iri.local_id(iri.to_iri(local)) == local


@given(st.text(), st.sampled_from(range(len(_BUILDERS))))
def test_iri_round_trip(text: str, which: int) -> None:
    made = _BUILDERS[which](text)
    assert iri.to_iri(iri.local_id(made)) == made


@given(st.text(min_size=1), st.text(min_size=1))
def test_distinct_doc_ids_get_distinct_article_iris(a: str, b: str) -> None:
    if a != b:
        assert iri.article_iri(a) != iri.article_iri(b)
