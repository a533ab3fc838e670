"""``/api/v1/``: the Ninja operations, the documentation page and the DCAT catalogue, all rate limited."""

from django.urls import path

from . import views
from .api import api
from .tempo import begrensd

app_name = "api"


def _begrensd(patronen):
    for patroon in patronen:
        patroon.callback = begrensd(patroon.callback)
    return patronen


urlpatterns = _begrensd(
    [
        path("", views.DocumentatieView.as_view(), name="documentatie"),
        path("catalogus.jsonld", views.catalogus_jsonld, name="catalogus"),
        *api.urls[0],
    ]
)
