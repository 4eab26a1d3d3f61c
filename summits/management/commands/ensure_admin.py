"""Make sure a newcomer can log in to the admin: ``manage.py ensure_admin`` (run by ``make run``)."""

import os
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

USERNAME = "admin"
DEFAULT_LOGIN_URL = "http://127.0.0.1:8000/admin/"


class Command(BaseCommand):
    help = (
        'Create the superuser "admin" if there is none, with the password from DJANGO_ADMIN_PASSWORD '
        "or a random one kept in .admin-password, and print how to log in."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--password-file",
            type=Path,
            default=Path(settings.BASE_DIR) / ".admin-password",
            help="Where a generated password is kept (default: .admin-password in the project).",
        )
        parser.add_argument(
            "--url",
            default=DEFAULT_LOGIN_URL,
            help=f"The admin's address, printed with the login (default: {DEFAULT_LOGIN_URL}).",
        )

    def handle(self, *args, password_file: Path, url: str, **options):
        User = get_user_model()
        if User.objects.filter(username=USERNAME).exists():
            if password_file.exists():
                self.print_login(password_file.read_text(encoding="utf-8").strip(), url)
            else:
                self.stdout.write(
                    f'The user "{USERNAME}" exists and its password is not kept here; set a new one with '
                    f"`python manage.py changepassword {USERNAME}`. Admin: {url}"
                )
            return
        password = os.environ.get("DJANGO_ADMIN_PASSWORD") or secrets.token_urlsafe(12)
        User.objects.create_superuser(USERNAME, email="", password=password)
        if not os.environ.get("DJANGO_ADMIN_PASSWORD"):
            # Readable by its owner only: os.open sets the mode as the file is created.
            descriptor = os.open(password_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(descriptor, "w", encoding="utf-8") as file:
                file.write(password + "\n")
            password_file.chmod(0o600)
        self.print_login(password, url)

    def print_login(self, password: str, url: str) -> None:
        self.stdout.write(self.style.SUCCESS(f"Admin login: {url}  user {USERNAME}  password {password}"))
