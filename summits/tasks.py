"""Imports in the background, on the task framework of Django 6 (django-tasks, its backport).

``summits.services.queue_import`` writes an :class:`~summits.models.ImportJob` and, once it is
committed, :func:`send_to_queue` hands its id to the task queue. A worker (``manage.py
db_worker``, on any machine sharing the database) runs :func:`run_import_job`: one attempt at
importing the job's article through ``ingest.import_article``, the service the command and the
admin have always used, in one transaction, with the job's editor and options.

How an attempt ends decides what happens next:

- imported (or found already in the archive): the job is done, with the article and summit;
- the article is refused (no meeting) or rejected (too large, not text...): failed at once, with
  the reason; trying again would give the same answer;
- the database was unavailable (a restart, a dropped connection, a lock held too long): back in
  the queue, tried again up to ``SUMMITS_IMPORT_RETRIES`` times, the first after
  ``SUMMITS_IMPORT_RETRY_DELAY`` seconds and each later one after twice as long; then failed;
- any other error (a bug): failed at once, the traceback logged.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import TaskContext, task

from . import ingest
from .models import ImportJob

logger = logging.getLogger(__name__)


def send_to_queue(job_id: int, *, delay: float = 0) -> None:
    """Hand a job to the task queue, to run no sooner than ``delay`` seconds from now where the
    queue can wait (the database and RQ backends can). A job the queue does not take is failed,
    so that it is not shown as queued for ever."""
    queued = run_import_job
    if delay > 0 and queued.get_backend().supports_defer:
        queued = queued.using(run_after=timezone.now() + timedelta(seconds=delay))
    try:
        result = queued.enqueue(job_id)
    except Exception as exc:
        logger.exception("import job %s could not be queued", job_id)
        job = ImportJob.objects.get(pk=job_id)
        job.fail(ImportJob.Failure.ERROR, f"could not be queued: {_one_line(exc)}")
        return
    # unless a worker has taken it already (and named its task itself)
    ImportJob.objects.filter(pk=job_id, status=ImportJob.Status.QUEUED).update(task_id=result.id)


@task(takes_context=True)
def run_import_job(context: TaskContext, job_id: int) -> dict:
    """One attempt at a queued import; returns what became of the job, for the task's result."""
    job = ImportJob.objects.filter(pk=job_id).first()
    if job is None or not job.claim(task_id=context.task_result.id):
        # deleted, or already run: a queue may deliver a task twice
        logger.info("import job %s is not queued; nothing to do", job_id)
        return {"job": job_id, "status": job.status if job else "deleted"}
    try:
        result = _import(job)
    except ingest.NoMeeting as exc:
        job.fail(ImportJob.Failure.REFUSED, str(exc))
    except ingest.ArticleRejected as exc:
        job.fail(ImportJob.Failure.REJECTED, str(exc))
    except Exception as exc:
        if not ingest.database_unavailable(exc):
            job.fail(ImportJob.Failure.ERROR, f"{type(exc).__name__}: {_one_line(exc)}")
            raise
        # The article's transaction was rolled back; the next query gets a new connection.
        ingest.drop_connection()
        reason = f"database unavailable: {_one_line(exc)}"
        if job.attempts > settings.SUMMITS_IMPORT_RETRIES:
            job.fail(ImportJob.Failure.DATABASE, reason)
            raise
        delay = settings.SUMMITS_IMPORT_RETRY_DELAY * 2 ** (job.attempts - 1)
        logger.warning("import job %s: %s; trying again in %s seconds", job.pk, reason, delay)
        job.retry_later(reason)
        send_to_queue(job.pk, delay=delay)
    else:
        job.succeed(
            outcome=result.status,
            article=result.article,
            summit=result.summit,
            summit_created=result.summit_created,
            counts=result.counts(),
        )
    return {"job": job.pk, "status": job.status, "attempts": job.attempts}


def _import(job: ImportJob) -> ingest.ImportResult:
    """The job's article through the import service, as ``import_article PATH`` imports a file."""
    try:
        source = ingest.read_again(job.text)
    except ingest.ArticleRejected as exc:
        ingest.ImportLog(origin=job.origin).log_failure(exc)
        raise
    return ingest.import_article(
        text=source,
        published=job.published,
        url=job.url,
        title=job.title,
        publish=job.publish,
        update=job.update,
        allow_no_meeting=job.allow_no_meeting,
        approve=job.approve,
        provenance=ingest.Provenance(by=job.requested_by, how=job.how),
        origin=job.origin,
    )


def _one_line(exc: BaseException) -> str:
    return next(iter(str(exc).strip().splitlines()), "") or "no message"
