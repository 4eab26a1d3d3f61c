"""``make bench``: the public pages and the API served as in production on generated archives of
two sizes, and the import's throughput beside spaCy's bare ``nlp.pipe``.

- ``run``: the whole benchmark (``python -m summits.benchmark``): databases, server, load, report.
- ``databases``: a generated archive of the right size in its own database, made once, reused.
- ``site``: what is measured (the pages and their addresses in this archive) and each page's SQL
  queries and size, through the Django test client on the same database and settings.
- ``driver``: the load: concurrent requests (httpx in threads), latencies, throughput.
- ``importing``: the import's articles per second and peak memory, beside bare ``nlp.pipe``.
- ``report``: the markdown tables.
- ``settings``, ``urls``, ``views``: the served site is the production settings with one more
  address, a trivial view, mounted only for the benchmark.
"""
