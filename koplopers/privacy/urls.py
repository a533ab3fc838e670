from django.urls import path

from . import views

app_name = "privacy"

urlpatterns = [
    path("", views.MijnGegevensView.as_view(), name="mijn_gegevens"),
    path("download/mijn-gegevens.json", views.DownloadView.as_view(formaat="json"), name="download_json"),
    path("download/mijn-gegevens.zip", views.DownloadView.as_view(formaat="zip"), name="download_zip"),
    path("verwijderen/", views.VerwijderenView.as_view(), name="verwijderen"),
    path("verzoeken/", views.VerzoekenView.as_view(), name="verzoeken"),
    path("verzoeken/<int:pk>/", views.VerzoekView.as_view(), name="verzoek"),
    path("verzoeken/<int:pk>/uitvoeren/", views.VerzoekUitvoerenView.as_view(), name="verzoek_uitvoeren"),
    path("verzoeken/<int:pk>/weigeren/", views.VerzoekWeigerenView.as_view(), name="verzoek_weigeren"),
]
