"""The gazetteer tables: accent-folded city names, aliases, and which city names are
too ambiguous (given names, surnames, words, continents) to be cities without context."""

from __future__ import annotations

import pytest

from graph.extract.gazetteer import fold_accents, load


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Brasília", "Brasilia"), ("Zürich", "Zurich"), ("Bogotá", "Bogota"), ("Oslo", "Oslo")],
)
def test_fold_accents(text: str, expected: str) -> None:
    assert fold_accents(text) == expected


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Brasilia", "BR"),
        ("Brasília", "BR"),
        ("New York", "US"),
        ("Geneva", "CH"),
        ("Kiev", "UA"),  # the older spelling of a capital
        ("Peking", "CN"),
        ("Danang", "VN"),  # news spelling of Da Nang
        ("Bali", "ID"),  # a venue wins over the Indian town of that name
        ("Camp David", "US"),
        ("Davos", "CH"),
        ("Windsor", "GB"),
        ("Alaska", "US"),  # a US state as a meeting place
    ],
)
def test_city_surfaces(name: str, country: str) -> None:
    assert load().cities[name].country == country


@pytest.mark.parametrize(
    ("name", "code"),
    [("Kiev", "703448"), ("Alaska", "5879092"), ("Camp David", "venue-camp-david")],
)
def test_place_codes_are_geonames_ids_or_venue_keys(name: str, code: str) -> None:
    assert load().cities[name].code == code


@pytest.mark.parametrize("name", ["Georgia", "Washington"])
def test_states_named_like_a_country_or_capital_are_not_places(name: str) -> None:
    city = load().cities.get(name)
    assert city is None or city.population > 0  # a GeoNames city, not the US state


@pytest.mark.parametrize("name", ["Asia", "Africa", "Europe", "Oceania"])
def test_continents_are_not_cities(name: str) -> None:
    assert name not in load().cities


@pytest.mark.parametrize(
    ("name", "ambiguous"),
    [("Kim", True), ("Obama", True), ("Ann", True), ("Geneva", False), ("Paris", False)],
)
def test_ambiguous_cities(name: str, ambiguous: bool) -> None:
    assert (name in load().ambiguous_cities) is ambiguous


@pytest.mark.parametrize(
    ("surface", "code"),
    [("Côte d'Ivoire", "CI"), ("Cote d'Ivoire", "CI"), ("Türkiye", "TR"), ("Turkiye", "TR")],
)
def test_country_names_with_and_without_accents(surface: str, code: str) -> None:
    assert load().country_by_surface[surface] == code


@pytest.mark.parametrize(("name", "given"), [("Hu", False), ("Xi", False), ("Anna", True)])
def test_east_asian_surnames_are_not_given_names(name: str, given: bool) -> None:
    assert (name in load().first_names) is given


@pytest.mark.parametrize(
    ("surface", "code"),
    [("Soviet Union", "SU"), ("USSR", "SU"), ("Yugoslavia", "YU"), ("Czechoslovakia", "CS")],
)
def test_states_of_the_older_news(surface: str, code: str) -> None:
    g = load()
    assert g.country_by_surface[surface] == code
    assert code in g.countries


@pytest.mark.parametrize(("old", "now"), [("SU", "RU"), ("YU", "RS"), ("CS", "CZ")])
def test_a_historic_state_has_the_successor_holding_its_capital(old: str, now: str) -> None:
    assert load().successors[old] == now
