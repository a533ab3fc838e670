"""gemeenten.services.koploper_uit_selectie_maken_of_bijwerken: publishing a selection asks gemeenten."""

import pytest
from django.core.exceptions import ValidationError

from gemeenten.models import Koploper, Versiereden
from gemeenten.services import koploper_uit_selectie_maken_of_bijwerken
from tests.factories.accounts import StafFactory
from tests.factories.gemeenten import (
    DoelgroepFactory,
    GemeenteFactory,
    KoploperFactory,
    ProvincieFactory,
    ThemaFactory,
)

pytestmark = pytest.mark.django_db


def test_one_municipality_becomes_a_published_koploper_with_one_version():
    staf = StafFactory()
    gemeente = GemeenteFactory(naam="Almere")
    thema, doelgroep = ThemaFactory(naam="Bekendheid"), DoelgroepFactory(naam="Jeugd")

    koploper = koploper_uit_selectie_maken_of_bijwerken(
        gemeenten=[gemeente], naam="Kandidaat Almere", door=staf, reden=Versiereden.SELECTIE,
        doelgroepen=[doelgroep], themas=[thema],
    )  # fmt: skip

    assert (koploper.naam, koploper.soort, koploper.gemeente, koploper.provincie) == (
        "Almere",
        Koploper.Soort.GEMEENTE,
        gemeente,
        gemeente.provincie,
    )
    assert (koploper.gepubliceerd, koploper.versie) == (True, 1)
    versies = list(koploper.history.all())
    assert [(v.history_change_reason, v.history_user, v.versie) for v in versies] == [("selectie", staf, 1)]
    assert [rij.thema.naam for rij in versies[0].themas.all()] == ["Bekendheid"]
    assert [rij.doelgroep.naam for rij in versies[0].doelgroepen.all()] == ["Jeugd"]


def test_several_municipalities_become_a_region_in_the_province_most_lie_in():
    utrecht, zeeland = ProvincieFactory(naam="Utrecht"), ProvincieFactory(naam="Zeeland")
    leden = [GemeenteFactory(provincie=utrecht), GemeenteFactory(provincie=utrecht), GemeenteFactory(provincie=zeeland)]

    regio = koploper_uit_selectie_maken_of_bijwerken(
        gemeenten=leden, naam="Regio Midden", door=StafFactory(), reden=Versiereden.SELECTIE
    )

    assert (regio.naam, regio.slug, regio.soort, regio.gemeente, regio.provincie) == (
        "Regio Midden",
        "regio-midden",
        Koploper.Soort.REGIO,
        None,
        utrecht,
    )
    assert set(regio.leden.all()) == set(leden)
    assert regio.history.count() == 1


def test_an_existing_region_with_the_same_members_is_updated_not_duplicated():
    staf = StafFactory()
    leden = [GemeenteFactory(), GemeenteFactory()]
    eerste = koploper_uit_selectie_maken_of_bijwerken(
        gemeenten=leden, naam="Regio Oost", door=staf, reden=Versiereden.SELECTIE
    )

    tweede = koploper_uit_selectie_maken_of_bijwerken(
        gemeenten=list(reversed(leden)), naam="Andere naam", door=staf, reden=Versiereden.SELECTIE
    )

    assert tweede.pk == eerste.pk
    assert (tweede.naam, tweede.versie) == ("Regio Oost", 2)
    assert Koploper.objects.filter(soort=Koploper.Soort.REGIO).count() == 1
    assert tweede.history.count() == 2


def test_a_region_with_other_members_is_a_new_koploper_with_a_unique_slug():
    staf = StafFactory()
    gedeeld = GemeenteFactory()
    koploper_uit_selectie_maken_of_bijwerken(
        gemeenten=[gedeeld, GemeenteFactory()], naam="Regio", door=staf, reden=Versiereden.SELECTIE
    )

    tweede = koploper_uit_selectie_maken_of_bijwerken(
        gemeenten=[gedeeld, GemeenteFactory()], naam="Regio", door=staf, reden=Versiereden.SELECTIE
    )

    assert tweede.slug == "regio-2"
    assert Koploper.objects.filter(soort=Koploper.Soort.REGIO).count() == 2


def test_an_unpublished_koploper_is_published_again_keeping_its_profile():
    staf = StafFactory()
    bestaand = KoploperFactory(gepubliceerd=False, versie=5, organisatie="<p>Eigen tekst.</p>")

    koploper = koploper_uit_selectie_maken_of_bijwerken(
        gemeenten=[bestaand.gemeente], naam="Wat anders", door=staf, reden=Versiereden.SELECTIE
    )

    koploper.refresh_from_db()
    assert (koploper.pk, koploper.gepubliceerd, koploper.versie, koploper.organisatie) == (
        bestaand.pk,
        True,
        6,
        "<p>Eigen tekst.</p>",
    )
    assert koploper.history.first().history_change_reason == "selectie"


def test_without_municipalities_is_refused_in_dutch():
    with pytest.raises(ValidationError) as fout:
        koploper_uit_selectie_maken_of_bijwerken(gemeenten=[], naam="Leeg", door=None, reden=Versiereden.SELECTIE)

    assert fout.value.messages == ["Een koploper heeft minstens één gemeente."]
    assert Koploper.objects.count() == 0
