"""The summit's change log: one list of what happened to the summit and all its items."""

import pytest
from django.urls import reverse

from summits import ingest, services
from summits.models import Statement, Summit
from tests import factories

pytestmark = pytest.mark.django_db


def test_one_log_across_the_summit_and_its_items(editor_client, editor):
    summit = factories.SummitFactory(status=Summit.Status.DRAFT, title="Sochi talks")
    kept = factories.ParticipantFactory(name="Vladimir Putin")
    merged = factories.ParticipantFactory(name="V. Putin")
    factories.AttendanceFactory(summit=summit, participant=merged, role="President")
    statement = factories.StatementFactory(summit=summit, speaker=merged, review_status="pending")
    agreement = factories.AgreementFactory(summit=summit, review_status="pending")
    services.review_item(item=agreement, status="rejected", why="not agreed at this meeting", by=editor)
    services.merge_participants(keep=kept, merge=merged, by=editor)
    services.publish_summits(summits=Summit.objects.filter(pk=summit.pk), approve_pending=True, by=editor)

    url = reverse("admin:summits_summit_changes", args=[summit.pk])
    assert (
        f'href="{url}"'
        in editor_client.get(reverse("admin:summits_summit_change", args=[summit.pk])).content.decode()
    )
    response = editor_client.get(url)
    html = " ".join(response.content.decode().split())

    changes = list(response.context["page_obj"])
    assert [c.reason for c in changes[:2]] == ["Published", "Review: Approved (the rest, on publishing)"]
    assert {c.what for c in changes} == {"summit", "attendance", "statement", "agreement"}
    assert "Review: Rejected (not agreed at this meeting)" in html
    merge = next(c for c in changes if c.what == "statement" and c.reason.startswith("Merged"))
    assert [(f.name, f.old, f.new) for f in merge.fields] == [
        ("speaker", "V. Putin (deleted)", "Vladimir Putin")
    ]
    assert str(editor) in html
    assert f'href="{reverse("admin:summits_statement_change", args=[statement.pk])}"' in html


def test_imports_are_logged_with_who_and_the_extractor(editor_client, editor):
    from tests.ingest.conftest import ARTICLE, first_extraction

    result = ingest.import_article(
        text=ARTICLE,
        extraction=first_extraction(),
        provenance=ingest.Provenance(by=editor, how="import in the admin"),
    )
    response = editor_client.get(reverse("admin:summits_summit_changes", args=[result.summit.pk]))
    changes = list(response.context["page_obj"])
    reason = f"Import in the admin (extractor {ingest.extractor_version()})"
    added = [c for c in changes if c.action == "added"]
    assert added and {(c.who, c.reason) for c in added} == {(editor, reason)}
    assert Statement.objects.filter(summit=result.summit).count() == len(
        [c for c in added if c.what == "statement"]
    )


def test_the_log_needs_view_permission(client, db):
    summit = factories.SummitFactory()
    response = client.get(reverse("admin:summits_summit_changes", args=[summit.pk]))
    assert response.status_code == 302 and "/login/" in response["Location"]
