"""Identity resolution: persons, meetings across reports, consolidation, order independence."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.model import Article, Entity, Evidence, Extraction, Meeting
from graph.resolve import (
    consolidate,
    dates_compatible,
    merge_dates,
    name_key,
    ordinal,
    resolve_all,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "resolution"

P = "Person"
C = "Country"
PL = "Place"


def _ent(spec: tuple) -> Entity:
    """(local id, type, name, country code[, code])"""
    local, kind, name, cc, *code = spec
    return Entity(local, kind, name, country_code=cc, code=code[0] if code else None)


def _ex(doc: str, published: str | None, ents: list[tuple],
        meetings: list[dict] = ()) -> Extraction:
    art = Article(doc, "text", published=dt.date.fromisoformat(published) if published else None)
    ms = tuple(
        Meeting(id=f"m{i}", participants=tuple(m["who"]), status=m.get("status", "held"),
                location=m.get("where"), date=m.get("date"), mode=m.get("mode"),
                evidence=(Evidence(m.get("text", "They met."), 0, 9),))
        for i, m in enumerate(meetings, 1)
    )
    return Extraction(art, tuple(_ent(e) for e in ents), ms)


def _node(ids: dict, doc: str, local: str) -> str:
    return ids[doc].entities[local] if local.startswith("e") else ids[doc].meetings[local]


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Sergey Lavrov", "Sergei Lavrov", True),
    ("Alexander Darchiev", "Alexander Darhiyev", True),
    ("Dmitry Peskov", "Dmitri Peskov", True),
    ("Mr. Dmitry S. Peskov", "Dmitriy Peskov", True),
    ("Lee Jae-myung", "Lee Jaemyung", True),
    ("Ahmed Khan", "Imran Khan", False),
    ("Sergey Lavrov", "Sergey Ryabkov", False),
])
def test_name_key(a: str, b: str, same: bool) -> None:
    assert (name_key(a) == name_key(b)) is same


@pytest.mark.parametrize(("text", "expected"), [
    ("US, Russia to hold second round of diplomatic talks in Istanbul", 2),
    ("delegations have met in Istanbul for the second time", 2),
    ("a third round of talks is being planned", 3),
    ("during the initial meeting in February", 1),
    ("the 4th session opened", 4),
    ("the talks lasted an hour", None),
])
def test_ordinal(text: str, expected: int | None) -> None:
    assert ordinal(text) == expected


@pytest.mark.parametrize(("a", "b", "slack", "expected"), [
    ("2025-02-27", "--02-27", 0, True),
    ("2025-02", "2025-02-27", 0, True),
    ("2025-02-27", "2025-04-10", 0, False),
    ("2025-10-22", "2025-10-23", 0, False),
    ("2025-10-22", "2025-10-23", 1, True),
    ("2025-10-22", "2025-10-25", 1, False),
    (None, "2025-10-25", 0, None),
])
def test_dates_compatible(a: str | None, b: str | None, slack: int, expected: bool | None) -> None:
    assert dates_compatible(a, b, slack) is expected


@pytest.mark.parametrize(("values", "expected"), [
    (["2025-02-27", "--02-27"], "2025-02-27"),
    (["--02-27", "2025-02"], "2025-02-27"),
    (["2025-04-10", "2025-04-11"], None),
    (["2025"], "2025"),
])
def test_merge_dates(values: list[str], expected: str | None) -> None:
    assert merge_dates(values) == expected


# (name, extractions, groups of (doc, local id) that must share a node, pairs that must not)
PEOPLE_CASES = [
    ("transliteration",
     [_ex("a", None, [("e1", P, "Sergey Lavrov", "RU")]),
      _ex("b", None, [("e1", P, "Sergei Lavrov", "RU")])],
     [[("a", "e1"), ("b", "e1")]], []),
    ("uncoded spelling joins the known figure",
     [_ex("a", None, [("e1", P, "Dmitry Peskov", "RU", "dmitry-peskov")]),
      _ex("b", None, [("e1", P, "Dmitri Peskov", "RU")])],
     [[("a", "e1"), ("b", "e1")]], []),
    ("same name, two countries; a mention without country follows its article",
     [_ex("a", None, [("e1", P, "Ahmed Khan", "PK")]),
      _ex("b", None, [("e1", P, "Ahmed Khan", "GB")]),
      _ex("c", None, [("e1", P, "Ahmed Khan", None), ("e2", C, "Pakistan", None, "PK")])],
     [[("a", "e1"), ("c", "e1")]], [(("a", "e1"), ("b", "e1"))]),
    ("surname joins the one full name",
     [_ex("a", None, [("e1", P, "Sonata Coulter", "US")]),
      _ex("b", None, [("e1", P, "Coulter", None)])],
     [[("a", "e1"), ("b", "e1")]], []),
    ("a given name used alone (Thai usage) joins",
     [_ex("a", None, [("e1", P, "Phumtham Wechayachai", "TH")]),
      _ex("b", None, [("e1", P, "Phumtham", "TH")])],
     [[("a", "e1"), ("b", "e1")]], []),
    ("an ambiguous surname stays apart, a country settles it",
     [_ex("a", None, [("e1", P, "Ahmed Khan", "PK")]),
      _ex("b", None, [("e1", P, "Imran Khan", "GB")]),
      _ex("c", None, [("e1", P, "Khan", None)]),
      _ex("d", None, [("e1", P, "Khan", "GB")])],
     [[("b", "e1"), ("d", "e1")]], [(("a", "e1"), ("c", "e1")), (("b", "e1"), ("c", "e1"))]),
]


@pytest.mark.parametrize(("exs", "same", "apart"), [c[1:] for c in PEOPLE_CASES],
                         ids=[c[0] for c in PEOPLE_CASES])
def test_people(exs: list[Extraction], same: list, apart: list) -> None:
    ids = resolve_all(exs)
    for group in same:
        assert len({_node(ids, d, e) for d, e in group}) == 1, group
    for x, y in apart:
        assert _node(ids, *x) != _node(ids, *y)


def test_country_split_iri() -> None:
    ids = resolve_all([_ex("a", None, [("e1", P, "Ahmed Khan", "PK")]),
                       _ex("b", None, [("e1", P, "Ahmed Khan", "GB")])])
    assert ids["a"].entities["e1"].endswith("/person/ahmed-khan-pk")
    assert ids["b"].entities["e1"].endswith("/person/ahmed-khan-gb")


US_RU = [("e1", C, "United States", None, "US"), ("e2", C, "Russia", None, "RU"),
         ("e3", PL, "Istanbul", "TR", "745044"), ("e4", PL, "Budapest", "HU", "3054643")]
TALKS = ["e1", "e2"]

# (name, extractions, meeting groups that share a node, pairs that must not,
#  {(doc, local): (final status, date)})
MEETING_CASES = [
    ("planned with a date, later held without one",
     [_ex("a", "2025-04-01", US_RU,
          [dict(who=TALKS, where="e3", date="2025-04-10", status="planned")]),
      _ex("b", "2025-04-11", US_RU, [dict(who=TALKS, where="e3", status="held")])],
     [[("a", "m1"), ("b", "m1")]], [], {("a", "m1"): ("held", "2025-04-10")}),
    ("two rounds on two dates stay apart",
     [_ex("a", "2025-02-28", US_RU, [dict(who=TALKS, where="e3", date="2025-02-27")]),
      _ex("b", "2025-04-11", US_RU, [dict(who=TALKS, where="e3", date="2025-04-10")])],
     [], [(("a", "m1"), ("b", "m1"))], {}),
    ("ordinals tell rounds apart; the same ordinal joins despite a wrong place",
     [_ex("a", None, US_RU, [dict(who=TALKS, where="e3", date="2025-02-27", text="the first round"),
                             dict(who=TALKS, where="e3", date="2025-04-10", text="the second round",
                                  status="planned")]),
      _ex("b", None, US_RU, [dict(who=TALKS, where="e3", text="met for the second time"),
                             dict(who=TALKS, where="e1", date="--02-27", text="The first round"),
                             dict(who=TALKS, text="a third round is planned", status="planned")])],
     [[("a", "m1"), ("b", "m2")], [("a", "m2"), ("b", "m1")]],
     [(("b", "m3"), ("a", "m1")), (("b", "m3"), ("a", "m2"))],
     {("a", "m1"): ("held", "2025-02-27"), ("a", "m2"): ("held", "2025-04-10")}),
    ("announced then cancelled, undated, the latest report wins",
     [_ex("b", "2025-10-23", US_RU, [dict(who=TALKS, where="e4", status="cancelled")]),
      _ex("a", "2025-10-17", US_RU, [dict(who=TALKS, where="e4", status="planned")])],
     [[("a", "m1"), ("b", "m1")]], [], {("a", "m1"): ("cancelled", None)}),
    ("a phone call is not the summit it announced",
     [_ex("a", "2025-10-17", US_RU, [dict(who=TALKS, date="2025-10-16", mode="phone"),
                                     dict(who=TALKS, where="e4", status="planned",
                                          mode="in_person")]),
      _ex("b", "2025-10-23", US_RU, [dict(who=TALKS, date="2025-10-16", mode="phone")])],
     [[("a", "m1"), ("b", "m1")]], [(("a", "m2"), ("b", "m1"))], {}),
    ("planned dates a day apart merge; the conflict leaves no agreed date",
     [_ex("a", "2025-10-17", US_RU, [dict(who=TALKS, date="2025-10-23", status="planned")]),
      _ex("b", "2025-10-23", US_RU, [dict(who=TALKS, date="2025-10-22", status="cancelled")])],
     [[("a", "m1"), ("b", "m1")]], [], {("a", "m1"): ("cancelled", None)}),
    ("a held report published before the other's date is another meeting",
     [_ex("a", "2025-03-01", US_RU, [dict(who=TALKS, where="e3", status="held")]),
      _ex("b", "2025-04-01", US_RU, [dict(who=TALKS, where="e3", date="2025-04-10",
                                          status="planned")])],
     [], [(("a", "m1"), ("b", "m1"))], {}),
    ("different delegations on one day stay apart",
     [_ex("a", None, [*US_RU, ("e5", P, "Marco Rubio", "US"), ("e6", P, "Sergey Lavrov", "RU")],
          [dict(who=["e5", "e6"], date="2025-02-18")]),
      _ex("b", None, [*US_RU, ("e5", P, "Sonata Coulter", "US"),
                      ("e6", P, "Alexander Darchiev", "RU")],
          [dict(who=["e5", "e6"], date="2025-02-18")])],
     [], [(("a", "m1"), ("b", "m1"))], {}),
]


@pytest.mark.parametrize(("exs", "same", "apart", "final"), [c[1:] for c in MEETING_CASES],
                         ids=[c[0] for c in MEETING_CASES])
def test_meetings(exs: list[Extraction], same: list, apart: list, final: dict) -> None:
    ids = resolve_all(exs)
    for group in same:
        assert len({_node(ids, d, m) for d, m in group}) == 1, group
    for x, y in apart:
        assert _node(ids, *x) != _node(ids, *y)
    consensus = consolidate(exs, ids)
    for (doc, local), (status, date) in final.items():
        c = consensus[_node(ids, doc, local)]
        assert (c.status, c.date) == (status, date)
        assert c.date_conflict is (date is None and any(r.date for r in c.reports))


ALL_CASES = [c[1] for c in PEOPLE_CASES + MEETING_CASES]


@settings(max_examples=40, deadline=None)
@given(case=st.sampled_from(ALL_CASES), data=st.data())
def test_order_does_not_matter(case: list[Extraction], data: st.DataObject) -> None:
    shuffled = data.draw(st.permutations(case))
    assert resolve_all(shuffled) == resolve_all(case)
    assert consolidate(shuffled, resolve_all(shuffled)) == consolidate(case, resolve_all(case))


@pytest.fixture(scope="module")
def cases() -> tuple[dict, dict]:
    from graph.extract.extractor import Extractor

    arts = []
    for line in (FIXTURES / "cases.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        arts.append(Article(rec["id"], rec["text"], title=rec["title"],
                            published=dt.date.fromisoformat(rec["published"])))
    exs = list(Extractor().extract_many(arts))
    return {ex.article.id: ex for ex in exs}, resolve_all(exs)


def _person_nodes(cases: tuple[dict, dict], mentions: list[dict]) -> set[str]:
    exs, ids = cases
    return {ids[m["doc"]].entities[e.id] for m in mentions for e in exs[m["doc"]].entities
            if e.type == "Person" and (e.name == m["text"] or m["text"] in e.aliases)
            and (e.name in m["text"] or m["text"] in e.name)}


EXPECTED = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("person", EXPECTED["people"], ids=[p["key"] for p in EXPECTED["people"]])
def test_fixture_people_found_are_one_node(cases: tuple[dict, dict], person: dict) -> None:
    """Every mention extraction found (by its written name) resolves to one node."""
    assert len(_person_nodes(cases, person["mentions"])) <= 1


@pytest.mark.parametrize("keys", EXPECTED["distinct_people"])
def test_fixture_distinct_people(cases: tuple[dict, dict], keys: list[str]) -> None:
    by_key = {p["key"]: p for p in EXPECTED["people"]}
    nodes = [_person_nodes(cases, by_key[k]["mentions"]) for k in keys]
    assert all(nodes)
    assert len(set().union(*nodes)) == len(keys)


@pytest.mark.parametrize(("alias", "joins"), [
    ("Barack H. Obama", True),  # the figure's own spelling
    ("Michelle Obama", False),  # an extractor's stray alias names someone else
])
def test_known_figure_aliases(alias: str, joins: bool) -> None:
    figure = Entity("e1", P, "Barack Obama", ("Obama", alias), country_code="US",
                    code="barack-obama")
    other = Entity("e1", P, alias, ("Obama",), country_code="US")
    ids = resolve_all([Extraction(Article("a", "text"), (figure,), ()),
                       Extraction(Article("b", "text"), (other,), ())])
    assert (ids["a"].entities["e1"] == ids["b"].entities["e1"]) is joins


@pytest.mark.parametrize(
    "a,b",
    [
        ("Kim Jong-nam", "Kim Yong-nam"),
        ("Ban Ki-moon", "Moon Jae-in"),
        ("Ahmed Khan", "Ahmad Karim"),
    ],
)
def test_different_people_keep_different_name_keys(a: str, b: str) -> None:
    assert name_key(a) != name_key(b)
