"""Builders for the admin tests: one fully related row of each list, so a missing
select_related or prefetch shows up as extra queries."""

import itertools

import pytest
from django.urls import reverse

from summits.models import Organisation
from tests import factories

_organisation_numbers = itertools.count()


def admin_url(model, view: str = "changelist", *args) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def organisation(**kwargs) -> Organisation:
    number = next(_organisation_numbers)
    kwargs.setdefault("short_name", f"ORG{number}")
    kwargs.setdefault("name", f"Organisation number {number}")
    return Organisation.objects.create(**kwargs)


def full_summit(**kwargs):
    summit = factories.SummitFactory(**kwargs)
    summit.topics.add(factories.TopicFactory())
    summit.articles.add(factories.ArticleFactory())
    factories.AttendanceFactory(summit=summit)
    # as an import leaves them: awaiting review
    factories.StatementFactory(summit=summit, review_status="pending")
    factories.AgreementFactory(summit=summit, review_status="pending")
    return summit


def full_participant(**kwargs):
    person = factories.ParticipantFactory(**kwargs)
    factories.AliasFactory(participant=person)
    attendance = factories.AttendanceFactory(participant=person)
    factories.StatementFactory(speaker=person, summit=attendance.summit)
    return person


def full_attendance(**kwargs):
    kwargs.setdefault("organisation", organisation())
    return factories.AttendanceFactory(**kwargs)


def full_agreement(**kwargs):
    agreement = factories.AgreementFactory(**kwargs)
    agreement.organisations.add(organisation())
    return agreement


def article_in_summit(**kwargs):
    article = factories.ArticleFactory(**kwargs)
    factories.SummitFactory().articles.add(article)
    return article


def topic_in_summit(**kwargs):
    topic = factories.TopicFactory(**kwargs)
    factories.SummitFactory().topics.add(topic)
    return topic


def organisation_in_use(**kwargs):
    org = organisation(**kwargs)
    factories.AgreementFactory().organisations.add(org)
    factories.AttendanceFactory(organisation=org)
    return org


@pytest.fixture
def changelist(editor_client):
    """GET a model's changelist as the editor; returns the response after checking it is 200."""

    def get(model, params=None):
        response = editor_client.get(admin_url(model), params or {})
        assert response.status_code == 200
        return response

    return get


def result_list(response) -> list:
    return list(response.context["cl"].result_list)
