"""Writes for the knowledge base and the showcase: sanitise, derive the search columns, validate, save."""

from django.core.cache import cache
from django.db import transaction
from django.utils.text import slugify

from gemeenten.models import Koploper
from gemeenten.services import Laadverslag
from koplopers.html import schoon_html

from .models import Etalageartikel, Kennisitem, Uitgever
from .tekst import platte_tekst

# A copy of PostgreSQL's "dutch" configuration that also removes diacritics (migration 0002).
FACTSHEET_SLEUTEL = "kennisbank:factsheet:v1"
FILTERKEUZES_SLEUTEL = "kennisbank:filterkeuzes:v1"


def factsheet_vergeten() -> None:
    """Drop the cached factsheet figures, so the next visitor sees the new numbers."""
    cache.delete(FACTSHEET_SLEUTEL)


def filterkeuzes_vergeten() -> None:
    """Drop the cached choices of the list filters (publishers, years…) and, with their version,
    the rendered filter fields."""
    cache.delete(FILTERKEUZES_SLEUTEL)


def _kennisbank_vergeten() -> None:
    factsheet_vergeten()
    filterkeuzes_vergeten()


@transaction.atomic
def kennisitem_opslaan(
    *,
    item: Kennisitem,
    doelgroepen=None,
    themas=None,
    koplopers=None,
) -> Kennisitem:
    """Sanitise the rich text, fill the plain text, validate and save an item (saving it updates the
    search index, ``kennisbank.zoeken.index``).

    Relations are replaced only when given (the admin saves them itself, after this).
    """
    item.inhoud = schoon_html(item.inhoud)
    item.samenvatting = (item.samenvatting or "").strip()
    if not item.slug:
        item.slug = slugify(item.titel)[:250]
    tekst = platte_tekst(item.inhoud)
    item.platte_tekst = "\n".join(deel for deel in (item.samenvatting, tekst) if deel)
    # A stored file was checked when it was uploaded; only a new upload is read again.
    nieuw_bestand = bool(item.bestand) and not getattr(item.bestand, "_committed", True)
    item.full_clean(exclude=None if nieuw_bestand else ["bestand"])
    item.save()
    for veld, waarden in (("doelgroepen", doelgroepen), ("themas", themas), ("koplopers", koplopers)):
        if waarden is not None:
            getattr(item, veld).set(waarden)
    # Now (a test sees it) and after the commit (a request in between may have cached old figures).
    _kennisbank_vergeten()
    transaction.on_commit(_kennisbank_vergeten)
    return item


@transaction.atomic
def uitgever_opslaan(*, uitgever: Uitgever) -> Uitgever:
    """Validate and save a publisher; the list filter offers it at once."""
    if not uitgever.slug:
        uitgever.slug = slugify(uitgever.naam)[:150]
    uitgever.full_clean()
    uitgever.save()
    filterkeuzes_vergeten()
    transaction.on_commit(filterkeuzes_vergeten)
    return uitgever


@transaction.atomic
def etalageartikel_opslaan(*, artikel: Etalageartikel) -> Etalageartikel:
    """Sanitise the rich text, validate and save a showcase article."""
    artikel.inhoud = schoon_html(artikel.inhoud)
    artikel.visie_adviesraad = schoon_html(artikel.visie_adviesraad)
    artikel.visie_inwoners = schoon_html(artikel.visie_inwoners)
    artikel.inleiding = (artikel.inleiding or "").strip()
    artikel.maand = artikel.maand.replace(day=1) if artikel.maand else artikel.maand
    if not artikel.slug:
        artikel.slug = slugify(artikel.titel)[:250]
    artikel.full_clean()
    artikel.save()
    factsheet_vergeten()
    transaction.on_commit(factsheet_vergeten)
    return artikel


# The publishers the source texts name.
UITGEVERS = ["VNG", "Movisie", "Ieder(in)", "Koepel Adviesraden Sociaal Domein", "AVI", "Gemeente Almere"]

# The knowledge products the source texts name (seeds/*.txt, DOMAIN.md "Knowledge base"): titles,
# publishers, years and links only as the sources give them; summaries say only what the sources say.
KENNISITEMS = [
    {
        "slug": "inspiratiedocument-clientondersteuning",
        "titel": "Inspiratiedocument Cliëntondersteuning",
        "soort": Kennisitem.Soort.HANDREIKING,
        "uitgever": "VNG",
        "jaar": 2015,
        "url": "https://vng.nl/files/vng/publicaties/2015/20150609-inspiratiedocument-clientondersteuning.pdf",
        "samenvatting": "Inspiratiedocument van de VNG over cliëntondersteuning in de Wmo 2015. "
        "Genoemd als achtergrondinformatie bij het project Koplopers Cliëntondersteuning.",
    },
    {
        "slug": "onderzoek-clientondersteuning-movisie",
        "titel": "Onderzoek cliëntondersteuning",
        "soort": Kennisitem.Soort.ONDERZOEK,
        "uitgever": "Movisie",
        "jaar": 2016,
        "url": "https://vng.nl/files/vng/publicaties/2016/2016-onafhankelijke-clientondersteuning-9312513-1.0.pdf",
        "samenvatting": "Onderzoek van Movisie naar onafhankelijke cliëntondersteuning. "
        "Genoemd als achtergrondinformatie bij het project Koplopers Cliëntondersteuning.",
    },
    {
        "slug": "handreiking-onafhankelijke-clientondersteuning",
        "titel": "Handreiking onafhankelijke cliëntondersteuning",
        "soort": Kennisitem.Soort.HANDREIKING,
        "uitgever": "VNG",
        "jaar": 2017,
        "url": "https://vng.nl/nieuws/17-01-25/handreiking-voor-onafhankelijke-clientondersteuning",
        "samenvatting": "Handreiking van de VNG voor onafhankelijke cliëntondersteuning. "
        "Genoemd als achtergrondinformatie bij het project Koplopers Cliëntondersteuning.",
    },
    {
        "slug": "zelftest-clientondersteuning-voor-gemeenten",
        "titel": "Zelftest cliëntondersteuning voor gemeenten",
        "soort": Kennisitem.Soort.ZELFTEST,
        "uitgever": "VNG",
        "jaar": None,
        "url": "https://vng.nl/onderwerpenindex/maatschappelijke-ondersteuning/wmo-2015/publicaties/"
        "zelftest-clientondersteuning-voor-gemeenten",
        "samenvatting": "Een zelftest over cliëntondersteuning voor gemeenten, gepubliceerd bij de VNG "
        "onder het onderwerp Wmo 2015.",
    },
    {
        "slug": "avi-handreiking-clientondersteuning",
        "titel": "AVI-handreiking onafhankelijke cliëntondersteuning vanuit cliëntenperspectief",
        "soort": Kennisitem.Soort.HANDREIKING,
        "uitgever": "AVI",
        "jaar": None,
        "url": "http://www.aandachtvooriedereen.nl/nieuws-van-avi/"
        "handreiking-onafhankelijke-clientondersteuning-vanuit-clientenperspectief-4262.html",
        "samenvatting": "Handreiking over onafhankelijke cliëntondersteuning, geschreven vanuit het "
        "perspectief van de cliënt.",
    },
    {
        "slug": "inwoners-betrekken",
        "titel": "Onafhankelijke cliëntondersteuning: inwoners betrekken",
        "soort": Kennisitem.Soort.HANDREIKING,
        "uitgever": "Movisie",
        "jaar": None,
        "url": "",
        "samenvatting": "Handreiking van Movisie over het betrekken van inwoners bij onafhankelijke "
        "cliëntondersteuning. Niets over ons zonder ons: het VN-verdrag Handicap schrijft voor dat de "
        "overheid ervaringsdeskundigen betrekt bij beleid dat hen aangaat.",
    },
    {
        "slug": "methode-jet-almere",
        "titel": "Almere: inwoners betrekken bij onafhankelijke cliëntondersteuning met Methode Jet",
        "soort": Kennisitem.Soort.METHODE,
        "uitgever": "Movisie",
        "jaar": None,
        "url": "",
        "samenvatting": "Hoe koplopergemeente Almere inwoners betrekt bij onafhankelijke "
        "cliëntondersteuning met Methode Jet (een webpagina van Movisie).",
        "koplopers": ["almere"],
    },
    {
        "slug": "vijf-jaar-op-weg-een-tussenstand",
        "titel": "Vijf jaar op weg: een tussenstand",
        "soort": Kennisitem.Soort.ONDERZOEK,
        "uitgever": "Movisie",
        "jaar": None,
        "url": "",
        "samenvatting": "Factsheet over vijf jaar Koploperproject Cliëntondersteuning: een cijfermatig "
        "overzicht van het bereik, de activiteiten en de ontwikkelde kennis. Movisie brengt de lokale "
        "impact van de koplopergemeenten in kaart, door de ogen van projectleiders.",
    },
]


@transaction.atomic
def kennisitems_laden() -> Laadverslag:
    """Load the publishers and the knowledge products the sources name. Idempotent: an existing item
    (matched by slug) is left as staff edited it; only missing ones are created."""
    verslag = Laadverslag()
    uitgevers = {}
    for naam in UITGEVERS:
        uitgevers[naam], nieuw = Uitgever.objects.get_or_create(slug=slugify(naam), defaults={"naam": naam})
        verslag.tel("uitgever", nieuw)
    for gegevens in KENNISITEMS:
        if Kennisitem.objects.filter(slug=gegevens["slug"]).exists():
            continue
        velden = {k: v for k, v in gegevens.items() if k not in ("uitgever", "koplopers")}
        item = Kennisitem(**velden, uitgever=uitgevers[gegevens["uitgever"]])
        koplopers = Koploper.objects.filter(slug__in=gegevens.get("koplopers", []))
        kennisitem_opslaan(item=item, koplopers=list(koplopers))
        verslag.tel("kennisitem", True)
    return verslag
