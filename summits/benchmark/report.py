"""The benchmark's results as markdown tables."""

from __future__ import annotations

import math

IMPORT_RUNS = {
    "pipe": "spaCy's bare `nlp.pipe`",
    "extract": "the extraction (`extract_many`)",
    "import": "the import (`import_article`, one by one)",
}


def ms(seconds: float | None) -> str:
    """Milliseconds, to a tenth below 10 ms."""
    if seconds is None or math.isnan(seconds):
        return "–"
    return f"{seconds * 1000:.0f}" if seconds >= 0.01 else f"{seconds * 1000:.1f}"


def ratio(value: float) -> str:
    if not value or math.isnan(value):
        return "–"
    return f"{value:.1f}×" if value < 100 else f"{value:.0f}×"


def kb(size: int) -> str:
    return f"{size / 1024:.1f}" if size < 10 * 1024 else f"{size / 1024:.0f}"


def row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def pages_table(rows: list[dict]) -> list[str]:
    """One row per address: its cost in queries and bytes, and its load (``run.measure_pages``)."""
    trivial = next(r for r in rows if r["key"] == "trivial")["load"]
    header = ["page", "queries", "KB", "alone ms", "req/s", "p50 ms", "p95 ms", "p99 ms"]
    header += ["p50 ÷ trivial", "req/s ÷ trivial", "requests (errors)"]
    lines = [row(header), "|---" + "|--:" * (len(header) - 1) + "|"]
    for page in rows:
        load = page["load"]
        share = load["throughput"] / trivial["throughput"] if trivial["throughput"] else float("nan")
        cells = [
            f"{page['label']} <br>`{page['url']}`",
            str(page["queries"]),
            kb(page["bytes"]),
            ms(page["seconds"]),
        ]
        cells += [f"{load['throughput']:.1f}", ms(load["p50"]), ms(load["p95"]), ms(load["p99"])]
        cells += [
            ratio(load["p50"] / trivial["p50"]),
            f"{share:.2f}",
            f"{load['requests']} ({load['errors']})",
        ]
        lines.append(row(cells))
    return lines


def growth_table(small: dict, large: dict) -> list[str]:
    """How each page's figures grow from the smaller archive to the larger."""
    a_n, b_n = f"{small['summits']:,}", f"{large['summits']:,}"
    header = ["page", f"p50 ms at {a_n}", f"at {b_n}", "×", f"p95 ms at {a_n}", f"at {b_n}", "×"]
    header += ["queries", "KB"]
    lines = [row(header), "|---" + "|--:" * (len(header) - 1) + "|"]
    before = {page["key"]: page for page in small["pages"]}
    for page in large["pages"]:
        old = before.get(page["key"])
        if old is None:
            continue
        a, b = old["load"], page["load"]
        cells = [page["key"], ms(a["p50"]), ms(b["p50"]), ratio(b["p50"] / a["p50"])]
        cells += [ms(a["p95"]), ms(b["p95"]), ratio(b["p95"] / a["p95"])]
        cells += [f"{old['queries']} → {page['queries']}", f"{kb(old['bytes'])} → {kb(page['bytes'])}"]
        lines.append(row(cells))
    return lines


def import_table(runs: list[dict]) -> list[str]:
    bare = next((run for run in runs if run["mode"] == "pipe"), None)
    header = ["run", "articles", "seconds", "articles/s", "÷ bare nlp.pipe", "peak memory MB", "failed"]
    lines = [row(header), "|---" + "|--:" * (len(header) - 1) + "|"]
    for run in runs:
        share = run["per_second"] / bare["per_second"] if bare else float("nan")
        cells = [IMPORT_RUNS[run["mode"]], str(run["articles"]), f"{run['seconds']:.1f}"]
        cells += [f"{run['per_second']:.2f}", f"{share:.2f}", f"{run['peak_mb']:.0f}", str(run["failed"])]
        lines.append(row(cells))
    return lines


def markdown(results: dict) -> str:
    machine = results["machine"]
    out = [
        f"# Pages at scale — `make bench`, {results['date']}, commit {results['commit']}",
        "",
        f"Machine: {machine['cpus']} CPUs ({machine['cpu']}), {machine['ram_gb']:.0f} GB RAM, "
        f"{machine['postgresql']}, Python {machine['python']}. Server: gunicorn, {results['workers']} "
        f"workers, debug off, `DJANGO_CONN_MAX_AGE={results['conn_max_age']}`; load: "
        f"{results['concurrency']} requests at a time, up to {results['requests']} per address or "
        f"{results['max_seconds']:.0f} s. The whole run took {results['seconds']} s; the machine's load "
        f"average (1 min) was {machine['load_before']:.1f} before it and {machine['load_after']:.1f} after.",
    ]
    out += [
        "",
        "Columns: *queries* and *KB* per request, and *alone*, the time of one request by itself, from "
        "the query pass (the Django test client on the same database and settings); *req/s* and "
        "*p50/p95/p99* under the load, through gunicorn; *p50 ÷ trivial* is the page's median latency "
        "over the trivial view's, *req/s ÷ trivial* its throughput over the trivial view's. A request "
        "that failed (gunicorn's 60 s timeout, an error status) counts under *errors*, not in the latencies. "
        "An address whose first request takes longer than the time allowed per address is measured by "
        "that one request alone.",
    ]
    for run in results["runs"]:
        mode = "warm (page cache on)" if run["page_cache_seconds"] else "cold (page cache off)"
        out += ["", f"## {run['summits']:,} summits, {mode}", ""]
        if run.get("note"):
            out += [run["note"], ""]
        if run["pages"]:
            out += pages_table(run["pages"])
    cold = [run for run in results["runs"] if not run["page_cache_seconds"] and run["pages"]]
    if len(cold) >= 2:
        out += ["", f"## Growth, cold: {cold[0]['summits']:,} → {cold[-1]['summits']:,} summits", ""]
        out += growth_table(cold[0], cold[-1])
    if results.get("import"):
        out += ["", "## Import beside bare nlp.pipe (the same texts)", ""]
        out += import_table(results["import"])
    return "\n".join(out) + "\n"
