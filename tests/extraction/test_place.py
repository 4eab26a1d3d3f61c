"""The summit's place: gazetteer, datelines, "the Finnish capital", places that are not the meeting's."""

import datetime as dt

import pytest

from summits.extraction import extract, geo
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


# Where: the place attached to the meeting, landmarks, "City, Country", continents


def test_the_place_attached_to_the_meeting_noun_wins_over_the_first_place_in_the_sentence():
    result = extract(
        story(
            "Chilean President Ana Torres, who flew in from Lima, held talks with Bolivian President "
            "Luis Arce at his office in Cochabamba on Friday."
        )
    )
    assert result.summit.location == "Cochabamba"
    assert result.summit.country == "BO"


def test_capitals_standing_for_their_governments_are_never_the_venue():
    result = extract(
        story(
            "The thaw between Santiago and La Paz continued as Chilean President Ana Torres met "
            "Bolivian President Luis Arce in Cochabamba on Friday."
        )
    )
    assert result.summit.location == "Cochabamba"


def test_a_landmark_gives_its_city_and_country():
    result = extract(
        story(
            "French President Emmanuel Macron received German Chancellor Olaf Scholz at the Elysee Palace "
            "on Monday."
        )
    )
    assert result.summit.location == "Elysee Palace, Paris"
    assert result.summit.country == "FR"


def test_a_city_and_country_written_in_the_text_wins_over_the_gazetteer():
    result = extract(
        story(
            "Spanish Prime Minister Pedro Sanchez met Chilean President Gabriel Boric in Valencia, "
            "Venezuela, on Tuesday for talks on trade."
        )
    )
    assert result.summit.country == "VE"


def test_a_country_only_venue_is_allowed_and_a_continent_never():
    result = extract(
        story(
            "Japanese Prime Minister Fumio Kishida visited Kenya on Monday for talks with Kenyan "
            "President William Ruto on trade between Asia and Africa."
        )
    )
    assert (result.summit.location, result.summit.country) == ("Kenya", "KE")


def test_a_place_modifying_a_noun_is_not_the_venue():
    result = extract(
        story(
            "Malaysian Prime Minister Anwar Ibrahim met Thai Prime Minister Srettha Thavisin in Penang on "
            "Sunday. They discussed the Thailand-Malaysia border."
        )
    )
    assert result.summit.location == "Penang"


def test_an_earlier_meetings_place_loses_to_this_one():
    result = extract(
        story(
            "Turkish President Recep Tayyip Erdogan met Russian President Vladimir Putin in Astana on "
            "Thursday. The two leaders last held a summit in Tehran in 2022."
        )
    )
    assert result.summit.location == "Astana"


# Only a place tied to the meeting is its venue


def test_a_place_merely_named_in_the_story_is_not_the_venue():
    result = extract(
        story(
            "Chilean Foreign Minister Ana Torres and Peruvian Foreign Minister Luis Vega held talks "
            "on Monday about the border.",
            "Floods swept through the city of Arica last month, officials said.",
        )
    )
    assert result.summit.location is None


def test_a_place_guessed_at_is_not_the_venue():
    result = extract(
        story(
            "A summit between Chilean President Ana Torres and Peruvian President Luis Vega is "
            "planned for later this week, possibly in Arequipa."
        )
    )
    assert (result.summit.location, result.summit.country) == (None, None)


def test_a_planned_visit_alone_gives_its_country():
    result = extract(
        story("Japan's Foreign Minister Kenji Tanaka is scheduled to visit Peru for talks with Luis Vega.")
    )
    assert result.summit.country == "PE"


def test_a_meeting_under_way_as_the_paper_went_to_press_is_the_venue():
    result = extract(
        story(
            "As the paper went to press, the presidents of Chile and Peru, Ana Torres and Luis "
            "Vega, were to hold a meeting in Lima.",
            "Fighting in Arica, the disputed province, has worsened since the talks were announced.",
        )
    )
    assert (result.summit.location, result.summit.country) == ("Lima", "PE")


def test_a_place_where_they_went_to_sign_is_the_venue():
    result = extract(
        story(
            "The accord is meant to open the border. Ana Torres and Luis Vega were at the White House "
            "to sign it, watched by President Tom Reed."
        )
    )
    assert result.summit.location.startswith("White House")


def test_a_country_name_is_the_state_not_a_homonymous_town():
    result = extract(story("King Omar of Jordan met Chilean President Ana Torres in Jordan on Monday."))
    assert result.summit.country == "JO"


def test_a_country_that_only_qualifies_a_title_is_not_the_venue():
    result = extract(
        story(
            "Talks were also held with Angola's Minister of Justice Paulo Neto and Ghana Minister "
            "of Trade Kofi Mensah on Monday."
        )
    )
    assert result.summit.location not in {"Angola", "Ghana"}


def test_a_meeting_before_the_journey_here_is_an_earlier_stop():
    result = extract(
        story(
            "VIENTIANE, Sept. 6 (Xinhua) -- Chilean President Ana Torres and Peruvian President Luis "
            "Vega will not meet here, officials said.",
            "Torres arrived in the Lao capital on Monday after participating in the G20 Summit in "
            "China's eastern city of Hangzhou.",
        )
    )
    assert result.summit.location != "Hangzhou"


def test_the_place_an_event_is_named_after_is_where_they_met_on_its_sidelines():
    result = extract(
        story(
            "Chilean Foreign Minister Ana Torres met Peruvian Foreign Minister Luis Vega on the "
            "sidelines of the Munich Security Conference on Saturday."
        )
    )
    assert (result.summit.location, result.summit.country) == ("Munich", "DE")


def test_where_those_who_took_part_stood_beats_a_plan_to_meet_elsewhere():
    result = extract(
        story(
            "Chilean Foreign Minister Ana Torres held talks with Peruvian Foreign Minister Luis Vega "
            "on Sunday.",
            "Torres and Vega stood side by side in Geneva as they set out the steps of the border accord.",
            "The two plan to meet Bolivian envoy Juan Rios on Monday in Paris to discuss the accord.",
        )
    )
    assert (result.summit.location, result.summit.country) == ("Geneva", "CH")


def test_a_place_in_a_photo_caption_is_not_the_venue():
    result = extract(
        "AFP/File – Premier Li Wei, seen here at a congress in Beijing on March 14, will visit.\n"
        "Chinese Premier Li Wei will meet Prime Minister Kenji Tanaka on May 31.\n"
    )
    assert result.summit.location != "Beijing"


def test_a_known_place_the_story_puts_the_meeting_in_beats_the_dateline_without_here():
    result = extract(
        "KUALA LUMPUR (Reuters) - Chilean envoy Ana Torres paid a courtesy call on Prime Minister "
        "Luis Vega at his office in Putrajaya on Thursday.\n"
    )
    assert result.summit.location == "Putrajaya"


def test_a_demonym_names_its_country_by_the_longest_stem_or_the_table_of_irregular_ones():
    assert geo.demonym_country("Nigerian") == "NG"  # Nigeria-n, not Niger-ian
    assert geo.demonym_country("Nigerien") == "NE"
    assert geo.demonym_country("Peruvian") == "PE"
    assert geo.demonym_country("Turkish") == "TR"  # Turkey before Turkmenistan
    assert geo.demonym_country("Indian") == "IN"
    assert geo.demonym_country("Sri Lankan") == "LK"  # a country of two words


# Meetings at a distance, people's states, places spaCy took for people


def test_a_meeting_held_virtually_has_no_place_nor_country():
    result = extract(
        story(
            "Kenyan President William Ruto met virtually on Tuesday with Prime Minister Kenji Tanaka "
            "of Japan to discuss trade.",
            "The two leaders agreed to open a new flight route.",
        )
    )
    assert (result.summit.location, result.summit.country) == (None, None)


def test_a_video_call_takes_no_country_from_the_dateline():
    result = extract(
        "NAIROBI, May 3 (Reuters) - Kenyan President William Ruto held a video call with Japanese "
        "Prime Minister Kenji Tanaka on Tuesday about trade.\n\n"
        "The two leaders agreed to open a new flight route.\n"
    )
    assert (result.summit.location, result.summit.country) == (None, None)


@pytest.mark.parametrize(
    "described",
    [
        "The two neighbours also had talks on trade during the meeting done via video-conferencing.",
        "The talks, held by video link, were chaired by Luis Ortega and Maria Vela.",
    ],
)
def test_a_meeting_described_later_as_held_by_video_takes_no_place_from_the_dateline(described):
    result = extract("LIMA - Peru and Ecuador agreed on Monday to reopen the border.\n\n" + described + "\n")
    assert (result.summit.location, result.summit.country) == (None, None)


def test_a_video_call_planned_after_the_meeting_leaves_its_place():
    result = extract(
        story(
            "Peru and Ecuador agreed on Monday to reopen the border after talks in Lima.",
            "The ministers will hold a video call next week.",
        )
    )
    assert result.summit.location == "Lima"


def test_a_call_earlier_in_a_relative_clause_leaves_the_venue():
    result = extract(
        story(
            "Kenyan President William Ruto, who spoke by phone with Kenji Tanaka last week, met him "
            "in Nairobi on Tuesday to discuss trade."
        )
    )
    assert (result.summit.location, result.summit.country) == ("Nairobi", "KE")


def test_the_country_of_a_persons_title_is_not_the_venue():
    result = extract(
        story("President Tom Reed met Prime Minister Kenji Tanaka of Japan on Monday to discuss trade.")
    )
    assert (result.summit.location, result.summit.country) == (None, None)


def test_a_place_taken_for_a_person_is_a_place_when_written_with_its_state():
    result = extract(
        story("Kenyan President William Ruto visited Davao, Philippines, on Monday for talks with Ana Reyes.")
    )
    assert (result.summit.location, result.summit.country) == ("Davao", "PH")


# A document's line of place and date: letterhead, closing line


def test_a_letterhead_places_and_dates_a_record_of_talks():
    result = extract(
        "Australian Embassy, Jakarta, 4 March 1975\n\n"
        "1. At our talk today Foreign Minister Adam Malik said that the two governments should meet "
        "more often.\n\n2. I told him that Australia agreed.\n"
    )
    summit = result.summit
    assert (summit.location, summit.country, summit.date) == ("Jakarta", "ID", dt.date(1975, 3, 4))


def test_a_communiques_closing_line_places_a_visit_to_its_country():
    result = extract(
        "Joint Statement\n\n"
        "At the invitation of President Joko Widodo, Prime Minister Kenji Tanaka of Japan paid an "
        "official visit to Indonesia from 10 to 12 May 2016.\n\n"
        "The two leaders agreed to expand maritime cooperation.\n\n"
        "Issued in Jakarta, 12 May 2016\n"
    )
    assert (result.summit.location, result.summit.country) == ("Jakarta", "ID")


def test_a_dateline_with_the_day_before_the_month_is_read():
    result = extract(
        "CANBERRA, 12 March — Prime Minister Kenji Tanaka met Kenyan President William Ruto here for "
        "talks on trade.\n",
        published=dt.date(2023, 3, 15),
    )
    assert (result.summit.location, result.summit.country) == ("Canberra", "AU")


# Visits with several stops


def test_a_tour_of_several_countries_is_placed_at_its_first_stop():
    result = extract(
        story(
            "I will visit Indonesia, Vietnam, Thailand and Cambodia from 3 to 9 May.",
            "My visit to Vietnam on 5 May will be the first by an Australian minister since the elections. "
            "I will be meeting Prime Minister Tui Sailele to discuss the relationship.",
        )
    )
    assert (result.summit.location, result.summit.country) == ("Indonesia", "ID")


def test_a_country_qualifying_a_counterpart_is_not_where_they_met():
    result = extract(
        story(
            "I will hold discussions with Prime Minister Sione Vaka in Tonga on 3 May.",
            "I value these meetings, which let me exchange views with my New Zealand counterpart.",
        )
    )
    assert (result.summit.location, result.summit.country) == ("Tonga", "TO")


def test_a_dateline_is_not_the_venue_of_a_visit_to_another_country():
    result = extract(
        "MANILA, Oct. 21 (Xinhua) -- Philippine President Ana Cruz will visit Japan next week to "
        "bolster ties, a government spokesman said on Friday.\n"
    )
    assert result.summit.country == "JP"


def test_a_spokesman_at_a_palace_named_with_an_adjective_spoke_elsewhere():
    result = extract(
        story(
            "Philippine President Ana Cruz will visit Japan next week.",
            "Assistant Secretary Rosa Lim told a news conference at the Malacanang presidential palace "
            "that Cruz will meet Japanese Prime Minister Ken Sato.",
        )
    )
    assert result.summit.country == "JP"


def test_a_city_of_the_visited_country_beats_the_country():
    result = extract(
        "MANILA, Oct. 21 (Xinhua) -- Philippine President Ana Cruz will visit Japan next week, a "
        "government spokesman said on Friday.\n\n"
        "While in Osaka, Lim told reporters that Cruz would also meet with Filipinos living in Japan.\n"
    )
    assert (result.summit.location, result.summit.country) == ("Osaka", "JP")


def test_the_city_of_an_event_the_visit_includes_is_not_the_visits_city():
    result = extract(
        story(
            "Minister Ana Cruz is on an official visit to India from 28 to 31 August.",
            "As part of the visit, Cruz will also attend a symposium held in Mumbai on 28 August.",
        )
    )
    assert (result.summit.location, result.summit.country) == ("India", "IN")


# Seats of government named by what they are


def test_a_generic_seat_of_government_stands_in_the_visited_countrys_capital():
    result = extract(
        story(
            "US Secretary of State Ana Ruiz visited Afghanistan on Monday and met President Ali Karimi "
            "at the presidential palace."
        )
    )
    assert (result.summit.location, result.summit.country) == ("Presidential Palace, Kabul", "AF")


def test_a_generic_seat_of_government_stands_in_the_hosts_capital():
    result = extract(
        story(
            "Kenyan President William Ruto hosted Japanese Prime Minister Fumio Kishida at State House "
            "on Monday."
        )
    )
    assert (result.summit.location, result.summit.country) == ("State House, Nairobi", "KE")


def test_a_generic_seat_of_government_stands_in_the_datelines_capital():
    result = extract(
        "SUVA, May 3 (Reuters) - Australian Foreign Minister Ana Ruiz held talks with Fijian Prime "
        "Minister Sitiveni Rabuka at Government House on Monday.\n"
    )
    assert (result.summit.location, result.summit.country) == ("Government House, Suva", "FJ")


def test_where_a_non_participant_was_in_a_participle_clause_of_saying_is_not_the_venue():
    result = extract(
        "DOHA, Sept 12 (Reuters) - Afghan government negotiators and Taliban envoys opened peace "
        "talks on Saturday.\n\n"
        "Watching on television in the Afghan capital Kabul, teacher Ana Ruiz said the talks gave her hope.\n"
    )
    assert (result.summit.location, result.summit.country) == ("Doha", "QA")


def test_a_meeting_one_of_several_summits_held_virtually_has_no_place():
    result = extract(
        "WASHINGTON - The United States remains committed to the region, said Secretary of State Ana "
        "Ruiz on Friday.\n\n"
        "Ms Ruiz's comments came in a statement following her meeting with Asean foreign ministers on "
        "Wednesday, one of several annual regional summits this week that took place virtually due to the "
        "pandemic.\n"
    )
    assert (result.summit.location, result.summit.country) == (None, None)


def test_the_stop_where_they_met_beats_the_talks_before_the_flight():
    result = extract(
        story(
            "After talks in Tokyo on Monday, US Secretary of State Ana Ruiz flew to Seoul, where she met "
            "South Korean President Lee Jae-myung on Tuesday."
        )
    )
    assert (result.summit.location, result.summit.country) == ("Seoul", "KR")


def test_a_stop_where_they_will_meet_later_is_not_this_meetings():
    result = extract(
        story(
            "After talks in Tokyo on Monday, US Secretary of State Ana Ruiz flew to Seoul, where she will "
            "meet South Korean President Lee Jae-myung on Friday."
        )
    )
    assert (result.summit.location, result.summit.country) == ("Tokyo", "JP")


def test_a_tour_of_several_countries_places_a_generic_seat_in_its_first_stop():
    result = extract(
        story(
            "Thai Prime Minister Ana Ruiz is on a three-nation tour of Malaysia, Singapore and Indonesia. "
            "On Monday she met Malaysian Prime Minister Anwar Ibrahim at the Prime Minister's Office."
        )
    )
    assert (result.summit.location, result.summit.country) == ("Prime Minister's Office, Kuala Lumpur", "MY")


def test_a_state_written_before_the_place_wins_over_the_gazetteer():
    result = extract(
        story(
            "US President Joe Biden met Chinese President Xi Jinping in the Indonesian resort island of "
            "Bali on Monday."
        )
    )
    assert (result.summit.location, result.summit.country) == ("Bali", "ID")


def test_a_meeting_under_after_with_those_who_took_part_is_the_reported_one():
    result = extract(
        story(
            "After meeting Indonesian President Joko Widodo in Jakarta, Australian Prime Minister Anthony "
            "Albanese flew to Manila."
        )
    )
    assert (result.summit.location, result.summit.country) == ("Jakarta", "ID")


def test_a_generic_seat_stands_in_the_capital_of_the_one_who_received_the_other():
    result = extract(
        story(
            "Ukrainian President Volodymyr Zelensky received Polish President Andrzej Duda at the "
            "presidential palace on Monday."
        )
    )
    assert (result.summit.location, result.summit.country) == ("Presidential Palace, Kyiv", "UA")


def test_a_visit_still_ahead_does_not_take_the_place_of_the_meeting_reported():
    result = extract(
        "TOKYO, May 3 (Reuters) - Japanese Prime Minister Fumio Kishida held talks with Australian Prime "
        "Minister Anthony Albanese on Monday. Kishida will visit Vietnam next week.\n"
    )
    assert (result.summit.location, result.summit.country) == ("Tokyo", "JP")


def test_a_visit_before_which_they_met_is_a_later_occasion():
    result = extract(
        "TOKYO (Reuters) - Japanese Prime Minister Fumio Kishida met US President Joe Biden on Monday, "
        "days before his visit to Vietnam.\n"
    )
    assert (result.summit.location, result.summit.country) == ("Tokyo", "JP")


# Calls, posts, earlier visits, messages and places of other things


def test_a_call_with_someone_has_no_place():
    text = (
        "Today, President Ana Torres held a productive call with Prime Minister Luis Vega of Peru. "
        "The two leaders discussed plans for Prime Minister Vega to visit the Casa Rosada.\n"
    )
    summit = extract(text, published=dt.date(2024, 3, 5)).summit
    assert (summit.location, summit.country) == (None, None)


def test_a_courtesy_call_on_someone_keeps_its_place():
    text = (
        "Ambassador Kari Lunde paid a courtesy call on President Ana Torres at the Casa Rosada on Monday.\n"
    )
    assert extract(text).summit.location == "Casa Rosada, Buenos Aires"


def test_a_persons_post_is_not_the_place():
    text = (
        "President Ana Torres met with her special envoy to Norway, Luis Vega, and Foreign "
        "Secretary Kari Lunde on Monday.\n"
    )
    assert extract(text).summit.location is None


def test_a_recent_trip_is_another_occasion():
    text = (
        "Ana Torres will meet Luis Vega in Lima on Wednesday, her office said.\n\n"
        "On a recent trip to Oslo, Torres said the talks would be difficult.\n"
    )
    assert extract(text, published=dt.date(2024, 3, 5)).summit.location == "Lima"


def test_a_telephoned_message_tells_of_the_meeting_not_its_place():
    text = (
        "Kari Lunde, the Secretary of State, has just telephoned me from Bergen to say that Ana "
        "Torres was in Lima from 9 to 11 July and had talks with Luis Vega.\n"
    )
    summit = extract(text).summit
    assert (summit.location, summit.country) == ("Lima", "PE")


def test_a_place_of_another_thing_in_a_meeting_sentence_is_not_the_place():
    text = (
        "President Ana Torres and President Luis Vega agreed on Monday to cooperate on military "
        "action in Afghanistan.\n"
    )
    assert extract(text).summit.location is None


def test_the_city_a_journey_to_the_visited_country_goes_to():
    text = (
        "LIMA, Oct. 25 (Xinhua) -- Peruvian President Ana Torres left for Kenya on Tuesday for a "
        "three-day official visit.\n"
        "In a speech at the airport before leaving for Nairobi, Torres said she looks forward to "
        "discussing trade with Prime Minister Kari Lunde.\n"
        "She said she is also looking forward to meeting business leaders in Kenya.\n"
    )
    summit = extract(text).summit
    assert (summit.location, summit.country) == ("Nairobi", "KE")


def test_a_presidential_palace_written_without_its_g():
    text = (
        "President Ana Torres held a late evening meeting with Luis Vega in the Study Room of "
        "Malacañan Palace.\n"
    )
    summit = extract(text).summit
    assert (summit.location, summit.country) == ("Malacañan Palace, Manila", "PH")


def test_the_holy_see_is_placed_in_vatican_city():
    text = "Cardinal Luis Vega received Foreign Minister Ana Torres at the Holy See on Thursday.\n"
    summit = extract(text).summit
    assert summit.country == "VA"


def test_the_end_of_a_range_is_no_venue():
    result = extract(
        "China hosts African leaders\n\n(Agence France-Presse)\n\nBeijing, China\n\n"
        "Mon, September 3, 2018\n\n"
        "China hosts African leaders Monday for a summit aimed at promoting its vision.\n\n"
        "President Xi Jinping and leaders from across the continent will hold the two-day forum.\n\n"
        "The guests include the presidents of countries ranging from Egypt to Senegal and South "
        "Africa.\n"
    )
    assert (result.summit.location, result.summit.country) == ("Beijing", "CN")


# The venue apart from its city


def test_a_landmark_is_the_venue_and_its_city_the_city():
    result = extract(
        story(
            "French President Emmanuel Macron received German Chancellor Olaf Scholz at the Elysee Palace "
            "on Monday."
        )
    )
    assert (result.summit.venue, result.summit.city()) == ("Elysee Palace", "Paris")
    assert result.to_dict()["summit"]["venue"] == "Elysee Palace"


def test_a_generic_seat_is_the_venue_in_the_capital():
    result = extract(
        story(
            "US Secretary of State Ana Ruiz visited Afghanistan on Monday and met President Ali Karimi "
            "at the presidential palace."
        )
    )
    assert (result.summit.venue, result.summit.city()) == ("Presidential Palace", "Kabul")


def test_a_city_is_no_venue():
    summit = extract(LEAD).summit
    assert (summit.venue, summit.city()) == (None, "Sochi")
