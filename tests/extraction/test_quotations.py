"""Direct quotations: marks, extent, interruptions, partial and scare quotes, unbalanced marks."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summits.extraction import extract
from summits.extraction.quotations import find_quotes
from tests.extraction.conftest import INTRO, direct, speakers, story

# Quotation marks


@pytest.mark.parametrize(
    "text",
    [
        '"We will work together on defence," Merkel said.',
        "“We will work together on defence,” Merkel said.",
        "'We will work together on defence,' Merkel said.",
        "‘We will work together on defence,’ Merkel said.",
        '“We will work together on defence," said Merkel.',
    ],
)
def test_double_single_straight_and_curly_marks(text):
    assert direct(text) == [("Angela Merkel", "We will work together on defence,")]


def test_marks_of_a_text_stored_escaped_open_and_close_quotations():
    text = 'The talks ended. \\"We will work together on defence,\\" Merkel said. \\"We\\\'ve agreed.\\"'
    quotes = [text[q.start : q.end] for q in find_quotes(text, 0, len(text))]
    assert quotes == ["We will work together on defence,", "We\\'ve agreed."]


def test_plural_possessive_inside_single_quotes_does_not_close_the_quotation():
    result = extract(
        story(
            "Rishi Sunak met Emmanuel Macron in Paris.",
            "'Our two countries' interests are the same: we want fewer deaths,' Mr Macron said. "
            "'This is new.'",
        )
    )
    direct = [s for s in result.statements if s.kind == "direct"]
    assert [s.text for s in direct] == [
        "Our two countries' interests are the same: we want fewer deaths,",
        "This is new.",
    ]


# A quotation's extent and its pieces


def test_multi_sentence_quote_is_one_statement():
    found = direct('"Europe must act. We cannot wait any longer," Macron said.')
    assert found == [("Emmanuel Macron", "Europe must act. We cannot wait any longer,")]


def test_interrupted_quote_gives_two_statements_with_the_same_speaker():
    found = direct('"We are friends," Macron said. "And friends speak frankly to each other."')
    assert found == [
        ("Emmanuel Macron", "We are friends,"),
        ("Emmanuel Macron", "And friends speak frankly to each other."),
    ]


def test_colon_introduced_quote_and_pronoun_resolved():
    found = direct("Mrs Merkel spoke first.\nShe said: 'Germany will only do well if Europe does well.'")
    assert found == [("Angela Merkel", "Germany will only do well if Europe does well.")]


# Partial and scare quotes


def test_partial_quote_inside_reported_speech():
    result = extract(
        INTRO + 'Macron said the two countries had agreed that "the euro needs a common budget".'
    )
    quotes = [(s.speaker, s.text) for s in result.statements if s.kind == "direct"]
    reported = [s for s in result.statements if s.kind == "indirect"]
    assert quotes == [("Emmanuel Macron", "the euro needs a common budget")]
    assert reported and reported[0].speaker == "Emmanuel Macron"
    assert '"the euro needs a common budget"' in reported[0].text


def test_scare_quotes_are_not_statements():
    assert direct('Merkel warned of a "crisis" in the region.') == []


def test_a_title_in_quotation_marks_with_no_speaker_is_a_name_not_a_statement():
    text = 'The plan, dubbed the "Deal of the Century" by its authors, was never published.'
    assert direct(text) == []


def test_a_sentence_in_quotation_marks_keeps_its_speaker():
    assert direct('"We Will Win This Fight," Merkel said.') == [("Angela Merkel", "We Will Win This Fight,")]


# Unbalanced marks


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="ab .,\"'“”‘’\n", max_size=60))
def test_unbalanced_marks_never_crash(text):
    for q in find_quotes(text, 0, len(text)):
        assert 0 <= q.start <= q.end <= len(text)


def test_unbalanced_marks_in_a_whole_article():
    text = INTRO + '"We agreed on everything today, Merkel said.\nMacron said: ‘It was good for us.\n'
    result = extract(text)
    assert result.statements, "an unclosed quotation still gives its statement"
    assert all(text[s.start : s.end] == s.text for s in result.statements)


def test_the_verb_of_saying_right_before_a_quotation_names_its_speaker():
    result = extract(
        story(
            "US Secretary of State John Kerry met Russian Foreign Minister Sergey Lavrov in Geneva.",
            'While one U.S. official says "only a minority are extremist" -- a reference to rebel fighters '
            "tied to the al-Nusra Front -- U.S. officials familiar with intelligence assessments say many "
            "more rebel fighters may want to establish an Islamic state in Syria.",
        )
    )
    assert speakers(result, "direct") == [("one U.S. official", "only a minority are extremist")]
