"""The editors' decisions on what the import of several reports of one meeting only proposes:
merging a probable duplicate, moving or splitting off an article, and proposed participant matches
(summits/services.py)."""

import pytest

from summits import services
from summits.models import (
    AgreementSource,
    Attendance,
    ParticipantMatch,
    ReviewStatus,
    Statement,
    StatementSource,
    Summit,
)
from tests import factories

pytestmark = pytest.mark.django_db

FIRST = 'Putin met Erdogan in Sochi. "We agreed to fight terrorism together," Putin said. Trade will grow.'
SECOND = 'In Sochi, Putin said: "We agreed to fight terrorism together." Erdogan said trade would grow fast.'
THIRD = 'Reporting from Sochi. "We agreed to fight terrorism together," said Putin. Borders stay closed.'


def reason_of(obj) -> str:
    return obj.history.order_by("-history_date", "-history_id").first().history_change_reason


def span_of(text: str, words: str) -> dict:
    start = text.index(words)
    return {"start": start, "end": start + len(words)}


@pytest.fixture
def meeting():
    """A summit reported by three articles, with Putin attending as President of Russia."""
    summit = factories.SummitFactory(title="Putin–Erdogan talks", status=Summit.Status.DRAFT)
    articles = [
        factories.ArticleFactory(text=text, outlet=outlet)
        for text, outlet in ((FIRST, "Wire"), (SECOND, "Daily"), (THIRD, "Weekly"))
    ]
    summit.articles.add(*articles)
    putin = factories.ParticipantFactory(name="Vladimir Putin")
    factories.AttendanceFactory(summit=summit, participant=putin, role="President")
    return summit, articles, putin


def quote(summit, article, speaker, words="We agreed to fight terrorism together", **kwargs):
    return factories.StatementFactory(
        summit=summit, article=article, speaker=speaker, text=words, **span_of(article.text, words), **kwargs
    )


def further(item, article, words):
    model = StatementSource if isinstance(item, Statement) else AgreementSource
    field = item._meta.model_name
    return model.objects.create(**{field: item}, article=article, text=words, **span_of(article.text, words))


# --- Merging a probable duplicate -----------------------------------------------------------------


def test_merge_duplicate_makes_the_reports_further_sources_and_keeps_the_decisions(meeting, editor):
    summit, (first, second, third), putin = meeting
    kept = quote(summit, first, putin, review_status=ReviewStatus.APPROVED)
    other = factories.ParticipantFactory(name="Someone Else")
    repeat = quote(summit, second, other, review_status=ReviewStatus.PENDING, probable_duplicate_of=kept)
    further(repeat, third, "We agreed to fight terrorism together")
    pointing = quote(summit, third, putin, words="Borders stay closed", probable_duplicate_of=repeat)
    repeat_pk = repeat.pk

    services.merge_duplicate(item=repeat, into=kept, by=editor)

    kept.refresh_from_db()
    assert (kept.review_status, kept.speaker, kept.text) == (
        ReviewStatus.APPROVED,
        putin,
        "We agreed to fight terrorism together",
    )
    assert [report.article for report in kept.reports] == [first, second, third]
    assert not Statement.objects.filter(pk=repeat_pk).exists()
    gone = Statement.history.filter(id=repeat_pk, history_type="-").get()
    assert (gone.history_change_reason, gone.history_user) == (f"Merged into statement #{kept.pk}", editor)
    assert reason_of(kept) == f"Merged statement #{repeat_pk} into it"
    pointing.refresh_from_db()
    assert pointing.probable_duplicate_of == kept


def test_merge_duplicate_skips_an_article_the_item_already_has(meeting):
    summit, (first, second, third), putin = meeting
    kept = quote(summit, first, putin)
    further(kept, second, "We agreed to fight terrorism together")
    repeat = quote(summit, second, putin)  # the same article again, and its own source from the first
    further(repeat, first, "We agreed to fight terrorism together")

    services.merge_duplicate(item=repeat, into=kept)

    assert list(kept.further_sources.values_list("article", flat=True)) == [second.pk]


def test_merge_duplicate_clears_the_proposal_when_the_kept_item_was_the_duplicate(meeting):
    summit, (first, second, _), putin = meeting
    repeat = quote(summit, second, putin)
    kept = quote(summit, first, putin, probable_duplicate_of=repeat)

    services.merge_duplicate(item=repeat, into=kept)

    kept.refresh_from_db()
    assert kept.probable_duplicate_of is None


def test_merge_duplicate_of_agreements(meeting):
    summit, (first, second, _), _putin = meeting
    kept = factories.AgreementFactory(
        summit=summit, article=first, text="Trade will grow", review_status="rejected"
    )
    repeat = factories.AgreementFactory(summit=summit, article=second, text="trade would grow fast")

    services.merge_duplicate(item=repeat, into=kept)

    kept.refresh_from_db()
    assert kept.review_status == ReviewStatus.REJECTED
    (source,) = kept.further_sources.all()
    assert (source.article, source.text, source.source_text) == (
        second,
        "trade would grow fast",
        "trade would grow fast",
    )


def test_merge_duplicate_refuses_other_summits_other_models_and_itself(meeting):
    summit, (first, second, _), putin = meeting
    item = quote(summit, first, putin)
    elsewhere = quote(factories.SummitFactory(), second, putin)
    agreement = factories.AgreementFactory(summit=summit, article=second, text="trade would grow fast")
    for into, message in (
        (elsewhere, "same summit"),
        (agreement, "statement merges into a statement"),
        (item, "into itself"),
    ):
        with pytest.raises(services.EditError, match=message):
            services.merge_duplicate(item=item, into=into)
    assert Statement.objects.filter(pk=item.pk).exists()


def test_dismiss_duplicate_clears_the_proposal_with_a_reason(meeting, editor):
    summit, (first, second, _), putin = meeting
    kept = quote(summit, first, putin)
    repeat = quote(summit, second, putin, probable_duplicate_of=kept)

    services.dismiss_duplicate(item=repeat, by=editor)

    repeat.refresh_from_db()
    assert repeat.probable_duplicate_of is None
    assert reason_of(repeat) == f"Not a duplicate of statement #{kept.pk}"
    with pytest.raises(services.EditError, match="No duplicate is proposed"):
        services.dismiss_duplicate(item=repeat)


# --- Moving an article to another summit, or splitting it off -------------------------------------


def test_move_article_takes_its_own_items_and_gives_the_speakers_an_attendance(meeting, editor):
    summit, (first, second, _), putin = meeting
    alone = quote(summit, second, putin, review_status=ReviewStatus.APPROVED)
    staying = quote(summit, first, putin, words="Trade will grow")
    target = factories.SummitFactory(title="Another meeting")

    services.move_article(article=second, from_summit=summit, to_summit=target, by=editor)

    alone.refresh_from_db()
    assert (alone.summit, alone.review_status) == (target, ReviewStatus.APPROVED)
    assert reason_of(alone) == f"Article #{second.pk} moved to summit #{target.pk}"
    staying.refresh_from_db()
    assert staying.summit == summit
    assert list(summit.articles.all()) != [] and second not in summit.articles.all()
    assert second in target.articles.all()
    attendance = Attendance.objects.get(summit=target, participant=putin)
    assert (attendance.role, attendance.country_id) == ("President", putin.country_id)
    assert reason_of(target) == f"Article #{second.pk} attached from summit #{summit.pk}"


def test_move_article_hands_a_shared_item_to_the_earliest_staying_source(meeting):
    summit, (first, second, third), putin = meeting
    shared = quote(summit, second, putin, review_status=ReviewStatus.APPROVED)
    further(shared, first, "We agreed to fight terrorism together")
    further(shared, third, "We agreed to fight terrorism together")
    target = factories.SummitFactory()

    services.move_article(article=second, from_summit=summit, to_summit=target)

    shared.refresh_from_db()
    assert (shared.summit, shared.article, shared.start) == (summit, first, first.text.index("We agreed"))
    assert [report.article for report in shared.reports] == [first, third]
    (copy,) = target.statements.all()
    assert (copy.article, copy.start, copy.speaker, copy.review_status) == (
        second,
        second.text.index("We agreed"),
        putin,
        ReviewStatus.APPROVED,
    )


def test_move_article_makes_its_further_sources_new_items_of_the_target(meeting):
    summit, (first, second, _), _putin = meeting
    agreement = factories.AgreementFactory(
        summit=summit, article=first, text="Trade will grow", review_status="approved", parties=["RU", "TR"]
    )
    further(agreement, second, "trade would grow fast")
    target = factories.SummitFactory()

    services.move_article(article=second, from_summit=summit, to_summit=target)

    assert not agreement.further_sources.exists()
    (copy,) = target.agreements.all()
    assert (copy.article, copy.text, copy.source_text, copy.review_status) == (
        second,
        "trade would grow fast",
        "trade would grow fast",
        ReviewStatus.APPROVED,
    )
    assert sorted(copy.parties) == ["RU", "TR"]


def test_move_article_merges_what_the_target_already_holds_and_keeps_its_decisions(meeting):
    summit, (first, second, third), putin = meeting
    moving = quote(summit, second, putin, review_status=ReviewStatus.PENDING)
    target = factories.SummitFactory()
    target.articles.add(third)
    held = quote(target, third, putin, review_status=ReviewStatus.REJECTED)

    services.move_article(article=second, from_summit=summit, to_summit=target)

    assert not Statement.objects.filter(pk=moving.pk).exists()
    held.refresh_from_db()
    assert held.review_status == ReviewStatus.REJECTED
    assert [report.article for report in held.reports] == [third, second]
    assert list(target.statements.all()) == [held]


def test_move_article_refuses_an_article_of_another_summit_and_the_same_summit(meeting):
    summit, (first, *_), _ = meeting
    with pytest.raises(services.EditError, match="not an article of"):
        services.move_article(
            article=factories.ArticleFactory(), from_summit=summit, to_summit=factories.SummitFactory()
        )
    with pytest.raises(services.EditError, match="another summit"):
        services.move_article(article=first, from_summit=summit, to_summit=summit)


def test_split_article_makes_a_draft_summit_at_the_same_date_and_place(meeting, editor):
    summit, (first, second, _), putin = meeting
    summit.kind, summit.venue, summit.status = (
        Summit.Kind.BILATERAL,
        "Bocharov Ruchey",
        Summit.Status.PUBLISHED,
    )
    summit.save()
    quote(summit, second, putin)

    new = services.split_article(article=second, from_summit=summit, by=editor)

    assert new.title == "Putin–Erdogan talks (Daily)"
    assert (new.status, new.start_date, new.city, new.venue, new.kind, new.country_id) == (
        Summit.Status.DRAFT,
        summit.start_date,
        summit.city,
        "Bocharov Ruchey",
        Summit.Kind.BILATERAL,
        summit.country_id,
    )
    assert new.slug == "putin-erdogan-talks-daily"
    assert list(new.articles.all()) == [second]
    assert list(new.participants.all()) == [putin]
    assert new.statements.count() == 1
    assert new.history.earliest("history_date").history_change_reason == (
        f"Split off from summit #{summit.pk} with article #{second.pk}"
    )


# --- Proposed participant matches -----------------------------------------------------------------


@pytest.fixture
def proposal():
    zelenskyy = factories.ParticipantFactory(name="Volodymyr Zelenskyy")
    zelenskiy = factories.ParticipantFactory(name="Volodymyr Zelenskiy")
    factories.StatementFactory(speaker=zelenskiy)
    match = ParticipantMatch.objects.create(
        participant=zelenskiy, candidate=zelenskyy, score=93, reason="names alike"
    )
    return match, zelenskiy, zelenskyy


def test_accepting_a_match_merges_into_the_candidate(proposal, editor):
    match, zelenskiy, zelenskyy = proposal
    third = factories.ParticipantFactory(name="Volodymyr Zelensky")
    carried = ParticipantMatch.objects.create(
        participant=third, candidate=zelenskiy, score=90, reason="alike"
    )

    kept = services.accept_participant_match(match=match, by=editor)

    assert kept == zelenskyy
    assert not type(zelenskiy).objects.filter(pk=zelenskiy.pk).exists()
    assert "Volodymyr Zelenskiy" in kept.aliases
    assert kept.statements.count() == 1
    assert not ParticipantMatch.objects.filter(pk=match.pk).exists()  # went with the merged person
    carried.refresh_from_db()
    assert (carried.participant, carried.candidate) == (third, zelenskyy)


def test_a_stale_match_is_refused_politely(proposal):
    match, zelenskiy, zelenskyy = proposal
    services.merge_participants(keep=zelenskyy, merge=zelenskiy)  # meanwhile, another editor

    with pytest.raises(services.EditError, match="is gone"):
        services.accept_participant_match(match=match)
    with pytest.raises(services.EditError, match="is gone"):
        services.dismiss_participant_match(match=match)


def test_dismissing_a_match_keeps_both_people(proposal):
    match, zelenskiy, zelenskyy = proposal

    services.dismiss_participant_match(match=match)

    match.refresh_from_db()
    assert match.status == ParticipantMatch.Status.DISMISSED
    assert type(zelenskiy).objects.filter(pk__in=[zelenskiy.pk, zelenskyy.pk]).count() == 2
    with pytest.raises(services.EditError, match="already decided"):
        services.accept_participant_match(match=match)


def test_move_article_drops_proposals_that_would_cross_summits(meeting):
    summit, (first, second, _), putin = meeting
    staying = quote(summit, first, putin, words="Trade will grow")
    moving = quote(summit, second, putin, probable_duplicate_of=staying)
    pointing_at_moving = quote(summit, first, putin, words="Putin met Erdogan", probable_duplicate_of=moving)
    target = factories.SummitFactory()

    services.move_article(article=second, from_summit=summit, to_summit=target)

    moving.refresh_from_db()
    pointing_at_moving.refresh_from_db()
    assert (moving.summit, moving.probable_duplicate_of) == (target, None)
    assert pointing_at_moving.probable_duplicate_of is None
    assert reason_of(pointing_at_moving) == f"Article #{second.pk} moved to summit #{target.pk}"


def test_the_writes_that_change_public_pages_make_the_cache_stale(meeting, monkeypatch):
    summit, (first, second, third), putin = meeting
    calls = []
    monkeypatch.setattr(services.public_cache, "invalidate", lambda **kwargs: calls.append("stale"))
    kept = quote(summit, first, putin)
    repeat = quote(summit, second, putin, probable_duplicate_of=kept)
    writes = [
        lambda: services.merge_duplicate(item=repeat, into=kept),
        lambda: services.move_article(
            article=second, from_summit=summit, to_summit=factories.SummitFactory()
        ),
        lambda: services.split_article(article=third, from_summit=summit),
    ]
    for write in writes:
        calls.clear()
        write()
        assert calls, "the cached public pages are made stale"
