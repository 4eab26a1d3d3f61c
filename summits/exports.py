"""The public archive as files to take away: one row per summit, statement or agreement, as CSV or
JSON, written row by row as the database hands them over so that memory stays constant whatever
the archive holds.

Readers' data only: published summits and, of them, approved statements and agreements. Every row
carries the permanent addresses of its pages and, for statements and agreements, the source
article (its page here, its original URL and outlet) and the offsets of the span in its text,
and the further articles that report it too (each one's page at the item's highlight, and outlet).
"""

import csv
import json
from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from asgiref.sync import sync_to_async
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Prefetch, QuerySet

from . import selectors
from .models import Agreement, Article, Statement, Summit

# Rows fetched per query; related rows are prefetched once per chunk.
CHUNK_SIZE = 500
LIST_SEPARATOR = "; "  # a list in one CSV cell ("RU; TR"), as in the API's CSV

Absolute = Callable[[str], str]  # a site path → its absolute URL


@dataclass(frozen=True)
class Export:
    """One kind of row: its columns, the rows readers may see, and how a row is written."""

    kind: str
    columns: tuple[str, ...]
    queryset: Callable[[QuerySet[Summit] | None], QuerySet]
    row: Callable[[object, Absolute], dict]

    def rows(self, summits: QuerySet[Summit] | None, absolute: Absolute) -> Iterator[dict]:
        """Every row, those of ``summits`` only when given (a filtered list of summits)."""
        for obj in self.queryset(summits).iterator(chunk_size=CHUNK_SIZE):
            yield self.row(obj, absolute)


# --- Querysets ------------------------------------------------------------------------------------

ARTICLE_WITHOUT_TEXTS = ("article__text", "article__original")


def export_summits(summits: QuerySet[Summit] | None) -> QuerySet[Summit]:
    summits = selectors.published_summits() if summits is None else summits
    return summits.prefetch_related(
        Prefetch("attendances", queryset=selectors.attendances_with_people()),
        "topics",
        Prefetch("articles", queryset=Article.objects.defer("text", "original").order_by("published", "id")),
    )


def _of_summits(items: QuerySet, summits: QuerySet[Summit] | None) -> QuerySet:
    if summits is not None:
        items = items.filter(summit__in=summits.order_by().values("pk"))
    return items.defer(*ARTICLE_WITHOUT_TEXTS).order_by(
        *selectors.NEWEST_SUMMIT_FIRST, "summit_id", "start", "id"
    )


def export_statements(summits: QuerySet[Summit] | None) -> QuerySet[Statement]:
    return _of_summits(selectors.with_further_sources(selectors.visible_statements()), summits)


def export_agreements(summits: QuerySet[Summit] | None) -> QuerySet[Agreement]:
    return _of_summits(selectors.with_further_sources(selectors.visible_agreements()), summits)


# --- Rows -----------------------------------------------------------------------------------------


def summit_row(summit: Summit, absolute: Absolute) -> dict:
    people = [attendance.participant for attendance in summit.attendances.all()]
    articles = list(summit.articles.all())
    return {
        "id": summit.pk,
        "slug": summit.slug,
        "title": summit.title,
        "url": absolute(summit.get_absolute_url()),
        "start_date": summit.start_date,
        "end_date": summit.end_date,
        "date_precision": summit.date_precision,
        "date_text": summit.date_text,
        "city": summit.city,
        "country": summit.country_id or "",
        "country_name": summit.country.name if summit.country else "",
        "topics": [topic.name for topic in summit.topics.all()],
        "participants": [person.name for person in people],
        "participant_urls": [absolute(person.get_absolute_url()) for person in people],
        "article_urls": [absolute(article.get_absolute_url()) for article in articles],
        "source_urls": [article.safe_url for article in articles],
        "outlets": [article.outlet for article in articles],
    }


def _item_source(item: Statement | Agreement, absolute: Absolute) -> dict:
    """Where an item stands in the archive, in its source article and in the further articles
    that report it."""
    summit, article = item.summit, item.article
    reports = item.reports
    further = reports[1:] if article else reports
    return {
        "summit": summit.slug,
        "summit_title": summit.title,
        "summit_url": absolute(summit.get_absolute_url()),
        "summit_start_date": summit.start_date,
        "article_url": absolute(article.get_absolute_url()) if article else "",
        "article_title": article.title if article else "",
        "source_url": article.safe_url if article else "",
        "outlet": article.outlet if article else "",
        "published": article.published if article else None,
        "start": item.start,
        "end": item.end,
        "further_article_urls": [absolute(report.url) for report in further],
        "further_outlets": [report.outlet for report in further],
    }


def statement_row(statement: Statement, absolute: Absolute) -> dict:
    speaker = statement.speaker
    return {
        "id": statement.pk,
        "url": absolute(statement.get_absolute_url()),
        "speaker": statement.speaker_name,
        "speaker_url": absolute(speaker.get_absolute_url()) if speaker else "",
        "kind": statement.kind,
        "text": statement.text,
        **_item_source(statement, absolute),
    }


def agreement_row(agreement: Agreement, absolute: Absolute) -> dict:
    return {
        "id": agreement.pk,
        "url": absolute(agreement.get_absolute_url()),
        "text": agreement.text,
        "topic": agreement.topic,
        "status": agreement.status,
        "exceptions": agreement.exceptions,
        "parties": agreement.parties,
        **_item_source(agreement, absolute),
    }


SOURCE_COLUMNS = (
    "summit",
    "summit_title",
    "summit_url",
    "summit_start_date",
    "article_url",
    "article_title",
    "source_url",
    "outlet",
    "published",
    "start",
    "end",
    "further_article_urls",
    "further_outlets",
)

EXPORTS = {
    export.kind: export
    for export in (
        Export(
            kind="summits",
            columns=(
                "id",
                "slug",
                "title",
                "url",
                "start_date",
                "end_date",
                "date_precision",
                "date_text",
                "city",
                "country",
                "country_name",
                "topics",
                "participants",
                "participant_urls",
                "article_urls",
                "source_urls",
                "outlets",
            ),
            queryset=export_summits,
            row=summit_row,
        ),
        Export(
            kind="statements",
            columns=("id", "url", "speaker", "speaker_url", "kind", "text", *SOURCE_COLUMNS),
            queryset=export_statements,
            row=statement_row,
        ),
        Export(
            kind="agreements",
            columns=("id", "url", "text", "topic", "status", "exceptions", "parties", *SOURCE_COLUMNS),
            queryset=export_agreements,
            row=agreement_row,
        ),
    )
}


# --- Formats --------------------------------------------------------------------------------------


class _Echo:
    """A file-like object whose ``write`` returns what it is given, for ``csv.writer``."""

    def write(self, value: str) -> str:
        return value


def _cell(value) -> object:
    if isinstance(value, list):
        return LIST_SEPARATOR.join(str(item) for item in value)
    return "" if value is None else value


def csv_lines(columns: Iterable[str], rows: Iterable[dict]) -> Iterator[str]:
    """A header row, then one line per row; lists joined with "; "."""
    writer = csv.writer(_Echo())
    columns = list(columns)
    yield writer.writerow(columns)
    for row in rows:
        yield writer.writerow([_cell(row[column]) for column in columns])


def json_pieces(rows: Iterable[dict]) -> Iterator[str]:
    """One JSON array, one object per line, written as the rows come."""
    separator = "[\n"
    for row in rows:
        yield separator + json.dumps(row, cls=DjangoJSONEncoder, ensure_ascii=False)
        separator = ",\n"
    yield "[]\n" if separator == "[\n" else "\n]\n"


FORMATS = {
    "csv": ("text/csv; charset=utf-8", lambda export, rows: csv_lines(export.columns, rows)),
    "json": ("application/json", lambda export, rows: json_pieces(rows)),
}


async def in_batches(pieces: Iterator[str], size: int = 100) -> AsyncIterator[str]:
    """The same pieces for an ASGI server, which would otherwise read a synchronous iterator
    whole into memory before sending it: read in batches, the database work off the event loop
    (in the thread that holds the connection)."""
    next_batch = sync_to_async(lambda: list(islice(pieces, size)), thread_sensitive=True)
    while batch := await next_batch():
        for piece in batch:
            yield piece
