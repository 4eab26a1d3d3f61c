"""What a load test run measured, per endpoint, the table printed at its end and its verdict."""

import json
from dataclasses import asdict, dataclass, field, replace


@dataclass(frozen=True)
class EndpointFigures:
    """One endpoint's requests in a run; latencies in milliseconds."""

    name: str
    requests: int
    failures: int
    p50: float
    p95: float
    p99: float


@dataclass(frozen=True)
class RunFigures:
    """A whole run: its endpoints, their total, how long it took and what went wrong."""

    endpoints: list[EndpointFigures]
    total: EndpointFigures
    seconds: float
    requests_planned: int
    errors: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        """Every planned request was sent and answered with a 2xx or 3xx, nothing else went wrong."""
        return self.total.failures == 0 and self.total.requests == self.requests_planned and not self.errors

    def throughput(self, figures: EndpointFigures) -> float:
        """Requests per second over the whole run (an endpoint's share of the total)."""
        return figures.requests / self.seconds if self.seconds else 0.0

    def to_json(self) -> str:
        return json.dumps({**asdict(self), "passed": self.passed}, indent=2)


def failed_warm_up(run: RunFigures, warm_up: RunFigures) -> RunFigures:
    """The run, failed by what went wrong while warming up."""
    failures = (
        f"warm-up: {warm_up.total.requests} of {warm_up.requests_planned} requests sent, "
        f"{warm_up.total.failures} failed"
    )
    return replace(run, errors=[failures, *(f"warm-up: {error}" for error in warm_up.errors), *run.errors])


COLUMNS = ("endpoint", "requests", "failures", "p50 ms", "p95 ms", "p99 ms", "req/s")


def table(run: RunFigures) -> str:
    """The per-endpoint table, a total line under it, and the verdict."""
    rows = [COLUMNS] + [_row(run, figures) for figures in run.endpoints] + [_row(run, run.total)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(COLUMNS))]

    def line(row):
        return "  ".join(
            cell.ljust(width) if i == 0 else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(row, widths, strict=True))
        )

    rule = "-" * len(line(rows[0]))
    lines = [line(rows[0]), rule, *map(line, rows[1:-1]), rule, line(rows[-1])]
    lines.append(
        f"{run.total.requests} of {run.requests_planned} requests in {run.seconds:.1f} s, "
        f"{run.total.failures} failed: {'PASSED' if run.passed else 'FAILED'}"
    )
    lines += [f"  {error}" for error in run.errors]
    return "\n".join(lines)


def _row(run: RunFigures, figures: EndpointFigures) -> tuple[str, ...]:
    return (
        figures.name,
        str(figures.requests),
        str(figures.failures),
        f"{figures.p50:.0f}",
        f"{figures.p95:.0f}",
        f"{figures.p99:.0f}",
        f"{run.throughput(figures):.1f}",
    )
