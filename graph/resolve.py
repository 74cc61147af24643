"""Mentions -> canonical nodes, within and across articles.

Resolution is a pure function of the *set* of extractions: it sorts its input, so the
order in which articles arrive never changes the result.

- countries by ISO code, organizations by curated key (else by normalised name),
  places by GeoNames id;
- persons by the curated key of a known figure, else by a transliteration-folded
  name (Sergey/Sergei, Dmitry/Dmitri, Darchiev/Darhiyev fold to one key); a surname
  alone joins the one person of that surname seen in full, and stays apart when two
  people share it;
- meetings by their parties plus compatible date and place across articles.

>>> name_key("Sergei Lavrov") == name_key("Sergey Lavrov")
True
>>> name_key("Alexander Darhiyev") == name_key("Alexander Darchiev")
True
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable

from graph import iri
from graph.model import Entity, Extraction, Identities, Meeting

__all__ = ["name_key", "resolve_all"]

# transliteration folds applied to lower-case ASCII names, in order
_FOLDS = (
    (r"ey\b", "ei"), (r"iy\b", "i"), (r"yy\b", "y"), (r"ij\b", "i"),
    (r"kh", "h"), (r"ch", "h"), (r"iye", "ie"), (r"iya", "ia"), (r"yi", "i"), (r"yu", "iu"),
    (r"ya", "ia"), (r"ye", "ie"), (r"y", "i"), (r"j", "i"), (r"w", "v"), (r"ph", "f"),
    (r"tt", "t"), (r"ss", "s"), (r"ll", "l"), (r"ff", "f"), (r"q", "k"), (r"ou", "u"),
    (r"dh", "d"), (r"th", "t"), (r"ie\b", "i"),
)


def _ascii(text: str) -> str:
    norm = unicodedata.normalize("NFKD", text)
    return "".join(c for c in norm if not unicodedata.combining(c)).lower()


def name_key(name: str) -> str:
    """A spelling-insensitive key for a person's name (first token + surname)."""
    words = [w for w in re.split(r"[^a-z]+", _ascii(name)) if w and w not in ("al", "el", "jr", "sr")]
    if not words:
        return ""
    keep = [words[0], words[-1]] if len(words) > 1 else words
    out = []
    for w in keep:
        for pat, rep in _FOLDS:
            w = re.sub(pat, rep, w)
        out.append(w)
    return " ".join(out)


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
    person_iris = _resolve_people(exs)
    out: dict[str, Identities] = {}
    meeting_keys: list[tuple[str, Meeting, dict[str, str]]] = []
    for ex in exs:
        ents: dict[str, str] = {}
        for ent in ex.entities:
            key = person_iris.get((ex.article.id, ent.id)) if ent.type == "Person" else _entity_key(ent)
            if key:
                ents[ent.id] = key
        for m in ex.meetings:
            meeting_keys.append((ex.article.id, m, ents))
        out[ex.article.id] = Identities(article=iri.article_iri(ex.article.id), entities=ents)
    meetings = _resolve_meetings(meeting_keys)
    return {
        doc: Identities(article=ids.article, entities=ids.entities, meetings=meetings.get(doc, {}))
        for doc, ids in out.items()
    }


def _resolve_people(exs: list[Extraction]) -> dict[tuple[str, str], str]:
    full: dict[str, set[str]] = defaultdict(set)  # surname fold -> person keys seen in full
    keys: dict[tuple[str, str], str] = {}
    countries: dict[str, str | None] = {}
    pending: list[tuple[str, Entity]] = []
    for ex in exs:
        for ent in ex.entities:
            if ent.type != "Person":
                continue
            words = ent.name.split()
            if ent.code:  # a known figure: the curated key
                key = ent.code
            elif len(words) >= 2:
                key = name_key(ent.name)
            else:
                pending.append((ex.article.id, ent))
                continue
            # same name, different countries: two people
            if key in countries and countries[key] and ent.country_code and countries[key] != ent.country_code:
                key = f"{key} {ent.country_code.lower()}"
            countries.setdefault(key, ent.country_code)
            keys[(ex.article.id, ent.id)] = key
            full[name_key(words[-1])].add(key)
    for doc, ent in pending:
        cands = sorted(full.get(name_key(ent.name), set()))
        if ent.country_code:
            cands = [c for c in cands if countries.get(c) in (None, ent.country_code)]
        keys[(doc, ent.id)] = cands[0] if len(cands) == 1 else name_key(ent.name)
    return {k: iri.person_iri(v) for k, v in keys.items()}


def _resolve_meetings(items: list[tuple[str, Meeting, dict[str, str]]]) -> dict[str, dict[str, str]]:
    """Meetings reported by several articles share an IRI: same actors, and equal
    dates and places where both reports give them."""
    groups: list[list[tuple[str, Meeting, dict[str, str]]]] = []
    for item in items:
        for group in groups:
            if all(_same_meeting(item, other) for other in group):
                group.append(item)
                break
        else:
            groups.append([item])
    out: dict[str, dict[str, str]] = defaultdict(dict)
    for group in groups:
        anchor = min((doc, m.id) for doc, m, _ in group)
        node = iri.meeting_iri(*anchor)
        for doc, m, _ in group:
            out[doc][m.id] = node
    return out


def _same_meeting(a: tuple[str, Meeting, dict[str, str]], b: tuple[str, Meeting, dict[str, str]]) -> bool:
    doc_a, ma, ids_a = a
    doc_b, mb, ids_b = b
    if doc_a == doc_b:
        return False
    actors_a = {ids_a.get(p) for p in ma.participants} - {None}
    actors_b = {ids_b.get(p) for p in mb.participants} - {None}
    if not actors_a or actors_a != actors_b:
        return False
    if not (ma.date and mb.date and (ma.date.startswith(mb.date) or mb.date.startswith(ma.date))):
        return False
    la = ids_a.get(ma.location) if ma.location else None
    lb = ids_b.get(mb.location) if mb.location else None
    return la is None or lb is None or la == lb
