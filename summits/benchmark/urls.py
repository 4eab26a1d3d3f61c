"""The site's addresses, and the trivial view at ``TRIVIAL_PATH`` (served by the benchmark only)."""

from django.urls import path

from config.urls import urlpatterns as site_urlpatterns

from .views import trivial

TRIVIAL_PATH = "bench/trivial/"

urlpatterns = [path(TRIVIAL_PATH, trivial, name="bench-trivial"), *site_urlpatterns]
