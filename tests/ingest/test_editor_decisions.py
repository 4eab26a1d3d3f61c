"""Editors' decisions are permanent: what an editor deleted or removed never comes back on a
re-import, and nothing that the import itself removes is mistaken for an editor's deletion."""

import pytest

from summits import ingest
from summits.models import Agreement, Attendance, Statement

from .conftest import ARTICLE, first_extraction

pytestmark = pytest.mark.django_db


@pytest.fixture
def imported():
    return ingest.import_article(text=ARTICLE, extraction=first_extraction())


def test_a_statement_deleted_by_an_editor_is_not_made_again_by_update(imported):
    deleted = Statement.objects.order_by("start").first()
    deleted.delete()

    result = ingest.import_article(text=ARTICLE, update=True, extraction=first_extraction())

    assert result.skipped == 1 and result.added == 0
    assert not Statement.objects.filter(start=deleted.start).exists()
    assert Statement.objects.count() == 1


def test_an_agreement_deleted_with_its_summit_is_not_made_again_by_update(imported):
    imported.summit.delete()

    result = ingest.import_article(text=ARTICLE, update=True, extraction=first_extraction())

    assert result.summit is not None
    assert Statement.objects.count() == 0 and Agreement.objects.count() == 0
    assert result.skipped == 3


def test_an_item_the_import_removed_comes_back_when_found_again(imported):
    without_statements = first_extraction()
    without_statements.statements = []
    removed = ingest.import_article(text=ARTICLE, update=True, extraction=without_statements)
    assert removed.removed == 2 and Statement.objects.count() == 0

    found_again = ingest.import_article(text=ARTICLE, update=True, extraction=first_extraction())

    assert found_again.added == 2 and Statement.objects.count() == 2


def test_a_person_removed_from_the_summit_is_not_added_back(imported):
    Attendance.objects.get(participant__name="Recep Tayyip Erdogan").delete()

    ingest.import_article(text=ARTICLE, update=True, extraction=first_extraction())

    assert list(Attendance.objects.values_list("participant__name", flat=True)) == ["Vladimir Putin"]
