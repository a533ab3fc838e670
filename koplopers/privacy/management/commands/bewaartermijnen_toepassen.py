from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from koplopers.privacy.services import bewaartermijnen_toepassen

SOORTEN = {
    "concepten": _("concept-voordrachten"),
    "voordrachten": _("ingediende of ingetrokken voordrachten"),
    "bijlagen": _("bijlagen (bestanden)"),
    "beoordelingen": _("beoordelingen (met hun scores)"),
    "toewijzingen": _("toewijzingen"),
    "verklaringen": _("verklaringen van beoordelaars"),
    "belangenconflicten": _("belangenconflicten"),
    "auditregels": _("auditregels over beoordelen"),
    "accounts": _("accounts na 2 jaar zonder inloggen"),
    "geanonimiseerde_accounts": _("lege geanonimiseerde accounts"),
    "contactpersonen_in_versies": _("verwijderde contactpersonen uit profielversies"),
    "zelftests": _("bewaarde zelftests na 90 dagen"),
}


class Command(BaseCommand):
    help = _(
        "Past de bewaartermijnen van de privacyverklaring toe: verwijdert concepten, voordrachten met bijlagen, "
        "beoordelingen en accounts waarvan de termijn voorbij is (dagelijks draaien)."
    )

    def handle(self, *args, **options):
        verslag = bewaartermijnen_toepassen()
        for soort, aantal in verslag.items():
            self.stdout.write(
                _("%(soort)s: %(aantal)d verwijderd") % {"soort": SOORTEN.get(soort, soort), "aantal": aantal}
            )
        self.stdout.write(_("Totaal: %(aantal)d verwijderd.") % {"aantal": sum(verslag.values())})
