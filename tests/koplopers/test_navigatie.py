import pytest
from django.urls import reverse

from tests.factories.accounts import (
    AmbtenaarFactory,
    BelangenbehartigerFactory,
    BeoordelaarFactory,
    StafFactory,
)
from tests.factories.gemeenten import KoploperFactory
from tests.permissies import inloggen, totp_apparaat_maken


def _menu(client):
    html = client.get(reverse("home")).content.decode()
    return html[html.index('<nav class="hoofdnavigatie"') : html.index("</nav>", html.index('class="hoofdnavigatie"'))]


@pytest.mark.django_db
def test_staff_menu_leads_to_review_overview_rounds_and_invitations(client):
    staf = StafFactory()
    totp_apparaat_maken(staf)
    inloggen(client, staf)

    menu = _menu(client)

    assert reverse("beoordeling:overzicht") in menu
    assert reverse("selectie:rondes") in menu
    assert reverse("accounts:uitnodigen") in menu


@pytest.mark.django_db
def test_reviewer_menu_leads_to_reviewing_only(client):
    beoordelaar = BeoordelaarFactory()
    totp_apparaat_maken(beoordelaar)
    inloggen(client, beoordelaar)

    menu = _menu(client)

    assert reverse("beoordeling:lijst") in menu
    assert reverse("beoordeling:overzicht") not in menu
    assert reverse("selectie:rondes") not in menu


@pytest.mark.django_db
def test_advocate_and_official_menus(client):
    inloggen(client, BelangenbehartigerFactory())
    advocaat = _menu(client)
    client.logout()
    inloggen(client, AmbtenaarFactory(koplopers=[KoploperFactory()]))
    ambtenaar = _menu(client)

    assert reverse("selectie:mijn_voordrachten") in advocaat
    assert reverse("accounts:mijn_gemeente") not in advocaat
    assert reverse("accounts:mijn_gemeente") in ambtenaar


@pytest.mark.django_db
def test_anonymous_menu_has_no_role_links(client):
    menu = _menu(client)

    assert reverse("selectie:mijn_voordrachten") not in menu
    assert reverse("beoordeling:lijst") not in menu
    assert reverse("beoordeling:overzicht") not in menu
