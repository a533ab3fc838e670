"""Permission expectations for 'Mijn gegevens' and the deletion requests (see tests/permissies.py)."""

from koplopers.privacy.models import Verwijderverzoek
from tests.permissies import ROLLEN, Verwachting

INGELOGD_200 = {**dict.fromkeys(ROLLEN, 200), "anoniem": 302}
ALLEEN_STAF = {
    "anoniem": 302,
    "ambtenaar_a": 403,
    "ambtenaar_b": 403,
    "belangenbehartiger": 403,
    "beoordelaar": 403,
    "staf": 200,
}


def _met(statussen: dict, status_bij_200: int) -> dict:
    return {rol: status_bij_200 if status == 200 else status for rol, status in statussen.items()}


def _verzoek(wereld) -> dict:
    gebruiker = wereld.gebruikers["belangenbehartiger"]
    verzoek = Verwijderverzoek.objects.create(gebruiker=gebruiker, accountnummer=gebruiker.pk)
    return {"pk": verzoek.pk}


VERWACHTINGEN = [
    Verwachting("privacy:mijn_gegevens", get=INGELOGD_200),
    Verwachting("privacy:download_json", get=INGELOGD_200),
    Verwachting("privacy:download_zip", get=INGELOGD_200),
    Verwachting(
        "privacy:verwijderen",
        get=INGELOGD_200,
        post=_met(INGELOGD_200, 302),
        post_data=lambda wereld: {"bevestiging": "on", "toelichting": "Ik stop ermee."},
    ),
    Verwachting("privacy:verzoeken", get=ALLEEN_STAF),
    # The request is the local advocate's: they may not handle it themselves, staff may.
    Verwachting("privacy:verzoek", kwargs=_verzoek, get=ALLEEN_STAF),
    Verwachting(
        "privacy:verzoek_uitvoeren",
        kwargs=_verzoek,
        get=_met(ALLEEN_STAF, 405),
        post=_met(ALLEEN_STAF, 302),
        post_data=lambda wereld: {"bevestiging": "on"},
    ),
    Verwachting(
        "privacy:verzoek_weigeren",
        kwargs=_verzoek,
        get=_met(ALLEEN_STAF, 405),
        post=_met(ALLEEN_STAF, 302),
        post_data=lambda wereld: {"reden": "Er loopt nog een ronde."},
    ),
]
