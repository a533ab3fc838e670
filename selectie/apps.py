from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SelectieConfig(AppConfig):
    name = "selectie"
    verbose_name = _("Rondes en selectie")

    def ready(self):
        from . import admin  # noqa: F401  (SimpleAdminConfig does not autodiscover)
