"""The editors' workplace: curate summits, review what the extraction found, merge people.

Every list has search and filters (and a date hierarchy where the model has a date), and
fetches its related rows up front so a page of 100 rows costs the same queries as one row.
Every model keeps its edit history with django-simple-history, and ``SimpleHistoryAdmin``'s
History button shows every version, who made it, why and what changed. Writes that span rows go through
``summits.services``.
"""

import re

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import model_ngettext
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from simple_history.admin import SimpleHistoryAdmin

from . import admin_history, admin_import, admin_move, admin_rerun, admin_review, selectors, services
from .models import (
    Agreement,
    Article,
    Attendance,
    Country,
    Organisation,
    Participant,
    ParticipantAlias,
    ParticipantMatch,
    Statement,
    Summit,
    Topic,
)
from .templatetags.summits_tags import highlight_spans, summit_date

ADMIN_MEDIA = forms.Media(css={"all": ["admin-extra/admin.css"]})
COMPACT_TEXT = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 3, "cols": 40})}}

# --- Source spans -----------------------------------------------------------------------------

SOURCE_WINDOW = 150  # characters of context shown at most on each side of a span
SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s)|\n")


def highlight_span(text: str, start: int, end: int, *, window: int = SOURCE_WINDOW) -> str:
    """The sentence(s) of ``text`` around ``text[start:end]``, escaped, with the span in <mark>.

    The context stops at the sentence boundaries nearest the span, and at most ``window``
    characters (cut at a space) on each side.
    """
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    lo, hi = max(0, start - window), min(len(text), end + window)

    breaks_before = list(SENTENCE_END.finditer(text, lo, start))
    if breaks_before:
        lo = breaks_before[-1].end()
    elif lo > 0:
        space = text.find(" ", lo, start)
        lo = space + 1 if space != -1 else lo
    break_after = SENTENCE_END.search(text, end, hi)
    if break_after:
        hi = break_after.end()
    elif hi < len(text):
        space = text.rfind(" ", end, hi)
        hi = space if space != -1 else hi

    return format_html(
        '<div class="source-excerpt">{}{}<mark>{}</mark>{}{}</div>',
        "… " if lo > 0 else "",
        text[lo:start].lstrip(),
        text[start:end],
        text[end:hi].rstrip(),
        " …" if hi < len(text) else "",
    )


class SourceSpanMixin:
    """A read-only field showing where in its article a statement or agreement was found."""

    @admin.display(description="source in the article")
    def source_excerpt(self, obj) -> str | None:
        if obj is None or obj.article_id is None or obj.start is None or obj.end is None:
            return None  # shown as the admin's empty value
        return highlight_span(obj.article.text, obj.start, obj.end)


def review_url(summit: Summit) -> str:
    """Where an editor reviews a summit's items: its review desk."""
    try:
        return reverse("admin:summits_summit_review", args=[summit.pk])
    except NoReverseMatch:
        return reverse("admin:summits_summit_change", args=[summit.pk])


# --- Shared pieces ----------------------------------------------------------------------------


def count_of(model: type[models.Model], field: str, **filters) -> Coalesce:
    """Annotation: how many ``model`` rows point at the outer row through ``field``.

    A correlated subquery per count, so several counts on one list do not multiply each other
    the way joins with ``Count(..., distinct=True)`` would.
    """
    rows = (
        model._default_manager.filter(**{field: models.OuterRef("pk")}, **filters)
        .order_by()
        .values(field)
        .annotate(n=models.Count("*"))
        .values("n")
    )
    return Coalesce(models.Subquery(rows, output_field=models.IntegerField()), 0)


def in_use_filter(count_field: str, title: str, yes: str, no: str) -> type[admin.SimpleListFilter]:
    """A yes/no list filter on a count annotated by the admin's ``get_queryset``."""

    class InUseFilter(admin.SimpleListFilter):
        parameter_name = f"has_{count_field}"

        def lookups(self, request, model_admin):
            return [("yes", yes), ("no", no)]

        def queryset(self, request, queryset):
            if self.value() == "yes":
                return queryset.filter(**{f"{count_field}__gt": 0})
            if self.value() == "no":
                return queryset.filter(**{count_field: 0})
            return queryset

    InUseFilter.title = title
    return InUseFilter


def report_changed(model_admin, request, verb: str, count: int) -> None:
    """Tell the editor what an action did: "Published 3 summits."."""
    model_admin.message_user(
        request, f"{verb} {count} {model_ngettext(model_admin.opts, count)}.", messages.SUCCESS
    )


def excerpt(text: str, length: int = 80) -> str:
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


class ReviewActionsMixin:
    """Approve / reject actions for statements and agreements."""

    @admin.action(description="Approve selected %(verbose_name_plural)s", permissions=["change"])
    def approve(self, request, queryset):
        report_changed(self, request, "Approved", services.approve_items(items=queryset, by=request.user))

    @admin.action(description="Reject selected %(verbose_name_plural)s", permissions=["change"])
    def reject(self, request, queryset):
        report_changed(self, request, "Rejected", services.reject_items(items=queryset, by=request.user))


# --- Inlines ----------------------------------------------------------------------------------

# Offsets and the article are filled by the importer; editors correct the text, not the span.
MACHINE_FILLED = ("article", "start", "end")


class AttendanceInline(admin.TabularInline):
    model = Attendance
    extra = 0
    fields = ["participant", "role", "country", "organisation"]
    autocomplete_fields = ["participant", "country", "organisation"]

    def get_queryset(self, request):
        # both ends: the row's __str__ (shown above each row) names the person and the summit
        return (
            super().get_queryset(request).select_related("participant", "summit", "country", "organisation")
        )


class ParticipantAttendanceInline(AttendanceInline):
    """The same rows seen from the person: which summits, in which role."""

    fields = ["summit", "role", "country", "organisation"]
    autocomplete_fields = ["summit", "country", "organisation"]
    verbose_name_plural = "summits attended"


class StatementInline(SourceSpanMixin, admin.TabularInline):
    model = Statement
    extra = 0
    fields = ["speaker", "speaker_label", "kind", "text", "review_status", "source_excerpt", *MACHINE_FILLED]
    readonly_fields = ["source_excerpt", *MACHINE_FILLED]
    autocomplete_fields = ["speaker"]
    formfield_overrides = COMPACT_TEXT
    show_change_link = True
    can_delete = False  # editors reject what is wrong: a rejection is remembered, a deletion would not be

    def get_queryset(self, request):
        # prefetch, not select: one copy of each article's text however many spans it has
        return super().get_queryset(request).select_related("speaker").prefetch_related("article")


class AgreementInline(SourceSpanMixin, admin.TabularInline):
    model = Agreement
    extra = 0
    fields = [
        "text",
        "topic",
        "status",
        "countries",
        "organisations",
        "review_status",
        "source_excerpt",
        *MACHINE_FILLED,
    ]
    readonly_fields = ["source_excerpt", *MACHINE_FILLED]
    autocomplete_fields = ["countries", "organisations"]
    formfield_overrides = COMPACT_TEXT
    show_change_link = True
    can_delete = False

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("article", "countries", "organisations")


class ParticipantAliasInline(admin.TabularInline):
    model = ParticipantAlias
    extra = 0
    fields = ["name"]
    verbose_name = "other spelling"
    verbose_name_plural = "other spellings (aliases)"


# --- Summits ----------------------------------------------------------------------------------


@admin.register(Summit)
class SummitAdmin(SimpleHistoryAdmin):
    list_display = [
        "title",
        "when",
        "city",
        "country",
        "status",
        "topic_list",
        "participant_count",
        "statement_count",
        "agreement_count",
        "pending_count",
        "review_link",
    ]
    list_filter = [
        "status",
        "kind",
        "date_precision",
        ("country", admin.RelatedOnlyFieldListFilter),
        ("topics", admin.RelatedOnlyFieldListFilter),
    ]
    date_hierarchy = "start_date"
    search_fields = [
        "title",
        "venue",
        "city",
        "date_text",
        "country__name",
        "participants__name",
        "participants__alias_set__name",
    ]
    list_select_related = ["country"]
    autocomplete_fields = ["country", "articles", "topics"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["title", "slug", ("status", "publication")]}),
        (
            "Where and when",
            {
                "fields": [
                    ("start_date", "end_date", "date_precision"),
                    "date_text",
                    "kind",
                    ("venue", "city", "country"),
                ]
            },
        ),
        ("Sources and topics", {"fields": ["articles", "topics"]}),
        ("Record", {"fields": [("created_at", "updated_at")], "classes": ["collapse"]}),
    ]
    inlines = [AttendanceInline, StatementInline, AgreementInline]
    actions = ["publish", "unpublish"]
    save_on_top = True

    @property
    def media(self):
        return super().media + ADMIN_MEDIA

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                participant_count=count_of(Attendance, "summit"),
                statement_count=count_of(Statement, "summit"),
                agreement_count=count_of(Agreement, "summit"),
                pending_statement_count=count_of(Statement, "summit", review_status="pending"),
                pending_agreement_count=count_of(Agreement, "summit", review_status="pending"),
                pending_count=models.F("pending_statement_count") + models.F("pending_agreement_count"),
            )
            .prefetch_related("topics")
        )

    def view_on_site(self, obj):
        # Readers see published summits only; a draft has its editors' preview instead.
        if obj.is_published:
            return obj.get_absolute_url()
        return reverse("summits:summit-preview", args=[obj.slug])

    @admin.display(description="date", ordering="start_date")
    def when(self, obj):
        """ "3 May 2017", "March 1980", "1980": a day only where it is known, else the words."""
        return summit_date(obj)

    @admin.display(description="topics")
    def topic_list(self, obj):
        return ", ".join(topic.name for topic in obj.topics.all())

    @admin.display(description="people", ordering="participant_count")
    def participant_count(self, obj):
        return obj.participant_count

    @admin.display(description="statements", ordering="statement_count")
    def statement_count(self, obj):
        return obj.statement_count

    @admin.display(description="agreements", ordering="agreement_count")
    def agreement_count(self, obj):
        return obj.agreement_count

    @admin.display(description="to review", ordering="pending_count")
    def pending_count(self, obj):
        """The pending items, each kind a link to its list filtered to this summit's pending items."""
        links = [
            format_html(
                '<a href="{}?summit={}&amp;review_status__exact=pending">{} {}</a>',
                reverse(f"admin:summits_{model._meta.model_name}_changelist"),
                obj.pk,
                count,
                model._meta.verbose_name if count == 1 else model._meta.verbose_name_plural,
            )
            for model, count in [
                (Statement, obj.pending_statement_count),
                (Agreement, obj.pending_agreement_count),
            ]
            if count
        ]
        return format_html_join(", ", "{}", ((link,) for link in links)) if links else 0

    @admin.display(description="review desk")
    def review_link(self, obj):
        return format_html('<a href="{}">Review</a>', reverse("admin:summits_summit_review", args=[obj.pk]))

    @admin.action(description="Publish selected summits", permissions=["change"])
    def publish(self, request, queryset):
        return self._publish(request, queryset, action="publish")

    @admin.action(description="Unpublish selected summits (back to draft)", permissions=["change"])
    def unpublish(self, request, queryset):
        changed = services.unpublish_summits(summits=queryset, by=request.user)
        report_changed(self, request, "Unpublished", changed)

    def _publish(self, request, summits, *, action: str = ""):
        """Publish, or ask the editor what to do with items still pending (see the service)."""
        approve = request.POST.get("pending") == "approve" or None
        try:
            changed = services.publish_summits(summits=summits, approve_pending=approve, by=request.user)
        except services.PendingReview as pending:
            return self._ask_about_pending(request, pending, summits, action=action)
        report_changed(self, request, "Published", changed)
        return None

    def _ask_about_pending(self, request, pending: services.PendingReview, summits, *, action: str):
        for summit in pending.pending:
            summit.review_url = review_url(summit)
        first = next(iter(pending.pending))
        context = {
            **self.admin_site.each_context(request),
            "title": "Publish with items still to review?",
            "opts": self.opts,
            "pending": list(pending.pending.items()),
            "total": sum(pending.pending.values()),
            "selected": list(summits.values_list("pk", flat=True)),
            "review_first_url": first.review_url,
            "action_checkbox_name": ACTION_CHECKBOX_NAME,
            "action": action,
        }
        return TemplateResponse(request, "admin/summits/summit/publish_confirmation.html", context)

    def get_urls(self):
        publish = self.admin_site.admin_view(self.publish_view)
        return [
            path("<int:object_id>/publish/", publish, name="summits_summit_publish"),
            *admin_history.change_log_urls(self),
            *admin_review.review_urls(self),
            *super().get_urls(),
        ]

    def publish_view(self, request, object_id: int):
        """The change page's Publish button: publish this summit, asking first about pending items."""
        summit = get_object_or_404(Summit, pk=object_id)
        if not self.has_change_permission(request, summit):
            raise PermissionDenied
        if request.method == "POST":
            response = self._publish(request, Summit.objects.filter(pk=summit.pk))
            if response is not None:
                return response
        elif summit.has_pending_items():
            return self._ask_about_pending(
                request,
                services.PendingReview(services.pending_counts(Summit.objects.filter(pk=summit.pk))),
                Summit.objects.filter(pk=summit.pk),
                action="",
            )
        else:
            return TemplateResponse(
                request,
                "admin/summits/summit/publish_confirmation.html",
                {
                    **self.admin_site.each_context(request),
                    "title": f"Publish “{summit}”?",
                    "opts": self.opts,
                    "summit": summit,
                },
            )
        return redirect("admin:summits_summit_change", summit.pk)

    def get_readonly_fields(self, request, obj=None):
        # Publication goes through its own button (and the service's question about pending items).
        return [*super().get_readonly_fields(request, obj), "status", "publication"]

    @admin.display(description="readers")
    def publication(self, obj):
        if obj is None or obj.pk is None:
            return "A new summit is a draft until you publish it."
        url = reverse("admin:summits_summit_publish", args=[obj.pk])
        if obj.is_published:
            return "Published: readers see its approved items."
        return format_html('Draft: readers cannot see it. <a class="button" href="{}">Publish…</a>', url)

    def save_formset(self, request, form, formset, change):
        if formset.model not in (Statement, Agreement):
            return super().save_formset(request, form, formset, change)
        # Edits of statements and agreements go through the service that records what changed.
        formset.save(commit=False)
        for item, changed in formset.changed_objects:
            services.save_item(item=item, changed=changed, by=request.user)
        for item in formset.new_objects:
            services.save_item(item=item, changed=["text"], by=request.user, why="added by hand")
        formset.save_m2m()
        return None


# --- People -----------------------------------------------------------------------------------


@admin.register(Participant)
class ParticipantAdmin(SimpleHistoryAdmin):
    list_display = ["name", "title", "country", "alias_list", "summit_count", "statement_count", "created_at"]
    list_filter = [
        ("country", admin.RelatedOnlyFieldListFilter),
        in_use_filter("summit_count", "attendance", "Attended a summit", "Never attended"),
        in_use_filter("statement_count", "statements", "Has statements", "No statements"),
    ]
    date_hierarchy = "created_at"
    search_fields = ["name", "alias_set__name", "title", "country__name"]
    list_select_related = ["country"]
    autocomplete_fields = ["country"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["created_at", "updated_at", "open_matches"]
    fields = ["name", "slug", "title", "country", ("created_at", "updated_at"), "open_matches"]
    inlines = [ParticipantAliasInline, ParticipantAttendanceInline]
    actions = ["merge"]

    merge_template = "admin/summits/participant/merge_confirmation.html"

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                summit_count=count_of(Attendance, "participant"),
                statement_count=count_of(Statement, "speaker"),
            )
            .prefetch_related("alias_set")
        )

    @admin.display(description="aliases")
    def alias_list(self, obj):
        return ", ".join(obj.aliases)

    @admin.display(description="may be the same person as")
    def open_matches(self, obj):
        """The open proposals that this person and another are one, each linked to its decision."""
        if obj is None or obj.pk is None:
            return "—"
        rows = [
            (
                reverse("admin:summits_participantmatch_change", args=[match.pk]),
                match.candidate if match.participant_id == obj.pk else match.participant,
                f"{match.score:.0f}",
                match.reason,
            )
            for match in selectors.open_matches_of(obj)
        ]
        if not rows:
            return "No open proposal."
        return format_html_join(mark_safe("<br>"), '<a href="{}">{}</a> (names {} % alike: {})', rows)

    @admin.display(description="summits", ordering="summit_count")
    def summit_count(self, obj):
        return obj.summit_count

    @admin.display(description="statements", ordering="statement_count")
    def statement_count(self, obj):
        return obj.statement_count

    @admin.action(description="Merge two selected participants…", permissions=["change", "delete"])
    def merge(self, request, queryset):
        people = list(queryset.select_related("country").prefetch_related("attendances__summit"))
        if len(people) != 2:
            self.message_user(
                request,
                f"Select exactly two participants to merge (you selected {len(people)}).",
                messages.ERROR,
            )
            return None

        if request.POST.get("confirm") == "yes":
            keep = next((p for p in people if str(p.pk) == request.POST.get("keep")), None)
            if keep is not None:
                (merge,) = (person for person in people if person is not keep)
                self._merge_confirmed(request, keep=keep, merge=merge)
                return None
            self.message_user(request, "Choose which participant to keep.", messages.ERROR)

        first, second = people
        shared = {a.summit_id for a in first.attendances.all()} & {
            a.summit_id for a in second.attendances.all()
        }
        context = {
            **self.admin_site.each_context(request),
            "title": "Merge two participants",
            "opts": self.opts,
            "people": people,
            "shared_summits": [a.summit for a in first.attendances.all() if a.summit_id in shared],
            "action_checkbox_name": ACTION_CHECKBOX_NAME,
            "action": "merge",
        }
        return TemplateResponse(request, self.merge_template, context)

    def _merge_confirmed(self, request, *, keep: Participant, merge: Participant) -> None:
        merged_name = merge.name
        try:
            keep = services.merge_participants(keep=keep, merge=merge, by=request.user)
        except services.MergeError as error:
            self.message_user(request, str(error), messages.ERROR)
            return
        self.message_user(
            request,
            format_html(
                'Merged {} into <a href="{}">{}</a>; {} is now one of its aliases.',
                merged_name,
                reverse("admin:summits_participant_change", args=[keep.pk]),
                keep.name,
                merged_name,
            ),
            messages.SUCCESS,
        )


@admin.register(ParticipantMatch)
class ParticipantMatchAdmin(admin.ModelAdmin):
    """Two participants the import found alike enough to be one person written two ways, but
    not so alike that it merged them: an editor merges them (the candidate is kept) or says they
    are two people. The import makes the proposals; editors only decide them."""

    list_display = [
        "participant",
        "candidate",
        "score_shown",
        "reason",
        "participant_country",
        "candidate_country",
        "participant_summits",
        "candidate_summits",
        "status",
        "created_at",
    ]
    list_display_links = ["reason"]
    list_filter = ["status"]
    search_fields = ["participant__name", "candidate__name", "reason"]
    readonly_fields = ["participant", "candidate", "score", "reason", "status", "created_at"]
    actions = ["merge_matches", "dismiss_matches"]

    def get_queryset(self, request):
        return selectors.participant_matches_for_editors()

    def get_ordering(self, request):
        # open proposals first (an annotation of get_queryset's, hence not in ``ordering``)
        return ["open_first", "-created_at", "-id"]

    def has_add_permission(self, request):
        return False

    @admin.display(description="score", ordering="score")
    def score_shown(self, obj):
        return f"{obj.score:.0f}"

    @admin.display(description="country", ordering="participant__country__name")
    def participant_country(self, obj):
        return obj.participant.country or "—"

    @admin.display(description="candidate's country", ordering="candidate__country__name")
    def candidate_country(self, obj):
        return obj.candidate.country or "—"

    @admin.display(description="summits", ordering="participant_summit_count")
    def participant_summits(self, obj):
        return obj.participant_summit_count

    @admin.display(description="candidate's summits", ordering="candidate_summit_count")
    def candidate_summits(self, obj):
        return obj.candidate_summit_count

    @admin.action(description="Merge (keep the candidate)", permissions=["change"])
    def merge_matches(self, request, queryset):
        participant_admin = self.admin_site.get_model_admin(Participant)
        if not (
            participant_admin.has_change_permission(request)
            and participant_admin.has_delete_permission(request)
        ):
            raise PermissionDenied
        self._decide(request, queryset, services.accept_participant_match, "merged into the candidate")

    @admin.action(description="Two different people", permissions=["change"])
    def dismiss_matches(self, request, queryset):
        self._decide(request, queryset, services.dismiss_participant_match, "marked as two people")

    def _decide(self, request, queryset, decide, done: str) -> None:
        """``decide`` each chosen proposal; one message for those decided, one per proposal
        that could not be (already decided, or gone with a person merged meanwhile)."""
        matches = list(queryset.order_by("created_at", "id"))
        if not matches:
            self.message_user(
                request,
                "None of the chosen proposals is left: a person was merged or deleted meanwhile.",
                messages.WARNING,
            )
            return
        decided = []
        for match in matches:
            label = f"{match.participant} = {match.candidate}"
            try:
                decide(match=match, by=request.user)
            except services.EditError as error:
                self.message_user(request, str(error), messages.WARNING)
            else:
                decided.append(label)
        if decided:
            self.message_user(request, f"{len(decided)} {done}: {'; '.join(decided)}.", messages.SUCCESS)


@admin.register(ParticipantAlias)
class ParticipantAliasAdmin(SimpleHistoryAdmin):
    list_display = ["name", "participant", "key"]
    list_filter = [("participant__country", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["name", "key", "participant__name"]
    list_select_related = ["participant"]
    autocomplete_fields = ["participant"]
    readonly_fields = ["key"]


@admin.register(Attendance)
class AttendanceAdmin(SimpleHistoryAdmin):
    list_display = ["participant", "summit", "role", "country", "organisation"]
    list_filter = [
        "summit__status",
        ("country", admin.RelatedOnlyFieldListFilter),
        ("organisation", admin.RelatedOnlyFieldListFilter),
    ]
    date_hierarchy = "summit__start_date"
    search_fields = ["participant__name", "summit__title", "role"]
    list_select_related = ["participant", "summit", "country", "organisation"]
    autocomplete_fields = ["summit", "participant", "country", "organisation"]


# --- What the extraction found ----------------------------------------------------------------


def chosen_row_filter(field: str, title: str) -> type[admin.SimpleListFilter]:
    """A list filter on one related row (``?summit=<id>``), reached by the links in the list's
    rows rather than chosen from a list of every summit (there may be tens of thousands): it
    shows in the sidebar only while active, naming the row, with "All" to clear it."""

    class ChosenRowFilter(admin.SimpleListFilter):
        parameter_name = field

        def __init__(self, request, params, model, model_admin):
            self.related_model = model._meta.get_field(field).related_model
            super().__init__(request, params, model, model_admin)

        def chosen_pk(self):
            try:
                return self.related_model._meta.pk.to_python(self.value())
            except ValidationError as error:
                raise IncorrectLookupParameters(error) from error

        def lookups(self, request, model_admin):
            if self.value() is None:
                return []
            # Django leaves out a filter without choices, and its parameter with it: a row that
            # does not exist still gets a choice (and an empty list), a bad value an error page.
            row = self.related_model._default_manager.filter(pk=self.chosen_pk()).first()
            label = str(row) if row else f"{self.related_model._meta.verbose_name} {self.value()} (none)"
            return [(self.value(), label)]

        def queryset(self, request, queryset):
            if self.value() is None:
                return queryset
            return queryset.filter(**{f"{field}_id": self.chosen_pk()})

    ChosenRowFilter.title = title
    return ChosenRowFilter


def filter_link(field: str, pk, label) -> str:
    """A link narrowing the current list to the rows of one related row (see chosen_row_filter)."""
    return format_html('<a href="?{}={}" title="Only the items of this {}">{}</a>', field, pk, field, label)


class ExtractedItemChangeList(ChangeList):
    def get_queryset(self, request, exclude_parameters=None):
        # The source sentence column needs a few hundred characters around each span, not the
        # article (which can run to megabytes): the database cuts them out (see source_sentence).
        start = models.functions.Greatest(models.F("start") - SOURCE_WINDOW, models.Value(1))
        return (
            super()
            .get_queryset(request, exclude_parameters)
            .defer("search_vector", "summit__search_vector", "article__text", "article__original")
            .annotate(
                source_window=models.functions.Substr(
                    "article__text", start, models.F("end") + (SOURCE_WINDOW + 2) - start
                )
            )
        )


class ExtractedItemAdmin(ReviewActionsMixin, SourceSpanMixin, SimpleHistoryAdmin):
    """What statements and agreements share: review actions and the highlighted source.

    Nothing is deleted here: an item that is wrong is rejected, so that a re-import of its
    article knows the editor's decision and never brings it back.
    """

    date_hierarchy = "summit__start_date"
    actions = ["approve", "reject"]
    autocomplete_fields = ["summit", "article"]
    formfield_overrides = COMPACT_TEXT

    @property
    def media(self):
        return super().media + ADMIN_MEDIA

    def has_delete_permission(self, request, obj=None):
        return False

    def get_readonly_fields(self, request, obj=None):
        readonly = ["source_excerpt", "fingerprint", "created_at", "updated_at"]
        # What the importer found keeps its place in the article; a hand-made item may get one.
        if obj is not None and obj.fingerprint:
            readonly += MACHINE_FILLED
        return readonly

    def get_changelist(self, request, **kwargs):
        return ExtractedItemChangeList

    @admin.display(description="text")
    def text_excerpt(self, obj):
        return excerpt(obj.text)

    def save_model(self, request, obj, form, change):
        why = "" if change else "added by hand"
        services.save_item(item=obj, changed=form.changed_data, by=request.user, why=why)

    @admin.display(description="summit", ordering="summit__title")
    def summit_link(self, obj):
        return filter_link("summit", obj.summit_id, obj.summit)

    @admin.display(description="article", ordering="article__title")
    def article_link(self, obj):
        if obj.article_id is None:
            return None
        return filter_link("article", obj.article_id, obj.article.title or f"Article {obj.article_id}")

    @admin.display(description="source sentence")
    def source_sentence(self, obj):
        """``highlight_span`` on the article, from the window the changelist cut out of it.

        The window reaches one character past ``SOURCE_WINDOW`` on each side, so that
        ``highlight_span`` still sees whether there is more text before and after it.
        """
        window = getattr(obj, "source_window", None)
        if window is None or obj.start is None or obj.end is None:
            return None
        offset = max(0, obj.start - SOURCE_WINDOW - 1)
        return highlight_span(window, obj.start - offset, obj.end - offset)


@admin.register(Statement)
class StatementAdmin(ExtractedItemAdmin):
    list_display = [
        "text_excerpt",
        "speaker_name",
        "kind",
        "summit_link",
        "review_status",
        "source_sentence",
        "article_link",
        "created_at",
    ]
    list_filter = [
        "review_status",
        "kind",
        "summit__status",
        chosen_row_filter("summit", "summit"),
        chosen_row_filter("article", "article"),
        chosen_row_filter("speaker", "speaker"),
        ("speaker__country", admin.RelatedOnlyFieldListFilter),
    ]
    search_fields = ["text", "speaker__name", "speaker_label", "summit__title", "article__title"]
    list_select_related = ["summit", "speaker", "article"]
    autocomplete_fields = [*ExtractedItemAdmin.autocomplete_fields, "speaker"]
    fieldsets = [
        (None, {"fields": ["summit", ("speaker", "speaker_label"), "kind", "text", "review_status"]}),
        ("Source", {"fields": ["source_excerpt", "article", ("start", "end"), "fingerprint"]}),
        ("Record", {"fields": [("created_at", "updated_at")], "classes": ["collapse"]}),
    ]

    @admin.display(description="speaker", ordering="speaker__name")
    def speaker_name(self, obj):
        if obj.speaker_id is None:
            return obj.speaker_name
        return filter_link("speaker", obj.speaker_id, obj.speaker_name)


@admin.register(Agreement)
class AgreementAdmin(ExtractedItemAdmin):
    list_display = [
        "text_excerpt",
        "topic",
        "status",
        "party_list",
        "summit_link",
        "review_status",
        "source_sentence",
        "article_link",
        "created_at",
    ]
    list_filter = [
        "review_status",
        "status",
        "summit__status",
        chosen_row_filter("summit", "summit"),
        chosen_row_filter("article", "article"),
        ("countries", admin.RelatedOnlyFieldListFilter),
    ]
    search_fields = ["text", "topic", "exceptions", "summit__title", "article__title", "countries__name"]
    list_select_related = ["summit", "article"]
    autocomplete_fields = [*ExtractedItemAdmin.autocomplete_fields, "countries", "organisations"]
    fieldsets = [
        (None, {"fields": ["summit", "text", ("topic", "status"), "exceptions", "review_status"]}),
        ("Parties", {"fields": ["countries", "organisations"]}),
        ("Source", {"fields": ["source_excerpt", "article", ("start", "end"), "fingerprint"]}),
        ("Record", {"fields": [("created_at", "updated_at")], "classes": ["collapse"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("countries", "organisations")

    @admin.display(description="parties")
    def party_list(self, obj):
        return ", ".join(obj.parties)


# --- Sources and reference data ---------------------------------------------------------------


class ArticleChangeList(ChangeList):
    def get_queryset(self, request, exclude_parameters=None):
        # The list never shows the text, which can run to megabytes per article.
        return super().get_queryset(request, exclude_parameters).defer("text")


def _admin_link(item) -> str:
    """After a highlighted span in the admin: a link to the item's own change page."""
    kind = item._meta.model_name
    label = f"{item._meta.verbose_name} {item.pk} ({item.get_review_status_display().lower()})"
    return format_html(
        '<a class="span-link" href="{}" title="{}">↩</a>',
        reverse(f"admin:summits_{kind}_change", args=[item.pk]),
        label,
    )


class ExtractionCompleteFilter(admin.SimpleListFilter):
    title = "extraction"
    parameter_name = "extraction"

    def lookups(self, request, model_admin):
        return [("complete", "Complete"), ("incomplete", "Incomplete (items may be missing)")]

    def queryset(self, request, queryset):
        if self.value() == "complete":
            return queryset.filter(incomplete=[])
        if self.value() == "incomplete":
            return queryset.exclude(incomplete=[])
        return queryset


@admin.register(Article)
class ArticleAdmin(admin_move.MoveActionsMixin, SimpleHistoryAdmin):
    """Articles as imported. The text never changes after the import (every offset points into
    it): it is shown read-only, with what the extraction took from it highlighted. The summit the
    import filed it under is the import's proposal: an editor attaches it to another summit or
    splits it off into a new one (summits/admin_move.py)."""

    list_display = [
        "__str__",
        "outlet",
        "published",
        "imported_at",
        "extractor_version",
        "extraction_complete",
        "summit_count",
    ]
    list_filter = [
        ExtractionCompleteFilter,
        "outlet",
        "extractor_version",
        "source_format",
        in_use_filter("summit_count", "use", "Used by a summit", "Unused"),
    ]
    date_hierarchy = "published"
    search_fields = ["title", "outlet", "url", "sha256", "byline"]
    readonly_fields = [
        "sha256",
        "imported_at",
        "extractor_version",
        "extraction_problems",
        "highlighted_text",
        "extracted_items",
        "source_format",
        "original",
        "filed_under",
        "summit_match",
    ]
    fieldsets = [
        (None, {"fields": ["title", "url", "outlet", "byline", "published"]}),
        ("Summit", {"fields": ["filed_under", "summit_match"]}),
        ("Extraction", {"fields": ["extraction_problems", "extractor_version", ("imported_at", "sha256")]}),
        ("Text, with what was taken from it", {"fields": ["highlighted_text"]}),
        ("What was extracted", {"fields": ["extracted_items"]}),
        ("The file as it came", {"fields": ["source_format", "original"], "classes": ["collapse"]}),
    ]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    actions = ["attach_to_summit", "split_off"]

    @property
    def media(self):
        return super().media + ADMIN_MEDIA

    def get_queryset(self, request):
        return (
            super().get_queryset(request).annotate(summit_count=count_of(Summit.articles.through, "article"))
        )

    def get_changelist(self, request, **kwargs):
        return ArticleChangeList

    def get_urls(self):
        return [
            *admin_import.import_urls(self),
            *admin_rerun.rerun_urls(self),
            *admin_review.review_urls(self),
            *admin_move.move_urls(self),
            *super().get_urls(),
        ]

    @admin.display(description="filed under")
    def filed_under(self, obj):
        """The summits the article is filed under, each linked to its page."""
        if obj is None or obj.pk is None:
            return "—"
        summits = obj.summits.defer("search_vector").order_by("title", "pk")
        links = format_html_join(
            "; ",
            '<a href="{}">{}</a>',
            ((reverse("admin:summits_summit_change", args=[s.pk]), s) for s in summits),
        )
        return links or "No summit."

    @admin.display(description="summits", ordering="summit_count")
    def summit_count(self, obj):
        return obj.summit_count

    @admin.display(description="extraction complete", boolean=True)
    def extraction_complete(self, obj):
        return not obj.incomplete

    @admin.display(description="problems")
    def extraction_problems(self, obj):
        if not obj.incomplete:
            return "None: every part of the extraction ran."
        return format_html(
            '<span class="errornote">Part of the extraction failed ({}): items may be missing.</span>',
            ", ".join(obj.incomplete),
        )

    @admin.display(description="items")
    def extracted_items(self, obj):
        """Every statement and agreement taken from the article, each linked to its change page."""
        if obj is None or obj.pk is None:
            return None
        try:
            review_url = reverse("admin:summits_article_review", args=[obj.pk])
        except NoReverseMatch:  # the review desk is optional
            review_url = None
        return render_to_string(
            "admin/summits/article/extracted_items.html",
            {"rows": admin_import.extracted_item_rows(obj), "review_url": review_url},
        )

    @admin.display(description="text")
    def highlighted_text(self, obj):
        items = selectors.article_items_for_editors(obj)
        return format_html(
            '<div class="article-text">{}</div>', highlight_spans(obj.text, items, link=_admin_link)
        )


# Topics, organisations and countries have no simple_history records (see summits/models.py),
# so they keep Django's own History page, which lists the admin edits and who made them.
# None of them has a date, hence no date hierarchy.


class TopicSummitInline(admin.TabularInline):
    """The summits a topic is given to, to add or take it away from several at once."""

    model = Summit.topics.through
    extra = 0
    autocomplete_fields = ["summit"]
    verbose_name = "summit with this topic"
    verbose_name_plural = "summits with this topic"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("summit")


@admin.register(Topic)
class TopicAdmin(SimpleHistoryAdmin):
    """Topics as an editor writes them: rename one in the list, give it to summits on its page."""

    list_display = ["name", "slug", "summit_count"]
    list_editable = ["name"]  # a renamed topic keeps its slug, so links to it still work
    list_display_links = ["slug"]
    list_filter = [in_use_filter("summit_count", "use", "Used by a summit", "Unused")]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [TopicSummitInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(summit_count=count_of(Summit.topics.through, "topic"))

    @admin.display(description="summits", ordering="summit_count")
    def summit_count(self, obj):
        return obj.summit_count


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    list_display = ["short_name", "name", "agreement_count", "attendance_count"]
    list_filter = [in_use_filter("agreement_count", "agreements", "Party to an agreement", "Never a party")]
    search_fields = ["short_name", "name"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                agreement_count=count_of(Agreement.organisations.through, "organisation"),
                attendance_count=count_of(Attendance, "organisation"),
            )
        )

    @admin.display(description="agreements", ordering="agreement_count")
    def agreement_count(self, obj):
        return obj.agreement_count

    @admin.display(description="attendances", ordering="attendance_count")
    def attendance_count(self, obj):
        return obj.attendance_count


@admin.register(Country)
class CountryAdmin(SimpleHistoryAdmin):
    list_display = ["name", "code", "alpha3", "summit_count", "participant_count", "agreement_count"]
    list_filter = [
        in_use_filter("summit_count", "summits hosted", "Hosted a summit", "Never hosted"),
        in_use_filter("participant_count", "participants", "Has participants", "No participants"),
        in_use_filter("agreement_count", "agreements", "Party to an agreement", "Never a party"),
    ]
    search_fields = ["name", "official_name", "code", "alpha3"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                summit_count=count_of(Summit, "country"),
                participant_count=count_of(Participant, "country"),
                agreement_count=count_of(Agreement.countries.through, "country"),
            )
        )

    @admin.display(description="summits hosted", ordering="summit_count")
    def summit_count(self, obj):
        return obj.summit_count

    @admin.display(description="participants", ordering="participant_count")
    def participant_count(self, obj):
        return obj.participant_count

    @admin.display(description="agreements", ordering="agreement_count")
    def agreement_count(self, obj):
        return obj.agreement_count
