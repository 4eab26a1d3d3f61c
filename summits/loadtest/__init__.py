"""The bounded load test (`make loadtest`, `python -m summits.loadtest --help`): the site served as
`make serve` serves it, on loopback, sent a fixed number of requests over its main pages and the
API by locust; any error response fails the run. See docs/benchmarks.md, "Load test".

`report` holds the table and the verdict and imports nothing heavy; `traffic` drives locust (it
imports gevent, which patches the standard library: only `__main__` imports it).
"""
