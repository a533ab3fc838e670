from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GemeentenConfig(AppConfig):
    name = "gemeenten"
    verbose_name = _("Gemeenten en koplopers")

    def ready(self):
        from . import (
            admin,  # noqa: F401  (SimpleAdminConfig does not autodiscover)
            signalen,
        )

        signalen.verbinden()  # every public write draws a new data version
