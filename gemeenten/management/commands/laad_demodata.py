from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from gemeenten.demodata import demoprofielen_laden


class Command(BaseCommand):
    help = _("Laadt demo-profielen (duidelijk gemarkeerd als voorbeeldtekst). Niet in productie.")

    def handle(self, *args, **options):
        if not getattr(settings, "DEMO_DATA_ALLOWED", False):
            raise CommandError(_("Demodata laden is uitgeschakeld in deze omgeving."))
        aantal = demoprofielen_laden()
        self.stdout.write(self.style.SUCCESS(_("%(aantal)d demo-profielen bijgewerkt.") % {"aantal": aantal}))
