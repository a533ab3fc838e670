"""Profile answers round-trip: what an official typed is what the editor shows again (issue 13)."""

import importlib

import pytest
from django.urls import reverse

from gemeenten import services
from gemeenten.models import Koploper, KoploperConcept
from koplopers.opmaak import html_naar_tekst, tekst_naar_html
from tests.factories.accounts import AmbtenaarFactory
from tests.factories.gemeenten import GepubliceerdeKoploperFactory
from tests.permissies import inloggen

pytestmark = pytest.mark.django_db

VELDEN = ["organisatie", "ambities", "acties"]

GETYPT = (
    "Wij werken samen met MEE.\nEn met de adviesraad.\n\n"
    "- Bekendheid vergroten\n- Ervaringsdeskundigen inzetten\n\n"
    "1. Eerst luisteren\n2. Dan **samen** kiezen\n\n"
    "Zie https://www.almere.nl of [de handreiking](https://vng.nl/handreiking) en *Methode Jet*."
)
GETOOND = (
    "<p>Wij werken samen met MEE.<br>En met de adviesraad.</p>"
    "<ul><li>Bekendheid vergroten</li><li>Ervaringsdeskundigen inzetten</li></ul>"
    "<ol><li>Eerst luisteren</li><li>Dan <strong>samen</strong> kiezen</li></ol>"
    '<p>Zie <a href="https://www.almere.nl" rel="noopener noreferrer nofollow">https://www.almere.nl</a> of '
    '<a href="https://vng.nl/handreiking" rel="noopener noreferrer nofollow">de handreiking</a> en '
    "<em>Methode Jet</em>.</p>"
)

# The texts as laad_demodata stored them before (HTML), and what the migration makes of them.
SEED_HTML = {
    "voorbeeld_organisatie": (
        "<p>Inwoners kunnen voor onafhankelijke cliëntondersteuning terecht bij een professionele "
        "cliëntondersteuner en bij een pool van vrijwillige ervaringsdeskundigen. Het sociaal team wijst "
        "inwoners vóór het keukentafelgesprek op deze mogelijkheid.</p>"
    ),
    "voorbeeld_ambities": (
        "<ul><li>Iedere inwoner weet dat cliëntondersteuning bestaat en gratis is.</li>"
        "<li>Ervaringsdeskundigen worden structureel betrokken bij beleid.</li></ul>"
    ),
    "voorbeeld_acties": (
        "<p>Samen met de adviesraad sociaal domein organiseren we voorlichtingsbijeenkomsten, "
        "en we meten elk jaar de ervaringen van cliënten.</p>"
    ),
    "almere": (
        "<p>De onafhankelijke cliëntondersteuning in Almere wordt gegeven door MEE IJsseloevers. "
        "Daarnaast is er een <em>kompanenpool</em>: vrijwillige ervaringsdeskundigen die cliënten morele steun "
        "geven en helpen hun vraag onder woorden te brengen.</p>"
    ),
}


def _formulier(koploper, **velden):
    gegevens = services.concept_of_gepubliceerd(koploper)
    data = {
        "basis": services.bewerkingstoken(koploper),
        **{veld: gegevens[veld] for veld in VELDEN},
        "logo_alt": "",
        "links-TOTAL_FORMS": "0",
        "links-INITIAL_FORMS": "0",
        "contacten-TOTAL_FORMS": "0",
        "contacten-INITIAL_FORMS": "0",
    }
    data.update(velden)
    return data


@pytest.fixture
def koploper():
    return GepubliceerdeKoploperFactory()


@pytest.fixture
def client_ambtenaar(client, koploper):
    inloggen(client, AmbtenaarFactory(koplopers=[koploper]))
    return client


@pytest.mark.parametrize("veld", VELDEN)
def test_antwoord_komt_na_opslaan_en_publiceren_terug_zoals_getypt(client_ambtenaar, koploper, veld):
    bewerken = reverse("gemeenten:bewerken", kwargs={"slug": koploper.slug})

    client_ambtenaar.post(bewerken, _formulier(koploper, **{veld: GETYPT.replace("\n", "\r\n")}))
    na_opslaan = client_ambtenaar.get(bewerken).context["form"][veld].value()
    client_ambtenaar.post(reverse("gemeenten:publiceren", kwargs={"slug": koploper.slug}))
    na_publiceren = client_ambtenaar.get(bewerken).context["form"][veld].value()
    openbaar = client_ambtenaar.get(koploper.get_absolute_url()).content.decode()

    assert na_opslaan == GETYPT
    assert na_publiceren == GETYPT
    assert GETOOND in openbaar


def test_een_regel_met_streepje_onder_een_alinea_wordt_een_opsomming(client_ambtenaar, koploper):
    client_ambtenaar.post(
        reverse("gemeenten:bewerken", kwargs={"slug": koploper.slug}),
        _formulier(koploper, ambities="Onze ambities:\n- een\n- twee"),
    )
    client_ambtenaar.post(reverse("gemeenten:publiceren", kwargs={"slug": koploper.slug}))

    openbaar = client_ambtenaar.get(koploper.get_absolute_url()).content.decode()

    assert "<p>Onze ambities:</p><ul><li>een</li><li>twee</li></ul>" in openbaar


def test_pdf_en_zoekindex_tonen_opgemaakte_tekst_niet_de_bron(koploper):
    from kennisbank.models import Zoekdocument

    koploper.organisatie = "Zie **hier**: [de site](https://vng.nl)"
    koploper.save()

    document = Zoekdocument.objects.get(sleutel=f"koploper:{koploper.pk}")

    assert "Zie hier: de site" in document.tekst
    assert "**" not in document.tekst and "](" not in document.tekst


@pytest.mark.parametrize("sleutel", sorted(SEED_HTML))
def test_html_naar_tekst_geeft_bij_weergave_dezelfde_html_op_de_echte_seedteksten(sleutel):
    html = SEED_HTML[sleutel]

    bron = html_naar_tekst(html)

    assert "<" not in bron
    assert tekst_naar_html(bron) == html


def test_html_naar_tekst_lijsten_links_nadruk_en_losse_regel():
    html = (
        '<p>Zie <a href="https://www.almere.nl" rel="noopener">https://www.almere.nl</a> en '
        '<a href="https://x.nl/a?b=1&amp;c=2">de site</a>.</p>'
        "<ol><li>een</li><li><strong>twee</strong></li></ol><p>regel<br>twee</p>- los"
    )

    bron = html_naar_tekst(html)

    assert bron == (
        "Zie https://www.almere.nl en [de site](https://x.nl/a?b=1&c=2).\n\n1. een\n2. **twee**\n\nregel\ntwee\n\n- los"
    )
    assert "<ul><li>los</li></ul>" in tekst_naar_html(bron)


def test_datamigratie_zet_profiel_versies_en_concept_om(koploper):
    migratie = importlib.import_module("gemeenten.migrations.0004_profielteksten_als_bron")
    from django.apps import apps

    Koploper.objects.filter(pk=koploper.pk).update(
        organisatie=SEED_HTML["almere"], ambities=SEED_HTML["voorbeeld_ambities"], acties="Al platte tekst."
    )
    Koploper.history.filter(id=koploper.pk).update(organisatie=SEED_HTML["voorbeeld_organisatie"])
    KoploperConcept.objects.create(koploper=koploper, gegevens={"acties": SEED_HTML["voorbeeld_acties"], "themas": []})

    migratie.naar_bron(apps, None)
    migratie.naar_bron(apps, None)  # twice: nothing changes the second time

    koploper.refresh_from_db()
    assert koploper.organisatie == html_naar_tekst(SEED_HTML["almere"])
    assert "*kompanenpool*" in koploper.organisatie
    assert koploper.ambities == (
        "- Iedere inwoner weet dat cliëntondersteuning bestaat en gratis is.\n"
        "- Ervaringsdeskundigen worden structureel betrokken bij beleid."
    )
    assert koploper.acties == "Al platte tekst."
    assert set(Koploper.history.filter(id=koploper.pk).values_list("organisatie", flat=True)) == {
        html_naar_tekst(SEED_HTML["voorbeeld_organisatie"])
    }
    concept = KoploperConcept.objects.get(koploper=koploper)
    assert concept.gegevens == {"acties": html_naar_tekst(SEED_HTML["voorbeeld_acties"]), "themas": []}
