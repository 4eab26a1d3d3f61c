"""The import service: what the extraction found in an article, written into the archive.

One transaction per article. Importing the same text again changes nothing; importing it with
``update=True`` refreshes only the statements and agreements no one has changed since they were
extracted (each keeps a fingerprint of its extracted content) and never brings back one an
editor rejected. People and summits already in the archive are found again, not duplicated.

The management command ``import_article`` and the import jobs that the admin's "Import article"
page and ``import_article --queue`` leave for a worker (``summits.tasks``) all call
:func:`import_article`; :func:`read_article` and :func:`read_upload` read files and uploads the
same way (encodings, markup and wrappers, through ``summits.reading``) and apply the same checks.
The admin's "Re-run extraction" page calls :func:`reextract_article`, the same update on an article
already in the archive, read from its stored text.
An import that collides with another one running at the same moment (both creating the same new
person) is retried whole, and then finds what the other one wrote.
"""

from __future__ import annotations

import calendar
import contextlib
import datetime as dt
import hashlib
import json
import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, IntegrityError, InterfaceError, OperationalError, connection, transaction
from django.db.models import F, Prefetch, Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.text import slugify
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from . import matching, public_cache, reading, services
from .extraction.meeting_kind import meeting_kind
from .extraction.result import AgreementFound, Extraction, ParticipantFound, StatementFound, SummitFound
from .models import (
    Agreement,
    Article,
    Attendance,
    Country,
    Organisation,
    Participant,
    ParticipantAlias,
    ParticipantMatch,
    ParticipantRedirect,
    ReviewStatus,
    Statement,
    Summit,
    Topic,
    is_web_url,
    name_key,
    text_sha256,
)
from .search import refresh_search_index

logger = logging.getLogger(__name__)

CREATED = "created"
UPDATED = "updated"
UNCHANGED = "unchanged"
# What the log says of an article that was not imported.
REFUSED = "refused"  # it reports no meeting (NoMeeting)
FAILED = "failed"  # rejected, or an error

# How often one article's transaction is tried when a concurrent import wins a unique key.
IMPORT_ATTEMPTS = 3


class ArticleRejected(Exception):
    """An article the archive does not take; the message is the reason, in one line."""


class NoMeeting(ArticleRejected):
    """An article that reports no meeting between two or more parties (``Extraction.refusal``);
    an editor who knows better imports it anyway with ``allow_no_meeting``."""


@dataclass(frozen=True)
class Provenance:
    """Who imported an article, and how: what every history row the import writes records."""

    by: object | None = None  # the user, or None for the command line
    how: str = "import"

    @property
    def reason(self) -> str:
        return f"{self.how.capitalize()} (extractor {extractor_version()})"[:100]

    def tag(self, obj):
        """Mark ``obj`` so that its next history row names this import."""
        obj._change_reason = self.reason
        if self.by is not None:
            obj._history_user = self.by
        return obj

    def bulk_create(self, objs: list, model) -> None:
        bulk_create_with_history(objs, model, default_user=self.by, default_change_reason=self.reason)

    def bulk_update(self, objs: list, model, fields: list[str]) -> None:
        bulk_update_with_history(objs, model, fields, default_user=self.by, default_change_reason=self.reason)


# What a re-import did with one statement or agreement (``ItemChange.action``).
ADDED = "added"  # found now and not before: created
REFRESHED = "refreshed"  # untouched since extracted: replaced by what the extraction finds now
SAME = "same"  # untouched, and found again just as it is
KEPT = "kept"  # found again, but an editor reviewed or edited it: left as the editor left it
LEFT = "left"  # no longer found, but an editor reviewed or edited it: left in place
SKIPPED = "skipped"  # found again, but an editor rejected or deleted it: not made again
MERGED = "merged"  # another report of the summit holds it: this article is added as a further source
REMOVED = "removed"  # untouched and no longer found: deleted
HANDED_OVER = (
    "handed over"  # untouched and no longer found, but another report gives it: kept, from that report
)


@dataclass
class ItemChange:
    """One statement or agreement in a re-import, for showing an editor what a re-run does."""

    action: str
    model: str  # "statement" or "agreement"
    text: str  # as stored; for ADDED, as found
    new_text: str = ""  # REFRESHED: the text as found now
    changed: tuple[str, ...] = ()  # REFRESHED: the fields that differ
    review_status: str = ""  # of the stored item
    edited: bool = False  # the stored item's content differs from what was extracted
    pk: int | None = None  # the stored item; None for ADDED and for deleted ones


@dataclass
class ImportResult:
    """What one import did. ``status`` is "created", "updated" or "unchanged"."""

    status: str
    article: Article
    summit: Summit | None = None
    summit_created: bool = False
    summit_match: str = ""  # why the article joined a summit already in the archive
    participants_created: int = 0
    participants_proposed: int = 0  # new people perhaps another spelling of someone in the archive
    added: int = 0  # statements and agreements created
    refreshed: int = 0  # untouched items refreshed from the new extraction
    kept: int = 0  # items an editor changed, left as they are
    skipped: int = 0  # items the new extraction found again but an editor had rejected
    removed: int = 0  # untouched items the new extraction no longer finds
    merged: int = 0  # items another report of the summit holds: added to them as further sources
    duplicates_proposed: int = 0  # items added, marked as probably repeating another report's
    changes: list[ItemChange] = field(default_factory=list)  # item by item, on update only

    def counts(self) -> dict[str, int]:
        """What the import did, in numbers: for the log, the import job and scripts."""
        names = ["added", "refreshed", "kept", "skipped", "removed", "merged", "duplicates_proposed"]
        names += ["participants_created", "participants_proposed"]
        return {name: getattr(self, name) for name in names}


# --- Checking the input ---------------------------------------------------------------------------


def check_size(size: int) -> None:
    """Refuse more bytes than an article can have (SUMMITS_MAX_ARTICLE_BYTES)."""
    if size > settings.SUMMITS_MAX_ARTICLE_BYTES:
        raise ArticleRejected(
            f"too large: {size} bytes, an article may have at most {settings.SUMMITS_MAX_ARTICLE_BYTES}"
        )


def check_text(text: str) -> str:
    """The text if the archive can take it as an article; raises ArticleRejected otherwise."""
    if not text or not text.strip():
        raise ArticleRejected("empty: there is no text")
    check_size(len(text.encode("utf-8")))
    return text


def check_url(url: str) -> str:
    """A source URL readers may follow: http or https only, never javascript: or data:."""
    if url and not is_web_url(url):
        raise ArticleRejected(f"not an http or https URL: {url[:80]!r}")
    return url


def _read(read, content) -> reading.ArticleFile:
    try:
        source = read(content)
    except reading.Unreadable as exc:
        raise ArticleRejected(str(exc)) from None
    check_text(source.text)
    return source


def read_upload(data: bytes) -> reading.ArticleFile:
    """An uploaded file's bytes read as an article (any encoding, HTML, wire wrappers); checked."""
    check_size(len(data))
    return _read(reading.read_bytes, data)


def read_pasted(text: str) -> reading.ArticleFile:
    """Text given as a string (pasted in the admin, or by a caller) read as an article; checked.

    Browsers send every line break of a form field as CRLF: those are no part of the article.
    """
    check_text(text)
    return _read(reading.read_text, reading.normalise_newlines(text))


def read_again(original: str) -> reading.ArticleFile:
    """An article read once already and kept as it came (``ArticleFile.original``, which a queued
    import job holds), read again the same way; checked."""
    check_text(original)
    return _read(reading.read_text, original)


def read_article(path: Path) -> reading.ArticleFile:
    """An article file, read and checked; raises ArticleRejected with the reason."""
    try:
        check_size(path.stat().st_size)  # before reading a huge file into memory
        data = path.read_bytes()
    except FileNotFoundError:
        raise ArticleRejected("no such file") from None
    except IsADirectoryError:
        raise ArticleRejected("is a directory") from None
    except OSError as exc:
        raise ArticleRejected(f"cannot be read ({exc.strerror or exc})") from None
    return read_upload(data)


def check_meeting(extraction: Extraction, *, allow_no_meeting: bool = False) -> Extraction:
    """The extraction, unless it found that the article reports no meeting between two or more
    parties (a domestic speech, a factory visit): then NoMeeting with the extraction's reason,
    unless ``allow_no_meeting`` (an editor knows better)."""
    if extraction.refusal and not allow_no_meeting:
        raise NoMeeting(extraction.refusal)
    return extraction


def run_extraction(
    text: str, *, published: dt.date | None = None, byline: str | None = None, title: str | None = None
) -> Extraction:
    # Imported here, not at the top: loading spaCy is slow and most callers never need it.
    from .extraction import extract

    return extract(text, published=published, byline=byline, title=title)


def extractor_version() -> str:
    try:
        from .extraction import EXTRACTOR_VERSION
    except ImportError:  # the pipeline is not installed yet: the field stays blank
        return ""
    return str(EXTRACTOR_VERSION)[: Article._meta.get_field("extractor_version").max_length]


def preview(source: reading.ArticleFile | str, *, published: dt.date | None = None) -> Extraction:
    """Check and extract without writing anything (``import_article --dry-run``).

    An article that reports no meeting is previewed all the same: its ``refusal`` says why the
    import would refuse it, and the caller shows it."""
    if isinstance(source, str):
        source = read_pasted(source)
    return run_extraction(
        source.text, published=published or source.published, byline=source.byline, title=source.title
    )


# --- Fingerprints ---------------------------------------------------------------------------------


def where_it_would_go(
    source: reading.ArticleFile, extraction: Extraction, *, published: dt.date | None = None
) -> str:
    """Where importing the article would file it, and why, in one line for a preview: the import
    is run in a transaction rolled back, so nothing is written. Without a database to ask (a
    preview on a machine with none), says so."""
    try:
        existing = Article.objects.filter(sha256=text_sha256(source.text)).first()
        if existing is not None:
            return f"already in the archive (article {existing.pk}); nothing would change"
        result = _import_once(
            source,
            extraction,
            None,
            published or source.published or extraction.article.published,
            "",
            "",
            publish=False,
            provenance=Provenance(how="preview"),
            dry_run=True,
        )
    except DatabaseError as exc:
        return (
            f"where it would go is not known: the archive cannot be read ({str(exc).strip().splitlines()[0]})"
        )
    if result.summit_created:
        return "would make a new summit: none in the archive shares its people or words at its date and place"
    found = f"; {result.merged} of its items found in other reports" if result.merged else ""
    return f"would join “{result.summit}”: it {result.summit_match}{found}"


def _digest(*parts) -> str:
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False, default=str).encode("utf-8")).hexdigest()


def statement_fingerprint(statement: Statement) -> str:
    """The hash of a statement's content, from its current field values.

    Stored as ``fingerprint`` when the statement is extracted; computed again on re-import,
    it differs from the stored one once anybody has changed the statement, wherever they did.
    """
    return _digest(
        "statement",
        statement.text,
        statement.speaker_id,
        statement.speaker_label,
        statement.kind,
        statement.start,
        statement.end,
    )


def agreement_fingerprint(agreement: Agreement, parties: Iterable[str]) -> str:
    """The hash of an agreement's content; ``parties`` are its ISO codes and organisations."""
    return _digest(
        "agreement",
        agreement.text,
        agreement.topic,
        agreement.status,
        agreement.exceptions,
        sorted(parties),
        agreement.start,
        agreement.end,
    )


# --- The service ----------------------------------------------------------------------------------


def import_article(
    *,
    text: str | reading.ArticleFile,
    published: dt.date | None = None,
    url: str = "",
    title: str = "",
    publish: bool = False,
    update: bool = False,
    extraction: Extraction | None = None,
    allow_no_meeting: bool = False,
    approve: bool = False,
    provenance: Provenance | None = None,
    origin: str = "",
) -> ImportResult:
    """Import one article: read and check it, extract it (unless ``extraction`` is given), write it.

    ``text`` is the article as a string, or a file already read (``read_article``, ``read_upload``).
    Raises ArticleRejected for input the archive does not take, and NoMeeting (one of them) for an
    article that reports no meeting unless ``allow_no_meeting``; nothing is written then.

    What the extraction found awaits an editor's review (readers see approved items only),
    also when it joins a published summit; ``approve`` approves it at once (a demonstration, a
    trusted source), recorded in the history like every row the import writes, with
    ``provenance``: who imported it and how.

    Each import is logged as one record (``article_imported``, or ``article_failed`` when it
    raises), naming ``origin``: the file, or where the text came from.
    """
    outcome = ImportLog(origin=origin or "unnamed text")
    try:
        source = read_pasted(text) if isinstance(text, str) else text
        outcome.sha256 = text_sha256(source.text)
        result = _import_article(
            source,
            published=published,
            url=url,
            title=title,
            publish=publish,
            update=update,
            extraction=extraction,
            allow_no_meeting=allow_no_meeting,
            approve=approve,
            provenance=provenance or Provenance(),
        )
    except Exception as exc:
        outcome.log_failure(exc)
        raise
    outcome.log_result(result)
    return result


def database_unavailable(exc: BaseException) -> bool:
    """Whether an import failed because the database went away (a restart, a dropped
    connection), not because of the article: retrying it later, as it is, may succeed."""
    return isinstance(exc, OperationalError | InterfaceError)


def drop_connection() -> None:
    """Close the database connection an error came on, so that the next query opens a new one
    (Django reconnects only a closed connection). Inside a caller's transaction (a test's), the
    caller decides."""
    if connection.in_atomic_block:
        return
    with contextlib.suppress(DatabaseError):  # closing a connection the server has dropped may complain
        connection.close()


@dataclass
class ImportLog:
    """What the log says about one import: the file, its hash, the time it took."""

    origin: str
    sha256: str = ""
    started: float = field(default_factory=time.monotonic)

    def fields(self, status: str) -> dict:
        return {
            "file": self.origin,
            "sha256": self.sha256,
            "status": status,
            "seconds": round(time.monotonic() - self.started, 3),
            "extractor_version": extractor_version(),
        }

    def log_result(self, result: ImportResult) -> None:
        record = self.fields(result.status) | {
            "event": "article_imported",
            "summit": getattr(result.summit, "slug", None),
            "summit_match": result.summit_match,
            **result.counts(),
        }
        logger.info("%s: %s", self.origin, result.status, extra=record)

    def log_failure(self, exc: Exception) -> None:
        message = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
        if isinstance(exc, NoMeeting):  # the article's own content, not an error
            record = self.fields(REFUSED) | {"event": "article_imported", "reason": message}
            logger.info("%s: refused (%s)", self.origin, message, extra=record)
            return
        record = self.fields(FAILED) | {
            "event": "article_failed",
            "error": type(exc).__name__,
            "error_message": message,
            "database_unavailable": database_unavailable(exc),
        }
        # A traceback only for what nobody expects: a rejected file or a database that went
        # away is said in one line.
        rejected = isinstance(exc, ArticleRejected)
        unexpected = not rejected and not database_unavailable(exc)
        logger.log(
            logging.WARNING if rejected else logging.ERROR,
            "%s: failed (%s: %s)",
            self.origin,
            type(exc).__name__,
            message,
            extra=record,
            exc_info=unexpected,
        )


def _import_article(
    source: reading.ArticleFile,
    *,
    published: dt.date | None,
    url: str,
    title: str,
    publish: bool,
    update: bool,
    extraction: Extraction | None,
    allow_no_meeting: bool,
    approve: bool,
    provenance: Provenance,
) -> ImportResult:
    check_url(url)
    published = published or source.published
    sha256 = text_sha256(source.text)
    existing = Article.objects.filter(sha256=sha256).first()
    if existing is not None and not update:
        return _unchanged(existing)
    if extraction is None:
        extraction = run_extraction(
            source.text, published=published, byline=source.byline, title=source.title
        )
    check_meeting(extraction, allow_no_meeting=allow_no_meeting)
    published = published or extraction.article.published
    for attempt in range(1, IMPORT_ATTEMPTS + 1):
        try:
            return _import_once(
                source,
                extraction,
                existing,
                published,
                url,
                title,
                publish=publish,
                approve=approve,
                provenance=provenance,
            )
        except IntegrityError:
            # Another import committed the same new person or summit first: the next attempt,
            # in a new transaction, finds what it wrote.
            if attempt == IMPORT_ATTEMPTS:
                raise
            logger.info("import of article %s collided with another; trying again", sha256[:12])
            existing = Article.objects.filter(sha256=sha256).first()
            if existing is not None and not update:
                return _unchanged(existing)
    raise AssertionError("unreachable")


def extract_again(article: Article) -> Extraction:
    """What the extraction finds today in an article already in the archive.

    It reads the stored text with the stored metadata, which the first import took from the
    file, the editor or the extraction itself."""
    return run_extraction(
        article.text,
        published=article.published,
        byline=article.byline or None,
        title=article.title or None,
    )


def reextract_article(
    article: Article,
    *,
    extraction: Extraction | None = None,
    dry_run: bool = False,
    provenance: Provenance | None = None,
) -> ImportResult:
    """Extract an article in the archive again and reconcile, as ``import_article(update=True)``
    does: untouched items are refreshed, what editors reviewed, edited, rejected or deleted is
    left as they left it. ``result.changes`` lists what happened to each item.

    An article the extraction now finds reports no meeting is reconciled all the same: an editor
    imported it. ``dry_run`` writes in a transaction that is rolled back, so the result is what a
    re-run would do and the archive is unchanged.
    """
    if extraction is None:
        extraction = extract_again(article)
    for attempt in range(1, IMPORT_ATTEMPTS + 1):
        try:
            return _import_once(
                None,
                extraction,
                article,
                None,
                "",
                "",
                publish=False,
                provenance=provenance or Provenance(how="re-run of the extraction"),
                dry_run=dry_run,
            )
        except IntegrityError:
            if attempt == IMPORT_ATTEMPTS:
                raise
            logger.info("re-extraction of article %s collided with another; trying again", article.pk)
    raise AssertionError("unreachable")


def _import_once(
    source: reading.ArticleFile | None,  # None only for an existing article
    extraction: Extraction,
    existing: Article | None,
    published: dt.date | None,
    url: str,
    title: str,
    *,
    publish: bool,
    approve: bool = False,
    provenance: Provenance,
    dry_run: bool = False,
) -> ImportResult:
    """One try at writing the article in one transaction; an IntegrityError leaves nothing.

    ``dry_run`` (updates only) rolls the transaction back: the result says what was not written.
    """
    with transaction.atomic():
        if existing is not None:
            article = Article.objects.select_for_update().get(pk=existing.pk)
            result = _update(
                article, extraction, published=published, url=url, title=title, provenance=provenance
            )
        else:
            result = _create(source, extraction, published, url, title, provenance=provenance)
        if result.status != UNCHANGED:
            _review_and_publish(result, publish=publish, approve=approve, provenance=provenance)
            # Most of an import is written in bulk, past the cache's receivers.
            public_cache.invalidate()
        if dry_run:
            transaction.set_rollback(True)
        return result


def _create(
    source: reading.ArticleFile,
    extraction: Extraction,
    published: dt.date | None,
    url: str,
    title: str,
    *,
    provenance: Provenance,
) -> ImportResult:
    article = Article(
        text=source.text,
        original=source.original if source.original != source.text else "",
        source_format=source.format[:40],
        title=(title or source.title or extraction.article.title or "")[:300],
        url=url or source.url or "",
        outlet=(source.outlet or "")[:200],
        byline=(source.byline or extraction.article.byline or "")[:300],
        published=published,
        extractor_version=extractor_version(),
        incomplete=list(extraction.incomplete),
    )
    try:
        # A savepoint: when another import of the same text commits first, the unique
        # constraint on sha256 refuses this one and the transaction stays usable.
        with transaction.atomic():
            provenance.tag(article).save()
    except IntegrityError:
        winner = Article.objects.filter(sha256=article.sha256).first()
        if winner is None:
            raise
        return _unchanged(winner)
    result = ImportResult(status=CREATED, article=article)
    _write(result, extraction, summit=None, provenance=provenance)
    return result


def _review_and_publish(
    result: ImportResult, *, publish: bool, approve: bool, provenance: Provenance
) -> None:
    """``approve``: this article's items are approved at once; ``publish``: the summit is
    published, with what is still pending kept from readers until an editor approves it."""
    if approve:
        services.approve_remaining(
            summit=result.summit, article=result.article, by=provenance.by, why=provenance.how
        )
    if publish:
        services.publish_summits(
            summits=Summit.objects.filter(pk=result.summit.pk), approve_pending=False, by=provenance.by
        )
        result.summit.refresh_from_db(fields=["status", "updated_at"])


def _unchanged(article: Article) -> ImportResult:
    return ImportResult(status=UNCHANGED, article=article, summit=article.summits.first())


def _update(
    article: Article, extraction: Extraction, *, published, url: str, title: str, provenance: Provenance
) -> ImportResult:
    article.extractor_version = extractor_version()
    article.published = published or article.published
    article.url = url or article.url
    article.title = (title or article.title or extraction.article.title or "")[:300]
    article.incomplete = list(extraction.incomplete)
    provenance.tag(article).save(
        update_fields=["extractor_version", "published", "url", "title", "incomplete"]
    )
    result = ImportResult(status=UPDATED, article=article)
    _write(result, extraction, summit=article.summits.first(), provenance=provenance)
    return result


@dataclass
class _Context:
    """What one import has looked up: countries, organisations, the people resolved."""

    countries: dict[str, Country]
    organisations: dict[str, Organisation]
    people: list[tuple[ParticipantFound, Participant, set[str]]]
    speakers: dict[str, Participant]
    provenance: Provenance
    # a new participant whose name may be another spelling of one in the archive, with that one
    proposed: list[tuple[Participant, Participant]] = field(default_factory=list)


def _write(
    result: ImportResult, extraction: Extraction, *, summit: Summit | None, provenance: Provenance
) -> None:
    article = result.article
    context = _lookups(extraction, result, provenance)
    if summit is None and (match := _find_summit(extraction, context)) is not None:
        summit = match.summit
        result.summit_match = article.summit_match = match.reason
        article.save(update_fields=["summit_match"])
    if summit is None:
        summit = _create_summit(extraction, context, article.text)
        result.summit_created = True
    result.summit = summit
    summit.articles.add(article)
    _add_topics(summit, extraction.summit.topics)
    _add_attendances(summit, context, summit_is_new=result.summit_created)

    statements = [
        _new_statement(found, summit, article, context) for found in _said_once(extraction.statements)
    ]
    agreements = [
        _new_agreement(found, summit, article, context) for found in _said_once(extraction.agreements)
    ]
    if result.status == UPDATED:
        statements, agreements = _reconcile(result, statements, agreements, context)
    if not result.summit_created:
        statements = [s for (s,) in _merge_reports(result, [(s,) for s in statements], Statement, context)]
        agreements = _merge_reports(result, agreements, Agreement, context)
    provenance.bulk_create(statements, Statement)
    provenance.bulk_create([agreement for agreement, _ in agreements], Agreement)
    _set_parties(agreements, context)
    result.added += len(statements) + len(agreements)
    refresh_search_index(summit_ids=[summit.pk])


def _lookups(extraction: Extraction, result: ImportResult, provenance: Provenance) -> _Context:
    codes = {p.country for p in extraction.participants if p.country}
    codes |= {party for a in extraction.agreements for party in a.parties}
    if extraction.summit.country:
        codes.add(extraction.summit.country)
    countries = Country.objects.in_bulk({c.upper() for c in codes if len(c) == 2})
    organisations = _organisations({c for c in codes if c.upper() not in countries})
    people, proposed = _resolve_participants(extraction.participants, countries, result, provenance)
    speakers = {key: participant for _, participant, keys in reversed(people) for key in keys}
    return _Context(countries, organisations, people, speakers, provenance, proposed)


def _organisations(names: set[str]) -> dict[str, Organisation]:
    if not names:
        return {}
    existing = {o.short_name: o for o in Organisation.objects.filter(short_name__in=names)}
    missing = [Organisation(short_name=name[:20]) for name in sorted(names - existing.keys())]
    if missing:
        Organisation.objects.bulk_create(missing, ignore_conflicts=True)
        existing = {o.short_name: o for o in Organisation.objects.filter(short_name__in=names)}
    return existing


def _keys(found: ParticipantFound) -> set[str]:
    return {key for key in map(name_key, [found.name, *found.aliases]) if key}


def _resolve_participants(
    found_people: list[ParticipantFound],
    countries: dict[str, Country],
    result: ImportResult,
    provenance: Provenance,
) -> tuple[list[tuple[ParticipantFound, Participant, set[str]]], list[tuple[Participant, Participant]]]:
    """Each person found, paired with the Participant already in the archive or a new one,
    and every key the person is known by; and the new people proposed as another spelling of
    someone in the archive, each with that someone.

    A person matches on the folded key of the name or of any alias ("Erdoğan" is "Erdogan");
    a surname alone matches a known full name when only one person has that surname; a name
    spelled a little differently ("Zelenskiy", "Zelenskyy") matches when ``matching`` finds the
    two the same person and their countries do not differ. A name only PROBABLY the same makes
    a new participant, and a ``ParticipantMatch`` proposes the two to an editor.
    """
    if not found_people:
        return [], []
    known = _known_participants(set().union(*map(_keys, found_people)))
    people, new_people, aliases, proposed = [], [], [], []
    for found in found_people:
        country = countries.get((found.country or "").upper())
        match, candidate = _match(found, known), None
        if match is None:
            match, candidate = _match_spelling(found, country, known)
        if match is None:
            participant = Participant(name=found.name[:200], title=(found.role or "")[:200], country=country)
            match = (participant, {name_key(participant.name)})
            known.append(match)  # a person found twice in one article is one person
            new_people.append(participant)
            if candidate is not None:
                proposed.append((participant, candidate))
        participant, keys = match
        for form in [found.name, *found.aliases]:
            key = name_key(form)
            if key and key not in keys:
                keys.add(key)
                aliases.append(ParticipantAlias(participant=participant, name=form[:200], key=key[:200]))
        if all(participant is not other for _, other, _ in people):
            people.append((found, participant, keys))

    _assign_slugs(
        new_people, Participant, max_length=200, fallback="participant", reserved=ParticipantRedirect
    )
    provenance.bulk_create(new_people, Participant)
    provenance.bulk_create(aliases, ParticipantAlias)
    _propose_matches(proposed)
    result.participants_created = len(new_people)
    result.participants_proposed = len(proposed)
    return people, proposed


def _known_participants(all_keys: set[str]) -> list[tuple[Participant, set[str]]]:
    """The people in the archive who may be those found, each with the keys of all their names.

    The database cannot fold accents, so fetch everyone sharing a word of a name, or the first or
    last letters of one (a small set), and compare folded keys in Python; aliases are stored
    folded already."""
    wanted = Q(alias_set__key__in=all_keys)
    for key in all_keys:
        if " " not in key:
            wanted |= Q(alias_set__key__endswith=f" {key}")
        for word in key.split():
            if len(word) >= 3:
                wanted |= Q(lower_name__contains=word)
        for piece in matching.name_shingles(key):
            wanted |= Q(lower_name__contains=piece) | Q(alias_set__key__contains=piece)
    return [
        (participant, {name_key(participant.name), *(alias.key for alias in participant.alias_set.all())})
        for participant in Participant.objects.annotate(lower_name=Lower("name"))
        .filter(wanted)
        .distinct()
        .prefetch_related("alias_set")
        .order_by("pk")
    ]


def _match(
    found: ParticipantFound, known: list[tuple[Participant, set[str]]]
) -> tuple[Participant, set[str]] | None:
    keys = _keys(found)
    full = name_key(found.name)
    exact = [(participant, their_keys) for participant, their_keys in known if keys & their_keys]
    for participant, their_keys in exact:
        if name_key(participant.name) == full:
            return participant, their_keys
    if exact:  # one person, or several sharing a form: the one sharing the most forms
        return max(exact, key=lambda pair: len(keys & pair[1]))
    if " " not in full:
        by_surname = [pair for pair in known if any(k.endswith(f" {full}") for k in pair[1])]
        if len(by_surname) == 1:
            return by_surname[0]
    return None


def _match_spelling(
    found: ParticipantFound, country: Country | None, known: list[tuple[Participant, set[str]]]
) -> tuple[tuple[Participant, set[str]] | None, Participant | None]:
    """The person in the archive whose name is ``found``'s spelled otherwise: (the match, None)
    when ``matching.name_likeness`` is sure and no two countries differ; (None, the likeliest) when
    it only may be; (None, None) when no one is alike. People new in this import are not candidates."""

    def surest(alike: matching.NameLikeness) -> tuple[bool, float]:
        return alike.likeness is matching.Likeness.SAME, alike.score

    best = None
    for pair in known:
        participant, their_keys = pair
        if participant.pk is None:
            continue
        likeness = max((matching.name_likeness(found.name, key) for key in their_keys), key=surest)
        if likeness.likeness is not matching.Likeness.DIFFERENT and (
            best is None or surest(likeness) > surest(best[1])
        ):
            best = (pair, likeness)
    if best is None:
        return None, None
    (participant, _), likeness = best
    countries_differ = None not in (country, participant.country_id) and country.pk != participant.country_id
    if likeness.likeness is matching.Likeness.SAME and not countries_differ:
        return best[0], None
    return None, participant


def _propose_matches(proposed: list[tuple[Participant, Participant]]) -> None:
    ParticipantMatch.objects.bulk_create(
        [
            ParticipantMatch(
                participant=participant,
                candidate=candidate,
                score=matching.name_likeness(participant.name, candidate.name).score,
                reason=f"“{participant.name}” may be “{candidate.name}” written otherwise"[:300],
            )
            for participant, candidate in proposed
        ],
        ignore_conflicts=True,
    )


def _assign_slugs(
    objs: list, model, *, max_length: int, fallback: str, source=lambda o: o.name, reserved=None
) -> None:
    """Give each new row a unique slug: the slugified name, then name-2, name-3...

    ``reserved`` is a model whose ``old_slug`` values are taken too (addresses that redirect).
    """
    if not objs:
        return
    # Dashes between names ("Putin–Erdogan") separate words; slugify would drop them.
    names = [source(obj).replace("–", " ").replace("—", " ") for obj in objs]
    bases = [(slugify(name) or fallback)[: max_length - 6].strip("-") or fallback for name in names]
    starts = Q.create([("slug__startswith", base) for base in set(bases)], connector=Q.OR)
    taken = set(model.objects.filter(starts).values_list("slug", flat=True))
    if reserved is not None:
        old_starts = Q.create([("old_slug__startswith", base) for base in set(bases)], connector=Q.OR)
        taken |= set(reserved.objects.filter(old_starts).values_list("old_slug", flat=True))
    for obj, base in zip(objs, bases, strict=True):
        slug, n = base, 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        taken.add(slug)
        obj.slug = slug


# A report may date a meeting a day or two off another's ("on Tuesday" written after midnight in
# another time zone, a wire story dated by its publication): days this far apart are one meeting.
DATE_TOLERANCE_DAYS = 2


@dataclass(frozen=True)
class SummitMatch:
    """The summit an article reports on, already in the archive, and why the import thinks so."""

    summit: Summit
    reason: str


# The summits an article is compared with at most, newest first: those at its dates that share a
# person, or its place and a quotation.
SUMMIT_CANDIDATES = 50


def _find_summit(extraction: Extraction, context: _Context) -> SummitMatch | None:
    """The summit this article reports on if the archive has it: the same people or the same
    quotations, at a date and place that agree.

    People: they share at least two participants, or all of them when either side has fewer
    than two; a person the import only proposes as another spelling of a participant
    ("Zelenskiy", "Zelenskyy") counts as that participant here. Quotations: one with the same
    words (``matching.same_words``) as a statement of the summit, and more than a scrap.
    Date: days that overlap or lie at most ``DATE_TOLERANCE_DAYS`` apart; the same month or year
    when the article gives no day ("in March 1980"); otherwise the same date as written, or a
    weekday alone ("Saturday") on which the summit fell, if two people or a quotation are shared.
    Place: never two different countries, nor two different cities when either country is
    unknown; an article that names no place joins only on a day and two people shared.
    """
    found = extraction.summit
    people = _people_and_spellings(context)
    quotations = [
        s.text
        for s in extraction.statements
        if s.kind == "direct" and len(matching.words(s.text)) >= matching.CUT_MIN_WORDS
    ]
    evidence = Q(attendances__participant__in=people)
    place = _place_query(found, context)
    if quotations and place is not None:
        evidence |= place
    best = None
    for summit in _candidate_summits(found, evidence):
        shared = _shared_people(summit, people, len(context.people))
        said = [q for q in quotations if any(matching.same_words(q, text) for text in summit.said)]
        where = _place_agreement(found, summit, context)
        if where is None or not (shared or said) or not _close_enough(found, summit, shared, said, where):
            continue
        gap = _days_apart(found, summit)
        rank = (len(shared) + len(said), where != NO_PLACE, -(gap or 0), summit.pk)
        if best is None or rank > best[0]:
            reasons = [_people_reason(shared, len(summit.present)), _quotation_reason(said), where]
            reason = "; ".join(filter(None, [*reasons, _date_reason(found, gap, summit)]))
            best = (rank, SummitMatch(summit, reason[:500]))
    return best[1] if best else None


def _candidate_summits(found: SummitFound, evidence: Q) -> list[Summit]:
    """The summits at dates agreeing with the article's and matching ``evidence``, each with
    ``present`` (its participants' keys) and ``said`` (every text of its statements, as each
    report gives them)."""
    ids = list(
        Summit.objects.filter(_date_agrees(found), evidence)
        .order_by(F("start_date").desc(nulls_last=True), "-pk")
        .values_list("pk", flat=True)
        .distinct()[:SUMMIT_CANDIDATES]
    )
    summits = (
        Summit.objects.filter(pk__in=ids)
        .select_related("country")
        .prefetch_related(
            Prefetch("attendances", Attendance.objects.only("summit_id", "participant_id")),
            Prefetch(
                "statements", Statement.objects.only("summit_id", "text").prefetch_related("further_sources")
            ),
        )
    )
    for summit in summits:
        summit.present = {attendance.participant_id for attendance in summit.attendances.all()}
        summit.said = [text for statement in summit.statements.all() for text in _texts(statement)]
    return list(summits)


def _shared_people(summit: Summit, people: dict[int, str], found: int) -> list[str]:
    """The names of the article's people at the summit, if enough of them to count: two, or all of
    them when the article or the summit has fewer."""
    shared = sorted({name for pk, name in people.items() if pk in summit.present})
    return shared if shared and len(shared) >= min(2, found, len(summit.present)) else []


def _close_enough(found: SummitFound, summit: Summit, shared: list, said: list, where: str) -> bool:
    """Whether what the article and the summit share is enough for the place and date they give:
    without a place, or with only a weekday for a date, two people or a quotation."""
    if where == NO_PLACE:
        return len(shared) >= 2 and found.date is not None
    if found.first_day() is None and summit.start_date is not None:  # a weekday alone
        return len(shared) >= 2 or bool(said)
    return True


def _place_query(found: SummitFound, context: _Context) -> Q | None:
    """The summits in the article's city or country, or None when it names neither."""
    code = (found.country or "").upper()
    place = Q(country_id=code) if code in context.countries else None
    if found.location:
        city = Q(city__iexact=found.location) | Q(city__iexact=found.city())
        place = city if place is None else place | city
    return place


def _quotation_reason(said: list[str]) -> str:
    if not said:
        return ""
    first = " ".join(said[0].split()[:12]) + ("…" if len(said[0].split()) > 12 else "")
    more = f" and {len(said) - 1} more" if len(said) > 1 else ""
    return f"quotes the same words (“{first}”{more})"


def _people_and_spellings(context: _Context) -> dict[int, str]:
    """The participants the article names, by primary key, with the names the reason shows; and
    those a name of the article is proposed to be ("Zelenskiy, perhaps Zelenskyy")."""
    people = {participant.pk: participant.name for _, participant, _ in context.people}
    for participant, candidate in context.proposed:
        people.setdefault(candidate.pk, f"{participant.name} (perhaps {candidate.name})")
    return people


def _date_agrees(found: SummitFound) -> Q:
    same_text = Q(start_date__isnull=True, date_text__iexact=found.date_text or "")
    if found.date:
        tolerance = dt.timedelta(days=DATE_TOLERANCE_DAYS)
        first, last = found.date - tolerance, (_last_day(found) or found.date) + tolerance
        ends_after = Q(end_date__gte=first) | Q(end_date__isnull=True, start_date__gte=first)
        return (Q(start_date__lte=last) & ends_after) | same_text
    if found.first_day():
        # "in March 1980": a summit in that month (or year), or dated by the same words
        first = found.first_day()
        if found.date_precision == Summit.DatePrecision.YEAR:
            last = first.replace(month=12, day=31)
        else:
            last = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
        return Q(start_date__gte=first, start_date__lte=last) | same_text
    weekday = _weekday(found.date_text)
    return Q(date_text__iexact=found.date_text or "") | (
        Q(start_date__week_day=weekday) if weekday else Q(pk=None)
    )


# Django's week_day lookup: 1 is Sunday, 7 Saturday.
WEEKDAYS = {name.casefold(): (number + 1) % 7 + 1 for number, name in enumerate(calendar.day_name)}


def _weekday(date_text: str | None) -> int | None:
    """Django's number of the weekday a date phrase names ("Saturday", "on Tuesday night")."""
    return next((WEEKDAYS[word] for word in matching.words(date_text or "") if word in WEEKDAYS), None)


def _days_apart(found: SummitFound, summit: Summit) -> int | None:
    """Days between the article's dates and the summit's (0 when they overlap); None unless both
    are known to the day."""
    if found.date is None or summit.start_date is None or summit.date_precision not in ("", "day"):
        return None
    last = _last_day(found) or found.date
    summit_last = summit.end_date or summit.start_date
    return max((summit.start_date - last).days, (found.date - summit_last).days, 0)


def _date_reason(found: SummitFound, gap: int | None, summit: Summit) -> str:
    if gap is None:
        if summit.start_date is None:
            return f"dated alike (“{summit.date_text}”)" if summit.date_text else "neither dated"
        if found.first_day() is None:
            return f"“{found.date_text}” is the summit's weekday"
        coarsest = {found.date_precision, summit.date_precision}
        return "same year" if Summit.DatePrecision.YEAR in coarsest else "same month"
    if gap == 0:
        return "same days"
    return f"dates {gap} day{'s' if gap > 1 else ''} apart"


NO_PLACE = "place not named in the article"


def _place_agreement(found: SummitFound, summit: Summit, context: _Context) -> str | None:
    """How the article's place agrees with the summit's, for the reason; None when they differ."""
    city = (found.city() or "").casefold()
    country = (found.country or "").upper()
    country = country if country in context.countries else ""
    summit_city = summit.city.casefold()
    if city and summit_city and summit_city in (city, (found.location or "").casefold()):
        return f"same city ({summit.city})"
    if country and summit.country_id and country != summit.country_id:
        return None
    if city and summit_city and not (country and country == summit.country_id):
        return None
    if country and country == summit.country_id:
        return f"same country ({summit.country.name})"
    if not (city or country):
        return NO_PLACE
    return "place not named in the summit"


def _people_reason(shared: list[str], attending: int) -> str:
    return f"shares {len(shared)} of its {attending} participants ({', '.join(shared)})" if shared else ""


def _summit_title(extraction: Extraction, context: _Context) -> str:
    if extraction.summit.title:
        return extraction.summit.title
    surnames = [participant.name.split()[-1] for _, participant, _ in context.people[:3]]
    names = "–".join(surnames) + " talks" if surnames else "Meeting"
    place = extraction.summit.location
    return f"{names} in {place}" if place else names


def _create_summit(extraction: Extraction, context: _Context, text: str) -> Summit:
    """A new draft summit from what the article says; its kind is derived once, here, so that an
    editor's correction stands whatever later imports find."""
    found = extraction.summit
    summit = Summit(
        title=_summit_title(extraction, context)[:300],
        start_date=found.first_day(),  # a day, or the first of the month or year the text gives
        end_date=_last_day(found),
        date_precision=found.date_precision or (Summit.DatePrecision.DAY if found.date else ""),
        date_text=(found.date_text or "")[:200],
        kind=meeting_kind(text, extraction.participants),
        venue=(found.venue or "")[:200],
        city=(found.city() or "")[:200],
        country=context.countries.get((found.country or "").upper()),
        status=Summit.Status.DRAFT,
    )
    _assign_slugs([summit], Summit, max_length=300, fallback="summit", source=lambda s: s.title)
    context.provenance.tag(summit).save()
    return summit


def _last_day(found: SummitFound) -> dt.date | None:
    """The summit's last day: a range's end ("from 20 to 22 December"), else its one day."""
    if found.date and found.end_date and found.end_date >= found.date:
        return found.end_date
    return found.date


def _add_topics(summit: Summit, names: list[str]) -> None:
    by_slug = {}
    for name in names:
        slug = slugify(name)[:100]
        if slug:
            by_slug.setdefault(slug, name[:100])
    if not by_slug:
        return
    topics = list(Topic.objects.filter(slug__in=by_slug))
    missing = by_slug.keys() - {t.slug for t in topics}
    if missing:
        Topic.objects.bulk_create(
            [Topic(name=by_slug[slug], slug=slug) for slug in missing], ignore_conflicts=True
        )
        topics = list(Topic.objects.filter(slug__in=by_slug))
    summit.topics.add(*topics)


def _add_attendances(summit: Summit, context: _Context, *, summit_is_new: bool) -> None:
    """The people found who are not yet at the summit, except those an editor removed from it."""
    present = set(summit.attendances.values_list("participant_id", flat=True))
    if not summit_is_new:
        present |= set(
            Attendance.history.filter(summit_id=summit.pk, history_type="-").values_list(
                "participant_id", flat=True
            )
        )
    new = []
    for found, participant, _ in context.people:
        if participant.pk in present:
            continue
        code = (found.country or "").upper()
        new.append(
            Attendance(
                summit=summit,
                participant=participant,
                role=(found.role or "")[:200],
                country=context.countries.get(code),
                organisation=context.organisations.get(found.country or ""),
            )
        )
    context.provenance.bulk_create(new, Attendance)


def _speaker(name: str | None, context: _Context) -> Participant | None:
    if not name:
        return None
    key = name_key(name)
    if key in context.speakers:
        return context.speakers[key]
    by_surname = {p.pk: p for k, p in context.speakers.items() if k.endswith(f" {key}") and " " not in key}
    return next(iter(by_surname.values())) if len(by_surname) == 1 else None


def _new_statement(found: StatementFound, summit: Summit, article: Article, context: _Context) -> Statement:
    speaker = _speaker(found.speaker, context)
    statement = Statement(
        summit=summit,
        article=article,
        speaker=speaker,
        speaker_label="" if speaker else (found.speaker or "")[:200],
        text=found.text,
        kind=found.kind,
        start=found.start,
        end=found.end,
    )
    statement.fingerprint = statement_fingerprint(statement)
    return statement


def _new_agreement(
    found: AgreementFound, summit: Summit, article: Article, context: _Context
) -> tuple[Agreement, list[str]]:
    agreement = Agreement(
        summit=summit,
        article=article,
        text=found.text,
        topic=found.topic[:200],
        status=found.status,
        exceptions=found.exceptions,
        start=found.start,
        end=found.end,
    )
    parties = _known_parties(found.parties, context)
    agreement.fingerprint = agreement_fingerprint(agreement, parties)
    return agreement, parties


def _known_parties(parties: list[str], context: _Context) -> list[str]:
    known = []
    for party in parties:
        if party.upper() in context.countries:
            known.append(party.upper())
        elif party in context.organisations:
            known.append(party)
    return known


def _set_parties(agreements: list[tuple[Agreement, list[str]]], context: _Context) -> None:
    countries_through = Agreement.countries.through
    organisations_through = Agreement.organisations.through
    country_rows, organisation_rows = [], []
    for agreement, parties in agreements:
        for party in dict.fromkeys(parties):
            if party in context.countries:
                country_rows.append(countries_through(agreement_id=agreement.pk, country_id=party))
            else:
                organisation = context.organisations[party]
                organisation_rows.append(
                    organisations_through(agreement_id=agreement.pk, organisation_id=organisation.pk)
                )
    countries_through.objects.bulk_create(country_rows)
    organisations_through.objects.bulk_create(organisation_rows)


# --- Re-import with update=True -------------------------------------------------------------------


STATEMENT_FIELDS = ["speaker", "speaker_label", "text", "kind", "start", "end", "fingerprint"]
AGREEMENT_FIELDS = ["text", "topic", "status", "exceptions", "start", "end", "fingerprint"]


def _overlap(a, b) -> bool:
    if None in (a.start, a.end, b.start, b.end):
        return False
    return a.start < b.end and b.start < a.end


def _pair(new, old_items: list, matched: set[int]):
    """The stored item the new one stands for: same fingerprint, else overlapping, else same text."""
    free = [old for old in old_items if old.pk not in matched]
    for test in (
        lambda old: old.fingerprint == new.fingerprint,
        lambda old: _overlap(old, new),
        lambda old: old.text == new.text,
    ):
        for old in free:
            if test(old):
                return old
    return None


# The change reason of the history row left by an item that a re-import no longer finds.
NO_LONGER_FOUND = "Re-import: no longer found"


def _deleted(model, article: Article) -> list:
    """The items of ``article`` that someone deleted, as their history last recorded them."""
    return list(
        model.history.filter(article_id=article.pk, history_type="-")
        .exclude(history_change_reason=NO_LONGER_FOUND)
        .only("id", "fingerprint", "text", "start", "end")
    )


def _remove_stale(result: ImportResult, model, pks: list[int]) -> None:
    """Delete untouched items the new extraction no longer finds, marked as the import's doing;
    one that another article reports too stays, taken from that article now (HANDED_OVER)."""
    for item in model.objects.filter(pk__in=pks):
        item._change_reason = NO_LONGER_FOUND
        source = item.hand_over_first_report()
        if source is None:
            item.delete()
            continue
        source._change_reason = NO_LONGER_FOUND
        source.delete()
        result.removed -= 1
        for change in result.changes:
            if change.pk == item.pk and change.model == model._meta.model_name and change.action == REMOVED:
                change.action = HANDED_OVER
        item.fingerprint = (
            statement_fingerprint(item) if model is Statement else agreement_fingerprint(item, item.parties)
        )
        item.save()


def _value(item, name: str):
    return getattr(item, item._meta.get_field(name).attname)  # speaker_id: no query for the speaker


def _sort_out(
    result: ImportResult, found: list[tuple], old_items: list, deleted: list, current: dict, fields: list[str]
):
    """Split a new extraction's items (each a tuple with the unsaved item first) into those to
    create and the stored items to refresh; returns (to create, to refresh, stale primary keys).
    An item that stands for one an editor deleted is, like a rejected one, never made again.
    Each item's fate is added to ``result.changes``.
    """

    def untouched(old) -> bool:
        return old.review_status == ReviewStatus.PENDING and current[old.pk] == old.fingerprint

    def change(action: str, old, **kwargs) -> None:
        result.changes.append(
            ItemChange(
                action,
                old._meta.model_name,
                old.text,
                review_status=old.review_status,
                edited=current[old.pk] != old.fingerprint,
                pk=old.pk,
                **kwargs,
            )
        )

    to_create, to_refresh, matched = [], [], set()
    for new, *extra in found:
        model = new._meta.model_name
        old = _pair(new, old_items, matched)
        if old is None and (gone := _pair(new, deleted, set())) is not None:
            result.skipped += 1
            result.changes.append(ItemChange(SKIPPED, model, gone.text))
            continue
        if old is None:
            to_create.append((new, *extra))
            result.changes.append(ItemChange(ADDED, model, new.text))
            continue
        matched.add(old.pk)
        if old.review_status == ReviewStatus.REJECTED:
            result.skipped += 1
            change(SKIPPED, old)
        elif not untouched(old):
            result.kept += 1
            change(KEPT, old)
        elif old.fingerprint != new.fingerprint:
            differ = tuple(
                name for name in fields if name != "fingerprint" and _value(old, name) != _value(new, name)
            ) or ("parties",)  # nothing else is in an agreement's fingerprint
            change(REFRESHED, old, new_text=new.text, changed=differ)
            for name in fields:
                setattr(old, name, getattr(new, name))
            old.updated_at = timezone.now()
            to_refresh.append((old, *extra))
        else:
            change(SAME, old)
    stale = [old.pk for old in old_items if old.pk not in matched and untouched(old)]
    for old in old_items:
        if old.pk not in matched:
            change(REMOVED if old.pk in stale else LEFT, old)
    result.refreshed += len(to_refresh)
    result.removed += len(stale)
    return to_create, to_refresh, stale


def _reconcile(
    result: ImportResult,
    statements: list[Statement],
    agreements: list[tuple[Agreement, list[str]]],
    context: _Context,
) -> tuple[list[Statement], list[tuple[Agreement, list[str]]]]:
    """Match the new extraction against what this article gave before; return what is new.

    Rejected and deleted items are never brought back; items someone changed (their content no longer
    hashes to their fingerprint) or reviewed are kept as they are; untouched items are
    refreshed in place, and those the new extraction no longer finds are removed.
    """
    old_statements = list(Statement.objects.filter(article=result.article).order_by("pk"))
    current = {s.pk: statement_fingerprint(s) for s in old_statements}
    new_statements, refreshed, stale = _sort_out(
        result,
        [(s,) for s in statements],
        old_statements,
        _deleted(Statement, result.article),
        current,
        STATEMENT_FIELDS,
    )
    if refreshed:
        context.provenance.bulk_update(
            [s for (s,) in refreshed], Statement, [*STATEMENT_FIELDS, "updated_at"]
        )
    if stale:
        _remove_stale(result, Statement, stale)

    old_agreements = list(
        Agreement.objects.filter(article=result.article)
        .prefetch_related(Prefetch("countries", Country.objects.only("code")), "organisations")
        .order_by("pk")
    )
    current = {a.pk: agreement_fingerprint(a, a.parties) for a in old_agreements}
    new_agreements, refreshed, stale = _sort_out(
        result, agreements, old_agreements, _deleted(Agreement, result.article), current, AGREEMENT_FIELDS
    )
    if refreshed:
        context.provenance.bulk_update(
            [a for a, _ in refreshed], Agreement, [*AGREEMENT_FIELDS, "updated_at"]
        )
        ids = [a.pk for a, _ in refreshed]
        Agreement.countries.through.objects.filter(agreement_id__in=ids).delete()
        Agreement.organisations.through.objects.filter(agreement_id__in=ids).delete()
        _set_parties(refreshed, context)
    if stale:
        _remove_stale(result, Agreement, stale)
    return [s for (s,) in new_statements], new_agreements


# --- Several reports of one summit ----------------------------------------------------------------


def _merge_reports(result: ImportResult, found: list[tuple], model, context: _Context) -> list[tuple]:
    """Of the new items of an article joining a summit (tuples, the unsaved item first), return
    those to create; the rest repeat what another article of the summit reports.

    An item with the same words as a stored one (``matching.same_words``: other quotation marks,
    punctuation, ellipses, small cuts) is not made again: the article becomes a further source of
    the stored item, whose review, text and speaker stay as the editors left them; one that has
    the words of an item an editor deleted is not made again either. An item that probably says
    in other words what a stored one says (``matching.probably_same``) is made, marked as its
    probable duplicate for an editor to merge or keep.
    """
    stored = list(
        model.objects.filter(summit=result.summit)
        .exclude(article=result.article)
        .defer("search_vector")
        .prefetch_related("further_sources")
        .order_by("pk")
    )
    sources = _FurtherSources(result.article)
    deleted = None
    to_create = []
    for new, *extra in found:
        old = _same_words_item(new, stored)
        if old is not None:
            result.merged += 1
            _mark_change(result, new, MERGED)
            sources.report(old, new)
            continue
        if deleted is None:
            deleted = _deleted_in_summit(model, result.summit, result.article)
        if any(matching.same_words(new.text, gone.text) for gone in deleted):
            result.skipped += 1
            _mark_change(result, new, SKIPPED)
            continue
        new.probable_duplicate_of = _probable_duplicate(new, stored)
        result.duplicates_proposed += new.probable_duplicate_of is not None
        to_create.append((new, *extra))
    sources.save(model.further_sources.rel.related_model, context.provenance)
    return to_create


class _FurtherSources:
    """The further sources one article gives the items of other reports: new rows, and rows of an
    earlier import of the article whose words or offsets the extraction now finds elsewhere."""

    def __init__(self, article: Article):
        self.article = article
        self.new, self.moved, self.reported = [], [], set()

    def report(self, item, new) -> None:
        """``new``, an unsaved item of the article, repeats the stored ``item``."""
        if item.pk in self.reported:  # the article says it twice: its first place is kept
            return
        self.reported.add(item.pk)
        where = (new.start, new.end, new.text)
        source = next((s for s in item.further_sources.all() if s.article_id == self.article.pk), None)
        if source is None:
            model = type(item).further_sources.rel.related_model
            self.new.append(
                model(
                    **{item._meta.model_name: item},
                    article=self.article,
                    start=new.start,
                    end=new.end,
                    text=new.text,
                )
            )
        elif (source.start, source.end, source.text) != where:
            source.start, source.end, source.text = where
            self.moved.append(source)

    def save(self, model, provenance: Provenance) -> None:
        provenance.bulk_create(self.new, model)
        if self.moved:
            provenance.bulk_update(self.moved, model, ["start", "end", "text"])


def _said_once(found: list) -> list:
    """The items an article gives, each once: a quotation it repeats (in a caption, a summary, the
    body) is one item, where the article first gives it."""
    kept = []
    for item in found:
        kind = getattr(item, "kind", None)
        if not any(
            getattr(other, "kind", None) == kind and matching.same_words(item.text, other.text)
            for other in kept
        ):
            kept.append(item)
    return kept


def _same_words_item(new, stored: list):
    """The stored item with the words of ``new`` as one of its reports gives them, if any: of
    several (a quotation, and the reported speech around it), the one of the same kind, then the
    one with the most words in common."""
    alike = [item for item in stored if any(matching.same_words(new.text, text) for text in _texts(item))]
    return max(
        alike,
        key=lambda item: (
            getattr(item, "kind", None) == getattr(new, "kind", None),
            max(matching.words_in_common(new.text, text) for text in _texts(item)),
            -item.pk,
        ),
        default=None,
    )


def _deleted_in_summit(model, summit: Summit, article: Article) -> list:
    """The items of ``summit`` from other articles that an editor deleted, as last recorded."""
    return list(
        model.history.filter(summit_id=summit.pk, history_type="-")
        .exclude(article_id=article.pk)
        .exclude(history_change_reason=NO_LONGER_FOUND)
        .only("id", "text")
    )


def _probable_duplicate(new, stored: list):
    """The stored item ``new`` most probably says again in other words, if any: for statements,
    one of the two reported speech and no two different speakers."""
    best, best_score = None, matching.PARAPHRASE_SHARE
    for item in stored:
        if isinstance(new, Statement) and not _may_paraphrase(new, item):
            continue
        score = max(matching.paraphrase_score(new.text, text) for text in _texts(item))
        if score >= best_score:
            best, best_score = item, score
    return best


def _may_paraphrase(new: Statement, stored: Statement) -> bool:
    indirect = Statement.Kind.INDIRECT in (new.kind, stored.kind)
    return indirect and (None in (new.speaker_id, stored.speaker_id) or new.speaker_id == stored.speaker_id)


def _texts(item) -> list[str]:
    """An item's words as each of its reports gives them (its further sources prefetched)."""
    return [item.text, *(source.text for source in item.further_sources.all())]


def _mark_change(result: ImportResult, new, action: str) -> None:
    """On a re-import, say of the item the reconciliation listed as added what became of it."""
    for change in result.changes:
        if change.action == ADDED and change.model == new._meta.model_name and change.text == new.text:
            change.action = action
            return
