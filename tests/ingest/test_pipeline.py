"""The import with the real extraction pipeline on the seed article (spaCy loads once)."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from summits import ingest
from summits.extraction import EXTRACTOR_VERSION, extract
from summits.models import Agreement, Article, Participant, Statement, Summit

from .conftest import row_counts

SEED = Path(settings.BASE_DIR) / "seeds" / "000_6dcfb589539ca209.txt"

pytestmark = pytest.mark.django_db


def test_dry_run_json_is_the_pipelines_output():
    stdout = StringIO()
    call_command(
        "import_article", str(SEED), "--dry-run", "--format", "json", stdout=stdout, stderr=StringIO()
    )

    assert json.loads(stdout.getvalue()) == extract(SEED.read_text(encoding="utf-8")).to_dict()
    assert set(row_counts().values()) == {0}


def test_the_seed_imports_once_and_again_changes_nothing():
    call_command("import_article", str(SEED), "--publish", stdout=StringIO())
    before = row_counts()

    stdout = StringIO()
    call_command("import_article", str(SEED), stdout=stdout)

    assert "0 created, 0 updated, 1 unchanged, 0 refused, 0 failed" in stdout.getvalue()
    assert row_counts() == before
    summit = Summit.objects.get()
    assert (summit.city, summit.country_id, summit.status) == ("Sochi", "RU", Summit.Status.PUBLISHED)
    names = set(summit.participants.values_list("name", flat=True))
    assert {"Vladimir Putin", "Recep Tayyip Erdogan"} <= names
    assert "Donald Trump" not in names  # only mentioned
    assert Article.objects.get().extractor_version == EXTRACTOR_VERSION
    putin = Participant.objects.get(name="Vladimir Putin")
    assert Statement.objects.filter(speaker=putin).exists()
    for said in Statement.objects.select_related("article"):
        assert said.fingerprint == ingest.statement_fingerprint(said)


def test_update_with_the_same_pipeline_keeps_every_row():
    text = SEED.read_text(encoding="utf-8")
    ingest.import_article(text=text)
    statements = list(Statement.objects.values())

    result = ingest.import_article(text=text, update=True)

    assert result.status == ingest.UPDATED
    assert (result.added, result.refreshed, result.removed) == (0, 0, 0)
    assert list(Statement.objects.values()) == statements


def test_a_meeting_dated_by_a_month_is_imported_with_month_precision(tmp_path):
    """End to end: "last October" in an article published 2 March 2021 is October 2020."""
    path = tmp_path / "berlin.txt"
    path.write_text(
        "New Zealand Prime Minister Helen Clark held talks with German Chancellor Olaf Berg in Berlin "
        "last October.\n",
        encoding="utf-8",
    )
    call_command("import_article", str(path), "--published", "2021-03-02", stdout=StringIO())

    summit = Summit.objects.get()
    assert (summit.start_date.isoformat(), summit.end_date) == ("2020-10-01", None)
    assert (summit.date_precision, summit.date_text) == ("month", "last October")
    dry_run = StringIO()
    call_command("import_article", str(path), "--published", "2021-03-02", "--dry-run", stdout=dry_run)
    assert "2020-10; " in dry_run.getvalue()  # the month where a day would be


@pytest.mark.parametrize(
    "path",
    [
        SEED,
        *(
            Path(__file__).parent / "files" / name
            for name in ["front_matter_yaml.txt", "headers_title_date_src.txt"]
        ),
    ],
    ids=lambda path: path.name,
)
def test_rerunning_the_same_pipeline_on_a_stored_article_changes_no_item(path):
    """The re-run reads the stored text and metadata (the admin's "Re-run extraction"): with the
    same extractor it finds what the import found, from the file's own title, date and byline."""
    result = ingest.import_article(text=ingest.read_article(path), allow_no_meeting=True)
    items = [list(model.objects.values()) for model in (Statement, Agreement)]
    history = [model.history.count() for model in (Statement, Agreement)]

    rerun = ingest.reextract_article(result.article)

    assert {change.action for change in rerun.changes} <= {ingest.SAME}
    assert len(rerun.changes) == result.added
    assert [list(model.objects.values()) for model in (Statement, Agreement)] == items
    assert [model.history.count() for model in (Statement, Agreement)] == history
