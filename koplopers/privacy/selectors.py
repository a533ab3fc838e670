"""Reads: everything the portal holds about one user, as tables (for the JSON and CSV downloads)."""

import datetime
import decimal

from django.utils.translation import gettext_lazy as _

from gemeenten.models import Contactpersoon, Koploper
from koplopers.accounts.models import Uitnodiging
from selectie.beoordeling.models import Belangenconflict, Beoordeling, Score, Toewijzing, Verklaring
from selectie.models import Bijlage, MedeIndiener, Motivatie, Voordracht

from .models import Verwijderverzoek

# How each table of ``mijn_gegevens`` is called on the pages (the keys name the files in the downloads).
TABELNAMEN = {
    "account": _("account"),
    "gemeenten_als_ambtenaar": _("gemeenten waarvoor u ambtenaar bent"),
    "koploperprofielen_als_ambtenaar": _("koploperprofielen die u beheert"),
    "voordrachten": _("voordrachten"),
    "voorgedragen_gemeenten": _("voorgedragen gemeenten"),
    "motivaties": _("motivaties bij voordrachten"),
    "mede_indieners": _("mede-indieners"),
    "bijlagen": _("bijlagen bij voordrachten"),
    "beoordelingen": _("beoordelingen"),
    "scores": _("scores"),
    "toewijzingen": _("toewijzingen als beoordelaar"),
    "verklaringen": _("verklaringen als beoordelaar"),
    "belangenconflicten": _("belangenconflicten"),
    "contactpersoon_op_profielen": _("contactpersoon op koploperprofielen"),
    "gepubliceerde_profielversies": _("profielversies die u publiceerde"),
    "uitnodigingen": _("uitnodigingen"),
    "verwijderverzoeken": _("verzoeken om verwijdering"),
}


def _waarde(waarde):
    if isinstance(waarde, datetime.datetime | datetime.date):
        return waarde.isoformat()
    if isinstance(waarde, decimal.Decimal):
        return str(waarde)
    return waarde


def _rijen(queryset, velden: dict[str, str]) -> list[dict]:
    """The rows of ``queryset`` as dicts ``{kolom: waarde}``; ``velden`` maps column name to lookup."""
    return [
        {kolom: _waarde(waarde) for kolom, waarde in zip(velden, rij, strict=True)}
        for rij in queryset.values_list(*velden.values())
    ]


def mijn_gegevens(gebruiker) -> dict[str, list[dict]]:
    """Every table of personal data about ``gebruiker``: the account, roles, nominations, reviews, requests.

    Files themselves (attachments) are listed, not included: they can be downloaded from the nomination.
    """
    voordrachten = Voordracht.objects.filter(indiener=gebruiker)
    beoordelingen = Beoordeling.objects.filter(beoordelaar=gebruiker)
    return {
        "account": [
            {
                "gebruikersnaam": gebruiker.username,
                "voornaam": gebruiker.first_name,
                "achternaam": gebruiker.last_name,
                "e-mailadres": gebruiker.email,
                "organisatie": gebruiker.organisatie,
                "soort_organisatie": gebruiker.organisatie_type,
                "belangenbehartiger": gebruiker.is_belangenbehartiger,
                "beoordelaar_namens": gebruiker.beoordelaar_organisatie,
                "programmabureau": gebruiker.is_programmastaf,
                "aangemaakt": _waarde(gebruiker.date_joined),
                "laatst_ingelogd": _waarde(gebruiker.last_login),
            }
        ],
        "gemeenten_als_ambtenaar": _rijen(gebruiker.gemeenten.order_by("naam"), {"code": "code", "naam": "naam"}),
        "koploperprofielen_als_ambtenaar": _rijen(
            gebruiker.koplopers.order_by("naam"), {"naam": "naam", "slug": "slug"}
        ),
        "voordrachten": _rijen(
            voordrachten.order_by("pk"),
            {
                "nummer": "pk",
                "ronde": "ronde__naam",
                "status": "status",
                "kandidaat": "kandidaat__naam",
                "organisatie": "organisatie",
                "soort_organisatie": "organisatie_type",
                "contactpersoon": "contact_naam",
                "e-mailadres_contactpersoon": "contact_email",
                "telefoon_contactpersoon": "contact_telefoon",
                "toestemming_privacy": "toestemming_privacy",
                "toestemming_op": "toestemming_op",
                "ingediend_op": "ingediend_op",
                "aangemaakt": "aangemaakt",
            },
        ),
        "voorgedragen_gemeenten": _rijen(
            Voordracht.gemeenten.through.objects.filter(voordracht__indiener=gebruiker).order_by("pk"),
            {"voordracht": "voordracht_id", "gemeente": "gemeente__naam"},
        ),
        "motivaties": _rijen(
            Motivatie.objects.filter(voordracht__indiener=gebruiker).order_by("voordracht", "criterium__volgorde"),
            {"voordracht": "voordracht_id", "criterium": "criterium__naam", "tekst": "tekst"},
        ),
        "mede_indieners": _rijen(
            MedeIndiener.objects.filter(voordracht__indiener=gebruiker).order_by("voordracht", "volgorde"),
            {"voordracht": "voordracht_id", "organisatie": "organisatie", "soort": "organisatie_type"},
        ),
        "bijlagen": _rijen(
            Bijlage.objects.filter(voordracht__indiener=gebruiker).order_by("pk"),
            {
                "voordracht": "voordracht_id",
                "bestandsnaam": "oorspronkelijke_naam",
                "grootte": "grootte",
                "aangemaakt": "aangemaakt",
            },
        ),
        "beoordelingen": _rijen(
            beoordelingen.order_by("pk"),
            {
                "nummer": "pk",
                "ronde": "kandidaat__ronde__naam",
                "kandidaat": "kandidaat__naam",
                "status": "status",
                "opmerking": "opmerking",
                "reden_onthouding": "reden_onthouding",
                "totaal": "totaal",
                "ingediend_op": "ingediend_op",
            },
        ),
        "scores": _rijen(
            Score.objects.filter(beoordeling__beoordelaar=gebruiker).order_by("beoordeling", "criterium__volgorde"),
            {
                "beoordeling": "beoordeling_id",
                "criterium": "criterium__naam",
                "niveau": "niveau",
                "niet_van_toepassing": "niet_van_toepassing",
                "toelichting": "toelichting",
            },
        ),
        "toewijzingen": _rijen(
            Toewijzing.objects.filter(beoordelaar=gebruiker).order_by("pk"),
            {"ronde": "kandidaat__ronde__naam", "kandidaat": "kandidaat__naam", "aangemaakt": "aangemaakt"},
        ),
        "verklaringen": _rijen(
            Verklaring.objects.filter(beoordelaar=gebruiker).order_by("pk"),
            {"ronde": "ronde__naam", "tekst": "tekst", "bevestigd_op": "bevestigd_op"},
        ),
        "belangenconflicten": _rijen(
            Belangenconflict.objects.filter(beoordelaar=gebruiker).order_by("pk"),
            {
                "ronde": "kandidaat__ronde__naam",
                "kandidaat": "kandidaat__naam",
                "soort": "soort",
                "bron": "bron",
                "toelichting": "toelichting",
                "aangemaakt": "aangemaakt",
            },
        ),
        "contactpersoon_op_profielen": _rijen(
            Contactpersoon.objects.filter(email__iexact=gebruiker.email).order_by("pk")
            if gebruiker.email
            else Contactpersoon.objects.none(),
            {
                "koploper": "koploper__naam",
                "naam": "naam",
                "functie": "functie",
                "e-mailadres": "email",
                "telefoon": "telefoon",
                "toestemming_openbaar": "toestemming_publicatie",
            },
        ),
        "gepubliceerde_profielversies": _rijen(
            Koploper.history.filter(history_user=gebruiker).order_by("history_date"),
            {"koploper": "naam", "tijdstip": "history_date", "reden": "history_change_reason"},
        ),
        "uitnodigingen": _rijen(
            Uitnodiging.objects.filter(gebruiker=gebruiker).order_by("pk"),
            {"e-mailadres": "email", "verstuurd_op": "aangemaakt", "aanvaard_op": "aanvaard_op"},
        ),
        "verwijderverzoeken": _rijen(
            Verwijderverzoek.objects.filter(gebruiker=gebruiker).order_by("pk"),
            {
                "aangevraagd_op": "aangevraagd_op",
                "status": "status",
                "toelichting": "toelichting",
                "behandeld_op": "behandeld_op",
                "reden_weigering": "reden_weigering",
            },
        ),
    }


def open_verwijderverzoek(gebruiker) -> Verwijderverzoek | None:
    return Verwijderverzoek.objects.filter(gebruiker=gebruiker, status=Verwijderverzoek.Status.OPEN).first()


def verwijderverzoeken_voor_staf():
    """Open requests first (oldest first), then the 50 most recently handled."""
    basis = Verwijderverzoek.objects.select_related("gebruiker", "behandeld_door")
    open_ = basis.filter(status=Verwijderverzoek.Status.OPEN).order_by("aangevraagd_op", "pk")
    behandeld = basis.exclude(status=Verwijderverzoek.Status.OPEN).order_by("-behandeld_op", "-pk")[:50]
    return open_, behandeld
