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
    [("Brasilia", "BR"), ("Brasília", "BR"), ("New York", "US"), ("Geneva", "CH")],
)
def test_city_surfaces(name: str, country: str) -> None:
    assert load().cities[name].country == country


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
