import pytest
from django.urls import reverse

from gemeenten.models import Koploper
from tests.factories.gemeenten import DoelgroepFactory, ThemaFactory
from tests.factories.kennisbank import (
    EtalageartikelFactory,
    KennisitemFactory,
    KoploperInUtrechtFactory,
    UitgeverFactory,
)


@pytest.mark.django_db
def test_kennisbank_lijst_shows_published_items_only(client):
    KennisitemFactory(titel="Handreiking vindbaarheid")
    KennisitemFactory(titel="Verborgen concept", gepubliceerd=False)

    response = client.get(reverse("kennisbank:lijst"))

    inhoud = response.content.decode()
    assert response.status_code == 200
    assert "Handreiking vindbaarheid" in inhoud
    assert "Verborgen concept" not in inhoud


@pytest.mark.django_db
def test_kennisbank_lijst_empty_state(client):
    response = client.get(reverse("kennisbank:lijst"))

    assert "Er staan nog geen kennisproducten in de kennisbank." in response.content.decode()


@pytest.mark.django_db
def test_kennisbank_lijst_no_results_state(client):
    KennisitemFactory(titel="Handreiking vindbaarheid")

    response = client.get(reverse("kennisbank:lijst"), {"q": "zzzqqq"})

    assert "Er is niets gevonden met deze zoekwoorden of filters." in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("parameter", "waarde_a", "waarde_b"),
    [("soort", "zelftest", "methode"), ("jaar", "2015", "2021")],
)
def test_kennisbank_lijst_filters_by_field(client, parameter, waarde_a, waarde_b):
    KennisitemFactory(titel="Item A", **{parameter: waarde_a})
    KennisitemFactory(titel="Item B", **{parameter: waarde_b})

    response = client.get(reverse("kennisbank:lijst"), {parameter: waarde_a})

    assert [item.titel for item in response.context["kennisitems"]] == ["Item A"]


@pytest.mark.django_db
def test_kennisbank_lijst_filters_by_publisher_target_group_and_theme(client):
    vng = UitgeverFactory(naam="VNG")
    ouderen = DoelgroepFactory(naam="Ouderen")
    bekendheid = ThemaFactory(naam="Bekendheid")
    KennisitemFactory(titel="Alles", uitgever=vng, doelgroepen=[ouderen], themas=[bekendheid])
    KennisitemFactory(titel="Alleen VNG", uitgever=vng)
    KennisitemFactory(titel="Niets")

    response = client.get(
        reverse("kennisbank:lijst"), {"uitgever": "vng", "doelgroep": "ouderen", "thema": "bekendheid"}
    )

    assert [item.titel for item in response.context["kennisitems"]] == ["Alles"]


@pytest.mark.django_db
def test_kennisbank_lijst_unknown_filter_value_shows_error_not_500(client):
    KennisitemFactory()

    response = client.get(reverse("kennisbank:lijst"), {"soort": "bestaat-niet"})

    assert response.status_code == 200
    assert list(response.context["kennisitems"]) == []
    assert 'aria-invalid="true"' in response.content.decode()


@pytest.mark.django_db
def test_kennisbank_lijst_paginates_by_twenty_and_keeps_filters(client):
    for nummer in range(21):
        KennisitemFactory(titel=f"Zelftest {nummer:02d}", soort="zelftest")

    response = client.get(reverse("kennisbank:lijst"), {"soort": "zelftest"})

    assert len(response.context["kennisitems"]) == 20
    assert "?soort=zelftest&amp;page=2" in response.content.decode()


@pytest.mark.django_db
def test_kennisbank_lijst_paginering_leaves_out_far_pages():
    from django.core.paginator import Paginator

    from kennisbank.templatetags.kennisbank import paginanummers

    paginator = Paginator(range(2000), 20)

    assert paginanummers(paginator.page(1)) == [1, 2, 3, None, 100]
    assert paginanummers(paginator.page(50)) == [1, None, 48, 49, 50, 51, 52, None, 100]
    assert paginanummers(Paginator(range(60), 20).page(2)) == [1, 2, 3]


@pytest.mark.django_db
def test_kennisbank_lijst_paginering_links_first_last_and_neighbours(client):
    for nummer in range(20 * 7 + 1):
        KennisitemFactory(titel=f"Item {nummer:03d}", inhoud="")

    response = client.get(reverse("kennisbank:lijst"))

    inhoud = response.content.decode()
    assert '<span class="visueel-verborgen">Pagina </span>1</span>' in inhoud
    assert '<a href="?page=3"><span class="visueel-verborgen">Pagina </span>3</a>' in inhoud
    assert '<a href="?page=8"><span class="visueel-verborgen">Pagina </span>8</a>' in inhoud
    assert "?page=4" not in inhoud
    assert '<li aria-hidden="true">…</li>' in inhoud


@pytest.mark.django_db
def test_kennisbank_lijst_filter_choices_follow_new_items_and_publishers(client):
    from kennisbank.models import Uitgever
    from kennisbank.services import uitgever_opslaan

    KennisitemFactory(jaar=2019)
    eerst = client.get(reverse("kennisbank:lijst")).content.decode()  # the choices are cached now
    KennisitemFactory(jaar=2023)
    uitgever_opslaan(uitgever=Uitgever(naam="Ieder(in)"))

    daarna = client.get(reverse("kennisbank:lijst")).content.decode()

    assert '<option value="2023">' not in eerst
    assert '<option value="2023">2023</option>' in daarna
    assert '<option value="iederin">Ieder(in)</option>' in daarna
    assert '<option value="2019">2019</option>' in daarna


@pytest.mark.django_db
def test_kennisbank_lijst_keeps_the_chosen_filters_selected(client):
    KennisitemFactory(jaar=2019, uitgever=UitgeverFactory(naam="VNG"))
    client.get(reverse("kennisbank:lijst"))  # the unfiltered fields are cached
    client.get(reverse("kennisbank:lijst"), {"jaar": "2019"})

    response = client.get(reverse("kennisbank:lijst"), {"jaar": "2019", "uitgever": "vng"})

    inhoud = response.content.decode()
    assert '<option value="2019" selected>2019</option>' in inhoud
    assert '<option value="vng" selected>VNG</option>' in inhoud


@pytest.mark.django_db
def test_kennisitem_detail_renders_sanitised_body(client):
    item = KennisitemFactory(inhoud='<p>Veilig</p><script>alert("x")</script>', url="https://vng.nl/handreiking")

    response = client.get(item.get_absolute_url())

    inhoud = response.content.decode()
    assert response.status_code == 200
    assert "<p>Veilig</p>" in inhoud
    assert "alert(" not in inhoud
    assert "https://vng.nl/handreiking" in inhoud


@pytest.mark.django_db
def test_kennisitem_detail_unpublished_is_404(client):
    item = KennisitemFactory(gepubliceerd=False)

    assert client.get(item.get_absolute_url()).status_code == 404


@pytest.mark.django_db
def test_kennisitem_detail_lists_only_published_koplopers(client):
    zichtbaar = KoploperInUtrechtFactory(naam="Zichtbaarstad")
    verborgen = KoploperInUtrechtFactory(naam="Verborgenstad", gepubliceerd=False)
    item = KennisitemFactory(koplopers=[zichtbaar, verborgen])

    inhoud = client.get(item.get_absolute_url()).content.decode()

    assert "Zichtbaarstad" in inhoud
    assert "Verborgenstad" not in inhoud


@pytest.mark.django_db
def test_in_beweging_page_has_steps(client):
    response = client.get(reverse("kennisbank:in_beweging"))

    inhoud = response.content.decode()
    assert response.status_code == 200
    assert "Hoe krijg ik mijn gemeente in beweging?" in inhoud
    assert inhoud.count("<li>\n      <h3>") == 6


@pytest.mark.django_db
def test_etalage_lists_newest_first_and_hides_unpublished(client):
    import datetime

    EtalageartikelFactory(titel="Oud verhaal", maand=datetime.date(2019, 1, 1))
    EtalageartikelFactory(titel="Nieuw verhaal", maand=datetime.date(2021, 6, 1))
    EtalageartikelFactory(titel="Concept verhaal", gepubliceerd=False)
    EtalageartikelFactory(titel="Verhaal van verborgen koploper", koploper=KoploperInUtrechtFactory(gepubliceerd=False))

    response = client.get(reverse("kennisbank:etalage"))

    assert [a.titel for a in response.context["artikelen"]] == ["Nieuw verhaal", "Oud verhaal"]


@pytest.mark.django_db
def test_etalage_detail_shows_views_of_advisory_council_and_residents(client):
    artikel = EtalageartikelFactory(is_voorbeeldtekst=True)

    inhoud = client.get(artikel.get_absolute_url()).content.decode()

    assert "De blik van de adviesraad" in inhoud
    assert "De adviesraad vindt het goed." in inhoud
    assert "De blik van inwoners" in inhoud
    assert "Voorbeeldtekst" in inhoud


@pytest.mark.django_db
def test_etalage_detail_unpublished_is_404(client):
    artikel = EtalageartikelFactory(gepubliceerd=False)

    assert client.get(artikel.get_absolute_url()).status_code == 404


@pytest.mark.django_db
def test_home_extra_shows_newest_showcase_article(client):
    import datetime

    EtalageartikelFactory(titel="Ouder verhaal", maand=datetime.date(2019, 1, 1))
    EtalageartikelFactory(titel="Nieuwste verhaal", maand=datetime.date(2022, 1, 1))

    from django.template import Context, Template

    html = Template('{% include "includes/home_extra.html" %}').render(Context({}))

    assert "Nieuwste verhaal" in html
    assert "Ouder verhaal" not in html
    assert reverse("kennisbank:lijst") in html


@pytest.mark.django_db
def test_profiel_extra_shows_related_items_and_articles():
    from django.template import Context, Template

    koploper = KoploperInUtrechtFactory()
    KennisitemFactory(titel="Methode van deze koploper", koplopers=[koploper])
    KennisitemFactory(titel="Andere methode")
    EtalageartikelFactory(titel="Verhaal over deze koploper", koploper=koploper)

    html = Template('{% include "includes/profiel_extra.html" %}').render(
        Context({"koploper": Koploper.objects.get(pk=koploper.pk)})
    )

    assert "Methode van deze koploper" in html
    assert "Andere methode" not in html
    assert "Verhaal over deze koploper" in html
    assert reverse("kennisbank:profiel_pdf", kwargs={"slug": koploper.slug}) in html
