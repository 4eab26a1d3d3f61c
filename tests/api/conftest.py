"""A small archive to read through the API: two published summits and a draft."""

import datetime as dt
from dataclasses import dataclass

import pytest
from django.core.cache import cache
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from summits.models import Organisation, ReviewStatus, Statement, Summit
from tests import factories


@pytest.fixture(autouse=True)
def fresh_throttle_history():
    """Throttling counts requests in the cache; each test starts with a clean slate."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def staff_api(editor):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=editor).key}")
    return client


@pytest.fixture
def reader_api(db):
    """An authenticated user who is not staff."""
    client = APIClient()
    client.force_authenticate(factories.UserFactory())
    return client


@dataclass
class Archive:
    sochi: Summit
    ankara: Summit
    draft: Summit
    putin: object
    erdogan: object
    rouhani: object
    hidden: object
    quote: Statement
    reported: Statement
    rejected: Statement
    draft_statement: Statement
    trade: object
    gas: object
    rejected_agreement: object
    draft_agreement: object


@pytest.fixture
def archive(db):
    f = factories
    trade, syria = f.TopicFactory(name="trade"), f.TopicFactory(name="Syria")
    eu = Organisation.objects.create(short_name="EU", name="European Union")

    sochi = f.SummitFactory(
        title="Putin and Erdogan meet in Sochi", slug="sochi-2017", start_date=dt.date(2017, 5, 3)
    )
    sochi.topics.add(trade)
    ankara = f.SummitFactory(
        title="Astana guarantors meet in Ankara",
        slug="ankara-2018",
        start_date=dt.date(2018, 4, 3),
        end_date=dt.date(2018, 4, 4),
        city="Ankara",
        country=f.country("TR"),
    )
    ankara.topics.add(syria)
    draft = f.SummitFactory(
        title="Unconfirmed talks", slug="draft-2019", start_date=dt.date(2019, 1, 1), status="draft"
    )

    putin = f.ParticipantFactory(name="Vladimir Putin", slug="vladimir-putin")
    erdogan = f.ParticipantFactory(name="Recep Tayyip Erdogan", slug="erdogan", country=f.country("TR"))
    rouhani = f.ParticipantFactory(name="Hassan Rouhani", slug="rouhani", country=f.country("IR"))
    hidden = f.ParticipantFactory(name="Only At Drafts", slug="only-at-drafts", country=f.country("CH"))
    f.AliasFactory(participant=erdogan, name="Erdoğan")
    for summit, people in ((sochi, [putin, erdogan]), (ankara, [putin, erdogan, rouhani]), (draft, [hidden])):
        for person in people:
            f.AttendanceFactory(summit=summit, participant=person)

    article = f.ArticleFactory(
        text='Putin met Erdogan in Sochi. "We agreed to work together on trade," Putin said. '
        "Erdogan said that Turkey would continue to take measures. The sides agreed on gas supplies."
    )
    sochi.articles.add(article)
    quote = f.StatementFactory(
        summit=sochi, article=article, speaker=putin, text="We agreed to work together on trade,"
    )
    reported = f.StatementFactory(
        summit=sochi,
        article=article,
        speaker=erdogan,
        kind=Statement.Kind.INDIRECT,
        text="Turkey would continue to take measures",
        review_status=ReviewStatus.APPROVED,
    )
    rejected = f.StatementFactory(
        summit=ankara, speaker=rouhani, text="Something misread", article=None, review_status="rejected"
    )
    draft_statement = f.StatementFactory(summit=draft, speaker=hidden, article=None, text="Secret words")
    trade_agreement = f.AgreementFactory(
        summit=sochi, article=article, text="work together on trade", topic="trade", parties=["RU", "TR"]
    )
    gas = f.AgreementFactory(
        summit=ankara, article=None, text="agreed on gas supplies", topic="energy", parties=["TR", "IR"]
    )
    gas.organisations.add(eu)
    rejected_agreement = f.AgreementFactory(
        summit=ankara, article=None, text="Misread", topic="nothing", review_status="rejected"
    )
    draft_agreement = f.AgreementFactory(summit=draft, article=None, text="Secret deal", topic="secrets")
    return Archive(
        sochi=sochi,
        ankara=ankara,
        draft=draft,
        putin=putin,
        erdogan=erdogan,
        rouhani=rouhani,
        hidden=hidden,
        quote=quote,
        reported=reported,
        rejected=rejected,
        draft_statement=draft_statement,
        trade=trade_agreement,
        gas=gas,
        rejected_agreement=rejected_agreement,
        draft_agreement=draft_agreement,
    )
