"""The admin's "Re-run extraction" page for one article: GET shows what running the extraction
again would change (a dry run, nothing written), POST does it, with the same reconciliation as
``manage.py import_article --update``: untouched items are refreshed, what editors reviewed,
edited, rejected or deleted is left as they left it.

Wired into ``ArticleAdmin.get_urls`` (summits/admin.py) by :func:`rerun_urls`.
"""

import logging
from collections import Counter
from dataclasses import dataclass
from functools import partial

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from . import ingest
from .models import Article, ReviewStatus

logger = logging.getLogger(__name__)

# How the fields a refresh changes are named on the page.
FIELD_NAMES = {"speaker_label": "speaker", "start": "position", "end": "position"}


def rerun_urls(model_admin) -> list:
    view = model_admin.admin_site.admin_view(partial(rerun_view, model_admin=model_admin))
    return [path("<path:object_id>/rerun/", view, name="summits_article_rerun")]


def rerun_view(request, object_id, *, model_admin):
    article = model_admin.get_object(request, unquote(object_id))
    if article is None:
        raise Http404("No such article.")
    if not model_admin.has_change_permission(request, article):
        raise PermissionDenied
    if request.method == "POST":
        return _rerun(request, model_admin, article)
    try:
        extraction = ingest.extract_again(article)
        result = ingest.reextract_article(article, extraction=extraction, dry_run=True)
    except Exception as exc:
        messages.error(request, _failure(exc))
        return redirect("admin:summits_article_change", article.pk)
    return _render(request, model_admin, article, result=result, extraction=extraction)


def _failure(exc: Exception) -> str:
    logger.exception("the admin's re-run of the extraction failed")
    name = type(exc).__name__
    return f"The extraction could not be re-run ({name}); nothing was changed. The error is logged."


def _rerun(request, model_admin, article: Article):
    try:
        result = ingest.reextract_article(
            article,
            provenance=ingest.Provenance(by=request.user, how="re-run of the extraction in the admin"),
        )
    except Exception as exc:
        messages.error(request, _failure(exc))
        return redirect("admin:summits_article_change", article.pk)
    message = summary(result)
    model_admin.log_change(request, article, f"Re-ran the extraction: {message}")
    if result.summit is not None and result.summit.is_published and (result.added or result.refreshed):
        message += (
            " The summit is published: added and refreshed items are pending until an editor approves them."
        )
    messages.success(request, f"Re-ran the extraction on “{result.article}”: {message}")
    return redirect("admin:summits_article_change", article.pk)


def summary(result: ingest.ImportResult) -> str:
    """What a re-run did, in one sentence: "2 added, 3 refreshed, 1 removed; 4 kept as editors
    left them." """
    counts = Counter(change.action for change in result.changes)
    kept = counts[ingest.KEPT] + counts[ingest.LEFT]
    text = (
        f"{counts[ingest.ADDED]} added, {counts[ingest.REFRESHED]} refreshed, "
        f"{counts[ingest.REMOVED]} removed; {kept} kept as editors left them"
    )
    if counts[ingest.SKIPPED]:
        text += f"; {counts[ingest.SKIPPED]} rejected or deleted by editors, not made again"
    if counts[ingest.HANDED_OVER]:
        handed = counts[ingest.HANDED_OVER]
        text += f"; {handed} no longer found here but kept for the other reports that give them"
    if counts[ingest.MERGED]:
        merged = counts[ingest.MERGED]
        text += f"; {merged} held by other reports of the summit, this article their further source"
    if counts[ingest.SAME]:
        text += f"; {counts[ingest.SAME]} unchanged"
    return text + "."


@dataclass
class Row:
    """One item on the page."""

    model: str
    text: str
    new_text: str = ""
    detail: str = ""
    url: str = ""


def _url(change: ingest.ItemChange) -> str:
    if change.pk is None:
        return ""
    return reverse(f"admin:summits_{change.model}_change", args=[change.pk])


def _why_kept(change: ingest.ItemChange) -> str:
    if change.action == ingest.SKIPPED:
        if change.pk is None:
            return "deleted by an editor; found again, not made again"
        return "rejected by an editor; found again, stays rejected"
    why = []
    if change.review_status != ReviewStatus.PENDING:
        why.append(ReviewStatus(change.review_status).label.lower())
    if change.edited:
        why.append("edited")
    found = "found again" if change.action == ingest.KEPT else "no longer found, stays"
    return f"{' and '.join(why)} by an editor; {found}"


def _rows(result: ingest.ImportResult) -> dict[str, list[Row]]:
    rows = {"added": [], "refreshed": [], "removed": [], "kept": []}
    for change in result.changes:
        if change.action == ingest.ADDED:
            rows["added"].append(Row(change.model, change.text))
        elif change.action == ingest.REFRESHED:
            differ = ", ".join(dict.fromkeys(FIELD_NAMES.get(name, name) for name in change.changed))
            rows["refreshed"].append(Row(change.model, change.text, change.new_text, differ, _url(change)))
        elif change.action == ingest.REMOVED:
            rows["removed"].append(Row(change.model, change.text, url=_url(change)))
        elif change.action in (ingest.KEPT, ingest.LEFT, ingest.SKIPPED):
            rows["kept"].append(Row(change.model, change.text, detail=_why_kept(change), url=_url(change)))
        elif change.action == ingest.MERGED:
            detail = "another report of the summit gives it: this article stays one of its sources"
            rows["kept"].append(Row(change.model, change.text, detail=detail))
        elif change.action == ingest.HANDED_OVER:
            detail = "no longer found here, but another report of the summit gives it: kept, from that report"
            rows["kept"].append(Row(change.model, change.text, detail=detail, url=_url(change)))
    return rows


def _render(request, model_admin, article: Article, *, result: ingest.ImportResult, extraction):
    opts = Article._meta
    counts = Counter(change.action for change in result.changes)
    return TemplateResponse(
        request,
        [f"admin/{opts.app_label}/{opts.model_name}/rerun.html"],
        {
            **model_admin.admin_site.each_context(request),
            "opts": opts,
            "title": "Re-run extraction",
            "original": article,
            "result": result,
            "extraction": extraction,
            "rows": _rows(result),
            "unchanged": counts[ingest.SAME],
            "summary": summary(result),
            "extractor_version": ingest.extractor_version(),
            "cancel_url": reverse("admin:summits_article_change", args=[article.pk]),
        },
    )
