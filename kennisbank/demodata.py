"""Illustrative showcase articles for `make run`. Clearly labelled as example text on every page."""

import datetime

from django.db import transaction

from gemeenten.models import Koploper

from .models import Etalageartikel
from .services import etalageartikel_opslaan

VOORBEELDEN = [
    {
        "koploper": "almere",
        "vorm": Etalageartikel.Vorm.INTERVIEW,
        "titel": "Voorbeeld: in gesprek over cliëntondersteuning in {naam}",
        "inleiding": "Dit is een voorbeeld van een etalageartikel. Het laat zien hoe een interview met een "
        "koploper eruitziet. De tekst is verzonnen.",
    },
    {
        "koploper": "vught",
        "vorm": Etalageartikel.Vorm.ARTIKEL,
        "titel": "Voorbeeld: zo maakt {naam} cliëntondersteuning bekend",
        "inleiding": "Dit is een voorbeeld van een etalageartikel in de vorm van een artikel. De tekst is verzonnen.",
    },
    {
        "koploper": "regio-twente",
        "vorm": Etalageartikel.Vorm.VIDEO,
        "titel": "Voorbeeld: een video over samenwerken in {naam}",
        "inleiding": "Dit is een voorbeeld van een etalageartikel met een video. De link en de tekst zijn verzonnen.",
        "video_url": "https://video.example/koploperproject-voorbeeld",
    },
]

VOORBEELD_INHOUD = (
    "<p>Hier staat in een echt etalageartikel het verhaal van de koploper: hoe de gemeente de "
    "onafhankelijke cliëntondersteuning heeft georganiseerd, wat goed ging en wat lastig was.</p>"
)
VOORBEELD_ADVIESRAAD = "<p>Hier vertelt in een echt artikel de adviesraad sociaal domein hoe zij het zien.</p>"
VOORBEELD_INWONERS = "<p>Hier vertellen in een echt artikel inwoners wat cliëntondersteuning voor hen betekent.</p>"


@transaction.atomic
def demo_etalage_laden() -> int:
    """Create up to three example showcase articles (is_voorbeeldtekst) for known koplopers. Idempotent."""
    aantal = 0
    vandaag = datetime.date.today().replace(day=1)
    for index, voorbeeld in enumerate(VOORBEELDEN):
        koploper = Koploper.objects.filter(slug=voorbeeld["koploper"]).first()
        slug = f"voorbeeld-{voorbeeld['koploper']}"
        if koploper is None or Etalageartikel.objects.filter(slug=slug).exists():
            continue
        maand = (vandaag - datetime.timedelta(days=31 * index)).replace(day=1)
        etalageartikel_opslaan(
            artikel=Etalageartikel(
                slug=slug,
                titel=voorbeeld["titel"].format(naam=koploper.naam),
                koploper=koploper,
                vorm=voorbeeld["vorm"],
                maand=maand,
                inleiding=voorbeeld["inleiding"],
                inhoud=VOORBEELD_INHOUD,
                video_url=voorbeeld.get("video_url", ""),
                visie_adviesraad=VOORBEELD_ADVIESRAAD,
                visie_inwoners=VOORBEELD_INWONERS,
                is_voorbeeldtekst=True,
            )
        )
        aantal += 1
    return aantal
