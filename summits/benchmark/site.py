"""What the benchmark requests, and what each request costs the database.

``python -m summits.benchmark.site [--seed N]`` (run by ``summits.benchmark.run`` with the
server's own environment: the same database and settings) picks the addresses in the archive at
hand — the newest summit, the busiest participant and host country, a rare word of the generated
vocabulary — then requests each through the Django test client, which runs the same middleware
as the server, counting its SQL queries and its bytes. With ``--repeat`` each address is
requested twice and the second request is counted: what a page costs once a page cache holds it.
Prints JSON on stdout.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import time
from dataclasses import asdict, dataclass

import django


@dataclass
class Target:
    """An address to measure, and what it cost in the query pass."""

    key: str  # stable name, for comparing sizes
    label: str  # what a reader of the table is told
    url: str
    queries: int = 0
    bytes: int = 0
    status: int = 0
    seconds: float = 0.0  # the counted request alone, in this process (no server, no concurrency)


def pick_targets(seed: int) -> list[Target]:
    """The addresses, found in the archive the settings point at."""
    from django.db.models import Count
    from django.urls import reverse

    from summits import generate, search
    from summits.models import Participant, Statement, Summit, Topic
    from summits.views import SummitListView

    published = Summit.objects.published()
    newest = published.newest_first().first()
    if newest is None:
        raise SystemExit("the archive holds no published summit")
    busiest = (
        Participant.objects.filter(attendances__summit__status=Summit.Status.PUBLISHED)
        .annotate(n=Count("attendances"))
        .order_by("-n", "pk")
        .first()
    )
    host = published.values("country_id").annotate(n=Count("pk")).order_by("-n", "country_id").first()
    year = (
        published.filter(start_date__isnull=False)
        .values("start_date__year")
        .annotate(n=Count("pk"))
        .order_by("-n", "-start_date__year")
        .first()["start_date__year"]
    )
    topic = Topic.objects.annotate(n=Count("summits")).order_by("-n", "slug").first()
    pages = math.ceil(published.count() / SummitListView.paginate_by)
    deep = max(1, pages * 9 // 10)
    statements = Statement.objects.visible()
    common = generate.COMMON_WORD
    common_count = search.matching(statements, common).count()
    # the rarest noun of the generated vocabulary that some statement holds
    counts = [(word, search.matching(statements, word).count()) for word in generate.rare_words(seed, 20)]
    rare, rare_count = next(((word, n) for word, n in counts if n), counts[0])
    summits, searching, api = (
        reverse("summits:summit-list"),
        reverse("summits:search"),
        reverse("api:summit-list"),
    )
    code = host["country_id"].lower()
    article = newest.articles.order_by("pk").first()
    return [
        Target("trivial", "trivial view (no query, same middleware)", "/bench/trivial/"),
        Target("home", "home page", reverse("summits:home")),
        Target("list", "summit list", summits),
        Target("list_year", f"summit list, ?year= ({year})", f"{summits}?year={year}"),
        Target("list_country", "summit list, ?country= (busiest host)", f"{summits}?country={code}"),
        Target(
            "list_participant",
            "summit list, ?participant= (busiest)",
            f"{summits}?participant={busiest.slug}",
        ),
        Target("list_topic", "summit list, ?topic= (most used)", f"{summits}?topic={topic.slug}"),
        Target("list_deep", f"summit list, deep page ({deep} of {pages})", f"{summits}?page={deep}"),
        Target("summit", "summit page (newest)", newest.get_absolute_url()),
        Target("participant", f"participant page (busiest: {busiest.n} summits)", busiest.get_absolute_url()),
        Target("country", "country page (busiest host)", reverse("summits:country-detail", args=[code])),
        Target("article", "article page (the newest summit's)", article.get_absolute_url()),
        Target(
            "search_common",
            f"search, a common word ({common}: {common_count} statements)",
            f"{searching}?q={common}",
        ),
        Target(
            "search_rare", f"search, a rare word ({rare}: {rare_count} statements)", f"{searching}?q={rare}"
        ),
        Target("search_two", f"search, two words ({common} energy)", f"{searching}?q={common}+energy"),
        Target(
            "search_phrase",
            f'search, a phrase ("{common} on trade")',
            f"{searching}?q=%22{common}+on+trade%22",
        ),
        Target("api_list", "API summit list", api),
        Target("api_detail", "API summit (newest)", reverse("api:summit-detail", args=[newest.slug])),
        Target("api_csv", "API summit list as CSV", f"{api}?format=csv"),
    ]


def count_queries(targets: list[Target], *, repeat: bool) -> None:
    """Each target's SQL queries, status and size through the test client (the same middleware)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    client.get("/bench/trivial/")  # the first request of a process loads what every request shares
    for target in targets:
        if repeat:
            client.get(target.url)
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(target.url)
            body = b"".join(response.streaming_content) if response.streaming else response.content
        target.seconds = time.perf_counter() - started
        target.queries, target.bytes, target.status = len(queries), len(body), response.status_code


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=0, help="the seed the archive was generated with")
    parser.add_argument("--repeat", action="store_true", help="count the second request of each address")
    parser.add_argument("--only", help="these addresses alone (keys, comma-separated)")
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "summits.benchmark.settings")
    django.setup()
    from summits.models import Summit

    targets = pick_targets(args.seed)
    if args.only:
        keys = set(args.only.split(","))
        targets = [target for target in targets if target.key in keys]
    count_queries(targets, repeat=args.repeat)
    json.dump(
        {"summits": Summit.objects.published().count(), "targets": [asdict(t) for t in targets]}, sys.stdout
    )


if __name__ == "__main__":
    main()
