from django.apps import AppConfig
from django.contrib.admin.apps import SimpleAdminConfig
from django.utils.translation import gettext_lazy as _


class KoplopersConfig(AppConfig):
    default = True  # this module also holds (and imports) admin configs
    name = "koplopers"
    default = True  # apps.py also holds PortaalAdminConfig: without this, ready() never ran
    verbose_name = _("Koploperportaal")

    def ready(self):
        from PIL import Image

        from .bestanden import MAX_AFBEELDING_PIXELS

        # Above this Pillow warns (the upload check turns that into a refusal), above twice this it refuses.
        Image.MAX_IMAGE_PIXELS = MAX_AFBEELDING_PIXELS


class PortaalAdminConfig(SimpleAdminConfig):
    """Django's admin without autodiscovery (no GDAL for django-leaflet's admin), on the OTP admin site."""

    default = False
    default_site = "koplopers.admin_site.PortaalAdminSite"
