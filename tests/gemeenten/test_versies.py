"""Versions of a profile restore everything public, are numbered 1, 2, 3… and are confirmed first (issue 13)."""

import io
from datetime import UTC, datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from gemeenten import selectors, services
from gemeenten.models import Contactpersoon, Link
from tests.factories.accounts import AmbtenaarFactory
from tests.factories.gemeenten import DoelgroepFactory, KoploperFactory, ThemaFactory
from tests.permissies import inloggen

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _png(kleur) -> SimpleUploadedFile:
    uitvoer = io.BytesIO()
    Image.new("RGB", (40, 30), kleur).save(uitvoer, format="PNG")
    return SimpleUploadedFile("logo.png", uitvoer.getvalue(), content_type="image/png")


def _publiceren(koploper, gebruiker, logo, **gegevens):
    koploper.refresh_from_db()
    services.koploper_concept_opslaan(
        koploper=koploper, gebruiker=gebruiker, gegevens=gegevens, basis=services.bewerkingstoken(koploper), logo=logo
    )
    return services.koploper_publiceren(koploper=koploper, gebruiker=gebruiker)


def _openbaar(koploper) -> dict:
    koploper.refresh_from_db()
    return services.koploper_gegevens(koploper)


def test_herstellen_brengt_elk_openbaar_onderdeel_terug():
    koploper = KoploperFactory()
    ambtenaar = AmbtenaarFactory(koplopers=[koploper])
    jeugd, ouderen, bekendheid, werk = DoelgroepFactory(), DoelgroepFactory(), ThemaFactory(), ThemaFactory()
    _publiceren(
        koploper,
        ambtenaar,
        _png("red"),
        organisatie="Eerst zo.\n\n- een",
        ambities="Ambitie een",
        acties="Actie een",
        doelgroepen=[jeugd.pk],
        themas=[bekendheid.pk],
        links=[{"titel": "Meer informatie", "url": "https://een.example.nl"}],
        contactpersonen=[
            {"naam": "Anna", "functie": "Beleid", "email": "anna@example.nl", "toestemming_publicatie": True}
        ],
        logo_alt="Logo een",
    )
    eerste_versie = koploper.history.order_by("-history_id").first()
    eerste = _openbaar(koploper)
    _publiceren(
        koploper,
        ambtenaar,
        _png("blue"),
        organisatie="Nu anders.",
        ambities="Ambitie twee",
        acties="Actie twee",
        doelgroepen=[ouderen.pk],
        themas=[werk.pk],
        links=[{"titel": "Andere site", "url": "https://twee.example.nl"}],
        contactpersonen=[
            {"naam": "Anna", "functie": "Teamleider", "telefoon": "14 036", "toestemming_publicatie": True}
        ],
        logo_alt="Logo twee",
    )
    tweede = _openbaar(koploper)
    assert all(tweede[sleutel] != eerste[sleutel] for sleutel in eerste)  # every public part changed

    services.koploper_herstellen(koploper=koploper, versie=eerste_versie, gebruiker=ambtenaar)

    assert _openbaar(koploper) == eerste
    assert koploper.logo.storage.exists(koploper.logo.name)
    assert [link.titel for link in koploper.links.all()] == ["Meer informatie"]


def test_link_uit_beheer_of_demodata_staat_in_de_nieuwste_versie_en_blijft_na_herstellen():
    koploper = KoploperFactory()  # recorded as a version when saved, like the admin and laad_demodata do
    Link.objects.create(koploper=koploper, titel="Meer informatie", url="https://bron.example.nl")
    Contactpersoon.objects.create(koploper=koploper, naam="Bea", toestemming_publicatie=True)
    versie = koploper.history.order_by("-history_id").first()

    services.koploper_herstellen(koploper=koploper, versie=versie, gebruiker=AmbtenaarFactory())

    assert versie.onderdelen["links"] == [{"titel": "Meer informatie", "url": "https://bron.example.nl"}]
    assert [link.titel for link in koploper.links.all()] == ["Meer informatie"]
    assert [contact.naam for contact in koploper.contactpersonen.all()] == ["Bea"]


def test_publiceren_schrijft_de_vorige_versie_niet_over():
    koploper = KoploperFactory()
    ambtenaar = AmbtenaarFactory(koplopers=[koploper])
    _publiceren(koploper, ambtenaar, None, links=[{"titel": "Een", "url": "https://een.example.nl"}])
    eerste = koploper.history.order_by("-history_id").first()

    _publiceren(koploper, ambtenaar, None, links=[{"titel": "Twee", "url": "https://twee.example.nl"}])

    eerste.refresh_from_db()
    assert eerste.onderdelen["links"] == [{"titel": "Een", "url": "https://een.example.nl"}]


def test_versies_zijn_per_profiel_genummerd_vanaf_een(client):
    koploper, andere = KoploperFactory(), KoploperFactory()
    ambtenaar = AmbtenaarFactory(koplopers=[koploper])
    for _ in range(2):
        services.koploper_publiceren(koploper=koploper, gebruiker=ambtenaar)
        services.koploper_publiceren(koploper=andere, gebruiker=ambtenaar)
    inloggen(client, ambtenaar)

    response = client.get(reverse("gemeenten:geschiedenis", kwargs={"slug": koploper.slug}))

    assert [versie.nummer for versie in response.context["versies"]] == [3, 2, 1]
    assert selectors.versienummer(koploper.history.order_by("history_id").first()) == 1
    assert '<th scope="row">0</th>' not in response.content.decode()


def test_herstellen_vraagt_eerst_bevestiging_met_voorbeeld_en_toont_de_tijd_van_de_lijst(client):
    koploper = KoploperFactory()
    ambtenaar = AmbtenaarFactory(koplopers=[koploper])
    _publiceren(koploper, ambtenaar, None, organisatie="Oude **tekst**")
    versie = koploper.history.order_by("-history_id").first()
    koploper.history.filter(pk=versie.pk).update(history_date=datetime(2026, 1, 15, 13, 5, tzinfo=UTC))
    _publiceren(koploper, ambtenaar, None, organisatie="Nieuwe tekst")
    inloggen(client, ambtenaar)
    url = reverse("gemeenten:herstellen", kwargs={"slug": koploper.slug, "versie": versie.history_id})

    bevestiging = client.get(url)
    koploper.refresh_from_db()
    assert koploper.organisatie == "Nieuwe tekst"  # looking changes nothing
    lijst = client.get(reverse("gemeenten:geschiedenis", kwargs={"slug": koploper.slug})).content.decode()
    response = client.post(url, follow=True)

    assert bevestiging.status_code == 200
    assert "<p>Oude <strong>tekst</strong></p>" in bevestiging.content.decode()
    assert "Ja, versie 2 herstellen en publiceren" in bevestiging.content.decode()
    assert "15 januari 2026 14:05" in lijst  # Europe/Amsterdam, winter time
    bericht = [str(m) for m in response.context["messages"]]
    assert bericht == ["Versie 2 (15 januari 2026 14:05) is hersteld en gepubliceerd als versie 4."]
    koploper.refresh_from_db()
    assert koploper.organisatie == "Oude **tekst**"


def test_publiceren_vraagt_eerst_bevestiging_met_voorbeeld(client):
    koploper = KoploperFactory()
    ambtenaar = AmbtenaarFactory(koplopers=[koploper])
    koploper.refresh_from_db()
    services.koploper_concept_opslaan(
        koploper=koploper,
        gebruiker=ambtenaar,
        gegevens={"organisatie": "- nieuw punt"},
        basis=services.bewerkingstoken(koploper),
    )
    inloggen(client, ambtenaar)

    response = client.get(reverse("gemeenten:publiceren", kwargs={"slug": koploper.slug}))

    assert response.status_code == 200
    assert "<ul><li>nieuw punt</li></ul>" in response.content.decode()
    assert "Ja, publiceren" in response.content.decode()
    koploper.refresh_from_db()
    assert koploper.organisatie != "- nieuw punt"
