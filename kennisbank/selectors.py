"""Reads for the knowledge base, the showcase and the factsheet: querysets with the joins they need."""

import uuid

import nh3
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, TrigramSimilarity
from django.core.cache import cache
from django.db import connection
from django.db.models import Count, F, Max, Prefetch, Q, QuerySet, Value
from django.db.models.functions import Left, StrIndex
from django.db.models.query import ModelIterable
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe

from gemeenten.models import Doelgroep, Koploper, Provincie, Thema
from selectie.models import Ronde

from .models import Etalageartikel, Kennisitem, Uitgever, Zoekwoord
from .services import FACTSHEET_SLEUTEL, FILTERKEUZES_SLEUTEL, ZOEKCONFIGURATIE
from .tekst import markeer, zoekwoorden

FACTSHEET_TIMEOUT = 10 * 60
FILTERKEUZES_TIMEOUT = 10 * 60
FRAGMENT_LENGTE = 240
# ts_headline parses and stems all the text it gets: give it at most this many characters of an item's
# plain text (summary first, then the body). A word found only further on is highlighted in Python.
HEADLINE_TEKST = 1000


def publieke_kennisitems() -> QuerySet[Kennisitem]:
    """Published items with their publisher, newest year first."""
    return (
        Kennisitem.objects.gepubliceerd().select_related("uitgever").order_by(F("jaar").desc(nulls_last=True), "titel")
    )


def kennisitems_lijst() -> QuerySet[Kennisitem]:
    """Published items for the list page: only what a list row shows (title, kind, publisher, year,
    summary), not the body, the search columns or the relations."""
    return publieke_kennisitems().defer("inhoud", "platte_tekst", "zoektekst", "zoekvector")


def kennisitem_detail() -> QuerySet[Kennisitem]:
    """Published items with everything the detail page shows: target groups, themes, published koplopers."""
    return publieke_kennisitems().prefetch_related(
        "doelgroepen",
        "themas",
        Prefetch("koplopers", queryset=Koploper.objects.gepubliceerd().order_by("sorteernaam")),
    )


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


def _alleen_mark(html: str) -> str:
    """Headline output from the database: escape everything, then let only <mark> through."""
    veilig = escape(html).replace("&lt;mark&gt;", "<mark>").replace("&lt;/mark&gt;", "</mark>")
    return nh3.clean(veilig, tags={"mark"}, attributes={})


class _MarkerendeIterable(ModelIterable):
    """Gives every item found ``kop_html`` and ``fragment_html``: safe HTML with only <mark>.

    The search query itself stays lean (no plain text, no headlines: PostgreSQL would otherwise carry
    them through the ranking of every match). For the items actually read, a page of 20, one more
    query by primary key fetches the plain text and, on PostgreSQL, the headlines.
    """

    woorden: list[str] = []
    zoekvraag: SearchQuery | None = None
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

    def _teksten(self, items: list[Kennisitem]) -> dict[int, tuple]:
        pks = [item.pk for item in items]
        queryset = Kennisitem.objects.using(self.queryset.db).filter(pk__in=pks).order_by()
        if self.zoekvraag is None:
            return {pk: (tekst, None, None) for pk, tekst in queryset.values_list("pk", "platte_tekst")}
        kop = SearchHeadline(
            "titel",
            self.zoekvraag,
            config=ZOEKCONFIGURATIE,
            start_sel="<mark>",
            stop_sel="</mark>",
            highlight_all=True,
        )
        fragment = SearchHeadline(
            Left("platte_tekst", HEADLINE_TEKST),
            self.zoekvraag,
            config=ZOEKCONFIGURATIE,
            start_sel="<mark>",
            stop_sel="</mark>",
            max_words=35,
            min_words=15,
            max_fragments=2,
            fragment_delimiter=" … ",
        )
        rijen = queryset.annotate(kop_ruw=kop, fragment_ruw=fragment).values_list(
            "pk", "platte_tekst", "kop_ruw", "fragment_ruw"
        )
        return {pk: (tekst, kop_ruw, fragment_ruw) for pk, tekst, kop_ruw, fragment_ruw in rijen}

    def _markeren(self, items: list[Kennisitem]):
        teksten = self._teksten(items)
        for item in items:
            tekst, kop, fragment = teksten.get(item.pk, ("", None, None))
            if kop is not None and "<mark>" in (kop + (fragment or "")):
                item.kop_html = mark_safe(_alleen_mark(kop))  # noqa: S308 (escaped, only <mark> left)
                item.fragment_html = mark_safe(_alleen_mark(fragment or ""))  # noqa: S308
            else:
                # SQLite; or the match lies beyond the text given to ts_headline, or in the publisher.
                item.kop_html = mark_safe(markeer(item.titel, self.woorden))  # noqa: S308 (escaped by markeer)
                item.fragment_html = mark_safe(  # noqa: S308 (escaped by markeer)
                    markeer(tekst, self.woorden, lengte=FRAGMENT_LENGTE)
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


def _zoeken_postgres(queryset: QuerySet, zoekterm: str, woorden: list[str]) -> tuple[QuerySet, SearchQuery]:
    gevonden, zoekvraag = _volledige_tekst(queryset, zoekterm, woorden)
    if not gevonden.exists():
        # Nothing found: a misspelt word ("clientondersteuninng") is replaced by the nearest spelling.
        verbeterd = _dichtstbijzijnde_woorden(woorden[:5])
        if verbeterd != woorden[:5]:
            gevonden, zoekvraag = _volledige_tekst(queryset, " ".join(verbeterd), verbeterd)
    resultaat = gevonden.annotate(rang=SearchRank(F("zoekvector"), zoekvraag)).order_by("-rang", "titel")
    return resultaat, zoekvraag


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
    substring matching. Either way each item read comes with ``kop_html`` and ``fragment_html``
    (matching words in ``<mark>``, everything else escaped; fetched with one more query per 100 items
    read) and ``rang``.
    """
    if queryset is None:
        queryset = kennisitems_lijst()
    zoekterm = (zoekterm or "").strip()[:200]
    woorden = zoekwoorden(zoekterm)[:10]
    if not woorden:
        return queryset
    zoekvraag = None
    if connection.vendor == "postgresql":
        resultaat, zoekvraag = _zoeken_postgres(queryset, zoekterm, woorden)
    else:
        resultaat = _zoeken_sqlite(queryset, woorden)
    resultaat._iterable_class = type("Markeren", (_MarkerendeIterable,), {"woorden": woorden, "zoekvraag": zoekvraag})
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
