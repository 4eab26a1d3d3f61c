"""The admin's "Import article" page and its import jobs.

The page reads the pasted or uploaded article at once (the same reading and checks as
``manage.py import_article``: a file that cannot be an article is a form error), then queues
it: the extraction, the slow part, runs in a worker (``summits.tasks``), and the request
returns at once to the job's page. That page shows the job's progress, refreshing itself
while it waits (a ``<meta http-equiv="refresh">``: no script, so nothing for the
Content-Security-Policy to allow), then what was imported, or why not; an article refused for
reporting no meeting can be imported anyway from there. "Import jobs" lists every job.

Wired into ``ArticleAdmin.get_urls`` (summits/admin.py) by :func:`import_urls`;
:class:`ImportJobAdmin` registers itself.
"""

from functools import partial

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.admin.widgets import AdminDateWidget
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, path, reverse
from django.utils.html import format_html_join
from django.views.decorators.http import require_POST

from . import ingest, selectors, services
from .models import Article, ImportJob, validate_web_url

# Seconds between two loads of a job's page while the job is queued or running.
REFRESH_SECONDS = 3
# The statements and agreements table of a finished job, as on an article's page.
JOB_MEDIA = forms.Media(css={"all": ["admin-extra/admin.css"]})


class ArticleImportForm(forms.Form):
    """The article, pasted or uploaded, and what the editor knows about it."""

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
        """Read the article as the command reads files; ``cleaned_data["source"]`` is the result."""
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
        return cleaned

    @staticmethod
    def read(upload) -> bytes:
        if upload.size > settings.SUMMITS_MAX_ARTICLE_BYTES:  # do not read it at all
            raise ingest.ArticleRejected(
                f"too large: {upload.size} bytes, an article may have at most "
                f"{settings.SUMMITS_MAX_ARTICLE_BYTES}"
            )
        return b"".join(upload.chunks())


def import_urls(model_admin) -> list:
    view = model_admin.admin_site.admin_view(partial(import_article_view, model_admin=model_admin))
    return [path("import/", view, name="summits_article_import")]


def import_article_view(request, *, model_admin):
    """GET: the empty form. POST: read and check the article, queue it, go to the job's page."""
    if not model_admin.has_add_permission(request):
        raise PermissionDenied
    if request.method == "POST":
        form = ArticleImportForm(request.POST, request.FILES)
        if form.is_valid():
            job = services.queue_import(
                source=form.cleaned_data["source"],
                origin="admin upload",
                how="import in the admin",
                by=request.user,
                published=form.cleaned_data["published"],
                url=form.cleaned_data["url"],
                title=form.cleaned_data["title"],
                publish=form.cleaned_data["publish"],
            )
            messages.info(request, f"“{job.label}” is queued for import.")
            return redirect(job.get_absolute_url())
    else:
        form = ArticleImportForm()
    opts = Article._meta
    return TemplateResponse(
        request,
        [f"admin/{opts.app_label}/{opts.model_name}/import_form.html"],
        {
            **model_admin.admin_site.each_context(request),
            "opts": opts,
            "title": "Import article",
            "form": form,
            "media": model_admin.media + form.media,
            "cancel_url": reverse("admin:summits_article_changelist"),
        },
    )


def outcome(job: ImportJob) -> str:
    """What a finished job did, in the sentence an editor reads on its page."""
    if job.status == ImportJob.Status.FAILED:
        return failure(job)
    if job.status != ImportJob.Status.DONE:
        return ""
    counts = job.counts
    if job.outcome == ingest.UNCHANGED:
        return "This article was already in the archive; nothing was changed."
    if job.outcome == ingest.UPDATED:
        return (
            f"Updated “{job.article or job.label}”: {counts.get('added', 0)} added, "
            f"{counts.get('refreshed', 0)} refreshed, {counts.get('removed', 0)} removed; "
            f"{counts.get('kept', 0)} kept as editors left them, {counts.get('skipped', 0)} rejected "
            f"not brought back."
        )
    where = "in a new" if job.summit_created else "added to the"
    summit = f" {where} summit “{job.summit}”" if job.summit else ""
    added = counts.get("added", 0)
    said = [f"Imported “{job.article or job.label}”: {added} statements and agreements{summit}."]
    if job.article and job.article.summit_match:
        said.append(f"It joined that summit because it {job.article.summit_match}.")
    return " ".join(said + several_reports(counts))


def several_reports(counts: dict) -> list[str]:
    """What the import found the summit's other reports already hold, for the editor to check."""
    said = []
    if merged := counts.get("merged", 0):
        said.append(
            f"{merged} of what it says other reports of the summit say too: it was added to "
            f"{'that item' if merged == 1 else 'those items'} as a further source, their review unchanged."
        )
    if proposed := counts.get("duplicates_proposed", 0):
        said.append(f"{proposed} may repeat another report's in other words: marked on the review desk.")
    if people := counts.get("participants_proposed", 0):
        said.append(
            f"{people} {'person' if people == 1 else 'people'} may be someone in the archive written "
            "otherwise: see the proposed participant matches."
        )
    return said


def failure(job: ImportJob) -> str:
    if job.failure == ImportJob.Failure.REFUSED:
        return (
            f"This article was refused: {job.error}. Import it anyway only if it does report a "
            "meeting that the extraction missed."
        )
    if job.failure == ImportJob.Failure.REJECTED:
        return f"This article cannot be imported: {job.error}."
    if job.failure == ImportJob.Failure.DATABASE:
        return (
            f"The database was unavailable on each of {job.attempts} attempts ({job.error}); nothing was "
            "written. Import the article again once the database is back."
        )
    return f"The import failed unexpectedly ({job.error}); nothing was written. The error is logged."


def max_attempts() -> int:
    return settings.SUMMITS_IMPORT_RETRIES + 1


@admin.register(ImportJob)
class ImportJobAdmin(admin.ModelAdmin):
    """Import jobs, newest first, for editors to follow: read-only (the admin's import and
    ``import_article --queue`` make them; workers run them). A job's page shows its progress
    and then its result; a finished job may be deleted."""

    change_form_template = "admin/summits/importjob/change_form.html"
    list_display = ["__str__", "status", "attempts", "requested_by", "created_at", "outcome", "result"]
    list_filter = ["status", "failure", "outcome"]
    date_hierarchy = "created_at"
    search_fields = ["label", "origin", "title", "requested_by__username"]
    view_on_site = False
    fieldsets = [
        ("Progress", {"fields": ["status", "attempts", "error", "failure", "task_id"]}),
        ("Requested", {"fields": ["requested_by", "how", "created_at", "started_at", "finished_at"]}),
        (
            "The article",
            {
                "fields": [
                    "label",
                    "origin",
                    "encoding",
                    "title",
                    "url",
                    "published",
                    ("publish", "approve", "update", "allow_no_meeting"),
                ]
            },
        ),
        ("Result", {"fields": ["outcome", "article", "summit", "summit_created", "counts"]}),
        ("The text as it came", {"fields": ["text"], "classes": ["collapse"]}),
    ]

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in ImportJob._meta.fields]

    @property
    def media(self):
        return super().media + JOB_MEDIA

    def get_queryset(self, request):
        return selectors.import_jobs()

    # Whoever may import articles may follow the imports.
    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) or request.user.has_perm("summits.add_article")

    def has_module_permission(self, request):
        return super().has_module_permission(request) or request.user.has_perm("summits.add_article")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (obj is None or not obj.in_progress)

    def get_urls(self):
        view = self.admin_site.admin_view(partial(import_anyway_view, model_admin=self))
        return [
            path("<path:object_id>/import-anyway/", view, name="summits_importjob_import_anyway"),
            *super().get_urls(),
        ]

    @admin.display(description="result")
    def result(self, job):
        links = [
            (reverse(f"admin:summits_{name}_change", args=[pk]), name)
            for name, pk in (("summit", job.summit_id), ("article", job.article_id))
            if pk is not None
        ]
        if not links:
            return job.error[:100] if job.status == ImportJob.Status.FAILED else ""
        return format_html_join(" · ", '<a href="{}">{}</a>', links)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            context |= {
                "job": obj,
                "outcome": outcome(obj),
                "max_attempts": max_attempts(),
                "refresh_seconds": REFRESH_SECONDS if obj.in_progress else None,
                "can_import": request.user.has_perm("summits.add_article"),
                "participants": obj.summit.participants.all() if obj.summit_id else [],
                "item_rows": extracted_item_rows(obj.article) if obj.article_id else [],
                "review_url": _review_url(obj),
            }
        return super().render_change_form(request, context, add, change, form_url, obj)


def extracted_item_rows(article: Article) -> list[tuple]:
    """Every statement and agreement taken from ``article``: (item, label, its change page), for
    ``admin/summits/article/extracted_items.html``."""
    return [
        (
            item,
            f"{item._meta.verbose_name.capitalize()} {item.pk}",
            reverse(f"admin:summits_{item._meta.model_name}_change", args=[item.pk]),
        )
        for item in selectors.article_extracted_items(article)
    ]


def _review_url(job: ImportJob) -> str | None:
    if job.article_id is None:
        return None
    try:
        return reverse("admin:summits_article_review", args=[job.article_id])
    except NoReverseMatch:  # the review desk is optional
        return None


@require_POST
def import_anyway_view(request, object_id, *, model_admin):
    """Queue the article of a job refused for reporting no meeting again, to import it all the same."""
    if not request.user.has_perm("summits.add_article"):
        raise PermissionDenied
    job = model_admin.get_object(request, unquote(object_id))
    if job is None or job.failure != ImportJob.Failure.REFUSED:
        raise Http404("No refused import job with this id.")
    again = services.import_anyway(job=job, by=request.user)
    messages.info(request, f"“{again.label}” is queued for import, although it reports no meeting.")
    return redirect(again.get_absolute_url())
