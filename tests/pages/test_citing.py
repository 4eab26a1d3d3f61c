"""Citing: the summit page's citations, schema.org Event and Open Graph tags; a statement's own
page and its citations; the .bib and .ris downloads."""

import json
import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import timezone

from summits import dates
from summits.models import ReviewStatus
from tests import factories

pytestmark = pytest.mark.django_db


class HeadData(HTMLParser):
    """The page's <meta property/name> values and its JSON-LD blocks."""

    def __init__(self):
        super().__init__()
        self.meta: dict[str, str] = {}
        self.json_ld: list = []
        self._in_json_ld = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and (attrs.get("property") or attrs.get("name")):
            self.meta[attrs.get("property") or attrs["name"]] = attrs.get("content")
        self._in_json_ld = tag == "script" and attrs.get("type") == "application/ld+json"

    def handle_endtag(self, tag):
        self._in_json_ld = False

    def handle_data(self, data):
        if self._in_json_ld:
            self.json_ld.append(json.loads(data))


def head_data(response) -> HeadData:
    parser = HeadData()
    parser.feed(response.content.decode())
    return parser


def statement_url(statement, **query) -> str:
    url = reverse("summits:statement-detail", kwargs={"pk": statement.pk})
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


# --- The summit page ------------------------------------------------------------------------------


def test_summit_page_offers_four_citation_formats_to_copy(client, archive):
    html = client.get(archive.summit.get_absolute_url()).content.decode()
    assert 'id="cite-heading">Cite this summit</h2>' in html
    for format_id, label in [
        ("citation", "Copy Chicago citation"),
        ("citation-apa", "Copy APA citation"),
        ("citation-bibtex", "Copy BibTeX"),
        ("citation-ris", "Copy RIS"),
    ]:
        assert f'<output id="{format_id}"' in html
        assert f'data-copy="#{format_id}" hidden>{label}</button>' in html
    today = timezone.localdate()
    url = "http://testserver/summits/putin-erdogan-sochi-2017/"
    assert f"Accessed {dates.day_month_year(today)}. {url}." in html  # Chicago
    assert (
        "Summit Archive. (2017, May 3). Putin–Erdogan talks in Sochi [Summit; Sochi, Russian Federation]."
        in html
    )
    assert "@online{summit-archive:putin-erdogan-sochi-2017," in html
    assert f"urldate = {{{today.isoformat()}}}" in html
    assert "TY  - ELEC" in html and f"UR  - {url}" in html
    # the source article with its outlet and publication date
    assert "Source: Example News, “Putin, Erdogan meet in Sochi”, 3 May 2017" in html
    assert 'href="?format=bibtex"' in html and 'href="?format=ris"' in html
    assert "<script>" not in html  # no inline script: only the copy script's file and JSON-LD data


def test_summit_page_has_a_schema_org_event(client, archive):
    archive.summit.end_date = archive.summit.start_date.replace(day=4)
    archive.summit.save()
    data = head_data(client.get(archive.summit.get_absolute_url()))
    [event] = data.json_ld
    assert event["@context"] == "https://schema.org" and event["@type"] == "Event"
    assert event["name"] == "Putin–Erdogan talks in Sochi"
    assert (event["startDate"], event["endDate"]) == ("2017-05-03", "2017-05-04")
    assert event["url"] == "http://testserver/summits/putin-erdogan-sochi-2017/"
    assert event["description"].startswith(
        "Putin–Erdogan talks in Sochi: 3–4 May 2017, Sochi, Russian Federation."
    )
    assert event["location"] == {
        "@type": "Place",
        "name": "Sochi, Russian Federation",
        "address": {"@type": "PostalAddress", "addressLocality": "Sochi", "addressCountry": "RU"},
    }
    people = {person["name"]: person for person in event["attendee"]}
    assert set(people) == {"Vladimir Putin", "Recep Tayyip Erdogan"}
    erdogan = people["Recep Tayyip Erdogan"]
    assert erdogan["@type"] == "Person" and erdogan["jobTitle"] == "President"
    assert erdogan["url"] == "http://testserver/participants/recep-tayyip-erdogan/"
    assert erdogan["nationality"]["name"] == "Türkiye"
    [report] = event["subjectOf"]
    assert report["publisher"]["name"] == "Example News" and report["datePublished"] == "2017-05-03"


def test_json_ld_cannot_close_its_script(client, db):
    summit = factories.SummitFactory(title="</script><script>alert(1)</script> & talks")
    html = client.get(summit.get_absolute_url()).content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert "<" not in block and "&" not in block.replace("\\u0026", "")
    assert json.loads(block)["name"] == "</script><script>alert(1)</script> & talks"


def test_an_undated_summit_event_has_no_start_date(client, db):
    summit = factories.SummitFactory(start_date=None, end_date=None)
    [event] = head_data(client.get(summit.get_absolute_url())).json_ld
    assert "startDate" not in event and "endDate" not in event
    assert event["disambiguatingDescription"] == "date not known — the report says “Wednesday”"


def test_summit_page_has_open_graph_and_twitter_tags(client, archive):
    meta = head_data(client.get(archive.summit.get_absolute_url())).meta
    assert meta["og:title"] == meta["twitter:title"] == "Putin–Erdogan talks in Sochi"
    assert meta["og:type"] == "website"
    assert meta["og:url"] == "http://testserver/summits/putin-erdogan-sochi-2017/"
    assert meta["og:description"] == meta["twitter:description"] == meta["description"]
    assert meta["og:description"].startswith("Putin–Erdogan talks in Sochi: 3 May 2017, Sochi")
    assert meta["twitter:card"] == "summary"


def test_a_preview_carries_no_open_graph_or_json_ld(client, archive):
    client.force_login(factories.EditorFactory())
    data = head_data(client.get(reverse("summits:summit-preview", kwargs={"slug": archive.draft.slug})))
    assert data.json_ld == [] and "og:title" not in data.meta


# --- Downloads ------------------------------------------------------------------------------------


def test_summit_citation_downloads(client, archive):
    url = archive.summit.get_absolute_url()
    bib = client.get(url + "?format=bibtex")
    assert bib["Content-Type"] == "text/plain; charset=utf-8"
    assert bib["Content-Disposition"] == 'attachment; filename="summit-archive-putin-erdogan-sochi-2017.bib"'
    assert bib.content.decode().startswith("@online{summit-archive:putin-erdogan-sochi-2017,\n")
    ris = client.get(url + "?format=ris")
    assert ris["Content-Type"] == "application/x-research-info-systems; charset=utf-8"
    assert ris["Content-Disposition"] == 'attachment; filename="summit-archive-putin-erdogan-sochi-2017.ris"'
    assert ris.content.startswith(b"TY  - ELEC\r\n") and ris.content.endswith(b"ER  - \r\n")
    assert client.get(url + "?format=docx").status_code == 404
    assert client.get(archive.draft.get_absolute_url() + "?format=bibtex").status_code == 404


# --- A statement's own page -----------------------------------------------------------------------


def test_statement_page_shows_the_statement_its_speaker_summit_source_and_citations(client, archive):
    response = client.get(statement_url(archive.quotation))
    assert response.status_code == 200
    html = response.content.decode()
    assert "We agreed to intensify the cooperation between the intelligence agencies," in html
    assert f'<a href="{archive.putin.get_absolute_url()}">Vladimir Putin</a>' in html
    assert f'<a href="{archive.summit.get_absolute_url()}">Putin–Erdogan talks in Sochi</a>' in html
    assert f'href="/articles/{archive.article.pk}/#span-statement-{archive.quotation.pk}"' in html
    assert 'id="cite-heading">Cite this statement</h2>' in html
    citations = response.context["citations"]
    permanent = f"http://testserver/statements/{archive.quotation.pk}/"
    assert citations["chicago"].startswith(
        "Vladimir Putin. “We agreed to intensify the cooperation between the intelligence agencies.” "
        "Direct quotation at Putin–Erdogan talks in Sochi, Sochi, Russian Federation, 3 May 2017."
    )
    assert citations["chicago"].endswith(f" {permanent}.")
    assert citations["apa"].startswith("Vladimir Putin. (2017, May 3). We agreed to intensify")
    assert "author = {{Vladimir Putin}}" in citations["bibtex"]
    assert f"UR  - {permanent}" in citations["ris"]
    for text in citations.values():
        assert "Example News" in text
    assert head_data(response).meta["og:url"] == permanent


def test_statement_citation_downloads(client, archive):
    response = client.get(statement_url(archive.reported, format="ris"))
    assert response["Content-Disposition"] == (
        f'attachment; filename="summit-archive-statement-{archive.reported.pk}.ris"'
    )
    assert b"N1  - Reported speech at Putin" in response.content
    bib = client.get(statement_url(archive.reported, format="bibtex"))
    assert bib.content.decode().startswith(f"@online{{summit-archive:statement-{archive.reported.pk},")


def test_statement_page_is_404_unless_readers_may_see_it(client, archive):
    pending = factories.StatementFactory(
        summit=archive.summit, speaker=archive.putin, review_status=ReviewStatus.PENDING
    )
    for hidden in (pending, archive.rejected, archive.draft_statement):
        assert client.get(statement_url(hidden)).status_code == 404, hidden.review_status
        assert client.get(statement_url(hidden, format="bibtex")).status_code == 404
    assert client.get(reverse("summits:statement-detail", kwargs={"pk": 999999})).status_code == 404


def test_each_statement_links_to_its_permanent_page(client, archive):
    html = client.get(archive.summit.get_absolute_url()).content.decode()
    for statement in (archive.quotation, archive.reported):
        assert f'<a class="permalink" href="/statements/{statement.pk}/">cite</a>' in html
