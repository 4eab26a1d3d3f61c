"""Back up and restore the whole archive — history included — with the database's own tools.

- PostgreSQL: ``pg_dump --format=custom`` of the configured database, restored with
  ``pg_restore --clean --if-exists --no-owner --single-transaction`` (a failed restore changes
  nothing). The password goes to the tools in ``PGPASSWORD``, never on their command line.
- SQLite: the online backup API (``sqlite3.Connection.backup``), page by page from the live
  database to a file and back; FTS5 tables and all travel with it.

A backup holds every table, so the edit history (the ``Historical*`` tables and their m2m
tables), the users and the search index come back exactly as they were.
"""

import datetime as dt
import os
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import connections

BACKUP_DIR = Path(settings.BASE_DIR) / "backups"
EXTENSIONS = {"postgresql": "dump", "sqlite": "sqlite3"}
# A restore must bring back an archive, not some other database of the same kind.
REQUIRED_TABLES = ("django_migrations", "summits_summit")
PG_DUMP_MAGIC = b"PGDMP"
SQLITE_MAGIC = b"SQLite format 3\x00"
# pg_dump/pg_restore of an archive of any size should not hang a terminal forever.
TOOL_TIMEOUT_SECONDS = 3600


class BackupError(Exception):
    """A backup or restore that cannot be done (wrong database, wrong file, a failing tool)."""


@dataclass(frozen=True)
class BackupFile:
    path: Path
    size: int


def vendor(alias: str = "default") -> str:
    name = connections[alias].vendor
    if name not in EXTENSIONS:
        raise BackupError(f"Backups support PostgreSQL and SQLite, not {name}.")
    return name


def default_path(alias: str = "default", *, now: dt.datetime | None = None) -> Path:
    """``backups/summit-archive-20261128T081500Z.dump`` (``.sqlite3`` on SQLite)."""
    stamp = (now or dt.datetime.now(dt.UTC)).strftime("%Y%m%dT%H%M%SZ")
    return BACKUP_DIR / f"summit-archive-{stamp}.{EXTENSIONS[vendor(alias)]}"


def backup(path: Path | None = None, *, alias: str = "default") -> BackupFile:
    """Write a backup of the database to ``path`` (the default path if None) and return it.

    The file appears only once complete: it is written beside its final name and renamed.
    """
    kind = vendor(alias)
    path = Path(path) if path else default_path(alias)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    try:
        if kind == "postgresql":
            _pg_dump(alias, partial)
        else:
            _sqlite_backup(alias, partial)
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return BackupFile(path=path, size=path.stat().st_size)


def restore(path: Path, *, alias: str = "default") -> None:
    """Replace the database's content by the backup at ``path``; refuse any other kind of file."""
    path = Path(path)
    kind = vendor(alias)
    check_backup_file(path, alias=alias)
    connection = connections[alias]
    if connection.in_atomic_block:
        raise BackupError("A restore cannot run inside a transaction.")
    if kind == "postgresql":
        # Our own idle connection must not hold locks that pg_restore's DROPs would wait for.
        connection.close()
        _pg_restore(alias, path)
    else:
        _sqlite_restore(alias, path)


def check_backup_file(path: Path, *, alias: str = "default") -> None:
    """Raise BackupError unless ``path`` is an archive backup this database can restore."""
    kind = vendor(alias)
    if not path.is_file():
        raise BackupError(f"No backup file at {path}.")
    with path.open("rb") as f:
        head = f.read(len(SQLITE_MAGIC))
    if kind == "postgresql":
        if not head.startswith(PG_DUMP_MAGIC):
            raise BackupError(
                f"{path} is not a PostgreSQL custom-format dump (made by `manage.py backup` on PostgreSQL)."
            )
        listing = _run_pg_tool("pg_restore", alias, ["--list", str(path)], with_database=False).stdout
        # "215; 1259 16390 TABLE public summits_summit postgres"
        tables = {
            line.split(" TABLE public ")[1].split()[0]
            for line in listing.splitlines()
            if " TABLE public " in line
        }
    else:
        if head != SQLITE_MAGIC:
            raise BackupError(f"{path} is not an SQLite database (made by `manage.py backup` on SQLite).")
        with _sqlite_read_only(path) as source:
            tables = {row[0] for row in source.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    missing = [table for table in REQUIRED_TABLES if table not in tables]
    if missing:
        raise BackupError(f"{path} is not a Summit Archive backup (no table {', '.join(missing)}).")


# --- PostgreSQL -----------------------------------------------------------------------------------


def _pg_dump(alias: str, path: Path) -> None:
    _run_pg_tool("pg_dump", alias, ["--format=custom", "--no-owner", "--file", str(path)])


def _pg_restore(alias: str, path: Path) -> None:
    _run_pg_tool(
        "pg_restore",
        alias,
        ["--clean", "--if-exists", "--no-owner", "--single-transaction", str(path)],
    )


def _run_pg_tool(
    tool: str, alias: str, arguments: list[str], *, with_database: bool = True
) -> subprocess.CompletedProcess:
    """Run pg_dump or pg_restore against the configured database; the password only in the environment."""
    db = connections[alias].settings_dict
    command = [tool]
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if db.get(key):
            command += [option, str(db[key])]
    if with_database:
        command += ["--dbname", db["NAME"]]
    env = os.environ.copy()
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    if db.get("OPTIONS", {}).get("sslmode"):
        env["PGSSLMODE"] = db["OPTIONS"]["sslmode"]
    try:
        result = subprocess.run(
            command + arguments,
            env=env,
            capture_output=True,
            text=True,
            timeout=TOOL_TIMEOUT_SECONDS,
            check=False,
        )
    except FileNotFoundError as error:
        raise BackupError(f"{tool} is not installed (it comes with the PostgreSQL client tools).") from error
    except subprocess.TimeoutExpired as error:
        raise BackupError(f"{tool} did not finish within {TOOL_TIMEOUT_SECONDS} seconds.") from error
    if result.returncode != 0:
        raise BackupError(f"{tool} failed: {result.stderr.strip()}")
    return result


# --- SQLite ---------------------------------------------------------------------------------------


def _sqlite_backup(alias: str, path: Path) -> None:
    connection = connections[alias]
    connection.ensure_connection()
    target = sqlite3.connect(path)
    try:
        connection.connection.backup(target)
    finally:
        target.close()


def _sqlite_restore(alias: str, path: Path) -> None:
    connection = connections[alias]
    connection.ensure_connection()
    with _sqlite_read_only(path) as source:
        # The backup API takes the live database's write lock: a web server reading it waits or
        # sees the restored archive, never a half-copied one.
        source.backup(connection.connection)


@contextmanager
def _sqlite_read_only(path: Path) -> Iterator[sqlite3.Connection]:
    """The backup file opened read-only (a restore never alters its backup)."""
    source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        yield source
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{path} cannot be read as an SQLite database: {error}") from error
    finally:
        source.close()
