"""spaCy components of the extraction pipeline, each small and configured by data.

Every component adds one kind of span group to the ``Doc``:

==================  =========================================================
``dg_sentences``    sentence starts (full stops and paragraph breaks)
``dg_gazetteer``    ``country``, ``org``, ``city`` spans (kb_id = code)
``dg_dates``        ``date`` spans
``dg_roles``        ``role`` spans ("Russian Foreign Minister", "Kremlin spokesperson")
``dg_people``       ``person`` spans (kb_id = canonical full name)
``dg_orgs``         more ``org`` spans from organisation-shaped names ("Foreign Ministry")
``dg_triggers``     ``trigger`` spans of meeting language (label = trigger label)
==================  =========================================================

>>> from graph.extract.extractor import build_nlp
>>> doc = build_nlp()("Russian Foreign Minister Sergey Lavrov met Marco Rubio in Riyadh.")
>>> [(s.text, s.label_) for s in doc.spans["person"]]
[('Sergey Lavrov', 'PERSON'), ('Marco Rubio', 'PERSON')]
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable

import numpy
from spacy.attrs import IDX, LENGTH, SENT_START, SPACY
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans
from spacy.vocab import Vocab

from graph.extract import gazetteer
from graph.extract.dates import MONTH_NAMES, find_dates

__all__ = [
    "NAME_PARTICLES",
    "doc_text",
    "is_name_token",
    "paternal_surname",
    "remember_text",
    "span_text",
]

NAME_PARTICLES = frozenset(
    {
        "al",
        "el",
        "bin",
        "ibn",
        "bint",
        "wa",  # "Kengo wa Dondo", "Ngugi wa Thiong'o"
        "abu",
        "de",
        "da",
        "di",
        "del",
        "della",
        "van",
        "von",
        "der",
        "den",
        "le",
        "la",
        "du",
        "dos",
        "das",
        "ben",
        "y",
        "ul",
        "ud",
    }
)
_STOP_CAPS = frozenset(
    """The A An In On At Of For From To By With And Or But If As He She It They We I You His
    Her Its Their Our This That These Those There Here When While After Before During Since
    Until Although Though Because However Meanwhile Also Yet So Then Now Still Even Mr Mrs
    Ms Dr Today Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February
    March April May June July August September October November December Jan Feb Mar Apr Jun
    Jul Aug Sep Sept Oct Nov Dec What Who Why How Where Which Whether Both Each Every All
    Some Many Most More Other Another No Not Under Over Between Among Against According
    Asked Speaking Like Unlike Despite Amid Without Within Through Across Following Reuters
    AP AFP CNN BBC Xinhua TASS Interfax Yonhap God Internet Web Twitter Facebook YouTube
    Instagram Telegram LinkedIn Pinterest Tumblr Email Share Read More Previous Next Related
    Posts Trending News Latest Breaking Photo Video Image Copyright Prime Foreign Defense
    Defence Secretary Minister President Vice Deputy State Government Embassy Ministry
    Department Council Committee Party Agency Office Commission Union Parliament Congress
    Senate Court Army Navy Forces Republic Kingdom Federation North South East West Western
    Eastern Northern Southern Central Middle Gulf Sea Ocean Island Islands River Valley
    Peninsula Strait Airport University Street Square Hall Palace Summit Talks Conference
    Forum Treaty Agreement Accord Pact Plan Initiative Program Programme Islamic Muslim
    Christian Catholic Jewish Arab Kurdish Sunni Shia Shiite Elect Designate Later Earlier
    Separately Afterwards Watch Listen Click Subscribe Regarding Concerning""".split()
)
_ORG_HEADS = frozenset(
    """Ministry Department Council Committee Agency Commission Party Organization Organisation
    Union Bank Court Parliament Assembly Office Fund Authority Army Forces Front Movement
    Institute Foundation Association Bureau League Corporation Company Group Service
    Services Administration Secretariat Cabinet Command Guard Guards Congress Senate
    Federation Alliance Coalition Council Tribunal Board Center Centre University Network
    Programme Program Mission Embassy Consulate Corps Police Brigade Brigades Militia
    Society Watch Trust Initiative Partnerships Church Churches Caucus""".split()
)
_ORG_PREFIX_OK = frozenset({"of", "for", "and", "the", "&"})
_REGION_WORDS = frozenset(
    """State Affairs Europe Asia Africa America Americas Central Eastern Western Northern
    Southern East West North South Middle Korean Peninsula Pacific Atlantic Arctic Caucasus
    Balkans Gulf Arms Control Human Rights Political Economic Public Diplomacy
    Counterterrorism Nonproliferation Disarmament Refugees Migration Energy Climate Oceans
    Trade Commerce Development Cooperation Relations Security Defense Defence Intelligence
    Interior Justice Finance Planning Information External Foreign Commonwealth Unification
    Reconciliation Negotiations Ukraine Syria Iran Staff""".split()
)
_STOP_CAPS_ORG = frozenset(
    """The A An In On At But And Two Three Four Five Six Seven Eight Nine Ten Several Many Some
    Both Its His Her Their Our When While After Before If As Former Senior Top""".split()
)
#: plural nouns whose possessive starts an organisation's name ("Women's Law Center")
_POSSESSIVE_ORG_WORDS = frozenset("Women Children People Veterans Workers Farmers".split())
#: titles of clergy that run into the name they precede ("Rabbi Sharon Brous")
#: titles before several names ("Presidents Bill Clinton and George W. Bush")
_PLURAL_TITLES = frozenset(
    "Senators Governors Presidents Ambassadors Mayors Envoys Congressmembers Congressmen".split()
)
_CLERGY = frozenset("Rabbi Imam Bishop Archbishop Cardinal Pastor Rev Rev. Reverend".split())
_NOT_NAME_ENDS = frozenset(
    """Administration Act Bill Plan Doctrine Accord Agreement Accords Agenda Era Day Week
    Prize Award Cup Games Tower Bridge Road Avenue Airport Station Hotel Stadium
    Based Led Backed Owned Funded House""".split()
)
_INITIAL = re.compile(r"^(?:[A-Z]\.){1,3}$")
_NAME_SHAPE = re.compile(
    r"^(?:[A-Z][a-z\u00e0-\u017f'’]+(?:-[A-Za-z][a-z\u00e0-\u017f]+)*|Mc[A-Z][a-z]+|Mac[A-Z][a-z]+|O'[A-Z][a-z]+|[A-Z][a-z]*[A-Z][a-z]+)$"
)
_SPEECH = frozenset(
    """said says told added stated noted stressed warned insisted argued explained announced
    wrote tweeted declared urged met meets visited visits arrived spoke speaks called calls
    welcomed hosted received held holds expressed praised criticized criticised accused
    thanked asked replied responded confirmed denied reiterated underscored emphasized
    emphasised agreed signed discussed will would has had was is""".split()
)
_APPOS_START = frozenset(
    """a an the former senior his her their its who deputy chief top acting then head president
    minister secretary ambassador envoy spokesman spokeswoman spokesperson leader chairman
    director adviser advisor one""".split()
)


def is_name_token(tok: Token) -> bool:
    """A capitalised word that can be part of a person's name.

    >>> import spacy
    >>> [is_name_token(t) for t in spacy.blank("en")("Sergey Lavrov said The")]
    [True, True, False, False]
    """
    return _is_name_text(tok.text)


# --------------------------------------------------------------------------- lexeme flags
# Word tests the components ask of every token are lexeme flags: spaCy computes them once
# per vocabulary entry and ``Doc.to_array`` reads them for a whole text in one call, so
# no component walks the tokens in Python to find the few it cares about.


def _flag(vocab: Vocab, getter: Callable[[str], bool]) -> int:
    """The flag ``getter`` computes, registered once per vocabulary."""
    getters: dict[int, Callable[[str], object]] = vocab.lex_attr_getters  # type: ignore[attr-defined]
    for attr, func in getters.items():
        if func is getter:
            return attr
    return vocab.add_flag(getter)


def _flags(doc: Doc, ids: list[int | str]) -> numpy.ndarray:
    """One boolean row per flag id, one column per token."""
    if len(doc) == 0:
        return numpy.zeros((len(ids), 0), dtype=bool)
    return doc.to_array(ids).reshape(len(doc), len(ids)).T.astype(bool)


def _is_name_text(text: str) -> bool:
    if text in _STOP_CAPS or not text[:1].isupper():
        return False
    return bool(_NAME_SHAPE.match(text)) or bool(_INITIAL.match(text))


def _is_sent_end(text: str) -> bool:
    return text in _END


def _is_close_quote(text: str) -> bool:
    return text in _CLOSE


def _has_newline(text: str) -> bool:
    return "\n" in text


def _is_letter_stop(text: str) -> bool:
    return len(text) == 2 and text[0].isupper() and text[1] == "."


def _opens_clearly(text: str) -> bool:
    return text in _CLEAR_OPENERS


_CLEAR_OPENERS = frozenset(
    "The A An In On At But And He She It They We This That These Those His Her Their".split()
)


def _can_open_sentence(text: str) -> bool:
    first = text[:1]
    return first.isupper() or first in _OPEN or first.isdigit()


_TEXT = "dg_text"


def remember_text(doc: Doc, text: str) -> Doc:
    """Keep the text ``doc`` was made from, for the components to read: ``Doc.text``
    joins it again token by token on every call."""
    doc.user_data[_TEXT] = text
    return doc


def doc_text(doc: Doc) -> str:
    """``doc.text``, from the remembered text when there is one (no join over tokens)."""
    text = doc.user_data.get(_TEXT)
    return text if isinstance(text, str) else doc.text


def span_text(span: Span) -> str:
    """``span.text``, cut from the remembered text when there is one.

    >>> from graph.extract.extractor import build_nlp
    >>> text = "Kim Jong-un met al-Sarraj."
    >>> doc = remember_text(build_nlp().make_doc(text), text)
    >>> span_text(doc[1:6]), doc[1:6].text
    ('Jong-un met al', 'Jong-un met al')
    """
    text = span.doc.user_data.get(_TEXT)
    if not isinstance(text, str):
        return span.text
    return text[span.start_char : span.end_char]


class _Words:
    """Token texts of a Doc, cut from its text when asked for (most never are): offsets,
    lengths and trailing-space flags come from one ``to_array`` call, no Token objects.

    >>> from graph.extract.extractor import build_nlp
    >>> w = _Words(build_nlp().make_doc("Kim Jong-un met al-Sarraj."))
    >>> w[1], w.words(0, 4), w.span(0, 4), w.space[:3]
    ('Jong', ['Kim', 'Jong', '-', 'un'], 'Kim Jong-un', [True, False, False])
    """

    __slots__ = ("ends", "space", "starts", "text")

    def __init__(self, doc: Doc) -> None:
        self.text = doc_text(doc)
        table: numpy.ndarray = doc.to_array([IDX, LENGTH, SPACY])
        starts, lengths, space = table.reshape(len(doc), 3).T
        self.starts: list[int] = starts.tolist()
        self.ends: list[int] = (starts + lengths).tolist()
        self.space: list[bool] = space.astype(bool).tolist()

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, k: int) -> str:
        return self.text[self.starts[k] : self.ends[k]]

    def words(self, start: int, end: int) -> list[str]:
        text, starts, ends = self.text, self.starts, self.ends
        return [text[starts[k] : ends[k]] for k in range(start, end)]

    def span(self, start: int, end: int) -> str:
        """``doc[start:end].text`` without building the span."""
        return self.text[self.starts[start] : self.ends[end - 1]]


# --------------------------------------------------------------------------- sentences
@Language.factory("dg_sentences")
def make_sentences(nlp: Language, name: str) -> _Sentences:
    return _Sentences(nlp.vocab)


class _Sentences:
    """Sentence starts after ., ! or ? (and closing quotes) and at paragraph breaks."""

    def __init__(self, vocab: Vocab) -> None:
        self.ids: list[int | str] = [
            _flag(vocab, f)
            for f in (
                _has_newline,
                _is_sent_end,
                _is_close_quote,
                _can_open_sentence,
                _is_letter_stop,
                _opens_clearly,
            )
        ]

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            return doc
        newline, end, close, opens, letter_stop, clear_open = _flags(doc, self.ids)
        # "on the platform X. The talks": a one-letter word and its stop end a sentence
        # when a word that only opens sentences follows (not "George W. Bush")
        end = end | numpy.append(letter_stop[:-1] & clear_open[1:], False)
        # token i starts a sentence after a newline, or after an end mark (or an end
        # mark and a closing quote) when it can open one; a quote glued to the end
        # mark before it ('."') closes that sentence rather than opening one
        glued = ~_flags(doc, [SPACY])[0]
        closing = close[1:] & end[:-1] & glued[:-1]  # closing[i]: token i + 1 closes
        after_end = end[:-1] & ~closing
        after_end[1:] |= closing[:-1]
        starts = numpy.full(n, -1, dtype="int32")
        starts[0] = 1
        starts[1:][newline[:-1] | (after_end & opens[1:])] = 1
        doc.from_array([SENT_START], starts.astype("uint64").reshape(n, 1))  # type: ignore[arg-type]
        return doc


_END = frozenset({".", "!", "?", "..."})
_CLOSE = frozenset({'"', "”", "'", "’"})
_OPEN = frozenset({'"', "“", "("})


#: words that make a demonym a region's ("Latin American", "Central Asian")
_REGION_OF_DEMONYM = frozenset("Latin Central Native Pan Sub-Saharan".split())

# --------------------------------------------------------------------------- gazetteer
@Language.factory("dg_gazetteer")
def make_gazetteer(nlp: Language, name: str) -> _Gazetteer:
    return _Gazetteer(nlp)


class _Gazetteer:
    """Countries (names, short forms, demonyms, capitals as metonyms), curated
    organizations and cities, matched case-sensitively on the token text."""

    def __init__(self, nlp: Language) -> None:
        g = gazetteer.load()
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.kb: dict[str, str] = {}
        tables = {
            "COUNTRY": g.country_by_surface,
            "DEMONYM": g.demonym_to_country,
            "METONYM": g.metonym_to_country,
            "ORG": {k: v.key for k, v in g.orgs_by_surface.items()},
            "CITY": {k: v.code for k, v in g.cities.items()},
        }
        for label, table in tables.items():
            surfaces = [s for s in table if s and not s.startswith("the ")]
            if label == "COUNTRY":
                surfaces += [s.upper() for s in surfaces if len(s) > 4]
            if label in ("CITY", "METONYM"):
                surfaces += [s.upper() for s in surfaces if len(s) > 3]
            docs = []
            for s in surfaces:
                key = table.get(s) or table.get(s.title()) or table.get(_title(s))
                if key is None:
                    continue
                self.kb[f"{label}|{s}"] = key
                docs.append(nlp.make_doc(s))
            self.matcher.add(label, docs)
        self.vocab = nlp.vocab
        self.cities = g.cities
        words = _STOP_CAPS | _ORG_HEADS | _REGION_WORDS
        self.ambiguous = g.ambiguous_cities | {s for s in g.cities if s in words}
        self.known = g.country_by_surface.keys() | g.demonym_to_country.keys()

    def _city_in_context(self, doc: Doc, start: int, end: int) -> bool:
        """A one-word city is no city inside a longer capitalised name ("New York"
        for York, "President Obama"); a name-or-word city ("Kim", "Central") needs
        place context: a preposition or place noun before, or "-based" after."""
        if end - start > 1:
            return True
        prev = doc[start - 1].text if start > 0 else ""
        if prev and _is_name_text(prev) and prev not in self.known:
            return False
        if doc[start].text not in self.ambiguous:
            return True
        if prev.lower() in _PLACE_BEFORE:
            return True
        return end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ == "based"

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for match_id, start, end in self.matcher(doc):
            label = self.vocab.strings[match_id]
            span = doc[start:end]
            key = self.kb.get(f"{label}|{span.text}")
            if key is None:
                continue
            if label == "CITY" and span.text.isupper() and start > 2:
                continue  # all-caps city names only in datelines at the start of a text
            if label == "CITY" and not self._city_in_context(doc, start, end):
                continue
            if label == "CITY" and span.text.lower() in MONTH_NAMES:
                continue  # "in March": a month, not the town of March
            if (
                label == "ORG"
                and end - start == 1
                and end + 1 < len(doc)
                and doc[end].lower_ == "of"
                and _is_name_text(doc[end + 1].text)
            ):
                continue  # "the Commonwealth of Virginia": a longer name, not the body
            if label == "DEMONYM" and start > 0 and doc[start - 1].text in _REGION_OF_DEMONYM:
                continue  # "a Latin American tour", "South African": a region's, not a state's
            spans.append(Span(doc, start, end, label=label, kb_id=key))
        spans = self._recountry(doc, filter_spans(spans))
        spans = sorted(spans + self._places_by_country(doc, spans), key=lambda s: s.start)
        doc.spans["country"] = [s for s in spans if s.label_ in ("COUNTRY", "DEMONYM", "METONYM")]
        doc.spans["org"] = [s for s in spans if s.label_ == "ORG"]
        doc.spans["city"] = [s for s in spans if s.label_ == "CITY"]
        return doc

    def _recountry(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """ "SAN JOSE, Costa Rica": a city named with another country than the one the
        gazetteer gives that name (San Jose, California) is a place of that country."""
        out = list(spans)
        for i, s in enumerate(spans[:-1]):
            c = spans[i + 1]
            if (
                s.label_ == "CITY"
                and c.label_ == "COUNTRY"
                and c.start == s.end + 1
                and doc[s.end].text == ","
            ):
                city = self.cities.get(s.text) or self.cities.get(_title(s.text))
                if city is not None and city.country and city.country != c.kb_id_:
                    name = city.name if s.text.isupper() else s.text
                    out[i] = Span(doc, s.start, s.end, label="CITY", kb_id=f"~{c.kb_id_}:{name}")
        return out

    @staticmethod
    def _places_by_country(doc: Doc, spans: list[Span]) -> list[Span]:
        """ "in Apulia, Italy": a place the gazetteer lacks, named with its country, as a
        CITY span whose kb_id is "~<country code>:<name>"."""
        taken = {k for s in spans for k in range(s.start, s.end)}
        out = []
        for c in spans:
            if c.label_ != "COUNTRY" or c.start < 3 or doc[c.start - 1].text != ",":
                continue
            end = c.start - 1
            start = end
            while (
                start > 0
                and end - start < 3
                and start - 1 not in taken
                and _is_name_text(doc[start - 1].text)
            ):
                start -= 1
            if start == end or start == 0 or doc[start - 1].lower_ not in _PLACE_PREPS:
                continue
            name = doc[start:end].text
            out.append(Span(doc, start, end, label="CITY", kb_id=f"~{c.kb_id_}:{name}"))
        return out


_PLACE_PREPS = frozenset("in at near outside".split())
_PLACE_BEFORE = frozenset(
    """in at to from near outside inside into via toward towards visit visited visiting
    visits capital city town port village province""".split()
)


def _title(s: str) -> str:
    return " ".join(w.capitalize() for w in s.split())


# --------------------------------------------------------------------------- dates
@Language.component("dg_dates")
def dg_dates(doc: Doc) -> Doc:
    spans = []
    for m in find_dates(doc_text(doc)):
        span = doc.char_span(m.start, m.end, label="DATE", alignment_mode="expand")
        if span is not None:
            spans.append(span)
    doc.spans["date"] = filter_spans(spans)
    return doc


# --------------------------------------------------------------------------- roles
@Language.factory("dg_roles")
def make_roles(nlp: Language, name: str) -> _Roles:
    return _Roles(nlp.vocab)


@functools.cache
def _role_words() -> tuple[frozenset[str], frozenset[str]]:
    """Lower-case one-word role heads ("minister") and modifiers ("foreign")."""
    roles = gazetteer.load().roles
    heads = frozenset(w.lower() for w in roles["heads"] if " " not in w)
    return heads, frozenset(w.lower() for w in roles["modifiers"])


def _is_role_head(text: str) -> bool:
    # "Louisiana Senators Bill Cassidy and John Kennedy": a capitalised plural title
    return text.lower() in _role_words()[0] or text in _PLURAL_TITLES


def _is_role_modifier(text: str) -> bool:
    return text.lower() in _role_words()[1]


_ROLE_LINKS = ("-", "'s", "’s")


def _is_role_link(text: str) -> bool:
    return text in _ROLE_LINKS


class _Roles:
    """Titles and roles: a run of modifier/domain words ending in a head word, with an
    optional leading demonym/country/org and a trailing "of/for <Capitalised...>"."""

    def __init__(self, vocab: Vocab) -> None:
        self.heads, self.mods = _role_words()
        self.ids: list[int | str] = [
            _flag(vocab, f) for f in (_is_role_head, _is_role_modifier, _is_role_link)
        ]

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        head, modifier, link = _flags(doc, self.ids)
        covered_a = _coverage(doc, ("country", "org"))
        # a role is a run of these words (heads, modifiers, countries, orgs, links)
        inside_a = head | modifier | link | covered_a
        heads, inside, covered = head.tolist(), inside_a.tolist(), covered_a.tolist()
        spans = []
        i = 0
        for i0 in numpy.flatnonzero(inside_a).tolist():
            if i0 < i:
                continue
            i = j = i0
            last_head = -1
            while j < n and inside[j]:
                if heads[j]:
                    last_head = j
                j += 1
            if last_head < 0:
                i = j
                continue
            end = last_head + 1
            # "Secretary of State for Russia and Central Europe", "President of Finland"
            k = end
            if (
                k < n
                and doc[k].lower_ in ("of", "for")
                and k + 1 < n
                and doc[k + 1].text[:1].isupper()
            ):
                k += 1
                while k < n and (
                    (
                        doc[k].text[:1].isupper()
                        and (
                            covered[k] or doc[k].lower_ in self.mods or doc[k].text in _REGION_WORDS
                        )
                    )
                    or (
                        doc[k].lower_ in ("and", "the", "of", "for")
                        and k + 1 < n
                        and doc[k + 1].text[:1].isupper()
                    )
                ):
                    k += 1
                while k > end + 1 and doc[k - 1].lower_ in ("and", "the", "of", "for"):
                    k -= 1
                end = k if k > end + 1 else end
            start = i
            while start < last_head and doc[start].text in _ROLE_LINKS:
                start += 1
            spans.append(Span(doc, start, end, label="ROLE"))
            i = max(end, i + 1)
        doc.spans["role"] = spans
        return doc


def _coverage(doc: Doc, groups: Iterable[str]) -> numpy.ndarray:
    """Tokens inside any span of these groups."""
    cov = numpy.zeros(len(doc), dtype=bool)
    for g in groups:
        for s in doc.spans.get(g, []):
            cov[s.start : s.end] = True
    return cov


# --------------------------------------------------------------------------- people
@Language.factory("dg_people")
def make_people(nlp: Language, name: str) -> _People:
    return _People(nlp.vocab)


def _is_al_el(text: str) -> bool:
    return text.lower() in ("al", "el")


class _People:
    """Person names from capitalised runs, accepted on evidence: a title before, a
    known given name, an apposition or a speech verb after, a known figure, a surname
    seen in full earlier, or the statistical NER (when present) agreeing."""

    def __init__(self, vocab: Vocab) -> None:
        g = gazetteer.load()
        self.ids: list[int | str] = [_flag(vocab, _is_name_text), _flag(vocab, _is_al_el)]
        self.first_names = g.first_names
        honor = g.roles["honorifics"]
        self.honorifics = frozenset(honor) | frozenset(h.lower() for h in honor)
        self.heads = {w.lower() for w in g.roles["heads"]}
        heads, mods = _role_words()
        self.role_words = heads | mods
        self.demonyms = g.demonym_to_country
        self.known = _known_people()

    def _month_surname(self, w: _Words, start: int, end: int) -> tuple[int, int]:
        """The run extended over a month name that follows a given name and is not a
        date ("Theresa May said", not "Theresa May 5")."""
        if (
            end < len(w)
            and w[end] in _MONTH_SURNAMES
            and w[end - 1] in self.first_names
            and w.space[end - 1]
            and not (end + 1 < len(w) and w[end + 1][:1].isdigit())
        ):
            return start, end + 1
        return start, end

    def __call__(self, doc: Doc) -> Doc:
        blocked = _coverage(doc, ("country", "org", "date", "role"))
        city = _coverage(doc, ("city",)).tolist()
        role_end = {s.end for s in doc.spans.get("role", [])}
        # roles ending in their "of" phrase: "Director of Public", then "Engagement ..."
        of_end = {
            s.end
            for s in doc.spans.get("role", [])
            if any(t.lower_ in ("of", "for") for t in s[1:-1])
        }
        ner = (
            {(e.start, e.end) for e in doc.ents if e.label_ == "PERSON"}
            if doc.has_annotation("ENT_IOB")
            else set()
        )
        ner_tokens: set[int] = set()
        for s, e in ner:
            ner_tokens.update(range(s, e))
        w = words = _Words(doc)
        n = len(w)
        runs = [
            self._month_surname(w, start, end)
            for start, end in _name_runs(w, blocked, *_flags(doc, self.ids))
        ]
        # "Rabbi Sharon Brous", "Imam Mohamed Magid": the title before the name
        runs = [
            (start + 1, end)
            if end - start >= 2
            and words[start] in _CLERGY
            and w.span(start, end) not in self.known
            and words[start + 1] != "-"
            else (start, end)
            for start, end in runs
        ]
        # "Director of Public Engagement Cedric Richmond": the end of the title before
        # the given name
        runs = [
            (start + 1, end)
            if end - start >= 3
            and words[start] not in self.first_names
            and words[start + 1] in self.first_names
            and words[start + 1][:1].isupper()
            and w.span(start, end) not in self.known
            and (start in of_end or words[start - 1] in ("of", "for"))
            and words[start + 2] != "-"
            else (start, end)
            for start, end in runs
        ]
        accepted: list[Span] = []
        pending: list[tuple[int, int]] = []
        titled_alone: set[str] = set()
        for start, end in runs:
            text = w.span(start, end)
            toks = w.words(start, end)
            first = toks[0]
            if toks[-1] in _ORG_HEADS or toks[-1] in _NOT_NAME_ENDS:
                continue  # "Biden Administration", "Recovery Act": named things, not people
            if all(
                t.lower() in self.role_words or t in _REGION_WORDS for t in toks if t != "-"
            ):
                continue  # "National Convener", "Civil Rights": titles and fields, no name
            prev = words[start - 1] if start > 0 else None
            nxt = words[end] if end < n else None
            evidence = (
                start in role_end
                or (prev is not None and (prev in self.honorifics))
                or (len(toks) >= 2 and first in self.first_names and not all(city[start:end]))
                or text in self.known
                or (
                    len(toks) >= 2
                    and nxt is not None
                    and nxt == ","
                    and end + 1 < n
                    and not all(city[start:end])  # "near San Francisco, a senior official said"
                    and (
                        words[end + 1].lower() in _APPOS_START
                        or words[end + 1] in self.demonyms
                        or words[end + 1].lower() in self.heads
                        or (end + 2 < n and words[end + 2] in ("'s", "’s"))
                    )
                )
                or (
                    len(toks) >= 2
                    and nxt is not None
                    and nxt.lower() in _SPEECH
                    and not all(city[start:end])
                )
                or (
                    len(toks) >= 2
                    and prev is not None
                    and prev.lower() in ("said", "told", "met", "with", "and")
                    and not all(city[start:end])
                )
                or any(k in ner_tokens for k in range(start, end))
            )
            titled = start in role_end or (prev is not None and prev in self.honorifics)
            if len(toks) == 1 and not (
                titled or text in self.known or any(k in ner_tokens for k in range(start, end))
            ):
                pending.append((start, end))
                continue
            if titled:  # "Prince Sultan", "President Carter": a title makes a name, even a city's
                accepted.append(Span(doc, start, end, label="PERSON"))
                titled_alone.add(text)
                continue
            if evidence and not all(city[start:end]) or (evidence and len(toks) >= 2):
                accepted.append(Span(doc, start, end, label="PERSON"))
            else:
                pending.append((start, end))
        # second pass: single surnames (or surname-first family names) seen in full
        short: dict[str, set[str]] = {}
        for span in accepted:
            toks = [
                t
                for t in w.words(span.start, span.end)
                if t != "-" and t.lower() not in NAME_PARTICLES
            ]
            if len(toks) >= 2:
                short.setdefault(toks[-1], set()).add(w.span(span.start, span.end))
                if toks[0] not in self.first_names:
                    short.setdefault(toks[0], set()).add(w.span(span.start, span.end))
                paternal = paternal_surname(w.words(span.start, span.end))
                if paternal:
                    short.setdefault(paternal, set()).add(w.span(span.start, span.end))
        for text in {w.span(s.start, s.end) for s in accepted}:
            if " " not in text and text not in short and text in titled_alone:
                short[text] = {text}  # "President Obama", then "Obama" alone: the same person
            info = self.known.get(text)
            if info and info.get("surname"):
                short.setdefault(info["surname"], set()).add(text)
        for start, end in pending:
            text = w.span(start, end)
            if (
                text in short
                and len(short[text]) == 1
                or (
                    end - start >= 2 and words[end - 1] in short and len(short[words[end - 1]]) == 1
                )
            ):
                accepted.append(Span(doc, start, end, label="PERSON"))
        accepted += self._month_surname_alone(doc, w, short, blocked)
        doc.spans["person"] = sorted(filter_spans(accepted), key=lambda s: s.start)
        return doc

    @staticmethod
    def _month_surname_alone(
        doc: Doc, w: _Words, short: dict[str, set[str]], blocked: numpy.ndarray
    ) -> list[Span]:
        """A month surname said alone after the full name ("May said" after "Theresa
        May"), where it is no date: not a date span, no day or year after it, no
        preposition before it."""
        out = []
        for month in _MONTH_SURNAMES & short.keys():
            if len(short[month]) != 1:
                continue
            for k in range(len(w)):
                if w[k] != month or blocked[k]:
                    continue
                prev = w[k - 1].lower() if k > 0 else ""
                nxt = w[k + 1] if k + 1 < len(w) else ""
                if prev not in _MONTH_BEFORE and not nxt[:1].isdigit():
                    out.append(Span(doc, k, k + 1, label="PERSON"))
        return out


_MONTH_SURNAMES = frozenset({"May", "June", "April", "August"})
_MONTH_BEFORE = frozenset(
    """in on since during until by before after early late mid last next this of from
    through till to between""".split()
)


def paternal_surname(words: list[str]) -> str | None:
    """ "Bernardo Arévalo de León", "Andrés Manuel López Obrador" are later "Arévalo",
    "López Obrador": the name before a particle that precedes the last name, in a name
    of three words or more.

    >>> paternal_surname(["Bernardo", "Arévalo", "de", "León"])
    'Arévalo'
    >>> paternal_surname(["Miguel", "de", "la", "Madrid"]) is None
    True
    """
    for k in range(len(words) - 2, 1, -1):
        if words[k].lower() in NAME_PARTICLES and words[k - 1].lower() not in NAME_PARTICLES:
            return words[k - 1] if k - 1 >= 1 else None
    return None


def _known_people() -> dict[str, dict]:
    from graph.extract.people_table import known_people

    return known_people()


def _name_runs(
    w: _Words, blocked_a: numpy.ndarray, name_a: numpy.ndarray, al_el_a: numpy.ndarray
) -> list[tuple[int, int]]:
    """Maximal runs of name-like tokens, allowing particles and hyphens inside.

    A run starts at a name-like token outside the ``blocked`` ones (or at "al"/"el"
    before a hyphen and a name); only those tokens are visited."""
    runs = []
    words, space = w, w.space
    n = len(w)
    blocked, name, al_el = blocked_a.tolist(), name_a.tolist(), al_el_a.tolist()
    i = 0
    for i0 in numpy.flatnonzero((name_a & ~blocked_a) | al_el_a).tolist():
        if i0 < i:
            continue
        i = i0
        if blocked[i] or not name[i]:
            # "al-Sarraj" is tokenised al - Sarraj
            if not (al_el[i] and i + 2 < n and words[i + 1] == "-" and name[i + 2]):
                continue
        j = i + 1
        while j < n:
            t = words[j]
            if blocked[j]:
                break
            if name[j] or (
                t == "-"
                and not space[j]
                and j + 1 < n
                and words[j + 1][:1].isalpha()
                and not space[j - 1]
            ):
                j += 1
                if t == "-" and words[j].isalpha() and words[j].islower() and len(words[j]) <= 4:
                    j += 1  # Kim Jong-un, Ri Yong-ho
                continue
            if len(t) == 1 and t.isupper() and t not in "AI" and j + 1 < n and name[j + 1]:
                j += 1  # a middle initial without its stop: "George W Bush"
                continue
            if (
                t.lower() in NAME_PARTICLES
                and j + 1 < n
                and (
                    name[j + 1]
                    or words[j + 1] == "-"
                    # "Miguel de la Madrid", "Rafael van der Vaart": two particles
                    or words[j + 1].lower() in NAME_PARTICLES
                    and j + 2 < n
                    and name[j + 2]
                )
            ):
                j += 1
                continue
            if t in ("Jr.", "Jr", "Sr."):
                j += 1
                break
            break
        # trim a trailing particle or hyphen
        while j > i and (words[j - 1].lower() in NAME_PARTICLES or words[j - 1] == "-"):
            j -= 1
        if j > i and sum(1 for k in range(i, j) if words[k] != "-") <= 5:
            runs.append((i, j))
        i = max(j, i + 1)
    return runs


# --------------------------------------------------------------------------- organisations
@Language.factory("dg_orgs")
def make_orgs(nlp: Language, name: str) -> _Orgs:
    return _Orgs(nlp.vocab)


def _is_org_head(text: str) -> bool:
    return text in _ORG_HEADS


class _Orgs:
    """Organisation-shaped names: capitalised words ending in an organisation head
    ("Radio and Television Supreme Council") or "Ministry of X" forms."""

    def __init__(self, vocab: Vocab) -> None:
        self.ids: list[int | str] = [_flag(vocab, _is_org_head)]

    def __call__(self, doc: Doc) -> Doc:
        people_a = _coverage(doc, ("person", "date"))
        (org_head,) = _flags(doc, self.ids)
        doc.spans["org"] = _org_spans(
            doc, numpy.flatnonzero(org_head & ~people_a).tolist(), people_a.tolist()
        )
        return doc


def _org_spans(doc: Doc, heads: list[int], people: list[bool]) -> list[Span]:
    """The ``org`` group plus a name around each head token outside ``people``."""
    spans = list(doc.spans.get("org", []))
    n = len(doc)
    for i in heads:
        # walk left over capitalised words (and of/and/the between them)
        s = i
        while s > 0:
            p = doc[s - 1]
            if people[s - 1] or p.is_sent_start and p.text in _STOP_CAPS:
                break
            if (
                p.text[:1].isupper()
                and p.text not in _STOP_CAPS_ORG
                and not p.is_punct
                and not p.like_num
            ) or (
                # "National Women's Law Center", "Children's Defense Fund" (plural nouns,
                # not "Russia's Foreign Ministry")
                p.text in ("'s", "’s")
                and s - 2 >= 0
                and doc[s - 2].text in _POSSESSIVE_ORG_WORDS
            ) or (
                p.lower_ in ("and", "of", "for", "&")
                and s - 2 >= 0
                and doc[s - 2].text[:1].isupper()
                and not doc[s - 2].is_sent_start
            ):
                s -= 1
            else:
                break
        while s < i and doc[s].lower_ in ("and", "of", "for", "&"):
            s += 1  # (the walk stopped at a person: "... Prevention and Office of ...")
        e = i + 1
        if e + 1 < n and doc[e].lower_ in ("of", "for") and doc[e + 1].text[:1].isupper():
            e += 1
            while (
                e < n
                and (
                    doc[e].text[:1].isupper()
                    # "Department of Homeland Security Secretary Alejandro Mayorkas"
                    and not (_is_role_head(doc[e].text) and e + 1 < n and people[e + 1])
                    or (
                        (
                            doc[e].lower_ in _ORG_PREFIX_OK
                            # "Faith-Based", not a list's " - " between two names
                            or doc[e].text == "-"
                            and not doc[e - 1].whitespace_ + doc[e].whitespace_
                        )
                        and e + 1 < n
                        and doc[e + 1].text[:1].isupper()
                    )
                )
                and not people[e]
            ):
                e += 1
        if e - s < 2:  # a bare head ("Congress", "the Ministry") is not a name
            continue
        spans.append(Span(doc, s, e, label="ORG", kb_id=""))
    return sorted(filter_spans(spans), key=lambda s: s.start)


# --------------------------------------------------------------------------- triggers
_GAP_VERB = "_gap_verb"  # matcher label of the verbs that may take fillers
@Language.factory("dg_triggers")
def make_triggers(nlp: Language, name: str) -> _Triggers:
    return _Triggers(nlp)


class _Triggers:
    """Meeting language from ``patterns/triggers.jsonl`` (matched lower-case).

    A two-word phrase "VERB with/to" ("spoke with") also matches with time and manner
    words between (cue list ``gap_fillers``): "spoke today with", "spoke by phone on
    Tuesday with", also when the verb alone is a meeting word. Such a span's ``kb_id_``
    holds the phrase it stands for, so later rules read it as "spoke with".

    >>> from graph.extract.extractor import build_nlp
    >>> doc = build_nlp()("Joe Biden spoke today with Olaf Scholz.")
    >>> [(t.text, t.label_, t.kb_id_) for t in doc.spans["trigger"]]
    [('spoke today with', 'phone call', 'spoke with')]
    """

    def __init__(self, nlp: Language) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.meta: dict[str, dict] = {}
        g = gazetteer.load()
        #: verb -> {preposition: label} for phrases that may take fillers inside
        self.gapped: dict[str, dict[str, str]] = {}
        for rec in g.triggers:
            self.meta[rec["label"]] = rec
            self.matcher.add(rec["label"], [nlp.make_doc(p) for p in rec["phrases"]])
            for phrase in rec["phrases"]:
                words = phrase.split()
                if len(words) == 2 and words[1] in ("with", "to"):
                    self.gapped.setdefault(words[0], {})[words[1]] = rec["label"]
        self.fillers = frozenset(g.cues.get("gap_fillers", ()))
        # the same matcher pass finds those verbs; only they are looked at further
        self.matcher.add(_GAP_VERB, [nlp.make_doc(v) for v in self.gapped])
        self.gap_id = nlp.vocab.strings[_GAP_VERB]
        self.vocab = nlp.vocab

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for m, s, e in self.matcher(doc):
            if m == self.gap_id:
                spans.extend(self._gapped(doc, s))
            else:
                spans.append(Span(doc, s, e, label=self.vocab.strings[m]))
        doc.spans["trigger"] = sorted(filter_spans(spans), key=lambda s: s.start)
        return doc

    def _gapped(self, doc: Doc, i: int) -> list[Span]:
        """ "spoke today with" from the verb at ``i`` (a one-item list), or nothing."""
        verb = doc[i].lower_
        preps = self.gapped[verb]
        k, n = i + 1, len(doc)
        while k < n and k - i <= 6 and doc[k].lower_ in self.fillers:
            k += 1
        if k == i + 1 or k >= n or doc[k].lower_ not in preps:
            return []
        prep = doc[k].lower_
        return [Span(doc, i, k + 1, label=preps[prep], kb_id=f"{verb} {prep}")]
