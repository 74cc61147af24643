"""scripts/queries/*.rq: each documents itself and answers as expected on the sample graph."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from graph.store import GraphStore, term_value

ROOT = Path(__file__).resolve().parents[2]
QUERIES = ROOT / "scripts" / "queries"
SAMPLE = ROOT / "tests" / "app" / "fixtures" / "sample.trig"
ID = "https://w3id.org/dipgraph/id/"


@pytest.fixture(scope="module")
def store() -> GraphStore:
    s = GraphStore()
    s.import_file(SAMPLE)
    return s


def rows(store: GraphStore, name: str, *replace: tuple[str, str]) -> list[dict[str, Any]]:
    text = (QUERIES / name).read_text(encoding="utf-8")
    for old, new in replace:
        assert old in text
        text = text.replace(old, new)
    return [{k: term_value(v) for k, v in r.items()} for r in store.select(text)]


@pytest.mark.parametrize("path", sorted(QUERIES.glob("*.rq")), ids=lambda p: p.name)
def test_header_says_what_it_answers(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    header = [line for line in lines if line.startswith("#")]
    assert lines[0].startswith("# ") and len(" ".join(header)) > 60


def test_six_queries() -> None:
    assert {p.name for p in QUERIES.glob("*.rq")} == {
        "who-met-whom.rq", "meetings-in-place.rq", "topics-between-countries.rq",
        "most-active-actors-per-year.rq", "met-both-x-and-y.rq",
        "status-changed-across-reports.rq"}


def test_who_met_whom(store: GraphStore) -> None:
    found = rows(store, "who-met-whom.rq")
    pairs = {(r["aName"], r["bName"], r["meeting"].rsplit("/", 1)[1]) for r in found}
    assert len(found) == len(pairs) == 10  # Riyadh's four people make six pairs
    assert ("Marco Rubio", "Sergey Lavrov", "5d41402abc4b") in pairs
    assert ("Sergey Lavrov", "Wang Yi", "9e107d9d3720") in pairs
    assert all(r["aName"] != r["bName"] for r in found)
    assert found[0]["date"] == "2024-11"


@pytest.mark.parametrize(
    ("only", "expected"),
    [
        (None, [("Belgium", "Brussels"), ("Saudi Arabia", "Riyadh"), ("Turkey", "Istanbul")]),
        (ID + "country/TR", [("Turkey", "Istanbul")]),
        (ID + "country/CN", []),
    ],
)
def test_meetings_in_place(store: GraphStore, only: str | None,
                           expected: list[tuple[str, str]]) -> None:
    found = rows(store, "meetings-in-place.rq", *([("UNDEF", f"<{only}>")] if only else []))
    assert [(r["countryName"], r["placeName"]) for r in found] == expected
    if not only:
        riyadh = found[1]
        assert set(riyadh["participants"].split(", ")) == {
            "Marco Rubio", "Sergey Lavrov", "Faisal bin Farhan", "Steve Witkoff"}


def test_topics_between_countries(store: GraphStore) -> None:
    found = {(r["countryA"], r["countryB"], r["topic"]): r["meetings"]
             for r in rows(store, "topics-between-countries.rq")}
    assert found[("China", "Russia", "trade")] == 2  # the phone call and the consultations
    assert found[("Russia", "United States", "embassy operations")] == 1
    assert found[("Netherlands", "United States", "defence spending")] == 1
    assert ("Russia", "United States", "trade") not in found
    assert all(a < b for a, b, _ in found)


def test_most_active_actors_per_year(store: GraphStore) -> None:
    found = rows(store, "most-active-actors-per-year.rq")
    assert [(r["year"], r["name"], r["meetings"]) for r in found[:2]] == [
        ("2025", "Marco Rubio", 4), ("2025", "Sergey Lavrov", 2)]
    in_2024 = {r["name"]: r["meetings"] for r in found if r["year"] == "2024"}
    assert in_2024 == {"Sergey Lavrov": 1, "Wang Yi": 1}


@pytest.mark.parametrize(
    ("x", "y", "expected"),
    [
        ("person/marco-rubio", "person/wang-yi", ["Sergey Lavrov"]),
        ("person/marco-rubio", "person/sergey-lavrov", ["Faisal bin Farhan", "Steve Witkoff"]),
        ("person/mark-rutte", "person/wang-yi", []),
    ],
)
def test_met_both(store: GraphStore, x: str, y: str, expected: list[str]) -> None:
    found = rows(store, "met-both-x-and-y.rq",
                 (f"?x {{ <{ID}person/marco-rubio> }}", f"?x {{ <{ID}{x}> }}"),
                 (f"?y {{ <{ID}person/wang-yi> }}", f"?y {{ <{ID}{y}> }}"))
    assert [r["name"] for r in found] == expected


def test_status_changed_across_reports(store: GraphStore) -> None:
    found = rows(store, "status-changed-across-reports.rq")
    assert [(r["article"].rsplit("/", 1)[1], r["published"], r["status"].rsplit("/", 1)[1])
            for r in found] == [("a1", "2025-04-08", "EventScheduled"),
                                ("a2", "2025-04-11", "ontology#EventHeld")]
    assert {r["meeting"] for r in found} == {ID + "meeting/5d41402abc4b"}
