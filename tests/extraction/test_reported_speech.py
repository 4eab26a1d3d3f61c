"""Reported speech: "said that ...", "adding that ...", stance verbs, and "according to ..."."""

from summits.extraction import extract
from tests.extraction.conftest import (
    INTRO,
    SOCHI_TALKS,
    indirect,
    reported_statements,
    speakers,
    story,
)

# The content clause and how far it reaches


def test_indirect_speech_text_is_the_content_clause():
    assert (
        "Recep Tayyip Erdogan",
        "Turkey would continue to take measures against threats from its borders",
    ) in reported_statements(SOCHI_TALKS)


def test_a_verb_coordinated_inside_reported_speech_stays_in_it():
    result = extract(
        story(
            "Kazakh President Kassym-Jomart Tokayev met Xi Jinping in Astana.",
            "Tokayev said Kazakhstan firmly adheres to the one-China principle and welcomes more Chinese "
            "investment in its green energy sector.",
        )
    )
    indirect = [s.text for s in result.statements if s.kind == "indirect"]
    assert indirect == [
        "Kazakhstan firmly adheres to the one-China principle and welcomes more Chinese investment "
        "in its green energy sector"
    ]


def test_a_back_shifted_clause_after_but_is_more_of_what_was_said():
    result = extract(
        story(
            "Vladimir Putin met Thongloun Sisoulith in Moscow.",
            "Kremlin aide Yury Ushakov told reporters that the president had accepted an invitation to "
            "visit Laos, but the dates had not yet been agreed.",
        )
    )
    assert speakers(result, "indirect") == [
        (
            "Yury Ushakov",
            "the president had accepted an invitation to visit Laos, but the dates had not yet been agreed",
        )
    ]


def test_a_present_tense_but_clause_stays_in_what_was_said():
    result = extract(
        story(
            "Japanese Prime Minister Fumio Kishida met South Korean President Yoon Suk Yeol in Seoul.",
            "Kishida acknowledged he has a different view on the history, but they share a duty to move on.",
        )
    )
    (text,) = indirect(result)
    assert text.endswith("but they share a duty to move on")


def test_a_contrasting_clause_and_a_figure_source_are_not_what_was_said():
    result = extract(
        story(
            "U.S. President Joe Biden met Mexican President Andres Manuel Lopez Obrador in Mexico City.",
            "Biden said the U.S. would send more border agents, while Mexico remained wary of the plan.",
            "More than 2,000 people crossed each day, according to a government estimate.",
        )
    )
    assert indirect(result) == {"the U.S. would send more border agents": "Joe Biden"}


# "adding that" and coordinated speech verbs


def test_adding_gives_its_own_statement():
    assert ("Recep Tayyip Erdogan", "he believed Putin would play a major role") in reported_statements(
        SOCHI_TALKS
    )


def test_adding_that_is_said_by_the_one_who_said_and_a_coordinated_verb_with_a_clause_is_new_speech():
    result = extract(
        story(
            "Ishaq Dar met Chinese Foreign Minister Wang Yi in Beijing on Monday.",
            "Dar said Pakistan would protect Chinese nationals, adding that the corridor was a national "
            "priority.",
            "Wang said that China valued the partnership and underlined that security must come first.",
        )
    )
    assert speakers(result, "indirect") == [
        ("Ishaq Dar", "Pakistan would protect Chinese nationals"),
        ("Ishaq Dar", "the corridor was a national priority"),
        ("Wang Yi", "China valued the partnership"),
        ("Wang Yi", "security must come first"),
    ]


# Stance verbs (content as an object or after "for")


def test_the_object_of_praise_keeps_its_following_phrase():
    result = extract(
        story(
            "German Chancellor Olaf Scholz met Polish Prime Minister Donald Tusk in Warsaw. Tusk thanked "
            "Scholz for the help with flood repairs, according to his office."
        )
    )
    assert indirect(result) == {"Scholz for the help with flood repairs": "Donald Tusk"}


def test_stance_content_keeps_its_time_clause():
    result = extract(
        story(
            "Indian Prime Minister Narendra Modi met Sri Lankan President Anura Kumara Dissanayake in Delhi.",
            "Modi expressed hope about the ferry service after the port was rebuilt last year.",
        )
    )
    assert "the ferry service after the port was rebuilt last year" in indirect(result)


# "according to": the source, unless the clause has a speaker of its own


def test_according_to_gives_the_source():
    result = extract(
        INTRO + "The two sides signed a memorandum on energy, according to a senior EU official."
    )
    reported = [(s.speaker, s.text) for s in result.statements if s.kind == "indirect"]
    assert ("a senior EU official", "The two sides signed a memorandum on energy") in reported


def test_the_subject_of_told_speaks_not_the_according_to_source():
    result = extract(
        story(
            "German Chancellor Olaf Scholz held talks with Chinese Premier Li Qiang in Berlin.",
            '"We want fair competition for our companies," Scholz told Li, according to his office.',
        )
    )
    assert result.statements[0].speaker == "Olaf Scholz"


def test_the_subject_of_a_speech_verb_speaks_before_an_according_to_source():
    result = extract(
        story(
            "Chinese Premier Li Qiang received Pakistani Foreign Minister Ishaq Dar in Beijing and praised "
            'the "all-weather strategic cooperative partnership" between the two nations, according to '
            "state broadcaster CCTV.",
        )
    )
    assert speakers(result, "direct") == [("Li Qiang", "all-weather strategic cooperative partnership")]
    assert {s for s, _t in speakers(result, "indirect")} == {"Li Qiang"}


def test_a_source_in_according_to_does_not_speak_when_the_clause_has_a_speaker():
    result = extract(
        story(
            "Rishi Sunak met Emmanuel Macron in Paris on Friday.",
            "Downing Street said the UK would contribute more money to the patrols, according to a "
            "briefing note.",
        )
    )
    assert speakers(result, "indirect") == [
        ("Downing Street", "the UK would contribute more money to the patrols")
    ]


def test_who_clause_speaker_before_an_according_to_source():
    result = extract(
        story(
            'The delegation was received by Indonesian President Joko Widodo, who hailed the "deep '
            'and lasting friendship" between the two peoples, according to the state news agency Antara.'
        )
    )
    assert {s.speaker for s in result.statements} == {"Joko Widodo"}


# What counts as speech: verbs of stance and their content shapes


def _said(*sentences: str) -> dict[str, str]:
    lead = "German Chancellor Olaf Scholz met Polish Prime Minister Donald Tusk in Warsaw."
    return indirect(extract(story(lead, *sentences)))


def test_a_noun_phrase_object_is_what_was_said():
    said = _said("Tusk stressed the need to build new rail links between the two capitals.")
    assert said.get("the need to build new rail links between the two capitals") == "Donald Tusk"


def test_an_expressed_feeling_is_what_was_said():
    said = _said("Scholz expressed his appreciation for Poland's help with the refugees.")
    assert said.get("his appreciation for Poland's help with the refugees") == "Olaf Scholz"


def test_accuse_someone_of_something_keeps_the_person_and_the_charge():
    said = _said("Tusk accused Hungary of blocking the aid package for months.")
    assert said.get("Hungary of blocking the aid package for months") == "Donald Tusk"


def test_warn_against_gives_what_follows_the_particle():
    said = _said("Scholz warned against spoilers trying to derail the talks.")
    assert said.get("spoilers trying to derail the talks") == "Olaf Scholz"


def test_new_stance_verbs_report_speech():
    said = _said("Tusk condemned the attacks on the border guards in the strongest terms.")
    assert said.get("the attacks on the border guards in the strongest terms") == "Donald Tusk"


def test_hearsay_is_not_a_statement():
    said = _said("Tusk is said to have demanded a bigger share of the fund for his country.")
    assert not said


def test_imagined_or_future_speech_is_not_a_statement():
    said = _said(
        "Critics would argue that the fund is far too small for the task.",
        "Scholz will stress that the fund must grow next year.",
    )
    assert not said


# What counts as speech: parentheticals, "made clear", partial quotations, states' positions


def test_a_parenthetical_verb_of_saying_reports_the_clause_around_it():
    result = extract(
        story(
            "Kazakh President Kassym-Jomart Tokayev met Xi Jinping in Astana.",
            "The summit, Tokayev told reporters, had cleared the air between the two countries.",
        )
    )
    assert speakers(result, "indirect") == [
        (
            "Kassym-Jomart Tokayev",
            "The summit, Tokayev told reporters, had cleared the air between the two countries",
        )
    ]


def test_made_clear_reports_its_clause():
    result = extract(
        story(
            "Kazakh President Kassym-Jomart Tokayev met Xi Jinping in Astana.",
            "Tokayev made clear that Kazakhstan would not join the sanctions.",
        )
    )
    assert speakers(result, "indirect") == [
        ("Kassym-Jomart Tokayev", "Kazakhstan would not join the sanctions")
    ]


def test_a_clause_completed_by_a_partial_quotation_is_reported_speech_and_a_quotation():
    result = extract(
        story(
            "Kazakh President Kassym-Jomart Tokayev met Xi Jinping in Astana.",
            'Tokayev said the pipeline "marks a new chapter in our friendship".',
        )
    )
    assert speakers(result, "indirect") == [
        ("Kassym-Jomart Tokayev", 'the pipeline "marks a new chapter in our friendship"')
    ]
    assert speakers(result, "direct") == [("Kassym-Jomart Tokayev", "marks a new chapter in our friendship")]


def test_a_whole_quotation_after_said_is_not_reported_speech():
    result = extract(
        story(
            "Kazakh President Kassym-Jomart Tokayev met Xi Jinping in Astana.",
            'Tokayev said: "We have agreed to build a new pipeline."',
        )
    )
    assert speakers(result, "indirect") == []


def test_states_joined_as_a_subject_are_narration_not_a_speaker():
    result = extract(
        story(
            "Kazakh President Kassym-Jomart Tokayev met Xi Jinping in Astana.",
            "Kazakhstan and China have both underscored the need to settle border disputes by talks.",
        )
    )
    assert speakers(result, "indirect") == []
