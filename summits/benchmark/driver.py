"""The load: each address requested by a few threads at once, latencies and throughput measured.

httpx (a pinned dependency) in threads rather than a load-testing framework: the benchmark asks
for closed-loop requests at a fixed concurrency, one address at a time, with per-request
latencies kept for percentiles — a few dozen lines, and nothing to install or run beside it.
"""

from __future__ import annotations

import statistics
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import httpx

# How long one request may take before it counts as an error (gunicorn's own limit is 60 s).
REQUEST_TIMEOUT = 60.0


@dataclass
class Load:
    """What requesting one address ``requests`` times with ``concurrency`` threads gave."""

    url: str
    concurrency: int
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)  # seconds, of the successful requests
    errors: list[str] = field(default_factory=list)

    @property
    def requests(self) -> int:
        return len(self.latencies) + len(self.errors)

    @property
    def throughput(self) -> float:
        """Successful requests per second of wall time."""
        return len(self.latencies) / self.seconds if self.seconds else 0.0

    def percentile(self, p: int) -> float:
        """The p-th percentile latency in seconds (linear between samples)."""
        if not self.latencies:
            return float("nan")
        if len(self.latencies) == 1:
            return self.latencies[0]
        return statistics.quantiles(self.latencies, n=100, method="inclusive")[p - 1]

    def as_dict(self) -> dict:
        return {
            "url": self.url,
            "concurrency": self.concurrency,
            "requests": self.requests,
            "errors": len(self.errors),
            "first_error": self.errors[0] if self.errors else "",
            "seconds": round(self.seconds, 3),
            "throughput": round(self.throughput, 2),
            "p50": self.percentile(50),
            "p95": self.percentile(95),
            "p99": self.percentile(99),
        }


def get(client: httpx.Client, url: str) -> tuple[float, str]:
    """(seconds, "" or what went wrong) for one GET of ``url``."""
    started = time.perf_counter()
    try:
        response = client.get(url)
        response.read()
    except httpx.HTTPError as exc:
        return time.perf_counter() - started, f"{type(exc).__name__}: {exc}"
    seconds = time.perf_counter() - started
    return seconds, "" if response.status_code == 200 else f"HTTP {response.status_code}"


def load(client: httpx.Client, url: str, *, requests: int, concurrency: int, max_seconds: float) -> Load:
    """Request ``url`` ``requests`` times, ``concurrency`` at a time (each thread sends its next
    request when its last one is answered), or until ``max_seconds`` have passed (at least
    ``concurrency`` requests are always sent). Warm up first, not counted: one request, then one
    per thread — unless the first took more than half ``max_seconds``: a page that slow is its
    database's work, not the first request's. A first request longer than ``max_seconds`` is the
    whole measurement (one request, alone): loading such a page would only queue requests."""
    first_seconds, first_error = get(client, url)
    if first_seconds > max_seconds:
        result = Load(url, 1, seconds=first_seconds)
        (result.errors.append(first_error) if first_error else result.latencies.append(first_seconds))
        return result
    result = Load(url, concurrency)
    with ThreadPoolExecutor(concurrency) as pool:
        if first_seconds < max_seconds / 2:
            list(pool.map(lambda _: get(client, url), range(concurrency)))
        lock = threading.Lock()
        sent = 0
        started = time.perf_counter()
        deadline = started + max_seconds

        def worker() -> None:
            nonlocal sent
            while True:
                with lock:
                    out_of_time = sent >= concurrency and time.perf_counter() > deadline
                    if sent >= requests or out_of_time:
                        return
                    sent += 1
                seconds, error = get(client, url)
                with lock:
                    (result.errors.append(error) if error else result.latencies.append(seconds))

        for future in [pool.submit(worker) for _ in range(concurrency)]:
            future.result()
        result.seconds = time.perf_counter() - started
    return result


def client(base_url: str, concurrency: int) -> httpx.Client:
    """One client shared by the threads (httpx's Client is thread-safe), a connection each."""
    return httpx.Client(
        base_url=base_url,
        timeout=REQUEST_TIMEOUT,
        limits=httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency),
        follow_redirects=False,
    )
