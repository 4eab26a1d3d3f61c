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

from . import matching, public_cache
from .models import (
    Agreement,
    AgreementSource,
    Article,
    Attendance,
    ImportJob,
    Participant,
    ParticipantAlias,
    ParticipantMatch,
    ParticipantRedirect,
    ReviewStatus,
    Statement,
    StatementSource,
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


# --- Several reports of one meeting -----------------------------------------------------------------
#
# The import proposes (a probable duplicate, a summit for an article, two spellings of one person);
# an editor decides here. Whatever is folded together keeps the editor's earlier decisions: the item
# merged into keeps its review status, text and speaker, and only gains sources.

SOURCE_MODELS = {Statement: StatementSource, Agreement: AgreementSource}
# What a copy of an item leaves out: its identity, where it is and what the database fills in
# (the search vector is computed for the copy once it is saved).
NOT_COPIED = {
    "id",
    "summit",
    "article",
    "start",
    "end",
    "probable_duplicate_of",
    "created_at",
    "updated_at",
    "search_vector",
}


def _item_name(item: Item) -> str:
    """ "statement #12": how the history names an item."""
    return f"{item._meta.verbose_name} #{item.pk}"


def _add_source(*, item: Item, article_id: int, start: int, end: int, text: str, reason: str, by) -> None:
    source_model = SOURCE_MODELS[type(item)]
    source = source_model(
        **{item._meta.model_name: item}, article_id=article_id, start=start, end=end, text=text
    )
    _tag(source, reason=reason, by=by).save()


def _reports_of(item: Item) -> list[tuple[int, int, int, str]]:
    """``item``'s reports as (article id, start, end, text): its own first, then its further
    sources. An item with no span in its article has no first report to hand over."""
    own = [(item.article_id, item.start, item.end, item.text)] if item.start is not None else []
    further = [
        (s.article_id, s.start, s.end, s.text) for s in item.further_sources.order_by("created_at", "pk")
    ]
    return own + further


@transaction.atomic
def merge_duplicate(*, item: Item, into: Item, by: AbstractBaseUser | None = None) -> Item:
    """Fold ``item`` into ``into``, an item of the same summit that reports the same thing.

    ``item``'s reports (its article and span, and its own further sources) become further
    sources of ``into``, except an article ``into`` already has; the items that were proposed as
    duplicates of ``item`` are proposed as duplicates of ``into``; then ``item`` is deleted.
    ``into`` keeps its review status, text and speaker: the editor's decisions stand.
    """
    if type(item) is not type(into):
        raise EditError("A statement merges into a statement, an agreement into an agreement.")
    if item.pk == into.pk:
        raise EditError("An item cannot be merged into itself.")
    model = type(item)
    locked = model.objects.select_for_update().in_bulk([item.pk, into.pk])
    if len(locked) != 2:
        raise EditError("One of the two items is no longer in the archive.")
    item, into = locked[item.pk], locked[into.pk]
    if item.summit_id != into.summit_id:
        raise EditError("Only items of the same summit can be merged.")
    reason = f"Merged into {_item_name(into)}"
    _fold(item=item, into=into, reason=reason, by=by)
    _tag(into, reason=f"Merged {_item_name(item)} into it", by=by).save(
        update_fields=["probable_duplicate_of", "updated_at"]
    )
    _tag(item, reason=reason, by=by).delete()
    public_cache.invalidate()
    return into


def _fold(*, item: Item, into: Item, reason: str, by) -> None:
    """Hand ``item``'s reports and its proposed duplicates to ``into`` (``item`` is deleted next)."""
    taken = {into.article_id, *into.further_sources.values_list("article_id", flat=True)}
    for article_id, start, end, text in _reports_of(item):
        if article_id not in taken:
            _add_source(
                item=into, article_id=article_id, start=start, end=end, text=text, reason=reason, by=by
            )
            taken.add(article_id)
    for source in item.further_sources.all():
        _tag(source, reason=reason, by=by).delete()
    for duplicate in type(item).objects.filter(probable_duplicate_of=item):
        duplicate.probable_duplicate_of = None if duplicate.pk == into.pk else into
        _tag(duplicate, reason=reason, by=by).save(update_fields=["probable_duplicate_of", "updated_at"])
        if duplicate.pk == into.pk:
            into.probable_duplicate_of = None


@transaction.atomic
def dismiss_duplicate(*, item: Item, by: AbstractBaseUser | None = None) -> Item:
    """An editor says ``item`` does not repeat the item the import proposed: the proposal goes."""
    item = type(item).objects.select_for_update().get(pk=item.pk)
    if item.probable_duplicate_of_id is None:
        raise EditError("No duplicate is proposed for this item (any more).")
    reason = f"Not a duplicate of {item._meta.verbose_name} #{item.probable_duplicate_of_id}"
    item.probable_duplicate_of = None
    _tag(item, reason=reason, by=by).save(update_fields=["probable_duplicate_of", "updated_at"])
    return item


def _copy_item(item: Item, *, summit: Summit, article_id: int, start: int, end: int, text: str) -> Item:
    """A new item of ``summit`` saying what ``item`` says, as the report at ``article_id`` has it
    (its offsets and its words), with ``item``'s review status and the editor's other fields."""
    model = type(item)
    fields = {
        field.attname: getattr(item, field.attname)
        for field in model._meta.concrete_fields
        if field.name not in NOT_COPIED
    }
    fields.update(summit=summit, article_id=article_id, start=start, end=end, text=text)
    return model(**fields)


def _save_copy(copy: Item, *, original: Item, reason: str, by) -> Item:
    _tag(copy, reason=reason, by=by).save()
    for field in original._meta.many_to_many:
        getattr(copy, field.name).set(getattr(original, field.name).all())
    return copy


@transaction.atomic
def move_article(
    *, article: Article, from_summit: Summit, to_summit: Summit, by: AbstractBaseUser | None = None
) -> Summit:
    """Take ``article`` out of ``from_summit`` and file it under ``to_summit``, with its items.

    An item the article alone reports moves. An item that other articles of ``from_summit``
    report too stays, first reported by the earliest of them, and the article's report becomes a
    new item of ``to_summit`` (with the item's fields and review status); so does each further
    source that the article gives to an item staying behind. What arrives with the same words as
    an item ``to_summit`` already holds is merged into it as a further source (``to_summit``'s
    decisions stand). Speakers who did not attend ``to_summit`` are given an attendance there.
    """
    if from_summit.pk == to_summit.pk:
        raise EditError("Choose another summit than the one the article is in.")
    if not from_summit.articles.filter(pk=article.pk).exists():
        raise EditError(f"{article} is not an article of {from_summit}.")
    reason = f"Article #{article.pk} moved to summit #{to_summit.pk}"[:REASON_MAX_LENGTH]
    arrived = []
    for model in (Statement, Agreement):
        arrived += _move_items(
            model, article=article, from_summit=from_summit, to_summit=to_summit, reason=reason, by=by
        )
    _merge_same_words(arrived, summit=to_summit, by=by)
    _give_attendances(
        [item for item in arrived if isinstance(item, Statement)],
        from_summit=from_summit,
        to_summit=to_summit,
        reason=reason,
        by=by,
    )
    from_summit.articles.remove(article)
    to_summit.articles.add(article)
    # saved (their updated_at only) so that each summit's history records the move
    _tag(from_summit, reason=reason, by=by).save(update_fields=["updated_at"])
    _tag(to_summit, reason=f"Article #{article.pk} attached from summit #{from_summit.pk}", by=by).save(
        update_fields=["updated_at"]
    )
    public_cache.invalidate()
    return to_summit


def _move_items(model, *, article: Article, from_summit: Summit, to_summit: Summit, reason: str, by) -> list:
    """Move or copy into ``to_summit`` what ``article`` reports of ``from_summit``'s ``model``
    items; return the items that arrived there."""
    arrived = []
    items = model.objects.filter(summit=from_summit).select_for_update()
    for item in items.filter(article=article):
        copy = _copy_item(
            item, summit=to_summit, article_id=article.pk, start=item.start, end=item.end, text=item.text
        )
        first = item.hand_over_first_report()
        if first is None:
            item.summit = to_summit
            item.probable_duplicate_of = None  # a proposal is about items of one summit
            _tag(item, reason=reason, by=by).save(
                update_fields=["summit", "probable_duplicate_of", "updated_at"]
            )
            arrived.append(item)
            continue
        _tag(first, reason=reason, by=by).delete()
        _tag(item, reason=reason, by=by).save(update_fields=["article", "start", "end", "text", "updated_at"])
        arrived.append(_save_copy(copy, original=item, reason=reason, by=by))
    source_model = SOURCE_MODELS[model]
    field = model._meta.model_name
    for source in source_model.objects.filter(
        article=article, **{f"{field}__summit": from_summit}
    ).select_related(field):
        item = getattr(source, field)
        copy = _copy_item(
            item,
            summit=to_summit,
            article_id=article.pk,
            start=source.start,
            end=source.end,
            text=source.text,
        )
        _tag(source, reason=reason, by=by).delete()
        arrived.append(_save_copy(copy, original=item, reason=reason, by=by))
    # proposals that pointed across to an item now of another summit go
    for left in model.objects.filter(summit=from_summit, probable_duplicate_of__summit=to_summit):
        left.probable_duplicate_of = None
        _tag(left, reason=reason, by=by).save(update_fields=["probable_duplicate_of", "updated_at"])
    return arrived


def _merge_same_words(arrived: list, *, summit: Summit, by) -> None:
    """Merge each item that ``arrived`` in ``summit`` into an item it already held with the same
    words (the one kept is the summit's: its decisions stand)."""
    new_pks = {(type(item), item.pk) for item in arrived}
    for model in (Statement, Agreement):
        held = [item for item in model.objects.filter(summit=summit) if (model, item.pk) not in new_pks]
        for item in (i for i in arrived if type(i) is model):
            into = next((h for h in held if matching.same_words(h.text, item.text)), None)
            if into is not None:
                merge_duplicate(item=item, into=into, by=by)
                item.pk = None  # merged: gone


def _give_attendances(statements: list, *, from_summit: Summit, to_summit: Summit, reason: str, by) -> None:
    """An attendance at ``to_summit`` for each speaker of ``statements`` who has none there, with
    the role and country of their attendance at ``from_summit``."""
    speaker_ids = {s.speaker_id for s in statements if s.pk is not None and s.speaker_id is not None}
    present = set(
        to_summit.attendances.filter(participant__in=speaker_ids).values_list("participant", flat=True)
    )
    before = {a.participant_id: a for a in from_summit.attendances.filter(participant__in=speaker_ids)}
    for speaker_id in sorted(speaker_ids - present):
        old = before.get(speaker_id)
        attendance = Attendance(
            summit=to_summit,
            participant_id=speaker_id,
            role=old.role if old else "",
            country_id=old.country_id if old else None,
            organisation_id=old.organisation_id if old else None,
        )
        _tag(attendance, reason=reason, by=by).save()


@transaction.atomic
def split_article(*, article: Article, from_summit: Summit, by: AbstractBaseUser | None = None) -> Summit:
    """File ``article`` under a new draft summit of its own, at the date and place of
    ``from_summit`` (its title followed by the article's outlet or title), with the article's
    items and attendances for the people who speak in them; return the new summit."""
    if not from_summit.articles.filter(pk=article.pk).exists():
        raise EditError(f"{article} is not an article of {from_summit}.")
    label = article.outlet or str(article)
    max_length = Summit._meta.get_field("title").max_length
    title = f"{from_summit.title} ({label})"
    if len(title) > max_length:
        title = f"{from_summit.title[: max_length - len(label) - 4]}… ({label})"[:max_length]
    summit = Summit(
        title=title,
        slug=_free_summit_slug(title),
        status=Summit.Status.DRAFT,
        **{name: getattr(from_summit, name) for name in SPLIT_COPIED},
    )
    _tag(summit, reason=f"Split off from summit #{from_summit.pk} with article #{article.pk}", by=by).save()
    return move_article(article=article, from_summit=from_summit, to_summit=summit, by=by)


# What a summit split off from another shares with it: when and where.
SPLIT_COPIED = [
    "start_date",
    "end_date",
    "date_precision",
    "date_text",
    "kind",
    "venue",
    "city",
    "country_id",
]


def _free_summit_slug(title: str) -> str:
    max_length = Summit._meta.get_field("slug").max_length
    base = slugify(title.replace("–", " ").replace("—", " "))[: max_length - 6].strip("-") or "summit"
    taken = set(Summit.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    return slug


# --- Proposed participant matches -----------------------------------------------------------------


def _open_match(match: ParticipantMatch) -> ParticipantMatch:
    """``match`` locked and still open, or an EditError saying why it is not (a stale page)."""
    current = ParticipantMatch.objects.select_for_update().filter(pk=match.pk).first()
    if current is None:
        raise EditError(
            f"The proposal {match} is gone: one of the two people was merged or deleted meanwhile."
        )
    if current.status != ParticipantMatch.Status.PROPOSED:
        raise EditError(
            f"The proposal {current} was already decided ({current.get_status_display().lower()})."
        )
    if (current.participant_id, current.candidate_id) != (match.participant_id, match.candidate_id):
        # carried over to the person kept by a merge since the editor saw it
        raise EditError(f"The proposal {match} changed meanwhile (it is now {current}): look at it again.")
    return current


@transaction.atomic
def accept_participant_match(*, match: ParticipantMatch, by: AbstractBaseUser | None = None) -> Participant:
    """The two are one person: merge the proposed participant into the candidate (kept) with
    ``merge_participants``; return the person kept.

    The proposal is marked merged, and then goes with the merged person (its row cascades);
    the merge stays in both people's history. Other open proposals about the merged person
    are carried over to the person kept.
    """
    match = _open_match(match)
    keep, merge = match.candidate, match.participant
    match.status = ParticipantMatch.Status.MERGED
    match.save(update_fields=["status"])
    _carry_matches(keep=keep, merge=merge)
    return merge_participants(keep=keep, merge=merge, by=by)


def _carry_matches(*, keep: Participant, merge: Participant) -> None:
    """Open proposals naming ``merge`` name ``keep`` instead, unless that pairs ``keep`` with
    itself or repeats a proposal already made."""
    pairs = set(ParticipantMatch.objects.values_list("participant", "candidate"))
    others = ParticipantMatch.objects.open().filter(models.Q(participant=merge) | models.Q(candidate=merge))
    for other in others:
        pair = tuple(keep.pk if pk == merge.pk else pk for pk in (other.participant_id, other.candidate_id))
        if pair[0] == pair[1] or pair in pairs:
            continue
        other.participant_id, other.candidate_id = pair
        other.save(update_fields=["participant", "candidate"])
        pairs.add(pair)


@transaction.atomic
def dismiss_participant_match(
    *, match: ParticipantMatch, by: AbstractBaseUser | None = None
) -> ParticipantMatch:
    """The two are different people: the proposal is closed and not made again."""
    match = _open_match(match)
    match.status = ParticipantMatch.Status.DISMISSED
    match.save(update_fields=["status"])
    return match


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
