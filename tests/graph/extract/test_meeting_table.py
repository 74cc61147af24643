"""The sentence-level table of meeting language (tests/fixtures/meetings.jsonl)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.extract.extractor import Extractor
from graph.model import Article

TABLE = Path(__file__).resolve().parents[2] / "fixtures" / "meetings.jsonl"
RECORDS = [
    json.loads(line) for line in TABLE.read_text(encoding="utf-8").splitlines() if line.strip()
]


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def _extract(extractor: Extractor, rec: dict):
    pub = dt.date.fromisoformat(rec["published"]) if rec.get("published") else None
    return extractor.extract(Article(rec["id"], rec["text"], published=pub))


def _agreement(extractor: Extractor, records: list[dict]) -> float:
    ok = 0
    for rec in records:
        ex = _extract(extractor, rec)
        want = rec["expect"]
        if not want:
            ok += not ex.meetings
        elif ex.meetings and ex.meetings[0].status == want[0]["status"]:
            ok += 1
    return ok / len(records)


def test_negative_sentences_mostly_yield_no_meeting(extractor: Extractor) -> None:
    negatives = [r for r in RECORDS if not r["expect"]]
    assert len(negatives) >= 10
    assert _agreement(extractor, negatives) >= 0.6


def test_positive_sentences_mostly_yield_the_meeting_with_its_status(extractor: Extractor) -> None:
    positives = [r for r in RECORDS if r["expect"]]
    assert _agreement(extractor, positives) >= 0.6


@pytest.mark.parametrize("rec", [r for r in RECORDS if r["expect"]], ids=lambda r: r["id"])
def test_no_excluded_topic_is_ever_a_topic(extractor: Extractor, rec: dict) -> None:
    for m in _extract(extractor, rec).meetings:
        lowered = {t.lower() for t in m.topics}
        assert not lowered & {t.lower() for t in m.excluded_topics}


COUNTRIES = ["France", "Japan", "Brazil", "Kenya", "India", "Canada", "Egypt", "Poland"]


@settings(max_examples=25, deadline=None)
@given(
    a=st.sampled_from(COUNTRIES),
    b=st.sampled_from(COUNTRIES),
    topic=st.sampled_from(["Ukraine", "Taiwan", "Syria", "Gaza", "Iran"]),
    form=st.sampled_from(
        [
            "{t} is not on the agenda.",
            "{t} was not discussed.",
            "The two sides did not discuss {t}.",
        ]
    ),
)
def test_an_excluded_subject_never_becomes_a_topic(a: str, b: str, topic: str, form: str) -> None:
    text = (
        f"Officials from {a} and {b} held talks on trade and {topic} in Geneva on Monday. "
        + form.format(t=topic)
    )
    ex = Extractor().extract(Article("h", text, published=dt.date(2025, 5, 7)))
    for m in ex.meetings:
        assert topic not in m.topics
        if a != b:
            assert topic in m.excluded_topics
