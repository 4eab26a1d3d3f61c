"""The admin's "Import article" page: paste or upload an article, preview what the extraction
found, then import it with the same service and the same checks as ``manage.py import_article``.

Wired into ``ArticleAdmin.get_urls`` (summits/admin.py) by :func:`import_urls`.
"""

import logging
from functools import partial

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.admin.widgets import AdminDateWidget
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from . import ingest
from .models import Article, text_sha256, validate_web_url

logger = logging.getLogger(__name__)


class ArticleImportForm(forms.Form):
    """Step 1: the article, pasted or uploaded, and what the editor knows about it."""

    text = forms.CharField(
        label="Article text",
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 18, "cols": 100, "class": "vLargeTextField"}),
        help_text="Paste the article, or upload a file below.",
    )
    file = forms.FileField(
        label="…or a file",
        required=False,
        help_text="Text in any encoding, a saved web page, a wire (SGML) file or an e-mail.",
    )
    published = forms.DateField(
        label="Publication date",
        required=False,
        widget=AdminDateWidget,
        help_text="Leave empty to use the date in the article's dateline, if any.",
    )
    url = forms.URLField(
        label="Source URL",
        required=False,
        assume_scheme="https",
        max_length=500,
        validators=[validate_web_url],
        help_text="Leave empty to use the address the file names, if any.",
    )
    title = forms.CharField(
        required=False, max_length=300, widget=forms.TextInput(attrs={"class": "vTextField"})
    )
    publish = forms.BooleanField(
        label="Publish the summit",
        required=False,
        help_text="Otherwise a new summit is a draft. Readers see only the items an editor approves.",
    )

    def clean(self):
        """Read the article as the command reads files; ``cleaned_data["source"]`` is the result.

        ``text`` becomes the article as it came (decoded), carried to the confirmation step and
        read again there, so the import gets the same text, metadata and original as the preview.
        """
        cleaned = super().clean()
        text, upload = cleaned.get("text") or "", cleaned.get("file")
        if upload and text.strip():
            raise forms.ValidationError("Paste the text or upload a file, not both.")
        try:
            if upload:
                cleaned["source"] = ingest.read_upload(self.read(upload))
            elif not text.strip() and "text" not in self.errors:
                self.add_error("text", "Paste the article's text or upload a file.")
            else:
                # Browsers send every line break as CRLF; reading turns them back into "\n".
                cleaned["source"] = ingest.read_pasted(text)
        except ingest.ArticleRejected as exc:
            self.add_error("file" if upload else "text", f"This article cannot be imported: {exc}.")
        if "source" in cleaned:
            cleaned["text"] = cleaned["source"].original
        return cleaned

    @staticmethod
    def read(upload) -> bytes:
        if upload.size > settings.SUMMITS_MAX_ARTICLE_BYTES:  # do not read it at all
            raise ingest.ArticleRejected(
                f"too large: {upload.size} bytes, an article may have at most "
                f"{settings.SUMMITS_MAX_ARTICLE_BYTES}"
            )
        return b"".join(upload.chunks())


class ConfirmImportForm(ArticleImportForm):
    """Step 2: the same values, carried in hidden fields from the preview to the import; and,
    for an article the extraction finds reports no meeting, the editor's "import it anyway"."""

    allow_no_meeting = forms.BooleanField(required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["file"]
        for field in self.fields.values():
            field.widget = forms.HiddenInput()


def import_urls(model_admin) -> list:
    view = model_admin.admin_site.admin_view(partial(import_article_view, model_admin=model_admin))
    return [path("import/", view, name="summits_article_import")]


def import_article_view(request, *, model_admin):
    """GET: the empty form. POST "_preview": check and extract. POST "_import": import."""
    if not model_admin.has_add_permission(request):
        raise PermissionDenied
    if request.method == "POST" and "_import" in request.POST:
        return _import(request, model_admin)
    if request.method == "POST":
        form = ArticleImportForm(request.POST, request.FILES)
        if form.is_valid():
            return _preview(request, model_admin, form)
    else:
        form = ArticleImportForm()
    return _render(request, model_admin, "import_form.html", form=form)


def _failure(exc: Exception) -> str:
    """What the editor reads when an article could not be imported, in one sentence."""
    if isinstance(exc, ingest.ArticleRejected):
        return f"This article cannot be imported: {exc}."
    logger.exception("the admin's import failed")
    return f"The import failed unexpectedly ({type(exc).__name__}); nothing was written. The error is logged."


def _preview(request, model_admin, form: ArticleImportForm):
    source = form.cleaned_data["source"]
    try:
        extraction = ingest.preview(source, published=form.cleaned_data["published"])
    except Exception as exc:
        form.add_error(None, _failure(exc))
        return _render(request, model_admin, "import_form.html", form=form)
    data = {name: form.cleaned_data[name] for name in ArticleImportForm.base_fields if name != "file"}
    # an article that reports no meeting: the preview says why, and its button imports it anyway
    data["allow_no_meeting"] = bool(extraction.refusal)
    return _render(
        request,
        model_admin,
        "import_preview.html",
        form=ConfirmImportForm(initial=data),
        extraction=extraction,
        source=source,
        already=Article.objects.filter(sha256=text_sha256(source.text)).first(),
        published=data["published"] or source.published or extraction.article.published,
    )


def _import(request, model_admin):
    form = ConfirmImportForm(request.POST)
    if not form.is_valid():
        messages.error(request, "The article was not imported: " + " ".join(_all_errors(form)))
        return _render(
            request, model_admin, "import_form.html", form=ArticleImportForm(initial=request.POST.dict())
        )
    try:
        result = ingest.import_article(
            text=form.cleaned_data["source"],
            published=form.cleaned_data["published"],
            url=form.cleaned_data["url"],
            title=form.cleaned_data["title"],
            publish=form.cleaned_data["publish"],
            allow_no_meeting=form.cleaned_data["allow_no_meeting"],
            provenance=ingest.Provenance(by=request.user, how="import in the admin"),
            origin="admin upload",
        )
    except ingest.ArticleRejected as exc:
        messages.error(request, f"The article was not imported: {exc}.")
        return _render(
            request, model_admin, "import_form.html", form=ArticleImportForm(initial=form.cleaned_data)
        )
    except Exception as exc:
        messages.error(request, _failure(exc))
        return _render(
            request, model_admin, "import_form.html", form=ArticleImportForm(initial=form.cleaned_data)
        )
    return _after_import(request, result)


def _all_errors(form) -> list[str]:
    return [f"{message}" for errors in form.errors.values() for message in errors]


def _after_import(request, result: ingest.ImportResult):
    if result.status == ingest.UNCHANGED:
        messages.info(request, "This article was already in the archive; nothing was changed.")
    else:
        messages.success(
            request,
            f"Imported “{result.article}”: {result.added} statements and agreements "
            f"{'in a new' if result.summit_created else 'added to the'} summit “{result.summit}”.",
        )
    if result.summit is None:
        return redirect("admin:summits_article_change", result.article.pk)
    return redirect("admin:summits_summit_change", result.summit.pk)


def _render(request, model_admin, template: str, *, form, **context):
    opts = Article._meta
    return TemplateResponse(
        request,
        [f"admin/{opts.app_label}/{opts.model_name}/{template}"],
        {
            **model_admin.admin_site.each_context(request),
            "opts": opts,
            "title": "Import article",
            "form": form,
            "media": model_admin.media + form.media,
            "cancel_url": reverse("admin:summits_article_changelist"),
            **context,
        },
    )
