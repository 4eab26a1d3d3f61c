"""Editors see and correct the kind of meeting and the venue on the summit's change page."""

import pytest
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db


def test_the_summit_change_page_edits_kind_and_venue(editor_client):
    summit = factories.SummitFactory(kind="bilateral", venue="Bocharov Ruchei")

    page = editor_client.get(reverse("admin:summits_summit_change", args=[summit.pk])).content.decode()

    assert 'name="kind"' in page and 'name="venue"' in page
    assert 'value="Bocharov Ruchei"' in page


def test_the_summit_changelist_filters_by_kind(editor_client):
    bilateral = factories.SummitFactory(kind="bilateral", title="Two leaders")
    factories.SummitFactory(kind="multilateral", title="Many leaders")

    response = editor_client.get(reverse("admin:summits_summit_changelist") + "?kind__exact=bilateral")

    assert list(response.context["cl"].result_list) == [bilateral]
