"""Every write an editor makes, from the admin, the review desk or the API: publishing
summits, reviewing and correcting what the extraction found, merging duplicate people, and
queueing articles to import in the background.
Whichever door an editor uses, the same rules hold and the same history entries are written.

Plain functions with keyword-only arguments, each in one transaction. Every row they touch is
saved through the model (not ``QuerySet.update``) so django-simple-history records the change,
who made it (``by``, or the user of the current request) and why. Each write that changes what
readers see makes the cached public pages stale once it commits (``public_cache.invalidate``).
"""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import TYPE_CHECKING

from django.db import models, transaction
from django.utils import timezone
from django.utils.text import slugify

from . import public_cache
from .models import (
    Agreement,
    Attendance,
    ImportJob,
    Participant,
    ParticipantAlias,
    ParticipantRedirect,
    ReviewStatus,
    Statement,
    Summit,
    name_key,
)

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

    from .reading import ArticleFile

# simple_history keeps the change reason in a CharField of this length.
REASON_MAX_LENGTH = 100


def _tag(obj: models.Model, *, reason: str, by: AbstractBaseUser | None) -> models.Model:
    """Mark ``obj`` so its next historical record carries ``reason`` and ``by``.

    Without ``by`` simple_history takes the user from the current request (its middleware).
    """
    obj._change_reason = reason[:REASON_MAX_LENGTH]
    if by is not None:
        obj._history_user = by
    return obj


def _set_field(
    queryset: models.QuerySet, *, field: str, value: str, reason: str, by: AbstractBaseUser | None
) -> int:
    """Set ``field`` to ``value`` on every row of ``queryset`` that differs; return how many."""
    model = queryset.model
    # A fresh queryset on the primary keys: the admin's may be annotated or distinct, which
    # SELECT ... FOR UPDATE refuses on PostgreSQL.
    rows = (
        model._default_manager.filter(pk__in=queryset.values("pk"))
        .exclude(**{field: value})
        .select_for_update()
    )
    now = timezone.now()
    changed = 0
    for obj in rows:
        setattr(obj, field, value)
        obj.updated_at = now
        _tag(obj, reason=reason, by=by).save(update_fields=[field, "updated_at"])
        changed += 1
    if changed:
        public_cache.invalidate()
    return changed


class PendingReview(Exception):
    """Publishing would put summits online with items no editor has reviewed.

    ``pending`` maps each such summit to how many of its statements and agreements are pending.
    """

    def __init__(self, pending: dict[Summit, int]):
        self.pending = pending
        total = sum(pending.values())
        names = ", ".join(f"{summit} ({count})" for summit, count in pending.items())
        super().__init__(f"{total} items still await review: {names}")


def pending_counts(summits: models.QuerySet[Summit]) -> dict[Summit, int]:
    """Each of ``summits`` that has pending statements or agreements, with how many."""
    counts = {}
    for summit in summits.annotate(
        pending_statements=models.Count(
            "statements", filter=models.Q(statements__review_status=ReviewStatus.PENDING), distinct=True
        ),
        pending_agreements=models.Count(
            "agreements", filter=models.Q(agreements__review_status=ReviewStatus.PENDING), distinct=True
        ),
    ).order_by("pk"):
        if summit.pending_statements + summit.pending_agreements:
            counts[summit] = summit.pending_statements + summit.pending_agreements
    return counts


APPROVED_ON_PUBLISHING = "Review: Approved (the rest, on publishing)"


@transaction.atomic
def publish_summits(
    *,
    summits: models.QuerySet[Summit],
    approve_pending: bool | None = None,
    by: AbstractBaseUser | None = None,
) -> int:
    """Publish the summits not yet published; return how many changed.

    Readers see only approved items, so what is still pending needs the editor's choice:
    ``approve_pending=True`` approves it (recorded in each item's history), ``False`` publishes
    the summits with those items kept back until someone reviews them, and ``None`` (the
    default) publishes nothing and raises PendingReview.
    """
    summits = Summit.objects.filter(pk__in=summits.values("pk")).exclude(status=Summit.Status.PUBLISHED)
    pending = pending_counts(summits)
    if pending and approve_pending is None:
        raise PendingReview(pending)
    if pending and approve_pending:
        for model in (Statement, Agreement):
            _set_field(
                model.objects.filter(summit__in=list(pending)).pending(),
                field="review_status",
                value=ReviewStatus.APPROVED,
                reason=APPROVED_ON_PUBLISHING,
                by=by,
            )
    return _set_field(summits, field="status", value=Summit.Status.PUBLISHED, reason="Published", by=by)


@transaction.atomic
def unpublish_summits(*, summits: models.QuerySet[Summit], by: AbstractBaseUser | None = None) -> int:
    """Take published summits back to draft; return how many changed."""
    return _set_field(summits, field="status", value=Summit.Status.DRAFT, reason="Unpublished", by=by)


# --- Reviewing statements and agreements ----------------------------------------------------------

Item = Statement | Agreement


def review_reason(status: ReviewStatus, why: str = "") -> str:
    """The history's reason for a review decision: "Review: Rejected (not said at the summit)"."""
    label = ReviewStatus(status).label
    return f"Review: {label} ({why.strip()})" if why.strip() else f"Review: {label}"


@transaction.atomic
def set_review_status(
    *,
    items: models.QuerySet[Statement] | models.QuerySet[Agreement],
    status: ReviewStatus,
    why: str = "",
    by: AbstractBaseUser | None = None,
) -> int:
    """Give statements or agreements a review status; return how many changed."""
    status = ReviewStatus(status)
    return _set_field(items, field="review_status", value=status, reason=review_reason(status, why), by=by)


def approve_items(
    *, items: models.QuerySet[Statement] | models.QuerySet[Agreement], by: AbstractBaseUser | None = None
) -> int:
    return set_review_status(items=items, status=ReviewStatus.APPROVED, by=by)


def reject_items(
    *,
    items: models.QuerySet[Statement] | models.QuerySet[Agreement],
    why: str = "",
    by: AbstractBaseUser | None = None,
) -> int:
    return set_review_status(items=items, status=ReviewStatus.REJECTED, why=why, by=by)


def review_item(
    *, item: Item, status: ReviewStatus, why: str = "", by: AbstractBaseUser | None = None
) -> Item:
    """One item's review decision (a rejection with a short reason); returns the item as saved."""
    set_review_status(items=type(item).objects.filter(pk=item.pk), status=status, why=why, by=by)
    item.refresh_from_db()
    return item


@transaction.atomic
def approve_remaining(
    *, summit: Summit, article=None, why: str = "all remaining", by: AbstractBaseUser | None = None
) -> int:
    """Approve every statement and agreement of ``summit`` (of ``article`` only, if given) that is
    still pending; return how many."""
    approved = 0
    for model in (Statement, Agreement):
        items = model.objects.filter(summit=summit).pending()
        if article is not None:
            items = items.filter(article=article)
        approved += _set_field(
            items,
            field="review_status",
            value=ReviewStatus.APPROVED,
            reason=review_reason(ReviewStatus.APPROVED, why),
            by=by,
        )
    return approved


class EditError(ValueError):
    """An edit the archive cannot take (a span outside its article, an empty name)."""


# What an editor may change on an extracted item, and how the history names each change.
EDITABLE_FIELDS = {
    "review_status": "review",
    "speaker": "speaker",
    "speaker_label": "speaker",
    "kind": "kind",
    "text": "text",
    "start": "span",
    "end": "span",
    "article": "span",
    "topic": "topic",
    "status": "status",
    "exceptions": "exceptions",
    "summit": "summit",
    "countries": "parties",
    "organisations": "parties",
}


def edit_reason(item: Item, changed) -> str:
    """The history's reason for an edit of the fields ``changed`` ("Edited: speaker, span")."""
    changed = list(dict.fromkeys(changed))  # in the order given, each once
    parts = []
    if "review_status" in changed:
        parts.append(review_reason(item.review_status))
    edited = dict.fromkeys(EDITABLE_FIELDS.get(name, name) for name in changed if name != "review_status")
    if edited:
        parts.append("Edited: " + ", ".join(edited))
    return "; ".join(parts) or "Edited"


@transaction.atomic
def save_item(*, item: Item, changed, by: AbstractBaseUser | None = None, why: str = "") -> Item:
    """Save an item whose fields ``changed`` an editor has set (in the admin, the review desk or
    the API), with a history entry that says what changed and why."""
    reason = edit_reason(item, changed)
    if why.strip():
        reason = f"{reason} ({why.strip()})"
    _tag(item, reason=reason, by=by).save()
    public_cache.invalidate()
    return item


def set_speaker(
    *,
    statement: Statement,
    speaker: Participant | None = None,
    new_name: str = "",
    by: AbstractBaseUser | None = None,
) -> Statement:
    """Name who said ``statement``: a person in the archive, or ``new_name`` as a new person."""
    with transaction.atomic():
        if new_name.strip():
            speaker = create_participant(name=new_name, by=by)
        if speaker is None:
            raise EditError("Choose a person, or give the name of a new one.")
        statement.speaker, statement.speaker_label = speaker, ""
        return save_item(item=statement, changed=["speaker"], by=by)


def create_participant(*, name: str, by: AbstractBaseUser | None = None) -> Participant:
    """A new person with a free address of their own ("jane-doe", "jane-doe-2" ...)."""
    name = " ".join(name.split())[: Participant._meta.get_field("name").max_length]
    if not name:
        raise EditError("A person needs a name.")
    base = slugify(name)[:190] or "person"
    slug, n = base, 1
    while (
        Participant.objects.filter(slug=slug).exists()
        or ParticipantRedirect.objects.filter(old_slug=slug).exists()
    ):
        n += 1
        slug = f"{base}-{n}"
    person = Participant(name=name, slug=slug)
    _tag(person, reason="Created by an editor", by=by).save()
    return person


QUOTE_MARKS = "\"'“”‘’«»„"


def set_span(*, item: Item, start: int, end: int, by: AbstractBaseUser | None = None) -> Item:
    """Point ``item`` at ``article.text[start:end]`` (an editor's selection) and take its words
    as the item's text (without the quotation marks around a quotation)."""
    article = item.article
    if article is None:
        raise EditError("This item has no article to select its words in.")
    if not 0 <= start < end <= len(article.text):
        raise EditError(f"A span must lie inside the article (0 to {len(article.text)} characters).")
    selected = article.text[start:end]
    # The offsets follow the words: whitespace and quotation marks at either end are left out.
    lead = len(selected) - len(selected.lstrip(QUOTE_MARKS + " \n\t"))
    trail = len(selected) - len(selected.rstrip(QUOTE_MARKS + " \n\t"))
    if lead + trail >= len(selected):
        raise EditError("Select some words of the article.")
    item.start, item.end = start + lead, end - trail
    item.text = article.text[item.start : item.end]
    return save_item(item=item, changed=["start", "end", "text"], by=by)


def set_kind(*, statement: Statement, kind: str, by: AbstractBaseUser | None = None) -> Statement:
    """A direct quotation or reported speech."""
    statement.kind = Statement.Kind(kind)
    return save_item(item=statement, changed=["kind"], by=by)


# Fields an undo puts back: everything the review desk can change.
UNDOABLE_FIELDS = {
    Statement: ["review_status", "speaker_id", "speaker_label", "kind", "text", "start", "end"],
    Agreement: ["review_status", "text", "start", "end", "status", "topic"],
}


@transaction.atomic
def undo_last_change(*, item: Item, by: AbstractBaseUser | None = None) -> Item:
    """Put ``item`` back as it was before its latest recorded change (itself recorded)."""
    records = list(item.history.order_by("-history_date", "-history_id")[:2])
    if len(records) < 2:
        raise EditError("There is no earlier version of this item to go back to.")
    latest, previous = records
    fields = UNDOABLE_FIELDS[type(item)]
    changed = [name for name in fields if getattr(item, name) != getattr(previous, name)]
    if not changed:
        raise EditError("The latest change cannot be undone here.")
    for name in changed:
        setattr(item, name, getattr(previous, name))
    what = latest.history_change_reason or "the latest change"
    _tag(item, reason=f"Undo: {what}", by=by).save()
    public_cache.invalidate()
    return item


class MergeError(ValueError):
    """Two participants cannot be merged (for instance a person with themself)."""


@transaction.atomic
def merge_participants(
    *, keep: Participant, merge: Participant, by: AbstractBaseUser | None = None
) -> Participant:
    """Fold ``merge`` into ``keep`` and delete ``merge``; nothing it carried is lost.

    ``keep`` receives the other's attendances (where both attended the same summit, ``keep``'s
    attendance stays, its blank role, country and organisation are filled from the other and a
    different role is added to it), statements and aliases; the merged person's name becomes one
    of ``keep``'s aliases, their title is added to ``keep``'s (or fills a blank one), their blank
    country is filled, and their address redirects to ``keep``'s page.
    """
    if keep.pk is None or merge.pk is None or keep.pk == merge.pk:
        raise MergeError("Choose two different, saved participants to merge.")
    locked = Participant.objects.select_for_update().in_bulk([keep.pk, merge.pk])
    if len(locked) != 2:
        raise MergeError("One of the participants no longer exists.")
    keep, merge = locked[keep.pk], locked[merge.pk]
    reason = f"Merged {merge.name} (#{merge.pk}) into {keep.name} (#{keep.pk})"

    _move_attendances(keep=keep, merge=merge, reason=reason, by=by)
    for statement in merge.statements.all():
        statement.speaker = keep
        _tag(statement, reason=reason, by=by).save(update_fields=["speaker", "updated_at"])
    _move_aliases(keep=keep, merge=merge, reason=reason, by=by)

    keep.title = combined(keep.title, merge.title, max_length=Participant._meta.get_field("title").max_length)
    if not keep.country_id and merge.country_id:
        keep.country_id = merge.country_id
    # Saved even with nothing filled, so keep's own history records the merge.
    _tag(keep, reason=reason, by=by).save()

    _move_redirects(keep=keep, merge=merge)
    _tag(merge, reason=reason, by=by).delete()
    public_cache.invalidate()
    return keep


ROLE_SEPARATOR = "; "


def combined(mine: str, theirs: str, *, max_length: int) -> str:
    """Two titles or roles as one, without repeating one already there.

    ``combined("President", "Prime Minister")`` is "President; Prime Minister".
    """
    parts = [part for part in mine.split(ROLE_SEPARATOR) if part]
    for part in theirs.split(ROLE_SEPARATOR):
        if part and part.casefold() not in {p.casefold() for p in parts}:
            parts.append(part)
    joined = ROLE_SEPARATOR.join(parts)
    return joined if len(joined) <= max_length else mine


def _move_redirects(*, keep: Participant, merge: Participant) -> None:
    """The merged person's address, and every address that already led to them, lead to ``keep``."""
    merge.redirects.update(participant=keep)
    ParticipantRedirect.objects.filter(old_slug=keep.slug).delete()
    ParticipantRedirect.objects.update_or_create(old_slug=merge.slug, defaults={"participant": keep})


def _move_attendances(
    *, keep: Participant, merge: Participant, reason: str, by: AbstractBaseUser | None
) -> None:
    kept_by_summit = {attendance.summit_id: attendance for attendance in keep.attendances.all()}
    for attendance in merge.attendances.all():
        kept = kept_by_summit.get(attendance.summit_id)
        if kept is None:
            attendance.participant = keep
            _tag(attendance, reason=reason, by=by).save(update_fields=["participant"])
            continue
        blanks = [
            name
            for name in ("country_id", "organisation_id")
            if not getattr(kept, name) and getattr(attendance, name)
        ]
        for name in blanks:
            setattr(kept, name, getattr(attendance, name))
        role = combined(kept.role, attendance.role, max_length=Attendance._meta.get_field("role").max_length)
        if role != kept.role:
            kept.role = role
            blanks.append("role")
        if blanks:
            _tag(kept, reason=reason, by=by).save(update_fields=blanks)
        _tag(attendance, reason=reason, by=by).delete()


def _move_aliases(*, keep: Participant, merge: Participant, reason: str, by: AbstractBaseUser | None) -> None:
    known = {name_key(keep.name), *keep.alias_set.values_list("key", flat=True)}
    for alias in merge.alias_set.all():
        if alias.key in known:
            # The same spelling is already on the kept person: nothing is lost by dropping it.
            _tag(alias, reason=reason, by=by).delete()
            continue
        alias.participant = keep
        _tag(alias, reason=reason, by=by).save(update_fields=["participant"])
        known.add(alias.key)
    if name_key(merge.name) not in known:
        alias = ParticipantAlias(participant=keep, name=merge.name)
        _tag(alias, reason=reason, by=by).save()


# --- Imports in the background ----------------------------------------------------------------

# What a job's label is cut to when it is an article's first line.
LABEL_LENGTH = 80


def job_label(source: ArticleFile, *, title: str = "") -> str:
    """What a list of import jobs calls one: its title, else the article's first line."""
    if title or source.title:
        return (title or source.title)[: ImportJob._meta.get_field("label").max_length]
    first_line = next((line.strip() for line in source.text.splitlines() if line.strip()), "")
    return first_line if len(first_line) <= LABEL_LENGTH else first_line[: LABEL_LENGTH - 1] + "…"


def queue_import(
    *,
    source: ArticleFile,
    origin: str,
    how: str,
    by: AbstractBaseUser | None = None,
    published: dt.date | None = None,
    url: str = "",
    title: str = "",
    publish: bool = False,
    approve: bool = False,
    update: bool = False,
    allow_no_meeting: bool = False,
) -> ImportJob:
    """Queue an article, already read and checked (``ingest.read_upload``, ``ingest.read_article``),
    for a worker to import with these options, as ``ingest.import_article`` takes them.

    The job keeps the text as it came, so that a worker on any machine can run it; it is handed
    to the task queue once the caller's transaction commits (a worker never looks for a job that
    is not there yet, and a rolled-back job is never queued).
    """
    job = ImportJob.objects.create(
        label=job_label(source, title=title),
        text=source.original,
        encoding=source.encoding,
        origin=origin[: ImportJob._meta.get_field("origin").max_length],
        published=published,
        url=url,
        title=title,
        publish=publish,
        approve=approve,
        update=update,
        allow_no_meeting=allow_no_meeting,
        requested_by=by,
        how=how[: ImportJob._meta.get_field("how").max_length],
    )
    _send_when_committed(job)
    return job


def import_anyway(*, job: ImportJob, by: AbstractBaseUser | None = None) -> ImportJob:
    """A new job for the article of a job refused because it reports no meeting, importing it all
    the same: an editor who read it knows better than the extraction."""
    if job.failure != ImportJob.Failure.REFUSED:
        raise ValueError(f"{job} was not refused for reporting no meeting")
    again = ImportJob.objects.create(
        label=job.label,
        text=job.text,
        encoding=job.encoding,
        origin=job.origin,
        published=job.published,
        url=job.url,
        title=job.title,
        publish=job.publish,
        approve=job.approve,
        update=job.update,
        allow_no_meeting=True,
        requested_by=by,
        how="import in the admin",
    )
    _send_when_committed(again)
    return again


def _send_when_committed(job: ImportJob) -> None:
    # Imported here: the task imports the import service, which imports this module.
    from .tasks import send_to_queue

    transaction.on_commit(partial(send_to_queue, job.pk))
