"""The curated table of well-known political figures (``patterns/people.jsonl``).

>>> table = known_people()
>>> isinstance(table, dict)
True
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

__all__ = ["holder", "known_people", "known_surnames"]

_PATH = Path(__file__).resolve().parent / "patterns" / "people.jsonl"


@lru_cache(maxsize=1)
def known_people() -> dict[str, dict]:
    """Every full-name surface form -> the person's record (key, name, country...)."""
    out: dict[str, dict] = {}
    if not _PATH.exists():
        return out
    for line in _PATH.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        for alias in [rec["name"], *rec.get("aliases", [])]:
            out.setdefault(alias, rec)
            # British style drops the stop of a middle initial: "George W Bush"
            out.setdefault(re.sub(r"\b([A-Z])\.(?= )", r"\1", alias), rec)
    return out


@lru_cache(maxsize=1)
def known_surnames() -> dict[str, list[dict]]:
    """Surname -> the records of everyone in the table with it ("Biden" -> [Joe Biden]).

    >>> [r["name"] for r in known_surnames().get("Lavrov", [])]
    ['Sergey Lavrov']
    """
    out: dict[str, list[dict]] = {}
    seen: set[str] = set()
    for rec in known_people().values():
        if rec["key"] in seen:
            continue
        seen.add(rec["key"])
        surname = rec.get("surname") or rec["name"].split()[-1]
        out.setdefault(surname, []).append(rec)
    return out


def holder(surname: str, role: str, year: int | None) -> dict | None:
    """The one person of the table with this surname who held the office ``role``
    ("Speaker" for "Speaker of the House of Representatives") in ``year`` (any year
    when None); None when there is no such person or more than one.

    >>> holder("Biden", "President", 2022)["name"]
    'Joe Biden'
    >>> holder("Bush", "President", None) is None  # two presidents Bush
    True
    >>> holder("Biden", "President", 2012) is None  # then Vice President
    True
    """
    title = role.lower()
    found = [
        rec
        for rec in known_surnames().get(surname, [])
        if any(
            (r["role"].lower() == title or r["role"].lower().startswith(title + " "))
            and (year is None or (r.get("from") or 0) <= year <= (r.get("to") or 9999))
            for r in rec.get("roles", [])
        )
    ]
    return found[0] if len(found) == 1 else None
