import os

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demodata(referentiedata):
    call_command("laad_demodata", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115


def test_home_has_no_axe_violations(page, axe, referentiedata):
    page.goto("/")

    assert page.locator("h1").inner_text() == "Koplopers in onafhankelijke cliëntondersteuning"
    assert axe(page) == []


def test_home_with_demo_content_has_no_axe_violations(page, axe, demodata):
    page.goto("/")

    assert page.locator("#uitgelicht-kop + p + ul.kaarten > li.kaartje").count() == 3
    assert axe(page) == []


def test_home_leads_to_map_list_and_featured_profile(page, demodata):
    page.goto("/")
    page.get_by_role("link", name="Bekijk de kaart").click()
    page.wait_for_url("**/gemeenten/kaart/")

    page.goto("/")
    page.get_by_role("link", name="Bekijk alle koplopers van A tot Z").click()
    page.wait_for_url("**/gemeenten/")

    page.goto("/")
    page.locator("li.kaartje h3 a", has_text="Almere").click()
    page.wait_for_url("**/gemeenten/almere/")
    assert page.locator("h1").inner_text() == "Almere"
