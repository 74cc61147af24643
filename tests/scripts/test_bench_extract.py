"""The extraction benchmark: both passes see the same articles, and the counts it
reports are the extractor's."""

from __future__ import annotations

import pytest

from graph.extract.extractor import Extractor
from graph.model import Article
from scripts.bench_extract import measure

_TEXTS = [
    "Chinese Foreign Minister Wang Yi met his Russian counterpart Sergei Lavrov in Beijing.",
    "The weather was fine.",
    "U.S. President Joe Biden held talks with Japanese Prime Minister Fumio Kishida.",
]


@pytest.mark.parametrize("chunk", [1, 2, 50])
def test_counts_are_the_extractors(chunk: int) -> None:
    arts = [Article(f"a{i}", t) for i, t in enumerate(_TEXTS)]
    ex = Extractor()
    timing = measure(arts, ex, chunk=chunk, progress=False)
    assert timing.articles == 3
    assert timing.words == sum(len(t.split()) for t in _TEXTS)
    assert timing.meetings == sum(len(e.meetings) for e in ex.extract_many(arts)) > 0
    assert min(timing.blank_wall, timing.extract_wall) > 0
    lines = timing.report()
    assert [line.split(":")[0] for line in lines] == [
        "extraction",
        "blank tokenizer",
        "ratio extraction/tokenization",
    ]
