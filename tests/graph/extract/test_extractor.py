"""The pipeline's tokenizer: emptying its cache after the components were built keeps
the special cases and the extra infixes, and tokenizes exactly as a fresh tokenizer."""

from __future__ import annotations

import pytest
import spacy

from graph.extract.extractor import _prepare, build_nlp

_INFIXES = [r"(?<=\.)-(?=[A-Za-z])", r"(?<=[a-z])/(?=[A-Z])"]


def _fresh() -> spacy.language.Language:
    nlp = spacy.blank("en")
    infixes = list(nlp.Defaults.infixes or ()) + _INFIXES
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer  # type: ignore[union-attr]
    return nlp


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("U.S. officials don't know.", ["U.S.", "officials", "do", "n't", "know", "."]),
        ("Jan.-Feb. talks", ["Jan.", "-", "Feb.", "talks"]),
        ("the EU/NATO summit", ["the", "EU", "/", "NATO", "summit"]),
        ("Kim Jong-un met al-Sarraj", ["Kim", "Jong", "-", "un", "met", "al", "-", "Sarraj"]),
        ("at 9 a.m. on Feb. 3", ["at", "9", "a.m.", "on", "Feb.", "3"]),
        ("the minister/Secretary", ["the", "minister", "/", "Secretary"]),
    ],
)
def test_tokens_as_a_fresh_tokenizer(text: str, expected: list[str]) -> None:
    nlp = build_nlp()
    for _ in range(2):  # the second time from the cache
        assert [t.text for t in nlp.make_doc(text)] == expected
    assert [t.text for t in _fresh().make_doc(text)] == expected


def test_special_cases_kept() -> None:
    assert build_nlp().tokenizer.rules == spacy.blank("en").tokenizer.rules  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a\u00a0b\u2009c\u202fd", "a b c d"),
        ("no odd spaces", "no odd spaces"),
        ("tab\tand\nnewline\u2003em", "tab\tand\nnewline\u2003em"),
    ],
)
def test_prepare_keeps_length(text: str, expected: str) -> None:
    assert _prepare(text) == expected and len(_prepare(text)) == len(text)
