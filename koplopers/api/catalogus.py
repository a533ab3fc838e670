"""The DCAT catalogue of the open data (DCAT-AP / DCAT-AP-NL, JSON-LD), for harvesters such as data.overheid.nl."""

from django.urls import reverse

CC_BY = "http://creativecommons.org/licenses/by/4.0/"
UITGEVER = {"@type": "foaf:Agent", "foaf:name": "Koploperproject Cliëntondersteuning (VNG, Ieder(in), Koepel ASD)"}
THEMA_NL = "http://standaarden.overheid.nl/owms/terms/Zorg_en_gezondheid"

# (dataset key, title, description, [(url name, media type, format)])
DATASETS = [
    (
        "koplopers",
        "Koplopergemeenten cliëntondersteuning",
        "De koplopergemeenten en -regio's van het Koploperproject Cliëntondersteuning (2017–2022) met hun "
        "gemeenten (CBS-codes), provincie, rondes, doelgroepen, thema's en hun antwoorden over organisatie, "
        "ambities en acties.",
        [("api:koplopers", "application/json", "JSON"), ("api:koplopers_csv", "text/csv", "CSV")],
    ),
    (
        "gemeenten",
        "Gemeenten en koplopers op de kaart",
        "Alle gemeenten (CBS-indeling 2026) met provincie en de koplopers waar ze bij horen; de kaart als "
        "GeoJSON met grenzen van CBS / Kadaster (PDOK, CC BY 4.0).",
        [
            ("api:gemeenten", "application/json", "JSON"),
            ("api:gemeenten_geojson", "application/geo+json", "GeoJSON"),
            ("api:provincies", "application/json", "JSON"),
        ],
    ),
    (
        "rondes",
        "Rondes van het Koploperproject",
        "De rondes met hun openbare uitkomst: de gepubliceerde koplopers per ronde.",
        [("api:rondes", "application/json", "JSON")],
    ),
    (
        "kennisbank",
        "Kennisbank cliëntondersteuning",
        "Handreikingen, onderzoek, zelftests en methodes over onafhankelijke cliëntondersteuning.",
        [("api:kennisbank", "application/json", "JSON")],
    ),
    (
        "etalage",
        "Etalage van koplopers",
        "Maandelijkse artikelen over een koploperregio.",
        [("api:etalage", "application/json", "JSON")],
    ),
]


def catalogus(request) -> dict:
    """The catalogue as a JSON-LD document with absolute URLs."""

    def url(naam: str) -> str:
        return request.build_absolute_uri(reverse(naam))

    datasets = []
    for sleutel, titel, beschrijving, distributies in DATASETS:
        datasets.append(
            {
                "@id": f"{url('api:catalogus')}#{sleutel}",
                "@type": "dcat:Dataset",
                "dct:identifier": f"koploperportaal-{sleutel}",
                "dct:title": {"@language": "nl", "@value": titel},
                "dct:description": {"@language": "nl", "@value": beschrijving},
                "dct:publisher": UITGEVER,
                "dct:license": {"@id": CC_BY},
                "dct:language": {"@id": "http://publications.europa.eu/resource/authority/language/NLD"},
                "dct:accessRights": {"@id": "http://publications.europa.eu/resource/authority/access-right/PUBLIC"},
                "dcat:theme": {"@id": THEMA_NL},
                "dcat:keyword": ["cliëntondersteuning", "Wmo", "koplopers", "gemeenten"],
                "dcat:landingPage": {"@id": url("api:documentatie")},
                "dcat:contactPoint": {"@type": "vcard:Organization", "vcard:fn": "Koploperportaal"},
                "dcat:distribution": [
                    {
                        "@type": "dcat:Distribution",
                        "dct:title": {"@language": "nl", "@value": f"{titel} ({formaat})"},
                        "dcat:accessURL": {"@id": url(naam)},
                        "dcat:downloadURL": {"@id": url(naam)},
                        "dcat:mediaType": {"@id": f"https://www.iana.org/assignments/media-types/{mediatype}"},
                        "dct:format": formaat,
                        "dct:license": {"@id": CC_BY},
                    }
                    for naam, mediatype, formaat in distributies
                ],
            }
        )
    return {
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/",
            "vcard": "http://www.w3.org/2006/vcard/ns#",
        },
        "@id": url("api:catalogus"),
        "@type": "dcat:Catalog",
        "dct:title": {"@language": "nl", "@value": "Open data van het Koploperportaal"},
        "dct:description": {
            "@language": "nl",
            "@value": "De openbare gegevens van het Koploperproject Cliëntondersteuning (2017–2022).",
        },
        "dct:publisher": UITGEVER,
        "dct:license": {"@id": CC_BY},
        "foaf:homepage": {"@id": request.build_absolute_uri("/")},
        "dcat:dataset": datasets,
    }
