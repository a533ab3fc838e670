"""The old name of ``bewaartermijnen_toepassen``, kept so that existing cron jobs keep working."""

from django.utils.translation import gettext as _

from koplopers.privacy.management.commands.bewaartermijnen_toepassen import Command as Bewaartermijnen


class Command(Bewaartermijnen):
    help = _("Oude naam van ‘bewaartermijnen_toepassen’; doet hetzelfde.")
