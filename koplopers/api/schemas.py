"""The shapes of the open-data API: what each endpoint answers, with Dutch explanations and examples.

The descriptions end up in the OpenAPI document (and the documentation page rendered from it); they are
API documentation for developers, kept as plain Dutch strings rather than translated messages.
"""

from datetime import date, datetime

from ninja import Field, Schema

MAX_PER_PAGINA = 100


class Pagina(Schema):
    pagina: int = Field(1, ge=1, le=100_000, description="Het paginanummer, vanaf 1.", examples=[1])
    per_pagina: int = Field(
        25,
        ge=1,
        le=MAX_PER_PAGINA,
        description=f"Aantal resultaten per pagina (maximaal {MAX_PER_PAGINA}).",
        examples=[25],
    )


class KoploperFilters(Pagina):
    provincie: str | None = Field(None, max_length=100, description="Slug van een provincie.", examples=["flevoland"])
    doelgroep: str | None = Field(None, max_length=100, description="Slug van een doelgroep.", examples=["jeugd"])
    thema: str | None = Field(None, max_length=100, description="Slug van een thema.", examples=["bekendheid"])
    ronde: str | None = Field(None, max_length=100, description="Slug van een ronde.", examples=["koplopers-i"])
    q: str | None = Field(
        None,
        max_length=200,
        description='Zoekterm, met de zoekfunctie van het portaal (stammen, synoniemen, "woordgroep", -uitsluiten). '
        "Met een zoekterm staat het best passende resultaat eerst.",
        examples=["mantelzorg"],
    )


class KoploperCsvFilters(Schema):
    provincie: str | None = Field(None, max_length=100, description="Slug van een provincie.")
    doelgroep: str | None = Field(None, max_length=100, description="Slug van een doelgroep.")
    thema: str | None = Field(None, max_length=100, description="Slug van een thema.")
    ronde: str | None = Field(None, max_length=100, description="Slug van een ronde.")
    q: str | None = Field(None, max_length=200, description="Zoekterm (zoekfunctie van het portaal).")


class GemeenteFilters(Pagina):
    provincie: str | None = Field(None, max_length=100, description="Slug van een provincie.", examples=["flevoland"])


class KennisbankFilters(Pagina):
    soort: str | None = Field(None, max_length=20, description="Soort kennisproduct.", examples=["handreiking"])
    uitgever: str | None = Field(None, max_length=150, description="Slug van de uitgever.", examples=["vng"])
    jaar: str | None = Field(None, max_length=4, description="Jaar van uitgave.", examples=["2017"])
    doelgroep: str | None = Field(None, max_length=100, description="Slug van een doelgroep.")
    thema: str | None = Field(None, max_length=100, description="Slug van een thema.")
    q: str | None = Field(None, max_length=200, description="Zoekterm (zoekfunctie).", examples=["zelftest"])


class Term(Schema):
    slug: str = Field(description="Vaste sleutel.", examples=["jeugd"])
    naam: str = Field(examples=["Jeugd"])


class ProvincieKort(Schema):
    code: str = Field(description="CBS-code van de provincie.", examples=["PV24"])
    slug: str = Field(examples=["flevoland"])
    naam: str = Field(examples=["Flevoland"])


class Provincie(ProvincieKort):
    aantal_gemeenten: int = Field(examples=[6])


class GemeenteKort(Schema):
    code: str = Field(description="CBS-code van de gemeente (indeling 2026).", examples=["GM0034"])
    naam: str = Field(description="De naam die mensen gebruiken.", examples=["Almere"])
    provincie: ProvincieKort


class KoploperVerwijzing(Schema):
    slug: str = Field(examples=["almere"])
    naam: str = Field(examples=["Almere"])
    soort: str = Field(description="gemeente of regio.", examples=["gemeente"])


class Gemeente(Schema):
    code: str = Field(description="CBS-code van de gemeente (indeling 2026).", examples=["GM0034"])
    naam: str = Field(description="Officiële naam.", examples=["Almere"])
    weergavenaam: str = Field(description="De naam die mensen gebruiken (Den Haag).", examples=["Almere"])
    slug: str = Field(examples=["almere"])
    jaar: int = Field(description="Jaar van de gemeentelijke indeling.", examples=[2026])
    provincie: ProvincieKort
    koplopers: list[KoploperVerwijzing] = Field(
        description="De gepubliceerde koplopers waar deze gemeente bij hoort: het eigen profiel of een regio."
    )


class Ronde(Schema):
    slug: str = Field(examples=["koplopers-i"])
    naam: str = Field(examples=["Koplopers I"])
    jaar: int = Field(examples=[2017])
    status: str = Field(description="Status van de ronde.", examples=["gepubliceerd"])
    opent_op: datetime | None = None
    sluit_op: datetime | None = None
    toelichting: str = Field(examples=["De eerste ronde van het Koploperproject."])
    aantal_koplopers: int = Field(description="Aantal gepubliceerde koplopers uit deze ronde.", examples=[14])
    koplopers: list[KoploperVerwijzing] = Field(description="De openbare uitkomst: de gepubliceerde koplopers.")


class RondeKort(Schema):
    slug: str = Field(examples=["koplopers-i"])
    naam: str = Field(examples=["Koplopers I"])
    jaar: int = Field(examples=[2017])


class Tekst(Schema):
    html: str = Field(description="Opgeschoonde HTML (p, br, lijsten, links, nadruk).", examples=["<p>Tekst.</p>"])
    tekst: str = Field(description="Platte tekst zonder opmaak.", examples=["Tekst."])


class Antwoorden(Schema):
    organisatie: Tekst = Field(description="Hoe is de onafhankelijke cliëntondersteuning georganiseerd?")
    ambities: Tekst = Field(description="Welke ambities zijn er?")
    acties: Tekst = Field(description="Welke acties worden ondernomen?")


class Contact(Schema):
    naam: str = Field(examples=["J. Jansen"])
    functie: str = Field(examples=["Beleidsadviseur"])
    email: str = Field(examples=["j.jansen@almere.nl"])
    telefoon: str = Field(examples=["036 123 45 67"])


class Link(Schema):
    titel: str = Field(examples=["Cliëntondersteuning in Almere"])
    url: str = Field(examples=["https://www.almere.nl/"])


class Koploper(Schema):
    slug: str = Field(description="Vaste sleutel van de koploper.", examples=["almere"])
    naam: str = Field(examples=["Almere"])
    soort: str = Field(description="gemeente of regio.", examples=["gemeente"])
    url: str = Field(
        description="Het profiel op het portaal.", examples=["https://koploperportaal.nl/gemeenten/almere/"]
    )
    provincie: ProvincieKort | None
    gemeenten: list[GemeenteKort] = Field(description="De gemeente, of de gemeenten van de regio.")
    rondes: list[RondeKort]
    doelgroepen: list[Term]
    themas: list[Term]
    deelname_volgens_bron: str = Field(description="Wat de openbare bron over de deelname zegt.", examples=["2017"])
    bron_url: str = Field(description="De openbare bron.", examples=["https://www.rijksoverheid.nl/"])
    antwoorden: Antwoorden
    is_voorbeeldtekst: bool = Field(description="De antwoorden zijn illustratieve demotekst, geen echte gegevens.")
    contactpersonen: list[Contact] = Field(description="Alleen contactpersonen die toestemming gaven voor publicatie.")
    links: list[Link]
    bijgewerkt: datetime


class Uitgever(Schema):
    slug: str = Field(examples=["vng"])
    naam: str = Field(examples=["VNG"])


class Kennisitem(Schema):
    slug: str = Field(examples=["handreiking-onafhankelijke-clientondersteuning"])
    titel: str = Field(examples=["Handreiking onafhankelijke cliëntondersteuning"])
    soort: str = Field(examples=["handreiking"])
    url: str = Field(description="De pagina op het portaal.")
    samenvatting: str
    inhoud: Tekst
    externe_link: str = Field(description="Link naar de bron, als die er is.")
    bestand: str | None = Field(description="Link naar het PDF-bestand, als dat er is.")
    uitgever: Uitgever | None
    jaar: int | None = Field(examples=[2017])
    doelgroepen: list[Term]
    themas: list[Term]
    koplopers: list[KoploperVerwijzing]
    bijgewerkt: datetime


class Etalageartikel(Schema):
    slug: str = Field(examples=["almere-kompanenpool"])
    titel: str = Field(examples=["De kompanenpool van Almere"])
    vorm: str = Field(examples=["artikel"])
    maand: date = Field(examples=["2019-05-01"])
    url: str = Field(description="Het artikel op het portaal.")
    koploper: KoploperVerwijzing
    inleiding: str
    inhoud: Tekst
    video_url: str
    visie_adviesraad: Tekst
    visie_inwoners: Tekst
    is_voorbeeldtekst: bool
    bijgewerkt: datetime


def _paginaschema(naam: str, item: type[Schema]) -> type[Schema]:
    return type(
        naam,
        (Schema,),
        {
            "__annotations__": {
                "aantal": int,
                "pagina": int,
                "per_pagina": int,
                "volgende": str | None,
                "vorige": str | None,
                "resultaten": list[item],
            },
            "aantal": Field(description="Aantal resultaten over alle pagina's.", examples=[42]),
            "pagina": Field(examples=[1]),
            "per_pagina": Field(examples=[25]),
            "volgende": Field(description="Adres van de volgende pagina, of null."),
            "vorige": Field(description="Adres van de vorige pagina, of null."),
        },
    )


KoploperPagina = _paginaschema("KoploperPagina", Koploper)
GemeentePagina = _paginaschema("GemeentePagina", Gemeente)
KennisitemPagina = _paginaschema("KennisitemPagina", Kennisitem)
EtalagePagina = _paginaschema("EtalagePagina", Etalageartikel)


class Fout(Schema):
    detail: str = Field(description="Wat er mis is, in het Nederlands.", examples=["Niet gevonden."])
    fouten: list[dict] = Field(default_factory=list, description="Per parameter wat er mis is.")
