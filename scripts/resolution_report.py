"""How well identity resolution did on a corpus, and what it costs.

Extracts every article once, resolves, and prints for persons, organizations and
meetings: nodes, mentions merged into them, and candidate duplicates (pairs of nodes a
person would look at twice) with a fixed sample of 10 to check by eye:

- persons and organizations: two nodes whose normalised names have a
  :class:`difflib.SequenceMatcher` ratio of at least ``--threshold`` (0.85);
- meetings: two nodes with a report each naming the same set of parties and persons
  with dates that do not conflict.

Then it times the ingest (resolve, triples, store) with resolution against the same
ingest where every mention is its own node (identities keyed per article), best of
``--repeat`` runs, and prints the ratio.

    .venv/bin/python scripts/resolution_report.py [../shared/corpus/news.jsonl]
"""

from __future__ import annotations

import argparse
import difflib
import itertools
import random
import re
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from graph import iri
from graph.model import Extraction, Identities
from graph.pipeline import Ingestor, extract_paths
from graph.resolve import dates_compatible, resolve_all
from graph.store import GraphStore
from graph.triples import article_graph, nodes_quads

__all__ = ["CORPUS", "KindReport", "candidate_pairs", "kind_reports", "main",
           "meeting_candidates", "normalise", "time_ingest", "unresolved_identities"]

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "news.jsonl"
_TITLES = re.compile(r"\b(mr|mrs|ms|dr|sir|the)\b\.?", re.IGNORECASE)


def normalise(name: str) -> str:
    """Lower case, titles and punctuation dropped, spaces collapsed.

    >>> normalise("Mr. Sergei  Lavrov")
    'sergei lavrov'
    """
    text = _TITLES.sub(" ", name.lower())
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


@dataclass
class KindReport:
    """Nodes of one kind: their spellings (with counts) and the articles naming them."""

    kind: str
    mentions: int = 0
    names: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    docs: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    @property
    def merged(self) -> int:
        """Nodes with more than one mention."""
        return sum(1 for counts in self.names.values() if sum(counts.values()) > 1)

    @property
    def respelled(self) -> int:
        """Nodes carrying more than one normalised spelling."""
        return sum(1 for counts in self.names.values() if len({normalise(n) for n in counts}) > 1)


def kind_reports(exs: Iterable[Extraction], identities: Mapping[str, Identities],
                 kinds: Sequence[str] = ("Person", "Organization")) -> dict[str, KindReport]:
    """Per entity type: mentions, and for each node its names and source articles."""
    out = {k: KindReport(k) for k in kinds}
    for ex in exs:
        ids = identities[ex.article.id]
        for ent in ex.entities:
            rep = out.get(ent.type)
            node = ids.entities.get(ent.id)
            if rep is None or node is None:
                continue
            rep.mentions += 1
            rep.names[node][ent.name] += 1
            rep.docs[node].add(ex.article.id)
    return out


def candidate_pairs(names: Mapping[str, Iterable[str]], threshold: float
                    ) -> list[tuple[float, str, str]]:
    """Node pairs whose closest normalised names reach ``threshold`` (best first).

    >>> candidate_pairs({"a": ["Sergei Lavrov"], "b": ["Sergej Lavrov"], "c": ["Wang Yi"]}, 0.85)
    [(0.923, 'a', 'b')]
    """
    spellings = {node: sorted({normalise(n) for n in ns} - {""}) for node, ns in names.items()}
    flat = sorted((s, node) for node, ss in spellings.items() for s in ss)
    best: dict[tuple[str, str], float] = {}
    matcher = difflib.SequenceMatcher(autojunk=False)
    for i, (b, node_b) in enumerate(flat):
        matcher.set_seq2(b)
        for a, node_a in flat[:i]:
            if node_a == node_b:
                continue
            shorter, longer = sorted((len(a), len(b)))
            if 2 * shorter / (shorter + longer) < threshold:
                continue
            matcher.set_seq1(a)
            if matcher.real_quick_ratio() < threshold or matcher.quick_ratio() < threshold:
                continue
            ratio = matcher.ratio()
            if ratio >= threshold:
                pair = (min(node_a, node_b), max(node_a, node_b))
                best[pair] = max(best.get(pair, 0.0), ratio)
    return sorted(((round(r, 3), a, b) for (a, b), r in best.items()), key=lambda t: (-t[0], t))


@dataclass(frozen=True)
class _MeetingRow:
    node: str
    doc: str
    actors: frozenset[str]
    date: str | None
    status: str


def _meeting_rows(exs: Iterable[Extraction], identities: Mapping[str, Identities]
                  ) -> list[_MeetingRow]:
    rows = []
    for ex in exs:
        ids = identities[ex.article.id]
        for m in ex.meetings:
            node = ids.meetings.get(m.id) or iri.meeting_iri(ids.article, m.id)
            actors = frozenset(ids.entities[p] for p in m.participants if p in ids.entities)
            rows.append(_MeetingRow(node, ex.article.id, actors, m.date, m.status))
    return rows


def meeting_candidates(rows: Sequence[_MeetingRow]) -> list[tuple[_MeetingRow, _MeetingRow]]:
    """One report pair per pair of distinct meeting nodes with the same actors (two or
    more) and dates that do not conflict."""
    by_actors: dict[frozenset[str], list[_MeetingRow]] = defaultdict(list)
    for row in rows:
        if len(row.actors) >= 2:
            by_actors[row.actors].append(row)
    seen: dict[tuple[str, str], tuple[_MeetingRow, _MeetingRow]] = {}
    for group in by_actors.values():
        for a, b in itertools.combinations(sorted(group, key=lambda r: (r.node, r.doc)), 2):
            if a.node == b.node or dates_compatible(a.date, b.date, 1) is False:
                continue
            seen.setdefault((min(a.node, b.node), max(a.node, b.node)), (a, b))
    return [seen[k] for k in sorted(seen)]


def unresolved_identities(exs: Iterable[Extraction]) -> dict[str, Identities]:
    """The baseline: every mention its own node, keyed by its article."""
    out = {}
    for ex in exs:
        doc = ex.article.id
        art = iri.article_iri(doc)
        ents = {e.id: iri.entity_iri(e.type, f"{doc} {e.name}") for e in ex.entities}
        meets = {m.id: iri.meeting_iri(art, m.id) for m in ex.meetings}
        out[doc] = Identities(article=art, entities=ents, meetings=meets)
    return out


def _ingest_resolved(exs: list[Extraction]) -> int:
    ing = Ingestor(GraphStore())
    ing.add_extractions(exs, save=False)
    return len(ing.store)


def _ingest_unresolved(exs: list[Extraction]) -> int:
    store = GraphStore()
    identities = unresolved_identities(exs)
    descriptions = []
    for ex in exs:
        ids = identities[ex.article.id]
        parts = article_graph(ex, ids)
        store.replace_graph(ids.article, parts.quads)
        descriptions.append(parts.nodes)
    store.replace_graph(iri.nodes_graph_iri(), nodes_quads(descriptions))
    return len(store)


def time_ingest(exs: list[Extraction], repeat: int = 3) -> tuple[float, float, int, int]:
    """Best-of-``repeat`` seconds with and without resolution, and the quads each wrote."""
    with_res, without = [], []
    quads = (0, 0)
    for _ in range(repeat):
        t0 = time.perf_counter()
        n_res = _ingest_resolved(exs)
        t1 = time.perf_counter()
        n_plain = _ingest_unresolved(exs)
        t2 = time.perf_counter()
        with_res.append(t1 - t0)
        without.append(t2 - t1)
        quads = (n_res, n_plain)
    return min(with_res), min(without), *quads


def _label(names: Counter[str]) -> str:
    return " / ".join(n for n, _ in names.most_common(3))


def _print_kind(rep: KindReport, threshold: float, rng: random.Random) -> None:
    nodes = len(rep.names)
    print(f"\n## {rep.kind}s")
    print(f"mentions {rep.mentions} -> nodes {nodes} (merged {rep.mentions - nodes}); "
          f"nodes with >1 mention {rep.merged}, with >1 spelling {rep.respelled}")
    multi = sorted(rep.names, key=lambda n: (-len({normalise(s) for s in rep.names[n]}), n))
    print("most spellings:")
    for node in multi[:5]:
        print(f"  {iri.local_id(node)}: {_label(rep.names[node])} ({len(rep.docs[node])} articles)")
    pairs = candidate_pairs(rep.names, threshold)
    print(f"candidate duplicates (name ratio >= {threshold}, left apart): {len(pairs)}")
    for ratio, a, b in sorted(rng.sample(pairs, min(10, len(pairs)))):
        print(f"  {ratio:.2f}  {_label(rep.names[a])} [{iri.local_id(a)}]  <>  "
              f"{_label(rep.names[b])} [{iri.local_id(b)}]")


def _print_meetings(rows: list[_MeetingRow], rng: random.Random) -> None:
    nodes: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        nodes[row.node].add(row.doc)
    merged = [n for n, docs in nodes.items() if len(docs) > 1]
    print("\n## Meetings")
    print(f"reports {len(rows)} -> nodes {len(nodes)} (merged {len(rows) - len(nodes)}); "
          f"nodes reported by >1 article {len(merged)}")
    pairs = meeting_candidates(rows)
    print(f"candidate duplicates (same actors, dates not in conflict, left apart): {len(pairs)}")
    for a, b in rng.sample(pairs, min(10, len(pairs))):
        actors = ", ".join(sorted(iri.local_id(x) for x in a.actors))
        print(f"  {actors}: {a.doc} {a.status} {a.date}  <>  {b.doc} {b.status} {b.date}"
              f"{'  (same article)' if a.doc == b.doc else ''}")


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=CORPUS)
    ap.add_argument("--threshold", type=float, default=0.85)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    exs: list[Extraction] = []
    errors = 0
    for item in extract_paths([args.corpus]):
        if isinstance(item, Extraction):
            exs.append(item)
        else:
            errors += 1
    extract_s = time.perf_counter() - t0
    print(f"# Resolution report: {args.corpus.name}")
    print(f"articles {len(exs)} (unreadable {errors}), extraction {extract_s:.1f} s")

    identities = resolve_all(exs)
    rng = random.Random(0)
    for rep in kind_reports(exs, identities).values():
        _print_kind(rep, args.threshold, rng)
    _print_meetings(_meeting_rows(exs, identities), rng)

    res_s, plain_s, res_q, plain_q = time_ingest(exs, args.repeat)
    print(f"\n## Ingest time (best of {args.repeat}, extraction excluded)")
    print(f"with resolution    {res_s:.3f} s  ({res_q} quads)")
    print(f"without resolution {plain_s:.3f} s  ({plain_q} quads)")
    print(f"ratio {res_s / plain_s:.2f}x (target <= 2x); "
          f"including extraction {(extract_s + res_s) / (extract_s + plain_s):.2f}x")


if __name__ == "__main__":
    main()
