"""Permission expectations for the public pages (see tests/permissies.py): open to every role."""

from tests.permissies import ROLLEN, Verwachting

IEDEREEN_200 = dict.fromkeys(ROLLEN, 200)
IEDEREEN_404 = dict.fromkeys(ROLLEN, 404)


def _ongepubliceerd(wereld) -> dict:
    from tests.factories.gemeenten import KoploperFactory

    return {"slug": KoploperFactory(gepubliceerd=False).slug}


VERWACHTINGEN = [
    Verwachting("home", get=IEDEREEN_200),
    Verwachting("over", get=IEDEREEN_200),
    Verwachting("privacy", get=IEDEREEN_200),
    Verwachting("toegankelijkheid", get=IEDEREEN_200),
    Verwachting("gemeenten:lijst", get=IEDEREEN_200),
    Verwachting("gemeenten:kaart", get=IEDEREEN_200),
    Verwachting("gemeenten:kaart_geojson", get=IEDEREEN_200),
    Verwachting("gemeenten:profiel", kwargs=lambda wereld: {"slug": wereld.koploper_a.slug}, get=IEDEREEN_200),
    # An unpublished profile does not exist for the public pages, whoever asks (editing has its own URLs).
    Verwachting("gemeenten:profiel", kwargs=_ongepubliceerd, get=IEDEREEN_404),
]
