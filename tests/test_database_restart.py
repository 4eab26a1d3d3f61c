"""Issue 14, point 6: a database that stops and starts again under the running site.

The site is served as `make serve` serves it (gunicorn with config/gunicorn.conf.py, two workers,
debug off, collected static files) against a throwaway PostgreSQL cluster on a free port that
the test makes, stops and starts. While the database is down every page answers the site's 500
page at once (HTML for pages, JSON for the API); once it is back, every worker serves again and
not one 500 is answered, whether the workers met the outage or slept through it, with the
connections closed after each request (the default) or kept open (DJANGO_CONN_MAX_AGE): a kept
connection that the restart broke is found by Django's health check (CONN_HEALTH_CHECKS) before
it is used. A database host that takes the connection and never answers costs a request
DJANGO_DB_CONNECT_TIMEOUT, then the 500 page.

They run with the PostgreSQL suite (`DATABASE_URL=postgres://... make test`), or alone:
`pytest -m faults`.
"""

import json
import os
import pwd
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psycopg
import pytest
from django.db import connection

from summits import processes
from summits.processes import free_port
from tests.test_serve import GUNICORN
from tests.test_settings import ROOT, run

pytestmark = [
    pytest.mark.faults,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="the database fault tests run with the PostgreSQL suite (DATABASE_URL=postgres://...)",
    ),
]

# No request may take longer than this; waiting for a database that does not answer takes
# DJANGO_DB_CONNECT_TIMEOUT (set to 2 s below) per connection attempt.
REQUEST_TIMEOUT = 20
STARTUP_SECONDS = 30
# Rounds of two concurrent requests sent until both workers have answered; each round is at
# least one request for one of them, so both are reached long before this.
MAX_ROUNDS = 60
WORKERS = 2
DATABASE = "summit_faults"


def postgres_bin_dir() -> Path | None:
    """The newest PostgreSQL server installed the Debian way, with initdb and pg_ctl runnable."""
    found = [
        path.parent
        for path in Path("/usr/lib/postgresql").glob("*/bin/pg_ctl")
        if os.access(path, os.X_OK) and os.access(path.parent / "initdb", os.X_OK)
    ]
    return max(found, key=lambda path: int(re.sub(r"\D", "", path.parent.name) or 0), default=None)


def cluster_user() -> tuple[list[str], str | None, str]:
    """How to run initdb and pg_ctl here: the command prefix, the owner to give the data directory,
    and, when they cannot be run, why. initdb refuses to run as root, so root runs them as postgres."""
    if os.geteuid() != 0:
        return [], None, ""
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        return [], None, "running as root and there is no postgres user to run initdb and pg_ctl as"
    runuser = shutil.which("runuser")
    if runuser is None:
        return [], None, "running as root and runuser is missing (initdb refuses to run as root)"
    return [runuser, "-u", "postgres", "--"], "postgres", ""


class ThrowawayCluster:
    """A PostgreSQL cluster of its own in a temporary directory, listening on 127.0.0.1 only."""

    def __init__(self, bin_dir: Path, run_as: list[str], owner: str | None):
        self.bin_dir = bin_dir
        self.run_as = run_as
        self.port = free_port()
        self.root = Path(tempfile.mkdtemp(prefix="summit-faults-"))
        if owner:
            shutil.chown(self.root, user=owner, group=owner)
        self.data = self.root / "data"
        self.running = False

    def _run(self, program, *args):
        result = subprocess.run(
            [*self.run_as, str(self.bin_dir / program), *args],
            cwd=self.root,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, f"{program} {' '.join(args)}: {result.stdout}{result.stderr}"

    def init(self):
        self._run("initdb", "--pgdata", str(self.data), "--username", "postgres", "--auth", "trust")

    def start(self):
        server_options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.root}"
        log = str(self.root / "server.log")
        self._run("pg_ctl", "start", "--pgdata", str(self.data), "--wait", "-o", server_options, "-l", log)
        self.running = True

    def stop(self):
        self._run("pg_ctl", "stop", "--pgdata", str(self.data), "--wait", "--mode", "fast")
        self.running = False

    def url(self, database: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str):
        with psycopg.connect(self.url("postgres"), autocommit=True) as server:
            server.execute(f'CREATE DATABASE "{name}"')

    def remove(self):
        try:
            if self.running:
                self._run("pg_ctl", "stop", "--pgdata", str(self.data), "--wait", "--mode", "immediate")
                self.running = False
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


@pytest.fixture(scope="module")
def cluster():
    bin_dir = postgres_bin_dir()
    if bin_dir is None:
        pytest.skip("no runnable PostgreSQL server binaries (/usr/lib/postgresql/*/bin/initdb, pg_ctl)")
    run_as, owner, cannot = cluster_user()
    if cannot:
        pytest.skip(cannot)
    if not GUNICORN.exists():
        pytest.skip("gunicorn is not installed next to this Python")
    cluster = ThrowawayCluster(bin_dir, run_as, owner)
    try:
        cluster.init()
        cluster.start()
        cluster.create_database(DATABASE)
        yield cluster
    finally:
        cluster.remove()


@pytest.fixture(scope="module")
def production_env():
    """What `make serve` gives the site, its static files collected, without a database yet."""
    static_root = Path(tempfile.mkdtemp(prefix="summit-faults-static-"))
    env = {
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_STATIC_ROOT": str(static_root),
    }
    try:
        manage("collectstatic", "--no-input", **env)
        yield env
    finally:
        shutil.rmtree(static_root, ignore_errors=True)


def manage(*command, **env):
    result = run(sys.executable, "manage.py", *command, **env)
    assert result.returncode == 0, f"{command}: {result.stderr[-2000:]}"


# A published summit with a participant, an approved statement and an agreement.
SUMMIT_ROWS = """
from tests.factories import AgreementFactory, AttendanceFactory, StatementFactory
attendance = AttendanceFactory()
StatementFactory(summit=attendance.summit, speaker=attendance.participant)
AgreementFactory(summit=attendance.summit)
"""


@pytest.fixture(scope="module")
def site_env(cluster, production_env):
    """The production environment against the throwaway cluster, migrated, with a summit."""
    env = {**production_env, "DATABASE_URL": cluster.url(DATABASE)}
    manage("migrate", "--no-input", **env)
    manage("shell", "--command", SUMMIT_ROWS, **env)
    return env


@pytest.fixture
def running_cluster(cluster):
    """The cluster, started again if a test before this one failed while it was stopped."""
    if not cluster.running:
        cluster.start()
    return cluster


class Site:
    """gunicorn serving the site, its access log (one line per request, with the worker's pid)
    written to a file that the test reads."""

    ACCESS_LOG_FORMAT = "%(p)s %(s)s %(U)s"

    def __init__(self, env: dict, log_dir: Path):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.access_log = log_dir / "access.log"
        self.error_log = log_dir / "error.log"
        clean = {
            k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "GUNICORN_"))
        }
        command = [
            str(GUNICORN),
            "--config",
            "config/gunicorn.conf.py",
            "--workers",
            str(WORKERS),
            "--bind",
            f"127.0.0.1:{self.port}",
            "--access-logformat",
            self.ACCESS_LOG_FORMAT,
            "config.wsgi",
        ]
        with self.access_log.open("w") as stdout, self.error_log.open("w") as stderr:
            self.process = subprocess.Popen(
                command, cwd=ROOT, env={**clean, **env}, stdout=stdout, stderr=stderr
            )
        self.served = 0
        self.lock = threading.Lock()

    def wait_until_serving(self):
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"gunicorn stopped (exit {self.process.returncode}): {self.errors()}")
            try:
                self.get("/")
                return
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.2)
        pytest.fail(f"gunicorn did not answer within {STARTUP_SECONDS} s: {self.errors()}")

    def errors(self) -> str:
        return self.error_log.read_text()[-3000:]

    def get(self, path: str) -> tuple[int, str, bytes]:
        """Status, content type and body of a GET; a request that outlasts REQUEST_TIMEOUT fails."""
        try:
            with urllib.request.urlopen(self.base + path, timeout=REQUEST_TIMEOUT) as response:
                answer = response.status, response.headers.get_content_type(), response.read()
        except urllib.error.HTTPError as error:
            answer = error.code, error.headers.get_content_type(), error.read()
        except (TimeoutError, urllib.error.URLError) as error:
            if isinstance(error, TimeoutError) or isinstance(error.reason, TimeoutError):
                pytest.fail(f"{path} got no answer within {REQUEST_TIMEOUT} s")
            raise
        with self.lock:
            self.served += 1
        return answer

    def access_lines(self) -> list[tuple[int, int, str]]:
        """(worker pid, status, path) of every request answered so far, once all are logged."""
        deadline = time.monotonic() + 5
        while True:
            lines = [line.split(" ", 2) for line in self.access_log.read_text().splitlines()]
            requests = [(int(pid.strip("<>")), int(status), path) for pid, status, path in lines]
            if len(requests) >= self.served or time.monotonic() > deadline:
                return requests
            time.sleep(0.05)

    def workers_reached(self, since: int) -> set[int]:
        return {pid for pid, _, _ in self.access_lines()[since:]}

    def until_both_workers_answer(self, paths: list[str]) -> list[tuple[str, int, str, bytes]]:
        """Send the paths, two at a time, round after round, until both workers have answered
        one; every answer is returned."""
        since = len(self.access_lines())
        answers = []
        with ThreadPoolExecutor(max_workers=WORKERS) as pool:
            for round_number in range(MAX_ROUNDS):
                pair = [paths[(2 * round_number + i) % len(paths)] for i in range(WORKERS)]
                answers += [
                    (path, *answer) for path, answer in zip(pair, pool.map(self.get, pair), strict=True)
                ]
                if len(self.workers_reached(since)) == WORKERS:
                    return answers
        pytest.fail(f"after {MAX_ROUNDS} rounds only workers {self.workers_reached(since)} had answered")

    def stop(self):
        processes.stop(self.process)


@pytest.fixture
def site_with(site_env, tmp_path):
    """A function that starts the site with extra settings; every site started is stopped."""
    sites = []

    def start(**env):
        site = Site({**site_env, **env}, tmp_path)
        sites.append(site)
        site.wait_until_serving()
        return site

    yield start
    for site in sites:
        site.stop()


def pages_of(site) -> list[str]:
    """Home, the summit's page and the API's summit list."""
    status, _, body = site.get("/api/summits/")
    assert status == 200, body[:500]
    summit_page = json.loads(body)["results"][0]["page_url"]
    return ["/", urllib.parse.urlsplit(summit_page).path, "/api/summits/"]


def assert_all_served(answers):
    failed = [(path, status) for path, status, _, _ in answers if status != 200]
    assert not failed, f"answers other than 200: {failed}"


@pytest.mark.parametrize(
    "conn_max_age", ["0", "60"], ids=["connection-per-request", "persistent-connections"]
)
def test_pages_answer_the_500_page_while_the_database_is_down_and_recover_when_it_is_back(
    running_cluster, site_with, conn_max_age
):
    cluster = running_cluster
    site = site_with(DJANGO_CONN_MAX_AGE=conn_max_age)
    pages = pages_of(site)
    answers = site.until_both_workers_answer(pages)
    assert_all_served(answers)
    workers = site.workers_reached(0)

    cluster.stop()
    for path, status, content_type, body in site.until_both_workers_answer(pages):
        assert status == 500, (path, status)
        if path.startswith("/api/"):
            assert content_type == "application/json"
            assert json.loads(body) == {"detail": "Server error."}
        else:
            assert content_type == "text/html"
            assert b"Something went wrong" in body

    cluster.start()
    # The very next requests, from each worker, are served.
    assert_all_served(site.until_both_workers_answer(pages))

    # A restart that no request saw: each worker's next request finds its old connection gone.
    cluster.stop()
    cluster.start()
    assert_all_served(site.until_both_workers_answer(pages))

    # The same two workers served throughout: none was restarted to get a clean start.
    assert site.workers_reached(0) == workers


@pytest.fixture
def silent_database():
    """A port that takes connections and never says a word, as a database host that hangs."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(64)
        yield f"postgres://postgres@127.0.0.1:{listener.getsockname()[1]}/{DATABASE}"


def test_a_database_that_does_not_answer_costs_the_connect_timeout_and_the_500_page(
    production_env, silent_database, tmp_path
):
    if not GUNICORN.exists():
        pytest.skip("gunicorn is not installed next to this Python")
    env = {**production_env, "DATABASE_URL": silent_database, "DJANGO_DB_CONNECT_TIMEOUT": "2"}
    site = Site(env, tmp_path)
    try:
        site.wait_until_serving()
        status, content_type, body = site.get("/")
        assert (status, content_type) == (500, "text/html")
        assert b"Something went wrong" in body
        status, content_type, body = site.get("/api/summits/")
        assert (status, content_type) == (500, "application/json")
        assert json.loads(body) == {"detail": "Server error."}
    finally:
        site.stop()
    assert "connection timeout expired" in site.errors()
