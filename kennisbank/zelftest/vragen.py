"""The questions of the Zelftest cliëntondersteuning, as data.

Built from the programme's own description of a leading municipality: the three characteristics of the
2017 background document and the four criteria of the 2019 call (the criteria ``selectie`` seeds for
new rounds, copied here because kennisbank may not import selectie). The source texts are kept in
``bronnen/`` beside this module (see its README). Every question names its source and section; a test
checks that each has one, and an explanation.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

# The sources (bronnen/README.md).
ACHTERGROND_2017 = _("Achtergrondinformatie Project Koplopers Cliëntondersteuning (VNG, Ieder(in), Koepel ASD, 2017)")
OPROEP_2019 = _("Oproep Koplopers II (VNG, Ieder(in), Koepel ASD, 2019)")
ALMERE_2017 = _("Nieuwsbericht gemeente Almere, 14 juli 2017")


@dataclass(frozen=True)
class Antwoord:
    waarde: str
    label: str
    punten: int | None  # None: "weet ik niet" counts for nothing


ANTWOORDEN = [
    Antwoord("nog_niet", _("nog niet"), 0),
    Antwoord("ten_dele", _("ten dele"), 1),
    Antwoord("grotendeels", _("grotendeels"), 2),
    Antwoord("helemaal", _("helemaal"), 3),
    Antwoord("weet_niet", _("weet ik niet"), None),
]
ANTWOORD_PER_WAARDE = {antwoord.waarde: antwoord for antwoord in ANTWOORDEN}
HOOGSTE_PUNTEN = 3

# Levels of a criterion, from the average points of its answered questions (0–3).
NIVEAUS = [
    ("begin", _("aan het begin"), 0.0),
    ("op_weg", _("op weg"), 0.75),
    ("gevorderd", _("gevorderd"), 1.5),
    ("koploper", _("koploper"), 2.25),
]
ONBEKEND = "onbekend"


@dataclass(frozen=True)
class Bron:
    document: str
    paragraaf: str

    def __str__(self):
        return f"{self.document}, {self.paragraaf}"


@dataclass(frozen=True)
class Vraag:
    code: str
    tekst: str
    kort: str  # the label in the chart (fits in 30 characters)
    uitleg: str
    bron: Bron


@dataclass(frozen=True)
class Criterium:
    nummer: int
    slug: str
    titel: str
    uitleg: str
    bron: Bron
    vragen: list[Vraag]
    # Per level: what is already strong, and the next step.
    sterkte: dict[str, str]
    volgende_stap: dict[str, str]
    # Links on the result page: koplopers and knowledge products with these themes (gemeenten.Thema
    # names) and these knowledge products (slugs).
    themas: list[str] = field(default_factory=list)
    kennisitems: list[str] = field(default_factory=list)


CRITERIA = [
    Criterium(
        nummer=1,
        slug="agenda",
        titel=_("Op de agenda"),
        uitleg=_(
            "Leeft cliëntondersteuning in uw gemeente? Staat het op de agenda van de raad, de wethouder, de "
            "adviesraad en het overleg met cliënten? En weet de gemeente wat ze met cliëntondersteuning wil?"
        ),
        bron=Bron(ACHTERGROND_2017, _("kenmerk 1: Cliëntondersteuning staat hoog op de agenda")),
        vragen=[
            Vraag(
                "agenda_raad",
                _("Praat de gemeenteraad over cliëntondersteuning?"),
                _("Gemeenteraad"),
                _("Bijvoorbeeld in een commissie, bij de begroting of doordat raadsleden er vragen over stellen."),
                Bron(ACHTERGROND_2017, _("kenmerk 1: Cliëntondersteuning staat hoog op de agenda")),
            ),
            Vraag(
                "agenda_overleg",
                _("Is cliëntondersteuning een vast onderwerp in het overleg met cliënten en in de adviesraad?"),
                _("Overleg cliënten en adviesraad"),
                _("De adviesraad sociaal domein en cliëntenorganisaties praten er regelmatig over mee."),
                Bron(ACHTERGROND_2017, _("kenmerk 1: Cliëntondersteuning staat hoog op de agenda")),
            ),
            Vraag(
                "agenda_wethouder",
                _("Zet de wethouder zich zichtbaar in voor cliëntondersteuning?"),
                _("Wethouder"),
                _(
                    "De achtergrondinformatie noemt dit een 'warm pleitbezorger': een wethouder die het "
                    "onderwerp steeds weer op tafel legt."
                ),
                Bron(ACHTERGROND_2017, _("kenmerk 1: Cliëntondersteuning staat hoog op de agenda")),
            ),
            Vraag(
                "agenda_visie",
                _("Heeft de gemeente een duidelijke visie op cliëntondersteuning?"),
                _("Visie"),
                _(
                    "Een visie zegt waarom cliëntondersteuning nodig is, wat het inwoners moet opleveren en "
                    "welke plaats het heeft naast de andere hulp van de gemeente."
                ),
                Bron(OPROEP_2019, _("criterium 1: visie op nut en positie van cliëntondersteuning")),
            ),
        ],
        sterkte={
            "begin": _("U heeft de zelftest gedaan: daarmee staat het onderwerp in elk geval bij u op de agenda."),
            "op_weg": _("Cliëntondersteuning komt af en toe aan bod bij de raad, de wethouder of de adviesraad."),
            "gevorderd": _("Cliëntondersteuning staat op de agenda en de gemeente weet grotendeels wat ze wil."),
            "koploper": _(
                "Cliëntondersteuning leeft: raad, wethouder en adviesraad praten erover en er is een duidelijke visie."
            ),
        },
        volgende_stap={
            "begin": _(
                "Vraag de adviesraad of een cliëntenorganisatie om cliëntondersteuning op de agenda te zetten. "
                "Nodig de wethouder uit voor een gesprek."
            ),
            "op_weg": _(
                "Schrijf samen met inwoners en ondersteuners op waarom cliëntondersteuning belangrijk is: een "
                "korte visie van één pagina is een goed begin."
            ),
            "gevorderd": _("Laat de raad de visie vaststellen en spreek af hoe vaak de raad hoort hoe het gaat."),
            "koploper": _("Deel uw aanpak met gemeenten in de regio, bijvoorbeeld in een regionale bijeenkomst."),
        },
        themas=["Bekendheid"],
        kennisitems=["inspiratiedocument-clientondersteuning", "handreiking-onafhankelijke-clientondersteuning"],
    ),
    Criterium(
        nummer=2,
        slug="samen-lerend",
        titel=_("Samen en lerend ontwikkelen"),
        uitleg=_(
            "Cliëntondersteuning maakt u samen. Veel kennis zit bij de mensen die het geven en bij de mensen "
            "die het krijgen. Gebruikt de gemeente die kennis, en leert zij van wat er misgaat?"
        ),
        bron=Bron(ACHTERGROND_2017, _("kenmerk 2: Gezamenlijke en lerende ontwikkeling")),
        vragen=[
            Vraag(
                "samen_proces",
                _(
                    "Werken gemeente, inwoners of cliënten, professionals en vrijwilligers samen aan betere "
                    "cliëntondersteuning?"
                ),
                _("Samen ontwikkelen"),
                _("Samen betekent: iedereen praat mee vanaf het begin, niet alleen aan het eind."),
                Bron(OPROEP_2019, _("criterium 2: gezamenlijk en lerend ontwikkelingsproces")),
            ),
            Vraag(
                "samen_kennis_gevers",
                _("Gebruikt de gemeente de kennis van de mensen die cliëntondersteuning geven?"),
                _("Kennis van ondersteuners"),
                _("Dat zijn professionals en vrijwilligers, bijvoorbeeld ervaringsdeskundigen."),
                Bron(ACHTERGROND_2017, _("kenmerk 2: Gezamenlijke en lerende ontwikkeling")),
            ),
            Vraag(
                "samen_kennis_gebruikers",
                _("Gebruikt de gemeente de kennis van de mensen die cliëntondersteuning krijgen?"),
                _("Kennis van inwoners"),
                _("Dat zijn inwoners, cliënten en hun familie. Zij weten het best wat wel en niet helpt."),
                Bron(ACHTERGROND_2017, _("kenmerk 2: Gezamenlijke en lerende ontwikkeling")),
            ),
            Vraag(
                "samen_leren",
                _("Gebruikt de gemeente signalen en problemen om de cliëntondersteuning beter te maken?"),
                _("Leren van signalen"),
                _(
                    "Een lerende aanpak: als iets niet goed gaat, zoekt de gemeente samen met anderen uit hoe "
                    "het beter kan, en verandert ze de uitvoering."
                ),
                Bron(ACHTERGROND_2017, _("kenmerk 2: Gezamenlijke en lerende ontwikkeling")),
            ),
            Vraag(
                "samen_regio",
                _("Werkt de gemeente hierin samen met cliëntenorganisaties en met gemeenten in de regio?"),
                _("Samen met organisaties en regio"),
                _(
                    "Het programma zag graag dat gemeente en cliënten- of inwonersorganisatie samen optrekken, "
                    "en dat gemeenten in een regio samenwerken."
                ),
                Bron(OPROEP_2019, _("Aandachtspunten")),
            ),
        ],
        sterkte={
            "begin": _("U weet nu welke partners er zijn om mee samen te werken."),
            "op_weg": _("Er is al contact tussen de gemeente en inwoners, professionals of vrijwilligers."),
            "gevorderd": _("Gemeente, inwoners en ondersteuners werken grotendeels samen en leren van elkaar."),
            "koploper": _(
                "Samen ontwikkelen is gewoon: de kennis van ondersteuners en inwoners verbetert het werk steeds."
            ),
        },
        volgende_stap={
            "begin": _(
                "Organiseer een eerste gesprek met inwoners, cliëntondersteuners en de adviesraad: wat gaat "
                "goed, wat kan beter?"
            ),
            "op_weg": _(
                "Maak het samenwerken vast: een werkgroep met inwoners, professionals en vrijwilligers die "
                "een paar keer per jaar bij elkaar komt."
            ),
            "gevorderd": _(
                "Spreek af hoe signalen en klachten terugkomen bij de werkgroep, en wat er daarna mee gebeurt."
            ),
            "koploper": _("Nodig andere gemeenten uit om van uw aanpak te leren, en leer zelf van hen."),
        },
        themas=["Inzet ervaringsdeskundigen"],
        kennisitems=["inwoners-betrekken", "avi-handreiking-clientondersteuning"],
    ),
    Criterium(
        nummer=3,
        slug="vernieuwend",
        titel=_("Vernieuwende aanpakken"),
        uitleg=_(
            "Zijn er mooie vernieuwingen gerealiseerd, of in wording? De vragen volgen de voorbeelden die de "
            "achtergrondinformatie noemt."
        ),
        bron=Bron(ACHTERGROND_2017, _("kenmerk 3: Vernieuwende aanpakken")),
        vragen=[
            Vraag(
                "nieuw_doelgroepen",
                _("Past de cliëntondersteuning bij verschillende groepen inwoners?"),
                _("Verschillende doelgroepen"),
                _(
                    "Bijvoorbeeld ouderen, jongeren, mensen met een licht verstandelijke beperking of dak- en "
                    "thuislozen. Elke groep vraagt iets anders."
                ),
                Bron(ACHTERGROND_2017, _("kenmerk 3, voorbeeld: omgaan met verscheidenheid van doelgroepen")),
            ),
            Vraag(
                "nieuw_levensbreed",
                _("Helpt de cliëntondersteuning bij alle onderwerpen en in elke fase van het leven?"),
                _("Integraal en levensbreed"),
                _(
                    "Niet alleen bij de Wmo, maar ook bij jeugd, werk en inkomen, onderwijs en de overgang naar "
                    "de Wlz. Dit heet integraal of levensbreed."
                ),
                Bron(ACHTERGROND_2017, _("kenmerk 3, voorbeeld: integrale / levensbrede cliëntondersteuning")),
            ),
            Vraag(
                "nieuw_samenspel",
                _("Vullen professionele en vrijwillige cliëntondersteuners elkaar aan?"),
                _("Professionals en vrijwilligers"),
                _(
                    "Bijvoorbeeld ervaringsdeskundigen die naast een professional staan, zoals de 'kompanen' in "
                    "Almere: zij geven morele steun en helpen de vraag van de inwoner te verwoorden."
                ),
                Bron(
                    ACHTERGROND_2017,
                    _("kenmerk 3, voorbeeld: synergie tussen professionele en vrijwillige cliëntondersteuning"),
                ),
            ),
            Vraag(
                "nieuw_onafhankelijk",
                _("Is goed geregeld dat de cliëntondersteuning onafhankelijk is?"),
                _("Onafhankelijkheid"),
                _(
                    "Onafhankelijk betekent: de ondersteuner staat naast de inwoner, en niet aan de kant van wie "
                    "over de hulp beslist."
                ),
                Bron(ACHTERGROND_2017, _("kenmerk 3, voorbeeld: organisatie en borging van onafhankelijkheid")),
            ),
            Vraag(
                "nieuw_bekendheid",
                _("Doet de gemeente iets om cliëntondersteuning bekend te maken, zodat meer mensen het gebruiken?"),
                _("Bekendheid en gebruik"),
                _("Bijvoorbeeld folders in eenvoudige taal, informatie bij de huisarts of in de wijk."),
                Bron(ACHTERGROND_2017, _("kenmerk 3, voorbeeld: bevorderen van bekendheid en gebruik")),
            ),
            Vraag(
                "nieuw_ervaringen",
                _(
                    "Vraagt de gemeente inwoners wat ze van de cliëntondersteuning vinden, en past ze het beleid "
                    "daarop aan?"
                ),
                _("Ervaringen van cliënten"),
                _("Bijvoorbeeld met een korte vragenlijst of gesprekken, en een verslag aan de raad."),
                Bron(
                    ACHTERGROND_2017,
                    _("kenmerk 3, voorbeeld: meten van cliëntervaringen en -oordelen en vertalen in beleid"),
                ),
            ),
        ],
        sterkte={
            "begin": _("U kent nu zes soorten vernieuwing waar andere gemeenten mee begonnen."),
            "op_weg": _("Op een of twee punten is de gemeente al iets nieuws begonnen."),
            "gevorderd": _("De gemeente vernieuwt op meerdere punten tegelijk."),
            "koploper": _("De gemeente vernieuwt op bijna alle punten: een voorbeeld voor anderen."),
        },
        volgende_stap={
            "begin": _(
                "Kies één punt om mee te beginnen, bijvoorbeeld bekendheid. Kijk hoe koplopers dat hebben aangepakt."
            ),
            "op_weg": _(
                "Kies het punt met het laagste antwoord en spreek met inwoners en ondersteuners een kleine proef af."
            ),
            "gevorderd": _("Meet wat inwoners van de vernieuwingen vinden en gebruik dat om te kiezen wat blijft."),
            "koploper": _("Schrijf op wat werkt, zodat andere gemeenten het kunnen overnemen."),
        },
        themas=["Bekendheid", "Inzet ervaringsdeskundigen", "Werk en inkomen"],
        kennisitems=["methode-jet-almere", "onderzoek-clientondersteuning-movisie"],
    ),
    Criterium(
        nummer=4,
        slug="ambitie-toegang",
        titel=_("Ambitie en toegang"),
        uitleg=_(
            "Weet de gemeente waar ze met cliëntondersteuning naartoe wil? En past dat bij de manier waarop "
            "inwoners bij de gemeente om hulp vragen (de toegang)?"
        ),
        bron=Bron(OPROEP_2019, _("criterium 4: ambitie in relatie tot toegangsbeleid en eigen dienstverlening")),
        vragen=[
            Vraag(
                "ambitie_doel",
                _("Heeft de gemeente een duidelijke ambitie voor cliëntondersteuning?"),
                _("Ambitie"),
                _("Een ambitie is een doel voor de komende jaren: wat moet er beter zijn, en wanneer?"),
                Bron(OPROEP_2019, _("criterium 4: ambitie in relatie tot toegangsbeleid en eigen dienstverlening")),
            ),
            Vraag(
                "ambitie_toegang",
                _("Past die ambitie bij het toegangsbeleid van de gemeente?"),
                _("Toegangsbeleid"),
                _(
                    "De toegang is de manier waarop inwoners hulp vragen, bijvoorbeeld bij het wijkteam of in "
                    "een gesprek aan de keukentafel. Cliëntondersteuning hoort daarbij."
                ),
                Bron(OPROEP_2019, _("criterium 4: ambitie in relatie tot toegangsbeleid en eigen dienstverlening")),
            ),
            Vraag(
                "ambitie_dienstverlening",
                _("Past die ambitie bij de eigen dienstverlening van de gemeente?"),
                _("Eigen dienstverlening"),
                _("Bijvoorbeeld bij Sociale Zaken, het klantcontactcentrum of de brieven die de gemeente stuurt."),
                Bron(OPROEP_2019, _("criterium 4: ambitie in relatie tot toegangsbeleid en eigen dienstverlening")),
            ),
            Vraag(
                "ambitie_gesprek",
                _(
                    "Horen inwoners vóór een gesprek over hulp dat zij een onafhankelijke cliëntondersteuner "
                    "mogen meenemen?"
                ),
                _("Ondersteuner bij het gesprek"),
                _(
                    "Cliëntondersteuning is er bij gesprekken met bijvoorbeeld het wijkteam, het UWV, de "
                    "jeugdgezondheidszorg of Sociale Zaken. Zo kan een inwoner goed zeggen wat hij nodig heeft."
                ),
                Bron(ALMERE_2017, _("Wat is onafhankelijke cliëntondersteuning?")),
            ),
        ],
        sterkte={
            "begin": _("U heeft nu op een rij wat een ambitie voor cliëntondersteuning kan inhouden."),
            "op_weg": _("Er zijn eerste ideeën over wat de gemeente met cliëntondersteuning wil bereiken."),
            "gevorderd": _("De gemeente heeft een ambitie en die past grotendeels bij de toegang."),
            "koploper": _("De ambitie is duidelijk en hoort bij de toegang en de hele dienstverlening."),
        },
        volgende_stap={
            "begin": _(
                "Zorg eerst dat elke inwoner bij een gesprek over hulp hoort dat hij een cliëntondersteuner mag "
                "meenemen, bijvoorbeeld in de uitnodigingsbrief."
            ),
            "op_weg": _("Schrijf een ambitie op met een doel en een datum, en bespreek die met de adviesraad."),
            "gevorderd": _("Neem cliëntondersteuning op in de werkafspraken van het wijkteam en de andere loketten."),
            "koploper": _("Kijk breder dan de Wmo: neem ook jeugd, werk en inkomen en onderwijs mee."),
        },
        themas=["Overgang Wmo–Wlz", "Werk en inkomen"],
        kennisitems=["handreiking-onafhankelijke-clientondersteuning", "zelftest-clientondersteuning-voor-gemeenten"],
    ),
]

CRITERIUM_PER_NUMMER = {criterium.nummer: criterium for criterium in CRITERIA}
ALLE_VRAGEN = [vraag for criterium in CRITERIA for vraag in criterium.vragen]
