from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from selectie.services import concepten_opruimen


class Command(BaseCommand):
    help = _("Verwijdert concept-voordrachten 3 maanden na de sluiting van hun ronde (dagelijks draaien).")

    def handle(self, *args, **options):
        aantal = concepten_opruimen()
        self.stdout.write(_("%(aantal)d concepten verwijderd.") % {"aantal": aantal})
