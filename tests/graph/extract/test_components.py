"""The rule components: what each adds to a Doc, and the helpers that read tokens
without Token objects (lexeme flags, the words table, the remembered text)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.extract import components
from graph.extract.components import (
    _flag,
    _is_name_text,
    _Words,
    doc_text,
    remember_text,
    span_text,
)
from graph.extract.extractor import build_nlp

_WANG = "Chinese Foreign Minister Wang Yi met his Russian counterpart Sergei Lavrov in Beijing."


def _spans(text: str, group: str) -> list[str]:
    doc = build_nlp()(text)
    return [s.text for s in doc.spans[group]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kim met Lee. He left.", ["Kim met Lee.", "He left."]),
        ("It rose 3.5 percent. 2 more came.", ["It rose 3.5 percent.", "2 more came."]),
        ("Who left? Nobody! ok then", ["Who left?", "Nobody! ok then"]),
        ("Title line\nBody text here.", ["Title line\n", "Body text here."]),
        ("The U.S. Army left.", ["The U.S. Army left."]),
        # a quote glued to the full stop closes the sentence; one after a space opens one
        ('She said "Fine." They went.', ['She said "Fine."', "They went."]),
        ('We sat. "Why?" he asked.', ["We sat.", '"Why?" he asked.']),
        ('"Go." "Now," she said.', ['"Go."', '"Now," she said.']),
        # a one-letter word and its stop end a sentence before "The", not inside a name
        ("She posted on X. The talks began.", ["She posted on X.", "The talks began."]),
        ("George W. Bush met Blair.", ["George W. Bush met Blair."]),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert [s.text for s in build_nlp()(text).sents] == expected


@pytest.mark.parametrize(
    ("text", "group", "expected"),
    [
        (_WANG, "role", ["Chinese Foreign Minister", "Russian counterpart"]),
        (_WANG, "person", ["Wang Yi", "Sergei Lavrov"]),
        (
            "U.S. Secretary of State for Russia and Central Europe Ann Smith spoke.",
            "role",
            ["U.S. Secretary of State for Russia and Central Europe"],
        ),
        (
            "Kim Jong-un met Fayez al-Sarraj. Later, Mr. Kim spoke.",
            "person",
            ["Kim Jong-un", "Fayez al-Sarraj", "Kim"],
        ),  # fmt: skip
        (
            "Olaf Scholz, the German chancellor, spoke. Scholz left.",
            "person",
            ["Olaf Scholz", "Scholz"],
        ),  # fmt: skip
        ("The Biden Administration and the Recovery Act passed.", "person", []),
        # a middle initial without its stop stays inside the name; "A" and "I" never do
        ("Mr Blair met George W Bush. Ann Lee A Smith left.", "person",
         ["Blair", "George W Bush", "Ann Lee"]),
        (
            "He met the Ministry of Foreign Affairs of Japan.",
            "org",
            ["Ministry of Foreign Affairs of Japan"],
        ),  # fmt: skip
        ("The Ministry said so.", "org", []),
        # a month after a given name is a surname, not a date
        ("Prime Minister Alice May met Sue Ann Gray.", "person", ["Alice May", "Sue Ann Gray"]),
        ("Dora April arrived on April 3.", "date", ["April 3"]),
        (
            "Alice May spoke. Later May left; in May talks resume. May 9 is set.",
            "person",
            ["Alice May", "May"],
        ),
        ("Dora June said no. Later she met Cao Ning.", "person", ["Dora June", "Cao Ning"]),
        # the longest place name wins; names and ordinary words are towns only in context
        ("Envoys gathered in New York on Friday.", "city", ["New York"]),
        ("Diplomats toured Asia and Africa.", "city", []),
        ("Senator Obama and Ann spoke about Central issues.", "city", []),
        ("He flew to Obama, then met a Kim-based trader.", "city", ["Obama", "Kim"]),
        ("Talks opened in Brasilia and Geneva.", "city", ["Geneva"]),
        # a place the gazetteer lacks, named with its country after a preposition
        ("They met in Apulia, Italy, then in Lake Como, Italy.", "city", ["Apulia", "Lake Como"]),
        ("Mr Aziz, Pakistan's envoy, spoke.", "city", []),
        ("They met on April 10 and on Tuesday.", "date", ["April 10", "Tuesday"]),
        # a cleric's title is not part of the name; "Faith-Based" is no person
        (
            "- Rabbi Ana Levin, Shalom House - The Rev. Tom Okafor, Grace Church",
            "person",
            ["Ana Levin", "Tom Okafor"],
        ),  # fmt: skip
        (
            "Staff of the White House Office of Faith-Based and Neighborhood Partnerships came.",
            "org",
            ["White House Office of Faith-Based and Neighborhood Partnerships"],
        ),  # fmt: skip
        # the paternal surname of a name with a particle; "Elect" of "President-Elect"
        (
            "President-Elect Bernardo Arevalo de Leon spoke. Later Arevalo left.",
            "person",
            ["Bernardo Arevalo de Leon", "Arevalo"],
        ),
        # titles and fields after a name are no names ("National Convener", "Civil Rights")
        (
            "- Karen Finney, National Convener, Power Rising - Damon Hewitt, President "
            "Emeritus, Committee for Civil Rights Under Law",
            "person",
            ["Karen Finney", "Damon Hewitt"],
        ),
        # a plural noun's possessive inside a body's name
        (
            "She spoke for the National Women's Law Center and the Children's Defense Fund.",
            "org",
            ["National Women's Law Center", "Children's Defense Fund"],
        ),  # fmt: skip
        # an office ends before the title of the person who heads it
        (
            "Department of Homeland Security Secretary Alejandro Mayorkas spoke.",
            "org",
            ["Department of Homeland Security"],
        ),  # fmt: skip
        # a one-word body name inside a longer one; a region's demonym
        (
            "The Commonwealth of Virginia sued. The Commonwealth met.",
            "org",
            ["Commonwealth"],
        ),  # fmt: skip
        (
            "A Latin American tour took him to Peru and the American capital.",
            "country",
            ["Peru", "American"],
        ),  # fmt: skip
        # a month is no town ("March", Cambridgeshire)
        ("They met in March.", "city", []),
        # a city with an apposition after it is still a city
        (
            "They met near San Francisco, a senior official said.",
            "person",
            [],
        ),  # fmt: skip
        ("", "person", []),
    ],
)
def test_component_spans(text: str, group: str, expected: list[str]) -> None:
    assert _spans(text, group) == expected


def test_remembered_text_gives_the_same_spans() -> None:
    nlp = build_nlp()
    plain = nlp(_WANG)
    kept = nlp(remember_text(nlp.make_doc(_WANG), _WANG))
    for group in plain.spans:
        assert [(s.start, s.end) for s in plain.spans[group]] == [
            (s.start, s.end) for s in kept.spans[group]
        ]


def test_flag_registered_once() -> None:
    vocab = build_nlp().vocab
    first = _flag(vocab, _is_name_text)
    assert _flag(vocab, _is_name_text) == first
    assert vocab["Lavrov"].check_flag(first) and not vocab["said"].check_flag(first)


@pytest.mark.parametrize(
    ("word", "expected"),
    [("Lavrov", True), ("McCain", True), ("J.", True), ("The", False), ("said", False),
     ("NATO", False), ("O'Brien", True)],
)  # fmt: skip
def test_name_token(word: str, expected: bool) -> None:
    assert components.is_name_token(build_nlp().make_doc(word)[0]) is expected


_PIECES = ["Kim", "Jong", "-", "un", "al", "Sarraj", ",", ".", " ", "  ", "\n", "’s", "é", "U.S."]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12))
def test_words_table_matches_the_tokens(pieces: list[str]) -> None:
    text = "".join(pieces)
    doc = build_nlp().make_doc(text)
    assert doc_text(doc) == text
    for w in (_Words(doc), _Words(remember_text(doc, text))):
        assert len(w) == len(doc)
        assert [w[k] for k in range(len(doc))] == [t.text for t in doc]
        assert w.space == [bool(t.whitespace_) for t in doc]
        for start in range(len(doc)):
            for end in range(start + 1, len(doc) + 1):
                assert w.span(start, end) == span_text(doc[start:end]) == doc[start:end].text
                assert w.words(start, end) == [t.text for t in doc[start:end]]
