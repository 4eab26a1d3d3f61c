"""The import's throughput and peak memory beside spaCy's bare ``nlp.pipe`` on the same texts.

``python -m summits.benchmark.importing --mode pipe|extract|import --texts N`` measures one way
of reading the project's real articles (``summits.extraction.bench.load_texts``, repeated ones
made distinct), in a process of its own so that its peak memory (the maximum resident set size)
is its own; the model is loaded and warmed up before the clock starts. ``import`` writes every
article with ``ingest.import_article`` into the database of ``DATABASE_URL`` (a scratch
database: ``summits.benchmark.run`` makes a new one each time). Prints JSON on stdout.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time

MODES = ("pipe", "extract", "import")


def measure(mode: str, texts: list[str]) -> tuple[float, int]:
    """(seconds, articles that failed) for reading ``texts`` the ``mode`` way."""
    from summits.extraction.bench import bare_pipe_seconds, timed

    if mode == "pipe":
        return bare_pipe_seconds(texts), 0
    if mode == "extract":
        from summits.extraction import extract, extract_many

        extract(texts[0])  # loads the model
        return timed(lambda: extract_many(texts)), 0
    return import_seconds(texts)


def import_seconds(texts: list[str]) -> tuple[float, int]:
    """Each text imported as the command imports a file (approved, refusals imported anyway)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from summits import ingest
    from summits.extraction.nlp import get_nlp

    list(get_nlp().pipe(texts[:4]))  # the model loaded and warm, as for bare nlp.pipe
    failed = 0
    started = time.perf_counter()
    for number, text in enumerate(texts):
        try:
            ingest.import_article(text=text, approve=True, allow_no_meeting=True, origin=f"bench {number}")
        except ingest.ArticleRejected:
            failed += 1
    return time.perf_counter() - started, failed


def main(argv: list[str] | None = None) -> None:
    from summits.extraction.bench import load_texts

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mode", choices=MODES, required=True)
    parser.add_argument("--texts", type=int, default=100, help="articles to read")
    args = parser.parse_args(argv)
    texts = load_texts(args.texts, distinct=True)
    seconds, failed = measure(args.mode, texts)
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux
    json.dump(
        {
            "mode": args.mode,
            "articles": len(texts),
            "characters": sum(map(len, texts)),
            "failed": failed,
            "seconds": seconds,
            "per_second": len(texts) / seconds if seconds else 0.0,
            "peak_mb": peak_kb / 1024,
        },
        sys.stdout,
    )


if __name__ == "__main__":
    main()
