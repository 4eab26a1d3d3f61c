"""Held-out styles: each phenomenon the lead's check found, in its own small example."""

import datetime as dt

from summits.extraction import extract


def story(*paragraphs: str) -> str:
    return "Leaders meet\n\n" + "\n\n".join(paragraphs) + "\n"


def names(result):
    return {p.name for p in result.participants}


def test_people_named_without_titles_take_part_and_get_role_and_country_from_descriptions():
    result = extract(
        story(
            "Narendra Modi and Sheikh Hasina agreed on Saturday to speed up trade talks after meeting "
            "on the sidelines of the G20 summit in New Delhi.",
            "Hasina, the Bangladeshi prime minister, told reporters that Dhaka wanted more water.",
            '"Bangladesh is our closest partner," the Indian prime minister said.',
        )
    )
    by_name = {p.name: p for p in result.participants}
    assert set(by_name) == {"Narendra Modi", "Hasina"}
    assert (by_name["Narendra Modi"].role, by_name["Narendra Modi"].country) == ("Prime Minister", "IN")
    assert by_name["Hasina"].country == "BD"
    assert result.statements[-1].speaker == "Narendra Modi"  # by demonym, not the nearest
    assert sorted(result.agreements[0].parties) == ["BD", "IN"]


def test_meeting_verbs_make_participants_and_mentioned_people_do_not_leak():
    result = extract(
        story(
            "Saudi Crown Prince Mohammed bin Salman received Ukrainian President Volodymyr Zelenskiy "
            "in Jeddah on Wednesday.",
            "Russian President Vladimir Putin, who was not invited, rejected the plan.",
            "Zelenskiy will meet French President Emmanuel Macron in Paris on Friday.",
        )
    )
    assert names(result) == {"Mohammed bin Salman", "Volodymyr Zelenskiy"}
    assert result.summit.location == "Jeddah"


def test_names_with_particles_are_kept_whole():
    result = extract(
        story(
            "Ursula von der Leyen met Japanese Prime Minister Fumio Kishida in Tokyo on Thursday.",
            '"Our security depends on diverse supply chains," von der Leyen told reporters.',
        )
    )
    assert "Ursula von der Leyen" in names(result)
    assert result.statements[0].speaker == "Ursula von der Leyen"
    assert result.summit.title.lower().startswith("von der leyen–kishida")


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


def test_the_subject_of_told_speaks_not_the_according_to_source():
    result = extract(
        story(
            "German Chancellor Olaf Scholz held talks with Chinese Premier Li Qiang in Berlin.",
            '"We want fair competition for our companies," Scholz told Li, according to his office.',
        )
    )
    assert result.statements[0].speaker == "Olaf Scholz"


def test_dateline_city_is_the_place_when_the_story_says_here_and_the_title_uses_the_short_form():
    result = extract(
        "ASTANA, July 3 (Xinhua) -- Chinese President Xi Jinping held talks here Wednesday with "
        "Kazakh President Kassym-Jomart Tokayev on cooperation in China and Kazakhstan.\n\n"
        "Xi said China is willing to work with Kazakhstan.\n"
    )
    assert (result.summit.location, result.summit.country) == ("Astana", "KZ")
    assert "Kassym-Jomart Tokayev" in names(result)
    assert result.summit.title.startswith("Xi–Tokayev")
    assert result.summit.date is None and result.summit.date_text == "Wednesday"


def test_a_yearless_dateline_resolves_weekdays_only_with_a_publication_date():
    text = "NEW DELHI, Sept 9 (Reuters) - Narendra Modi met Sheikh Hasina on Saturday in New Delhi.\n"
    assert extract(text).summit.date is None
    assert extract(text, published=dt.date(2023, 9, 10)).summit.date == dt.date(2023, 9, 9)


def test_future_meetings_give_neither_place_nor_date():
    result = extract(
        "BERLIN, June 20, 2023 (AFP) - German Chancellor Olaf Scholz met Chinese Premier Li Qiang "
        "during government consultations in Berlin on Tuesday.\n\n"
        "Li will meet French President Emmanuel Macron in Paris on Friday.\n"
    )
    assert result.summit.location == "Berlin"
    assert result.summit.date == dt.date(2023, 6, 20)
    assert "Emmanuel Macron" not in names(result)


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


def test_topics_are_short_noun_phrases():
    result = extract(
        story(
            "Narendra Modi and Sheikh Hasina agreed on Saturday to speed up negotiations on a "
            "comprehensive economic partnership agreement.",
            "The two leaders also agreed to deepen co-operation on nuclear energy.",
        )
    )
    assert [a.topic for a in result.agreements] == [
        "comprehensive economic partnership agreement",
        "nuclear energy",
    ]


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
