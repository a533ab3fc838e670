"""End-to-end: the Zelftest with the keyboard only, on a 320 px screen, without JavaScript; axe finds nothing."""

import re

import pytest
from django.urls import reverse

from kennisbank.models import BewaardeZelftest
from kennisbank.services import kennisitems_laden
from kennisbank.zelftest.vragen import ANTWOORDEN, CRITERIA

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def kennis(referentiedata):
    kennisitems_laden()


@pytest.fixture
def csp_meldingen(page):
    meldingen = []
    page.on("console", lambda bericht: meldingen.append(bericht.text))
    yield meldingen
    assert [m for m in meldingen if "Content Security Policy" in m] == []


TE_BREED = """(breedte) => Array.from(document.querySelectorAll("body *"))
    .filter((e) => e.getBoundingClientRect().right > breedte + 0.5)
    .map((e) => e.tagName + "." + e.className)"""


def _te_breed(page, breedte=320) -> list[str]:
    """What makes the page scroll sideways: empty when nothing does, else the elements that stick out."""
    page.wait_for_load_state("load")
    page.evaluate("document.fonts.ready")
    if page.evaluate("document.documentElement.scrollWidth") <= breedte:
        return []
    return page.evaluate(TE_BREED, breedte) or ["html"]


def _tab_naar(page, selector, maximum=200):
    """Press Tab until the element matching ``selector`` has the focus."""
    for _ in range(maximum):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches({selector!r})"):
            return
    raise AssertionError(f"{selector} niet bereikt met Tab")


def test_whole_flow_with_the_keyboard_on_a_phone(page, axe, kennis, csp_meldingen):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(reverse("home"))
    page.get_by_role("link", name=re.compile("Zelftest cliëntondersteuning")).click()
    assert page.locator("h1").inner_text() == "Zelftest cliëntondersteuning"
    assert _te_breed(page) == []
    assert axe(page) == []

    _tab_naar(page, ".zelftest__acties a.knop")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/zelftest/stap/1/$"))

    # First try: submit step 1 without answers → error summary with links to the questions.
    _tab_naar(page, ".zelftest__formulier button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("#foutoverzicht").is_visible()
    assert page.locator("#foutoverzicht a").count() == len(CRITERIA[0].vragen)
    assert _te_breed(page) == []
    assert axe(page) == []

    for criterium in CRITERIA:
        assert page.get_by_text(f"Stap {criterium.nummer} van 4").is_visible()
        for vraag in criterium.vragen:
            # Tab to the question's first radio, then arrow keys move the choice: "ten dele" is the second.
            _tab_naar(page, f"input[name={vraag.code}]")
            page.keyboard.press("ArrowRight")
            assert page.locator(f"input[name={vraag.code}][value=ten_dele]").is_checked()
        assert _te_breed(page) == []
        if criterium.nummer == 2:
            assert axe(page) == []
        _tab_naar(page, ".zelftest__formulier button[type=submit]")
        with page.expect_navigation():
            page.keyboard.press("Enter")

    page.wait_for_url(re.compile(r"/zelftest/uitslag/$"))
    assert page.locator("h1").inner_text() == "Uw uitslag"
    assert page.get_by_role("img", name=re.compile("Uw uitslag per onderdeel")).is_visible()
    assert page.get_by_role("table", name=re.compile("Uw uitslag per onderdeel")).is_visible()
    assert page.locator(".zelftest__criterium").count() == len(CRITERIA)
    assert _te_breed(page) == []
    assert axe(page) == []
    assert BewaardeZelftest.objects.count() == 0

    # Keep it behind a private link, reopen it in another browser, delete it there.
    page.get_by_role("button", name="Maak een privélink").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/zelftest/bewaard/[\w-]+/$"))
    link = page.url
    assert page.get_by_label("Uw privélink").input_value() == link
    assert _te_breed(page) == []
    assert axe(page) == []
    assert BewaardeZelftest.objects.count() == 1

    ander = page.context.browser.new_context(base_url=page.url)
    andere_pagina = ander.new_page()
    andere_pagina.goto(link)
    assert andere_pagina.locator("h1").inner_text() == "Uw bewaarde zelftest"
    andere_pagina.get_by_role("link", name="Verwijder deze bewaarde zelftest").click()
    assert axe(andere_pagina) == []
    andere_pagina.get_by_role("button", name="Ja, verwijder mijn antwoorden").click()
    andere_pagina.wait_for_url(re.compile(r"/zelftest/$"))
    assert andere_pagina.get_by_text("Uw bewaarde zelftest is verwijderd.").is_visible()
    ander.close()

    assert BewaardeZelftest.objects.count() == 0
    assert page.goto(link).status == 404


def test_the_steps_work_without_javascript(chromium, live_server, kennis):
    context = chromium.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto(reverse("kennisbank:zelftest_stap", args=[1]))
    for criterium in CRITERIA:
        for vraag in criterium.vragen:
            page.locator(f"input[name={vraag.code}][value=helemaal]").check()
        with page.expect_navigation():
            page.locator(".zelftest__formulier button[type=submit]").first.click()

    assert page.url.endswith(reverse("kennisbank:zelftest_uitslag"))
    assert page.locator(".grafiek__tabel").first.inner_text().count("100%") == len(CRITERIA)
    assert len(ANTWOORDEN) == 5
    context.close()
