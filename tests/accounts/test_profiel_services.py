"""Editing services of koploper profiles: drafts, sanitising, uploads, publishing, versions."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from gemeenten import services
from gemeenten.models import Koploper, KoploperConcept, Versiereden
from koplopers.opmaak import tekst_naar_html
from tests.factories.accounts import AmbtenaarFactory
from tests.factories.gemeenten import ContactpersoonFactory, DoelgroepFactory, KoploperFactory, ThemaFactory

pytestmark = pytest.mark.django_db


def _png(breedte=40, hoogte=30, naam="logo.png", modus="RGB") -> SimpleUploadedFile:
    uitvoer = io.BytesIO()
    Image.new(modus, (breedte, hoogte), "red").save(uitvoer, format="PNG")
    return SimpleUploadedFile(naam, uitvoer.getvalue(), content_type="image/png")


def _jpeg(breedte=40, hoogte=30, naam="foto.jpg") -> SimpleUploadedFile:
    uitvoer = io.BytesIO()
    Image.new("RGB", (breedte, hoogte), "blue").save(uitvoer, format="JPEG")
    return SimpleUploadedFile(naam, uitvoer.getvalue(), content_type="image/jpeg")


def _opslaan(koploper, gebruiker, **gegevens):
    koploper.refresh_from_db()
    return services.koploper_concept_opslaan(
        koploper=koploper,
        gebruiker=gebruiker,
        gegevens={"organisatie": "Nieuw.", "ambities": "", "acties": "", **gegevens},
        basis=services.bewerkingstoken(koploper),
        logo=gegevens.pop("logo", None),
    )


# --- Stored as typed, rendered sanitised (koplopers.opmaak) ----------------------------------------------


def test_tekst_naar_html_script_blijft_tekst():
    html = tekst_naar_html('Hallo <script>alert("x")</script>')

    assert html == '<p>Hallo &lt;script&gt;alert("x")&lt;/script&gt;</p>'


def test_tekst_naar_html_javascript_link_wordt_geen_link():
    html = tekst_naar_html("[klik](javascript:kwaad)")

    assert "<a" not in html
    assert "klik" in html


def test_tekst_naar_html_links_lijsten_en_nadruk():
    html = tekst_naar_html(
        "Zie [VNG](https://vng.nl) en *dit* en **dat**, of www.movisie.nl.\n\n- één\n\n1. eerst\n2. dan"
    )

    assert '<a href="https://vng.nl" rel="noopener noreferrer nofollow">VNG</a>' in html
    assert '<a href="https://www.movisie.nl" rel="noopener noreferrer nofollow">www.movisie.nl</a>.' in html
    assert "<em>dit</em>" in html
    assert "<strong>dat</strong>" in html
    assert "<ul><li>één</li></ul><ol><li>eerst</li><li>dan</li></ol>" in html


def test_tekst_naar_html_platte_tekst_wordt_alineas_en_opsomming():
    html = tekst_naar_html("Eerste alinea.\n\nTweede <geen tag\n\n- een\n- twee")

    assert html == "<p>Eerste alinea.</p><p>Tweede &lt;geen tag</p><ul><li>een</li><li>twee</li></ul>"


def test_concept_opslaan_bewaart_de_tekst_zoals_getypt(koploper):
    ambtenaar = AmbtenaarFactory(koplopers=[koploper])

    concept = _opslaan(koploper, ambtenaar, organisatie="Goed\r\n\r\n- een\r\n- twee  \r\n", ambities="<b>x</b>")

    assert concept.gegevens["organisatie"] == "Goed\n\n- een\n- twee"
    assert concept.gegevens["ambities"] == "<b>x</b>"


# --- Drafts and publishing -----------------------------------------------------------------------------------


def test_concept_opslaan_verandert_de_openbare_versie_niet(koploper):
    oud = koploper.organisatie

    _opslaan(koploper, AmbtenaarFactory(koplopers=[koploper]), organisatie="Geheel nieuw")

    koploper.refresh_from_db()
    assert koploper.organisatie == oud
    assert KoploperConcept.objects.get(koploper=koploper).gegevens["organisatie"] == "Geheel nieuw"


def test_concept_opslaan_verouderd_wordt_geweigerd(koploper):
    ambtenaar = AmbtenaarFactory(koplopers=[koploper])
    basis = services.bewerkingstoken(koploper)
    services.koploper_concept_opslaan(
        koploper=koploper, gebruiker=ambtenaar, gegevens={"organisatie": "Tab een"}, basis=basis
    )

    with pytest.raises(services.VerouderdConcept):
        services.koploper_concept_opslaan(
            koploper=koploper, gebruiker=ambtenaar, gegevens={"organisatie": "Tab twee"}, basis=basis
        )

    assert KoploperConcept.objects.get(koploper=koploper).gegevens["organisatie"] == "Tab een"


def test_concept_opslaan_na_publicatie_van_een_ander_is_verouderd(koploper):
    ambtenaar = AmbtenaarFactory(koplopers=[koploper])
    basis = services.bewerkingstoken(koploper)
    services.koploper_publiceren(koploper=koploper, gebruiker=ambtenaar)

    with pytest.raises(services.VerouderdConcept):
        services.koploper_concept_opslaan(koploper=koploper, gebruiker=ambtenaar, gegevens={}, basis=basis)


def test_publiceren_zet_concept_door_en_legt_versie_vast(koploper):
    ambtenaar = AmbtenaarFactory(koplopers=[koploper])
    doelgroep, thema = DoelgroepFactory(), ThemaFactory()
    _opslaan(
        koploper,
        ambtenaar,
        organisatie="Zo doen wij het.",
        doelgroepen=[doelgroep.pk],
        themas=[thema.pk],
        links=[{"titel": "Website", "url": "https://example.nl"}],
        contactpersonen=[{"naam": "Jan", "email": "jan@example.nl", "toestemming_publicatie": True}],
    )
    aantal_versies = koploper.history.count()

    services.koploper_publiceren(koploper=koploper, gebruiker=ambtenaar)

    koploper.refresh_from_db()
    assert koploper.organisatie == "Zo doen wij het."
    assert list(koploper.doelgroepen.all()) == [doelgroep]
    assert list(koploper.themas.all()) == [thema]
    assert [(link.titel, link.url) for link in koploper.links.all()] == [("Website", "https://example.nl")]
    assert [c.naam for c in koploper.contactpersonen.all()] == ["Jan"]
    assert koploper.versie == 1
    assert not KoploperConcept.objects.filter(koploper=koploper).exists()
    assert koploper.history.count() == aantal_versies + 1
    versie = koploper.history.first()
    assert (versie.history_user, versie.history_change_reason, versie.versie) == (
        ambtenaar,
        Versiereden.PUBLICEREN,
        1,
    )
    assert [rij.doelgroep for rij in versie.doelgroepen.all()] == [doelgroep]
    assert versie.onderdelen["links"] == [{"titel": "Website", "url": "https://example.nl"}]


def test_depubliceren_verbergt_profiel_en_bewaart_inhoud(koploper):
    staf = AmbtenaarFactory()

    services.koploper_depubliceren(koploper=koploper, gebruiker=staf)

    koploper.refresh_from_db()
    assert koploper.gepubliceerd is False
    assert koploper.organisatie == "Zo is het georganiseerd."
    assert not Koploper.objects.gepubliceerd().filter(pk=koploper.pk).exists()
    assert koploper.history.first().history_change_reason == Versiereden.DEPUBLICEREN


def test_herstellen_publiceert_eerdere_versie_opnieuw(koploper):
    ambtenaar = AmbtenaarFactory(koplopers=[koploper])
    ContactpersoonFactory(koploper=koploper, naam="Eerste Contact")
    doelgroep = DoelgroepFactory()
    _opslaan(koploper, ambtenaar, organisatie="Versie een", doelgroepen=[doelgroep.pk], contactpersonen=[{"naam": "A"}])
    services.koploper_publiceren(koploper=koploper, gebruiker=ambtenaar)
    eerste = koploper.history.first()
    # A stays on the profile (a person removed from it is scrubbed from the versions: see test_contactpersonen_avg).
    _opslaan(koploper, ambtenaar, organisatie="Versie twee", contactpersonen=[{"naam": "A"}, {"naam": "B"}])
    services.koploper_publiceren(koploper=koploper, gebruiker=ambtenaar)

    services.koploper_herstellen(koploper=koploper, versie=eerste, gebruiker=ambtenaar)

    koploper.refresh_from_db()
    assert koploper.organisatie == "Versie een"
    assert list(koploper.doelgroepen.all()) == [doelgroep]
    assert [c.naam for c in koploper.contactpersonen.all()] == ["A"]
    assert koploper.versie == 3
    assert koploper.history.first().history_change_reason == Versiereden.HERSTELLEN


def test_herstellen_van_versie_van_andere_koploper_wordt_geweigerd(koploper):
    andere = KoploperFactory()

    with pytest.raises(ValidationError):
        services.koploper_herstellen(koploper=koploper, versie=andere.history.first(), gebruiker=None)


def test_gegevens_vergelijken_toont_woorden_en_lijsten():
    doelgroep = DoelgroepFactory(naam="Ouderen")
    oud = {"organisatie": "Wij helpen jongeren", "doelgroepen": [], "links": [], "contactpersonen": []}
    nieuw = {
        "organisatie": "Wij helpen ouderen",
        "doelgroepen": [doelgroep.pk],
        "links": [{"titel": "Site", "url": "https://x.nl"}],
        "contactpersonen": [],
    }

    verschillen = services.gegevens_vergelijken(oud, nieuw)

    tekst, doelgroepen, links = verschillen
    assert ("weg", "jongeren") in tekst.segmenten and ("erbij", "ouderen") in tekst.segmenten
    assert doelgroepen.erbij == ["Ouderen"]
    assert links.erbij == ["Site (https://x.nl)"]


def test_gegevens_vergelijken_zonder_verschil_is_leeg(koploper):
    gegevens = services.koploper_gegevens(koploper)

    assert services.gegevens_vergelijken(gegevens, dict(gegevens)) == []


# --- Uploads -----------------------------------------------------------------------------------------------


def test_afbeelding_te_groot_wordt_geweigerd():
    bestand = SimpleUploadedFile("groot.png", b"\x89PNG" + b"0" * (5 * 1024 * 1024 + 1))

    with pytest.raises(ValidationError) as fout:
        services.afbeelding_controleren(bestand)

    assert fout.value.code == "te_groot"


def test_tekstbestand_met_png_naam_wordt_geweigerd():
    bestand = SimpleUploadedFile("logo.png", b"Dit is gewoon tekst, geen plaatje.", content_type="image/png")

    with pytest.raises(ValidationError) as fout:
        services.afbeelding_controleren(bestand)

    assert fout.value.code == "geen_afbeelding"


def test_png_wordt_verkleind_en_opnieuw_gecodeerd():
    verwerkt = services.afbeelding_verwerken(_png(3000, 1500, modus="RGBA"))

    afbeelding = Image.open(io.BytesIO(verwerkt.read()))
    assert (afbeelding.format, afbeelding.size) == ("PNG", (1200, 600))
    assert verwerkt.name != "logo.png" and verwerkt.name.endswith(".png")


def test_jpeg_wordt_jpeg_zonder_metadata():
    verwerkt = services.afbeelding_verwerken(_jpeg(800, 600))

    afbeelding = Image.open(io.BytesIO(verwerkt.read()))
    assert (afbeelding.format, afbeelding.size) == ("JPEG", (800, 600))
    assert "exif" not in afbeelding.info


def test_concept_met_logo_bewaart_onder_eigen_naam(koploper):
    ambtenaar = AmbtenaarFactory(koplopers=[koploper])

    concept = _opslaan(koploper, ambtenaar, logo=_jpeg(naam="mijn geheime naam.jpg"))

    naam = concept.gegevens["logo"]
    assert naam.startswith("koplopers/logo/") and "geheime" not in naam
    assert default_storage.exists(naam)


def test_publiceren_neemt_logo_over(koploper):
    ambtenaar = AmbtenaarFactory(koplopers=[koploper])
    concept = _opslaan(koploper, ambtenaar, logo=_png(), logo_alt="Logo van de gemeente")

    services.koploper_publiceren(koploper=koploper, gebruiker=ambtenaar)

    koploper.refresh_from_db()
    assert (koploper.logo.name, koploper.logo_alt) == (concept.gegevens["logo"], "Logo van de gemeente")
