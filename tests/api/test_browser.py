import pytest

from tests.factories.gemeenten import GepubliceerdeKoploperFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_documentation_page_has_no_axe_violations_and_no_csp_errors(page, axe):
    GepubliceerdeKoploperFactory()
    fouten = []
    page.on("console", lambda bericht: fouten.append(bericht.text) if bericht.type == "error" else None)

    page.goto("/api/v1/")
    page.locator("details summary").first.click()

    assert page.locator("h1").inner_text() == "Open data van het Koploperportaal"
    assert axe(page) == []
    assert fouten == []
