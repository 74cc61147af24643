"""A synthetic graph in our ontology, for benchmarks: ``synth.py --meetings N --out FILE.nq``.

Made of generated :class:`~graph.model.Extraction` records written by
:func:`graph.triples.article_graph`, so the quads have exactly the shape the pipeline
writes (one named graph per article with its meetings, evidence and provenance, then
the nodes graph describing every node once, :func:`graph.triples.nodes_quads`). What is
generated, deterministically for a seed:

- 200 countries (ISO codes from pycountry), about N/5 people (at least 50), each with a
  nationality and an office, 5,000 places (GeoNames-like ids) in those countries, 500
  topics;
- N meetings with 2 to 5 participants drawn heavy-tailed (Zipf, exponent ~1) from the
  people, dates over 30 years (mostly full dates, some month or year only), statuses
  (held/planned/cancelled), modes (in person/phone), CAMEO kinds, 0 to 3 topics and
  sometimes an excluded topic, a place for most;
- source articles reporting 1 to 3 meetings each; about one meeting in ten is reported
  again by a second article (same meeting IRI, as ``resolve`` would merge it).

>>> import io
>>> out = io.BytesIO()
>>> stats = write_graph(out, meetings=20, seed=1)
>>> stats.meetings, stats.quads == out.getvalue().count(b"\\n")
(20, True)
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import itertools
import random
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import pycountry
from pyoxigraph import Quad, RdfFormat, serialize

from graph.iri import article_iri, meeting_iri
from graph.model import Article, Entity, Evidence, Extraction, Identities, Meeting
from graph.triples import NodeDescriptions, article_graph

__all__ = ["SynthStats", "World", "extractions", "main", "write_graph"]

N_COUNTRIES = 200
N_PLACES = 5_000
N_TOPICS = 500
FIRST_YEAR, YEARS = 1996, 30
_REPEAT_SHARE = 0.1  # meetings reported by a second article

_FIRST = (  # noqa: SIM905
    "Amara Boris Chen Dalia Emil Farah Goran Hana Ivo Jana Kofi Lena Mateo Nadia Omar "
          "Petra Quentin Rosa Samir Tariq Uma Viktor Wen Ximena Yusuf Zara Anil Beatriz Carlos "
          "Dmitri Elena Fatima Hiroshi Ingrid Jamal Kenji Leila Marek Nkechi Olga Pavel Rania "
          "Sanjay Tomas Ulla Vera Walid Yara Zoltan Aiko").split()
_SYLLABLES = (  # noqa: SIM905
    "ka lo mi ra sen tu vo dre ba ni sha kov el an ur ma zi po te gu ri de lan "
              "mor vas hel bri no sto").split()
_ROLES = ("Foreign Minister", "Prime Minister", "President", "Defence Minister",
          "Trade Minister", "Ambassador", "Finance Minister", "Energy Minister",
          "National Security Adviser", "Deputy Foreign Minister")
_DOMAINS = ("trade", "energy", "security", "climate", "migration", "nuclear", "health", "cyber",
            "water", "maritime", "arms control", "agriculture", "finance", "space", "transport",
            "education", "tourism", "fisheries", "mining", "digital", "labour", "human rights",
            "counterterrorism", "sanctions", "investment")
_ASPECTS = ("cooperation", "agreement", "dispute", "talks", "policy", "partnership", "corridor",
            "standards", "aid", "reform", "framework", "crisis", "dialogue", "treaty", "projects",
            "exchange", "initiative", "summit agenda", "roadmap", "oversight")
_PLACE_WORDS = ("Port", "Nova", "San", "Lake", "Fort", "Upper", "New", "Saint", "Old", "East")
_LABELS = {"held": ("talks", "meeting", "summit", "visit"), "planned": ("planned talks", "visit"),
           "cancelled": ("cancelled meeting", "called-off visit")}
_SOURCES = ("Capital Wire", "Daily Orbit", "Meridian", "North Wind", "Straits Courier",
            "Savanna Tribune", "Lantern Post", "Delta Business")


@dataclass(frozen=True)
class _Person:
    name: str
    country: int
    role: str


@dataclass(frozen=True)
class SynthStats:
    meetings: int
    articles: int
    quads: int
    people: int
    seconds: float


class World:
    """Countries, people, places and topics, and the heavy-tailed draws over them."""

    def __init__(self, meetings: int, seed: int = 0) -> None:
        rng = random.Random(f"world-{seed}")
        codes = sorted(c.alpha_2 for c in pycountry.countries)
        picked = sorted(rng.sample(codes, N_COUNTRIES))
        self.countries: list[tuple[str, str]] = []  # (alpha-2, name)
        for code in picked:
            c = pycountry.countries.get(alpha_2=code)
            name = getattr(c, "common_name", None) or getattr(c, "name", code)
            self.countries.append((code, str(name)))
        n_people = max(50, meetings // 5)
        names: set[str] = set()
        self.people: list[_Person] = []
        while len(self.people) < n_people:
            last = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
            name = f"{rng.choice(_FIRST)} {last}"
            if name in names:
                continue
            names.add(name)
            self.people.append(_Person(name, self._country_draw(rng), rng.choice(_ROLES)))
        rng.shuffle(self.people)  # Zipf rank independent of generation order
        self.places: list[tuple[str, str, int]] = []  # (geonames id, name, country index)
        for i in range(N_PLACES):
            stem = "".join(rng.choice(_SYLLABLES) for _ in range(2)).capitalize()
            name = f"{rng.choice(_PLACE_WORDS)} {stem}" if i % 3 == 0 else stem + "a"
            self.places.append((str(1_000_000 + i), name, rng.randrange(N_COUNTRIES)))
        self.topics = [f"{d} {a}" for d, a in itertools.product(_DOMAINS, _ASPECTS)][:N_TOPICS]
        self._people_cum = _zipf_cumulative(len(self.people))
        self._place_cum = _zipf_cumulative(len(self.places))
        self._topic_cum = _zipf_cumulative(len(self.topics))

    @staticmethod
    def _country_draw(rng: random.Random) -> int:
        # a few countries have many more officials in the news than others
        return min(int(rng.paretovariate(0.8)) - 1, N_COUNTRIES - 1) if rng.random() < 0.5 \
            else rng.randrange(N_COUNTRIES)

    def participants(self, rng: random.Random) -> list[int]:
        k = rng.choice((2, 2, 2, 2, 3, 3, 4, 5))
        chosen: list[int] = []
        while len(chosen) < k:
            i = _draw(rng, self._people_cum)
            if i not in chosen:
                chosen.append(i)
        return chosen

    def place(self, rng: random.Random) -> int:
        return _draw(rng, self._place_cum)

    def topic(self, rng: random.Random) -> int:
        return _draw(rng, self._topic_cum)


def _zipf_cumulative(n: int, exponent: float = 1.0) -> list[float]:
    return list(itertools.accumulate(1.0 / (r ** exponent) for r in range(1, n + 1)))


def _draw(rng: random.Random, cum: Sequence[float]) -> int:
    return min(bisect.bisect(cum, rng.random() * cum[-1]), len(cum) - 1)


@dataclass(frozen=True)
class _Plan:
    """One meeting as the generator decided it (before it is written into articles)."""

    iri: str
    people: tuple[int, ...]
    place: int | None
    date: dt.date
    precision: int  # 10 full date, 7 month, 4 year
    status: str
    mode: str | None
    kind: str
    topics: tuple[int, ...]
    excluded: tuple[int, ...]
    label: str


def _plan(world: World, rng: random.Random, i: int, seed: int) -> _Plan:
    status = rng.choices(("held", "planned", "cancelled"), (80, 15, 5))[0]
    mode = rng.choices(("in_person", "phone", None), (70, 15, 15))[0]
    kind = "041" if mode == "phone" else rng.choice(("040", "042", "043", "044", "046"))
    topics = tuple(dict.fromkeys(world.topic(rng) for _ in range(rng.choice((0, 1, 1, 2, 2, 3)))))
    excluded = (world.topic(rng),) if rng.random() < 0.05 else ()
    return _Plan(
        iri=meeting_iri("synth", str(seed), str(i)),
        people=tuple(world.participants(rng)),
        place=world.place(rng) if mode != "phone" and rng.random() < 0.85 else None,
        date=dt.date(FIRST_YEAR, 1, 1) + dt.timedelta(days=rng.randrange(365 * YEARS)),
        precision=rng.choices((10, 7, 4), (85, 10, 5))[0],
        status=status, mode=mode, kind=kind,
        topics=tuple(t for t in topics if t not in excluded), excluded=excluded,
        label="phone call" if mode == "phone" else rng.choice(_LABELS[status]),
    )


def _article(world: World, plans: Sequence[_Plan], doc: str, rng: random.Random) -> Extraction:
    """One article reporting ``plans``, as ``extract`` + ``resolve`` would leave it."""
    entities: dict[str, Entity] = {}
    local: dict[tuple[str, int], str] = {}

    def ent(kind: str, index: int) -> str:
        key = (kind, index)
        if key not in local:
            local[key] = f"e{len(local) + 1}"
            eid = local[key]
            if kind == "Country":
                code, name = world.countries[index]
                entities[eid] = Entity(eid, "Country", name, code=code, country_code=code)
            elif kind == "Person":
                p = world.people[index]
                code, cname = world.countries[p.country]
                ent("Country", p.country)
                entities[eid] = Entity(eid, "Person", p.name, country=cname, country_code=code,
                                       role=p.role)
            else:
                gid, name, country = world.places[index]
                code, cname = world.countries[country]
                ent("Country", country)
                entities[eid] = Entity(eid, "Place", name, country=cname, country_code=code,
                                       code=gid)
        return local[key]

    text_parts: list[str] = []
    offset = 0
    meetings: list[Meeting] = []
    ids: dict[str, str] = {}
    for n, plan in enumerate(plans, 1):
        people = tuple(ent("Person", i) for i in plan.people)
        where = ent("Place", plan.place) if plan.place is not None else None
        names = [entities[p].name for p in people]
        at = f" in {entities[where].name}" if where else ""
        sentence = f"{', '.join(names[:-1])} and {names[-1]} {plan.label}{at}."
        evidence = Evidence(sentence, offset, offset + len(sentence))
        text_parts.append(sentence)
        offset += len(sentence) + 1
        mid = f"m{n}"
        ids[mid] = plan.iri
        meetings.append(Meeting(
            id=mid, participants=people, status=plan.status,  # type: ignore[arg-type]
            location=where, date=plan.date.isoformat()[:plan.precision],
            mode=plan.mode, kind=plan.kind,  # type: ignore[arg-type]
            topics=tuple(world.topics[t] for t in plan.topics),
            excluded_topics=tuple(world.topics[t] for t in plan.excluded),
            evidence=(evidence,), confidence=round(rng.uniform(0.5, 0.95), 2), label=plan.label,
        ))
    published = max(p.date for p in plans) + dt.timedelta(days=rng.randrange(3))
    article = Article(id=doc, text=" ".join(text_parts), title=f"Report {doc}",
                      published=published, url=f"https://news.example.org/{doc}",
                      source=rng.choice(_SOURCES))
    extraction = Extraction(article, tuple(entities.values()), tuple(meetings))
    return extraction


def extractions(meetings: int, seed: int = 0) -> Iterator[tuple[Extraction, Identities]]:
    """The generated articles with the identities ``resolve`` would give them."""
    world = World(meetings, seed)
    rng = random.Random(f"meetings-{seed}")
    plans = [_plan(world, rng, i, seed) for i in range(meetings)]
    repeats = [p for p in plans if rng.random() < _REPEAT_SHARE]
    rng.shuffle(repeats)
    queue = plans + repeats
    doc_no = 0
    i = 0
    while i < len(queue):
        size = rng.choice((1, 1, 2, 2, 3))
        batch = list({p.iri: p for p in queue[i:i + size]}.values())
        i += size
        doc_no += 1
        doc = f"synth-{seed}-{doc_no:07d}"
        extraction = _article(world, batch, doc, rng)
        meeting_ids = {f"m{n}": p.iri for n, p in enumerate(batch, 1)}
        yield extraction, Identities(article_iri(doc), meetings=meeting_ids)


def write_graph(out: BinaryIO, *, meetings: int, seed: int = 0) -> SynthStats:
    """Write the N-Quads of a synthetic graph of ``meetings`` meetings to ``out``."""
    start = time.perf_counter()
    counts = {"articles": 0, "quads": 0}

    def quads() -> Iterator[Quad]:
        nodes = NodeDescriptions()
        for extraction, ids in extractions(meetings, seed):
            counts["articles"] += 1
            parts = article_graph(extraction, ids)
            nodes.add(parts.nodes)
            counts["quads"] += len(parts.quads)
            yield from parts.quads
        described = nodes.quads()
        counts["quads"] += len(described)
        yield from described

    serialize(quads(), out, RdfFormat.N_QUADS)
    people = max(50, meetings // 5)
    return SynthStats(meetings, counts["articles"], counts["quads"], people,
                      time.perf_counter() - start)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--meetings", type=int, required=True, help="how many meetings")
    ap.add_argument("--out", required=True, help="N-Quads file to write")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    if args.meetings < 1:
        ap.error("--meetings must be at least 1")
    path = Path(args.out)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as out:
        stats = write_graph(out, meetings=args.meetings, seed=args.seed)
    print(f"wrote {path}: {stats.meetings} meetings in {stats.articles} articles, "
          f"{stats.quads} quads, {stats.people} people, {stats.seconds:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
