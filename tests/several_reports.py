"""One summit reported by several outlets: a quotation every article gives in its own words, an
agreement two of them report and a quotation still pending review that the last one repeats."""

import datetime as dt
from dataclasses import dataclass

from summits.models import AgreementSource, Article, ReviewStatus, Statement, StatementSource, Summit
from tests import factories

# The same quotation as three articles give it: whole, with a word left out, shortened.
QUOTATIONS = (
    "We agreed to intensify the cooperation between our intelligence agencies",
    "We agreed to intensify cooperation between our intelligence agencies",
    "We agreed to intensify the cooperation … intelligence agencies",
)
AGREED = "lift all trade restrictions"
PENDING_QUOTATION = "Tomatoes are a delicate matter"


def report_text(outlet: str, n: int) -> str:
    """The text of the ``n``-th article, by ``outlet``: the quotation sits at a different offset in each."""
    return (
        f"{outlet} ({n}). "
        + "Russian President Vladimir Putin met Recep Tayyip Erdogan in Sochi. " * (n + 1)
        + f'"{QUOTATIONS[n % 3]}," Putin told reporters.\n'
        f"The two countries agreed to {AGREED}, officials said.\n"
        f'Putin added: "{PENDING_QUOTATION}."'
    )


@dataclass
class Reports:
    summit: Summit
    articles: list[Article]
    statement: Statement
    statement_sources: list[StatementSource]
    agreement: object
    agreement_sources: list[AgreementSource]
    pending: Statement


def span(article: Article, words: str) -> dict:
    start = article.text.index(words)
    return {"start": start, "end": start + len(words)}


def reported_by(*outlets: str) -> Reports:
    """A published summit built from one article per outlet. The quotation is taken from the
    first and reported by every other; the agreement by the first two; the pending quotation is
    taken from the first and repeated by the last."""
    articles = [
        factories.ArticleFactory(
            text=report_text(outlet, n),
            title=f"Putin and Erdogan meet in Sochi ({outlet})",
            outlet=outlet,
            url=f"https://news.example.org/{outlet.lower()}/sochi",
            published=dt.date(2017, 5, 3 + n),
        )
        for n, outlet in enumerate(outlets)
    ]
    first, further = articles[0], articles[1:]
    summit = factories.SummitFactory()
    summit.articles.add(*articles)
    putin = factories.ParticipantFactory(name="Vladimir Putin")
    factories.AttendanceFactory(summit=summit, participant=putin)
    statement = factories.StatementFactory(summit=summit, article=first, speaker=putin, text=QUOTATIONS[0])
    statement_sources = [
        StatementSource.objects.create(
            statement=statement, article=article, text=QUOTATIONS[n % 3], **span(article, QUOTATIONS[n % 3])
        )
        for n, article in enumerate(further, start=1)
    ]
    agreement = factories.AgreementFactory(summit=summit, article=first, text=AGREED, topic="trade")
    agreement_sources = [
        AgreementSource.objects.create(
            agreement=agreement, article=article, text=AGREED, **span(article, AGREED)
        )
        for article in further[:1]
    ]
    pending = factories.StatementFactory(
        summit=summit,
        article=first,
        speaker=putin,
        text=PENDING_QUOTATION,
        review_status=ReviewStatus.PENDING,
    )
    for article in further[-1:]:
        StatementSource.objects.create(
            statement=pending, article=article, text=PENDING_QUOTATION, **span(article, PENDING_QUOTATION)
        )
    return Reports(summit, articles, statement, statement_sources, agreement, agreement_sources, pending)
