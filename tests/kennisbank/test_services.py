import pytest
from django.core.exceptions import ValidationError

from gemeenten.services import koplopers_bekend_laden, referentiedata_laden
from kennisbank.demodata import demo_etalage_laden
from kennisbank.models import Etalageartikel, Kennisitem, Uitgever
from kennisbank.services import etalageartikel_opslaan, kennisitem_opslaan, kennisitems_laden
from tests.factories.kennisbank import EtalageartikelFactory, KoploperInUtrechtFactory


@pytest.mark.django_db
def test_kennisitems_laden_seeds_the_items_the_sources_name():
    referentiedata_laden()
    koplopers_bekend_laden()

    verslag = kennisitems_laden()

    assert verslag.aangemaakt["kennisitem"] == 8
    inspiratie = Kennisitem.objects.get(slug="inspiratiedocument-clientondersteuning")
    assert (inspiratie.uitgever.naam, inspiratie.jaar) == ("VNG", 2015)
    assert Kennisitem.objects.get(slug="onderzoek-clientondersteuning-movisie").jaar == 2016
    assert Kennisitem.objects.get(slug="handreiking-onafhankelijke-clientondersteuning").jaar == 2017
    assert Kennisitem.objects.get(slug="zelftest-clientondersteuning-voor-gemeenten").jaar is None
    assert [k.slug for k in Kennisitem.objects.get(slug="methode-jet-almere").koplopers.all()] == ["almere"]


@pytest.mark.django_db
def test_kennisitems_laden_is_idempotent_and_keeps_staff_edits(referentiedata):
    kennisitems_laden()
    item = Kennisitem.objects.get(slug="inwoners-betrekken")
    item.samenvatting = "Door de redactie aangepast."
    kennisitem_opslaan(item=item)

    verslag = kennisitems_laden()

    assert "kennisitem" not in verslag.aangemaakt
    assert Kennisitem.objects.count() == 8
    assert Uitgever.objects.count() == 6
    assert Kennisitem.objects.get(slug="inwoners-betrekken").samenvatting == "Door de redactie aangepast."


@pytest.mark.django_db
def test_kennisitem_opslaan_refuses_a_video_without_link():
    with pytest.raises(ValidationError):
        kennisitem_opslaan(item=Kennisitem(titel="Film", slug="film", soort=Kennisitem.Soort.VIDEO))

    assert not Kennisitem.objects.exists()


@pytest.mark.django_db
def test_kennisitem_opslaan_fills_plain_text_and_the_search_index():
    from kennisbank.models import Zoekdocument

    item = kennisitem_opslaan(
        item=Kennisitem(titel="Cliëntondersteuning", samenvatting="Kort", inhoud="<p>Naïeve <em>tekst</em></p>")
    )

    assert item.slug == "clientondersteuning"
    assert item.platte_tekst == "Kort\nNaïeve tekst"
    document = Zoekdocument.objects.get(sleutel=f"kennisitem:{item.pk}")
    assert document.termen_titel == "clientondersteun"
    assert "naiev" in document.termen_tekst.split()


@pytest.mark.django_db
def test_etalageartikel_opslaan_sanitises_and_sets_first_of_month():
    import datetime

    artikel = EtalageartikelFactory.build(
        koploper=KoploperInUtrechtFactory(),
        maand=datetime.date(2021, 5, 17),
        visie_inwoners='<p onclick="x()">Goed</p><script>x()</script>',
    )

    etalageartikel_opslaan(artikel=artikel)

    artikel.refresh_from_db()
    assert artikel.maand == datetime.date(2021, 5, 1)
    assert artikel.visie_inwoners == "<p>Goed</p>"


@pytest.mark.django_db
def test_demo_etalage_laden_creates_labelled_examples_once(referentiedata):
    eerste = demo_etalage_laden()
    tweede = demo_etalage_laden()

    assert eerste == 3
    assert tweede == 0
    assert Etalageartikel.objects.count() == 3
    assert all(artikel.is_voorbeeldtekst for artikel in Etalageartikel.objects.all())
    assert all(artikel.titel.startswith("Voorbeeld:") for artikel in Etalageartikel.objects.all())
