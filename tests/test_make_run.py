"""`make run`'s server (`manage.py runserver_with_worker`): the development server and an import
worker beside it, which runs the queued imports; Ctrl-C stops both, and so does either stopping."""

import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from summits.processes import free_port
from tests.ingest.conftest import ARTICLE
from tests.test_settings import ROOT, run

DEADLINE_SECONDS = 120  # the worker loads spaCy for its first job


@pytest.fixture(scope="module")
def migrated(tmp_path_factory) -> Path:
    """A database migrated once for the module's tests, each of which takes a copy."""
    database = tmp_path_factory.mktemp("migrated") / "db.sqlite3"
    migrate = run(
        sys.executable, "manage.py", "migrate", "--no-input", "-v0", DATABASE_URL=f"sqlite:///{database}"
    )
    assert migrate.returncode == 0, migrate.stderr
    return database


@pytest.fixture
def site(migrated, tmp_path):
    """A database of its own, and the environment `make run` gives the server."""
    database = tmp_path / "db.sqlite3"
    shutil.copyfile(migrated, database)
    return {"DATABASE_URL": f"sqlite:///{database}", "DJANGO_DEBUG": "1"}


def start(env: dict, port: int, output) -> subprocess.Popen:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    return subprocess.Popen(
        [sys.executable, "manage.py", "runserver_with_worker", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env={**clean, **env},
        stdout=output,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group, as a terminal gives `make run`
    )


def wait_for(condition, what: str, server: subprocess.Popen, log) -> None:
    deadline = time.monotonic() + DEADLINE_SECONDS
    while time.monotonic() < deadline:
        if condition():
            return
        if server.poll() is not None:
            pytest.fail(
                f"the server stopped (exit {server.returncode}) before {what}: {log.read_text()[-3000:]}"
            )
        time.sleep(0.5)
    pytest.fail(f"no {what} within {DEADLINE_SECONDS} seconds: {log.read_text()[-3000:]}")


def serving(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
            return response.status == 200
    except OSError:
        return False


def job_status(env: dict) -> str | None:
    with sqlite3.connect(env["DATABASE_URL"].removeprefix("sqlite:///")) as db:
        row = db.execute("SELECT status FROM summits_importjob").fetchone()
    return row[0] if row else None


def worker_pid(log) -> int:
    found = re.search(r"Import worker started \(process (\d+)\)", log.read_text())
    assert found, log.read_text()
    return int(found.group(1))


def gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def group_gone(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return True
    return False


def test_the_worker_runs_queued_imports_and_ctrl_c_stops_both(site, tmp_path):
    article = tmp_path / "sochi.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    queued = run(sys.executable, "manage.py", "import_article", "--queue", str(article), **site)
    assert queued.returncode == 0, queued.stderr
    port, log = free_port(), tmp_path / "output.log"

    with log.open("w") as output:
        server = start(site, port, output)
        try:
            wait_for(lambda: serving(port), "page served", server, log)
            wait_for(lambda: job_status(site) == "done", "import done by the worker", server, log)
            worker = worker_pid(log)

            os.killpg(server.pid, signal.SIGINT)  # Ctrl-C: the terminal signals its foreground group

            assert server.wait(timeout=60) == 0, log.read_text()[-3000:]
        finally:
            if server.poll() is None:
                os.killpg(server.pid, signal.SIGKILL)

    assert gone(worker) and group_gone(server.pid)
    assert not serving(port)
    assert "Stopping the import worker" in log.read_text()


def test_sigterm_stops_both_as_ctrl_c_does(site, tmp_path):
    port, log = free_port(), tmp_path / "output.log"

    with log.open("w") as output:
        server = start(site, port, output)
        try:
            wait_for(lambda: serving(port), "page served", server, log)
            worker = worker_pid(log)

            server.terminate()  # a process manager signals the command alone

            assert server.wait(timeout=60) == 0, log.read_text()[-3000:]
        finally:
            if server.poll() is None:
                os.killpg(server.pid, signal.SIGKILL)

    assert gone(worker) and group_gone(server.pid)
    assert not serving(port)


def test_when_the_worker_stops_the_server_stops_too(site, tmp_path):
    port, log = free_port(), tmp_path / "output.log"

    with log.open("w") as output:
        server = start(site, port, output)
        try:
            wait_for(lambda: serving(port), "page served", server, log)
            os.kill(worker_pid(log), signal.SIGKILL)

            assert server.wait(timeout=60) == 1
        finally:
            if server.poll() is None:
                os.killpg(server.pid, signal.SIGKILL)

    assert group_gone(server.pid) and not serving(port)
    assert "The import worker stopped (exit status -9); so did the server." in log.read_text()
