"""`make bench` runs: the whole benchmark on a tiny generated archive, a handful of requests per
address (nothing about timing is asserted), in the kind of database the suite runs on.

The server runs with debug on here, so that the static files need no collectstatic (a minute of
compression); `make bench` itself collects them and serves with debug off. The import's
measurement runs in this process (the suite has loaded spaCy already), not in three processes
of its own as `make bench` runs it.
"""

import json
import os
import sqlite3

import dj_database_url
import pytest

from summits import generate
from summits.benchmark import databases, driver, importing, report, run
from summits.models import Article

SUMMITS = 8
ADDRESSES = {
    "trivial", "home", "list", "list_year", "list_country", "list_participant", "list_topic", "list_deep",
    "summit", "participant", "country", "article", "search_common", "search_rare", "search_two",
    "search_phrase", "api_list", "api_detail", "api_csv",
}  # fmt: skip


@pytest.fixture
def bench_database(tmp_path):
    """A URL template for the benchmark's databases, beside the suite's own; dropped after."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        yield f"sqlite:///{tmp_path}/bench_{{size}}.sqlite3"
        return
    name = dj_database_url.parse(url)["NAME"]
    template = url.rsplit("/", 1)[0] + f"/{name}_bench_{{size}}"
    yield template
    for size in (str(SUMMITS), "import"):
        databases.Database(template.format(size=size)).drop()


def make_one_article_real(url: str) -> None:
    statement = (
        "UPDATE summits_article SET source_format = 'html' WHERE id = (SELECT min(id) FROM summits_article)"
    )
    database = databases.Database(url)
    if database.postgresql:
        with database._connect(database.name) as connection:
            connection.execute(statement)
    else:
        with sqlite3.connect(database.name) as connection:
            connection.execute(statement)


def test_the_benchmark_knows_generated_articles_by_the_generators_mark():
    assert databases.GENERATED == generate.GENERATED


def test_make_bench_runs_and_writes_its_tables(bench_database, tmp_path, capsys):
    results = run.main(
        ["--sizes", str(SUMMITS), "--database", bench_database, "--requests", "3", "--max-seconds", "10"]
        + ["--import-texts", "0", "--no-collectstatic", "--env", "DJANGO_DEBUG=1", "--output", str(tmp_path)]
    )

    cold, warm = results["runs"]
    pages = {page["key"]: page for page in cold["pages"]}
    assert set(pages) == ADDRESSES
    for key, page in pages.items():
        assert page["status"] == 200, key
        assert page["load"]["errors"] == 0, (key, page["load"]["first_error"])
        assert page["load"]["requests"] >= 2
        assert page["bytes"] > 0
        assert (page["queries"] > 0) == (key != "trivial"), key
    # the warm run is measured where the site has a page cache, and said to be missing otherwise
    assert warm["page_cache_seconds"] > 0
    assert warm["pages"] or "no page cache" in warm["note"]

    table = (tmp_path / "latest.md").read_text()
    assert f"## {SUMMITS} summits, cold (page cache off)" in table
    assert "| trivial view (no query, same middleware) <br>`/bench/trivial/` | 0 |" in table
    assert table in capsys.readouterr().out

    # a second run reuses the archive; one holding a real article is never touched
    env = run.site_env(run.parse_args([]), "", 0)
    url = bench_database.format(size=SUMMITS)
    assert databases.prepare(url, SUMMITS, env=env, seed=0, say=print) is False
    make_one_article_real(url)
    with pytest.raises(databases.NotABenchDatabase):
        databases.prepare(url, SUMMITS, env=env, seed=0, say=print)
    assert databases.Database(url).contents().summits == SUMMITS


def test_the_driver_counts_errors_apart_from_latencies():
    with driver.client("http://127.0.0.1:9", 2) as client:  # the discard port: nothing listens
        load = driver.load(client, "/", requests=4, concurrency=2, max_seconds=5)
    assert load.requests == 4 and len(load.errors) == 4 and not load.latencies
    assert load.throughput == 0


def test_percentiles_interpolate_between_samples():
    load = driver.Load("/", 1, seconds=1.0, latencies=[0.1, 0.2, 0.3, 0.4, 0.5])
    assert load.percentile(50) == pytest.approx(0.3)
    assert load.percentile(99) == pytest.approx(0.496)
    assert load.throughput == 5


def test_a_database_url_names_the_database_and_its_kind():
    database = databases.Database("postgres://postgres@127.0.0.1:5432/summit_bench_2k")
    assert database.postgresql and database.name == "summit_bench_2k"
    database = databases.Database("sqlite:////tmp/bench_2k.sqlite3")
    assert not database.postgresql and database.name == "/tmp/bench_2k.sqlite3"


@pytest.mark.parametrize("mode", importing.MODES)
def test_the_import_is_measured_beside_bare_nlp_pipe(mode, db, capsys):
    importing.main(["--mode", mode, "--texts", "2"])
    run = json.loads(capsys.readouterr().out)
    assert (run["mode"], run["articles"], run["failed"]) == (mode, 2, 0)
    assert run["per_second"] > 0 and run["peak_mb"] > 0
    table = report.import_table([run])
    assert table[2].startswith(f"| {report.IMPORT_RUNS[mode]} | 2 |")
    if mode == "import":
        assert Article.objects.count() == 2
