"""Benchmark: articles per second through ``extract_many`` and its overhead over bare ``nlp.pipe``.

Run with ``make bench`` (``python -m summits.extraction.bench``). Not a test: nothing is asserted.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from .boilerplate import read_layout
from .nlp import get_nlp
from .pipeline import extract_many

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [ROOT.parent / "shared" / "eval" / "articles", ROOT / "seeds", ROOT / "tests" / "gold" / "articles"]


def load_texts(size: int) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for d in SOURCES if d.is_dir() for p in sorted(d.glob("*.txt"))]
    if not texts:
        raise SystemExit("no articles found")
    return (texts * (size // len(texts) + 1))[:size]


def timed(func) -> float:
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100, help="articles in the batch")
    args = parser.parse_args()
    texts = load_texts(args.size)
    nlp = get_nlp()
    list(nlp.pipe(texts[:4]))  # warm up
    bare = timed(lambda: list(nlp.pipe(texts)))
    bare_story = timed(lambda: list(nlp.pipe(read_layout(t).story_text for t in texts)))
    full = timed(lambda: extract_many(texts))
    n = len(texts)
    rows = [
        ("bare nlp.pipe (raw text)", bare),
        ("nlp.pipe (story text)", bare_story),
        ("extract_many", full),
    ]
    print(f"{n} articles, {sum(map(len, texts)) // n} characters on average")
    print(f"{'run':28} {'seconds':>8} {'articles/s':>11} {'vs bare':>8}")
    for name, secs in rows:
        print(f"{name:28} {secs:8.2f} {n / secs:11.1f} {secs / bare:7.2f}x")


if __name__ == "__main__":
    main()
