"""Change pages as an editor uses them: each renders, a summit is created with its people,
statements and agreements in one POST, the source span is shown highlighted and escaped, and
the History page lists who changed what."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from summits import services
from summits.models import (
    Agreement,
    Article,
    Attendance,
    Country,
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
    topic_in_summit,
)

pytestmark = pytest.mark.django_db

BUILDERS = {
    Summit: full_summit,
    Participant: full_participant,
    ParticipantAlias: factories.AliasFactory,
    Attendance: full_attendance,
    Statement: factories.StatementFactory,
    Agreement: full_agreement,
    Article: article_in_summit,
    Topic: topic_in_summit,
    Organisation: organisation_in_use,
    Country: lambda: Country.objects.get(code="RU"),
}


def management_form(prefix: str, total: int, initial: int = 0) -> dict:
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


@pytest.mark.parametrize("model", BUILDERS, ids=lambda m: m.__name__)
def test_change_add_and_history_pages_render(model, editor_client):
    obj = BUILDERS[model]()
    for url in [
        admin_url(model, "change", obj.pk),
        admin_url(model, "add"),
        admin_url(model, "history", obj.pk),
    ]:
        response = editor_client.get(url)
        assert response.status_code == 200, url
    assert str(obj) in editor_client.get(admin_url(model, "change", obj.pk)).content.decode()


def test_summit_change_page_shows_inlines_with_autocomplete(editor_client):
    summit = full_summit()
    response = editor_client.get(admin_url(Summit, "change", summit.pk))
    content = response.content.decode()
    formsets = {formset.formset.prefix: formset for formset in response.context["inline_admin_formsets"]}
    assert set(formsets) == {"attendances", "statements", "agreements"}
    assert all(len(formset.formset.forms) == 1 for formset in formsets.values()), "extra=0: only real rows"
    assert 'data-ajax--url="/admin/autocomplete/"' in content
    attendance = summit.attendances.get()
    assert attendance.participant.name in content


def test_editor_creates_a_summit_with_people_statements_and_agreements(editor_client, editor):
    putin = factories.ParticipantFactory(name="Vladimir Putin")
    erdogan = factories.ParticipantFactory(name="Recep Tayyip Erdogan", country=factories.country("TR"))
    topic = factories.TopicFactory(name="trade")
    data = {
        "title": "Putin–Erdogan talks in Sochi",
        "slug": "putin-erdogan-sochi",
        "status": "draft",
        "start_date": "2017-05-03",
        "end_date": "2017-05-03",
        "date_text": "Wednesday",
        "city": "Sochi",
        "country": "RU",
        "topics": [topic.pk],
        **management_form("attendances", 2),
        "attendances-0-participant": putin.pk,
        "attendances-0-role": "President",
        "attendances-0-country": "RU",
        "attendances-1-participant": erdogan.pk,
        "attendances-1-role": "President",
        "attendances-1-country": "TR",
        **management_form("statements", 1),
        "statements-0-speaker": putin.pk,
        "statements-0-kind": "direct",
        "statements-0-text": "We agreed to restore trade.",
        "statements-0-review_status": "approved",
        **management_form("agreements", 1),
        "agreements-0-text": "lift the remaining trade restrictions",
        "agreements-0-topic": "trade",
        "agreements-0-status": "agreed",
        "agreements-0-countries": ["RU", "TR"],
        "agreements-0-review_status": "pending",
        "_save": "Save",
    }
    response = editor_client.post(admin_url(Summit, "add"), data)
    assert response.status_code == 302, response.context["errors"] if response.context else response

    summit = Summit.objects.get(slug="putin-erdogan-sochi")
    assert [
        (a.participant, a.role, a.country_id) for a in summit.attendances.order_by("participant__name")
    ] == [
        (erdogan, "President", "TR"),
        (putin, "President", "RU"),
    ]
    statement = summit.statements.get()
    assert (statement.speaker, statement.text, statement.review_status) == (
        putin,
        "We agreed to restore trade.",
        "approved",
    )
    agreement = summit.agreements.get()
    assert agreement.parties == ["RU", "TR"]
    assert list(summit.topics.all()) == [topic]
    assert {record.history_user for record in summit.history.all()} == {editor}
    assert statement.history.get().history_user == editor


@pytest.mark.parametrize(("start", "saved"), [("1980-03-01", True), ("1980-03-12", False)])
def test_editor_dates_a_summit_by_a_month_on_its_first_day(editor_client, start, saved):
    summit = factories.SummitFactory()
    data = {
        "title": summit.title,
        "slug": summit.slug,
        "status": summit.status,
        "start_date": start,
        "date_precision": "month",
        "date_text": "in March 1980",
        "city": "Sochi",
        "country": "RU",
        **management_form("attendances", 0),
        **management_form("statements", 0),
        **management_form("agreements", 0),
        "_save": "Save",
    }
    response = editor_client.post(admin_url(Summit, "change", summit.pk), data)
    summit.refresh_from_db()
    assert (response.status_code == 302) is saved
    assert (summit.date_precision == "month") is saved
    if not saved:
        assert "A month is filed under its first day: 1980-03-01." in response.content.decode()


def test_history_page_lists_who_changed_what(editor_client, editor):
    summit = full_summit(title="Sochi talks")
    form = editor_client.get(admin_url(Summit, "change", summit.pk)).context["adminform"].form
    data = {
        **{name: value for name, value in form.initial.items() if value is not None},
        "title": "Sochi summit",
        "topics": [topic.pk for topic in summit.topics.all()],
        "articles": [article.pk for article in summit.articles.all()],
        **management_form("attendances", 0),
        **management_form("statements", 0),
        **management_form("agreements", 0),
        "_save": "Save",
    }
    data.pop("created_at", None)
    data.pop("updated_at", None)
    response = editor_client.post(admin_url(Summit, "change", summit.pk), data)
    assert response.status_code == 302

    history = editor_client.get(admin_url(Summit, "history", summit.pk))
    content = history.content.decode()
    assert editor.username in content
    assert "Sochi talks" in content and "Sochi summit" in content  # the title, before and after
    latest = summit.history.first()
    assert (latest.title, latest.history_type, latest.history_user) == ("Sochi summit", "~", editor)


def test_history_of_reference_data_is_kept_too(editor_client, editor):
    topic = factories.TopicFactory(name="trade")
    no_summits = {"Summit_topics-TOTAL_FORMS": "0", "Summit_topics-INITIAL_FORMS": "0"}  # the inline
    response = editor_client.post(
        admin_url(Topic, "change", topic.pk), {"name": "Trade", "slug": "trade", **no_summits}
    )
    assert response.status_code == 302
    content = editor_client.get(admin_url(Topic, "history", topic.pk)).content.decode()
    assert editor.username in content
    latest = topic.history.first()
    assert (latest.name, latest.history_type, latest.history_user) == ("Trade", "~", editor)


def test_statement_page_highlights_its_span_and_escapes_the_article(editor_client):
    article = factories.ArticleFactory(
        text='Before. <script>alert("x")</script> Leaders met. '
        '"We agreed to work together," Putin said. After.'
    )
    statement = factories.StatementFactory(article=article, fingerprint="f" * 64)
    content = editor_client.get(admin_url(Statement, "change", statement.pk)).content.decode()
    # the sentence around the span, and nothing of the sentences before or after it
    assert "… &quot;<mark>We agreed to work together,</mark>&quot; Putin said. …" in content
    assert "&lt;script&gt;" not in content

    statement.start = article.text.index("<script>")
    statement.end = statement.start + len('<script>alert("x")</script>')
    statement.save()
    content = editor_client.get(admin_url(Statement, "change", statement.pk)).content.decode()
    assert "<mark>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</mark>" in content
    assert '<script>alert("x")' not in content


def test_machine_filled_fields_are_read_only(editor_client):
    extracted = factories.StatementFactory(fingerprint="a" * 64)
    by_hand = factories.StatementFactory(fingerprint="")
    form = editor_client.get(admin_url(Statement, "change", extracted.pk)).context["adminform"].form
    assert not {"article", "start", "end", "fingerprint"} & set(form.fields)
    form = editor_client.get(admin_url(Statement, "change", by_hand.pk)).context["adminform"].form
    assert {"article", "start", "end"} <= set(form.fields)
    assert "fingerprint" not in form.fields


def test_summit_inlines_show_highlighted_spans(editor_client):
    summit = factories.SummitFactory()
    article = factories.ArticleFactory(text='<b>Bold</b> claim. "We agreed to work together," Putin said.')
    factories.StatementFactory(summit=summit, article=article)
    factories.AgreementFactory(summit=summit, article=article, text="<b>Bold</b>")
    content = editor_client.get(admin_url(Summit, "change", summit.pk)).content.decode()
    assert "<mark>We agreed to work together,</mark>" in content
    assert "<mark>&lt;b&gt;Bold&lt;/b&gt;</mark>" in content
    assert "<b>Bold</b>" not in content


def test_agreement_page_highlights_its_span(editor_client):
    agreement = full_agreement()
    content = editor_client.get(admin_url(Agreement, "change", agreement.pk)).content.decode()
    assert "<mark>We agreed to work together</mark>" in content


def test_view_on_site_is_the_public_page_or_for_a_draft_the_preview(editor_client):
    published = factories.SummitFactory(status=Summit.Status.PUBLISHED)
    draft = factories.SummitFactory(status=Summit.Status.DRAFT)
    content = editor_client.get(admin_url(Summit, "change", published.pk)).content.decode()
    assert f'href="{published.get_absolute_url()}"' in content
    content = editor_client.get(admin_url(Summit, "change", draft.pk)).content.decode()
    assert f'href="{draft.get_absolute_url()}"' not in content
    assert f'href="{reverse("summits:summit-preview", args=[draft.slug])}"' in content
    person = factories.ParticipantFactory()
    response = editor_client.get(admin_url(Participant, "change", person.pk))
    assert "View on site" in response.content.decode()


def test_participant_page_has_alias_and_attendance_inlines(editor_client):
    person = full_participant()
    response = editor_client.get(admin_url(Participant, "change", person.pk))
    prefixes = {formset.formset.prefix for formset in response.context["inline_admin_formsets"]}
    assert prefixes == {"alias_set", "attendances"}
    assert person.alias_set.get().name in response.content.decode()


def test_autocomplete_finds_people_by_alias_and_countries_by_name(editor_client):
    person = factories.AliasFactory(name="Erdoğan").participant
    response = editor_client.get(
        "/admin/autocomplete/",
        {"term": "erdoğan", "app_label": "summits", "model_name": "statement", "field_name": "speaker"},
    )
    assert [r["id"] for r in response.json()["results"]] == [str(person.pk)]
    response = editor_client.get(
        "/admin/autocomplete/",
        {"term": "kazakh", "app_label": "summits", "model_name": "summit", "field_name": "country"},
    )
    assert [r["id"] for r in response.json()["results"]] == ["KZ"]


def test_non_staff_users_are_sent_to_the_login(client):
    user = get_user_model().objects.create_user("reader", password="x")
    client.force_login(user)
    response = client.get(admin_url(Summit))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


# --- Articles: the text never changes after the import ---------------------------------------------


def test_an_article_page_shows_its_text_read_only_with_what_was_taken_from_it(editor_client):
    article = factories.ArticleFactory(text='Leaders met.\n\n"We agreed to work together," Putin said.\n')
    statement = factories.StatementFactory(article=article)
    response = editor_client.get(admin_url(Article, "change", article.pk))

    assert "text" not in response.context["adminform"].form.fields
    content = response.content.decode()
    assert f'<mark id="span-statement-{statement.pk}" class="span span-statement">' in content
    assert admin_url(Statement, "change", statement.pk) in content


def test_saving_an_article_unchanged_keeps_its_text_and_every_offset(editor_client):
    text = 'Leaders met.\n\n"We agreed to work together," Putin said.\n'
    article = factories.ArticleFactory(text=text, url="https://news.example.org/a")
    form = editor_client.get(admin_url(Article, "change", article.pk)).context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields}

    response = editor_client.post(admin_url(Article, "change", article.pk), data)

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.text == text and "\r" not in article.text


def test_an_article_saved_with_windows_line_endings_is_stored_with_newlines():
    article = factories.ArticleFactory(text="Leaders met.\r\nThey talked.\rThey left.")
    article.refresh_from_db()
    assert article.text == "Leaders met.\nThey talked.\nThey left."


def test_an_article_says_which_parts_of_its_extraction_failed(editor_client):
    article = factories.ArticleFactory(incomplete=["agreements"])
    content = editor_client.get(admin_url(Article, "change", article.pk)).content.decode()
    assert "Part of the extraction failed (agreements)" in content
    changelist = editor_client.get(admin_url(Article)).content.decode()
    assert 'alt="False"' in changelist


@pytest.mark.parametrize("model", [Statement, Agreement])
def test_extracted_items_cannot_be_deleted_only_rejected(model, editor_client):
    item = factories.StatementFactory() if model is Statement else factories.AgreementFactory()

    assert editor_client.get(admin_url(model, "delete", item.pk)).status_code == 403
    actions = editor_client.get(admin_url(model)).context["action_form"].fields["action"].choices
    assert "delete_selected" not in {name for name, _ in actions}
    summit_page = editor_client.get(admin_url(Summit, "change", item.summit_id)).content.decode()
    assert f"{model._meta.model_name}s-0-DELETE" not in summit_page


def test_review_decisions_made_on_change_pages_go_through_the_services(editor_client, editor):
    """An item's page and the summit's inline rows record the same history as the review desk."""
    statement = factories.StatementFactory(review_status="pending", fingerprint="as extracted")
    data = {
        "summit": statement.summit.pk,
        "speaker": statement.speaker.pk,
        "speaker_label": "",
        "kind": "direct",
        "text": statement.text,
        "review_status": "rejected",
        "_save": "Save",
    }
    response = editor_client.post(admin_url(Statement, "change", statement.pk), data)
    assert response.status_code == 302, response.context["errors"] if response.context else response
    record = statement.history.first()
    assert (record.review_status, record.history_change_reason, record.history_user) == (
        "rejected",
        "Review: Rejected",
        editor,
    )

    summit = statement.summit
    change_page = editor_client.get(admin_url(Summit, "change", summit.pk))
    data = {
        "title": summit.title,
        "slug": summit.slug,
        "start_date": "",
        "end_date": "",
        "date_precision": "",
        "date_text": "",
        "city": "",
        "country": "",
        **management_form("attendances", 0),
        **management_form("statements", 1, 1),
        "statements-0-id": statement.pk,
        "statements-0-summit": summit.pk,
        "statements-0-speaker": statement.speaker.pk,
        "statements-0-speaker_label": "",
        "statements-0-kind": "indirect",
        "statements-0-text": statement.text,
        "statements-0-review_status": "approved",
        **management_form("agreements", 0),
        "_save": "Save",
    }
    assert change_page.status_code == 200
    response = editor_client.post(admin_url(Summit, "change", summit.pk), data)
    assert response.status_code == 302, response.context["errors"] if response.context else response
    record = statement.history.first()
    assert (record.review_status, record.kind, record.history_change_reason, record.history_user) == (
        "approved",
        "indirect",
        "Review: Approved; Edited: kind",
        editor,
    )


def test_history_names_a_person_deleted_since(editor_client):
    """A statement recorded with a speaker who was later merged away shows that person's name."""
    kept = factories.ParticipantFactory(name="Recep Tayyip Erdoğan")
    merged = factories.ParticipantFactory(name="R. T. Erdogan")
    statement = factories.StatementFactory(speaker=merged)
    attendance = factories.AttendanceFactory(participant=merged, summit=statement.summit)
    services.merge_participants(keep=kept, merge=merged)

    for url in (
        admin_url(Statement, "history", statement.pk),
        admin_url(Attendance, "history", attendance.pk),
    ):
        response = editor_client.get(url)
        assert response.status_code == 200
        assert "R. T. Erdogan (deleted)" in response.content.decode()


def test_an_article_page_lists_what_was_extracted_from_it_with_status_and_links(editor_client):
    article = factories.ArticleFactory(text='Leaders met.\n"We agreed to work together," Putin said.\n')
    quoted = factories.StatementFactory(
        article=article, speaker__name="Vladimir Putin", review_status="pending"
    )
    unplaced = factories.StatementFactory(  # found in the article, its offsets lost: still listed
        article=article,
        start=None,
        end=None,
        speaker=None,
        speaker_label="a spokesman",
        text="No comment",
        review_status="pending",
    )
    agreed = factories.AgreementFactory(article=article, review_status="approved", topic="cooperation")
    factories.StatementFactory(text="Putin said", speaker_label="Someone else")

    response = editor_client.get(admin_url(Article, "change", article.pk))

    content = response.content.decode()
    match = re.search(r'<table class="extracted-items">.*?</table>', content, re.S)
    assert match, "the article page has the table of its extracted items"
    table = match.group(0)
    rows = re.findall(r"<tr class=\"review-(\w+)\">(.*?)</tr>", table, re.S)
    assert [status for status, _row in rows] == ["pending", "approved", "pending"]
    assert f'<a href="{admin_url(Statement, "change", quoted.pk)}">Statement {quoted.pk}</a>' in rows[0][1]
    assert "Vladimir Putin" in rows[0][1] and "Pending" in rows[0][1]
    assert f'<a href="{admin_url(Agreement, "change", agreed.pk)}">Agreement {agreed.pk}</a>' in rows[1][1]
    assert "Approved" in rows[1][1]
    assert admin_url(Summit, "change", agreed.summit_id) in rows[1][1]
    assert "a spokesman" in rows[2][1] and admin_url(Statement, "change", unplaced.pk) in rows[2][1]
    assert "Someone else" not in table


def test_an_article_page_says_when_nothing_was_extracted(editor_client):
    article = factories.ArticleFactory()
    content = editor_client.get(admin_url(Article, "change", article.pk)).content.decode()
    assert "Nothing was extracted from this article." in content


def test_an_article_page_links_to_its_review_desk(editor_client):
    article = factories.ArticleFactory()
    content = editor_client.get(admin_url(Article, "change", article.pk)).content.decode()
    assert f'<a href="/admin/summits/article/{article.pk}/review/" class="button">' in content


def test_an_editor_renames_a_topic_in_the_list_and_gives_it_to_a_summit(admin_client):
    topic = factories.TopicFactory(name="further conciliation and strengthening", slug="conciliation")
    summit = factories.SummitFactory()
    changelist = admin_url(Topic)
    response = admin_client.post(
        changelist,
        {
            "form-TOTAL_FORMS": "1",
            "form-INITIAL_FORMS": "1",
            "form-0-id": str(topic.pk),
            "form-0-name": "ceasefire",
            "_save": "Save",
        },
    )
    assert response.status_code == 302
    topic.refresh_from_db()
    assert (topic.name, topic.slug) == ("ceasefire", "conciliation")

    through = "Summit_topics-"
    response = admin_client.post(
        admin_url(Topic, "change", topic.pk),
        {
            "name": "ceasefire",
            "slug": "ceasefire",
            f"{through}TOTAL_FORMS": "1",
            f"{through}INITIAL_FORMS": "0",
            f"{through}0-summit": str(summit.pk),
            f"{through}0-topic": str(topic.pk),
        },
    )
    assert response.status_code == 302, response.context["errors"] if response.context else response
    assert list(summit.topics.all()) == [topic]
