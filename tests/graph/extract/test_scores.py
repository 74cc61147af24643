"""Extraction measured with the shared scorer, on the seeds, the development set and our
own sample corpus. Floors, so that a change cannot quietly lose accuracy."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from graph.extract.extractor import Extractor
from graph.pipeline import extract_paths

ROOT = Path(__file__).resolve().parents[3]
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "eval" / "score.py"
GOLD = SHARED / "eval" / "dev" / "gold.json"
SEEDS = [SHARED / "corpus" / "dev" / "seed-000.txt", SHARED / "corpus" / "dev" / "seed-002.txt"]
DEV = SHARED / "corpus" / "dev" / "dev.jsonl"
SAMPLE = ROOT / "scripts" / "sample_corpus"


def _scorer():
    spec = importlib.util.spec_from_file_location("dipgraph_score", SCORER)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _score(gold_path: Path, paths: list[Path], only_predicted: bool, tmp_path: Path) -> dict:
    pred = tmp_path / "pred.jsonl"
    with pred.open("w", encoding="utf-8") as out:
        for ex in extract_paths(paths, Extractor()):
            assert not isinstance(ex, Exception), ex
            out.write(json.dumps(ex.to_json()) + "\n")
    args = [str(gold_path), str(pred), "--json"] + (["--only-predicted"] if only_predicted else [])
    import contextlib
    import io

    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        assert _scorer().main(args) == 0
    return json.loads(buf.getvalue())


@pytest.fixture(scope="module")
def seeds(tmp_path_factory) -> dict:
    return _score(GOLD, SEEDS, True, tmp_path_factory.mktemp("seeds"))


@pytest.fixture(scope="module")
def dev(tmp_path_factory) -> dict:
    return _score(GOLD, [*SEEDS, DEV], False, tmp_path_factory.mktemp("dev"))


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> dict:
    return _score(SAMPLE / "gold.json", [SAMPLE], False, tmp_path_factory.mktemp("sample"))


def test_seeds_meet_the_first_issue_targets(seeds: dict) -> None:
    assert seeds["entities"]["Person"]["f1"] >= 0.9
    assert seeds["meetings"]["f1"] >= 0.8
    assert all(s["furniture_fp"] == 0 for s in seeds["entities"].values())
    assert seeds["negated_topic_violations"] == 0


# Floors at the level measured after issue 3's accuracy work (rules only): each at or a
# little under what was measured, and never under the issue's target.
DEV_FLOORS = {
    ("entities", "Person", "f1"): 0.95,
    ("entities", "Country", "f1"): 0.97,
    ("entities", "Organization", "f1"): 0.90,
    ("meetings", "f1"): 0.85,
    ("meeting_people", "f1"): 0.92,
    ("location_accuracy",): 0.95,
    ("date_accuracy",): 0.90,
    ("status_accuracy",): 1.0,
    ("topic_recall",): 0.65,
}


@pytest.mark.parametrize("path,floor", sorted(DEV_FLOORS.items()), ids=lambda v: str(v))
def test_development_set_does_not_drop(dev: dict, path: tuple[str, ...], floor: float) -> None:
    value = dev
    for key in path:
        value = value[key]
    assert value >= floor, f"{'.'.join(path)} = {value} < {floor}"


def test_development_set_never_gives_an_excluded_topic_as_topic(dev: dict) -> None:
    assert dev["negated_topic_violations"] == 0


@pytest.mark.parametrize(
    "path,floor",
    [
        (("entities", "Person", "f1"), 0.93),
        (("meetings", "f1"), 0.84),  # 0.851: a summit of one named body, with its attendees
        (("status_accuracy",), 0.9),
        (("location_accuracy",), 0.75),  # 0.763
        # 0.526: a bare "Xi" now finds Xi Jinping, so one more meeting matches, without topics
        (("topic_recall",), 0.52),
    ],
    ids=lambda v: str(v),
)
def test_sample_corpus_does_not_drop(sample: dict, path: tuple[str, ...], floor: float) -> None:
    value = sample
    for key in path:
        value = value[key]
    assert value >= floor
    assert sample["negated_topic_violations"] == 0


def test_confident_meetings_are_more_often_right(tmp_path: Path) -> None:
    from scripts.confidence_report import matched_confidences

    rows = []
    for gold_path, paths in ((GOLD, [*SEEDS, DEV]), (SAMPLE / "gold.json", [SAMPLE])):
        pred = tmp_path / f"{gold_path.parent.name}.jsonl"
        with pred.open("w", encoding="utf-8") as out:
            for ex in extract_paths(paths, Extractor()):
                out.write(json.dumps(ex.to_json()) + "\n")  # type: ignore[union-attr]
        rows += matched_confidences(gold_path, pred, SCORER)
    high = [ok for c, ok in rows if c >= 0.85]
    low = [ok for c, ok in rows if c < 0.7]
    assert len(high) >= 10 and len(low) >= 5
    assert sum(high) / len(high) > sum(low) / len(low)
