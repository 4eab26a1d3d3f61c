"""Who may write: anonymous 401, non-staff 403, staff create and update (validated, in history)."""

import pytest
from django.urls import reverse
from rest_framework.throttling import AnonRateThrottle

from summits.models import Agreement, Organisation, Statement, Summit
from tests import factories

pytestmark = pytest.mark.django_db

NEW_SUMMIT = {"title": "G20 in Osaka", "slug": "osaka-2019", "start_date": "2019-06-28", "country": "jp"}


def test_anonymous_writes_get_401_with_a_challenge(api, archive):
    response = api.post(reverse("api:summit-list"), NEW_SUMMIT, format="json")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    url = reverse("api:statement-detail", kwargs={"pk": archive.quote.pk})
    assert api.patch(url, {"text": "Changed"}, format="json").status_code == 401
    assert Statement.objects.get(pk=archive.quote.pk).text == archive.quote.text


def test_anonymous_cannot_read_drafts_with_the_status_filter_either(api, archive):
    assert api.get(reverse("api:summit-list"), {"status": "draft"}).json()["count"] == 0


def test_non_staff_users_get_403_and_read_published_only(reader_api, archive):
    response = reader_api.post(reverse("api:summit-list"), NEW_SUMMIT, format="json")
    assert response.status_code == 403
    url = reverse("api:summit-detail", kwargs={"slug": "sochi-2017"})
    assert reader_api.patch(url, {"title": "Changed"}, format="json").status_code == 403
    assert reader_api.get(reverse("api:summit-list")).json()["count"] == 2
    assert not Summit.objects.filter(slug="osaka-2019").exists()


def test_invalid_token_is_401(api, archive):
    api.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")
    assert api.get(reverse("api:summit-list")).status_code == 401


def test_nothing_is_deleted_through_the_api(staff_api, api, archive):
    url = reverse("api:summit-detail", kwargs={"slug": "sochi-2017"})
    assert staff_api.delete(url).status_code == 405
    assert api.delete(url).status_code == 405
    assert staff_api.post(reverse("api:country-list"), {"code": "XX"}, format="json").status_code == 405
    assert Summit.objects.filter(slug="sochi-2017").exists()


def test_staff_create_a_summit_by_token_and_the_history_names_them(staff_api, editor, archive):
    response = staff_api.post(reverse("api:summit-list"), {**NEW_SUMMIT, "topics": ["trade"]}, format="json")
    assert response.status_code == 201, response.content
    assert response.json()["country"] == "JP"
    summit = Summit.objects.get(slug="osaka-2019")
    assert summit.status == Summit.Status.DRAFT
    assert [t.slug for t in summit.topics.all()] == ["trade"]
    records = list(summit.history.order_by("history_id"))
    assert records[0].history_type == "+"
    assert {record.history_user for record in records} == {editor}  # the topics change too


def test_staff_update_by_session_is_recorded_in_history(editor_client, editor, archive):
    url = reverse("api:summit-detail", kwargs={"slug": "draft-2019"})
    response = editor_client.patch(url, {"status": "published"}, content_type="application/json")
    assert response.status_code == 200, response.content
    archive.draft.refresh_from_db()
    assert archive.draft.is_published
    latest = archive.draft.history.latest()
    assert latest.history_type == "~" and latest.status == "published"
    assert latest.history_user == editor


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"start_date": "2019-06-29", "end_date": "2019-06-28"}, "end_date"),
        ({"start_date": "2019-06-29", "end_date": None, "date_precision": "month"}, "start_date"),
        ({"date_precision": "week"}, "date_precision"),
        ({"country": "XX"}, "country"),
        ({"slug": "sochi-2017"}, "slug"),
        ({"slug": "not a slug"}, "slug"),
        ({"topics": ["no-such-topic"]}, "topics"),
        ({"status": "secret"}, "status"),
    ],
)
def test_summit_validation_errors_are_400(staff_api, archive, payload, field):
    response = staff_api.post(reverse("api:summit-list"), {**NEW_SUMMIT, **payload}, format="json")
    assert response.status_code == 400
    assert field in response.json()
    assert not Summit.objects.filter(title="G20 in Osaka").exists()


def test_summit_update_checks_the_dates_against_the_stored_ones(staff_api, archive):
    url = reverse("api:summit-detail", kwargs={"slug": "ankara-2018"})
    response = staff_api.patch(url, {"end_date": "2018-01-01"}, format="json")
    assert response.status_code == 400
    assert "end_date" in response.json()


def test_staff_create_a_statement_with_offsets(staff_api, editor, archive):
    article = archive.quote.article
    start = article.text.index("The sides")
    payload = {
        "summit": "sochi-2017",
        "speaker": None,
        "speaker_label": "a joint statement",
        "kind": "indirect",
        "text": "The sides agreed on gas supplies.",
        "article_id": article.pk,
        "start": start,
        "end": start + len("The sides agreed on gas supplies."),
    }
    response = staff_api.post(reverse("api:statement-list"), payload, format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["speaker_name"] == "a joint statement"
    assert body["article"]["id"] == article.pk
    statement = Statement.objects.get(pk=body["id"])
    assert statement.source_text == "The sides agreed on gas supplies."
    assert statement.history.get().history_user == editor


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"start": 10, "end": 5}, "end"),
        ({"start": 10, "end": 100_000}, "end"),
        ({"start": 10}, "end"),
        ({"article_id": None, "start": 1, "end": 2}, "article_id"),
        ({"article_id": 999_999}, "article_id"),
        ({"speaker": "nobody"}, "speaker"),
        ({"kind": "shouted"}, "kind"),
        ({"summit": "no-such-summit"}, "summit"),
    ],
)
def test_statement_validation_errors_are_400(staff_api, archive, change, field):
    payload = {
        "summit": "sochi-2017",
        "speaker": "erdogan",
        "text": "Words",
        "article_id": archive.quote.article_id,
        **change,
    }
    response = staff_api.post(reverse("api:statement-list"), payload, format="json")
    assert response.status_code == 400
    assert field in response.json()


def test_statement_update_checks_offsets_against_the_stored_article(staff_api, archive):
    url = reverse("api:statement-detail", kwargs={"pk": archive.quote.pk})
    too_far = len(archive.quote.article.text) + 1
    assert staff_api.patch(url, {"end": too_far}, format="json").status_code == 400
    response = staff_api.patch(url, {"review_status": "approved"}, format="json")
    assert response.status_code == 200
    assert Statement.objects.get(pk=archive.quote.pk).review_status == "approved"


def test_staff_create_and_update_agreement_parties(staff_api, editor, archive):
    Organisation.objects.create(short_name="GCC", name="Gulf Cooperation Council")
    payload = {"summit": "ankara-2018", "text": "A ceasefire", "topic": "Syria"}
    payload["parties"] = ["tr", "ir", "gcc"]
    response = staff_api.post(reverse("api:agreement-list"), payload, format="json")
    assert response.status_code == 201, response.content
    assert response.json()["parties"] == ["IR", "TR", "GCC"]
    agreement = Agreement.objects.get(pk=response.json()["id"])
    assert {record.history_user for record in agreement.history.all()} == {editor}

    url = reverse("api:agreement-detail", kwargs={"pk": agreement.pk})
    response = staff_api.patch(url, {"parties": ["RU", "EU"], "status": "signed"}, format="json")
    assert response.status_code == 200, response.content
    agreement.refresh_from_db()
    assert agreement.parties == ["RU", "EU"] and agreement.status == "signed"
    assert agreement.history.latest().history_user == editor

    unchanged = staff_api.patch(url, {"topic": "Syria ceasefire"}, format="json")
    assert unchanged.json()["parties"] == ["RU", "EU"]


def test_unknown_parties_are_400_and_change_nothing(staff_api, archive):
    url = reverse("api:agreement-detail", kwargs={"pk": archive.trade.pk})
    response = staff_api.patch(url, {"parties": ["RU", "XX", "Atlantis"]}, format="json")
    assert response.status_code == 400
    assert "XX, Atlantis" in response.json()["parties"][0]
    assert archive.trade.parties == ["RU", "TR"]


def test_staff_create_a_participant(staff_api, editor, archive):
    payload = {"name": "Angela Merkel", "slug": "angela-merkel", "title": "Chancellor", "country": "de"}
    response = staff_api.post(reverse("api:participant-list"), payload, format="json")
    assert response.status_code == 201, response.content
    assert response.json()["summits"] == [] and response.json()["country"] == "DE"
    assert staff_api.post(reverse("api:participant-list"), payload, format="json").status_code == 400
    participant = factories.models.Participant.objects.get(slug="angela-merkel")
    assert participant.history.get().history_user == editor


def test_anonymous_clients_are_throttled(api, db, monkeypatch):
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "3/minute"})
    statuses = [api.get(reverse("api:country-list")).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    throttled = api.get(reverse("api:country-list"))
    assert int(throttled["Retry-After"]) > 0


def test_staff_are_not_throttled(staff_api, db, monkeypatch):
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "1/minute"})
    assert [staff_api.get(reverse("api:country-list")).status_code for _ in range(3)] == [200] * 3


@pytest.mark.parametrize(
    ("approve_pending", "published", "approved"),
    [(None, False, False), (True, True, True), (False, True, False)],
)
def test_publishing_through_the_api_asks_about_pending_items(
    staff_api, editor, archive, approve_pending, published, approved
):
    pending = factories.StatementFactory(summit=archive.draft, article=None, review_status="pending")
    payload = {"status": "published"} | (
        {} if approve_pending is None else {"approve_pending": approve_pending}
    )

    response = staff_api.patch(
        reverse("api:summit-detail", args=[archive.draft.slug]), payload, format="json"
    )

    assert response.status_code == (200 if published else 400), response.content
    if not published:
        assert "approve_pending" in response.json()
    archive.draft.refresh_from_db()
    pending.refresh_from_db()
    assert (archive.draft.is_published, pending.review_status == "approved") == (published, approved)
    if published:
        record = archive.draft.history.first()
        assert (record.history_change_reason, record.history_user) == ("Published", editor)


def test_review_through_the_api_is_recorded_like_the_admins(staff_api, editor, archive):
    url = reverse("api:statement-detail", args=[archive.quote.pk])
    assert staff_api.patch(url, {"review_status": "rejected"}, format="json").status_code == 200
    record = Statement.objects.get(pk=archive.quote.pk).history.first()
    assert (record.history_change_reason, record.history_user) == ("Review: Rejected", editor)
