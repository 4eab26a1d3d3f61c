"""Benchmark: articles per second through ``extract_many`` and its overhead over bare ``nlp.pipe``,
then the cost per 10 KB as one article grows (10 KB, 100 KB, 1 MB) and for one 40 KB sentence.

Run with ``python -m summits.extraction.bench`` (``make bench`` measures the import beside bare
``nlp.pipe`` with ``bare_pipe_seconds`` and ``load_texts``). Not a test: nothing is asserted.
"""

from __future__ import annotations

import argparse
import re
import time
from collections import deque
from pathlib import Path

from .boilerplate import CAPTION_MARKS, STORY, read_layout
from .nlp import get_nlp
from .pipeline import extract, extract_many

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [ROOT / "seeds", ROOT / "tests" / "gold" / "articles"]  # the project's own, real articles
KB = 1024
SIZES_KB = (10, 100, 1024)  # 10 KB, 100 KB and 1 MB of article text
SENTENCE_KB = 40
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“‘'])")


def load_texts(size: int | None = None, *, distinct: bool = False) -> list[str]:
    """The project's real articles, repeated up to ``size``. ``distinct``: a repeated article ends
    with a line of its own ("(Copy 2.)"), so that an import takes it as another article."""
    texts = [p.read_text(encoding="utf-8") for d in SOURCES if d.is_dir() for p in sorted(d.glob("*.txt"))]
    if not texts:
        raise SystemExit("no articles found")
    if size is None:
        return texts
    repeated = (texts * (size // len(texts) + 1))[:size]
    if distinct:
        repeated = [
            text if i < len(texts) else f"{text.rstrip()}\n\n(Copy {i // len(texts) + 1}.)\n"
            for i, text in enumerate(repeated)
        ]
    return repeated


def long_article(texts: list[str], size: int) -> str:
    """Whole articles, one after another, cut at the paragraph break nearest ``size`` characters."""
    parts, total = [], 0
    while total < size:
        for text in texts:
            parts.append(text.strip())
            total += len(text) + 2
            if total >= size:
                break
    article = "\n\n".join(parts)
    cut = article.rfind("\n\n", 0, size)
    return article[:cut] if cut > size // 2 else article[:size]


def run_on_sentence(texts: list[str], size: int) -> str:
    """The articles' story sentences joined by ", and " into one sentence of about ``size``
    characters (none that would make the paragraph read as a caption)."""
    pieces, total = [], 0
    sentences = [
        s.strip().rstrip(".!?")
        for t in texts
        for b in read_layout(t).blocks
        if b.kind == STORY
        for s in SENTENCE_END.split(b.text)
        if len(s.split()) > 3 and not CAPTION_MARKS.search(s)
    ]
    while total < size:
        for sentence in sentences:
            line = " ".join(sentence.split())
            pieces.append(line)
            total += len(line) + 6
            if total >= size:
                break
    return ", and ".join(pieces) + "."


def timed(func) -> float:
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def bare_pipe_seconds(texts: list[str]) -> float:
    """Seconds spaCy's bare ``nlp.pipe`` takes on ``texts``, the model loaded and warmed up first:
    what the extraction and the import are measured against."""
    nlp = get_nlp()
    list(nlp.pipe(texts[:4]))  # warm up
    # each Doc dropped once made, as the extraction and the import drop theirs: memory stays flat
    return timed(lambda: deque(nlp.pipe(texts), maxlen=0))


def throughput(texts: list[str]) -> None:
    nlp = get_nlp()
    bare = bare_pipe_seconds(texts)
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


def scaling(texts: list[str], sizes_kb: tuple[int, ...], sentence_kb: int) -> None:
    extract(texts[0])  # warm up: the model loads on first use
    print(f"\n{'one article':28} {'characters':>10} {'seconds':>8} {'s per 10 KB':>12}")
    rows = [(f"{kb} KB of articles", long_article(texts, kb * KB)) for kb in sizes_kb]
    rows.append((f"one {sentence_kb} KB sentence", run_on_sentence(texts, sentence_kb * KB)))
    for name, text in rows:
        try:
            secs = timed(lambda text=text: extract(text))
        except Exception as error:  # the benchmark reports a failure and goes on
            print(f"{name:28} {len(text):10} failed: {type(error).__name__}: {str(error)[:60]}")
            continue
        print(f"{name:28} {len(text):10} {secs:8.2f} {secs * 10 * KB / len(text):12.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100, help="articles in the batch")
    parser.add_argument(
        "--sizes", default=",".join(map(str, SIZES_KB)), help="article sizes in KB, comma-separated"
    )
    parser.add_argument("--sentence", type=int, default=SENTENCE_KB, help="run-on sentence size in KB")
    parser.add_argument("--scaling-only", action="store_true", help="skip the batch throughput")
    args = parser.parse_args()
    if not args.scaling_only:
        throughput(load_texts(args.size))
    sizes = tuple(int(s) for s in args.sizes.split(",") if s.strip())
    scaling(load_texts(), sizes, args.sentence)


if __name__ == "__main__":
    main()
