"""The committed country table is what the build script makes from the packages and our
overrides, historic states included."""

from __future__ import annotations

import json

from scripts.build_gazetteers import PATTERNS, build


def test_the_committed_table_is_the_built_one() -> None:
    committed = [
        json.loads(line)
        for line in (PATTERNS / "countries.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    assert committed == build()


def test_historic_states_carry_their_iso_3166_3_codes() -> None:
    rows = {r["code"]: r for r in build()}
    assert rows["SU"]["alpha3"] == "SUN" and "USSR" in rows["SU"]["aliases"]
    assert rows["YU"]["alpha3"] == "YUG" and "Yugoslav" in rows["YU"]["demonyms"]
