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


def load_settings(**env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env={**clean, **env}, capture_output=True, text=True
    )
    return result


def test_secret_key_required_when_debug_is_off():
    result = load_settings()
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_defaults_debug_off_and_embedded_sqlite():
    result = load_settings(DJANGO_SECRET_KEY="s3cret")
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
