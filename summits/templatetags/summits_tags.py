"""Template helpers for the public pages: dates as readers write them, search snippets, and the
article text with its extracted spans highlighted."""

from collections.abc import Sequence

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from summits import dates, search
from summits.models import ItemReport

register = template.Library()


@register.filter
def summit_date(summit) -> str:
    """ "3 May 2017", "3–4 May 2017", "March 1980", "date not known — the report says “Wednesday”"
    (see ``dates.display``)."""
    return dates.display_summit(summit)


@register.filter
def summit_datetime(summit) -> str:
    """The summit's start as a <time datetime> value: "2017-05-03", "1980-03" or "1980"."""
    return dates.iso(summit.start_date, summit.date_precision)


@register.filter
def place(summit) -> str:
    """ "Bocharov Ruchei, Sochi, Russian Federation", or whichever parts are known."""
    country = summit.country.name if summit.country else ""
    return ", ".join(part for part in (summit.venue, summit.city, country) if part)


@register.filter
def reports(item) -> list[ItemReport]:
    """Every report of a statement or an agreement, its first article first (``ExtractedItem.reports``;
    the item's ``further_sources`` prefetched)."""
    return item.reports


@register.simple_tag
def search_snippet(row, q) -> SafeString:
    """A search result's text, escaped, with the matching words in <mark>."""
    return search.highlight_snippet(row, q)


def span_anchor(item) -> str:
    """The id of an item's highlighted span on the article page (see ExtractedItem.get_absolute_url)."""
    return f"span-{item._meta.model_name}-{item.pk}"


def _back_link(item) -> SafeString:
    kind = item._meta.model_name
    if kind == "statement":
        label = f"Statement by {item.speaker_name} at {item.summit}"
    else:
        label = f"Agreement at {item.summit}"
    return format_html(
        '<a class="span-link" href="{}#{}-{}" title="{}"><span class="visually-hidden">{}</span>'
        '<span aria-hidden="true">↩</span></a>',
        item.summit.get_absolute_url(),
        kind,
        item.pk,
        label,
        label,
    )


def highlight_spans(
    text: str, items: Sequence, *, link=_back_link, mark_class=None, offsets: bool = False
) -> SafeString:
    """``text`` HTML-escaped, with each item's [start, end) span in a <mark> followed by ``link(item)``
    (by default a link back to its summit's page).

    ``mark_class(item)`` adds classes to an item's marks. With ``offsets`` every run of text is
    wrapped in ``<span data-start="N">``, N its offset in ``text``, so that a script can turn a
    selection in the page back into offsets (the editors' review desk does).

    Spans may nest or overlap. Marks are kept properly nested: where a span ends while a span
    opened after it is still open, the later one is closed and reopened as a continuation (the
    continuation carries no id, so every id appears once, on the span's first mark).
    """
    length = len(text)
    spans = sorted(
        (
            (item.start, item.end, item)
            for item in items
            if item.start is not None and item.end is not None and 0 <= item.start < item.end <= length
        ),
        key=lambda s: (s[0], -s[1], s[2]._meta.model_name, s[2].pk),
    )
    boundaries = sorted({0, length, *(s[0] for s in spans), *(s[1] for s in spans)})
    starting: dict[int, list] = {}
    for span in spans:
        starting.setdefault(span[0], []).append(span)

    def open_tag(span, first: bool) -> str:
        item = span[2]
        kind = item._meta.model_name
        classes = f"span span-{kind}" + (f" {escape(mark_class(item))}" if mark_class else "")
        if first:
            return f'<mark id="{span_anchor(item)}" class="{classes}">'
        return f'<mark class="{classes} span-cont" data-span="{span_anchor(item)}">'

    out: list[str] = []
    stack: list = []
    for index, position in enumerate(boundaries):
        if any(span[1] == position for span in stack):
            reopen = []
            while any(span[1] == position for span in stack):
                span = stack.pop()
                out.append("</mark>")
                if span[1] == position:
                    out.append(link(span[2]))
                else:
                    reopen.append(span)
            for span in reversed(reopen):
                out.append(open_tag(span, first=False))
                stack.append(span)
        for span in starting.get(position, []):
            out.append(open_tag(span, first=True))
            stack.append(span)
        if index + 1 < len(boundaries):
            piece = str(escape(text[position : boundaries[index + 1]]))
            out.append(f'<span data-start="{position}">{piece}</span>' if offsets else piece)
    return mark_safe("".join(out))  # noqa: S308 - text escaped, tags and links built above


@register.simple_tag(takes_context=True)
def page_url(context, number, page_kwarg="page") -> str:
    """The current URL's query string with ``page_kwarg`` set to ``number`` (filters and q kept)."""
    query = context["request"].GET.copy()
    query[page_kwarg] = number
    return "?" + query.urlencode()
