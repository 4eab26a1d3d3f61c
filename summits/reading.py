"""Reading an article file as a person would: its encoding, its markup and its headers.

Pure Python, no Django: bytes (a file, an upload) or text (a paste, an API call) in, an
:class:`ArticleFile` out, whose ``text`` is the clean article the extraction reads (every offset
refers to it) and whose fields hold what the file's header says (title, date, URL, outlet,
byline). Anything that cannot be read raises :class:`Unreadable` with the reason in one line,
and nothing else is ever raised.

Libraries do what they do best:

- the standard codecs decode what a byte-order mark announces; charset-normalizer guesses the
  legacy encodings (cp1252, Latin-1, ...) of files without one;
- ftfy repairs mojibake ("â€™" -> "’"), configured to fix encodings only: clean text is
  never changed (quotes stay curly, no ligature, width or Unicode normalisation changes);
- selectolax (the lexbor engine) parses HTML and decodes its entities; the standard ``html``
  module decodes entities in plain text and SGML, ``email`` reads mail and Usenet headers.

What is hand-written is small: recognising the wrappers (newswire and Reuters SGML, front
matter, key-value headers, mail), un-quoting, un-wrapping hard-wrapped lines, and dates.

Line endings: ``"\\r\\n"`` and ``"\\r"`` become ``"\\n"``, and so do the Unicode separators
U+2028 (line) and U+2029 (paragraph, which becomes a blank line), so that the same article gives
the same text, and the same hash, whichever way it arrives; Python's ``str.splitlines`` would
otherwise count lines the extraction does not see.
"""

from __future__ import annotations

import codecs
import datetime as dt
import email
import email.policy
import email.utils
import html
import json
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import charset_normalizer
import ftfy
from selectolax.lexbor import LexborHTMLParser, LexborNode

logger = logging.getLogger(__name__)

__all__ = ["ArticleFile", "Unreadable", "normalise_newlines", "parse_date", "read_bytes", "read_text"]


class Unreadable(ValueError):
    """A file the archive cannot read as text; the message is the reason in one line.

    >>> str(Unreadable("binary file, not text"))
    'binary file, not text'
    """


@dataclass(frozen=True)
class ArticleFile:
    """An article as read: the clean text the extraction reads, the input as decoded, and its metadata."""

    text: str  # the clean article text the extraction reads; all offsets refer to it. Line endings are "\n".
    original: str  # the input as decoded, before any cleaning (line endings as they came)
    format: str  # "text", "html", "newswire-sgml", "reuters-sgml", "front-matter", "email"
    encoding: str  # e.g. "utf-8", "utf-16", "cp1252"; "" for text given as str
    title: str | None = None
    published: dt.date | None = None
    url: str | None = None  # only http(s) URLs; anything else is dropped
    outlet: str | None = None
    byline: str | None = None
    repaired: tuple[str, ...] = ()  # what was done, e.g. ("mojibake", "html-entities", "line-endings")


EMPTY = "empty: there is no text"
BINARY = "binary file, not text"


# --- The data: what headers, signatures and tags mean ------------------------------------------------

# A header key (lower case, "-" and " " read as "_") -> the field it fills; None: known, not kept.
# "source" is the URL when it is one, else the outlet.
HEADER_KEYS: dict[str, str | None] = {
    "title": "title",
    "headline": "title",
    "date": "published",
    "post_date": "published",
    "published": "published",
    "published_at": "published",
    "publish_date": "published",
    "pubdate": "published",
    "date_published": "published",
    "url": "url",
    "link": "url",
    "canonical": "url",
    "canonical_url": "url",
    "permalink": "url",
    "published_time": "published",
    "publishdate": "published",
    "modified_time": None,
    "excerpt": None,
    "image": None,
    "redirect_from": None,
    "source_url": "url",
    "original_url": "url",
    "src": "source",
    "source": "source",
    "outlet": "outlet",
    "publication": "outlet",
    "publisher": "outlet",
    "site": "outlet",
    "site_name": "outlet",
    "newspaper": "outlet",
    "author": "byline",
    "authors": "byline",
    "creator": "creator",  # a catalogue's creators ("Downer, Alexander"): the byline, name order restored
    "creators": "creator",
    "byline": "byline",
    "category": None,
    "categories": None,
    "tags": None,
    "slug": None,
    "summary": None,
    "description": None,
    "keywords": None,
    "section": None,
    "updated": None,
    "lang": None,
    "language": None,
    "id": None,
    "draft": None,
    "layout": None,
    "type": None,
}

# Header fields only a mail or Usenet message has (a plain article's header has none of them).
MAIL_KEYS = frozenset(
    {
        "from",
        "subject",
        "newsgroups",
        "message-id",
        "path",
        "references",
        "in-reply-to",
        "organization",
        "lines",
        "to",
        "cc",
        "reply-to",
        "sender",
        "nntp-posting-host",
        "nntp-posting-date",
        "xref",
        "mime-version",
        "content-type",
        "content-transfer-encoding",
        "received",
        "return-path",
        "followup-to",
        "distribution",
        "x-newsreader",
        "user-agent",
        "x-mailer",
        "approved",
    }
)

# The first bytes of files that are not text, whatever their name says.
BINARY_SIGNATURES = (
    b"\x89PNG\r\n\x1a\n",
    b"GIF87a",
    b"GIF89a",
    b"\xff\xd8\xff",  # JPEG
    b"II*\x00",  # TIFF
    b"MM\x00*",
    b"RIFF",  # WebP, WAV, AVI
    b"PK\x03\x04",  # zip, docx, odt, epub
    b"PK\x05\x06",
    b"%PDF-",
    b"\x1f\x8b",  # gzip
    b"\xfd7zXZ\x00",
    b"7z\xbc\xaf\x27\x1c",
    b"Rar!\x1a\x07",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",  # old Word and Excel
    b"\x7fELF",
    b"SQLite format 3\x00",
    b"OggS",
)

# Byte-order marks, longest first (the UTF-32 LE mark begins with the UTF-16 LE one).
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)

# ftfy, for encodings only: everything that would change clean text is off.
MOJIBAKE_ONLY = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=False,
    fix_encoding=True,
    restore_byte_a0=True,
    replace_lossy_sequences=True,
    decode_inconsistent_utf8=True,
    fix_c1_controls=True,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_surrogates=False,
    remove_control_chars=False,
    normalization=None,
    explain=False,
)

HTML_NOISE = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "nav",
        "footer",
        "aside",
        "form",
        "button",
        "select",
        "textarea",
        "iframe",
        "svg",
        "canvas",
        "video",
        "audio",
        "object",
        "embed",
        "head",
        "title",
        "meta",
        "link",
    }
)
HTML_BLOCKS = frozenset(
    {
        "address",
        "article",
        "blockquote",
        "body",
        "caption",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "figcaption",
        "header",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "li",
        "main",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "tr",
        "ul",
    }
)

# Newswire document ids name the agency: "AFP_ENG_20130617.0001", "APW19980601.0001".
NEWSWIRE_AGENCIES = {
    "AFP": "AFP",
    "APW": "Associated Press",
    "AP": "Associated Press",
    "NYT": "The New York Times",
    "XIN": "Xinhua",
    "CNA": "Central News Agency",
    "LTW": "Los Angeles Times/Washington Post",
    "WPB": "Washington Post/Bloomberg",
    "UMD": "Usenet",
}

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january",),
            ("february",),
            ("march",),
            ("april",),
            ("may",),
            ("june",),
            ("july",),
            ("august",),
            ("september", "sept"),
            ("october",),
            ("november",),
            ("december",),
        ],
        start=1,
    )
    for name in names
}


# --- Entrances ------------------------------------------------------------------------------------


def read_bytes(data: bytes) -> ArticleFile:
    """A file's bytes read as an article; raises :class:`Unreadable` (and nothing else) if it cannot be.

    >>> read_bytes("Macron met Scholz in Berlin.\\r\\n".encode("utf-16")).text
    'Macron met Scholz in Berlin.\\n'
    """
    return _guarded(lambda: _read(*decode(bytes(data))))


def read_text(text: str) -> ArticleFile:
    """Text already decoded (a paste, an API call) read as an article; raises only :class:`Unreadable`.

    >>> read_text("Macron met Scholz &amp; Sánchez in Berlin.").text
    'Macron met Scholz & Sánchez in Berlin.'
    """
    return _guarded(lambda: _read(_checked_text(text), ""))


def normalise_newlines(text: str) -> str:
    """Every line ending as "\\n": CRLF, lone CR and U+2028; U+2029 (a paragraph break) as a blank line.

    >>> normalise_newlines("Berlin\\r\\nParis\\rRome\\u2029Madrid")
    'Berlin\\nParis\\nRome\\n\\nMadrid'
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\u2028" in text or "\u2029" in text:
        text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    return text


def _guarded(read: Callable[[], ArticleFile]) -> ArticleFile:
    """Run a reader so that a bug in it is one clear Unreadable line for one file, never a traceback."""
    try:
        return read()
    except Unreadable:
        raise
    except Exception as exc:  # the promise: nothing but Unreadable leaves this module
        logger.exception("reading an article failed")
        raise Unreadable(f"unexpected error while reading: {type(exc).__name__}") from exc


def _checked_text(text: str) -> str:
    if not isinstance(text, str):
        raise Unreadable("not text")
    if "\x00" in text:
        raise Unreadable("binary data, not text")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise Unreadable("not valid Unicode text (lone surrogate characters)") from None
    return text.removeprefix("\ufeff")


# --- Decoding -------------------------------------------------------------------------------------


def decode(data: bytes) -> tuple[str, str]:
    """The text of a file's bytes and the encoding it was in; raises Unreadable for binary or empty files.

    >>> decode("Caf\\u00e9 \\u201ctalks\\u201d in Paris".encode("cp1252"))
    ('Café “talks” in Paris', 'cp1252')
    """
    if not data.strip():
        raise Unreadable(EMPTY)
    if data.startswith(BINARY_SIGNATURES):
        raise Unreadable(BINARY)
    text, encoding = _decode_by_bom(data) or _decode_wide_without_bom(data) or _decode_narrow(data)
    if "\x00" in text or _mostly_controls(text):
        raise Unreadable(BINARY)
    return _checked_text(text), encoding


def _decode_by_bom(data: bytes) -> tuple[str, str] | None:
    """What a byte-order mark announces, decoded with the standard codec: b"\\xff\\xfeB\\x00" -> "B"."""
    for bom, codec, name in BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec), name
            except UnicodeDecodeError:
                raise Unreadable(f"not valid {name} text, although the file says it is") from None
    return None


def _decode_wide_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 or UTF-32 without a mark, told by where the zero bytes of Latin text fall: b"B\\x00" -> "B"."""
    for width, codec in ((4, "utf-32-le"), (4, "utf-32-be"), (2, "utf-16-le"), (2, "utf-16-be")):
        if len(data) < 2 * width or len(data) % width or not _zeros_fit(data, width, codec.endswith("le")):
            continue
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            continue
    return None


def _zeros_fit(data: bytes, width: int, little: bool) -> bool:
    """Whether the zero bytes sit where a text's high bytes would in this width and byte order."""
    units = len(data) // width
    columns = [data[i::width].count(0) for i in range(width)]
    low = 0 if little else width - 1
    high = [columns[i] for i in range(width) if i != low]
    # the high bytes are mostly zero (Latin text), the low ones almost never
    return columns[low] <= units * 0.02 and min(high) >= units * 0.6


def _decode_narrow(data: bytes) -> tuple[str, str]:
    """UTF-8 if it is, else the legacy encoding charset-normalizer finds: b"caf\\xe9" -> "café" (cp1252)."""
    if b"\x00" in data:
        raise Unreadable(BINARY)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    results = charset_normalizer.from_bytes(data)
    best = results.best()
    if best is None:
        raise Unreadable(BINARY)
    # a tie (as little chaos) goes to cp1252, the legacy encoding of most English news files
    tied = [match for match in results if match.chaos <= best.chaos]
    western = next((match for match in tied if "cp1252" in match.could_be_from_charset), None)
    if western is not None:
        return str(western), "cp1252"
    return str(best), best.encoding


def _mostly_controls(text: str) -> bool:
    """More than one character in twenty a control character: the bytes were not text."""
    sample = text[:20000]
    controls = sum(1 for c in sample if (c < " " and c not in "\t\n\r\f\v\x1b") or c == "\ufffd")
    return controls * 20 > len(sample)


# --- Reading --------------------------------------------------------------------------------------


@dataclass
class _Meta:
    title: str | None = None
    published: dt.date | None = None
    url: str | None = None
    outlet: str | None = None
    byline: str | None = None
    repaired: list[str] = field(default_factory=list)

    def set(self, name: str, value: str | None) -> None:
        """Fill a field from a header value, first value wins, each field checked by its own rule."""
        value = _squash(value or "")
        if not value:
            return
        if name == "source":
            name = "url" if _http_url(value) else "outlet"
        if getattr(self, name, None) is not None:
            return
        if name == "title" and not _is_byline(value):
            self.title = value
        elif name == "published":
            self.published = parse_date(value)
        elif name == "url":
            self.url = _http_url(value)
        elif name == "outlet" and not _http_url(value):
            self.outlet = value
        elif name == "byline":
            self.byline = re.sub(r"^by\s+", "", value, flags=re.IGNORECASE) or None
        elif name == "creator" and self.byline is None:
            self.byline = catalogue_name(value)


CATALOGUE_NAME = re.compile(r"^(?P<surname>[A-Z][\w'’-]+), (?P<given>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)*)$")


def catalogue_name(value: str) -> str:
    """A library catalogue's "Surname, Given names" in reading order: "Downer, Alexander" ->
    "Alexander Downer"; any other value as it is."""
    match = CATALOGUE_NAME.match(value)
    return f"{match['given']} {match['surname']}" if match else value


def _read(original: str, encoding: str) -> ArticleFile:
    meta = _Meta()
    text = _repair(original, normalise_newlines, "line-endings", meta)
    text = _repair(text, fix_mojibake, "mojibake", meta)
    fmt, body = next((fmt, body) for fmt, reader in FORMATS if (body := reader(text, meta)) is not None)
    body = _repair(body, decode_entities, "html-entities", meta)
    if fmt != "text" or "html-entities" in meta.repaired:  # mojibake hidden by markup: "&Atilde;&copy;"
        body = _repair(body, fix_mojibake, "mojibake", meta)
    if not body.strip():
        raise Unreadable(EMPTY)
    return ArticleFile(
        text=body,
        original=original,
        format=fmt,
        encoding=encoding,
        title=meta.title,
        published=meta.published,
        url=meta.url,
        outlet=meta.outlet,
        byline=meta.byline,
        repaired=tuple(dict.fromkeys(meta.repaired)),
    )


def _repair(text: str, fix: Callable[[str], str], name: str, meta: _Meta) -> str:
    fixed = fix(text)
    if fixed != text:
        meta.repaired.append(name)
    return fixed


def fix_mojibake(text: str) -> str:
    """Text decoded in the wrong encoding put right, and nothing else touched (ftfy, encodings only).

    >>> fix_mojibake("Macronâ€™s visit to MÃ¼nchen")
    'Macron’s visit to München'
    """
    return ftfy.fix_text(text, MOJIBAKE_ONLY)


ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def decode_entities(text: str) -> str:
    """HTML entities decoded where the text really has them (even twice-escaped ones); else unchanged.

    >>> decode_entities("Sunak &amp;amp; Macron: &quot;a new chapter&rsquo;s start&quot;")
    'Sunak & Macron: "a new chapter’s start"'
    """

    def one(match: re.Match) -> str:
        entity = match.group()
        if entity[1] != "#" and entity[1:] not in html.entities.html5:
            return entity
        decoded = html.unescape(entity)
        return " " if decoded == "\xa0" else decoded

    for _ in range(3):  # "&amp;quot;" needs two rounds; three is enough for any feed
        decoded = ENTITY.sub(one, text)
        if decoded == text:
            break
        text = decoded
    return text


# --- Formats: each reader returns the article text, or None if the text is not in its format -----


def read_reuters_sgml(text: str, meta: _Meta) -> str | None:
    """A Reuters-21578 story: the title, a blank line, then the dateline and the body's paragraphs.

    >>> read_reuters_sgml('<REUTERS><DATE>26-FEB-1987 15:01:11.79</DATE><TEXT><TITLE>TALKS</TITLE>'
    ...     '<DATELINE> PARIS, Feb 26 - </DATELINE><BODY>Leaders met.\\n Reuter\\n&#3;</BODY></TEXT>',
    ...     _Meta())
    'TALKS\\n\\nPARIS, Feb 26 - Leaders met.\\n'
    """
    match = re.match(r"\s*(?:<!DOCTYPE[^>]*>\s*)?<REUTERS\b[^>]*>(.*?)(?:</REUTERS>|$)", text, re.I | re.S)
    if not match:
        return None
    doc = match.group(1)
    title = _sgml_field(doc, "TITLE")
    meta.set("title", title)
    meta.set("published", _sgml_field(doc, "DATE"))
    meta.set("outlet", "Reuters")
    body = _sgml_raw(doc, "BODY")
    if body is None:  # a story without <BODY>: the text after the title and dateline
        around = r"<TITLE>.*?</TITLE>|<DATELINE>.*?</DATELINE>|<[^>]+>"
        body = re.sub(around, "", _sgml_raw(doc, "TEXT") or "", flags=re.I | re.S)
    body = re.sub(r"&#(?:[0-9]|[12][0-9]|3[01]);", "", body)  # control characters (&#2;, &#3;, ...)
    body = re.sub(r"\s*\bREUTER\b\s*$", "", body.rstrip(), flags=re.I)
    paragraphs = [_squash(p) for p in re.split(r"\n(?=[ \t]+\S)|\n\s*\n", body) if p.strip()]
    dateline = _sgml_field(doc, "DATELINE")
    if dateline and paragraphs:
        paragraphs[0] = f"{dateline} {paragraphs[0]}"
    return _story([title, *paragraphs])


def read_newswire_sgml(text: str, meta: _Meta) -> str | None:
    """A newswire <DOC> (Gigaword, TDT, TREC): headline, a blank line, the dateline and the paragraphs.

    >>> read_newswire_sgml('<DOC id="AFP_ENG_20130617.0001"><HEADLINE>Talks</HEADLINE>'
    ...     '<DATELINE>BERLIN, June 17 (AFP)</DATELINE><TEXT><P>Leaders met.</P></TEXT></DOC>', _Meta())
    'Talks\\n\\nBERLIN, June 17 (AFP) - Leaders met.\\n'
    """
    match = re.match(r"\s*<DOC\b([^>]*)>(.*?)(?:</DOC>|$)", text, re.I | re.S)
    if not match or not re.search(r"<(?:TEXT|HEADLINE|DOCNO)\b", match.group(2), re.I):
        return None
    attributes, doc = match.groups()
    doc_id = _sgml_field(doc, "DOCNO") or _attribute(attributes, "id") or ""
    title = next(filter(None, (_sgml_field(doc, tag) for tag in ("HEADLINE", "HEAD", "HL", "TITLE"))), None)
    meta.set("title", title)
    for tag in ("DATE_TIME", "DATETIME", "DATE", "PUBDATE"):
        meta.set("published", _sgml_field(doc, tag))
    meta.published = meta.published or _date_in_doc_id(doc_id)
    meta.set("outlet", _agency(doc_id))
    meta.set("byline", _sgml_field(doc, "BYLINE"))
    paragraphs = _sgml_paragraphs(_sgml_raw(doc, "TEXT") or "")
    dateline = _sgml_field(doc, "DATELINE")
    if dateline and paragraphs and not paragraphs[0].startswith(dateline):
        paragraphs[0] = f"{dateline.rstrip(' -–—')} - {paragraphs[0]}"
    return _story([title, *paragraphs])


def read_html(text: str, meta: _Meta) -> str | None:
    """A web page or an HTML fragment as its paragraphs, headings and captions; the page's meta as metadata.

    >>> page = "<h1>Talks in Berlin</h1><p>Macron met&nbsp;Scholz.<br>They agreed.</p><nav>Home</nav>"
    >>> read_html(page, _Meta())
    'Talks in Berlin\\n\\nMacron met Scholz.\\nThey agreed.\\n'
    """
    if not _looks_like_html(text):
        return None
    lines, text = _lines_before_markup(text)
    tree = LexborHTMLParser(text)
    _html_meta(tree, meta)
    root = tree.css_first("article") or tree.css_first("main") or tree.css_first("[role=main]") or tree.body
    if root is None:
        return ""
    blocks = _html_blocks(root)
    heading = tree.css_first("h1")
    if heading is not None and root.tag != "body":
        first = _squash(heading.text(deep=True))
        if first and first not in blocks:
            blocks.insert(0, first)
    return f"{lines}\n\n{_story(blocks)}" if lines else _story(blocks)


def _lines_before_markup(text: str) -> tuple[str, str]:
    """Plain lines written before a paragraph that opens with a tag (a Markdown heading and list
    over a feed item's HTML) kept as lines, and the markup from that paragraph on: HTML would run
    them into one.

    >>> _lines_before_markup("## Talks in Berlin\n - date: 2024-01-02\n\n<p>Macron met Scholz.</p>")
    ('## Talks in Berlin\n - date: 2024-01-02', '<p>Macron met Scholz.</p>')
    """
    first = HTML_TAG.search(text)
    blank_line = text.rfind("\n\n", 0, first.start()) if first else -1
    markup = text[blank_line:].lstrip()
    if blank_line < 0 or not markup.startswith("<"):
        return "", text  # text and tags run together in one paragraph: all of it is markup
    return text[:blank_line].strip("\n"), markup


def read_front_matter(text: str, meta: _Meta) -> str | None:
    """Front matter at the top (YAML between "---" lines, TOML between "+++", "---json"): the rest is text.

    >>> page = '---\\ntitle: "Talks in Berlin"\\ndate: 2023-06-20\\n---\\n\\nMacron met Scholz.\\n'
    >>> read_front_matter(page, _Meta())
    'Macron met Scholz.\\n'
    """
    match = FRONT_MATTER.match(text)
    if not match:
        return None
    fence, language, block = match.groups()
    language = (language or ("toml" if fence == "+++" else "yaml")).lower()
    pairs = _json_pairs(block) if language == "json" else _front_matter_pairs(block, toml=language == "toml")
    if not pairs:
        return None
    for key, value in pairs:
        _set_header(meta, key, value)
    return _read_body(text[match.end() :], meta)


FRONT_MATTER = re.compile(
    r"(---|\+\+\+)(json|yaml|yml|toml)?[ \t]*\n(.*?)\n(?:\1|\.\.\.)[ \t]*(?:\n|$)", re.I | re.S
)


def read_email(text: str, meta: _Meta) -> str | None:
    """A mail or Usenet post: the header block read and stripped, quoting marks and the signature removed.

    >>> post = "From: Jane <j@example.org>\\nSubject: Talks\\nNewsgroups: world\\n\\n> Leaders met.\\n"
    >>> read_email(post, _Meta())
    'Leaders met.\\n'
    """
    header_end = _mail_header_end(text)
    if header_end is None:
        return None
    message = email.message_from_string(text, policy=email.policy.default)
    meta.set("title", re.sub(r"^(?:\s*(?:re|fwd?|aw)\s*:\s*)+", "", _header(message, "Subject"), flags=re.I))
    meta.set("published", _header(message, "Date"))
    meta.set("byline", email.utils.parseaddr(_header(message, "From"))[0])
    meta.set("outlet", _header(message, "Organization"))
    meta.set("url", _header(message, "Archived-At").strip("<>"))
    body = _mail_body(message) if _encoded_body(message) else text[header_end:]
    body = _repair(body, remove_signature, "signature", meta)
    body = _repair(body, unquote, "quoting", meta)
    return _read_body(body, meta)


def read_plain(text: str, meta: _Meta) -> str:
    """Plain text as it is: a key-value header at the top is read into the metadata and left in the text.

    Hard-wrapped lines are left too: the extraction's layout joins them, and a plain file's
    offsets stay those of the file.

    >>> read_plain("Title: Talks in Berlin\\nDate: 2023-06-20\\n\\nMacron met Scholz.\\n", _Meta())
    'Title: Talks in Berlin\\nDate: 2023-06-20\\n\\nMacron met Scholz.\\n'
    """
    for key, value in _top_header(text):
        _set_header(meta, key, value)
    return text


FORMATS: tuple[tuple[str, Callable[[str, _Meta], str | None]], ...] = (
    ("reuters-sgml", read_reuters_sgml),
    ("newswire-sgml", read_newswire_sgml),
    ("front-matter", read_front_matter),
    ("email", read_email),
    ("html", read_html),
    ("text", read_plain),
)


def _read_body(body: str, meta: _Meta) -> str:
    """The text under a header (front matter, mail): HTML reduced to text, or plain text unwrapped."""
    body = body.lstrip("\n")
    html_body = read_html(body, meta)
    if html_body is not None:
        return html_body
    return _repair(read_plain(body, meta), unwrap_lines, "unwrapped-lines", meta)


def _story(blocks: list[str | None]) -> str:
    """Blocks as paragraphs separated by blank lines, with a final newline: ["A", "B"] -> "A\\n\\nB\\n"."""
    kept = [block.strip() for block in blocks if block and block.strip()]
    return "\n\n".join(kept) + "\n" if kept else ""


# --- SGML helpers -----------------------------------------------------------------------------------


def _sgml_raw(doc: str, tag: str) -> str | None:
    match = re.search(rf"<{tag}\b[^>]*>(.*?)(?:</{tag}\s*>|$)", doc, re.I | re.S)
    return match.group(1) if match else None


def _sgml_field(doc: str, tag: str) -> str | None:
    """A short field's text, tags removed and whitespace squashed: <TITLE> Talks </TITLE> -> "Talks"."""
    raw = _sgml_raw(doc, tag)
    if raw is None:
        return None
    value = _squash(html.unescape(re.sub(r"&#(?:[0-9]|[12][0-9]|3[01]);|<[^>]*>", " ", raw)))
    return value or None


def _sgml_paragraphs(raw: str) -> list[str]:
    """The paragraphs of a <TEXT>: its <P> elements, else blocks split by blank lines or indented lines."""
    raw = re.sub(r"&#(?:[0-9]|[12][0-9]|3[01]);", "", raw)
    if re.search(r"<P\b", raw, re.I):
        pieces = re.split(r"<P\b[^>]*>|</P\s*>", raw, flags=re.I)
    else:
        pieces = re.split(r"\n\s*\n|\n(?=[ \t]+\S)", raw)
    return [p for p in (_squash(re.sub(r"<[^>]*>", " ", piece)) for piece in pieces) if p]


def _attribute(attributes: str, name: str) -> str | None:
    match = re.search(rf"\b{name}\s*=\s*\"?([^\"\s>]+)", attributes, re.I)
    return match.group(1) if match else None


def _date_in_doc_id(doc_id: str) -> dt.date | None:
    """The date in a newswire id: "AFP_ENG_20130617.0001" or "APW19980601.0001" -> its date."""
    match = re.search(r"(?<!\d)((?:19|20)\d{2})(\d{2})(\d{2})(?!\d)", doc_id)
    return _date(*map(int, match.groups())) if match else None


def _agency(doc_id: str) -> str | None:
    match = re.match(r"\s*([A-Za-z]+)", doc_id)
    return NEWSWIRE_AGENCIES.get(match.group(1).upper()) if match else None


# --- HTML helpers -----------------------------------------------------------------------------------

HTML_TAG = re.compile(
    r"<(?:!doctype\s+html|/?(?:html|head|body|p|div|br|h[1-6]|article|section|span|a|em|strong|b|i|u|ul|ol|li"
    r"|blockquote|figure|figcaption|img|meta|title|script|style|nav|footer|aside|header|main|table|tr|td)"
    r")(?=[\s/>])[^<>]*>",
    re.I,
)
HTML_BLOCK_TAG = re.compile(r"</?(?:p|br|div|h[1-6]|article|body|html|li|blockquote)(?=[\s/>])[^<>]*>", re.I)


def _looks_like_html(text: str) -> bool:
    """A page or a fragment: it opens with a tag, or has a block tag, or several tags of any kind."""
    first = HTML_TAG.search(text)
    if first is None:
        return False
    opens_with_tag = not text[: first.start()].strip()
    return opens_with_tag or bool(HTML_BLOCK_TAG.search(text)) or len(HTML_TAG.findall(text)) > 1


def _html_meta(tree: LexborHTMLParser, meta: _Meta) -> None:
    """Title, date, URL, outlet and author from the page's <head> (Open Graph, article:, canonical)."""

    def content(*selectors: str) -> str | None:
        for selector in selectors:
            node = tree.css_first(selector)
            value = node and (node.attributes.get("content") or node.attributes.get("datetime"))
            if value and value.strip():
                return value.strip()
        return None

    outlet = content('meta[property="og:site_name"]', 'meta[name="application-name"]')
    meta.set("outlet", outlet)
    title = content('meta[property="og:title"]', 'meta[name="twitter:title"]')
    if title is None:
        heading, page_title = tree.css_first("h1"), tree.css_first("title")
        title = _squash(heading.text(deep=True)) if heading is not None else None
        if not title and page_title is not None:
            title = _without_outlet(_squash(page_title.text(deep=True)), outlet)
    meta.set("title", title)
    meta.set(
        "published",
        content(
            'meta[property="article:published_time"]',
            'meta[name="article:published_time"]',
            'meta[itemprop="datePublished"]',
            'meta[name="pubdate"]',
            'meta[name="publish-date"]',
            'meta[name="date"]',
            'meta[name="dc.date"]',
            "time[datetime]",
        ),
    )
    canonical = tree.css_first('link[rel="canonical"]')
    meta.set("url", content('meta[property="og:url"]') or (canonical and canonical.attributes.get("href")))
    author = content('meta[name="author"]', 'meta[property="article:author"]', 'meta[name="byl"]')
    meta.set("byline", None if author and _http_url(author) else author)


def _without_outlet(title: str, outlet: str | None) -> str:
    """A <title>'s trailing " | Outlet" or " - Outlet" taken off: "Talks - The Times" -> "Talks"."""
    if outlet:
        for separator in (" | ", " - ", " – ", " — ", " :: "):
            if title.endswith(separator + outlet):
                return title[: -len(separator + outlet)]
    return title


def _html_blocks(root: LexborNode) -> list[str]:
    """The text of an element as blocks: one per paragraph, heading, list item or caption; noise dropped."""
    blocks: list[str] = []
    current: list[str] = []

    def flush() -> None:
        block = "\n".join(filter(None, (_squash(line) for line in "".join(current).split("\n"))))
        if block:
            blocks.append(block)
        current.clear()

    stack: list[tuple[LexborNode, bool]] = [(root, False)]
    while stack:  # iterative, so that deeply nested markup cannot exhaust the stack
        node, leaving = stack.pop()
        tag = node.tag or ""
        if leaving:
            flush()
        elif node.is_text_node:  # a newline in the source is a space; only <br> breaks a line
            current.append((node.text(deep=False) or "").replace("\n", " "))
        elif tag == "br":
            current.append("\n")
        elif tag == "figure":  # the picture is noise, its caption evidence
            flush()
            captions = (" ".join(_html_blocks(caption)) for caption in node.css("figcaption"))
            blocks.extend(caption for caption in captions if caption)
        elif node.is_element_node and tag not in HTML_NOISE:
            if tag in HTML_BLOCKS:
                flush()
                stack.append((node, True))
            stack.extend((child, False) for child in reversed(list(node.iter(include_text=True))))
    flush()
    return blocks


# --- Header helpers ---------------------------------------------------------------------------------

KEY_VALUE = re.compile(r"^([A-Za-z][A-Za-z0-9 _-]{0,30}):[ \t\u00a0]*(.*)$")


def _set_header(meta: _Meta, key: str, value: str) -> None:
    """A header line's value into the field the table names: ("Src", "https://...") -> meta.url."""
    name = HEADER_KEYS.get(re.sub(r"[\s-]+", "_", key.strip().lower()))
    if name:
        meta.set(name, value)


def _top_header(text: str) -> list[tuple[str, str]]:
    """The "Key: value" lines that open a text, if at least one of them is a known header key."""
    pairs = []
    for line in text.lstrip("\n").split("\n"):
        match = KEY_VALUE.match(line.strip())
        if not line.strip() or not match:
            break
        pairs.append((match.group(1), match.group(2)))
    known = [key for key, _ in pairs if re.sub(r"[\s-]+", "_", key.strip().lower()) in HEADER_KEYS]
    return pairs if known else []


def _front_matter_pairs(block: str, *, toml: bool) -> list[tuple[str, str]]:
    """The top-level "key: value" (YAML) or "key = value" (TOML) pairs of a front matter, values unquoted.

    A key with no value takes its first list item ("- Jane Smith") or its indented lines.
    """
    separator = r"\s*=\s*" if toml else r":(?:\s+|$)"
    pattern = re.compile(rf"^([A-Za-z_][\w.-]*){separator}(.*)$")
    pairs: list[tuple[str, str]] = []
    lines = block.split("\n")
    for index, line in enumerate(lines):
        match = pattern.match(line)
        if not match:
            continue
        key, value = match.group(1), match.group(2).strip()
        if value in ("", "|", ">", "|-", ">-"):
            value = _yaml_continuation(lines[index + 1 :], folded=value != "")
        elif value.startswith('"') and not _closed_quote(value):  # a double-quoted value over several lines
            following = iter(lines[index + 1 :])
            while not _closed_quote(value) and (more := next(following, None)) is not None:
                value += "\n" + more
        pairs.append((key.rsplit(".", 1)[-1], _unquote(value)))
    return pairs


def _closed_quote(value: str) -> bool:
    """Whether a double-quoted value ends with its closing quote: '"a \\"b\\""' yes, '"a \\' no."""
    if len(value) < 2 or not value.endswith('"'):
        return False
    before = value[:-1]
    return (len(before) - len(before.rstrip("\\"))) % 2 == 0


def _json_pairs(block: str) -> list[tuple[str, str]]:
    """The top-level text, number and list values of a JSON front matter, as (key, text) pairs."""
    try:
        data = json.loads(block)
    except ValueError:
        return []
    if not isinstance(data, dict):
        return []
    pairs = []
    for key, value in data.items():
        if isinstance(value, list):
            value = next((item for item in value if isinstance(item, str) and item.strip()), None)
        if isinstance(value, str | int | float) and not isinstance(value, bool):
            pairs.append((str(key), str(value)))
    return pairs


def _yaml_continuation(lines: list[str], *, folded: bool) -> str:
    """The value written under a key: its first "- item", or its indented lines joined."""
    taken = []
    for line in lines:
        if not line.strip() or not line[:1].isspace() and not line.startswith("- "):
            break
        item = line.strip()
        if item.startswith("- ") and not folded:
            return item[2:]
        taken.append(item)
    return " ".join(taken)


def _unquote(value: str) -> str:
    """A YAML or TOML scalar as text: '"Talks \\"now\\""' -> 'Talks "now"'; "[a, b]" -> "a"; no comment."""
    value = value.strip()
    if value.startswith("[") and value.endswith("]"):
        items = re.findall(r"\"((?:[^\"\\]|\\.)*)\"|'((?:[^']|'')*)'|([^,\[\]]+)", value[1:-1])
        first = next((a or b or c.strip() for a, b, c in items if (a or b or c.strip())), "")
        return first
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return _yaml_double_quoted(value[1:-1])
    if len(value) >= 2 and value[0] == value[-1] == "'":
        return value[1:-1].replace("''", "'")
    return re.sub(r"\s+#.*$", "", value)


YAML_ESCAPES = {"0": "", "a": "", "b": "", "e": "", "f": "", "v": "", "n": " ", "t": " ", "_": " ", "N": " "}


def _yaml_double_quoted(inner: str) -> str:
    """A YAML double-quoted scalar's text: escapes decoded, folded lines joined.

    >>> _yaml_double_quoted("Readout of Joe\\\\_Biden\\\\u2019s Meeting\\\\\\n  \\\\ with Sunak")
    'Readout of Joe Biden’s Meeting with Sunak'
    """
    lines = inner.split("\n")
    text = lines[0]
    for line in lines[1:]:  # a line break is a space, unless escaped by a trailing backslash
        escaped = (len(text) - len(text.rstrip("\\"))) % 2 == 1
        text = text[:-1] + line.lstrip() if escaped else text.rstrip() + " " + line.lstrip()

    def one(match: re.Match) -> str:
        code = match.group(1)
        if code[0] in "xuU" and len(code) > 1:
            number = int(code[1:], 16)
            return chr(number) if number < 0x110000 and not 0xD800 <= number < 0xE000 else ""
        return YAML_ESCAPES.get(code, code)

    return re.sub(r"\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)", one, text)


def _mail_header_end(text: str) -> int | None:
    """Where a mail or Usenet header block ends (after its blank line), if the text opens with one."""
    end = text.find("\n\n")
    if end <= 0:
        return None
    lines = text[:end].split("\n")
    if lines[0].startswith("From "):  # an mbox separator line
        lines = lines[1:]
    keys = set()
    for line in lines:
        if line[:1] in (" ", "\t"):
            continue  # a folded header line
        match = re.match(r"([!-9;-~]+):", line)
        if not match:
            return None
        keys.add(match.group(1).lower())
    mail_keys = keys & MAIL_KEYS
    return end + 2 if len(mail_keys) >= 2 and ("from" in mail_keys or "newsgroups" in mail_keys) else None


def _header(message: email.message.Message, name: str) -> str:
    """A mail header as text, RFC 2047 words decoded; "" when missing or malformed."""
    try:
        return str(message.get(name, "") or "")
    except Exception:  # a malformed header is no header
        return ""


def _encoded_body(message: email.message.Message) -> bool:
    encoding = _header(message, "Content-Transfer-Encoding").strip().lower()
    return message.is_multipart() or encoding in ("quoted-printable", "base64")


def _mail_body(message: email.message.EmailMessage) -> str:
    """The text of a MIME message: its plain-text part, else its HTML part, decoded."""
    part = message.get_body(preferencelist=("plain", "html"))
    content = part.get_content() if part is not None else ""
    return normalise_newlines(content if isinstance(content, str) else "")


def remove_signature(body: str) -> str:
    """A message without its signature, the lines after "-- " (or a bare "--" near the end).

    >>> remove_signature("Leaders met.\\n-- \\nJane, Berlin bureau\\n")
    'Leaders met.\\n'
    """
    lines = body.split("\n")
    for index in range(len(lines) - 1, -1, -1):
        if lines[index] == "-- " or (lines[index].strip() == "--" and len(lines) - index <= 10):
            return "\n".join(lines[:index]).rstrip("\n") + "\n"
    return body


QUOTE_MARKS = re.compile(r"^[ \t]*((?:>[ \t]?)+)")
ATTRIBUTION = re.compile(r"^(?:in article\b|on\b).*\b(?:wrote|writes):\s*$", re.IGNORECASE)


def unquote(body: str) -> str:
    """Quoting marks ("> ", ">> ", "> > ") taken off; each quoted passage a paragraph of its own.

    The attribution line that introduces a quotation ("In article <...>, Jane wrote:") goes too.

    >>> unquote("On Monday Jane wrote:\\n> > Leaders met.\\n> They agreed.\\nIndeed.\\n")
    'Leaders met.\\n\\nThey agreed.\\n\\nIndeed.\\n'
    """
    lines = body.split("\n")
    depths = [_quote_depth(line) for line in lines]
    out: list[str] = []
    for index, line in enumerate(lines):
        depth, unquoted = depths[index], QUOTE_MARKS.sub("", line)
        if ATTRIBUTION.match(line) and index + 1 < len(lines) and depths[index + 1] > depth:
            continue
        if out and out[-1].strip() and unquoted.strip() and index and depths[index - 1] != depth:
            out.append("")  # a change of quoting depth is a change of paragraph
        out.append(unquoted)
    return "\n".join(out)


def _quote_depth(line: str) -> int:
    match = QUOTE_MARKS.match(line)
    return match.group(1).count(">") if match else 0


# --- Lines, values, dates ---------------------------------------------------------------------------


def unwrap_lines(text: str) -> str:
    """Hard-wrapped paragraphs (lines broken at a margin of 60 to 100 characters) joined into one line each.

    Each paragraph (lines between blank lines) is looked at on its own: it is hard-wrapped when
    its lines run close to its longest one; a line is then joined to the next only when the
    next line's first word would not have fitted on it, so headlines, headers and lists keep
    their own lines. Text whose lines are longer than 100 characters is returned unchanged.

    >>> unwrap_lines("Leaders met in Berlin on Tuesday and agreed to work together\\non trade.\\n")
    'Leaders met in Berlin on Tuesday and agreed to work together on trade.\\n'
    """
    out: list[str] = []
    run: list[str] = []
    for line in [*text.split("\n"), ""]:  # a blank line at the end closes the last paragraph
        if line.strip():
            run.append(line)
            continue
        out.extend(_unwrap_paragraph(run))
        out.append(line)
        run = []
    return "\n".join(out[:-1])


def _unwrap_paragraph(lines: list[str]) -> list[str]:
    if len(lines) < 2:
        return lines
    width = max(len(line.rstrip()) for line in lines[:-1])
    filled = sum(len(line.rstrip()) >= width - 20 for line in lines[:-1])
    if not 60 <= width <= 100 or filled * 3 < (len(lines) - 1) * 2:
        return lines
    out = [lines[0]]
    for line in lines[1:]:
        previous = out[-1].rstrip()
        if _wrapped(previous, line.strip(), width):
            joiner = "" if re.search(r"[a-z]-$", previous) else " "
            out[-1] = previous + joiner + line.strip()
        else:
            out.append(line)
    return out


# A list item's mark: a bullet, an item's number ("2." or "3)", not a year ending a sentence:
# "... in September\n2022."), or a summary bullet.
LIST_ITEM = re.compile(r"(?:[-*+•·]|\d{1,3}[.)]|@highlight)(?:\s|$)")


def _wrapped(previous: str, line: str, width: int) -> bool:
    """Whether a line break was the margin's: the next line's first word would not have fitted."""
    if LIST_ITEM.match(line) or KEY_VALUE.match(previous.strip()):
        return False
    return len(previous) + 1 + len(line.split()[0]) > width


def _squash(value: str) -> str:
    """Runs of whitespace (no-break spaces included) as one space, ends stripped."""
    return " ".join(value.split())


def _http_url(value: str | None) -> str | None:
    """The value if it is an absolute http(s) URL, else None: "javascript:alert(1)" -> None."""
    value = (value or "").strip()
    if not value or any(c.isspace() or ord(c) < 32 or c in "<>\"'`" for c in value):
        return None
    try:
        parts = urlsplit(value)
    except ValueError:
        return None
    return value if parts.scheme.lower() in ("http", "https") and parts.netloc else None


BYLINE = re.compile(
    r"^\s*(?:by(?:\s*$|\s+(?!the\b|a\b|an\b))|(?:published|updated|last updated|posted|written by)\b)",
    re.IGNORECASE,
)


def _is_byline(value: str) -> bool:
    """A byline or a time stamp, never a title: "By", "By Jane Smith", "PUBLISHED: 11:02 EST"."""
    return bool(BYLINE.match(value))


def parse_date(value: str | None) -> dt.date | None:
    """The date a header gives, in any of the usual ways; None if there is none.

    ISO ("2015-05-15 09:55", "2013-06-17T10:00:00Z"), RFC 2822 ("Mon, 17 Jun 2013 10:00:00 +0000"),
    "17 June 2013", "June 17, 2013", Reuters "26-FEB-1987 15:01:11.79", "2015/05/15".

    >>> parse_date("26-FEB-1987 15:01:11.79")
    datetime.date(1987, 2, 26)
    """
    value = (value or "").strip()
    if not value:
        return None
    iso = re.search(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)", value)
    if iso:
        return _date(*map(int, iso.groups()))
    month = r"([A-Za-z]{3,9})\.?"
    day_first = re.search(rf"(?<!\d)(\d{{1,2}})(?:st|nd|rd|th)?[\s-]+{month},?[\s-]+(\d{{4}})(?!\d)", value)
    if day_first:
        return _named_month_date(day_first.group(3), day_first.group(2), day_first.group(1))
    month_first = re.search(rf"\b{month}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?!\d)", value)
    if month_first:
        return _named_month_date(month_first.group(3), month_first.group(1), month_first.group(2))
    return _rfc2822_date(value)


def _named_month_date(year: str, month: str, day: str) -> dt.date | None:
    """A date whose month is written out or abbreviated: ("2013", "Jun", "17") -> 2013-06-17."""
    name = month.lower()
    number = next((n for full, n in MONTHS.items() if full.startswith(name)), None)
    return _date(int(year), number, int(day)) if number else None


def _rfc2822_date(value: str) -> dt.date | None:
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return _date(parsed.year, parsed.month, parsed.day) if parsed else None


def _date(year: int, month: int, day: int) -> dt.date | None:
    if not 1800 <= year <= 2200:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
