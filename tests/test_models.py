"""The data model: database constraints, querysets, and every model's __str__ and URL."""

import datetime as dt
import importlib

import pytest
from django.apps import apps as django_apps
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from summits import models
from tests import factories

pytestmark = pytest.mark.django_db


def assert_rejected_by_database(create):
    with pytest.raises(IntegrityError), transaction.atomic():
        create()


def test_every_iso_country_is_seeded():
    assert models.Country.objects.count() == 249
    assert models.Country.objects.get(code="TR").alpha3 == "TUR"
    assert models.Country.objects.get(code="IR").name == "Iran"


def test_country_code_must_be_two_capitals():
    assert_rejected_by_database(lambda: models.Country.objects.create(code="ru", alpha3="XXR", name="x"))


def test_article_text_hash_is_unique():
    article = factories.ArticleFactory(text="Leaders met.")
    assert article.sha256 == models.text_sha256("Leaders met.")
    assert_rejected_by_database(lambda: factories.ArticleFactory(text="Leaders met."))


def test_summit_end_date_not_before_start_date():
    assert_rejected_by_database(
        lambda: factories.SummitFactory(start_date=dt.date(2020, 5, 2), end_date=dt.date(2020, 5, 1))
    )
    assert factories.SummitFactory(start_date=dt.date(2020, 5, 1), end_date=dt.date(2020, 5, 2)).pk
    assert factories.SummitFactory(start_date=None, end_date=None).pk


def test_a_month_or_a_year_is_filed_under_its_first_day():
    models.Summit(start_date=dt.date(1980, 3, 1), date_precision="month").clean()
    models.Summit(start_date=dt.date(1980, 1, 1), date_precision="year").clean()
    for start, precision in [(dt.date(1980, 3, 12), "month"), (dt.date(1980, 3, 1), "year"), (None, "month")]:
        with pytest.raises(ValidationError) as error:
            models.Summit(start_date=start, date_precision=precision).clean()
        assert "start_date" in error.value.message_dict


def test_the_migration_marks_the_dates_already_stored_as_days():
    migration = importlib.import_module("summits.migrations.0006_summit_date_precision")
    dated = factories.SummitFactory(date_precision="")
    undated = factories.SummitFactory(start_date=None, end_date=None, date_precision="")

    migration.days_already_stored(django_apps, None)

    dated.refresh_from_db()
    undated.refresh_from_db()
    assert (dated.date_precision, undated.date_precision) == ("day", "")


def test_summit_slug_is_unique():
    factories.SummitFactory(slug="g8-2013")
    assert_rejected_by_database(lambda: factories.SummitFactory(slug="g8-2013"))


def test_one_attendance_per_person_and_summit():
    attendance = factories.AttendanceFactory()
    assert_rejected_by_database(
        lambda: factories.AttendanceFactory(summit=attendance.summit, participant=attendance.participant)
    )


def test_alias_unique_per_participant_after_folding_accents_and_case():
    alias = factories.AliasFactory(name="Erdoğan")
    assert alias.key == "erdogan"
    assert_rejected_by_database(lambda: factories.AliasFactory(participant=alias.participant, name="ERDOGAN"))
    assert factories.AliasFactory(name="Erdogan").pk  # another person may share a surname


@pytest.mark.parametrize("factory", [factories.StatementFactory, factories.AgreementFactory])
def test_offsets_in_order(factory):
    assert_rejected_by_database(lambda: factory(start=10, end=5))
    assert_rejected_by_database(lambda: factory(start=10, end=None))
    assert factory(start=5, end=5).pk


@pytest.mark.parametrize("factory", [factories.StatementFactory, factories.AgreementFactory])
def test_offsets_need_a_source_article(factory):
    assert_rejected_by_database(lambda: factory(article=None, start=0, end=5))
    assert factory(article=None, start=None, end=None).pk


def test_source_text_is_the_span_of_the_article():
    statement = factories.StatementFactory(text="We agreed to work together,")
    assert statement.source_text == "We agreed to work together,"
    assert factories.StatementFactory(article=None, start=None, end=None).source_text == ""


def test_published_queryset():
    published = factories.SummitFactory(status=models.Summit.Status.PUBLISHED)
    draft = factories.SummitFactory(status=models.Summit.Status.DRAFT)
    assert list(models.Summit.objects.published()) == [published]
    assert list(models.Summit.objects.drafts()) == [draft]
    assert published.is_published and not draft.is_published


def test_summits_newest_first_with_undated_last():
    old = factories.SummitFactory(start_date=dt.date(2001, 1, 1), end_date=None)
    undated = factories.SummitFactory(start_date=None, end_date=None)
    new = factories.SummitFactory(start_date=dt.date(2020, 1, 1), end_date=None)
    assert list(models.Summit.objects.all()) == [new, old, undated]
    assert list(models.Summit.objects.newest_first()) == [new, old, undated]


def test_visible_items_are_the_approved_ones_of_published_summits():
    shown = factories.StatementFactory(review_status=models.ReviewStatus.APPROVED)
    factories.StatementFactory(review_status=models.ReviewStatus.REJECTED)
    factories.StatementFactory(summit=factories.SummitFactory(status=models.Summit.Status.DRAFT))
    pending = factories.StatementFactory(review_status=models.ReviewStatus.PENDING)
    assert set(models.Statement.objects.visible()) == {shown}
    assert set(models.Statement.objects.pending()) == {pending}
    assert models.Statement.objects.approved().count() == 2


def test_agreement_parties_lists_countries_then_organisations():
    agreement = factories.AgreementFactory(parties=["TR", "RU"])
    agreement.organisations.add(models.Organisation.objects.create(short_name="EU", name="European Union"))
    assert agreement.parties == ["RU", "TR", "EU"]


def test_statement_speaker_name_falls_back_to_label():
    assert factories.StatementFactory(speaker=None, speaker_label="a joint statement").speaker_name == (
        "a joint statement"
    )


def test_participant_aliases():
    alias = factories.AliasFactory(name="Erdogan")
    factories.AliasFactory(participant=alias.participant, name="Recep Erdoğan")
    assert alias.participant.aliases == ["Erdogan", "Recep Erdoğan"]


def test_name_key_folds_accents_case_dots_and_spaces():
    assert models.name_key("  Recep  Tayyip ERDOĞAN ") == "recep tayyip erdogan"
    assert models.name_key("Mr. Putin") == "mr putin"


def test_topic_slug_made_from_name():
    assert (
        models.Topic.objects.create(name="Counter-terrorism Cooperation").slug
        == "counter-terrorism-cooperation"
    )


def test_history_is_recorded_for_edits():
    summit = factories.SummitFactory(title="First title")
    summit.title = "Second title"
    summit.save()
    assert [h.title for h in summit.history.all()] == ["Second title", "First title"]


@pytest.mark.parametrize(
    "make, text, url",
    [
        (lambda: models.Country.objects.get(code="RU"), "Russian Federation", "/countries/ru/"),
        (lambda: factories.SummitFactory(title="G8", slug="g8"), "G8", "/summits/g8/"),
        (
            lambda: factories.ParticipantFactory(name="Vladimir Putin", slug="vladimir-putin"),
            "Vladimir Putin",
            "/participants/vladimir-putin/",
        ),
        (lambda: factories.TopicFactory(name="trade"), "trade", "/summits/?topic=trade"),
        (lambda: models.Organisation.objects.create(short_name="GCC"), "GCC", "/search/?q=GCC"),
    ],
)
def test_str_and_absolute_url(make, text, url):
    obj = make()
    assert str(obj) == text
    assert obj.get_absolute_url() == url


def test_str_and_urls_of_source_items():
    article = factories.ArticleFactory(title="Leaders meet")
    assert str(article) == "Leaders meet"
    untitled = factories.ArticleFactory(title="", text="\nPutin and Erdogan met in Sochi.\nMore text.")
    assert str(untitled) == "Putin and Erdogan met in Sochi."
    long_line = "Russia and Turkey have both underscored the need to continue the fight against terrorism."
    assert str(factories.ArticleFactory(title="", text=long_line)) == (
        "Russia and Turkey have both underscored the need to continue the fight against…"
    )
    assert article.get_absolute_url() == f"/articles/{article.pk}/"
    statement = factories.StatementFactory(article=article, speaker__name="Vladimir Putin")
    assert str(statement) == "Vladimir Putin: We agreed to work together,"
    assert statement.get_absolute_url() == f"/articles/{article.pk}/#span-statement-{statement.pk}"
    agreement = factories.AgreementFactory(article=article, topic="trade")
    assert str(agreement) == "trade"
    assert agreement.get_absolute_url() == f"/articles/{article.pk}/#span-agreement-{agreement.pk}"
    attendance = factories.AttendanceFactory(participant__name="Vladimir Putin", summit__title="Sochi talks")
    assert str(attendance) == "Vladimir Putin, President at Sochi talks"
    assert attendance.get_absolute_url() == attendance.summit.get_absolute_url()
    alias = factories.AliasFactory(name="Putin")
    assert str(alias) == "Putin"
    assert alias.get_absolute_url() == alias.participant.get_absolute_url()
