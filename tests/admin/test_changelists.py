"""Every admin list as an editor sees it: it renders with data, its search and filters narrow
it, and it costs the same number of queries for 1 row as for 30."""

import datetime as dt

import pytest

from summits.models import (
    Agreement,
    Article,
    Attendance,
    Country,
    ImportJob,
    Organisation,
    Participant,
    ParticipantAlias,
    Statement,
    Summit,
    Topic,
)
from tests import factories
from tests.admin.conftest import (
    admin_url,
    article_in_summit,
    full_agreement,
    full_attendance,
    full_participant,
    full_summit,
    organisation_in_use,
    result_list,
    topic_in_summit,
)

pytestmark = pytest.mark.django_db

# model -> (builder of one fully related row, queries the list costs whatever its length)
LISTS = {
    Summit: (full_summit, 10),
    Participant: (full_participant, 9),
    ParticipantAlias: (factories.AliasFactory, 6),
    Attendance: (full_attendance, 9),
    Statement: (factories.StatementFactory, 8),
    Agreement: (full_agreement, 10),
    Article: (article_in_summit, 10),
    Topic: (topic_in_summit, 5),
    Organisation: (organisation_in_use, 5),
    ImportJob: (factories.ImportJobFactory, 8),
}


def assert_constant_queries(client, url, add_row, expected, django_assert_num_queries, params=None):
    """The list at 1 row and at 30 rows: both render every row, with ``expected`` queries."""
    made = 0
    for rows in (1, 30):
        while made < rows:
            add_row()
            made += 1
        with django_assert_num_queries(expected):
            response = client.get(url, params or {})
        assert response.status_code == 200
        assert response.context["cl"].result_count == rows
        assert len(response.context["results"]) == rows


@pytest.mark.parametrize("model", LISTS, ids=lambda m: m.__name__)
def test_changelist_queries_do_not_grow_with_rows(model, editor_client, django_assert_num_queries):
    add_row, expected = LISTS[model]
    assert_constant_queries(editor_client, admin_url(model), add_row, expected, django_assert_num_queries)


def test_country_changelist_queries_do_not_grow_with_rows(editor_client, django_assert_num_queries):
    # Every ISO country is seeded, so count the countries that host a summit: 1, then 30.
    hosts = iter(Country.objects.order_by("code"))

    def add_row():
        factories.SummitFactory(country=next(hosts))

    assert_constant_queries(
        editor_client,
        admin_url(Country),
        add_row,
        5,
        django_assert_num_queries,
        params={"has_summit_count": "yes"},
    )


@pytest.mark.parametrize("model", [*LISTS, Country], ids=lambda m: m.__name__)
def test_changelist_renders_rows_with_their_related_data(model, changelist):
    if model is not Country:
        LISTS[model][0]()
    response = changelist(model)
    assert result_list(response)
    assert response.context["cl"].search_fields, "every list is searchable"
    assert response.context["cl"].has_filters, "every list has filters"


def test_summit_list_shows_counts_topics_and_status(changelist):
    summit = full_summit(title="Sochi talks", status=Summit.Status.DRAFT)
    factories.StatementFactory(summit=summit, review_status="approved")
    response = changelist(Summit)
    (row,) = result_list(response)
    assert (row.participant_count, row.statement_count, row.agreement_count, row.pending_count) == (
        1,
        2,
        1,
        2,
    )
    content = response.content.decode()
    assert summit.topics.get().name in content
    assert "Draft" in content


def test_summit_list_shows_a_month_without_a_day(changelist):
    full_summit(start_date=dt.date(1980, 3, 1), end_date=None, date_precision="month")
    full_summit(start_date=dt.date(2017, 5, 3), date_precision="day")
    content = changelist(Summit, {"date_precision": "month"}).content.decode()
    assert "March 1980" in content and "1 March 1980" not in content and "May 2017" not in content
    assert "3 May 2017" in changelist(Summit).content.decode()


@pytest.mark.parametrize(
    ("model", "make_match", "make_other", "query"),
    [
        (Summit, lambda: full_summit(city="Astana"), lambda: full_summit(city="Sochi"), "astana"),
        (
            Summit,
            lambda: factories.AttendanceFactory(participant__name="Nursultan Nazarbayev").summit,
            full_summit,
            "nazarbayev",
        ),
        (
            Summit,
            lambda: (
                factories.AttendanceFactory(
                    participant=factories.AliasFactory(name="Erdoğan").participant
                ).summit
            ),
            full_summit,
            "erdoğan",
        ),
        (
            Participant,
            lambda: factories.AliasFactory(name="Erdoğan").participant,
            full_participant,
            "erdoğan",
        ),
        (
            ParticipantAlias,
            lambda: factories.AliasFactory(name="Mr Putin"),
            factories.AliasFactory,
            "mr putin",
        ),
        (Attendance, lambda: full_attendance(role="Emir"), full_attendance, "emir"),
        (
            Statement,
            lambda: factories.StatementFactory(text="Sanctions must end", article=None),
            factories.StatementFactory,
            "sanctions",
        ),
        (Agreement, lambda: full_agreement(topic="gas pipeline"), full_agreement, "pipeline"),
        (Article, lambda: factories.ArticleFactory(outlet="Daily Sabah"), factories.ArticleFactory, "sabah"),
        (Topic, lambda: factories.TopicFactory(name="counter-terrorism"), factories.TopicFactory, "terror"),
        (
            Organisation,
            lambda: organisation_in_use(short_name="GCC"),
            lambda: organisation_in_use(short_name="NATO"),
            "gcc",
        ),
        (Country, lambda: Country.objects.get(code="TR"), lambda: None, "türkiye"),
    ],
    ids=lambda value: value.__name__ if isinstance(value, type) else None,
)
def test_search_finds_only_the_matching_rows(model, make_match, make_other, query, changelist):
    match = make_match()
    make_other()
    response = changelist(model, {"q": query})
    assert result_list(response) == [match]


def test_summit_filters_by_status_country_topic_and_year(changelist):
    wanted = full_summit(
        status=Summit.Status.DRAFT, country=factories.country("KZ"), start_date=dt.date(2018, 6, 9)
    )
    full_summit(status=Summit.Status.PUBLISHED)
    topic = wanted.topics.get()
    for params in [
        {"status__exact": "draft"},
        {"country__code__exact": "KZ"},
        {"topics__id__exact": topic.pk},
        {"start_date__year": "2018"},
    ]:
        assert result_list(changelist(Summit, params)) == [wanted], params


def test_filter_choices_list_only_related_rows_in_use(changelist):
    full_summit(country=factories.country("KZ"))
    response = changelist(Summit)
    country_filter = next(f for f in response.context["cl"].filter_specs if f.title == "country")
    assert [label for _pk, label in country_filter.lookup_choices] == ["Kazakhstan"]


def test_participant_filters_by_attendance_and_date(changelist):
    attended = full_participant()
    idle = factories.ParticipantFactory(country=factories.country("TR"))
    assert result_list(changelist(Participant, {"has_summit_count": "yes"})) == [attended]
    assert result_list(changelist(Participant, {"has_summit_count": "no"})) == [idle]
    assert result_list(changelist(Participant, {"country__code__exact": "TR"})) == [idle]
    year = attended.created_at.year
    assert len(result_list(changelist(Participant, {"created_at__year": year}))) == 2
    assert result_list(changelist(Participant, {"created_at__year": year - 1})) == []


def test_statement_and_agreement_filters(changelist):
    pending = factories.StatementFactory(review_status="pending")
    approved = factories.StatementFactory(review_status="approved", kind="indirect")
    assert result_list(changelist(Statement, {"review_status__exact": "pending"})) == [pending]
    assert result_list(changelist(Statement, {"kind__exact": "indirect"})) == [approved]
    assert len(result_list(changelist(Statement, {"summit__start_date__year": "2017"}))) == 2

    ru_tr = full_agreement(review_status="pending")
    kz = full_agreement(parties=["KZ"], review_status="rejected")
    assert result_list(changelist(Agreement, {"countries__code__exact": "KZ"})) == [kz]
    assert result_list(changelist(Agreement, {"review_status__exact": "pending"})) == [ru_tr]


def test_article_topic_country_and_attendance_filters(changelist):
    factories.SummitFactory(country=factories.country("KZ"))
    assert [c.code for c in result_list(changelist(Country, {"has_summit_count": "yes"}))] == ["KZ"]

    used = article_in_summit(published=dt.date(2019, 1, 2))
    factories.ArticleFactory()
    assert result_list(changelist(Article, {"has_summit_count": "yes"})) == [used]
    assert result_list(changelist(Article, {"published__year": "2019"})) == [used]

    topic = topic_in_summit()
    factories.TopicFactory()
    assert result_list(changelist(Topic, {"has_summit_count": "yes"})) == [topic]

    attendance = full_attendance(country=factories.country("TR"))
    full_attendance()
    assert result_list(changelist(Attendance, {"country__code__exact": "TR"})) == [attendance]


def test_article_list_does_not_load_the_texts(changelist):
    article_in_summit()
    (row,) = result_list(changelist(Article))
    assert row.get_deferred_fields() == {"text"}


def test_import_job_list_does_not_load_the_texts(changelist):
    factories.ImportJobFactory()
    (row,) = result_list(changelist(ImportJob))
    assert row.get_deferred_fields() == {"text"}
    assert row.article.get_deferred_fields() == {"text", "original"}


def test_admin_index_lists_every_model(editor_client):
    content = editor_client.get("/admin/").content.decode()
    for model in [*LISTS, Country]:
        assert f'href="{admin_url(model)}"' in content, model


# --- The review lists: statements and agreements ----------------------------------------------


def test_statements_filter_by_summit_article_and_speaker_from_links_in_the_rows(changelist):
    wanted = factories.StatementFactory()
    other = factories.StatementFactory()
    factories.StatementFactory(summit=wanted.summit, speaker=other.speaker, article=other.article)

    content = changelist(Statement).content.decode()
    assert f'href="?summit={wanted.summit_id}"' in content
    assert f'href="?article={wanted.article_id}"' in content
    assert f'href="?speaker={wanted.speaker_id}"' in content

    assert len(result_list(changelist(Statement, {"summit": wanted.summit_id}))) == 2
    assert result_list(changelist(Statement, {"summit": wanted.summit_id, "speaker": wanted.speaker_id})) == [
        wanted
    ]
    assert result_list(changelist(Statement, {"article": wanted.article_id})) == [wanted]
    assert len(result_list(changelist(Statement, {"speaker": other.speaker_id}))) == 2


def test_an_active_row_filter_names_its_row_and_the_others_stay_out_of_the_sidebar(changelist):
    statement = factories.StatementFactory(summit__title="Astana talks")
    titles = {spec.title for spec in changelist(Statement).context["cl"].filter_specs if spec.has_output()}
    assert not titles & {"summit", "article", "speaker"}, "no list of every summit in the sidebar"

    response = changelist(Statement, {"summit": statement.summit_id})
    (spec,) = [spec for spec in response.context["cl"].filter_specs if spec.title == "summit"]
    assert spec.lookup_choices == [(str(statement.summit_id), "Astana talks")]
    assert response.context["cl"].has_active_filters


def test_a_row_filter_on_a_row_gone_lists_nothing_and_a_bad_value_is_refused(editor_client, changelist):
    factories.StatementFactory()
    # a summit deleted since the link was made: an empty list, saying which filter emptied it
    response = changelist(Statement, {"summit": 10**9})
    assert result_list(response) == []
    (spec,) = [spec for spec in response.context["cl"].filter_specs if spec.title == "summit"]
    assert spec.lookup_choices == [(str(10**9), f"summit {10**9} (none)")]
    response = editor_client.get(admin_url(Statement), {"summit": "not-a-number"})
    assert response.status_code == 302 and response["Location"].endswith("?e=1")


def test_agreements_filter_by_summit_article_and_review_status(changelist):
    wanted = full_agreement(review_status="pending")
    full_agreement(summit=wanted.summit, review_status="approved")
    full_agreement()
    content = changelist(Agreement).content.decode()
    assert f'href="?summit={wanted.summit_id}"' in content
    assert f'href="?article={wanted.article_id}"' in content
    assert len(result_list(changelist(Agreement, {"summit": wanted.summit_id}))) == 2
    assert result_list(changelist(Agreement, {"article": wanted.article_id})) == [wanted]
    assert result_list(
        changelist(Agreement, {"summit": wanted.summit_id, "review_status__exact": "pending"})
    ) == [wanted]


LONG_TEXT = (
    "Opening words of the report. "
    + "Filler words without an end to the sentence " * 10
    + 'The presidents met. "We agreed to work together," Putin said. They left.'
    + " and the story goes on and on" * 10
)


@pytest.mark.parametrize(
    "fragment",
    ["Opening words", "We agreed to work together,", "Putin said", "goes on and on"],
    ids=["at the start", "a quotation", "mid-text", "at the end"],
)
@pytest.mark.parametrize("model", [Statement, Agreement], ids=lambda m: m.__name__)
def test_the_lists_show_the_source_sentence_as_the_change_page_does(model, fragment, changelist):
    from summits.admin import highlight_span

    article = factories.ArticleFactory(text=LONG_TEXT)
    start = article.text.rindex(fragment) if fragment == "goes on and on" else article.text.index(fragment)
    factory = factories.StatementFactory if model is Statement else factories.AgreementFactory
    factory(article=article, text=fragment, start=start, end=start + len(fragment))

    response = changelist(model)
    expected = highlight_span(article.text, start, start + len(fragment))
    assert f"<mark>{fragment}</mark>" in expected
    assert expected in response.content.decode()
    (row,) = result_list(response)
    assert {"text", "original"} <= row.article.get_deferred_fields(), "the list never loads article texts"


def test_a_statement_without_a_source_has_an_empty_source_column(changelist):
    factories.StatementFactory(article=None)
    assert "source-excerpt" not in changelist(Statement).content.decode()


@pytest.mark.parametrize("model", [Statement, Agreement], ids=lambda m: m.__name__)
def test_the_filtered_review_lists_cost_the_same_queries_for_1_or_30_rows(
    model, editor_client, django_assert_num_queries
):
    summit = factories.SummitFactory()
    article = factories.ArticleFactory(text=LONG_TEXT)
    start = LONG_TEXT.index("We agreed")
    speaker = factories.ParticipantFactory()

    def add_row():
        if model is Statement:
            factories.StatementFactory(
                summit=summit, article=article, speaker=speaker, start=start, review_status="pending"
            )
        else:
            full_agreement(summit=summit, article=article, start=start, review_status="pending")

    params = {"summit": summit.pk, "article": article.pk, "review_status__exact": "pending"}
    if model is Statement:
        params["speaker"] = speaker.pk
    # the list's usual queries, and one per row filter naming its row
    expected = LISTS[model][1] + (3 if model is Statement else 2)
    assert_constant_queries(
        editor_client, admin_url(model), add_row, expected, django_assert_num_queries, params=params
    )


def test_summit_list_links_its_pending_counts_to_the_filtered_review_lists(changelist):
    summit = full_summit()
    factories.StatementFactory(summit=summit, review_status="pending")
    factories.AgreementFactory(summit=summit, review_status="approved")
    content = changelist(Summit).content.decode()
    statements, agreements = admin_url(Statement), admin_url(Agreement)
    assert (
        f'<a href="{statements}?summit={summit.pk}&amp;review_status__exact=pending">2 statements</a>'
        in content
    )
    assert (
        f'<a href="{agreements}?summit={summit.pk}&amp;review_status__exact=pending">1 agreement</a>'
        in content
    )


def test_article_list_filters_by_a_complete_extraction(changelist):
    broken = factories.ArticleFactory(incomplete=["speakers"])
    whole = factories.ArticleFactory()
    assert result_list(changelist(Article, {"extraction": "incomplete"})) == [broken]
    assert result_list(changelist(Article, {"extraction": "complete"})) == [whole]
