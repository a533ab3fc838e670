from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KennisbankConfig(AppConfig):
    name = "kennisbank"
    verbose_name = _("Kennisbank")

    def ready(self):
        from . import admin  # noqa: F401  (SimpleAdminConfig does not autodiscover)
        from .zoeken import signalen  # noqa: F401  (keeps the search index current)
