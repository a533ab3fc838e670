import pytest
from django.urls import reverse

from tests.factories.accounts import AmbtenaarFactory
from tests.factories.gemeenten import KoploperFactory
from tests.permissies import inloggen


@pytest.mark.django_db
def test_profile_shows_edit_link_to_its_own_official(client):
    koploper = KoploperFactory()
    inloggen(client, AmbtenaarFactory(koplopers=[koploper]))

    response = client.get(koploper.get_absolute_url())

    assert reverse("gemeenten:bewerken", kwargs={"slug": koploper.slug}) in response.content.decode()


@pytest.mark.django_db
def test_profile_hides_edit_link_from_visitors_and_other_officials(client):
    koploper = KoploperFactory()
    ander = KoploperFactory()
    bewerk_url = reverse("gemeenten:bewerken", kwargs={"slug": koploper.slug})

    anoniem = client.get(koploper.get_absolute_url()).content.decode()
    inloggen(client, AmbtenaarFactory(koplopers=[ander]))
    andere_ambtenaar = client.get(koploper.get_absolute_url()).content.decode()

    assert bewerk_url not in anoniem
    assert bewerk_url not in andere_ambtenaar
