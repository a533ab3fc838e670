from django.urls import path

from . import views

app_name = "selectie"

urlpatterns = [
    # Nominating.
    path("voordragen/", views.VoordragenView.as_view(), name="voordragen"),
    path("voordragen/starten/", views.VoordrachtStartenView.as_view(), name="voordracht_starten"),
    path("voordragen/<int:pk>/", views.VoordrachtBewerkenView.as_view(), name="voordracht_bewerken"),
    path("voordragen/<int:pk>/indienen/", views.VoordrachtIndienenView.as_view(), name="voordracht_indienen"),
    path(
        "voordragen/<int:pk>/bevestiging/",
        views.VoordrachtBevestigingView.as_view(),
        name="voordracht_bevestiging",
    ),
    path(
        "voordragen/<int:pk>/verwijderen/",
        views.VoordrachtVerwijderenView.as_view(),
        name="voordracht_verwijderen",
    ),
    path("mijn-voordrachten/", views.MijnVoordrachtenView.as_view(), name="mijn_voordrachten"),
    path("bijlagen/<int:pk>/", views.BijlageView.as_view(), name="bijlage"),
    path("bijlagen/<int:pk>/verwijderen/", views.BijlageVerwijderenView.as_view(), name="bijlage_verwijderen"),
    # Programme staff.
    path("programmabureau/rondes/", views.RondeListView.as_view(), name="rondes"),
    path("programmabureau/rondes/nieuw/", views.RondeAanmakenView.as_view(), name="ronde_nieuw"),
    path("programmabureau/rondes/<slug:slug>/", views.RondeBewerkenView.as_view(), name="ronde_bewerken"),
    path("programmabureau/rondes/<slug:slug>/status/", views.RondeStatusView.as_view(), name="ronde_status"),
    path("programmabureau/rondes/<slug:slug>/kandidaten/", views.KandidatenView.as_view(), name="kandidaten"),
    path(
        "programmabureau/rondes/<slug:slug>/kandidaten.csv",
        views.KandidatenCsvView.as_view(),
        name="kandidaten_csv",
    ),
    path("programmabureau/voordrachten/<int:pk>/", views.VoordrachtDetailView.as_view(), name="voordracht_detail"),
]
