"""Lists, details, filters and ordering of every endpoint, as an anonymous client sees them."""

import datetime as dt

import pytest
from django.urls import reverse

from summits.models import Organisation
from summits.search import rebuild_search_index
from tests import factories
from tests.api.utils import results

pytestmark = pytest.mark.django_db


# --- Summits --------------------------------------------------------------------------------------


def test_summit_list_shows_published_summits_newest_first(api, archive):
    response = api.get(reverse("api:summit-list"))
    assert results(response, "slug") == ["ankara-2018", "sochi-2017"]
    body = response.json()
    assert body["count"] == 2 and body["next"] is None
    ankara = body["results"][0]
    assert ankara["country"] == "TR"
    assert ankara["topics"] == ["syria"]
    assert ankara["url"] == "http://testserver/api/summits/ankara-2018/"
    assert ankara["page_url"] == "http://testserver/summits/ankara-2018/"


def test_summit_detail_nests_participants_statements_agreements_and_articles(api, archive):
    response = api.get(reverse("api:summit-detail", kwargs={"slug": "sochi-2017"}))
    assert response.status_code == 200
    body = response.json()
    assert body["title"] == "Putin and Erdogan meet in Sochi"
    assert [(p["participant"], p["role"], p["country"]) for p in body["participants"]] == [
        ("erdogan", "President", "TR"),
        ("vladimir-putin", "President", "RU"),
    ]
    quote = body["statements"][0]
    article = archive.quote.article
    assert quote["text"] == "We agreed to work together on trade,"
    assert quote["speaker"] == "vladimir-putin" and quote["kind"] == "direct"
    assert article.text[quote["start"] : quote["end"]] == quote["text"]
    assert quote["article"] == {
        "id": article.pk,
        "title": article.title,
        "url": article.url,
        "outlet": article.outlet,
        "published": "2017-05-03",
        "page_url": f"http://testserver/articles/{article.pk}/",
    }
    assert quote["page_url"] == f"http://testserver/articles/{article.pk}/#span-statement-{archive.quote.pk}"
    assert [s["kind"] for s in body["statements"]] == ["direct", "indirect"]
    [agreement] = body["agreements"]
    assert agreement["parties"] == ["RU", "TR"]
    assert article.text[agreement["start"] : agreement["end"]] == "work together on trade"
    assert [a["id"] for a in body["articles"]] == [article.pk]


def test_a_summit_dated_by_a_month_gives_its_precision_and_no_day(api, db):
    summit = factories.SummitFactory(
        slug="berlin-1980", start_date=dt.date(1980, 3, 1), end_date=None, date_precision="month"
    )
    body = api.get(reverse("api:summit-detail", kwargs={"slug": summit.slug})).json()
    assert (body["date_precision"], body["date"], body["start_date"]) == ("month", "1980-03", "1980-03-01")
    day = factories.SummitFactory(slug="sochi-day", date_precision="day")
    body = api.get(reverse("api:summit-detail", kwargs={"slug": day.slug})).json()
    assert (body["date_precision"], body["date"]) == ("day", "2017-05-03")


def test_summit_detail_leaves_out_rejected_items(api, archive):
    body = api.get(reverse("api:summit-detail", kwargs={"slug": "ankara-2018"})).json()
    assert body["statements"] == []
    assert [a["topic"] for a in body["agreements"]] == ["energy"]
    assert body["agreements"][0]["parties"] == ["IR", "TR", "EU"]
    assert body["agreements"][0]["article"] is None


def test_draft_summit_is_not_found_for_anonymous(api, archive):
    assert api.get(reverse("api:summit-detail", kwargs={"slug": "draft-2019"})).status_code == 404
    assert api.get(reverse("api:summit-detail", kwargs={"slug": "no-such-summit"})).status_code == 404


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"start_date_after": "2018-01-01"}, ["ankara-2018"]),
        ({"start_date_before": "2017-12-31"}, ["sochi-2017"]),
        (
            {"start_date_after": "2017-05-03", "start_date_before": "2018-04-03"},
            ["ankara-2018", "sochi-2017"],
        ),
        ({"year": "2017"}, ["sochi-2017"]),
        ({"country": "tr"}, ["ankara-2018"]),
        ({"country": "RU"}, ["sochi-2017"]),
        ({"participant": "rouhani"}, ["ankara-2018"]),
        ({"participant": "vladimir-putin"}, ["ankara-2018", "sochi-2017"]),
        ({"topic": "trade"}, ["sochi-2017"]),
        ({"topic": "trade", "participant": "erdogan"}, ["sochi-2017"]),
        ({"status": "published"}, ["ankara-2018", "sochi-2017"]),
        ({"status": "draft"}, []),
        ({"ordering": "start_date"}, ["sochi-2017", "ankara-2018"]),
        ({"ordering": "-title"}, ["sochi-2017", "ankara-2018"]),
        ({"ordering": "city"}, ["ankara-2018", "sochi-2017"]),
    ],
)
def test_summit_filters_and_ordering(api, archive, query, expected):
    assert results(api.get(reverse("api:summit-list"), query), "slug") == expected


INVALID = [{"year": "last"}, {"start_date_after": "2017-13-45"}, {"status": "secret"}]


@pytest.mark.parametrize("query", INVALID)
def test_summit_filters_reject_invalid_values(api, archive, query):
    response = api.get(reverse("api:summit-list"), query)
    assert response.status_code == 400
    assert set(response.json()) <= {"year", "start_date", "status"}


def test_ordering_by_an_unlisted_field_is_ignored(api, archive):
    default = results(api.get(reverse("api:summit-list")), "slug")
    assert results(api.get(reverse("api:summit-list"), {"ordering": "search_vector"}), "slug") == default


def test_staff_filter_drafts(staff_api, archive):
    assert results(staff_api.get(reverse("api:summit-list"), {"status": "draft"}), "slug") == ["draft-2019"]
    assert results(staff_api.get(reverse("api:summit-list")), "slug") == [
        "draft-2019",
        "ankara-2018",
        "sochi-2017",
    ]
    response = staff_api.get(reverse("api:summit-detail", kwargs={"slug": "ankara-2018"}))
    assert [s["review_status"] for s in response.json()["statements"]] == ["rejected"]


# --- Participants ---------------------------------------------------------------------------------


def test_participants_are_those_of_published_summits(api, archive):
    rows = results(api.get(reverse("api:participant-list")))
    assert [p["slug"] for p in rows] == ["rouhani", "erdogan", "vladimir-putin"]
    erdogan = rows[1]
    assert erdogan["aliases"] == ["Erdoğan"]
    assert erdogan["country"] == "TR"
    assert sorted(erdogan["summits"]) == ["ankara-2018", "sochi-2017"]
    assert api.get(reverse("api:participant-detail", kwargs={"slug": "only-at-drafts"})).status_code == 404


def test_participant_detail_lists_only_published_summits(api, staff_api, archive):
    factories.AttendanceFactory(summit=archive.draft, participant=archive.putin)
    url = reverse("api:participant-detail", kwargs={"slug": "vladimir-putin"})
    assert sorted(api.get(url).json()["summits"]) == ["ankara-2018", "sochi-2017"]
    assert sorted(staff_api.get(url).json()["summits"]) == ["ankara-2018", "draft-2019", "sochi-2017"]
    hidden = staff_api.get(reverse("api:participant-detail", kwargs={"slug": "only-at-drafts"}))
    assert hidden.status_code == 200


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"name": "erdo"}, ["erdogan"]),
        ({"country": "ir"}, ["rouhani"]),
        ({"summit": "sochi-2017"}, ["erdogan", "vladimir-putin"]),
        ({"ordering": "-name"}, ["vladimir-putin", "erdogan", "rouhani"]),
    ],
)
def test_participant_filters_and_ordering(api, archive, query, expected):
    assert results(api.get(reverse("api:participant-list"), query), "slug") == expected


# --- Statements -----------------------------------------------------------------------------------


def test_statements_are_visible_ones_only(api, archive):
    rows = results(api.get(reverse("api:statement-list")))
    assert [s["id"] for s in rows] == [archive.quote.pk, archive.reported.pk]
    assert rows[0]["summit"] == "sochi-2017"
    assert rows[0]["speaker_name"] == "Vladimir Putin"
    assert "article_id" not in rows[0]
    for hidden in (archive.rejected, archive.draft_statement):
        assert api.get(reverse("api:statement-detail", kwargs={"pk": hidden.pk})).status_code == 404
    detail = api.get(reverse("api:statement-detail", kwargs={"pk": archive.reported.pk})).json()
    assert detail["kind"] == "indirect" and detail["review_status"] == "approved"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"speaker": "erdogan"}, ["reported"]),
        ({"summit": "sochi-2017"}, ["quote", "reported"]),
        ({"summit": "ankara-2018"}, []),
        ({"kind": "direct"}, ["quote"]),
        ({"kind": "indirect"}, ["reported"]),
        ({"review_status": "approved"}, ["quote", "reported"]),
        ({"ordering": "-start"}, ["reported", "quote"]),
        ({"search": "measures"}, ["reported"]),
        ({"search": "trade together"}, ["quote"]),
        ({"search": "Putin"}, ["quote"]),
        ({"search": "nothing-matches-this"}, []),
    ],
)
def test_statement_filters_and_ordering(api, archive, query, expected):
    rebuild_search_index()  # vectors are refreshed after commit, which a test never reaches
    expected_ids = [getattr(archive, name).pk for name in expected]
    assert results(api.get(reverse("api:statement-list"), query), "id") == expected_ids


def test_statement_search_ranks_best_match_first(api, archive):
    best = factories.StatementFactory(
        summit=archive.sochi, speaker=archive.putin, article=None, text="Trade, trade and more trade."
    )
    rebuild_search_index()
    assert results(api.get(reverse("api:statement-list"), {"search": "trade"}), "id") == [
        best.pk,
        archive.quote.pk,
    ]


def test_search_vectors_are_refreshed_after_commit(api, archive, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        said = factories.StatementFactory(
            summit=archive.sochi, speaker=archive.putin, article=None, text="Pipelines matter."
        )
    assert results(api.get(reverse("api:statement-list"), {"search": "pipelines"}), "id") == [said.pk]


# --- Agreements -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, ["gas", "trade"]),
        ({"party": "tr"}, ["gas", "trade"]),
        ({"party": "RU"}, ["trade"]),
        ({"party": "eu"}, ["gas"]),
        ({"party": "GCC"}, []),
        ({"topic": "ENERGY"}, ["gas"]),
        ({"topic": "tra"}, ["trade"]),
        ({"summit": "ankara-2018"}, ["gas"]),
        ({"ordering": "-topic"}, ["trade", "gas"]),
        ({"ordering": "summit__start_date"}, ["trade", "gas"]),
    ],
)
def test_agreement_filters_and_ordering(api, archive, query, expected):
    expected_ids = [getattr(archive, name).pk for name in expected]
    assert results(api.get(reverse("api:agreement-list"), query), "id") == expected_ids


def test_party_filter_does_not_repeat_an_agreement_with_several_organisations(api, archive):
    archive.gas.organisations.add(Organisation.objects.create(short_name="GCC"))
    assert results(api.get(reverse("api:agreement-list"), {"party": "TR"}), "id") == [
        archive.gas.pk,
        archive.trade.pk,
    ]


def test_agreement_detail(api, archive):
    body = api.get(reverse("api:agreement-detail", kwargs={"pk": archive.gas.pk})).json()
    assert body["parties"] == ["IR", "TR", "EU"]
    assert body["status"] == "agreed" and body["summit"] == "ankara-2018"
    for hidden in (archive.rejected_agreement, archive.draft_agreement):
        assert api.get(reverse("api:agreement-detail", kwargs={"pk": hidden.pk})).status_code == 404


# --- Countries ------------------------------------------------------------------------------------


def test_countries_list_and_detail_by_code_in_any_case(api, db):
    body = api.get(reverse("api:country-list")).json()
    assert body["count"] > 240
    for code in ("tr", "TR"):
        country = api.get(reverse("api:country-detail", kwargs={"code": code})).json()
        assert country["code"] == "TR" and country["alpha3"] == "TUR"
        assert country["url"] == "http://testserver/api/countries/TR/"
    assert api.get(reverse("api:country-detail", kwargs={"code": "xx"})).status_code == 404


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"code": "tr"}, ["TR"]),
        ({"code": "DEU"}, ["DE"]),
        ({"name": "iran"}, ["IR"]),
        ({"name": "korea", "ordering": "-code"}, ["KR", "KP"]),
    ],
)
def test_country_filters_and_ordering(api, db, query, expected):
    assert results(api.get(reverse("api:country-list"), query), "code") == expected


# --- Pagination and CSV ---------------------------------------------------------------------------


def test_page_size_is_bounded(api, db):
    assert len(results(api.get(reverse("api:country-list")))) == 25
    assert len(results(api.get(reverse("api:country-list"), {"page_size": 1000}))) == 100
    assert api.get(reverse("api:country-list"), {"page": 999}).status_code == 404


def test_summit_list_as_csv(api, archive):
    for response in (
        api.get(reverse("api:summit-list"), {"format": "csv"}),
        api.get(reverse("api:summit-list"), HTTP_ACCEPT="text/csv"),
    ):
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/csv")
        lines = response.content.decode().splitlines()
        assert lines[0].split(",")[:5] == ["slug", "url", "page_url", "title", "start_date"]
        assert lines[1].startswith("ankara-2018,http://testserver/api/summits/ankara-2018/,")
        assert len(lines) == 3


def test_agreement_csv_joins_parties_and_flattens_the_article(api, archive):
    import csv
    import io

    response = api.get(reverse("api:agreement-list"), {"format": "csv", "party": "TR"})
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [row["parties"] for row in rows] == ["IR; TR; EU", "RU; TR"]
    assert rows[1]["article.title"] == archive.trade.article.title
    assert rows[0]["article.title"] == ""  # no source article
    assert rows[1]["url"].endswith(f"/api/agreements/{archive.trade.pk}/")  # no ?format=csv in links


def test_csv_is_for_lists_only(api, archive):
    url = reverse("api:summit-detail", kwargs={"slug": "sochi-2017"})
    assert api.get(url, {"format": "csv"}).status_code == 404


def test_pending_items_are_shown_to_staff_only(api, staff_api, archive):
    """What no editor has approved yet is not the archive's word: anonymous clients never see it."""
    pending = factories.StatementFactory(summit=archive.sochi, article=None, review_status="pending")
    deal = factories.AgreementFactory(summit=archive.sochi, article=None, review_status="pending")
    for client, shown in ((api, False), (staff_api, True)):
        statements = results(client.get(reverse("api:statement-list")), "id")
        agreements = results(client.get(reverse("api:agreement-list")), "id")
        detail = client.get(reverse("api:summit-detail", args=["sochi-2017"])).json()
        assert (pending.pk in statements, deal.pk in agreements) == (shown, shown)
        assert (pending.pk in [s["id"] for s in detail["statements"]]) == shown
        assert (deal.pk in [a["id"] for a in detail["agreements"]]) == shown
        assert client.get(reverse("api:statement-detail", args=[pending.pk])).status_code == (
            200 if shown else 404
        )
