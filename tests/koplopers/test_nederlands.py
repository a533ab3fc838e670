"""No English from Django (or its add-ons) reaches a user of the Dutch portal.

The English messages are Django's own: every msgid of its catalogues (core, admin, auth) that has a
Dutch translation in the portal. If the English text of such a message appears on a page, the page
showed an untranslated message (e.g. a new Django version changed the msgid, as 6.1 did for
"This password is too short…"). The catalogue test checks that every English sentence of Django's
catalogues has Dutch, from Django's own catalogue or the project's (locale/nl/LC_MESSAGES).
"""

import ast
import html
import re
from functools import cache
from pathlib import Path

import django
import pytest
from django.contrib.auth.tokens import default_token_generator
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from tests.factories.accounts import BelangenbehartigerFactory, UitnodigingFactory, UserFactory
from tests.factories.gemeenten import GemeenteFactory, KoploperFactory
from tests.factories.selectie import VoordrachtFactory
from tests.permissies import inloggen, totp_apparaat_maken

DJANGO = Path(django.__file__).parent
CATALOGI = [
    DJANGO / "conf/locale/en/LC_MESSAGES/django.po",
    DJANGO / "contrib/admin/locale/en/LC_MESSAGES/django.po",
    DJANGO / "contrib/auth/locale/en/LC_MESSAGES/django.po",
]
PLAATSHOUDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")


def _msgids(pad: Path):
    """(msgid, msgid_plural) of a .po file; msgids with a context are left out (single words)."""
    regels, huidig, soort, context = [], None, None, False
    for regel in [*pad.read_text(encoding="utf-8").splitlines(), ""]:
        if regel.startswith("msgctxt "):
            context = True
        elif regel.startswith("msgid "):
            huidig, soort = [ast.literal_eval(regel[6:]), None], "id"
        elif regel.startswith("msgid_plural "):
            huidig[1], soort = ast.literal_eval(regel[13:]), "meervoud"
        elif regel.startswith('"') and soort in ("id", "meervoud"):
            huidig[0 if soort == "id" else 1] += ast.literal_eval(regel)
        elif regel.startswith("msgstr"):
            if soort and huidig[0] and not context:
                regels.append(tuple(huidig))
            soort = None
        elif not regel.strip():
            context = False
    return regels


def _is_zin(tekst: str) -> bool:
    """An English sentence or phrase (at least three words), not a name, unit or abbreviation."""
    return len(re.findall(r"[A-Za-z]{2,}", PLAATSHOUDER.sub("", tekst))) >= 3


@cache
def _engelse_zinnen() -> tuple[list[str], list[str]]:
    """(fragments of English messages that have Dutch, English messages without Dutch)."""
    fragmenten, onvertaald = set(), []
    with translation.override("nl"):
        for pad in CATALOGI:
            for enkelvoud, meervoud in _msgids(pad):
                vormen = [enkelvoud, meervoud] if meervoud else [enkelvoud]
                for n, vorm in enumerate(vormen):
                    if not _is_zin(vorm):
                        continue
                    nl = translation.ngettext(enkelvoud, meervoud, n + 1) if meervoud else translation.gettext(vorm)
                    if nl == vorm:
                        onvertaald.append(vorm)
                        continue
                    for stuk in PLAATSHOUDER.split(vorm):
                        if _is_zin(stuk) and len(stuk.strip()) >= 15:
                            fragmenten.add(stuk.strip())
    return sorted(fragmenten), onvertaald


def _engels_op(response) -> list[str]:
    tekst = html.unescape(response.content.decode())
    return [fragment for fragment in _engelse_zinnen()[0] if fragment in tekst]


def test_elke_engelse_zin_van_django_heeft_nederlands():
    fragmenten, onvertaald = _engelse_zinnen()

    assert len(fragmenten) > 200  # the scan below really looks for something
    assert onvertaald == []


def test_wachtwoord_te_kort_is_nederlands():
    from django.contrib.auth.password_validation import MinimumLengthValidator
    from django.core.exceptions import ValidationError

    with translation.override("nl"), pytest.raises(ValidationError) as fout:
        MinimumLengthValidator(min_length=12).validate("kort")

    assert fout.value.messages == ["Dit wachtwoord is te kort. Het moet minstens 12 tekens bevatten."]


def test_scan_vindt_engels(settings, client, db):
    """The scan itself can fail: with English switched on, Django's own validator message is found."""
    settings.LANGUAGES = [("nl", "Nederlands"), ("en", "English")]

    response = client.post(
        reverse("accounts:registreren"), {"wachtwoord1": "1234", "wachtwoord2": "1234"}, HTTP_ACCEPT_LANGUAGE="en"
    )

    assert "This password is too common." in _engels_op(response)


ZWAKKE_WACHTWOORDEN = ["kort", "password123", "12345678901234"]  # too short, too common, only digits


@pytest.mark.parametrize("wachtwoord", ZWAKKE_WACHTWOORDEN)
def test_wachtwoordformulieren_tonen_geen_engels(client, db, wachtwoord):
    gebruiker = UserFactory(username="jet", email="jet@example.nl")
    UitnodigingFactory(token="uitnodiging-nederlands-1234567890")
    paren = {"new_password1": wachtwoord, "new_password2": wachtwoord}
    antwoorden = {
        "registreren": client.post(
            reverse("accounts:registreren"),
            {"email": "nieuw@example.nl", "wachtwoord1": wachtwoord, "wachtwoord2": wachtwoord},
        ),
        "uitnodiging": client.post(
            reverse("accounts:uitnodiging", kwargs={"token": "uitnodiging-nederlands-1234567890"}), paren
        ),
    }
    link = reverse(
        "accounts:password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(gebruiker.pk)),
            "token": default_token_generator.make_token(gebruiker),
        },
    )
    formulier = client.get(link, follow=True)
    antwoorden["herstellen"] = client.post(formulier.redirect_chain[-1][0], paren)
    ingelogd = Client()
    ingelogd.force_login(gebruiker)
    antwoorden["wijzigen"] = ingelogd.post(reverse("accounts:password_change"), {"old_password": "fout", **paren})

    for naam, response in antwoorden.items():
        assert response.status_code == 200, naam
        assert 'aria-invalid="true"' in response.text, naam
        assert _engels_op(response) == [], naam


def test_inloggen_en_wachtwoord_vergeten_tonen_geen_engels(client, db):
    antwoorden = [
        client.get(reverse("accounts:login")),
        client.post(reverse("accounts:login"), {"username": "niemand", "password": "fout"}),
        client.post(reverse("accounts:login"), {}),
        client.post(reverse("accounts:password_reset"), {"email": "geen adres"}),
    ]

    for response in antwoorden:
        assert response.status_code == 200
        assert _engels_op(response) == []


def test_profiel_en_voordracht_met_fouten_tonen_geen_engels(db):
    koploper = KoploperFactory()
    ambtenaar = UserFactory(username="ambtenaar")
    ambtenaar.koplopers.set([koploper])
    client = Client()
    client.force_login(ambtenaar)
    profiel = client.post(reverse("gemeenten:bewerken", kwargs={"slug": koploper.slug}), {"website": "geen url"})
    indiener = BelangenbehartigerFactory()
    voordracht = VoordrachtFactory(indiener=indiener, gemeenten=[GemeenteFactory()])
    client.force_login(indiener)
    voordragen = client.post(
        reverse("selectie:voordracht_indienen", args=[voordracht.pk]),
        {"token": str(voordracht.token), "contact_email": "geen adres", "gemeenten": ["x"]},
    )

    assert 'aria-invalid="true"' in voordragen.text
    for response in (profiel, voordragen):
        assert response.status_code == 200
        assert _engels_op(response) == []


def test_beheer_zoekvak_en_lijsten_zijn_nederlands(db):
    beheerder = UserFactory(username="beheerder", is_superuser=True, is_staff=True)
    totp_apparaat_maken(beheerder)
    client = Client()
    inloggen(client, beheerder)

    lijst = client.get(reverse("admin:accounts_user_changelist"), {"q": "jet"})
    verwijderen = client.get(reverse("admin:accounts_user_delete", args=[beheerder.pk]))

    assert lijst.status_code == 200
    assert re.findall(r"\bSearch\b", html.unescape(lijst.content.decode())) == []
    assert "Zoeken in gebruikers" in lijst.text
    assert _engels_op(lijst) == []
    assert _engels_op(verwijderen) == []
