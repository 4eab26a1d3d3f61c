"""Chronologies: timelines on person and country pages, the pages of a pair of countries or
people, "their previous meetings" on a summit's page, and whom a person met most."""

import datetime as dt

import pytest
from django.urls import reverse

from summits import chronology
from summits.models import ReviewStatus, Summit
from tests import factories

pytestmark = pytest.mark.django_db


def meeting(*people, year=2018, status=Summit.Status.PUBLISHED, **kwargs):
    """A summit the given people attended (each for their own country)."""
    summit = factories.SummitFactory(start_date=dt.date(year, 5, 3), status=status, **kwargs)
    for person in people:
        factories.AttendanceFactory(summit=summit, participant=person)
    return summit


@pytest.fixture
def people(db):
    def person(name, slug, code):
        return factories.ParticipantFactory(name=name, slug=slug, country=factories.country(code))

    return {
        "putin": person("Vladimir Putin", "vladimir-putin", "RU"),
        "erdogan": person("Recep Tayyip Erdogan", "recep-tayyip-erdogan", "TR"),
        "rouhani": person("Hassan Rouhani", "hassan-rouhani", "IR"),
        "merkel": person("Angela Merkel", "angela-merkel", "DE"),
    }


# Kind and venue on the pages


def test_the_summit_page_shows_the_venue_and_the_kind(client, archive):
    Summit.objects.filter(pk=archive.summit.pk).update(venue="Bocharov Ruchei", kind="bilateral")

    page = client.get(archive.summit.get_absolute_url()).content.decode()

    assert "Bocharov Ruchei" in page
    assert f'href="{reverse("summits:summit-list")}?kind=bilateral">Bilateral meeting</a>' in page


def test_the_summit_card_shows_the_venue_and_the_kind(client, archive):
    Summit.objects.filter(pk=archive.summit.pk).update(venue="Bocharov Ruchei", kind="state_visit")

    page = client.get(reverse("summits:summit-list")).content.decode()

    assert "Bocharov Ruchei, Sochi, Russian Federation" in page
    assert '<span class="summit-kind">State visit</span>' in page


def test_the_summit_list_filters_by_kind(client, people):
    bilateral = meeting(people["putin"], people["erdogan"], kind="bilateral", title="Two of them")
    meeting(people["putin"], people["erdogan"], people["rouhani"], kind="trilateral", title="Three of them")

    response = client.get(reverse("summits:summit-list") + "?kind=bilateral")

    assert list(response.context["summits"]) == [bilateral]
    assert 'name="kind"' in response.content.decode()


# Timelines


def test_a_persons_timeline_groups_their_summits_by_year_newest_first(client, people):
    older = meeting(people["putin"], people["erdogan"], year=2016, title="Old talks")
    newer = meeting(people["putin"], people["merkel"], year=2019, title="New talks")
    meeting(people["putin"], year=2020, status=Summit.Status.DRAFT, title="Hidden draft")

    response = client.get(people["putin"].get_absolute_url())

    timeline = response.context["timeline"]
    assert [(y.year, y.summits) for y in timeline.years] == [(2019, [newer]), (2016, [older])]
    page = response.content.decode()
    assert page.index("New talks") < page.index("Old talks")
    assert "Hidden draft" not in page
    assert "as President" in page


def test_a_capped_timeline_links_the_filtered_summit_list(client, people, monkeypatch):
    monkeypatch.setattr(chronology, "TIMELINE_LIMIT", 2)
    for year in (2015, 2016, 2017):
        meeting(people["putin"], people["erdogan"], year=year)

    response = client.get(people["putin"].get_absolute_url())

    assert response.context["timeline"].more
    assert sum(len(y.summits) for y in response.context["timeline"].years) == 2
    assert f"{reverse('summits:summit-list')}?participant=vladimir-putin" in response.content.decode()


def test_a_countrys_timeline_holds_what_it_hosted_and_attended(client, people):
    hosted = meeting(people["putin"], people["erdogan"], year=2017, title="In Sochi")
    attended = meeting(people["erdogan"], people["merkel"], year=2019, title="In Berlin", city="Berlin")
    attended.country = factories.country("DE")
    attended.save()
    meeting(people["merkel"], people["rouhani"], year=2018, title="Not Turkey's")

    response = client.get(reverse("summits:country-detail", kwargs={"code": "tr"}))
    by_year = [(y.year, y.summits) for y in response.context["timeline"].years]
    assert by_year == [(2019, [attended]), (2017, [hosted])]

    response = client.get(reverse("summits:country-detail", kwargs={"code": "ru"}))
    assert response.context["timeline"].years[0].summits[0].hosted
    assert "· host" in response.content.decode()


# Pair pages


def test_the_country_pair_page_lists_their_meetings_and_agreements(client, people):
    first = meeting(people["putin"], people["erdogan"], year=2016, title="First Sochi talks")
    second = meeting(people["putin"], people["erdogan"], people["rouhani"], year=2018, title="Astana format")
    meeting(people["putin"], people["merkel"], year=2017, title="Without Turkey")
    factories.AgreementFactory(
        article=None, summit=first, text="lift trade restrictions", parties=["RU", "TR"]
    )
    factories.AgreementFactory(
        article=None, summit=second, text="a ceasefire of three", parties=["RU", "TR", "IR"]
    )
    factories.AgreementFactory(
        article=None, summit=second, text="Iran alone with Russia", parties=["RU", "IR"]
    )
    factories.AgreementFactory(
        article=None,
        summit=first,
        text="not yet reviewed",
        parties=["RU", "TR"],
        review_status=ReviewStatus.PENDING,
    )

    response = client.get(reverse("summits:country-pair", kwargs={"a": "ru", "b": "tr"}))

    assert response.status_code == 200
    assert list(response.context["summits"]) == [second, first]
    assert [a.text for a in response.context["agreements"]] == [
        "a ceasefire of three",
        "lift trade restrictions",
    ]
    page = response.content.decode()
    assert f"<title>{response.context['first'].name} – {response.context['second'].name}" in page
    assert "Without Turkey" not in page


def test_the_country_pair_has_one_address(client, people):
    meeting(people["putin"], people["erdogan"])

    response = client.get(reverse("summits:country-pair", kwargs={"a": "TR", "b": "ru"}))

    assert response.status_code == 301
    assert response["Location"] == reverse("summits:country-pair", kwargs={"a": "ru", "b": "tr"})


@pytest.mark.parametrize(("a", "b"), [("ru", "ru"), ("ru", "xx"), ("ru", "rus"), ("de", "ru")])
def test_a_country_pair_that_never_met_or_does_not_exist_is_not_found(client, people, a, b):
    meeting(people["putin"], people["erdogan"])
    meeting(people["merkel"], people["rouhani"], status=Summit.Status.DRAFT)

    assert client.get(reverse("summits:country-pair", kwargs={"a": a, "b": b})).status_code == 404


def test_the_participant_pair_page_lists_their_meetings_and_agreements(client, people):
    shared = meeting(people["putin"], people["erdogan"], title="Sochi talks")
    meeting(people["putin"], people["merkel"], title="Berlin talks")
    meeting(people["putin"], people["erdogan"], status=Summit.Status.DRAFT, title="Draft talks")
    factories.AgreementFactory(article=None, summit=shared, text="lift trade restrictions")
    factories.AgreementFactory(
        article=None, summit=shared, text="a rejected one", review_status=ReviewStatus.REJECTED
    )

    url = reverse("summits:participant-pair", kwargs={"a": "recep-tayyip-erdogan", "b": "vladimir-putin"})
    response = client.get(url)

    assert response.status_code == 200
    assert list(response.context["summits"]) == [shared]
    assert [a.text for a in response.context["agreements"]] == ["lift trade restrictions"]
    assert "Berlin talks" not in response.content.decode()


def test_the_participant_pair_has_one_address(client, people):
    meeting(people["putin"], people["erdogan"])

    response = client.get(
        reverse("summits:participant-pair", kwargs={"a": "vladimir-putin", "b": "recep-tayyip-erdogan"})
    )

    assert response.status_code == 301
    assert response["Location"] == reverse(
        "summits:participant-pair", kwargs={"a": "recep-tayyip-erdogan", "b": "vladimir-putin"}
    )


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("angela-merkel", "recep-tayyip-erdogan"),
        ("nobody", "vladimir-putin"),
        ("vladimir-putin", "vladimir-putin"),
    ],
)
def test_a_participant_pair_that_never_met_or_does_not_exist_is_not_found(client, people, a, b):
    meeting(people["putin"], people["erdogan"])
    meeting(people["merkel"], people["erdogan"], status=Summit.Status.DRAFT)

    assert client.get(reverse("summits:participant-pair", kwargs={"a": a, "b": b})).status_code == 404


# Their previous meetings


def test_a_bilateral_summit_links_the_country_pair_when_they_met_before(client, people):
    meeting(people["putin"], people["erdogan"], year=2016)
    meeting(people["putin"], people["erdogan"], year=2017)
    latest = meeting(people["putin"], people["erdogan"], year=2018)

    page = client.get(latest.get_absolute_url()).content.decode()

    assert "Their previous meetings" in page
    assert reverse("summits:country-pair", kwargs={"a": "ru", "b": "tr"}) in page
    assert "2 other meetings" in page


def test_a_first_meeting_has_no_previous_meetings(client, people):
    only = meeting(people["putin"], people["erdogan"])
    meeting(people["putin"], people["erdogan"], status=Summit.Status.DRAFT)

    page = client.get(only.get_absolute_url()).content.decode()

    assert "Their previous meetings" not in page


def test_a_multilateral_summit_links_the_pairs_of_people_who_met_before(client, people):
    meeting(people["putin"], people["erdogan"], year=2016)
    meeting(people["putin"], people["erdogan"], people["merkel"], year=2017)
    summit = meeting(people["putin"], people["erdogan"], people["merkel"], people["rouhani"], year=2019)

    pairs = client.get(summit.get_absolute_url()).context["previous_meetings"]

    erdogan_putin = reverse(
        "summits:participant-pair", kwargs={"a": "recep-tayyip-erdogan", "b": "vladimir-putin"}
    )
    merkel_putin = reverse("summits:participant-pair", kwargs={"a": "angela-merkel", "b": "vladimir-putin"})
    assert (pairs[0].label, pairs[0].count, pairs[0].url) == (
        "Recep Tayyip Erdogan – Vladimir Putin",
        2,
        erdogan_putin,
    )
    assert {(p.label, p.count) for p in pairs[1:]} == {
        ("Angela Merkel – Recep Tayyip Erdogan", 1),
        ("Angela Merkel – Vladimir Putin", 1),
    }
    assert merkel_putin in {p.url for p in pairs}


# Who met whom


def test_a_person_page_shows_whom_they_met_most(client, people):
    meeting(people["putin"], people["erdogan"], year=2016)
    meeting(people["putin"], people["erdogan"], people["rouhani"], year=2017)
    meeting(people["putin"], people["merkel"], year=2018)
    meeting(people["putin"], people["merkel"], status=Summit.Status.DRAFT)
    meeting(people["erdogan"], people["rouhani"])  # without Putin

    response = client.get(people["putin"].get_absolute_url())

    met = [(p.name, p.meetings) for p in response.context["met_most"]]
    assert met == [("Recep Tayyip Erdogan", 2), ("Angela Merkel", 1), ("Hassan Rouhani", 1)]
    page = response.content.decode()
    pair = reverse("summits:participant-pair", kwargs={"a": "recep-tayyip-erdogan", "b": "vladimir-putin"})
    assert f'<a href="{pair}">2 summits together</a>' in page


def test_whom_they_met_most_is_capped(people):
    others = [factories.ParticipantFactory() for _ in range(12)]
    meeting(people["putin"], *others)

    assert len(chronology.met_most(people["putin"])) == chronology.MET_MOST_LIMIT


# Queries: the same whatever the archive holds


def build(rows: int, people) -> Summit:
    """``rows`` summits of the same four leaders, each with an agreement of Russia and Turkey."""
    last = None
    for n in range(rows):
        last = meeting(*people.values(), year=2000 + n % 20)
        factories.AgreementFactory(article=None, summit=last)
    return last


PAGES = {
    # pair: countries; summits (count, page, attendances, topics); agreements (count, page, parties x2)
    "country pair": (lambda: reverse("summits:country-pair", kwargs={"a": "ru", "b": "tr"}), 9),
    "participant pair": (
        lambda: reverse("summits:participant-pair", kwargs={"a": "angela-merkel", "b": "vladimir-putin"}),
        9,
    ),
    # participant, timeline, whom they met most, statements (a count; no statement, no page)
    "participant": (lambda: reverse("summits:participant-detail", kwargs={"slug": "vladimir-putin"}), 4),
}


@pytest.mark.parametrize("rows", [1, 30])
@pytest.mark.parametrize("page", PAGES)
def test_constant_query_count(client, django_assert_num_queries, people, page, rows):
    build(rows, people)
    url_for, expected = PAGES[page]
    with django_assert_num_queries(expected):
        assert client.get(url_for()).status_code == 200


@pytest.mark.parametrize("rows", [1, 30])
def test_a_multilateral_summit_page_costs_the_same_whatever_the_archive(
    client, django_assert_num_queries, people, rows
):
    summit = build(rows, people)
    # summit, attendances, statements, agreements (with countries, organisations and further
    # sources: no statement here, so none of theirs to fetch), articles, topics, and the pairs of
    # people who met before
    with django_assert_num_queries(10):
        response = client.get(summit.get_absolute_url())
    assert len(response.context["previous_meetings"]) == (6 if rows > 1 else 0)
