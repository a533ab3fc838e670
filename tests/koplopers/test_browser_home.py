import pytest


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_home_has_no_axe_violations(page, axe, referentiedata):
    page.goto("/")

    assert page.locator("h1").inner_text() == "Koplopers in onafhankelijke cliëntondersteuning"
    assert axe(page) == []
