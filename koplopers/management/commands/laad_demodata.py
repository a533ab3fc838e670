from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from gemeenten.demodata import demo_ambtenaren_koppelen, demoprofielen_laden
from kennisbank.demodata import demo_etalage_laden
from koplopers.accounts.demodata import DEMO_WACHTWOORD, demo_accounts_laden, demo_totp_geheim
from selectie.demodata import demo_ronde_laden


class Command(BaseCommand):
    help = _("Laadt demo-profielen (duidelijk gemarkeerd als voorbeeldtekst). Niet in productie.")

    def handle(self, *args, **options):
        if not getattr(settings, "DEMO_DATA_ALLOWED", False):
            raise CommandError(_("Demodata laden is uitgeschakeld in deze omgeving."))
        aantal = demoprofielen_laden()
        self.stdout.write(self.style.SUCCESS(_("%(aantal)d demo-profielen bijgewerkt.") % {"aantal": aantal}))
        self._accounts_melden(demo_accounts_laden())
        demo_ambtenaren_koppelen()
        etalage = demo_etalage_laden()
        self.stdout.write(self.style.SUCCESS(_("%(aantal)d demo-etalageartikelen.") % {"aantal": etalage}))
        ronde = demo_ronde_laden()
        self.stdout.write(self.style.SUCCESS(_("Demoronde: %(ronde)s") % {"ronde": ronde}))

    def _accounts_melden(self, accounts):
        self.stdout.write(
            _("Demo-accounts (wachtwoord voor allemaal: %(wachtwoord)s):") % {"wachtwoord": DEMO_WACHTWOORD}
        )
        for account in accounts:
            totp = _(" (tweestapsverificatie)") if account.met_totp else ""
            self.stdout.write(f"  {account.gebruikersnaam:<24} {account.rol}{totp}")
        geheim = demo_totp_geheim()
        self.stdout.write(
            _(
                "TOTP-geheim van de beoordelaars en het programmabureau: %(geheim)s (otpauth://totp/Koploperportaal:demo?secret=%(geheim)s&issuer=Koploperportaal)"
            )
            % {"geheim": geheim}
        )
