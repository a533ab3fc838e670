"""The public PDFs are cached on the data they show, and at most a few are rendered at once."""

import threading

import pytest
from django.urls import reverse

import kennisbank.pdf
from gemeenten.models import Koploper
from kennisbank.pdf import PdfTeDruk, pdf_gecachet
from tests.factories.kennisbank import EtalageartikelFactory, KennisitemFactory, KoploperInUtrechtFactory


@pytest.fixture
def renders(monkeypatch):
    """Count the renders; each returns a distinct small "PDF" (WeasyPrint itself is tested elsewhere)."""
    gemaakt = []

    def nep_pdf(*, template_name, context, request):
        gemaakt.append(template_name)
        return f"%PDF-nep {len(gemaakt)}".encode()

    monkeypatch.setattr("kennisbank.views.pdf_maken", nep_pdf)
    return gemaakt


@pytest.fixture
def een_plek(monkeypatch, settings):
    """One render at a time, and a short wait for a place."""
    monkeypatch.setattr(kennisbank.pdf, "_renders", threading.BoundedSemaphore(1))
    settings.PDF_WACHTTIJD = 0.05
    return kennisbank.pdf._renders


def _profiel_pdf(client, koploper):
    return client.get(reverse("kennisbank:profiel_pdf", kwargs={"slug": koploper.slug}))


@pytest.mark.django_db
def test_profiel_pdf_second_request_is_served_from_the_cache(client, renders):
    koploper = KoploperInUtrechtFactory()

    eerste = _profiel_pdf(client, koploper)
    tweede = _profiel_pdf(client, koploper)

    assert (eerste.status_code, tweede.status_code) == (200, 200)
    assert renders == ["kennisbank/pdf/profiel.html"]
    assert tweede.content == eerste.content
    assert tweede["Content-Type"] == "application/pdf"


@pytest.mark.django_db
def test_profiel_pdf_cached_costs_only_light_queries(client, renders, django_assert_num_queries):
    koploper = KoploperInUtrechtFactory()
    _profiel_pdf(client, koploper)

    # The koploper (404 or not, its bijgewerkt), its items and articles (the data version is cached).
    with django_assert_num_queries(3):
        assert _profiel_pdf(client, koploper).status_code == 200


@pytest.mark.django_db
def test_profiel_pdf_is_made_again_when_the_profile_changes(client, renders):
    koploper = KoploperInUtrechtFactory(acties="<p>Oud</p>")
    oud = _profiel_pdf(client, koploper).content

    koploper.acties = "<p>Nieuw</p>"
    koploper.save()
    nieuw = _profiel_pdf(client, koploper).content

    assert len(renders) == 2
    assert nieuw != oud


@pytest.mark.django_db
@pytest.mark.parametrize("toevoegen", [KennisitemFactory, EtalageartikelFactory], ids=["kennisitem", "etalage"])
def test_profiel_pdf_is_made_again_when_knowledge_is_linked(client, renders, toevoegen):
    koploper = KoploperInUtrechtFactory()
    _profiel_pdf(client, koploper)

    if toevoegen is KennisitemFactory:
        toevoegen(koplopers=[koploper])
    else:
        toevoegen(koploper=koploper)
    _profiel_pdf(client, koploper)

    assert len(renders) == 2


@pytest.mark.django_db
def test_profiel_pdf_is_made_again_when_the_public_data_changes(client, renders):
    koploper = KoploperInUtrechtFactory()
    _profiel_pdf(client, koploper)

    KoploperInUtrechtFactory()  # another koploper published: the public data version changes
    _profiel_pdf(client, koploper)

    assert len(renders) == 2


@pytest.mark.django_db
def test_profiel_pdf_of_each_koploper_is_its_own(client, renders):
    eerste, tweede = KoploperInUtrechtFactory(), KoploperInUtrechtFactory()

    a = _profiel_pdf(client, eerste).content
    b = _profiel_pdf(client, tweede).content

    assert len(renders) == 2
    assert a != b


@pytest.mark.django_db
def test_profiel_pdf_of_unpublished_koploper_is_404_even_when_it_was_cached(client, renders):
    koploper = KoploperInUtrechtFactory()
    _profiel_pdf(client, koploper)

    Koploper.objects.filter(pk=koploper.pk).update(gepubliceerd=False)

    assert _profiel_pdf(client, koploper).status_code == 404


@pytest.mark.django_db
def test_profiel_pdf_with_a_query_string_shares_the_cached_pdf(client, renders):
    koploper = KoploperInUtrechtFactory()
    url = reverse("kennisbank:profiel_pdf", kwargs={"slug": koploper.slug})

    client.get(url)
    client.get(url + "?x=1")
    client.get(url + "?x=2")

    assert len(renders) == 1


@pytest.mark.django_db
def test_factsheet_pdf_is_cached_and_made_again_when_the_figures_change(client, renders):
    url = reverse("kennisbank:factsheet_pdf")

    eerste = client.get(url)
    tweede = client.get(url)
    KennisitemFactory()  # saving an item drops the cached figures: the new count shows
    derde = client.get(url)

    assert [r.status_code for r in (eerste, tweede, derde)] == [200, 200, 200]
    assert len(renders) == 2
    assert tweede.content == eerste.content
    assert derde.content != eerste.content


@pytest.mark.django_db
def test_pdf_gets_503_with_retry_after_when_all_render_places_are_taken(client, renders, een_plek):
    koploper = KoploperInUtrechtFactory()
    een_plek.acquire()  # another request is rendering
    try:
        bezet = _profiel_pdf(client, koploper)
        factsheet = client.get(reverse("kennisbank:factsheet_pdf"))
    finally:
        een_plek.release()
    vrij = _profiel_pdf(client, koploper)

    assert bezet.status_code == 503
    assert bezet["Retry-After"] == "5"
    assert "Er worden op dit moment veel PDF's gemaakt" in bezet.content.decode()
    assert '<html lang="nl">' in bezet.content.decode()
    assert factsheet.status_code == 503
    assert vrij.status_code == 200
    assert len(renders) == 1


@pytest.mark.django_db
def test_cached_pdf_is_served_while_all_render_places_are_taken(client, renders, een_plek):
    koploper = KoploperInUtrechtFactory()
    _profiel_pdf(client, koploper)

    een_plek.acquire()
    try:
        response = _profiel_pdf(client, koploper)
    finally:
        een_plek.release()

    assert response.status_code == 200


def test_pdf_gecachet_renders_at_most_the_limit_at_once_and_once_per_key(monkeypatch, settings):
    """Eight requests for one PDF at once, one place: one renders, the others wait and take its result."""
    monkeypatch.setattr(kennisbank.pdf, "_renders", threading.BoundedSemaphore(1))
    settings.PDF_WACHTTIJD = 5
    bezig, hoogste, gemaakt = [0], [0], []
    slot = threading.Lock()
    begonnen = threading.Event()

    def maken():
        with slot:
            bezig[0] += 1
            hoogste[0] = max(hoogste[0], bezig[0])
            gemaakt.append(1)
        begonnen.set()
        threading.Event().wait(0.2)
        with slot:
            bezig[0] -= 1
        return b"%PDF-een"

    uitkomsten = []

    def vragen():
        uitkomsten.append(pdf_gecachet(sleutel="test:pdf:gelijktijdig", maken=maken, timeout=60))

    draden = [threading.Thread(target=vragen) for _ in range(8)]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join(10)

    assert uitkomsten == [b"%PDF-een"] * 8
    assert hoogste[0] == 1
    assert len(gemaakt) == 1


def test_pdf_gecachet_gives_up_after_the_waiting_time(monkeypatch, settings):
    plek = threading.BoundedSemaphore(1)
    monkeypatch.setattr(kennisbank.pdf, "_renders", plek)
    settings.PDF_WACHTTIJD = 0.05
    plek.acquire()
    try:
        with pytest.raises(PdfTeDruk):
            pdf_gecachet(sleutel="test:pdf:druk", maken=lambda: b"%PDF-", timeout=60)
    finally:
        plek.release()


@pytest.fixture
def pdf_html(monkeypatch):
    """The HTML each profile PDF would be made of (WeasyPrint itself is tested elsewhere)."""
    from django.template.loader import render_to_string

    gemaakt = []

    def nep_pdf(*, template_name, context, request):
        gemaakt.append(render_to_string(template_name, context, request=request))
        return b"%PDF-nep"

    monkeypatch.setattr("kennisbank.views.pdf_maken", nep_pdf)
    return gemaakt


@pytest.mark.django_db
@pytest.mark.parametrize("aantal", [1, 50])
def test_profiel_pdf_lists_what_the_page_shows_whatever_the_number_linked(client, pdf_html, aantal):
    koploper = KoploperInUtrechtFactory()
    KennisitemFactory.create_batch(aantal, koplopers=[koploper])

    assert _profiel_pdf(client, koploper).status_code == 200
    pagina = client.get(koploper.get_absolute_url()).content.decode()

    html = pdf_html[0]
    assert html.count('class="pdf-kennis"') == min(aantal, 10)
    assert pagina.count("/kennisbank/") - pagina.count('href="/kennisbank/"') >= min(aantal, 10)
    if aantal > 10:
        assert "en 40 meer in de kennisbank" in html
        assert "en 40 meer in de kennisbank" in pagina
        assert koploper.get_absolute_url() in html  # the link to the page online
    else:
        assert "meer in de kennisbank" not in html


@pytest.mark.django_db
def test_profiel_pdf_queries_do_not_grow_with_the_linked_items(client, pdf_html, django_assert_max_num_queries):
    koploper = KoploperInUtrechtFactory()
    KennisitemFactory.create_batch(50, koplopers=[koploper])
    EtalageartikelFactory.create_batch(8, koploper=koploper)

    with django_assert_max_num_queries(14):  # the profile and its parts, 10 + 5 linked and two counts
        assert _profiel_pdf(client, koploper).status_code == 200

    assert pdf_html[0].count('class="pdf-kennis"') == 15  # 10 items and 5 articles
    assert "en 3 meer in de etalage" in pdf_html[0]
