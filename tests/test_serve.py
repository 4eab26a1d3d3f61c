"""`make serve`: production mode with gunicorn, whitenoise serving hashed, compressed static files."""

import hashlib
import json
import os
import re
import secrets
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from summits.processes import free_port
from tests.test_settings import ROOT, run

GUNICORN = Path(sys.executable).with_name("gunicorn")
STARTUP_SECONDS = 15


FETCH_TIMEOUT = 30  # a bound against a hang, not a measure of speed: a loaded machine's first request is slow


def fetch(url, **headers):
    """GET url as the TLS proxy in front would pass it on (HTTP is redirected otherwise)."""
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https", **headers})
    with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT) as response:
        assert response.url == url  # not redirected
        return response.status, response.headers, response.read()


@pytest.fixture
def production_env(tmp_path):
    return {
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "DJANGO_STATIC_ROOT": str(tmp_path / "static"),
    }


def start_gunicorn(env, port):
    clean = {
        k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "GUNICORN_"))
    }
    return subprocess.Popen(
        [
            str(GUNICORN),
            "--config",
            "config/gunicorn.conf.py",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{port}",
        ]
        + ["config.wsgi"],
        cwd=ROOT,
        env={**clean, **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_until_serving(server, url):
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            stderr = server.stderr.read()
            if "Address already in use" in stderr or "Permission denied" in stderr:
                pytest.skip(f"gunicorn could not bind: {stderr[-300:]}")
            pytest.fail(f"gunicorn stopped (exit {server.returncode}): {stderr[-2000:]}")
        try:
            fetch(url)
            return
        # Not listening yet, or (TimeoutError) a first answer slower than FETCH_TIMEOUT on a busy machine.
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    pytest.fail(f"gunicorn did not answer within {STARTUP_SECONDS} s")


@pytest.mark.skipif(not GUNICORN.exists(), reason="gunicorn is not installed next to this Python")
def test_gunicorn_serves_the_site_and_compressed_hashed_static_files(production_env, tmp_path):
    for command in (["migrate", "--no-input"], ["collectstatic", "--no-input"]):
        result = run(sys.executable, "manage.py", *command, **production_env)
        assert result.returncode == 0, result.stderr
    manifest = json.loads((tmp_path / "static" / "staticfiles.json").read_text())
    hashed_css = manifest["paths"]["css/site.css"]
    assert re.fullmatch(r"css/site\.[0-9a-f]{12}\.css", hashed_css)
    # gzip copies only: no brotli, whatever is installed (config/static_storage.py).
    assert list((tmp_path / "static").rglob("*.gz"))
    assert not list((tmp_path / "static").rglob("*.br"))

    port = free_port()
    server = start_gunicorn(production_env, port)
    try:
        base = f"http://127.0.0.1:{port}"
        wait_until_serving(server, f"{base}/")

        status, _, body = fetch(f"{base}/")
        assert status == 200
        assert f"/static/{hashed_css}".encode() in body

        status, headers, body = fetch(f"{base}/static/{hashed_css}", **{"Accept-Encoding": "gzip"})
        assert status == 200
        assert headers["Content-Encoding"] == "gzip"
        max_age = int(re.search(r"max-age=(\d+)", headers["Cache-Control"]).group(1))
        assert max_age >= 365 * 24 * 3600
    finally:
        server.terminate()
        stdout, _ = server.communicate(timeout=10)
    assert f'"GET /static/{hashed_css} HTTP/1.1" 200' in stdout  # the access log, on stdout


@pytest.fixture
def fake_venv(tmp_path):
    """A virtual environment whose python and gunicorn print what they were asked, and the
    settings they were given, instead of running: `make serve` then runs for real in a moment."""
    bin_dir = tmp_path / "venv" / "bin"
    bin_dir.mkdir(parents=True)
    for name in ("python", "gunicorn"):
        script = bin_dir / name
        script.write_text(
            "#!/bin/sh\n"
            f'echo "{name} $* | debug=$DJANGO_DEBUG hosts=$DJANGO_ALLOWED_HOSTS '
            'ssl_redirect=${DJANGO_SECURE_SSL_REDIRECT-unset}"\n'
        )
        script.chmod(0o755)
    digest = hashlib.sha256((ROOT / "requirements.txt").read_bytes()).hexdigest()[:16]
    (tmp_path / "venv" / f".installed-{digest}").touch()  # set up already
    return tmp_path / "venv"


def make(target, venv, *args, **env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "MAKE"))}
    return subprocess.run(
        ["make", "--no-print-directory", target, f"VENV={venv}", "WORKERS=3", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
    )


def test_make_serve_migrates_collects_static_files_and_starts_gunicorn(fake_venv):
    result = make("serve", fake_venv, "PORT=8123", DJANGO_SECRET_KEY="s3cret")
    assert result.returncode == 0, result.stderr
    steps = [line for line in result.stdout.splitlines() if " | " in line]
    settings = "debug=0 hosts=127.0.0.1,localhost ssl_redirect=0"
    assert steps == [
        f"python manage.py migrate --no-input | {settings}",
        f"python manage.py collectstatic --no-input | {settings}",
        "gunicorn --config config/gunicorn.conf.py --workers 3 --bind 127.0.0.1:8123 config.wsgi"
        f" | {settings}",
    ]
    assert "Starting gunicorn with 3 workers at http://127.0.0.1:8123/" in result.stdout


def test_make_serve_bound_beyond_loopback_keeps_the_https_redirect(fake_venv):
    result = make(
        "serve", fake_venv, "HOST=0.0.0.0", DJANGO_SECRET_KEY="s3cret", DJANGO_ALLOWED_HOSTS="example.org"
    )
    assert result.returncode == 0, result.stderr
    assert "--bind 0.0.0.0:8000 config.wsgi | debug=0 hosts=example.org ssl_redirect=unset" in result.stdout


def test_make_serve_refuses_to_start_without_a_secret_key(fake_venv):
    result = make("serve", fake_venv)
    assert result.returncode != 0
    assert "make serve needs DJANGO_SECRET_KEY" in result.stderr
    assert "secrets.token_urlsafe(50)" in result.stderr
    assert "python" not in result.stdout  # nothing ran


def test_make_serve_dry_run_lists_its_commands():
    result = subprocess.run(
        ["make", "--no-print-directory", "-n", "serve", "HOST=127.0.0.1", "PORT=8123"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "manage.py migrate --no-input" in result.stdout
    assert "manage.py collectstatic --no-input" in result.stdout
    assert re.search(
        r"gunicorn --config config/gunicorn\.conf\.py --workers \d+ --bind 127\.0\.0\.1:8123 config\.wsgi",
        result.stdout,
    )


def test_the_gunicorn_settings_come_from_the_environment():
    probe = (
        "import runpy, json; c = runpy.run_path('config/gunicorn.conf.py'); "
        "print(json.dumps([c['bind'], c['workers'], c['timeout'], c['accesslog']]))"
    )
    defaults = json.loads(run(sys.executable, "-c", probe).stdout)
    assert defaults[0] == ["127.0.0.1:8000"]
    assert defaults[1] == 2 * os.cpu_count() + 1
    assert defaults[2:] == [60, "-"]
    chosen = run(
        sys.executable,
        "-c",
        probe,
        GUNICORN_BIND="10.0.0.5:9000",
        GUNICORN_WORKERS="4",
        GUNICORN_TIMEOUT="120",
    )
    assert json.loads(chosen.stdout)[:3] == [["10.0.0.5:9000"], 4, 120]


def test_make_setup_says_what_it_installs_and_shows_pip_progress(fake_venv):
    for stamp in fake_venv.glob(".installed-*"):
        stamp.unlink()
    result = make("setup", fake_venv)
    assert result.returncode == 0, result.stderr
    packages = sum(1 for line in (ROOT / "requirements.txt").open() if re.match(r"[A-Za-z0-9]", line))
    assert f"Installing {packages} pinned packages (a first run takes about two minutes)" in result.stdout
    pip = next(line for line in result.stdout.splitlines() if line.startswith("python -m pip install"))
    assert "--progress-bar on" in pip
    assert "--quiet" not in pip


def test_make_run_announces_each_step(fake_venv):
    result = make("run", fake_venv, "PORT=8124")
    assert result.returncode == 0, result.stderr
    announced = [line for line in result.stdout.splitlines() if line.endswith("…")]
    assert announced == [
        "Applying database migrations…",
        "Importing the seed articles from seeds/…",
        "Starting the development server at http://127.0.0.1:8124/ and an import worker (Ctrl-C stops both)…",
    ]
    # the server and the import worker beside it (tests/test_make_run.py runs it for real)
    assert "python manage.py runserver_with_worker 127.0.0.1:8124 | debug=1" in result.stdout


def test_make_worker_runs_an_import_worker_in_production_mode(fake_venv):
    result = make("worker", fake_venv)
    assert result.returncode == 0, result.stderr
    assert "python manage.py db_worker --no-reload | debug=0" in result.stdout
