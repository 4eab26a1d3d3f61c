"""Editors see a draft summit as readers will once it is published: approved items only, under
a preview banner, never cached by a shared cache nor indexed; anyone else gets a 404."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from summits.models import Summit
from tests import factories

pytestmark = pytest.mark.django_db

BANNER = "readers cannot see this summit until it is published"


@pytest.fixture
def draft():
    summit = factories.SummitFactory(
        title="Astana draft talks", slug="astana-draft", status=Summit.Status.DRAFT
    )
    factories.AttendanceFactory(summit=summit, participant__name="Kassym-Jomart Tokayev")
    factories.StatementFactory(summit=summit, text="We agreed to work together,", review_status="approved")
    factories.StatementFactory(summit=summit, text="Pending whisper", article=None, review_status="pending")
    factories.StatementFactory(summit=summit, text="Rejected mistake", article=None, review_status="rejected")
    factories.AgreementFactory(summit=summit, text="Approved accord", article=None, review_status="approved")
    factories.AgreementFactory(summit=summit, text="Pending accord", article=None, review_status="pending")
    return summit


def preview_url(summit) -> str:
    return reverse("summits:summit-preview", kwargs={"slug": summit.slug})


def test_an_editor_previews_a_draft_as_readers_will_see_it(editor_client, draft):
    response = editor_client.get(preview_url(draft))

    assert response.status_code == 200
    html = response.content.decode()
    assert BANNER in html
    assert "<h1>Astana draft talks</h1>" in html
    assert "Kassym-Jomart Tokayev" in html
    assert "We agreed to work together" in html and "Approved accord" in html
    for unseen in ("Pending whisper", "Rejected mistake", "Pending accord"):
        assert unseen not in html
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex"
    assert f'href="{reverse("admin:summits_summit_change", args=[draft.pk])}"' in html


def test_the_public_page_of_a_draft_stays_a_404_even_for_editors(editor_client, draft):
    assert editor_client.get(draft.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("who", ["anonymous", "reader", "staff without summit permissions"])
def test_nobody_else_sees_a_preview(client, draft, who):
    if who != "anonymous":
        user = factories.UserFactory(is_staff=who != "reader")
        if who == "reader":
            user.user_permissions.add(Permission.objects.get(codename="view_summit"))
        client.force_login(user)
    response = client.get(preview_url(draft))
    assert response.status_code == 404
    assert BANNER not in response.content.decode()


def test_staff_allowed_to_view_summits_may_preview(client, draft):
    viewer = factories.UserFactory(is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_summit"))
    client.force_login(viewer)
    assert client.get(preview_url(draft)).status_code == 200


def test_a_published_summit_has_no_preview_but_its_page(editor_client):
    summit = factories.SummitFactory(status=Summit.Status.PUBLISHED)
    factories.StatementFactory(summit=summit, text="Pending whisper", article=None, review_status="pending")
    response = editor_client.get(preview_url(summit))
    assert response.status_code == 302 and response["Location"] == summit.get_absolute_url()
    page = editor_client.get(summit.get_absolute_url()).content.decode()
    assert BANNER not in page and "Pending whisper" not in page


def test_an_unknown_summit_has_no_preview(editor_client):
    assert editor_client.get(reverse("summits:summit-preview", kwargs={"slug": "nowhere"})).status_code == 404


def test_the_preview_costs_what_the_public_page_costs(editor_client, draft, django_assert_num_queries):
    # the summit page's 10 queries (its statements' and agreements' further sources among them),
    # and the editor's session and user for the permission check
    with django_assert_num_queries(12):
        assert editor_client.get(preview_url(draft)).status_code == 200
