from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    """Personal data as the privacy statement promises: retention, one's own data, deletion requests."""

    name = "koplopers.privacy"
    label = "privacy"
    verbose_name = _("Privacy en bewaartermijnen")

    def ready(self):
        from . import admin  # noqa: F401  (SimpleAdminConfig does not autodiscover)
