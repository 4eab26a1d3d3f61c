"""The admin's pages that file an article under another summit ("Attach to another summit…")
or under a new summit of its own ("Split off into a new summit"), on an article's page and as
actions of the article list. The import only proposes a summit for an article (and says why, in
``Article.summit_match``); here an editor decides. The writes are ``services.move_article`` and
``services.split_article``.

Wired into ``ArticleAdmin`` (summits/admin.py) by :func:`move_urls` and :class:`MoveActionsMixin`.
"""

from __future__ import annotations

from functools import partial

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.admin.utils import unquote
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from . import services
from .models import Article, Attendance, Summit


def move_urls(model_admin) -> list:
    def view(function):
        return model_admin.admin_site.admin_view(partial(function, model_admin=model_admin))

    return [
        path("<path:object_id>/attach/", view(attach_view), name="summits_article_attach"),
        path("<path:object_id>/split/", view(split_view), name="summits_article_split"),
    ]


class LeavingField(forms.ModelChoiceField):
    """Which of the article's summits it leaves: a choice when it has several, else fixed."""

    def label_from_instance(self, summit):
        return f"{summit} (#{summit.pk})"


class SplitForm(forms.Form):
    from_summit = LeavingField(queryset=Summit.objects.none(), label="It leaves", empty_label=None)

    def __init__(self, *args, leaving: list[Summit] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if leaving is None:  # the list's action: each article leaves its only summit
            del self.fields["from_summit"]
            return
        field = self.fields["from_summit"]
        field.queryset = Summit.objects.filter(pk__in=[summit.pk for summit in leaving]).defer(
            "search_vector"
        )
        # the choices from the summits already read, not from a query of their own
        field.choices = [(summit.pk, field.label_from_instance(summit)) for summit in leaving]
        if len(leaving) == 1:
            field.initial = leaving[0].pk
            field.widget = forms.HiddenInput()


class AttachForm(SplitForm):
    to_summit = forms.ModelChoiceField(
        queryset=Summit.objects.none(),
        label="Attach it to",
        help_text="Type part of the summit's title, place or a participant's name.",
    )
    field_order = ["to_summit", "from_summit"]

    def __init__(self, *args, admin_site, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["to_summit"]
        # the admin's autocomplete of summits, as on an attendance's summit (the widget first:
        # setting the queryset gives it its choices)
        field.widget = AutocompleteSelect(Attendance._meta.get_field("summit"), admin_site)
        field.queryset = Summit.objects.defer("search_vector")

    def clean(self):
        cleaned = super().clean()
        to_summit, from_summit = cleaned.get("to_summit"), cleaned.get("from_summit")
        if to_summit and from_summit and to_summit.pk == from_summit.pk:
            self.add_error("to_summit", "The article is already in this summit: choose another.")
        return cleaned


def _article(request, model_admin, object_id) -> Article:
    article = model_admin.get_object(request, unquote(object_id))
    if article is None:
        raise Http404("No such article.")
    _check_permissions(request, model_admin, article)
    return article


def _check_permissions(request, model_admin, article=None) -> None:
    summit_admin = model_admin.admin_site.get_model_admin(Summit)
    if not (
        model_admin.has_change_permission(request, article) and summit_admin.has_change_permission(request)
    ):
        raise PermissionDenied


def _summit_link(summit: Summit) -> str:
    return format_html(
        '<a href="{}">{}</a>', reverse("admin:summits_summit_change", args=[summit.pk]), summit
    )


def attach_view(request, object_id, *, model_admin):
    """Choose a summit (and, for an article of several, which one it leaves), then move it."""
    article = _article(request, model_admin, object_id)
    leaving = list(article.summits.defer("search_vector").order_by("title", "pk"))
    if not leaving:
        messages.error(request, "This article is in no summit: add it to one on the summit's page.")
        return redirect("admin:summits_article_change", article.pk)
    site = model_admin.admin_site
    form = AttachForm(request.POST or None, leaving=leaving, admin_site=site)
    if request.method == "POST" and form.is_valid():
        try:
            to_summit = services.move_article(
                article=article,
                from_summit=form.cleaned_data["from_summit"],
                to_summit=form.cleaned_data["to_summit"],
                by=request.user,
            )
        except services.EditError as error:
            form.add_error(None, str(error))
        else:
            model_admin.log_change(request, article, f"Attached to summit #{to_summit.pk}")
            messages.success(
                request, format_html("“{}” is now an article of {}.", article, _summit_link(to_summit))
            )
            return redirect("admin:summits_article_change", article.pk)
    return _page(
        request, model_admin, form, articles=[article], title="Attach to another summit", verb="Attach"
    )


def split_view(request, object_id, *, model_admin):
    """Confirm (and, for an article of several summits, choose which it leaves), then split."""
    article = _article(request, model_admin, object_id)
    leaving = list(article.summits.defer("search_vector").order_by("title", "pk"))
    if not leaving:
        messages.error(request, "This article is in no summit: there is nothing to split it off from.")
        return redirect("admin:summits_article_change", article.pk)
    form = SplitForm(request.POST or None, leaving=leaving)
    if request.method == "POST" and form.is_valid():
        new = services.split_article(
            article=article, from_summit=form.cleaned_data["from_summit"], by=request.user
        )
        model_admin.log_change(request, article, f"Split off into the new summit #{new.pk}")
        messages.success(
            request,
            format_html(
                "“{}” is now the only article of a new draft summit, {}.", article, _summit_link(new)
            ),
        )
        return redirect("admin:summits_article_change", article.pk)
    return _page(
        request, model_admin, form, articles=[article], title="Split off into a new summit", verb="Split off"
    )


def _page(request, model_admin, form, *, articles, title, verb, action=None):
    context = {
        **model_admin.admin_site.each_context(request),
        "title": title,
        "opts": model_admin.opts,
        "form": form,
        "media": model_admin.media + form.media,
        "articles": articles,
        "verb": verb,
        "action": action,
        "action_checkbox_name": ACTION_CHECKBOX_NAME,
    }
    return TemplateResponse(request, "admin/summits/article/move.html", context)


class MoveActionsMixin:
    """ "Attach to another summit…" and "Split off into a new summit" for articles chosen in the
    list, each of which leaves its only summit (an article of several summits is moved from its
    own page, where the editor says which one it leaves)."""

    @admin.action(description="Attach to another summit…", permissions=["change"])
    def attach_to_summit(self, request, queryset):
        _check_permissions(request, self)
        articles = list(queryset.defer("text", "original").prefetch_related("summits"))
        form = AttachForm(request.POST if "confirm" in request.POST else None, admin_site=self.admin_site)
        if "confirm" in request.POST and form.is_valid():
            to_summit = form.cleaned_data["to_summit"]
            moved = self._each_from_its_summit(
                request,
                articles,
                lambda article, summit: services.move_article(
                    article=article, from_summit=summit, to_summit=to_summit, by=request.user
                ),
                skip=to_summit,
            )
            if moved:
                messages.success(
                    request, format_html("{} article(s) attached to {}.", len(moved), _summit_link(to_summit))
                )
            return None
        return _page(
            request,
            self,
            form,
            articles=articles,
            title="Attach to another summit",
            verb="Attach",
            action="attach_to_summit",
        )

    @admin.action(description="Split off into a new summit", permissions=["change"])
    def split_off(self, request, queryset):
        _check_permissions(request, self)
        articles = list(queryset.defer("text", "original").prefetch_related("summits"))
        new = self._each_from_its_summit(
            request,
            articles,
            lambda article, summit: services.split_article(
                article=article, from_summit=summit, by=request.user
            ),
        )
        if new:
            links = format_html(", ".join(["{}"] * len(new)), *(_summit_link(summit) for summit in new))
            messages.success(request, format_html("New draft summits: {}.", links))

    def _each_from_its_summit(self, request, articles, move, *, skip=None) -> list:
        """``move(article, summit)`` for each article that is in exactly one summit (not ``skip``);
        a message names the others. Returns what the moves returned."""
        done, refused = [], []
        for article in articles:
            summits = list(article.summits.all())
            if len(summits) != 1 or summits[0] == skip:
                refused.append(str(article))
                continue
            done.append(move(article, summits[0]))
        if refused:
            self.message_user(
                request,
                "Left as they were (in no summit, in several, or already in that one; "
                f"move them from their own page): {'; '.join(refused)}.",
                messages.WARNING,
            )
        return done
