"""Full-text search over summits, statements and agreements.

On PostgreSQL each row keeps a weighted ``search_vector`` (GIN-indexed by migration 0003) that
is refreshed after commit; queries are ``websearch`` queries ranked by ``SearchRank`` with the
matching words highlighted by ``SearchHeadline``. On SQLite there is no vector: the same fields
are searched with ``icontains`` and the words are highlighted in Python.

Writes that bypass ``save()`` (``bulk_create``, ``update``) must call ``refresh_search_index``.
"""

import re
from collections.abc import Iterable
from functools import partial

from django.contrib.postgres.aggregates import StringAgg
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db import connection, models, transaction
from django.db.models import F, FloatField, OuterRef, Q, Subquery, Value
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .models import Agreement, Country, Participant, Statement, Summit, Topic

CONFIG = "english"
MAX_QUERY_LENGTH = 200
MAX_TERMS = 8

# Markers PostgreSQL puts around the matching words; the text is escaped before they become <mark>.
START_SEL = "\x02"
STOP_SEL = "\x03"
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_WORD = re.compile(r"\w+", re.UNICODE)


def is_postgresql() -> bool:
    return connection.vendor == "postgresql"


# --- Indexing -------------------------------------------------------------------------------------


def _summit_vector():
    country_name = Subquery(Country.objects.filter(pk=OuterRef("country_id")).values("name")[:1])
    topic_names = Subquery(
        Topic.objects.filter(summits=OuterRef("pk"))
        .order_by()
        .values("summits")
        .annotate(names=StringAgg("name", " "))
        .values("names")[:1]
    )
    return (
        SearchVector("title", weight="A", config=CONFIG)
        + SearchVector("city", country_name, weight="B", config=CONFIG)
        + SearchVector(topic_names, weight="C", config=CONFIG)
    )


def _statement_vector():
    speaker_name = Subquery(Participant.objects.filter(pk=OuterRef("speaker_id")).values("name")[:1])
    return SearchVector("text", weight="A", config=CONFIG) + SearchVector(
        speaker_name, "speaker_label", weight="B", config=CONFIG
    )


def _agreement_vector():
    return SearchVector("text", "topic", weight="A", config=CONFIG) + SearchVector(
        "exceptions", weight="B", config=CONFIG
    )


VECTORS = {Summit: _summit_vector, Statement: _statement_vector, Agreement: _agreement_vector}


def update_search_vectors(model: type[models.Model], pks: Iterable[int]) -> int:
    """Recompute the weighted search vector of these rows now; a no-op off PostgreSQL.

    ``QuerySet.update`` sends no signal and writes no history row, so this never loops.
    """
    pks = list(pks)
    if not pks or not is_postgresql():
        return 0
    return model.objects.filter(pk__in=pks).update(search_vector=VECTORS[model]())


def update_summit_search_vectors(summit_ids: Iterable[int]) -> None:
    """Recompute the vectors of these summits and of all their statements and agreements."""
    summit_ids = list(summit_ids)
    if not summit_ids or not is_postgresql():
        return
    Summit.objects.filter(pk__in=summit_ids).update(search_vector=_summit_vector())
    Statement.objects.filter(summit_id__in=summit_ids).update(search_vector=_statement_vector())
    Agreement.objects.filter(summit_id__in=summit_ids).update(search_vector=_agreement_vector())


def refresh_search_index(
    *,
    summit_ids: Iterable[int] = (),
    statement_ids: Iterable[int] = (),
    agreement_ids: Iterable[int] = (),
    speaker_ids: Iterable[int] = (),
    include_items: bool = True,
) -> None:
    """Refresh search vectors once the current transaction commits (at once outside one).

    The import service calls ``refresh_search_index(summit_ids=[summit.pk])`` after its
    ``bulk_create``s: that covers the summit and every statement and agreement it holds
    (``include_items=False`` refreshes the summits alone). ``speaker_ids`` refreshes the
    statements of these participants (their name is in the vector).
    """
    if not is_postgresql():
        return
    summit_ids, statement_ids = list(summit_ids), list(statement_ids)
    agreement_ids, speaker_ids = list(agreement_ids), list(speaker_ids)
    if summit_ids:
        if include_items:
            transaction.on_commit(partial(update_summit_search_vectors, summit_ids))
        else:
            transaction.on_commit(partial(update_search_vectors, Summit, summit_ids))
    if statement_ids:
        transaction.on_commit(partial(update_search_vectors, Statement, statement_ids))
    if agreement_ids:
        transaction.on_commit(partial(update_search_vectors, Agreement, agreement_ids))
    if speaker_ids:
        transaction.on_commit(partial(_update_speaker_statements, speaker_ids))


def _update_speaker_statements(speaker_ids: list[int]) -> None:
    Statement.objects.filter(speaker_id__in=speaker_ids).update(search_vector=_statement_vector())


def rebuild_search_index() -> None:
    """Recompute every vector (after a change of weights, or a restore)."""
    if not is_postgresql():
        return
    for model, vector in VECTORS.items():
        model.objects.update(search_vector=vector())


# --- Querying -------------------------------------------------------------------------------------


def clean_query(q: str | None) -> str:
    """The query as we are willing to run it: no control characters, bounded length.

    Returns "" when there is nothing to search for (empty, only punctuation).
    """
    if not q:
        return ""
    q = _CONTROL_CHARS.sub(" ", str(q))[:MAX_QUERY_LENGTH]
    q = " ".join(q.split())
    return q if _WORD.search(q) else ""


def query_terms(q: str) -> list[str]:
    """The words of a query, for the SQLite fallback and Python-side highlighting."""
    terms = []
    for word in _WORD.findall(clean_query(q)):
        if word.casefold() not in {t.casefold() for t in terms} and word.lower() not in {"or", "and"}:
            terms.append(word)
    return terms[:MAX_TERMS]


# Per model: the fields searched on SQLite, the field the snippet is cut from, and a tie-break order.
SEARCH_FIELDS = {
    Summit: (("title", "city", "country__name", "topics__name"), "title"),
    Statement: (("text", "speaker__name", "speaker_label"), "text"),
    Agreement: (("text", "topic", "exceptions"), "text"),
}


def search(queryset: models.QuerySet, q: str | None) -> models.QuerySet:
    """Rows of ``queryset`` (summits, statements or agreements) matching ``q``, best first.

    Each row is annotated with ``rank`` (a float; 0 on SQLite) and ``headline``: on PostgreSQL
    the snippet with the matching words between START_SEL/STOP_SEL markers, on SQLite None.
    Render either with ``highlight_snippet(row, q)``, which escapes. An empty or meaningless
    query matches nothing.
    """
    q = clean_query(q)
    model = queryset.model
    fields, snippet_field = SEARCH_FIELDS[model]
    if not q:
        return queryset.none()
    if is_postgresql():
        query = SearchQuery(q, search_type="websearch", config=CONFIG)
        return (
            queryset.filter(search_vector=query)
            .annotate(
                rank=SearchRank(F("search_vector"), query),
                headline=SearchHeadline(
                    snippet_field,
                    query,
                    config=CONFIG,
                    start_sel=START_SEL,
                    stop_sel=STOP_SEL,
                    highlight_all=True,
                ),
            )
            .order_by("-rank", "-pk")
        )
    terms = query_terms(q)
    if not terms:
        return queryset.none()
    condition = Q()
    for term in terms:
        term_q = Q()
        for field in fields:
            term_q |= Q(**{f"{field}__icontains": term})
        condition &= term_q
    # Joins through to-many fields (topics) can repeat a row: filter on pk instead of distinct().
    matching = model.objects.filter(condition).values("pk")
    return (
        queryset.filter(pk__in=matching)
        .annotate(rank=Value(0.0, output_field=FloatField()), headline=Value(None, models.TextField()))
        .order_by("-pk")
    )


def mark_terms(text: str, q: str | None) -> SafeString:
    """``text`` HTML-escaped, with each word of ``q`` (as a word prefix) wrapped in <mark>."""
    terms = query_terms(q or "")
    if not terms:
        return escape(text)
    pattern = re.compile(r"\b(" + "|".join(re.escape(t) for t in terms) + r")\w*", re.IGNORECASE)
    parts, last = [], 0
    for match in pattern.finditer(text):
        parts.append(escape(text[last : match.start()]))
        parts.append(f"<mark>{escape(match.group(0))}</mark>")
        last = match.end()
    parts.append(escape(text[last:]))
    return mark_safe("".join(parts))  # noqa: S308 - every piece of text above is escaped


def mark_headline(headline: str) -> SafeString:
    """A PostgreSQL headline with START_SEL/STOP_SEL markers as escaped HTML with <mark>s."""
    escaped = str(escape(headline))
    escaped = re.sub(f"{START_SEL}(.*?){STOP_SEL}", r"<mark>\1</mark>", escaped, flags=re.DOTALL)
    return mark_safe(escaped.replace(START_SEL, "").replace(STOP_SEL, ""))  # noqa: S308 - escaped above


def highlight_snippet(row: models.Model, q: str | None) -> SafeString:
    """The searchable text of a search result, escaped, with the matching words in <mark>."""
    headline = getattr(row, "headline", None)
    if headline:
        return mark_headline(headline)
    _, snippet_field = SEARCH_FIELDS[type(row)]
    return mark_terms(getattr(row, snippet_field), q)
