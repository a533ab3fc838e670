"""Odd input on every form view of the portal: no response is a server error (500).

The URLs come from the permission matrix (``tests/<app>/permissies.py``), which is checked against the
URL configuration, so a new view is fuzzed as soon as it has expectations. Each view is used by a role
that may use it. The fields are those of the forms on the page (parsed from its HTML) plus the matrix's
``post_data``; every field gets long (10,000 characters), odd (NUL bytes, right-to-left text, emoji,
invalid UTF-8 as a lone surrogate would be sent, SQL, HTML) and malformed values (wrong types, huge and
negative numbers, bad dates, several values where one is expected, bad ids, missing fields), first all
fields at once, then one field at a time with the others left valid. GET forms (filters, search) get the
same values in the query string, and every URL with parameters is opened with bad ids and slugs.

A request that raises is collected with its payload, so one run lists every failure. A POST refused with
every field wrong (the form shown again, or 4xx) must leave the database unchanged.
"""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import quote, urlsplit

import pytest
from django.test import Client
from django.urls import Resolver404, resolve, reverse

from tests.permissies import ROLLEN, Verwachting, Wereld, _geen_kwargs
from tests.test_permissiematrix import VERWACHTINGEN, _database_staat, _url_namen

LANG = "x" * 10_000
VREEMD = "\u202eعربي\u202c 👩🏽‍💻\u200b ﷽ Z̸̢͉a̴l̷g̵o"
SQL = "' OR 1=1; DROP TABLE accounts_user; --"
HTML = '"><script>alert(1)</script><img src=x onerror=alert(1)>'

# Values for every field at once (label → value; a list posts several values for one name).
WAARDEN_ALLES: dict[str, object] = {
    "lang": LANG,
    "nul": "a\x00b\x00",
    "vreemd": VREEMD,
    "sql": SQL,
    "html": HTML,
    "leeg": "",
    "spaties": "   \t ",
    "groot_getal": "9" * 40,
    "negatief": "-1",
    "nan": "NaN",
    "oneindig": "1e999",
    "datum": "2026-02-30",
    "datum_onzin": "31-31-99999 25:61",
    "lijst": ["1", "2", "x", ""],
    "id_onbekend": "999999999999",
    "id_te_groot": "99999999999999999999999999",
}
# Values for one field at a time, the other fields kept valid: each field gets these two, and one of
# the rest in turn (so every value meets many fields and the run stays short).
WAARDEN_PER_VELD: dict[str, object] = {
    "lang": LANG,
    "lang_email": "a" * 190 + "@example.org",  # valid for an e-mail field, too long for most columns
}
WAARDEN_PER_VELD_ROULEREND: dict[str, object] = {
    "vreemd_nul": VREEMD + "\x00",
    "groot_getal": "9" * 40,
    "negatief": "-5",
    "lijst": ["1", "x"],
    "ontbreekt": None,
}
# Bytes that are not UTF-8 (what a browser sends for a lone surrogate), posted raw: the test client
# cannot encode a lone surrogate itself.
ONGELDIGE_UTF8 = b"%ED%A0%80%FF%FE"

# Query parameters that views read without a form on the page.
ALGEMENE_PARAMETERS = ["page", "pagina", "next", "q", "sort", "volgorde", "format", "ronde", "provincie"]

# Rows that change on any request: sessions and the bookkeeping of failed logins.
VLUCHTIG = {"sessions.session", "accounts.misluktepoging", "accounts.accountblokkade"}
# Unconfirmed TOTP devices are prepared when the setup page is shown (a refused code keeps it).
VLUCHTIG_PER_URL = {"accounts:tweestaps_instellen": {"otp_totp.totpdevice"}}

VOORKEUR = ["staf", "beoordelaar", "belangenbehartiger", "ambtenaar_a", "ambtenaar_b", "anoniem"]


class _Formulieren(HTMLParser):
    """The forms of a page: method, action and fields (name → list of default values)."""

    def __init__(self):
        super().__init__()
        self.formulieren: list[dict] = []
        self._select = None
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            methode = (attrs.get("method") or "get").lower()
            self.formulieren.append({"method": methode, "action": attrs.get("action") or "", "velden": {}})
            return
        if not self.formulieren:
            return
        velden = self.formulieren[-1]["velden"]
        if tag == "option" and self._select is not None:
            self._optie(velden, attrs)
            return
        naam = attrs.get("name")
        if not naam or naam == "csrfmiddlewaretoken":
            return
        if tag == "input":
            soort = (attrs.get("type") or "text").lower()
            if soort == "file":
                return
            velden.setdefault(naam, [])
            if soort in ("checkbox", "radio"):
                if "checked" in attrs or (soort == "radio" and not velden[naam]):
                    velden[naam] = [*([] if soort == "radio" else velden[naam]), attrs.get("value", "on")]
            elif soort not in ("submit", "button", "reset", "image"):
                velden[naam].append(attrs.get("value", ""))
        elif tag == "button" and attrs.get("value") is not None:
            velden.setdefault(naam, [attrs["value"]])
        elif tag == "select":
            velden.setdefault(naam, [])
            self._select = {"naam": naam, "eerste": None, "gekozen": False}
        elif tag == "textarea":
            velden[naam] = [""]
            self._textarea = naam

    def _optie(self, velden, attrs):
        waarde = attrs.get("value", "")
        if "selected" in attrs:
            if not self._select["gekozen"]:
                velden[self._select["naam"]] = []
            self._select["gekozen"] = True
            velden[self._select["naam"]].append(waarde)
        elif self._select["eerste"] is None and waarde:
            self._select["eerste"] = waarde

    def handle_endtag(self, tag):
        if tag == "select" and self._select is not None:
            velden = self.formulieren[-1]["velden"]
            if not self._select["gekozen"] and self._select["eerste"] is not None:
                velden[self._select["naam"]] = [self._select["eerste"]]
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea and self.formulieren:
            self.formulieren[-1]["velden"][self._textarea] = [data.strip("\n")]


def _formulieren(html: str) -> list[dict]:
    parser = _Formulieren()
    parser.feed(html)
    return parser.formulieren


def _mag_posten(verwachting: Verwachting, rol: str) -> bool:
    status = (verwachting.post or {}).get(rol)
    if status is None or status in (403, 404, 405):
        return False
    return not (rol == "anoniem" and status == 302 and set(verwachting.post.values()) != {302})  # to the login


def _rol(verwachting: Verwachting) -> str | None:
    """A role that may use the URL: its POST is not refused, else its GET gives 200, else (a page that
    redirects until something is in the session, such as the Zelftest's result) its GET redirects."""
    for rol in VOORKEUR:
        if _mag_posten(verwachting, rol):
            return rol
    for rol in VOORKEUR:
        if (verwachting.get or {}).get(rol) == 200:
            return rol
    statussen = set((verwachting.get or {}).values())
    if statussen == {302}:
        return VOORKEUR[0]
    return None


def _gevallen():
    gezien: dict[str, int] = {}
    for verwachting in VERWACHTINGEN:
        rol = _rol(verwachting)
        if rol is None:
            continue
        nummer = gezien[verwachting.url_name] = gezien.get(verwachting.url_name, 0) + 1
        yield pytest.param(verwachting, rol, id=f"{verwachting.url_name}-{rol}-{nummer}")


GEVALLEN = list(_gevallen())


class _Fouten:
    """Requests that raised (a 500 in production), with what was sent."""

    def __init__(self, client: Client):
        self.client = client
        self.lijst: list[str] = []

    def verzoek(self, methode: str, url: str, data=None, omschrijving: str = "", **extra):
        try:
            response = getattr(self.client, methode)(url, data, **extra)
        except Exception as fout:  # noqa: BLE001 (every exception is what we look for)
            self.lijst.append(f"{methode.upper()} {url[:120]} {omschrijving}: {type(fout).__name__}: {fout!s:.300}")
            return None
        if response.status_code >= 500:
            self.lijst.append(f"{methode.upper()} {url[:120]} {omschrijving}: status {response.status_code}")
        return response


def _zelfde_pad(actie: str, pad: str) -> bool:
    if not actie:
        return True
    try:
        return resolve(urlsplit(actie).path).route == resolve(pad).route
    except Resolver404:
        return False


def _velden(client_fouten: _Fouten, url: str, verwachting: Verwachting, wereld, kan_get: bool):
    """(POST fields with valid defaults, GET forms' fields) of the view at ``url``."""
    post_velden: dict[str, list] = {}
    get_velden: dict[str, list] = {}
    if kan_get:
        response = client_fouten.verzoek("get", url, omschrijving="(gewoon openen)")
        if response is not None and response.status_code == 200 and "html" in response.get("Content-Type", ""):
            for formulier in _formulieren(response.content.decode()):
                if not _zelfde_pad(formulier["action"], url):
                    continue
                doel = post_velden if formulier["method"] == "post" else get_velden
                for naam, waarden in formulier["velden"].items():
                    doel.setdefault(naam, waarden)
    if verwachting.post is not None:
        for naam, waarde in verwachting.post_data(wereld).items():
            post_velden[naam] = waarde if isinstance(waarde, list) else [waarde]
    return post_velden, get_velden


def _met(velden: dict[str, list], naam: str, waarde) -> dict:
    data = {sleutel: list(waarden) for sleutel, waarden in velden.items()}
    data[naam] = waarde if isinstance(waarde, list) else [waarde]
    return data


def _fuzzen(fouten: _Fouten, methode: str, url: str, velden: dict[str, list], verwachting: Verwachting):
    vluchtig = VLUCHTIG | VLUCHTIG_PER_URL.get(verwachting.url_name, set())

    def staat():
        return {model: rijen for model, rijen in _database_staat().items() if model not in vluchtig}

    # Every field wrong at once; the refused ones must change nothing (checked for two payloads: cheap enough).
    for label, waarde in WAARDEN_ALLES.items():
        controleren = methode == "post" and label in ("lang", "lijst")
        voor = staat() if controleren else None
        data = dict.fromkeys(velden, waarde) or {"veld": waarde}
        response = fouten.verzoek(methode, url, data, omschrijving=f"alles={label}")
        if controleren and response is not None and (response.status_code == 200 or 400 <= response.status_code < 500):
            assert staat() == voor, f"een geweigerde POST naar {url} ({label}) veranderde de database"
    fouten.verzoek(methode, url, {}, omschrijving="zonder velden")
    # One field at a time, the others valid.
    rouleren = list(WAARDEN_PER_VELD_ROULEREND.items())
    for nummer, naam in enumerate(velden):
        for label, waarde in [*WAARDEN_PER_VELD.items(), rouleren[nummer % len(rouleren)]]:
            if waarde is None:
                data = {sleutel: waarden for sleutel, waarden in velden.items() if sleutel != naam}
            else:
                data = _met(velden, naam, waarde)
            fouten.verzoek(methode, url, data, omschrijving=f"{naam}={label}")
    # Bytes that are not UTF-8 in every field.
    ruw = "&".join(f"{quote(naam)}={ONGELDIGE_UTF8.decode()}" for naam in (velden or {"veld": None}))
    if methode == "post":
        fouten.verzoek(
            "post", url, ruw, omschrijving="ongeldige utf-8", content_type="application/x-www-form-urlencoded"
        )
    else:
        fouten.verzoek("get", f"{url}?{ruw}", omschrijving="ongeldige utf-8")


@pytest.mark.django_db
@pytest.mark.parametrize(("verwachting", "rol"), GEVALLEN)
def test_geen_serverfout_bij_vreemde_invoer(verwachting, rol):
    wereld = Wereld.bouwen()
    url = reverse(verwachting.url_name, kwargs=verwachting.kwargs(wereld))
    fouten = _Fouten(wereld.client_voor(rol, Client(raise_request_exception=True)))
    kan_get = (verwachting.get or {}).get(rol) == 200
    post_velden, get_velden = _velden(fouten, url, verwachting, wereld, kan_get)

    if kan_get and get_velden:
        _fuzzen(fouten, "get", url, get_velden, verwachting)
    elif kan_get:  # no GET form: the parameters views commonly read, a few odd values each
        for label in ("lang", "groot_getal", "lijst", "nul"):
            data = dict.fromkeys(ALGEMENE_PARAMETERS, WAARDEN_ALLES[label])
            fouten.verzoek("get", url, data, omschrijving=f"parameters={label}")
    if _mag_posten(verwachting, rol):
        _fuzzen(fouten, "post", url, post_velden, verwachting)

    assert fouten.lijst == []


def _slechte_kwargs(kwargs: dict) -> list[dict]:
    slecht = []
    for naam, waarde in kwargs.items():
        kandidaten = (
            ["0", "99999999999999999999999", str(2**63)]
            if isinstance(waarde, int)
            else ["a" * 2000, "bestaat-niet", "x\u202e", "%00", "0"]
        )
        slecht.extend({**kwargs, naam: kandidaat} for kandidaat in kandidaten)
    return slecht


GEVALLEN_MET_PARAMETERS = [geval for geval in GEVALLEN if geval.values[0].kwargs is not _geen_kwargs]


@pytest.mark.django_db
@pytest.mark.parametrize(("verwachting", "rol"), GEVALLEN_MET_PARAMETERS)
def test_geen_serverfout_bij_slechte_ids_in_de_url(verwachting, rol):
    wereld = Wereld.bouwen()
    kwargs = verwachting.kwargs(wereld)
    fouten = _Fouten(wereld.client_voor(rol, Client(raise_request_exception=True)))

    for slecht in _slechte_kwargs(kwargs):
        try:
            url = reverse(verwachting.url_name, kwargs=slecht)
        except Exception:  # noqa: BLE001, S112 (the URL pattern itself refuses this value: nothing to send)
            continue
        fouten.verzoek("get", url, omschrijving=str(slecht)[:80])
        if verwachting.post is not None:
            fouten.verzoek("post", url, verwachting.post_data(wereld), omschrijving=str(slecht)[:80])

    assert fouten.lijst == []


def test_elke_url_wordt_gefuzzed():
    gefuzzed = {geval.values[0].url_name for geval in GEVALLEN}

    assert sorted(_url_namen() - gefuzzed) == []


@pytest.mark.django_db
def test_geen_serverfout_op_de_beheer_login():
    fouten = _Fouten(Client(raise_request_exception=True))
    velden = {"username": ["beheerder"], "password": ["fout"], "next": ["/beheer/"]}
    verwachting = Verwachting("admin:login", get=dict.fromkeys(ROLLEN, 200))

    _fuzzen(fouten, "post", reverse("admin:login"), velden, verwachting)

    assert fouten.lijst == []


def test_formulieren_lezen_vindt_velden_en_standaardwaarden():
    html = """
    <form method="post" action=""><input type="hidden" name="csrfmiddlewaretoken" value="t">
      <input name="naam" value="Ans"><input type="checkbox" name="akkoord" value="ja" checked>
      <select name="soort"><option value="">–</option><option value="a">A</option></select>
      <textarea name="tekst">Hallo</textarea><button name="actie" value="opslaan">Opslaan</button></form>
    <form><input name="q"></form>"""

    formulieren = _formulieren(html)

    assert [f["method"] for f in formulieren] == ["post", "get"]
    assert formulieren[0]["velden"] == {
        "naam": ["Ans"],
        "akkoord": ["ja"],
        "soort": ["a"],
        "tekst": ["Hallo"],
        "actie": ["opslaan"],
    }
    assert formulieren[1]["velden"] == {"q": [""]}
