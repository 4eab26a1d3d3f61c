"""The extraction never raises on text, and every offset points at the text.

Property-based: texts are built from the real sentences of the gold articles and the seeds
(read at test time) with random quotation marks, punctuation, clause orders, empty and very
long pieces, control characters and non-Latin text. The examples are derandomised for CI;
``pytest --hypothesis-seed=N -p no:cacheprovider`` explores other ones (the seed is honoured
where derandomize is off: set HYPOTHESIS_EXPLORE=1).

Then one invented sentence per root cause the fuzzing found.
"""

import hashlib
import logging
import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summits.extraction import extract, pipeline

ROOT = Path(__file__).resolve().parents[2]
SENTENCE_END = re.compile(r"(?<=[.!?\"”’])\s+")
QUOTE_MARKS = ['"', "“", "”", "‘", "’", "'", "«", "»"]
PUNCTUATION = [",", ".", ";", ":", "!", "?", "—", "–", "-", "(", ")", "...", "…", ", and", ", but"]
CONTROL = [chr(c) for c in range(0x20)] + ["\x7f", "\u200b", "\u2028", "\u2029", "\ufeff", "\u00a0"]
NON_LATIN = [
    "Владимир Путин заявил, что переговоры прошли успешно.",
    "قال الرئيس إن المحادثات كانت مثمرة.",
    "习近平说，双方同意加强合作。",
    "日本の首相は「協力を深める」と述べた。",
    "정상회담에서 양측은 합의했다.",
    "😀🇷🇺🇹🇷 🤝",
    "Ἀθῆναι",
    "\u0301\u0308",
]
ACCORDING = ["according to", "According to", ", according to", "according to officials", "according to."]
SAYING = ["he said", "said Putin", "the minister said that", "Macron told reporters", "announced that"]
EXPLORE = os.environ.get("HYPOTHESIS_EXPLORE") == "1"
BOUNDED = settings(
    max_examples=25,
    deadline=None,
    derandomize=not EXPLORE,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)


def _real_sentences() -> list[str]:
    paths = sorted((ROOT / "tests" / "gold" / "articles").glob("*.txt")) + sorted(
        (ROOT / "seeds").glob("*.txt")
    )
    sentences = []
    for path in paths:
        for paragraph in path.read_text(encoding="utf-8").split("\n"):
            sentences += [s.strip() for s in SENTENCE_END.split(paragraph) if len(s.split()) >= 3]
    return sentences


SENTENCES = _real_sentences()
sentence = st.sampled_from(SENTENCES)


@st.composite
def reordered(draw) -> str:
    """A real sentence with its clauses (split at commas) in another order."""
    clauses = draw(sentence).split(", ")
    return ", ".join(draw(st.permutations(clauses)))


@st.composite
def quoted(draw) -> str:
    """A real sentence between random marks (balanced or not), with or without a speaker."""
    opening, closing = draw(st.sampled_from(QUOTE_MARKS)), draw(st.sampled_from(QUOTE_MARKS + [""]))
    gap, speaker = draw(st.sampled_from(["", " ", ", "])), draw(st.sampled_from([*SAYING, ""]))
    return f"{opening}{draw(sentence)}{closing}{gap}{speaker}"


@st.composite
def long_piece(draw) -> str:
    """One sentence many times over, joined into a run-on sentence or a long paragraph."""
    joiner = draw(st.sampled_from([", and ", "; ", " ", ", "]))
    return joiner.join([draw(sentence)] * draw(st.integers(20, 120)))


piece = st.one_of(
    sentence,
    sentence,
    reordered(),
    quoted(),
    st.sampled_from(QUOTE_MARKS),
    st.sampled_from(PUNCTUATION),
    st.sampled_from(CONTROL),
    st.sampled_from(NON_LATIN),
    st.sampled_from(ACCORDING),
    st.sampled_from(SAYING),
    st.just(""),
    st.text(max_size=20),
)
joiner = st.sampled_from([" ", "", "\n", "\n\n", " \n", "\r\n"])


@st.composite
def article(draw, pieces=piece, max_pieces=30) -> str:
    return draw(joiner).join(draw(st.lists(pieces, max_size=max_pieces)))


def assert_offsets_point_at_the_text(text: str) -> None:
    result = extract(text)
    assert result.incomplete == []
    for item in [*result.statements, *result.agreements]:
        assert 0 <= item.start <= item.end <= len(text)
        assert text[item.start : item.end] == item.text
    for person in result.participants:
        assert 0 <= person.start <= person.end <= len(text)
    result.to_dict()


@BOUNDED
@given(article())
def test_any_mix_of_real_sentences_marks_and_characters(text):
    assert_offsets_point_at_the_text(text)


@BOUNDED
@given(article(pieces=st.one_of(quoted(), sentence, st.sampled_from(ACCORDING + QUOTE_MARKS + PUNCTUATION))))
def test_quotations_and_sources_in_any_order(text):
    assert_offsets_point_at_the_text(text)


@settings(BOUNDED, max_examples=5)
@given(article(pieces=st.one_of(long_piece(), sentence, quoted()), max_pieces=4))
def test_long_pieces(text):
    assert_offsets_point_at_the_text(text)


@pytest.mark.parametrize("text", ["", " ", "\n\n", "\x00", '"', "“”", "according to", "‘’’", "\u2028" * 3])
def test_empty_and_degenerate_texts(text):
    assert_offsets_point_at_the_text(text)


# --- one invented sentence per root cause ----------------------------------------------------
def statements(text):
    result = extract(text)
    assert result.incomplete == []
    return [(s.speaker, s.text) for s in result.statements]


def test_reported_clause_opening_with_a_concessive_clause_keeps_it():
    # spaCy E035: the contrast clause opened the content and was cut from before its start
    found = statements(
        "Director Jane Smith announced in July that while the minister had been careless, "
        "no charges were appropriate."
    )
    assert found == [("Jane Smith", "while the minister had been careless, no charges were appropriate")]


def test_according_to_opening_the_reported_clause_is_not_content():
    found = statements("Putin said that, according to his office, the talks had gone well.")
    assert found == [("Putin", "the talks had gone well")]


@pytest.mark.parametrize(
    "text",
    [
        "According to",
        "according to",
        "The talks went well, according to",
        "According to Putin.",
        "According to. The talks went well.",
        '"The talks went well," according to',
        '"The talks went well,"according to Putin.',
        "Putin said according to the Kremlin's officials the talks had gone well.",
    ],
)
def test_according_to_at_the_edges(text):
    statements(text)


# --- isolation: a part that fails is logged, named, and the others still deliver -------------
STORY = (
    "Russian President Vladimir Putin met Turkish President Recep Tayyip Erdogan in Sochi on Wednesday.\n\n"
    '"We will work together against terrorism," Putin said.\n\n'
    "The two leaders agreed to expand trade between Russia and Turkey."
)


def test_a_failing_finder_is_logged_and_the_others_deliver(monkeypatch, caplog):
    def broken(self):
        raise RuntimeError("finder bug")

    monkeypatch.setattr(pipeline.Agreements, "find", broken)
    with caplog.at_level(logging.ERROR, logger="summits.extraction"):
        result = extract(STORY)
    assert result.incomplete == ["agreements"]
    assert result.agreements == []
    assert result.statements and result.participants and result.summit.location == "Sochi"
    assert result.to_dict()["incomplete"] == ["agreements"]
    [record] = [r for r in caplog.records if r.name == "summits.extraction"]
    assert hashlib.sha256(STORY.encode()).hexdigest()[:12] in record.getMessage()
    assert "agreements" in record.getMessage()
    assert record.exc_info and record.exc_info[0] is RuntimeError


def test_people_failing_leaves_statements_with_their_text(monkeypatch):
    def broken(doc, in_quote):
        raise RuntimeError("finder bug")

    monkeypatch.setattr(pipeline, "read_people", broken)
    result = extract(STORY)
    assert result.incomplete == ["participants"]
    assert result.participants == []
    assert "We will work together against terrorism," in [s.text for s in result.statements]


def test_layout_failing_reads_the_whole_text_as_story(monkeypatch):
    def broken(text, **options):
        raise ValueError("layout bug")

    monkeypatch.setattr(pipeline, "read_layout", broken)
    result = extract(STORY)
    assert result.incomplete == ["layout"]
    assert "We will work together against terrorism," in [s.text for s in result.statements]


def test_a_parse_failure_in_a_batch_marks_only_its_article(monkeypatch):
    parse = pipeline.parse

    def failing(nlp, texts):
        texts = list(texts)
        if any("BOOM" in t for t in texts):
            raise RuntimeError("parser bug")
        return parse(nlp, texts)

    monkeypatch.setattr(pipeline, "parse", failing)
    good, bad = pipeline.extract_many([STORY, "BOOM " + STORY])
    assert good.incomplete == [] and good.statements
    assert bad.incomplete == ["parse"] and bad.statements == []
