from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from . import views

admin.site.site_header = _("Koploperportaal – beheer")
admin.site.site_title = _("Koploperportaal beheer")
admin.site.index_title = _("Beheer van het Koploperportaal")

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
    path("account/", include("koplopers.accounts.urls")),
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

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
