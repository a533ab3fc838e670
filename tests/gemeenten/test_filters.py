from urllib.parse import urlencode

import pytest
from django.http import QueryDict
from django.urls import reverse

from gemeenten.filters import KoploperFilter
from gemeenten.models import Koploper
from tests.factories.gemeenten import (
    DoelgroepFactory,
    GemeenteFactory,
    GepubliceerdeKoploperFactory,
    ProvincieFactory,
    RegioFactory,
    RondeFactory,
    ThemaFactory,
)


def _gefilterd(**params):
    filterset = KoploperFilter(QueryDict(urlencode(params)), queryset=Koploper.objects.gepubliceerd())
    return filterset, sorted(koploper.naam for koploper in filterset.qs)


@pytest.fixture
def wereld(db):
    """Three koplopers that differ in province, target group, theme and round."""
    utrecht = ProvincieFactory(naam="Utrecht", slug="utrecht")
    zeeland = ProvincieFactory(naam="Zeeland", slug="zeeland")
    ouderen = DoelgroepFactory(naam="Ouderen")
    jeugd = DoelgroepFactory(naam="Jeugd")
    bekendheid = ThemaFactory(naam="Bekendheid")
    werk = ThemaFactory(naam="Werk en inkomen")
    eerste = RondeFactory(naam="Koplopers I (2017)", slug="koplopers-i-2017")
    tweede = RondeFactory(naam="Koplopers II (2020)", slug="koplopers-ii-2020")
    GepubliceerdeKoploperFactory(
        gemeente=GemeenteFactory(naam="Woerden", provincie=utrecht),
        doelgroepen=[ouderen],
        themas=[bekendheid],
        rondes=[eerste],
    )
    GepubliceerdeKoploperFactory(
        gemeente=GemeenteFactory(naam="Stichtse Vecht", provincie=utrecht),
        doelgroepen=[jeugd],
        themas=[werk, bekendheid],
        rondes=[tweede],
    )
    RegioFactory(
        naam="Oosterschelderegio",
        provincie=zeeland,
        doelgroepen=[ouderen, jeugd],
        themas=[werk],
        rondes=[eerste, tweede],
        leden=[GemeenteFactory(naam="Goes", provincie=zeeland)],
    )
    GepubliceerdeKoploperFactory(gemeente=GemeenteFactory(naam="Wageningen", provincie=utrecht), gepubliceerd=False)


def test_without_filters_every_published_koploper(wereld):
    assert _gefilterd()[1] == ["Oosterschelderegio", "Stichtse Vecht", "Woerden"]


@pytest.mark.parametrize(
    ("params", "verwacht"),
    [
        ({"provincie": "utrecht"}, ["Stichtse Vecht", "Woerden"]),
        ({"provincie": "zeeland"}, ["Oosterschelderegio"]),
        ({"doelgroep": "ouderen"}, ["Oosterschelderegio", "Woerden"]),
        ({"doelgroep": "jeugd"}, ["Oosterschelderegio", "Stichtse Vecht"]),
        ({"thema": "bekendheid"}, ["Stichtse Vecht", "Woerden"]),
        ({"thema": "werk-en-inkomen"}, ["Oosterschelderegio", "Stichtse Vecht"]),
        ({"ronde": "koplopers-i-2017"}, ["Oosterschelderegio", "Woerden"]),
        ({"ronde": "koplopers-ii-2020"}, ["Oosterschelderegio", "Stichtse Vecht"]),
        ({"q": "woer"}, ["Woerden"]),
        ({"q": "  VECHT "}, ["Stichtse Vecht"]),
        ({"q": "goes"}, ["Oosterschelderegio"]),  # a member of the region
    ],
)
def test_each_filter_alone(wereld, params, verwacht):
    assert _gefilterd(**params)[1] == verwacht


@pytest.mark.parametrize(
    ("params", "verwacht"),
    [
        ({"provincie": "utrecht", "thema": "werk-en-inkomen"}, ["Stichtse Vecht"]),
        ({"doelgroep": "ouderen", "ronde": "koplopers-ii-2020"}, ["Oosterschelderegio"]),
        (
            {"provincie": "utrecht", "doelgroep": "ouderen", "thema": "bekendheid", "ronde": "koplopers-i-2017"},
            ["Woerden"],
        ),
        ({"provincie": "zeeland", "q": "woerden"}, []),
    ],
)
def test_filters_combined(wereld, params, verwacht):
    assert _gefilterd(**params)[1] == verwacht


def test_filters_on_many_valued_relations_never_duplicate_rows(wereld):
    filterset, namen = _gefilterd(doelgroep="jeugd", thema="werk-en-inkomen", ronde="koplopers-ii-2020")

    assert namen == ["Oosterschelderegio", "Stichtse Vecht"]
    assert filterset.qs.count() == 2


def test_search_finds_den_haag_by_its_official_name(db):
    GepubliceerdeKoploperFactory(
        gemeente=GemeenteFactory(naam="'s-Gravenhage", weergavenaam="Den Haag"), naam="Den Haag"
    )

    assert _gefilterd(q="gravenhage")[1] == ["Den Haag"]


def test_unknown_slug_is_ignored_and_explained(wereld):
    filterset, namen = _gefilterd(provincie="atlantis", thema="bekendheid")

    assert namen == ["Stichtse Vecht", "Woerden"]
    assert [naam for naam, _label, _fouten in filterset.genegeerde_filters] == ["provincie"]
    assert filterset.querystring == "thema=bekendheid"


def test_querystring_is_normalised(wereld):
    filterset, _namen = _gefilterd(ronde="koplopers-i-2017", q="  woerden ", provincie="utrecht", onzin="x")

    assert filterset.querystring == "q=woerden&provincie=utrecht&ronde=koplopers-i-2017"


def test_choices_come_from_the_database(db):
    ProvincieFactory(naam="Nieuwland", slug="nieuwland")

    keuzes = [waarde for waarde, _label in KoploperFilter().form.fields["provincie"].choices]

    assert "nieuwland" in [str(waarde) for waarde in keuzes]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "provincie=%3Cscript%3Ealert(1)%3C/script%3E",
        "doelgroep=bestaat-niet&thema=&ronde=%00",
        "q=%00",
        "q=%FF%FE",
        "provincie[]=utrecht&q[]=x",
        "q=" + "x" * 100_000,
        "&".join(["provincie=zeeland"] * 500),
        "&".join(f"ronde=r{i}" for i in range(500)),
    ],
)
def test_nonsense_filters_give_a_normal_page(client, wereld, query):
    for naam in ("gemeenten:lijst", "gemeenten:kaart", "gemeenten:kaart_geojson"):
        response = client.get(f"{reverse(naam)}?{query}")

        assert response.status_code == 200


@pytest.mark.django_db
def test_script_in_a_filter_is_not_echoed(client, wereld):
    response = client.get(reverse("gemeenten:lijst") + "?provincie=%3Cscript%3Ealert(1)%3C/script%3E")

    inhoud = response.content.decode()
    assert "<script>alert(1)" not in inhoud
    assert "alert(1)" not in inhoud
    assert "filter is genegeerd" in inhoud
    assert list(response.context["koplopers"]) == list(Koploper.objects.filter(gepubliceerd=True))


@pytest.mark.django_db
def test_huge_search_term_is_ignored_explained_and_not_echoed(client, wereld):
    response = client.get(reverse("gemeenten:lijst"), {"q": "x" * 100_000})

    inhoud = response.content.decode()
    assert response.status_code == 200
    assert "x" * 101 not in inhoud
    assert 'aria-describedby="id_q_error"' in inhoud
    assert len(response.context["koplopers"]) == 3


@pytest.mark.django_db
def test_too_many_parameters_are_refused_with_400(client):
    response = client.get(reverse("gemeenten:lijst") + "?" + "&".join(f"x{i}=1" for i in range(5000)))

    assert response.status_code == 400
