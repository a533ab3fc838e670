"""The public pages: the A–Z list, the map and its GeoJSON, and a koploper's profile."""

import gzip
import hashlib
import string

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.urls import reverse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.functional import SimpleLazyObject
from django.utils.http import http_date, quote_etag
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView, ListView, TemplateView

from .. import selectors
from ..filters import KoploperFilter

# Bounded: renaming a round or a target group changes no count, so it shows after at most this long.
GEOJSON_CACHE_SECONDEN = 60 * 60
# A cached profile is also bounded in time: renaming a round or theme does not change the version.
PROFIEL_CACHE_SECONDEN = 300


def _filterset(request, queryset=None):
    if queryset is None:
        queryset = selectors.publieke_koplopers()
    return KoploperFilter(request.GET or None, queryset=queryset, request=request)


def _met_filters(url_naam: str, filterset: KoploperFilter) -> str:
    url = reverse(url_naam)
    return f"{url}?{filterset.querystring}" if filterset.querystring else url


def _kaart_config(**extra) -> dict:
    """What kaart.js needs, handed over with json_script: tiles, attribution, view, Dutch texts."""
    leaflet = settings.LEAFLET_CONFIG
    return {
        "tegels": [
            {"naam": str(naam), "url": url, "attributie": opties.get("attribution", "")}
            for naam, url, opties in leaflet.get("TILES", [])
        ],
        "grensattributie": settings.MAP_BOUNDARY_ATTRIBUTION,
        "centrum": list(leaflet["DEFAULT_CENTER"]),
        "zoom": leaflet["DEFAULT_ZOOM"],
        "minZoom": leaflet["MIN_ZOOM"],
        "maxZoom": leaflet["MAX_ZOOM"],
        "teksten": {
            "inzoomen": _("Inzoomen"),
            "uitzoomen": _("Uitzoomen"),
            "sluiten": _("Sluiten"),
            "profiel": _("Bekijk het profiel van %(naam)s"),
            "rondes": _("Rondes"),
            "deelname": _("Deelname volgens de bron"),
            "onderdeel_van": _("Onderdeel van"),
            "laadfout": _("De gemeentegrenzen konden niet worden geladen. Bekijk de koplopers als lijst."),
        },
        **extra,
    }


def _per_letter(koplopers) -> list[dict]:
    """The A–Z index: every letter with its koplopers (none for a letter without koplopers)."""
    per_letter = {}
    for koploper in koplopers:
        per_letter.setdefault(koploper.beginletter, []).append(koploper)
    letters = [
        {"letter": letter, "anker": f"letter-{letter.lower()}", "koplopers": per_letter.get(letter, [])}
        for letter in string.ascii_uppercase
    ]
    if "#" in per_letter:
        letters.append({"letter": "#", "anker": "letter-overig", "koplopers": per_letter["#"]})
    return letters


class KoploperListView(ListView):
    """The A–Z list with a letter index, filters and the result count."""

    template_name = "gemeenten/koploper_list.html"
    context_object_name = "koplopers"

    def get_queryset(self):
        self.filterset = _filterset(self.request)
        return self.filterset.qs

    def get_context_data(self, **kwargs):
        # The results are a cached template fragment (keyed on the data version and the filters):
        # the koplopers are only fetched and grouped when that fragment has to be rendered.
        koplopers = self.object_list
        return super().get_context_data(
            filterset=self.filterset,
            letters=SimpleLazyObject(lambda: _per_letter(koplopers)),
            versie=selectors.publieke_versie()[0],
            kaart_met_filters=_met_filters("gemeenten:kaart", self.filterset),
            **kwargs,
        )


class KoploperKaartView(TemplateView):
    """The map of all municipalities with the koplopers highlighted; the same filters as the list."""

    template_name = "gemeenten/kaart.html"

    def get_context_data(self, **kwargs):
        filterset = _filterset(self.request, queryset=selectors.gepubliceerde_koplopers())
        geojson_url = reverse("gemeenten:kaart_geojson")
        aantal, niet_op_kaart = selectors.kaart_aantallen(filterset.qs)
        if filterset.querystring:
            geojson_url = f"{geojson_url}?{filterset.querystring}"
        return super().get_context_data(
            filterset=filterset,
            versie=selectors.publieke_versie()[0],
            aantal=aantal,
            niet_op_kaart=niet_op_kaart,
            lijst_met_filters=_met_filters("gemeenten:lijst", filterset),
            kaart_config=_kaart_config(modus="overzicht", geojson=geojson_url, container="kaart"),
            **kwargs,
        )


def _brotli():
    """The ``brotli`` module if it is installed (fonttools pulls it in for WeasyPrint), else None."""
    try:
        import brotli
    except ImportError:  # pragma: no cover - installed with the lock file on CPython
        return None
    return brotli


def _codering(request) -> str:
    """The encoding to answer in: "br", "gzip" or "" (none), from Accept-Encoding (q=0 refuses)."""
    aanvaard = set()
    for deel in request.headers.get("accept-encoding", "").lower().split(","):
        naam, _puntkomma, parameters = deel.strip().partition(";")
        if parameters.replace(" ", "") in ("q=0", "q=0.0", "q=0.00", "q=0.000"):
            continue
        aanvaard.add(naam.strip())
    if "br" in aanvaard and _brotli() is not None:
        return "br"
    if "gzip" in aanvaard:
        return "gzip"
    return ""


def geojson_gecomprimeerd(inhoud: bytes) -> dict[str, bytes]:
    """The GeoJSON body stored compressed once per data version: gzip, and brotli when installed."""
    gecomprimeerd = {"gzip": gzip.compress(inhoud, compresslevel=9, mtime=0)}
    brotli = _brotli()
    if brotli is not None:
        gecomprimeerd["br"] = brotli.compress(inhoud, mode=brotli.MODE_TEXT, quality=9)
    return gecomprimeerd


class KaartGeojsonView(View):
    """All municipalities as a GeoJSON FeatureCollection, the (filtered) koplopers marked.

    A repeat visit gets 304 without a query: the ETag is derived from the data version (cached) and the
    query string. The body is cached per data version and normalised filters (not for a free-text name
    search) already compressed, gzip and brotli, and served with ``Content-Encoding`` to a client that
    accepts it: the GZip middleware skips a response that has one, so nothing is compressed per request.
    A client that accepts neither gets the body unpacked from the gzip copy. The ETag of a compressed
    body is weak, as the GZip middleware made it.
    """

    def get(self, request):
        versie, laatst = selectors.publieke_versie()
        vraag = "&".join(f"{sleutel}={waarde}" for sleutel, waarde in sorted(request.GET.lists()))
        codering = _codering(request)
        etag = quote_etag(hashlib.sha256(f"{versie}?{vraag}".encode()).hexdigest()[:32])
        if codering:
            etag = f"W/{etag}"
        last_modified = int(laatst.timestamp()) if laatst else None
        response = get_conditional_response(request, etag=etag, last_modified=last_modified)
        if response is None:
            lichamen = self._inhoud(request, versie)
            if codering in lichamen and codering:
                response = HttpResponse(lichamen[codering], content_type="application/geo+json")
                response["Content-Encoding"] = codering
            else:  # uncompressed (the GZip middleware may still compress a free-text search's body)
                inhoud = lichamen[""] if "" in lichamen else gzip.decompress(lichamen["gzip"])
                response = HttpResponse(inhoud, content_type="application/geo+json")
        response["ETag"] = etag
        if last_modified is not None:
            response["Last-Modified"] = http_date(last_modified)
        patch_vary_headers(response, ("Accept-Encoding",))
        patch_cache_control(response, public=True, no_cache=True)
        return response

    def _inhoud(self, request, versie: str) -> dict[str, bytes]:
        """The body per encoding ("" is uncompressed)."""
        filterset = _filterset(request, queryset=selectors.gepubliceerde_koplopers())
        if "q" in filterset.actieve_filters:
            # Free text has no end of values: caching each would only push the common bodies out.
            return {"": selectors.kaart_geojson(selectors.kaart_koplopers(filterset.qs)).encode()}
        filters = hashlib.sha256(filterset.querystring.encode()).hexdigest()[:16]
        sleutel = f"gemeenten:kaart.geojson:v2:{versie}:{filters}"
        gecomprimeerd = cache.get(sleutel)
        if gecomprimeerd is None:
            inhoud = selectors.kaart_geojson(selectors.kaart_koplopers(filterset.qs)).encode()
            gecomprimeerd = geojson_gecomprimeerd(inhoud)
            cache.set(sleutel, gecomprimeerd, GEOJSON_CACHE_SECONDEN)
        return gecomprimeerd


class KoploperDetailView(DetailView):
    """A published koploper's profile; unknown or unpublished slugs give the Dutch 404 page.

    The object itself is one light query (it decides the 404 and feeds the per-user parts). What every
    visitor sees alike is a cached template fragment keyed on the profile's ``bijgewerkt`` (publishing,
    unpublishing, restoring and admin edits all change it) and the public data version; the full profile
    with its prefetches is only fetched when that fragment has to be rendered.
    """

    template_name = "gemeenten/koploper_detail.html"
    context_object_name = "koploper"

    def get_queryset(self):
        return selectors.gepubliceerde_koplopers()

    def get_context_data(self, **kwargs):
        koploper = self.object
        versie = f"{koploper.bijgewerkt.timestamp()}-{selectors.publieke_versie()[0]}"
        profiel = SimpleLazyObject(lambda: selectors.koploper_profiel().get(pk=koploper.pk))
        kaart_config = (
            cache.get_or_set(
                f"gemeenten:profielkaart:{koploper.pk}:{versie}",
                lambda: _profiel_kaart_config(profiel),
                PROFIEL_CACHE_SECONDEN,
            )
            or None
        )
        return super().get_context_data(profiel=profiel, versie=versie, kaart_config=kaart_config, **kwargs)


def _profiel_kaart_config(profiel) -> dict | bool:
    """The small map's configuration, or False (cacheable) when the area is not known."""
    gebied = selectors.koploper_gebied(profiel)
    if not gebied:
        return False
    # The surroundings (neighbouring municipalities, in grey) come from the map's GeoJSON, which the
    # browser caches (ETag) and which also works without tiles.
    return _kaart_config(
        modus="enkel", gebied=gebied, container="profielkaart", omgeving=reverse("gemeenten:kaart_geojson")
    )


kaart_geojson = KaartGeojsonView.as_view()
