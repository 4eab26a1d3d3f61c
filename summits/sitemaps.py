"""/sitemap.xml: every public page a search engine should know."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from . import selectors
from .models import Summit


class StaticPagesSitemap(Sitemap):
    changefreq = "daily"
    priority = 0.8

    def items(self):
        return ["summits:home", "summits:summit-list"]

    def location(self, item):
        return reverse(item)


class SummitSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.7

    def items(self):
        return Summit.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, item):
        return item.updated_at


class ParticipantSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.5

    def items(self):
        return selectors.public_participants().select_related(None).only("slug", "updated_at").order_by("pk")

    def lastmod(self, item):
        return item.updated_at


class CountrySitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.4

    def items(self):
        return selectors.countries_in_archive().only("code").order_by("code")


class ArticleSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.3

    def items(self):
        return selectors.public_articles().only("pk").order_by("pk")


SITEMAPS = {
    "pages": StaticPagesSitemap,
    "summits": SummitSitemap,
    "participants": ParticipantSitemap,
    "countries": CountrySitemap,
    "articles": ArticleSitemap,
}
