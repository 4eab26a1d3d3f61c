"""What several reports of one meeting share: the same quotation, a statement in other words, one
person's name spelled two ways (summits.matching). One phenomenon per test; the names' thresholds
are checked against real spellings (tests/data/name_spellings.csv)."""

import csv
from pathlib import Path

import pytest

from summits.matching import (
    Likeness,
    content_words,
    name_likeness,
    name_shingles,
    paraphrase_score,
    probably_same,
    same_words,
    words,
)

NAME_SPELLINGS = Path(__file__).parent / "data" / "name_spellings.csv"


def test_words_set_typography_aside():
    assert (
        words("“We’ll stand — with Ukraine…”")
        == words('"we\'ll stand with UKRAINE..."')
        == [
            "well",
            "stand",
            "with",
            "ukraine",
        ]
    )


def test_accents_are_folded():
    assert words("Erdoğan's visit") == ["erdogans", "visit"]


@pytest.mark.parametrize(
    "first, second",
    [
        ("“The choice is yours to make,”", '"The choice is yours to make."'),  # marks and punctuation
        (
            "We will stand with Ukraine … as long as it takes",
            "we will stand with Ukraine for as long as it takes",
        ),
        (  # one outlet cuts the quotation: a sentence's worth of it is kept
            "There are consequences should the regime not comply. "
            "And if diplomacy fails, we remain prepared to act.",
            "if diplomacy fails, we remain prepared to act",
        ),
        (  # two cuts of one remark, each keeping words the other drops
            "a free, independent, united and developed country...with an Islamic system in which all tribes "
            "and ethnicities find themselves without any discrimination and live their lives in love "
            "and brotherhood",
            "have an Islamic system in which all tribes and ethnicities of the country find themselves "
            "without any discrimination and live their lives in love",
        ),
    ],
)
def test_same_words(first, second):
    assert same_words(first, second)
    assert same_words(second, first)


@pytest.mark.parametrize(
    "first, second",
    [
        (
            "a very good meeting",
            "It was a very good meeting with the President and his team today",
        ),  # a scrap
        ("We agreed to intensify the fight against terrorism", "We agreed to lift all trade restrictions"),
        ("", "anything"),
        ("…", "…"),
    ],
)
def test_not_the_same_words(first, second):
    assert not same_words(first, second)


def test_a_short_quotation_equal_to_another_is_the_same():
    assert same_words("no blank check", "No blank check.")


def test_content_words_leave_out_stop_words_and_fold_plurals():
    assert content_words("The leaders agreed to boost their trade contacts") == {
        "leader",
        "agreed",
        "boost",
        "trade",
        "contact",
    }


def test_a_statement_in_other_words_is_probably_the_same():
    first = "the warring sides to seize the opportunity to strike a comprehensive peace deal"
    second = "to seize this opportunity to secure peace"
    assert paraphrase_score(first, second) == pytest.approx(0.75)  # seize, opportunity, peace of four
    assert probably_same(first, second)


def test_a_topic_in_common_is_not_a_statement_repeated():
    assert (
        paraphrase_score(
            "the shape of the political system remains a deep difference",
            "The choice of your political system is yours to make",
        )
        == 0.0
    )


@pytest.mark.parametrize(
    "first, second, likeness",
    [
        ("Volodymyr Zelenskiy", "Volodymyr Zelenskyy", Likeness.SAME),
        ("Zelensky", "Zelenskyy", Likeness.SAME),
        ("Sergey Lavrov", "Sergei Lavrov", Likeness.SAME),  # a given name transliterated
        ("Kishida Fumio", "Fumio Kishida", Likeness.SAME),  # the order of the words
        ("Xi Jin Ping", "Xi Jinping", Likeness.SAME),
        ("Bashar al-Assad", "Bashar Assad", Likeness.SAME),  # a particle left out
        ("Moammar Gadhafi", "Muammar Qadhafi", Likeness.PROBABLE),
        ("Zelenskiy", "Volodymyr Zelenskyy", Likeness.PROBABLE),  # a surname alone
        ("George Bush", "George W. Bush", Likeness.PROBABLE),  # a word more: perhaps another person
        ("Vladimir Zelensky", "Volodymyr Zelensky", Likeness.PROBABLE),
        ("Kim Jong Un", "Kim Jong Il", Likeness.DIFFERENT),  # short words compared whole
        ("Joe Biden", "Jill Biden", Likeness.DIFFERENT),
        ("Raul Castro", "Fidel Castro", Likeness.DIFFERENT),
        ("", "Fidel Castro", Likeness.DIFFERENT),
    ],
)
def test_name_likeness(first, second, likeness):
    assert name_likeness(first, second).likeness is likeness
    assert name_likeness(second, first).likeness is likeness


def real_spellings(same_person: str) -> list:
    with NAME_SPELLINGS.open(encoding="utf-8") as rows:
        return [
            pytest.param(row["name_a"], row["name_b"], id=f"{row['name_a']} / {row['name_b']}")
            for row in csv.DictReader(rows)
            if row["same_person"] == same_person
        ]


@pytest.mark.parametrize("first, second", real_spellings("no"))
def test_two_real_people_with_close_names_are_never_merged(first, second):
    """Near-misses seen in real reports: at most proposed to an editor, never one person."""
    assert name_likeness(first, second).likeness is not Likeness.SAME


def test_most_real_spellings_of_one_person_are_found():
    """Of the real spellings of one person, most are merged or proposed: the threshold is not so
    strict that the fuzzy match does nothing (what it misses are honorifics and nicknames)."""
    pairs = [param.values for param in real_spellings("yes")]
    likeness = [name_likeness(first, second).likeness for first, second in pairs]
    assert likeness.count(Likeness.DIFFERENT) <= len(pairs) // 5
    assert likeness.count(Likeness.SAME) >= len(pairs) // 3


def test_the_issue_spellings_of_one_person_are_one_person():
    for first, second in [("Zelensky", "Zelenskyy"), ("Zelenskiy", "Zelenskyy"), ("Zelensky", "Zelenskiy")]:
        assert name_likeness(f"Volodymyr {first}", f"Volodymyr {second}").likeness is Likeness.SAME


def test_shingles_are_what_two_spellings_share():
    assert name_shingles("Muammar Gaddafi") & name_shingles("Muammar Qaddafi")
    assert name_shingles("Zelenskiy") & name_shingles("Volodymyr Zelenskyy")
    assert name_shingles("Xi Li") == set()


def test_one_word_may_differ_in_a_longer_report():
    assert same_words(
        "The two leaders agreed to resume military-to-military communications",
        "They agreed to resume military-to-military communications",
    )
    assert not same_words("We agreed to intensify the fight", "We agreed to end the fight")
