"""The editors' admin site: Django's, with an index that opens on what needs doing."""

from django.contrib import admin

from . import selectors


class SummitAdminSite(admin.AdminSite):
    index_template = "admin/summits/index.html"
    queue_length = 15
    list_length = 10

    def index(self, request, extra_context=None):
        context = {
            "review_queue": selectors.review_queue(self.queue_length),
            "newest_imports": selectors.newest_imports(self.list_length),
            "incomplete_articles": selectors.incomplete_articles(self.list_length),
            "open_participant_matches": selectors.open_participant_match_count(),
            "can_import": request.user.has_perm("summits.add_article"),
            **(extra_context or {}),
        }
        return super().index(request, extra_context=context)
