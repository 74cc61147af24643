"""Meeting assembly on own-words sentences (tests/fixtures/meetings.jsonl): digests,
datelines, untitled office holders, relative clauses, anaphora and readout topics.

Each record below is checked field by field against what the text states; the
records' ``why`` says which rule of ``graph/extract/assemble.py`` it exercises."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from graph.extract.assemble import _sentences
from graph.extract.extractor import Extractor
from graph.model import Article, Extraction, Meeting

TABLE = Path(__file__).resolve().parents[2] / "fixtures" / "meetings.jsonl"
RECORDS = {
    r["id"]: r
    for r in (json.loads(x) for x in TABLE.read_text(encoding="utf-8").splitlines() if x.strip())
}


def test_fixture_ids_are_unique() -> None:
    """A record appended twice would hide behind the first in ``RECORDS``."""
    ids = [json.loads(x)["id"] for x in TABLE.read_text(encoding="utf-8").splitlines() if x]
    assert len(ids) == len(set(ids)), [i for i in ids if ids.count(i) > 1]


CASES = [
    "digest-items",
    "dateline-untitled-visitor",
    "dateline-arrives-for-talks",
    "where-he-met",
    "attended-that-meeting",
    "reported-date-not-meeting-date",
    "readout-outcome-topics",
    "double-space-sentences",
    "topic-not-after-a-visit",
    "topic-clause-tails",
    "topic-nested-opener-and-lists",
    "topic-not-a-speech",
    "month-year-date",
    "place-named-summit",
    "dateline-here",
    "place-not-after-pledged-to",
    "place-not-in-relative-clause",
    "place-not-a-continent",
    "cancel-cue-other-noun",
    "cancel-cue-meeting-subject",
    "speaker-not-participant",
    "postposed-speaker",
    "speaker-of-own-talks",
    "report-date-after-meeting",
    "speaker-is-the-subject",
    "dateline-host-meeting",
    "dateline-month-not-city",
    "call-between-restricts",
    "summit-named-at",
    "party-tags-in-object-list",
    "later-with-two-calls",
    "separately-met",
    "session-between",
    "their-second-summit",
    "spoke-today-with",
    "spoke-by-phone-on-day-with",
    "purpose-infinitive-planned",
    "dateline-home-official",
    "domestic-untitled-official",
    "scene-same-trip",
    "left-for-talks",
    "body-summit",
    "summit-attendance",
    "tour-of-countries",
    "tour-noun-as-part-of",
    "body-session-speakers",
    "body-meets-planned",
    "two-leaders-named-pair",
    "definite-aside-topics",
    "pressed-to-act-topic",
    "urged-in-meeting-sentence",
    "tour-which-includes",
    "commonwealth-ministers",
    "weekday-news-not-dated-background",
    "antecedent-after-fronted-clause",
    "warned-counterpart-that",
    "will-ask-when-meeting",
    "postponed-hyphenated-meeting",
    "trip-has-taken-him",
    "stop-in-planned",
    "ahead-of-her-visit",
    "during-trip-will-sign",
    "areas-such-as",
    "acronym-inside-topic",
    "summit-at-dateline",
    "sitdown-with",
    "called-him-to-discuss",
    "body-virtual-summit",
    "talks-in-foreign-capital",
    "salient-article-subject",
    "salient-not-excluded",
    "salient-country-subject",
    "salient-country-not-a-side",
    "present-tense-month-ahead",
    "time-ahead-after-meeting-words",
    "time-ahead-of-another-noun",
    "readout-subject-of-earlier-call",
    "restated-before-past-summit",
    "list-through-titles",
    "topic-ends-at-quotation",
    "speaker-announcing-others-visit",
    "fronted-visit-speaker",
    "agreed-to-hold-talks",
    "resume-talks-is-real",
    "visit-to-capital-postponed",
    "demonym-capital-place",
    "after-meeting-flew-to",
    "lead-talks-before-sides",
    "attribution-tail-with-place",
    "differences-and-pursuit",
    "will-ask-when-he-meets",
    "titled-name-alone",
    "kin-apposition",
    "the-president-of-the-story",
    "met-a-reception",
    "host-as-a-job",
    "it-arrived",
    "they-last-met",
    "where-after-a-day",
    "officials-in-a-capital",
    "his-own-officials",
    "subject-before-talks",
    "compound-subject-before-talks",
    "talks-that-would-include",
    "officials-including-people",
    "sentence-opening-relative-date",
    "joint-news-conference",
    "the-us-secretary-of-state",
    "summon-the-ambassador",
    "offer-to-make-a-visit",
    "summit-the-company",
    "told-a-leader",
    "stop-for-the-summit",
    "as-well-as-subjects",
    "seat-of-government",
    "process-not-meeting",
    "skipped-the-session",
    "subject-at-their-summit",
    "visit-by-called-off",
    "reported-attribution",
    "avoided-when-they-met",
    "present-tense-weekday",
    "will-not-be-on-the-agenda",
    "first-since-a-year",
    "visit-then-demonym",
    "called-official-of-agency",
    "spoke-with-governors",
    "convened-calls-by-phone",
    "talks-follow-other-talks",
    "same-weekday-is-today",
    "without-attending-summit",
    "on-the-table-during-visit",
    "updates-on-topic",
    "same-day-meeting-at-summit",
    "visit-at-invitation-of-host",
    "in-addition-to-meeting",
    "will-go-for-dated-summit",
    "was-in-city-to-meet-held",
    "economic-plan-not-planned",
    "looking-forward-to-talks-planned",
    "readout-reaffirm-perspectives-topics",
    "joint-subject-spoke-call",
    "phone-calls-in-topic-clause",
    "visit-then-need-for-talks-between",
    "readout-restated-stances-topics",
    "told-reporters-at-summit-held",
    "place-after-place-noun",
    "as-he-wrapped-up-visit",
    "undated-held-news-of-the-day",
    "undated-planned-month",
    "background-meeting-undated",
    "next-week-on-weekday",
    "last-week-month",
    "place-in-topic",
    "visited-leader-capital",
    "trip-leg-place",
    "summit-between-after-place",
    "fronted-topic-passive",
    "agenda-subject-next-sentence",
    "met-opposition-leader",
    "spoke-by-video-link",
    "delay-a-visit",
    "no-delay-held",
    "where-after-country",
    "after-meeting-apart",
    "before-holding-talks",
    "due-to-leave-for",
    "trip-will-take-him-to",
    "calls-to-several",
    "three-way-call-one",
    "purpose-topic",
    "summit-devoted-to",
    "readout-topics-to-sideline-talks",
    "after-flying-from-where",
    "visiting-official-country",
    "country-held-summit",
    "conference-on-place-next-month",
    "body-talks-attendance-and-topics",
    "signed-together",
    "said-x-who-is-due",
    "readout-roster",
    "called-person",
    "title-names-the-president",
    "first-leader-to-visit",
    "summit-month-ahead",
    "met-next-day-readout",
    "undated-weekdays-apart",
    "historic-zaire-visit",
    "talks-including-after-comma",
    "readout-topics-before-summit",
    "unknown-place-with-country",
    "readout-roster-bold-heading",
    "named-subject-topics-before-call",
    "will-after-meeting",
    "tour-stop-not-host-place",
    "meeting-militia-leader",
    "summit-absentees",
    "convened-group",
    "readout-role-subject-topics",
]
NEGATIVES = [
    "bilateral-trade-not-meeting",
    "welcomed-commitment-not-meeting",
    "hypothetical-might-meet",
    "willingness-to-meet",
    "interview-not-meeting",
    "news-conference-not-gathering",
    "travel-advice-not-visit",
    "bid-to-host-not-summit",
    "refusal-to-sign-not-meeting",
    "postposed-speaker-not-party",
    "doubt-they-will-meet",
    "told-reporters-not-meeting",
    "package-includes-not-visit",
    "called-a-name-not-call",
    "wants-talks-not-meeting",
    "never-asked-not-meeting",
    "own-advisers-not-meeting",
    "addressed-issue-not-session",
    "stopover-not-visit",
    "talks-in-neutral-capital",
    "round-of-sanctions-not-talks",
    "ready-for-summit-not-meeting",
    "crowd-gathered-not-meeting",
    "joint-home-visit-not-meeting",
    "proposed-that-they-meet",
    "compatriots-spoke-not-meeting",
    "need-for-talks-not-meeting",
]


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def _extract(extractor: Extractor, rec: dict) -> Extraction:
    pub = dt.date.fromisoformat(rec["published"]) if rec.get("published") else None
    return extractor.extract(Article(rec["id"], rec["text"], title=rec.get("title"), published=pub))


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9 ]", "", text.lower())


def _parties(ex: Extraction, m: Meeting) -> set[str]:
    out = set()
    for p in m.participants:
        ent = ex.entity(p)
        out.add(ent.country if ent.type == "Person" else ent.name)
    return {x for x in out if x}


@pytest.mark.parametrize("rid", CASES)
def test_the_meeting_the_text_states(extractor: Extractor, rid: str) -> None:
    rec = RECORDS[rid]
    ex = _extract(extractor, rec)
    assert len(ex.meetings) == len(rec["expect"]), [m.label for m in ex.meetings]
    for m, want in zip(ex.meetings, rec["expect"], strict=True):
        _check_meeting(ex, m, want, rec.get("absent", []) + want.get("absent", []))


def _check_meeting(ex: Extraction, m: Meeting, want: dict, absent: list[str]) -> None:
    """``m`` has the people, parties, place, date, status, mode and (excluded) topics of
    ``want``, and none of the ``absent`` names."""
    people = {_norm(ex.entity(p).name) for p in m.participants}
    for name in want["people"]:
        assert any(set(_norm(name).split()) & set(n.split()) for n in people), name
    assert set(want["parties"]) <= _parties(ex, m)
    loc = ex.entity(m.location).name if m.location else None
    assert loc == want["location"]
    assert (m.date or "").startswith(want["date"] or "") and bool(m.date) == bool(want["date"])
    assert (m.status, m.mode) == (want["status"], want["mode"])
    got = [_norm(t) for t in m.topics]
    for topic in want["topics"]:
        assert any(re.search(rf"\b{_norm(topic)}\b", t) for t in got), (topic, m.topics)
    left_out = [_norm(t) for t in m.excluded_topics]
    for topic in want["not_topics"]:  # said not to be discussed: excluded, never a topic
        assert any(_norm(topic) in t for t in left_out), (topic, m.excluded_topics)
        assert not any(_norm(topic) in t for t in got), (topic, m.topics)
    if want.get("excluded_only"):  # nothing left out but what the text names
        assert all(any(_norm(x) in t for x in want["not_topics"]) for t in left_out), left_out
    for topic in want.get("no_topics", []):  # e.g. a side of the meeting
        assert not any(_norm(topic) in t for t in got), (topic, m.topics)
    for name in absent:  # speakers who only report the meeting
        assert not any(set(_norm(name).split()) & set(n.split()) for n in people), name


@pytest.mark.parametrize(
    "text,count",
    [
        ("Carney met Modi for the first time at the bilateral meeting in Paris.", 0),
        ("The Iranian plan met fierce opposition from Israeli Prime Minister Yair Lapid.", 0),
        ("Irish Taoiseach Micheal Martin met Belgian Prime Minister Bart De Wever.", 1),
        (
            "Irish Taoiseach Micheal Martin met Belgian Prime Minister Bart De Wever "
            "for the European Council meeting.",
            2,
        ),
    ],
)
def test_a_named_summit_is_a_meeting_apart(extractor: Extractor, text: str, count: int) -> None:
    """Only a gathering named by a body or capitalized words is a second meeting."""
    ex = extractor.extract(Article("s", text))
    assert len(ex.meetings) == count, [m.label for m in ex.meetings]
    if count == 2:
        assert [bool(o) for o in (_orgs(ex, m) for m in ex.meetings)] == [True, False]


@pytest.mark.parametrize(
    "rid", ["later-with-two-calls", "separately-met", "their-second-summit", "summit-named-at"]
)
def test_every_meeting_has_its_people(extractor: Extractor, rid: str) -> None:
    """The second meeting of "and later with Z" / "separately" has its own partner;
    "their second summit" has the people of the first."""
    rec = RECORDS[rid]
    ex = _extract(extractor, rec)
    got = [
        {w for p in m.participants for w in _norm(ex.entity(p).name).split()} for m in ex.meetings
    ]
    for words, want in zip(got, rec["expect"], strict=True):
        for name in want["people"]:  # a word of each name ("Jean-Noël" / "Jean-Noel")
            assert set(_norm(name).split()) & words, (name, words)


@pytest.mark.parametrize(
    "rid",
    [
        "purpose-infinitive-planned",
        "their-second-summit",
        "scene-same-trip",
        "tour-of-countries",
        "tour-noun-as-part-of",
        "trip-leg-place",
    ],
)
def test_every_meeting_has_its_status_date_and_place(extractor: Extractor, rid: str) -> None:
    """A later meeting of the same text keeps its own status, date and place."""
    rec = RECORDS[rid]
    ex = _extract(extractor, rec)
    got = [
        (m.status, m.date, ex.entity(m.location).name if m.location else None)
        for m in ex.meetings
    ]
    assert got == [(w["status"], w["date"], w["location"]) for w in rec["expect"]]


@pytest.mark.parametrize(
    "text,want",
    [
        ("Chinese President Xi Jinping met Kenyan President William Ruto.", {"Xi", "Ruto"}),
        # two Kims: the bare "Kim" could be either, so it names neither
        ("Kim Jong Un met Kim Dae-jung and Xi Jinping.", {"Xi"}),
    ],
)
def test_surnames_for_a_later_he(extractor: Extractor, text: str, want: set[str]) -> None:
    from graph.extract.assemble import _Builder

    b = _Builder(extractor.nlp(text), Article("d", text))
    b.build_entities()
    got = b._surnames()
    assert want <= set(got) and "Kim" not in got


@pytest.mark.parametrize(
    "word,n,want",
    [
        ("Hu", 1, "P:hu-jintao"),  # "Hu met with ...": the bare name of the person found
        ("Hu", 2, None),  # "Hu's visit": a possessive is not the one who meets
        ("May", 1, None),  # "in May": a month, though Theresa May is named
    ],
)
def test_bare_surname(extractor: Extractor, word: str, n: int, want: str | None) -> None:
    from graph.extract.assemble import _Builder

    text = (
        "Chinese President Hu Jintao and British Prime Minister Theresa May arrived. "
        "Hu met with Ruto in May. Ruto praised Hu's visit."
    )
    b = _Builder(extractor.nlp(text), Article("d", text))
    b.build_entities()
    k = [t.i for t in b.doc if t.text == word][n]
    assert b._bare_surname(k) == want


def _orgs(ex: Extraction, m: Meeting) -> list[str]:
    return [p for p in m.participants if ex.entity(p).type == "Organization"]


@pytest.mark.parametrize("rid", [r for r in CASES if RECORDS[r].get("junk")])
def test_topics_are_short_subjects_not_clause_tails(extractor: Extractor, rid: str) -> None:
    rec = RECORDS[rid]
    for m in _extract(extractor, rec).meetings:
        for topic in m.topics:
            assert len(topic.split()) <= 11, topic
            assert not any(j.lower() in topic.lower() for j in rec["junk"]), (topic, rec["junk"])


@pytest.mark.parametrize(
    "text,want",
    [
        ("the idea", ["idea"]),
        ("in a frank and candid way", []),
        ("through good jobs", ["good jobs"]),
        (
            "their renewed commitment to preventing Russia and its allies from using energy "
            "as a weapon",
            ["renewed commitment to preventing Russia", "its allies from using energy as a weapon"],
        ),
        (
            "ongoing efforts to strengthen the defense partnership between the United States "
            "and Saudi Arabia",
            ["ongoing efforts to strengthen the defense partnership"],
        ),
        (
            "transatlantic cooperation on the weaponization of energy and the need",
            ["transatlantic cooperation on the weaponization of energy"],
        ),
        ("provide arms to rebel groups in", ["provide arms to rebel groups"]),
    ],
)
def test_clean_topic(text: str, want: list[str]) -> None:
    from graph.extract.assemble import _clean_topic

    assert _clean_topic(text, ["the", "their"]) == want


@pytest.mark.parametrize("rid", NEGATIVES)
def test_no_meeting_where_the_text_states_none(extractor: Extractor, rid: str) -> None:
    assert _extract(extractor, RECORDS[rid]).meetings == ()


@pytest.mark.parametrize(
    "text,count",
    [
        ("He visited Delhi, June 13-14.  He met Modi.", 2),
        ("King to visit Bahrain soon. - Cabinet meets. - Rain expected.", 3),
        ("He met Modi. He left.", 2),
        ("The U.S. - Russia talks ended.", 1),
    ],
)
def test_sentences_split_at_double_spaces_and_digest_marks(
    extractor: Extractor, text: str, count: int
) -> None:
    assert len(_sentences(extractor.nlp(text))) == count


@pytest.mark.parametrize(
    "text,home",
    [
        ("AMMAN 1996-08-25 - The King met the envoy.", "Jordan"),
        # a city the gazetteer knows in another country: the country the dateline names
        ("SAN JOSE, Costa Rica 1996-08-28 - The President met the envoy.", "Costa Rica"),
        ("Seoul (CNN) -- Talks resumed.", "South Korea"),
        ("The King met the envoy in Amman.", None),
    ],
)
def test_dateline_country(extractor: Extractor, text: str, home: str | None) -> None:
    from graph.extract.assemble import _Builder

    b = _Builder(extractor.nlp(text), Article("d", text))
    assert (b.g.countries[b.home].name if b.home else None) == home


@pytest.mark.parametrize(
    "text,place,alias",
    [
        (
            "Kazakh President Kassym-Jomart Tokayev met Xi Jinping in Astana.",
            "Astana",
            "Astana, Kazakhstan",
        ),
        # the place of a visit under a dateline is the dateline's city, in its country
        ("LIMA - Spanish Foreign Minister Jose Manuel Albares arrived in Peru on Thursday "
         "for talks.", "Lima", "Lima, Peru"),
    ],
)
def test_a_place_is_also_named_with_its_country(
    extractor: Extractor, text: str, place: str, alias: str
) -> None:
    ex = extractor.extract(Article("d", text, published=dt.date(2024, 2, 9)))
    [m] = ex.meetings
    loc = ex.entity(m.location) if m.location else None
    assert loc is not None and loc.name == place and alias in loc.aliases
