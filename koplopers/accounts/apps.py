from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "koplopers.accounts"
    label = "accounts"
    verbose_name = _("Accounts en rollen")

    def ready(self):
        from . import admin, signals, throttle  # noqa: F401  (admin: SimpleAdminConfig does not autodiscover)
