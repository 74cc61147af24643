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

__all__ = ["known_people"]

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
