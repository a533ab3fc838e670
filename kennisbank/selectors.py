"""Reads for the knowledge base, the showcase and the factsheet: querysets with the joins they need."""

import uuid
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import CharField, Count, F, Max, Prefetch, Q, QuerySet, Value
from django.db.models.functions import Cast, Concat, StrIndex
from django.db.models.query import ModelIterable
from django.utils import timezone

from gemeenten.models import Doelgroep, Koploper, Provincie, Thema
from gemeenten.selectors import rondes_met_aantal

from .models import Etalageartikel, Kennisitem, Uitgever, Zoekdocument
from .services import FACTSHEET_SLEUTEL, FILTERKEUZES_SLEUTEL
from .zoeken.zoeken import Markeerder, Zoekresultaat, zoeken

FACTSHEET_TIMEOUT = 10 * 60
FILTERKEUZES_TIMEOUT = 10 * 60
FRAGMENT_LENGTE = 240


def publieke_kennisitems() -> QuerySet[Kennisitem]:
    """Published items with their publisher, newest year first."""
    return (
        Kennisitem.objects.gepubliceerd().select_related("uitgever").order_by(F("jaar").desc(nulls_last=True), "titel")
    )


def kennisitems_lijst() -> QuerySet[Kennisitem]:
    """Published items for the list page: only what a list row shows (title, kind, publisher, year,
    summary), not the body, the search columns or the relations."""
    return publieke_kennisitems().defer("inhoud", "platte_tekst")


def kennisitem_detail() -> QuerySet[Kennisitem]:
    """Published items with everything the detail page shows: target groups, themes, published koplopers."""
    return publieke_kennisitems().prefetch_related(
        "doelgroepen",
        "themas",
        Prefetch("koplopers", queryset=Koploper.objects.gepubliceerd().order_by("sorteernaam")),
    )


# How much linked knowledge a profile shows, on the web page and in its PDF alike.
KENNISITEMS_OP_PROFIEL = 10
ETALAGEARTIKELEN_OP_PROFIEL = 5


@dataclass(frozen=True)
class KennisBijKoploper:
    """At most ``KENNISITEMS_OP_PROFIEL`` items and ``ETALAGEARTIKELEN_OP_PROFIEL`` articles, and how many
    more there are: the work does not grow with the size of the knowledge base."""

    kennisitems: list
    artikelen: list
    meer_kennisitems: int
    meer_artikelen: int


def _begrensd(queryset, grens: int) -> tuple[list, int]:
    """The first ``grens`` rows, and how many more (a count only when the limit is reached)."""
    rijen = list(queryset[:grens])
    meer = queryset.count() - grens if len(rijen) == grens else 0
    return rijen, meer


def kennis_bij_koploper(koploper: Koploper) -> KennisBijKoploper:
    """What a profile shows of the knowledge linked to it (two queries, four when a list is full)."""
    kennisitems, meer_kennisitems = _begrensd(kennisitems_bij_koploper(koploper), KENNISITEMS_OP_PROFIEL)
    artikelen, meer_artikelen = _begrensd(etalageartikelen_bij_koploper(koploper), ETALAGEARTIKELEN_OP_PROFIEL)
    return KennisBijKoploper(kennisitems, artikelen, meer_kennisitems, meer_artikelen)


def kennisitems_bij_koploper(koploper: Koploper) -> QuerySet[Kennisitem]:
    return (
        Kennisitem.objects.gepubliceerd()
        .filter(koplopers=koploper)
        .select_related("uitgever")
        .order_by(F("jaar").desc(nulls_last=True), "titel")
    )


def kennis_versie_bij_koploper(koploper: Koploper) -> tuple:
    """What changes when the knowledge shown with a koploper changes: per published item and showcase
    article linked to it, the number, highest key and newest change. Two light queries."""
    items = (
        kennisitems_bij_koploper(koploper)
        .order_by()
        .aggregate(aantal=Count("pk"), hoogste=Max("pk"), laatst=Max("bijgewerkt"))
    )
    artikelen = (
        etalageartikelen_bij_koploper(koploper)
        .order_by()
        .aggregate(aantal=Count("pk"), hoogste=Max("pk"), laatst=Max("bijgewerkt"))
    )
    return tuple(items.values()) + tuple(artikelen.values())


def _filterkeuzes_berekenen() -> dict:
    jaren = (
        Kennisitem.objects.gepubliceerd().exclude(jaar=None).order_by("-jaar").values_list("jaar", flat=True).distinct()
    )
    return {
        # Changes whenever the choices are computed again: the rendered filter fields are cached under it.
        "versie": uuid.uuid4().hex,
        "uitgevers": list(Uitgever.objects.order_by("naam").values_list("slug", "naam")),
        "jaren": [(str(jaar), str(jaar)) for jaar in jaren],
        "doelgroepen": list(Doelgroep.objects.order_by("naam").values_list("slug", "naam")),
        "themas": list(Thema.objects.order_by("naam").values_list("slug", "naam")),
    }


def filterkeuzes() -> dict:
    """The choices of the list filters as ``(slug, name)`` pairs, and their ``versie``. Cached for ten
    minutes and dropped when an item or a publisher is saved (reference data reloads clear the cache)."""
    return cache.get_or_set(FILTERKEUZES_SLEUTEL, _filterkeuzes_berekenen, FILTERKEUZES_TIMEOUT)


def publieke_etalageartikelen() -> QuerySet[Etalageartikel]:
    """Published showcase articles about published koplopers, newest month first."""
    return Etalageartikel.objects.gepubliceerd().select_related("koploper", "koploper__provincie")


def nieuwste_etalageartikel() -> Etalageartikel | None:
    return publieke_etalageartikelen().first()


def etalageartikelen_bij_koploper(koploper: Koploper) -> QuerySet[Etalageartikel]:
    return Etalageartikel.objects.gepubliceerd().filter(koploper=koploper)


# --- Search -------------------------------------------------------------------------------------


class _MarkerendeIterable(ModelIterable):
    """Gives every item read ``kop_html`` and ``fragment_html`` (safe HTML, only <mark>) from the portal
    search's highlighter; the plain text of the items read comes with one more query per 100 items."""

    resultaat: Zoekresultaat | None = None
    PARTIJ = 100

    def __iter__(self):
        partij = []
        for item in super().__iter__():
            partij.append(item)
            if len(partij) == self.PARTIJ:
                yield from self._markeren(partij)
                partij = []
        if partij:
            yield from self._markeren(partij)

    def _markeren(self, items: list[Kennisitem]):
        pks = [item.pk for item in items]
        teksten = dict(
            Kennisitem.objects.using(self.queryset.db).filter(pk__in=pks).order_by().values_list("pk", "platte_tekst")
        )
        markeerder = Markeerder(self.resultaat)
        for item in items:
            item.kop_html, item.fragment_html = markeerder.kop_en_fragment(
                item.titel, teksten.get(item.pk, ""), lengte=FRAGMENT_LENGTE
            )
            yield item


def kennisitems_zoeken(*, zoekterm: str, queryset: QuerySet[Kennisitem] | None = None) -> QuerySet[Kennisitem]:
    """Search the knowledge base with the portal search (``kennisbank.zoeken``), best match first.

    The same Dutch analysis on both databases: stems, compounds, synonyms and abbreviations, phrases,
    exclusion and OR; all words first, then some; a misspelt query is searched as the nearest spelling.
    ``queryset`` narrows the result (the list's filters). Each item read comes with ``kop_html`` and
    ``fragment_html`` and ``rang`` (lower is better).
    """
    if queryset is None:
        queryset = kennisitems_lijst()
    resultaat = zoeken(zoekterm=zoekterm, soort=Zoekdocument.Soort.KENNISITEM)
    if resultaat.vraag.leeg:
        return queryset
    volgorde = [int(resultaat.sleutels[pk].partition(":")[2]) for pk in resultaat.ids]
    # The rank as the position of ",pk," in one string of the ranked ids: one cheap expression
    # (INSTR on SQLite, STRPOS on PostgreSQL) instead of a CASE with a branch per result.
    lijst = "," + ",".join(map(str, volgorde)) + ","
    rang = StrIndex(Value(lijst), Concat(Value(","), Cast("pk", CharField()), Value(","), output_field=CharField()))
    gevonden = queryset.filter(pk__in=volgorde).annotate(rang=rang).order_by("rang")
    gevonden._iterable_class = type("Markeren", (_MarkerendeIterable,), {"resultaat": resultaat})
    return gevonden


# --- Factsheet ------------------------------------------------------------------------------------


def _factsheet_berekenen() -> dict:
    gepubliceerd = Q(koplopers__gepubliceerd=True)
    rondes = list(rondes_met_aantal())
    provincies = list(Provincie.objects.annotate(aantal=Count("koplopers", filter=gepubliceerd)).order_by("naam"))
    doelgroepen = list(Doelgroep.objects.annotate(aantal=Count("koplopers", filter=gepubliceerd)).order_by("naam"))
    themas = list(Thema.objects.annotate(aantal=Count("koplopers", filter=gepubliceerd)).order_by("naam"))
    soorten = dict(
        Kennisitem.objects.gepubliceerd()
        .order_by()
        .values("soort")
        .annotate(aantal=Count("pk"))
        .values_list("soort", "aantal")
    )
    kennisproducten = [(label, soorten.get(waarde, 0)) for waarde, label in Kennisitem.Soort.choices]
    return {
        "peildatum": timezone.now(),
        "koplopers": Koploper.objects.gepubliceerd().count(),
        "rondes": [(ronde.naam, ronde.aantal) for ronde in rondes],
        "provincies": [(provincie.naam, provincie.aantal) for provincie in provincies],
        "provincies_met_koploper": sum(1 for provincie in provincies if provincie.aantal),
        "provincies_totaal": len(provincies),
        "doelgroepen": [(doelgroep.naam, doelgroep.aantal) for doelgroep in doelgroepen],
        "themas": [(thema.naam, thema.aantal) for thema in themas],
        "kennisproducten": [(str(label), aantal) for label, aantal in kennisproducten],
        "kennisproducten_totaal": sum(soorten.values()),
        "etalageartikelen": Etalageartikel.objects.gepubliceerd().count(),
    }


def factsheet_cijfers() -> dict:
    """The programme's live figures, cached for ten minutes and dropped when an item is saved."""
    return cache.get_or_set(FACTSHEET_SLEUTEL, _factsheet_berekenen, FACTSHEET_TIMEOUT)
