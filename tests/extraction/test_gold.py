"""The whole pipeline against annotated articles: offsets, and the seed pinned to its gold."""

import importlib.util
import json
from pathlib import Path

import pytest

from summits.extraction import EXTRACTOR_VERSION, extract, extract_many

ROOT = Path(__file__).resolve().parents[2]
EVAL = ROOT.parent / "shared" / "eval"
SEED = ROOT / "seeds" / "000_6dcfb589539ca209.txt"
GOLD_DIRS = [
    (EVAL / "articles", EVAL / "gold"),
    (ROOT / "tests/gold/articles", ROOT / "tests/gold/annotations"),
]


def articles():
    found = [SEED]
    for articles_dir, _gold in GOLD_DIRS:
        found += sorted(articles_dir.glob("*.txt")) if articles_dir.is_dir() else []
    return found


def load_scorer():
    spec = importlib.util.spec_from_file_location("score", EVAL / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("path", articles(), ids=lambda p: p.stem)
def test_every_offset_points_at_the_text(path):
    text = path.read_text(encoding="utf-8")
    result = extract(text)
    for item in [*result.statements, *result.agreements]:
        assert text[item.start : item.end] == item.text


def test_seed_regression_against_its_gold():
    if not (EVAL / "score.py").exists():
        pytest.skip("shared/eval is not beside the project")
    scorer = load_scorer()
    gold = json.loads((EVAL / "gold" / f"{SEED.stem}.json").read_text(encoding="utf-8"))
    text = SEED.read_text(encoding="utf-8")
    scores = scorer.score(extract(text).to_dict(), gold, text)
    assert scores["participants"][2] >= 0.95
    assert scores["quotes"][2] >= 0.95
    assert scores["attributed"][2] >= 0.90
    assert scores["reported"][2] >= 0.75
    assert scores["agreements"][2] >= 0.80
    assert scores["summit"] >= 0.90
    assert scores["leaked"] == []


@pytest.mark.parametrize("articles_dir,gold_dir", GOLD_DIRS, ids=["shared-eval", "tests-gold"])
def test_gold_sets_meet_the_bars(articles_dir, gold_dir):
    if not gold_dir.is_dir():
        pytest.skip("gold set not present")
    scorer = load_scorer()
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(gold_dir.glob("*.json"))]
    texts = [(articles_dir / g["article"]).read_text(encoding="utf-8") for g in golds]
    results = extract_many(texts)
    scores = [scorer.score(r.to_dict(), g, t) for r, g, t in zip(results, golds, texts, strict=True)]
    mean = {k: sum(s[k][2] for s in scores) / len(scores) for k in ("participants", "quotes", "attributed")}
    assert mean["participants"] >= 0.9 and mean["quotes"] >= 0.9 and mean["attributed"] >= 0.85
    assert sum(len(s["leaked"]) for s in scores) == 0


def test_extract_many_matches_extract_and_version_is_set():
    text = SEED.read_text(encoding="utf-8")
    assert extract_many([text])[0] == extract(text)
    assert EXTRACTOR_VERSION
