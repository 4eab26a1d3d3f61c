"""Who said it: surnames, pronouns, descriptions, unnamed sources and documents as speakers."""

from summits.extraction import extract
from tests.extraction.conftest import (
    SOCHI_TALKS,
    by_name,
    indirect,
    reported_statements,
    speakers,
    story,
)

# Surnames


def test_mr_surname_and_aliases():
    text = (
        "British Prime Minister Tony Blair held talks with French President Jacques Chirac in Paris.\n"
        "Mr Blair said the meeting had been useful.\n"
    )
    result = extract(text)
    blair = next(p for p in result.participants if p.name == "Tony Blair")
    assert blair.country == "GB"
    assert any(s.speaker == "Tony Blair" for s in result.statements)


# Pronouns


def test_speakers_are_never_pronouns():
    assert all(s.speaker and s.speaker.lower() not in {"he", "she"} for s in extract(SOCHI_TALKS).statements)


# Descriptions ("the Russian president", "the Conservative leader, Kemi Badenoch")


def test_description_resolved_to_the_person():
    speakers = {
        speaker for speaker, text in reported_statements(SOCHI_TALKS) if text.startswith("Regardless")
    }
    assert speakers == {"Vladimir Putin"}


def test_two_people_without_country_take_the_states_written_in_the_same_order():
    result = extract(
        story(
            "Rishi Sunak and Emmanuel Macron have agreed a new deal after the first UK-France summit "
            "in Paris.",
            "The French president said the two countries shared a common duty.",
            "The prime minister said the deal would save lives.",
        )
    )
    speakers = [s.speaker for s in result.statements if s.kind == "indirect"]
    assert speakers == ["Emmanuel Macron", "Rishi Sunak"]


def test_a_description_with_an_appositive_name_is_that_person():
    result = extract(
        story(
            "Keir Starmer met Emmanuel Macron in Paris.",
            'The Conservative leader, Kemi Badenoch, said the deal was "another expensive gimmick".',
        )
    )
    assert speakers(result, "direct") == [("Kemi Badenoch", "another expensive gimmick")]
    assert "Kemi Badenoch" not in by_name(result)


# Unnamed sources and documents


def test_unnamed_speaker_kept_as_written():
    assert ("A White House spokesman", "the United States welcomed the talks") in reported_statements(
        SOCHI_TALKS
    )


def test_a_joint_statement_is_the_speaker_of_what_it_says():
    result = extract(
        story(
            "Peruvian President Dina Boluarte met Ecuadorian President Daniel Noboa in Lima.",
            "In a joint statement, the two governments said they would patrol the river border together.",
        )
    )
    assert indirect(result) == {"they would patrol the river border together": "a joint statement"}


# A name kept with its title ("PM Tanaka") is the person named in full earlier


def test_a_titled_short_name_is_the_person_named_in_full_before():
    result = extract(
        story(
            "Prime Minister Tanaka Hiroshi Kenji met Chilean Foreign Minister Ana Ruiz in Tokyo.",
            '"It was a warm and useful meeting," PM Tanaka said in a post on Friday.',
        )
    )
    assert ("Tanaka Hiroshi Kenji", "It was a warm and useful meeting,") in speakers(result, "direct")


def test_the_agent_of_a_passive_verb_of_saying_is_the_speaker():
    result = extract(
        story(
            "German Chancellor Olaf Scholz met Polish Prime Minister Donald Tusk in Warsaw.",
            "The new rail link was hailed by Scholz as a sign of the deep trust between the neighbours.",
        )
    )
    said = indirect(result)
    assert any(speaker == "Olaf Scholz" and "rail link" in text for text, speaker in said.items())


# Pronouns: the sentence's own subject, the pronoun's gender, and a pronoun followed back


def test_a_pronoun_is_the_sentence_subject_not_the_one_of_the_clause_it_reports():
    said = indirect(
        extract(
            story(
                "Chilean President Marco Ruiz will visit Peru next week, officials said.",
                "Spokeswoman Ana Lopez told reporters in Santiago that Ruiz will meet Peruvian President "
                "Jorge Salas.",
                "She said the two leaders would discuss the river border.",
            )
        )
    )
    assert said.get("the two leaders would discuss the river border") == "Ana Lopez"


def test_a_pronoun_speaker_is_not_the_person_named_in_what_it_reports_and_chains_back():
    said = indirect(
        extract(
            story(
                "Chilean President Marco Ruiz will visit Peru next week.",
                "Spokeswoman Ana Lopez said Ruiz would arrive in Lima on Tuesday.",
                "Moreover she said that Ruiz plans to meet business leaders.",
                "Ruiz will also visit a copper mine in the south, she said.",
            )
        )
    )
    assert said.get("Ruiz will also visit a copper mine in the south") == "Ana Lopez"


def test_a_pronoun_takes_the_gender_an_honorific_shows():
    said = indirect(
        extract(
            story(
                "Mrs Clara Vance met Mr Tomas Berg in Oslo on Monday.",
                "Mr Berg said the talks had gone well.",
                "She said the two countries would sign a fisheries deal.",
            )
        )
    )
    assert said.get("the two countries would sign a fisheries deal") == "Clara Vance"


def test_a_pronoun_is_not_the_person_a_subjectless_infinitive_follows():
    said = indirect(
        extract(
            story(
                "President Marco Ruiz telephoned his friend Jorge Salas, Peru's president, to say he had "
                "won the vote.",
                "The two countries, he said, would open their border.",
            )
        )
    )
    assert said == {"The two countries, he said, would open their border": "Marco Ruiz"}


# A word for a family of offices ("the monarch") is the one person holding one of them


def test_the_monarch_is_the_king_or_sultan_of_the_story():
    result = extract(
        story(
            "Chilean President Marco Ruiz met Sultan Omar Hadi in Bandar Seri Begawan on Monday.",
            "The monarch said the two countries would expand trade in halal food.",
        )
    )
    assert indirect(result).get("the two countries would expand trade in halal food") == "Omar Hadi"


# A long title before a name, parsed as a second subject


def test_a_title_with_its_own_phrase_before_a_name_is_that_person():
    said = indirect(
        extract(
            story(
                "Chilean President Marco Ruiz met Peruvian President Jorge Salas in Lima.",
                "Chilean presidential adviser on the border question Felipe Moreno hailed the meeting as a "
                "milestone, stressing that the two countries would open the river crossing.",
            )
        )
    )
    assert set(said.values()) == {"Felipe Moreno"}


def test_the_diplomat_of_a_country_is_its_minister_or_envoy():
    result = extract(
        story(
            "Chilean Foreign Minister Ana Ruiz met Brazilian Foreign Minister Jorge Salas in Brasilia.",
            "The Chilean diplomat said the two countries would reopen the border crossing.",
        )
    )
    assert indirect(result).get("the two countries would reopen the border crossing") == "Ana Ruiz"
