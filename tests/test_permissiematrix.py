"""Every named URL of the portal × every role: the expected status, and no denied write changes anything.

Expectations live in ``tests/<app>/permissies.py`` (see ``tests/permissies.py``). The URL names are
taken from the URL configuration, so a new URL without expectations makes ``test_elke_url_heeft_verwachtingen``
fail.

URLs that show nomination content also have object-level expectations (``OBJECTVERWACHTINGEN``): each
situation of ``tests.permissies.SITUATIES`` (assigned, not assigned, each kind of conflict, another
round, draft, withdrawn) × each role, with the status and whether the nomination's content is in the
response; a denied response holds none of it, not even a link to its attachment.
"""

import importlib
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.shortcuts import resolve_url
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from koplopers.accounts.middleware import VRIJE_URLS
from tests.permissies import (
    ALLE_ROLLEN,
    ROLLEN,
    SITUATIES,
    ZONDER_2FA,
    Objectverwachting,
    Verwachting,
    Wereld,
    situatie_bouwen,
)

TESTS = Path(__file__).resolve().parent

# URLs that need no expectations: the admin (Django's own permissions) and static/media serving.
OVERGESLAGEN_PREFIXEN = ("beheer/", "static/", "media/")

# URLs that show a nomination's content (motivations, contacts, attachments) to someone other than its
# nominator: each needs object-level expectations.
NOMINATIE_INHOUD = {"selectie:bijlage", "selectie:voordracht_detail", "beoordeling:kandidaat"}

# URL names that are not covered yet, each with the reason the lead agreed to. Keep this empty.
NOG_NIET_GEDEKT: dict[str, str] = {}

# Models whose rows may change on any request (sessions, login bookkeeping).
VLUCHTIGE_MODELLEN = {"sessions.session", "axes.accessattempt", "axes.accesslog", "axes.accessfailurelog"}


def _verwachtingen_verzamelen(naam: str = "VERWACHTINGEN") -> list:
    verwachtingen = []
    for bestand in sorted(TESTS.glob("*/permissies.py")):
        module = importlib.import_module(f"tests.{bestand.parent.name}.permissies")
        verwachtingen.extend(getattr(module, naam, []))
    return verwachtingen


VERWACHTINGEN: list[Verwachting] = _verwachtingen_verzamelen()
OBJECTVERWACHTINGEN: list[Objectverwachting] = _verwachtingen_verzamelen("OBJECTVERWACHTINGEN")


def _url_namen(resolver: URLResolver | None = None, namespace: str = "", prefix: str = "") -> set[str]:
    """All named URLs below ``resolver``, as ``namespace:name``, outside the skipped prefixes."""
    resolver = resolver or get_resolver()
    namen = set()
    for patroon in resolver.url_patterns:
        pad = prefix + str(patroon.pattern)
        if pad.startswith(OVERGESLAGEN_PREFIXEN) or pad.lstrip("^").startswith(OVERGESLAGEN_PREFIXEN):
            continue
        if isinstance(patroon, URLResolver):
            ns = namespace
            if patroon.namespace:
                ns = f"{namespace}{patroon.namespace}:"
            namen |= _url_namen(patroon, ns, pad)
        elif isinstance(patroon, URLPattern) and patroon.name:
            namen.add(f"{namespace}{patroon.name}")
    return namen


def _database_staat() -> dict:
    """Every row of every model (except volatile ones), to compare before and after a denied write."""
    staat = {}
    for model in apps.get_models():
        if model._meta.label_lower in VLUCHTIGE_MODELLEN or not model._meta.managed:
            continue
        staat[model._meta.label_lower] = list(model._default_manager.order_by("pk").values_list())
    return staat


def _naar_inloggen(response) -> bool:
    """A redirect to the login page because login is required (it carries ``?next=``)."""
    return response.status_code == 302 and response["Location"].startswith(resolve_url(settings.LOGIN_URL) + "?next=")


def _naar_tweestaps_instellen(response) -> bool:
    """A redirect to the two-factor setup (an admin account without a second factor)."""
    return response.status_code == 302 and response["Location"].startswith(reverse("accounts:tweestaps_instellen"))


def _is_geweigerd(rol: str, response) -> bool:
    return (
        response.status_code >= 400
        or (rol == "anoniem" and _naar_inloggen(response))
        or (rol in ZONDER_2FA and _naar_tweestaps_instellen(response))
    )


def test_elke_url_heeft_verwachtingen():
    gedekt = {verwachting.url_name for verwachting in VERWACHTINGEN} | set(NOG_NIET_GEDEKT)

    ontbrekend = sorted(_url_namen() - gedekt)

    assert ontbrekend == []


def test_verwachtingen_noemen_elke_rol():
    onvolledig = [
        (verwachting.url_name, soort)
        for verwachting in VERWACHTINGEN
        for soort, statussen in (("get", verwachting.get), ("post", verwachting.post))
        if statussen is not None and sorted(statussen) != sorted(ALLE_ROLLEN)
    ]

    assert onvolledig == []


def test_verwachtingen_bestaan_in_de_urlconf():
    onbekend = sorted({verwachting.url_name for verwachting in VERWACHTINGEN} - _url_namen())

    assert onbekend == []


def _gevallen(soort: str):
    for verwachting in VERWACHTINGEN:
        statussen = getattr(verwachting, soort)
        if statussen is None:
            continue
        for rol in ALLE_ROLLEN:
            if rol in statussen:
                yield pytest.param(verwachting, rol, statussen[rol], id=f"{verwachting.url_name}-{rol}")


@pytest.mark.django_db
@pytest.mark.parametrize(("verwachting", "rol", "status"), list(_gevallen("get")))
def test_get(verwachting, rol, status):
    wereld = Wereld.bouwen()
    url = reverse(verwachting.url_name, kwargs=verwachting.kwargs(wereld))
    client = wereld.client_voor(rol)

    response = client.get(url)

    assert response.status_code == status, f"GET {url} als {rol}"
    if rol == "anoniem" and status == 302 and set(verwachting.get.values()) != {302}:
        assert _naar_inloggen(response), "anoniem hoort naar de inlogpagina"
    if rol in ZONDER_2FA and status == 302 and verwachting.url_name not in VRIJE_URLS:
        assert _naar_tweestaps_instellen(response), f"{rol} hoort eerst tweestapsverificatie in te stellen"


@pytest.mark.django_db
@pytest.mark.parametrize(("verwachting", "rol", "status"), list(_gevallen("post")))
def test_post(verwachting, rol, status):
    wereld = Wereld.bouwen()
    url = reverse(verwachting.url_name, kwargs=verwachting.kwargs(wereld))
    data = verwachting.post_data(wereld)
    client = wereld.client_voor(rol)
    voor = _database_staat()

    response = client.post(url, data)

    assert response.status_code == status, f"POST {url} als {rol}"
    if _is_geweigerd(rol, response):
        assert _database_staat() == voor, f"een geweigerde POST naar {url} als {rol} veranderde de database"


# Object-level rules -----------------------------------------------------------------------------------


def test_elke_url_met_voordrachtinhoud_heeft_objectverwachtingen():
    gedekt = {verwachting.url_name for verwachting in OBJECTVERWACHTINGEN}

    assert sorted(NOMINATIE_INHOUD - gedekt) == []
    assert sorted(gedekt - _url_namen()) == []


def test_objectverwachtingen_noemen_elke_situatie_en_rol():
    onvolledig = [
        (verwachting.url_name, situatie)
        for verwachting in OBJECTVERWACHTINGEN
        for situatie in SITUATIES
        if sorted(verwachting.get.get(situatie, {})) != sorted(ROLLEN)
    ]

    assert onvolledig == []
    assert all(sorted(verwachting.get) == sorted(SITUATIES) for verwachting in OBJECTVERWACHTINGEN)


def _objectgevallen():
    for verwachting in OBJECTVERWACHTINGEN:
        for situatie in SITUATIES:
            for rol in ROLLEN:
                uitkomst = verwachting.get[situatie][rol]
                yield pytest.param(verwachting, situatie, rol, uitkomst, id=f"{verwachting.url_name}-{situatie}-{rol}")


def _inhoud(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.mark.django_db
@pytest.mark.parametrize(("verwachting", "situatie_naam", "rol", "uitkomst"), list(_objectgevallen()))
def test_object_get(verwachting, situatie_naam, rol, uitkomst, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    wereld = Wereld.bouwen()
    situatie = situatie_bouwen(wereld, situatie_naam)
    url = reverse(verwachting.url_name, kwargs=verwachting.kwargs(situatie))
    client = wereld.client_voor(rol)

    response = client.get(url)

    assert response.status_code == uitkomst.status, f"GET {url} als {rol} ({situatie_naam})"
    inhoud = _inhoud(response)
    if uitkomst.zichtbaar:
        assert [stuk for stuk in verwachting.inhoud(situatie) if stuk not in inhoud] == []
    else:
        assert [stuk for stuk in situatie.geheimen if stuk in inhoud] == [], f"{url} als {rol} lekt inhoud"
    if rol == "anoniem":
        assert _naar_inloggen(response), "anoniem hoort naar de inlogpagina"
