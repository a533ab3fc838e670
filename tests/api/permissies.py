"""Permission expectations for the open-data API (see tests/permissies.py): public, the same for every role."""

from tests.permissies import ROLLEN, Verwachting

IEDEREEN_200 = dict.fromkeys(ROLLEN, 200)
IEDEREEN_404 = dict.fromkeys(ROLLEN, 404)


def _ongepubliceerd(wereld) -> dict:
    from tests.factories.gemeenten import KoploperFactory

    return {"slug": KoploperFactory(gepubliceerd=False).slug}


def _conceptronde(wereld) -> dict:
    from tests.factories.gemeenten import RondeFactory

    return {"slug": RondeFactory(status="concept").slug}


def _gepubliceerde_ronde(wereld) -> dict:
    from tests.factories.gemeenten import RondeFactory

    ronde = RondeFactory(status="gepubliceerd")
    ronde.koplopers.add(wereld.koploper_a)
    return {"slug": ronde.slug}


def _kennisitem(wereld) -> dict:
    from tests.factories.kennisbank import KennisitemFactory

    return {"slug": KennisitemFactory(titel="Open kennis").slug}


def _etalageartikel(wereld) -> dict:
    from tests.factories.kennisbank import EtalageartikelFactory

    return {"slug": EtalageartikelFactory(koploper=wereld.koploper_a).slug}


VERWACHTINGEN = [
    Verwachting("api:documentatie", get=IEDEREEN_200),
    Verwachting("api:api-root", get=IEDEREEN_200),
    Verwachting("api:openapi-json", get=IEDEREEN_200),
    Verwachting("api:catalogus", get=IEDEREEN_200),
    Verwachting("api:koplopers", get=IEDEREEN_200),
    Verwachting("api:koplopers_csv", get=IEDEREEN_200),
    Verwachting("api:koploper", kwargs=lambda wereld: {"slug": wereld.koploper_a.slug}, get=IEDEREEN_200),
    Verwachting("api:koploper", kwargs=_ongepubliceerd, get=IEDEREEN_404),
    Verwachting("api:gemeenten", get=IEDEREEN_200),
    Verwachting("api:gemeenten_geojson", get=IEDEREEN_200),
    Verwachting("api:gemeente", kwargs=lambda wereld: {"code": wereld.koploper_a.gemeente.code}, get=IEDEREEN_200),
    Verwachting("api:provincies", get=IEDEREEN_200),
    Verwachting("api:doelgroepen", get=IEDEREEN_200),
    Verwachting("api:themas", get=IEDEREEN_200),
    Verwachting("api:rondes", get=IEDEREEN_200),
    Verwachting("api:ronde", kwargs=_gepubliceerde_ronde, get=IEDEREEN_200),
    Verwachting("api:ronde", kwargs=_conceptronde, get=IEDEREEN_404),
    Verwachting("api:kennisbank", get=IEDEREEN_200),
    Verwachting("api:kennisitem", kwargs=_kennisitem, get=IEDEREEN_200),
    Verwachting("api:kennisitem", kwargs=lambda wereld: {"slug": "bestaat-niet"}, get=IEDEREEN_404),
    Verwachting("api:etalage", get=IEDEREEN_200),
    Verwachting("api:etalageartikel", kwargs=_etalageartikel, get=IEDEREEN_200),
    Verwachting("api:etalageartikel", kwargs=lambda wereld: {"slug": "bestaat-niet"}, get=IEDEREEN_404),
]
