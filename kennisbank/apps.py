from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KennisbankConfig(AppConfig):
    name = "kennisbank"
    verbose_name = _("Kennisbank")

    def ready(self):
        from . import (
            admin,  # noqa: F401  (SimpleAdminConfig does not autodiscover)
            signalen,  # noqa: F401  (a write draws a new public data version)
        )
        from .zoeken import signalen as zoeken_signalen  # noqa: F401  (keeps the search index current)
