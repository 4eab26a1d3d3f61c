"""Admin actions as an editor runs them from a list: publish and unpublish summits, approve
and reject statements and agreements, merge two participants through a confirmation page."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.messages import get_messages
from django.urls import reverse

from summits.models import Agreement, Attendance, Participant, Statement, Summit
from tests import factories
from tests.admin.conftest import admin_url, full_agreement, full_participant

pytestmark = pytest.mark.django_db


def run_action(client, model, action, objects, **extra):
    return client.post(
        admin_url(model),
        {"action": action, ACTION_CHECKBOX_NAME: [obj.pk for obj in objects], **extra},
        follow=True,
    )


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_publish_and_unpublish_summits(editor_client, editor):
    drafts = factories.SummitFactory.create_batch(2, status=Summit.Status.DRAFT)
    already = factories.SummitFactory(status=Summit.Status.PUBLISHED)

    response = run_action(editor_client, Summit, "publish", [*drafts, already])
    assert messages_of(response) == ["Published 2 summits."]
    assert set(Summit.objects.values_list("status", flat=True)) == {"published"}
    record = drafts[0].history.first()
    assert (record.status, record.history_change_reason, record.history_user) == (
        "published",
        "Published",
        editor,
    )

    response = run_action(editor_client, Summit, "unpublish", [already])
    assert messages_of(response) == ["Unpublished 1 summit."]
    already.refresh_from_db()
    assert already.status == Summit.Status.DRAFT
    assert already.history.first().history_change_reason == "Unpublished"


def test_publish_from_a_searched_list(editor_client):
    # The changelist's queryset is annotated and searched across a join; the action must cope.
    summit = factories.AttendanceFactory(summit__status="draft", participant__name="Ilham Aliyev").summit
    response = editor_client.post(
        admin_url(Summit) + "?q=aliyev",
        {"action": "publish", "select_across": "1", "index": "0", ACTION_CHECKBOX_NAME: [summit.pk]},
        follow=True,
    )
    assert messages_of(response) == ["Published 1 summit."]
    summit.refresh_from_db()
    assert summit.is_published


@pytest.mark.parametrize(
    ("model", "make"),
    [(Statement, factories.StatementFactory), (Agreement, full_agreement)],
    ids=["statement", "agreement"],
)
def test_approve_and_reject(model, make, editor_client, editor):
    first, second = make(review_status="pending"), make(review_status="pending")
    name = model._meta.verbose_name_plural

    response = run_action(editor_client, model, "approve", [first, second])
    assert messages_of(response) == [f"Approved 2 {name}."]
    assert set(model.objects.values_list("review_status", flat=True)) == {"approved"}

    response = run_action(editor_client, model, "reject", [second])
    assert messages_of(response) == [f"Rejected 1 {model._meta.verbose_name}."]
    second.refresh_from_db()
    assert second.review_status == "rejected"
    record = second.history.first()
    assert (record.review_status, record.history_change_reason, record.history_user) == (
        "rejected",
        "Review: Rejected",
        editor,
    )


def test_merge_needs_exactly_two_people(editor_client):
    people = factories.ParticipantFactory.create_batch(3)
    response = run_action(editor_client, Participant, "merge", people)
    assert messages_of(response) == ["Select exactly two participants to merge (you selected 3)."]
    assert Participant.objects.count() == 3


def test_merge_asks_which_person_to_keep(editor_client):
    shared = factories.SummitFactory(title="Sochi talks")
    first = full_participant(name="Recep Tayyip Erdogan")
    second = factories.ParticipantFactory(name="Erdoğan")
    factories.AttendanceFactory(participant=first, summit=shared)
    factories.AttendanceFactory(participant=second, summit=shared)

    response = run_action(editor_client, Participant, "merge", [first, second])
    assert response.templates[0].name == "admin/summits/participant/merge_confirmation.html"
    content = response.content.decode()
    assert f'name="keep" id="keep-{first.pk}" value="{first.pk}"' in content
    assert f'name="keep" id="keep-{second.pk}" value="{second.pk}"' in content
    assert "Both attended Sochi talks." in content
    assert Participant.objects.count() == 2, "nothing happens before the editor confirms"


def test_merge_moves_everything_to_the_one_kept(editor_client, editor):
    shared = factories.SummitFactory()
    keep = factories.ParticipantFactory(name="Recep Tayyip Erdogan", title="", country=None)
    merge = factories.ParticipantFactory(name="Erdoğan", title="President", country=factories.country("TR"))
    factories.AliasFactory(participant=merge, name="Mr Erdogan")
    kept_attendance = factories.AttendanceFactory(participant=keep, summit=shared, role="", country=None)
    factories.AttendanceFactory(
        participant=merge, summit=shared, role="President", country=factories.country("TR")
    )
    other_summit = factories.AttendanceFactory(participant=merge).summit
    statement = factories.StatementFactory(speaker=merge)

    response = run_action(editor_client, Participant, "merge", [keep, merge], keep=keep.pk, confirm="yes")
    assert response.status_code == 200
    change_url = admin_url(Participant, "change", keep.pk)
    assert messages_of(response) == [
        f'Merged Erdoğan into <a href="{change_url}">Recep Tayyip Erdogan</a>; '
        "Erdoğan is now one of its aliases."
    ]

    assert not Participant.objects.filter(pk=merge.pk).exists()
    keep.refresh_from_db()
    assert (keep.title, keep.country_id) == ("President", "TR")
    assert sorted(keep.aliases) == ["Erdoğan", "Mr Erdogan"]
    kept_attendance.refresh_from_db()
    assert (kept_attendance.role, kept_attendance.country_id) == ("President", "TR")
    assert set(keep.attendances.values_list("summit", flat=True)) == {shared.pk, other_summit.pk}
    assert Attendance.objects.filter(summit=shared).count() == 1
    statement.refresh_from_db()
    assert statement.speaker == keep

    deleted = Participant.history.filter(id=merge.pk, history_type="-").get()
    assert deleted.history_user == editor
    assert deleted.history_change_reason.startswith("Merged Erdoğan")
    history_page = editor_client.get(admin_url(Participant, "history", keep.pk)).content.decode()
    assert "Merged Erdoğan" in history_page


def test_merge_keeps_the_second_when_chosen(editor_client):
    first, second = (
        factories.ParticipantFactory(name="A. Person"),
        factories.ParticipantFactory(name="Alice Person"),
    )
    run_action(editor_client, Participant, "merge", [first, second], keep=second.pk, confirm="yes")
    assert list(Participant.objects.all()) == [second]
    assert second.aliases == ["A. Person"]


def test_merge_without_a_choice_changes_nothing(editor_client):
    first, second = factories.ParticipantFactory.create_batch(2)
    response = run_action(editor_client, Participant, "merge", [first, second], keep="", confirm="yes")
    assert "Choose which participant to keep." in messages_of(response)
    assert response.templates[0].name == "admin/summits/participant/merge_confirmation.html"
    assert Participant.objects.count() == 2


def test_publishing_with_pending_items_asks_first_and_changes_nothing(editor_client):
    summit = factories.SummitFactory(status=Summit.Status.DRAFT, title="Sochi talks")
    factories.StatementFactory(summit=summit, review_status="pending")
    factories.AgreementFactory(summit=summit, review_status="pending")

    response = run_action(editor_client, Summit, "publish", [summit])

    html = " ".join(response.content.decode().split())
    assert "2 statements or agreements of 1 summit still await review" in html
    assert "Sochi talks</a>: 2 pending" in html
    assert 'value="approve"' in html and "Review first" in html
    summit.refresh_from_db()
    assert summit.status == Summit.Status.DRAFT


def test_approve_the_rest_and_publish_is_recorded(editor_client, editor):
    summit = factories.SummitFactory(status=Summit.Status.DRAFT)
    pending = factories.StatementFactory(summit=summit, review_status="pending")
    rejected = factories.StatementFactory(summit=summit, review_status="rejected")

    response = run_action(editor_client, Summit, "publish", [summit], pending="approve")

    assert messages_of(response) == ["Published 1 summit."]
    summit.refresh_from_db()
    pending.refresh_from_db()
    rejected.refresh_from_db()
    assert (summit.status, pending.review_status, rejected.review_status) == (
        "published",
        "approved",
        "rejected",
    )
    record = pending.history.first()
    assert (record.history_change_reason, record.history_user) == (
        "Review: Approved (the rest, on publishing)",
        editor,
    )


def test_the_change_pages_publish_button_asks_about_pending_items(editor_client, editor):
    summit = factories.SummitFactory(status=Summit.Status.DRAFT)
    factories.StatementFactory(summit=summit, review_status="pending")
    url = reverse("admin:summits_summit_publish", args=[summit.pk])
    change_page = editor_client.get(admin_url(Summit, "change", summit.pk)).content.decode()
    assert f'href="{url}"' in change_page
    assert 'name="status"' not in change_page, "publication has its own button"

    assert "still awaits review" in " ".join(editor_client.get(url).content.decode().split())
    editor_client.post(url, {"pending": "approve"})
    summit.refresh_from_db()
    assert summit.is_published and not summit.has_pending_items()

    reviewed = factories.SummitFactory(status=Summit.Status.DRAFT)
    factories.StatementFactory(summit=reviewed, review_status="approved")
    url = reverse("admin:summits_summit_publish", args=[reviewed.pk])
    assert "has been reviewed" in " ".join(editor_client.get(url).content.decode().split())
    assert editor_client.post(url).status_code == 302
    reviewed.refresh_from_db()
    assert reviewed.is_published
