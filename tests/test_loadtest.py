"""Issue 14, point 8: the bounded load test (`make loadtest`), run smaller with the suite, on the
suite's kind of database; and its verdict, which any failed request turns."""

import json
import sys
from urllib.parse import quote

import pytest
from django.db import connection

from summits.loadtest.report import EndpointFigures, RunFigures, failed_warm_up, table
from tests.test_serve import GUNICORN
from tests.test_settings import run

ENDPOINTS = [
    "home",
    "summit list",
    "summit page",
    "participant page",
    "country page",
    "search",
    "article page",
    "API summit list",
    "API summit detail",
    "API summits CSV",
]


def loadtest_database() -> dict[str, str]:
    """On PostgreSQL a database of the load test's own on the suite's server; else a SQLite file."""
    if connection.vendor != "postgresql":
        return {}
    server = connection.settings_dict
    credentials = quote(server["USER"] or "", safe="")
    if server["PASSWORD"]:
        credentials += ":" + quote(server["PASSWORD"], safe="")
    address = f"{server['HOST'] or '127.0.0.1'}:{server['PORT'] or 5432}"
    return {"LOADTEST_DATABASE_URL": f"postgres://{credentials}@{address}/{server['NAME']}_loadtest"}


@pytest.mark.skipif(not GUNICORN.exists(), reason="gunicorn is not installed next to this Python")
def test_a_bounded_load_over_the_pages_and_the_api_gets_no_error_response(tmp_path):
    figures_file = tmp_path / "figures.json"
    result = run(
        sys.executable,
        "-m",
        "summits.loadtest",
        *("--requests", "300", "--warm-up", "20", "--users", "4", "--workers", "2"),
        *("--articles", "seeds/", "--json", str(figures_file)),
        **loadtest_database(),
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    figures = json.loads(figures_file.read_text())
    assert figures["passed"] is True
    assert figures["errors"] == []
    assert (figures["total"]["requests"], figures["total"]["failures"]) == (300, 0)
    # Spread evenly over the main pages and the API.
    served = {row["name"]: (row["requests"], row["failures"]) for row in figures["endpoints"]}
    assert served == dict.fromkeys(ENDPOINTS, (30, 0))
    assert all(0 < row["p50"] <= row["p95"] <= row["p99"] for row in figures["endpoints"])
    assert "300 of 300 requests in" in result.stdout
    assert "0 failed: PASSED" in result.stdout


def figures(name, requests, failures=0):
    return EndpointFigures(name=name, requests=requests, failures=failures, p50=12, p95=40, p99=75)


def a_run(*endpoints, planned=None, errors=()):
    total = figures("all", sum(e.requests for e in endpoints), sum(e.failures for e in endpoints))
    return RunFigures(
        endpoints=list(endpoints),
        total=total,
        seconds=4.0,
        requests_planned=total.requests if planned is None else planned,
        errors=list(errors),
    )


def test_the_table_gives_each_endpoint_its_requests_failures_latencies_and_throughput():
    lines = table(a_run(figures("home", 20), figures("API summits CSV", 20))).splitlines()
    assert lines[0].split() == [
        "endpoint",
        "requests",
        "failures",
        "p50",
        "ms",
        "p95",
        "ms",
        "p99",
        "ms",
        "req/s",
    ]
    assert lines[2].split() == ["home", "20", "0", "12", "40", "75", "5.0"]
    assert lines[3].split() == ["API", "summits", "CSV", "20", "0", "12", "40", "75", "5.0"]
    assert lines[5].split() == ["all", "40", "0", "12", "40", "75", "10.0"]
    assert lines[6] == "40 of 40 requests in 4.0 s, 0 failed: PASSED"


def test_one_failed_request_fails_the_run():
    run_figures = a_run(
        figures("home", 20), figures("search", 20, failures=1), errors=["1 × search: HTTPError('500')"]
    )
    assert not run_figures.passed
    assert "40 of 40 requests in 4.0 s, 1 failed: FAILED" in table(run_figures)
    assert "  1 × search: HTTPError('500')" in table(run_figures)


def test_requests_left_unsent_fail_the_run():
    run_figures = a_run(
        figures("home", 20), planned=30, errors=["stopped after 900 s with requests still to send"]
    )
    assert not run_figures.passed
    assert "20 of 30 requests in 4.0 s, 0 failed: FAILED" in table(run_figures)


def test_a_failure_while_warming_up_fails_the_run():
    warm_up = a_run(figures("home", 10, failures=2))
    run_figures = failed_warm_up(a_run(figures("home", 20)), warm_up)
    assert not run_figures.passed
    assert run_figures.errors == ["warm-up: 10 of 10 requests sent, 2 failed"]
    assert json.loads(run_figures.to_json())["passed"] is False
