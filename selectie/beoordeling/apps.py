from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BeoordelingConfig(AppConfig):
    """Reviewing and selecting: assignments, conflicts, scores, aggregates, the selection decision.

    A sub-app of ``selectie`` with its own migrations, so that nominations and reviews evolve apart.
    """

    name = "selectie.beoordeling"
    label = "beoordeling"
    verbose_name = _("Beoordeling en selectie")

    def ready(self):
        from . import (
            admin,  # noqa: F401  (SimpleAdminConfig does not autodiscover)
            signalen,  # noqa: F401  (conflicts recorded when a nomination is submitted)
        )
