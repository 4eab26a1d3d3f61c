"""The download links of a filtered list: the same filters, applied to the whole list."""

from django import template

from summits.data_views import download_links

register = template.Library()


@register.simple_tag(takes_context=True)
def filtered_downloads(context) -> dict[str, dict[str, str]]:
    """``{"summits": {"csv": url, "json": url}, "statements": ..., "agreements": ...}`` with the
    current query string's filters (not its page)."""
    query = context["request"].GET.copy()
    query.pop("page", None)
    links: dict[str, dict[str, str]] = {}
    for link in download_links(query.urlencode()):
        links.setdefault(link["kind"], {})[link["format"]] = link["url"]
    return links
