from django.apps import AppConfig
from django.contrib.admin.apps import SimpleAdminConfig
from django.utils.translation import gettext_lazy as _


class KoplopersConfig(AppConfig):
    name = "koplopers"
    verbose_name = _("Koploperportaal")


class PortaalAdminConfig(SimpleAdminConfig):
    """Django's admin without autodiscovery (no GDAL for django-leaflet's admin), on the OTP admin site."""

    default_site = "koplopers.admin_site.PortaalAdminSite"
