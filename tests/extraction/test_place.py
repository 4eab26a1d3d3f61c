"""The summit's place: gazetteer, datelines, "the Finnish capital", places that are not the meeting's."""

import datetime as dt

from summits.extraction import extract
from tests.extraction.conftest import LEAD, names, story

# Place and country


def test_location_and_country_from_the_gazetteer():
    summit = extract(LEAD).summit
    assert (summit.location, summit.country) == ("Sochi", "RU")


def test_the_demonym_capital_names_the_place():
    result = extract(
        story(
            "Nordic leaders gathered in the Finnish capital on Monday and agreed to build a joint "
            "ammunition factory. Swedish Prime Minister Ulf Kristersson said the plan was urgent."
        )
    )
    assert result.summit.location == "Helsinki"


# The dateline's city


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


def test_a_capital_standing_for_its_state_does_not_place_the_meeting():
    result = extract(
        story(
            "VIENNA, May 4 (Reuters) - Austrian Chancellor Karl Nehammer met Swiss President Viola Amherd "
            "on Friday to discuss energy supplies threatened by Moscow."
        )
    )
    assert result.summit.location == "Vienna"


# Places that are not the meeting's


def test_a_place_where_a_non_participant_spoke_never_places_the_meeting():
    result = extract(
        story(
            "OSLO, Norway, March 3, 2024 — Nordic prime ministers meeting in the Norwegian capital on "
            "Sunday agreed to share air surveillance data.",
            "Russian Foreign Minister Sergei Lavrov said in Moscow that the move was hostile.",
        )
    )
    assert result.summit.location == "Oslo"
    assert result.summit.country == "NO"


def test_future_meetings_give_neither_place_nor_date():
    result = extract(
        "BERLIN, June 20, 2023 (AFP) - German Chancellor Olaf Scholz met Chinese Premier Li Qiang "
        "during government consultations in Berlin on Tuesday.\n\n"
        "Li will meet French President Emmanuel Macron in Paris on Friday.\n"
    )
    assert result.summit.location == "Berlin"
    assert result.summit.date == dt.date(2023, 6, 20)
    assert "Emmanuel Macron" not in names(result)
