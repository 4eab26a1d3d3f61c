"""``manage.py ensure_admin``: one superuser "admin", and the way to log in printed."""

import stat
from io import StringIO

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command
from django.test import RequestFactory

pytestmark = pytest.mark.django_db


def log_in(username: str, password: str):
    """Authenticate as the admin's login form does: with the request, which django-axes needs."""
    return authenticate(RequestFactory().post("/admin/login/"), username=username, password=password)


def ensure_admin(password_file) -> str:
    stdout = StringIO()
    call_command("ensure_admin", "--password-file", str(password_file), stdout=stdout)
    return stdout.getvalue()


def test_creates_admin_with_a_random_password_kept_private(tmp_path, monkeypatch):
    monkeypatch.delenv("DJANGO_ADMIN_PASSWORD", raising=False)
    password_file = tmp_path / ".admin-password"

    output = ensure_admin(password_file)

    password = password_file.read_text().strip()
    assert len(password) >= 12
    assert stat.S_IMODE(password_file.stat().st_mode) == 0o600
    assert output.strip() == f"Admin login: http://127.0.0.1:8000/admin/  user admin  password {password}"
    user = log_in("admin", password)
    assert user is not None and user.is_superuser and user.is_staff


def test_takes_the_password_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("DJANGO_ADMIN_PASSWORD", "from the environment")

    output = ensure_admin(tmp_path / ".admin-password")

    assert "password from the environment" in output
    assert log_in("admin", "from the environment") is not None
    assert not (tmp_path / ".admin-password").exists()


def test_a_second_run_prints_the_same_login_and_creates_nobody(tmp_path, monkeypatch):
    monkeypatch.delenv("DJANGO_ADMIN_PASSWORD", raising=False)
    first = ensure_admin(tmp_path / ".admin-password")

    second = ensure_admin(tmp_path / ".admin-password")

    assert second == first
    assert get_user_model().objects.count() == 1


def test_an_existing_admin_without_the_file_is_told_how_to_reset(tmp_path):
    get_user_model().objects.create_superuser("admin", password="chosen by a human")

    output = ensure_admin(tmp_path / ".admin-password")

    assert "changepassword admin" in output
    assert log_in("admin", "chosen by a human") is not None
    assert not (tmp_path / ".admin-password").exists()


def test_prints_the_address_the_site_is_served_on(tmp_path, monkeypatch):
    monkeypatch.setenv("DJANGO_ADMIN_PASSWORD", "s3cret-pass")
    stdout = StringIO()

    call_command(
        "ensure_admin",
        "--password-file",
        str(tmp_path / "pw"),
        "--url",
        "http://127.0.0.1:8799/admin/",
        stdout=stdout,
    )

    assert stdout.getvalue().startswith("Admin login: http://127.0.0.1:8799/admin/  user admin")
