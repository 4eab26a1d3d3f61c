"""What a summit's page tells machines about it: a schema.org ``Event`` (JSON-LD) and a one-line
description shared by the meta description and the Open Graph tags.

Built from rows already fetched for the page (attendances with people and countries, articles,
topics): no query of its own.
"""

from . import dates
from .citations import place_of


def description(summit) -> str:
    """ "Putin–Erdogan talks in Sochi: 3 May 2017, Sochi, Russian Federation. Participants, …"."""
    when_where = ", ".join(part for part in (dates.display_summit(summit), place_of(summit)) if part)
    return f"{summit.title}: {when_where}. Participants, what they said and what they agreed, with sources."


def summit_event(summit, *, url, absolute) -> dict:
    """The schema.org Event for a summit's page. ``url``: the page's absolute address;
    ``absolute(path)``: an absolute address for a path of the site."""
    event: dict = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": summit.title,
        "url": url,
        "description": description(summit),
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
    }
    if summit.start_date is not None:
        event["startDate"] = dates.iso(summit.start_date, summit.date_precision)
        end = dates.iso_end(summit.start_date, summit.end_date, summit.date_precision)
        event["endDate"] = end or event["startDate"]
    else:
        event["disambiguatingDescription"] = dates.display_summit(summit)
    if summit.city or summit.country:
        address = {"@type": "PostalAddress"}
        if summit.city:
            address["addressLocality"] = summit.city
        if summit.country:
            address["addressCountry"] = summit.country.code
        event["location"] = {"@type": "Place", "name": place_of(summit), "address": address}
    attendees = []
    for attendance in summit.attendances.all():
        person = {
            "@type": "Person",
            "name": attendance.participant.name,
            "url": absolute(attendance.participant.get_absolute_url()),
        }
        if attendance.role:
            person["jobTitle"] = attendance.role
        if attendance.country:
            person["nationality"] = {"@type": "Country", "name": attendance.country.name}
        elif attendance.organisation:
            person["affiliation"] = {"@type": "Organization", "name": attendance.organisation.short_name}
        attendees.append(person)
    if attendees:
        event["attendee"] = attendees
    topics = [topic.name for topic in summit.topics.all()]
    if topics:
        event["keywords"] = ", ".join(topics)
    reports = []
    for article in summit.articles.all():
        report = {"@type": "NewsArticle", "headline": str(article)}
        if article.outlet:
            report["publisher"] = {"@type": "Organization", "name": article.outlet}
        if article.published:
            report["datePublished"] = article.published.isoformat()
        if article.safe_url:
            report["url"] = article.safe_url
        reports.append(report)
    if reports:
        event["subjectOf"] = reports
    return event
