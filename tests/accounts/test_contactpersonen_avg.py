"""Contact persons taken off a koploper profile (or withdrawing consent) leave no trace in its versions."""

import pytest
from django.urls import reverse

from gemeenten import services
from tests.factories.accounts import AmbtenaarFactory

pytestmark = pytest.mark.django_db

JAN = {"naam": "Jan Jansen", "functie": "beleidsmedewerker", "email": "jan@almere.example", "telefoon": "0612345678"}
PIET = {"naam": "Piet Pieters", "email": "piet@almere.example", "toestemming_publicatie": True}


def _publiceren(koploper, gebruiker, contactpersonen):
    koploper.refresh_from_db()
    services.koploper_concept_opslaan(
        koploper=koploper,
        gebruiker=gebruiker,
        gegevens={"organisatie": "Tekst", "ambities": "", "acties": "", "contactpersonen": contactpersonen},
        basis=services.bewerkingstoken(koploper),
    )
    return services.koploper_publiceren(koploper=koploper, gebruiker=gebruiker)


def _namen_in_versies(koploper) -> list[list[str]]:
    return [[c["naam"] for c in v.onderdelen.get("contactpersonen", [])] for v in koploper.history.order_by("pk")]


def _alle_tekst_in_versies(koploper) -> str:
    return repr([v.onderdelen for v in koploper.history.all()])


@pytest.fixture
def ambtenaar(koploper):
    return AmbtenaarFactory(koplopers=[koploper])


def test_removed_contact_person_is_scrubbed_from_every_version(koploper, ambtenaar):
    _publiceren(koploper, ambtenaar, [{**JAN, "toestemming_publicatie": True}, PIET])
    _publiceren(koploper, ambtenaar, [PIET])

    assert _namen_in_versies(koploper) == [[], ["Piet Pieters"], ["Piet Pieters"]]  # the first: the factory's
    for gegeven in ("Jan Jansen", "jan@almere.example", "0612345678", "beleidsmedewerker"):
        assert gegeven not in _alle_tekst_in_versies(koploper)


def test_restoring_an_old_version_does_not_bring_a_removed_person_back(koploper, ambtenaar):
    eerste = _publiceren(koploper, ambtenaar, [JAN, PIET]).history.first()
    _publiceren(koploper, ambtenaar, [PIET])

    services.koploper_herstellen(koploper=koploper, versie=koploper.history.get(pk=eerste.pk), gebruiker=ambtenaar)

    assert [c.naam for c in koploper.contactpersonen.all()] == ["Piet Pieters"]
    assert "Jan Jansen" not in _alle_tekst_in_versies(koploper)


def test_contact_person_who_stays_with_a_new_phone_number_is_kept_in_old_versions(koploper, ambtenaar):
    _publiceren(koploper, ambtenaar, [JAN])
    _publiceren(koploper, ambtenaar, [{**JAN, "telefoon": "0687654321"}])

    assert _namen_in_versies(koploper) == [[], ["Jan Jansen"], ["Jan Jansen"]]
    assert "0612345678" in _alle_tekst_in_versies(koploper)


def test_withdrawn_consent_removes_the_person_from_profile_and_versions(koploper, ambtenaar):
    _publiceren(koploper, ambtenaar, [PIET, JAN])

    _publiceren(koploper, ambtenaar, [{**PIET, "toestemming_publicatie": False}, JAN])

    assert [c.naam for c in koploper.contactpersonen.all()] == ["Jan Jansen"]
    assert "Piet Pieters" not in _alle_tekst_in_versies(koploper)


def test_contact_person_without_consent_from_the_start_stays_non_public(koploper, ambtenaar):
    _publiceren(koploper, ambtenaar, [JAN])

    assert [(c.naam, c.toestemming_publicatie) for c in koploper.contactpersonen.all()] == [("Jan Jansen", False)]


def test_scrubbing_again_removes_nothing(koploper, ambtenaar):
    _publiceren(koploper, ambtenaar, [JAN, PIET])
    _publiceren(koploper, ambtenaar, [PIET])

    assert services.koploper_contactpersonen_uit_versies_verwijderen(koploper=koploper) == 0


def test_history_page_no_longer_shows_a_removed_person(client_als, koploper, ambtenaar):
    eerste = _publiceren(koploper, ambtenaar, [JAN, PIET]).history.first()
    _publiceren(koploper, ambtenaar, [PIET])
    client = client_als(ambtenaar)

    response = client.get(reverse("gemeenten:versie", kwargs={"slug": koploper.slug, "versie": eerste.history_id}))

    assert response.status_code == 200
    assert "Piet Pieters" in response.text
    assert "Jan Jansen" not in response.text
