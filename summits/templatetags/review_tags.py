"""Template helpers for the editors' review desk (summits/admin_review.py)."""

from django import template

from .summits_tags import span_anchor

register = template.Library()

register.filter("span_anchor", span_anchor)


@register.filter
def item_kind(item) -> str:
    """ "statement" or "agreement"."""
    return item._meta.model_name


@register.simple_tag
def item_action_base(review_url: str, item) -> str:
    """Where the desk's actions on ``item`` are posted: ``<review_url><kind>/<pk>/`` + action."""
    return f"{review_url}{item._meta.model_name}/{item.pk}/"
