"""Precision of extracted meetings by confidence band, against a gold file.

Uses the shared scorer's own matching (pair_score, greedy by score), so a meeting
counts as right exactly when score.py would count it as a true positive.

    python scripts/confidence_report.py ../shared/eval/dev/gold.json /tmp/pred.jsonl
"""

from __future__ import annotations

import argparse
import importlib.util
import json
from pathlib import Path
from typing import Any

SCORER = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "score.py"
BANDS = ((0.0, 0.5), (0.5, 0.7), (0.7, 0.85), (0.85, 1.01))


def _scorer(path: Path) -> Any:
    spec = importlib.util.spec_from_file_location("dipgraph_score", path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def matched_confidences(
    gold_path: Path, pred_path: Path, scorer_path: Path = SCORER
) -> list[tuple[float, bool]]:
    """(confidence, matched) for every predicted meeting of a gold document."""
    sc = _scorer(scorer_path)
    golds = {g["doc"]: g for g in json.loads(gold_path.read_text(encoding="utf-8"))}
    out: list[tuple[float, bool]] = []
    for line in pred_path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        obj = json.loads(line)
        gold = golds.get(str(obj.get("doc")))
        if gold is None:
            continue
        pred = sc.Doc(obj)
        cands = []
        for i, pm in enumerate(pred.meetings):
            for j, gm in enumerate(gold.get("meetings") or []):
                score, info = sc.pair_score(pred, pm, gm)
                if info["sim"] >= 0.5:
                    cands.append((score, i, j))
        cands.sort(key=lambda c: -c[0])
        used_p: set[int] = set()
        used_g: set[int] = set()
        for _, i, j in cands:
            if i not in used_p and j not in used_g:
                used_p.add(i)
                used_g.add(j)
        out += [(float(pm.get("confidence", 0)), i in used_p) for i, pm in enumerate(pred.meetings)]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("gold", type=Path)
    ap.add_argument("pred", type=Path)
    args = ap.parse_args()
    rows = matched_confidences(args.gold, args.pred)
    print(f"{'band':<12} {'meetings':>8} {'right':>6} {'precision':>9}")
    for lo, hi in BANDS:
        sel = [ok for c, ok in rows if lo <= c < hi]
        prec = f"{sum(sel) / len(sel):.3f}" if sel else "-"
        print(f"[{lo:.2f},{min(hi, 1):.2f}) {len(sel):>8} {sum(sel):>6} {prec:>9}")


if __name__ == "__main__":
    main()
