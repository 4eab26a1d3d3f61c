"""The admin's "Import article" page: paste or upload, preview, import or cancel."""

import datetime as dt

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from summits.models import Article, Statement, Summit
from tests import factories

from .conftest import ARTICLE, REFUSAL, first_extraction, row_counts

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fixed_extraction")]

URL = reverse("admin:summits_article_import")


def preview(client, **data):
    return client.post(URL, {"published": "", "url": "", "title": "", "_preview": "Preview", **data})


def test_the_article_list_links_to_the_import_page(editor_client):
    response = editor_client.get(reverse("admin:summits_article_changelist"))
    assert f'href="{URL}"' in response.content.decode()


def test_the_form_uses_the_admin_layout(editor_client):
    response = editor_client.get(URL)

    assert response.status_code == 200
    assert response.templates[0].name == "admin/summits/article/import_form.html"
    page = response.content.decode()
    assert "Summit Archive — editors" in page  # the admin's header, from each_context
    assert 'name="csrfmiddlewaretoken"' in page and 'enctype="multipart/form-data"' in page
    assert f'href="{reverse("admin:summits_article_changelist")}"' in page  # cancel


def test_preview_shows_what_was_found_and_writes_nothing(editor_client):
    response = preview(editor_client, text=ARTICLE.replace("\n", "\r\n"), url="https://news.example.org/1")

    assert response.status_code == 200
    page = response.content.decode()
    for found in [
        "Sochi",
        "Recep Tayyip Erdogan",
        "We agreed to intensify the fight against terrorism",
        "tomatoes",
    ]:
        assert found in page
    form = response.context["form"]
    assert form["text"].value() == ARTICLE and form["url"].value() == "https://news.example.org/1"
    assert 'type="hidden" name="text"' in page
    assert set(row_counts().values()) == {0}


def test_preview_shows_a_ranges_first_and_last_day(editor_client, fixed_extraction):
    found = fixed_extraction[ARTICLE].summit
    found.date, found.end_date, found.date_text = (
        dt.date(2016, 10, 25),
        dt.date(2016, 10, 27),
        "25 to 27 October 2016",
    )

    page = preview(editor_client, text=ARTICLE).content.decode()

    assert "25 October 2016 – 27 October 2016" in page and "25 to 27 October 2016" in page


def test_import_writes_through_the_service_and_goes_to_the_summit(editor_client):
    response = editor_client.post(
        URL,
        {"text": ARTICLE, "published": "2017-05-03", "url": "", "title": "Sochi talks", "_import": "Import"},
    )

    summit = Summit.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("admin:summits_summit_change", args=[summit.pk])
    assert summit.status == Summit.Status.DRAFT
    assert Article.objects.get().title == "Sochi talks" and Statement.objects.count() == 2
    page = editor_client.get(response.url).content.decode()
    assert "Imported “Sochi talks”: 3 statements and agreements in a new summit" in page


def test_importing_again_changes_nothing_and_says_so(editor_client):
    editor_client.post(URL, {"text": ARTICLE, "_import": "Import"})
    before = row_counts()

    preview_page = preview(editor_client, text=ARTICLE).content.decode()
    response = editor_client.post(URL, {"text": ARTICLE, "publish": "True", "_import": "Import"}, follow=True)

    assert "already in the archive" in preview_page
    assert "already in the archive; nothing was changed" in response.content.decode()
    assert row_counts() == before


def test_an_uploaded_file_is_previewed_like_pasted_text(editor_client):
    upload = SimpleUploadedFile("article.txt", ARTICLE.encode("utf-8"), content_type="text/plain")

    response = preview(editor_client, file=upload)

    assert response.status_code == 200
    assert response.context["form"]["text"].value() == ARTICLE


@pytest.mark.parametrize(
    ("content", "error"),
    [
        (b"", "The submitted file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary file"),
        (b"x" * 600, "too large"),
    ],
)
def test_bad_files_are_form_errors(editor_client, settings, content, error):
    settings.SUMMITS_MAX_ARTICLE_BYTES = 500
    upload = SimpleUploadedFile("article.txt", content, content_type="text/plain")

    response = preview(editor_client, file=upload)

    assert response.status_code == 200
    assert error in " ".join(response.context["form"].errors["file"])
    assert set(row_counts().values()) == {0}


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"text": "   "}, "Paste the article"),
        (
            {"text": ARTICLE, "file": SimpleUploadedFile("a.txt", ARTICLE.encode())},
            "not both",
        ),
    ],
)
def test_bad_text_is_a_form_error(editor_client, data, error):
    response = preview(editor_client, **data)

    assert error in str(response.context["form"].errors)
    assert set(row_counts().values()) == {0}


def test_an_import_the_service_refuses_is_a_message_not_a_crash(editor_client):
    response = editor_client.post(URL, {"text": "It rained all day.", "_import": "Import"}, follow=True)

    assert response.status_code == 200
    assert "The article was not imported: no meeting found" in response.content.decode()
    assert set(row_counts().values()) == {0}


def test_preview_of_an_article_that_reports_no_meeting_shows_the_reason_and_offers_to_import_anyway(
    editor_client,
):
    response = preview(editor_client, text="Torres gave a speech to the nation in Lima.")

    assert response.status_code == 200
    assert response.templates[0].name == "admin/summits/article/import_preview.html"
    page = response.content.decode()
    assert f"This article would be refused: {REFUSAL}." in page
    assert 'value="Import anyway"' in page
    assert response.context["form"]["allow_no_meeting"].value() is True
    assert set(row_counts().values()) == {0}


def test_import_anyway_imports_an_article_that_reports_no_meeting(editor_client):
    text = "Torres gave a speech to the nation in Lima."
    data = {"text": text, "allow_no_meeting": "True", "_import": "Import anyway"}

    response = editor_client.post(URL, data)

    assert response.status_code == 302
    assert Article.objects.get().text == text


def test_a_cp1252_upload_is_read_as_a_person_would(editor_client, fixed_extraction):
    text = ARTICLE + " Erdogan’s aides said the café talks had gone well."
    fixed_extraction[text] = first_extraction(text)
    upload = SimpleUploadedFile("article.txt", text.encode("cp1252"), content_type="text/plain")

    response = preview(editor_client, file=upload)

    assert response.status_code == 200 and response.context["form"]["text"].value() == text
    assert response.context["source"].encoding not in {"utf-8", "ascii"}


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://example.org/a.txt"])
def test_a_source_url_that_is_not_http_is_a_form_error(editor_client, url):
    response = preview(editor_client, text=ARTICLE, url=url)

    assert response.context["form"].errors["url"]
    assert set(row_counts().values()) == {0}


def test_an_unexpected_error_in_the_preview_is_shown_on_the_form(editor_client, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("the parser ran out of memory")

    monkeypatch.setattr("summits.ingest.run_extraction", broken)

    response = preview(editor_client, text=ARTICLE)

    assert response.status_code == 200
    assert "The import failed unexpectedly (RuntimeError); nothing was written." in " ".join(
        response.context["form"].non_field_errors()
    )
    assert set(row_counts().values()) == {0}


def test_an_unexpected_error_in_the_import_is_a_message_not_a_500(editor_client, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr("summits.ingest._write", broken)

    response = editor_client.post(URL, {"text": ARTICLE, "_import": "Import"}, follow=True)

    assert response.status_code == 200
    assert "The import failed unexpectedly (RuntimeError); nothing was written." in response.content.decode()
    assert set(row_counts().values()) == {0}


def test_the_page_needs_the_add_article_permission(client):
    staff = factories.UserFactory(is_staff=True)
    client.force_login(staff)
    assert client.get(URL).status_code == 403
    assert client.post(URL, {"text": ARTICLE, "_import": "Import"}).status_code == 403
    assert Article.objects.count() == 0

    staff.user_permissions.add(Permission.objects.get(codename="add_article"))
    assert client.get(URL).status_code == 200


def test_anonymous_visitors_are_sent_to_the_login(client):
    response = client.get(URL)
    assert response.status_code == 302 and reverse("admin:login") in response.url
