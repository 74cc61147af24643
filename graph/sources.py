"""Files, HTML and JSON Lines -> :class:`~graph.model.Article` records, page furniture removed.

Three readers feed one record type:

* ``.txt`` files are raw text dumps of web pages. :func:`clean_text` keeps the story
  and drops the menus, trending lists, share buttons, related-post lists and copyright
  lines around it (line rules plus jusText's context-sensitive classification).
* ``.html`` / ``.htm`` files go through trafilatura (:func:`html_to_text`).
* ``.jsonl`` / ``.jsonl.gz`` batches hold one JSON object per line (``id`` and ``text``
  required). Their text is usually clean already, so it only gets a conservative pass
  that drops lines which are unmistakably furniture; a record whose text is plainly a
  page dump gets the full :func:`clean_text`.

:func:`read_paths` never raises for bad input: every input that cannot be read becomes
a :class:`~graph.errors.SourceError` value in the output stream, naming the file (and
line) and the problem, and the other inputs are still read.

>>> clean_text("Share Facebook Twitter\\n\\nLavrov met Rubio in Riyadh on Tuesday.\\n\\n"
...            "Related Posts\\n\\nPop Star Buys Vineyard")
'Lavrov met Rubio in Riyadh on Tuesday.'
"""

from __future__ import annotations

import datetime as dt
import functools
import gzip
import json
import re
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from justext import get_stoplist
from justext.core import revise_paragraph_classification

from graph.errors import SourceError
from graph.model import Article

__all__ = [
    "SUFFIXES",
    "article_from_record",
    "clean_text",
    "html_to_text",
    "read_paths",
]

#: File name endings :func:`read_paths` reads (``.jsonl.gz`` is checked first).
SUFFIXES: tuple[str, ...] = (".jsonl.gz", ".jsonl", ".txt", ".html", ".htm")

# --- line classification ---------------------------------------------------------------

_LENGTH_LOW = 70  # jusText's default: shorter blocks are judged by their neighbours
_LENGTH_HIGH = 200
_STOPWORDS_LOW = 0.30
_MAX_HEADING_DISTANCE = 200
_SHORT_LIST_LINE = 100  # a list item (menu entry, headline in a list) is shorter than this

_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_TERMINAL = re.compile(r"[.!?…][\"'”’)\]»]*$")
_QUOTED_SENTENCE = re.compile(r"[.!?…][\"”’»]")
_INNER_BREAK = re.compile(r"[a-z)][.!?][\"”’)]*\s+[\"“]?[A-Z]")
_BULLET = re.compile(r"^(?:[•·▪►»◦‣●■▸→✓*]|-\s)")
_BLANKS = re.compile(r"\n{3,}")

# Lines made only of these words are share-button rows ("Share Facebook Twitter ...").
_SOCIAL = frozenset(
    {
        "share", "shares", "facebook", "twitter", "x", "linkedin", "pinterest", "email",
        "e-mail", "mail", "telegram", "tumblr", "reddit", "whatsapp", "vk", "vkontakte",
        "messenger", "print", "copy", "link", "url", "flipboard", "pocket", "threads",
        "bluesky", "mastodon", "instagram", "youtube", "tiktok", "rss", "on", "via", "tweet",
        "sms",
    }
)  # fmt: skip

# Furniture recognised from the start of a line (re.match), case-insensitive.
_FURNITURE_START = re.compile(
    "|".join(
        (
            r"©|\(c\)\s*\d{4}",
            r"copyright\b.{0,40}(?:\d{4}|©)",
            r"(?:previous|next)\s*(?:article|post|story|page)\b",
            r"type above and press enter\b",
            r"\d+\s*(?:min|mins|minute|minutes)\.?\s+read$",
            r"(?:close|open|toggle)\s+(?:menu|search|navigation)$",
            r"skip to (?:main )?content$",
            r"(?:menu|search|home|log ?in|sign ?in|sign up|register|advertisement|"
            r"ad|sponsored|comments?|leave a (?:comment|reply))$",
            r"(?:read|see) (?:more|also)\s*:",
            r"(?:also read|read also|related)\s*:",
            r"\[?click here\b",
            r"subscribe\b",
            r"follow (?:us|[\w.]+(?: [\w.]+){0,2}) on (?:twitter|facebook|instagram|x)\b",
            r"join (?:us|the conversation) on facebook\b",
            r"we use cookies\b",
        )
    ),
    re.IGNORECASE,
)
_RIGHTS = re.compile(r"\bAll [Rr]ights [Rr]eserved\b")

# A line that is exactly one of these opens a block of links to other stories.
_MARKERS = frozenset(
    (
        "related posts", "related articles", "related stories", "related news",
        "related content", "related", "trending", "trending now", "trending news",
        "trending stories", "latest news", "latest", "latest posts", "latest stories",
        "most read", "most popular", "most viewed", "popular posts", "popular", "popular news",
        "recommended", "recommended for you", "you may also like", "you might also like",
        "more stories", "more news", "more from this section", "read next", "recent posts",
        "recent news", "top stories", "also read", "read also", "read more", "see also",
        "editor's picks", "editors' picks", "don't miss", "in case you missed it",
        "more on this story", "more in politics", "more in world",
    )
)  # fmt: skip


@functools.cache
def _stoplist() -> frozenset[str]:
    return frozenset(w.lower() for w in get_stoplist("English"))


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _is_sentence(text: str) -> bool:
    """Running prose, not a Title Case headline: it ends like a sentence (or a quoted
    sentence ends inside it), or it is long and has a sentence break inside."""
    if not (
        _TERMINAL.search(text)
        or _QUOTED_SENTENCE.search(text)
        or (len(text) >= 100 and _INNER_BREAK.search(text))
    ):
        return False
    words = lower = 0
    for token in text.split():
        first = token.lstrip("\"'“‘(«[")[:1]
        if first.isalpha():
            words += 1
            lower += first.islower()
            if words >= 14:  # long enough to be prose whatever its capitals
                return True
    return words >= 3 and lower >= 0.3 * words


def _is_social(text: str) -> bool:
    if len(text) > 200:
        return False
    found = False
    for token in text.split():
        word = token.strip(".,:;!|/·•-").lower()
        if not word:
            continue
        if word not in _SOCIAL:
            return False
        found = True
    return found


def _is_furniture(text: str) -> bool:
    """A line that is page furniture wherever it stands (share row, copyright, ...)."""
    if _FURNITURE_START.match(text) or "CLICK HERE" in text:
        return True
    low = text.lower()
    return (
        ("rights reserved" in low and bool(_RIGHTS.search(text)))
        or "press esc to cancel" in low
        or low.rstrip(" .!").endswith("click here")
        or _is_social(text)
    )


def _is_marker(text: str) -> bool:
    return len(text) < 40 and text.rstrip(":").strip().lower() in _MARKERS


def _stopword_density(text: str) -> float:
    words = text.split()
    if not words:
        return 0.0
    stop = _stoplist()
    return sum(1 for w in words if w.lower() in stop) / len(words)


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def _is_headline(text: str) -> bool:
    words = _words(text)
    return (
        4 <= len(words) <= 30
        and len(text) <= 200
        and not text.endswith(":")
        and not _is_marker(text)
        and not _BULLET.match(text)
    )


def _split_lines(raw: str) -> list[str]:
    """Lines with line endings normalized and surrounding whitespace removed."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    return [line.strip() for line in text.split("\n")]


class _Unit:
    """One block of the page (a line, or a hard-wrapped paragraph) as jusText sees it."""

    __slots__ = ("cf_class", "class_type", "first", "heading", "last", "text")

    def __init__(self, first: int, last: int, text: str) -> None:
        self.first = first
        self.last = last
        self.text = text
        self.heading = False
        self.cf_class = "short"
        self.class_type = "short"


def _units(lines: list[str]) -> list[_Unit]:
    """Group lines into units: a run of long lines without blank lines between them is a
    hard-wrapped paragraph (one unit); everything else is one unit per line."""
    units: list[_Unit] = []
    i, n = 0, len(lines)
    while i < n:
        if not lines[i]:
            i += 1
            continue
        j = i
        while j + 1 < n and lines[j + 1]:
            j += 1
        block = lines[i : j + 1]
        body = block[:-1]
        wrapped = (
            len(block) >= 2
            and sum(1 for b in body if 40 <= len(b) <= 100 and not _TERMINAL.search(b))
            >= 0.7 * len(body)
            and not any(_is_furniture(b) or _BULLET.match(b) for b in block)
        )
        if wrapped:
            units.append(_Unit(i, j, " ".join(block)))
        else:
            units.extend(_Unit(k, k, lines[k]) for k in range(i, j + 1))
        i = j + 1
    return units


def _truncated_copies(keys: list[str]) -> set[str]:
    """Keys that are a proper prefix of another key (a headline cut short and repeated)."""
    ordered = sorted(set(keys))
    return {
        a for a, b in zip(ordered, ordered[1:], strict=False) if len(a) >= 20 and b.startswith(a)
    }


def _classify(units: list[_Unit]) -> tuple[list[bool], list[bool], list[bool]]:
    """Set each unit's context-free class; return flags per unit: (hard furniture,
    sentence, skippable above a headline: furniture anywhere or a truncated repeat)."""
    keys = [_key(u.text) for u in units]
    counts = Counter(keys)
    truncated = _truncated_copies(keys)
    seen: set[str] = set()
    hard: list[bool] = []
    sentence: list[bool] = []
    skip: list[bool] = []
    in_block = False
    for u, key in zip(units, keys, strict=True):
        text = u.text
        size = len(text)
        is_sent = _is_sentence(text)
        marker = _is_marker(text)
        sentence.append(is_sent)
        skip.append(key in truncated or _is_furniture(text))
        bad = (
            skip[-1]
            or marker
            or (counts[key] > 1 and (key in seen or not is_sent or size < _LENGTH_LOW))
            or (not is_sent and bool(_BULLET.match(text)))
        )
        seen.add(key)
        hard.append(bad)
        if bad:
            u.cf_class = "bad"
        elif is_sent:
            good = size > _LENGTH_HIGH or (size >= _LENGTH_LOW and _stopword_density(text) >= 0.2)
            u.cf_class = "good" if good else "neargood"
        elif size < _LENGTH_LOW:
            u.cf_class = "short"
        else:
            u.cf_class = "neargood" if _stopword_density(text) >= _STOPWORDS_LOW else "bad"
        # A "Related Posts" / "Trending" marker drops what follows up to the next story text.
        if marker:
            in_block = True
        elif in_block:
            if u.cf_class == "good":
                in_block = False
            else:
                u.cf_class = "bad"
    # Three or more list-like lines in a row (menus, headline lists) are furniture.
    run: list[int] = []
    for idx in range(len(units) + 1):
        if idx < len(units):
            unit = units[idx]
            if not sentence[idx] and len(unit.text) < _SHORT_LIST_LINE and unit.first == unit.last:
                run.append(idx)
                continue
        if len(run) >= 3:
            for k in run:
                units[k].cf_class = "bad"
                hard[k] = True
        run = []
    return hard, sentence, skip


_BYLINE = re.compile(
    r"^(?:by\s+\S+(?:\s+\S+){0,5}|(?:updated|published|posted)\b.{0,40}"
    r"|\w+ \d{1,2}, \d{4}(?:\s.{0,20})?|\d{1,2} \w+ \d{4}(?:\s.{0,20})?)$",
    re.IGNORECASE,
)


def _headline(units: list[_Unit], first_kept: int, skip: list[bool]) -> int | None:
    """The unit just above the story that reads like its headline, skipping furniture,
    bylines, dates and truncated repeats on the way up."""
    for idx in range(first_kept - 1, max(-1, first_kept - 9), -1):
        text = units[idx].text
        if skip[idx] or _BYLINE.match(text):
            continue
        return idx if _is_headline(text) and not _is_sentence(text) else None
    return None


def _clean_page(raw: str) -> tuple[str, str | None]:
    """Full furniture removal for a page dump; returns (text, headline or None)."""
    lines = _split_lines(raw)
    units = _units(lines)
    if not units:
        return "", None
    hard, sentence, skip = _classify(units)
    revise_paragraph_classification(units, _MAX_HEADING_DISTANCE)
    keep = [u.class_type == "good" and not hard[i] for i, u in enumerate(units)]
    if not any(keep):  # no clear story block (a short text): keep its prose-like units
        keep = [
            not h and (s or len(u.text) >= _LENGTH_LOW)
            for u, s, h in zip(units, sentence, hard, strict=True)
        ]
    title: str | None = None
    if any(keep):
        first = keep.index(True)
        head = _headline(units, first, skip)
        if head is not None:
            keep[head] = True
            title = units[head].text
        elif _is_headline(units[first].text) and not sentence[first]:
            title = units[first].text
    kept = (u for u, k in zip(units, keep, strict=True) if k)
    return "\n\n".join("\n".join(lines[u.first : u.last + 1]) for u in kept), title


def clean_text(raw: str) -> str:
    """Remove page furniture from a plain-text dump of a web page.

    Keeps every paragraph of the story (and its headline), drops menus, trending and
    related-post lists, share rows, previous/next links, copyright and search-box lines.
    Output lines are input lines with surrounding whitespace removed; paragraphs are
    separated by one blank line.

    >>> clean_text("Menu\\nPolitics\\nWorld\\n\\nTalks resume in Istanbul\\n\\n"
    ...            "The two delegations met again on Thursday to discuss staffing."
    ...            "\\n\\n© 2025 Example News")
    'Talks resume in Istanbul\\n\\nThe two delegations met again on Thursday to discuss staffing.'
    """
    return _clean_page(raw)[0]


_PAGE_CHROME = re.compile(
    r"(?:previous|next)\s*(?:article|post|story)|type above and press enter|\d+\s*mins?\.? read$"
    r"|(?:close|open|toggle)\s+(?:menu|search|navigation)$|skip to (?:main )?content$",
    re.IGNORECASE,
)


def _looks_like_page(lines: list[str]) -> bool:
    """Whether a record's text is a raw page dump rather than clean article text: mostly
    list-like lines, and at least two pieces of site chrome (share rows, list markers,
    previous/next links, menus). Copyright or subscription lines alone do not count:
    clean articles often end with them."""
    nonblank = [ln for ln in lines if ln]
    if len(nonblank) < 8:
        return False
    chrome = sum(1 for ln in nonblank if _is_marker(ln) or _is_social(ln) or _PAGE_CHROME.match(ln))
    if chrome < 2:
        return False
    listy = sum(1 for ln in nonblank if len(ln) < _SHORT_LIST_LINE and not _is_sentence(ln))
    return listy >= 0.5 * len(nonblank)


def _tidy(raw: str) -> str:
    """Conservative pass for text that is already an article: drop only lines that are
    furniture wherever they stand, and the list after a "Related"/"Trending" marker.
    Paragraph structure (single vs blank-line breaks) is kept."""
    lines = _split_lines(raw)
    out: list[str] = []
    blank_before = False
    in_block = False
    for line in lines:
        if not line:
            blank_before = True
            continue
        if _is_marker(line):
            in_block = True
            continue
        if in_block:
            if len(line) < _SHORT_LIST_LINE and not _is_sentence(line):
                continue
            in_block = False
        if _is_furniture(line):
            continue
        if out:
            out.append("\n\n" if blank_before else "\n")
        out.append(line)
        blank_before = False
    return "".join(out)


def _record_text(raw: str) -> tuple[str, str | None]:
    """Text of a JSON record: full cleaning for a page dump, the conservative pass otherwise."""
    if _looks_like_page(_split_lines(raw)):
        return _clean_page(raw)
    return _tidy(raw), None


# --- HTML ------------------------------------------------------------------------------


def _extract_html(html: str) -> tuple[str, str | None, dt.date | None, str | None, str | None]:
    """(text, title, date, url, site name) of an HTML page via trafilatura."""
    from trafilatura import bare_extraction  # heavy import, only when HTML is read

    try:
        doc = bare_extraction(
            html,
            favor_precision=True,
            include_comments=False,
            include_tables=False,
            with_metadata=True,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except (ValueError, TypeError, LookupError):  # trafilatura's own parse failures
        doc = None
    if doc is None:
        return "", None, None, None, None
    body = "\n\n".join(line for line in _split_lines(getattr(doc, "text", "") or "") if line)
    text = _tidy(body)
    title = (getattr(doc, "title", None) or "").strip() or None
    date = _parse_date(getattr(doc, "date", None))
    url = getattr(doc, "url", None) or None
    site = getattr(doc, "sitename", None) or None
    return text, title, date, url, site


def _parse_date(value: object) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def html_to_text(html: str) -> tuple[str, str | None, dt.date | None]:
    """Body text, title and publication date (if the page states it) of an HTML page.

    Uses trafilatura favouring precision, without comments or tables; the date comes
    from the page's markup and metadata only (no guessing from the text). Paragraphs
    are separated by a blank line; the text is ``""`` when no article body is found.
    """
    text, title, date, _url, _site = _extract_html(html)
    return text, title, date


# --- records ---------------------------------------------------------------------------

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _optional_str(record: Mapping[str, Any], name: str, origin: str) -> str | None:
    value = record.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise SourceError(origin, f"'{name}' must be a string or null, not {type(value).__name__}")
    return value.strip() or None


def _published(value: object, origin: str) -> dt.date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None  # an empty string means "no date", as null does
    if isinstance(value, str) and _ISO_DATE.match(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    shown = repr(value)[:40]
    raise SourceError(origin, f"'published' must be a YYYY-MM-DD date or null, not {shown}")


def article_from_record(record: Mapping[str, Any], origin: str) -> Article:
    """An :class:`Article` from a JSON object (a JSON Lines record or a POSTed article).

    ``id`` (string or integer) and ``text`` (string) are required; ``title``, ``url``,
    ``source`` (string or null) and ``published`` (``YYYY-MM-DD``, null or ``""``) are
    optional.
    Raises :class:`SourceError` naming ``origin`` and the problem.

    >>> article_from_record({"id": "a1", "text": "Lavrov met Rubio.", "published": "2025-02-18"},
    ...                     "post").published
    datetime.date(2025, 2, 18)
    >>> article_from_record({"text": "Lavrov met Rubio."}, "batch.jsonl:3")
    Traceback (most recent call last):
    ...
    graph.errors.SourceError: batch.jsonl:3: missing 'id'
    """
    if not isinstance(record, Mapping):
        raise SourceError(origin, f"expected a JSON object, got {type(record).__name__}")
    ident = record.get("id")
    if ident is None:
        raise SourceError(origin, "missing 'id'")
    if isinstance(ident, bool) or not isinstance(ident, str | int):
        raise SourceError(origin, f"'id' must be a string, not {type(ident).__name__}")
    ident = str(ident).strip()
    if not ident:
        raise SourceError(origin, "'id' is empty")
    raw = record.get("text")
    if raw is None:
        raise SourceError(origin, "missing 'text'")
    if not isinstance(raw, str):
        raise SourceError(origin, f"'text' must be a string, not {type(raw).__name__}")
    title = _optional_str(record, "title", origin)
    url = _optional_str(record, "url", origin)
    source = _optional_str(record, "source", origin)
    published = _published(record.get("published"), origin)
    text, headline = _record_text(raw)
    if not text:
        raise SourceError(origin, "text is empty after removing page furniture")
    return Article(
        id=ident,
        text=text,
        title=title or headline,
        published=published,
        url=url,
        source=source,
        origin=origin,
    )


# --- files -----------------------------------------------------------------------------

_Result = Article | SourceError


def _suffix(path: Path) -> str | None:
    name = path.name.lower()
    return next((s for s in SUFFIXES if name.endswith(s) and len(name) > len(s)), None)


def _doc_id(path: Path, suffix: str) -> str:
    return path.name[: -len(suffix)]


def _reason(err: BaseException) -> str:
    strerror = getattr(err, "strerror", None)
    return strerror.lower() if isinstance(strerror, str) else "I/O error"


def _decode(data: bytes, origin: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise SourceError(
            origin, f"not valid UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start})"
        ) from None


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as err:
        raise SourceError(str(path), f"cannot read file ({_reason(err)})") from None


_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december")
_PAGE_DATE = re.compile(
    r"^(?:published:?\s*|updated:?\s*|posted:?\s*)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
    r"(?:(?P<m1>[A-Za-z]+)\.?\s+(?P<d1>\d{1,2}),?\s+(?P<y1>(?:19|20)\d\d)"
    r"|(?P<d2>\d{1,2})\s+(?P<m2>[A-Za-z]+)\.?,?\s+(?P<y2>(?:19|20)\d\d)"
    r"|(?P<iso>(?:19|20)\d\d-\d\d-\d\d))\b",
    re.IGNORECASE,
)


def _page_date(raw: str) -> dt.date | None:
    """The publication date a page dump states on a short line near its top
    ("Tuesday, February 24, 2026", "Published: 18 September 2025")."""
    for line in raw.splitlines()[:80]:
        line = line.strip()
        if not line or len(line) > 70:
            continue
        m = _PAGE_DATE.match(line)
        if not m:
            continue
        try:
            if m.group("iso"):
                return dt.date.fromisoformat(m.group("iso"))
            month = (m.group("m1") or m.group("m2")).lower()
            idx = next(i for i, name in enumerate(_MONTH_NAMES) if name.startswith(month[:3]))
            year = int(m.group("y1") or m.group("y2"))
            return dt.date(year, idx + 1, int(m.group("d1") or m.group("d2")))
        except (ValueError, StopIteration):
            continue
    return None


def _read_txt(path: Path, suffix: str) -> Article:
    origin = str(path)
    raw = _decode(_read_bytes(path), origin)
    text, headline = _clean_page(raw)
    if not text:
        raise SourceError(origin, "text is empty after removing page furniture")
    published = _page_date(raw)
    return Article(id=_doc_id(path, suffix), text=text, title=headline, origin=origin,
                   published=published, year_hint=None if published else _page_year(raw))


_COPYRIGHT_YEAR = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:\d{4}\s*[-–]\s*)?((?:19|20)\d\d)", re.IGNORECASE
)


def _page_year(raw: str) -> int | None:
    """The year of a page without a date line, from its copyright notice ("© 2025 ...")."""
    years = [int(m.group(1)) for m in _COPYRIGHT_YEAR.finditer(raw)]
    return max(years) if years else None


def _read_html(path: Path, suffix: str) -> Article:
    origin = str(path)
    text, title, date, url, site = _extract_html(_decode(_read_bytes(path), origin))
    if not text:
        raise SourceError(origin, "no article text found in the HTML page")
    return Article(
        id=_doc_id(path, suffix),
        text=text,
        title=title,
        published=date,
        url=url,
        source=site,
        origin=origin,
    )


def _read_jsonl(path: Path, compressed: bool) -> Iterator[_Result]:
    lineno = 0
    try:
        with gzip.open(path, "rb") if compressed else path.open("rb") as handle:
            for lineno, data in enumerate(handle, 1):  # noqa: B007 - used after the loop
                yield from _read_jsonl_line(data, f"{path}:{lineno}", first=lineno == 1)
    except (OSError, EOFError, zlib.error) as err:
        if lineno == 0 and not isinstance(err, gzip.BadGzipFile | EOFError | zlib.error):
            yield SourceError(str(path), f"cannot read file ({_reason(err)})")
        else:
            where = f"{path}:{lineno + 1}" if lineno else str(path)
            kind = "gzip data" if compressed else "file"
            yield SourceError(where, f"cannot read {kind} (corrupt or truncated)")


def _read_jsonl_line(data: bytes, origin: str, first: bool) -> Iterator[_Result]:
    if not data.strip():
        return
    try:
        line = data.decode("utf-8-sig" if first else "utf-8")
    except UnicodeDecodeError as err:
        yield SourceError(origin, f"not valid UTF-8 (byte 0x{data[err.start]:02x})")
        return
    try:
        record = json.loads(line)
    except (ValueError, RecursionError) as err:
        reason = (
            f"{err.msg} at column {err.colno}"
            if isinstance(err, json.JSONDecodeError)
            else "nested too deeply"
        )
        yield SourceError(origin, f"not valid JSON ({reason})")
        return
    try:
        yield article_from_record(record, origin)
    except SourceError as err:
        yield err


def _read_file(path: Path) -> Iterator[_Result]:
    suffix = _suffix(path)
    if suffix is None:
        yield SourceError(
            str(path), f"unsupported file type (expected one of {', '.join(SUFFIXES)})"
        )
        return
    if suffix in (".jsonl", ".jsonl.gz"):
        yield from _read_jsonl(path, compressed=suffix == ".jsonl.gz")
        return
    reader = _read_txt if suffix == ".txt" else _read_html
    try:
        yield reader(path, suffix)
    except SourceError as err:
        yield err


def _walk(directory: Path) -> Iterator[Path]:
    """Readable files under a directory, recursively and sorted; hidden entries skipped."""
    found = []
    for path in directory.rglob("*"):
        rel = path.relative_to(directory).parts
        if any(part.startswith(".") for part in rel):
            continue
        if _suffix(path) is not None and path.is_file():
            found.append(path)
    return iter(sorted(found))


def read_paths(paths: Iterable[str | Path]) -> Iterator[Article | SourceError]:
    """Articles from files and directories, in order; a :class:`SourceError` value for
    every input (file, or JSON Lines line) that cannot be read. Never raises for bad input.

    Directories are searched recursively (sorted) for ``.txt``, ``.html``, ``.htm``,
    ``.jsonl`` and ``.jsonl.gz`` files; other files in them are skipped, while a file
    named explicitly with another extension yields an error. A file's article id is its
    name without the extension; a JSON Lines record's id is its ``id`` field.

    >>> [str(r) for r in read_paths(["no/such/file.txt"])]
    ['no/such/file.txt: no such file or directory']
    """
    for item in paths:
        if isinstance(item, str) and not item.strip():
            yield SourceError(repr(item), "empty path")
            continue
        path = Path(item)
        try:
            is_dir = path.is_dir()
            exists = is_dir or path.exists()
        except OSError as err:
            yield SourceError(str(path), f"cannot access path ({_reason(err)})")
            continue
        if not exists:
            yield SourceError(str(path), "no such file or directory")
        elif is_dir:
            try:
                files = list(_walk(path))
            except OSError as err:
                yield SourceError(str(path), f"cannot list directory ({_reason(err)})")
                continue
            for file in files:
                yield from _read_file(file)
        else:
            yield from _read_file(path)
