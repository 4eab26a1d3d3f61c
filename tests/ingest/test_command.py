"""``manage.py import_article``: files and directories in, counts and one-line errors out."""

import dataclasses
import datetime as dt
import json
import os
import subprocess
import sys
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from summits import ingest
from summits.models import Article, Statement, Summit

from .conftest import ARTICLE, REFUSAL, SECOND_ARTICLE, first_extraction, row_counts

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fixed_extraction")]


def run(*args) -> tuple[str, str]:
    stdout, stderr = StringIO(), StringIO()
    call_command("import_article", *map(str, args), stdout=stdout, stderr=stderr)
    return stdout.getvalue(), stderr.getvalue()


def fails(*args) -> tuple[str, str]:
    stdout, stderr = StringIO(), StringIO()
    with pytest.raises(CommandError) as error:
        call_command("import_article", *map(str, args), stdout=stdout, stderr=stderr)
    return stderr.getvalue(), str(error.value)


def test_imports_a_file_and_says_what_it_did(articles):
    stdout, stderr = run(
        articles / "a_first.txt", "--url", "https://news.example.org/a", "--title", "Leaders meet"
    )

    assert "Articles: 1 created, 0 updated, 0 unchanged, 0 refused, 0 failed." in stdout
    assert stderr == ""
    article = Article.objects.get()
    assert (article.url, article.title) == ("https://news.example.org/a", "Leaders meet")
    assert Summit.objects.get().status == Summit.Status.DRAFT


def test_imports_every_txt_of_a_directory_in_order_with_publish_and_date(articles):
    stdout, _ = run(articles, "--publish", "--published", "2017-05-04", "--verbosity", "2")

    first, second = Article.objects.order_by("pk")
    assert (first.text, second.text) == (ARTICLE, SECOND_ARTICLE)  # a_first.txt, then b_second.txt
    assert str(first.published) == "2017-05-04"
    assert Summit.objects.get().status == Summit.Status.PUBLISHED  # one meeting, two reports
    assert "created: " in stdout and "a_first.txt" in stdout
    assert "Articles: 2 created, 0 updated, 0 unchanged, 0 refused, 0 failed." in stdout


def test_importing_again_changes_nothing(articles):
    run(articles)
    before = row_counts()

    stdout, _ = run(articles)

    assert "Articles: 0 created, 0 updated, 2 unchanged, 0 refused, 0 failed." in stdout
    assert row_counts() == before


def test_update_refreshes_untouched_items_and_keeps_edits(articles, fixed_extraction):
    run(articles / "a_first.txt")
    edited = Statement.objects.order_by("start").first()
    edited.text = "Edited by an editor"
    edited.save()
    better = first_extraction()
    better.statements[1].text += " (better)"
    fixed_extraction[ARTICLE] = better

    stdout, _ = run(articles / "a_first.txt", "--update")

    assert "0 created, 1 updated, 0 unchanged" in stdout
    assert Statement.objects.get(pk=edited.pk).text == "Edited by an editor"
    assert Statement.objects.filter(text__endswith="(better)").count() == 1
    assert Statement.objects.count() == 2


def test_verbosity_zero_prints_nothing(articles):
    stdout, stderr = run(articles, "--verbosity", "0")
    assert (stdout, stderr) == ("", "")
    assert Article.objects.count() == 2


def test_dry_run_json_prints_the_extraction_and_writes_nothing(articles):
    stdout, stderr = run(articles / "a_first.txt", "--dry-run", "--format", "json")

    assert json.loads(stdout) == first_extraction().to_dict()
    assert set(row_counts().values()) == {0}


def test_dry_run_json_gives_a_ranges_first_and_last_day(articles, monkeypatch):
    ranged = first_extraction()
    ranged.summit = dataclasses.replace(
        ranged.summit,
        date=dt.date(2016, 10, 25),
        end_date=dt.date(2016, 10, 27),
        date_text="25 to 27 October",
    )
    monkeypatch.setattr(
        "summits.ingest.run_extraction", lambda text, *, published=None, byline=None, title=None: ranged
    )

    stdout, _ = run(articles / "a_first.txt", "--dry-run", "--format", "json")

    summit = json.loads(stdout)["summit"]
    assert (summit["date"], summit["end_date"], summit["date_text"]) == (
        "2016-10-25",
        "2016-10-27",
        "25 to 27 October",
    )


def test_dry_run_json_of_several_files_prints_a_list(articles):
    stdout, _ = run(articles, "--dry-run", "--format", "json")

    assert [found["participants"][0]["name"] for found in json.loads(stdout)] == ["Vladimir Putin"] * 2
    assert Article.objects.count() == 0


def test_dry_run_text_describes_each_article(articles):
    stdout, _ = run(articles / "a_first.txt", "--dry-run")

    assert "Sochi, RU, Wednesday; Vladimir Putin, Recep Tayyip Erdogan; 2 statements, 1 agreements" in stdout
    assert "nothing was written" in stdout
    assert Article.objects.count() == 0


def test_dry_run_passes_the_publication_date(articles, monkeypatch):
    seen = []
    monkeypatch.setattr(
        "summits.ingest.run_extraction",
        lambda text, *, published=None, byline=None, title=None: seen.append(published) or first_extraction(),
    )
    run(articles / "a_first.txt", "--dry-run", "--format", "json", "--published", "2017-05-03")
    run(articles / "a_first.txt", "--dry-run", "--format", "json")
    assert [str(d) for d in seen] == ["2017-05-03", "None"]


# --- An article that reports no meeting --------------------------------------------------------


@pytest.fixture
def speech(articles):
    """A third article the extraction finds reports no meeting (the fixture refuses unknown texts)."""
    return write(articles / "c_speech.txt", b"Torres gave a speech to the nation in Lima.")


def test_an_article_that_reports_no_meeting_is_refused_with_its_reason_and_the_batch_goes_on(
    articles, speech
):
    stdout, stderr = StringIO(), StringIO()

    with pytest.raises(CommandError, match=r"^1 of 3 not imported: .*c_speech\.txt$"):
        call_command("import_article", str(articles), stdout=stdout, stderr=stderr)

    assert stderr.getvalue() == (f"{speech}: refused, {REFUSAL} (--allow-no-meeting imports it anyway)\n")
    assert "Articles: 2 created, 0 updated, 0 unchanged, 1 refused, 0 failed." in stdout.getvalue()
    assert not Article.objects.filter(text__contains="Torres").exists()
    assert Article.objects.count() == 2


def test_allow_no_meeting_imports_it_anyway(speech):
    stdout, stderr = run(speech, "--allow-no-meeting")

    assert "Articles: 1 created, 0 updated, 0 unchanged, 0 refused, 0 failed." in stdout
    assert stderr == "" and Article.objects.get().text.startswith("Torres gave a speech")


def test_dry_run_json_prints_the_refused_extraction_and_exits_non_zero(speech):
    stdout, stderr = StringIO(), StringIO()

    with pytest.raises(CommandError, match="1 of 1 not imported"):
        call_command(
            "import_article", str(speech), "--dry-run", "--format", "json", stdout=stdout, stderr=stderr
        )

    assert json.loads(stdout.getvalue())["refusal"] == REFUSAL
    assert REFUSAL in stderr.getvalue()
    assert set(row_counts().values()) == {0}


def test_dry_run_with_allow_no_meeting_would_import_it(speech):
    stdout, _ = run(speech, "--dry-run", "--allow-no-meeting")

    assert "Dry run: 1 would be imported, 0 refused, 0 failed; nothing was written." in stdout


def test_the_json_summary_counts_and_lists_refusals(articles, speech):
    stdout = StringIO()

    with pytest.raises(CommandError):
        call_command("import_article", str(articles), "--format", "json", stdout=stdout, stderr=StringIO())

    summary = json.loads(stdout.getvalue())
    assert (summary["created"], summary["refused"], summary["failed"]) == (2, 1, 0)
    assert summary["refusals"] == [f"{speech}: refused, {REFUSAL} (--allow-no-meeting imports it anyway)"]


def test_a_bad_date_is_refused(articles):
    _, message = fails(articles, "--published", "3 May 2017")
    assert "--published" in message and Article.objects.count() == 0


# --- Bad input ------------------------------------------------------------------------------------


def write(path, content: bytes):
    path.write_bytes(content)
    return path


BAD_INPUTS = {
    "missing": (lambda tmp: tmp / "missing.txt", "no such file or directory"),
    "directory without articles": (
        lambda tmp: (tmp / "empty_dir").mkdir() or tmp / "empty_dir",
        "no articles",
    ),
    "empty": (lambda tmp: write(tmp / "empty.txt", b""), "empty"),
    "whitespace only": (lambda tmp: write(tmp / "blank.txt", b" \n\t\n"), "empty"),
    "binary": (lambda tmp: write(tmp / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "binary"),
    "UTF-16 without a story": (
        lambda tmp: write(tmp / "utf16.txt", "Rain again.".encode("utf-16")),
        "no meeting",
    ),
    "too large": (lambda tmp: write(tmp / "huge.txt", b"a" * 2049), "too large"),
    "no meeting": (lambda tmp: write(tmp / "weather.txt", b"It rained all day in the valley."), "no meeting"),
}


@pytest.mark.parametrize("kind", BAD_INPUTS)
def test_bad_input_is_one_line_naming_the_file_and_writes_nothing(kind, tmp_path, settings):
    settings.SUMMITS_MAX_ARTICLE_BYTES = 2048
    make, reason = BAD_INPUTS[kind]
    path = make(tmp_path)

    stderr, message = fails(path)

    assert stderr.count("\n") == 1 and stderr.startswith(f"{path}: ")
    assert reason in stderr
    assert "Traceback" not in stderr
    assert str(path) in message
    assert set(row_counts().values()) == {0}


def test_a_batch_with_a_bad_file_imports_the_others_and_fails_at_the_end(articles, tmp_path):
    write(articles / "c_broken.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    stdout, stderr = StringIO(), StringIO()

    with pytest.raises(CommandError, match="1 of 3 not imported: .*c_broken.txt"):
        call_command("import_article", str(articles), stdout=stdout, stderr=stderr)

    assert Article.objects.count() == 2
    assert "c_broken.txt: binary file, not text" in stderr.getvalue()
    assert "Articles: 2 created, 0 updated, 0 unchanged, 0 refused, 1 failed." in stdout.getvalue()


def test_an_unexpected_error_in_one_article_is_one_line_and_the_batch_goes_on(articles, monkeypatch):
    import_article = ingest.import_article

    def fails_on_the_first(*, text, **kwargs):
        if text.text == ARTICLE:
            raise RuntimeError("the disk is full\nsecond line of the message")
        return import_article(text=text, **kwargs)

    monkeypatch.setattr(ingest, "import_article", fails_on_the_first)
    stdout, stderr = StringIO(), StringIO()

    with pytest.raises(CommandError, match="1 of 2 not imported: .*a_first.txt"):
        call_command("import_article", str(articles), stdout=stdout, stderr=stderr)

    assert stderr.getvalue() == f"{articles / 'a_first.txt'}: failed (RuntimeError: the disk is full)\n"
    assert Article.objects.get().text == SECOND_ARTICLE
    assert "Articles: 1 created, 0 updated, 0 unchanged, 0 refused, 1 failed." in stdout.getvalue()


def test_a_cp1252_file_is_read_and_imported(tmp_path, fixed_extraction):
    text = ARTICLE + " Erdogan’s aides said the café talks had gone well."
    fixed_extraction[text] = first_extraction(text)
    run(write(tmp_path / "cp1252.txt", text.encode("cp1252")))
    assert Article.objects.get().text == text


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://example.org/a.txt"])
def test_a_source_url_that_is_not_http_is_a_usage_error(articles, url):
    with pytest.raises(CommandError, match="is not an http or https URL"):
        call_command("import_article", str(articles / "a_first.txt"), "--url", url, stdout=StringIO())
    assert Article.objects.count() == 0


def test_the_command_exits_non_zero_without_a_traceback(tmp_path):
    env = {**os.environ, "DJANGO_DEBUG": "1", "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}
    missing = tmp_path / "missing.txt"

    done = subprocess.run(
        [sys.executable, "manage.py", "import_article", str(missing)],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert done.returncode == 1
    assert f"{missing}: no such file or directory" in done.stderr
    assert "Traceback" not in done.stderr
    assert "1 failed" in done.stdout


def test_json_format_without_dry_run_summarises_the_import(articles, tmp_path):
    write(articles / "c_empty.txt", b"")
    stdout, stderr = StringIO(), StringIO()

    with pytest.raises(CommandError):
        call_command("import_article", str(articles), "--format", "json", stdout=stdout, stderr=stderr)

    summary = json.loads(stdout.getvalue())
    assert (summary["created"], summary["unchanged"], summary["failed"]) == (2, 0, 1)
    assert [a["status"] for a in summary["articles"]] == ["created", "created"]
    assert summary["articles"][0]["summit"] == Summit.objects.get().slug
    assert summary["errors"] == [f"{articles / 'c_empty.txt'}: empty: there is no text"]


def test_a_bad_date_on_the_command_line_is_a_usage_error_without_a_traceback(tmp_path):
    done = subprocess.run(
        [sys.executable, "manage.py", "import_article", "seeds/", "--dry-run", "--published", "2017-13-45"],
        cwd=settings.BASE_DIR,
        env={**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"},
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert done.returncode == 2
    assert "argument --published: '2017-13-45' is not a date (YYYY-MM-DD)" in done.stderr
    assert "Traceback" not in done.stderr
