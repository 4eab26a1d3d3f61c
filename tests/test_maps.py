"""summits.maps: the TopoJSON decoder, the projection, the city lookup and the map of summits."""

import re

import pytest

from summits import maps
from summits.maps import MapSummit

# Two squares sharing an edge, quantized: arc 0 is the shared edge, arcs 1 and 2 the rest of
# each square; the second square walks the shared edge backwards (~0).
TINY_TOPOLOGY = {
    "type": "Topology",
    "transform": {"scale": [0.5, 2], "translate": [10, -4]},
    "arcs": [
        [[2, 0], [0, 1]],  # (2, 0) -> (2, 1) in quantized units, delta-encoded
        [[2, 1], [-2, 0], [0, -1], [2, 0]],  # (2, 1) -> (0, 1) -> (0, 0) -> (2, 0)
        [[2, 0], [2, 0], [0, 1], [-2, 0]],  # (2, 0) -> (4, 0) -> (4, 1) -> (2, 1)
    ],
    "objects": {
        "squares": {
            "type": "GeometryCollection",
            "geometries": [
                {"type": "Polygon", "arcs": [[0, 1]], "id": "1"},
                {"type": "MultiPolygon", "arcs": [[[2, ~0]]], "id": "2"},
            ],
        }
    },
}


def test_arcs_are_delta_decoded_and_transformed():
    arcs = maps.decode_arcs(TINY_TOPOLOGY)
    # quantized (2, 0) -> 2 * 0.5 + 10 = 11, 0 * 2 - 4 = -4
    assert arcs[0] == [(11.0, -4.0), (11.0, -2.0)]
    assert arcs[1] == [(11.0, -2.0), (10.0, -2.0), (10.0, -4.0), (11.0, -4.0)]


def test_arcs_without_transform_are_taken_as_they_are():
    assert maps.decode_arcs({"arcs": [[[1.5, 2], [3, 4]]]}) == [[(1.5, 2.0), (3.0, 4.0)]]


def test_rings_join_arcs_and_reverse_negative_indexes():
    arcs = maps.decode_arcs(TINY_TOPOLOGY)
    first, second = TINY_TOPOLOGY["objects"]["squares"]["geometries"]
    assert maps.geometry_polygons(first, arcs) == [
        [[(11.0, -4.0), (11.0, -2.0), (10.0, -2.0), (10.0, -4.0), (11.0, -4.0)]]
    ]
    # arc 2 then arc 0 backwards: a closed ring, the shared point kept once
    assert maps.geometry_polygons(second, arcs) == [
        [[(11.0, -4.0), (12.0, -4.0), (12.0, -2.0), (11.0, -2.0), (11.0, -4.0)]]
    ]


def test_a_ring_across_180_degrees_is_cut_into_one_ring_each_side():
    ring = [(170, 10), (-170, 10), (-170, 12), (170, 12), (170, 10)]
    west, east = maps.split_at_antimeridian(ring)
    assert all(lon <= -170 for lon, _ in west) and west[0] == west[-1]
    assert all(lon >= 170 for lon, _ in east) and east[0] == east[-1]
    assert (-180.0, 11.0) in west and (180.0, 11.0) in east  # closed along the meridian
    assert maps.split_at_antimeridian([(0, 0), (1, 0), (1, 1), (0, 0)]) == [[(0, 0), (1, 0), (1, 1), (0, 0)]]


@pytest.mark.parametrize(
    ("point", "expected"),
    [
        ((0, 0), (0, 0)),
        ((180, 0), (2.70663, 0)),  # pi / (sqrt(3)/2 * A1)
        ((-180, 0), (-2.70663, 0)),
        ((0, 90), (0, 1.31736)),
        ((0, -90), (0, -1.31736)),
        # as d3-geo 3.1.1's equalEarthRaw gives them
        ((90, 45), (1.15985, 0.86023)),
        ((-30, -60), (-0.33984, -1.08830)),
    ],
)
def test_equal_earth_projects_known_points(point, expected):
    x, y = maps.equal_earth(*point)
    assert x == pytest.approx(expected[0], abs=1e-4)
    assert y == pytest.approx(expected[1], abs=1e-4)


def test_equal_earth_keeps_meridians_straight_and_parallels_level():
    assert maps.equal_earth(0, 40)[0] == 0
    assert maps.equal_earth(-120, 30)[1] == maps.equal_earth(75, 30)[1]


@pytest.mark.parametrize(
    ("city", "country", "expected"),
    [
        ("Sochi", "RU", (39.72, 43.60)),
        ("sochi", "ru", (39.72, 43.60)),
        ("Genève", "CH", (6.15, 46.20)),  # accents folded
        ("Kiev", "UA", (30.52, 50.45)),  # an alternate name of Kyiv
        ("Washington, D.C.", "US", (-77.04, 38.90)),  # the most populous Washington in the US
        ("Washington", "US", (-77.04, 38.90)),
        ("Sharm el-Sheikh", "EG", (34.33, 27.91)),
    ],
)
def test_city_lookup_by_name_and_country(city, country, expected):
    longitude, latitude = maps.city_coordinates(city, country)
    assert (longitude, latitude) == pytest.approx(expected, abs=0.02)


@pytest.mark.parametrize(
    ("city", "country"), [("Sochi", "TR"), ("Atlantis", "GR"), ("", "RU"), ("Sochi", "")]
)
def test_city_lookup_finds_nothing_elsewhere(city, country):
    assert maps.city_coordinates(city, country) is None


def test_the_world_is_small_and_every_country_has_a_shape():
    world = maps.world()
    assert world.width == 1000 and 400 < world.height < 500
    assert {"TR", "RU", "US", "FR", "FJ"} <= world.by_code.keys()
    assert "AQ" not in world.by_code
    size = sum(len(shape.path) for shape in world.shapes)
    assert size < 150_000, f"the country paths weigh {size} characters"
    assert world is maps.world()  # read once per process


def test_no_shape_draws_a_line_across_the_world():
    """Russia and Fiji cross 180°: without the cut a step of their path spans the map."""
    for code in ("RU", "FJ"):
        steps = [float(n) for n in re.findall(r"-?[\d.]+", maps.world().by_code[code].path)]
        assert max(abs(step) for step in steps) < 1000
        relative_x = [abs(float(n)) for n in re.findall(r"l(-?[\d.]+)", maps.world().by_code[code].path)]
        assert max(relative_x) < 100


def test_coordinates_are_rounded_to_a_tenth():
    path = maps.world().by_code["TR"].path
    assert path.startswith("M")
    assert all(len(number.split(".")[1]) == 1 for number in re.findall(r"\d*\.\d+", path))


def summit(slug, city, code, name=None):
    return MapSummit(slug=slug, title=slug.title(), city=city, country_code=code, country_name=name or code)


@pytest.mark.parametrize(
    ("hosted", "shade"), [(0, 0), (1, 1), (2, 2), (3, 2), (4, 3), (9, 3), (10, 4), (99, 4)]
)
def test_shades(hosted, shade):
    assert maps.shade_for(hosted) == shade


def test_map_of_summits_places_cities_and_falls_back_to_the_country_centre():
    world_map = maps.world_map(
        [
            summit("sochi-1", "Sochi", "RU", "Russia"),
            summit("sochi-2", "Sochi", "RU", "Russia"),
            summit("ankara", "Ankara", "TR", "Türkiye"),
            summit("somewhere-in-turkey", "Nowhere", "TR", "Türkiye"),
            summit("lost", "Atlantis", None),
        ]
    )
    places = {place.label: place for place in world_map.places}
    assert set(places) == {"Sochi, Russia", "Ankara, Türkiye", "Türkiye"}
    sochi = places["Sochi, Russia"]
    assert [s.slug for s in sochi.summits] == ["sochi-1", "sochi-2"]
    assert sochi.url == "/summits/?country=ru&city=Sochi"
    assert sochi.title == "Sochi, Russia: 2 summits"
    assert places["Ankara, Türkiye"].url == "/summits/ankara/"
    turkey = places["Türkiye"]
    assert turkey.at_country_centre
    assert (turkey.x, turkey.y) == tuple(round(v, 1) for v in maps.world().by_code["TR"].centre)
    assert [s.slug for s in world_map.unplaced] == ["lost"]
    assert [(h.code, h.hosted) for h in world_map.hosts] == [("RU", 2), ("TR", 2)]
    shaded = {c.shape.code: c for c in world_map.countries}
    assert shaded["RU"].shade == 2 and shaded["RU"].title == "Russia: 2 summits hosted"
    assert shaded["BR"].shade == 0 and shaded["BR"].title.endswith(": no summit hosted")
    margin = maps.WORLD_MARGIN
    assert (
        world_map.view_box == f"-{margin} -{margin} {1000 + 2 * margin} {maps.world().height + 2 * margin:g}"
    )


def test_sochi_is_drawn_inside_russia_near_the_black_sea():
    sochi = maps.world_map([summit("s", "Sochi", "RU")]).places[0]
    x0, y0, x1, y1 = maps.world().by_code["TR"].bounds
    assert x0 < sochi.x < x1 + 30 and y0 - 30 < sochi.y < y0  # north-east of Turkey, across the sea


def test_a_highlighted_country_is_framed_with_the_worlds_proportions():
    world = maps.world()
    world_map = maps.world_map([summit("ankara", "Ankara", "TR")], highlight="TR")
    x, y, width, height = (float(n) for n in world_map.view_box.split())
    x0, y0, x1, y1 = world.by_code["TR"].bounds
    assert x < x0 and x1 < x + width and y < y0 and y1 < y + height
    assert width / height == pytest.approx(world.width / world.height, rel=0.01)
    assert width < world.width / 4
    assert world_map.dot_radius < maps.DOT_RADIUS
    assert [c.shape.code for c in world_map.countries if c.highlighted] == ["TR"]
    assert maps.world_map([], highlight="RU").view_box.split()[2] != "0"
    assert maps.world_map([], highlight="XX").view_box == maps.world_map([]).view_box
