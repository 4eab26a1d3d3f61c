"""The occasion layer: does a clause belong to *the* meeting the article reports, and if not, why.

One invented sentence per phenomenon; each asserts ``occasion.why_not`` at the word a finder asks
about (the meeting or agreeing verb, or a noun), and ``belongs_to_meeting`` where the clause is
the meeting itself.
"""

import datetime as dt

import pytest

from summits.extraction import extract, occasion
from tests.extraction.conftest import names, story


def why_not(nlp, text: str, word: str) -> str | None:
    """The layer's reason at the last occurrence of ``word`` in ``text``."""
    doc = nlp(text)
    [token] = [t for t in doc if t.text == word][-1:]
    return occasion.why_not(token)


# The meeting itself


def test_the_reported_meeting_belongs(nlp):
    doc = nlp("Ana Silva met Kari Lunde in Oslo on Sunday.")
    assert occasion.belongs_to_meeting(doc[3])  # met
    assert occasion.why_not(doc[3]) is None


def test_an_agreement_of_the_meeting_belongs(nlp):
    assert why_not(nlp, "The two sides agreed on Sunday to cut tariffs.", "agreed") is None


# Tense and modality: still ahead, only wished or asked for


def test_due_to_meet_is_planned(nlp):
    text = "Torres was due to meet Norway's Kari Lunde later on Sunday."
    assert why_not(nlp, text, "meet") == "ahead"


def test_due_to_meet_gives_no_participant():
    result = extract(
        story(
            "Spanish Foreign Minister Ana Torres met Chilean Foreign Minister Pablo Vega in Madrid.",
            "Torres was due to meet Norway's Foreign Minister Kari Lunde later on Sunday.",
        )
    )
    assert "Kari Lunde" not in names(result)


def test_will_hold_talks_is_ahead(nlp):
    assert why_not(nlp, "The two ministers will hold talks in Oslo.", "hold") == "ahead"


def test_plans_to_visit_is_ahead(nlp):
    assert why_not(nlp, "The minister plans to visit Oslo in the spring.", "visit") == "ahead"


def test_expected_to_sign_is_ahead(nlp):
    assert why_not(nlp, "The two leaders are expected to sign a trade pact.", "sign") == "ahead"


def test_hopes_to_sign_is_ahead(nlp):
    assert why_not(nlp, "The minister hopes to sign the accord soon.", "sign") == "ahead"


def test_need_to_agree_is_ahead(nlp):
    assert why_not(nlp, "The two sides still need to agree on the price.", "agree") == "ahead"


def test_have_to_agree_is_ahead(nlp):
    assert why_not(nlp, "The two sides still have to agree on the price.", "agree") == "ahead"


@pytest.mark.parametrize("modal", ["could", "might", "should", "must", "would"])
def test_a_modal_is_ahead(nlp, modal):
    assert why_not(nlp, f"The two sides {modal} agree on the price.", "agree") == "ahead"


def test_a_meeting_planned_for_next_week_is_ahead(nlp):
    assert why_not(nlp, "A second summit is planned for next week.", "summit") == "ahead"


def test_a_time_later_is_ahead(nlp):
    assert why_not(nlp, "The ministers meet again next month in Bergen.", "meet") == "ahead"


def test_if_is_a_condition(nlp):
    assert why_not(nlp, "If they agree on the price, trains will run in May.", "agree") == "condition"


def test_unless_is_a_condition(nlp):
    assert why_not(nlp, "The plan fails unless both sides sign it.", "sign") == "condition"


def test_urged_to_agree_is_a_directive(nlp):
    assert why_not(nlp, "Rome urged Tehran to agree to the plan.", "agree") == "directive"


def test_was_urged_to_agree_is_a_directive(nlp):
    assert why_not(nlp, "Tehran was urged to agree to the plan.", "agree") == "directive"


def test_called_on_to_agree_is_a_directive(nlp):
    assert why_not(nlp, "The envoy called on both sides to agree on a truce.", "agree") == "directive"


def test_to_agree_on_as_a_purpose(nlp):
    assert why_not(nlp, "The leaders met in Oslo to agree on a truce.", "agree") == "purpose"


def test_did_not_meet_is_negated(nlp):
    assert why_not(nlp, "Lunde did not meet the Chilean minister.", "meet") == "negated"


# A meeting only sought: asked for, offered, agreed to, accepted, looked forward to or refused


def test_agreed_to_meet_is_ahead(nlp):
    text = "Luis Vega has agreed to meet Ana Torres at 3pm today to hear her concerns."
    assert why_not(nlp, text, "agreed") == "ahead"
    assert why_not(nlp, text, "meet") == "ahead"


def test_agreed_to_meet_gives_no_participant():
    result = extract(
        story("Deputy Ana Torres said Finance Minister Luis Vega has agreed to meet her in Lima today.")
    )
    assert names(result) == set()


def test_offered_to_meet_is_ahead(nlp):
    assert why_not(nlp, "Kari Lunde offered to meet the Chilean minister in Oslo.", "offered") == "ahead"


def test_requested_a_meeting_is_ahead(nlp):
    assert why_not(nlp, "Ana Torres requested a meeting with Luis Vega.", "requested") == "ahead"


def test_sought_an_audience_is_ahead(nlp):
    assert why_not(nlp, "Ana Torres sought an audience with the king.", "sought") == "ahead"


def test_asked_for_talks_is_ahead(nlp):
    assert why_not(nlp, "Kari Lunde asked for talks with the Chilean minister.", "asked") == "ahead"


def test_looks_forward_to_meeting_is_ahead(nlp):
    text = "Ana Torres looks forward to meeting Luis Vega."
    assert why_not(nlp, text, "looks") == "ahead"
    assert why_not(nlp, text, "meeting") == "ahead"


def test_accepted_an_invitation_is_ahead(nlp):
    assert why_not(nlp, "Kari Lunde accepted the invitation of President Luis Vega.", "accepted") == "ahead"


def test_was_denied_an_audience_is_ahead(nlp):
    assert why_not(nlp, "Ana Torres was denied an audience with the king.", "denied") == "ahead"


def test_a_request_for_an_audience_denied_is_ahead(nlp):
    text = "The palace denied a request from Ana Torres for an audience with the king."
    assert why_not(nlp, text, "denied") == "ahead"
    assert why_not(nlp, text, "audience") == "ahead"


def test_rejected_an_offer_to_meet_is_ahead(nlp):
    assert why_not(nlp, "Ana Torres rejected an offer to meet Luis Vega.", "rejected") == "ahead"


def test_a_noun_of_wanting_with_a_meeting_is_ahead(nlp):
    assert why_not(nlp, "Ana Torres expressed her willingness to meet Luis Vega.", "meet") == "ahead"
    assert why_not(nlp, "Kari Lunde voiced hope of meeting the Chilean minister.", "meeting") == "ahead"


def test_an_opportunity_to_meet_belongs(nlp):
    assert why_not(nlp, "Ana Torres had the opportunity to meet Luis Vega.", "meet") is None


def test_called_off_talks_are_cancelled(nlp):
    text = "Ana Torres called off her meeting with Luis Vega."
    assert why_not(nlp, text, "called") == "cancelled"
    assert why_not(nlp, text, "meeting") == "cancelled"
    assert why_not(nlp, "Ana Torres called Luis Vega on Monday.", "called") is None


def test_a_postponed_visit_is_cancelled(nlp):
    assert why_not(nlp, "The visit of Ana Torres to Lima was postponed.", "visit") == "cancelled"


def test_inviting_to_visit_is_ahead(nlp):
    assert why_not(nlp, "Ana Torres invited Luis Vega to visit Lima.", "invited") == "ahead"
    assert why_not(nlp, "Ana Torres has invited Luis Vega for a state visit.", "invited") == "ahead"


def test_an_invitation_to_visit_again_at_the_talks_keeps_the_participants():
    result = extract(
        story(
            "During their talks in Lima on Monday, Peruvian President Ana Torres invited "
            "Chilean President Luis Vega to visit Cusco next year."
        )
    )
    assert names(result) == {"Ana Torres", "Luis Vega"}


def test_agreeing_to_something_else_belongs(nlp):
    assert why_not(nlp, "Ana Torres and Luis Vega agreed to cut tariffs.", "agreed") is None


def test_agreeing_to_meet_again_is_agreed_at_the_meeting(nlp):
    text = "Ana Torres and Luis Vega met in Lima on Monday and agreed to meet regularly."
    assert why_not(nlp, text, "met") is None
    assert why_not(nlp, text, "agreed") is None
    assert why_not(nlp, "Torres and Vega agreed to hold regular consultations.", "agreed") is None


def test_agreeing_to_meet_again_keeps_the_participants():
    result = extract(
        story(
            "Spanish Foreign Minister Ana Torres met Chilean Foreign Minister Luis Vega in Lima on Monday.",
            "The two ministers agreed to meet again next year.",
        )
    )
    assert names(result) == {"Ana Torres", "Luis Vega"}


def test_set_to_meet_is_ahead(nlp):
    assert why_not(nlp, "Ana Torres is set to meet Luis Vega in Lima.", "meet") == "ahead"


def test_will_hold_talks_tomorrow_is_ahead(nlp):
    assert why_not(nlp, "Ana Torres will hold talks with Luis Vega tomorrow.", "talks") == "ahead"


def test_a_to_clause_of_a_noun_is_set_by_the_nouns_clause(nlp):
    assert why_not(nlp, "The trip to Lima to meet Luis Vega will take place on Friday.", "meet") == "ahead"


# A departure for the journey: the visit lies ahead


def test_leaving_for_a_visit_is_ahead(nlp):
    text = "Ana Torres left for Lima on Sunday for a three-day visit."
    assert why_not(nlp, text, "left") == "ahead"
    assert why_not(nlp, text, "visit") == "ahead"


def test_leaves_for_talks_is_ahead(nlp):
    assert why_not(nlp, "Kari Lunde leaves for Oslo on Sunday for talks.", "talks") == "ahead"


def test_heading_a_delegation_for_the_talks_is_no_departure(nlp):
    assert (
        why_not(nlp, "Ana Torres headed the Peruvian delegation for the talks with Luis Vega.", "headed")
        is None
    )


def test_leaving_after_the_talks_belongs(nlp):
    assert why_not(nlp, "Ana Torres left for Lima after talks with Luis Vega.", "talks") is None


# Time anchors: an earlier occasion


def test_in_a_year_is_earlier(nlp):
    assert why_not(nlp, "They signed a border treaty in 1994.", "signed") == "earlier"


def why_not_in_report_of(nlp, text: str, word: str, published: dt.date) -> str | None:
    """The layer's reason at ``word`` in a report published on ``published``."""
    doc = nlp(text)
    doc.user_data[occasion.REFERENCE] = published
    [token] = [t for t in doc if t.text == word][-1:]
    return occasion.why_not(token)


def test_the_month_and_year_of_the_report_are_its_meetings_time(nlp):
    text = "Torres met Vega in Lima in March 1980."
    assert why_not_in_report_of(nlp, text, "met", dt.date(1980, 3, 21)) is None
    assert why_not_in_report_of(nlp, text, "met", dt.date(1980, 6, 2)) == "earlier"


def test_a_year_before_the_reports_is_earlier(nlp):
    text = "They signed a border treaty in 1994."
    assert why_not_in_report_of(nlp, text, "signed", dt.date(2024, 5, 1)) == "earlier"
    assert why_not_in_report_of(nlp, text, "signed", dt.date(1994, 5, 1)) is None


def test_a_month_alone_is_earlier_unless_it_is_the_reports(nlp):
    text = "Lunde met Vega in July in Bergen."
    assert why_not_in_report_of(nlp, text, "met", dt.date(2019, 7, 30)) is None
    assert why_not_in_report_of(nlp, text, "met", dt.date(2019, 9, 2)) == "earlier"


def test_a_day_long_before_the_report_is_earlier(nlp):
    text = "Torres greeted Vega at the palace for a state dinner on March 10."
    assert why_not_in_report_of(nlp, text, "greeted", dt.date(2016, 6, 29)) == "earlier"
    assert why_not_in_report_of(nlp, text, "greeted", dt.date(2016, 3, 11)) is None
    assert why_not_in_report_of(nlp, "They met on 2 July 2015.", "met", dt.date(2016, 6, 29)) == "earlier"


def test_a_caption_of_a_day_long_before_the_report_shows_no_participant():
    text = (
        "Leaders meet\n\nSpanish Prime Minister Ana Torres met Chilean President Pablo Vega in Lima.\n\n"
        "![Foreign Minister Luis Duarte meets Vega at the palace on March 10.](x.jpg)\n"
    )
    assert names(extract(text, published=dt.date(2016, 3, 10))) == {"Ana Torres", "Pablo Vega", "Luis Duarte"}
    assert names(extract(text, published=dt.date(2016, 6, 29))) == {"Ana Torres", "Pablo Vega"}


def test_a_report_dated_in_its_own_year_keeps_its_participants():
    text = story(
        "Spanish Prime Minister Ana Torres met Chilean President Pablo Vega in Lima in March 1980.",
    )
    assert names(extract(text, published=dt.date(1980, 3, 21))) == {"Ana Torres", "Pablo Vega"}
    assert names(extract(text, published=dt.date(2001, 3, 21))) == set()


def test_since_a_year_is_earlier(nlp):
    assert why_not(nlp, "The two have met regularly since 2020.", "met") == "earlier"


def test_accepting_an_invitation_to_a_later_visit_is_done_at_the_meeting(nlp):
    assert why_not(nlp, "Torres has accepted an invitation from Vega to visit Lima.", "accepted") is None
    text = "Torres has accepted the invitation and will meet Vega privately tomorrow."
    assert why_not(nlp, text, "accepted") == "ahead"


def test_a_headlines_to_clause_is_ahead(nlp):
    assert why_not(nlp, "Silva, Lunde to meet Torres, offer ideas for a truce", "meet") == "ahead"


def test_the_present_progressive_with_a_day_named_is_an_arrangement_ahead(nlp):
    text = "After her talks with Vega, Torres is meeting Monday at the palace with Kari Lunde."
    assert why_not(nlp, text, "meeting") == "ahead"
    assert why_not(nlp, "Torres met Lunde at the palace on Monday.", "met") is None


def test_a_meeting_noun_denied_by_its_determiner_is_negated(nlp):
    assert why_not(nlp, '"No meetings with Oslo!" she said.', "meetings") == "negated"


def test_a_count_since_an_event_does_not_set_the_clause_earlier(nlp):
    text = "Ana Silva arrived in Oslo on Monday for her second visit since the explosion."
    assert why_not(nlp, text, "arrived") is None
    assert why_not(nlp, "Ana Silva has visited Oslo twice since the explosion.", "visited") == "earlier"


def test_a_time_phrase_keeps_out_the_time_of_its_own_relative_clause(nlp):
    text = "Ana Silva meets Kari Lunde for lunch, the first time the two are meeting since the election."
    assert why_not(nlp, text, "meets") is None
    assert why_not(nlp, text, "meeting") == "earlier"


def test_last_month_name_is_earlier(nlp):
    assert why_not(nlp, "They met last December in Bergen.", "met") == "earlier"


def test_last_week_or_weekend_is_earlier(nlp):
    assert why_not(nlp, "Lunde met Vega last week in Bergen.", "met") == "earlier"
    assert why_not(nlp, "Lunde met Vega last weekend in Bergen.", "met") == "earlier"


def test_earlier_this_week_is_earlier(nlp):
    assert why_not(nlp, "Lunde met the Chilean minister earlier this week.", "met") == "earlier"


def test_years_ago_is_earlier(nlp):
    assert why_not(nlp, "The two leaders met two years ago in Lima.", "met") == "earlier"


def test_hours_ago_is_the_reports_own_day(nlp):
    assert why_not(nlp, "Ana Torres met Luis Vega in Lima two hours ago.", "met") is None
    assert why_not(nlp, "Ana Torres met Luis Vega in Lima three days ago.", "met") == "earlier"


def test_a_month_earlier_is_earlier(nlp):
    assert why_not(nlp, "Lunde had met the Chilean minister in Bergen a month earlier.", "met") == "earlier"


def test_a_where_clause_of_an_earlier_clause_is_earlier(nlp):
    text = "The minister was in Kyiv last week, where he met the Ukrainian president."
    assert why_not(nlp, text, "met") == "earlier"


def test_a_relative_clause_with_its_own_year_is_earlier(nlp):
    assert why_not(nlp, "Lunde, who met Vega in 2019, praised the talks.", "met") == "earlier"


def test_then_after_the_verb_refers_to_the_earlier_time_just_named(nlp):
    text = "The two had no formal ties before a 1994 crisis. Lima agreed then to cut tariffs."
    assert why_not(nlp, text, "agreed") == "earlier"
    assert why_not(nlp, "The two presidents met and then agreed to cut tariffs.", "agreed") is None


def test_a_noun_dated_earlier_is_earlier(nlp):
    assert why_not(nlp, "Both praised the 1994 treaty.", "treaty") == "earlier"


# A separate or later meeting


def test_met_separately_is_a_separate_meeting(nlp):
    assert why_not(nlp, "Lunde then met separately with her deputy.", "met") == "separate"


def test_travel_on_is_a_separate_occasion(nlp):
    assert why_not(nlp, "The minister later travelled on to Oslo.", "travelled") == "separate"


def test_will_travel_on_is_ahead(nlp):
    # ahead before separate: the date and place finders read "ahead" as a later event
    assert why_not(nlp, "The minister will travel on to Oslo.", "travel") == "ahead"


def test_before_flying_on_is_a_separate_occasion(nlp):
    assert why_not(nlp, "Vega met Lunde on Sunday before flying to Oslo.", "flying") == "separate"


# An event elsewhere


def test_a_rally_at_home_is_elsewhere(nlp):
    assert why_not(nlp, "Vega told a rally at home that the deal was good.", "told") == "elsewhere"


def test_someones_home_is_a_residence_not_elsewhere(nlp):
    assert why_not(nlp, "Luis Vega received Ana Torres at his home in Lima.", "received") is None


def test_speaking_in_another_city_than_the_meeting_is_elsewhere(nlp):
    text = "Ana Silva met Kari Lunde in Oslo. Speaking in Kyiv, the Ukrainian leader said the war must end."
    assert why_not(nlp, text, "said") == "elsewhere"
    assert why_not(nlp, text, "Kyiv") == "elsewhere"


def test_speaking_where_the_meeting_is_belongs(nlp):
    text = "Ana Silva met Kari Lunde in Oslo on Sunday. Speaking in Oslo, Lunde said the talks went well."
    assert why_not(nlp, text, "said") is None


def test_speaking_somewhere_in_a_story_that_sets_no_meeting_place_gives_no_reason(nlp):
    assert why_not(nlp, "Speaking in Kyiv, the Ukrainian president said the war must end.", "said") is None


def test_the_meeting_places_are_those_of_the_meeting_itself(nlp):
    doc = nlp("The summit in Oslo ended on Sunday. The two last met in Lima in 2019.")
    assert occasion.meeting_places(doc) == {"Oslo"}
