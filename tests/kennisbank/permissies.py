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


# The Zelftest: public, anonymous; only the totals are for staff. Kept tests are reached by their token.
ALLEEN_POST = dict.fromkeys(IEDEREEN, 405)
IEDEREEN_302 = dict.fromkeys(IEDEREEN, 302)
ALLEEN_STAF = {**dict.fromkeys(IEDEREEN, 403), "anoniem": 302, "staf": 200}


def _bewaarde_zelftest(wereld):
    from kennisbank.zelftest.services import zelftest_bewaren
    from kennisbank.zelftest.vragen import ALLE_VRAGEN

    token, _bewaard = zelftest_bewaren(antwoorden=dict.fromkeys((v.code for v in ALLE_VRAGEN), "ten_dele"))
    return {"token": token}


def _stap_1_ingevuld(wereld):
    from kennisbank.zelftest.vragen import CRITERIA

    return dict.fromkeys((v.code for v in CRITERIA[0].vragen), "helemaal")


ONBEKENDE_CODE = lambda wereld: {"token": "bestaat-niet-" + "x" * 30}  # noqa: E731

VERWACHTINGEN += [
    Verwachting("kennisbank:zelftest", get=IEDEREEN),
    Verwachting(
        "kennisbank:zelftest_stap",
        kwargs=lambda wereld: {"stap": 1},
        get=IEDEREEN,
        post=IEDEREEN_302,
        post_data=_stap_1_ingevuld,
    ),
    Verwachting("kennisbank:zelftest_stap", kwargs=lambda wereld: {"stap": 5}, get=NIEMAND, post=NIEMAND),
    # Without answers in the session: back to the first step.
    Verwachting("kennisbank:zelftest_uitslag", get=IEDEREEN_302),
    Verwachting("kennisbank:zelftest_pdf", get=IEDEREEN_302),
    Verwachting("kennisbank:zelftest_bewaren", get=ALLEEN_POST, post=IEDEREEN_302),
    Verwachting("kennisbank:zelftest_opnieuw", get=ALLEEN_POST, post=IEDEREEN_302),
    Verwachting("kennisbank:zelftest_totalen", get=ALLEEN_STAF),
    Verwachting("kennisbank:zelftest_bewaard", kwargs=_bewaarde_zelftest, get=IEDEREEN),
    Verwachting("kennisbank:zelftest_bewaard", kwargs=ONBEKENDE_CODE, get=NIEMAND),
    Verwachting("kennisbank:zelftest_bewaard_pdf", kwargs=_bewaarde_zelftest, get=IEDEREEN),
    Verwachting("kennisbank:zelftest_bewaard_pdf", kwargs=ONBEKENDE_CODE, get=NIEMAND),
    Verwachting("kennisbank:zelftest_aanpassen", kwargs=_bewaarde_zelftest, get=ALLEEN_POST, post=IEDEREEN_302),
    Verwachting("kennisbank:zelftest_aanpassen", kwargs=ONBEKENDE_CODE, post=NIEMAND),
    Verwachting("kennisbank:zelftest_verwijderen", kwargs=_bewaarde_zelftest, get=IEDEREEN, post=IEDEREEN_302),
    Verwachting("kennisbank:zelftest_verwijderen", kwargs=ONBEKENDE_CODE, get=NIEMAND, post=NIEMAND),
]
