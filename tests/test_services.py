"""The write services the admin calls: publishing, reviewing and merging participants."""

import pytest

from summits import services
from summits.models import (
    Agreement,
    Attendance,
    Organisation,
    Participant,
    ParticipantAlias,
    ParticipantRedirect,
    Statement,
    Summit,
)
from tests import factories

pytestmark = pytest.mark.django_db


def test_publish_changes_only_drafts_and_records_who_and_why(editor):
    draft = factories.SummitFactory(status=Summit.Status.DRAFT)
    published = factories.SummitFactory(status=Summit.Status.PUBLISHED)
    before = published.history.count()

    assert services.publish_summits(summits=Summit.objects.all(), by=editor) == 1
    draft.refresh_from_db()
    assert draft.is_published
    record = draft.history.first()
    assert (record.history_type, record.history_user, record.history_change_reason) == (
        "~",
        editor,
        "Published",
    )
    assert published.history.count() == before, "an unchanged row gets no new version"
    assert services.publish_summits(summits=Summit.objects.all(), by=editor) == 0


def test_unpublish_keeps_topics_in_the_history(editor):
    summit = factories.SummitFactory(status=Summit.Status.PUBLISHED)
    summit.topics.add(factories.TopicFactory(name="trade"))
    assert services.unpublish_summits(summits=Summit.objects.filter(pk=summit.pk), by=editor) == 1
    summit.refresh_from_db()
    assert summit.status == Summit.Status.DRAFT
    record = summit.history.first()
    assert record.status == "draft"
    assert [t.topic.name for t in record.topics.all()] == ["trade"]


def test_review_status_of_statements_and_agreements(editor):
    statements = factories.StatementFactory.create_batch(2, review_status="pending")
    agreement = factories.AgreementFactory(review_status="pending")

    assert services.approve_items(items=Statement.objects.all(), by=editor) == 2
    assert set(Statement.objects.values_list("review_status", flat=True)) == {"approved"}
    assert services.reject_items(items=Agreement.objects.all(), by=editor) == 1
    agreement.refresh_from_db()
    assert agreement.review_status == "rejected"
    assert agreement.history.first().history_change_reason == "Review: Rejected"
    assert (
        services.set_review_status(items=Statement.objects.filter(pk=statements[0].pk), status="pending") == 1
    )
    with pytest.raises(ValueError):
        services.set_review_status(items=Statement.objects.all(), status="maybe")


def test_services_take_the_user_from_the_request_when_not_given(rf, editor):
    from simple_history.models import HistoricalRecords

    summit = factories.SummitFactory(status=Summit.Status.DRAFT)
    request = rf.get("/")
    request.user = editor
    HistoricalRecords.context.request = request
    try:
        services.publish_summits(summits=Summit.objects.all())
    finally:
        del HistoricalRecords.context.request
    assert summit.history.first().history_user == editor


class TestMergeParticipants:
    def test_moves_attendances_statements_and_aliases(self, editor):
        keep = factories.ParticipantFactory(name="Vladimir Putin")
        merge = factories.ParticipantFactory(name="V. Putin")
        factories.AliasFactory(participant=merge, name="Mr Putin")
        attendance = factories.AttendanceFactory(participant=merge)
        statement = factories.StatementFactory(speaker=merge)

        result = services.merge_participants(keep=keep, merge=merge, by=editor)

        assert result == keep
        assert not Participant.objects.filter(pk=merge.pk).exists()
        attendance.refresh_from_db()
        statement.refresh_from_db()
        assert attendance.participant == keep
        assert statement.speaker == keep
        assert sorted(keep.aliases) == ["Mr Putin", "V. Putin"]

    def test_same_summit_keeps_one_attendance_and_fills_its_blanks(self):
        summit = factories.SummitFactory()
        org = Organisation.objects.create(short_name="EU")
        keep = factories.ParticipantFactory()
        merge = factories.ParticipantFactory()
        kept = factories.AttendanceFactory(summit=summit, participant=keep, role="Chair", country=None)
        factories.AttendanceFactory(
            summit=summit,
            participant=merge,
            role="President",
            country=factories.country("TR"),
            organisation=org,
        )

        services.merge_participants(keep=keep, merge=merge)

        assert list(Attendance.objects.filter(summit=summit)) == [kept]
        kept.refresh_from_db()
        # the kept role stays and the merged one's is added; blanks are filled
        assert (kept.role, kept.country_id, kept.organisation) == ("Chair; President", "TR", org)

    def test_fills_the_blank_title_and_country_of_the_one_kept(self):
        keep = factories.ParticipantFactory(title="", country=None)
        merge = factories.ParticipantFactory(title="Emir", country=factories.country("QA"))
        services.merge_participants(keep=keep, merge=merge)
        keep.refresh_from_db()
        assert (keep.title, keep.country_id) == ("Emir", "QA")

    def test_keeps_the_title_of_the_one_merged_beside_the_kept_title(self):
        keep = factories.ParticipantFactory(title="Prime Minister")
        merge = factories.ParticipantFactory(title="Foreign Minister")
        same = factories.ParticipantFactory(title="prime minister")

        services.merge_participants(keep=keep, merge=merge)
        services.merge_participants(keep=keep, merge=same)

        keep.refresh_from_db()
        assert keep.title == "Prime Minister; Foreign Minister"

    def test_the_old_address_leads_to_the_one_kept_also_after_a_second_merge(self):
        first = factories.ParticipantFactory(slug="v-putin")
        second = factories.ParticipantFactory(slug="vladimir-putin-2")
        last = factories.ParticipantFactory(slug="vladimir-putin")

        services.merge_participants(keep=second, merge=first)
        services.merge_participants(keep=last, merge=second)

        assert {r.old_slug: r.participant for r in ParticipantRedirect.objects.all()} == {
            "v-putin": last,
            "vladimir-putin-2": last,
        }

    def test_does_not_duplicate_aliases(self):
        keep = factories.ParticipantFactory(name="Recep Tayyip Erdogan")
        factories.AliasFactory(participant=keep, name="Erdogan")
        merge = factories.ParticipantFactory(name="ERDOĞAN")
        factories.AliasFactory(participant=merge, name="Erdoğan")
        factories.AliasFactory(participant=merge, name="recep tayyip erdoğan")
        factories.AliasFactory(participant=merge, name="Tayyip")

        services.merge_participants(keep=keep, merge=merge)

        assert sorted(keep.aliases) == ["Erdogan", "Tayyip"]
        assert ParticipantAlias.objects.count() == 2

    def test_records_every_change_with_the_reason(self, editor):
        keep = factories.ParticipantFactory(name="Keep Me")
        merge = factories.ParticipantFactory(name="Merge Me")
        statement = factories.StatementFactory(speaker=merge)
        services.merge_participants(keep=keep, merge=merge, by=editor)

        reason = f"Merged Merge Me (#{merge.pk}) into Keep Me (#{keep.pk})"
        assert keep.history.first().history_change_reason == reason
        assert statement.history.first().history_change_reason == reason
        deleted = Participant.history.get(id=merge.pk, history_type="-")
        assert (deleted.history_user, deleted.history_change_reason) == (editor, reason)
        alias = keep.alias_set.get()
        assert alias.history.get().history_change_reason == reason

    def test_refuses_to_merge_a_person_with_themself(self):
        person = factories.ParticipantFactory()
        with pytest.raises(services.MergeError):
            services.merge_participants(keep=person, merge=person)
        assert Participant.objects.filter(pk=person.pk).exists()

    def test_is_all_or_nothing(self, monkeypatch):
        keep = factories.ParticipantFactory()
        merge = factories.ParticipantFactory()
        attendance = factories.AttendanceFactory(participant=merge)
        statement = factories.StatementFactory(speaker=merge)

        def fail(**kwargs):
            raise RuntimeError("disk full")

        monkeypatch.setattr(services, "_move_aliases", fail)
        with pytest.raises(RuntimeError):
            services.merge_participants(keep=keep, merge=merge)

        attendance.refresh_from_db()
        statement.refresh_from_db()
        assert (attendance.participant, statement.speaker) == (merge, merge)
        assert Participant.objects.filter(pk=merge.pk).exists()
