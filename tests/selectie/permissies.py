"""Permission expectations for the nomination and round URLs (see tests/permissies.py).

A nomination belongs to the advocate of the world; anyone else gets 404 on it (its existence is not told).
Staff pages are for OTP-verified programme staff only. Reading a nomination or its attachment also
depends on the object (``OBJECTVERWACHTINGEN``): a reviewer only for a submitted one whose candidate is
assigned to them without a conflict; staff and the nominator always.
"""

import uuid

from tests.permissies import INLOGGEN, NIET_GEVONDEN, SITUATIES, ZIET, Objectverwachting, Verwachting

ANONIEM_NAAR_INLOGGEN = {"anoniem": 302}
IEDEREEN_200 = {
    "anoniem": 200,
    "ambtenaar_a": 200,
    "ambtenaar_b": 200,
    "belangenbehartiger": 200,
    "beoordelaar": 200,
    "staf": 200,
}
INGELOGD_200 = {**IEDEREEN_200, **ANONIEM_NAAR_INLOGGEN}
EIGENAAR = {
    "anoniem": 302,
    "ambtenaar_a": 404,
    "ambtenaar_b": 404,
    "belangenbehartiger": 200,
    "beoordelaar": 404,
    "staf": 404,
}
EIGENAAR_SCHRIJFT = {**EIGENAAR, "belangenbehartiger": 302}
ALLEEN_STAF = {
    "anoniem": 302,
    "ambtenaar_a": 403,
    "ambtenaar_b": 403,
    "belangenbehartiger": 403,
    "beoordelaar": 403,
    "staf": 200,
}
ALLEEN_STAF_SCHRIJFT = {**ALLEEN_STAF, "staf": 302}


def _open_ronde(wereld):
    from tests.factories.selectie import OpenRondeFactory

    if not hasattr(wereld, "ronde"):
        wereld.ronde = OpenRondeFactory(slug="matrix-ronde")
    return wereld.ronde


def _concept(wereld):
    """A draft of the world's advocate, complete enough to submit."""
    from tests.factories.selectie import VoordrachtFactory

    if not hasattr(wereld, "voordracht"):
        wereld.voordracht = VoordrachtFactory(
            ronde=_open_ronde(wereld),
            indiener=wereld.gebruikers["belangenbehartiger"],
            gemeenten=[wereld.koploper_a.gemeente],
        )
    return wereld.voordracht


def _ingediend(wereld):
    from selectie.services import voordracht_indienen

    voordracht = _concept(wereld)
    return voordracht_indienen(voordracht=voordracht, token=voordracht.token)


def _bijlage(wereld):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from selectie.services import bijlage_toevoegen
    from tests.selectie.conftest import pdf_inhoud

    if not hasattr(wereld, "bijlage"):
        bestand = SimpleUploadedFile("plan.pdf", pdf_inhoud(), "application/pdf")
        wereld.bijlage = bijlage_toevoegen(voordracht=_concept(wereld), bestand=bestand)
    return wereld.bijlage


def _voordracht_gegevens(wereld) -> dict:
    voordracht = _concept(wereld)
    gegevens = {
        "token": str(voordracht.token),
        "gemeenten": [wereld.koploper_a.gemeente.pk],
        "organisatie": "Cliëntenraad",
        "organisatie_type": "clientorganisatie",
        "contact_naam": "Jet",
        "contact_email": "jet@example.nl",
        "toestemming_privacy": "on",
    }
    for criterium in voordracht.ronde.criteria.all():
        gegevens[f"motivatie_{criterium.pk}"] = "Motivatie."
    return gegevens


def _ronde_gegevens(wereld) -> dict:
    return {
        "naam": "Matrixronde",
        "jaar": 2027,
        "sluit_op": "2099-01-31T12:00",
        "streefaantal_min": 12,
        "streefaantal_max": 15,
    }


def _concept_ronde(wereld):
    from datetime import timedelta

    from django.utils import timezone

    from selectie.services import ronde_aanmaken

    wereld.concept_ronde = ronde_aanmaken(naam="Conceptronde", jaar=2027, sluit_op=timezone.now() + timedelta(days=30))
    return {"slug": wereld.concept_ronde.slug}


VERWACHTINGEN = [
    Verwachting("selectie:voordragen", kwargs=lambda w: (_open_ronde(w), {})[1], get=IEDEREEN_200),
    Verwachting(
        "selectie:voordracht_starten",
        kwargs=lambda w: (_open_ronde(w), {})[1],
        post={
            "anoniem": 302,
            "ambtenaar_a": 302,
            "ambtenaar_b": 302,
            "belangenbehartiger": 302,
            "beoordelaar": 403,
            "staf": 403,
        },
        post_data=lambda w: {"token": str(uuid.uuid4())},
    ),
    Verwachting(
        "selectie:voordracht_bewerken",
        kwargs=lambda w: {"pk": _concept(w).pk},
        get=EIGENAAR,
        post=EIGENAAR_SCHRIJFT,
        post_data=_voordracht_gegevens,
    ),
    Verwachting(
        "selectie:voordracht_indienen",
        kwargs=lambda w: {"pk": _concept(w).pk},
        post=EIGENAAR_SCHRIJFT,
        post_data=_voordracht_gegevens,
    ),
    Verwachting("selectie:voordracht_bevestiging", kwargs=lambda w: {"pk": _ingediend(w).pk}, get=EIGENAAR),
    Verwachting("selectie:voordracht_verwijderen", kwargs=lambda w: {"pk": _concept(w).pk}, post=EIGENAAR_SCHRIJFT),
    Verwachting("selectie:mijn_voordrachten", get=INGELOGD_200),
    # The world's attachment belongs to a draft: only its nominator and staff may read it.
    Verwachting("selectie:bijlage", kwargs=lambda w: {"pk": _bijlage(w).pk}, get={**EIGENAAR, "staf": 200}),
    Verwachting("selectie:bijlage_verwijderen", kwargs=lambda w: {"pk": _bijlage(w).pk}, post=EIGENAAR_SCHRIJFT),
    Verwachting("selectie:rondes", get=ALLEEN_STAF),
    Verwachting("selectie:ronde_nieuw", get=ALLEEN_STAF, post=ALLEEN_STAF_SCHRIJFT, post_data=_ronde_gegevens),
    Verwachting(
        "selectie:ronde_bewerken",
        kwargs=lambda w: {"slug": _open_ronde(w).slug},
        get=ALLEEN_STAF,
        post=ALLEEN_STAF_SCHRIJFT,
        post_data=lambda w: {**_ronde_gegevens(w), "slug": "matrix-ronde"},
    ),
    Verwachting(
        "selectie:ronde_status",
        kwargs=_concept_ronde,
        get=ALLEEN_STAF,
        post=ALLEEN_STAF_SCHRIJFT,
        post_data=lambda w: {"status": "open"},
    ),
    Verwachting("selectie:kandidaten", kwargs=lambda w: {"slug": _ingediend(w).ronde.slug}, get=ALLEEN_STAF),
    Verwachting("selectie:kandidaten_csv", kwargs=lambda w: {"slug": _ingediend(w).ronde.slug}, get=ALLEEN_STAF),
    # Submitted, but its candidate is not assigned to the reviewer.
    Verwachting("selectie:voordracht_detail", kwargs=lambda w: {"pk": _ingediend(w).pk}, get={**EIGENAAR, "staf": 200}),
]


def _voordracht_inzien() -> dict:
    """Nominator and staff read it in every situation; the reviewer only when submitted and assigned
    without a conflict; anyone else signed in gets 404."""
    return {
        situatie: {
            "anoniem": INLOGGEN,
            "ambtenaar_a": NIET_GEVONDEN,
            "ambtenaar_b": NIET_GEVONDEN,
            "belangenbehartiger": ZIET,
            "beoordelaar": ZIET if situatie == "toegewezen" else NIET_GEVONDEN,
            "staf": ZIET,
        }
        for situatie in SITUATIES
    }


OBJECTVERWACHTINGEN = [
    Objectverwachting(
        "selectie:bijlage",
        kwargs=lambda situatie: {"pk": situatie.bijlage.pk},
        get=_voordracht_inzien(),
        inhoud=lambda situatie: [situatie.bijlage_inhoud],
    ),
    Objectverwachting(
        "selectie:voordracht_detail",
        kwargs=lambda situatie: {"pk": situatie.voordracht.pk},
        get=_voordracht_inzien(),
        inhoud=lambda situatie: [
            situatie.kenmerk.encode(),
            situatie.contact_email.encode(),
            situatie.bijlage_url.encode(),
        ],
    ),
]
