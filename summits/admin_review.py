"""The editors' review desk: the text of a summit's articles (or of one article) with every
extracted span highlighted, next to its statements and agreements, each approved, rejected or
corrected in place without reloading the page.

Wired into ``SummitAdmin.get_urls`` and ``ArticleAdmin.get_urls`` (summits/admin.py) by
:func:`review_urls`. The page is a GET; every change is a POST to an action here that calls
``summits.services`` and answers with an HTML fragment for htmx: the item's row again, plus
out-of-band updates of the pending count and of the article text (its highlight classes and
spans). An edit the archive refuses (``services.EditError``) answers 400 with its message as
plain text, which static/admin-extra/review.js shows to the editor.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, partial, wraps

from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Prefetch
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_POST

from . import services
from .models import (
    Agreement,
    AgreementSource,
    Article,
    Participant,
    ReviewStatus,
    Statement,
    StatementSource,
    Summit,
)
from .templatetags.summits_tags import highlight_spans

ITEM_MODELS = {"statement": Statement, "agreement": Agreement}
SOURCE_MODELS = {Statement: StatementSource, Agreement: AgreementSource}
DEFERRED = {Summit: ["search_vector"], Article: ["original"]}
# What the rows never show of an article they name (its title or first line, and outlet, are shown).
ARTICLE_UNSHOWN = ["original", "search_vector"]

# What fits of a reason in the history's "Review: Rejected (<why>)" (services.REASON_MAX_LENGTH).
REJECT_REASON_MAX_LENGTH = services.REASON_MAX_LENGTH - len(services.review_reason(ReviewStatus.REJECTED)) - 3


@dataclass
class Desk:
    """What one desk reviews: a summit's items, or the items taken from one article."""

    obj: Summit | Article

    @property
    def kind(self) -> str:
        return self.obj._meta.model_name

    @property
    def url(self) -> str:
        """The desk's page; its actions are posted to addresses below it."""
        return reverse(f"admin:summits_{self.kind}_review", args=[self.obj.pk])

    def rows_of(self, model) -> models.QuerySet:
        """``items_of(model)`` with what each row shows besides the item: its further sources and
        the item it probably repeats (one query more per model, however many rows)."""
        duplicate = "probable_duplicate_of"
        related = [f"{duplicate}__article"] + ([f"{duplicate}__speaker"] if model is Statement else [])
        sources = (
            SOURCE_MODELS[model]
            .objects.select_related("article")
            .defer(*(f"article__{name}" for name in ARTICLE_UNSHOWN))
        )
        return (
            self.items_of(model)
            .select_related(*related)
            .defer(
                f"{duplicate}__search_vector", *(f"{duplicate}__article__{name}" for name in ARTICLE_UNSHOWN)
            )
            .prefetch_related(Prefetch("further_sources", queryset=sources))
        )

    def items_of(self, model) -> models.QuerySet:
        items = model.objects.filter(**{self.kind: self.obj}).defer("search_vector")
        if model is Statement:
            items = items.select_related("speaker")
        if self.kind == "article":
            # one article's items may belong to several summits: each row names its own
            items = items.select_related("summit").defer("summit__search_vector")
        return items

    @cached_property
    def articles(self) -> list[Article]:
        if self.kind == "article":
            return [self.obj]
        return list(self.obj.articles.defer("original").order_by("published", "id"))

    def items(self, article: Article | None = None) -> list[Statement | Agreement]:
        """Statements and agreements in reading order: by article, then by place in it; with
        ``article``, only those with a span in it, to highlight."""
        found = []
        for model in ITEM_MODELS.values():
            if article is not None:  # for the article's highlights only
                items = self.items_of(model).filter(article=article, start__isnull=False)
            else:
                items = self.rows_of(model)
            found += list(items)
        order = {a.pk: n for n, a in enumerate(self.articles)}
        return sorted(
            found,
            key=lambda i: (
                order.get(i.article_id, len(order)),
                i.start if i.start is not None else -1,
                i._meta.model_name,
                i.pk,
            ),
        )

    def pending(self) -> int:
        return sum(self.items_of(model).pending().count() for model in ITEM_MODELS.values())


def _status_class(item) -> str:
    return f"span-{item.review_status}"


def article_text(article: Article, items) -> str:
    """The article escaped, every item's span marked with its review status, and every run of
    text carrying its offset (``data-start``) so a selection can become a span."""
    return highlight_spans(article.text, items, link=lambda item: "", mark_class=_status_class, offsets=True)


def review_urls(model_admin) -> list:
    name = model_admin.opts.model_name
    page = model_admin.admin_site.admin_view(partial(desk_view, model_admin=model_admin))
    urls = [
        path("<int:object_id>/review/", page, name=f"summits_{name}_review"),
        path(
            "<int:object_id>/review/<str:item_kind>/<int:item_pk>/<str:action>/",
            _action(item_action_view, model_admin),
            name=f"summits_{name}_review_item",
        ),
        path(
            "<int:object_id>/review/approve-remaining/",
            _action(approve_remaining_view, model_admin),
            name=f"summits_{name}_review_approve_remaining",
        ),
    ]
    if model_admin.opts.model is Summit:
        urls.append(
            path(
                "<int:object_id>/review/publish/",
                _action(publish_view, model_admin),
                name=f"summits_{name}_review_publish",
            )
        )
    return urls


def _action(view, model_admin):
    """A POST action for staff only: 403 for anyone else (no redirect to the login page, which
    a script could not follow), CSRF-checked like every admin view."""

    @wraps(view)
    def checked(request, *args, **kwargs):
        if not (request.user.is_active and request.user.is_staff):
            raise PermissionDenied
        return view(request, *args, model_admin=model_admin, **kwargs)

    return never_cache(csrf_protect(require_POST(checked)))


def _desk(request, model_admin, object_id) -> Desk:
    # Not the admin's get_object: its queryset carries the change list's counts and prefetches.
    model = model_admin.opts.model
    obj = get_object_or_404(model.objects.defer(*DEFERRED[model]), pk=object_id)
    if not model_admin.has_view_permission(request, obj):
        raise PermissionDenied
    site = model_admin.admin_site
    if not all(site.get_model_admin(model).has_change_permission(request) for model in ITEM_MODELS.values()):
        raise PermissionDenied
    return Desk(obj)


def desk_view(request, object_id, *, model_admin):
    desk = _desk(request, model_admin, object_id)
    items = desk.items()
    articles = desk.articles
    panes = [
        {"article": article, "text": article_text(article, [i for i in items if i.article_id == article.pk])}
        for article in articles
    ]
    context = {
        **model_admin.admin_site.each_context(request),
        # The desk needs the whole width of a 1,280 px screen.
        "is_nav_sidebar_enabled": False,
        "title": f"Review: {desk.obj}",
        "opts": model_admin.opts,
        "original": desk.obj,
        "desk": desk,
        "review_url": desk.url,
        "panes": panes,
        "items": items,
        "pending": sum(item.review_status == ReviewStatus.PENDING for item in items),
        "autocomplete_url": reverse("admin:autocomplete")
        + "?app_label=summits&model_name=statement&field_name=speaker",
        "reject_max_length": REJECT_REASON_MAX_LENGTH,
        "summit_status": desk.obj.status if desk.kind == "summit" else None,
    }
    return TemplateResponse(request, "admin/summits/review/desk.html", context)


# --- Actions on one item --------------------------------------------------------------------------


def _approve(request, item):
    return services.review_item(item=item, status=ReviewStatus.APPROVED, by=request.user)


def _reject(request, item):
    why = " ".join(request.POST.get("why", "").split())
    if len(why) > REJECT_REASON_MAX_LENGTH:
        raise services.EditError(f"Keep the reason short: at most {REJECT_REASON_MAX_LENGTH} characters.")
    return services.review_item(item=item, status=ReviewStatus.REJECTED, why=why, by=request.user)


def _undo(request, item):
    return services.undo_last_change(item=item, by=request.user)


def _speaker(request, item):
    speaker = None
    if request.POST.get("speaker"):
        try:
            speaker = Participant.objects.get(pk=int(request.POST["speaker"]))
        except (ValueError, Participant.DoesNotExist):
            raise services.EditError("That person is not in the archive (any more).") from None
    return services.set_speaker(
        statement=item, speaker=speaker, new_name=request.POST.get("new_name", ""), by=request.user
    )


def _span(request, item):
    try:
        start, end = int(request.POST.get("start", "")), int(request.POST.get("end", ""))
    except ValueError:
        raise services.EditError("Select some words of the article first.") from None
    return services.set_span(item=item, start=start, end=end, by=request.user)


def _kind(request, item):
    kind = request.POST.get("kind", "")
    if kind not in Statement.Kind.values:
        raise services.EditError(f"A statement is a direct quotation or reported speech, not {kind!r}.")
    return services.set_kind(statement=item, kind=kind, by=request.user)


def _merge(request, item):
    """Merge the item into the one it probably repeats. The whole desk changes (the row goes, the
    other gains a source, the highlights move): answered with every row (None)."""
    if item.probable_duplicate_of_id is None:
        raise services.EditError("No duplicate is proposed for this item (any more).")
    into = type(item).objects.get(pk=item.probable_duplicate_of_id)
    services.merge_duplicate(item=item, into=into, by=request.user)


def _not_duplicate(request, item):
    return services.dismiss_duplicate(item=item, by=request.user)


ITEM_ACTIONS = {
    "approve": (_approve, ITEM_MODELS.values()),
    "reject": (_reject, ITEM_MODELS.values()),
    "undo": (_undo, ITEM_MODELS.values()),
    "span": (_span, ITEM_MODELS.values()),
    "speaker": (_speaker, [Statement]),
    "kind": (_kind, [Statement]),
    "merge": (_merge, ITEM_MODELS.values()),
    "not-duplicate": (_not_duplicate, ITEM_MODELS.values()),
}


def item_action_view(request, object_id, item_kind, item_pk, action, *, model_admin):
    desk = _desk(request, model_admin, object_id)
    model = ITEM_MODELS.get(item_kind)
    change, models_ = ITEM_ACTIONS.get(action, (None, ()))
    if model is None or model not in models_:
        raise Http404(f"No action {action!r} for a {item_kind}.")
    item = get_object_or_404(desk.items_of(model).select_related("article"), pk=item_pk)
    if not model_admin.admin_site.get_model_admin(model).has_change_permission(request, item):
        raise PermissionDenied
    try:
        item = change(request, item)
    except services.EditError as error:
        return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")
    if item is None:
        return _changed(request, desk, items=None, article_ids=None)
    return _changed(
        request, desk, items=desk.rows_of(model).filter(pk=item.pk), article_ids={item.article_id}
    )


def approve_remaining_view(request, object_id, *, model_admin):
    desk = _desk(request, model_admin, object_id)
    if desk.kind == "summit":
        services.approve_remaining(summit=desk.obj, by=request.user)
    else:
        # the summits of the article's own items (it may have been unlinked from one of them)
        summit_ids = {
            pk
            for model in ITEM_MODELS.values()
            for pk in desk.items_of(model).values_list("summit", flat=True)
        }
        for summit in Summit.objects.filter(pk__in=summit_ids):
            services.approve_remaining(summit=summit, article=desk.obj, by=request.user)
    return _changed(request, desk, items=None, article_ids=None)


def publish_view(request, object_id, *, model_admin):
    """Publish the summit. With items still pending, ask: review them first, approve them and
    publish, or publish with them kept back from readers."""
    desk = _desk(request, model_admin, object_id)
    if not model_admin.has_change_permission(request, desk.obj):
        raise PermissionDenied
    choice = {"approve": True, "keep": False}.get(request.POST.get("pending", ""))
    summits = Summit.objects.filter(pk=desk.obj.pk)
    try:
        services.publish_summits(summits=summits, approve_pending=choice, by=request.user)
    except services.PendingReview as pending:
        question = {"pending": sum(pending.pending.values())}
        return _changed(request, desk, items=[], article_ids=set(), publish=question)
    desk.obj.refresh_from_db()
    return _changed(
        request, desk, items=None if choice else [], article_ids=None if choice else set(), publish={}
    )


def _changed(request, desk: Desk, *, items, article_ids, publish=None) -> HttpResponse:
    """The fragment answering an action, all of it out-of-band swaps (the requests swap nothing
    themselves): the rows of ``items`` (the whole list when None), the text of the articles
    ``article_ids`` (all when None), the pending count and, when ``publish`` is a dict, the publish
    box (with ``{"pending": n}``, the question what to do with the n pending items)."""
    rows = desk.items() if items is None else items
    articles = [a for a in desk.articles if article_ids is None or a.pk in article_ids]
    context = {
        "desk": desk,
        "review_url": desk.url,
        "items": rows,
        "whole_list": items is None,
        "panes": [{"article": a, "text": article_text(a, desk.items(article=a))} for a in articles],
        "pending": desk.pending(),
        "publish": publish,
        "summit_status": desk.obj.status if desk.kind == "summit" else None,
        "reject_max_length": REJECT_REASON_MAX_LENGTH,
    }
    return HttpResponse(render_to_string("admin/summits/review/changed.html", context, request=request))
