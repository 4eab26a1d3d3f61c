"""Every import leaves one structured log record; in production the records are JSON lines."""

import json
import logging
import sys
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from summits import ingest
from summits.jsonlog import JSONFormatter
from summits.models import text_sha256

from .conftest import ARTICLE, SECOND_ARTICLE

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fixed_extraction")]

COUNTS = ("added", "refreshed", "kept", "skipped", "removed", "participants_created")


def run(*args):
    call_command("import_article", *map(str, args), stdout=StringIO(), stderr=StringIO())


def import_records(caplog) -> list[logging.LogRecord]:
    return [r for r in caplog.records if getattr(r, "event", "").startswith("article_")]


@pytest.fixture
def files(tmp_path):
    (tmp_path / "a_first.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b_second.txt").write_text(SECOND_ARTICLE, encoding="utf-8")
    (tmp_path / "c_no_meeting.txt").write_text("The minister opened a factory.", encoding="utf-8")
    return tmp_path


def test_each_imported_file_is_logged_with_hash_counts_time_and_extractor_version(files, caplog):
    caplog.set_level(logging.INFO, logger="summits")

    run(files / "a_first.txt", files / "b_second.txt")

    first, second = import_records(caplog)
    assert first.event == second.event == "article_imported"
    assert first.levelname == "INFO"
    assert first.file == str(files / "a_first.txt")
    assert first.sha256 == text_sha256(ARTICLE)
    assert first.status == ingest.CREATED
    assert first.summit and first.summit == second.summit  # one meeting, two reports
    assert (first.added, first.participants_created) == (3, 2)  # two statements, one agreement
    assert (second.added, second.participants_created) == (1, 1)  # Lavrov joins
    assert all(isinstance(getattr(first, name), int) for name in COUNTS)
    assert first.extractor_version == ingest.extractor_version()
    assert 0 <= first.seconds < 60


def test_unchanged_updated_and_refused_are_logged_too(files, caplog):
    caplog.set_level(logging.INFO, logger="summits")
    run(files / "a_first.txt")
    caplog.clear()

    run(files / "a_first.txt")
    call_command("import_article", str(files / "a_first.txt"), "--update", stdout=StringIO())
    with pytest.raises(CommandError):
        run(files / "c_no_meeting.txt")

    unchanged, updated, refused = import_records(caplog)
    assert (unchanged.status, updated.status, refused.status) == ("unchanged", "updated", "refused")
    assert updated.refreshed == 0 and updated.added == 0  # the same extraction again
    assert refused.event == "article_imported" and refused.reason
    assert refused.sha256 == text_sha256("The minister opened a factory.")


def test_a_failure_is_logged_with_the_error_class_and_message(files, caplog, monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("a bug in the writer\nsecond line")

    monkeypatch.setattr(ingest, "_write", broken)
    caplog.set_level(logging.INFO, logger="summits")

    with pytest.raises(CommandError):
        run(files / "a_first.txt")

    (record,) = import_records(caplog)
    assert (record.event, record.status, record.levelname) == ("article_failed", "failed", "ERROR")
    assert (record.error, record.error_message) == ("ValueError", "a bug in the writer")
    assert record.file == str(files / "a_first.txt")
    assert record.exc_info  # what nobody expected comes with its traceback


def test_a_file_that_cannot_be_read_is_logged_as_failed_without_a_traceback(tmp_path, caplog):
    (tmp_path / "empty.txt").write_text("")
    caplog.set_level(logging.INFO, logger="summits")

    with pytest.raises(CommandError):
        run(tmp_path / "empty.txt")

    (record,) = import_records(caplog)
    assert (record.event, record.levelname, record.error) == ("article_failed", "WARNING", "ArticleRejected")
    assert not record.exc_info


def test_the_admin_import_is_logged_as_an_admin_upload(caplog):
    caplog.set_level(logging.INFO, logger="summits")

    ingest.import_article(text=ARTICLE, origin="admin upload")

    (record,) = import_records(caplog)
    assert (record.file, record.status) == ("admin upload", "created")


def test_the_json_formatter_writes_one_object_per_record_per_line(files, monkeypatch):
    stream = StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JSONFormatter())
    summits_logger = logging.getLogger("summits")
    summits_logger.addHandler(handler)
    monkeypatch.setattr(summits_logger, "level", logging.INFO)
    try:
        with pytest.raises(CommandError):
            run(files / "a_first.txt", files / "b_second.txt", files / "c_no_meeting.txt")
    finally:
        summits_logger.removeHandler(handler)

    lines = stream.getvalue().splitlines()
    objects = [json.loads(line) for line in lines]
    assert [o["status"] for o in objects] == ["created", "created", "refused"]
    first = objects[0]
    assert {"timestamp", "level", "logger", "message", "event", "file", "sha256", "seconds"} <= first.keys()
    assert {"extractor_version", "summit", *COUNTS} <= first.keys()
    assert (first["level"], first["logger"], first["event"]) == ("INFO", "summits.ingest", "article_imported")
    assert first["timestamp"].endswith("+00:00")
    assert first["message"] == f"{files / 'a_first.txt'}: created"


def test_the_json_formatter_keeps_a_traceback_on_its_line():
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        record = logging.getLogger("summits.test").makeRecord(
            "summits.test", logging.ERROR, __file__, 1, "it broke: %s", ("here",), sys.exc_info()
        )
    record.event = "article_failed"

    line = JSONFormatter().format(record)

    assert "\n" not in line
    entry = json.loads(line)
    assert entry["message"] == "it broke: here"
    assert entry["event"] == "article_failed"
    assert entry["exception"].startswith("Traceback") and "RuntimeError: boom" in entry["exception"]
