"""Citations of a summit or a statement in Chicago, APA, BibTeX and RIS.

The formatters are pure functions over a ``Citable`` (plain values: no ORM, no request), so every
format is tested without a database; ``for_summit`` and ``for_statement`` build a ``Citable`` from
rows already fetched (they issue no query of their own).

Choices a reader may want to know:
- The archive is the publisher; a statement's author is its speaker, written as the archive
  writes the name (the archive does not know which part of "Recep Tayyip Erdogan" is the family
  name, so no name is inverted or abbreviated).
- A summit's date is written by ``dates.display``, so an unknown date reads "date not known — the
  report says “Wednesday”" in every format. APA's parenthesised date is the meeting's date
  ("n.d." when not known).
- Each source article is named with its outlet and publication date; the access date is the day
  the citation was made.
- BibTeX is written for biblatex/biber (UTF-8, ``date`` and ``urldate`` in ISO 8601, with
  ``year``/``month`` for classic BibTeX too); RIS uses CRLF line ends as the format asks.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from . import dates

ARCHIVE = "Summit Archive"
TITLE_LENGTH = 160  # a statement's text beyond this is shortened in its citation's title

BIBTEX_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
BIBTEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


@dataclass(frozen=True)
class Source:
    """An article a summit or statement was taken from."""

    title: str
    outlet: str = ""
    published: date | None = None
    url: str = ""


@dataclass(frozen=True)
class Citable:
    """What a citation says about one page of the archive."""

    key: str  # the BibTeX key and the file name of a download
    title: str
    url: str  # the page's permanent address
    accessed: date
    kind: str  # what the page records: "Summit", "Direct quotation at …"
    start: date | None = None
    end: date | None = None
    precision: str = ""
    date_text: str = ""
    place: str = ""
    author: str = ""  # a statement's speaker; the archive itself otherwise
    sources: tuple[Source, ...] = field(default_factory=tuple)

    @property
    def date_display(self) -> str:
        return dates.display(self.start, self.end, self.precision, self.date_text)

    @property
    def occasion(self) -> str:
        """ "Summit, Sochi, Russian Federation, 3–4 May 2017"."""
        return ", ".join(part for part in (self.kind, self.place, self.date_display) if part)


# --- Shared pieces --------------------------------------------------------------------------------


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _title(citable: Citable) -> str:
    """The title on one line, without the comma a quotation cut from its sentence may end with."""
    return _one_line(citable.title).rstrip(",;: ")


def shorten(text: str, length: int = TITLE_LENGTH) -> str:
    """``text`` on one line, cut at a word before ``length`` characters with "…"."""
    text = _one_line(text).rstrip(",;: ")
    if len(text) <= length:
        return text
    return text[: length - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _source_phrase(source: Source) -> str:
    """ "Example News, “Leaders meet”, 3 May 2017, https://…"."""
    title = f"“{_one_line(source.title)}”" if source.title else ""
    published = dates.day_month_year(source.published) if source.published else ""
    return ", ".join(part for part in (source.outlet, title, published, source.url) if part)


def _sources_sentence(citable: Citable) -> str:
    if not citable.sources:
        return ""
    label = "Source" if len(citable.sources) == 1 else "Sources"
    return f"{label}: " + "; ".join(_source_phrase(s) for s in citable.sources) + "."


def _sentence(text: str) -> str:
    """``text`` ending with one full stop (none added after "?", "!", "…" or a closing quote's)."""
    text = text.strip().rstrip(",;:").rstrip()
    return text if text.endswith((".", "?", "!", "…", ".”", "?”", "!”")) else text + "."


# --- Chicago (notes and bibliography, a web page) -------------------------------------------------


def chicago(citable: Citable) -> str:
    """Author. “Title.” Occasion. Site. Sources. Accessed day. URL."""
    parts = []
    if citable.author:
        parts.append(_sentence(citable.author))
    parts.append(f"“{_sentence(_title(citable))}”")
    parts.append(_sentence(citable.occasion))
    parts.append(_sentence(ARCHIVE))
    if sources := _sources_sentence(citable):
        parts.append(sources)
    parts.append(f"Accessed {dates.day_month_year(citable.accessed)}.")
    parts.append(f"{citable.url}.")
    return " ".join(parts)


# --- APA 7 (a web page whose content changes: with a retrieval date) ------------------------------


def _apa_date(citable: Citable) -> str:
    """ "2017, May 3", "2017, May 3–4", "2017, April 30 – May 2", "1980, March", "1980", "n.d."."""
    start, end, precision = citable.start, citable.end, citable.precision
    if start is None:
        return "n.d."
    last = end if end is not None and end > start else start
    if precision == dates.YEAR or last.year != start.year:
        return str(start.year) if last.year == start.year else f"{start.year}–{last.year}"
    first_month, last_month = dates.MONTHS[start.month - 1], dates.MONTHS[last.month - 1]
    if precision == dates.MONTH:
        months = first_month if last.month == start.month else f"{first_month}–{last_month}"
        return f"{start.year}, {months}"
    if last == start:
        return f"{start.year}, {first_month} {start.day}"
    if last.month == start.month:
        return f"{start.year}, {first_month} {start.day}–{last.day}"
    return f"{start.year}, {first_month} {start.day} – {last_month} {last.day}"


def _apa_source(source: Source) -> str:
    """ "Example News (2017, May 3), Leaders meet"."""
    day = source.published
    published = f" ({day.year}, {dates.MONTHS[day.month - 1]} {day.day})" if day else ""
    title = f", {_one_line(source.title)}" if source.title else ""
    return f"{source.outlet or 'Unknown outlet'}{published}{title}"


def apa(citable: Citable) -> str:
    """Author. (Date). Title [Description]. Site. Sources. Retrieved day, from URL"""
    author = citable.author or ARCHIVE
    described = "; ".join(
        part
        for part in (citable.kind, citable.place, citable.date_display if citable.start is None else "")
        if part
    )
    parts = [_sentence(author), f"({_apa_date(citable)}).", f"{_title(citable)} [{described}]."]
    if citable.author:  # the site is named only when it is not the author
        parts.append(f"{ARCHIVE}.")
    if citable.sources:
        parts.append("Based on " + "; ".join(_apa_source(s) for s in citable.sources) + ".")
    accessed = citable.accessed
    parts.append(
        f"Retrieved {dates.MONTHS[accessed.month - 1]} {accessed.day}, {accessed.year}, from {citable.url}"
    )
    return " ".join(parts)


# --- BibTeX (biblatex @online, with classic BibTeX fields) ----------------------------------------


def bibtex_escape(text: str) -> str:
    """``text`` on one line with TeX's special characters escaped."""
    return "".join(BIBTEX_SPECIALS.get(char, char) for char in _one_line(text))


def bibtex_url(url: str) -> str:
    """A URL for a verbatim url field: braces and backslashes percent-encoded, nothing else."""
    return url.replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D")


def bibtex_key(text: str) -> str:
    return "".join(char if char.isascii() and (char.isalnum() or char in "-_:") else "-" for char in text)


def bibtex(citable: Citable) -> str:
    author = citable.author or ARCHIVE
    fields: list[tuple[str, str]] = [
        ("author", "{" + bibtex_escape(author) + "}"),  # braced: a name as written, not parsed
        ("title", "{" + bibtex_escape(_title(citable)) + "}"),  # braced: its capitals kept
    ]
    if citable.start is not None:
        start_iso = dates.iso(citable.start, citable.precision)
        end_iso = dates.iso_end(citable.start, citable.end, citable.precision)
        fields.append(("date", f"{start_iso}/{end_iso}" if end_iso else start_iso))
        fields.append(("year", str(citable.start.year)))
        if citable.precision != dates.YEAR:
            fields.append(("month", BIBTEX_MONTHS[citable.start.month - 1]))
    notes = [_sentence(citable.occasion)]
    if sources := _sources_sentence(citable):
        notes.append(sources)
    fields += [
        ("howpublished", bibtex_escape(ARCHIVE)),
        ("organization", bibtex_escape(ARCHIVE)),
        ("note", bibtex_escape(" ".join(notes))),
        ("url", bibtex_url(citable.url)),
        ("urldate", citable.accessed.isoformat()),
    ]
    # the month is a BibTeX macro (may, jun...), written without braces
    body = ",\n".join(
        f"  {name} = {value}" if name == "month" else f"  {name} = {{{value}}}" for name, value in fields
    )
    return f"@online{{{bibtex_key(citable.key)},\n{body}\n}}\n"


# --- RIS -------------------------------------------------------------------------------------------


def _ris_date(day: date | None, precision: str = "") -> str:
    """RIS's YYYY/MM/DD/ with what is not known left empty: "2017/05/03/", "1980/03//", "1980///"."""
    if day is None:
        return ""
    if precision == dates.YEAR:
        return f"{day.year:04d}///"
    if precision == dates.MONTH:
        return f"{day.year:04d}/{day.month:02d}//"
    return f"{day.year:04d}/{day.month:02d}/{day.day:02d}/"


def ris(citable: Citable) -> str:
    """An RIS record (type ELEC, a web page), CRLF line ends."""
    lines: list[tuple[str, str]] = [("TY", "ELEC")]
    lines.append(("AU", citable.author or ARCHIVE))
    lines.append(("TI", _title(citable)))
    lines.append(("T2", ARCHIVE))
    lines.append(("PB", ARCHIVE))
    if citable.start is not None:
        lines.append(("PY", str(citable.start.year)))
        lines.append(("DA", _ris_date(citable.start, citable.precision)))
    if citable.place:
        lines.append(("CY", citable.place))
    lines.append(("N1", citable.occasion))
    for source in citable.sources:
        lines.append(("N1", "Source: " + _source_phrase(source)))
    lines.append(("UR", citable.url))
    lines.append(("Y2", _ris_date(citable.accessed)))
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {_one_line(value)}\r\n" for tag, value in lines)


FORMATS = {"chicago": chicago, "apa": apa, "bibtex": bibtex, "ris": ris}


def all_formats(citable: Citable) -> dict[str, str]:
    """{"chicago": ..., "apa": ..., "bibtex": ..., "ris": ...}."""
    return {name: format_(citable) for name, format_ in FORMATS.items()}


# --- From the archive's rows ----------------------------------------------------------------------


def sources_from(articles: Iterable) -> tuple[Source, ...]:
    return tuple(
        Source(title=str(article), outlet=article.outlet, published=article.published, url=article.safe_url)
        for article in articles
    )


def place_of(summit) -> str:
    return ", ".join(part for part in (summit.city, summit.country.name if summit.country else "") if part)


def for_summit(summit, *, url: str, accessed: date) -> Citable:
    """A summit's citation (its articles prefetched, its country selected)."""
    return Citable(
        key=f"summit-archive:{summit.slug}",
        title=summit.title,
        url=url,
        accessed=accessed,
        kind="Summit",
        start=summit.start_date,
        end=summit.end_date,
        precision=summit.date_precision,
        date_text=summit.date_text,
        place=place_of(summit),
        sources=sources_from(summit.articles.all()),
    )


def for_statement(statement, *, url: str, accessed: date) -> Citable:
    """A statement's citation (its speaker, summit, the summit's country and its article selected,
    its further sources prefetched): every article that reports it is a source."""
    summit = statement.summit
    kind = "Direct quotation" if statement.kind == "direct" else "Reported speech"
    return Citable(
        key=f"summit-archive:statement-{statement.pk}",
        title=shorten(statement.text),
        url=url,
        accessed=accessed,
        kind=f"{kind} at {summit.title}",
        start=summit.start_date,
        end=summit.end_date,
        precision=summit.date_precision,
        date_text=summit.date_text,
        place=place_of(summit),
        author=statement.speaker_name,
        sources=sources_from(report.article for report in statement.reports),
    )
