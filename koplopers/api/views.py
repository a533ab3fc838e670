"""The human side of the open data: a documentation page rendered from the OpenAPI document, and the DCAT catalogue."""

import json

from django.http import HttpResponse
from django.views.generic import TemplateView

from .api import api
from .catalogus import catalogus

METHODEN = ("get", "head")


def _operaties(openapi: dict) -> list[dict]:
    """Every operation as what the page shows: path, summary, description, parameters, example."""
    operaties = []
    for pad, methoden in openapi.get("paths", {}).items():
        for methode, operatie in methoden.items():
            if methode not in METHODEN:
                continue
            antwoord = operatie.get("responses", {}).get("200", operatie.get("responses", {}).get(200, {}))
            inhoud = antwoord.get("content", {})
            soort, voorbeeld = next(iter(inhoud.items()), ("application/json", {}))
            operaties.append(
                {
                    "id": operatie.get("operationId", pad),
                    "pad": "/api/v1" + pad if not pad.startswith("/api/") else pad,
                    "samenvatting": operatie.get("summary", ""),
                    "beschrijving": operatie.get("description", ""),
                    "groep": (operatie.get("tags") or [""])[0],
                    "parameters": [
                        {
                            "naam": p["name"],
                            "waar": p["in"],
                            "verplicht": p.get("required", False),
                            "type": p.get("schema", {}).get("type", ""),
                            "beschrijving": p.get("description", p.get("schema", {}).get("description", "")),
                        }
                        for p in operatie.get("parameters", [])
                    ],
                    "mediatype": soort,
                    "voorbeeld": json.dumps(voorbeeld.get("example"), ensure_ascii=False, indent=2)[:3000]
                    if voorbeeld.get("example") is not None
                    else "",
                }
            )
    return operaties


class DocumentatieView(TemplateView):
    """The API reference in the house style: one section per endpoint, its parameters and an example."""

    template_name = "api/documentatie.html"

    def get_context_data(self, **kwargs):
        openapi = api.get_openapi_schema()
        return super().get_context_data(operaties=_operaties(openapi), info=openapi.get("info", {}), **kwargs)


def catalogus_jsonld(request):
    inhoud = json.dumps(catalogus(request), ensure_ascii=False, indent=2)
    return HttpResponse(inhoud.encode(), content_type="application/ld+json; charset=utf-8")
