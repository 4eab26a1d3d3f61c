"""Log records as JSON lines: one object per record, for a log collector to read.

``settings.LOGGING`` selects :class:`JSONFormatter` when ``DJANGO_LOG_FORMAT=json`` (the default
with debug off). A record's ``extra`` fields become keys of its object::

    logger.info("article imported", extra={"event": "article_imported", "sha256": "…"})
    {"timestamp": "2026-11-28T08:10:35.120+00:00", "level": "INFO", "logger": "summits.ingest",
     "message": "article imported", "event": "article_imported", "sha256": "…"}
"""

import datetime as dt
import json
import logging

# What every LogRecord carries; anything else on a record came in through ``extra``.
RECORD_ATTRIBUTES = frozenset(logging.LogRecord("", 0, "", 0, "", (), None).__dict__) | {
    "message",
    "asctime",
    "taskName",  # Python 3.12
}


class JSONFormatter(logging.Formatter):
    """One JSON object per line: timestamp, level, logger, message, the extra fields and, for a
    record with an exception, the traceback as one string (its line breaks escaped)."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "timestamp": dt.datetime.fromtimestamp(record.created, tz=dt.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key, value in record.__dict__.items():
            if key not in RECORD_ATTRIBUTES and key not in entry:
                entry[key] = value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)
