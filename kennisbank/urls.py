from django.urls import path

from . import views
from .zelftest import views as zelftest
from .zoeken.views import ZoekenView

app_name = "kennisbank"

urlpatterns = [
    path("zoeken/", ZoekenView.as_view(), name="zoeken"),
    path("kennisbank/", views.KennisitemListView.as_view(), name="lijst"),
    path("kennisbank/in-beweging/", views.InBewegingView.as_view(), name="in_beweging"),
    path("kennisbank/<slug:slug>/", views.KennisitemDetailView.as_view(), name="detail"),
    path("etalage/", views.EtalageListView.as_view(), name="etalage"),
    path("etalage/<slug:slug>/", views.EtalageDetailView.as_view(), name="etalage_detail"),
    path("zelftest/", zelftest.ZelftestStartView.as_view(), name="zelftest"),
    path("zelftest/stap/<int:stap>/", zelftest.ZelftestStapView.as_view(), name="zelftest_stap"),
    path("zelftest/uitslag/", zelftest.ZelftestUitslagView.as_view(), name="zelftest_uitslag"),
    path("zelftest/uitslag.pdf", zelftest.ZelftestUitslagPdfView.as_view(), name="zelftest_pdf"),
    path("zelftest/bewaren/", zelftest.ZelftestBewarenView.as_view(), name="zelftest_bewaren"),
    path("zelftest/opnieuw/", zelftest.ZelftestOpnieuwView.as_view(), name="zelftest_opnieuw"),
    path("zelftest/totalen/", zelftest.ZelftestTotalenView.as_view(), name="zelftest_totalen"),
    path("zelftest/bewaard/<str:token>/", zelftest.ZelftestBewaardView.as_view(), name="zelftest_bewaard"),
    path("zelftest/bewaard/<str:token>/pdf/", zelftest.ZelftestBewaardPdfView.as_view(), name="zelftest_bewaard_pdf"),
    path(
        "zelftest/bewaard/<str:token>/aanpassen/", zelftest.ZelftestAanpassenView.as_view(), name="zelftest_aanpassen"
    ),
    path(
        "zelftest/bewaard/<str:token>/verwijderen/",
        zelftest.ZelftestVerwijderenView.as_view(),
        name="zelftest_verwijderen",
    ),
    path("factsheet/", views.FactsheetView.as_view(), name="factsheet"),
    path("factsheet.pdf", views.FactsheetPdfView.as_view(), name="factsheet_pdf"),
    # Included at the site root before gemeenten's URLs, so this wins over /gemeenten/<slug>/.
    path("gemeenten/<slug:slug>.pdf", views.ProfielPdfView.as_view(), name="profiel_pdf"),
]
