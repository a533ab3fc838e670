from django.urls import path

from .views import beoordelaar, export, staf

app_name = "beoordeling"

urlpatterns = [
    # Reviewers
    path("beoordelen/", beoordelaar.LijstView.as_view(), name="lijst"),
    path("beoordelen/ronde/<slug:slug>/verklaring/", beoordelaar.VerklaringView.as_view(), name="verklaring"),
    path("beoordelen/kandidaat/<int:pk>/", beoordelaar.KandidaatView.as_view(), name="kandidaat"),
    path(
        "beoordelen/kandidaat/<int:pk>/belangenconflict/",
        beoordelaar.ConflictMeldenView.as_view(),
        name="conflict_melden",
    ),
    # Programme staff
    path("beoordeling/", staf.OverzichtView.as_view(), name="overzicht"),
    path("beoordeling/<slug:slug>/", staf.DashboardView.as_view(), name="dashboard"),
    path("beoordeling/<slug:slug>/instellingen/", staf.InstellingenView.as_view(), name="instellingen"),
    path("beoordeling/<slug:slug>/toewijzen/", staf.ToewijzenView.as_view(), name="toewijzen"),
    path("beoordeling/<slug:slug>/gelijk-verdelen/", staf.VerdelenView.as_view(), name="verdelen"),
    path(
        "beoordeling/<slug:slug>/belangenconflict/", staf.ConflictVastleggenView.as_view(), name="conflict_vastleggen"
    ),
    path(
        "beoordeling/<slug:slug>/belangenconflicten-vaststellen/",
        staf.ConflictenVaststellenView.as_view(),
        name="conflicten_vaststellen",
    ),
    path("beoordeling/<slug:slug>/ranglijst/", staf.RanglijstView.as_view(), name="ranglijst"),
    path("beoordeling/<slug:slug>/selectie/", staf.SelectieView.as_view(), name="selectie"),
    path("beoordeling/<slug:slug>/selectie/<int:pk>/", staf.BesluitView.as_view(), name="besluit"),
    path("beoordeling/<slug:slug>/voorstel/", staf.VoorstelView.as_view(), name="voorstel"),
    path("beoordeling/<slug:slug>/publiceren/", staf.PublicerenView.as_view(), name="publiceren"),
    path("beoordeling/<slug:slug>/outbox/", staf.OutboxView.as_view(), name="outbox"),
    path("beoordeling/<slug:slug>/nieuws/", staf.NieuwsView.as_view(), name="nieuws"),
    path("beoordeling/<slug:slug>/audit/", staf.AuditView.as_view(), name="audit"),
    path(
        "beoordeling/<slug:slug>/export/beoordelingen.csv",
        export.ExportBeoordelingenView.as_view(),
        name="export_beoordelingen",
    ),
    path(
        "beoordeling/<slug:slug>/export/kandidaten.csv",
        export.ExportKandidatenView.as_view(),
        name="export_kandidaten",
    ),
    path("beoordeling/<slug:slug>/export/selectierapport.pdf", export.RapportView.as_view(), name="rapport"),
]
