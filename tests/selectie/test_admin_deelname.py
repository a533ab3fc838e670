"""The round participation in the admin: selectie adds it to gemeenten's koploper admin and to the round."""

import pytest
from django.urls import reverse

from selectie.models import Deelname
from tests.factories.accounts import UserFactory
from tests.factories.gemeenten import GepubliceerdeKoploperFactory, RondeFactory
from tests.permissies import inloggen, totp_apparaat_maken

pytestmark = pytest.mark.django_db


@pytest.fixture
def beheer(client):
    """A superuser, OTP-verified (an admin account needs a second factor)."""
    gebruiker = UserFactory(is_staff=True, is_superuser=True)
    totp_apparaat_maken(gebruiker)
    inloggen(client, gebruiker)
    return client


def test_koploper_admin_shows_the_rounds_as_participation(beheer):
    ronde = RondeFactory(naam="Koplopers I (2017)")
    koploper = GepubliceerdeKoploperFactory(naam="Almere", rondes=[ronde])

    response = beheer.get(reverse("admin:gemeenten_koploper_change", args=[koploper.pk]))

    assert response.status_code == 200
    inline = response.context["inline_admin_formsets"][-1]
    assert inline.opts.model is Deelname
    assert [form.instance.ronde for form in inline.formset.forms if form.instance.pk] == [ronde]


def test_koploper_admin_filters_by_round(beheer):
    ronde = RondeFactory()
    mee = GepubliceerdeKoploperFactory(naam="Almere", rondes=[ronde])
    GepubliceerdeKoploperFactory(naam="Breda")

    response = beheer.get(reverse("admin:gemeenten_koploper_changelist"), {"rondes__id__exact": ronde.pk})

    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == [mee]


def test_ronde_admin_lists_its_koplopers(beheer):
    ronde = RondeFactory()
    koploper = GepubliceerdeKoploperFactory(naam="Almere", rondes=[ronde])

    response = beheer.get(reverse("admin:selectie_ronde_change", args=[ronde.pk]))

    assert response.status_code == 200
    deelnames = next(f for f in response.context["inline_admin_formsets"] if f.opts.model is Deelname)
    assert [form.instance.koploper for form in deelnames.formset.forms if form.instance.pk] == [koploper]
