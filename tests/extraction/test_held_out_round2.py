"""Held-out styles, round 2: each phenomenon of the lead's second check in its own small example."""

import datetime as dt

from summits.extraction import extract
from summits.extraction.boilerplate import read_layout


def story(*paragraphs: str) -> str:
    return "Leaders meet\n\n" + "\n\n".join(paragraphs) + "\n"


def by_name(result):
    return {p.name: p for p in result.participants}


def speakers(result, kind):
    return [(s.speaker, s.text) for s in result.statements if s.kind == kind]


GUARDIAN = story(
    "Keir Starmer and Olaf Scholz have signed a landmark defence agreement in Berlin, committing the UK "
    "and Germany to closer cooperation on security.",
    "The prime minister, on his first visit to Berlin since taking office, said the agreement was a "
    "milestone for both countries.",
    'Speaking alongside him, the German chancellor said: "This is a historic day for our two nations."',
    "Scholz added that Germany would buy more British-made equipment.",
)


def test_coordinated_signers_are_participants_and_descriptions_go_to_the_compatible_one():
    result = extract(GUARDIAN)
    people = by_name(result)
    assert set(people) == {"Keir Starmer", "Olaf Scholz"}  # the model calls "Olaf Scholz" an ORG
    assert (people["Olaf Scholz"].role, people["Olaf Scholz"].country) == ("Chancellor", "DE")
    assert (people["Keir Starmer"].role, people["Keir Starmer"].country) == ("Prime Minister", "GB")
    assert [s.speaker for s in result.statements] == ["Keir Starmer", "Olaf Scholz", "Olaf Scholz"]


def test_parties_come_from_the_states_in_the_sentence_and_a_place_is_never_a_topic():
    agreement = extract(GUARDIAN).agreements[0]
    assert sorted(agreement.parties) == ["DE", "GB"]
    assert agreement.topic == "landmark defence agreement"


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


def test_titles_use_the_short_form_the_text_uses_else_an_east_asian_family_name():
    result = extract(
        story(
            "Chinese Foreign Minister Wang Yi met Russian Foreign Minister Sergey Lavrov in Beijing.",
            "Wang said the two countries would deepen cooperation.",
            "Chinese President Xi Jinping later received Lavrov.",
        )
    )
    assert result.summit.title.startswith("Wang–Lavrov–Xi talks")


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


def test_a_title_of_a_state_and_its_demonym_description():
    result = extract(
        story(
            "Russian President Vladimir Putin held talks with President of Laos Thongloun Sisoulith in "
            "Moscow.",
            "The Lao leader expressed hope that direct flights would resume soon.",
        )
    )
    guest = by_name(result)["Thongloun Sisoulith"]
    assert (guest.role, guest.country) == ("President", "LA")
    assert speakers(result, "indirect") == [("Thongloun Sisoulith", "direct flights would resume soon")]


def test_a_name_suffix_is_not_the_family_name():
    result = extract(
        story(
            "Japanese Prime Minister Fumio Kishida met Philippine President Ferdinand Marcos Jr. in Manila.",
            "Marcos said the partnership was not directed against any country.",
        )
    )
    assert result.summit.title.startswith("Kishida–Marcos talks")
    assert speakers(result, "indirect")[0][0] == "Ferdinand Marcos Jr."


def test_a_description_with_an_appositive_name_is_that_person():
    result = extract(
        story(
            "Keir Starmer met Emmanuel Macron in Paris.",
            'The Conservative leader, Kemi Badenoch, said the deal was "another expensive gimmick".',
        )
    )
    assert speakers(result, "direct") == [("Kemi Badenoch", "another expensive gimmick")]
    assert "Kemi Badenoch" not in by_name(result)


def test_tass_and_titled_datelines():
    tass = read_layout("Putin meets\n\nMOSCOW, June 13. /TASS/. Russian President Vladimir Putin met.\n")
    assert (tass.meta.dateline, tass.dateline_day) == ("Moscow", (6, 13))
    titled = read_layout("Talks resume\n\nAddis Ababa, Ethiopia – The leaders met on Saturday.\n")
    assert (titled.meta.dateline, titled.meta.dateline_country) == ("Addis Ababa", "Ethiopia")
    result = extract(
        "Putin meets guest\n\nMOSCOW, June 13. /TASS/. Russian President Vladimir Putin held talks "
        "here on Thursday with Lao President Thongloun Sisoulith.\n",
        published=dt.date(2024, 6, 14),
    )
    assert (result.summit.location, result.summit.date) == ("Moscow", dt.date(2024, 6, 13))


def test_topics_name_what_actors_are_to_do_and_a_light_noun_keeps_its_kind():
    result = extract(
        story(
            "Barack Obama met King Salman at Camp David.",
            "The leaders also agreed to press all parties in Libya to reach a political agreement.",
            "The two leaders signed a migration agreement in Washington.",
        )
    )
    assert [a.topic for a in result.agreements] == ["political agreement", "migration agreement"]


def test_a_truncated_name_and_the_chair_of_a_session_take_part():
    result = extract(
        story(
            "Egyptian President Abdel Fattah el-Sisi and Sudan's army chief Abdel Fattah al-Burhan met on "
            "Saturday, with African Union Commission Chairperson Moussa Faki Mahamat chairing the session.",
        )
    )
    people = by_name(result)
    assert set(people) == {"Abdel Fattah el-Sisi", "Abdel Fattah al-Burhan", "Moussa Faki Mahamat"}
    assert (people["Abdel Fattah al-Burhan"].role, people["Abdel Fattah al-Burhan"].country) == (
        "Army Chief",
        "SD",
    )
    assert people["Moussa Faki Mahamat"].country == "AU"
