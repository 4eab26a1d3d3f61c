"""`make loadtest`: a bounded load test of the site served as `make serve` serves it.

    python -m summits.loadtest [--requests 3000] [--warm-up 100] [--users 8] [--workers N]
                               [--articles PATH ...] [--json FILE]

It builds an archive of its own: a fresh SQLite file in a temporary directory, or, with
LOADTEST_DATABASE_URL, a PostgreSQL database whose name ends in "loadtest", made anew for the
run and dropped after it. It imports the articles (published and approved), collects the static
files and starts gunicorn as `make serve` does (config/gunicorn.conf.py, debug off, a secret
key made for the run) on a free loopback port. Then locust sends --warm-up requests (checked,
left out of the figures), then exactly --requests requests from --users concurrent clients, in
turn over the main pages and the API, prints a table per endpoint (requests, failures,
p50/p95/p99 latency, throughput) and exits 1 if any request got a status other than 2xx or 3xx,
or no answer.

The anonymous API throttle (DJANGO_API_ANON_RATE) is raised so far that it never refuses: it
still counts every API request in its cache, as in production, but the run measures the site.
Other settings (DJANGO_CONN_MAX_AGE, ...) come from the environment as for `make serve`.
"""

# locust runs on gevent, which must patch the standard library before anything else imports it.
from gevent import monkey

monkey.patch_all()

import argparse  # noqa: E402
import contextlib  # noqa: E402
import os  # noqa: E402
import secrets  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import urllib.error  # noqa: E402
import urllib.request  # noqa: E402
from pathlib import Path  # noqa: E402

import dj_database_url  # noqa: E402
import psycopg  # noqa: E402
from psycopg import sql  # noqa: E402

from summits.loadtest import report, traffic  # noqa: E402
from summits.processes import free_port, stop  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
GUNICORN = Path(sys.executable).with_name("gunicorn")
DEFAULT_ARTICLES = ["seeds/", "tests/gold/articles/"]
STARTUP_SECONDS = 60


def parse_arguments(argv):
    parser = argparse.ArgumentParser(
        prog="python -m summits.loadtest",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--requests", type=int, default=3000, help="requests to send in all (3000)")
    parser.add_argument("--users", type=int, default=8, help="concurrent clients (8)")
    parser.add_argument(
        "--warm-up",
        type=int,
        default=100,
        help="requests sent first, checked for errors but left out of the figures (100)",
    )
    parser.add_argument(
        "--workers", type=int, default=2 * os.cpu_count() + 1, help="gunicorn workers (2 × cores + 1)"
    )
    parser.add_argument(
        "--articles",
        nargs="+",
        default=DEFAULT_ARTICLES,
        help="articles to import (default: seeds/ and the real reports of tests/gold/articles/)",
    )
    parser.add_argument(
        "--max-seconds", type=float, default=900, help="give up (and fail) after this long (900)"
    )
    parser.add_argument("--json", type=Path, help="also write the figures to this file, as JSON")
    return parser.parse_args(argv)


@contextlib.contextmanager
def throwaway_database(workdir: Path):
    """The URL of an empty database that exists only for the run."""
    url = os.environ.get("LOADTEST_DATABASE_URL", "")
    if not url:
        yield f"sqlite:///{workdir / 'loadtest.sqlite3'}"
        return
    settings = dj_database_url.parse(url)
    name = settings["NAME"]
    if settings["ENGINE"] != "django.db.backends.postgresql" or not name.endswith("loadtest"):
        raise SystemExit(
            "LOADTEST_DATABASE_URL must be a PostgreSQL database whose name ends in 'loadtest' "
            "(e.g. postgres://postgres@127.0.0.1:5432/summit_loadtest): the load test drops and "
            "makes it anew."
        )
    server = {
        "host": settings["HOST"] or None,
        "port": settings["PORT"] or None,
        "user": settings["USER"] or None,
        "password": settings["PASSWORD"] or None,
        "dbname": "postgres",
        "autocommit": True,
    }
    drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
    with psycopg.connect(**server) as connection:
        connection.execute(drop)
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield url
    finally:
        with psycopg.connect(**server) as connection:
            connection.execute(drop)


def production_env(database_url: str, workdir: Path) -> dict[str, str]:
    """The environment `make serve` gives the site on loopback, for this run's database."""
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_STATIC_ROOT": str(workdir / "static"),
        "DJANGO_API_ANON_RATE": "1000000/minute",
    }


def step(message: str):
    print(message, flush=True)


def manage(env, *command, quiet=False):
    output = subprocess.DEVNULL if quiet else None
    result = subprocess.run(
        [sys.executable, "manage.py", *command],
        cwd=ROOT,
        env=env,
        stdout=output,
        stderr=subprocess.PIPE,
        text=True,
    )
    if result.returncode != 0:
        raise SystemExit(f"manage.py {' '.join(command)} failed:\n{result.stderr[-3000:]}")


def prepare(env, articles: list[str]):
    """Migrate, import the articles and collect the static files (beside the first two)."""
    collecting = subprocess.Popen(
        [sys.executable, "manage.py", "collectstatic", "--no-input"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    step("Applying database migrations…")
    manage(env, "migrate", "--no-input", quiet=True)
    step(f"Importing {' '.join(articles)} (published, approved)…")
    # The importer's log line per article goes to stderr; only a failure is shown.
    manage(env, "import_article", *articles, "--publish", "--approve", "--allow-no-meeting", quiet=True)
    _, errors = collecting.communicate()
    if collecting.returncode != 0:
        raise SystemExit(f"manage.py collectstatic failed:\n{errors[-3000:]}")


@contextlib.contextmanager
def served(env, workers: int, workdir: Path):
    """gunicorn as `make serve` starts it; yields the site's address. Its access log and its own
    log are kept in the run's directory; the end of the latter is shown if it fails to start."""
    port = free_port()
    command = [
        str(GUNICORN),
        "--config",
        "config/gunicorn.conf.py",
        "--workers",
        str(workers),
        "--bind",
        f"127.0.0.1:{port}",
        "config.wsgi",
    ]
    log = workdir / "gunicorn.log"
    with (workdir / "access.log").open("w") as access, log.open("w") as errors:
        server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=access, stderr=errors)
    try:
        base_url = f"http://127.0.0.1:{port}"
        _wait_until_serving(server, base_url, log)
        yield base_url
    finally:
        stop(server)


def _wait_until_serving(server, base_url: str, log: Path):
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"gunicorn stopped (exit {server.returncode}):\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"{base_url}/", timeout=STARTUP_SECONDS):
                return
        except urllib.error.HTTPError as error:
            raise SystemExit(f"The home page answered {error.code}:\n{log.read_text()[-3000:]}") from None
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.2)  # not listening yet
    raise SystemExit(f"gunicorn did not answer within {STARTUP_SECONDS} s:\n{log.read_text()[-3000:]}")


def main(argv=None) -> int:
    arguments = parse_arguments(argv)
    with (
        tempfile.TemporaryDirectory(prefix="summit-loadtest-") as directory,
        throwaway_database(Path(directory)) as database_url,
    ):
        workdir = Path(directory)
        env = production_env(database_url, workdir)
        step(f"Load test database: {database_url}")
        prepare(env, arguments.articles)
        step(f"Starting gunicorn with {arguments.workers} workers on loopback…")
        with served(env, arguments.workers, workdir) as base_url:
            figures = load(base_url, arguments)
        print(report.table(figures))
        if not figures.passed:
            print(f"The end of gunicorn's log:\n{(workdir / 'gunicorn.log').read_text()[-5000:]}")
    if arguments.json:
        arguments.json.write_text(figures.to_json())
    return 0 if figures.passed else 1


def load(base_url: str, arguments) -> report.RunFigures:
    """The warm-up, then the measured requests; a failure in either fails the run."""
    targets = traffic.discover(base_url)
    step(
        f"Pages of {len(targets.summit_pages)} summits, {len(targets.participant_pages)} people, "
        f"{len(targets.country_pages)} countries and {len(targets.article_pages)} articles to ask for."
    )
    step(f"Warming up with {arguments.warm_up} requests (left out of the figures)…")
    warm_up = traffic.send(
        base_url,
        traffic.schedule(targets, arguments.warm_up, seed=1),
        users=arguments.users,
        max_seconds=arguments.max_seconds,
    )
    planned = traffic.schedule(targets, arguments.requests)
    step(f"Sending {len(planned)} requests from {arguments.users} concurrent clients to {base_url}…")
    figures = traffic.send(base_url, planned, users=arguments.users, max_seconds=arguments.max_seconds)
    return figures if warm_up.passed else report.failed_warm_up(figures, warm_up)


if __name__ == "__main__":
    sys.exit(main())
