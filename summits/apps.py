from django.apps import AppConfig


class SummitsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "summits"
    verbose_name = "Summit archive"
