"""The open-data API: ``/api/v1/``. Read-only and public only: published koplopers, contacts who agreed to
be shown, rounds with their published outcome, municipalities, provinces, the knowledge base and the
showcase. Never drafts, nominations, candidates, reviews or scores.

Every list: filters as on the pages, ``pagina``/``per_pagina``, a constant number of queries.
"""

from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Query
from ninja.errors import ValidationError

from gemeenten import selectors as gemeenten_selectors
from gemeenten.filters import KoploperFilter
from gemeenten.models import Doelgroep, Thema
from kennisbank import selectors as kennisbank_selectors
from kennisbank.filters import KennisitemFilter
from kennisbank.models import Zoekdocument
from kennisbank.tekst import platte_tekst
from kennisbank.zoeken.zoeken import zoeken
from koplopers.html import schoon_html
from koplopers.privacy.export import als_csv
from selectie import selectors as selectie_selectors

from . import schemas
from .voorbeelden import met_voorbeelden

BESCHRIJVING = """
De open data van het **Koploperportaal** (Koploperproject Cliëntondersteuning, 2017–2022): de koplopers
met hun gemeenten (CBS-codes), provincie, rondes, doelgroepen, thema's en de drie antwoorden, de gemeenten
en provincies, de rondes met hun openbare uitkomst, de kennisbank en de etalage.

- Alleen lezen (GET), JSON; de kaart als GeoJSON, de koplopers ook als CSV.
- Vaste sleutels: CBS-codes voor gemeenten en provincies, slugs voor de rest.
- Lijsten hebben `pagina` en `per_pagina` (maximaal 100) en dezelfde filters als de pagina's.
- Licentie: teksten van het portaal CC BY 4.0 (naamsvermelding: Koploperportaal); gemeente- en
  provinciegrenzen CBS / Kadaster (PDOK), CC BY 4.0.
- Cache: `Cache-Control: public, max-age=300` en een `ETag` (vraag met `If-None-Match`, antwoord 304).
- Tempo: standaard 120 verzoeken per minuut per adres; daarboven 429 met `Retry-After`.
"""


class OpenDataAPI(NinjaAPI):
    def get_openapi_schema(self, *args, **kwargs):
        return met_voorbeelden(super().get_openapi_schema(*args, **kwargs))


api = OpenDataAPI(
    title="Koploperportaal open data",
    version="1",
    description=BESCHRIJVING,
    urls_namespace="api",
    docs_url=None,
    openapi_url="/openapi.json",
)


@api.exception_handler(Http404)
def _niet_gevonden(request, exc):
    return api.create_response(request, {"detail": _("Niet gevonden."), "fouten": []}, status=404)


@api.exception_handler(ValidationError)
def _ongeldig(request, exc):
    fouten = [{"parameter": str(fout.get("loc", ["?"])[-1]), "melding": _vertaal(fout)} for fout in exc.errors]
    return api.create_response(
        request, {"detail": _("Een of meer parameters zijn niet geldig."), "fouten": fouten}, status=422
    )


def _vertaal(fout: dict) -> str:
    soort = fout.get("type", "")
    context = fout.get("ctx") or {}
    if soort in ("int_parsing", "int_type"):
        return _("Vul een geheel getal in.")
    if soort in ("greater_than_equal", "less_than_equal"):
        return _("Het getal ligt buiten het toegestane bereik.")
    if soort == "string_too_long":
        return _("Maximaal %(aantal)s tekens.") % {"aantal": context.get("max_length", "?")}
    return _("Deze waarde is niet geldig.")


def _ongeldige_filters(request, form_errors) -> HttpResponse:
    fouten = [{"parameter": naam, "melding": " ".join(meldingen)} for naam, meldingen in form_errors.items()]
    return api.create_response(
        request, {"detail": _("Een of meer filters zijn niet geldig."), "fouten": fouten}, status=422
    )


# --- Serialisation ----------------------------------------------------------------------------------


def _tekst(html: str) -> dict:
    schoon = schoon_html(html)
    return {"html": schoon, "tekst": platte_tekst(schoon)}


def _provincie(provincie) -> dict | None:
    return {"code": provincie.code, "slug": provincie.slug, "naam": provincie.naam} if provincie else None


def _term(term) -> dict:
    return {"slug": term.slug, "naam": term.naam}


def _verwijzing(koploper) -> dict:
    return {"slug": koploper.slug, "naam": koploper.naam, "soort": koploper.soort}


def _koploper(request, koploper) -> dict:
    gemeenten = [koploper.gemeente] if koploper.gemeente_id else list(koploper.leden.all())
    return {
        "slug": koploper.slug,
        "naam": koploper.naam,
        "soort": koploper.soort,
        "url": request.build_absolute_uri(koploper.get_absolute_url()),
        "provincie": _provincie(koploper.provincie),
        "gemeenten": [{"code": g.code, "naam": g.toon_naam, "provincie": _provincie(g.provincie)} for g in gemeenten],
        "rondes": [{"slug": r.slug, "naam": r.naam, "jaar": r.jaar} for r in koploper.rondes.all()],
        "doelgroepen": [_term(t) for t in koploper.doelgroepen.all()],
        "themas": [_term(t) for t in koploper.themas.all()],
        "deelname_volgens_bron": koploper.deelname_volgens_bron,
        "bron_url": koploper.bron_url,
        "antwoorden": {
            "organisatie": _tekst(koploper.organisatie),
            "ambities": _tekst(koploper.ambities),
            "acties": _tekst(koploper.acties),
        },
        "is_voorbeeldtekst": koploper.is_voorbeeldtekst,
        "contactpersonen": [
            {"naam": c.naam, "functie": c.functie, "email": c.email, "telefoon": c.telefoon}
            for c in koploper.publieke_contactpersonen
        ],
        "links": [{"titel": link.titel, "url": link.url} for link in koploper.links.all()],
        "bijgewerkt": koploper.bijgewerkt,
    }


def _gemeente(gemeente) -> dict:
    koplopers = []
    if gemeente.eigen_koploper_slug:
        koplopers.append({"slug": gemeente.eigen_koploper_slug, "naam": gemeente.toon_naam, "soort": "gemeente"})
    koplopers += [_verwijzing(regio) for regio in gemeente.publieke_regios]
    return {
        "code": gemeente.code,
        "naam": gemeente.naam,
        "weergavenaam": gemeente.toon_naam,
        "slug": gemeente.slug,
        "jaar": gemeente.jaar,
        "provincie": _provincie(gemeente.provincie),
        "koplopers": koplopers,
    }


def _ronde(ronde) -> dict:
    return {
        "slug": ronde.slug,
        "naam": ronde.naam,
        "jaar": ronde.jaar,
        "status": ronde.status,
        "opent_op": ronde.opent_op,
        "sluit_op": ronde.sluit_op,
        "toelichting": ronde.toelichting,
        "aantal_koplopers": len(ronde.publieke_koplopers),
        "koplopers": [_verwijzing(k) for k in ronde.publieke_koplopers],
    }


def _kennisitem(request, item) -> dict:
    return {
        "slug": item.slug,
        "titel": item.titel,
        "soort": item.soort,
        "url": request.build_absolute_uri(item.get_absolute_url()),
        "samenvatting": item.samenvatting,
        "inhoud": _tekst(item.inhoud),
        "externe_link": item.url,
        "bestand": request.build_absolute_uri(item.bestand.url) if item.bestand else None,
        "uitgever": _term(item.uitgever) if item.uitgever_id else None,
        "jaar": item.jaar,
        "doelgroepen": [_term(t) for t in item.doelgroepen.all()],
        "themas": [_term(t) for t in item.themas.all()],
        "koplopers": [_verwijzing(k) for k in item.koplopers.all()],
        "bijgewerkt": item.bijgewerkt,
    }


def _etalageartikel(request, artikel) -> dict:
    return {
        "slug": artikel.slug,
        "titel": artikel.titel,
        "vorm": artikel.vorm,
        "maand": artikel.maand,
        "url": request.build_absolute_uri(artikel.get_absolute_url()),
        "koploper": _verwijzing(artikel.koploper),
        "inleiding": artikel.inleiding,
        "inhoud": _tekst(artikel.inhoud),
        "video_url": artikel.video_url,
        "visie_adviesraad": _tekst(artikel.visie_adviesraad),
        "visie_inwoners": _tekst(artikel.visie_inwoners),
        "is_voorbeeldtekst": artikel.is_voorbeeldtekst,
        "bijgewerkt": artikel.bijgewerkt,
    }


# --- Pagination and filters ---------------------------------------------------------------------------


def _pagina(request, items, filters, maak) -> dict:
    """One page of ``items`` (a queryset or list): the count, links to the neighbours, the results."""
    aantal = items.count() if hasattr(items, "count") and not isinstance(items, list) else len(items)
    begin = (filters.pagina - 1) * filters.per_pagina
    deel = list(items[begin : begin + filters.per_pagina]) if begin < aantal else []

    def link(pagina):
        vraag = request.GET.copy()
        vraag["pagina"] = pagina
        return request.build_absolute_uri(f"{request.path}?{vraag.urlencode()}")

    return {
        "aantal": aantal,
        "pagina": filters.pagina,
        "per_pagina": filters.per_pagina,
        "volgende": link(filters.pagina + 1) if begin + filters.per_pagina < aantal else None,
        "vorige": link(filters.pagina - 1) if filters.pagina > 1 else None,
        "resultaten": [maak(item) for item in deel],
    }


def _gefilterde_koplopers(request, filters):
    """(queryset or ranked list, errors): the page filters of the A–Z list, the text via the portal search."""
    gegevens = {
        naam: getattr(filters, naam) for naam in ("provincie", "doelgroep", "thema", "ronde") if getattr(filters, naam)
    }
    filterset = KoploperFilter(gegevens or None, queryset=gemeenten_selectors.open_data_koplopers(), request=request)
    if gegevens and not filterset.is_valid():
        return None, filterset.form.errors
    koplopers = filterset.qs
    if filters.q and filters.q.strip():
        resultaat = zoeken(zoekterm=filters.q, soort=Zoekdocument.Soort.KOPLOPER)
        volgorde = [int(resultaat.sleutels[pk].partition(":")[2]) for pk in resultaat.ids]
        gevonden = {k.pk: k for k in koplopers.filter(pk__in=volgorde)}
        return [gevonden[pk] for pk in volgorde if pk in gevonden], None
    return koplopers, None


# --- Koplopers ------------------------------------------------------------------------------------


@api.get(
    "/koplopers",
    response={200: schemas.KoploperPagina, 422: schemas.Fout},
    url_name="koplopers",
    tags=["Koplopers"],
    summary="Alle gepubliceerde koplopers",
    description="De koplopergemeenten en -regio's met hun profiel, op alfabet (met `q`: best passend eerst). "
    "Filters zoals op de lijst: provincie, doelgroep, thema, ronde (slugs) en een zoekterm.",
)
def koplopers(request, filters: Query[schemas.KoploperFilters]):
    gevonden, fouten = _gefilterde_koplopers(request, filters)
    if fouten:
        return _ongeldige_filters(request, fouten)
    return _pagina(request, gevonden, filters, lambda k: _koploper(request, k))


@api.get(
    "/koplopers.csv",
    response={200: None, 422: schemas.Fout},
    url_name="koplopers_csv",
    tags=["Koplopers"],
    summary="De koplopers als CSV",
    description="Een regel per koploper, puntkomma-gescheiden UTF-8 (met BOM) voor spreadsheets; de antwoorden als "
    "platte tekst. Cellen die een spreadsheet als formule zou lezen, beginnen met een apostrof. Dezelfde filters "
    "als de lijst, zonder pagina's.",
    openapi_extra={"responses": {200: {"description": "CSV", "content": {"text/csv": {"schema": {"type": "string"}}}}}},
)
def koplopers_csv(request, filters: Query[schemas.KoploperCsvFilters]):
    volledig = schemas.KoploperFilters(**filters.dict())
    gevonden, fouten = _gefilterde_koplopers(request, volledig)
    if fouten:
        return _ongeldige_filters(request, fouten)
    rijen = []
    for koploper in gevonden:
        k = _koploper(request, koploper)
        rijen.append(
            {
                "slug": k["slug"],
                "naam": k["naam"],
                "soort": k["soort"],
                "provincie": (k["provincie"] or {}).get("naam", ""),
                "cbs_codes": " ".join(g["code"] for g in k["gemeenten"]),
                "gemeenten": ", ".join(g["naam"] for g in k["gemeenten"]),
                "rondes": ", ".join(r["naam"] for r in k["rondes"]),
                "doelgroepen": ", ".join(t["naam"] for t in k["doelgroepen"]),
                "themas": ", ".join(t["naam"] for t in k["themas"]),
                "organisatie": k["antwoorden"]["organisatie"]["tekst"],
                "ambities": k["antwoorden"]["ambities"]["tekst"],
                "acties": k["antwoorden"]["acties"]["tekst"],
                "is_voorbeeldtekst": k["is_voorbeeldtekst"],
                "deelname_volgens_bron": k["deelname_volgens_bron"],
                "bron_url": k["bron_url"],
                "url": k["url"],
            }
        )
    response = HttpResponse(als_csv(rijen), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="koplopers.csv"'
    return response


@api.get(
    "/koplopers/{slug}",
    response={200: schemas.Koploper, 404: schemas.Fout},
    url_name="koploper",
    tags=["Koplopers"],
    summary="Eén koploper",
    description="Het profiel van een gepubliceerde koploper, op slug. "
    "Een onbekende of niet gepubliceerde slug geeft 404.",
)
def koploper(request, slug: str):
    gevonden = gemeenten_selectors.open_data_koplopers().filter(slug=slug).first()
    if gevonden is None:
        raise Http404
    return _koploper(request, gevonden)


# --- Municipalities, provinces, the map ------------------------------------------------------------


@api.get(
    "/gemeenten",
    response={200: schemas.GemeentePagina, 422: schemas.Fout},
    url_name="gemeenten",
    tags=["Gemeenten en provincies"],
    summary="Alle gemeenten",
    description="De gemeenten van de CBS-indeling 2026, met provincie en de koplopers waar ze bij horen.",
)
def gemeenten(request, filters: Query[schemas.GemeenteFilters]):
    items = gemeenten_selectors.open_data_gemeenten()
    if filters.provincie:
        items = items.filter(provincie__slug=filters.provincie)
    return _pagina(request, items, filters, _gemeente)


@api.get(
    "/gemeenten.geojson",
    response={200: None, 422: schemas.Fout},
    url_name="gemeenten_geojson",
    tags=["Gemeenten en provincies"],
    summary="De kaart als GeoJSON",
    description="Alle gemeenten als GeoJSON FeatureCollection (grenzen CBS / Kadaster, CC BY 4.0), de koplopers "
    "gemarkeerd (`koploper: true`). Dezelfde filters als de kaart: provincie, doelgroep, thema, ronde.",
    openapi_extra={
        "responses": {
            200: {"description": "GeoJSON", "content": {"application/geo+json": {"schema": {"type": "object"}}}}
        }
    },
)
def gemeenten_geojson(request, filters: Query[schemas.KoploperCsvFilters]):
    gegevens = {
        naam: getattr(filters, naam) for naam in ("provincie", "doelgroep", "thema", "ronde") if getattr(filters, naam)
    }
    basis = gemeenten_selectors.gepubliceerde_koplopers()
    filterset = KoploperFilter(gegevens or None, queryset=basis, request=request)
    if gegevens and not filterset.is_valid():
        return _ongeldige_filters(request, filterset.form.errors)
    inhoud = gemeenten_selectors.kaart_geojson(gemeenten_selectors.kaart_koplopers(filterset.qs))
    return HttpResponse(inhoud.encode(), content_type="application/geo+json")


@api.get(
    "/gemeenten/{code}",
    response={200: schemas.Gemeente, 404: schemas.Fout},
    url_name="gemeente",
    tags=["Gemeenten en provincies"],
    summary="Eén gemeente",
    description="Een gemeente op CBS-code, bijvoorbeeld GM0034 (Almere).",
)
def gemeente(request, code: str):
    gevonden = gemeenten_selectors.open_data_gemeenten().filter(code=code.upper()).first()
    if gevonden is None:
        raise Http404
    return _gemeente(gevonden)


@api.get(
    "/provincies",
    response=list[schemas.Provincie],
    url_name="provincies",
    tags=["Gemeenten en provincies"],
    summary="De twaalf provincies",
)
def provincies(request):
    rijen = gemeenten_selectors.open_data_provincies()
    return [_provincie(p) | {"aantal_gemeenten": p.aantal_gemeenten} for p in rijen]


@api.get(
    "/doelgroepen", response=list[schemas.Term], url_name="doelgroepen", tags=["Vocabulaires"], summary="Doelgroepen"
)
def doelgroepen(request):
    return [_term(t) for t in Doelgroep.objects.order_by("naam")]


@api.get("/themas", response=list[schemas.Term], url_name="themas", tags=["Vocabulaires"], summary="Thema's")
def themas(request):
    return [_term(t) for t in Thema.objects.order_by("naam")]


# --- Rounds ------------------------------------------------------------------------------------------


@api.get(
    "/rondes",
    response=list[schemas.Ronde],
    url_name="rondes",
    tags=["Rondes"],
    summary="De rondes met hun openbare uitkomst",
    description="Rondes waarvan de uitkomst openbaar is, met de gepubliceerde koplopers. Nooit voordrachten, "
    "kandidaten, beoordelingen of scores.",
)
def rondes(request):
    return [_ronde(r) for r in selectie_selectors.open_data_rondes()]


@api.get(
    "/rondes/{slug}",
    response={200: schemas.Ronde, 404: schemas.Fout},
    url_name="ronde",
    tags=["Rondes"],
    summary="Eén ronde",
)
def ronde(request, slug: str):
    gevonden = selectie_selectors.open_data_rondes().filter(slug=slug).first()
    if gevonden is None:
        raise Http404
    return _ronde(gevonden)


# --- Knowledge base and showcase ------------------------------------------------------------------


@api.get(
    "/kennisbank",
    response={200: schemas.KennisitemPagina, 422: schemas.Fout},
    url_name="kennisbank",
    tags=["Kennisbank"],
    summary="De kennisproducten",
    description="Handreikingen, onderzoek, zelftests, methodes, artikelen en video's. Filters zoals op de "
    "kennisbank: soort, uitgever, jaar, doelgroep, thema en een zoekterm `q` (best passend eerst).",
)
def kennisbank(request, filters: Query[schemas.KennisbankFilters]):
    gegevens = {
        naam: getattr(filters, naam)
        for naam in ("soort", "uitgever", "jaar", "doelgroep", "thema", "q")
        if getattr(filters, naam)
    }
    filterset = KennisitemFilter(gegevens or None, queryset=kennisbank_selectors.kennisitem_detail())
    if gegevens and not filterset.is_valid():
        return _ongeldige_filters(request, filterset.form.errors)
    items = filterset.qs
    if filters.q and filters.q.strip():
        items = list(items)
    return _pagina(request, items, filters, lambda item: _kennisitem(request, item))


@api.get(
    "/kennisbank/{slug}",
    response={200: schemas.Kennisitem, 404: schemas.Fout},
    url_name="kennisitem",
    tags=["Kennisbank"],
    summary="Eén kennisproduct",
)
def kennisitem(request, slug: str):
    gevonden = kennisbank_selectors.kennisitem_detail().filter(slug=slug).first()
    if gevonden is None:
        raise Http404
    return _kennisitem(request, gevonden)


@api.get(
    "/etalage",
    response={200: schemas.EtalagePagina, 422: schemas.Fout},
    url_name="etalage",
    tags=["Etalage"],
    summary="De etalage-artikelen",
    description="Het maandelijkse artikel over een koploper, nieuwste eerst.",
)
def etalage(request, filters: Query[schemas.Pagina]):
    return _pagina(
        request, kennisbank_selectors.publieke_etalageartikelen(), filters, lambda a: _etalageartikel(request, a)
    )


@api.get(
    "/etalage/{slug}",
    response={200: schemas.Etalageartikel, 404: schemas.Fout},
    url_name="etalageartikel",
    tags=["Etalage"],
    summary="Eén etalage-artikel",
)
def etalageartikel(request, slug: str):
    gevonden = kennisbank_selectors.publieke_etalageartikelen().filter(slug=slug).first()
    if gevonden is None:
        raise Http404
    return _etalageartikel(request, gevonden)
