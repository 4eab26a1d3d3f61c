"""Reported speech: "said that ...", "adding that ...", stance verbs, and "according to ..."."""

import pytest

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


def test_a_stance_nouns_phrase_is_what_was_said_and_an_of_may_name_its_holder():
    said = _said(
        "Scholz voiced the deep concerns of Germany and its allies about the build-up of troops.",
        "Tusk expressed appreciation for Germany\u2019s two decades of support for the rail link.",
    )
    assert said == {
        "the deep concerns of Germany and its allies about the build-up of troops": "Olaf Scholz",
        "appreciation for Germany\u2019s two decades of support for the rail link": "Donald Tusk",
    }


def test_a_particles_object_keeps_what_the_parser_hung_on_the_verb():
    said = _said(
        "Scholz called for de-escalation and a return to diplomacy.",
        "Tusk underscored his desire to keep close ties, expand trade, and settle disputes calmly.",
    )
    assert said == {
        "de-escalation and a return to diplomacy": "Olaf Scholz",
        "his desire to keep close ties, expand trade, and settle disputes calmly": "Donald Tusk",
    }


def test_a_partial_quotation_after_a_word_goes_on_the_reported_sentence():
    said = _said(
        'Scholz said he looks forward to discussing with Tusk "key issues of mutual concern" in May.'
    )
    assert said == {
        'he looks forward to discussing with Tusk "key issues of mutual concern" in May': "Olaf Scholz"
    }


def test_stance_content_keeps_its_time_clause():
    result = extract(
        story(
            "Indian Prime Minister Narendra Modi met Sri Lankan President Anura Kumara Dissanayake in Delhi.",
            "Modi expressed hope about the ferry service after the port was rebuilt last year.",
        )
    )
    # the stance noun's whole phrase is what was said: "hope about the ferry service after ..."
    assert "hope about the ferry service after the port was rebuilt last year" in indirect(result)


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


# The verbs news uses for saying and stance, and the shapes of what they report


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        (
            "Tusk blamed the smugglers for the crisis at the border.",
            "the smugglers for the crisis at the border",
        ),
        ("Scholz criticised the plan as a gift to the smugglers.", "the plan as a gift to the smugglers"),
        ("Tusk threatened to veto the budget if the fund was cut.", "to veto the budget if the fund was cut"),
        ("Scholz touted the rail link as a model for the region.", "the rail link as a model for the region"),
        ("Tusk labelled the proposal a dangerous gamble.", "the proposal a dangerous gamble"),
        (
            "Scholz cited the rising cost of energy as the main reason for the delay.",
            "the rising cost of energy as the main reason for the delay",
        ),
        (
            "Tusk applauded the decision to open the border crossing.",
            "the decision to open the border crossing",
        ),
        ("Scholz advocated closer ties between the two armies.", "closer ties between the two armies"),
        (
            "Tusk alleged that the smugglers had been paid by foreign agents.",
            "the smugglers had been paid by foreign agents",
        ),
        (
            "Scholz joked that the talks had lasted longer than the football match.",
            "the talks had lasted longer than the football match",
        ),
        (
            "Tusk quipped that the weather had been kinder than the negotiators.",
            "the weather had been kinder than the negotiators",
        ),
        (
            "Scholz revealed that the two sides had met secretly in March.",
            "the two sides had met secretly in March",
        ),
        ("Scholz lamented the slow progress on the rail link.", "the slow progress on the rail link"),
        (
            "Tusk recounted how the two leaders had first met in Brussels.",
            "how the two leaders had first met in Brussels",
        ),
        ("Scholz described the talks as frank and constructive.", "the talks as frank and constructive"),
        ("Tusk reported that the border had been quiet for a week.", "the border had been quiet for a week"),
        ("Scholz outlined Germany's views on the rail link.", "Germany's views on the rail link"),
        (
            "Tusk congratulated the people of Germany on the way the vote had been held.",
            "the people of Germany on the way the vote had been held",
        ),
        ("Scholz denounced the attack on the embassy.", "the attack on the embassy"),
        ("Tusk dismissed the report as baseless.", "the report as baseless"),
    ],
)
def test_a_verb_of_saying_or_stance_reports_its_content(sentence, content):
    speaker = "Donald Tusk" if sentence.startswith("Tusk") else "Olaf Scholz"
    assert _said(sentence).get(content) == speaker


def test_a_noun_phrase_of_one_word_is_what_was_said():
    assert _said("Tusk called for patience.") == {"patience": "Donald Tusk"}


def test_a_noun_phrase_wholly_in_quotation_marks_is_reported_speech_and_a_quotation():
    result = extract(
        story(
            "German Chancellor Olaf Scholz met Polish Prime Minister Donald Tusk in Warsaw.",
            'Tusk has merely called for "a sovereign, democratic and united republic".',
        )
    )
    assert speakers(result, "indirect") == [("Donald Tusk", "a sovereign, democratic and united republic")]
    assert speakers(result, "direct") == [("Donald Tusk", "a sovereign, democratic and united republic")]


def test_a_pronoun_or_a_state_as_object_is_not_what_was_said():
    said = _said(
        "Tusk, who is criticised by the opposition for the deal, arrived late.",
        "Scholz said Poland would be among the first states to recognise Kosovo.",
    )
    assert said == {"Poland would be among the first states to recognise Kosovo": "Olaf Scholz"}


def test_inverted_order_reports_the_clause_before_the_verb():
    said = _said("The two countries will build a new bridge over the Oder, said the Polish prime minister.")
    assert said == {"The two countries will build a new bridge over the Oder": "Donald Tusk"}


def test_passive_with_by_reports_its_subject():
    said = _said("The rail link to Berlin was hailed by Tusk as a breakthrough for the region.")
    assert said == {"The rail link to Berlin": "Donald Tusk"}


def test_a_verb_of_saying_inside_what_another_said_is_part_of_it():
    said = _said('Scholz said Warsaw had made it "perfectly clear" it would not withdraw the bill.')
    assert said == {'Warsaw had made it "perfectly clear" it would not withdraw the bill': "Olaf Scholz"}


def test_a_back_shifted_while_clause_is_more_of_what_was_said():
    said = _said(
        "Tusk argued Scholz was keeping his intentions murky, while his allies could assume he was bluffing."
    )
    assert said == {
        "Scholz was keeping his intentions murky, while his allies could assume he was bluffing": (
            "Donald Tusk"
        )
    }


def test_a_quotation_after_said_is_introduced_whatever_follows_it():
    said = _said('Tusk said: "We believe there is nothing normal about this process" because of the attack.')
    assert said == {}


def test_a_partial_quotation_does_not_end_the_content_or_hide_its_phrases():
    said = _said(
        'Scholz said Poland had "refuted the remarks" and had "pointed out that the policy is clear".',
        'Tusk described the ties as "growing positively" even though both countries face a hard winter.',
    )
    assert said == {
        'Poland had "refuted the remarks" and had "pointed out that the policy is clear"': "Olaf Scholz",
        'the ties as "growing positively" even though both countries face a hard winter': "Donald Tusk",
    }


def test_a_shared_view_and_extended_assurances_are_what_was_said():
    said = _said(
        "The two leaders shared the view that the Baltic holds sea lanes vital for trade.",
        "Tusk extended assurances of Poland's continued support for the rail link.",
    )
    assert said.get("the Baltic holds sea lanes vital for trade") == "Olaf Scholz and Donald Tusk"
    assert said.get("assurances of Poland's continued support for the rail link") == "Donald Tusk"


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        (
            "Tusk stated Poland's interest in investing in the port.",
            "Poland's interest in investing in the port",
        ),
        ("Tusk argues for targeted strikes against the smugglers.", "targeted strikes against the smugglers"),
        (
            "Tusk rejected Germany's arguments that the bill protects the border.",
            "Germany's arguments that the bill protects the border",
        ),
        ("Tusk tweeted a plea for calm after the clashes.", "a plea for calm after the clashes"),
        (
            "Tusk asserted his support for closer ties at all levels.",
            "his support for closer ties at all levels",
        ),
    ],
)
def test_more_verbs_with_a_noun_phrase_or_a_particle(sentence, content):
    assert _said(sentence).get(content) == "Donald Tusk"


def test_of_several_clauses_the_one_after_the_verb_is_what_was_said():
    said = _said(
        'While one aide says "only a few are extremist", officials say many fighters want a new state.'
    )
    assert said.get("many fighters want a new state") is not None


def test_a_narrowing_phrase_after_a_comma_is_part_of_what_was_said():
    said = _said(
        "Tusk stressed the need to bolster trade links between the two nations, especially in energy."
    )
    assert said == {
        "the need to bolster trade links between the two nations, especially in energy": "Donald Tusk"
    }


def test_according_to_needs_a_comma_or_the_sentence_start_and_keeps_a_partial_quotation():
    said = _said(
        'At one point Tusk "banged his fist on the table", according to an aide.',
        "The new rules discriminate according to religion.",
    )
    assert said == {'At one point Tusk "banged his fist on the table"': "an aide"}


def test_a_kind_of_saying_and_a_short_passive_subject_are_narration():
    said = _said(
        "Focusing outward is the way of telling the smugglers they can no longer rule the border.",
        "The handover came a full year after the plan was announced by Tusk.",
    )
    assert said == {}


def test_a_question_put_to_the_speaker_is_not_what_he_said():
    said = _said('Tusk, asked about the naval incidents, said on Tuesday: "Relations are good."')
    assert said == {}


def test_a_verb_of_saying_between_two_clauses_reports_the_one_before_it():
    said = _said(
        "Poland must list its weapons within one week, Tusk said, and inspectors must arrive by May."
    )
    assert said == {"Poland must list its weapons within one week": "Donald Tusk"}


def test_a_that_clause_hung_on_a_noun_of_the_verbs_phrase_is_what_was_said():
    said = _said(
        "Tusk told reporters before the announced agreement that Scholz was not carrying any message.",
    )
    assert said == {"Scholz was not carrying any message": "Donald Tusk"}


def test_made_clear_with_clear_parsed_into_the_clause():
    said = _said(
        "But Tusk made clear that violence against villagers must stop for there to be any chance for talks."
    )
    assert said == {
        "violence against villagers must stop for there to be any chance for talks": "Donald Tusk"
    }


def test_a_clause_parsed_as_the_object_of_said_is_what_was_said():
    said = _said(
        "Critics have said Tusk's condition that all violence must stop before talks is unrealistic.",
        'Scholz said this had "seriously damaged trust" and it would not be "shy" of taking legal action.',
        "Tusk hailed the deal and it would help both sides.",
    )
    assert said == {
        "Tusk's condition that all violence must stop before talks is unrealistic": "Critics",
        'this had "seriously damaged trust" and it would not be "shy" of taking legal action': "Olaf Scholz",
        "the deal": "Donald Tusk",
    }


def test_hope_reports_a_clause_with_its_own_subject_never_a_to_clause():
    said = _said("Officials hope the new bridge will boost trade.", "Tusk hopes to meet Scholz again in May.")
    assert said == {"the new bridge will boost trade": "Officials"}


def test_whom_it_is_asked_of_before_a_partial_quotation_makes_it_reported_speech():
    assert _said('Tusk asked ministers to "think again".') == {'ministers to "think again"': "Donald Tusk"}


def test_a_phrase_after_a_dash_spells_out_what_was_said():
    said = _said(
        "Tusk asserted his support for cooperation at all levels - from the government to the people."
    )
    assert said == {
        "his support for cooperation at all levels - from the government to the people": "Donald Tusk"
    }


def test_an_attempt_at_saying_in_the_past_is_saying():
    assert _said("Tusk tried to assure Scholz there was no problem.") == {
        "there was no problem": "Donald Tusk"
    }


def test_an_attempt_still_ahead_is_not_a_statement():
    assert _said("Tusk will try to assure Scholz that there is no problem.") == {}


def test_speaking_on_a_wh_clause_reports_it():
    said = _said("Tusk also spoke on how both countries have faced common challenges and overcome them.")
    assert said == {"how both countries have faced common challenges and overcome them": "Donald Tusk"}


def test_speaking_on_a_noun_reports_nothing():
    assert _said("Tusk spoke on the phone with the Lithuanian president about the border.") == {}


def test_a_condition_after_a_comma_is_part_of_what_was_said():
    said = _said("Tusk said the inspectors could visit the sites, provided the government cooperates.")
    assert said == {"the inspectors could visit the sites, provided the government cooperates": "Donald Tusk"}


def test_a_that_clause_hung_on_the_addressee_phrase_is_what_was_said():
    said = _said("Tusk tells anyone willing to listen that the border is Europe's biggest problem.")
    assert said == {"the border is Europe's biggest problem": "Donald Tusk"}


def test_an_as_phrase_after_a_comma_casts_what_was_said():
    said = _said("Tusk affirmed the importance of the rail link, as a critical part of the partnership.")
    assert said == {"the importance of the rail link, as a critical part of the partnership": "Donald Tusk"}


def test_a_clause_opened_by_as_after_a_comma_is_the_writers():
    said = _said("Tusk hailed the results of the dialogue, as the two sides completed four rounds of talks.")
    assert said == {"the results of the dialogue": "Donald Tusk"}


def test_highlighting_a_noun_phrase_reports_it():
    said = _said("Tusk highlighted the importance of the new rail link for both economies.")
    assert said == {"the importance of the new rail link for both economies": "Donald Tusk"}


def test_clauses_listed_after_a_semicolon_continue_what_was_said():
    said = _said(
        "Officials said the first inspections must be completed by May; all equipment must be destroyed "
        "by June; and all material must be eliminated by next year."
    )
    assert said == {
        "the first inspections must be completed by May; all equipment must be destroyed by June; "
        "and all material must be eliminated by next year": "Officials"
    }


def test_narration_after_a_semicolon_is_not_what_was_said():
    said = _said("Tusk said the talks went well; Scholz, for his part, left early.")
    assert said == {"the talks went well": "Donald Tusk"}


def test_believing_a_clause_is_a_stance_reported():
    said = _said("The two leaders believed that closer ties could be achieved in a manner fair to both.")
    assert said == {"closer ties could be achieved in a manner fair to both": "Olaf Scholz and Donald Tusk"}


def test_noting_a_noun_phrase_reports_it():
    said = _said("Tusk noted Germany's role as a key partner on a wide range of issues.")
    assert said == {"Germany's role as a key partner on a wide range of issues": "Donald Tusk"}


def test_addressing_a_clause_reports_it_and_addressing_a_meeting_does_not():
    said = _said(
        "Tusk addressed at the closing ceremony that Poland will make energy its first priority.",
        "Scholz addressed the summit on Tuesday.",
    )
    assert said == {"Poland will make energy its first priority": "Donald Tusk"}


def test_conveying_a_noun_phrase_reports_it():
    said = _said("Tusk conveyed Poland's support for Germany's bid to host the games.")
    assert said == {"Poland's support for Germany's bid to host the games": "Donald Tusk"}


# Whose words: the verb that reports a clause, the source that only relays them, an aside


def test_adding_continues_the_speaker_not_the_subject_of_the_reported_clause():
    said = indirect(
        extract(
            story(
                "Chilean President Ana Ruiz met Bolivian President Luis Arce in Santiago on Monday.",
                "Ruiz told the closing ceremony that during its chairmanship, Chile will highlight trade as "
                "a priority of the bloc, adding that the bloc will pursue new partners in Asia.",
            )
        )
    )
    assert said.get("the bloc will pursue new partners in Asia") == "Ana Ruiz"


def test_a_news_agency_after_a_reporting_clause_only_relays_it():
    said = indirect(
        extract(
            story(
                "Bahraini King Hamad met Israeli Prime Minister Benjamin Netanyahu in Manama.",
                "Hossein Amir-Abdollahian, a special adviser to Iran's parliament, said it was a betrayal of "
                "the Palestinian cause, Reuters reports.",
            )
        )
    )
    assert said == {"it was a betrayal of the Palestinian cause": "Hossein Amir-Abdollahian"}


def test_an_official_after_a_reporting_clause_speaks_it_whole():
    said = indirect(
        extract(
            story(
                "Bahraini King Hamad met Israeli Prime Minister Benjamin Netanyahu in Manama.",
                "Hamad told Israeli leaders that he entered the talks with hope, said a senior official.",
            )
        )
    )
    assert said == {"Hamad told Israeli leaders that he entered the talks with hope": "a senior official"}


def test_what_a_verb_in_an_aside_between_dashes_reports_ends_at_the_closing_dash():
    said = indirect(
        extract(
            story(
                "Israeli Prime Minister Ariel Sharon met Palestinian leader Mahmoud Abbas in Jerusalem.",
                "The shootings - which the Israeli army said came in response to attacks by stone throwers - "
                "took place a day after Sharon declared that the occupation of the West Bank must end.",
            )
        )
    )
    assert said == {
        "came in response to attacks by stone throwers": "the Israeli army",
        "the occupation of the West Bank must end": "Ariel Sharon",
    }


def test_a_participle_or_to_clause_after_the_object_and_a_comma_completes_what_was_said():
    said = indirect(
        extract(
            story(
                "US President Joe Biden met Japanese Prime Minister Fumio Kishida in Washington.",
                "Biden affirmed the United States' unwavering commitment to the defense of Japan, using its "
                "full range of capabilities.",
                "Kishida welcomed the decision, saying that it would help the region.",
            )
        )
    )
    assert said == {
        "the United States' unwavering commitment to the defense of Japan, using its full range of "
        "capabilities": "Joe Biden",
        "the decision": "Fumio Kishida",
        "it would help the region": "Fumio Kishida",
    }


def test_a_person_noun_as_object_is_whom_not_what_was_said():
    result = extract(
        story(
            "Bahraini King Hamad met Israeli Prime Minister Benjamin Netanyahu in Manama.",
            "The Palestinian foreign ministry recalled its ambassador to Bahrain.",
        )
    )
    assert indirect(result) == {}


def test_what_an_event_would_let_someone_say_is_not_a_statement():
    said = indirect(
        extract(
            story(
                "US President Donald Trump met Afghan President Ashraf Ghani in Kabul.",
                "The number of troops is expected to fall to 4,500 before the vote, letting Mr Trump tell "
                "voters he has kept his promise to end the war.",
                "Ghani said he would help.",
            )
        )
    )
    assert said == {"he would help": "Ashraf Ghani"}


def test_a_tensed_verb_after_the_object_completes_the_clause_it_opens():
    said = indirect(
        extract(
            story(
                "Chilean President Ana Torres met Peruvian President Luis Vega in Lima.",
                "Torres spoke on Friday, acknowledging doubts about the canal were justified.",
            )
        )
    )
    assert said == {"doubts about the canal were justified": "Ana Torres"}


def test_an_object_of_a_possessive_and_a_noun_alone_names_a_topic_not_what_was_said():
    said = indirect(
        extract(
            story(
                "Chilean President Ana Torres met Peruvian President Luis Vega in Lima.",
                "Vega reiterated his objection, and Torres said the border would stay open.",
            )
        )
    )
    assert said == {"the border would stay open": "Ana Torres"}


def test_made_it_clear_reports_the_that_clause_parsed_under_clear():
    said = indirect(
        extract(
            story(
                "Chilean President Ana Torres met Peruvian President Luis Vega in Lima.",
                "Torres made it clear that the border would stay open.",
            )
        )
    )
    assert said == {"the border would stay open": "Ana Torres"}


def test_an_apposition_after_a_comma_stays_in_what_was_added():
    said = indirect(
        extract(
            story(
                "Chilean President Ana Torres met Peruvian President Luis Vega in Lima.",
                "Torres added that both sides shared the principles of respect for sovereignty, the rule of "
                "law and openness.",
            )
        )
    )
    assert said == {
        "both sides shared the principles of respect for sovereignty, the rule of law and openness": (
            "Ana Torres"
        )
    }


def test_hit_out_at_reports_its_object_and_the_phrase_after_it():
    said = indirect(
        extract(
            story(
                "Chilean President Ana Torres met Peruvian President Luis Vega in Lima.",
                "Torres hit out at Peru for what she called a pattern of bullying its neighbours.",
            )
        )
    )
    assert said == {"Peru for what she called a pattern of bullying its neighbours": "Ana Torres"}


def test_a_determiner_and_a_noun_completed_by_a_phrase_on_the_verb_is_what_was_said():
    said = indirect(
        extract(
            story(
                "Chilean President Ana Torres met Peruvian President Luis Vega in Lima.",
                "Torres, after three days of silence, belatedly tweeted a plea for calm.",
            )
        )
    )
    assert said == {"a plea for calm": "Ana Torres"}


def test_sought_to_reassure_in_the_past_is_speech_made():
    said = indirect(
        extract(
            story(
                "Chilean President Ana Torres met Peruvian President Luis Vega in Lima.",
                "Torres sought to reassure Vega that the border would stay open.",
            )
        )
    )
    assert said == {"the border would stay open": "Ana Torres"}


def test_a_sum_pledged_is_what_was_given_not_what_was_said():
    said = indirect(
        extract(
            story(
                "Chilean President Ana Torres met Peruvian President Luis Vega in Lima.",
                "Torres pledged $40 million to help with emergency relief.",
            )
        )
    )
    assert said == {}


def test_an_agency_credit_closing_its_own_sentence_is_narration():
    result = extract(
        story(
            "President of Chile Ana Ruiz met with President of Peru Luis Vega in Lima as part of the "
            "summit of the Pacific Alliance, Trend reports.",
        )
    )
    assert speakers(result, "indirect") == []


def test_an_agency_that_reported_what_happened_is_a_speaker():
    result = extract(
        story(
            "Chilean President Ana Ruiz met Peruvian President Luis Vega in Lima on Monday.",
            "Kyodo reported that the two leaders discussed trade.",
        )
    )
    assert speakers(result, "indirect") == [("Kyodo", "the two leaders discussed trade")]
