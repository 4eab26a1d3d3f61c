"""Import news articles about summits: ``manage.py import_article PATH [PATH ...]``, one after
the other in this process, or with ``--queue`` as import jobs for the workers."""

import argparse
import contextlib
import datetime as dt
import getpass
import json
import traceback
from collections import Counter
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from tqdm import tqdm
from tqdm.contrib.logging import logging_redirect_tqdm

from summits import ingest, services
from summits.models import is_web_url

STATUSES = (ingest.CREATED, ingest.UPDATED, ingest.UNCHANGED)
# What a directory's articles are called: plain text, web pages, wire SGML, mail, posts.
ARTICLE_SUFFIXES = {".txt", ".text", ".story", ".html", ".htm", ".xhtml", ".sgml", ".sgm", ".xml", ".eml"}


def iso_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        # argparse turns this into a usage error: one line and exit status 2, no traceback.
        raise argparse.ArgumentTypeError(f"{value!r} is not a date (YYYY-MM-DD)") from None


def web_url(value: str) -> str:
    if value and not is_web_url(value):
        raise argparse.ArgumentTypeError(f"{value!r} is not an http or https URL")
    return value


class Command(BaseCommand):
    help = (
        "Import article files (or every *.txt in a directory): extract who met whom, where and when, "
        "what they said and agreed, and write it into the archive, one transaction per article."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "paths",
            nargs="+",
            metavar="PATH",
            help="Article files (text, HTML, wire SGML, mail; any encoding) or directories of them.",
        )
        parser.add_argument("--published", type=iso_date, help="Publication date, YYYY-MM-DD.")
        parser.add_argument("--url", type=web_url, default="", help="Source URL of the article (http/https).")
        parser.add_argument("--title", default="", help="Title of the article.")
        parser.add_argument(
            "--publish",
            action="store_true",
            help="Publish the summits (default: drafts); readers still see only approved items.",
        )
        parser.add_argument(
            "--approve",
            action="store_true",
            help=(
                "Approve what the extraction finds without review (a demonstration, a trusted source); "
                "recorded in each item's history. Otherwise it waits for an editor."
            ),
        )
        parser.add_argument(
            "--update",
            action="store_true",
            help="Re-extract articles already imported and refresh what no editor has touched.",
        )
        parser.add_argument(
            "--allow-no-meeting",
            action="store_true",
            help=(
                "Import an article even where the extraction finds it reports no meeting between two "
                "or more parties (it is refused otherwise, with the reason)."
            ),
        )
        parser.add_argument("--dry-run", action="store_true", help="Extract and show; write nothing.")
        parser.add_argument(
            "--queue",
            action="store_true",
            help=(
                "Read and check the files, then queue one import job each for the workers "
                "(manage.py db_worker) and return; nothing is queued if any file cannot be imported."
            ),
        )
        parser.add_argument(
            "--format",
            choices=["text", "json"],
            default="text",
            help="json: with --dry-run the extraction (DESIGN.md's contract), otherwise a summary.",
        )

    def handle(self, *paths, **options):
        self.verbosity = options["verbosity"]
        if options["queue"]:
            return self.queue(options)
        files, failures = self.collect(options["paths"])
        attempted = len(files) + len(failures)
        counts = Counter()
        dumps = []
        refusals = []  # articles that report no meeting: not imported, like failures, but not errors
        bar = tqdm(
            files,
            file=self.stderr._out,
            unit="article",
            # a progress bar is for a person watching a terminal, not for a log or a pipe
            disable=len(files) < 2 or self.verbosity == 0 or not self.stderr.isatty(),
        )
        # Log records (one per article) go above the progress bar, not through it.
        with logging_redirect_tqdm() if not bar.disable else contextlib.nullcontext():
            for path in bar:
                self.import_and_say(path, options, counts, dumps, refusals, failures, bar)

        self.report(options, counts, dumps, refusals, failures)
        if failures or refusals:
            names = ", ".join(line.split(": ", 1)[0] for line in refusals + failures)
            raise CommandError(f"{len(refusals) + len(failures)} of {attempted} not imported: {names}")

    def import_and_say(
        self, path: Path, options: dict, counts: Counter, dumps: list, refusals: list, failures: list, bar
    ) -> None:
        """Import one file and say how it went; one broken article never stops the batch."""
        try:
            result = self.import_one(path, options, dumps, bar)
        except ingest.NoMeeting as exc:
            refusals.append(f"{path}: refused, {exc} (--allow-no-meeting imports it anyway)")
            self.error(refusals[-1], bar)
            return
        except ingest.ArticleRejected as exc:
            failures.append(f"{path}: {exc}")
            self.error(f"{path}: {exc}", bar)
            return
        except Exception as exc:
            if options["traceback"]:
                self.error(traceback.format_exc().rstrip(), bar)
            first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else "no message"
            if ingest.database_unavailable(exc):
                # The article's transaction was rolled back; the next one gets a new connection.
                reason = f"database unavailable: {first_line}"
                ingest.drop_connection()
            else:
                reason = f"{type(exc).__name__}: {first_line}"
            failures.append(f"{path}: failed ({reason})")
            self.error(failures[-1], bar)
            return
        if result is None:
            return
        counts[result.status] += 1
        dumps.append(
            {"path": str(path), "status": result.status, "summit": getattr(result.summit, "slug", None)}
        )
        if self.verbosity >= 2:
            self.say(f"{result.status}: {path} -> {result.summit} ({self.details(result)})", bar)
            if result.summit_match:
                self.say(f"  joined the summit: it {result.summit_match}", bar)

    def report(self, options: dict, counts: Counter, dumps: list, refusals: list, failures: list) -> None:
        """What the batch did: the extraction (a dry run in JSON), a JSON summary, or a line."""
        if options["dry_run"] and options["format"] == "json":
            single = len(options["paths"]) == 1 and len(dumps) == 1 and Path(options["paths"][0]).is_file()
            self.stdout.write(json.dumps(dumps[0] if single else dumps, ensure_ascii=False, indent=1))
        elif options["format"] == "json":  # what was imported, for scripts
            summary = {status: counts[status] for status in STATUSES}
            summary |= {"refused": len(refusals), "failed": len(failures), "articles": dumps}
            summary |= {"refusals": refusals, "errors": failures}
            self.stdout.write(json.dumps(summary, ensure_ascii=False, indent=1))
        elif self.verbosity >= 1:
            checked = len(dumps) - len(refusals) if options["dry_run"] else None
            self.summarise(counts, checked, len(refusals), len(failures))

    def import_one(self, path: Path, options: dict, dumps: list, bar) -> ingest.ImportResult | None:
        """Read, extract and (unless a dry run) write one article; None for a dry run."""
        try:
            source = ingest.read_article(path)
        except ingest.ArticleRejected as exc:
            if not options["dry_run"]:
                ingest.ImportLog(origin=str(path)).log_failure(exc)
            raise
        if options["dry_run"]:
            extraction = ingest.preview(source, published=options["published"])
            dumps.append(extraction.to_dict())  # the refusal, if any, is in it
            self.describe(path, extraction, options["format"], bar)
            ingest.check_meeting(extraction, allow_no_meeting=options["allow_no_meeting"])
            if options["format"] != "json" and self.verbosity >= 1:
                self.say(
                    f"  {ingest.where_it_would_go(source, extraction, published=options['published'])}", bar
                )
            return None
        return ingest.import_article(
            text=source,
            published=options["published"],
            url=options["url"],
            title=options["title"],
            publish=options["publish"],
            update=options["update"],
            allow_no_meeting=options["allow_no_meeting"],
            approve=options["approve"],
            provenance=ingest.Provenance(how=f"import by manage.py import_article ({getpass.getuser()})"),
            origin=str(path),
        )

    def queue(self, options: dict) -> None:
        """Queue a job per file, all or none: every file is read and checked first (as the import
        reads it), and one that cannot be imported leaves nothing queued."""
        if options["dry_run"]:
            raise CommandError("--queue and --dry-run cannot be given together: a dry run queues nothing.")
        files, failures = self.collect(options["paths"])
        attempted = len(files) + len(failures)
        how = f"import by manage.py import_article --queue ({getpass.getuser()})"
        queued = []
        with transaction.atomic():
            for path in files:
                try:
                    source = ingest.read_article(path)
                except ingest.ArticleRejected as exc:
                    failures.append(f"{path}: {exc}")
                    self.error(failures[-1])
                    continue
                if failures:
                    continue  # nothing will be queued; only the remaining files are checked
                job = services.queue_import(
                    source=source,
                    origin=str(path),
                    how=how,
                    published=options["published"],
                    url=options["url"],
                    title=options["title"],
                    publish=options["publish"],
                    approve=options["approve"],
                    update=options["update"],
                    allow_no_meeting=options["allow_no_meeting"],
                )
                queued.append({"path": str(path), "job": job.pk})
            if failures:
                transaction.set_rollback(True)
        if failures:
            raise CommandError(f"{len(failures)} of {attempted} cannot be imported; nothing was queued.")
        if options["format"] == "json":
            self.stdout.write(json.dumps({"queued": queued}, ensure_ascii=False, indent=1))
            return
        for entry in queued if self.verbosity >= 1 else ():
            self.stdout.write(f"{entry['path']}: queued as import job {entry['job']}")
        if self.verbosity >= 1:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Queued {len(queued)} import job{'s' if len(queued) != 1 else ''}. The workers "
                    "(manage.py db_worker) run them; editors follow them in the admin under Import jobs."
                )
            )

    def summarise(self, counts: Counter, checked: int | None, refused: int, failed: int) -> None:
        if checked is not None:
            line = (
                f"Dry run: {checked} would be imported, {refused} refused, {failed} failed; "
                "nothing was written."
            )
        else:
            done = ", ".join(f"{counts[status]} {status}" for status in STATUSES)
            line = f"Articles: {done}, {refused} refused, {failed} failed."
        ok = not failed and not refused
        self.stdout.write(self.style.SUCCESS(line) if ok else self.style.WARNING(line))

    def collect(self, arguments: list[str]) -> tuple[list[Path], list[str]]:
        """The article files to import, and a reason for each argument that gives none."""
        files, failures = [], []
        for argument in arguments:
            path = Path(argument)
            if path.is_dir():
                found = sorted(
                    p for p in path.iterdir() if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
                )
                if not found:
                    failures.append(f"{path}: no articles (*.txt, *.html, *.sgml...) in this directory")
                files.extend(found)
            elif path.exists():
                files.append(path)
            else:
                failures.append(f"{path}: no such file or directory")
        for failure in failures:
            self.error(failure)
        return files, failures

    def details(self, result: ingest.ImportResult) -> str:
        parts = [f"{result.added} items added"]
        if result.merged:
            parts.append(f"{result.merged} found in other reports (added to them as a source)")
        if result.duplicates_proposed:
            parts.append(f"{result.duplicates_proposed} probable duplicates proposed")
        if result.participants_proposed:
            parts.append(f"{result.participants_proposed} people proposed as another's spelling")
        if result.status == ingest.UPDATED:
            parts += [
                f"{result.refreshed} refreshed",
                f"{result.kept} edited kept",
                f"{result.skipped} rejected skipped",
                f"{result.removed} removed",
            ]
        return ", ".join(parts)

    def describe(self, path: Path, extraction, output_format: str, bar) -> None:
        if output_format == "json" or self.verbosity == 0:
            return
        found = extraction.summit
        where = ", ".join(filter(None, [found.location, found.country])) or "unknown place"
        when = found.date.isoformat() if found.date else (found.month or found.year or found.date_text)
        when = when or "unknown date"
        people = ", ".join(p.name for p in extraction.participants) or "nobody"
        self.say(
            f"{path}: {where}, {when}; {people}; {len(extraction.statements)} statements, "
            f"{len(extraction.agreements)} agreements",
            bar,
        )

    def say(self, message: str, bar=None) -> None:
        if bar is not None and not bar.disable:
            bar.write(message, file=self.stdout._out)
        else:
            self.stdout.write(message)

    def error(self, message: str, bar=None) -> None:
        if bar is not None and not bar.disable:
            bar.write(message, file=self.stderr._out)
        else:
            self.stderr.write(message)
