"""gunicorn's settings, for `make serve` and for a worker command of your own:

    gunicorn --config config/gunicorn.conf.py config.wsgi

GUNICORN_BIND      address to listen on (default 127.0.0.1:8000: only a proxy on this machine reaches it)
GUNICORN_WORKERS   worker processes (default 2 × cores + 1)
GUNICORN_TIMEOUT   seconds a request may take before its worker is restarted (default 60)
GUNICORN_GRACEFUL_TIMEOUT  seconds workers get to finish their requests on a restart or stop (default 30)
Options given on the command line win over these.
"""

import multiprocessing
import os

# Set explicitly: without it gunicorn would listen on 0.0.0.0 whenever a PORT variable is set.
bind = [os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")]
workers = int(os.environ.get("GUNICORN_WORKERS", 2 * multiprocessing.cpu_count() + 1))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
# One line per request on stdout; gunicorn's own messages and the site's logs go to stderr.
accesslog = "-"
