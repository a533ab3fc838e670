"""A labelled set of Dutch queries over a small corpus, for recall@5 and MRR of the portal search.

The corpus is written like the portal's real texts; each query names the titles that a visitor who
types it would want to see. The queries cover inflections and plurals, diaeresis, compounds and their
parts, abbreviations and their full names, misspellings and questions of several words.
"""

KENNISITEMS = [
    (
        "Ondersteuning van mantelzorgers",
        "Hoe de gemeente mantelzorgers ondersteunt: respijtzorg, een mantelzorgconsulent en "
        "mantelzorgondersteuning dichtbij huis.",
    ),
    (
        "Mantelzorg en werk combineren",
        "Werkende mantelzorgers lopen vast. Tips voor werkgevers en voor de mantelzorger zelf.",
    ),
    (
        "De cliëntondersteuner in het sociaal team",
        "Wat doet een onafhankelijke cliëntondersteuner naast het sociaal wijkteam? Over rollen en "
        "samenwerking in de toegang.",
    ),
    (
        "Handreiking onafhankelijke cliëntondersteuning",
        "Een handreiking voor gemeenten over het inrichten van onafhankelijke cliëntondersteuning volgens de Wmo 2015.",
    ),
    (
        "Van Wmo naar Wet langdurige zorg",
        "Cliëntondersteuning bij de overgang naar de Wet langdurige zorg: wie helpt de inwoner bij "
        "de aanvraag bij het CIZ?",
    ),
    (
        "Het persoonsgebonden budget aanvragen",
        "Een pgb geeft inwoners regie. Zo vraagt u een persoonsgebonden budget aan en zo helpt een "
        "cliëntondersteuner daarbij.",
    ),
    (
        "Jongeren en de Jeugdwet",
        "Onafhankelijke ondersteuning voor jongeren en ouders bij jeugdhulp onder de Jeugdwet.",
    ),
    (
        "Ervaringsdeskundigheid inzetten",
        "Ervaringsdeskundigen als vrijwillige cliëntondersteuners: werving, scholing en begeleiding.",
    ),
    (
        "Het keukentafelgesprek voorbereiden",
        "Een checklist voor inwoners voor het gesprek met de gemeente over hulp en zorg.",
    ),
    (
        "Bekendheid van cliëntondersteuning vergroten",
        "Veel inwoners kennen cliëntondersteuning niet. Communicatie via huisartsen, bibliotheken en sociale media.",
    ),
    (
        "Adviesraden en de gemeente",
        "Hoe een adviesraad sociaal domein meedenkt over het beleid voor cliëntondersteuning.",
    ),
    (
        "Schuldhulpverlening en armoede",
        "Inwoners met schulden vinden de weg naar schuldhulp beter met een vaste ondersteuner.",
    ),
    (
        "Mensen met een licht verstandelijke beperking",
        "Cliëntondersteuning voor mensen met een lvb vraagt om eenvoudige taal en tijd.",
    ),
    (
        "Geestelijke gezondheidszorg en herstel",
        "Cliëntondersteuning voor mensen met psychische klachten; samenwerking met de ggz.",
    ),
    (
        "Monitor onafhankelijke cliëntondersteuning 2021",
        "De resultaten van de monitor: bereik, wachttijden en tevredenheid van cliënten.",
    ),
    (
        "Ouderen langer thuis",
        "Ouderen willen zelfstandig wonen. Welzijn, dagbesteding en cliëntondersteuning voor senioren.",
    ),
]

KOPLOPERS = [
    (
        "Enschede",
        "In Enschede werken ervaringsdeskundigen samen met professionele cliëntondersteuners in de wijk.",
    ),
    (
        "Zwolle",
        "Zwolle investeert in mantelzorgondersteuning en in een vast aanspreekpunt voor jonge mantelzorgers.",
    ),
]

# (query, the titles that are relevant)
VRAGEN = [
    # Inflections and plurals
    ("mantelzorger", {"Ondersteuning van mantelzorgers", "Mantelzorg en werk combineren", "Zwolle"}),
    ("mantelzorgers", {"Ondersteuning van mantelzorgers", "Mantelzorg en werk combineren", "Zwolle"}),
    ("jongere", {"Jongeren en de Jeugdwet"}),
    ("adviesraden", {"Adviesraden en de gemeente"}),
    ("adviesraad", {"Adviesraden en de gemeente"}),
    ("oudere", {"Ouderen langer thuis"}),
    ("schulden", {"Schuldhulpverlening en armoede"}),
    ("schuld", {"Schuldhulpverlening en armoede"}),
    ("ervaringsdeskundige", {"Ervaringsdeskundigheid inzetten", "Enschede"}),
    ("ervaringsdeskundigen", {"Ervaringsdeskundigheid inzetten", "Enschede"}),
    # Diaeresis
    ("cliëntondersteuner", {"De cliëntondersteuner in het sociaal team"}),
    ("clientondersteuner", {"De cliëntondersteuner in het sociaal team"}),
    ("cliënten", {"Monitor onafhankelijke cliëntondersteuning 2021"}),
    ("CLIËNTONDERSTEUNING handreiking", {"Handreiking onafhankelijke cliëntondersteuning"}),
    # Compounds and their parts
    ("ondersteuner", {"De cliëntondersteuner in het sociaal team", "Schuldhulpverlening en armoede"}),
    ("mantelzorgondersteuning", {"Ondersteuning van mantelzorgers", "Zwolle"}),
    ("schuldhulp", {"Schuldhulpverlening en armoede"}),
    ("wijkteam", {"De cliëntondersteuner in het sociaal team"}),
    ("keukentafel", {"Het keukentafelgesprek voorbereiden"}),
    ("gezondheidszorg", {"Geestelijke gezondheidszorg en herstel"}),
    # Abbreviations and their full names
    ("Wlz", {"Van Wmo naar Wet langdurige zorg"}),
    ("wet langdurige zorg", {"Van Wmo naar Wet langdurige zorg"}),
    ("pgb", {"Het persoonsgebonden budget aanvragen"}),
    ("persoonsgebonden budget", {"Het persoonsgebonden budget aanvragen"}),
    ("lvb", {"Mensen met een licht verstandelijke beperking"}),
    ("licht verstandelijke beperking", {"Mensen met een licht verstandelijke beperking"}),
    ("ggz", {"Geestelijke gezondheidszorg en herstel"}),
    ("Wet maatschappelijke ondersteuning", {"Handreiking onafhankelijke cliëntondersteuning"}),
    ("asd", {"Adviesraden en de gemeente"}),
    # Misspellings
    ("mantelzroger", {"Ondersteuning van mantelzorgers", "Mantelzorg en werk combineren", "Zwolle"}),
    ("ervaringsdeskundgen", {"Ervaringsdeskundigheid inzetten", "Enschede"}),
    ("schuldhulpverleining", {"Schuldhulpverlening en armoede"}),
    ("keukentafelgesprrek", {"Het keukentafelgesprek voorbereiden"}),
    ("bekendhied", {"Bekendheid van cliëntondersteuning vergroten"}),
    # Questions of several words
    ("ondersteuning van mantelzorgers", {"Ondersteuning van mantelzorgers", "Zwolle"}),
    ("hoe vraag ik een pgb aan", {"Het persoonsgebonden budget aanvragen"}),
    ("hulp voor jongeren en ouders", {"Jongeren en de Jeugdwet"}),
    ("wie helpt bij de aanvraag voor de wlz", {"Van Wmo naar Wet langdurige zorg"}),
    ("cliëntondersteuning bekender maken bij inwoners", {"Bekendheid van cliëntondersteuning vergroten"}),
    ("ouderen die thuis willen wonen", {"Ouderen langer thuis"}),
    ("ervaringsdeskundigen in Enschede", {"Enschede"}),
    ("vrijwilligers scholen", {"Ervaringsdeskundigheid inzetten"}),
    # Names, phrases, exclusion, either
    ("Enschede", {"Enschede"}),
    ('"sociaal team"', {"De cliëntondersteuner in het sociaal team"}),
    ("mantelzorg -werk", {"Ondersteuning van mantelzorgers", "Zwolle"}),
    ("lvb OR ggz", {"Mensen met een licht verstandelijke beperking", "Geestelijke gezondheidszorg en herstel"}),
]

DOEL_RECALL_5 = 0.95
DOEL_MRR = 0.85
