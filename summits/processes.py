"""Servers the benchmark, the load test and the tests start as child processes: a free port to
serve on, and a stop that cannot hang (no Django here; ``summits.loadtest`` imports it after
gevent's monkey-patching)."""

from __future__ import annotations

import socket
import subprocess

STOP_SECONDS = 30  # a server's grace to finish its requests before it is killed


def free_port() -> int:
    """A loopback port free right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def stop(process: subprocess.Popen) -> None:
    """Terminate ``process``, then kill it if it has not ended within STOP_SECONDS."""
    process.terminate()
    try:
        process.wait(timeout=STOP_SECONDS)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
