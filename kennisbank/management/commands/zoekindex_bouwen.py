"""Rebuild the portal search index from every public koploper, knowledge item, article and page."""

import time

from django.core.management.base import BaseCommand

from kennisbank.zoeken.index import alles_indexeren


class Command(BaseCommand):
    help = "Bouwt de zoekindex van het portaal opnieuw op (koplopers, kennisbank, etalage, pagina's)."

    def handle(self, *args, **options):
        begin = time.perf_counter()
        verslag = alles_indexeren()
        self.stdout.write(
            f"Zoekindex gebouwd in {time.perf_counter() - begin:.1f} s: {verslag.koplopers} koplopers, "
            f"{verslag.kennisitems} kennisproducten, {verslag.etalageartikelen} etalage-artikelen, "
            f"{verslag.paginas} pagina's."
        )
