"""Writes editors make from the admin: publishing summits, reviewing what the extraction
found, and merging duplicate people.

Plain functions with keyword-only arguments, each in one transaction. Every row they touch is
saved through the model (not ``QuerySet.update``) so django-simple-history records the change,
who made it (``by``, or the user of the current request) and why.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models, transaction
from django.utils import timezone

from .models import (
    Agreement,
    Attendance,
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
    return changed


@transaction.atomic
def publish_summits(*, summits: models.QuerySet[Summit], by: AbstractBaseUser | None = None) -> int:
    """Publish the summits not yet published; return how many changed."""
    return _set_field(summits, field="status", value=Summit.Status.PUBLISHED, reason="Published", by=by)


@transaction.atomic
def unpublish_summits(*, summits: models.QuerySet[Summit], by: AbstractBaseUser | None = None) -> int:
    """Take published summits back to draft; return how many changed."""
    return _set_field(summits, field="status", value=Summit.Status.DRAFT, reason="Unpublished", by=by)


@transaction.atomic
def set_review_status(
    *,
    items: models.QuerySet[Statement] | models.QuerySet[Agreement],
    status: ReviewStatus,
    by: AbstractBaseUser | None = None,
) -> int:
    """Give statements or agreements a review status; return how many changed."""
    status = ReviewStatus(status)
    return _set_field(items, field="review_status", value=status, reason=f"Review: {status.label}", by=by)


def approve_items(
    *, items: models.QuerySet[Statement] | models.QuerySet[Agreement], by: AbstractBaseUser | None = None
) -> int:
    return set_review_status(items=items, status=ReviewStatus.APPROVED, by=by)


def reject_items(
    *, items: models.QuerySet[Statement] | models.QuerySet[Agreement], by: AbstractBaseUser | None = None
) -> int:
    return set_review_status(items=items, status=ReviewStatus.REJECTED, by=by)


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
