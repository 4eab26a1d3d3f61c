"""Several reports of one meeting (issue 16): an article joins the summit it reports on, and says
why; what it repeats of another report becomes a further source of that item, the editors'
decisions standing; what it says in other words is proposed as a duplicate; a name spelled
otherwise is the same participant, or is proposed as such. Hand-built extractions of invented
reports, one phenomenon per test."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command

from summits import ingest, services
from summits.admin_import import outcome
from summits.admin_rerun import _rows, summary
from summits.extraction import AgreementFound, Extraction, ParticipantFound, StatementFound, SummitFound
from summits.models import (
    Agreement,
    AgreementSource,
    ImportJob,
    Participant,
    ParticipantMatch,
    ReviewStatus,
    Statement,
    StatementSource,
    Summit,
)

from .conftest import span

DAY = dt.date(2023, 11, 15)  # a Wednesday
QUOTE = "We will keep talking, and we will keep the lines of communication open"
FIRST = (
    f'WOODSIDE — President Joe Biden met President Xi Jinping on Wednesday. "{QUOTE}," Biden said. '
    "Xi said the two countries should be partners rather than rivals in the Pacific. "
    "The two leaders agreed to resume military-to-military communications."
)
# another outlet: other quotation marks, a cut, the agreement in its own words
SECOND = (
    "Joe Biden and Xi Jinping talked for four hours at a country estate near San Francisco. "
    "“We will keep talking … we will keep the lines of communication open,” the US president said. "
    "Xi told Biden that China and the United States should be partners, not rivals, in the Pacific. "
    "They agreed to resume military-to-military communications, officials said."
)


def biden() -> ParticipantFound:
    return ParticipantFound("Joe Biden", "President", "US", aliases=["Biden"])


def xi(name: str = "Xi Jinping") -> ParticipantFound:
    return ParticipantFound(name, "President", "CN", aliases=["Xi"])


def said(text: str, fragment: str, speaker: str | None, kind: str = "direct") -> StatementFound:
    return StatementFound(speaker, fragment, kind, *span(text, fragment))


def agreed(text: str, fragment: str) -> AgreementFound:
    return AgreementFound(fragment, ["US", "CN"], "defence", *span(text, fragment))


def place(location="Woodside", country="US", date=DAY, date_text="Wednesday") -> SummitFound:
    return SummitFound(location=location, country=country, date=date, date_text=date_text)


def first_report() -> Extraction:
    return Extraction(
        summit=place(),
        participants=[biden(), xi()],
        statements=[
            said(FIRST, f"{QUOTE},", "Joe Biden"),
            said(
                FIRST,
                "the two countries should be partners rather than rivals in the Pacific",
                "Xi Jinping",
                "indirect",
            ),
        ],
        agreements=[agreed(FIRST, "The two leaders agreed to resume military-to-military communications")],
    )


def second_report(summit: SummitFound | None = None, people=None, text: str = SECOND) -> Extraction:
    return Extraction(
        summit=summit or place("San Francisco", date=DAY + dt.timedelta(days=1), date_text="Thursday"),
        participants=people if people is not None else [biden(), xi()],
        statements=[
            # the speaker as this extraction got it wrong: the quotation is Biden's
            said(text, "We will keep talking … we will keep the lines of communication open,", "Xi Jinping"),
            said(
                text,
                "China and the United States should be partners, not rivals, in the Pacific",
                "Xi Jinping",
                "indirect",
            ),
        ],
        agreements=[agreed(text, "They agreed to resume military-to-military communications")],
    )


@pytest.fixture
def reports(monkeypatch):
    extractions = {FIRST: first_report(), SECOND: second_report()}

    def extract(text, **kwargs):
        return extractions[text]

    monkeypatch.setattr("summits.ingest.run_extraction", extract)
    return extractions


def import_both():
    first = ingest.import_article(text=FIRST, published=DAY)
    second = ingest.import_article(text=SECOND, published=DAY + dt.timedelta(days=1))
    return first, second


@pytest.mark.django_db
def test_a_second_report_joins_the_summit_and_says_why(reports):
    first, second = import_both()

    assert second.summit == first.summit and not second.summit_created
    assert Summit.objects.count() == 1
    assert second.article.summit_match == second.summit_match
    assert second.summit_match.startswith("shares 2 of its 2 participants (Joe Biden, Xi Jinping)")
    assert "quotes the same words (“We will keep talking" in second.summit_match
    assert "same country (United States)" in second.summit_match  # Woodside and San Francisco
    assert second.summit_match.endswith("dates 1 day apart")
    assert list(first.summit.articles.order_by("pk")) == [first.article, second.article]


@pytest.mark.django_db
def test_the_same_quotation_becomes_a_further_source_not_a_new_statement(reports):
    first, second = import_both()

    quotation = Statement.objects.get(kind="direct")
    assert Statement.objects.filter(kind="direct").count() == 1
    source = quotation.further_sources.get()
    assert source.article == second.article
    assert (
        SECOND[source.start : source.end]
        == source.text
        == "We will keep talking … we will keep the lines of communication open,"
    )
    assert quotation.article == first.article and quotation.source_text == f"{QUOTE},"
    assert [report.article for report in quotation.reports] == [first.article, second.article]
    assert second.merged == 2 and second.added == 1  # the quotation and the agreement; the paraphrase is new


@pytest.mark.django_db
def test_the_same_agreement_becomes_a_further_source(reports):
    _, second = import_both()

    agreement = Agreement.objects.get()
    source = AgreementSource.objects.get()
    assert source.agreement == agreement and source.article == second.article
    assert source.source_text == "They agreed to resume military-to-military communications"


@pytest.mark.django_db
def test_editors_decisions_stand_when_a_later_report_repeats_an_item(reports):
    first = ingest.import_article(text=FIRST, published=DAY)
    quotation = Statement.objects.get(kind="direct")
    xi_participant = Participant.objects.get(name="Xi Jinping")
    biden_participant = Participant.objects.get(name="Joe Biden")
    services.set_speaker(statement=quotation, speaker=xi_participant)  # a slip...
    services.set_speaker(statement=quotation, speaker=biden_participant)  # ...corrected
    services.approve_items(items=Statement.objects.filter(pk=quotation.pk))
    services.reject_items(items=Agreement.objects.all(), why="not at this meeting")

    ingest.import_article(text=SECOND, published=DAY)

    quotation.refresh_from_db()
    assert quotation.review_status == ReviewStatus.APPROVED
    assert quotation.speaker == biden_participant  # not the second report's Xi
    assert quotation.text == f"{QUOTE},"
    agreement = Agreement.objects.get()
    assert agreement.review_status == ReviewStatus.REJECTED
    assert agreement.further_sources.count() == 1
    assert first.summit.statements.filter(kind="direct").count() == 1


@pytest.mark.django_db
def test_an_item_an_editor_deleted_is_not_made_again_by_another_report(reports):
    ingest.import_article(text=FIRST, published=DAY)
    Agreement.objects.get().delete()

    second = ingest.import_article(text=SECOND, published=DAY)

    assert not Agreement.objects.exists()
    assert second.skipped == 1


@pytest.mark.django_db
def test_a_statement_in_other_words_is_proposed_as_a_duplicate_not_merged(reports):
    import_both()

    paraphrase = Statement.objects.get(
        text="China and the United States should be partners, not rivals, in the Pacific"
    )
    assert paraphrase.probable_duplicate_of == Statement.objects.get(
        text="the two countries should be partners rather than rivals in the Pacific"
    )
    assert paraphrase.review_status == ReviewStatus.PENDING


@pytest.mark.django_db
def test_importing_the_second_report_again_duplicates_nothing(reports):
    _, second = import_both()
    before = (Statement.objects.count(), StatementSource.objects.count(), AgreementSource.objects.count())

    again = ingest.import_article(text=SECOND, update=True)

    assert again.status == ingest.UPDATED
    assert (
        Statement.objects.count(),
        StatementSource.objects.count(),
        AgreementSource.objects.count(),
    ) == before
    assert {change.action for change in again.changes if change.text.startswith("We will")} == {ingest.MERGED}


@pytest.mark.django_db
def test_the_report_says_the_quotation_twice_one_source(reports):
    text = SECOND + " “We will keep talking, we will keep the lines of communication open,” he repeated."
    extraction = second_report(text=text)
    extraction.statements.append(
        said(text, "We will keep talking, we will keep the lines of communication open,", "Joe Biden")
    )
    reports[text] = extraction
    ingest.import_article(text=FIRST, published=DAY)

    ingest.import_article(text=text)

    assert StatementSource.objects.count() == 1


@pytest.mark.parametrize(
    "days, joins",
    [(2, True), (-2, True), (3, False)],
)
@pytest.mark.django_db
def test_dates_a_little_apart_are_one_meeting(reports, days, joins):
    reports[SECOND] = second_report(place(date=DAY + dt.timedelta(days=days), date_text="later"))
    import_both()

    assert (Summit.objects.count() == 1) is joins


@pytest.mark.django_db
def test_another_country_is_another_meeting(reports):
    reports[SECOND] = second_report(place("Lima", country="PE"))
    import_both()

    assert Summit.objects.count() == 2


@pytest.mark.django_db
def test_another_city_where_no_country_is_known_is_another_meeting(reports):
    reports[SECOND] = second_report(place("Lima", country=None))
    import_both()

    assert Summit.objects.count() == 2


@pytest.mark.django_db
def test_a_weekday_alone_joins_a_summit_on_that_weekday_sharing_a_quotation(reports):
    reports[SECOND] = second_report(place(date=None, date_text="Wednesday night"), people=[biden()])
    _, second = import_both()

    assert Summit.objects.count() == 1
    assert "“Wednesday night” is the summit's weekday" in second.summit_match


@pytest.mark.django_db
def test_a_weekday_alone_that_is_not_the_summits_is_another_meeting(reports):
    reports[SECOND] = second_report(place(date=None, date_text="Friday"))
    import_both()

    assert Summit.objects.count() == 2


@pytest.mark.django_db
def test_a_shared_quotation_joins_a_report_naming_none_of_the_people(reports):
    reports[SECOND] = second_report(people=[])
    _, second = import_both()

    assert Summit.objects.count() == 1
    assert second.summit_match.startswith("quotes the same words")


@pytest.mark.django_db
def test_one_person_shared_and_nothing_said_alike_is_not_enough(reports):
    text = "Joe Biden met Xi Jinping again. Nothing else was said."
    reports[text] = Extraction(
        summit=place(), participants=[biden(), ParticipantFound("Gavin Newsom", "Governor", "US")]
    )
    ingest.import_article(text=FIRST)
    ingest.import_article(text=text)

    assert Summit.objects.count() == 2


@pytest.mark.django_db
def test_a_name_spelled_a_little_otherwise_is_the_same_participant(reports):
    reports[SECOND] = second_report(people=[biden(), xi("Xi Jin-ping")])
    _, second = import_both()

    assert Participant.objects.filter(name__startswith="Xi").count() == 1
    assert "xi jin-ping" in Participant.objects.get(name="Xi Jinping").alias_set.values_list("key", flat=True)
    assert not ParticipantMatch.objects.exists()
    assert second.participants_created == 0


@pytest.mark.django_db
def test_a_name_perhaps_the_same_is_proposed_to_an_editor_not_merged(reports):
    # "Xi" would find him by his surname: this report writes the name alone
    reports[SECOND] = second_report(people=[biden(), ParticipantFound("Xi Jinpeng", "President", "CN")])
    _, second = import_both()

    proposal = ParticipantMatch.objects.get()
    assert proposal.participant.name == "Xi Jinpeng"
    assert proposal.candidate.name == "Xi Jinping"
    assert proposal.status == ParticipantMatch.Status.PROPOSED
    assert second.participants_proposed == 1
    # the summit is found all the same: the proposed person counts as the one proposed
    assert Summit.objects.count() == 1
    assert "Xi Jinpeng (perhaps Xi Jinping)" in second.summit_match


@pytest.mark.django_db
def test_two_people_with_close_names_stay_two_and_nothing_is_proposed(reports):
    reports[SECOND] = second_report(people=[biden(), ParticipantFound("Xi Jinpin", "Premier", "TW")])
    import_both()

    assert Participant.objects.filter(name__startswith="Xi").count() == 2  # another country: not merged
    assert ParticipantMatch.objects.get().participant.name == "Xi Jinpin"


@pytest.mark.django_db
def test_the_preview_says_where_the_article_would_go_and_writes_nothing(reports, tmp_path):
    ingest.import_article(text=FIRST, published=DAY)
    path = tmp_path / "second.txt"
    path.write_text(SECOND, encoding="utf-8")
    stdout = StringIO()

    call_command("import_article", str(path), "--dry-run", stdout=stdout)

    assert "would join “" in stdout.getvalue()
    assert "shares 2 of its 2 participants (Joe Biden, Xi Jinping)" in stdout.getvalue()
    assert "2 of its items found in other reports" in stdout.getvalue()
    assert StatementSource.objects.count() == 0 and Summit.objects.get().articles.count() == 1


@pytest.mark.django_db
def test_the_import_job_page_says_why_and_what_other_reports_hold(reports):
    ingest.import_article(text=FIRST, published=DAY)
    result = ingest.import_article(text=SECOND)
    job = ImportJob(
        label="second",
        status=ImportJob.Status.DONE,
        outcome=result.status,
        article=result.article,
        summit=result.summit,
        counts=result.counts(),
    )

    said = outcome(job)

    assert "It joined that summit because it shares 2 of its 2 participants" in said
    assert "2 of what it says other reports of the summit say too" in said
    assert "1 may repeat another report's in other words" in said


@pytest.mark.django_db
def test_a_quotation_an_article_gives_twice_is_one_statement(reports):
    text = FIRST + f" “{QUOTE}”, he repeated in the evening."
    extraction = first_report()
    extraction.statements.append(
        StatementFound("Joe Biden", QUOTE, "direct", text.rindex(QUOTE), len(text) - 31)
    )
    reports[text] = extraction

    result = ingest.import_article(text=text)

    assert result.summit.statements.filter(kind="direct").count() == 1
    assert result.summit.statements.get(kind="direct").start == FIRST.index(QUOTE)


@pytest.mark.django_db
def test_a_rerun_of_the_extraction_says_what_other_reports_hold(reports):
    _, second = import_both()

    result = ingest.reextract_article(second.article, extraction=second_report(), dry_run=True)

    assert "2 held by other reports of the summit, this article their further source" in summary(result)
    assert [row.detail for row in _rows(result)["kept"]] == [
        "another report of the summit gives it: this article stays one of its sources"
    ] * 2


@pytest.mark.django_db
def test_an_item_its_first_article_no_longer_gives_stays_for_the_other_reports(reports):
    first, second = import_both()
    quotation = Statement.objects.get(kind="direct")
    reports[FIRST] = first_report()
    reports[FIRST].statements = reports[FIRST].statements[1:]  # a better extractor drops the quotation

    preview = ingest.reextract_article(first.article, extraction=reports[FIRST], dry_run=True)
    result = ingest.reextract_article(first.article, extraction=reports[FIRST])

    assert "1 no longer found here but kept for the other reports that give them" in summary(preview)
    handed = [(change.model, change.pk) for change in result.changes if change.action == ingest.HANDED_OVER]
    assert handed == [("statement", quotation.pk)]
    assert result.removed == 0
    quotation.refresh_from_db()
    assert quotation.article == second.article
    assert SECOND[quotation.start : quotation.end] == quotation.text
    assert not quotation.further_sources.exists()
    assert quotation.history.first().history_change_reason == ingest.NO_LONGER_FOUND
