"""Reads of the self-test: a kept test by its token, the links on the result page, staff totals."""

from django.db.models import Prefetch
from django.http import Http404
from django.utils import timezone

from gemeenten.models import Koploper, Thema

from ..models import Kennisitem
from .models import BewaardeZelftest
from .services import token_hash
from .uitslag import antwoorden_opschonen, eerste_onvolledige_stap, uitslag_berekenen
from .vragen import CRITERIA

MINIMUM_VOOR_TOTALEN = 5
VERWIJZINGEN_PER_SOORT = 3


def bewaarde_zelftest(token: str) -> BewaardeZelftest:
    """The kept self-test behind ``token``; an unknown or expired token raises Http404."""
    if not token or len(token) > 100:
        raise Http404
    try:
        return BewaardeZelftest.objects.geldig(timezone.now()).get(token_hash=token_hash(token))
    except BewaardeZelftest.DoesNotExist:
        raise Http404 from None


def bewaarde_zelftest_in_sessie(pk) -> BewaardeZelftest | None:
    """The unexpired kept test with this primary key (the server put it in the session after the token was
    checked), or None."""
    if not isinstance(pk, int):
        return None
    return BewaardeZelftest.objects.geldig(timezone.now()).filter(pk=pk).first()


def verwijzingen() -> dict[str, dict]:
    """Per criterion (slug): published koplopers working on its themes and knowledge products on them.

    Two queries for all four criteria.
    """
    namen = {naam for criterium in CRITERIA for naam in criterium.themas}
    slugs = {slug for criterium in CRITERIA for slug in criterium.kennisitems}
    themas_prefetch = Prefetch("themas", queryset=Thema.objects.order_by("naam"))
    koplopers = list(
        Koploper.objects.gepubliceerd()
        .filter(themas__naam__in=namen)
        .distinct()
        .only("naam", "slug", "sorteernaam")
        .order_by("sorteernaam")
        .prefetch_related(themas_prefetch)
    )
    kennisitems = list(
        Kennisitem.objects.gepubliceerd()
        .filter(slug__in=slugs)
        .select_related("uitgever")
        .only("titel", "slug", "soort", "jaar", "uitgever__naam")
        .order_by("titel")
    )
    resultaat = {}
    for criterium in CRITERIA:
        eigen = set(criterium.themas)
        resultaat[criterium.slug] = {
            "koplopers": [k for k in koplopers if eigen & {t.naam for t in k.themas.all()}][:VERWIJZINGEN_PER_SOORT],
            "kennisitems": [i for i in kennisitems if i.slug in criterium.kennisitems][:VERWIJZINGEN_PER_SOORT],
        }
    return resultaat


def zelftest_totalen() -> dict:
    """Anonymous totals over the kept, complete, unexpired self-tests: their number and the average per
    criterion, only when there are at least ``MINIMUM_VOOR_TOTALEN`` of them (fewer could point to one test)."""
    alle = BewaardeZelftest.objects.geldig(timezone.now()).values_list("antwoorden", flat=True)
    complete = [a for a in map(antwoorden_opschonen, alle) if eerste_onvolledige_stap(a) is None]
    if len(complete) < MINIMUM_VOOR_TOTALEN:
        return {"aantal": len(complete), "genoeg": False, "criteria": []}
    uitslagen = [uitslag_berekenen(antwoorden) for antwoorden in complete]
    criteria = []
    for index, criterium in enumerate(CRITERIA):
        procenten = [u[index].procent for u in uitslagen if u[index].procent is not None]
        criteria.append(
            {
                "criterium": criterium,
                "gemiddeld": round(sum(procenten) / len(procenten)) if procenten else None,
                "aantal": len(procenten),
            }
        )
    return {"aantal": len(complete), "genoeg": True, "criteria": criteria}
