import os

import pytest
from django.core.management import call_command

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def referentiedata(db):
    """The 342 municipalities, 12 provinces, vocabularies, rounds and the known koplopers."""
    call_command("laad_referentiedata", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115


CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium driven by Playwright (never `playwright install`: no downloads here)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium, live_server):
    """A fresh browser page; tile requests to the outside world are answered empty (no network here)."""
    context = chromium.new_context(base_url=live_server.url, locale="nl-NL")
    context.route(lambda url: not url.startswith(live_server.url), lambda route: route.abort())
    pagina = context.new_page()
    pagina.set_default_timeout(15000)
    yield pagina
    context.close()


@pytest.fixture
def axe():
    """Run axe-core (bundled with axe-playwright-python, offline) and return the violations."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def violations(pagina):
        resultaat = axe.run(pagina)
        return [
            f"{v['id']}: {v['help']} ({len(v['nodes'])}× e.g. {v['nodes'][0]['target']})"
            for v in resultaat.response["violations"]
        ]

    return violations
