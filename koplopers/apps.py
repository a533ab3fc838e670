from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KoplopersConfig(AppConfig):
    name = "koplopers"
    verbose_name = _("Koploperportaal")
