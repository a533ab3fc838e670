import pytest
from django.core.management import call_command

from gemeenten.models import Gemeente, Koploper, Provincie
from gemeenten.services import koplopers_bekend_laden, referentiedata_laden


@pytest.mark.django_db
def test_referentiedata_laden_loads_all_municipalities_and_provinces():
    referentiedata_laden()

    assert Gemeente.objects.count() == 342
    assert Provincie.objects.count() == 12
    assert Gemeente.objects.get(code="GM0034").naam == "Almere"
    assert Gemeente.objects.filter(provincie__code="PV30").count() == 56


@pytest.mark.django_db
def test_referentiedata_laden_twice_keeps_the_same_rows():
    referentiedata_laden()
    koplopers_bekend_laden()
    ids_voor = set(Gemeente.objects.values_list("id", flat=True))

    verslag = referentiedata_laden()
    koplopers_bekend_laden()

    assert set(Gemeente.objects.values_list("id", flat=True)) == ids_voor
    assert verslag.aangemaakt == {}
    assert Koploper.objects.count() == 28


@pytest.mark.django_db
def test_referentiedata_laden_updates_a_changed_name():
    referentiedata_laden()
    Gemeente.objects.filter(code="GM0034").update(naam="Almere-oud")

    referentiedata_laden()

    assert Gemeente.objects.get(code="GM0034").naam == "Almere"


@pytest.mark.django_db
def test_den_haag_has_display_name_and_official_name():
    referentiedata_laden()

    den_haag = Gemeente.objects.get(code="GM0518")

    assert den_haag.naam == "'s-Gravenhage"
    assert den_haag.toon_naam == "Den Haag"
    assert den_haag.slug == "den-haag"


@pytest.mark.django_db
def test_s_hertogenbosch_sorts_under_h():
    referentiedata_laden()

    namen = list(Gemeente.objects.values_list("naam", flat=True))

    assert namen.index("'s-Hertogenbosch") > namen.index("Heusden") - 5
    assert namen.index("Harderwijk") < namen.index("'s-Hertogenbosch") < namen.index("Hilversum")


@pytest.mark.django_db
def test_koplopers_bekend_laden_gives_regions_their_members_once():
    referentiedata_laden()
    koplopers_bekend_laden()
    twente = Koploper.objects.get(slug="regio-twente")
    twente.leden.remove(twente.leden.get(code="GM0153"))  # an edit in the admin

    koplopers_bekend_laden()

    assert twente.soort == Koploper.Soort.REGIO
    assert twente.leden.count() == 13
    assert twente.provincie.naam == "Overijssel"
    # The source does not establish the Oosterschelderegio's members: none are invented.
    assert not Koploper.objects.get(slug="oosterschelderegio").leden.exists()


@pytest.mark.django_db
def test_koplopers_bekend_laden_keeps_the_sources_words_about_the_round():
    referentiedata_laden()
    koplopers_bekend_laden()

    almere = Koploper.objects.get(slug="almere")
    almelo = Koploper.objects.get(slug="almelo")

    assert almere.deelname_volgens_bron == "2017 eerste ronde (een van 14)"
    assert "almere.nl" in almere.bron_url
    # "idem" in the source repeats the row above.
    assert almelo.deelname_volgens_bron == "deelnemer VWS-middelen 2019 (rondes 2017-2019)"


@pytest.mark.django_db
def test_laad_demodata_labels_example_text():
    call_command("laad_referentiedata", verbosity=0)
    call_command("laad_demodata", verbosity=0)

    assert Koploper.objects.get(slug="breda").is_voorbeeldtekst is True
    assert Koploper.objects.get(slug="almere").is_voorbeeldtekst is False
    assert Koploper.objects.filter(uitgelicht=True).count() == 3


@pytest.mark.django_db
def test_laad_demodata_invents_no_labels_beside_real_text():
    call_command("laad_referentiedata", verbosity=0)
    call_command("laad_demodata", verbosity=0)

    almere = Koploper.objects.get(slug="almere")

    assert list(almere.doelgroepen.values_list("naam", flat=True)) == []
    assert list(almere.themas.values_list("naam", flat=True)) == ["Inzet ervaringsdeskundigen"]
    assert almere.links.filter(titel="Bron").exists()
