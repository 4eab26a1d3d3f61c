"""The static files' storage with debug off: whitenoise's hashed names and gzip copies, no brotli.

whitenoise also writes a brotli copy of every file whenever the brotli package can be imported.
brotli arrives only with the load test's locust (through geventhttpclient), and compressing with
it made `collectstatic`, which every `make serve` runs, several times slower. The site serves
gzip copies, as before locust came; this keeps it so whatever else is installed.
"""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class GzipManifestStaticFilesStorage(CompressedManifestStaticFilesStorage):
    def create_compressor(self, **kwargs):
        return super().create_compressor(use_brotli=False, **kwargs)
