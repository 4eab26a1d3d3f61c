"""One change log per summit: every recorded change of the summit, its attendances, statements
and agreements, newest first, with who made it, why, and what changed (old → new).

Wired into ``SummitAdmin.get_urls`` (summits/admin.py) by :func:`change_log_urls`.
"""

from dataclasses import dataclass, field
from functools import partial
from itertools import pairwise

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import models
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, path, reverse

from .models import Agreement, Attendance, Country, Participant, Statement, Summit

# Fields whose changes say nothing to an editor.
UNSHOWN_FIELDS = {"id", "updated_at", "created_at", "search_vector", "fingerprint"}
ACTIONS = {"+": "added", "~": "changed", "-": "deleted"}
PER_PAGE = 50


@dataclass
class FieldChange:
    name: str
    old: str
    new: str


@dataclass
class Change:
    """One history row, as the log shows it."""

    when: object
    who: object
    what: str  # "statement", "attendance"...
    label: str  # the item as it was then
    url: str  # its admin page, while it exists
    action: str
    reason: str
    fields: list[FieldChange] = field(default_factory=list)


class Names:
    """Names of the people and countries history rows point at, also for people deleted since,
    fetched in one query per kind."""

    def __init__(self, records: list):
        people = {
            getattr(r, name) for r in records for name in ("speaker_id", "participant_id") if hasattr(r, name)
        }
        people.discard(None)
        self.people = dict(Participant.objects.filter(pk__in=people).values_list("pk", "name"))
        for record in Participant.history.filter(id__in=people - self.people.keys()).order_by("history_date"):
            self.people[record.id] = f"{record.name} (deleted)"
        self.countries = dict(Country.objects.values_list("code", "name"))

    def of(self, model_field: models.Field, value) -> str:
        if value in (None, ""):
            return "—"
        if model_field.is_relation and model_field.related_model is Participant:
            return self.people.get(value, f"person #{value}")
        if model_field.is_relation and model_field.related_model is Country:
            return self.countries.get(value, value)
        if model_field.choices:
            return str(dict(model_field.flatchoices).get(value, value))
        return str(value)


def _shown_fields(model: type[models.Model]) -> list[models.Field]:
    return [f for f in model._meta.concrete_fields if f.name not in UNSHOWN_FIELDS and f.name != "summit"]


def _differences(model, old, new, names: Names) -> list[FieldChange]:
    changes = []
    for model_field in _shown_fields(model):
        before, after = getattr(old, model_field.attname), getattr(new, model_field.attname)
        if before != after:
            changes.append(
                FieldChange(
                    model_field.verbose_name, names.of(model_field, before), names.of(model_field, after)
                )
            )
    return changes


def _admin_url(model, pk) -> str:
    try:
        return reverse(f"admin:summits_{model._meta.model_name}_change", args=[pk])
    except NoReverseMatch:
        return ""


def summit_changes(summit: Summit) -> list[Change]:
    """Every recorded change of ``summit`` and of its attendances, statements and agreements."""
    histories = {
        Summit: Summit.history.filter(id=summit.pk),
        Attendance: Attendance.history.filter(summit_id=summit.pk),
        Statement: Statement.history.filter(summit_id=summit.pk),
        Agreement: Agreement.history.filter(summit_id=summit.pk),
    }
    records = {
        model: list(rows.select_related("history_user").order_by("history_date", "history_id"))
        for model, rows in histories.items()
    }
    names = Names([r for rows in records.values() for r in rows])
    existing = {
        model: set(model.objects.filter(pk__in={r.id for r in rows}).values_list("pk", flat=True))
        for model, rows in records.items()
    }
    changes = []
    for model, rows in records.items():
        by_object: dict[int, list] = {}
        for record in rows:
            by_object.setdefault(record.id, []).append(record)
        for versions in by_object.values():
            for old, new in pairwise([None, *versions]):
                changes.append(_change(model, old, new, names, existing[model]))
    changes.sort(key=lambda change: change.when, reverse=True)
    return changes


def _label(model, record, names: Names) -> str:
    """The item as this history row recorded it."""
    if model is Summit:
        return record.title
    if model is Attendance:
        person = names.of(model._meta.get_field("participant"), record.participant_id)
        return f"{person}, {record.role}" if record.role else person
    if model is Statement:
        speaker = names.of(model._meta.get_field("speaker"), record.speaker_id)
        if not record.speaker_id:
            speaker = record.speaker_label or "Unknown speaker"
        return f"{speaker}: {_excerpt(record.text)}"
    return _excerpt(record.text)


def _change(model, old, new, names: Names, existing: set[int]) -> Change:
    label = _label(model, new, names)
    fields = _differences(model, old, new, names) if old is not None and new.history_type == "~" else []
    return Change(
        when=new.history_date,
        who=new.history_user,
        what=model._meta.verbose_name,
        label=label,
        url=_admin_url(model, new.id) if new.id in existing else "",
        action=ACTIONS.get(new.history_type, new.history_type),
        reason=new.history_change_reason or "",
        fields=fields,
    )


def _excerpt(text: str, length: int = 90) -> str:
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def change_log_urls(model_admin) -> list:
    view = model_admin.admin_site.admin_view(partial(change_log_view, model_admin=model_admin))
    return [path("<int:object_id>/changes/", view, name="summits_summit_changes")]


def change_log_view(request, object_id: int, *, model_admin):
    summit = get_object_or_404(Summit, pk=object_id)
    if not model_admin.has_view_permission(request, summit):
        raise PermissionDenied
    page = Paginator(summit_changes(summit), PER_PAGE).get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "admin/summits/summit/change_log.html",
        {
            **model_admin.admin_site.each_context(request),
            "title": f"Change log of “{summit}”",
            "opts": Summit._meta,
            "summit": summit,
            "page_obj": page,
        },
    )
