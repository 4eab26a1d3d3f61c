"""An Atom feed of the summits most recently added to the public archive."""

from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed

from . import selectors
from .templatetags.summits_tags import place, summit_date


class LatestSummitsFeed(Feed):
    feed_type = Atom1Feed
    title = "Summit Archive: new summits"
    subtitle = "Diplomatic summits newly published in the Summit Archive: who met whom, where and when."
    link = reverse_lazy("summits:summit-list")
    feed_url = reverse_lazy("summits:feed")
    item_count = 20

    def items(self):
        return selectors.summit_cards().order_by("-created_at", "-pk")[: self.item_count]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        people = ", ".join(
            f"{a.participant.name} ({a.role})" if a.role else a.participant.name
            for a in item.attendances.all()
        )
        parts = [summit_date(item), place(item), people]
        return " · ".join(part for part in parts if part)

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [topic.name for topic in item.topics.all()]
