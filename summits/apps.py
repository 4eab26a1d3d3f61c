from django.apps import AppConfig


class SummitsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "summits"
    verbose_name = "Summit archive"

    def ready(self):
        from . import signals  # noqa: F401 - connects the search-index receivers
