"""A generated archive of the right size in a database of its own: made once, reused after.

A benchmark database is found by its URL (``postgres://.../summit_bench_2k`` by default; a
``sqlite:///path`` file works too, for a quick run). It is migrated on every run (new indexes
apply), reused when it holds exactly the generated summits asked for, and otherwise dropped and
generated again — unless it holds a real article: then the benchmark stops and touches nothing.
"""

from __future__ import annotations

import io
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import dj_database_url
import psycopg
from psycopg import sql

ROOT = Path(__file__).resolve().parents[2]


# summits.generate.GENERATED, the mark of a generated article (this module runs without Django).
GENERATED = "generated"


class NotABenchDatabase(Exception):
    """The database holds real articles: the benchmark will not drop or fill it."""


@dataclass(frozen=True)
class Contents:
    summits: int = 0
    generated: int = 0  # generated articles
    real: int = 0  # any other article


def manage(*args: str, env: dict[str, str], quiet: bool = True) -> None:
    """Run ``manage.py`` with ``args`` in ``env``; its output shown on stderr unless ``quiet``
    (stdout is the benchmark's table)."""
    if quiet:
        subprocess.run(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
        )
        return
    try:
        shown = sys.stderr.fileno()  # as it goes
    except (AttributeError, io.UnsupportedOperation):  # stderr is no file (a test captures it)
        shown = subprocess.PIPE
    done = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=shown, text=True
    )
    if done.stdout:
        sys.stderr.write(done.stdout)


class Database:
    """One benchmark database, PostgreSQL or SQLite, by its URL."""

    def __init__(self, url: str):
        self.url = url
        self.config = dj_database_url.parse(url)
        self.name = self.config["NAME"]
        self.postgresql = "postgresql" in self.config["ENGINE"]

    # --- PostgreSQL ---

    def _connect(self, dbname: str) -> psycopg.Connection:
        return psycopg.connect(
            dbname=dbname,
            user=self.config.get("USER") or None,
            password=self.config.get("PASSWORD") or None,
            host=self.config.get("HOST") or None,
            port=self.config.get("PORT") or None,
            autocommit=True,
        )

    def exists(self) -> bool:
        if not self.postgresql:
            return Path(self.name).exists()
        with self._connect("postgres") as connection:
            return (
                connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [self.name]).fetchone()
                is not None
            )

    def create(self) -> None:
        if self.postgresql:
            with self._connect("postgres") as connection:
                connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(self.name)))

    def drop(self) -> None:
        if not self.postgresql:
            Path(self.name).unlink(missing_ok=True)
            return
        with self._connect("postgres") as connection:
            connection.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(self.name))
            )

    def contents(self) -> Contents:
        """What the (migrated) database holds."""
        queries = (
            "SELECT count(*) FROM summits_summit",
            f"SELECT count(*) FROM summits_article WHERE source_format = '{GENERATED}'",
            f"SELECT count(*) FROM summits_article WHERE source_format <> '{GENERATED}'",
        )
        if self.postgresql:
            with self._connect(self.name) as connection:
                return Contents(*(connection.execute(q).fetchone()[0] for q in queries))
        with sqlite3.connect(self.name) as connection:
            return Contents(*(connection.execute(q).fetchone()[0] for q in queries))


def prepare(url: str, summits: int, *, env: dict[str, str], seed: int, say: Callable[[str], None]) -> bool:
    """A migrated database at ``url`` holding exactly ``summits`` generated summits; returns
    whether they were generated now (False: reused)."""
    database = Database(url)
    if not database.exists():
        database.create()
    env = {**env, "DATABASE_URL": url}
    manage("migrate", "--no-input", env=env)
    contents = database.contents()
    if contents.real:
        raise NotABenchDatabase(
            f"{database.name} holds {contents.real} real article(s): choose another database"
        )
    if contents == Contents(summits, summits, 0):
        say(f"{database.name}: reusing its {summits} generated summits")
        return False
    if contents.summits:
        say(f"{database.name}: holds {contents.summits} summits, not {summits}: dropping it")
        database.drop()
        database.create()
        manage("migrate", "--no-input", env=env)
    say(f"{database.name}: generating {summits} summits (once; later runs reuse them)")
    manage("generate_archive", "--summits", str(summits), "--seed", str(seed), env=env, quiet=False)
    return True
