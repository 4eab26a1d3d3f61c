"""A small archive like the seed: Putin and Erdogan in Sochi, a quotation, reported speech and an
agreement, plus a draft and a rejected statement that readers must never see."""

from dataclasses import dataclass

import pytest

from summits.models import ReviewStatus, Summit
from tests import factories

ARTICLE_TEXT = (
    "Russian President Vladimir Putin met his Turkish counterpart Recep Tayyip Erdogan in Sochi.\n"
    '"We agreed to intensify the cooperation between the intelligence agencies," Putin said.\n'
    "Erdogan said Turkey would continue to take measures against threats from its southern borders.\n"
    "Ankara and Moscow had agreed to lift all trade restrictions, except those on tomatoes.\n"
    "<script>alert('x')</script> & other things a careless page would not escape."
)


@dataclass
class Archive:
    summit: Summit
    draft: Summit
    article: object
    putin: object
    erdogan: object
    quotation: object
    reported: object
    rejected: object
    agreement: object
    draft_statement: object


def _span(text, fragment):
    start = text.index(fragment)
    return {"start": start, "end": start + len(fragment)}


@pytest.fixture
def archive(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        article = factories.ArticleFactory(text=ARTICLE_TEXT, title="Putin, Erdogan meet in Sochi")
        summit = factories.SummitFactory(
            title="Putin–Erdogan talks in Sochi", slug="putin-erdogan-sochi-2017", city="Sochi"
        )
        summit.articles.add(article)
        summit.topics.add(factories.TopicFactory(name="trade"), factories.TopicFactory(name="Syria"))
        putin = factories.ParticipantFactory(name="Vladimir Putin", slug="vladimir-putin")
        erdogan = factories.ParticipantFactory(
            name="Recep Tayyip Erdogan", slug="recep-tayyip-erdogan", country=factories.country("TR")
        )
        factories.AttendanceFactory(summit=summit, participant=putin, role="President")
        factories.AttendanceFactory(summit=summit, participant=erdogan, role="President")
        quote = "We agreed to intensify the cooperation between the intelligence agencies,"
        quotation = factories.StatementFactory(
            summit=summit, article=article, speaker=putin, text=quote, **_span(ARTICLE_TEXT, quote)
        )
        reported_text = "Turkey would continue to take measures against threats from its southern borders."
        reported = factories.StatementFactory(
            summit=summit,
            article=article,
            speaker=erdogan,
            text=reported_text,
            kind="indirect",
            review_status=ReviewStatus.APPROVED,
            **_span(ARTICLE_TEXT, "Erdogan said " + reported_text),
        )
        rejected = factories.StatementFactory(
            summit=summit,
            article=article,
            speaker=putin,
            text="Russian President Vladimir Putin met his Turkish counterpart",
            review_status=ReviewStatus.REJECTED,
            **_span(ARTICLE_TEXT, "Russian President Vladimir Putin met his Turkish counterpart"),
        )
        agreement_text = "Ankara and Moscow had agreed to lift all trade restrictions"
        agreement = factories.AgreementFactory(
            summit=summit,
            article=article,
            text="lift all trade restrictions",
            topic="trade",
            exceptions="exports of Turkish tomatoes to Russia",
            **_span(ARTICLE_TEXT, agreement_text),
        )
        draft = factories.SummitFactory(
            title="Secret draft summit", slug="secret-draft", status=Summit.Status.DRAFT
        )
        draft.articles.add(article)
        draft_statement = factories.StatementFactory(
            summit=draft,
            article=article,
            speaker=putin,
            text="Unpublished whisper about tomatoes",
            start=0,
            end=len("Russian President"),
        )
    return Archive(
        summit=summit,
        draft=draft,
        article=article,
        putin=putin,
        erdogan=erdogan,
        quotation=quotation,
        reported=reported,
        rejected=rejected,
        agreement=agreement,
        draft_statement=draft_statement,
    )
