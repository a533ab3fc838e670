"""Keeps the portal search index (``Zoekdocument``) current: the only writer of that table.

A koploper, knowledge item or showcase article is (re)indexed when it is saved, in the same
transaction (``post_save``/``m2m_changed`` receivers in ``kennisbank.zoeken.signalen``, so the admin
and every service are covered); unpublished objects leave the index. The public pages (about,
privacy, accessibility, the advocates' page) are indexed from their templates by ``alles_indexeren``,
which ``manage.py zoekindex_bouwen`` and the reference-data load run.
"""

import uuid
from dataclasses import dataclass

from django.core.cache import cache
from django.db import transaction
from django.template import Context
from django.template.loader import get_template
from django.template.loader_tags import BlockNode
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from gemeenten.models import Koploper
from koplopers.opmaak import tekst_naar_html

from ..models import Etalageartikel, Kennisitem, Zoekdocument
from ..tekst import platte_tekst
from .analyse import Woordenschat, analyseer, woorden

TEKST_MAX = 20_000  # the plain text kept per document for snippets
WOORDENSCHAT_SLEUTEL = "zoeken:woordenschat"
WOORDENSCHAT_VERSIE = "zoeken:woordenschat:versie"
WOORDENSCHAT_TIMEOUT = 60 * 60
_lokaal: dict = {}  # this process's copy of the vocabulary and its version

# The public pages: template, URL name, title.
PAGINAS = [
    ("pagina/over.html", "over", _("Over het Koploperproject")),
    ("pagina/privacy.html", "privacy", _("Privacyverklaring")),
    ("pagina/toegankelijkheid.html", "toegankelijkheid", _("Toegankelijkheidsverklaring")),
    ("kennisbank/in_beweging.html", "kennisbank:in_beweging", _("Hoe krijg ik mijn gemeente in beweging?")),
]


@dataclass
class Bron:
    sleutel: str
    soort: str
    titel: str
    url: str
    tekst: str
    kenmerk: str = ""
    provincie: str = ""


# --- Sources ------------------------------------------------------------------------------------


def _koploper_bron(koploper: Koploper) -> Bron:
    delen = [
        platte_tekst(tekst_naar_html(koploper.organisatie)),
        platte_tekst(tekst_naar_html(koploper.ambities)),
        platte_tekst(tekst_naar_html(koploper.acties)),
        ", ".join(doelgroep.naam for doelgroep in koploper.doelgroepen.all()),
        ", ".join(thema.naam for thema in koploper.themas.all()),
        ", ".join(lid.naam for lid in koploper.leden.all()),
        f"{koploper.get_soort_display()}, {koploper.provincie.naam}" if koploper.provincie_id else "",
    ]
    return Bron(
        sleutel=f"koploper:{koploper.pk}",
        soort=Zoekdocument.Soort.KOPLOPER,
        titel=koploper.naam,
        url=koploper.get_absolute_url(),
        tekst="\n".join(deel for deel in delen if deel),
        kenmerk=koploper.soort,
        provincie=koploper.provincie.slug if koploper.provincie_id else "",
    )


def _kennisitem_bron(item: Kennisitem) -> Bron:
    uitgever = item.uitgever.naam if item.uitgever_id else ""
    delen = [item.samenvatting, item.platte_tekst or platte_tekst(item.inhoud), uitgever]
    return Bron(
        sleutel=f"kennisitem:{item.pk}",
        soort=Zoekdocument.Soort.KENNISITEM,
        titel=item.titel,
        url=item.get_absolute_url(),
        tekst="\n".join(deel for deel in delen if deel),
        kenmerk=item.soort,
    )


def _etalage_bron(artikel: Etalageartikel) -> Bron:
    koploper = artikel.koploper
    delen = [
        koploper.naam,
        artikel.inleiding,
        platte_tekst(artikel.inhoud),
        platte_tekst(artikel.visie_adviesraad),
        platte_tekst(artikel.visie_inwoners),
    ]
    return Bron(
        sleutel=f"etalage:{artikel.pk}",
        soort=Zoekdocument.Soort.ETALAGE,
        titel=artikel.titel,
        url=artikel.get_absolute_url(),
        tekst="\n".join(deel for deel in delen if deel),
        kenmerk=artikel.vorm,
        provincie=koploper.provincie.slug if koploper.provincie_id else "",
    )


def _pagina_tekst(template_naam: str) -> str:
    """The text of a page's ``content`` block, rendered without a request."""
    template = get_template(template_naam).template
    blokken = [node for node in template.nodelist.get_nodes_by_type(BlockNode) if node.name == "content"]
    if not blokken:
        return ""
    context = Context({})
    context.template = template
    return platte_tekst(blokken[0].nodelist.render(context))


def _pagina_bronnen() -> list[Bron]:
    return [
        Bron(
            sleutel=f"pagina:{url_naam}",
            soort=Zoekdocument.Soort.PAGINA,
            titel=str(titel),
            url=reverse(url_naam),
            tekst=_pagina_tekst(template_naam),
        )
        for template_naam, url_naam, titel in PAGINAS
    ]


# --- Vocabulary ------------------------------------------------------------------------------------


def woordenschat(*, vers: bool = False) -> Woordenschat:
    """The index's own words (plus the field's word list): what compounds are split into.

    Shared through the cache with a version token; each process keeps the object it last read, so a
    search reads only the small token, not the whole vocabulary, while nothing changed.
    """
    if not vers:
        versie = cache.get(WOORDENSCHAT_VERSIE)
        if versie is not None and _lokaal.get("versie") == versie:
            return _lokaal["schat"]
        bewaard = cache.get(WOORDENSCHAT_SLEUTEL) if versie is not None else None
        if bewaard is not None:
            _lokaal.update(versie=versie, schat=bewaard)
            return bewaard
    alle = set()
    for regel in Zoekdocument.objects.values_list("woorden", flat=True).iterator(chunk_size=500):
        alle.update(regel.split())
    return _woordenschat_delen(Woordenschat.uit(alle))


def _woordenschat_delen(schat: Woordenschat) -> Woordenschat:
    versie = uuid.uuid4().hex
    cache.set_many({WOORDENSCHAT_SLEUTEL: schat, WOORDENSCHAT_VERSIE: versie}, WOORDENSCHAT_TIMEOUT)
    _lokaal.update(versie=versie, schat=schat)
    return schat


# --- Writing --------------------------------------------------------------------------------------


def _document(bron: Bron, schat: Woordenschat) -> Zoekdocument:
    tekst = bron.tekst[:TEKST_MAX]
    analyse = analyseer(titel=bron.titel, tekst=tekst, woordenschat=schat)
    return Zoekdocument(
        sleutel=bron.sleutel,
        soort=bron.soort,
        titel=bron.titel[:250],
        url=bron.url,
        kenmerk=bron.kenmerk,
        provincie=bron.provincie,
        tekst=tekst,
        termen_titel=analyse.titel,
        termen_tekst=analyse.tekst,
        termen_extra=analyse.extra,
        woorden=analyse.woorden,
    )


def _bewaren(bron: Bron, schat: Woordenschat) -> None:
    document = _document(bron, schat)
    # New words join the vocabulary at once: a misspelling of them finds them ("Bedoelde u …?").
    groter = schat.met(document.woorden.split())
    if groter is not schat:
        _woordenschat_delen(groter)
    velden = [
        "soort", "titel", "url", "kenmerk", "provincie", "tekst",
        "termen_titel", "termen_tekst", "termen_extra", "woorden",
    ]  # fmt: skip
    Zoekdocument.objects.update_or_create(
        sleutel=bron.sleutel, defaults={veld: getattr(document, veld) for veld in velden}
    )


def _verwijderen(sleutel: str) -> None:
    Zoekdocument.objects.filter(sleutel=sleutel).delete()


def koploper_indexeren(koploper: Koploper) -> None:
    if koploper.gepubliceerd:
        _bewaren(_koploper_bron(koploper), woordenschat())
    else:
        _verwijderen(f"koploper:{koploper.pk}")
    # The showcase articles about it are public only while it is.
    for artikel in Etalageartikel.objects.filter(koploper=koploper).select_related("koploper__provincie"):
        etalageartikel_indexeren(artikel)


def kennisitem_indexeren(item: Kennisitem) -> None:
    if item.gepubliceerd:
        _bewaren(_kennisitem_bron(item), woordenschat())
    else:
        _verwijderen(f"kennisitem:{item.pk}")


def etalageartikel_indexeren(artikel: Etalageartikel) -> None:
    if artikel.gepubliceerd and artikel.koploper.gepubliceerd:
        _bewaren(_etalage_bron(artikel), woordenschat())
    else:
        _verwijderen(f"etalage:{artikel.pk}")


def uit_index(sleutel: str) -> None:
    _verwijderen(sleutel)


@dataclass
class Indexverslag:
    koplopers: int
    kennisitems: int
    etalageartikelen: int
    paginas: int


@transaction.atomic
def alles_indexeren() -> Indexverslag:
    """Rebuild the whole index: every public object and page. Two passes, so that compounds are
    split against the vocabulary of the whole portal."""
    bronnen = [
        *(
            _koploper_bron(k)
            for k in Koploper.objects.gepubliceerd()
            .select_related("provincie")
            .prefetch_related("leden", "doelgroepen", "themas")
        ),
        *(_kennisitem_bron(i) for i in Kennisitem.objects.gepubliceerd().select_related("uitgever")),
        *(_etalage_bron(a) for a in Etalageartikel.objects.gepubliceerd().select_related("koploper__provincie")),
        *_pagina_bronnen(),
    ]
    alle_woorden = set()
    for bron in bronnen:
        alle_woorden.update(woorden(bron.titel + " " + bron.tekst[:TEKST_MAX]))
    schat = Woordenschat.uit(alle_woorden)
    Zoekdocument.objects.all().delete()
    Zoekdocument.objects.bulk_create([_document(bron, schat) for bron in bronnen], batch_size=500)
    _woordenschat_delen(schat)
    tellingen = dict.fromkeys(Zoekdocument.Soort.values, 0)
    for bron in bronnen:
        tellingen[bron.soort] += 1
    return Indexverslag(
        koplopers=tellingen["koploper"],
        kennisitems=tellingen["kennisitem"],
        etalageartikelen=tellingen["etalage"],
        paginas=tellingen["pagina"],
    )
