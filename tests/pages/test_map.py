"""The world map on the home page, the summit list (following its filters) and country pages."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from summits import maps
from tests import factories

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"


def svg_of(response) -> ET.Element:
    """The page's map, parsed as XML (so it must be well-formed)."""
    html = response.content.decode()
    found = re.search(r"<svg class=\"world-map__svg\".*?</svg>", html, re.S)
    assert found, "no map on the page"
    return ET.fromstring(found.group(0))


def country_path(svg, code) -> ET.Element:
    return svg.find(f".//{SVG}path[@data-country='{code}']")


def places(svg) -> dict[str, str]:
    """Each dot's link and its title."""
    return {a.get("href"): a.find(f"{SVG}title").text for a in svg.iter(f"{SVG}a")}


def text_alternative(response) -> str:
    html = response.content.decode()
    return html[html.index('<details class="world-map__text">') : html.index("</details>")]


def test_home_map_shades_hosts_and_links_each_place(client, archive):
    response = client.get(reverse("summits:home"))
    svg = svg_of(response)
    assert svg.get("role") == "group" and svg.get("aria-labelledby") == "home-map-caption"
    shapes = svg.find(f"{SVG}g[@role='img']")
    assert shapes.get("aria-labelledby") == shapes.find(f"{SVG}title").get("id")
    russia = country_path(svg, "RU")
    # the draft summit, in Sochi too, is not counted
    assert russia.get("class") == "map-shade-1"
    assert russia.find(f"{SVG}title").text == f"{factories.country('RU').name}: 1 summit hosted"
    turkey = country_path(svg, "TR")
    assert turkey.get("class") == "map-shade-0"
    assert turkey.find(f"{SVG}title").text.endswith("no summit hosted")
    assert places(svg) == {
        archive.summit.get_absolute_url(): f"Sochi, {factories.country('RU').name}: {archive.summit.title}"
    }
    assert len(ET.tostring(svg)) < 150_000


def test_home_map_has_a_text_alternative_and_a_legend(client, archive):
    factories.SummitFactory(title="Somewhere unknown", city="", country=None)
    response = client.get(reverse("summits:home"))
    text = text_alternative(response)
    russia = factories.country("RU")
    assert f'<a href="{russia.get_absolute_url()}">{russia.name}</a></th><td>1</td>' in text
    assert f'<a href="{archive.summit.get_absolute_url()}">' in text and "Sochi" in text
    assert "Somewhere unknown</a>: not placed" in text
    assert archive.draft.title not in text
    html = response.content.decode()
    assert 'class="world-map__legend"' in html and "10 or more hosted" in html


def test_summits_of_one_city_share_a_dot_linking_to_the_list_of_them(client, archive):
    second = factories.SummitFactory(title="Second Sochi meeting", city="Sochi")
    svg = svg_of(client.get(reverse("summits:home")))
    assert country_path(svg, "RU").get("class") == "map-shade-2"
    russia = factories.country("RU").name
    assert places(svg) == {"/summits/?country=ru&city=Sochi": f"Sochi, {russia}: 2 summits"}
    listed = client.get("/summits/?country=ru&city=Sochi").content.decode()
    assert archive.summit.title in listed and second.title in listed


def test_a_summit_in_an_unknown_city_is_placed_at_its_countrys_centre(client, archive):
    factories.SummitFactory(title="Somewhere in Turkey", city="Nowhere", country=factories.country("TR"))
    svg = svg_of(client.get(reverse("summits:home")))
    dot = next(a for a in svg.iter(f"{SVG}a") if "Somewhere in Turkey" in a.find(f"{SVG}title").text)
    circle = dot.find(f"{SVG}circle")
    x, y = maps.world().by_code["TR"].centre
    assert (float(circle.get("cx")), float(circle.get("cy"))) == (round(x, 1), round(y, 1))


@pytest.fixture
def elsewhere(archive):
    return (
        factories.SummitFactory(
            title="Ankara talks", city="Ankara", country=factories.country("TR"), start_date="2016-02-02"
        ),
        factories.SummitFactory(
            title="Paris conference", city="Paris", country=factories.country("FR"), start_date="2016-03-03"
        ),
    )


@pytest.mark.parametrize(
    ("query", "shaded"),
    [
        ("", {"RU", "TR", "FR"}),
        ("?year=2016", {"TR", "FR"}),
        ("?year=2017", {"RU"}),
        ("?country=fr", {"FR"}),
        ("?country=tr", {"TR", "RU"}),  # Turkey hosted Ankara and attended Sochi
        ("?city=paris", {"FR"}),
    ],
)
def test_summit_list_map_follows_the_filters(client, elsewhere, query, shaded):
    svg = svg_of(client.get(reverse("summits:summit-list") + query))
    hosts = {
        path.get("data-country") for path in svg.iter(f"{SVG}path") if path.get("class") != "map-shade-0"
    }
    assert hosts == shaded
    assert len(places(svg)) == len(shaded)


def test_summit_list_map_covers_every_page(client, archive):
    for n in range(25):
        factories.SummitFactory(title=f"Ankara meeting {n}", city="Ankara", country=factories.country("TR"))
    svg = svg_of(client.get(reverse("summits:summit-list")))
    assert country_path(svg, "TR").find(f"{SVG}title").text.endswith(": 25 summits hosted")
    assert country_path(svg, "TR").get("class") == "map-shade-4"


def test_no_map_when_no_summit_matches(client, archive):
    html = client.get(reverse("summits:summit-list") + "?year=1990").content.decode()
    assert "world-map__svg" not in html


def test_country_page_map_frames_and_outlines_the_country(client, archive, elsewhere):
    response = client.get(reverse("summits:country-detail", kwargs={"code": "tr"}))
    svg = svg_of(response)
    turkey = country_path(svg, "TR")
    assert turkey.get("class") == "map-shade-1 is-highlighted"
    assert country_path(svg, "RU").get("class") == "map-shade-0"  # only what Turkey hosted
    x, y, width, height = (float(n) for n in svg.get("viewBox").split())
    assert width < maps.world().width / 4
    assert list(places(svg)) == [elsewhere[0].get_absolute_url()]
    assert "Ankara talks" in text_alternative(response)


def test_country_page_without_hosted_summits_has_no_map(client, archive):
    html = client.get(reverse("summits:country-detail", kwargs={"code": "de"})).content.decode()
    assert "world-map__svg" not in html


def test_map_coordinates_are_plain_numbers_in_any_locale(client, archive):
    # SVG reads "." decimals: a locale's "12,5" would move every dot
    from django.utils import translation

    with translation.override("de"):
        svg = svg_of(client.get(reverse("summits:home")))
    circle = next(svg.iter(f"{SVG}circle"))
    assert all(re.fullmatch(r"-?\d+(\.\d+)?", circle.get(axis)) for axis in ("cx", "cy", "r"))
