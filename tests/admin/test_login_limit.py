"""Failed logins are limited (django-axes): after DJANGO_LOGIN_FAILURE_LIMIT (5) failures for one
username from one address, that pair cannot log in, even with the right password, until the
cool-off ends or `manage.py axes_reset` lifts the lock. Other names and addresses log in."""

import pytest
from django.core.management import call_command
from django.test import Client, RequestFactory
from django.urls import reverse

from config.client_ip import client_ip
from tests import factories

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery"
ATTACKER = "203.0.113.7"


def log_in(username: str, password: str, address: str = ATTACKER, **headers):
    return Client().post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": reverse("admin:index")},
        REMOTE_ADDR=address,
        **headers,
    )


def fail_five_times(username: str, address: str = ATTACKER, **headers) -> None:
    for _ in range(5):
        assert log_in(username, "wrong password", address, **headers).status_code != 302


@pytest.fixture
def editor():
    return factories.EditorFactory()


def test_the_right_password_logs_in(editor):
    assert log_in(editor.username, PASSWORD).status_code == 302


def test_five_failures_lock_out_the_sixth_login_even_with_the_right_password(editor):
    fail_five_times(editor.username)

    response = log_in(editor.username, PASSWORD)

    assert response.status_code == 429
    html = response.content.decode()
    assert "Too many failed logins" in html and "Try again in 60 minutes." in html
    assert "Summit Archive — editors" in html  # the admin's own header
    assert "_auth_user_id" not in response.client.session


def test_four_failures_do_not_lock_out(editor):
    for _ in range(4):
        log_in(editor.username, "wrong password")

    assert log_in(editor.username, PASSWORD).status_code == 302


def test_the_lock_holds_for_that_username_from_that_address_only(editor):
    other_editor = factories.EditorFactory()
    fail_five_times(editor.username)

    assert log_in(editor.username, PASSWORD, address="198.51.100.1").status_code == 302
    assert log_in(other_editor.username, PASSWORD).status_code == 302


def test_a_forged_forwarded_for_header_does_not_escape_the_lock(editor):
    fail_five_times(editor.username)

    assert log_in(editor.username, PASSWORD, HTTP_X_FORWARDED_FOR="192.0.2.99").status_code == 429


def test_axes_reset_lifts_the_lock(editor):
    fail_five_times(editor.username)
    call_command("axes_reset", verbosity=0)

    assert log_in(editor.username, PASSWORD).status_code == 302


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "192.0.2.99", "10.0.0.1"),  # no trusted proxy: the header is the client's to forge
        (1, "192.0.2.99, 198.51.100.4", "198.51.100.4"),  # the address our proxy appended
        (2, "192.0.2.99, 198.51.100.4, 10.0.0.2", "198.51.100.4"),
        (3, "198.51.100.4", "198.51.100.4"),  # fewer addresses than proxies: the first
        (1, None, "10.0.0.1"),
    ],
)
def test_the_client_address_is_read_as_the_api_throttle_reads_it(settings, proxies, forwarded, expected):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": proxies}
    headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", **headers)

    assert client_ip(request) == expected


def test_behind_a_proxy_each_client_is_locked_out_by_its_own_address(settings, editor):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    fail_five_times(editor.username, address="10.0.0.1", HTTP_X_FORWARDED_FOR=ATTACKER)

    locked = log_in(editor.username, PASSWORD, address="10.0.0.1", HTTP_X_FORWARDED_FOR=ATTACKER)
    other = log_in(editor.username, PASSWORD, address="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.1")

    assert (locked.status_code, other.status_code) == (429, 302)
