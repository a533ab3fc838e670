"""Permission expectations for reviewing and selecting (see ``tests/permissies.py``).

Reviewers (the matrix's ``beoordelaar``, VNG, OTP-verified) see only candidates assigned to them;
programme staff (``staf``, OTP-verified) see every staff page; everyone else gets 403 (anonymous: login).
Roles without a second factor get 403 before any object is looked up (so it tells nothing); a verified
user who may not see a candidate gets 404, like for one that does not exist (``OBJECTVERWACHTINGEN``).
"""

from tests.permissies import GEWEIGERD, INLOGGEN, LEEG, NIET_GEVONDEN, SITUATIES, ZIET, Objectverwachting, Verwachting

GEEN = {"anoniem": 302, "ambtenaar_a": 403, "ambtenaar_b": 403, "belangenbehartiger": 403}


def _ronde(wereld):
    """A round with one candidate assigned to the matrix reviewer, who confirmed the declaration."""
    from selectie.beoordeling import services
    from tests.factories.beoordeling import kandidaat_maken, ronde_maken

    ronde = ronde_maken()
    kandidaat = kandidaat_maken(ronde=ronde, naam="Matrixkandidaat")
    beoordelaar = wereld.gebruikers["beoordelaar"]
    services.toewijzing_maken(beoordelaar=beoordelaar, kandidaat=kandidaat, door=None)
    services.verklaring_bevestigen(beoordelaar=beoordelaar, ronde=ronde)
    return ronde, kandidaat


def _slug(wereld):
    return {"slug": _ronde(wereld)[0].slug}


def _kandidaat(wereld):
    return {"pk": _ronde(wereld)[1].pk}


def _besluit(wereld):
    ronde, kandidaat = _ronde(wereld)
    return {"slug": ronde.slug, "pk": kandidaat.pk}


def _staf_pagina(naam, post=None, post_data=None):
    return Verwachting(
        f"beoordeling:{naam}",
        kwargs=_slug,
        get={**GEEN, "beoordelaar": 403, "staf": 200},
        post=None if post is None else {**GEEN, "beoordelaar": 403, "staf": post},
        **({"post_data": post_data} if post_data else {}),
    )


def _staf_actie(naam, post_data=None, kwargs=_slug):
    return Verwachting(
        f"beoordeling:{naam}",
        kwargs=kwargs,
        get=None,
        post={**GEEN, "beoordelaar": 403, "staf": 302},
        **({"post_data": post_data} if post_data else {}),
    )


def _toewijzing_data(wereld):
    from selectie.models import Kandidaat
    from tests.factories.beoordeling import BeoordelaarFactory

    return {
        "beoordelaar": BeoordelaarFactory(beoordelaar_organisatie="iederin").pk,
        "kandidaat": Kandidaat.objects.get(naam="Matrixkandidaat").pk,
        "actie": "toevoegen",
    }


def _conflict_data(wereld):
    from selectie.models import Kandidaat
    from tests.factories.beoordeling import BeoordelaarFactory

    return {
        "beoordelaar": BeoordelaarFactory(beoordelaar_organisatie="koepel_asd").pk,
        "kandidaat": Kandidaat.objects.get(naam="Matrixkandidaat").pk,
        "soort": "persoonlijk",
        "toelichting": "Familie",
    }


VERWACHTINGEN = [
    Verwachting("beoordeling:lijst", get={**GEEN, "beoordelaar": 200, "staf": 200}),
    Verwachting(
        "beoordeling:verklaring",
        kwargs=_slug,
        get={**GEEN, "beoordelaar": 200, "staf": 403},
        post={**GEEN, "beoordelaar": 302, "staf": 403},
        post_data=lambda wereld: {"akkoord": "on"},
    ),
    Verwachting(
        "beoordeling:kandidaat",
        kwargs=_kandidaat,
        get={**GEEN, "beoordelaar": 200, "staf": 200},
        post={**GEEN, "beoordelaar": 302, "staf": 403},
        post_data=lambda wereld: {"opmerking": "Concept", "concept": ""},
    ),
    Verwachting(
        "beoordeling:conflict_melden",
        kwargs=_kandidaat,
        get={**GEEN, "beoordelaar": 200, "staf": 403},
        post={**GEEN, "beoordelaar": 302, "staf": 403},
        post_data=lambda wereld: {"soort": "persoonlijk", "toelichting": "Mijn buurman"},
    ),
    Verwachting("beoordeling:overzicht", get={**GEEN, "beoordelaar": 403, "staf": 200}),
    _staf_pagina("dashboard"),
    _staf_pagina(
        "instellingen",
        post=302,
        post_data=lambda wereld: {"spreidingsdrempel": "2", "themas_minimaal": "", "verklaring": "Eerlijk."},
    ),
    _staf_actie("toewijzen", post_data=_toewijzing_data),
    _staf_actie("verdelen"),
    _staf_actie("conflict_vastleggen", post_data=_conflict_data),
    _staf_actie("conflicten_vaststellen"),
    _staf_pagina("ranglijst"),
    _staf_pagina("selectie"),
    _staf_actie(
        "besluit",
        kwargs=_besluit,
        post_data=lambda wereld: {"uitkomst": "geselecteerd", "vastzetting": "", "motivering": "Sterk"},
    ),
    # The matrix round has one candidate in one province and target 12-15: no proposal fits, so POST
    # re-shows the page with the reason (302 back to it).
    _staf_pagina("voorstel", post=302),
    # Publishing in the independent-scoring phase is refused: the form comes back with the error.
    _staf_pagina("publiceren", post=200, post_data=lambda wereld: {"bevestigen": "on"}),
    _staf_pagina("outbox", post=302),
    _staf_pagina("nieuws"),
    _staf_pagina("audit"),
    _staf_pagina("export_beoordelingen"),
    _staf_pagina("export_kandidaten"),
    _staf_pagina("rapport"),
]


def _kandidaat_pagina(situatie: str) -> dict:
    """The candidate page shows only submitted nominations: a draft or withdrawn one never appears."""
    alleen_ingediend = situatie in ("concept", "ingetrokken")
    return {
        "anoniem": INLOGGEN,
        "ambtenaar_a": GEWEIGERD,  # no second factor
        "ambtenaar_b": GEWEIGERD,
        "belangenbehartiger": GEWEIGERD,
        "beoordelaar": (LEEG if alleen_ingediend else ZIET)
        if situatie in ("toegewezen", "concept", "ingetrokken")
        else NIET_GEVONDEN,
        "staf": LEEG if alleen_ingediend else ZIET,
    }


OBJECTVERWACHTINGEN = [
    Objectverwachting(
        "beoordeling:kandidaat",
        kwargs=lambda situatie: {"pk": situatie.kandidaat.pk},
        get={situatie: _kandidaat_pagina(situatie) for situatie in SITUATIES},
        inhoud=lambda situatie: [situatie.kenmerk.encode(), situatie.bijlage_url.encode()],
    ),
]
