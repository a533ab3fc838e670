from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PostConfig(AppConfig):
    name = "koplopers.post"
    label = "post"
    verbose_name = _("Uitgaande e-mail")

    def ready(self):
        from . import admin  # noqa: F401  (SimpleAdminConfig does not autodiscover)
