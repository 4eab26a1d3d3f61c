"""The whole pipeline against the project's own annotated articles (tests/gold): every offset
points at the text, and the scores stay above the bars the development set has reached.

Nothing here reads outside the repository: the scoring is ``summits.evaluation``.
"""

import json
import re
from pathlib import Path

import pytest

from summits.evaluation import Total, evaluate
from summits.extraction import EXTRACTOR_VERSION, extract, extract_many
from summits.reading import read_bytes

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "gold"
HELDOUT = ROOT / "tests" / "heldout"  # real reports kept apart from tuning: checked, never scored here
SETS = {"development": (GOLD, 117), "held-out": (HELDOUT, 22)}
SEED = ROOT / "seeds" / "000_6dcfb589539ca209.txt"
# What the development set of real reports reaches today (each article's F1 averaged, as the
# TOTAL line prints it), less a margin: a change that costs more fails here. Raise them as the
# extraction improves.
BARS = {"participants": 0.84, "quotes": 0.94, "attributed": 0.83, "reported": 0.75, "agreements": 0.81}
SUMMIT_BAR = 0.81
MENTIONED_TAKEN_AS_PRESENT = 14  # people only mentioned whom the extraction takes for participants


def read(path: Path) -> str:
    return read_bytes(path.read_bytes()).text


def gold_files() -> list[Path]:
    return sorted((GOLD / "annotations").glob("*.json"))


def articles() -> list[Path]:
    return [SEED, *sorted((GOLD / "articles").glob("*.txt"))]


@pytest.mark.parametrize("path", articles(), ids=lambda p: p.stem)
def test_every_offset_points_at_the_text(path):
    text = read(path)
    result = extract(text)
    for item in [*result.statements, *result.agreements]:
        assert text[item.start : item.end] == item.text
    for person in result.participants:
        assert 0 <= person.start < person.end <= len(text)


@pytest.mark.parametrize("folder", [GOLD, HELDOUT], ids=["development", "held-out"])
def test_every_gold_quote_and_evidence_is_in_its_article_as_stored(folder):
    for path in sorted((folder / "annotations").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = (folder / "articles" / gold["article"]).read_text(encoding="utf-8")
        spans = [s["quote"] for s in gold.get("statements", [])]
        spans += [s["evidence"] for s in gold.get("reported_statements", [])]
        spans += [a["evidence"] for a in gold.get("agreements", []) + gold.get("agreements_optional", [])]
        assert [span for span in spans if span not in text] == [], path.name


@pytest.mark.parametrize("name", SETS)
def test_each_set_is_real_and_every_article_has_its_source(name):
    folder, size = SETS[name]
    sources = (folder / "SOURCES.md").read_text(encoding="utf-8")
    articles = sorted(p.stem for p in (folder / "articles").glob("*.txt"))
    assert len(articles) >= size
    annotated = sorted(p.stem for p in (folder / "annotations").glob("*.json"))
    assert annotated == articles
    lines = {name: [line for line in sources.splitlines() if name in line] for name in articles}
    assert [name for name, found in lines.items() if len(found) != 1] == []
    assert [name for name, (line,) in lines.items() if not re.search(r"\b[0-9a-f]{40}\b", line)] == []


def test_the_development_set_meets_the_bars():
    scores = evaluate(GOLD / "articles", gold_files())
    total = Total.of(scores)
    reached = {name: round(total.means[name], 2) for name in BARS}
    assert all(reached[name] >= bar for name, bar in BARS.items()), (reached, total.line())
    assert total.summit >= SUMMIT_BAR, total.line()
    assert total.misses["participant only mentioned, taken as present"] <= MENTIONED_TAKEN_AS_PRESENT


def test_extract_many_matches_extract_and_version_is_set():
    text = read(SEED)
    assert extract_many([text])[0] == extract(text)
    assert EXTRACTOR_VERSION
