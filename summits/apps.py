from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class SummitsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "summits"
    verbose_name = "Summit archive"

    def ready(self):
        from . import public_cache, signals  # noqa: F401 - connect the search-index and cache receivers


class SummitsAdminConfig(admin_apps.AdminConfig):
    """Django's admin app with the editors' site (installed in its place in INSTALLED_APPS)."""

    default = False  # SummitsConfig stays this module's default app config

    default_site = "summits.admin_site.SummitAdminSite"
