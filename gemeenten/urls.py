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
    path("<slug:slug>/bewerken/", bewerken.KoploperBewerkenView.as_view(), name="bewerken"),
    path("<slug:slug>/publiceren/", bewerken.KoploperPublicerenView.as_view(), name="publiceren"),
    path("<slug:slug>/depubliceren/", bewerken.KoploperDepublicerenView.as_view(), name="depubliceren"),
    path("<slug:slug>/geschiedenis/", bewerken.KoploperGeschiedenisView.as_view(), name="geschiedenis"),
    path("<slug:slug>/geschiedenis/<int:versie>/", bewerken.KoploperVersieView.as_view(), name="versie"),
    path(
        "<slug:slug>/geschiedenis/<int:versie>/herstellen/",
        bewerken.KoploperHerstellenView.as_view(),
        name="herstellen",
    ),
]
