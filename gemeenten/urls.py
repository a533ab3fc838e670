from django.urls import path

from .views import bewerken, publiek  # noqa: F401

app_name = "gemeenten"

urlpatterns = [
    # Public pages (these URLs are part of the product).
    path("", publiek.KoploperListView.as_view(), name="lijst"),
    path("kaart/", publiek.KoploperKaartView.as_view(), name="kaart"),
    path("kaart.geojson", publiek.kaart_geojson, name="kaart_geojson"),
    path("<slug:slug>/", publiek.KoploperDetailView.as_view(), name="profiel"),
    # Profile editing.
]
