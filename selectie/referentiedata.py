"""The historical rounds of the programme and which known koplopers took part in them (reference data).

Runs after ``gemeenten.services.koplopers_bekend_laden``: that keeps the public source's words about a
koploper's round in ``Koploper.deelname_volgens_bron``; here the words that name a round we know become a
``Deelname`` (source: openbare bron). Idempotent.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.db import transaction

from gemeenten.models import Koploper
from gemeenten.services import Laadverslag

from .models import Deelname, Ronde

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

# The rounds as the public sources describe them (DOMAIN.md, "Rounds").
RONDES = [
    {
        "slug": "koplopers-i-2017",
        "naam": "Koplopers I (2017)",
        "jaar": 2017,
        "sluit_op": None,
        "toelichting": "Eerste ronde: 14 koplopers gekozen uit een longlist; start eind september 2017, "
        "slotbijeenkomst voorjaar 2018.",
    },
    {
        "slug": "koplopers-ii-2019",
        "naam": "Koplopers II – oproep 2019",
        "jaar": 2019,
        "sluit_op": datetime(2019, 10, 24, 23, 59, tzinfo=AMSTERDAM),
        "toelichting": "Oproep van Koplopers II die sloot op 24 oktober 2019.",
    },
    {
        "slug": "koplopers-ii-2020",
        "naam": "Koplopers II – oproep 2020",
        "jaar": 2020,
        "sluit_op": datetime(2020, 3, 13, 23, 59, tzinfo=AMSTERDAM),
        "toelichting": "Oproep van Koplopers II die sloot op 13 maart 2020.",
    },
    {
        "slug": "koplopers-ii-2021",
        "naam": "Koplopers II – oproep 2021",
        "jaar": 2021,
        "sluit_op": datetime(2021, 2, 7, 23, 59, tzinfo=AMSTERDAM),
        "toelichting": "Laatste oproep van Koplopers II, die sloot op 7 februari 2021.",
    },
]

# What the source's round text means, where it names a round we know.
RONDE_VOLGENS_BRON = {
    "2017 eerste ronde": "koplopers-i-2017",
    "ronde 2020-2021": "koplopers-ii-2020",
}


@transaction.atomic
def rondes_laden() -> Laadverslag:
    """Load the historical rounds (published). Idempotent: run twice, same rows."""
    verslag = Laadverslag()
    for ronde in RONDES:
        _, nieuw = Ronde.objects.update_or_create(
            slug=ronde["slug"],
            defaults={**{k: v for k, v in ronde.items() if k != "slug"}, "status": Ronde.Status.GEPUBLICEERD},
        )
        verslag.tel("ronde", nieuw)
    return verslag


@transaction.atomic
def deelname_volgens_bron_laden() -> Laadverslag:
    """Add the round of each known koploper whose source names one (``deelname_volgens_bron``). Idempotent."""
    verslag = Laadverslag()
    rondes = {ronde.slug: ronde for ronde in Ronde.objects.filter(slug__in=RONDE_VOLGENS_BRON.values())}
    for koploper in Koploper.objects.exclude(deelname_volgens_bron="").only("pk", "deelname_volgens_bron"):
        for sleutel, ronde_slug in RONDE_VOLGENS_BRON.items():
            if koploper.deelname_volgens_bron.startswith(sleutel) and ronde_slug in rondes:
                _, nieuw = Deelname.objects.get_or_create(
                    ronde=rondes[ronde_slug], koploper=koploper, defaults={"bron": Deelname.Bron.OPENBARE_BRON}
                )
                verslag.tel("deelname", nieuw)
    return verslag
