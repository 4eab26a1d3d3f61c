"""Debugging entry point: ``python -m summits.extraction PATH [--published YYYY-MM-DD]``."""

import argparse
import datetime as dt
import json
from pathlib import Path

from . import extract


def main() -> None:
    parser = argparse.ArgumentParser(description="Print the extraction of one article as JSON.")
    parser.add_argument("path", type=Path)
    parser.add_argument("--published", type=dt.date.fromisoformat, default=None)
    args = parser.parse_args()
    text = args.path.read_text(encoding="utf-8")
    print(json.dumps(extract(text, published=args.published).to_dict(), ensure_ascii=False))


if __name__ == "__main__":
    main()
