"""``make run``'s server: Django's development server and an import worker beside it.

    manage.py runserver_with_worker [ADDRPORT]

Both run as child processes, each in a process group of its own, so that the terminal's Ctrl-C
reaches this command alone and it stops them in order; SIGTERM does the same, and either one
stopping stops the other. The server's group (runserver and the process its autoreloader
runs) is sent SIGTERM. The worker is asked once to stop (SIGTERM): it finishes the job it is
running (an interrupted import leaves nothing written, but its job would stay "running") and
exits; a second Ctrl-C stops it at once. The worker does not reload when the code changes
(runserver does): restart after editing the import code.
"""

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

# How often the command looks whether one of its two processes has stopped.
POLL_SECONDS = 0.5


class Command(BaseCommand):
    help = "Run the development server and an import worker beside it; Ctrl-C stops both."

    def add_arguments(self, parser):
        parser.add_argument(
            "addrport", nargs="?", default="127.0.0.1:8000", help="Address and port to serve."
        )

    def handle(self, *args, addrport: str, **options):
        manage = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py")]
        # SIGTERM, as a process manager stops make, is handled as Ctrl-C is.
        signal.signal(signal.SIGTERM, _interrupt)
        # Neither reads the terminal: in a background process group, touching it would stop them.
        alone = {"process_group": 0, "stdin": subprocess.DEVNULL}
        worker = subprocess.Popen([*manage, "db_worker", "--no-reload"], **alone)
        self.stdout.write(f"Import worker started (process {worker.pid}).")
        server = subprocess.Popen([*manage, "runserver", addrport], **alone)
        interrupted = False
        try:
            while server.poll() is None and worker.poll() is None:
                time.sleep(POLL_SECONDS)
        except KeyboardInterrupt:
            interrupted = True
        finally:
            worker_stopped_first = worker.poll() is not None
            # both asked at once, then waited for
            with contextlib.suppress(ProcessLookupError):
                os.killpg(server.pid, signal.SIGTERM)
            if worker.poll() is None:
                self.stdout.write(
                    "Stopping the import worker: it finishes its job first (Ctrl-C again: now)…"
                )
                worker.terminate()
            self.wait_for_server(server)
            self.wait_for_worker(worker)
        if interrupted:
            return
        if worker_stopped_first:
            raise CommandError(
                f"The import worker stopped (exit status {worker.returncode}); so did the server."
            )
        if server.returncode:
            raise CommandError(f"The development server stopped (exit status {server.returncode}).")

    def wait_for_server(self, server: subprocess.Popen) -> None:
        with contextlib.suppress(subprocess.TimeoutExpired):
            server.wait(timeout=10)
        with contextlib.suppress(ProcessLookupError):  # whatever of its group is left
            os.killpg(server.pid, signal.SIGKILL)
        server.wait()

    def wait_for_worker(self, worker: subprocess.Popen) -> None:
        try:
            worker.wait()
        except KeyboardInterrupt:
            worker.terminate()  # the worker takes a second signal as "stop now"
            worker.wait()


def _interrupt(signum, frame):
    raise KeyboardInterrupt
