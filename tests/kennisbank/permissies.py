"""Permission expectations for the knowledge base, showcase, factsheet and PDFs: all public, read-only."""

from tests.permissies import Verwachting

IEDEREEN = dict.fromkeys(["anoniem", "ambtenaar_a", "ambtenaar_b", "belangenbehartiger", "beoordelaar", "staf"], 200)
NIEMAND = dict.fromkeys(IEDEREEN, 404)


def _kennisitem(gepubliceerd=True):
    def kwargs(wereld):
        from tests.factories.kennisbank import KennisitemFactory

        return {"slug": KennisitemFactory(gepubliceerd=gepubliceerd).slug}

    return kwargs


def _etalageartikel(gepubliceerd=True):
    def kwargs(wereld):
        from tests.factories.kennisbank import EtalageartikelFactory

        return {"slug": EtalageartikelFactory(koploper=wereld.koploper_a, gepubliceerd=gepubliceerd).slug}

    return kwargs


def _verborgen_koploper(wereld):
    wereld.koploper_b.gepubliceerd = False
    wereld.koploper_b.save(update_fields=["gepubliceerd"])
    return {"slug": wereld.koploper_b.slug}


VERWACHTINGEN = [
    Verwachting("kennisbank:lijst", get=IEDEREEN),
    Verwachting("kennisbank:zoeken", get=IEDEREEN),
    Verwachting("kennisbank:in_beweging", get=IEDEREEN),
    Verwachting("kennisbank:detail", kwargs=_kennisitem(), get=IEDEREEN),
    Verwachting("kennisbank:detail", kwargs=_kennisitem(gepubliceerd=False), get=NIEMAND),
    Verwachting("kennisbank:detail", kwargs=lambda wereld: {"slug": "bestaat-niet"}, get=NIEMAND),
    Verwachting("kennisbank:etalage", get=IEDEREEN),
    Verwachting("kennisbank:etalage_detail", kwargs=_etalageartikel(), get=IEDEREEN),
    Verwachting("kennisbank:etalage_detail", kwargs=_etalageartikel(gepubliceerd=False), get=NIEMAND),
    Verwachting("kennisbank:factsheet", get=IEDEREEN),
    Verwachting("kennisbank:factsheet_pdf", get=IEDEREEN),
    Verwachting("kennisbank:profiel_pdf", kwargs=lambda wereld: {"slug": wereld.koploper_a.slug}, get=IEDEREEN),
    Verwachting("kennisbank:profiel_pdf", kwargs=_verborgen_koploper, get=NIEMAND),
    Verwachting("kennisbank:profiel_pdf", kwargs=lambda wereld: {"slug": "bestaat-niet"}, get=NIEMAND),
]
