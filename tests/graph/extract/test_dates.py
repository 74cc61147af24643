"""Date mentions: the forms found (with the word boundary hoisted in front of the
alternation) and their resolution against the publication date."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from graph.extract.dates import day_of_week, find_dates, is_future, resolve

_PUB = dt.date(2025, 4, 8)  # a Tuesday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They meet on April 10 and met on Tuesday.", [("April 10", "mdy"), ("Tuesday", "wd")]),
        ("May 3, 2019", [("May 3, 2019", "mdy")]),
        ("Feb. 27-28, 2025", [("Feb. 27-28, 2025", "mdy")]),
        ("On 3rd Sept. 2019", [("3rd Sept. 2019", "dmy")]),
        ("March of 2016", [("March of 2016", "my")]),
        ("2019-01-01 and 2019-01-01x", [("2019-01-01", "iso")]),
        ("a few days ago", [("a few days ago", "rel")]),
        ("met four years ago", [("four years ago", "rel")]),
        ("met 12 days ago", [("12 days ago", "rel")]),  # digits too
        ("spoke this afternoon", [("this afternoon", "rel")]),
        ("Yesterday, they met. Today they talk.", [("Yesterday", "rel"), ("Today", "rel")]),
        ("last week", [("last week", "rel")]),
        # a sentence may open on the relative date
        ("Last week, they met.", [("Last week", "rel")]),
        ("This afternoon, they spoke.", [("This afternoon", "rel")]),
        ("Earlier this month, they met.", [("Earlier this month", "rel")]),
        ("Two weeks ago, they met.", [("Two weeks ago", "rel")]),
        ("since June", [("June", "mon")]),
        ("in 2019", [("2019", "year")]),
        # a month with a year or a day after it is that date, not "in <month>"
        ("talks in July 2021 ended", [("July 2021", "my")]),
        ("since October of 2009", [("October of 2009", "my")]),
        ("in March 4 talks", [("March 4", "mdy")]),
        ("early 1998 and late 2003", [("early 1998", "year"), ("late 2003", "year")]),
        ("in mid-2011", [("mid-2011", "year")]),
        ("in early 1998", [("early 1998", "year")]),
        ("the 1996 talks in Geneva", [("1996", "yearnoun")]),
        ("Monday's talks", [("Monday", "wd")]),
        # a sentence may open on the preposition
        ("In March, they met.", [("March", "mon")]),
        ("In 2015, they met.", [("2015", "year")]),
        ("Early June talks", [("Early June", "mon")]),
        # no match: inside a word, lower-case month, "May" as a verb
        ("X2019 talks", []),
        ("_May 3", []),
        ("may 3", []),
        ("They May meet", []),
        ("Tuesdays", []),
    ],
)
def test_find_dates(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(m.text, m.form) for m in find_dates(text)] == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("April 10", _PUB, "2025-04-10"),
        ("Tuesday", _PUB, "2025-04-08"),
        ("Monday", _PUB, "2025-04-07"),
        ("last month", _PUB, "2025-03"),
        ("next month", _PUB, "2025-05"),
        ("December 28", dt.date(2025, 1, 5), "2024-12-28"),
        ("February 27", None, "--02-27"),
        ("March 2016", None, "2016-03"),
        ("early 1998", _PUB, "1998"),
        ("late 2003", None, "2003"),
        ("mid-2011", _PUB, "2011"),
        ("July 2021", _PUB, "2021-07"),
        ("1996-08-29", None, "1996-08-29"),
        ("February 30", _PUB, None),
        ("last week", _PUB, "2025"),  # 31 March to 6 April
        ("next week", _PUB, "2025-04"),
        ("earlier this week", _PUB, "2025-04"),
        ("last weekend", _PUB, "2025-04"),
        ("this week", dt.date(2019, 12, 31), None),  # runs into 2020
        ("two weeks ago", _PUB, "2025-03"),  # 22 to 28 March
        ("two years ago", _PUB, "2023"),
        ("five days ago", _PUB, "2025-04-03"),
        ("a few days ago", _PUB, None),
        ("this afternoon", _PUB, "2025-04-08"),
        ("tonight", _PUB, "2025-04-08"),
        ("Yesterday", _PUB, "2025-04-07"),
        ("this morning", None, None),
        ("5 days ago", _PUB, "2025-04-03"),
        ("This afternoon", _PUB, "2025-04-08"),  # opening a sentence
        ("Last week", _PUB, "2025"),
        ("Earlier this week", _PUB, "2025-04"),
    ],
)
def test_resolve(text: str, published: dt.date | None, expected: str | None) -> None:
    assert resolve(text, published) == expected


@pytest.mark.parametrize(
    ("iso", "expected"),
    [("2025-04-10", True), ("2025-04-08", False), ("2025-05", True), ("--05-01", False)],
)
def test_is_future(iso: str, expected: bool) -> None:
    assert is_future(iso, _PUB) is expected


@given(st.lists(st.sampled_from(["on", "April", "10", "Tuesday", "x", "2019", ",", " ", "\n"])))
def test_offsets_point_at_the_mention(words: list[str]) -> None:
    text = " ".join(words)
    for m in find_dates(text):
        assert text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    ("week", "weekday", "expected"),
    [
        ("next week", "Tuesday", "2025-04-15"),
        ("last week", "friday", "2025-04-04"),
        ("this week", "Thursday", "2025-04-10"),
        ("next weekend", "Saturday", None),
        ("next week", "someday", None),
    ],
)
def test_day_of_week(week: str, weekday: str, expected: str | None) -> None:
    assert day_of_week(week, weekday, _PUB) == expected
