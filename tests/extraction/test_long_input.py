"""Long input is read in bounded pieces: documents over spaCy's limit, run-on sentences.

No timing here (speed is measured by ``make bench``); these check that the long paths are
taken and that every offset still points at the original text.
"""

import re
from pathlib import Path

import pytest

from summits.extraction import extract, pipeline
from summits.extraction.nlp import MAX_SENTENCE_TOKENS, parse

ROOT = Path(__file__).resolve().parents[2]
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def articles():
    """The real articles of the repository (gold set and seeds), longest first."""
    paths = [*(ROOT / "tests" / "gold" / "articles").glob("*.txt"), *(ROOT / "seeds").glob("*.txt")]
    return sorted((p.read_text(encoding="utf-8") for p in paths), key=lambda t: (-len(t), t))


def assert_offsets(text, result):
    assert result.incomplete == []
    for item in [*result.statements, *result.agreements]:
        assert text[item.start : item.end] == item.text
    for person in result.participants:
        assert 0 <= person.start < person.end <= len(text)
        assert text[person.start : person.end].strip()


def test_chunks_stay_below_the_parsers_limit(nlp):
    assert nlp.max_length > pipeline.CHUNK_CHARS


def test_text_over_a_million_characters(nlp):
    # cheap to parse: a blank run between two short paragraphs, cut into many pieces
    lead = "Russian President Vladimir Putin met Turkish President Recep Tayyip Erdogan in Sochi.\n\n"
    tail = '\n\n"We agreed to work together," Putin said. The two leaders agreed to expand trade.\n'
    text = lead + " " * (nlp.max_length + 10_000) + tail
    result = extract(text)
    assert_offsets(text, result)
    assert [s.text for s in result.statements if s.kind == "direct"] == ["We agreed to work together,"]
    assert result.statements[0].start > nlp.max_length
    assert {p.name for p in result.participants} >= {"Vladimir Putin"}


def test_article_read_in_paragraph_groups_keeps_offsets(monkeypatch):
    text = "\n\n".join(articles()[:3] * 2)
    whole = extract(text)
    monkeypatch.setattr(pipeline, "CHUNK_CHARS", 1500)
    assert len(pipeline.pieces(text, pipeline.CHUNK_CHARS)) > 4
    pieced = extract(text)
    assert_offsets(text, pieced)
    assert pieced.statements and pieced.agreements and pieced.participants
    assert len({p.name for p in pieced.participants}) == len(pieced.participants)
    # the same quotations, found in whichever piece holds them
    assert {s.start for s in whole.statements if s.kind == "direct"} == {
        s.start for s in pieced.statements if s.kind == "direct"
    }
    assert pieced.summit.title


@pytest.mark.parametrize("size", [100, 1000, 5000])
def test_pieces_cover_the_text_in_order(size):
    text = articles()[0] * 3 + "x" * 12_000
    windows = pipeline.pieces(text, size)
    assert windows[0][0] == 0 and windows[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(windows, windows[1:], strict=False))
    assert all(0 < end - start <= size for start, end in windows)


def run_on_sentence(size):
    sentences = [s.rstrip(".!? ") for s in SENTENCE_END.split(" ".join(articles()[:2]))]
    pieces = [" ".join(s.split()) for s in sentences if len(s.split()) > 4 and ":" not in s]
    text = ""
    while len(text) < size:
        text += ", and ".join(pieces) + ", and "
    return (
        "Indian Prime Minister Narendra Modi met Chinese President Xi Jinping in Delhi, and " + text + "done."
    )


def test_run_on_sentence_is_cut_for_the_parser(nlp):
    text = run_on_sentence(15_000)
    doc = next(parse(nlp, [text]))
    assert doc.text == text
    assert max(len(sent) for sent in doc.sents) <= 2 * MAX_SENTENCE_TOKENS


def test_run_on_sentence_extracts(nlp):
    text = run_on_sentence(15_000)
    assert_offsets(text, extract(text))


def test_a_piece_is_not_cut_inside_a_quotation_where_a_sentence_outside_ends():
    line = (
        "Torres met Vega in Lima on Monday. They talked for an hour. "
        "\u201cIt went well, whereas the U.S. view differs,\u201d she said."
    )
    (_, end), *_ = pipeline.pieces(line, 100)
    assert line[:end] == "Torres met Vega in Lima on Monday. They talked for an hour. "
