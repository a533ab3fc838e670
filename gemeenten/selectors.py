"""Reads for the public pages: querysets with the joins they need."""

import functools
import hashlib
import json
import uuid
from datetime import UTC, datetime

from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import (
    Count,
    DateTimeField,
    Exists,
    F,
    IntegerField,
    Max,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Sum,
    Value,
    Window,
)
from django.db.models.functions import RowNumber
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from .models import Contactpersoon, Doelgroep, Gemeente, Koploper, Link, Provincie, Thema

# Boundaries are large: pages that do not draw them never load them.
_GEOMETRIE = ("gemeente__geometrie", "provincie__geometrie")


def _deelname():
    """The round participation, which selectie declares (``Ronde.koplopers`` through ``Deelname``).

    gemeenten imports nothing of selectie: it knows the relation only by its reverse name ``rondes``,
    and reaches the round model and the through model from there. Returns (round model, through model).
    """
    relatie = Koploper._meta.get_field("rondes")
    return relatie.related_model, relatie.through


def _rondes_op_volgorde():
    """The rounds of each koploper, oldest first (the round model's own ordering: year, name)."""
    return "rondes"


def publieke_koplopers():
    """Published koplopers with what a list row or card shows, in Dutch alphabetical order."""
    return (
        Koploper.objects.gepubliceerd()
        .select_related("provincie", "gemeente")
        .defer(*_GEOMETRIE)
        .prefetch_related(_rondes_op_volgorde(), "doelgroepen", "themas")
        .order_by("sorteernaam")
    )


def uitgelichte_koplopers(aantal: int = 3):
    return publieke_koplopers().filter(uitgelicht=True)[:aantal]


def koploper_profiel():
    """Published koplopers with everything a profile shows: answers, vocabularies, members with their
    boundaries, contacts who agreed to be shown, links."""
    return (
        Koploper.objects.gepubliceerd()
        .select_related("provincie", "gemeente__provincie")
        .defer("provincie__geometrie", "gemeente__provincie__geometrie")
        .prefetch_related(
            _rondes_op_volgorde(),
            "doelgroepen",
            "themas",
            Prefetch("leden", queryset=Gemeente.objects.order_by("sorteernaam")),
            Prefetch(
                "contactpersonen",
                queryset=Contactpersoon.objects.filter(toestemming_publicatie=True),
                to_attr="publieke_contactpersonen",
            ),
            Prefetch("links", queryset=Link.objects.all()),
        )
    )


def filterkeuzes(naam: str):
    """The choices of one public filter (provincie, doelgroep, thema, ronde), from the database."""
    if naam == "provincie":
        return Provincie.objects.defer("geometrie").order_by("naam")
    if naam == "doelgroep":
        return Doelgroep.objects.order_by("naam")
    if naam == "thema":
        return Thema.objects.order_by("naam")
    if naam == "ronde":
        ronde, deelname = _deelname()
        gepubliceerd_in_ronde = deelname.objects.filter(ronde=OuterRef("pk"), koploper__gepubliceerd=True)
        return ronde.objects.filter(Exists(gepubliceerd_in_ronde)).only("id", "naam", "slug").order_by("jaar", "naam")
    raise ValueError(naam)


def rondes_met_aantal():
    """Every round with ``aantal``, its number of published koplopers, oldest first (the factsheet)."""
    ronde, _through = _deelname()
    gepubliceerd = Q(koplopers__gepubliceerd=True)
    return ronde.objects.annotate(aantal=Count("koplopers", filter=gepubliceerd)).order_by("jaar", "naam")


def themas_met_aantal():
    """Themes with the number of published koplopers working on them (home page: "per thema")."""
    return (
        Thema.objects.annotate(aantal=Count("koplopers", filter=Q(koplopers__gepubliceerd=True)))
        .filter(aantal__gt=0)
        .order_by("naam")
    )


def kerncijfers() -> dict:
    """Key figures for the home page: published koplopers, provinces covered, rounds. Three queries.

    A province is covered when a published koploper lies in it: its own province, the province of
    its municipality, or the province of a member of a published region.
    """
    gepubliceerd = Koploper.objects.gepubliceerd()
    gedekt = (
        Exists(gepubliceerd.filter(provincie=OuterRef("pk")))
        | Exists(gepubliceerd.filter(gemeente__provincie=OuterRef("pk")))
        | Exists(Koploper.leden.through.objects.filter(gemeente__provincie=OuterRef("pk"), koploper__gepubliceerd=True))
    )
    provincies = Provincie.objects.aggregate(totaal=Count("pk"), gedekt=Count("pk", filter=gedekt))
    ronde, deelname = _deelname()
    ronde_met_koploper = deelname.objects.filter(ronde=OuterRef("pk"), koploper__gepubliceerd=True)
    return {
        "koplopers": gepubliceerd.count(),
        "provincies": provincies["gedekt"],
        "provincies_totaal": provincies["totaal"],
        "rondes": ronde.objects.filter(Exists(ronde_met_koploper)).count(),
    }


def _versie_queryset():
    ronde, deelname = _deelname()
    tabellen = [
        Koploper.objects.all(),
        Gemeente.objects.all(),
        deelname.objects.all(),
        Koploper.leden.through.objects.all(),
        Koploper.doelgroepen.through.objects.all(),
        Koploper.themas.through.objects.all(),
        ronde.objects.all(),
        Provincie.objects.all(),
        Doelgroep.objects.all(),
        Thema.objects.all(),
    ]
    delen = [
        tabel.order_by()
        .annotate(tabel=Value(index))
        .values("tabel")
        .annotate(
            aantal=Count("pk"),
            hoogste=Max("pk"),
            # Which koplopers are published: also changed by a bulk update that skips ``bijgewerkt``.
            gepubliceerd=Sum("pk", filter=Q(gepubliceerd=True)) if index == 0 else Value(None, IntegerField()),
            laatst=Max("bijgewerkt") if index == 0 else Value(None, output_field=DateTimeField()),
        )
        .values_list("tabel", "aantal", "hoogste", "gepubliceerd", "laatst")
        for index, tabel in enumerate(tabellen)
    ]
    return delen[0].union(*delen[1:], all=True).order_by()


@functools.cache
def _versie_sql(alias: str) -> tuple[str, tuple]:
    """The version query's SQL, compiled once per process: building a ten-part union through the ORM
    costs about 5 ms of CPU, far more than running it (every list, map and GeoJSON request asks)."""
    return _versie_queryset().query.get_compiler(using=alias).as_sql()


def publieke_vingerafdruk(using: str = DEFAULT_DB_ALIAS) -> tuple[str, datetime | None]:
    """A fingerprint of everything the list and map depend on, and the newest profile change. One query.

    Each table contributes its row count and highest key (the koplopers also the sum of the published
    keys and their newest ``bijgewerkt``): adding, removing or replacing a row, saving a profile or
    (un)publishing one changes the fingerprint. Renaming a round or vocabulary term does not: caches
    keyed on this version are therefore also bounded in time.
    """
    sql, params = _versie_sql(using)
    with connections[using].cursor() as cursor:
        cursor.execute(sql, params)
        rijen = sorted(cursor.fetchall(), key=lambda rij: rij[0])
    vingerafdruk = hashlib.sha256(repr(rijen).encode()).hexdigest()[:32]
    laatst = rijen[0][4] if rijen else None
    if isinstance(laatst, str):  # SQLite hands back text (UTC)
        laatst = parse_datetime(laatst)
    if laatst is not None and timezone.is_naive(laatst):
        laatst = timezone.make_aware(laatst, UTC)
    return vingerafdruk, laatst


# The data version lives in the cache: no query per request. Every write that changes public data drops
# it and draws a new token (``gemeenten.signalen``: saves, deletes and relation changes of the tables
# below, also through the admin; ``kennisbank`` for its items and articles). The next request computes
# the fingerprint once and combines it with the token. The timeout is the safety net for writes that
# send no signal (``QuerySet.update()``, raw SQL): they show after at most this long.
PUBLIEKE_VERSIE_SLEUTEL = "gemeenten:publieke_versie:v1"
PUBLIEKE_VERSIE_GENERATIE = "gemeenten:publieke_versie:generatie:v1"
PUBLIEKE_VERSIE_TIMEOUT = 300


def publieke_versie(using: str = DEFAULT_DB_ALIAS) -> tuple[str, datetime | None]:
    """The public data version and the newest profile change, from the cache (one query on a miss).

    Everything cached for anonymous visitors (page fragments, the GeoJSON, the PDFs) is keyed on it.
    A cache that is out (see ``koplopers.cache``) counts as a miss: the version is then computed.
    """
    bewaard = cache.get(PUBLIEKE_VERSIE_SLEUTEL) if using == DEFAULT_DB_ALIAS else None
    if bewaard is not None:
        return bewaard
    token = cache.get_or_set(PUBLIEKE_VERSIE_GENERATIE, lambda: uuid.uuid4().hex, None) or ""
    vingerafdruk, laatst = publieke_vingerafdruk(using)
    versie = hashlib.sha256(f"{vingerafdruk}:{token}".encode()).hexdigest()[:32]
    if using == DEFAULT_DB_ALIAS:
        cache.set(PUBLIEKE_VERSIE_SLEUTEL, (versie, laatst), PUBLIEKE_VERSIE_TIMEOUT)
    return versie, laatst


def gepubliceerde_koplopers():
    """Published koplopers without joins: the base the map filters work on."""
    return Koploper.objects.gepubliceerd()


def kaart_aantallen(koplopers) -> tuple[int, int]:
    """How many of ``koplopers`` the map draws (a municipality, or a region with known members; a region
    counts once), and how many it cannot draw. One query."""
    aantallen = koplopers.order_by().aggregate(
        totaal=Count("pk", distinct=True),
        op_kaart=Count("pk", distinct=True, filter=Q(gemeente__isnull=False) | Q(leden__isnull=False)),
    )
    return aantallen["op_kaart"], aantallen["totaal"] - aantallen["op_kaart"]


def kaart_koplopers(koplopers):
    """The (filtered) published koplopers with what a map popup shows, and their member municipalities."""
    return (
        koplopers.order_by("sorteernaam")
        .only("id", "naam", "slug", "soort", "gemeente_id", "deelname_volgens_bron")
        .prefetch_related(_rondes_op_volgorde(), Prefetch("leden", queryset=Gemeente.objects.only("id")))
    )


def _koploper_per_gemeente(koplopers) -> dict[int, Koploper]:
    """Which koploper a municipality belongs to: its own profile first, else the first region."""
    per_gemeente = {}
    for koploper in koplopers:
        if koploper.gemeente_id:
            per_gemeente[koploper.gemeente_id] = koploper
    for koploper in koplopers:
        for lid in koploper.leden.all():
            per_gemeente.setdefault(lid.id, koploper)
    return per_gemeente


def kaart_geojson(koplopers) -> str:
    """All municipalities as a compact GeoJSON FeatureCollection; those of ``koplopers`` marked.

    Four queries whatever the number of koplopers: municipalities, koplopers, their rounds, members.
    """
    per_gemeente = _koploper_per_gemeente(list(koplopers))
    features = []
    rijen = Gemeente.objects.order_by("code").values_list(
        "id", "code", "naam", "weergavenaam", "provincie__naam", "geometrie"
    )
    for gemeente_id, code, naam, weergavenaam, provincie, geometrie in rijen:
        koploper = per_gemeente.get(gemeente_id)
        eigenschappen = {
            "code": code,
            "naam": weergavenaam or naam,
            "provincie": provincie,
            "koploper": koploper is not None,
            "slug": koploper.slug if koploper else None,
            "url": koploper.get_absolute_url() if koploper else None,
            "rondes": [ronde.naam for ronde in koploper.rondes.all()] if koploper else [],
        }
        if koploper:
            eigenschappen["koploper_naam"] = koploper.naam
            eigenschappen["deelname"] = koploper.deelname_volgens_bron
        features.append({"type": "Feature", "geometry": geometrie, "properties": eigenschappen})
    return json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":"), ensure_ascii=False)


def koploper_gebied(koploper: Koploper) -> dict | None:
    """The boundaries of a koploper's municipality or region members (prefetched), or None if unknown."""
    gemeenten = [koploper.gemeente] if koploper.gemeente_id else list(koploper.leden.all())
    features = [
        {"type": "Feature", "geometry": gemeente.geometrie, "properties": {"naam": gemeente.toon_naam}}
        for gemeente in gemeenten
        if gemeente.geometrie
    ]
    return {"type": "FeatureCollection", "features": features} if features else None


# --- Open data (the read-only API at /api/v1/) -----------------------------------------------------


def open_data_koplopers():
    """Published koplopers with everything the open-data API shows, for any number in a fixed number of
    queries: municipality and members (with province, without boundaries), rounds, vocabularies, contacts
    who agreed to be shown, links."""
    leden = Gemeente.objects.select_related("provincie").defer("geometrie", "provincie__geometrie")
    return (
        Koploper.objects.gepubliceerd()
        .select_related("provincie", "gemeente__provincie")
        .defer("provincie__geometrie", "gemeente__geometrie", "gemeente__provincie__geometrie")
        .prefetch_related(
            _rondes_op_volgorde(),
            "doelgroepen",
            "themas",
            Prefetch("leden", queryset=leden.order_by("sorteernaam")),
            Prefetch(
                "contactpersonen",
                queryset=Contactpersoon.objects.filter(toestemming_publicatie=True),
                to_attr="publieke_contactpersonen",
            ),
            Prefetch("links", queryset=Link.objects.all()),
        )
        .order_by("sorteernaam")
    )


def open_data_gemeenten():
    """Every municipality with its province and the published koplopers it belongs to (its own profile
    or a region), without boundaries."""
    gepubliceerd = Koploper.objects.gepubliceerd().only("id", "naam", "slug", "soort", "gemeente_id")
    return (
        Gemeente.objects.select_related("provincie")
        .defer("geometrie", "provincie__geometrie")
        .prefetch_related(
            Prefetch("regios", queryset=gepubliceerd.order_by("sorteernaam"), to_attr="publieke_regios"),
        )
        .annotate(
            eigen_koploper_slug=Subquery(gepubliceerd.filter(gemeente=OuterRef("pk")).values("slug")[:1]),
        )
        .order_by("sorteernaam")
    )


def open_data_provincies():
    """The provinces without boundaries, with the number of municipalities."""
    return Provincie.objects.defer("geometrie").annotate(aantal_gemeenten=Count("gemeenten")).order_by("naam")


# --- Versions of a profile (history pages) -----------------------------------------------------------


def koploper_versies(koploper: Koploper):
    """Every recorded version of ``koploper``, newest first, each numbered (``nummer``) 1, 2, 3… from
    the oldest: the number a person sees, whatever recorded the version (portal, admin, import)."""
    return (
        koploper.history.select_related("history_user")
        .annotate(nummer=Window(RowNumber(), order_by=F("history_id").asc()))
        .order_by("-history_id")
    )


def versienummer(versie) -> int:
    """The number of one version (see ``koploper_versies``)."""
    return type(versie).objects.filter(id=versie.id, history_id__lte=versie.history_id).count()


def laatste_versienummer(koploper: Koploper) -> int:
    return koploper.history.count()


def profiel_voorbeeld(gegevens: dict) -> dict:
    """A state of a profile (in the draft's format) with what the public page would show of it."""
    return {
        **gegevens,
        "doelgroep_namen": list(
            Doelgroep.objects.filter(pk__in=gegevens.get("doelgroepen", [])).values_list("naam", flat=True)
        ),
        "thema_namen": list(Thema.objects.filter(pk__in=gegevens.get("themas", [])).values_list("naam", flat=True)),
        "logo_url": default_storage.url(gegevens["logo"]) if gegevens.get("logo") else "",
        "publieke_contactpersonen": [
            contact for contact in gegevens.get("contactpersonen", []) if contact.get("toestemming_publicatie")
        ],
    }
