"""The archive's data model: articles, summits, the people who attended them, what they
said and what they agreed, and the countries they represent."""

import hashlib
import unicodedata
from dataclasses import dataclass

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from simple_history.models import HistoricalRecords

from .reading import normalise_newlines

# Source URLs are links readers follow: only the web's own schemes, never javascript: or data:.
validate_web_url = URLValidator(schemes=["http", "https"], message="Enter an http or https URL.")


def text_sha256(text: str) -> str:
    """The key that identifies an article: the SHA-256 of its UTF-8 text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def is_web_url(url: str) -> bool:
    """True for an http(s) URL that ``validate_web_url`` accepts."""
    try:
        validate_web_url(url)
    except ValidationError:
        return False
    return True


def name_key(name: str) -> str:
    """A person's name folded for matching: no accents, no case, single spaces.

    "Erdoğan", "ERDOGAN" and " erdogan " share the key "erdogan".
    """
    decomposed = unicodedata.normalize("NFKD", name)
    ascii_only = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(ascii_only.casefold().replace(".", " ").split())


def related_label(obj: models.Model, field: str) -> str:
    """What ``obj.<field>`` is called, also when it has been deleted since ``obj`` was recorded
    (a history row of a statement whose speaker was merged away): then the name its own history
    last recorded, marked "(deleted)"."""
    try:
        related = getattr(obj, field)
    except models.ObjectDoesNotExist:
        model = obj._meta.get_field(field).related_model
        pk = getattr(obj, f"{field}_id")
        # the history's own primary key is history_id; the recorded row's is under its name
        records = model.history.filter(**{model._meta.pk.name: pk}) if hasattr(model, "history") else None
        last = records.order_by("-history_date").first() if records is not None else None
        return f"{last.instance} (deleted)" if last else f"deleted {model._meta.verbose_name} #{pk}"
    return str(related) if related is not None else ""


class ReviewStatus(models.TextChoices):
    PENDING = "pending", "Pending review"
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Rejected"


class Country(models.Model):
    """An ISO 3166-1 country, seeded from pycountry by a data migration."""

    code = models.CharField("ISO code", max_length=2, primary_key=True)
    alpha3 = models.CharField("ISO alpha-3", max_length=3, unique=True)
    name = models.CharField(max_length=100)
    official_name = models.CharField(max_length=200, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "countries"
        constraints = [
            models.CheckConstraint(condition=Q(code__regex=r"^[A-Z]{2}$"), name="country_code_two_capitals"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("summits:country-detail", kwargs={"code": self.code.lower()})


class Organisation(models.Model):
    """An international organisation that can be party to an agreement (EU, GCC, NATO)."""

    short_name = models.CharField(max_length=20, unique=True)
    name = models.CharField(max_length=200, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["short_name"]

    def __str__(self) -> str:
        return self.short_name

    def get_absolute_url(self) -> str:
        return reverse("summits:search") + f"?q={self.short_name}"


class Article(models.Model):
    """A news report the archive was built from, kept whole so every span can be shown.

    ``text`` is what the extraction read and every offset points into; it never changes after
    the import. Where the file needed cleaning (an HTML page, a wire wrapper, another encoding,
    mojibake), ``original`` keeps the file as it came.
    """

    text = models.TextField(editable=False)
    original = models.TextField(
        blank=True, editable=False, help_text="The file as it came, where the text was cleaned from it."
    )
    source_format = models.CharField(
        max_length=40, blank=True, editable=False, help_text='What the file was ("html", "newswire-sgml"...).'
    )
    sha256 = models.CharField("SHA-256 of the text", max_length=64, editable=False)
    title = models.CharField(max_length=300, blank=True)
    url = models.URLField("source URL", max_length=500, blank=True, validators=[validate_web_url])
    outlet = models.CharField(max_length=200, blank=True)
    byline = models.CharField(max_length=300, blank=True)
    published = models.DateField("publication date", null=True, blank=True)
    extractor_version = models.CharField(max_length=40, blank=True)
    incomplete = models.JSONField(
        default=list,
        blank=True,
        editable=False,
        help_text="Parts of the extraction that failed on this article (their items may be missing).",
    )
    summit_match = models.CharField(
        "how the summit was found",
        max_length=500,
        blank=True,
        editable=False,
        help_text="Why the import filed this article under a summit already in the archive.",
    )
    imported_at = models.DateTimeField(auto_now_add=True)
    # Stored, not computed per query: ranking a common word's matches recomputed the vector of
    # thousands of article texts on every search (GIN index: migration 0011, PostgreSQL only).
    search_vector = SearchVectorField(null=True, editable=False)

    history = HistoricalRecords(excluded_fields=["text", "original", "search_vector"])

    class Meta:
        ordering = ["-imported_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["sha256"], name="article_unique_text_hash"),
        ]

    def __str__(self) -> str:
        if self.title:
            return self.title
        # a list that leaves the text out may fetch its opening instead (selectors.summit_detail)
        text = (
            self.opening if "text" in self.get_deferred_fields() and hasattr(self, "opening") else self.text
        )
        first_line = next((line.strip() for line in text.splitlines() if line.strip()), "")
        if not first_line:
            return f"Article {self.pk}"
        return first_line if len(first_line) <= 80 else first_line[:79].rsplit(" ", 1)[0] + "…"

    def save(self, *args, **kwargs):
        self.text = normalise_newlines(self.text)
        self.sha256 = text_sha256(self.text)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("summits:article-detail", kwargs={"pk": self.pk})

    @property
    def safe_url(self) -> str:
        """The source URL when it is an http(s) link, else "" (rows older than the validator)."""
        return self.url if self.url and is_web_url(self.url) else ""


class Topic(models.Model):
    """A subject a summit dealt with ("trade", "Syria")."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:100]
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("summits:summit-list") + f"?topic={self.slug}"


class SummitQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Summit.Status.PUBLISHED)

    def drafts(self):
        return self.filter(status=Summit.Status.DRAFT)

    def newest_first(self):
        return self.order_by(F("start_date").desc(nulls_last=True), "-created_at")


class Summit(models.Model):
    """A meeting of leaders or ministers: where, when, who came and what came of it."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    class DatePrecision(models.TextChoices):
        DAY = "day", "Day"
        MONTH = "month", "Month"
        YEAR = "year", "Year"

    class Kind(models.TextChoices):
        BILATERAL = "bilateral", "Bilateral meeting"
        TRILATERAL = "trilateral", "Trilateral meeting"
        MULTILATERAL = "multilateral", "Multilateral summit"
        STATE_VISIT = "state_visit", "State visit"
        MINISTERIAL = "ministerial", "Ministerial meeting"

    title = models.CharField(max_length=300)
    slug = models.SlugField(max_length=300, unique=True)
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    date_precision = models.CharField(
        max_length=5,
        choices=DatePrecision,
        blank=True,
        help_text="How much of the date is known. For a month or a year the start date is its first "
        'day (1 March 1980, 1 January 1980) and pages show only "March 1980" or "1980". '
        "Blank: unknown (a start date then counts as a day).",
    )
    date_text = models.CharField(
        "date as written", max_length=200, blank=True, help_text="The phrase that dates the meeting."
    )
    kind = models.CharField(
        max_length=12,
        choices=Kind,
        blank=True,
        help_text="What kind of meeting (the import derives it from who came); blank: not known.",
    )
    venue = models.CharField(
        max_length=200,
        blank=True,
        help_text="The palace, resort or building in the city, when a report names it.",
    )
    city = models.CharField(max_length=200, blank=True)
    country = models.ForeignKey(
        Country, null=True, blank=True, on_delete=models.PROTECT, related_name="summits_hosted"
    )
    status = models.CharField(max_length=10, choices=Status, default=Status.DRAFT, db_index=True)
    articles = models.ManyToManyField(Article, blank=True, related_name="summits")
    topics = models.ManyToManyField(Topic, blank=True, related_name="summits")
    participants = models.ManyToManyField(
        "Participant", through="Attendance", related_name="summits", blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    search_vector = SearchVectorField(null=True, editable=False)

    history = HistoricalRecords(excluded_fields=["search_vector"], m2m_fields=[topics])

    objects = SummitQuerySet.as_manager()

    class Meta:
        ordering = [F("start_date").desc(nulls_last=True), "-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                name="summit_end_not_before_start",
            ),
        ]
        # Published summits newest first, all or one host's: partial indexes in migration 0011
        # (SQL of its own: SQLite takes no NULLS LAST in an index).
        indexes = [models.Index(fields=["status", "start_date"], name="summit_status_start_idx")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("summits:summit-detail", kwargs={"slug": self.slug})

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    def has_pending_items(self) -> bool:
        return self.statements.pending().exists() or self.agreements.pending().exists()

    def clean(self):
        """A month or a year is filed under its first day (the day itself is not known)."""
        super().clean()
        if self.date_precision not in (self.DatePrecision.MONTH, self.DatePrecision.YEAR):
            return
        if self.start_date is None:
            raise ValidationError({"start_date": "A month or a year needs its first day as start date."})
        first = self.start_date.replace(day=1)
        if self.date_precision == self.DatePrecision.YEAR:
            first = first.replace(month=1)
        if self.start_date != first:
            raise ValidationError(
                {"start_date": f"A {self.date_precision} is filed under its first day: {first.isoformat()}."}
            )


class Participant(models.Model):
    """A person, shared across summits; the role at a given summit is on the attendance."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    title = models.CharField(max_length=200, blank=True, help_text='Usual title, e.g. "President".')
    country = models.ForeignKey(
        Country, null=True, blank=True, on_delete=models.PROTECT, related_name="participants"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["name"], name="participant_name_idx")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("summits:participant-detail", kwargs={"slug": self.slug})

    @property
    def aliases(self) -> list[str]:
        return [alias.name for alias in self.alias_set.all()]


class ParticipantAlias(models.Model):
    """Another way the articles write a participant's name ("Erdogan", "Erdoğan")."""

    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="alias_set")
    name = models.CharField(max_length=200)
    key = models.CharField(max_length=200, editable=False, db_index=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "participant aliases"
        constraints = [
            models.UniqueConstraint(fields=["participant", "key"], name="alias_unique_per_participant"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.key = name_key(self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return self.participant.get_absolute_url()


class ParticipantRedirect(models.Model):
    """The address of a participant merged into another: ``/participants/<old_slug>/`` redirects."""

    old_slug = models.SlugField(max_length=200, unique=True)
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="redirects")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["old_slug"]

    def __str__(self) -> str:
        return f"{self.old_slug} → {self.participant.slug}"

    def get_absolute_url(self) -> str:
        return self.participant.get_absolute_url()


class Attendance(models.Model):
    """A participant's presence at a summit, with the role and country at that summit."""

    summit = models.ForeignKey(Summit, on_delete=models.CASCADE, related_name="attendances")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="attendances")
    role = models.CharField(max_length=200, blank=True)
    country = models.ForeignKey(
        Country, null=True, blank=True, on_delete=models.PROTECT, related_name="attendances"
    )
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="attendances"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["summit", "participant__name"]
        constraints = [
            models.UniqueConstraint(fields=["summit", "participant"], name="attendance_once_per_summit"),
        ]
        # A person's or a country's summits, read from the index alone.
        indexes = [
            models.Index(fields=["participant", "summit"], name="attendance_participant_idx"),
            models.Index(fields=["country", "summit"], name="attendance_country_idx"),
        ]

    def __str__(self) -> str:
        role = f", {self.role}" if self.role else ""
        return f"{related_label(self, 'participant')}{role} at {related_label(self, 'summit')}"

    def get_absolute_url(self) -> str:
        return self.summit.get_absolute_url()


class ExtractedItemQuerySet(models.QuerySet):
    def visible(self):
        """What readers may see: what an editor approved, of a published summit."""
        return self.approved().filter(summit__status=Summit.Status.PUBLISHED)

    def approved(self):
        return self.filter(review_status=ReviewStatus.APPROVED)

    def pending(self):
        return self.filter(review_status=ReviewStatus.PENDING)


class ExtractedItem(models.Model):
    """What the extraction finds in an article and an editor reviews: a span of the source."""

    summit = models.ForeignKey(Summit, on_delete=models.CASCADE)
    article = models.ForeignKey(Article, null=True, blank=True, on_delete=models.PROTECT)
    start = models.PositiveIntegerField(null=True, blank=True, help_text="Offset of the first character.")
    end = models.PositiveIntegerField(null=True, blank=True, help_text="Offset after the last character.")
    review_status = models.CharField(
        max_length=10, choices=ReviewStatus, default=ReviewStatus.PENDING, db_index=True
    )
    fingerprint = models.CharField(
        max_length=64,
        blank=True,
        editable=False,
        help_text="Hash of the item as extracted; differs from the item once someone edits it.",
    )
    probable_duplicate_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="probable_duplicates",
        help_text="An item of the same summit, from another report, that this one probably repeats "
        "in other words: the import proposes it, an editor merges the two or dismisses the proposal.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    search_vector = SearchVectorField(null=True, editable=False)

    objects = ExtractedItemQuerySet.as_manager()

    class Meta:
        abstract = True

    def get_absolute_url(self) -> str:
        if self.article_id is None:
            return self.summit.get_absolute_url()
        return f"{self.article.get_absolute_url()}#span-{self._meta.model_name}-{self.pk}"

    @property
    def source_text(self) -> str:
        """The exact characters of the article this item was taken from."""
        if self.article_id is None or self.start is None or self.end is None:
            return ""
        return self.article.text[self.start : self.end]

    def hand_over_first_report(self) -> "FurtherSource | None":
        """Let the earliest further source be the report the item was first taken from, when the
        article it was taken from no longer reports it (an extraction that no longer finds it, the
        article moved to another summit): the item takes that source's article, offsets and words.
        Returns the source, for the caller to delete and the item to save, each with its reason;
        None when no other article reports the item."""
        source = self.further_sources.order_by("created_at", "pk").first()
        if source is not None:
            self.article_id, self.start, self.end = source.article_id, source.start, source.end
            self.text = source.text
        return source

    @property
    def reports(self) -> list["ItemReport"]:
        """Every report of this item: the article it was first taken from (with the item's own
        words), then each further source (``further_sources``, prefetched by the pages that list
        them: ``selectors.further_sources``) with the words as it gives them, in the order added."""
        first = [ItemReport(self, self.article, self.start, self.end, self.text)] if self.article_id else []
        further = sorted(self.further_sources.all(), key=lambda source: (source.created_at, source.pk))
        return first + [ItemReport(self, s.article, s.start, s.end, s.text) for s in further]


def offsets_constraints(prefix: str) -> list[models.BaseConstraint]:
    return [
        models.CheckConstraint(
            condition=Q(start__isnull=True, end__isnull=True)
            | Q(start__isnull=False, end__isnull=False, start__lte=F("end")),
            name=f"{prefix}_offsets_in_order",
        ),
        models.CheckConstraint(
            condition=Q(start__isnull=True) | Q(article__isnull=False),
            name=f"{prefix}_offsets_need_article",
        ),
    ]


class Statement(ExtractedItem):
    """What someone said at a summit: a direct quotation or reported speech."""

    class Kind(models.TextChoices):
        DIRECT = "direct", "Direct quotation"
        INDIRECT = "indirect", "Reported speech"

    speaker = models.ForeignKey(
        Participant, null=True, blank=True, on_delete=models.SET_NULL, related_name="statements"
    )
    speaker_label = models.CharField(
        "speaker as written",
        max_length=200,
        blank=True,
        help_text='For speakers who are not people in the archive ("a joint statement").',
    )
    text = models.TextField()
    kind = models.CharField(max_length=10, choices=Kind, default=Kind.DIRECT)

    history = HistoricalRecords(excluded_fields=["search_vector"])

    class Meta:
        ordering = ["summit", "start", "id"]
        default_related_name = "statements"
        constraints = offsets_constraints("statement")
        indexes = [
            models.Index(fields=["summit", "start"], name="statement_summit_start_idx"),
            # what readers see (approved) per summit, counted from the index alone
            models.Index(fields=["review_status", "summit"], name="statement_review_summit_idx"),
            models.Index(fields=["speaker", "review_status"], name="statement_speaker_review_idx"),
        ]

    def __str__(self) -> str:
        excerpt = self.text if len(self.text) <= 60 else self.text[:57] + "..."
        return f"{self.speaker_name}: {excerpt}"

    @property
    def speaker_name(self) -> str:
        return (
            related_label(self, "speaker") if self.speaker_id else (self.speaker_label or "Unknown speaker")
        )


class Agreement(ExtractedItem):
    """What the parties agreed, signed, decided together or committed to at a summit."""

    class Status(models.TextChoices):
        AGREED = "agreed", "Agreed"
        SIGNED = "signed", "Signed"
        DECIDED = "decided", "Decided"
        COMMITTED = "committed", "Committed"

    text = models.TextField()
    topic = models.CharField(max_length=200, blank=True)
    status = models.CharField(max_length=10, choices=Status, default=Status.AGREED)
    exceptions = models.TextField(blank=True, help_text="What the parties left out of the agreement.")
    countries = models.ManyToManyField(Country, blank=True, related_name="agreements")
    organisations = models.ManyToManyField(Organisation, blank=True, related_name="agreements")

    history = HistoricalRecords(excluded_fields=["search_vector"], m2m_fields=[countries, organisations])

    class Meta:
        ordering = ["summit", "start", "id"]
        default_related_name = "agreements"
        constraints = offsets_constraints("agreement")
        indexes = [models.Index(fields=["review_status", "summit"], name="agreement_review_summit_idx")]

    def __str__(self) -> str:
        return self.topic or (self.text if len(self.text) <= 60 else self.text[:57] + "...")

    @property
    def parties(self) -> list[str]:
        """ISO codes of the state parties, then the short names of organisations."""
        return [c.code for c in self.countries.all()] + [o.short_name for o in self.organisations.all()]


@dataclass(frozen=True)
class ItemReport:
    """One article's report of a statement or an agreement, as readers and the API see it: the
    article, the span of its text and the words as it gives them. ``url`` is the article's page at
    the item's highlight (the same anchor on every article page that reports it)."""

    item: "Statement | Agreement"
    article: Article
    start: int | None
    end: int | None
    text: str

    @property
    def url(self) -> str:
        return f"{self.article.get_absolute_url()}#span-{self.item._meta.model_name}-{self.item.pk}"

    @property
    def outlet(self) -> str:
        """Who published the report: the outlet, else the article's title (never its text, which
        the pages do not fetch)."""
        return self.article.outlet or self.article.title or f"Article {self.article.pk}"


class FurtherSource(models.Model):
    """Another article of the same summit that reports an item already in the archive: the same
    quotation or agreement, in its own words and at its own offsets. The item keeps the article
    it was first taken from (``article``, ``start``, ``end``); each later report is a row here."""

    article = models.ForeignKey(Article, on_delete=models.PROTECT, related_name="+")
    start = models.PositiveIntegerField(help_text="Offset of the first character in this article.")
    end = models.PositiveIntegerField(help_text="Offset after the last character in this article.")
    text = models.TextField(help_text="The words as this article gives them.")
    created_at = models.DateTimeField(auto_now_add=True)

    item_field = ""  # "statement" or "agreement": the item this is a source of

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{related_label(self, self.item_field)} (also in {related_label(self, 'article')})"

    def get_absolute_url(self) -> str:
        """The item's highlight in this article's page."""
        item_id = getattr(self, f"{self.item_field}_id")
        return f"{self.article.get_absolute_url()}#span-{self.item_field}-{item_id}"

    @property
    def source_text(self) -> str:
        return self.article.text[self.start : self.end]


def further_source_constraints(item: str) -> list[models.BaseConstraint]:
    return [
        models.UniqueConstraint(fields=[item, "article"], name=f"{item}_source_once_per_article"),
        models.CheckConstraint(condition=Q(start__lte=F("end")), name=f"{item}_source_offsets_in_order"),
    ]


class StatementSource(FurtherSource):
    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="further_sources")
    item_field = "statement"

    history = HistoricalRecords()

    class Meta:
        ordering = ["statement", "created_at", "id"]
        constraints = further_source_constraints("statement")
        indexes = [models.Index(fields=["article", "statement"], name="statement_source_article_idx")]


class AgreementSource(FurtherSource):
    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="further_sources")
    item_field = "agreement"

    history = HistoricalRecords()

    class Meta:
        ordering = ["agreement", "created_at", "id"]
        constraints = further_source_constraints("agreement")
        indexes = [models.Index(fields=["article", "agreement"], name="agreement_source_article_idx")]


class ParticipantMatchQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=ParticipantMatch.Status.PROPOSED)


class ParticipantMatch(models.Model):
    """Two participants whose names are close enough to be one person written two ways
    ("Zelenskyy", "Zelenskiy") but not so close that an import merged them: proposed to an
    editor, who merges them or says they are two people."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", "Proposed"
        MERGED = "merged", "Merged"
        DISMISSED = "dismissed", "Two people"

    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="proposed_matches")
    candidate = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="+")
    score = models.FloatField(help_text="How alike the two names are, 0–100.")
    reason = models.CharField(max_length=300)
    status = models.CharField(max_length=10, choices=Status, default=Status.PROPOSED)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ParticipantMatchQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "proposed participant match"
        verbose_name_plural = "proposed participant matches"
        constraints = [
            models.UniqueConstraint(fields=["participant", "candidate"], name="participant_match_once"),
            models.CheckConstraint(
                condition=~Q(participant=F("candidate")), name="participant_match_two_people"
            ),
        ]

    def __str__(self) -> str:
        return f"{related_label(self, 'participant')} = {related_label(self, 'candidate')}?"


class ImportJob(models.Model):
    """One article to import in the background: the admin's "Import article", or
    ``import_article --queue``. A worker on any machine that shares the database runs it
    (``summits.tasks``), through the same import service as the command.

    The row holds all the worker needs (the text as it came, the options, who asked) and then
    what became of it: its state, the attempts so far, and the error, or the article and
    summit it imported. Each change of state is one conditional UPDATE, so that two workers
    never run the same job.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Running"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    class Failure(models.TextChoices):
        REFUSED = "refused", "Refused: no meeting reported"
        REJECTED = "rejected", "Rejected: the archive does not take it"
        DATABASE = "database", "Database unavailable on every attempt"
        ERROR = "error", "Unexpected error"

    # What to import, as the editor or the command gave it.
    label = models.CharField(max_length=300, help_text="The title, else the article's first line.")
    text = models.TextField(
        editable=False, help_text="The article as it came (decoded), read again by the worker."
    )
    encoding = models.CharField(max_length=40, blank=True, help_text="The encoding the file was read in.")
    origin = models.CharField(max_length=500, help_text='The file, or "admin upload": what the log names.')
    published = models.DateField("publication date", null=True, blank=True)
    url = models.URLField("source URL", max_length=500, blank=True, validators=[validate_web_url])
    title = models.CharField(max_length=300, blank=True)
    publish = models.BooleanField("publish the summit", default=False)
    approve = models.BooleanField("approve what is found", default=False)
    update = models.BooleanField("update an article already imported", default=False)
    allow_no_meeting = models.BooleanField("import even if it reports no meeting", default=False)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    how = models.CharField(max_length=100, help_text="How the import is named in the history it writes.")

    # What became of it.
    status = models.CharField(max_length=10, choices=Status, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    task_id = models.CharField(
        "task result", max_length=64, blank=True, help_text="The task framework's id of the last attempt."
    )
    error = models.TextField(blank=True, help_text="Why the last attempt failed, in one line.")
    failure = models.CharField(max_length=10, choices=Failure, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(
        max_length=10, blank=True, help_text="What the import did: created, updated or unchanged."
    )
    article = models.ForeignKey(
        Article, null=True, blank=True, on_delete=models.SET_NULL, related_name="import_jobs"
    )
    summit = models.ForeignKey(Summit, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    summit_created = models.BooleanField(default=False)
    counts = models.JSONField(default=dict, blank=True, help_text="Items added, refreshed, kept, skipped...")

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="failed", failure__gt="") | (~Q(status="failed") & Q(failure="")),
                name="import_job_failed_says_why",
            ),
            models.CheckConstraint(
                condition=~Q(status="done") | Q(outcome__gt=""), name="import_job_done_says_what"
            ),
        ]
        indexes = [models.Index(fields=["status", "created_at"], name="import_job_status_idx")]

    def __str__(self) -> str:
        return f"Import {self.pk}: {self.label}" if self.pk else f"Import of {self.label}"

    def get_absolute_url(self) -> str:
        """The job's page, in the admin (it has no public one)."""
        return reverse("admin:summits_importjob_change", args=[self.pk])

    @property
    def in_progress(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)

    def _move(self, *, from_status: str, **fields) -> bool:
        """Set ``fields`` if the row is still in ``from_status``; whether it was (the row is reread)."""
        moved = ImportJob.objects.filter(pk=self.pk, status=from_status).update(**fields)
        self.refresh_from_db(fields=list(fields))
        return bool(moved)

    def claim(self, *, task_id: str) -> bool:
        """Start an attempt, the task ``task_id``: running, one attempt more. False if the job is
        not queued (another worker took it, or it is finished): the caller leaves it alone."""
        return self._move(
            from_status=self.Status.QUEUED,
            status=self.Status.RUNNING,
            attempts=F("attempts") + 1,
            started_at=timezone.now(),
            task_id=task_id,
        )

    def succeed(self, *, outcome: str, article, summit, summit_created: bool, counts: dict) -> None:
        self._move(
            from_status=self.Status.RUNNING,
            status=self.Status.DONE,
            outcome=outcome,
            article=article,
            summit=summit,
            summit_created=summit_created,
            counts=counts,
            error="",
            finished_at=timezone.now(),
        )

    def fail(self, failure: str, error: str) -> None:
        """Finished without importing, for ``failure``'s reason; ``error`` says it in one line."""
        self._move(
            from_status=self.status,
            status=self.Status.FAILED,
            failure=failure,
            error=error,
            finished_at=timezone.now(),
        )

    def retry_later(self, error: str) -> None:
        """Back in the queue after an attempt that failed for a reason that may pass."""
        self._move(from_status=self.Status.RUNNING, status=self.Status.QUEUED, error=error)
