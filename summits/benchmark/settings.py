"""The production settings, with the benchmark's trivial view added to the addresses; nothing else
differs, so the trivial view passes through the same middleware as every page."""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "summits.benchmark.urls"
