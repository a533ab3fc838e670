"""Reads for the knowledge base, the showcase and the factsheet: querysets with the joins they need."""

import nh3
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, TrigramSimilarity
from django.core.cache import cache
from django.db import connection
from django.db.models import Count, F, Prefetch, Q, QuerySet, Value
from django.db.models.functions import StrIndex
from django.db.models.query import ModelIterable
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe

from gemeenten.models import Doelgroep, Koploper, Provincie, Thema
from selectie.models import Ronde

from .models import Etalageartikel, Kennisitem, Zoekwoord
from .services import FACTSHEET_SLEUTEL, ZOEKCONFIGURATIE
from .tekst import markeer, zoekwoorden

FACTSHEET_TIMEOUT = 10 * 60
FRAGMENT_LENGTE = 240


def publieke_kennisitems() -> QuerySet[Kennisitem]:
    """Published items with what a list row shows, newest year first."""
    return (
        Kennisitem.objects.gepubliceerd()
        .select_related("uitgever")
        .prefetch_related("doelgroepen", "themas")
        .order_by(F("jaar").desc(nulls_last=True), "titel")
    )


def kennisitems_lijst() -> QuerySet[Kennisitem]:
    """Published items for the list page: without the columns a list row never shows (body, search vector)."""
    return publieke_kennisitems().defer("inhoud", "zoektekst", "zoekvector")


def kennisitem_detail() -> QuerySet[Kennisitem]:
    """Published items with everything the detail page shows, including the published koplopers."""
    return publieke_kennisitems().prefetch_related(
        Prefetch("koplopers", queryset=Koploper.objects.gepubliceerd().order_by("sorteernaam"))
    )


def kennisitems_bij_koploper(koploper: Koploper) -> QuerySet[Kennisitem]:
    return (
        Kennisitem.objects.gepubliceerd()
        .filter(koplopers=koploper)
        .select_related("uitgever")
        .order_by(F("jaar").desc(nulls_last=True), "titel")
    )


def publieke_etalageartikelen() -> QuerySet[Etalageartikel]:
    """Published showcase articles about published koplopers, newest month first."""
    return Etalageartikel.objects.gepubliceerd().select_related("koploper", "koploper__provincie")


def nieuwste_etalageartikel() -> Etalageartikel | None:
    return publieke_etalageartikelen().first()


def etalageartikelen_bij_koploper(koploper: Koploper) -> QuerySet[Etalageartikel]:
    return Etalageartikel.objects.gepubliceerd().filter(koploper=koploper)


# --- Search -------------------------------------------------------------------------------------


def _alleen_mark(html: str) -> str:
    """Headline output from the database: escape everything, then let only <mark> through."""
    veilig = escape(html).replace("&lt;mark&gt;", "<mark>").replace("&lt;/mark&gt;", "</mark>")
    return nh3.clean(veilig, tags={"mark"}, attributes={})


class _MarkerendeIterable(ModelIterable):
    """Gives every item found ``kop_html`` and ``fragment_html``: safe HTML with only <mark>."""

    woorden: list[str] = []

    def __iter__(self):
        for item in super().__iter__():
            kop = getattr(item, "kop_ruw", None)
            fragment = getattr(item, "fragment_ruw", None)
            if kop is not None and "<mark>" in (kop + (fragment or "")):
                item.kop_html = mark_safe(_alleen_mark(kop))  # noqa: S308 (escaped, only <mark> left)
                item.fragment_html = mark_safe(_alleen_mark(fragment or ""))  # noqa: S308
            else:
                item.kop_html = mark_safe(markeer(item.titel, self.woorden))  # noqa: S308 (escaped by markeer)
                item.fragment_html = mark_safe(  # noqa: S308 (escaped by markeer)
                    markeer(item.platte_tekst, self.woorden, lengte=FRAGMENT_LENGTE)
                )
            yield item


def _volledige_tekst(queryset: QuerySet, zoekterm: str, woorden: list[str]):
    # The words as typed (stemmed, websearch syntax) or as prefixes of longer words ("cliëntonder").
    voorvoegsels = " & ".join(f"{woord}:*" for woord in woorden)
    zoekvraag = SearchQuery(zoekterm, config=ZOEKCONFIGURATIE, search_type="websearch") | SearchQuery(
        voorvoegsels, config=ZOEKCONFIGURATIE, search_type="raw"
    )
    return queryset.filter(zoekvector=zoekvraag), zoekvraag


def _dichtstbijzijnde_woorden(woorden: list[str]) -> list[str]:
    """Each word replaced by the most similar word of the knowledge base's lexicon (pg_trgm), if any."""
    verbeterd = []
    for woord in woorden:
        beste = None
        if len(woord) >= 4:
            beste = (
                Zoekwoord.objects.filter(woord__trigram_similar=woord)
                .annotate(gelijkenis=TrigramSimilarity("woord", woord))
                .order_by("-gelijkenis", "woord")
                .values_list("woord", flat=True)
                .first()
            )
        verbeterd.append(beste or woord)
    return verbeterd


def _zoeken_postgres(queryset: QuerySet, zoekterm: str, woorden: list[str]) -> QuerySet:
    gevonden, zoekvraag = _volledige_tekst(queryset, zoekterm, woorden)
    if not gevonden.exists():
        # Nothing found: a misspelt word ("clientondersteuninng") is replaced by the nearest spelling.
        verbeterd = _dichtstbijzijnde_woorden(woorden[:5])
        if verbeterd != woorden[:5]:
            gevonden, zoekvraag = _volledige_tekst(queryset, " ".join(verbeterd), verbeterd)
    return gevonden.annotate(
        rang=SearchRank(F("zoekvector"), zoekvraag),
        kop_ruw=SearchHeadline(
            "titel",
            zoekvraag,
            config=ZOEKCONFIGURATIE,
            start_sel="<mark>",
            stop_sel="</mark>",
            highlight_all=True,
        ),
        fragment_ruw=SearchHeadline(
            "platte_tekst",
            zoekvraag,
            config=ZOEKCONFIGURATIE,
            start_sel="<mark>",
            stop_sel="</mark>",
            max_words=35,
            min_words=15,
            max_fragments=2,
            fragment_delimiter=" … ",
        ),
    ).order_by("-rang", "titel")


def _zoeken_sqlite(queryset: QuerySet, woorden: list[str]) -> QuerySet:
    # Every word in the accent-folded text (prefixes and parts of words too); else any of them.
    alle, een = Q(), Q()
    for woord in woorden:
        alle &= Q(zoektekst__contains=woord)
        een |= Q(zoektekst__contains=woord)
    gevonden = queryset.filter(alle)
    if not gevonden.exists():
        gevonden = queryset.filter(een)
    # The search text starts with the title: an early match ranks higher.
    return gevonden.annotate(rang=StrIndex("zoektekst", Value(woorden[0]))).order_by("rang", "titel")


def kennisitems_zoeken(*, zoekterm: str, queryset: QuerySet[Kennisitem] | None = None) -> QuerySet[Kennisitem]:
    """Search the knowledge base in Dutch, best match first.

    PostgreSQL: full-text search with the ``dutch_unaccent`` configuration (stemming, with or without
    diaeresis) and prefix matching; when that finds nothing, each word is replaced by its nearest
    spelling in the lexicon (pg_trgm similarity) and the search runs once more. SQLite: accent-folded
    substring matching. Either way each item comes with ``kop_html`` and ``fragment_html`` (matching
    words in ``<mark>``, everything else escaped) and ``rang``.
    """
    if queryset is None:
        queryset = kennisitems_lijst()
    zoekterm = (zoekterm or "").strip()[:200]
    woorden = zoekwoorden(zoekterm)[:10]
    if not woorden:
        return queryset
    if connection.vendor == "postgresql":
        resultaat = _zoeken_postgres(queryset, zoekterm, woorden)
    else:
        resultaat = _zoeken_sqlite(queryset, woorden)
    resultaat._iterable_class = type("Markeren", (_MarkerendeIterable,), {"woorden": woorden})
    return resultaat


# --- Factsheet ------------------------------------------------------------------------------------


def _factsheet_berekenen() -> dict:
    gepubliceerd = Q(koplopers__gepubliceerd=True)
    rondes = list(Ronde.objects.annotate(aantal=Count("koplopers", filter=gepubliceerd)).order_by("jaar", "naam"))
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
