"""Regenerate ``graph/extract/patterns/countries.jsonl`` from pycountry and countryinfo.

Facts (names, ISO codes, demonyms, capitals) come from the two packages; our own
``country_overrides.jsonl`` sets the short name we display and adds the short forms,
demonyms and metonyms news writers use. Run after upgrading either package::

    python -m scripts.build_gazetteers
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pycountry
from countryinfo import CountryInfo

PATTERNS = Path(__file__).resolve().parent.parent / "graph" / "extract" / "patterns"
_LATIN = re.compile(r"^[A-Za-z][A-Za-z .'\-]+$")


def _usable(name: str) -> bool:
    return bool(_LATIN.match(name)) and "," not in name and len(name) > 3


def build() -> list[dict]:
    overrides: dict[str, dict] = {}
    for line in (PATTERNS / "country_overrides.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            overrides.setdefault(rec["code"], {}).update(rec)
    info_by_code = {}
    for rec in CountryInfo("US").all().values():
        iso = rec.get("ISO") or {}
        if iso.get("alpha2"):
            info_by_code[iso["alpha2"]] = rec
    rows = []
    for c in pycountry.countries:
        code = c.alpha_2
        info = info_by_code.get(code, {})
        over = overrides.get(code, {})
        name = over.get("name") or getattr(c, "common_name", None) or info.get("name") or c.name
        aliases = [name, c.name, getattr(c, "official_name", "") or ""]
        aliases += [a for a in info.get("altSpellings") or [] if _usable(a)]
        aliases += over.get("aliases", [])
        demonyms = list(over.get("demonyms", []))
        if info.get("demonym") and _usable(info["demonym"]):
            demonyms.append(info["demonym"])
        capital = over.get("capital") or info.get("capital") or None
        metonyms = list(over.get("metonyms", []))
        seen: set[str] = set()
        rows.append(
            {
                "code": code,
                "alpha3": c.alpha_3,
                "name": name,
                "aliases": [a for a in aliases if a and not (a in seen or seen.add(a))],
                "demonyms": sorted(set(demonyms)),
                "capital": capital,
                "metonyms": metonyms,
            }
        )
    rows += _historic(overrides)
    return sorted(rows, key=lambda r: r["code"])


def _historic(overrides: dict[str, dict]) -> list[dict]:
    """States of the older news that no longer exist (the Soviet Union, Yugoslavia), each
    named in the overrides with ``"historic": true`` and its ISO 3166-3 alpha-3 code."""
    rows = []
    for code, over in overrides.items():
        if not over.get("historic"):
            continue
        c = next(h for h in pycountry.historic_countries if h.alpha_3 == over["alpha3"])
        rows.append(
            {
                "code": code,
                "alpha3": c.alpha_3,
                "name": over["name"],
                "aliases": list(dict.fromkeys([over["name"], *over.get("aliases", [])])),
                "demonyms": sorted(set(over.get("demonyms", []))),
                "capital": over.get("capital"),
                "metonyms": list(over.get("metonyms", [])),
            }
        )
    return rows


def main() -> None:
    rows = build()
    out = PATTERNS / "countries.jsonl"
    out.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
    )
    print(f"wrote {len(rows)} countries to {out}")


if __name__ == "__main__":
    main()
