"""The load: a fixed schedule of requests over the site's main pages and the API, sent by locust
users that take the next request from it until none is left.

Importing this module imports locust, which patches the standard library with gevent.
"""

import itertools
import json
import random
import time
import urllib.request
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

import gevent
from locust import FastHttpUser, constant, task
from locust.env import Environment
from locust.exception import StopUser

from .report import EndpointFigures, RunFigures

# Rows read from the API to choose the pages requested (the first page of each list).
SAMPLE_SIZE = 100
# Words searched for, besides the surnames of people in the archive.
SEARCH_WORDS = ["trade", "security", "agreement", "president", "cooperation", '"prime minister"']


@dataclass(frozen=True)
class Targets:
    """Paths of the archive's own rows, read from its API before the load starts."""

    summit_pages: list[str]
    summit_api: list[str]
    participant_pages: list[str]
    country_pages: list[str]
    article_pages: list[str]
    searches: list[str]

    def endpoints(self) -> list[tuple[str, list[str]]]:
        """Each endpoint's name and the paths its requests choose from."""
        return [
            ("home", ["/"]),
            ("summit list", ["/summits/"]),
            ("summit page", self.summit_pages),
            ("participant page", self.participant_pages),
            ("country page", self.country_pages),
            ("search", [f"/search/?q={quote(words)}" for words in self.searches]),
            ("article page", self.article_pages),
            ("API summit list", ["/api/summits/"]),
            ("API summit detail", self.summit_api),
            ("API summits CSV", ["/api/summits/?format=csv"]),
        ]


def _results(base_url: str, path: str, query: str = "") -> list[dict]:
    url = f"{base_url}{path}?page_size={SAMPLE_SIZE}{query}"
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.load(response)["results"]


def _path(url: str) -> str:
    return urlsplit(url).path


def discover(base_url: str) -> Targets:
    """Which summits, people, countries and articles there are to ask for."""
    summits = _results(base_url, "/api/summits/")
    participants = _results(base_url, "/api/participants/")
    # Each article's first statements come first: the sample then spans many articles.
    statements = _results(base_url, "/api/statements/", "&ordering=start")
    if not (summits and participants and statements):
        raise SystemExit("The archive has no published summit, participant or statement to ask for.")
    surnames = sorted({person["name"].split()[-1] for person in participants})
    return Targets(
        summit_pages=[_path(summit["page_url"]) for summit in summits],
        summit_api=[_path(summit["url"]) for summit in summits],
        participant_pages=[_path(person["page_url"]) for person in participants],
        country_pages=sorted({f"/countries/{s['country'].lower()}/" for s in summits if s["country"]}),
        article_pages=sorted({_path(statement["article"]["page_url"]) for statement in statements}),
        searches=SEARCH_WORDS + surnames[:20],
    )


def schedule(targets: Targets, requests: int, seed: int = 14) -> list[tuple[str, str]]:
    """`requests` (endpoint, path) pairs, the endpoints in turn, each path drawn from its own."""
    chooser = random.Random(seed)
    endpoints = itertools.cycle(targets.endpoints())
    return [(name, chooser.choice(paths)) for name, paths in itertools.islice(endpoints, requests)]


class Reader(FastHttpUser):
    """A client that sends the next request of the shared schedule as soon as it has its answer.
    Any status but 2xx or 3xx, or no answer, is a failure (locust's own rule)."""

    abstract = True
    wait_time = constant(0)
    pending = iter(())

    @task
    def next_request(self):
        try:
            name, path = next(self.pending)
        except StopIteration:
            raise StopUser() from None
        self.client.get(path, name=name)


def send(base_url: str, planned: list[tuple[str, str]], *, users: int, max_seconds: float) -> RunFigures:
    """Send the planned requests from `users` concurrent clients and return what was measured."""
    reader = type("ArchiveReader", (Reader,), {"abstract": False, "pending": iter(planned)})
    environment = Environment(user_classes=[reader], host=base_url)
    runner = environment.create_local_runner()
    runner.start(users, spawn_rate=users)
    deadline = time.monotonic() + max_seconds
    errors = []
    # A task that raised took a request from the schedule without sending it: stop there.
    while environment.stats.total.num_requests < len(planned) and not runner.exceptions:
        if time.monotonic() > deadline:
            errors.append(f"stopped after {max_seconds:.0f} s with requests still to send")
            break
        gevent.sleep(0.1)
    runner.quit()
    errors += [f"{row['count']} × {row['msg']}" for row in runner.exceptions.values()]
    errors += [
        f"{error.occurrences} × {error.name}: {error.error}" for error in environment.stats.errors.values()
    ]
    return _figures(environment.stats, len(planned), errors, [name for name, _ in planned])


def _figures(stats, planned: int, errors: list[str], names: list[str]) -> RunFigures:
    def figures(name, entry):
        return EndpointFigures(
            name=name,
            requests=entry.num_requests,
            failures=entry.num_failures,
            p50=entry.get_response_time_percentile(0.50) if entry.num_requests else 0,
            p95=entry.get_response_time_percentile(0.95) if entry.num_requests else 0,
            p99=entry.get_response_time_percentile(0.99) if entry.num_requests else 0,
        )

    endpoints = [figures(name, stats.get(name, "GET")) for name in dict.fromkeys(names)]
    total = stats.total
    seconds = max(total.last_request_timestamp - total.start_time, 0) if total.num_requests else 0.0
    return RunFigures(
        endpoints=endpoints,
        total=figures("all", total),
        seconds=seconds,
        requests_planned=planned,
        errors=errors,
    )
