"""Hand-built extractions for the import tests: fast, and exact about what is imported."""

import datetime as dt

import pytest
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from summits import models
from summits.extraction import (
    AgreementFound,
    ArticleMeta,
    Extraction,
    ParticipantFound,
    StatementFound,
    SummitFound,
)
from summits.extraction.meeting_report import REFUSAL

ARTICLE = (
    "Russian President Vladimir Putin met his Turkish counterpart Recep Tayyip Erdogan in Sochi "
    'on Wednesday. "We agreed to intensify the fight against terrorism," Putin said. '
    "Erdogan said Turkey would continue to take measures against threats from its borders. "
    "Ankara and Moscow agreed to lift all trade restrictions, except those on tomatoes."
)

SECOND_ARTICLE = (
    "SOCHI — Vladimir Putin and Recep Tayyip Erdoğan, joined by Foreign Minister Sergei Lavrov, "
    'talked for three hours on Wednesday. "Our relationship has fully recovered," Mr Putin said.'
)


def span(text: str, fragment: str) -> tuple[int, int]:
    start = text.index(fragment)
    return start, start + len(fragment)


def statement(text: str, fragment: str, speaker: str | None, kind: str = "direct") -> StatementFound:
    return StatementFound(speaker, fragment, kind, *span(text, fragment))


def agreement(text: str, fragment: str, parties: list[str], topic: str, **kwargs) -> AgreementFound:
    start, end = span(text, fragment)
    return AgreementFound(fragment, parties, topic, start, end, **kwargs)


def putin() -> ParticipantFound:
    return ParticipantFound("Vladimir Putin", "President", "RU", aliases=["Putin"])


def erdogan(*aliases: str) -> ParticipantFound:
    return ParticipantFound("Recep Tayyip Erdogan", "President", "TR", aliases=list(aliases or ["Erdogan"]))


def first_extraction(text: str = ARTICLE) -> Extraction:
    return Extraction(
        summit=SummitFound(
            title="",
            location="Sochi",
            country="RU",
            date=None,
            date_text="Wednesday",
            topics=["counter-terrorism", "trade"],
        ),
        participants=[putin(), erdogan()],
        statements=[
            statement(text, "We agreed to intensify the fight against terrorism,", "Vladimir Putin"),
            statement(
                text,
                "Turkey would continue to take measures against threats from its borders",
                "Recep Tayyip Erdogan",
                "indirect",
            ),
        ],
        agreements=[
            agreement(
                text,
                "Ankara and Moscow agreed to lift all trade restrictions",
                ["RU", "TR"],
                "trade",
                exceptions="tomatoes",
            )
        ],
        article=ArticleMeta(published=dt.date(2017, 5, 3)),
    )


def second_extraction(text: str = SECOND_ARTICLE) -> Extraction:
    return Extraction(
        summit=SummitFound(location="Sochi", country="RU", date_text="Wednesday", topics=["relations"]),
        participants=[
            ParticipantFound("Vladimir Putin", "President", "RU", aliases=["Mr Putin"]),
            ParticipantFound("Recep Tayyip Erdoğan", "President", "TR"),
            ParticipantFound("Sergei Lavrov", "Foreign Minister", "RU"),
        ],
        statements=[statement(text, "Our relationship has fully recovered,", "Mr Putin")],
    )


def row_counts() -> dict[str, int]:
    """How many rows every table the import writes holds, history included."""
    tracked = [
        models.Article,
        models.Summit,
        models.Participant,
        models.ParticipantAlias,
        models.Attendance,
        models.Statement,
        models.Agreement,
        models.Topic,
        models.Organisation,
        models.Summit.articles.through,
        models.Summit.topics.through,
        models.Agreement.countries.through,
        models.Agreement.organisations.through,
    ]
    counts = {model._meta.label: model.objects.count() for model in tracked}
    for model in tracked:
        history = getattr(model, "history", None)
        if history is not None:
            counts[f"{model._meta.label} history"] = history.model.objects.count()
    return counts


@pytest.fixture
def fixed_extraction(monkeypatch):
    """Make the import use hand-built extractions instead of spaCy: text -> Extraction."""
    extractions = {ARTICLE: first_extraction(), SECOND_ARTICLE: second_extraction()}

    def fake(text, *, published=None, byline=None, title=None):
        if text in extractions:
            return extractions[text]
        return Extraction(summit=SummitFound(), refusal=REFUSAL)  # no meeting found

    monkeypatch.setattr("summits.ingest.run_extraction", fake)
    return extractions


@pytest.fixture
def database_queue(settings):
    """The queue production uses (django-tasks-db): jobs wait in the database until
    :func:`run_worker` runs them. (Elsewhere the test settings run a queued job at once.)"""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def batch_worker(worker_id: str) -> Worker:
    """django-tasks-db's worker as ``manage.py db_worker --batch`` makes it: every ready task of
    the default queue, none left waiting for; ``.run()`` is its loop (without its signal handlers)."""
    return Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=worker_id,
        excluded_queue_names=[],
    )


def run_worker() -> int:
    """Run the tasks waiting in the database queue as ``manage.py db_worker --batch`` does: its
    worker takes the next ready task, locked and claimed, and runs it, until none is ready.
    Here in the test's process and transaction (the command itself would also close the test's
    database connection between tasks). Returns how many ran."""
    worker = batch_worker("pytest")
    ran = 0
    while (task := DBTaskResult.objects.ready().get_locked()) is not None:
        task.claim(worker.worker_id)
        worker.run_task(task)
        ran += 1
    return ran


@pytest.fixture
def articles(tmp_path):
    """A folder of two articles and a file that is none, for the command's directory imports."""
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "b_second.txt").write_text(SECOND_ARTICLE, encoding="utf-8")
    (folder / "a_first.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "notes.md").write_text("not an article")
    return folder
