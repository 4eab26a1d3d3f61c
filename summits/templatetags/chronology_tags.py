"""Links to the pages of a pair of countries or people."""

from django import template

from summits import chronology
from summits.models import Country, Participant

register = template.Library()


@register.simple_tag
def pair_url(a: Participant | Country, b: Participant | Country) -> str:
    """The one address of the pair's page, whichever order they come in."""
    if isinstance(a, Country):
        return chronology.country_pair_url(a.code, b.code)
    return chronology.participant_pair_url(a.slug, b.slug)
