"""Mentions -> canonical nodes, within and across articles.

Resolution is a pure function of the *set* of extractions: it sorts its input, so the
order in which articles arrive never changes the result.

- countries by ISO code, organizations by curated key (else by normalised name),
  places by GeoNames id;
- persons by the curated key of a known figure (uncoded spellings of a known figure
  join it when the countries agree), else by a transliteration-folded name
  (Sergey/Sergei, Dmitry/Dmitri, Darchiev/Darhiyev fold to one key). One folded name
  seen with two different countries is two people (``ahmed-khan-pk``,
  ``ahmed-khan-gb``); a mention without a country joins the one whose country the
  article names. A single name ("Lavrov", "Phumtham") joins the one compatible person
  seen in full whose surname (else first name) it is, and stays apart when two fit;
- meetings reported by several articles become one node (:func:`same_meeting`);
  :func:`consolidate` gives each meeting node its latest status, its agreed date (or
  none when reports conflict) and its sources.

>>> name_key("Sergei Lavrov") == name_key("Sergey Lavrov")
True
>>> name_key("Alexander Darhiyev") == name_key("Alexander Darchiev")
True
>>> ordinal("Delegations met in Istanbul for the second time.")
2
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from graph import iri
from graph.model import Entity, Extraction, Identities, Meeting

__all__ = [
    "Consensus",
    "MeetingReport",
    "consolidate",
    "dates_compatible",
    "merge_dates",
    "name_key",
    "ordinal",
    "resolve_all",
    "same_meeting",
]

# transliteration folds applied to lower-case ASCII names, in order
_FOLDS = (
    (r"ey\b", "ei"), (r"iy\b", "i"), (r"yy\b", "y"), (r"ij\b", "i"),
    (r"kh", "h"), (r"ch", "h"), (r"iye", "ie"), (r"iya", "ia"), (r"yi", "i"), (r"yu", "iu"),
    # y/j fold inside a word only: Darhiyev/Darchiev, but Jong-nam and Yong-nam stay apart
    (r"ya", "ia"), (r"ye", "ie"), (r"(?<=[a-z])y", "i"), (r"(?<=[a-z])j", "i"), (r"w", "v"),
    (r"ph", "f"),
    (r"tt", "t"), (r"ss", "s"), (r"ll", "l"), (r"ff", "f"), (r"q", "k"), (r"ou", "u"),
    (r"dh", "d"), (r"th", "t"), (r"ie\b", "i"),
)
_FOLD_RES = tuple((re.compile(p), r) for p, r in _FOLDS)
_PARTICLES = frozenset({"al", "el", "jr", "sr", "mr", "mrs", "ms", "dr"})
_ORDINAL_WORDS = {
    "first": 1, "initial": 1, "opening": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
    "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
}
_ORDINAL = re.compile(
    r"\b(first|initial|opening|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    r"(\d{1,2})(?:st|nd|rd|th))\s+(?:[\w-]+\s+){0,2}?(?:round|session|meeting|time|phase|stage)s?\b",
    re.IGNORECASE,
)
_FOLLOW_UP_DAYS = 31
_DATE = re.compile(r"(?:(\d{4})|-)-(\d{2})(?:-(\d{2}))?|(\d{4})")


def _ascii(text: str) -> str:
    norm = unicodedata.normalize("NFKD", text)
    return "".join(c for c in norm if not unicodedata.combining(c)).lower()


def _fold(word: str) -> str:
    for pat, rep in _FOLD_RES:
        word = pat.sub(rep, word)
    return word


def _words(name: str) -> list[str]:
    # hyphenated given names (Jae-myung, Ki-moon) are one word
    text = re.sub(r"(?<=[a-z])-(?=[a-z])", "", _ascii(name))
    return [w for w in re.split(r"[^a-z]+", text) if w and w not in _PARTICLES]


def _same_given(a: str, b: str) -> bool:
    """Two full names whose first words agree (folded, or one an initial of the other):
    an extractor's alias "Michelle Obama" on Barack Obama never names him.

    >>> _same_given("Barack H. Obama", "Barack Obama"), _same_given("M. Obama", "Barack Obama")
    (True, False)
    >>> _same_given("V. Putin", "Vladimir Putin"), _same_given("Sergey Lavrov", "Sergei Lavrov")
    (True, True)
    """
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return False
    fa, fb = _fold(wa[0]), _fold(wb[0])
    return fa == fb or (min(len(fa), len(fb)) == 1 and fa[0] == fb[0])


def name_key(name: str) -> str:
    """A spelling-insensitive key for a person's name (first word + surname, folded).

    >>> name_key("Dmitri Peskov"), name_key("Mr. Dmitry S. Peskov")
    ('dmitri peskov', 'dmitri peskov')
    """
    words = _words(name)
    keep = [words[0], words[-1]] if len(words) > 1 else words
    return " ".join(_fold(w) for w in keep)


def ordinal(text: str) -> int | None:
    """The round a sentence names ("second round", "for the third time", "2nd session").

    >>> ordinal("The first round of these talks was held on February 27"), ordinal("talks")
    (1, None)
    """
    match = _ORDINAL.search(text)
    if match is None:
        return None
    if match.group(2):
        return int(match.group(2))
    return _ORDINAL_WORDS[match.group(1).lower()]


# -- dates ------------------------------------------------------------------------
def _date_parts(value: str | None) -> tuple[int | None, int | None, int | None] | None:
    if not value:
        return None
    m = _DATE.fullmatch(value)
    if m is None:
        return None
    if m.group(4):
        return int(m.group(4)), None, None
    year = int(m.group(1)) if m.group(1) else None
    return year, int(m.group(2)), int(m.group(3)) if m.group(3) else None


def dates_compatible(a: str | None, b: str | None, slack: int = 0) -> bool | None:
    """Whether two ``Meeting.date`` values can name one day: ``None`` when either is
    missing, ``True`` when they agree at the precision both give (``--02-27`` and
    ``2025-02-27``; ``2025-02`` and ``2025-02-27``) or are at most ``slack`` days apart.

    >>> dates_compatible("--02-27", "2025-02-27"), dates_compatible("2025-02", "2025-03-01")
    (True, False)
    >>> a, b = "2025-10-22", "2025-10-23"
    >>> dates_compatible(a, b), dates_compatible(a, b, slack=1)
    (False, True)
    """
    pa, pb = _date_parts(a), _date_parts(b)
    if pa is None or pb is None:
        return None
    if all(x is None or y is None or x == y for x, y in zip(pa, pb, strict=True)):
        return True
    if slack and None not in (pa[1], pa[2], pb[1], pb[2]) and (pa[0] or pb[0]):
        year = pa[0] or pb[0]
        try:
            da = dt.date(pa[0] or year or 2000, pa[1] or 1, pa[2] or 1)
            db = dt.date(pb[0] or year or 2000, pb[1] or 1, pb[2] or 1)
        except ValueError:
            return False
        return abs((da - db).days) <= slack
    return False


def merge_dates(values: Iterable[str]) -> str | None:
    """The most precise date all values agree on, ``None`` if two conflict.

    >>> merge_dates(["--02-27", "2025-02"]), merge_dates(["2025-04-10", "2025-04-11"])
    ('2025-02-27', None)
    """
    year: int | None = None
    month: int | None = None
    day: int | None = None
    parts = [p for v in values if (p := _date_parts(v)) is not None]
    if not parts:
        return None
    for y, m, d in parts:
        for name, have, new in (("y", year, y), ("m", month, m), ("d", day, d)):
            if new is None:
                continue
            if have is not None and have != new:
                return None
            if name == "y":
                year = new
            elif name == "m":
                month = new
            else:
                day = new
    if month is None:
        return f"{year:04d}" if year is not None else None
    if day is None:
        return f"{year:04d}-{month:02d}" if year is not None else None
    return f"{year:04d}-{month:02d}-{day:02d}" if year is not None else f"--{month:02d}-{day:02d}"


# -- entities ---------------------------------------------------------------------
def _entity_key(ent: Entity) -> str | None:
    if ent.type == "Country" and ent.code:
        return iri.country_iri(ent.code)
    if ent.type == "Organization":
        return iri.organization_iri(ent.code or ent.name)
    if ent.type == "Place":
        return iri.place_iri(ent.code or ent.name)
    return None


def resolve_all(extractions: Iterable[Extraction]) -> dict[str, Identities]:
    """Identities for every extraction (keyed by article id)."""
    exs = sorted(extractions, key=lambda e: e.article.id)
    person_iris = _People(exs).resolve()
    out: dict[str, Identities] = {}
    reports: list[_Report] = []
    for ex in exs:
        ents: dict[str, str] = {}
        for ent in ex.entities:
            key = (person_iris.get((ex.article.id, ent.id)) if ent.type == "Person"
                   else _entity_key(ent))
            if key:
                ents[ent.id] = key
        reports.extend(_Report.of(ex, m, ents) for m in ex.meetings)
        out[ex.article.id] = Identities(article=iri.article_iri(ex.article.id), entities=ents)
    meetings = _resolve_meetings(reports)
    return {
        doc: Identities(article=ids.article, entities=ids.entities, meetings=meetings.get(doc, {}))
        for doc, ids in out.items()
    }


class _People:
    """Person keys for every (article, local id), decided over all articles at once."""

    def __init__(self, exs: list[Extraction]) -> None:
        self.exs = exs
        self.keys: dict[tuple[str, str], str] = {}
        self.entities = {(ex.article.id, e.id): e for ex in exs for e in ex.entities}
        self.curated: set[str] = set()
        self.suffix: dict[str, tuple[str]] = {}  # key -> (country,) when a name is shared
        self.display: dict[str, str] = {}
        self.countries: dict[str, set[str]] = defaultdict(set)  # key -> countries seen
        self.article_countries = {
            ex.article.id: {e.code.upper() for e in ex.entities if e.type == "Country" and e.code}
            for ex in exs
        }

    def resolve(self) -> dict[tuple[str, str], str]:
        coded: dict[str, set[str]] = defaultdict(set)  # folded name -> curated keys
        full: dict[str, list[tuple[str, Entity]]] = defaultdict(list)
        single: list[tuple[str, Entity]] = []
        for ex in self.exs:
            for ent in ex.entities:
                if ent.type != "Person":
                    continue
                doc = ex.article.id
                if ent.code:
                    self.curated.add(ent.code)
                    self._set(doc, ent, ent.code)
                    for name in (ent.name, *ent.aliases):
                        if len(_words(name)) > 1 and _same_given(name, ent.name):
                            coded[name_key(name)].add(ent.code)
                elif len(_words(ent.name)) > 1:
                    full[name_key(ent.name)].append((doc, ent))
                elif _words(ent.name):
                    single.append((doc, ent))
        for nk in sorted(full):
            self._full(nk, full[nk], coded.get(nk, set()))
        surnames: dict[str, set[str]] = defaultdict(set)
        given: dict[str, set[str]] = defaultdict(set)
        for (doc, local), key in self.keys.items():
            ent = self.entities[(doc, local)]
            for name in (ent.name, *ent.aliases):
                words = _words(name)
                if len(words) > 1:
                    surnames[_fold(words[-1])].add(key)
                    given[_fold(words[0])].add(key)
        for doc, ent in single:
            token = _fold(_words(ent.name)[0])
            cands = self._compatible(doc, ent, surnames.get(token, set()))
            if not cands:
                cands = self._compatible(doc, ent, given.get(token, set()))
            self._set(doc, ent, cands[0] if len(cands) == 1 else token)
        return {k: iri.person_iri(self._display(v)) for k, v in self.keys.items()}

    def _display(self, key: str) -> str:
        """The IRI key of a person node: the curated key, else its most frequent full
        spelling (ties: the first in order), plus the country when the name is shared."""
        if key in self.curated:
            return key
        if not self.display:
            spellings: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
            for (doc, local), k in self.keys.items():
                name = self.entities[(doc, local)].name
                spellings[k][name] += 10 if len(_words(name)) > 1 else 1
            for k, counts in spellings.items():
                best = min(counts, key=lambda n: (-counts[n], n))
                self.display[k] = " ".join([best, *self.suffix.get(k, ())])
        return self.display[key]

    def _set(self, doc: str, ent: Entity, key: str) -> None:
        self.keys[(doc, ent.id)] = key
        if ent.country_code:
            self.countries[key].add(ent.country_code.upper())

    def _country(self, doc: str, ent: Entity, options: set[str]) -> str | None:
        """The entity's country, or the one country among ``options`` its article names."""
        if ent.country_code:
            return ent.country_code.upper()
        named = options & self.article_countries.get(doc, set())
        return next(iter(named)) if len(named) == 1 else None

    def _compatible(self, doc: str, ent: Entity, keys: set[str]) -> list[str]:
        cands = sorted(keys)
        country = self._country(doc, ent, {c for k in cands for c in self.countries[k]})
        if country:
            cands = [k for k in cands if not self.countries[k] or country in self.countries[k]]
        return cands

    def _full(self, nk: str, mentions: list[tuple[str, Entity]], coded: set[str]) -> None:
        """Uncoded full names with one folded key: a known figure, one person, or one
        person per country."""
        countries = {e.country_code.upper() for _, e in mentions if e.country_code}
        for doc, ent in mentions:
            known = self._compatible(doc, ent, coded)
            if len(known) == 1:
                self._set(doc, ent, known[0])
            elif len(countries) <= 1:
                self._set(doc, ent, nk)
            else:
                country = self._country(doc, ent, countries)
                if country:
                    self.suffix[f"{nk} {country.lower()}"] = (country.lower(),)
                self._set(doc, ent, f"{nk} {country.lower()}" if country else nk)


# -- meetings ---------------------------------------------------------------------
@dataclass(frozen=True)
class _Report:
    """One article's account of a meeting, with its resolved parties."""

    doc: str
    published: dt.date | None
    meeting: Meeting
    persons: frozenset[str]
    parties: frozenset[str]  # countries and organizations, incl. persons' countries
    location: str | None
    location_country: str | None
    ordinal: int | None

    @classmethod
    def of(cls, ex: Extraction, m: Meeting, ents: Mapping[str, str]) -> _Report:
        persons: set[str] = set()
        parties: set[str] = set()
        by_id = {e.id: e for e in ex.entities}
        for p in m.participants:
            ent = by_id.get(p)
            node = ents.get(p)
            if ent is None or node is None:
                continue
            if ent.type == "Person":
                persons.add(node)
                if ent.country_code:
                    parties.add(iri.country_iri(ent.country_code))
            elif ent.type in ("Country", "Organization"):
                parties.add(node)
        loc = by_id.get(m.location) if m.location else None
        loc_country = None
        if loc is not None:
            code = loc.code if loc.type == "Country" else loc.country_code
            loc_country = code.upper() if code else None
        return cls(
            doc=ex.article.id, published=ex.article.published, meeting=m,
            persons=frozenset(persons), parties=frozenset(parties),
            location=ents.get(m.location) if m.location else None, location_country=loc_country,
            ordinal=next((n for ev in m.evidence if (n := ordinal(ev.text)) is not None), None),
        )

    @property
    def sort_key(self) -> tuple[bool, bool, str, str, str]:
        return (self.meeting.date is None, self.ordinal is None,
                self.published.isoformat() if self.published else "", self.doc, self.meeting.id)


def _locations(a: _Report, b: _Report) -> bool | None:
    if a.location is None or b.location is None:
        return None
    if a.location == b.location:
        return True
    # a place and the country it lies in
    a_country = a.location.startswith(iri.country_iri(""))
    b_country = b.location.startswith(iri.country_iri(""))
    return a_country != b_country and a.location_country is not None and (
        a.location_country == b.location_country)


def _parties(a: _Report, b: _Report) -> bool:
    if len(a.persons) >= 2 and len(b.persons) >= 2 and not a.persons & b.persons:
        return False
    if a.parties and b.parties:
        return len(a.parties & b.parties) >= min(2, len(a.parties), len(b.parties))
    return len(a.persons & b.persons) >= 2


def _happened_before(held: _Report, other: _Report) -> bool:
    """A report that the meeting was held, published before the other report's date."""
    date = other.meeting.date
    if held.meeting.status != "held" or held.published is None or not date or not date[0].isdigit():
        return False
    published = held.published.isoformat()
    return date[: len(published)] > published[: len(date)]


def same_meeting(a: _Report, b: _Report) -> bool:
    """Two reports (of different articles) of one encounter.

    Needed: compatible parties (at least two shared countries/organizations, no two
    disjoint pairs of people), no conflicting mode or round ordinal, no conflicting date
    (reports not both saying "held" may differ by a day), a compatible place (a
    conflicting place is overlooked only when the ordinal and the date agree), and a
    positive sign: agreeing dates, the same ordinal, or the same place with one date
    (or with no dates, one report planned, both published within a month).
    """
    ma, mb = a.meeting, b.meeting
    if a.doc == b.doc or not _parties(a, b):
        return False
    if ma.mode and mb.mode and ma.mode != mb.mode:
        return False
    if a.ordinal is not None and b.ordinal is not None and a.ordinal != b.ordinal:
        return False
    slack = 0 if ma.status == mb.status == "held" else 1
    dates = dates_compatible(ma.date, mb.date, slack)
    if dates is False or _happened_before(a, b) or _happened_before(b, a):
        return False
    same_round = a.ordinal is not None and a.ordinal == b.ordinal
    places = _locations(a, b)
    if places is False:
        return same_round and dates is True
    one_date = dates is None and bool(ma.date or mb.date)
    return dates is True or same_round or (places is True and (one_date or _follow_up(a, b)))


def _follow_up(a: _Report, b: _Report) -> bool:
    """Two undated reports, one of a planned meeting, published within a month."""
    if a.meeting.date or b.meeting.date or "planned" not in (a.meeting.status, b.meeting.status):
        return False
    if a.published is None or b.published is None:
        return False
    return abs((a.published - b.published).days) <= _FOLLOW_UP_DAYS


def _resolve_meetings(reports: list[_Report]) -> dict[str, dict[str, str]]:
    """Complete-linkage grouping over reports sorted so that dated reports come first;
    a report that fits two groups joins neither."""
    groups: list[list[_Report]] = []
    index: dict[str, set[int]] = defaultdict(set)  # party/person -> groups holding it
    for rep in sorted(reports, key=lambda r: r.sort_key):
        near = sorted({g for key in rep.parties | rep.persons for g in index[key]})
        fits = [g for g in near if all(same_meeting(rep, other) for other in groups[g])]
        if len(fits) == 1:
            target = fits[0]
            groups[target].append(rep)
        else:
            target = len(groups)
            groups.append([rep])
        for key in rep.parties | rep.persons:
            index[key].add(target)
    out: dict[str, dict[str, str]] = defaultdict(dict)
    for group in groups:
        anchor = min((r.doc, r.meeting.id) for r in group)
        node = iri.meeting_iri(*anchor)
        for r in group:
            out[r.doc][r.meeting.id] = node
    return out


# -- consolidation ------------------------------------------------------------------
@dataclass(frozen=True)
class MeetingReport:
    """What one article says about a meeting node."""

    doc: str
    published: dt.date | None
    status: str
    date: str | None


@dataclass(frozen=True)
class Consensus:
    """A meeting node across its reports: the latest report's status, the date all
    reports agree on (``None`` when they conflict or give none), every report."""

    node: str
    status: str
    date: str | None
    reports: tuple[MeetingReport, ...]

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(sorted({r.doc for r in self.reports}))

    @property
    def date_conflict(self) -> bool:
        return self.date is None and any(r.date for r in self.reports)


def _latest(r: MeetingReport) -> tuple[str, int, str]:
    # undated articles count as older than dated ones; ties: a settled status, then doc id
    return (r.published.isoformat() if r.published else "", r.status != "planned", r.doc)


def consolidate(
    extractions: Iterable[Extraction], identities: Mapping[str, Identities]
) -> dict[str, Consensus]:
    """One :class:`Consensus` per meeting node of ``identities``.

    The status is that of the latest report (by publication date, else doc id), so a
    planned meeting later reported held or cancelled ends held or cancelled.
    """
    reports: dict[str, list[MeetingReport]] = defaultdict(list)
    for ex in extractions:
        ids = identities.get(ex.article.id)
        for m in ex.meetings:
            node = (ids.meetings.get(m.id) if ids else None) or iri.meeting_iri(
                iri.article_iri(ex.article.id), m.id)
            rep = MeetingReport(ex.article.id, ex.article.published, m.status, m.date)
            reports[node].append(rep)
    out: dict[str, Consensus] = {}
    for node, reps in reports.items():
        reps.sort(key=lambda r: (r.doc, r.status, r.date or ""))
        latest = max(reps, key=_latest)
        dates = [r.date for r in reps if r.date]
        date = merge_dates(dates) if dates else None
        out[node] = Consensus(node, latest.status, date, tuple(reps))
    return out
