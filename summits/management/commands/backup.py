"""``manage.py backup [PATH]``: the whole archive, history included, in one file (see summits/backup.py)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.template.defaultfilters import filesizeformat

from summits import backup


class Command(BaseCommand):
    help = (
        "Back up the database: pg_dump --format=custom on PostgreSQL, the online backup API on SQLite. "
        "Default file: backups/summit-archive-<UTC timestamp>.dump (.sqlite3 on SQLite)."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", type=Path, help="Where to write the backup.")
        parser.add_argument("--database", default="default", help="Which database (default: default).")

    def handle(self, *args, path: Path | None, database: str, **options):
        try:
            written = backup.backup(path, alias=database)
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(f"Backup written to {written.path} ({filesizeformat(written.size)}).")
        )
