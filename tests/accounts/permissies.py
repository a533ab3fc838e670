"""Permission expectations for the accounts URLs and profile editing (see tests/permissies.py)."""

from datetime import timedelta

from django.utils import timezone

from koplopers.accounts.models import Uitnodiging
from koplopers.accounts.tokens import token_hash
from tests.permissies import ROLLEN, ZONDER_2FA, Verwachting

IEDEREEN_200 = dict.fromkeys(ROLLEN, 200)
INGELOGD_200 = {**IEDEREEN_200, "anoniem": 302}
ALLEEN_STAF = {
    "anoniem": 302,
    "ambtenaar_a": 403,
    "ambtenaar_b": 403,
    "belangenbehartiger": 403,
    "beoordelaar": 403,
    "staf": 200,
}
AMBTENAAR_A_EN_STAF = {**ALLEEN_STAF, "ambtenaar_a": 200}
ALLEEN_GEVERIFIEERD = {**ALLEEN_STAF, "beoordelaar": 200}
ALLEEN_POST = dict.fromkeys(ROLLEN, 405)


def _met(statussen: dict, status_bij_200: int) -> dict:
    """The same table, with every 200 replaced (e.g. by 302 for a write that redirects, 405 for GET)."""
    return {rol: status_bij_200 if status == 200 else status for rol, status in statussen.items()}


TOKEN = "een-geldige-uitnodigingstoken-voor-de-matrix"


def _uitnodiging(wereld) -> Uitnodiging:
    return Uitnodiging.objects.create(
        email="nieuw@gemeente.example", token_hash=token_hash(TOKEN), verloopt_op=timezone.now() + timedelta(days=7)
    )


def _profiel(wereld) -> dict:
    return {"slug": wereld.koploper_a.slug}


def _versie(wereld) -> dict:
    return {"slug": wereld.koploper_a.slug, "versie": wereld.koploper_a.history.earliest().history_id}


def _profielgegevens(wereld) -> dict:
    return {
        "basis": "0.0",
        "organisatie": "Nieuwe tekst over de organisatie.",
        "ambities": "",
        "acties": "",
        "logo_alt": "",
        "links-TOTAL_FORMS": "0",
        "links-INITIAL_FORMS": "0",
        "contacten-TOTAL_FORMS": "0",
        "contacten-INITIAL_FORMS": "0",
    }


VERWACHTINGEN = [
    Verwachting("accounts:login", get={**_met(IEDEREEN_200, 302), "anoniem": 200}),
    # Free for admin accounts without a second factor: they set it up there, or log out.
    Verwachting("accounts:logout", get={**ALLEEN_POST, **dict.fromkeys(ZONDER_2FA, 405)}, post=_met(IEDEREEN_200, 302)),
    Verwachting("accounts:password_reset", get=IEDEREEN_200),
    Verwachting("accounts:password_reset_done", get=IEDEREEN_200),
    Verwachting(
        "accounts:password_reset_confirm", kwargs=lambda wereld: {"uidb64": "MQ", "token": "ongeldig"}, get=IEDEREEN_200
    ),
    Verwachting("accounts:password_reset_complete", get=IEDEREEN_200),
    Verwachting(
        "accounts:password_change",
        get=INGELOGD_200,
        post=INGELOGD_200,
        post_data=lambda wereld: {"old_password": "fout", "new_password1": "x", "new_password2": "y"},
    ),
    Verwachting("accounts:password_change_done", get=INGELOGD_200),
    Verwachting("accounts:mijn_account", get=INGELOGD_200),
    Verwachting(
        "accounts:mijn_gemeente",
        get={**ALLEEN_STAF, "ambtenaar_a": 200, "ambtenaar_b": 200, "staf": 403},
    ),
    Verwachting("accounts:tweestaps", get={**_met(INGELOGD_200, 302), "beoordelaar": 200, "staf": 200}),
    Verwachting("accounts:tweestaps_instellen", get={**INGELOGD_200, **dict.fromkeys(ZONDER_2FA, 200)}),
    Verwachting("accounts:tweestaps_uitschakelen", get={**ALLEEN_POST, "anoniem": 302}, post=_met(IEDEREEN_200, 302)),
    Verwachting(
        "accounts:reservecodes", get=ALLEEN_GEVERIFIEERD, post={**ALLEEN_GEVERIFIEERD, "staf": 302, "beoordelaar": 302}
    ),
    Verwachting("accounts:tweestaps_herstel_lijst", get=ALLEEN_STAF),
    Verwachting(
        "accounts:tweestaps_herstellen",
        kwargs=lambda wereld: {"pk": wereld.gebruikers["ambtenaar_a"].pk},
        get=ALLEEN_STAF,
        post=_met(ALLEEN_STAF, 302),
        post_data=lambda wereld: {"reden": "Telefoon kwijt, teruggebeld op het bekende nummer."},
    ),
    Verwachting(
        "accounts:uitnodigen",
        get=ALLEEN_STAF,
        post=_met(ALLEEN_STAF, 302),
        post_data=lambda wereld: {"email": "nieuw@gemeente.example", "koplopers": [wereld.koploper_a.pk]},
    ),
    Verwachting(
        "accounts:uitnodiging_intrekken",
        kwargs=lambda wereld: {"pk": _uitnodiging(wereld).pk},
        get=_met(ALLEEN_STAF, 405),
        post=_met(ALLEEN_STAF, 302),
    ),
    Verwachting(
        "accounts:uitnodiging",
        kwargs=lambda wereld: {"token": (_uitnodiging(wereld), TOKEN)[1]},
        get=IEDEREEN_200,
        post=_met(IEDEREEN_200, 302),
        post_data=lambda wereld: {"new_password1": "Een-lang-wachtwoord-42", "new_password2": "Een-lang-wachtwoord-42"},
    ),
    Verwachting("accounts:registreren", get=IEDEREEN_200, post=IEDEREEN_200),
    Verwachting("accounts:registratie_verstuurd", get=IEDEREEN_200),
    Verwachting(
        "accounts:registratie_bevestigen",
        kwargs=lambda wereld: {"uidb64": "MQ", "token": "ongeldig"},
        get=IEDEREEN_200,
        post=IEDEREEN_200,
    ),
    # Profile editing (gemeenten).
    Verwachting(
        "gemeenten:bewerken",
        kwargs=_profiel,
        get=AMBTENAAR_A_EN_STAF,
        post=_met(AMBTENAAR_A_EN_STAF, 302),
        post_data=_profielgegevens,
    ),
    Verwachting("gemeenten:publiceren", kwargs=_profiel, get=AMBTENAAR_A_EN_STAF, post=_met(AMBTENAAR_A_EN_STAF, 302)),
    Verwachting("gemeenten:depubliceren", kwargs=_profiel, get=_met(ALLEEN_STAF, 405), post=_met(ALLEEN_STAF, 302)),
    Verwachting("gemeenten:geschiedenis", kwargs=_profiel, get=AMBTENAAR_A_EN_STAF),
    Verwachting("gemeenten:versie", kwargs=_versie, get=AMBTENAAR_A_EN_STAF),
    Verwachting("gemeenten:herstellen", kwargs=_versie, get=AMBTENAAR_A_EN_STAF, post=_met(AMBTENAAR_A_EN_STAF, 302)),
]
