"""Settings come from the environment, with safe defaults."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROBE = (
    "import json, config.settings as s; "
    "print(json.dumps({'debug': s.DEBUG, 'engine': s.DATABASES['default']['ENGINE'], "
    "'name': str(s.DATABASES['default']['NAME']), 'hosts': s.ALLOWED_HOSTS}))"
)


def run(*argv, **env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    return subprocess.run(argv, cwd=ROOT, env={**clean, **env}, capture_output=True, text=True)


def load_settings(**env):
    return run(sys.executable, "-c", PROBE, **env)


@pytest.mark.parametrize("server", ["config.wsgi", "config.asgi"])
def test_site_is_not_served_without_a_secret_key_when_debug_is_off(server):
    result = run(sys.executable, "-c", f"import {server}")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off." in result.stderr
    assert run(sys.executable, "-c", f"import {server}", DJANGO_SECRET_KEY="s3cret").returncode == 0


def test_commands_that_sign_nothing_run_without_a_secret_key():
    """Scorers and scripts run the dry-run import with no environment at all."""
    seed = next((ROOT / "seeds").glob("*.txt"))
    result = run(sys.executable, "manage.py", "import_article", str(seed), "--dry-run", "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["summit"]["location"] == "Sochi"


def test_defaults_debug_off_and_embedded_sqlite():
    result = load_settings()
    settings = json.loads(result.stdout)
    assert settings["debug"] is False
    assert settings["engine"] == "django.db.backends.sqlite3"
    assert settings["name"] == str(ROOT / "db.sqlite3")
    assert "*" not in settings["hosts"]


@pytest.mark.parametrize("value, expected", [("1", True), ("true", True), ("0", False), ("", False)])
def test_debug_from_environment(value, expected):
    result = load_settings(DJANGO_DEBUG=value, DJANGO_SECRET_KEY="s3cret")
    assert json.loads(result.stdout)["debug"] is expected


def test_database_url_and_allowed_hosts_from_environment():
    result = load_settings(
        DJANGO_DEBUG="1",
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/archive",
        DJANGO_ALLOWED_HOSTS="summits.example.org, www.summits.example.org",
    )
    settings = json.loads(result.stdout)
    assert settings["engine"] == "django.db.backends.postgresql"
    assert settings["name"] == "archive"
    assert settings["hosts"] == ["summits.example.org", "www.summits.example.org"]


def test_the_data_licence_comes_from_the_environment():
    probe = "import config.settings as s; print(s.SUMMITS_DATA_LICENCE, s.SUMMITS_DATA_LICENCE_URL)"
    default = run(sys.executable, "-c", probe)
    assert default.stdout.split() == ["CC", "BY", "4.0", "https://creativecommons.org/licenses/by/4.0/"]
    chosen = run(
        sys.executable,
        "-c",
        probe,
        SUMMITS_DATA_LICENCE="ODbL",
        SUMMITS_DATA_LICENCE_URL="https://opendatacommons.org/licenses/odbl/",
    )
    assert chosen.stdout.split() == ["ODbL", "https://opendatacommons.org/licenses/odbl/"]


TASKS_PROBE = (
    "import json, config.settings as s; "
    "print(json.dumps({'tasks': s.TASKS, 'apps': s.INSTALLED_APPS, 'rq': getattr(s, 'RQ_QUEUES', None), "
    "'retries': s.SUMMITS_IMPORT_RETRIES, 'delay': s.SUMMITS_IMPORT_RETRY_DELAY}))"
)


def test_queued_imports_wait_in_the_database_by_default():
    result = run(sys.executable, "-c", TASKS_PROBE)
    settings = json.loads(result.stdout)
    assert settings["tasks"] == {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }
    assert {"django_tasks", "django_tasks_db"} <= set(settings["apps"]) and settings["rq"] is None
    assert (settings["retries"], settings["delay"]) == (3, 30.0)


def test_the_rq_backend_keeps_the_queue_in_redis_at_redis_url():
    result = run(
        sys.executable,
        "-c",
        TASKS_PROBE,
        DJANGO_TASKS_BACKEND="rq",
        REDIS_URL="redis://queue.internal:6379/2",
        SUMMITS_IMPORT_RETRIES="5",
        SUMMITS_IMPORT_RETRY_DELAY="2.5",
    )
    settings = json.loads(result.stdout)
    assert settings["tasks"] == {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    assert {"django_rq", "django_tasks_rq"} <= set(settings["apps"])
    assert settings["rq"] == {"default": {"URL": "redis://queue.internal:6379/2", "DEFAULT_TIMEOUT": 3600}}
    assert (settings["retries"], settings["delay"]) == (5, 2.5)


@pytest.mark.parametrize(
    ("env", "error"),
    [
        ({"DJANGO_TASKS_BACKEND": "rq"}, "DJANGO_TASKS_BACKEND=rq needs REDIS_URL."),
        ({"DJANGO_TASKS_BACKEND": "celery"}, "DJANGO_TASKS_BACKEND must be database or rq."),
    ],
)
def test_a_task_backend_that_cannot_work_is_refused_at_start(env, error):
    result = run(sys.executable, "-c", TASKS_PROBE, REDIS_URL="", **env)
    assert result.returncode != 0 and error in result.stderr
