"""``manage.py restore PATH``: replace the database's content by a backup made by ``manage.py backup``."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from summits import backup, public_cache


class Command(BaseCommand):
    help = (
        "Restore a backup made by `manage.py backup` into the configured database, replacing "
        "everything it holds (pg_restore --clean on PostgreSQL, the online backup API on SQLite)."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="The backup file.")
        parser.add_argument("--database", default="default", help="Which database (default: default).")
        parser.add_argument(
            "--no-input",
            "--noinput",
            action="store_false",
            dest="interactive",
            help="Do not ask for confirmation.",
        )

    def handle(self, *args, path: Path, database: str, interactive: bool, **options):
        try:
            backup.check_backup_file(path, alias=database)
            if interactive and not self.confirmed(path, database):
                raise CommandError("Restore cancelled.")
            backup.restore(path, alias=database)
            public_cache.clear()  # nothing cached from the archive as it was may be served
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Restored {path} into the {database} database."))

    def confirmed(self, path: Path, database: str) -> bool:
        answer = input(
            f"Everything the {database} database holds will be replaced by {path}.\n"
            "Type 'yes' to continue, or anything else to cancel: "
        )
        return answer.strip().lower() == "yes"
