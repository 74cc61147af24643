"""Checks on the curated table of political figures (graph/extract/patterns/people.jsonl)."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

import pycountry
import pytest

_PATTERNS = Path(__file__).resolve().parents[3] / "graph" / "extract" / "patterns"
_PEOPLE = _PATTERNS / "people.jsonl"
_ORGS = _PATTERNS / "organizations.jsonl"
_FIRST_YEAR, _LAST_YEAR = 1900, 2026
_PARTICLES = ("al-", "el-", "ad-", "as-", "an-", "at-")


def _load() -> list[dict[str, Any]]:
    lines = _PEOPLE.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


PEOPLE = _load()
BY_KEY = {p["key"]: p for p in PEOPLE}
ORG_KEYS = {
    json.loads(line)["key"]
    for line in _ORGS.read_text(encoding="utf-8").splitlines()
    if line.strip()
}


def _country_ok(code: str) -> bool:
    current = pycountry.countries.get(alpha_2=code)
    return current is not None or pycountry.historic_countries.get(alpha_2=code) is not None


def _strip(token: str) -> str:
    low = token.lower()
    for particle in _PARTICLES:
        if low.startswith(particle) and len(token) > len(particle):
            return token[len(particle) :]
    return token


def _surname_fits(surname: str, names: list[str]) -> bool:
    """True if surname is the first or last token run of some name (al-/el- ignored)."""
    want = [t.lower() for t in surname.split()]
    for name in names:
        for tokens in (name.split(), [_strip(t) for t in name.split()]):
            low = [t.lower() for t in tokens]
            if low[: len(want)] == want or low[-len(want) :] == want:
                return True
    return False


def test_every_line_is_a_json_object() -> None:
    for n, line in enumerate(_PEOPLE.read_text(encoding="utf-8").splitlines(), 1):
        assert isinstance(json.loads(line), dict), n


def test_table_size() -> None:
    assert len(PEOPLE) >= 400


@pytest.mark.parametrize("person", PEOPLE, ids=lambda p: p["key"])
def test_record_shape(person: dict[str, Any]) -> None:
    allowed = {"key", "name", "aliases", "surname", "country", "org", "roles", "wikidata"}
    assert set(person) <= allowed
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", person["key"])
    assert isinstance(person["name"], str) and person["name"].strip() == person["name"] != ""
    assert isinstance(person["aliases"], list)
    assert all(isinstance(a, str) and a.strip() == a != "" for a in person["aliases"])
    assert person["name"] not in person["aliases"]
    assert len(set(person["aliases"])) == len(person["aliases"])
    assert person["roles"], "every person has at least one role"
    country, org = person["country"], person.get("org")
    assert country is None or _country_ok(country), country
    assert org is None or (country is None and org in ORG_KEYS), org


@pytest.mark.parametrize("person", PEOPLE, ids=lambda p: p["key"])
def test_surname_is_an_edge_token(person: dict[str, Any]) -> None:
    surname = person["surname"]
    if surname is None:
        return
    assert surname not in person["aliases"], "a bare surname belongs in 'surname', not 'aliases'"
    assert _surname_fits(surname, [person["name"], *person["aliases"]]), surname


@pytest.mark.parametrize("person", PEOPLE, ids=lambda p: p["key"])
def test_roles_are_sane(person: dict[str, Any]) -> None:
    for role in person["roles"]:
        assert set(role) <= {"role", "from", "to", "country", "org"}
        assert isinstance(role["role"], str) and role["role"]
        start, end = role["from"], role["to"]
        assert isinstance(start, int) and _FIRST_YEAR <= start <= _LAST_YEAR, role
        assert end is None or (isinstance(end, int) and start <= end <= _LAST_YEAR), role
        assert "country" not in role or _country_ok(role["country"]), role
        assert "org" not in role or role["org"] in ORG_KEYS, role


def test_keys_unique() -> None:
    keys = [p["key"] for p in PEOPLE]
    assert len(keys) == len(set(keys))


def test_no_name_or_alias_shared_between_keys() -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for person in PEOPLE:
        for label in [person["name"], *person["aliases"]]:
            owners[label.casefold()].add(person["key"])
    shared = {label: keys for label, keys in owners.items() if len(keys) > 1}
    assert shared == {}


def test_wikidata_ids() -> None:
    qids = [p["wikidata"] for p in PEOPLE if "wikidata" in p]
    assert qids and all(re.fullmatch(r"Q[1-9]\d*", q) for q in qids)
    assert len(qids) == len(set(qids))


@pytest.mark.parametrize(
    ("variant", "key", "country"),
    [
        ("Sergei Lavrov", "sergey-lavrov", "RU"),
        ("Dmitri Peskov", "dmitry-peskov", "RU"),
        ("Alexander Darhiyev", "alexander-darchiev", "RU"),
        ("Volodymyr Zelensky", "volodymyr-zelenskyy", "UA"),
        ("Volodymyr Zelenskiy", "volodymyr-zelenskyy", "UA"),
        ("Recep Tayyip Erdogan", "recep-tayyip-erdogan", "TR"),
        ("Muammar Qaddafi", "muammar-gaddafi", "LY"),
        ("Muammar Kadhafi", "muammar-gaddafi", "LY"),
        ("Yasir Arafat", "yasser-arafat", "PS"),
        ("Kim Jong Un", "kim-jong-un", "KP"),
        ("Joseph R. Biden", "joe-biden", "US"),
        ("Mohammad bin Salman", "mohammed-bin-salman", "SA"),
        ("Steven Witkoff", "steve-witkoff", "US"),
        ("Andrii Yermak", "andriy-yermak", "UA"),
        ("Yury Ushakov", "yuri-ushakov", "RU"),
    ],
)
def test_variants_resolve(variant: str, key: str, country: str) -> None:
    person = BY_KEY[key]
    assert variant in [person["name"], *person["aliases"]]
    assert person["country"] == country


@pytest.mark.parametrize(
    ("key", "surname"),
    [
        ("xi-jinping", "Xi"),
        ("kim-jong-un", None),
        ("kim-yo-jong", None),
        ("bashar-al-assad", "Assad"),
        ("sergey-lavrov", "Lavrov"),
        ("ursula-von-der-leyen", "von der Leyen"),
    ],
)
def test_surnames(key: str, surname: str | None) -> None:
    assert BY_KEY[key]["surname"] == surname


@pytest.mark.parametrize(
    ("key", "org"),
    [
        ("antonio-guterres", "UN"),
        ("mark-rutte", "NATO"),
        ("kaja-kallas", "EU"),
        ("ursula-von-der-leyen", "EC"),
    ],
)
def test_international_officials_have_an_org(key: str, org: str) -> None:
    assert BY_KEY[key]["country"] is None
    assert BY_KEY[key]["org"] == org


@pytest.mark.parametrize(
    ("surface", "name"),
    [("George W Bush", "George W. Bush"), ("George W. Bush", "George W. Bush")],
)
def test_a_middle_initial_without_its_stop_finds_the_person(surface: str, name: str) -> None:
    from graph.extract.people_table import known_people

    assert known_people()[surface]["name"] == name


@pytest.mark.parametrize(
    ("surname", "role", "year", "name"),
    [
        ("Pelosi", "Speaker", 2021, "Nancy Pelosi"),  # "Speaker of the House of ..."
        ("Biden", "President", 2024, "Joe Biden"),
        ("Biden", "President", 2012, None),  # then Vice President, not President
        ("Bush", "President", 2005, "George W. Bush"),
        ("Bush", "President", None, None),  # two presidents Bush and no year
        ("Lavrov", "President", 2020, None),  # never held that office
        ("Nobody", "President", 2020, None),
    ],
)
def test_holder_of_an_office(surname: str, role: str, year: int | None, name: str | None) -> None:
    from graph.extract.people_table import holder

    rec = holder(surname, role, year)
    assert (rec["name"] if rec else None) == name
