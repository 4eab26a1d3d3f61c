"""Filing an article under another summit or a new one, from its page and from the article list
(summits/admin_move.py), and how the import found its summit, shown on its page."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.test import Client
from django.urls import reverse

from summits.models import Article, Attendance, Summit
from tests import factories

pytestmark = pytest.mark.django_db


def url(name: str, *args) -> str:
    return reverse(f"admin:summits_article_{name}", args=args)


@pytest.fixture
def filed():
    """An article filed under a summit (by the import, which said why), with Putin's statement."""
    summit = factories.SummitFactory(title="Sochi talks")
    article = factories.ArticleFactory(
        outlet="Daily", summit_match="same city, same day, 2 participants in common"
    )
    summit.articles.add(article)
    putin = factories.ParticipantFactory(name="Vladimir Putin")
    factories.AttendanceFactory(summit=summit, participant=putin, role="President")
    statement = factories.StatementFactory(summit=summit, article=article, speaker=putin)
    return summit, article, statement


def test_the_article_page_says_why_and_where_it_is_filed_and_offers_to_move_it(editor_client, filed):
    summit, article, _ = filed

    html = editor_client.get(url("change", article.pk)).content.decode()

    assert "same city, same day, 2 participants in common" in html
    assert f'<a href="{reverse("admin:summits_summit_change", args=[summit.pk])}">Sochi talks</a>' in html
    assert f'href="{url("attach", article.pk)}">Attach to another summit…</a>' in html
    assert f'href="{url("split", article.pk)}">Split off into a new summit</a>' in html


def test_attach_asks_for_the_summit_with_the_admins_autocomplete(editor_client, filed):
    _, article, _ = filed

    response = editor_client.get(url("attach", article.pk))

    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-ajax--url="/admin/autocomplete/"' in html and 'data-field-name="summit"' in html
    assert 'type="hidden" name="from_summit"' in html  # one summit: nothing to choose
    assert "admin/js/autocomplete.js" in html


def test_attach_moves_the_article_and_its_items(editor_client, editor, filed):
    summit, article, statement = filed
    target = factories.SummitFactory(title="Ankara talks")

    response = editor_client.post(
        url("attach", article.pk), {"to_summit": target.pk, "from_summit": summit.pk}
    )

    assert response.status_code == 302 and response.url == url("change", article.pk)
    assert list(article.summits.all()) == [target]
    statement.refresh_from_db()
    assert statement.summit == target
    assert Attendance.objects.filter(summit=target, participant=statement.speaker, role="President").exists()
    assert target.history.first().history_user == editor
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("is now an article of" in m and "Ankara talks" in m for m in messages)


def test_attach_with_several_summits_asks_which_one_it_leaves(editor_client, filed):
    summit, article, statement = filed
    other = factories.SummitFactory(title="Another meeting")
    other.articles.add(article)
    target = factories.SummitFactory()

    html = editor_client.get(url("attach", article.pk)).content.decode()
    assert '<select name="from_summit"' in html and f"Another meeting (#{other.pk})" in html

    editor_client.post(url("attach", article.pk), {"to_summit": target.pk, "from_summit": other.pk})
    assert set(article.summits.all()) == {summit, target}
    statement.refresh_from_db()
    assert statement.summit == summit  # its items were in the summit it stays in


def test_attach_to_the_summit_it_is_in_is_refused(editor_client, filed):
    summit, article, _ = filed

    response = editor_client.post(
        url("attach", article.pk), {"to_summit": summit.pk, "from_summit": summit.pk}
    )

    assert response.status_code == 200
    assert "already in this summit" in response.content.decode()
    assert list(article.summits.all()) == [summit]


def test_split_off_makes_a_draft_summit(editor_client, filed):
    summit, article, statement = filed

    assert editor_client.get(url("split", article.pk)).status_code == 200
    response = editor_client.post(url("split", article.pk), {"from_summit": summit.pk})

    assert response.status_code == 302
    new = Summit.objects.get(title="Sochi talks (Daily)")
    assert new.status == Summit.Status.DRAFT and list(new.articles.all()) == [article]
    statement.refresh_from_db()
    assert statement.summit == new


def test_moving_needs_a_csrf_token_and_the_permission_to_change(filed, editor):
    summit, article, _ = filed
    target = factories.SummitFactory()
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    assert client.post(url("attach", article.pk), {"to_summit": target.pk}).status_code == 403

    reader = factories.UserFactory(is_staff=True)
    client.force_login(reader)
    assert client.get(url("split", article.pk)).status_code == 403
    assert list(article.summits.all()) == [summit]


def test_the_list_action_attaches_each_article_from_its_only_summit(editor_client, filed):
    summit, article, statement = filed
    second = factories.ArticleFactory()
    summit.articles.add(second)
    in_two = factories.ArticleFactory(title="Filed twice")
    summit.articles.add(in_two)
    factories.SummitFactory().articles.add(in_two)
    target = factories.SummitFactory(title="Ankara talks")
    chosen = {ACTION_CHECKBOX_NAME: [article.pk, second.pk, in_two.pk], "action": "attach_to_summit"}

    page = editor_client.post(url("changelist"), chosen)
    assert page.status_code == 200 and 'name="to_summit"' in page.content.decode()
    response = editor_client.post(
        url("changelist"), {**chosen, "confirm": "yes", "to_summit": target.pk}, follow=True
    )

    assert set(target.articles.all()) == {article, second}
    assert target not in in_two.summits.all()
    html = response.content.decode()
    assert "2 article(s) attached to" in html and "Filed twice" in html


def test_the_list_action_splits_each_article_off(editor_client, filed):
    summit, article, _ = filed

    response = editor_client.post(
        url("changelist"), {ACTION_CHECKBOX_NAME: [article.pk], "action": "split_off"}, follow=True
    )

    new = Summit.objects.get(title="Sochi talks (Daily)")
    assert list(Article.objects.filter(summits=new)) == [article]
    assert "New draft summits" in response.content.decode()


def test_the_attach_page_costs_the_same_queries_however_many_summits(
    editor_client, filed, django_assert_num_queries
):
    _, article, _ = filed
    editor_client.get(url("attach", article.pk))  # warm the session
    # session, user; the article (with its summit count); the summits it may leave
    with django_assert_num_queries(4):
        editor_client.get(url("attach", article.pk))
    for _ in range(3):
        factories.SummitFactory().articles.add(article)
    with django_assert_num_queries(4):
        response = editor_client.get(url("attach", article.pk))
    choices = response.content.decode().split('<select name="from_summit"')[1].split("</select>")[0]
    assert choices.count("<option value=") == 4
