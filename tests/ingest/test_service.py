"""The import service: what it writes, what it finds again, and what it leaves alone."""

import dataclasses
import datetime as dt

import pytest

from summits import ingest, services
from summits.extraction import Extraction, ParticipantFound, SummitFound
from summits.models import (
    Agreement,
    Article,
    Attendance,
    Organisation,
    Participant,
    ParticipantAlias,
    ReviewStatus,
    Statement,
    Summit,
    name_key,
)
from tests import factories

from .conftest import (
    ARTICLE,
    SECOND_ARTICLE,
    agreement,
    first_extraction,
    row_counts,
    second_extraction,
    statement,
)

pytestmark = pytest.mark.django_db


def test_import_writes_the_article_summit_people_and_items():
    result = ingest.import_article(
        text=ARTICLE, url="https://news.example.org/1", extraction=first_extraction()
    )

    assert result.status == ingest.CREATED
    article = Article.objects.get()
    assert article == result.article and article.url == "https://news.example.org/1"
    assert article.published.isoformat() == "2017-05-03"  # from the dateline, none given
    summit = Summit.objects.get()
    assert result.summit == summit and result.summit_created
    assert summit.status == Summit.Status.DRAFT
    assert (summit.city, summit.country_id, summit.date_text) == ("Sochi", "RU", "Wednesday")
    assert summit.title == "Putin–Erdogan talks in Sochi" and summit.slug == "putin-erdogan-talks-in-sochi"
    assert list(summit.articles.all()) == [article]
    assert sorted(summit.topics.values_list("slug", flat=True)) == ["counter-terrorism", "trade"]
    assert sorted(Attendance.objects.values_list("participant__name", "role", "country_id")) == [
        ("Recep Tayyip Erdogan", "President", "TR"),
        ("Vladimir Putin", "President", "RU"),
    ]
    assert sorted(ParticipantAlias.objects.values_list("name", flat=True)) == ["Erdogan", "Putin"]
    assert Participant.objects.get(name="Vladimir Putin").slug == "vladimir-putin"

    direct, indirect = Statement.objects.order_by("start")
    assert direct.speaker.name == "Vladimir Putin" and direct.kind == "direct"
    assert article.text[direct.start : direct.end] == direct.text
    assert indirect.speaker.name == "Recep Tayyip Erdogan" and indirect.kind == "indirect"
    deal = Agreement.objects.get()
    assert (deal.topic, deal.exceptions, deal.parties) == ("trade", "tomatoes", ["RU", "TR"])
    for item in [direct, indirect]:
        assert item.fingerprint == ingest.statement_fingerprint(item)
    assert deal.fingerprint == ingest.agreement_fingerprint(deal, deal.parties)
    assert direct.history.count() == 1 and deal.history.count() == 1  # bulk writes keep history


def test_publish_makes_the_summit_public():
    result = ingest.import_article(text=ARTICLE, publish=True, extraction=first_extraction())
    assert result.summit.status == Summit.Status.PUBLISHED


def test_what_an_import_finds_awaits_review_even_in_a_published_summit(editor):
    first = ingest.import_article(text=ARTICLE, publish=True, extraction=first_extraction())
    assert set(Statement.objects.values_list("review_status", flat=True)) == {ReviewStatus.PENDING}
    services.approve_remaining(summit=first.summit, by=editor)

    later = ingest.import_article(text=SECOND_ARTICLE, extraction=second_extraction())

    assert later.summit == first.summit and later.summit.is_published
    added = Statement.objects.filter(article=later.article)
    assert added.exists() and set(added.values_list("review_status", flat=True)) == {ReviewStatus.PENDING}
    assert not Statement.objects.visible().filter(article=later.article).exists()
    assert Statement.objects.visible().filter(article=first.article).count() == len(
        first_extraction().statements
    )


def test_approve_on_import_is_recorded_with_who_imported_and_the_extractor(editor):
    provenance = ingest.Provenance(by=editor, how="import in the admin")
    result = ingest.import_article(
        text=ARTICLE, publish=True, approve=True, extraction=first_extraction(), provenance=provenance
    )

    statement = Statement.objects.filter(article=result.article).first()
    assert statement.review_status == ReviewStatus.APPROVED
    created, approved = statement.history.order_by("history_date", "history_id")
    version = ingest.extractor_version()
    assert (created.history_type, created.history_user, created.history_change_reason) == (
        "+",
        editor,
        f"Import in the admin (extractor {version})",
    )
    assert (approved.history_user, approved.history_change_reason) == (
        editor,
        "Review: Approved (import in the admin)",
    )
    for model in (Summit, Participant, Attendance):
        record = model.history.filter(history_type="+").first()
        assert (record.history_user, record.history_change_reason) == (editor, provenance.reason)
    assert result.article.history.get().history_change_reason == provenance.reason


def test_reimport_is_a_no_op():
    ingest.import_article(text=ARTICLE, extraction=first_extraction())
    before = row_counts()
    statements = list(Statement.objects.values())
    summit = Summit.objects.values().get()

    result = ingest.import_article(text=ARTICLE, extraction=first_extraction())

    assert result.status == ingest.UNCHANGED and result.summit.pk == summit["id"]
    assert row_counts() == before
    assert list(Statement.objects.values()) == statements
    assert Summit.objects.values().get() == summit


def test_reimport_does_not_run_the_extraction(monkeypatch):
    ingest.import_article(text=ARTICLE, extraction=first_extraction())
    monkeypatch.setattr(ingest, "run_extraction", lambda *a, **k: pytest.fail("extraction ran"))
    assert ingest.import_article(text=ARTICLE).status == ingest.UNCHANGED


def test_people_are_found_again_by_alias_and_accents():
    ingest.import_article(text=ARTICLE, extraction=first_extraction())
    text = "Erdoğan and Putin spoke in Ankara on Friday."
    extraction = Extraction(
        summit=SummitFound(location="Ankara", country="TR", date_text="Friday"),
        participants=[
            ParticipantFound("Erdoğan", "President", "TR"),  # surname, with its accent
            ParticipantFound("VLADIMIR PUTIN", None, "RU"),
        ],
    )

    ingest.import_article(text=text, extraction=extraction)

    assert Participant.objects.count() == 2
    erdogan = Participant.objects.get(name="Recep Tayyip Erdogan")
    assert erdogan.summits.count() == 2
    assert sorted(erdogan.aliases) == ["Erdogan"]  # "Erdoğan" folds to the same key
    assert Summit.objects.count() == 2  # another place: another summit


def test_a_surname_matches_a_full_name_only_when_unambiguous():
    factories.ParticipantFactory(name="Recep Tayyip Erdogan")
    factories.ParticipantFactory(name="Ahmed Ali")
    factories.ParticipantFactory(name="Omar Ali")
    extraction = Extraction(
        summit=SummitFound(location="Doha"),
        participants=[ParticipantFound("Erdogan"), ParticipantFound("Ali")],
    )

    result = ingest.import_article(text="Erdogan met Ali in Doha.", extraction=extraction)

    assert result.participants_created == 1
    assert sorted(result.summit.participants.values_list("name", flat=True)) == [
        "Ali",
        "Recep Tayyip Erdogan",
    ]
    assert Participant.objects.filter(name="Ali").get().slug == "ali"


def test_a_second_article_about_the_same_meeting_adds_to_its_summit():
    first = ingest.import_article(text=ARTICLE, extraction=first_extraction())

    second = ingest.import_article(text=SECOND_ARTICLE, extraction=second_extraction())

    assert second.status == ingest.CREATED and not second.summit_created
    assert second.summit == first.summit and Summit.objects.count() == 1
    summit = first.summit
    assert summit.articles.count() == 2
    assert sorted(summit.participants.values_list("name", flat=True)) == [
        "Recep Tayyip Erdogan",
        "Sergei Lavrov",
        "Vladimir Putin",
    ]
    assert Attendance.objects.count() == 3
    assert Participant.objects.count() == 3
    assert summit.statements.count() == 3
    new = Statement.objects.get(article=second.article)
    assert new.speaker.name == "Vladimir Putin"  # "Mr Putin", an alias
    assert sorted(summit.topics.values_list("slug", flat=True)) == ["counter-terrorism", "relations", "trade"]
    assert ParticipantAlias.objects.filter(participant__name="Vladimir Putin", name="Mr Putin").exists()


def test_same_people_elsewhere_or_another_day_is_another_summit():
    ingest.import_article(text=ARTICLE, extraction=first_extraction())
    elsewhere = second_extraction()
    elsewhere.summit = dataclasses.replace(elsewhere.summit, location="Antalya", country="TR")
    ingest.import_article(text=SECOND_ARTICLE, extraction=elsewhere)
    another_day = first_extraction(ARTICLE + " ")
    another_day.summit = dataclasses.replace(another_day.summit, date_text="Thursday")

    ingest.import_article(text=ARTICLE + " ", extraction=another_day)

    assert Summit.objects.count() == 3
    assert Participant.objects.count() == 3
    assert len(set(Summit.objects.values_list("slug", flat=True))) == 3


def month_of(extraction: Extraction, month: str, words: str) -> Extraction:
    """The extraction dated by a month without a day ("in March 1980")."""
    extraction.summit = dataclasses.replace(
        extraction.summit, date=None, date_text=words, date_precision="month", month=month
    )
    return extraction


def test_a_month_is_stored_as_its_first_day_with_month_precision():
    ingest.import_article(text=ARTICLE, extraction=month_of(first_extraction(), "1980-03", "in March 1980"))

    summit = Summit.objects.get()
    assert (summit.start_date, summit.end_date) == (dt.date(1980, 3, 1), None)
    assert (summit.date_precision, summit.date_text) == ("month", "in March 1980")


def test_a_day_is_stored_with_day_precision():
    extraction = first_extraction()
    extraction.summit = dataclasses.replace(extraction.summit, date=dt.date(2017, 5, 3), date_precision="day")

    ingest.import_article(text=ARTICLE, extraction=extraction)

    summit = Summit.objects.get()
    assert (summit.start_date, summit.end_date, summit.date_precision) == (
        dt.date(2017, 5, 3),
        dt.date(2017, 5, 3),
        "day",
    )


def test_the_same_month_in_other_words_is_the_same_summit():
    ingest.import_article(text=ARTICLE, extraction=month_of(first_extraction(), "1980-03", "in March 1980"))
    again = month_of(second_extraction(), "1980-03", "in early March")

    ingest.import_article(text=SECOND_ARTICLE, extraction=again)

    assert Summit.objects.count() == 1


def test_summit_slugs_are_unique():
    factories.SummitFactory(slug="putin-erdogan-talks-in-sochi")
    result = ingest.import_article(text=ARTICLE, extraction=first_extraction())
    assert result.summit.slug == "putin-erdogan-talks-in-sochi-2"


def test_unknown_speakers_keep_their_label_and_organisations_are_parties():
    text = 'A Kremlin spokesman said "talks went well". The EU and Turkey agreed on visas.'
    extraction = Extraction(
        summit=SummitFound(location="Brussels", country="BE"),
        participants=[ParticipantFound("Donald Tusk", "President of the European Council", "EU")],
        statements=[statement(text, "talks went well", "A Kremlin spokesman")],
        agreements=[agreement(text, "The EU and Turkey agreed on visas", ["EU", "TR"], "visas")],
    )

    result = ingest.import_article(text=text, extraction=extraction)

    said = Statement.objects.get()
    assert said.speaker is None and said.speaker_label == "A Kremlin spokesman"
    assert Agreement.objects.get().parties == ["TR", "EU"]
    attendance = Attendance.objects.get()
    assert attendance.organisation == Organisation.objects.get(short_name="EU")
    assert attendance.country is None and attendance.participant.country is None
    assert result.summit.country_id == "BE"


def test_an_article_that_reports_no_meeting_is_refused_with_its_reason_and_writes_nothing():
    refused = Extraction(summit=SummitFound(location="Lima"), refusal="no meeting found: a speech")

    with pytest.raises(ingest.NoMeeting, match="^no meeting found: a speech$"):
        ingest.import_article(text="Torres spoke in Lima.", extraction=refused)

    assert set(row_counts().values()) == {0}


def test_an_editor_imports_an_article_that_reports_no_meeting_anyway():
    refused = Extraction(summit=SummitFound(location="Lima"), refusal="no meeting found: a speech")

    result = ingest.import_article(text="Torres spoke in Lima.", extraction=refused, allow_no_meeting=True)

    assert result.status == ingest.CREATED and result.summit.city == "Lima"


def test_an_extraction_that_found_nobody_and_no_place_but_a_meeting_is_imported():
    """ "Torres will meet his counterparts" (a planned meeting, no one named yet) is a meeting report."""
    result = ingest.import_article(
        text="Torres will meet his counterparts.", extraction=Extraction(SummitFound())
    )

    assert result.status == ingest.CREATED and Summit.objects.count() == 1


@pytest.mark.parametrize("text", ["", "  \n\t "])
def test_empty_text_is_rejected(text):
    with pytest.raises(ingest.ArticleRejected, match="empty"):
        ingest.import_article(text=text, extraction=first_extraction())
    assert Article.objects.count() == 0


def test_too_large_text_is_rejected(settings):
    settings.SUMMITS_MAX_ARTICLE_BYTES = 100
    with pytest.raises(ingest.ArticleRejected, match="too large"):
        ingest.import_article(text=ARTICLE, extraction=first_extraction())
    assert Article.objects.count() == 0


def test_a_failure_midway_leaves_nothing_behind(monkeypatch):
    def boom(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(ingest, "_set_parties", boom)
    with pytest.raises(RuntimeError):
        ingest.import_article(text=ARTICLE, extraction=first_extraction())
    assert set(row_counts().values()) == {0}


# --- Bounded queries ------------------------------------------------------------------------------


# What the copies of ARTICLE in a bigger one say instead: other statements and agreements.
OTHER_WORDS = [
    {
        "intensify the fight against terrorism": "open a new chapter in our relations",
        "take measures against threats from its borders": "buy Russian air defence systems this year",
        "lift all trade restrictions": "build a nuclear power plant at Akkuyu",
    },
    {
        "intensify the fight against terrorism": "settle the war in Syria by talks",
        "take measures against threats from its borders": "keep its troops in the north of Syria",
        "lift all trade restrictions": "raise their trade to 100 billion dollars",
    },
]


def in_other_words(found, words: dict[str, str], text: str, offset: int):
    """``found`` as the copy of the article at ``offset`` in ``text`` says it."""
    for said, other in words.items():
        found.text = found.text.replace(said, other)
    found.start = text.index(found.text, offset)
    found.end = found.start + len(found.text)
    return found


def bigger_extraction() -> tuple[str, Extraction]:
    """The first extraction with three times the people, statements and agreements (each copy of
    the article in other words: the same words would be one item)."""
    extraction = first_extraction()
    text = ARTICLE
    for n, extra in enumerate(["Sergei Lavrov", "Mevlut Cavusoglu", "Sergei Shoigu", "Hulusi Akar"]):
        extraction.participants.append(ParticipantFound(extra, "Minister", "RU" if n % 2 == 0 else "TR"))
    for words in OTHER_WORDS:
        copy = ARTICLE
        for said, other in words.items():
            copy = copy.replace(said, other)
        offset = len(text) + 1
        text = f"{text} {copy}"
        for found in [*first_extraction().statements, *first_extraction().agreements]:
            found = in_other_words(found, words, text, offset)
            (extraction.agreements if hasattr(found, "parties") else extraction.statements).append(found)
    return text, extraction


def test_queries_per_article_are_bounded(django_assert_num_queries):
    factories.ParticipantFactory(name="Someone Else")  # the archive is not empty
    with django_assert_num_queries(39):
        ingest.import_article(text=ARTICLE, extraction=first_extraction())


def test_queries_do_not_grow_with_the_article(django_assert_num_queries):
    factories.ParticipantFactory(name="Someone Else")
    text, extraction = bigger_extraction()
    with django_assert_num_queries(39):
        result = ingest.import_article(text=text, extraction=extraction)
    assert result.summit.statements.count() == 6 and result.summit.agreements.count() == 3
    assert result.summit.attendances.count() == 6
    for said in result.summit.statements.all():
        assert text[said.start : said.end] == said.text


def test_reimport_takes_two_queries(django_assert_num_queries):
    ingest.import_article(text=ARTICLE, extraction=first_extraction())
    with django_assert_num_queries(2):
        ingest.import_article(text=ARTICLE, extraction=first_extraction())


# --- Re-import with update=True -------------------------------------------------------------------


def improved_extraction() -> Extraction:
    """What a better extractor finds in ARTICLE: longer spans, and one statement more."""
    extraction = first_extraction()
    putin_said, erdogan_said = extraction.statements
    extraction.statements = [
        statement(ARTICLE, "We agreed to intensify the fight against terrorism", "Vladimir Putin"),
        statement(
            ARTICLE,
            "Turkey would continue to take measures against threats from its borders.",
            "Recep Tayyip Erdogan",
            "indirect",
        ),
        statement(ARTICLE, "Russian President Vladimir Putin met his Turkish counterpart", None, "indirect"),
    ]
    extraction.agreements = [
        agreement(
            ARTICLE,
            "Ankara and Moscow agreed to lift all trade restrictions, except those on tomatoes",
            ["RU", "TR"],
            "trade",
            exceptions="tomatoes",
        )
    ]
    return extraction


@pytest.fixture
def imported(monkeypatch):
    monkeypatch.setattr(ingest, "extractor_version", lambda: "1.0")
    return ingest.import_article(text=ARTICLE, extraction=first_extraction())


def test_update_keeps_edits_and_rejections_and_refreshes_the_rest(imported, monkeypatch):
    putin_said, erdogan_said = Statement.objects.order_by("start")
    putin_said.text = "We agreed to intensify the fight against terrorism (edited)"
    putin_said.save()
    deal = Agreement.objects.get()
    deal.review_status = ReviewStatus.REJECTED
    deal.save()
    monkeypatch.setattr(ingest, "extractor_version", lambda: "2.0")

    result = ingest.import_article(text=ARTICLE, update=True, extraction=improved_extraction())

    assert result.status == ingest.UPDATED
    assert (result.kept, result.skipped, result.refreshed, result.added) == (1, 1, 1, 1)
    putin_said.refresh_from_db()
    assert putin_said.text == "We agreed to intensify the fight against terrorism (edited)"
    erdogan_said.refresh_from_db()
    assert erdogan_said.text.endswith("from its borders.")  # untouched: refreshed
    assert erdogan_said.fingerprint == ingest.statement_fingerprint(erdogan_said)
    assert Agreement.objects.get() == deal
    deal.refresh_from_db()
    assert deal.review_status == ReviewStatus.REJECTED and "tomatoes" not in deal.text
    assert Statement.objects.count() == 3
    assert Statement.objects.get(speaker=None).speaker_label == ""
    assert Article.objects.get().extractor_version == "2.0"
    assert Summit.objects.count() == 1 and Participant.objects.count() == 2


def test_update_never_brings_back_a_rejected_statement_found_again(imported):
    rejected = Statement.objects.order_by("start").first()
    rejected.review_status = ReviewStatus.REJECTED
    rejected.save()

    ingest.import_article(text=ARTICLE, update=True, extraction=first_extraction())
    ingest.import_article(text=ARTICLE, update=True, extraction=improved_extraction())

    assert Statement.objects.filter(start=rejected.start).count() == 1
    assert Statement.objects.get(pk=rejected.pk).review_status == ReviewStatus.REJECTED
    assert Statement.objects.exclude(review_status=ReviewStatus.REJECTED).count() == 2


def test_update_with_the_same_extraction_changes_no_item(imported):
    statements = list(Statement.objects.values())
    agreements = list(Agreement.objects.values())

    result = ingest.import_article(text=ARTICLE, update=True, extraction=first_extraction())

    assert (result.added, result.refreshed, result.removed) == (0, 0, 0)
    assert list(Statement.objects.values()) == statements
    assert list(Agreement.objects.values()) == agreements


def test_update_removes_untouched_items_no_longer_found_and_keeps_approved_ones(imported):
    approved = Statement.objects.order_by("start").first()
    approved.review_status = ReviewStatus.APPROVED
    approved.save()
    extraction = first_extraction()
    extraction.statements = []
    extraction.agreements = []

    result = ingest.import_article(text=ARTICLE, update=True, extraction=extraction)

    assert result.removed == 2
    assert list(Statement.objects.all()) == [approved]
    assert Agreement.objects.count() == 0


def test_update_keeps_an_agreement_whose_parties_were_edited(imported):
    deal = Agreement.objects.get()
    deal.countries.remove("TR")
    extraction = improved_extraction()

    result = ingest.import_article(text=ARTICLE, update=True, extraction=extraction)

    deal.refresh_from_db()
    assert result.kept == 1 and deal.parties == ["RU"] and "tomatoes" not in deal.text
    assert Agreement.objects.count() == 1


def test_update_of_an_article_not_yet_imported_creates_it():
    result = ingest.import_article(text=ARTICLE, update=True, extraction=first_extraction())
    assert result.status == ingest.CREATED and Statement.objects.count() == 2


def test_name_keys_used_for_matching():
    assert name_key("Recep Tayyip Erdoğan") == name_key("recep tayyip ERDOGAN")


# --- Sources read as a person reads them ------------------------------------------------------------


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,hi", "ftp://example.org/a", "news"])
def test_a_source_url_that_is_not_http_is_refused_and_nothing_written(url):
    with pytest.raises(ingest.ArticleRejected, match="not an http or https URL"):
        ingest.import_article(text=ARTICLE, url=url, extraction=first_extraction())
    assert set(row_counts().values()) == {0}


def test_a_cleaned_file_keeps_its_original_and_its_metadata():
    page = (
        "<html><head><title>Putin and Erdogan meet in Sochi</title>"
        '<meta property="og:url" content="https://news.example.org/sochi"></head>'
        "<body><p>" + ARTICLE.replace("\n", "</p><p>") + "</p></body></html>"
    )
    source = ingest.read_pasted(page)
    extraction = first_extraction(source.text)

    result = ingest.import_article(text=source, extraction=extraction)

    article = result.article
    assert article.text == source.text and "<p>" not in article.text
    assert article.original == page and article.source_format == "html"
    assert (article.title, article.url) == (
        "Putin and Erdogan meet in Sochi",
        "https://news.example.org/sochi",
    )


def test_the_same_article_with_other_line_endings_is_the_same_article():
    first = ingest.import_article(text=ARTICLE, extraction=first_extraction())
    again = ingest.import_article(text=ARTICLE.replace("\n", "\r\n"), extraction=first_extraction())
    assert again.status == ingest.UNCHANGED and again.article == first.article


def test_which_parts_of_the_extraction_failed_is_kept_on_the_article():
    extraction = dataclasses.replace(first_extraction(), incomplete=["agreements"])
    article = ingest.import_article(text=ARTICLE, extraction=extraction).article
    assert Article.objects.get(pk=article.pk).incomplete == ["agreements"]


def test_a_range_is_stored_as_the_summits_first_and_last_day():
    extraction = first_extraction()
    extraction.summit = dataclasses.replace(
        extraction.summit,
        date=dt.date(2002, 12, 20),
        end_date=dt.date(2002, 12, 22),
        date_text="from 20 to 22 December",
    )

    summit = ingest.import_article(text=ARTICLE, extraction=extraction).summit

    summit.refresh_from_db()
    assert (summit.start_date, summit.end_date) == (dt.date(2002, 12, 20), dt.date(2002, 12, 22))
    assert summit.date_text == "from 20 to 22 December"


def test_a_single_day_is_both_first_and_last_day():
    extraction = first_extraction()
    extraction.summit = dataclasses.replace(extraction.summit, date=dt.date(2017, 5, 3))

    summit = ingest.import_article(text=ARTICLE, extraction=extraction).summit

    summit.refresh_from_db()
    assert (summit.start_date, summit.end_date) == (dt.date(2017, 5, 3), dt.date(2017, 5, 3))


def test_an_article_on_a_range_joins_the_summit_of_one_of_its_days():
    first = first_extraction()
    first.summit = dataclasses.replace(first.summit, date=dt.date(2002, 12, 21), date_text="Saturday")
    created = ingest.import_article(text=ARTICLE, extraction=first).summit
    second = second_extraction()
    second.summit = dataclasses.replace(
        second.summit,
        date=dt.date(2002, 12, 20),
        end_date=dt.date(2002, 12, 22),
        date_text="from 20 to 22 December",
    )

    joined = ingest.import_article(text=SECOND_ARTICLE, extraction=second).summit

    assert joined == created and Summit.objects.count() == 1


def test_a_later_import_keeps_the_dates_an_editor_set():
    first = ingest.import_article(text=ARTICLE, extraction=first_extraction()).summit
    Summit.objects.filter(pk=first.pk).update(start_date=dt.date(2017, 5, 3), end_date=dt.date(2017, 5, 4))
    second = second_extraction()
    second.summit = dataclasses.replace(
        second.summit, date=dt.date(2017, 5, 3), end_date=dt.date(2017, 5, 9), date_text="3 to 9 May"
    )

    joined = ingest.import_article(text=SECOND_ARTICLE, extraction=second).summit

    joined.refresh_from_db()
    assert joined == first
    assert (joined.start_date, joined.end_date) == (dt.date(2017, 5, 3), dt.date(2017, 5, 4))


def test_the_writer_a_release_names_only_in_its_metadata_is_imported_as_a_participant():
    release = (
        '---\ncreators:\n  - "Vega, Ana"\n---\n\nTalks in Lima\n\n'
        "I met Peruvian Foreign Minister Luis Duarte in Lima today.\n\n"
        "I told Mr Duarte that Chile would open a consulate in Cusco.\n"
    )
    result = ingest.import_article(text=release)
    summit = result.summit
    assert set(summit.attendances.values_list("participant__name", flat=True)) == {"Ana Vega", "Luis Duarte"}
    assert list(Statement.objects.filter(summit=summit).values_list("speaker__name", flat=True)) == [
        "Ana Vega"
    ]
