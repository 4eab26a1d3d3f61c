"""The kind of meeting: state visit, ministerial, or by the number of parties."""

import pytest

from summits.extraction.meeting_kind import KINDS, is_head, is_minister, meeting_kind
from summits.extraction.result import ParticipantFound
from summits.models import Summit


def person(role: str | None, country: str | None) -> ParticipantFound:
    return ParticipantFound("Someone", role, country)


LEADERS = [person("President", "RU"), person("President", "TR")]


def test_the_kinds_are_the_models_choices():
    assert set(KINDS) == set(Summit.Kind.values)


# State visits


def test_a_state_visit_is_one_whatever_the_participants():
    text = "Emperor Naruhito welcomed President Macron to Tokyo on a three-day state visit."
    assert meeting_kind(text, [person("Emperor", "JP"), person("President", "FR")]) == "state_visit"


def test_state_visit_in_any_case_and_across_a_line_break():
    assert meeting_kind("The State\nVisit began on Monday.", LEADERS) == "state_visit"


def test_an_official_visit_is_not_a_state_visit():
    assert meeting_kind("Putin met Erdogan during an official visit.", LEADERS) == "bilateral"


# Ministerial meetings


def test_foreign_ministers_alone_meet_at_a_ministerial():
    ministers = [person("Foreign Minister", "RU"), person("Secretary of State", "US")]
    assert meeting_kind("Lavrov met Blinken in Geneva.", ministers) == "ministerial"


def test_defence_secretaries_and_ministers_meet_at_a_ministerial():
    ministers = [person("Defence Secretary", "GB"), person("Defense Minister", "FR")]
    ministers.append(person("Minister", "IT"))
    assert meeting_kind("The defence chiefs met.", ministers) == "ministerial"


def test_a_head_of_government_makes_it_no_ministerial():
    people = [person("Prime Minister", "IN"), person("Foreign Minister", "JP")]
    assert meeting_kind("Modi received the Japanese foreign minister.", people) == "bilateral"


def test_a_deputy_prime_minister_is_a_minister():
    people = [person("Deputy Prime Minister", "IE"), person("Foreign Secretary", "GB")]
    assert meeting_kind("The two ministers met in Dublin.", people) == "ministerial"


def test_a_person_without_a_role_makes_it_no_ministerial():
    assert meeting_kind("They met.", [person("Foreign Minister", "RU"), person(None, "TR")]) == "bilateral"


@pytest.mark.parametrize(
    ("role", "head", "minister"),
    [
        ("President", True, False),
        ("Vice President", False, False),
        ("Prime Minister", True, False),
        ("King", True, False),
        ("Chancellor", True, False),
        ("Chancellor of the Exchequer", False, True),
        ("Foreign Minister", False, True),
        ("Secretary of State", False, True),
        ("UN Secretary-General", False, False),
        ("General Secretary", False, False),
    ],
)
def test_roles(role, head, minister):
    assert (is_head(role), is_minister(role)) == (head, minister)


# By the number of parties


def test_two_countries_meet_bilaterally():
    assert meeting_kind("Putin met Erdogan in Sochi.", LEADERS) == "bilateral"


def test_two_people_of_one_country_and_one_of_another_are_bilateral():
    people = [*LEADERS, person("Foreign Minister", "RU")]
    assert meeting_kind("Putin and Lavrov met Erdogan.", people) == "bilateral"


def test_three_countries_meet_trilaterally():
    people = [*LEADERS, person("President", "IR")]
    assert meeting_kind("The leaders of Russia, Turkey and Iran met in Ankara.", people) == "trilateral"


def test_an_organisation_counts_as_a_party():
    people = [*LEADERS, person("President of the European Commission", "EU")]
    assert meeting_kind("They met in Brussels.", people) == "trilateral"


def test_four_parties_make_a_multilateral_summit():
    people = [person("President", code) for code in ("US", "FR", "DE", "JP", "IT")]
    assert meeting_kind("The G7 leaders met in Biarritz.", people) == "multilateral"


def test_a_person_of_unknown_country_is_a_party_of_their_own():
    people = [person("President", "RU"), person(None, None)]
    assert meeting_kind("Putin met a visitor.", people) == "bilateral"


def test_one_party_or_nobody_is_not_known():
    assert meeting_kind("Putin spoke.", [person("President", "RU")]) == ""
    assert meeting_kind("Leaders met.", []) == ""
