"""Extraction throughput on one core over the first N articles of bulk.jsonl.gz.

Prints articles/s and words/s for the extraction (rules-only by default, ``--ner`` for
the statistical NER in front), and the ratio to a bare ``spacy.blank("en")``
tokenization pass over the same texts (stable on a noisy machine).

    python scripts/bench_extract.py --n 2000
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import spacy
from tqdm import tqdm

from graph.errors import SourceError
from graph.extract.extractor import Extractor
from graph.sources import read_paths

BULK = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "bulk.jsonl.gz"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=2000, help="how many articles")
    ap.add_argument("--path", default=str(BULK))
    ap.add_argument("--ner", action="store_true")
    args = ap.parse_args()
    arts = []
    for a in read_paths([args.path]):
        if not isinstance(a, SourceError):
            arts.append(a)
        if len(arts) >= args.n:
            break
    words = sum(len(a.text.split()) for a in arts)
    ex = Extractor(use_ner=args.ner)
    ex.extract(arts[0])  # load the gazetteers before timing
    blank = spacy.blank("en")
    t0 = time.perf_counter()
    for _ in blank.pipe(a.text for a in arts):
        pass
    t_blank = time.perf_counter() - t0
    t0 = time.perf_counter()
    meetings = 0
    for e in tqdm(ex.extract_many(arts), total=len(arts), unit="article"):
        meetings += len(e.meetings)
    t_ex = time.perf_counter() - t0
    print(
        f"articles {len(arts)}  words {words}  meetings {meetings}  "
        f"path {'ner+rules' if args.ner else 'rules'}"
    )
    print(f"extraction: {len(arts) / t_ex:.1f} articles/s  {words / t_ex:.0f} words/s")
    print(f"blank tokenizer: {len(arts) / t_blank:.1f} articles/s")
    print(f"ratio extraction/tokenization: {t_ex / t_blank:.2f}")


if __name__ == "__main__":
    main()
