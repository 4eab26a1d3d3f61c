"""A request costs the same number of queries with 1 row as with 30: everything is prefetched."""

import pytest
from django.urls import reverse

from summits.models import Organisation
from tests import factories

pytestmark = pytest.mark.django_db

SIZES = [1, 30]


def published_summit_with(n: int):
    """A summit with ``n`` of everything: topics, participants (with aliases), statements with
    their articles, and agreements with countries and organisations as parties."""
    summit = factories.SummitFactory()
    summit.topics.add(*[factories.TopicFactory() for _ in range(n)])
    organisation, _ = Organisation.objects.get_or_create(short_name="EU")
    for _ in range(n):
        attendance = factories.AttendanceFactory(summit=summit)
        factories.AliasFactory(participant=attendance.participant)
        statement = factories.StatementFactory(summit=summit, speaker=attendance.participant)
        summit.articles.add(statement.article)
        agreement = factories.AgreementFactory(summit=summit, parties=["RU", "TR"])
        agreement.organisations.add(organisation)
    return summit


@pytest.mark.parametrize("n", SIZES)
def test_summit_list(api, django_assert_num_queries, n):
    for _ in range(n):
        published_summit_with(1)
    with django_assert_num_queries(3):  # count, summits with their country, topics
        response = api.get(reverse("api:summit-list"), {"page_size": 50})
    assert response.json()["count"] == n


@pytest.mark.parametrize("n", SIZES)
def test_summit_list_as_csv(api, django_assert_num_queries, n):
    for _ in range(n):
        published_summit_with(1)
    with django_assert_num_queries(3):
        response = api.get(reverse("api:summit-list"), {"page_size": 50, "format": "csv"})
    assert len(response.content.decode().splitlines()) == n + 1


@pytest.mark.parametrize("n", SIZES)
def test_summit_detail(api, django_assert_num_queries, n):
    summit = published_summit_with(n)
    # summit, topics, attendances, statements, agreements, their countries and organisations, articles,
    # the statements' and the agreements' further sources
    with django_assert_num_queries(10):
        response = api.get(reverse("api:summit-detail", kwargs={"slug": summit.slug}))
    body = response.json()
    assert len(body["participants"]) == len(body["statements"]) == len(body["agreements"]) == n


@pytest.mark.parametrize("n", SIZES)
def test_staff_summit_detail(staff_api, django_assert_num_queries, n):
    summit = published_summit_with(n)
    with django_assert_num_queries(11):  # the token and its user, then the same as anonymous
        response = staff_api.get(reverse("api:summit-detail", kwargs={"slug": summit.slug}))
    assert len(response.json()["statements"]) == n


@pytest.mark.parametrize("n", SIZES)
def test_participant_list_and_detail(api, django_assert_num_queries, n):
    summit = published_summit_with(n)
    with django_assert_num_queries(4):  # count, participants with country, aliases, attendances
        response = api.get(reverse("api:participant-list"), {"page_size": 50})
    assert response.json()["count"] == n
    slug = summit.participants.first().slug
    with django_assert_num_queries(3):
        response = api.get(reverse("api:participant-detail", kwargs={"slug": slug}))
    assert response.json()["summits"] == [summit.slug]


@pytest.mark.parametrize("n", SIZES)
def test_statement_list_and_detail(api, django_assert_num_queries, n):
    summit = published_summit_with(n)
    # count, statements with summit, speaker and article, their further sources
    with django_assert_num_queries(3):
        response = api.get(reverse("api:statement-list"), {"page_size": 50})
    assert response.json()["count"] == n
    url = reverse("api:statement-detail", kwargs={"pk": summit.statements.first().pk})
    with django_assert_num_queries(2):
        assert api.get(url).status_code == 200


@pytest.mark.parametrize("n", SIZES)
def test_agreement_list_and_detail(api, django_assert_num_queries, n):
    summit = published_summit_with(n)
    # count, agreements with summit and article, countries, organisations, further sources
    with django_assert_num_queries(5):
        response = api.get(reverse("api:agreement-list"), {"page_size": 50})
    assert [row["parties"] for row in response.json()["results"]] == [["RU", "TR", "EU"]] * n
    url = reverse("api:agreement-detail", kwargs={"pk": summit.agreements.first().pk})
    with django_assert_num_queries(4):
        assert api.get(url).status_code == 200


@pytest.mark.parametrize("n", SIZES)
def test_country_list_and_detail(api, django_assert_num_queries, n):
    with django_assert_num_queries(2):
        response = api.get(reverse("api:country-list"), {"page_size": n})
    assert len(response.json()["results"]) == n
    with django_assert_num_queries(1):
        assert api.get(reverse("api:country-detail", kwargs={"code": "tr"})).json()["code"] == "TR"
