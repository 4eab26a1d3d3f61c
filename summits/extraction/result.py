"""What the extraction returns: plain dataclasses with character offsets into the article.

This is the contract between the pipeline and the rest of the product (the importer, the
``--dry-run --format json`` output described in DESIGN.md). No Django here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field


@dataclass
class SummitFound:
    title: str = ""
    location: str | None = None  # city or venue as written ("Sochi")
    country: str | None = None  # ISO 3166-1 alpha-2 of the location
    # the landmark or building the location names before its city ("Elysee Palace" of
    # "Elysee Palace, Paris"); None when the location is a city, a region or a country
    venue: str | None = None
    date: dt.date | None = None  # resolved date (a range's first day), never guessed
    end_date: dt.date | None = None  # the last day of a range or a meeting of several days, if given
    date_text: str | None = None  # the phrase that dates the meeting ("Wednesday")
    # how precise the date is: "day" (in date), "month" (in month), "year" (in year); None when
    # nothing is resolved. A month or a year names no day, so date stays None for them.
    date_precision: str | None = None
    month: str | None = None  # "1980-03" for "in March 1980", "last October" (+ publication)
    year: str | None = None  # "1980" for "in 1980"
    topics: list[str] = field(default_factory=list)

    def city(self) -> str | None:
        """The location without its venue: "Paris" of "Elysee Palace, Paris"."""
        if self.venue and self.location and self.location.startswith(f"{self.venue}, "):
            return self.location[len(self.venue) + 2 :]
        return self.location

    def first_day(self) -> dt.date | None:
        """The day the archive files the summit under: its date, else the first of its month or year."""
        if self.date:
            return self.date
        if self.month:
            return dt.date.fromisoformat(f"{self.month}-01")
        return dt.date(int(self.year), 1, 1) if self.year else None


@dataclass
class ParticipantFound:
    name: str  # the fullest form the text gives
    role: str | None = None  # title as written, without the country ("President")
    country: str | None = None  # ISO code, or an organisation's short name ("EU")
    aliases: list[str] = field(default_factory=list)  # other forms in the text ("Putin", "Mr Putin")
    start: int | None = None  # first mention
    end: int | None = None


@dataclass
class StatementFound:
    speaker: str | None  # a participant's fullest name, or an unnamed source as written
    text: str  # the quotation (direct) or the reported content (indirect)
    kind: str  # "direct" or "indirect"
    start: int
    end: int


@dataclass
class AgreementFound:
    text: str
    parties: list[str]  # ISO codes, or organisations' short names
    topic: str
    start: int
    end: int
    status: str = "agreed"  # agreed, signed, decided, committed
    exceptions: str = ""


@dataclass
class ArticleMeta:
    """What the text around the story says about the article itself."""

    title: str | None = None
    byline: str | None = None
    published: dt.date | None = None
    dateline: str | None = (
        None  # the place of a wire dateline ("New Delhi" from "NEW DELHI, Sept 9 (Reuters) -")
    )
    dateline_country: str | None = None  # the country written in it ("JEDDAH, Saudi Arabia (AP) -")
    # who wrote a first-person story ("I met ..."), as the layout gives them: a release's
    # author line, sign-off or front-matter author ("Alexander Downer, Minister for Foreign
    # Affairs"); empty when the story is not written in the first person
    authors: list[str] = field(default_factory=list)


@dataclass
class Extraction:
    summit: SummitFound
    participants: list[ParticipantFound] = field(default_factory=list)
    statements: list[StatementFound] = field(default_factory=list)
    agreements: list[AgreementFound] = field(default_factory=list)
    article: ArticleMeta = field(default_factory=ArticleMeta)
    incomplete: list[str] = field(default_factory=list)  # finders that failed on this article
    # why the article is no meeting report ("no meeting found: ..."); None when it reports one
    refusal: str | None = None

    def to_dict(self) -> dict:
        """The JSON-ready shape of DESIGN.md's extraction contract (dates as ISO strings)."""

        def plain(value):
            if isinstance(value, dt.date):
                return value.isoformat()
            if isinstance(value, dict):
                return {k: plain(v) for k, v in value.items()}
            if isinstance(value, list):
                return [plain(v) for v in value]
            return value

        return plain(asdict(self))
