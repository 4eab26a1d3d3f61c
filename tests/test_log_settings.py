"""Logs: JSON lines on stderr in production, text when debugging; DJANGO_LOG_FORMAT decides."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Configure logging from the settings as Django does, log one record with an extra field.
PROBE = (
    "import logging, django; from django.conf import settings; django.setup(); "
    "logging.getLogger('summits.probe').info('hello', extra={'event': 'probe', 'n': 3})"
)


def log_line(**env) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "SUMMITS_"))}
    env = {**clean, "DJANGO_SETTINGS_MODULE": "config.settings", **env}
    return subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True)


def test_production_logs_are_one_json_object_per_line_on_stderr():
    result = log_line()

    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    entry = json.loads(line)
    assert (entry["level"], entry["logger"], entry["message"]) == ("INFO", "summits.probe", "hello")
    assert (entry["event"], entry["n"]) == ("probe", 3)
    assert "timestamp" in entry


@pytest.mark.parametrize(
    "env", [{"DJANGO_DEBUG": "1"}, {"DJANGO_LOG_FORMAT": "text"}], ids=["debug", "asked for"]
)
def test_text_logs_when_debugging_or_asked_for(env):
    result = log_line(**env)

    assert result.returncode == 0, result.stderr
    assert result.stderr.rstrip().endswith("INFO summits.probe: hello")


def test_json_logs_when_asked_for_in_debug_mode():
    result = log_line(DJANGO_DEBUG="1", DJANGO_LOG_FORMAT="JSON")

    assert json.loads(result.stderr)["message"] == "hello"


def test_an_unknown_log_format_is_refused():
    result = log_line(DJANGO_LOG_FORMAT="xml")

    assert result.returncode != 0
    assert "DJANGO_LOG_FORMAT must be json or text." in result.stderr


def test_summits_log_level_quiets_the_import_records():
    assert log_line(SUMMITS_LOG_LEVEL="WARNING").stderr == ""
