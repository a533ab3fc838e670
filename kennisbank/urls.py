from django.urls import path

from . import views
from .zoeken.views import ZoekenView

app_name = "kennisbank"

urlpatterns = [
    path("zoeken/", ZoekenView.as_view(), name="zoeken"),
    path("kennisbank/", views.KennisitemListView.as_view(), name="lijst"),
    path("kennisbank/in-beweging/", views.InBewegingView.as_view(), name="in_beweging"),
    path("kennisbank/<slug:slug>/", views.KennisitemDetailView.as_view(), name="detail"),
    path("etalage/", views.EtalageListView.as_view(), name="etalage"),
    path("etalage/<slug:slug>/", views.EtalageDetailView.as_view(), name="etalage_detail"),
    path("factsheet/", views.FactsheetView.as_view(), name="factsheet"),
    path("factsheet.pdf", views.FactsheetPdfView.as_view(), name="factsheet_pdf"),
    # Included at the site root before gemeenten's URLs, so this wins over /gemeenten/<slug>/.
    path("gemeenten/<slug:slug>.pdf", views.ProfielPdfView.as_view(), name="profiel_pdf"),
]
