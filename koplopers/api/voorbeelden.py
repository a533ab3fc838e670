"""Example responses for the OpenAPI document, built from the schemas' own ``examples``."""

import copy

_STANDAARD = {"string": "tekst", "integer": 1, "number": 1.0, "boolean": True}


def voorbeeld(schema: dict, componenten: dict, diepte: int = 0):
    """A value that fits ``schema``: its first example, else one built from its parts."""
    if diepte > 8:
        return None
    if "$ref" in schema:
        return voorbeeld(componenten[schema["$ref"].rsplit("/", 1)[-1]], componenten, diepte + 1)
    if "examples" in schema and schema["examples"]:
        return schema["examples"][0]
    if "example" in schema:
        return schema["example"]
    for sleutel in ("anyOf", "oneOf"):
        if sleutel in schema:
            opties = [optie for optie in schema[sleutel] if optie.get("type") != "null"]
            return voorbeeld(opties[0], componenten, diepte + 1) if opties else None
    soort = schema.get("type")
    if soort == "object" or "properties" in schema:
        return {naam: voorbeeld(deel, componenten, diepte + 1) for naam, deel in schema.get("properties", {}).items()}
    if soort == "array":
        return [voorbeeld(schema.get("items", {}), componenten, diepte + 1)]
    if schema.get("format") == "date-time":
        return "2021-02-07T12:00:00+01:00"
    if schema.get("format") == "date":
        return "2021-02-01"
    return _STANDAARD.get(soort)


def met_voorbeelden(openapi: dict) -> dict:
    """``openapi`` with an ``example`` for every JSON response that has a schema and none yet, and parameter
    examples in the form OpenAPI wants."""
    openapi = copy.deepcopy(dict(openapi))
    componenten = openapi.get("components", {}).get("schemas", {})
    for pad in openapi.get("paths", {}).values():
        for operatie in pad.values():
            for parameter in operatie.get("parameters", []):
                # Pydantic's list of ``examples`` belongs in the schema; OpenAPI wants a map on a parameter.
                if isinstance(parameter.get("examples"), list):
                    parameter["example"] = parameter.pop("examples")[0]
            for antwoord in operatie.get("responses", {}).values():
                inhoud = antwoord.get("content", {}).get("application/json")
                if inhoud and "schema" in inhoud and "example" not in inhoud:
                    inhoud["example"] = voorbeeld(inhoud["schema"], componenten)
    return openapi
