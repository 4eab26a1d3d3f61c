"""The summit's date: explicit dates, relative dates resolved against the publication date."""

import datetime as dt

from summits.extraction import extract
from tests.extraction.conftest import LEAD

# Explicit dates


def test_explicit_multi_day_date():
    """A multi-day meeting is dated by its first day, its range kept as written, its last day given."""
    text = (
        "Leaders of ASEAN and Japan met on 12-13 March 2019 in Bangkok for a two-day summit.\n"
        "Thai Prime Minister Prayut Chan-o-cha chaired the meeting.\n"
    )
    summit = extract(text).summit
    assert (summit.date, summit.end_date) == (dt.date(2019, 3, 12), dt.date(2019, 3, 13))
    assert summit.date_text == "12-13 March 2019"
    assert (summit.location, summit.country) == ("Bangkok", "TH")


def test_a_range_keeps_its_words_as_written():
    published = dt.date(2002, 12, 23)
    text = "Prime Minister Helen Clark hosted Chancellor Olaf Berg at a retreat from 20 to 22 December.\n"
    summit = extract(text, published=published).summit
    assert (summit.date, summit.date_text) == (dt.date(2002, 12, 20), "from 20 to 22 December")
    assert summit.end_date == dt.date(2002, 12, 22)
    text = "Chancellor Olaf Berg visited Prime Minister Helen Clark in Wellington March 3-5.\n"
    summit = extract(text, published=published).summit
    assert (summit.date, summit.end_date, summit.date_text) == (
        dt.date(2002, 3, 3),
        dt.date(2002, 3, 5),
        "March 3-5",
    )


def test_a_range_across_two_months():
    text = "Premier Li Wen met Chancellor Olaf Berg in Berlin from 30 June to 2 July 2019.\n"
    summit = extract(text).summit
    assert (summit.date, summit.date_text) == (dt.date(2019, 6, 30), "from 30 June to 2 July 2019")
    assert summit.end_date == dt.date(2019, 7, 2)


def test_a_range_across_the_new_year_ends_in_the_next_year():
    text = "President Ana Ruiz met Prime Minister Helen Clark in Lima from 30 December to 2 January.\n"
    summit = extract(text, published=dt.date(2020, 1, 5)).summit
    assert (summit.date, summit.end_date) == (dt.date(2019, 12, 30), dt.date(2020, 1, 2))


def test_a_range_still_to_come_is_dated_after_publication():
    text = "President Ana Ruiz will visit Prime Minister Helen Clark in Lima Oct. 25 to 27.\n"
    summit = extract(text, published=dt.date(2016, 10, 21)).summit
    assert (summit.date, summit.end_date) == (dt.date(2016, 10, 25), dt.date(2016, 10, 27))


def test_a_range_of_weekdays_is_dated_by_its_first_day():
    text = "Prime Minister Helen Clark held talks with Chancellor Olaf Berg from Monday to Wednesday.\n"
    summit = extract(text, published=dt.date(2020, 9, 17)).summit
    assert (summit.date, summit.end_date, summit.date_text) == (
        dt.date(2020, 9, 14),
        dt.date(2020, 9, 16),
        "from Monday to Wednesday",
    )


def test_two_days_joined_by_and_are_not_a_range():
    """ "on 5 and 7 March": two days, not said to be one meeting's first and last."""
    text = "President Ana Ruiz met Prime Minister Helen Clark in Lima on 5 and 7 March 2019.\n"
    summit = extract(text).summit
    assert (summit.date, summit.end_date) == (dt.date(2019, 3, 5), None)


def test_a_weekday_written_with_the_date_is_part_of_its_words():
    text = "Prime Minister Helen Clark met Chancellor Olaf Berg in Wellington on Thursday (Sept 3).\n"
    summit = extract(text, published=dt.date(2020, 9, 4)).summit
    assert (summit.date, summit.date_text) == (dt.date(2020, 9, 3), "Thursday (Sept 3)")


def test_a_day_still_to_come_is_dated_after_publication():
    text = "President Ana Ruiz will welcome Prime Minister Helen Clark to Madrid on Tuesday, May 31.\n"
    summit = extract(text, published=dt.date(2022, 5, 28)).summit
    assert (summit.date, summit.date_text) == (dt.date(2022, 5, 31), "Tuesday, May 31")


# Phrases without a day


def test_a_month_alone_dates_the_meeting_without_a_day():
    text = "Prime Minister Helen Clark met Chancellor Olaf Berg in Berlin in March.\n"
    summit = extract(text, published=dt.date(2019, 6, 1)).summit
    assert (summit.date, summit.date_text) == (None, "in March")


def test_a_month_and_year_invent_no_day():
    """The archive holds days, not months: "in July 2017" keeps its words and no date."""
    text = "Prime Minister Helen Clark met Chancellor Olaf Berg in Berlin in July 2017.\n"
    summit = extract(text, published=dt.date(2019, 6, 1)).summit
    assert (summit.date, summit.end_date, summit.date_text) == (None, None, "in July 2017")


def test_a_month_and_year_are_given_with_month_precision():
    text = "Prime Minister Helen Clark met Chancellor Olaf Berg in Berlin in March 1980.\n"
    summit = extract(text).summit
    assert (summit.date, summit.date_precision, summit.month, summit.year) == (None, "month", "1980-03", None)
    assert summit.first_day() == dt.date(1980, 3, 1)


def test_last_month_is_the_one_before_publication():
    """ "last October" in an article of 2 March 2021 is October 2020."""
    text = "Prime Minister Helen Clark met Chancellor Olaf Berg in Berlin last October.\n"
    summit = extract(text, published=dt.date(2021, 3, 2)).summit
    assert (summit.date, summit.date_text) == (None, "last October")
    assert (summit.date_precision, summit.month) == ("month", "2020-10")


def test_next_month_is_the_one_after_publication():
    text = "Prime Minister Helen Clark will meet Chancellor Olaf Berg in Berlin next March.\n"
    summit = extract(text, published=dt.date(2021, 3, 2)).summit
    assert (summit.date_precision, summit.month) == ("month", "2022-03")


def test_a_month_without_a_year_is_the_nearest_one_not_after_publication():
    text = "Prime Minister Helen Clark met Chancellor Olaf Berg in Berlin in early July.\n"
    summit = extract(text, published=dt.date(2021, 3, 2)).summit
    assert (summit.date_text, summit.month) == ("in early July", "2020-07")


def test_a_month_still_to_come_is_the_nearest_one_not_before_publication():
    text = "Prime Minister Helen Clark will meet Chancellor Olaf Berg in Berlin in early July.\n"
    summit = extract(text, published=dt.date(2021, 3, 2)).summit
    assert summit.month == "2021-07"


def test_a_month_without_a_year_or_publication_is_not_resolved():
    text = "Prime Minister Helen Clark met Chancellor Olaf Berg in Berlin in March.\n"
    summit = extract(text).summit
    assert (summit.date_text, summit.date_precision, summit.month) == ("in March", None, None)


def test_a_year_alone_dates_the_meeting_with_year_precision():
    text = "Prime Minister Helen Clark met Chancellor Olaf Berg in Berlin in 1980.\n"
    summit = extract(text).summit
    assert (summit.date, summit.date_text) == (None, "in 1980")
    assert (summit.date_precision, summit.month, summit.year) == ("year", None, "1980")
    assert summit.first_day() == dt.date(1980, 1, 1)


def test_a_month_wins_over_a_year_alone():
    text = (
        "Prime Minister Helen Clark met Chancellor Olaf Berg in 1980.\n\n"
        "The two leaders met again in Berlin in March 1980.\n"
    )
    summit = extract(text).summit
    assert (summit.date_precision, summit.month) == ("month", "1980-03")


def test_a_year_as_a_count_is_no_date():
    text = (
        "At their meeting in Berlin, Prime Minister Helen Clark and Chancellor Olaf Berg agreed to "
        "send in 2000 troops.\n"
    )
    summit = extract(text).summit
    assert (summit.date_precision, summit.year) == (None, None)


def test_a_year_of_an_earlier_event_told_with_had_is_no_date():
    text = "Her foreign minister had gone to Berlin in early 2000 to meet Chancellor Olaf Berg.\n"
    summit = extract(text).summit
    assert (summit.date_precision, summit.year) == (None, None)


def test_a_day_has_day_precision_and_the_contract_carries_it():
    text = "Prime Minister Helen Clark met Chancellor Olaf Berg in Berlin on 12 March 1980.\n"
    found = extract(text).to_dict()["summit"]
    assert (found["date"], found["date_precision"], found["month"], found["year"]) == (
        "1980-03-12",
        "day",
        None,
        None,
    )


def test_a_day_written_anywhere_wins_over_a_month_alone():
    text = (
        "They first agreed a joint plan in May.\n\n"
        "In the early hours of July 21st, Prime Minister Helen Clark and Chancellor Olaf Berg "
        "agreed a deal.\n"
    )
    summit = extract(text, published=dt.date(2020, 7, 23)).summit
    assert (summit.date, summit.date_text) == (dt.date(2020, 7, 21), "July 21st")


def test_may_the_verb_is_not_a_month():
    text = "Prime Minister Helen Clark said Chancellor Olaf Berg may visit Wellington.\n"
    assert extract(text).summit.date_text is None


def test_a_week_without_a_day():
    text = (
        "A summit between Prime Minister Helen Clark and Chancellor Olaf Berg is planned for "
        "later this week.\n"
    )
    summit = extract(text, published=dt.date(2003, 5, 27)).summit
    assert (summit.date, summit.date_text) == (None, "later this week")


def test_going_to_press_is_the_day_of_publication():
    text = (
        "As the magazine went to press, Premier Li Wen and President Ana Ruiz were to hold talks in Moscow.\n"
    )
    summit = extract(text, published=dt.date(2020, 3, 5)).summit
    assert summit.date == dt.date(2020, 3, 5)


def test_a_date_in_a_relative_clause_dates_something_else():
    text = (
        "Prime Minister Helen Clark met Chancellor Olaf Berg in Wellington on Thursday (Sept 3). "
        "They talked about the travel scheme, which started on Aug 17.\n"
    )
    summit = extract(text, published=dt.date(2020, 9, 4)).summit
    assert summit.date == dt.date(2020, 9, 3)


# Relative dates


def test_relative_date_resolved_against_published():
    summit = extract(LEAD, published=dt.date(2017, 5, 4)).summit
    assert summit.date == dt.date(2017, 5, 3)
    assert summit.date_text == "Wednesday"


def test_unresolvable_date_is_null_and_the_phrase_kept():
    summit = extract(LEAD).summit
    assert summit.date is None
    assert summit.date_text == "Wednesday"


def test_a_yearless_dateline_resolves_weekdays_only_with_a_publication_date():
    text = "NEW DELHI, Sept 9 (Reuters) - Narendra Modi met Sheikh Hasina on Saturday in New Delhi.\n"
    assert extract(text).summit.date is None
    assert extract(text, published=dt.date(2023, 9, 10)).summit.date == dt.date(2023, 9, 9)


def test_weekday_is_the_one_on_or_before_publication():
    text = "Prime Minister Helen Clark met Chancellor Olaf Berg in Wellington on Wednesday.\n"
    assert extract(text, published=dt.date(2020, 9, 4)).summit.date == dt.date(2020, 9, 2)
    assert extract(text, published=dt.date(2020, 9, 2)).summit.date == dt.date(2020, 9, 2)


def test_the_publication_date_from_the_article_header():
    text = (
        "## Leaders meet in Wellington\n\npublish date: 2020-09-14 00:00:00\n\n"
        "Prime Minister Helen Clark met Chancellor Olaf Berg in Wellington on Monday.\n"
    )
    assert extract(text).summit.date == dt.date(2020, 9, 14)


# Several days, announcements and plans


def test_the_date_that_opens_a_meeting_of_several_days_is_its_first_day():
    published = dt.date(2016, 8, 6)
    text = "Japanese Foreign Minister Kenji Tanaka will pay a three-day visit to Peru from 10 August.\n"
    summit = extract(text, published=published).summit
    assert (summit.date, summit.end_date) == (dt.date(2016, 8, 10), dt.date(2016, 8, 12))
    assert "10 August" in summit.date_text


def test_a_start_and_a_number_of_days_after_it_give_the_last_day():
    published = dt.date(2016, 8, 6)
    text = "Japanese Foreign Minister Kenji Tanaka is to visit Peru on 10 August for a three-day visit.\n"
    summit = extract(text, published=published).summit
    assert (summit.date, summit.end_date) == (dt.date(2016, 8, 10), dt.date(2016, 8, 12))


def test_a_day_not_said_to_open_a_visit_of_several_days_gives_no_last_day():
    """ "on a three-day visit, met Ruiz on 11 August": a day within the visit; its end is not guessed."""
    text = "Minister Kenji Tanaka, on a three-day visit to Peru, met President Ana Ruiz on 11 August.\n"
    summit = extract(text, published=dt.date(2016, 8, 16)).summit
    assert (summit.date, summit.end_date) == (dt.date(2016, 8, 11), None)


def test_a_day_within_a_visit_of_several_days_is_the_date():
    published = dt.date(2020, 8, 20)
    text = "Chinese envoy Li Wei met Prime Minister Lee Tan on Thursday (Aug 20), during his two-day visit.\n"
    summit = extract(text, published=published).summit
    assert summit.date == dt.date(2020, 8, 20)


def test_the_day_a_visit_was_announced_is_not_its_date():
    published = dt.date(2010, 5, 19)
    text = (
        "Chinese Premier Li Wei will visit Japan on May 31, Japan's foreign ministry said on Tuesday.\n"
        "Li will hold talks with Prime Minister Kenji Tanaka.\n"
    )
    summit = extract(text, published=published).summit
    assert (summit.date, summit.date_text) == (dt.date(2010, 5, 31), "May 31")


def test_a_scheduled_visit_without_a_year_is_dated_after_publication():
    published = dt.date(2020, 12, 20)
    text = (
        "Peruvian President Luis Vega is scheduled to visit Chile on 3 January for talks with Ana Torres.\n"
    )
    assert extract(text, published=published).summit.date == dt.date(2021, 1, 3)


def test_a_photo_captions_date_is_the_photos():
    published = dt.date(2010, 5, 19)
    text = (
        "AFP/File – Premier Li Wei, seen here at a congress in Beijing on March 14, will visit.\n"
        "Chinese Premier Li Wei will visit Japan for three days from May 30.\n"
        "He is to meet Prime Minister Kenji Tanaka in Tokyo on May 31.\n"
    )
    summit = extract(text, published=published).summit
    assert summit.date_text != "March 14"


# Dates in a release's header


def test_an_image_link_in_a_release_is_not_a_photo_credit():
    text = (
        "12 Mar 2008 Posted in [Press releases](/news/press-releases)\n\n"
        "![leaders](/images/news/2008/03/1399.jpg)\n\n"
        "1. Minister Ana Torres and Minister Luis Vega signed a treaty on fishing on 12 March 2008.\n"
    )
    summit = extract(text).summit
    assert (summit.date, summit.date_text) == (dt.date(2008, 3, 12), "12 March 2008")


def test_a_linked_date_heading_dates_a_weekday():
    text = (
        "### [2018-01-28](/news/2018/01/28/index.md)\n\n"
        "Chinese Foreign Minister Li Wen met Peruvian Foreign Minister Luis Vega in Beijing on Sunday "
        "and they agreed to expand trade.\n"
    )
    summit = extract(text).summit
    assert (summit.date, summit.date_text) == (dt.date(2018, 1, 28), "Sunday")


def test_the_day_of_the_arrival_is_not_the_day_of_the_talks():
    text = (
        "Kenyan President William Ruto arrived in Osaka on Sunday and held talks with Prime "
        "Minister Kenji Tanaka in Tokyo on Monday.\n"
    )
    summit = extract(text, published=dt.date(2023, 3, 15)).summit
    assert (summit.date, summit.date_text) == (dt.date(2023, 3, 13), "Monday")
    assert summit.location == "Tokyo"


# Date headings and documents dated above their story


def test_a_date_heading_dates_its_item_that_names_no_day():
    text = (
        "### [2013-03-23](/news/2013/03/23/index.md)\n\n"
        "# Foreign Minister Ana Torres meets her Peruvian counterpart Luis Vega for lunch in Lima.\n"
    )
    summit = extract(text).summit
    assert summit.date == dt.date(2013, 3, 23)


def test_a_date_heading_with_a_single_digit_day():
    text = (
        "### [2009-07-6](/news/2009/07/6/index.md)\n\n"
        "President Ana Torres and President Luis Vega agreed Monday to keep talking about trade.\n"
    )
    summit = extract(text).summit
    assert (summit.date, summit.date_text) == (dt.date(2009, 7, 6), "Monday")


def test_a_byline_with_its_date_gives_the_publication_date():
    text = (
        "By ANA TORRES and LUIS VEGA, SEPT. 10 ,2016\n\n"
        "LIMA — Peru and Chile agreed early Saturday on a new fishing plan after talks between "
        "Foreign Minister Kari Lunde and Foreign Minister Jon Berg.\n"
    )
    summit = extract(text).summit
    assert summit.date == dt.date(2016, 9, 10)


def test_the_day_a_record_is_dated_written_in_its_story():
    text = (
        "Lima, 2 July 1971\n\n"
        "I saw the Chilean Ambassador as arranged on 2nd July. I reminded him of our first meeting.\n\n"
        "According to Torres, the proposal was made again to Vega in Oslo on 11 May.\n"
    )
    summit = extract(text).summit
    assert (summit.date, summit.date_text) == (dt.date(1971, 7, 2), "2nd July")


def test_a_day_of_something_else_in_a_record_yields_to_the_records_date():
    text = (
        "Lima, 8 August 1972\n\n"
        "Sir Luis Vega called to see me by arrangement to discuss the embassy transfer.\n\n"
        "2. He brought with him Mr Jon Berg.\n\n"
        "3. I read the drafts. I said there may be one or two points to raise.\n\n"
        "4. Any date was arbitrary, but two possibilities were 1 September and 1 October.\n"
    )
    summit = extract(text).summit
    assert summit.date == dt.date(1972, 8, 8)
