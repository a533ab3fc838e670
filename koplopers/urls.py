from django.contrib import admin
from django.urls import include, path, re_path

from . import views

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("over/", views.PaginaView.as_view(template_name="pagina/over.html"), name="over"),
    path("privacy/", views.PaginaView.as_view(template_name="pagina/privacy.html"), name="privacy"),
    path(
        "toegankelijkheid/",
        views.PaginaView.as_view(template_name="pagina/toegankelijkheid.html"),
        name="toegankelijkheid",
    ),
    path("beheer/", admin.site.urls),
    # The open-data API (read-only, public data only) with its documentation and DCAT catalogue.
    path("api/v1/", include("koplopers.api.urls")),  # koplopers.admin_site.PortaalAdminSite: two-factor required
    # Public uploads only (logos, knowledge-base PDFs); nomination attachments go through a checked view.
    re_path(r"^media/(?P<pad>(?:koplopers/logo|kennisbank)/[\w-]+\.(?:jpg|png|pdf))$", views.publieke_media),
    path("account/gegevens/", include("koplopers.privacy.urls")),
    path("account/", include("koplopers.accounts.urls")),
    path("berichten/", include("koplopers.post.urls")),
    # kennisbank owns /kennisbank/, /etalage/, /factsheet/ and the PDFs (incl. /gemeenten/<slug>.pdf).
    path("", include("kennisbank.urls")),
    path("gemeenten/", include("gemeenten.urls")),
    # selectie owns /voordragen/, /mijn-voordrachten/ and the round/candidate staff pages.
    path("", include("selectie.urls")),
    # selectie.beoordeling owns /beoordelen/ and the selection workspace.
    path("", include("selectie.beoordeling.urls")),
]

handler403 = "koplopers.views.geen_toegang"
handler404 = "koplopers.views.niet_gevonden"
handler500 = "koplopers.views.serverfout"
