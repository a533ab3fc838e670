"""Profile editing through HTTP: draft, stale edits, uploads, publish, history, diff, restore."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from gemeenten import services
from gemeenten.models import Koploper, KoploperConcept, Versiereden
from tests.factories.accounts import AmbtenaarFactory, StafFactory
from tests.factories.gemeenten import DoelgroepFactory, KoploperFactory
from tests.permissies import totp_apparaat_maken

pytestmark = pytest.mark.django_db


def _url(naam, koploper, **kwargs):
    return reverse(f"gemeenten:{naam}", kwargs={"slug": koploper.slug, **kwargs})


def _formulier(koploper, **velden):
    """POST data as the edit page sends it, starting from what the page shows."""
    gegevens = services.concept_of_gepubliceerd(koploper)
    data = {
        "basis": services.bewerkingstoken(koploper),
        "organisatie": gegevens["organisatie"],
        "ambities": gegevens["ambities"],
        "acties": gegevens["acties"],
        "doelgroepen": gegevens["doelgroepen"],
        "themas": gegevens["themas"],
        "logo_alt": gegevens["logo_alt"],
        "links-TOTAL_FORMS": "1",
        "links-INITIAL_FORMS": "0",
        "links-0-titel": "",
        "links-0-url": "",
        "contacten-TOTAL_FORMS": "1",
        "contacten-INITIAL_FORMS": "0",
        "contacten-0-naam": "",
    }
    data.update(velden)
    return data


@pytest.fixture
def ambtenaar(koploper):
    return AmbtenaarFactory(koplopers=[koploper])


@pytest.fixture
def client_ambtenaar(client_als, ambtenaar):
    return client_als(ambtenaar)


@pytest.fixture
def staf():
    staf = StafFactory()
    totp_apparaat_maken(staf)
    return staf


def test_anoniem_wordt_naar_inloggen_gestuurd(client, koploper):
    response = client.get(_url("bewerken", koploper))

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('accounts:login')}?next={_url('bewerken', koploper)}"


def test_bewerkpagina_toont_huidige_antwoorden(client_ambtenaar, koploper):
    response = client_ambtenaar.get(_url("bewerken", koploper))

    assert response.status_code == 200
    assert response.context["form"]["organisatie"].value() == koploper.organisatie
    assert response.context["form"]["basis"].value() == "0.0"


def test_opslaan_maakt_concept_en_laat_openbare_pagina_ongemoeid(client_ambtenaar, client, koploper):
    response = client_ambtenaar.post(_url("bewerken", koploper), _formulier(koploper, organisatie="Nieuwe aanpak"))

    assert response["Location"] == _url("bewerken", koploper)
    assert KoploperConcept.objects.get(koploper=koploper).gegevens["organisatie"] == "Nieuwe aanpak"
    assert "Nieuwe aanpak" not in client.get(koploper.get_absolute_url()).text
    pagina = client_ambtenaar.get(_url("bewerken", koploper))
    assert "Het concept is opgeslagen" in pagina.text
    assert "Wat verandert er als u publiceert?" in pagina.text


def test_opslaan_schoont_script_en_links(client_ambtenaar, koploper):
    client_ambtenaar.post(
        _url("bewerken", koploper),
        _formulier(
            koploper,
            organisatie='<p onclick="x()">Tekst<script>alert(1)</script></p><a href="javascript:alert(1)">a</a>',
        ),
    )

    # Stored as typed (the editor shows it again); shown as text, never as markup.
    opgeslagen = KoploperConcept.objects.get(koploper=koploper).gegevens["organisatie"]
    assert opgeslagen.startswith('<p onclick="x()">Tekst')
    voorbeeld = client_ambtenaar.get(_url("publiceren", koploper)).content.decode()
    assert "<script>alert" not in voorbeeld and '<a href="javascript' not in voorbeeld and "<p onclick" not in voorbeeld
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in voorbeeld


def test_publiceren_toont_wijziging_op_openbare_pagina(client_ambtenaar, client, koploper):
    client_ambtenaar.post(_url("bewerken", koploper), _formulier(koploper, organisatie="Nieuwe aanpak"))

    response = client_ambtenaar.post(_url("publiceren", koploper))

    assert response["Location"] == _url("bewerken", koploper)
    assert "Nieuwe aanpak" in client.get(koploper.get_absolute_url()).text


def test_links_en_contacten_met_toestemming(client_ambtenaar, koploper):
    client_ambtenaar.post(
        _url("bewerken", koploper),
        _formulier(
            koploper,
            **{
                "links-0-titel": "Website",
                "links-0-url": "www.gemeente.example/clientondersteuning",
                "contacten-0-naam": "Carla",
                "contacten-0-email": "carla@gemeente.example",
                "contacten-0-toestemming_publicatie": "on",
            },
        ),
    )
    client_ambtenaar.post(_url("publiceren", koploper))

    assert [(link.titel, link.url) for link in koploper.links.all()] == [
        ("Website", "https://www.gemeente.example/clientondersteuning")
    ]
    assert [(c.naam, c.toestemming_publicatie) for c in koploper.contactpersonen.all()] == [("Carla", True)]


def test_ongeldige_link_houdt_invoer_en_toont_fout(client_ambtenaar, koploper):
    response = client_ambtenaar.post(
        _url("bewerken", koploper),
        _formulier(koploper, organisatie="Mijn tekst", **{"links-0-titel": "X", "links-0-url": "geen url"}),
    )

    assert response.status_code == 200
    assert "Mijn tekst" in response.text
    assert not KoploperConcept.objects.exists()


def test_verouderde_bewerking_in_tweede_tabblad(client_ambtenaar, koploper):
    tab_een = _formulier(koploper, organisatie="Tekst uit tab een")
    tab_twee = _formulier(koploper, organisatie="Tekst uit tab twee")
    client_ambtenaar.post(_url("bewerken", koploper), tab_een)

    response = client_ambtenaar.post(_url("bewerken", koploper), tab_twee)

    assert response.status_code == 409
    assert "Iemand anders heeft dit profiel gewijzigd" in response.text
    assert "Tekst uit tab twee" in response.text
    assert KoploperConcept.objects.get(koploper=koploper).gegevens["organisatie"] == "Tekst uit tab een"
    # Saving again (now based on the current state) deliberately replaces the other tab's draft.
    opnieuw = client_ambtenaar.post(
        _url("bewerken", koploper), {**tab_twee, "basis": response.context["form"]["basis"].value()}
    )
    assert opnieuw.status_code == 302
    assert KoploperConcept.objects.get(koploper=koploper).gegevens["organisatie"] == "Tekst uit tab twee"


def _afbeelding(formaat="PNG", grootte=(2400, 1600), naam="logo.png"):
    uitvoer = io.BytesIO()
    Image.new("RGB", grootte, "green").save(uitvoer, format=formaat)
    return SimpleUploadedFile(naam, uitvoer.getvalue())


def test_upload_echte_png_wordt_verkleind_onder_eigen_naam(client_ambtenaar, koploper, media):
    response = client_ambtenaar.post(
        _url("bewerken", koploper), {**_formulier(koploper, logo_alt="Logo"), "logo": _afbeelding(naam="../../x.png")}
    )

    assert response.status_code == 302
    naam = KoploperConcept.objects.get(koploper=koploper).gegevens["logo"]
    assert naam.startswith("koplopers/logo/") and "x.png" not in naam
    with Image.open(media / naam) as opgeslagen:
        assert max(opgeslagen.size) == 1200


def test_upload_echte_jpeg_wordt_geaccepteerd(client_ambtenaar, koploper):
    response = client_ambtenaar.post(
        _url("bewerken", koploper), {**_formulier(koploper), "logo": _afbeelding("JPEG", (300, 200), "foto.jpeg")}
    )

    assert response.status_code == 302
    assert KoploperConcept.objects.get(koploper=koploper).gegevens["logo"].endswith(".jpg")


def test_upload_tekstbestand_als_png_wordt_geweigerd(client_ambtenaar, koploper):
    nep = SimpleUploadedFile("logo.png", b"<?php echo 'hallo'; ?>", content_type="image/png")

    response = client_ambtenaar.post(_url("bewerken", koploper), {**_formulier(koploper), "logo": nep})

    assert response.status_code == 200
    assert "Dit bestand is geen afbeelding" in response.text
    assert not KoploperConcept.objects.exists()


def test_upload_te_groot_wordt_geweigerd(client_ambtenaar, koploper):
    groot = SimpleUploadedFile("groot.png", b"\x89PNG\r\n\x1a\n" + b"\0" * (5 * 1024 * 1024 + 10))

    response = client_ambtenaar.post(_url("bewerken", koploper), {**_formulier(koploper), "logo": groot})

    assert "groter dan 5 MB" in response.text
    assert not KoploperConcept.objects.exists()


def test_ambtenaar_kan_niet_depubliceren(client_ambtenaar, koploper):
    response = client_ambtenaar.post(_url("depubliceren", koploper))

    assert response.status_code == 403
    koploper.refresh_from_db()
    assert koploper.gepubliceerd is True


def test_staf_depubliceert(client_als, staf, client, koploper):
    response = client_als(staf).post(_url("depubliceren", koploper))

    assert response.status_code == 302
    assert client.get(koploper.get_absolute_url()).status_code == 404


def _twee_versies(client, koploper):
    client.post(_url("bewerken", koploper), _formulier(koploper, organisatie="Wij helpen jongeren"))
    client.post(_url("publiceren", koploper))
    koploper.refresh_from_db()
    client.post(_url("bewerken", koploper), _formulier(koploper, organisatie="Wij helpen ouderen"))
    client.post(_url("publiceren", koploper))
    return koploper.history.filter(history_change_reason="publiceren").order_by("history_date")


def test_geschiedenis_toont_wie_en_wanneer(client_ambtenaar, ambtenaar, koploper):
    _twee_versies(client_ambtenaar, koploper)

    response = client_ambtenaar.get(_url("geschiedenis", koploper))

    assert response.status_code == 200
    assert response.text.count("concept gepubliceerd") == 2
    assert str(ambtenaar) in response.text


def test_geschiedenis_noemt_een_versie_uit_een_selectie(client_ambtenaar, ambtenaar, koploper):
    services.koploper_uit_selectie_maken_of_bijwerken(
        gemeenten=[koploper.gemeente], naam=koploper.naam, door=StafFactory(), reden=Versiereden.SELECTIE
    )

    response = client_ambtenaar.get(_url("geschiedenis", koploper))

    assert response.status_code == 200
    assert response.text.count("geselecteerd in een ronde") == 1


def test_versie_toont_leesbaar_verschil(client_ambtenaar, koploper):
    eerste, tweede = _twee_versies(client_ambtenaar, koploper)

    response = client_ambtenaar.get(_url("versie", koploper, versie=tweede.history_id))

    assert "jongeren</del>" in response.text.replace('<span class="visueel-verborgen">]</span>', "")
    assert "ouderen</ins>" in response.text.replace('<span class="visueel-verborgen">]</span>', "")


def test_versie_vergelijken_met_gekozen_versie(client_ambtenaar, koploper):
    eerste, tweede = _twee_versies(client_ambtenaar, koploper)

    response = client_ambtenaar.get(_url("versie", koploper, versie=tweede.history_id) + f"?met={eerste.history_id}")

    assert response.context["vorige"] == eerste


def test_versie_van_andere_koploper_geeft_404(client_ambtenaar, koploper):
    andere = KoploperFactory()

    response = client_ambtenaar.get(_url("versie", koploper, versie=andere.history.first().history_id))

    assert response.status_code == 404


def test_herstellen_zet_eerdere_versie_terug(client_ambtenaar, client, koploper):
    eerste, _ = _twee_versies(client_ambtenaar, koploper)

    response = client_ambtenaar.post(_url("herstellen", koploper, versie=eerste.history_id))

    assert response["Location"] == _url("geschiedenis", koploper)
    assert "Wij helpen jongeren" in client.get(koploper.get_absolute_url()).text
    koploper.refresh_from_db()
    assert koploper.versie == 3


def test_herstellen_door_andere_ambtenaar_mag_niet(client_als, koploper):
    andere = AmbtenaarFactory(koplopers=[KoploperFactory()])
    versie = koploper.history.first()

    response = client_als(andere).post(_url("herstellen", koploper, versie=versie.history_id))

    assert response.status_code == 403


@pytest.mark.parametrize("aantal", [1, 50])
def test_geschiedenis_aantal_queries_constant(client_ambtenaar, ambtenaar, koploper, django_assert_num_queries, aantal):
    for nummer in range(aantal - 1):  # plus the record of its creation
        koploper.versie = nummer + 1
        koploper._history_user = ambtenaar
        koploper.save()
    client_ambtenaar.get(_url("geschiedenis", koploper))

    # session, user, koploper, permission, count, page of versions with their users, menu rule
    with django_assert_num_queries(7):
        response = client_ambtenaar.get(_url("geschiedenis", koploper))

    assert len(response.context["versies"]) == aantal


def test_doelgroepen_in_versie_bewaard(client_ambtenaar, koploper):
    doelgroep = DoelgroepFactory(naam="Mantelzorgers")
    client_ambtenaar.post(_url("bewerken", koploper), _formulier(koploper, doelgroepen=[doelgroep.pk]))
    client_ambtenaar.post(_url("publiceren", koploper))

    versie = Koploper.objects.get(pk=koploper.pk).history.first()
    response = client_ambtenaar.get(_url("versie", koploper, versie=versie.history_id))

    assert "toegevoegd: Mantelzorgers" in response.text
