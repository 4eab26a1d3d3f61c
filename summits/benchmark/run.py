"""``make bench`` (``python -m summits.benchmark``): the site served as ``make serve`` serves it, on
generated archives of 2,000 and 20,000 summits in the local PostgreSQL, and the import beside
bare ``nlp.pipe``. Writes a markdown table to stdout and to ``bench-results/`` (with the JSON).

For each size: the database is prepared (``databases.prepare``: generated once, then reused);
the query pass counts each address's SQL queries and bytes (``site``); gunicorn starts with
2 workers, debug off, persistent connections and the static files collected, and each address
is loaded in turn (``driver``), the trivial view first. That is the cold run
(``DJANGO_PAGE_CACHE_SECONDS=0``); the warm run does the same with the page cache on, when the
site has one (a repeated request then costs fewer queries), and is skipped with a note otherwise.
Not a test: nothing is asserted (tests/test_benchmark.py checks that it runs).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import secrets
import subprocess
import sys
import time
from pathlib import Path

from ..processes import free_port, stop
from . import databases, driver, report
from .databases import ROOT

SIZES = (2_000, 20_000)
DATABASE_URL = "postgres://postgres@127.0.0.1:5432/summit_bench_{size}"
OUTPUT = ROOT / "bench-results"
STARTUP_SECONDS = 30
WARM_CACHE_SECONDS = 600


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def size_name(summits: int) -> str:
    """2000 → "2k", 20000 → "20k", 12 → "12"."""
    return f"{summits // 1000}k" if summits % 1000 == 0 else str(summits)


def site_env(args: argparse.Namespace, database_url: str, page_cache_seconds: int) -> dict[str, str]:
    """Production settings as ``make serve`` has them (debug off, persistent connections), with
    the trivial view mounted and the API throttle out of the way of the load."""
    inherited = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE_URL", "GUNICORN_", "SUMMITS_"))
    }
    return {
        **inherited,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "summits.benchmark.settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": args.secret_key,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "0",  # plain HTTP on loopback, as make serve on 127.0.0.1
        "DJANGO_CONN_MAX_AGE": str(args.conn_max_age),
        "DJANGO_API_ANON_RATE": "1000000/minute",  # counted still (a cache write per API request)
        "DJANGO_LOG_LEVEL": "ERROR",
        "SUMMITS_LOG_LEVEL": "WARNING",
        "DJANGO_PAGE_CACHE_SECONDS": str(page_cache_seconds),
        **({"DJANGO_STATIC_ROOT": str(args.static_root)} if args.static_root else {}),
        **dict(setting.split("=", 1) for setting in args.env),
    }


def query_pass(env: dict[str, str], seed: int, *, repeat: bool, only: str = "") -> dict:
    command = [sys.executable, "-m", "summits.benchmark.site", "--seed", str(seed)]
    command += (["--repeat"] if repeat else []) + (["--only", only] if only else [])
    output = subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True, text=True)
    return json.loads(output.stdout)


class Server:
    """gunicorn as ``make serve`` runs it, on a free port of the loopback."""

    def __init__(self, env: dict[str, str], workers: int):
        self.env, self.workers = env, workers
        self.base_url = f"http://127.0.0.1:{free_port()}"

    def __enter__(self) -> Server:
        gunicorn = Path(sys.executable).with_name("gunicorn")
        bind = self.base_url.removeprefix("http://")
        command = [str(gunicorn), "--config", "config/gunicorn.conf.py", "--workers", str(self.workers)]
        command += ["--bind", bind, "--access-logfile", "/dev/null", "--log-level", "warning", "config.wsgi"]
        self.process = subprocess.Popen(command, cwd=ROOT, env=self.env, stdout=subprocess.DEVNULL)
        deadline = time.monotonic() + STARTUP_SECONDS
        with driver.client(self.base_url, 1) as client:
            while time.monotonic() < deadline:
                if self.process.poll() is not None:
                    raise RuntimeError(f"gunicorn stopped (exit {self.process.returncode})")
                if not driver.get(client, "/bench/trivial/")[1]:
                    return self
                time.sleep(0.2)
        self.__exit__()
        raise RuntimeError(f"gunicorn did not answer within {STARTUP_SECONDS} s")

    def __exit__(self, *exc) -> None:
        stop(self.process)


def measure_pages(args: argparse.Namespace, env: dict[str, str], targets: list[dict]) -> list[dict]:
    """Each target loaded in turn on a fresh server; the trivial view first."""
    rows = []
    with Server(env, args.workers) as server, driver.client(server.base_url, args.concurrency) as client:
        for target in targets:
            load = driver.load(
                client,
                target["url"],
                requests=args.requests,
                concurrency=args.concurrency,
                max_seconds=args.max_seconds,
            )
            rows.append({**target, "load": load.as_dict()})
            p50, p99 = load.percentile(50) * 1000, load.percentile(99) * 1000
            errors = f"  {len(load.errors)} errors ({load.errors[0]})" if load.errors else ""
            say(
                f"  {target['key']:18} {load.throughput:7.1f} req/s  p50 {p50:8.1f} ms  p99 {p99:8.1f} ms  "
                f"{target['queries']:3} queries{errors}"
            )
    return rows


# Where a page cache shows first: a repeated request of the home page costs fewer queries.
CACHE_PROBE = "home"


def cache_is_on(cold: dict, probe: dict) -> bool:
    """Whether the home page, requested again with the page cache on, costs fewer queries than cold."""
    cold_queries = {t["key"]: t["queries"] for t in cold["targets"]}
    return all(t["queries"] < cold_queries[t["key"]] for t in probe["targets"])


def bench_size(args: argparse.Namespace, summits: int) -> list[dict]:
    url = args.database.format(size=size_name(summits))
    databases.prepare(url, summits, env=site_env(args, url, 0), seed=args.seed, say=say)
    runs = []
    cold_env = site_env(args, url, 0)
    cold = query_pass(cold_env, args.seed, repeat=False)
    say(f"{summits} summits, cold:")
    runs.append(
        {"summits": summits, "page_cache_seconds": 0, "pages": measure_pages(args, cold_env, cold["targets"])}
    )
    if args.no_warm:
        return runs
    warm_env = site_env(args, url, WARM_CACHE_SECONDS)
    if not cache_is_on(cold, query_pass(warm_env, args.seed, repeat=True, only=CACHE_PROBE)):
        note = (
            "Not measured: with `DJANGO_PAGE_CACHE_SECONDS` set, the home page requested again costs as "
            "many queries as the first time — this build has no page cache."
        )
        say(f"{summits} summits, warm: {note}")
        runs.append({"summits": summits, "page_cache_seconds": WARM_CACHE_SECONDS, "pages": [], "note": note})
        return runs
    say(f"{summits} summits, warm:")
    warm = query_pass(warm_env, args.seed, repeat=True)
    pages = measure_pages(args, warm_env, warm["targets"])
    runs.append({"summits": summits, "page_cache_seconds": WARM_CACHE_SECONDS, "pages": pages})
    return runs


def bench_import(args: argparse.Namespace) -> list[dict]:
    """The import into a new scratch database, the extraction and bare nlp.pipe, each in its own process."""
    url = args.database.format(size="import")
    database = databases.Database(url)
    database.drop()
    database.create()
    env = {**site_env(args, url, 0), "DJANGO_SETTINGS_MODULE": "config.settings"}
    databases.manage("migrate", "--no-input", env=env)
    runs = []
    for mode in ("pipe", "extract", "import"):
        command = [sys.executable, "-m", "summits.benchmark.importing", "--mode", mode]
        command += ["--texts", str(args.import_texts)]
        output = subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True, text=True)
        runs.append(json.loads(output.stdout))
        say(f"  {mode:8} {runs[-1]['per_second']:6.2f} articles/s, peak {runs[-1]['peak_mb']:.0f} MB")
    database.drop()
    return runs


def machine(database_url: str) -> dict:
    info = {
        "cpus": os.cpu_count(),
        "cpu": platform.processor() or platform.machine(),
        "ram_gb": os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024**3,
        "python": platform.python_version(),
        "postgresql": "SQLite",
        "load_before": os.getloadavg()[0],  # other work on the machine skews every figure
    }
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        names = [
            line.split(":", 1)[1].strip()
            for line in cpuinfo.read_text().splitlines()
            if line.startswith("model name")
        ]
        info["cpu"] = names[0] if names else info["cpu"]
    database = databases.Database(database_url)
    if database.postgresql:
        with database._connect("postgres") as connection:
            info["postgresql"] = "PostgreSQL " + connection.execute("SHOW server_version").fetchone()[0]
    return info


def commit() -> str:
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True).stdout.strip()

    sha = git("rev-parse", "--short", "HEAD") or "unknown"
    return sha + (
        " (with uncommitted changes)" if git("status", "--porcelain", "--untracked-files=no") else ""
    )


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", default=",".join(map(str, SIZES)), help="archive sizes in summits, comma-separated"
    )
    parser.add_argument(
        "--database",
        default=os.environ.get("BENCH_DATABASE_URL", DATABASE_URL),
        help="database URL, {size} standing for 2k, 20k... (and 'import' for the import's scratch database)",
    )
    parser.add_argument("--requests", type=int, default=40, help="requests per address (after a warm-up)")
    parser.add_argument(
        "--max-seconds", type=float, default=15, help="stop loading an address after this long"
    )
    parser.add_argument("--concurrency", type=int, default=2, help="requests in flight at once")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--conn-max-age", type=int, default=60, help="DJANGO_CONN_MAX_AGE of the server")
    parser.add_argument("--seed", type=int, default=0, help="generate_archive's seed")
    parser.add_argument(
        "--import-texts", type=int, default=50, help="articles for the import benchmark (0: skip)"
    )
    parser.add_argument("--no-warm", action="store_true", help="skip the warm (page cache) run")
    parser.add_argument(
        "--static-root", type=Path, help="where collectstatic puts the files (default: the settings')"
    )
    parser.add_argument("--output", type=Path, default=OUTPUT, help="directory for the results")
    parser.add_argument(
        "--env",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a setting for the server and the query pass (REDIS_URL=..., DJANGO_CONN_MAX_AGE=0); repeatable",
    )
    parser.add_argument(
        "--no-collectstatic",
        action="store_true",
        help="the static files are collected already (or debug is on)",
    )
    args = parser.parse_args(argv)
    args.secret_key = secrets.token_urlsafe(50)
    return args


def main(argv: list[str] | None = None) -> dict:
    args = parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",") if size.strip()]
    started = time.monotonic()
    if not args.no_collectstatic:
        say("Collecting the static files…")
        databases.manage("collectstatic", "--no-input", env=site_env(args, "sqlite://:memory:", 0))
    results = {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": commit(),
        "machine": machine(args.database.format(size="import")),
        "workers": args.workers,
        "concurrency": args.concurrency,
        "requests": args.requests,
        "max_seconds": args.max_seconds,
        "conn_max_age": args.conn_max_age,
        "runs": [run for summits in sizes for run in bench_size(args, summits)],
        "import": bench_import(args) if args.import_texts else [],
    }
    results["seconds"] = round(time.monotonic() - started)
    results["machine"]["load_after"] = os.getloadavg()[0]
    table = report.markdown(results)
    print(table)
    args.output.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    for name in (f"bench-{stamp}", "latest"):
        (args.output / f"{name}.md").write_text(table, encoding="utf-8")
        (args.output / f"{name}.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    say(f"Written to {args.output}/latest.md and bench-{stamp}.md (with .json) in {results['seconds']} s.")
    return results
