"""How articles become graph: read -> extract -> resolve -> triples -> store.

:class:`Ingestor` keeps every extraction (``data_dir/extractions.jsonl``) so that
resolution can be recomputed over the whole set when new articles arrive: the graph
after ingesting articles one at a time, in any order, equals the graph after
ingesting them all at once.

>>> from graph.store import GraphStore
>>> from graph.model import Article
>>> ing = Ingestor(GraphStore())
>>> report = ing.ingest([Article("a1", "Chinese Foreign Minister Wang Yi met Russian "
...     "Foreign Minister Sergei Lavrov in Beijing on Monday.")])
>>> len(report.extractions[0].meetings), len(ing.store) > 0
(1, True)
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pyoxigraph import NamedNode, Triple

from graph.errors import SourceError
from graph.extract.extractor import Extractor
from graph.iri import nodes_graph_iri, resolved_graph_iri
from graph.model import Article, Entity, Evidence, Extraction, Identities, Meeting
from graph.namespace import DG, RDF
from graph.resolve import consolidate, resolve_all
from graph.sources import read_paths
from graph.store import GraphStore
from graph.triples import NodeDescriptions, article_graph, resolved_quads

__all__ = ["EXTRACTIONS_FILE", "IngestReport", "Ingestor", "extract_paths",
           "extraction_from_record", "extraction_to_record"]

EXTRACTIONS_FILE = "extractions.jsonl"


def extract_paths(paths: Iterable[str | Path], extractor: Extractor | None = None,
                  batch_size: int = 64) -> Iterator[Extraction | SourceError]:
    """Extractions of every article under ``paths``; unreadable inputs come out as
    :class:`SourceError` values in place, never stopping the rest."""
    ex = extractor or Extractor()
    batch: list[Article] = []
    for item in read_paths(paths):
        if isinstance(item, SourceError):
            yield from ex.extract_safely(batch)
            batch = []
            yield item
            continue
        batch.append(item)
        if len(batch) >= batch_size:
            yield from ex.extract_safely(batch)
            batch = []
    yield from ex.extract_safely(batch)


@dataclass
class IngestReport:
    extractions: list[Extraction] = field(default_factory=list)
    errors: list[SourceError] = field(default_factory=list)


class Ingestor:
    """Ingests articles into a store, re-resolving identities over all articles seen."""

    def __init__(self, store: GraphStore, data_dir: Path | str | None = None,
                 extractor: Extractor | None = None) -> None:
        self.store = store
        self.data_dir = Path(data_dir) if data_dir is not None else store.data_dir
        self._extractor = extractor
        self._lock = threading.Lock()
        self.extractions: dict[str, Extraction] = {}
        # doc -> (identities its graph was written with, meeting nodes written in it,
        # its description of the nodes it mentions, counted in self._nodes)
        self._written: dict[str, tuple[Identities, frozenset[str], list[Triple]]] = {}
        self._nodes = NodeDescriptions()
        if self.data_dir is not None and (self.data_dir / EXTRACTIONS_FILE).exists():
            for line in (self.data_dir / EXTRACTIONS_FILE).read_text(encoding="utf-8").splitlines():
                if line.strip():
                    ex = extraction_from_record(json.loads(line))
                    self.extractions[ex.article.id] = ex

    @property
    def extractor(self) -> Extractor:
        if self._extractor is None:
            self._extractor = Extractor()
        return self._extractor

    def ingest(self, articles: Iterable[Article | SourceError],
               progress: bool = False) -> IngestReport:
        report = IngestReport()
        good: list[Article] = []
        for a in articles:
            (report.errors if isinstance(a, SourceError) else good).append(a)  # type: ignore[arg-type]
        items: Iterable[Extraction] = self.extractor.extract_many(good)
        if progress:
            from tqdm import tqdm

            items = tqdm(items, total=len(good), unit="article", desc="extract")
        report.extractions = list(items)
        self.add_extractions(report.extractions)
        return report

    def add_extractions(self, extractions: Iterable[Extraction], save: bool = True) -> None:
        """Store extractions, re-resolve over all of them, rewrite the article graphs
        whose identities changed (and the new ones), the nodes graph
        (:func:`graph.iri.nodes_graph_iri`: every node described once, merged from the
        current descriptions of all articles, so a replaced article leaves nothing stale)
        and the resolved graph (:func:`graph.iri.resolved_graph_iri`: each meeting's
        consolidated status and date with its sources)."""
        with self._lock:
            new = {ex.article.id for ex in extractions if not self._put(ex)}
            identities = resolve_all(self.extractions.values())
            for doc, ex in self.extractions.items():
                ids = identities[doc]
                written = self._written.get(doc)
                if doc in new or written is None or written[0] != ids:
                    parts = article_graph(ex, ids)
                    self.store.replace_graph(ids.article, parts.quads)
                    nodes = frozenset(
                        q.subject.value for q in parts.quads
                        if q.predicate == RDF.type and q.object == DG.Meeting
                        and isinstance(q.subject, NamedNode))
                    if written is not None:
                        self._nodes.remove(written[2])
                    self._nodes.add(parts.nodes)
                    self._written[doc] = (ids, nodes, parts.nodes)
            self.store.replace_graph(nodes_graph_iri(), self._nodes.quads())
            shown = {n for _, nodes, _ in self._written.values() for n in nodes}
            consensus = consolidate(self.extractions.values(), identities).values()
            self.store.replace_graph(resolved_graph_iri(), resolved_quads(consensus, shown))
            if save:
                self._save()

    def _put(self, ex: Extraction) -> bool:
        """Keep an extraction; ``True`` if the same one was already kept."""
        same = self.extractions.get(ex.article.id) == ex
        self.extractions[ex.article.id] = ex
        return same

    def _save(self) -> None:
        if self.data_dir is None:
            return
        self.data_dir.mkdir(parents=True, exist_ok=True)
        path = self.data_dir / EXTRACTIONS_FILE
        tmp = path.with_suffix(".tmp")
        with tmp.open("w", encoding="utf-8") as out:
            for doc in sorted(self.extractions):
                record = extraction_to_record(self.extractions[doc])
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        os.replace(tmp, path)
        self.store.save()


def extraction_to_record(ex: Extraction) -> dict[str, Any]:
    """A lossless JSON form of an extraction (for ``extractions.jsonl``)."""
    rec = dataclasses.asdict(ex)
    pub = ex.article.published
    rec["article"]["published"] = pub.isoformat() if pub else None
    return rec


def extraction_from_record(rec: dict[str, Any]) -> Extraction:
    art = dict(rec["article"])
    art["published"] = dt.date.fromisoformat(art["published"]) if art.get("published") else None
    ents = tuple(Entity(**{**e, "aliases": tuple(e["aliases"])}) for e in rec["entities"])
    meets = tuple(
        Meeting(**{**m, "participants": tuple(m["participants"]), "topics": tuple(m["topics"]),
                   "excluded_topics": tuple(m["excluded_topics"]),
                   "evidence": tuple(Evidence(**ev) for ev in m["evidence"])})
        for m in rec["meetings"]
    )
    return Extraction(Article(**art), ents, meets)
