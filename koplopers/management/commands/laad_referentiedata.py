from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from gemeenten.services import koplopers_bekend_laden, referentiedata_laden
from kennisbank.services import kennisitems_laden
from selectie.referentiedata import deelname_volgens_bron_laden, rondes_laden

# Each app loads its own data; the project runs them in the order of the layers (see README, "Lagen").
LADERS = [referentiedata_laden, koplopers_bekend_laden, rondes_laden, deelname_volgens_bron_laden, kennisitems_laden]


class Command(BaseCommand):
    help = _("Laadt provincies, gemeenten, grenzen, vocabulaires, rondes en de bekende koplopers (idempotent).")

    def handle(self, *args, **options):
        for laden in LADERS:
            verslag = laden()
            for soort, aantal in sorted(verslag.aangemaakt.items()):
                self.stdout.write(_("%(aantal)d × %(soort)s aangemaakt") % {"aantal": aantal, "soort": soort})
            for soort, aantal in sorted(verslag.bijgewerkt.items()):
                self.stdout.write(_("%(aantal)d × %(soort)s bijgewerkt") % {"aantal": aantal, "soort": soort})
        # Cached pages follow a data fingerprint that an in-place rename does not change.
        cache.clear()
        # The search index with the pages and the vocabulary of the whole portal.
        call_command("zoekindex_bouwen", stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS(_("Referentiedata geladen.")))
