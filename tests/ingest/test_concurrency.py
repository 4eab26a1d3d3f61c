"""Two imports of the same article at the same time leave one copy (PostgreSQL only)."""

import threading

import pytest
from django.db import connection, connections

from summits import ingest
from summits.models import Article, Attendance, Participant, Statement, StatementSource, Summit

from .conftest import ARTICLE, first_extraction

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="SQLite serialises writers with a database lock: two imports cannot overlap there",
    ),
]


def import_twice_at_once(before_import=lambda: None) -> tuple[list[str], list[Exception]]:
    """Run two imports of ARTICLE in two threads, each with its own connection."""
    results, errors = [], []

    def import_once():
        try:
            extraction = first_extraction()
            before_import()
            results.append(ingest.import_article(text=ARTICLE, extraction=extraction).status)
        except Exception as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=import_once) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results, errors


def test_two_imports_of_the_same_article_at_once_leave_one_copy():
    barrier = threading.Barrier(2)

    results, errors = import_twice_at_once(lambda: barrier.wait(timeout=10))

    assert errors == []
    assert sorted(results) == [ingest.CREATED, ingest.UNCHANGED]
    assert Article.objects.count() == 1
    assert Summit.objects.count() == 1
    assert Participant.objects.count() == 2 and Attendance.objects.count() == 2
    assert Statement.objects.count() == 2


def test_when_both_pass_the_already_imported_check_the_constraint_decides(monkeypatch):
    barrier = threading.Barrier(2)
    check_meeting = ingest.check_meeting

    def both_checked(extraction, **options):
        barrier.wait(timeout=10)  # both have looked for the article; neither has written it
        return check_meeting(extraction, **options)

    monkeypatch.setattr(ingest, "check_meeting", both_checked)

    results, errors = import_twice_at_once()

    assert errors == []
    assert sorted(results) == [ingest.CREATED, ingest.UNCHANGED]
    assert Article.objects.count() == 1 and Summit.objects.count() == 1
    assert Statement.objects.count() == 2


def test_two_different_articles_naming_the_same_new_people_at_once_both_import():
    """Both create "Vladimir Putin" and "Recep Tayyip Erdogan" with the same slugs: the one that
    commits second collides on the slug, and its retry finds the people the first one wrote."""
    texts = [ARTICLE, ARTICLE + " The talks lasted three hours."]
    barrier = threading.Barrier(2)
    results, errors = [], []

    def import_one(text):
        try:
            extraction = first_extraction(text)
            barrier.wait(timeout=10)
            results.append(ingest.import_article(text=text, extraction=extraction).status)
        except Exception as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=import_one, args=(text,)) for text in texts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    assert results == [ingest.CREATED, ingest.CREATED]
    assert Article.objects.count() == 2
    assert sorted(Participant.objects.values_list("slug", flat=True)) == [
        "recep-tayyip-erdogan",
        "vladimir-putin",
    ]
    # one summit: the second article's two quotations are further sources of the first's
    assert Statement.objects.count() == 2
    assert StatementSource.objects.count() == 2
