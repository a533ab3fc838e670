import pytest
from django.urls import reverse

from tests.factories.accounts import AmbtenaarFactory
from tests.factories.gemeenten import ContactpersoonFactory, KoploperFactory
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


@pytest.mark.django_db
def test_cached_profile_shows_a_saved_change_at_once(client):
    koploper = KoploperFactory(organisatie="<p>Oude aanpak.</p>")
    client.get(koploper.get_absolute_url())

    koploper.organisatie = "<p>Nieuwe aanpak.</p>"
    koploper.save()
    html = client.get(koploper.get_absolute_url()).content.decode()

    assert "Nieuwe aanpak." in html
    assert "Oude aanpak." not in html


@pytest.mark.django_db
def test_cached_profile_hides_a_contact_whose_consent_is_withdrawn(client):
    contact = ContactpersoonFactory(naam="Tineke Teruggetrokken")
    koploper = contact.koploper
    client.get(koploper.get_absolute_url())

    contact.toestemming_publicatie = False
    contact.save()
    koploper.save()  # every path that changes a contact (publishing, the admin) saves the profile
    html = client.get(koploper.get_absolute_url()).content.decode()

    assert "Tineke Teruggetrokken" not in html
