"""Extraction throughput on one core over the first N articles of bulk.jsonl.gz.

Prints articles/s and words/s for the extraction (rules-only by default, ``--ner`` for
the statistical NER in front), and the ratio to a bare ``spacy.blank("en")``
tokenization pass over the same texts. The two passes take turns, chunk by chunk, so a
change in what else the machine runs touches both alike; both the wall-clock ratio and
the ratio of CPU time (this process only) are printed, the second being the steadier
on a shared machine.

    python scripts/bench_extract.py --n 2000
"""

from __future__ import annotations

import argparse
import itertools
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import spacy
from tqdm import tqdm

from graph.errors import SourceError
from graph.extract.extractor import Extractor
from graph.model import Article
from graph.sources import read_paths

__all__ = ["BULK", "Timing", "main", "measure"]

BULK = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "bulk.jsonl.gz"


@dataclass
class Timing:
    """Seconds spent by each pass, wall clock and CPU."""

    articles: int = 0
    words: int = 0
    meetings: int = 0
    blank_wall: float = 0.0
    blank_cpu: float = 0.0
    extract_wall: float = 0.0
    extract_cpu: float = 0.0

    def report(self) -> list[str]:
        n, w = self.articles, self.words
        tiny = 1e-9  # a clock that did not move on a tiny input
        blank_cpu, extract_cpu = max(self.blank_cpu, tiny), max(self.extract_cpu, tiny)
        return [
            f"extraction: {n / self.extract_wall:.1f} articles/s  {w / self.extract_wall:.0f}"
            f" words/s  (CPU time: {n / extract_cpu:.1f} articles/s)",
            f"blank tokenizer: {n / self.blank_wall:.1f} articles/s"
            f"  (CPU time: {n / blank_cpu:.1f} articles/s)",
            f"ratio extraction/tokenization: {self.extract_wall / self.blank_wall:.2f}"
            f"  (CPU time: {extract_cpu / blank_cpu:.2f})",
        ]


def measure(
    arts: Sequence[Article], extractor: Extractor, chunk: int = 50, progress: bool = True
) -> Timing:
    """Tokenize each chunk with ``spacy.blank("en")``, then extract it; add up the times."""
    blank = spacy.blank("en")
    timing = Timing(articles=len(arts), words=sum(len(a.text.split()) for a in arts))
    with tqdm(total=len(arts), unit="article", disable=not progress) as bar:
        for lo in range(0, len(arts), chunk):
            part = arts[lo : lo + chunk]
            w0, c0 = time.perf_counter(), time.process_time()
            for _ in blank.pipe(a.text for a in part):
                pass
            w1, c1 = time.perf_counter(), time.process_time()
            timing.meetings += sum(len(e.meetings) for e in extractor.extract_many(list(part)))
            w2, c2 = time.perf_counter(), time.process_time()
            timing.blank_wall += w1 - w0
            timing.blank_cpu += c1 - c0
            timing.extract_wall += w2 - w1
            timing.extract_cpu += c2 - c1
            bar.update(len(part))
    return timing


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=2000, help="how many articles")
    ap.add_argument("--path", default=str(BULK))
    ap.add_argument("--ner", action="store_true")
    args = ap.parse_args(argv)
    items = (a for a in read_paths([args.path]) if not isinstance(a, SourceError))
    arts = list(itertools.islice(items, args.n))
    if not arts:
        raise SystemExit(f"bench_extract: no readable articles in {args.path}")
    ex = Extractor(use_ner=args.ner)
    ex.extract(Article("warm-up", "Loads the gazetteers before timing."))
    timing = measure(arts, ex)
    print(
        f"articles {timing.articles}  words {timing.words}  meetings {timing.meetings}  "
        f"path {'ner+rules' if ex.use_ner else 'rules'}"
    )
    print("\n".join(timing.report()))


if __name__ == "__main__":
    main()
