"""What the API shows of the archive, and what staff may write through it.

Related rows are referred to by their public keys: summits and participants by slug, countries
by ISO 3166-1 alpha-2 code, topics by slug, organisations by short name, articles by id.
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.db.models.functions import Lower
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from summits import services
from summits.models import (
    Agreement,
    Article,
    Attendance,
    Country,
    Organisation,
    Participant,
    Statement,
    Summit,
    Topic,
)
from summits.templatetags.summits_tags import summit_date, summit_datetime


@extend_schema_field(OpenApiTypes.URI)
class PageURLField(serializers.Field):
    """The absolute URL of the object's public page (``get_absolute_url``), or of ``source``'s."""

    def __init__(self, **kwargs):
        kwargs.setdefault("source", "*")
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value):
        url = value.get_absolute_url()
        request = self.context.get("request")
        return request.build_absolute_uri(url) if request else url


def plain_reverse(viewname, args=None, kwargs=None, request=None, format=None, **extra):
    """DRF's reverse() carries ?format=csv into every link; a link should name the resource only."""
    url = reverse(viewname, args=args, kwargs=kwargs)
    return request.build_absolute_uri(url) if request else url


class PlainLinkMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.reverse = plain_reverse


class APIURLField(PlainLinkMixin, serializers.HyperlinkedIdentityField):
    """The absolute URL of the object in this API."""


class RelatedAPIURLField(PlainLinkMixin, serializers.HyperlinkedRelatedField):
    """The absolute URL of a related object in this API."""


class CountryCodeField(serializers.SlugRelatedField):
    """A country by its ISO code, accepted in either case ("tr" or "TR")."""

    def __init__(self, **kwargs):
        kwargs.setdefault("queryset", Country.objects.all())
        super().__init__(slug_field="code", **kwargs)

    def to_internal_value(self, data):
        return super().to_internal_value(data.upper() if isinstance(data, str) else data)


class CountrySerializer(serializers.ModelSerializer):
    url = APIURLField(view_name="api:country-detail", lookup_field="code")
    page_url = PageURLField()

    class Meta:
        model = Country
        fields = ["code", "alpha3", "name", "official_name", "url", "page_url"]


class ArticleSourceSerializer(serializers.ModelSerializer):
    """The news report an item was taken from: ``url`` is the original, ``page_url`` ours."""

    page_url = PageURLField()
    url = serializers.URLField(
        source="safe_url", read_only=True, help_text="The original report (http/https)."
    )

    class Meta:
        model = Article
        fields = ["id", "title", "url", "outlet", "published", "page_url"]
        read_only_fields = fields


class ReportListSerializer(serializers.ListSerializer):
    """An item's reports, read from ``ExtractedItem.reports`` (its further sources prefetched)."""

    def get_attribute(self, instance):
        return instance.reports


class ReportSerializer(serializers.Serializer):
    """One article's report of a statement or an agreement (``models.ItemReport``): the article,
    where in its text the item is and the words as it gives them."""

    article = serializers.IntegerField(source="article.pk", help_text="The id of the article.")
    article_url = PageURLField(
        source="article", help_text="The article's public page (the API has no article endpoint)."
    )
    outlet = serializers.CharField(source="article.outlet")
    title = serializers.CharField(source="article.title")
    published = serializers.DateField(source="article.published", allow_null=True)
    url = serializers.URLField(source="article.safe_url", help_text="The original report (http/https).")
    start = serializers.IntegerField(
        allow_null=True, help_text="Offset of the first character in the article."
    )
    end = serializers.IntegerField(
        allow_null=True, help_text="Offset after the last character in the article."
    )
    text = serializers.CharField(help_text="The words as this article gives them.")

    class Meta:
        list_serializer_class = ReportListSerializer


def check_offsets(attrs: dict, instance) -> None:
    """Offsets go together, need an article, are in order and fall inside its text."""

    def current(name):
        if name in attrs:
            return attrs[name]
        return getattr(instance, name) if instance is not None else None

    start, end, article = current("start"), current("end"), current("article")
    if start is None and end is None:
        return
    if start is None or end is None:
        raise serializers.ValidationError({"end": "Give both start and end, or neither."})
    if article is None:
        raise serializers.ValidationError({"article_id": "Offsets need the article they point into."})
    if start > end:
        raise serializers.ValidationError({"end": "The end offset must not be before the start."})
    if end > len(article.text):
        raise serializers.ValidationError(
            {"end": f"The end offset is past the end of the article ({len(article.text)} characters)."}
        )


class ExtractedItemSerializer(serializers.ModelSerializer):
    """Fields statements and agreements share: the source article and the span in it, and every
    report of the item (``sources``: the article it was taken from first, then further sources)."""

    page_url = PageURLField(help_text="The item's sentence highlighted in the public article page.")
    summit = serializers.SlugRelatedField(slug_field="slug", queryset=Summit.objects.all())
    article = ArticleSourceSerializer(read_only=True, allow_null=True)
    article_id = serializers.PrimaryKeyRelatedField(
        source="article",
        queryset=Article.objects.all(),
        write_only=True,
        allow_null=True,
        required=False,
        help_text="The id of the source article.",
    )
    sources = ReportSerializer(
        many=True,
        read_only=True,
        help_text="Every article that reports the item: the one it was taken from, then further sources.",
    )

    def validate(self, attrs):
        check_offsets(attrs, self.instance)
        return attrs

    def update(self, instance, validated_data):
        """An editor's change, saved by the same service as the admin's and the review desk's."""
        changed = [name for name, value in validated_data.items() if getattr(instance, name) != value]
        for name, value in validated_data.items():
            setattr(instance, name, value)
        return services.save_item(item=instance, changed=changed, by=editor(self.context))


def editor(context: dict):
    """The user who makes a write through the API."""
    request = context.get("request")
    return getattr(request, "user", None)


class StatementSerializer(ExtractedItemSerializer):
    url = APIURLField(view_name="api:statement-detail")
    speaker = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Participant.objects.all(),
        allow_null=True,
        required=False,
        help_text="The speaker's slug, when the speaker is a person in the archive.",
    )
    speaker_name = serializers.CharField(read_only=True)

    class Meta:
        model = Statement
        fields = [
            "id",
            "url",
            "page_url",
            "summit",
            "speaker",
            "speaker_name",
            "speaker_label",
            "kind",
            "text",
            "review_status",
            "article",
            "article_id",
            "start",
            "end",
            "sources",
            "created_at",
            "updated_at",
        ]


class PartiesField(serializers.ListField):
    """ISO codes of the countries, then short names of the organisations, party to an agreement.

    Two-letter values are read as country codes first; anything else as an organisation.
    """

    child = serializers.CharField(max_length=20)

    def to_internal_value(self, data):
        values = super().to_internal_value(data)
        wanted = {v.upper() for v in values}
        countries = {c.code: c for c in Country.objects.filter(code__in=wanted)}
        organisations = {
            o.short_name.casefold(): o
            for o in Organisation.objects.annotate(key=Lower("short_name")).filter(
                key__in={v.casefold() for v in values}
            )
        }
        resolved = {"countries": [], "organisations": []}
        unknown = []
        for value in values:
            if value.upper() in countries:
                resolved["countries"].append(countries[value.upper()])
            elif value.casefold() in organisations:
                resolved["organisations"].append(organisations[value.casefold()])
            else:
                unknown.append(value)
        if unknown:
            raise serializers.ValidationError(
                f"Unknown parties: {', '.join(unknown)}. Use ISO 3166-1 alpha-2 country codes "
                "or the short names of organisations in the archive."
            )
        return resolved


class AgreementSerializer(ExtractedItemSerializer):
    url = APIURLField(view_name="api:agreement-detail")
    parties = PartiesField(required=False, help_text=PartiesField.__doc__.splitlines()[0])

    class Meta:
        model = Agreement
        fields = [
            "id",
            "url",
            "page_url",
            "summit",
            "parties",
            "topic",
            "status",
            "text",
            "exceptions",
            "review_status",
            "article",
            "article_id",
            "start",
            "end",
            "sources",
            "created_at",
            "updated_at",
        ]

    @staticmethod
    def _set_parties(agreement: Agreement, parties: dict | None) -> None:
        if parties is not None:
            agreement.countries.set(parties["countries"])
            agreement.organisations.set(parties["organisations"])

    def create(self, validated_data):
        parties = validated_data.pop("parties", None)
        with transaction.atomic():
            agreement = super().create(validated_data)
            self._set_parties(agreement, parties)
        return agreement

    def update(self, instance, validated_data):
        parties = validated_data.pop("parties", None)
        with transaction.atomic():
            agreement = super().update(instance, validated_data)
            self._set_parties(agreement, parties)
        return agreement


class NestedStatementSerializer(StatementSerializer):
    class Meta(StatementSerializer.Meta):
        fields = [f for f in StatementSerializer.Meta.fields if f not in {"summit", "article_id"}]
        read_only_fields = fields


class NestedAgreementSerializer(AgreementSerializer):
    class Meta(AgreementSerializer.Meta):
        fields = [f for f in AgreementSerializer.Meta.fields if f not in {"summit", "article_id"}]
        read_only_fields = fields


class AttendanceSerializer(serializers.ModelSerializer):
    """A participant as they attended one summit: the role and country at that summit."""

    participant = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    name = serializers.CharField(source="participant.name", read_only=True)
    url = RelatedAPIURLField(
        source="participant", view_name="api:participant-detail", lookup_field="slug", read_only=True
    )
    country = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)
    organisation = serializers.SlugRelatedField(slug_field="short_name", read_only=True, allow_null=True)

    class Meta:
        model = Attendance
        fields = ["participant", "name", "url", "role", "country", "organisation"]


class SummitSerializer(serializers.ModelSerializer):
    url = APIURLField(view_name="api:summit-detail", lookup_field="slug")
    page_url = PageURLField()
    country = CountryCodeField(allow_null=True, required=False, help_text="ISO code of the host country.")
    topics = serializers.SlugRelatedField(
        slug_field="slug", many=True, queryset=Topic.objects.all(), required=False
    )
    approve_pending = serializers.BooleanField(
        write_only=True,
        required=False,
        allow_null=True,
        default=None,
        help_text="When publishing a summit with items still pending: true approves them, false "
        "publishes while they stay hidden until approved; without it such a publication is refused.",
    )
    date = serializers.SerializerMethodField(
        help_text="The start date to its precision (ISO 8601): 2017-05-03, 1980-03 (a month), 1980 "
        "(a year); null when unknown. start_date holds a month's or a year's first day."
    )
    date_display = serializers.SerializerMethodField(
        help_text='The date as the pages write it: "3–4 April 2018", "March 1980", or "date not known — '
        'the report says “Wednesday”".'
    )

    class Meta:
        model = Summit
        fields = [
            "slug",
            "url",
            "page_url",
            "title",
            "start_date",
            "end_date",
            "date_precision",
            "date",
            "date_display",
            "date_text",
            "kind",
            "venue",
            "city",
            "country",
            "status",
            "approve_pending",
            "topics",
            "created_at",
            "updated_at",
        ]

    @extend_schema_field(OpenApiTypes.STR)
    def get_date(self, summit) -> str | None:
        return summit_datetime(summit) or None

    @extend_schema_field(OpenApiTypes.STR)
    def get_date_display(self, summit) -> str:
        return summit_date(summit)

    def create(self, validated_data):
        """A new summit starts as a draft; publishing it goes through the service."""
        status = validated_data.pop("status", Summit.Status.DRAFT)
        validated_data.pop("approve_pending", None)
        with transaction.atomic():
            summit = super().create(validated_data)
            self._set_status(summit, status, approve_pending=None)
        return summit

    def update(self, instance, validated_data):
        status = validated_data.pop("status", instance.status)
        approve_pending = validated_data.pop("approve_pending", None)
        with transaction.atomic():
            summit = super().update(instance, validated_data)
            self._set_status(summit, status, approve_pending=approve_pending)
        return summit

    def _set_status(self, summit: Summit, status: str, *, approve_pending: bool | None) -> None:
        """Publish or unpublish through the services, which ask for a choice about pending items."""
        if status == summit.status:
            return
        summits, by = Summit.objects.filter(pk=summit.pk), editor(self.context)
        if status == Summit.Status.DRAFT:
            services.unpublish_summits(summits=summits, by=by)
        else:
            try:
                services.publish_summits(summits=summits, approve_pending=approve_pending, by=by)
            except services.PendingReview as pending:
                raise serializers.ValidationError(
                    {
                        "approve_pending": f"{pending}. Review them first, or send approve_pending: true "
                        "(approve the rest and publish) or false (publish; they stay hidden until approved)."
                    }
                ) from None
        summit.refresh_from_db()

    def validate(self, attrs):
        start = attrs.get("start_date", getattr(self.instance, "start_date", None))
        end = attrs.get("end_date", getattr(self.instance, "end_date", None))
        if start and end and end < start:
            raise serializers.ValidationError({"end_date": "The end date must not be before the start date."})
        precision = attrs.get("date_precision", getattr(self.instance, "date_precision", ""))
        try:
            Summit(start_date=start, date_precision=precision).clean()  # a month or year on its first day
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.message_dict) from error
        return attrs


class SummitDetailSerializer(SummitSerializer):
    """A summit with who attended, what they said and agreed, and the articles behind it."""

    participants = AttendanceSerializer(source="attendances", many=True, read_only=True)
    statements = NestedStatementSerializer(many=True, read_only=True)
    agreements = NestedAgreementSerializer(many=True, read_only=True)
    articles = ArticleSourceSerializer(many=True, read_only=True)

    class Meta(SummitSerializer.Meta):
        fields = [*SummitSerializer.Meta.fields, "participants", "statements", "agreements", "articles"]


class ParticipantSerializer(serializers.ModelSerializer):
    url = APIURLField(view_name="api:participant-detail", lookup_field="slug")
    page_url = PageURLField()
    country = CountryCodeField(allow_null=True, required=False, help_text="ISO code of the person's country.")
    aliases = serializers.ListField(
        child=serializers.CharField(), read_only=True, help_text="Other spellings found in articles."
    )
    summits = serializers.SerializerMethodField(help_text="Slugs of the summits the person attended.")

    class Meta:
        model = Participant
        fields = ["slug", "url", "page_url", "name", "title", "country", "aliases", "summits"]

    @extend_schema_field(serializers.ListField(child=serializers.SlugField()))
    def get_summits(self, participant: Participant) -> list[str]:
        # The viewset prefetches the attendances the client may see into ``visible_attendances``.
        attendances = getattr(participant, "visible_attendances", None)
        if attendances is None:
            attendances = participant.attendances.select_related("summit")
        return [attendance.summit.slug for attendance in attendances]
